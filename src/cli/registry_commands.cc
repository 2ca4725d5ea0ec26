// `validate` and `providers`: the commands that only need the registry.
#include <algorithm>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "load/registry_loader.h"
#include "report/github_report.h"
#include "report/json_writer.h"

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

namespace {

// What `--cache` did, for `check --verbose` (on stderr: the report is unchanged).
void PrintCacheStats(const ParseCacheStats& s, const std::string& dir, std::ostream& err) {
  err << fmt::format("vendorlint: parse cache {}: {} provider files reused, {} parsed ({} entries "
                     "refused), {} stored\n",
                     dir, s.reused, s.parsed, s.rejected, s.stored);
}

}  // namespace

bool LoadRegistryOrReport(const CliOptions& o, Registry* reg, std::ostream& err) {
  LoadOptions lo;
  lo.registry_dir = o.registry_dir;
  lo.taxonomy_path = o.taxonomy;
  lo.threads = o.threads;
  lo.cache_dir = o.cache_dir;
  ParseCacheStats stats;
  lo.cache_stats = &stats;
  std::vector<Diagnostic> diags;
  bool ok = LoadRegistry(lo, reg, &diags);
  // A folder that could not be used has its warning instead: no counts to give.
  if (o.verbose && stats.used) PrintCacheStats(stats, o.cache_dir, err);
  if (ok) {
    PrintDiagnostics(diags, err);
  } else {
    ReportInvalidInput(diags, o.registry_dir, err, o.annotations);
  }
  return ok;
}

namespace {

// About whom a provider's data flows in one direction are: the union of their
// subjects. A flow that does not say about whom makes the set incomplete,
// which the output shows rather than hides.
struct Subjects {
  std::set<std::string> keys;
  bool flows = false;    // some flow goes in this direction
  bool complete = true;  // every such flow states its subjects
};

// One provider as `providers` shows it. The directions are kept apart: "who
// receives data about students" is answered by the shared flows only.
struct ProviderRow {
  const Provider* provider = nullptr;
  bool flows_known = false;
  Subjects shared, received;
};

ProviderRow RowOf(const Provider& p) {
  ProviderRow row;
  row.provider = &p;
  row.flows_known = p.data_flows.known;
  for (const auto& f : p.data_flows.items) {
    Subjects& s = f.direction.value == Direction::kShared ? row.shared : row.received;
    s.flows = true;
    if (!f.subjects.known) s.complete = false;
    for (const auto& k : f.subjects.items) s.keys.insert(k.value);
  }
  return row;
}

std::string Cell(const ProviderRow& r, const Subjects& s) {
  if (!r.flows_known) return "unknown";
  if (!s.flows) return "none";
  std::string cell;
  for (const auto& k : s.keys) cell += (cell.empty() ? "" : ", ") + k;
  if (!s.complete) cell += cell.empty() ? "unknown" : ", (unknown)";
  return cell;
}

struct Line {
  std::string id, contexts, purposes, shared, received, encrypted;
};

std::vector<Line> Lines(const std::vector<ProviderRow>& rows) {
  auto join = [](const KeyList& l) {
    if (!l.known) return std::string("unknown");
    if (l.items.empty()) return std::string("none");
    std::string s;
    for (const auto& k : l.items) s += (s.empty() ? "" : ", ") + k.value;
    return s;
  };
  std::vector<Line> lines;
  for (const auto& r : rows) {
    const Provider& p = *r.provider;
    lines.push_back({p.id.value, join(p.contexts), join(p.purposes), Cell(r, r.shared),
                     Cell(r, r.received), TriName(p.storage->encrypted_at_rest.value)});
  }
  return lines;
}

void ProvidersText(const std::vector<ProviderRow>& rows, std::ostream& out) {
  std::vector<Line> lines = Lines(rows);
  lines.insert(lines.begin(), {"ID", "CONTEXTS", "PURPOSES", "SHARED ABOUT", "RECEIVED ABOUT",
                               "ENCRYPTED AT REST"});
  size_t w[5] = {0, 0, 0, 0, 0};
  for (const auto& r : lines) {
    w[0] = std::max(w[0], r.id.size());
    w[1] = std::max(w[1], r.contexts.size());
    w[2] = std::max(w[2], r.purposes.size());
    w[3] = std::max(w[3], r.shared.size());
    w[4] = std::max(w[4], r.received.size());
  }
  for (const auto& r : lines) {
    out << fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {:<{}}  {}\n", r.id, w[0], r.contexts, w[1],
                       r.purposes, w[2], r.shared, w[3], r.received, w[4], r.encrypted);
  }
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// The table's columns as CSV (RFC 4180), lists joined with "; ".
void ProvidersCsv(const std::vector<ProviderRow>& rows, std::ostream& out) {
  out << "id,contexts,purposes,shared_about,received_about,encrypted_at_rest\n";
  auto semi = [](std::string s) {
    for (size_t i; (i = s.find(", ")) != std::string::npos;) s.replace(i, 2, "; ");
    return CsvField(s);
  };
  for (const auto& l : Lines(rows)) {
    out << fmt::format("{},{},{},{},{},{}\n", CsvField(l.id), semi(l.contexts), semi(l.purposes),
                       semi(l.shared), semi(l.received), l.encrypted);
  }
}

// The same facts as JSON: an unknown list is null, not a string, so that a
// consumer cannot mistake "unknown" for a key.
void ProvidersJson(const std::vector<ProviderRow>& rows, std::ostream& out) {
  JsonWriter w;
  auto list = [&](std::string_view key, const KeyList& l) {
    w.Key(key);
    if (!l.known) {
      w.Null();
      return;
    }
    w.BeginArray();
    for (const auto& k : l.items) w.String(k.value);
    w.EndArray();
  };
  auto subjects = [&](std::string_view key, const ProviderRow& r, const Subjects& s) {
    w.Key(key);
    if (!r.flows_known) {
      w.Null();
    } else {
      w.BeginObject();
      w.Key("subjects");
      w.BeginArray();
      for (const auto& k : s.keys) w.String(k);
      w.EndArray();
      w.MemberBool("complete", s.complete);
      w.EndObject();
    }
  };
  w.BeginObject();
  w.Key("providers");
  w.BeginArray();
  for (const auto& r : rows) {
    const Provider& p = *r.provider;
    w.BeginObject();
    w.Member("id", p.id.value);
    w.Member("name", p.name.value);
    list("contexts", p.contexts);
    list("purposes", p.purposes);
    subjects("shared_about", r, r.shared);
    subjects("received_about", r, r.received);
    w.Member("encrypted_at_rest", TriName(p.storage->encrypted_at_rest.value));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << w.str();
}

}  // namespace

int RunProviders(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.as_of.empty() && WherePredicateText(o).empty())
    return UsageError(err, "--as-of only matters with --where or a shortcut (date conditions)");
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  if (!WherePredicateText(o).empty()) return RunProvidersWhere(o, reg, out, err);
  std::vector<ProviderRow> rows;
  for (const auto& p : reg.providers) rows.push_back(RowOf(p));
  if (o.format == "csv") {
    ProvidersCsv(rows, out);
  } else if (o.format == "json") {
    ProvidersJson(rows, out);
  } else {
    ProvidersText(rows, out);
  }
  return kExitPass;
}

}  // namespace vendorlint
