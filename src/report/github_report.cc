#include "report/github_report.h"

#include <algorithm>
#include <array>
#include <tuple>
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

// The level of a finding's annotation; "" for none (pass, not applicable).
const char* AnnotationLevel(Outcome outcome, Severity severity, const FindingVerdict& verdict) {
  switch (outcome) {
    case Outcome::kFail:
      return LevelOf(severity);
    case Outcome::kReview:
      // --strict counts review as fail, so it is annotated like one.
      return verdict.counts_as_fail ? LevelOf(severity) : "warning";
    case Outcome::kWaived:
      return "notice";
    case Outcome::kPass:
    case Outcome::kNotApplicable:
      break;
  }
  return "";
}

std::string Annotation(const Report& r, const Finding& f) {
  const char* level = AnnotationLevel(f.outcome, f.severity, r.VerdictOf(f));
  std::string message;
  switch (f.outcome) {
    case Outcome::kFail:
      message = f.message;
      break;
    case Outcome::kReview:
      message = "needs review: " + f.message;
      break;
    case Outcome::kWaived:
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
  std::string title = r.VerdictOf(f).is_new ? f.rule_id + " (new)" : f.rule_id;
  return Command(level, r.Path(f.loc), f.loc.line, f.loc.column, title, lines);
}

}  // namespace

std::string GithubEscapeData(std::string_view s) { return Escape(s, Sink::kGithubData); }
std::string GithubEscapeProperty(std::string_view s) { return Escape(s, Sink::kGithubProperty); }

namespace {

// One workflow command, with what decides whether it is shown.
struct Line {
  int level = 0;         // 0 error, 1 warning, 2 notice
  bool pressing = true;  // fails the gate, or is new since the baseline
  int kind = 0;          // 0 fail, 1 review, 2 waived, 3 waiver note
  size_t order = 0;      // report order
  std::string text;      // (for a finding, made once it is chosen)
};

// The order lines are shown in: by level, what presses first, then kind,
// then report order.
bool ShownBefore(const Line& a, const Line& b) {
  return std::tie(a.level, b.pressing, a.kind, a.order) <
         std::tie(b.level, a.pressing, b.kind, b.order);
}

int LevelRank(std::string_view level) {
  return level == "error" ? 0 : level == "warning" ? 1 : 2;
}

// GitHub shows this many annotations of each level per step and drops the rest
// from the UI; one notice is kept for the closing summary.
constexpr size_t kShown[3] = {10, 10, 9};

// Keeps the most important lines within kShown and returns them in display
// order; counts what was left out per level.
std::vector<Line> Select(std::vector<Line> lines, std::array<size_t, 3>* left_out) {
  std::stable_sort(lines.begin(), lines.end(), ShownBefore);
  std::vector<Line> shown;
  std::array<size_t, 3> taken{};
  *left_out = {};
  for (auto& l : lines) {
    auto lv = static_cast<size_t>(l.level);
    if (taken[lv] < kShown[lv]) {
      ++taken[lv];
      shown.push_back(std::move(l));
    } else {
      ++(*left_out)[lv];
    }
  }
  return shown;
}

std::string LeftOut(const std::array<size_t, 3>& left_out) {
  size_t total = left_out[0] + left_out[1] + left_out[2];
  if (total == 0) return "";
  return fmt::format(
      "; {} more annotation{} not shown ({} error, {} warning, {} notice): GitHub shows 10 "
      "errors, 10 warnings and 10 notices per step",
      total, total == 1 ? "" : "s", left_out[0], left_out[1], left_out[2]);
}

// Keeps, per level, the lines Select would show of all those offered, and
// counts the rest: the findings' annotations are chosen before any is made.
class Chooser {
 public:
  void Offer(Line line) {
    auto lv = static_cast<size_t>(line.level);
    ++offered_[lv];
    std::vector<Line>& best = best_[lv];
    best.push_back(std::move(line));
    if (best.size() >= 4 * kShown[lv]) Trim(lv);
  }
  // The lines kept, by level, in display order; what was left out per level.
  std::vector<Line> Finish(std::array<size_t, 3>* left_out) {
    std::vector<Line> shown;
    for (size_t lv = 0; lv < 3; ++lv) {
      Trim(lv);
      (*left_out)[lv] = offered_[lv] - best_[lv].size();
      for (Line& l : best_[lv]) shown.push_back(std::move(l));
    }
    return shown;
  }

