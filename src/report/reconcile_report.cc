#include "report/reconcile_report.h"

#include <fmt/format.h>

#include "report/json_writer.h"
#include "util/escape.h"

namespace vendorlint {

std::string ReconcileText(const Reconciliation& r, const std::string& page,
                          const std::string& registry) {
  std::string out;
  for (const auto& d : r.drift)
    out += fmt::format("{}:{}:{}: drift: {}\n", Escape(d.file), d.line, d.column, Escape(d.message));
  std::string counts = fmt::format("{} of {} page row{} matched, {} provider{} in the registry",
                                   r.matched_rows, r.rows, r.rows == 1 ? "" : "s", r.providers,
                                   r.providers == 1 ? "" : "s");
  if (r.drift.empty())
    out += fmt::format("vendorlint: {} matches {}: no drift ({})\n", Escape(page), Escape(registry), counts);
  else
    out += fmt::format("vendorlint: {} drift item{} between {} and {} ({})\n", r.drift.size(),
                       r.drift.size() == 1 ? "" : "s", Escape(page), Escape(registry), counts);
  return out;
}

std::string ReconcileJson(const Reconciliation& r, const std::string& page,
                          const std::string& registry) {
  JsonWriter w;
  w.BeginObject();
  w.Member("page", page);
  w.Member("registry", registry);
  w.Member("rows", static_cast<int64_t>(r.rows));
  w.Member("matched_rows", static_cast<int64_t>(r.matched_rows));
  w.Member("providers", static_cast<int64_t>(r.providers));
  w.MemberBool("clean", r.drift.empty());
  w.Key("drift");
  w.BeginArray();
  for (const auto& d : r.drift) {
    w.BeginObject();
    w.Member("kind", DriftKindName(d.kind));
    w.Key("provider");
    if (d.provider.empty()) w.Null();
    else w.String(d.provider);
    w.Key("page_name");
    if (d.page_name.empty()) w.Null();
    else w.String(d.page_name);
    w.Member("file", d.file);
    w.Member("line", static_cast<int64_t>(d.line));
    w.Member("column", static_cast<int64_t>(d.column));
    w.Member("message", d.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::string out = w.str();
  if (!out.ends_with('\n')) out += '\n';
  return out;
}

}  // namespace vendorlint
