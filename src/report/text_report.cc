#include "report/text_report.h"

#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "report/finding_text.h"
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

namespace {

std::string EvidenceLine(const Report& r, const Style& st, const Evidence& e,
                         std::string_view indent) {
  return fmt::format("{}- {}: {} {}\n", indent, E(e.path.Format()), E(EvidenceText(e)),
                     st.Dim(fmt::format("({})", Where(r, e.loc))));
}

// The verdict first: the gate and the counts by outcome and severity.
std::string Verdict(const Report& r, const Style& st) {
  size_t gate_fails = 0;
  std::array<size_t, 3> fails{}, reviews{};
  for (size_t i = 0; i < r.FindingCount(); ++i) {
    const Outcome o = r.OutcomeOf(i);
    if (o != Outcome::kFail && o != Outcome::kReview) continue;
    if (r.VerdictAt(i).fails_gate) ++gate_fails;
    const auto sev = static_cast<size_t>(r.SeverityOf(i));
    if (sev >= fails.size()) continue;
    if (o == Outcome::kFail) ++fails[sev];
    if (o == Outcome::kReview) ++reviews[sev];
  }
  auto by_severity = [](const std::array<size_t, 3>& n) {
    std::string s;
    for (size_t k = 0; k < n.size(); ++k) {
      if (n[k] == 0) continue;
      s += fmt::format("{}{} {}", s.empty() ? "" : ", ", n[k],
                       SeverityName(static_cast<Severity>(k)));
    }
    return s.empty() ? std::string() : " (" + s + ")";
  };
  const ReportSummary& s = r.summary;
  std::string gate = r.policy.fail_on_none ? "none" : SeverityName(r.policy.fail_on);
  std::string head =
      s.gate_pass
          ? st.Paint("1;32", "PASS")
          : st.Paint("1;31", "FAIL");
  std::string out = fmt::format(
      "{}: {} finding{} fail{} the gate (--fail-on {}{})\n", head, gate_fails,
      gate_fails == 1 ? "" : "s", gate_fails == 1 ? "s" : "", gate, r.policy.strict ? ", --strict" : "");
  out += fmt::format("  {} providers, {} rules: {} fail{}, {} review{}, {} pass, {} waived, {} not applicable\n",
                     s.providers, s.rules, s.count(Outcome::kFail), by_severity(fails),
                     s.count(Outcome::kReview), by_severity(reviews), s.count(Outcome::kPass),
                     s.count(Outcome::kWaived), s.count(Outcome::kNotApplicable));
  return out;
}

// Every finding that fails the gate. The first kGateFailuresInFull of each
// rule with their evidence, the fix and where to read more; the rule's others
// one line each (the same fix applies; --verbose shows their evidence), so that
// a registry where one rule fails for hundreds of providers still names each
// of them without burying the other rules' failures.
constexpr size_t kGateFailuresInFull = 5;

std::string GateFailures(const Report& r, const Style& st) {
  std::string out;
  std::vector<size_t> failing;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.VerdictAt(i).fails_gate) failing.push_back(i);
  const std::vector<RunPlace> places = PlacesInRuleRuns(r, failing);
  size_t at = 0;
  r.ForEachFindingAt(failing, [&](size_t, const Finding& f) {
    if (out.empty()) out += "\n" + st.Bold("Failing the gate:") + "\n";
    const RunPlace place = places[at++];
    const Rule* rule = r.rules->Find(f.rule_id);
    const bool has_fix = rule && !rule->remediation.empty();
    if (place.nth == kGateFailuresInFull + 1)
      out += fmt::format("  {} more of {}, one line each ({}--verbose shows their evidence):\n",
                         place.of - kGateFailuresInFull, E(f.rule_id),
                         has_fix ? "the fix above applies; " : "");
    out += fmt::format("  {} {} {} [{}]  {}\n", st.Outcome(f.outcome), E(f.provider_id),
                       E(f.rule_id), SeverityName(f.severity), st.Dim(Where(r, f.loc)));
    if (place.nth > kGateFailuresInFull) return;
    out += fmt::format("         {}\n", E(f.message));
    for (const Evidence& e : f.evidence) out += EvidenceLine(r, st, e, "         ");
    if (has_fix) out += fmt::format("         fix: {}\n", E(FirstSentence(rule->remediation)));
    out += fmt::format("         more: vendorlint explain {} --provider {}\n", E(f.rule_id),
                       E(f.provider_id));
  });
  return out;
}

