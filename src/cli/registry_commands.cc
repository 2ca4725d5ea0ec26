// `validate` and `providers`: the commands that only need the registry.
#include <algorithm>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "load/registry_loader.h"
#include "report/github_report.h"

namespace vendorlint {

void PrintDiagnostics(const std::vector<Diagnostic>& diags, std::ostream& err) {
  for (const auto& d : diags) err << d.Format() << "\n";
}

void ReportInvalidInput(const std::vector<Diagnostic>& diags, const std::string& where,
                        std::ostream& err, std::ostream* annotations) {
  if (annotations != nullptr) *annotations << WriteGithubDiagnostics(diags, where);
  PrintDiagnostics(diags, err);
  size_t n = CountErrors(diags);
  err << fmt::format("vendorlint: {} error{} in {}; nothing was evaluated\n", n, n == 1 ? "" : "s",
                     where);
}

bool LoadRegistryOrReport(const CliOptions& o, Registry* reg, std::ostream& err) {
  LoadOptions lo;
  lo.registry_dir = o.registry_dir;
  lo.taxonomy_path = o.taxonomy;
  lo.threads = o.threads;
  std::vector<Diagnostic> diags;
  bool ok = LoadRegistry(lo, reg, &diags);
  if (ok) {
    PrintDiagnostics(diags, err);
  } else {
    ReportInvalidInput(diags, o.registry_dir, err, o.annotations);
  }
  return ok;
}

int RunProviders(const CliOptions& o, std::ostream& out, std::ostream& err) {
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  auto join = [](const KeyList& l) {
    if (!l.known) return std::string("unknown");
    if (l.items.empty()) return std::string("none");
    std::string s;
    for (const auto& k : l.items) s += (s.empty() ? "" : ", ") + k.value;
    return s;
  };
  struct Row {
    std::string id, contexts, purposes, subjects, encrypted;
  };
  std::vector<Row> rows;
  rows.push_back({"ID", "CONTEXTS", "PURPOSES", "SUBJECTS", "ENCRYPTED AT REST"});
  for (const auto& p : reg.providers) {
    // Subjects across all flows; a flow that does not say about whom makes the
    // set incomplete, which the table shows rather than hides.
    std::set<std::string> subjects;
    bool some_unknown = false;
    for (const auto& f : p.data_flows.items) {
      if (!f.subjects.known) some_unknown = true;
      for (const auto& s : f.subjects.items) subjects.insert(s.value);
    }
    std::string subj;
    for (const auto& s : subjects) subj += (subj.empty() ? "" : ", ") + s;
    if (!p.data_flows.known) {
      subj = "unknown";
    } else if (some_unknown) {
      subj += subj.empty() ? "unknown" : ", (unknown)";
    } else if (subj.empty()) {
      subj = "none";
    }
    rows.push_back({p.id.value, join(p.contexts), join(p.purposes), subj,
                    TriName(p.storage.encrypted_at_rest.value)});
  }
  size_t w[4] = {0, 0, 0, 0};
  for (const auto& r : rows) {
    w[0] = std::max(w[0], r.id.size());
    w[1] = std::max(w[1], r.contexts.size());
    w[2] = std::max(w[2], r.purposes.size());
    w[3] = std::max(w[3], r.subjects.size());
  }
  for (const auto& r : rows) {
    out << fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {}\n", r.id, w[0], r.contexts, w[1],
                       r.purposes, w[2], r.subjects, w[3], r.encrypted);
  }
  return kExitPass;
}

}  // namespace vendorlint
