#include "report/markdown_report.h"

#include <algorithm>
#include <functional>
#include <map>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "report/finding_text.h"
#include "util/escape.h"
#include "report/diff_report.h"

namespace vendorlint {
namespace {

// Room kept for what follows a truncated list: the remaining section headings
// and "... and N more" lines, so the document never outgrows max_bytes.
constexpr size_t kReserve = 2048;

// An id or a field path in a code span; those never hold backticks, but fall
// back to escaped text if one ever does. `|` needs a backslash even in a code
// span inside a table.
std::string Code(std::string_view raw) {
  if (raw.find('`') != std::string_view::npos) return MarkdownEscape(raw);
  std::string s = Escape(raw);
  std::string out = "`";
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out + "`";
}

// Path bytes outside the URL-safe set, percent-encoded, so that a space or a
// parenthesis cannot end the link target.
std::string UrlPath(std::string_view s) {
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += safe ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

std::string BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

class Writer {
 public:
  Writer(const Report& r, const MarkdownOptions& o) : r_(r), o_(o) {
    if (!o_.link_base.empty() && o_.link_base.back() != '/') o_.link_base += '/';
  }

  std::string out;

  // "[ads.yaml:9](registry/providers/ads.yaml#L9)": the file name keeps the
  // table narrow; the target has the whole path.
  std::string Link(std::string_view path, uint32_t line) const {
    if (path.empty()) return "";
    std::string text = line ? fmt::format("{}:{}", BaseName(path), line) : BaseName(path);
    std::string target = o_.link_base + UrlPath(path);
    if (line) target += fmt::format("#L{}", line);
    return fmt::format("[{}]({})", MarkdownEscape(text), target);
  }
  std::string Link(const Location& loc) const { return Link(r_.Path(loc), loc.line); }

  // Appends rows 0, 1, ... of `count` (made by row(k)) while they fit;
  // returns how many were left out. Only the rows that fit are made.
  size_t Rows(size_t count, const std::function<std::string(size_t)>& row) {
    size_t k = 0;
    for (; k < count && k < o_.max_rows; ++k) {
      std::string text = row(k);
      if (out.size() + text.size() + kReserve > o_.max_bytes) break;
      out += text;
    }
    return count - k;
  }

  // The most rows any list or table shows: the findings worth making.
  size_t max_rows() const { return o_.max_rows; }

  void Table(std::string_view heading, std::string_view header, std::string_view align,
             size_t count, const std::function<std::string(size_t)>& row) {
    if (count == 0) return;
    out += fmt::format("### {} ({})\n\n{}\n{}\n", heading, count, header, align);
    size_t left = Rows(count, row);
    // A blank line first: a plain line right after a table would be read as
    // one more row.
    if (left) out += fmt::format("\n... and {} more\n", left);
    out += "\n";
  }

  void List(size_t count, const std::function<std::string(size_t)>& item) {
    size_t left = Rows(count, item);
    if (left) out += fmt::format("- ... and {} more\n", left);
  }

 private:
  const Report& r_;
  MarkdownOptions o_;
};

// The message already says when a waiver expired (see rules/waivers.h); the
// cell adds who approved it and where it is.
std::string MessageCell(const Writer& w, const Finding& f) {
  std::string cell = MarkdownEscape(f.message);
  if (f.waiver && f.waiver->expired) {
    cell += fmt::format("<br>⚠️ expired waiver approved by {}: {}",
                        MarkdownEscape(f.waiver->approved_by), w.Link(f.waiver->loc));
  }
  return cell;
}

void Counts(Writer* w, const Report& r, size_t new_count) {
  const ReportSummary& s = r.summary;
  w->out += fmt::format(
      "| pass | fail | review | waived | not applicable | providers | rules | as of |\n"
      "|---:|---:|---:|---:|---:|---:|---:|---|\n"
      "| {} | {} | {} | {} | {} | {} | {} | {} |\n\n",
      s.count(Outcome::kPass), s.count(Outcome::kFail), s.count(Outcome::kReview),
      s.count(Outcome::kWaived), s.count(Outcome::kNotApplicable), s.providers, s.rules,
      r.as_of.ToString());
  std::string gate = r.policy.fail_on_none ? "none" : SeverityName(r.policy.fail_on);
  w->out += fmt::format("Gate: `--fail-on {}{}`", gate, r.policy.strict ? " --strict" : "");
  if (r.has_baseline)
    w->out += fmt::format(" · baseline: {} new, {} fixed", new_count, r.absent.size());
  w->out += "\n\n";
}

// The first findings of `indices` that a list or table can show, made once.
std::vector<Finding> Shown(const Writer& w, const Report& r, const std::vector<size_t>& indices) {
  return r.FindingsAt(std::span<const size_t>(indices).first(std::min(indices.size(), w.max_rows())));
}

void NewAndFixed(Writer* w, const Report& r) {
  // What fails the gate first, then other fails, then reviews; report order
  // within each.
  std::vector<size_t> fresh;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.VerdictAt(i).is_new) fresh.push_back(i);
  auto rank = [&](size_t i) {
    return r.VerdictAt(i).fails_gate ? 0 : r.OutcomeOf(i) == Outcome::kFail ? 1 : 2;
  };
  std::stable_sort(fresh.begin(), fresh.end(),
                   [&](size_t a, size_t b) { return rank(a) < rank(b); });
  const std::vector<Finding> shown = Shown(*w, r, fresh);
  w->Table("New findings", "| outcome | rule | severity | provider | message | location |",
           "|---|---|---|---|---|---|", fresh.size(), [&](size_t k) {
             const Finding& f = shown[k];
             return fmt::format("| {} | {} | {} | {} | {} | {} |\n", OutcomeName(f.outcome),
                                Code(f.rule_id), SeverityName(f.severity), Code(f.provider_id),
                                MessageCell(*w, f), w->Link(f.loc));
           });
  w->Table("Fixed findings", "| rule | severity | provider | message |", "|---|---|---|---|",
           r.absent.size(), [&](size_t k) {
             const Finding& f = r.absent[k];
             return fmt::format("| {} | {} | {} | {} |\n", Code(f.rule_id),
                                SeverityName(f.severity), Code(f.provider_id),
                                MarkdownEscape(f.message));
           });
}

// Every finding that fails the gate, as the text report has it: the message
// and location, then each evidence item with its line, then the fix (the
// first sentence of the rule's remediation) and where to read more.
void GateFailures(Writer* w, const Report& r) {
  std::vector<size_t> failing;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.VerdictAt(i).fails_gate) failing.push_back(i);
  if (failing.empty()) return;
  const std::vector<Finding> shown = Shown(*w, r, failing);
  w->out += fmt::format("### ❌ Failing the gate ({})\n\n", failing.size());
  w->List(failing.size(), [&](size_t k) {
    const Finding& f = shown[k];
    std::string item = fmt::format("- **{}** · {} ({}, {}): {} — {}\n", Code(f.rule_id),
                                   Code(f.provider_id), OutcomeName(f.outcome),
                                   SeverityName(f.severity), MessageCell(*w, f), w->Link(f.loc));
    for (const Evidence& e : f.evidence) {
      item += fmt::format("  - {}: {} — {}\n", Code(e.path.Format()),
                          MarkdownEscape(EvidenceText(e)), w->Link(e.loc));
    }
    const Rule* rule = r.rules ? r.rules->Find(f.rule_id) : nullptr;
    if (rule && !rule->remediation.empty())
      item += fmt::format("  - **Fix:** {}\n", MarkdownEscape(FirstSentence(rule->remediation)));
    item += fmt::format("  - More: {}\n", Code(fmt::format("vendorlint explain {} --provider {}",
                                                           f.rule_id, f.provider_id)));
    return item;
  });
  w->out += "\n";
}

// Fails that do not fail the gate (below --fail-on, or already in the
// baseline): one row each, without evidence; fails that come down to one
// unstated field once per rule, with the providers listed.
void OtherFails(Writer* w, const Report& r) {
  std::vector<const UnstatedFailGroup*> group_of(r.FindingCount(), nullptr);
  for (const UnstatedFailGroup& g : r.unstated_fails)
    for (size_t k : g.findings) group_of[k] = &g;
  // A row is a finding, or a group at its first finding.
  std::vector<size_t> rows, singles;
  for (size_t k = 0; k < r.FindingCount(); ++k) {
    if (r.OutcomeOf(k) != Outcome::kFail || r.VerdictAt(k).fails_gate) continue;
    if (const UnstatedFailGroup* g = group_of[k]) {
      if (g->findings.front() != k) continue;
    } else if (rows.size() < w->max_rows()) {
      singles.push_back(k);
    }
    rows.push_back(k);
  }
  const std::vector<Finding> shown = r.FindingsAt(singles);
  size_t next_single = 0;
  w->Table("Other fails (not failing the gate)",
           "| rule | severity | provider | message | location |", "|---|---|---|---|---|",
           rows.size(), [&](size_t k) {
             const size_t i = rows[k];
             if (const UnstatedFailGroup* g = group_of[i]) {
               std::string ids;
               for (size_t m : g->findings)
                 ids += (ids.empty() ? "" : ", ") + Code(r.ProviderIdOf(m));
               return fmt::format("| {} | {} | {} providers: {} | {} is not stated | |\n",
                                  Code(r.RuleIdOf(i)), SeverityName(r.SeverityOf(i)),
                                  g->findings.size(), ids, Code(g->field));
             }
             const Finding& f = shown[next_single++];
             return fmt::format("| {} | {} | {} | {} | {} |\n", Code(f.rule_id),
                                SeverityName(f.severity), Code(f.provider_id),
                                MessageCell(*w, f), w->Link(f.loc));
           });
}

// Collapsed: review items are many and need a person, not a fix in this PR.
void Review(Writer* w, const Report& r) {
  std::vector<size_t> reviews;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.OutcomeOf(i) == Outcome::kReview) reviews.push_back(i);
  if (reviews.empty()) return;
  const std::vector<Finding> shown = Shown(*w, r, reviews);
  // The blank line after <summary> lets GitHub render the Markdown inside.
  w->out += fmt::format("<details>\n<summary>Needs review ({})</summary>\n\n", reviews.size());
  w->List(reviews.size(), [&](size_t k) {
    const Finding& f = shown[k];
    std::string item =
        fmt::format("- {} · {} ({}): {} — {}\n", Code(f.rule_id), Code(f.provider_id),
                    SeverityName(f.severity), MessageCell(*w, f), w->Link(f.loc));
    for (const Evidence& e : f.evidence)
      item += fmt::format("  - {}: {} — {}\n", Code(e.path.Format()), MarkdownEscape(e.message),
                          w->Link(e.loc));
    return item;
  });
  w->out += "\n</details>\n\n";
}

