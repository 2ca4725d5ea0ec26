#include "report/github_report.h"

#include <vector>

#include <fmt/format.h>

#include "report/text_report.h"
#include "util/escape.h"

namespace vendorlint {
namespace {

const char* LevelOf(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "notice";
  }
  return "notice";
}

// One workflow command. `lines` are the message's lines, each of them input
// text that is escaped on its own (GithubEscapeData makes it one visible line);
// only the breaks between them become %0A, so input can never start a line.
std::string Command(std::string_view level, std::string_view file, uint32_t line, uint32_t col,
                    std::string_view title, const std::vector<std::string>& lines) {
  std::string data;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) data += "%0A";
    data += GithubEscapeData(lines[i]);
  }
  std::string props;
  if (!file.empty()) {
    props = "file=" + GithubEscapeProperty(file);
    if (line != 0) props += fmt::format(",line={},col={}", line, col);
    props += ",";
  }
  props += "title=" + GithubEscapeProperty(title);
  return fmt::format("::{} {}::{}\n", level, props, data);
}

std::string Where(const Report& r, const Location& loc) {
  return fmt::format("{}:{}:{}", r.Path(loc), loc.line, loc.column);
}

bool IsNew(const Report& r, const Finding& f) {
  return r.has_baseline && f.baseline == BaselineState::kNew &&
         (f.outcome == Outcome::kFail || f.outcome == Outcome::kReview);
}

std::string Annotation(const Report& r, const Finding& f) {
  const char* level = "";
  std::string message;
  switch (f.outcome) {
    case Outcome::kFail:
      level = LevelOf(f.severity);
      message = f.message;
      break;
    case Outcome::kReview:
      // --strict counts review as fail, so it is annotated like one.
      level = r.policy.strict ? LevelOf(f.severity) : "warning";
      message = "needs review: " + f.message;
      break;
    case Outcome::kWaived:
      level = "notice";
      if (f.waiver) {
        message = fmt::format("waived by {} until {}: {} (was {}: {})", f.waiver->approved_by,
                              f.waiver->expires, f.waiver->justification,
                              OutcomeName(f.waiver->original), f.message);
      } else {
        message = "waived: " + f.message;
      }
      break;
    case Outcome::kPass:
    case Outcome::kNotApplicable:
      return "";
  }
  std::vector<std::string> lines = {message};
  for (const Evidence& e : f.evidence)
    lines.push_back(fmt::format("- {}: {} ({})", e.path, e.message, Where(r, e.loc)));
  if (f.waiver && f.waiver->expired) {
    // The message already says when it expired (see rules/waivers.h).
    lines.push_back(fmt::format("expired waiver approved by {}: {} ({})", f.waiver->approved_by,
                                f.waiver->justification, Where(r, f.waiver->loc)));
  }
  std::string title = IsNew(r, f) ? f.rule_id + " (new)" : f.rule_id;
  return Command(level, r.Path(f.loc), f.loc.line, f.loc.column, title, lines);
}

}  // namespace

std::string GithubEscapeData(std::string_view s) { return Escape(s, Sink::kGithubData); }
std::string GithubEscapeProperty(std::string_view s) { return Escape(s, Sink::kGithubProperty); }

std::string WriteGithubAnnotations(const Report& r) {
  std::string out;
  size_t new_count = 0;
  // Fails first, then reviews, then waived: the UI shows only the first ten
  // annotations of each level per step, and a fail matters most.
  for (Outcome o : {Outcome::kFail, Outcome::kReview, Outcome::kWaived}) {
    for (const Finding& f : r.findings) {
      if (f.outcome != o) continue;
      out += Annotation(r, f);
      if (IsNew(r, f)) ++new_count;
    }
  }
  for (const Diagnostic& d : r.waiver_notes)
    out += Command(LevelOf(d.severity), d.file, d.line, d.column, "vendorlint waivers",
                   {TruncateUtf8(d.message, kMaxDiagnosticBytes)});
  std::string summary = SummaryLine(r);
  if (r.has_baseline)
    summary += fmt::format("; baseline: {} new, {} fixed", new_count, r.absent.size());
  out += fmt::format("::{} title=vendorlint::{}\n", r.summary.gate_pass ? "notice" : "error",
                     GithubEscapeData(summary));
  return out;
}

}  // namespace vendorlint
