// Field condition operators (`{field: x, <operator>: operand}`): one enum and
// one table naming them. Why a table plus switches: names, parsing and
// listings are read from kOperators, so a new operator is named once; every
// behavioural dispatch on Op (which field types accept it, how its operand is
// read, how it is evaluated) is a `switch` without `default`, so -Wswitch
// (an error under -Werror) lists each place a new operator still needs.
//
// Adding an operator: add the enumerator and its kOperators row (the
// static_asserts in operator.cc check order and count), then build and
// follow the compiler; document it in docs/rules.md (a test checks that).
//
// Thread-safety: constant data and pure functions only.
#ifndef VENDORLINT_RULES_OPERATOR_H_
#define VENDORLINT_RULES_OPERATOR_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "rules/field_access.h"

namespace vendorlint {

// In documentation order: the order in which a field type's operators are
// listed in messages ("use one of: ...") is this order, filtered.
enum class Op : uint8_t {
  kEquals,
  kNotEquals,
  kOneOf,
  kMatches,
  kWithinDays,
  kOlderThanDays,
  kIncludesAny,
  kIncludesAll,
  kIncludesNone,
  kOnly,
  kIncludesAnyWith,
  kIncludesNoneWith,
  kOnlyWith,
  kEmpty,
  kExists,
};

// The YAML shape of an operator's operand.
enum class OperandKind : uint8_t {
  kValue,       // one value of the field's type (`true`/`false` for a fact)
  kValueList,   // a non-empty list of values
  kPattern,     // an RE2 pattern
  kBool,        // `true` or `false`
  kDays,        // a whole number of days
  kKeys,        // a non-empty list of taxonomy keys or qualifier names
  kAttributes,  // a mapping of taxonomy attributes to true/false
};

struct OperatorInfo {
  Op op;
  std::string_view name;  // the YAML key
  OperandKind operand;
};

// Every operator, indexed by its enumerator's value.
std::span<const OperatorInfo> Operators();
const OperatorInfo& OperatorInfoOf(Op op);
const char* OpName(Op op);  // the YAML key: "includes_any"
// The operator named `name`, or nullopt.
std::optional<Op> ParseOp(std::string_view name);

// Whether a condition on a field of `type` accepts `op` (docs/rules.md,
// "Field conditions").
bool OpAppliesTo(Op op, FieldType type);

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_OPERATOR_H_