// Each unknown fact once, most blocking first: the work list for a reviewer.
// The same question about several providers is one row: the providers'
// lines to answer it at, and the rules it blocks with how many findings each.
void Questions(Writer* w, const Report& r) {
  w->Table(fmt::format("Questions that would settle {} review{}", r.ReviewsBlocked(),
                       r.ReviewsBlocked() == 1 ? "" : "s"),
           "| question | blocks | findings | answer at |", "|---|---:|---|---|",
           r.question_groups.size(), [&](size_t k) {
             const QuestionGroup& g = r.question_groups[k];
             std::string blocks, at;
             if (g.members.size() == 1) {
               for (size_t i : g.blocks) {
                 blocks += fmt::format("{}{} · {}", blocks.empty() ? "" : "<br>",
                                       Code(r.RuleIdOf(i)), Code(r.ProviderIdOf(i)));
               }
               at = w->Link(r.QuestionAt(g.members.front()).loc);
             } else {
               std::map<std::string_view, size_t> by_rule;
               for (size_t i : g.blocks) ++by_rule[r.RuleIdOf(i)];
               for (const auto& [rule, n] : by_rule)
                 blocks += fmt::format("{}{} ×{}", blocks.empty() ? "" : "<br>", Code(rule), n);
               for (size_t m : g.members) {
                 at += fmt::format("{}{}", at.empty() ? "" : "<br>",
                                   w->Link(r.QuestionAt(m).loc));
               }
             }
             return fmt::format("| {} | {} | {} | {} |\n", MarkdownEscape(g.question),
                                g.blocks.size(), blocks, at);
           });
}

