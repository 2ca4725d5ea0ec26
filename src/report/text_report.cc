#include "report/text_report.h"

#include <fmt/format.h>

#include "util/escape.h"

namespace vendorlint {
namespace {

struct Style {
  bool on;
  std::string Paint(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
  std::string Bold(std::string_view s) const { return Paint("1", s); }
  std::string Dim(std::string_view s) const { return Paint("2", s); }
  std::string Outcome(vendorlint::Outcome o) const {
    switch (o) {
      case Outcome::kFail:
        return Paint("1;31", "FAIL  ");
      case Outcome::kReview:
        return Paint("1;33", "REVIEW");
      case Outcome::kWaived:
        return Paint("36", "WAIVED");
      case Outcome::kPass:
        return Paint("32", "PASS  ");
      case Outcome::kNotApplicable:
        return "N/A   ";
    }
    return "";
  }
};

// Every string below that came from input (ids, names, messages, paths,
// waiver fields) goes through E: one escaped line each.
std::string E(std::string_view s) { return Escape(s); }

std::string Where(const Report& r, const Location& loc) {
  return fmt::format("{}:{}:{}", E(r.Path(loc)), loc.line, loc.column);
}

}  // namespace

std::string SummaryLine(const Report& r) {
  const ReportSummary& s = r.summary;
  std::string gate = r.policy.fail_on_none ? "none" : SeverityName(r.policy.fail_on);
  return fmt::format(
      "{} providers, {} rules: {} pass, {} fail, {} review, {} waived, {} not applicable; "
      "gate: {} (--fail-on {}{})",
      s.providers, s.rules, s.count(Outcome::kPass), s.count(Outcome::kFail),
      s.count(Outcome::kReview), s.count(Outcome::kWaived), s.count(Outcome::kNotApplicable),
      s.gate_pass ? "PASS" : "FAIL", gate, r.policy.strict ? ", --strict" : "");
}

std::string WriteTextReport(const Report& r, const TextOptions& options) {
  Style st{options.color};
  std::string out;
  // Fails said once per rule (one unstated field for many providers).
  std::vector<const UnstatedFailGroup*> group_of(r.findings.size(), nullptr);
  for (const UnstatedFailGroup& g : r.unstated_fails)
    for (size_t k : g.findings) group_of[k] = &g;
  size_t i = 0;
  while (i < r.findings.size()) {
    size_t end = i;
    bool any = false;
    while (end < r.findings.size() && r.findings[end].rule_id == r.findings[i].rule_id) {
      Outcome o = r.findings[end].outcome;
      any = any || o == Outcome::kFail || o == Outcome::kReview || o == Outcome::kWaived;
      ++end;
    }
    if (any) {
      const Finding& first = r.findings[i];
      const Rule* rule = r.rules->Find(first.rule_id);
      out += st.Bold(fmt::format("{} [{}]", E(first.rule_id), SeverityName(first.severity)));
      if (rule) out += " " + E(rule->title);
      out += "\n";
      for (size_t k = i; k < end; ++k) {
        const Finding& f = r.findings[k];
        if (f.outcome != Outcome::kFail && f.outcome != Outcome::kReview &&
            f.outcome != Outcome::kWaived)
          continue;
        if (const UnstatedFailGroup* g = group_of[k]) {
          if (g->findings.front() != k) continue;
          std::string ids;
          for (size_t m : g->findings)
            ids += (ids.empty() ? "" : ", ") + E(r.findings[m].provider_id);
          out += fmt::format("  {} {} providers: {} is not stated\n", st.Outcome(f.outcome),
                             g->findings.size(), g->field);
          out += fmt::format("         {}\n", ids);
          continue;
        }
        out += fmt::format("  {} {}  {}\n", st.Outcome(f.outcome), E(f.provider_id),
                           st.Dim(Where(r, f.loc)));
        out += fmt::format("         {}\n", E(f.message));
        if (f.waiver && !f.waiver->expired) {
          out += fmt::format("         waived by {} until {}: {} {}\n", E(f.waiver->approved_by),
                             E(f.waiver->expires), E(f.waiver->justification),
                             st.Dim(fmt::format("({})", Where(r, f.waiver->loc))));
        }
        for (const Evidence& e : f.evidence) {
          out += fmt::format("         - {}: {} {}\n", E(e.path.Format()), E(e.message),
                             st.Dim(fmt::format("({})", Where(r, e.loc))));
        }
      }
      out += "\n";
    }
    i = end;
  }
  if (r.has_baseline) {
    std::string fresh, fixed;
    for (const Finding& f : r.findings) {
      if (!r.VerdictOf(f).new_since_baseline) continue;
      fresh += fmt::format("  {} {} {}  {}\n", st.Outcome(f.outcome), E(f.rule_id), E(f.provider_id),
                           st.Dim(Where(r, f.loc)));
    }
    for (const Finding& f : r.absent) {
      fixed += fmt::format("  {} {}  {}\n", E(f.rule_id), E(f.provider_id), E(f.message));
    }
    out += st.Bold("New since the baseline:") + (fresh.empty() ? " none\n" : "\n" + fresh);
    out += st.Bold("Fixed since the baseline:") + (fixed.empty() ? " none\n" : "\n" + fixed);
    out += "\n";
  }
  if (!r.questions.empty()) {
    // Each unknown fact once: answering it settles (part of) the reviews listed.
    const size_t settled = ReviewsWithQuestions(r.questions);
    out += st.Bold(fmt::format("Questions that would settle {} review{}:", settled,
                               settled == 1 ? "" : "s")) +
           "\n";
    size_t n = 0;
    for (const Question& q : r.questions) {
      out += fmt::format("  {}. {}  {}\n", ++n, q.question, st.Dim(Where(r, q.loc)));
      std::string blocks;
      for (size_t b : q.blocks) {
        blocks += fmt::format("{}{}/{}", blocks.empty() ? "" : ", ", r.findings[b].rule_id,
                              r.findings[b].provider_id);
      }
      out += fmt::format("     blocks {}: {}\n", q.blocks.size(), blocks);
    }
    out += "\n";
  }
  if (!r.waiver_notes.empty()) {
    out += st.Bold("Waivers:") + "\n";
    for (const Diagnostic& d : r.waiver_notes) out += "  " + d.Format() + "\n";
    out += "\n";
  }
  out += SummaryLine(r) + "\n";
  return out;
}

}  // namespace vendorlint
