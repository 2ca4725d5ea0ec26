#include "report/github_report.h"

#include <fmt/format.h>

#include "report/text_report.h"

namespace vendorlint {
namespace {

std::string Escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

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

std::string Command(std::string_view level, std::string_view file, uint32_t line, uint32_t col,
                    std::string_view title, std::string_view message) {
  std::string props;
  if (!file.empty()) {
    props = "file=" + GithubEscapeProperty(file);
    if (line != 0) props += fmt::format(",line={},col={}", line, col);
    props += ",";
  }
  props += "title=" + GithubEscapeProperty(title);
  return fmt::format("::{} {}::{}\n", level, props, GithubEscapeData(message));
}

std::string Where(const Report& r, const Location& loc) {
  return fmt::format("{}:{}:{}", r.Path(loc), loc.line, loc.column);
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
      level = r.VerdictOf(f).counts_as_fail ? LevelOf(f.severity) : "warning";
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
  for (const Evidence& e : f.evidence)
    message += fmt::format("\n- {}: {} ({})", e.path, e.message, Where(r, e.loc));
  if (f.waiver && f.waiver->expired) {
    // The message already says when it expired (see rules/waivers.h).
    message += fmt::format("\nexpired waiver approved by {}: {} ({})", f.waiver->approved_by,
                           f.waiver->justification, Where(r, f.waiver->loc));
  }
  std::string title = r.VerdictOf(f).is_new ? f.rule_id + " (new)" : f.rule_id;
  return Command(level, r.Path(f.loc), f.loc.line, f.loc.column, title, message);
}

}  // namespace

std::string GithubEscapeData(std::string_view s) { return Escape(s, false); }
std::string GithubEscapeProperty(std::string_view s) { return Escape(s, true); }

std::string WriteGithubAnnotations(const Report& r) {
  std::string out;
  size_t new_count = 0;
  // Fails first, then reviews, then waived: the UI shows only the first ten
  // annotations of each level per step, and a fail matters most.
  for (Outcome o : {Outcome::kFail, Outcome::kReview, Outcome::kWaived}) {
    for (const Finding& f : r.findings) {
      if (f.outcome != o) continue;
      out += Annotation(r, f);
      if (r.VerdictOf(f).is_new) ++new_count;
    }
  }
  for (const Diagnostic& d : r.waiver_notes)
    out += Command(LevelOf(d.severity), d.file, d.line, d.column, "vendorlint waivers", d.message);
  std::string summary = SummaryLine(r);
  if (r.has_baseline)
    summary += fmt::format("; baseline: {} new, {} fixed", new_count, r.absent.size());
  out += fmt::format("::{} title=vendorlint::{}\n", r.summary.gate_pass ? "notice" : "error",
                     GithubEscapeData(summary));
  return out;
}

}  // namespace vendorlint
