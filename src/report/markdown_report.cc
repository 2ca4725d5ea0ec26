#include "report/markdown_report.h"

#include <algorithm>
#include <map>

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

  // Appends rows while they fit; returns how many were left out.
  size_t Rows(const std::vector<std::string>& rows) {
    size_t k = 0;
    for (; k < rows.size(); ++k) {
      if (k >= o_.max_rows || out.size() + rows[k].size() + kReserve > o_.max_bytes) break;
      out += rows[k];
    }
    return rows.size() - k;
  }

  void Table(std::string_view heading, std::string_view header, std::string_view align,
             const std::vector<std::string>& rows) {
    if (rows.empty()) return;
    out += fmt::format("### {} ({})\n\n{}\n{}\n", heading, rows.size(), header, align);
    size_t left = Rows(rows);
    // A blank line first: a plain line right after a table would be read as
    // one more row.
    if (left) out += fmt::format("\n... and {} more\n", left);
    out += "\n";
  }

  void List(const std::vector<std::string>& items) {
    size_t left = Rows(items);
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

void NewAndFixed(Writer* w, const Report& r) {
  std::vector<std::string> rows;
  // What fails the gate first, then other fails, then reviews; report order
  // within each.
  std::vector<const Finding*> fresh;
  for (const Finding& f : r.findings)
    if (r.VerdictOf(f).is_new) fresh.push_back(&f);
  auto rank = [&](const Finding* f) {
    return r.VerdictOf(*f).fails_gate ? 0 : f->outcome == Outcome::kFail ? 1 : 2;
  };
  std::stable_sort(fresh.begin(), fresh.end(),
                   [&](const Finding* a, const Finding* b) { return rank(a) < rank(b); });
  for (const Finding* fp : fresh) {
    const Finding& f = *fp;
    rows.push_back(fmt::format("| {} | {} | {} | {} | {} | {} |\n", OutcomeName(f.outcome),
                               Code(f.rule_id), SeverityName(f.severity), Code(f.provider_id),
                               MessageCell(*w, f), w->Link(f.loc)));
  }
  w->Table("New findings", "| outcome | rule | severity | provider | message | location |",
           "|---|---|---|---|---|---|", rows);
  rows.clear();
  for (const Finding& f : r.absent) {
    rows.push_back(fmt::format("| {} | {} | {} | {} |\n", Code(f.rule_id), SeverityName(f.severity),
                               Code(f.provider_id), MarkdownEscape(f.message)));
  }
  w->Table("Fixed findings", "| rule | severity | provider | message |", "|---|---|---|---|", rows);
}

// Every finding that fails the gate, as the text report has it: the message
// and location, then each evidence item with its line, then the fix (the
// first sentence of the rule's remediation) and where to read more.
void GateFailures(Writer* w, const Report& r) {
  std::vector<std::string> items;
  for (const Finding& f : r.findings) {
    if (!r.VerdictOf(f).fails_gate) continue;
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
    items.push_back(std::move(item));
  }
  if (items.empty()) return;
  w->out += fmt::format("### ❌ Failing the gate ({})\n\n", items.size());
  w->List(items);
  w->out += "\n";
}

// Fails that do not fail the gate (below --fail-on, or already in the
// baseline): one row each, without evidence; fails that come down to one
// unstated field once per rule, with the providers listed.
void OtherFails(Writer* w, const Report& r) {
  std::vector<std::string> rows;
  std::vector<const UnstatedFailGroup*> group_of(r.findings.size(), nullptr);
  for (const UnstatedFailGroup& g : r.unstated_fails)
    for (size_t k : g.findings) group_of[k] = &g;
  for (size_t k = 0; k < r.findings.size(); ++k) {
    const Finding& f = r.findings[k];
    if (f.outcome != Outcome::kFail || r.VerdictOf(f).fails_gate) continue;
    if (const UnstatedFailGroup* g = group_of[k]) {
      if (g->findings.front() != k) continue;
      std::string ids;
      for (size_t m : g->findings)
        ids += (ids.empty() ? "" : ", ") + Code(r.ProviderIdOf(m));
      rows.push_back(fmt::format("| {} | {} | {} providers: {} | {} is not stated | |\n",
                                 Code(f.rule_id), SeverityName(f.severity), g->findings.size(),
                                 ids, Code(g->field)));
      continue;
    }
    rows.push_back(fmt::format("| {} | {} | {} | {} | {} |\n", Code(f.rule_id),
                               SeverityName(f.severity), Code(f.provider_id), MessageCell(*w, f),
                               w->Link(f.loc)));
  }
  w->Table("Other fails (not failing the gate)",
           "| rule | severity | provider | message | location |", "|---|---|---|---|---|", rows);
}

// Collapsed: review items are many and need a person, not a fix in this PR.
void Review(Writer* w, const Report& r) {
  std::vector<std::string> items;
  for (const Finding& f : r.findings) {
    if (f.outcome != Outcome::kReview) continue;
    std::string item =
        fmt::format("- {} · {} ({}): {} — {}\n", Code(f.rule_id), Code(f.provider_id),
                    SeverityName(f.severity), MessageCell(*w, f), w->Link(f.loc));
    for (const Evidence& e : f.evidence)
      item +=
          fmt::format("  - {}: {} — {}\n", Code(e.path.Format()), MarkdownEscape(e.message), w->Link(e.loc));
    items.push_back(std::move(item));
  }
  if (items.empty()) return;
  // The blank line after <summary> lets GitHub render the Markdown inside.
  w->out += fmt::format("<details>\n<summary>Needs review ({})</summary>\n\n", items.size());
  w->List(items);
  w->out += "\n</details>\n\n";
}

// Each unknown fact once, most blocking first: the work list for a reviewer.
// The same question about several providers is one row: the providers'
// lines to answer it at, and the rules it blocks with how many findings each.
void Questions(Writer* w, const Report& r) {
  std::vector<std::string> rows;
  for (const QuestionGroup& g : r.question_groups) {
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
        at += fmt::format("{}{}", at.empty() ? "" : "<br>", w->Link(r.QuestionAt(m).loc));
      }
    }
    rows.push_back(fmt::format("| {} | {} | {} | {} |\n", MarkdownEscape(g.question),
                               g.blocks.size(), blocks, at));
  }
  w->Table(fmt::format("Questions that would settle {} review{}", r.ReviewsBlocked(),
                       r.ReviewsBlocked() == 1 ? "" : "s"),
           "| question | blocks | findings | answer at |", "|---|---:|---|---|", rows);
}

