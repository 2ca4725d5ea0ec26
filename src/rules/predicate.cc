#include "rules/predicate.h"

namespace vendorlint {

const char* OpName(Op op) {
  switch (op) {
    case Op::kEquals:
      return "equals";
    case Op::kNotEquals:
      return "not_equals";
    case Op::kOneOf:
      return "one_of";
    case Op::kMatches:
      return "matches";
    case Op::kExists:
      return "exists";
    case Op::kEmpty:
      return "empty";
    case Op::kWithinDays:
      return "within_days";
    case Op::kOlderThanDays:
      return "older_than_days";
    case Op::kIncludesAny:
      return "includes_any";
    case Op::kIncludesAll:
      return "includes_all";
    case Op::kIncludesNone:
      return "includes_none";
    case Op::kOnly:
      return "only";
    case Op::kIncludesAnyWith:
      return "includes_any_with";
    case Op::kIncludesNoneWith:
      return "includes_none_with";
    case Op::kOnlyWith:
      return "only_with";
  }
  return "equals";
}

}  // namespace vendorlint
