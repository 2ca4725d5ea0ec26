// "Say it once": every review exists because some fact is unknown. This turns
// the unknown facts behind the review findings (Evidence::unknown, recorded by
// the evaluator) into questions, one per fact, each with the findings it
// blocks and the place to write the answer, most blocking first. See
// docs/output.md, "Questions".
#ifndef VENDORLINT_CHECK_QUESTIONS_H_
#define VENDORLINT_CHECK_QUESTIONS_H_

#include <string>
#include <vector>

#include "model/registry.h"
#include "rules/finding.h"

namespace vendorlint {

struct Question {
  // A stable name for the fact: `zendesk: storage.encrypted_at_rest`,
  // `greenhouse: data_flows[0].categories[0]`, `taxonomy: data subject
  // website_visitor: minor`.
  std::string fact;
  std::string question;  // "Does Zendesk encrypt stored data at rest?"
  Location loc;          // where the answer is written (indexes Registry::files)
  std::vector<size_t> blocks;  // indices of the review findings it blocks, ascending

  // What kind of fact it is, for grouping (check/question_groups.h).
  UnknownKind kind = UnknownKind::kUnstated;
  std::string provider_id;  // whose fact; "" for the taxonomy's and the organisation's
  std::string field;        // as UnknownFact::field: `retention.policy`, `subjects`
  std::string path;         // relative to the provider: `data_flows[0].subjects[0]`
  std::string value;        // kBroaderKey: the registry's key; kAttribute: the entry
  std::vector<std::string> narrower;  // kBroaderKey: every narrower key a rule asked about
  TaxonomyKind taxonomy_kind = TaxonomyKind::kCategory;  // kBroaderKey, kAttribute
};

// The questions behind the `review` findings of `findings` (others are
// ignored), ordered by how many findings each blocks (most first), then by
// fact. Deterministic.
std::vector<Question> BuildQuestions(const Registry& registry,
                                     const std::vector<Finding>& findings);

// How many review findings at least one question blocks.
size_t ReviewsWithQuestions(const std::vector<Question>& questions);

// Fails of one rule for many providers that all come down to the same field
// not being stated (`last_reviewed`, `privacy_policy`: facts the disclosure
// never gives). Reports say these once, with the providers listed.
struct UnstatedFailGroup {
  std::string rule_id;
  std::string field;            // relative to each provider: `last_reviewed`
  std::vector<size_t> findings;  // indices into the findings, ascending
};

// Groups of at least two `fail` findings of the same rule whose only evidence
// is the same unstated field; in rule order. Other fails are not grouped.
std::vector<UnstatedFailGroup> GroupUnstatedFails(const std::vector<Finding>& findings);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_QUESTIONS_H_
