// "Say it once": every review exists because some fact is unknown. This turns
// the unknown facts behind the review findings (Evidence::unknown, recorded by
// the evaluator) into questions, one per fact, each with the findings it
// blocks and the place to write the answer, most blocking first. See
// docs/output.md, "Questions".
#ifndef VENDORLINT_CHECK_QUESTIONS_H_
#define VENDORLINT_CHECK_QUESTIONS_H_

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
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
  std::string question;        // "Does Zendesk encrypt stored data at rest?"
  Location loc;                // where the answer is written (indexes Registry::files)
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

// The questions of a run, held compactly (interned paths and keys, one block
// list for all): a check of a large registry has a question per unknown fact
// of every provider. At(i) makes question i when a writer asks for it.
class QuestionTable {
 public:
  QuestionTable() = default;
  size_t size() const { return order_.size(); }
  bool empty() const { return order_.empty(); }
  // Question i in BuildQuestions' order (most blocking first, then by fact).
  Question At(size_t i) const;
  std::vector<Question> All() const;
  // ReviewsWithQuestions(All()).
  size_t reviews_blocked() const { return reviews_blocked_; }

 private:
  friend class QuestionBuilder;
  struct Fact {
    uint32_t provider = 0;  // interned: UnknownFact::provider_id
    uint32_t field = 0;     // interned, as are the three below
    uint32_t path = 0;
    uint32_t value = 0;
    uint32_t detail = 0;
    uint32_t narrower = UINT32_MAX;  // kBroaderKey: index into narrower_
    UnknownKind kind = UnknownKind::kNone;
    TaxonomyKind taxonomy_kind = TaxonomyKind::kCategory;
    Location loc;
    // Into blocks_. While building, blocks_end is 1 + the last finding added.
    uint32_t blocks_begin = 0, blocks_end = 0;
  };
  std::string FactName(const Fact& f) const;
  // FactName's text in pieces, without allocating.
  size_t FactPieces(const Fact& f, std::string_view* pieces) const;
  UnknownFact Unknown(const Fact& f) const;

  const Registry* registry_ = nullptr;
  std::vector<std::string> strings_;  // interned
  std::deque<Fact> facts_;  // a deque: growing it never copies it
  std::vector<std::vector<uint32_t>> narrower_;  // interned keys, each once
  // Finding indices fit 32 bits: a table of 2^32 pairs would need 64 GB.
  std::vector<uint32_t> blocks_;
  std::vector<uint32_t> order_;  // question i is facts_[order_[i]]
  size_t reviews_blocked_ = 0;
};

// BuildQuestions one finding at a time, for callers that never hold all the
// findings (check/finding_table.h): Add every finding in index order, then
// Finish once.
class QuestionBuilder {
 public:
  explicit QuestionBuilder(const Registry& registry);
  // `index` is f's index among the findings; indices must not decrease.
  void Add(size_t index, const Finding& f);
  QuestionTable Finish();

 private:
  uint32_t Intern(const std::string& s);

  QuestionTable table_;
  std::unordered_map<std::string, uint32_t> interned_;
  // Which fact a provider's (provider, path) is, and a taxonomy attribute's
  // (taxonomy kind, key, attribute), by interned ids.
  // (A provider has a few unknown facts: a short list each is smaller than a
  // hash entry per fact.)
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, uint32_t>>> provider_fact_;
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, uint32_t> attribute_fact_;
  std::vector<size_t> last_block_;                   // per fact
  std::vector<std::pair<uint32_t, uint32_t>> blocks_;  // (fact, finding) as added
};

// The question that questions about the same unstated field of several
// providers share: "How long do these providers keep the data?" for
// `retention.policy` (check/question_groups.h).
std::string SharedFieldQuestion(const Question& q);

// How many review findings at least one question blocks.
size_t ReviewsWithQuestions(const std::vector<Question>& questions);

// Fails of one rule for many providers that all come down to the same field
// not being stated (`last_reviewed`, `privacy_policy`: facts the disclosure
// never gives). Reports say these once, with the providers listed.
struct UnstatedFailGroup {
  std::string rule_id;
  std::string field;             // relative to each provider: `last_reviewed`
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
