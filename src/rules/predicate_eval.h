// The predicate walker behind evaluator.h (internal to src/rules/). Kept apart
// from the outcome mapping so that tests and the evaluator share one
// implementation of the logic and of the evidence it explains itself with.
//
// Every Eval* function runs in one of two modes: with `ev == nullptr` it only
// computes the value and may short-circuit; otherwise it also appends the
// evidence that decides the value. The evaluator runs the cheap mode first and
// the explaining mode only for fail and review findings.
#ifndef VENDORLINT_RULES_PREDICATE_EVAL_H_
#define VENDORLINT_RULES_PREDICATE_EVAL_H_

#include <string>
#include <vector>

#include "model/registry.h"
#include "model/tri.h"
#include "rules/evaluator.h"
#include "rules/evidence_path.h"
#include "rules/finding.h"
#include "rules/predicate.h"

namespace vendorlint {

// What a predicate is being evaluated on.
struct Frame {
  const Provider* provider = nullptr;
  const void* element = nullptr;  // a DataFlow, Exclusion or Source; null at provider scope
  RecordList list = RecordList::kDataFlows;
  size_t index = 0;
  // Empty for the provider under evaluation, `host[aws]` for its host, ...
  EvidencePath provider_prefix;

  // provider_prefix plus `data_flows[2]` for a record (just provider_prefix
  // at provider scope): where the fields of this frame are, for evidence.
  EvidencePath RecordPath() const;
};

class PredicateEvaluator {
 public:
  PredicateEvaluator(const Registry& registry, const EvalContext& ctx)
      : registry_(registry), ctx_(ctx) {}

  Tri Eval(const Predicate& p, const Frame& f, std::vector<Evidence>* ev) const;

 private:
  Tri EvalAllAnyOf(const Predicate& p, const Frame& f, std::vector<Evidence>* ev) const;
  Tri EvalQuantifier(const Predicate& p, const Frame& f, std::vector<Evidence>* ev) const;
  Tri EvalHost(const Predicate& p, const Frame& f, std::vector<Evidence>* ev) const;
  // In condition_eval.cc.
  Tri EvalCondition(const Condition& c, const Frame& f, std::vector<Evidence>* ev) const;
  Tri EvalKeyCondition(const Condition& c, const Frame& f, const FieldView& v,
                       std::vector<Evidence>* ev) const;
  Tri EvalSettingCondition(const Condition& c, const Frame& f, std::vector<Evidence>* ev) const;

  const Registry& registry_;
  const EvalContext& ctx_;
};

// A one-line description of a record for evidence:
// "data_flows[2] shares user.name (about student) with Facebook Ads".
std::string DescribeRecord(const Frame& f);

// Removes later duplicates (same path and message), keeping order.
void DedupeEvidence(std::vector<Evidence>* ev);

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_PREDICATE_EVAL_H_
