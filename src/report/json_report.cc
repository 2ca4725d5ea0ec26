#include "report/json_report.h"

#include <sstream>

#include "report/json_writer.h"

namespace vendorlint {
namespace {

void WriteLocation(JsonWriter* w, const std::string& file, uint32_t line, uint32_t column) {
  w->Key("location");
  w->BeginObject();
  w->Member("file", file);
  w->Member("line", static_cast<int64_t>(line));
  w->Member("column", static_cast<int64_t>(column));
  w->EndObject();
}

void WriteLocation(JsonWriter* w, const Report& r, const Location& loc) {
  WriteLocation(w, r.Path(loc), loc.line, loc.column);
}

void WriteFinding(JsonWriter& w, const Report& r, const Finding& f) {
  w.BeginObject();
  w.Member("rule", f.rule_id);
  w.Member("provider", f.provider_id);
  w.Member("outcome", OutcomeName(f.outcome));
  w.Member("severity", SeverityName(f.severity));
  w.Member("message", f.message);
  WriteLocation(&w, r, f.loc);
  w.Member("fingerprint", f.fingerprint);
  if (r.has_baseline) w.Member("baseline_state", BaselineStateName(f.baseline));
  if (f.waiver) {
    w.Key("waiver");
    w.BeginObject();
    w.Member("justification", f.waiver->justification);
    w.Member("approved_by", f.waiver->approved_by);
    w.Member("expires", f.waiver->expires);
    w.MemberBool("expired", f.waiver->expired);
    w.Member("original_outcome", OutcomeName(f.waiver->original));
    WriteLocation(&w, r, f.waiver->loc);
    w.EndObject();
  }
  w.Key("evidence");
  w.BeginArray();
  for (const Evidence& e : f.evidence) {
    w.BeginObject();
    w.Member("path", e.path.Format());
    w.Member("message", e.message);
    WriteLocation(&w, r, e.loc);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string WriteJsonReport(const Report& r) {
  std::ostringstream out;
  WriteJsonReport(r, out);
  return std::move(out).str();
}

void WriteJsonReport(const Report& r, std::ostream& out) {
  JsonWriter w(&out);
  w.BeginObject();
  w.Member("format_version", kJsonReportVersion);
  w.Key("tool");
  w.BeginObject();
  w.Member("name", "vendorlint");
  w.Member("version", VENDORLINT_VERSION);
  w.EndObject();
  w.Member("as_of", r.as_of.ToString());
  w.Key("summary");
  w.BeginObject();
  w.Member("providers", static_cast<int64_t>(r.summary.providers));
  w.Member("rules", static_cast<int64_t>(r.summary.rules));
  for (Outcome o : {Outcome::kPass, Outcome::kFail, Outcome::kReview, Outcome::kNotApplicable,
                    Outcome::kWaived}) {
    w.Member(OutcomeName(o), static_cast<int64_t>(r.summary.count(o)));
  }
  w.Member("gate", r.summary.gate_pass ? "pass" : "fail");
  w.EndObject();
  w.Key("findings");
  w.BeginArray();
  // Not-applicable pairs are never printed, so never made; the others are
  // made and rendered a bounded batch at a time, on every thread.
  const size_t depth = w.depth();
  r.RenderFindings(
      kAllOutcomes & ~OutcomeBit(Outcome::kNotApplicable),
      [&](std::span<const Finding> chunk) {
        JsonWriter piece = JsonWriter::ForElementsAt(depth);
        for (const Finding& f : chunk) WriteFinding(piece, r, f);
        return piece.str();
      },
      [&](const std::string& text) { w.AppendElements(text); });
  w.EndArray();
  if (r.has_baseline) {
    // Findings the baseline records that this run no longer produces.
    w.Key("fixed");
    w.BeginArray();
    for (const Finding& f : r.absent) {
      w.BeginObject();
      w.Member("rule", f.rule_id);
      w.Member("provider", f.provider_id);
      w.Member("outcome", OutcomeName(f.outcome));
      w.Member("severity", SeverityName(f.severity));
      w.Member("message", f.message);
      w.Member("fingerprint", f.fingerprint);
      w.EndObject();
    }
    w.EndArray();
  }
  // Each unknown fact once, most blocking first (docs/output.md, "Questions").
  w.Key("questions");
  w.BeginArray();
  for (size_t qi = 0; qi < r.QuestionCount(); ++qi) {
    const Question q = r.QuestionAt(qi);
    w.BeginObject();
    w.Member("fact", q.fact);
    w.Member("question", q.question);
    WriteLocation(&w, r, q.loc);
    w.Key("blocks");
    w.BeginArray();
    for (size_t i : q.blocks) w.String(r.FingerprintOf(i));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("waiver_notes");
  w.BeginArray();
  for (const Diagnostic& d : r.waiver_notes) {
    w.BeginObject();
    w.Member("severity", SeverityName(d.severity));
    w.Member("message", d.message);
    WriteLocation(&w, d.file, d.line, d.column);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Flush();
}

}  // namespace vendorlint