// Fails that do not fail the gate (below --fail-on, or in the baseline): one
// line each, tagged with their severity and without evidence; fails that come
// from one unstated field once per rule.
std::string OtherFails(const Report& r, const Style& st, size_t limit) {
  std::unordered_map<size_t, const UnstatedFailGroup*> group_of;
  for (const UnstatedFailGroup& g : r.unstated_fails)
    for (size_t k : g.findings) group_of[k] = &g;
  // Which lines there are is known without making the findings; only the
  // lines printed (at most `limit`) need a finding's message and location.
  struct Line {
    size_t k;
    const UnstatedFailGroup* group;
  };
  std::vector<Line> entries;
  for (size_t k = 0; k < r.FindingCount(); ++k) {
    if (r.OutcomeOf(k) != Outcome::kFail || r.VerdictAt(k).fails_gate) continue;
    auto g = group_of.find(k);
    if (g != group_of.end() && g->second->findings.front() != k) continue;
    entries.push_back({k, g == group_of.end() ? nullptr : g->second});
  }
  std::vector<size_t> shown;
  for (size_t n = 0; n < entries.size() && n < limit; ++n)
    if (!entries[n].group) shown.push_back(entries[n].k);
  std::unordered_map<size_t, std::string> ungrouped;
  r.ForEachFindingAt(shown, [&](size_t k, const Finding& f) {
    std::string tag = fmt::format("{:<7}", SeverityName(f.severity));
    ungrouped[k] = fmt::format("  {} {} {}: {}  {}\n", st.Dim(tag), E(f.rule_id),
                               E(f.provider_id), E(f.message), st.Dim(Where(r, f.loc)));
  });
  std::vector<std::string> lines;
  for (size_t n = 0; n < entries.size() && n < limit; ++n) {
    const Line& l = entries[n];
    if (const UnstatedFailGroup* g = l.group) {
      std::string tag = fmt::format("{:<7}", SeverityName(r.SeverityOf(l.k)));
      lines.push_back(fmt::format("  {} {}: {} providers: {} is not stated\n", st.Dim(tag),
                                  E(r.RuleIdOf(l.k)), g->findings.size(), E(g->field)));
    } else {
      lines.push_back(std::move(ungrouped[l.k]));
    }
  }
  const size_t total = entries.size();
  if (lines.empty()) return "";
  std::string out = "\n" + st.Bold("Other fails (not failing the gate):") + "\n";
  for (size_t k = 0; k < lines.size() && k < limit; ++k) out += lines[k];
  if (total > limit) out += fmt::format("  and {} more (--verbose)\n", total - limit);
  return out;
}

// Who a group of questions asks about: "aws, datadog data_flows[0]"; past
// `max`, the first ones and how many more.
std::string GroupMembers(const Report& r, const QuestionGroup& g, size_t max) {
  std::string out;
  for (size_t k = 0; k < g.members.size(); ++k) {
    if (k == max) return out + fmt::format(" and {} more", g.members.size() - max);
    const Question q = r.QuestionAt(g.members[k]);
    std::string who = E(q.provider_id);
    // A flow's question says which flow; a provider's own field does not need to.
    if (size_t dot = q.path.find("]."); q.path.starts_with("data_flows[") && dot != std::string::npos)
      who += " " + E(q.path.substr(0, dot + 1));
    out += (k == 0 ? "" : ", ") + who;
  }
  return out;
}

std::string Questions(const Report& r, const Style& st, bool verbose) {
  if (r.QuestionCount() == 0) return "";
  // Each unknown fact once: answering it settles (part of) the reviews listed;
  // the same question about several providers once, with the providers.
  const size_t settled = r.ReviewsBlocked();
  std::string out = "\n" + st.Bold(fmt::format("Questions that would settle {} review{}:", settled,
                                               settled == 1 ? "" : "s")) +
                    "\n";
  const size_t limit = verbose ? r.question_groups.size() : 10;
  size_t n = 0;
  for (const QuestionGroup& g : r.question_groups) {
    if (n == limit) break;
    const Question first = r.QuestionAt(g.members.front());
    if (g.members.size() == 1) {
      // --verbose lists what it blocks on the next line.
      out += fmt::format("  {}. {}{}  {}\n", ++n, E(g.question),
                         verbose ? "" : fmt::format(" (blocks {})", g.blocks.size()),
                         st.Dim(Where(r, first.loc)));
    } else {
      out += fmt::format("  {}. {} (blocks {})\n", ++n, E(g.question), g.blocks.size());
      // Broad keys and flow fields ask about flows (a provider may have two).
      const bool flows = first.path.starts_with("data_flows[");
      out += fmt::format("     {} {}: {}\n", g.members.size(), flows ? "flows" : "providers",
                         GroupMembers(r, g, verbose ? g.members.size() : 8));
    }
    if (!verbose) continue;
    for (size_t m : g.members) {
      const Question q = r.QuestionAt(m);
      if (g.members.size() > 1)
        out += fmt::format("     - {}  {}\n", E(q.question), st.Dim(Where(r, q.loc)));
      std::string blocks;
      for (size_t b : q.blocks) {
        blocks += fmt::format("{}{}/{}", blocks.empty() ? "" : ", ", E(r.RuleIdOf(b)),
                              E(r.ProviderIdOf(b)));
      }
      out += fmt::format("{}blocks {}: {}\n", g.members.size() > 1 ? "       " : "     ",
                         q.blocks.size(), blocks);
    }
  }
  if (r.question_groups.size() > limit)
    out += fmt::format("  and {} more (--verbose)\n", r.question_groups.size() - limit);
  return out;
}