void Waived(Writer* w, const Report& r) {
  std::vector<size_t> waived;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.OutcomeOf(i) == Outcome::kWaived) waived.push_back(i);
  const std::vector<Finding> shown = Shown(*w, r, waived);
  w->Table("Waived findings", "| rule | provider | was | approved by | expires | justification |",
           "|---|---|---|---|---|---|", waived.size(), [&](size_t k) {
             const Finding& f = shown[k];
             if (!f.waiver)
               return fmt::format("| {} | {} | | | | |\n", Code(f.rule_id), Code(f.provider_id));
             const AppliedWaiver& wv = *f.waiver;
             return fmt::format("| {} | {} | {} | {} | {} | {} {} |\n", Code(f.rule_id),
                                Code(f.provider_id), OutcomeName(wv.original),
                                MarkdownEscape(wv.approved_by), MarkdownEscape(wv.expires),
                                MarkdownEscape(wv.justification), w->Link(wv.loc));
           });
}

void WaiverNotes(Writer* w, const Report& r) {
  if (r.waiver_notes.empty()) return;
  w->out += fmt::format("### Waiver notes ({})\n\n", r.waiver_notes.size());
  w->List(r.waiver_notes.size(), [&](size_t k) {
    const Diagnostic& d = r.waiver_notes[k];
    const char* mark = d.severity == Severity::kError     ? "❌"
                       : d.severity == Severity::kWarning ? "⚠️"
                                                          : "ℹ️";
    std::string where = w->Link(d.file, d.line);
    return fmt::format("- {} {}: {}{}\n", mark, SeverityName(d.severity),
                       where.empty() ? "" : where + ": ", MarkdownEscape(d.message));
  });
  w->out += "\n";
}

}  // namespace