 private:
  void Trim(size_t lv) {
    std::vector<Line>& best = best_[lv];
    std::sort(best.begin(), best.end(), ShownBefore);  // order is unique: a total order
    if (best.size() > kShown[lv]) best.resize(kShown[lv]);
  }
  std::array<std::vector<Line>, 3> best_;
  std::array<size_t, 3> offered_{};
};

}  // namespace

std::string WriteGithubAnnotations(const Report& r) {
  // Which findings are annotated, and which of those are shown, come from
  // their outcome and verdict alone; only the shown ones are made.
  Chooser chooser;
  size_t new_count = 0;
  for (size_t i = 0; i < r.FindingCount(); ++i) {
    const Outcome outcome = r.OutcomeOf(i);
    if (outcome == Outcome::kPass || outcome == Outcome::kNotApplicable) continue;
    const FindingVerdict v = r.VerdictAt(i);
    if (v.is_new) ++new_count;
    const bool pressing = v.fails_gate || v.is_new;
    const int kind = outcome == Outcome::kFail ? 0 : outcome == Outcome::kReview ? 1 : 2;
    chooser.Offer(
        Line{LevelRank(AnnotationLevel(outcome, r.SeverityOf(i), v)), pressing, kind, i, {}});
  }
  // Waiver notes follow the findings in report order.
  for (size_t k = 0; k < r.waiver_notes.size(); ++k) {
    const Diagnostic& d = r.waiver_notes[k];
    std::string level = LevelOf(d.severity);
    chooser.Offer(Line{LevelRank(level), d.severity == Severity::kError, 3,
                       r.FindingCount() + k,
                       Command(level, d.file, d.line, d.column, "vendorlint waivers",
                               {TruncateUtf8(d.message, kMaxDiagnosticBytes)})});
  }
  std::array<size_t, 3> left_out{};
  std::vector<Line> shown = chooser.Finish(&left_out);
  std::vector<size_t> findings;
  for (const Line& l : shown)
    if (l.kind != 3) findings.push_back(l.order);
  std::vector<Finding> made = r.FindingsAt(findings);
  std::string out;
  size_t next = 0;
  for (const Line& l : shown) out += l.kind == 3 ? l.text : Annotation(r, made[next++]);
  std::string summary = SummaryLine(r);
  if (r.has_baseline)
    summary += fmt::format("; baseline: {} new, {} fixed", new_count, r.absent.size());
  summary += LeftOut(left_out);
  summary += "; the full report is in the job summary";
  out += fmt::format("::notice title=vendorlint::{}\n", GithubEscapeData(summary));
  return out;
}

std::string WriteGithubDiagnostics(const std::vector<Diagnostic>& diags, std::string_view where) {
  std::vector<Line> lines;
  for (const Diagnostic& d : diags) {
    std::string level = LevelOf(d.severity);
    lines.push_back(Line{LevelRank(level), true, 0, lines.size(),
                         Command(level, d.file, d.line, d.column, "vendorlint",
                                 {TruncateUtf8(d.message, kMaxDiagnosticBytes)})});
  }
  std::array<size_t, 3> left_out{};
  std::string out;
  for (const Line& l : Select(std::move(lines), &left_out)) out += l.text;
  size_t n = CountErrors(diags);
  std::string summary = fmt::format("{} error{} in {}; nothing was evaluated", n,
                                    n == 1 ? "" : "s", where);
  summary += LeftOut(left_out);
  summary += "; every message is in the log";
  out += fmt::format("::notice title=vendorlint::{}\n", GithubEscapeData(summary));
  return out;
}

}  // namespace vendorlint
