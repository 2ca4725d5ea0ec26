// Evaluates compiled rules against the registry model (never against YAML).
//
// Contracts:
//  - Predicates use Kleene's three-valued logic (docs/rules.md); an unstated
//    fact is unknown and can never produce a pass.
//  - Outcome per (rule, provider): applies_to false -> not_applicable;
//    require true -> pass; require false -> fail if applies_to is true, review
//    if it is unknown; require unknown -> review.
//  - fail and review findings carry evidence, most specific first; the
//    finding's location is the first evidence item's.
//  - Results are deterministic and independent of EvalContext::threads.
#ifndef VENDORLINT_RULES_EVALUATOR_H_
#define VENDORLINT_RULES_EVALUATOR_H_

#include <string>
#include <vector>

#include "model/registry.h"
#include "model/tri.h"
#include "rules/finding.h"
#include "rules/predicate.h"
#include "rules/rule.h"
#include "util/date.h"

namespace vendorlint {

struct EvalContext {
  Date as_of;            // "today" for within_days / older_than_days
  unsigned threads = 1;  // EvaluateAll only; 0: one per core
};

// Which (rule, provider) pairs EvaluateAll considers; empty lists mean all.
struct EvalFilter {
  std::vector<std::string> rule_ids;      // exact ids
  std::vector<std::string> provider_ids;  // exact ids
  std::vector<std::string> tags;          // rules with at least one of these tags
};

// The pairs EvaluateAll evaluates: the rules and providers that pass the
// filter, each sorted by id. Finding k of EvaluateAll is the pair
// (rules[k / providers.size()], providers[k % providers.size()]).
struct PairSelection {
  std::vector<const Rule*> rules;
  std::vector<const Provider*> providers;
  size_t size() const { return rules.size() * providers.size(); }
};
PairSelection SelectPairs(const RuleSet& rules, const Registry& registry, const EvalFilter& filter);

// The finding of one rule for one provider of `registry`.
Finding Evaluate(const Rule& rule, const Provider& provider, const Registry& registry,
                 const EvalContext& ctx);

// Evaluate's outcome alone, without making a finding: no strings at all,
// which is what the passes and not-applicable pairs of a large run (most of
// them) need. A fail or review is then explained by EvaluateKnown.
Outcome EvaluateOutcome(const Rule& rule, const Provider& provider, const Registry& registry,
                        const EvalContext& ctx);

// Evaluate for a pair whose outcome an earlier Evaluate gave (with the same
// registry, rule and context): the same finding, without evaluating again
// what decided the outcome. How writers get a finding back cheaply
// (check/finding_table.h).
Finding EvaluateKnown(const Rule& rule, const Provider& provider, const Registry& registry,
                      const EvalContext& ctx, Outcome outcome);

// Every rule against every provider that passes `filter`, sorted by rule id
// then provider id (one finding per pair, whatever its outcome).
std::vector<Finding> EvaluateAll(const RuleSet& rules, const Registry& registry,
                                 const EvalContext& ctx, const EvalFilter& filter = {});

// One predicate's value at provider scope. When `evidence` is not null it
// receives the facts that decide the value (see docs/rules.md, "Findings and
// evidence"), most specific first, without duplicates.
Tri EvaluatePredicate(const Predicate& predicate, const Provider& provider,
                      const Registry& registry, const EvalContext& ctx,
                      std::vector<Evidence>* evidence);

// Fills {provider.id}, {provider.name}, {rule.id} and {rule.title}. The result
// is at most kMaxMessageBytes: a longer one is cut at a code point and ends in
// "… (N bytes)" (docs/rules.md "Limits"), so a template that repeats a long
// name cannot blow up memory or the report.
inline constexpr size_t kMaxMessageBytes = 4096;
std::string RenderMessage(const std::string& message_template, const Rule& rule,
                          const Provider& provider);

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_EVALUATOR_H_