// --verbose: every fail, review and waived finding grouped by rule, with
// every evidence item.
std::string FullListing(const Report& r, const Style& st) {
  std::string out;
  // Fails said once per rule (one unstated field for many providers).
  std::unordered_map<size_t, const UnstatedFailGroup*> group_of;
  for (const UnstatedFailGroup& g : r.unstated_fails)
    for (size_t k : g.findings) group_of[k] = &g;
  // The fail, review and waived findings, each rule's under its heading.
  const OutcomeSet listed =
      OutcomeBit(Outcome::kFail) | OutcomeBit(Outcome::kReview) | OutcomeBit(Outcome::kWaived);
  const std::string* heading = nullptr;
  r.ForEachFinding(listed, [&](size_t k, const Finding& f) {
    if (!heading || *heading != r.RuleIdOf(k)) {
      heading = &r.RuleIdOf(k);
      const Rule* rule = r.rules->Find(f.rule_id);
      out += "\n" + st.Bold(fmt::format("{} [{}]", E(f.rule_id), SeverityName(f.severity)));
      if (rule) out += " " + E(rule->title);
      out += "\n";
    }
    auto g = group_of.find(k);
    if (g != group_of.end()) {
      if (g->second->findings.front() != k) return;
      std::string ids;
      for (size_t m : g->second->findings) ids += (ids.empty() ? "" : ", ") + E(r.ProviderIdOf(m));
      out += fmt::format("  {} {} providers: {} is not stated\n", st.Outcome(f.outcome),
                         g->second->findings.size(), E(g->second->field));
      out += fmt::format("         {}\n", ids);
      return;
    }
    out += fmt::format("  {} {}  {}\n", st.Outcome(f.outcome), E(f.provider_id),
                       st.Dim(Where(r, f.loc)));
    out += fmt::format("         {}\n", E(f.message));
    if (f.waiver && !f.waiver->expired) {
      out += fmt::format("         waived by {} until {}: {} {}\n", E(f.waiver->approved_by),
                         E(f.waiver->expires), E(f.waiver->justification),
                         st.Dim(fmt::format("({})", Where(r, f.waiver->loc))));
    }
    for (const Evidence& e : f.evidence) out += EvidenceLine(r, st, e, "         ");
  });
  return out;
}

std::string Baseline(const Report& r, const Style& st) {
  if (!r.has_baseline) return "";
  std::string fresh, fixed;
  std::vector<size_t> new_ones;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.VerdictAt(i).new_since_baseline) new_ones.push_back(i);
  r.ForEachFindingAt(new_ones, [&](size_t, const Finding& f) {
    fresh += fmt::format("  {} {} {}  {}\n", st.Outcome(f.outcome), E(f.rule_id), E(f.provider_id),
                         st.Dim(Where(r, f.loc)));
  });
  for (const Finding& f : r.absent) {
    fixed += fmt::format("  {} {}  {}\n", E(f.rule_id), E(f.provider_id), E(f.message));
  }
  std::string out = "\n" + st.Bold("New since the baseline:") + (fresh.empty() ? " none\n" : "\n" + fresh);
  out += st.Bold("Fixed since the baseline:") + (fixed.empty() ? " none\n" : "\n" + fixed);
  return out;
}

}  // namespace

std::string WriteTextReport(const Report& r, const TextOptions& options) {
  Style st{options.color};
  std::string out = Verdict(r, st);
  if (options.verbose) {
    out += FullListing(r, st);
  } else {
    out += GateFailures(r, st);
    if (!options.quiet) out += OtherFails(r, st, 15);
  }
  if (!options.quiet) {
    out += Baseline(r, st);
    out += Questions(r, st, options.verbose);
    if (!options.verbose) {
      // Everything else as counts: --verbose lists them.
      const ReportSummary& s = r.summary;
      out += fmt::format("\n{} review, {} pass, {} waived, {} not applicable (--verbose lists them)\n",
                         s.count(Outcome::kReview), s.count(Outcome::kPass), s.count(Outcome::kWaived),
                         s.count(Outcome::kNotApplicable));
    }
  }
  if (!r.waiver_notes.empty()) {
    out += "\n" + st.Bold("Waivers:") + "\n";
    for (const Diagnostic& d : r.waiver_notes) out += "  " + d.Format() + "\n";
  }
  out += "\n" + SummaryLine(r) + "\n";
  return out;
}

}  // namespace vendorlint