std::string MarkdownEscape(std::string_view s) { return Escape(s, Sink::kMarkdown); }

std::string WriteMarkdownReport(const Report& r, const MarkdownOptions& options) {
  Writer w(r, options);
  size_t new_count = 0;
  bool attention = !r.waiver_notes.empty() || (r.has_baseline && !r.absent.empty());
  for (size_t i = 0; i < r.FindingCount(); ++i) {
    if (r.VerdictAt(i).is_new) ++new_count;
    const Outcome o = r.OutcomeOf(i);
    attention = attention || o == Outcome::kFail || o == Outcome::kReview || o == Outcome::kWaived;
  }
  w.out +=
      fmt::format("## vendorlint: {}\n\n", r.summary.gate_pass ? "✅ gate passed" : "❌ gate failed");
  // With --base the comment opens with what the pull request changes: the
  // high-impact changes, then the new findings, then the usual counts.
  if (r.changes != nullptr) {
    w.out += MarkdownPrivacyImpact(*r.changes, *r.registry, r.base_label, options.link_base);
    if (r.has_baseline && attention) NewAndFixed(&w, r);
  }
  Counts(&w, r, new_count);
  if (!attention) {
    w.out += "No findings need attention.\n";
    return w.out;
  }
  if (r.has_baseline && r.changes == nullptr) NewAndFixed(&w, r);
  GateFailures(&w, r);
  OtherFails(&w, r);
  Questions(&w, r);
  Review(&w, r);
  Waived(&w, r);
  WaiverNotes(&w, r);
  // One trailing newline, whatever section came last.
  while (w.out.size() >= 2 && w.out[w.out.size() - 1] == '\n' && w.out[w.out.size() - 2] == '\n')
    w.out.pop_back();
  return w.out;
}

std::string WriteMarkdownReport(const Report& r) { return WriteMarkdownReport(r, {}); }

}  // namespace vendorlint
