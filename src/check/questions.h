// "Say it once": every review exists because some fact is unknown. This turns
// the unknown facts behind the review findings (Evidence::unknown, recorded by
// the evaluator) into questions, one per fact, each with the findings it
// blocks and the place to write the answer, most blocking first. See
// docs/output.md, "Questions".
#ifndef VENDORLINT_CHECK_QUESTIONS_H_
#define VENDORLINT_CHECK_QUESTIONS_H_

#include <map>
#include <string>
#include <utility>
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
};

// The questions behind the `review` findings of `findings` (others are
// ignored), ordered by how many findings each blocks (most first), then by
// fact. Deterministic.
std::vector<Question> BuildQuestions(const Registry& registry,
                                     const std::vector<Finding>& findings);

// BuildQuestions one finding at a time, for callers that never hold all the
// findings (check/finding_table.h): Add every finding in index order, then
// Finish once.
class QuestionBuilder {
 public:
  explicit QuestionBuilder(const Registry& registry);
  ~QuestionBuilder();
  QuestionBuilder(const QuestionBuilder&) = delete;
  QuestionBuilder& operator=(const QuestionBuilder&) = delete;
  // `index` is f's index among the findings; indices must not decrease.
  void Add(size_t index, const Finding& f);
  std::vector<Question> Finish();

 private:
  struct State;
  const Registry& registry_;
  State* state_;
};

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

// GroupUnstatedFails one finding at a time (indices not decreasing).
class UnstatedFailGrouper {
 public:
  void Add(size_t index, const Finding& f);
  std::vector<UnstatedFailGroup> Finish();

 private:
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups_;
};

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_QUESTIONS_H_