void Waived(Writer* w, const Report& r) {
  std::vector<std::string> rows;
  for (const Finding& f : r.findings) {
    if (f.outcome != Outcome::kWaived) continue;
    if (!f.waiver) {
      rows.push_back(fmt::format("| {} | {} | | | | |\n", Code(f.rule_id), Code(f.provider_id)));
      continue;
    }
    const AppliedWaiver& wv = *f.waiver;
    rows.push_back(fmt::format("| {} | {} | {} | {} | {} | {} {} |\n", Code(f.rule_id),
                               Code(f.provider_id), OutcomeName(wv.original),
                               MarkdownEscape(wv.approved_by), MarkdownEscape(wv.expires),
                               MarkdownEscape(wv.justification), w->Link(wv.loc)));
  }
  w->Table("Waived findings", "| rule | provider | was | approved by | expires | justification |",
           "|---|---|---|---|---|---|", rows);
}

void WaiverNotes(Writer* w, const Report& r) {
  if (r.waiver_notes.empty()) return;
  std::vector<std::string> items;
  for (const Diagnostic& d : r.waiver_notes) {
    const char* mark = d.severity == Severity::kError     ? "❌"
                       : d.severity == Severity::kWarning ? "⚠️"
                                                          : "ℹ️";
    std::string where = w->Link(d.file, d.line);
    items.push_back(fmt::format("- {} {}: {}{}\n", mark, SeverityName(d.severity),
                                where.empty() ? "" : where + ": ", MarkdownEscape(d.message)));
  }
  w->out += fmt::format("### Waiver notes ({})\n\n", items.size());
  w->List(items);
  w->out += "\n";
}

}  // namespace

std::string MarkdownEscape(std::string_view s) { return Escape(s, Sink::kMarkdown); }

std::string WriteMarkdownReport(const Report& r, const MarkdownOptions& options) {
  Writer w(r, options);
  size_t new_count = 0;
  bool attention = !r.waiver_notes.empty() || (r.has_baseline && !r.absent.empty());
  for (const Finding& f : r.findings) {
    if (r.VerdictOf(f).is_new) ++new_count;
    attention = attention || f.outcome == Outcome::kFail || f.outcome == Outcome::kReview ||
                f.outcome == Outcome::kWaived;
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
