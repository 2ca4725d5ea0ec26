// libFuzzer target for the YAML front end: any byte string must give either a
// tree or at least one Diagnostic, never a crash, hang, leak or sanitizer
// report. Run it with ci/fuzz.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "load/yaml_document.h"

namespace {

using vendorlint::Diagnostic;
using vendorlint::yaml::Limits;
using vendorlint::yaml::Node;
using vendorlint::yaml::ParseDocument;

// Every diagnostic must point inside the input (or at the file as a whole).
void CheckDiagnostics(std::string_view input, const std::vector<Diagnostic>& diags) {
  size_t lines = 1;
  for (char c : input) lines += c == '\n' ? 1 : 0;
  for (const Diagnostic& d : diags) {
    if (d.message.empty() || d.file != "fuzz.yaml") std::abort();
    if (d.line == 0 ? d.column != 0 : (d.line > lines || d.column == 0)) std::abort();
  }
}

size_t CountNodes(const Node& node) {
  size_t n = 1;
  for (const Node& item : node.items) n += CountNodes(item);
  for (const auto& [key, value] : node.entries) n += CountNodes(key) + CountNodes(value);
  return n;
}

// Nesting depth in collections: a scalar is 0, `[a]` is 1.
int Depth(const Node& node) {
  int d = 0;
  for (const Node& item : node.items) d = std::max(d, Depth(item));
  for (const auto& [key, value] : node.entries) d = std::max({d, Depth(key), Depth(value)});
  return node.IsSequence() || node.IsMapping() ? d + 1 : 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Limits limits;
  Node root;
  std::vector<Diagnostic> diags;
  const bool ok = ParseDocument("fuzz.yaml", input, limits, &root, &diags);
  if (ok != diags.empty()) std::abort();
  CheckDiagnostics(input, diags);
  if (diags.size() > limits.max_errors + 1) std::abort();  // the cap, plus one note
  if (!ok) return 0;
  const size_t nodes = CountNodes(root);
  const int depth = Depth(root);
  if (nodes > limits.max_nodes || depth > limits.max_depth) std::abort();

  // The limits are exact: the pre-parse bound on flow collections must never
  // reject a document that is within them.
  Limits tight;
  tight.max_nodes = nodes;
  tight.max_depth = depth;
  Node again;
  std::vector<Diagnostic> again_diags;
  if (!ParseDocument("fuzz.yaml", input, tight, &again, &again_diags)) std::abort();
  if (nodes > 1) {
    tight.max_nodes = nodes - 1;
    if (ParseDocument("fuzz.yaml", input, tight, &again, &again_diags)) std::abort();
  }
  return 0;
}
