// The compiled form of a rule's predicates: a plain tree built by the rule
// compiler (rule_compiler.h) and walked by the evaluator (evaluator.h). Fields
// are resolved to FieldDef pointers, patterns compiled and taxonomy keys
// checked at compile time, so evaluation never fails and never parses.
#ifndef VENDORLINT_RULES_PREDICATE_H_
#define VENDORLINT_RULES_PREDICATE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "util/location.h"
#include "rules/field_access.h"
#include "rules/operator.h"

namespace vendorlint {

// `matches` bounds (docs/rules.md "Limits"): RE2's memory for one pattern, and
// the longest text a pattern is run against. RE2 is linear in the text, but a
// pattern whose DFA does not fit falls back to a much slower engine; a longer
// value makes the condition unknown rather than take seconds per provider.
inline constexpr int64_t kMaxRegexMemory = int64_t{2} << 20;
inline constexpr size_t kMaxMatchBytes = 64 * 1024;


struct Condition {
  const FieldDef* field = nullptr;
  // The field is the enclosing provider's (`provider.` prefix inside `where`).
  bool on_provider = false;
  Op op = Op::kEquals;
  bool flag = false;  // equals/not_equals on a fact; exists; empty
  // equals/not_equals/one_of on strings and enums (one value for equals);
  // taxonomy keys or qualifier names for includes_* and only.
  std::vector<std::string> values;
  int64_t days = 0;                                      // within_days, older_than_days
  std::shared_ptr<const RE2> regex;                      // matches (full match)
  std::vector<std::pair<std::string, bool>> attributes;  // *_with, in rule order
  // The named values come from the organisation's settings instead of the
  // rule (`includes_any: organization.settings.countries_of_concern`): the
  // setting's name (`countries_of_concern`), or empty. `values` is then empty.
  std::string setting;
};

enum class PredicateKind : uint8_t {
  kAllOf,
  kAnyOf,
  kNot,
  kAny,  // quantifiers over a RecordList
  kAll,
  kNone,
  kHost,  // the provider named by storage.hosted_on
  kCondition,
};

struct Predicate {
  PredicateKind kind = PredicateKind::kCondition;
  Location loc;  // the predicate's mapping in the rule file (RuleSet::files)
  // kAllOf/kAnyOf: operands; kNot: one; quantifiers and kHost: `where`
  // (empty when `where` was left out: true for every record).
  std::vector<Predicate> children;
  RecordList list = RecordList::kDataFlows;  // quantifiers
  bool chain = false;                        // kHost: follow the hosting chain
  Condition condition;                       // kCondition
};

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_PREDICATE_H_
