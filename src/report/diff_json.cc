// `diff --format json` (docs/output.md, "diff JSON").
#include "report/diff_report.h"
#include "report/json_writer.h"

namespace vendorlint {

std::string WriteDiffJson(const DiffReportInput& in) {
  const RegistryDiff& d = *in.diff;
  JsonWriter w;
  w.BeginObject();
  w.Member("old", in.old_label);
  w.Member("new", in.new_label);
  w.Key("summary");
  w.BeginObject();
  w.Member("changes", static_cast<int64_t>(d.changes.size() - d.Count(Impact::kNone)));
  w.Member("high", static_cast<int64_t>(d.Count(Impact::kHigh)));
  w.Member("medium", static_cast<int64_t>(d.Count(Impact::kMedium)));
  w.Member("low", static_cast<int64_t>(d.Count(Impact::kLow)));
  w.Member("cosmetic", static_cast<int64_t>(d.Count(Impact::kNone)));
  w.EndObject();
  w.Key("changes");
  w.BeginArray();
  for (const auto& c : d.changes) {
    if (c.impact == Impact::kNone && !in.cosmetic) continue;
    w.BeginObject();
    w.Member("provider", c.provider);
    w.Member("provider_name", c.provider_name);
    w.Member("kind", ChangeKindName(c.kind));
    w.Member("impact", ImpactName(c.impact));
    w.Member("reason", c.reason);
    w.Member("path", c.path);
    w.Member("before", c.before);
    w.Member("after", c.after);
    w.Member("message", c.message);
    if (c.loc.valid()) {
      w.Member("file", in.files->at(c.loc.file));
      w.Member("line", static_cast<int64_t>(c.loc.line));
      w.Member("column", static_cast<int64_t>(c.loc.column));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.str() + "\n";
}

}  // namespace vendorlint
