// libFuzzer target for the YAML front end: any byte string must give either a
// tree or at least one Diagnostic, never a crash, hang, leak or sanitizer
// report. Run it with ci/fuzz.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "load/yaml_document.h"

namespace {

// Every diagnostic must point inside the input (or at the file as a whole).
void CheckDiagnostics(std::string_view input, const std::vector<vendorlint::Diagnostic>& diags) {
  size_t lines = 1;
  for (char c : input) lines += c == '\n' ? 1 : 0;
  for (const vendorlint::Diagnostic& d : diags) {
    if (d.message.empty() || d.file != "fuzz.yaml") std::abort();
    if (d.line == 0 ? d.column != 0 : (d.line > lines || d.column == 0)) std::abort();
  }
}

size_t CountNodes(const vendorlint::yaml::Node& node) {
  size_t n = 1;
  for (const auto& item : node.items) n += CountNodes(item);
  for (const auto& [key, value] : node.entries) n += CountNodes(key) + CountNodes(value);
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const vendorlint::yaml::Limits limits;
  vendorlint::yaml::Node root;
  std::vector<vendorlint::Diagnostic> diags;
  const bool ok = vendorlint::yaml::ParseDocument("fuzz.yaml", input, limits, &root, &diags);
  if (ok != diags.empty()) std::abort();
  CheckDiagnostics(input, diags);
  if (diags.size() > limits.max_errors + 1) std::abort();  // the cap, plus one note
  if (ok && CountNodes(root) > limits.max_nodes) std::abort();
  return 0;
}
