#include "rules/operator.h"

#include <array>

namespace vendorlint {
namespace {

constexpr std::array kOperators = {
    OperatorInfo{Op::kEquals, "equals", OperandKind::kValue},
    OperatorInfo{Op::kNotEquals, "not_equals", OperandKind::kValue},
    OperatorInfo{Op::kOneOf, "one_of", OperandKind::kValueList},
    OperatorInfo{Op::kMatches, "matches", OperandKind::kPattern},
    OperatorInfo{Op::kWithinDays, "within_days", OperandKind::kDays},
    OperatorInfo{Op::kOlderThanDays, "older_than_days", OperandKind::kDays},
    OperatorInfo{Op::kIncludesAny, "includes_any", OperandKind::kKeys},
    OperatorInfo{Op::kIncludesAll, "includes_all", OperandKind::kKeys},
    OperatorInfo{Op::kIncludesNone, "includes_none", OperandKind::kKeys},
    OperatorInfo{Op::kOnly, "only", OperandKind::kKeys},
    OperatorInfo{Op::kIncludesAnyWith, "includes_any_with", OperandKind::kAttributes},
    OperatorInfo{Op::kIncludesNoneWith, "includes_none_with", OperandKind::kAttributes},
    OperatorInfo{Op::kOnlyWith, "only_with", OperandKind::kAttributes},
    OperatorInfo{Op::kEmpty, "empty", OperandKind::kBool},
    OperatorInfo{Op::kExists, "exists", OperandKind::kBool},
};

// Row i describes the enumerator with value i, and the last enumerator has a
// row: a missing or misplaced row fails the build here.
constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < kOperators.size(); ++i)
    if (static_cast<size_t>(kOperators[i].op) != i) return false;
  return true;
}
static_assert(RowsInEnumOrder(), "kOperators rows must follow the order of enum Op");
static_assert(static_cast<size_t>(Op::kExists) + 1 == kOperators.size(),
              "every Op needs a kOperators row (and Op::kExists must stay last)");

}  // namespace

std::span<const OperatorInfo> Operators() { return kOperators; }

const OperatorInfo& OperatorInfoOf(Op op) { return kOperators[static_cast<size_t>(op)]; }

const char* OpName(Op op) { return OperatorInfoOf(op).name.data(); }

std::optional<Op> ParseOp(std::string_view name) {
  for (const auto& info : kOperators)
    if (info.name == name) return info.op;
  return std::nullopt;
}

bool OpAppliesTo(Op op, FieldType type) {
  const bool key_list = type == FieldType::kKeyList;
  const bool any_list =
      key_list || type == FieldType::kQualifierList || type == FieldType::kNameList;
  // A group (`contracts`, `ai`...) is a heading over its fields, never a value.
  if (type == FieldType::kGroup) return false;
  switch (op) {
    case Op::kEquals:
    case Op::kNotEquals:
      return type == FieldType::kFact || type == FieldType::kString || type == FieldType::kEnum ||
             type == FieldType::kNumber;
    case Op::kOneOf:
      return type == FieldType::kString || type == FieldType::kEnum || type == FieldType::kNumber;
    case Op::kMatches:
      return type == FieldType::kString;
    case Op::kWithinDays:
    case Op::kOlderThanDays:
      return type == FieldType::kDate;
    case Op::kIncludesAny:
    case Op::kIncludesAll:
    case Op::kIncludesNone:
    case Op::kOnly:
      return any_list;
    case Op::kIncludesAnyWith:
    case Op::kIncludesNoneWith:
    case Op::kOnlyWith:
      // Attributes come from the taxonomy, which qualifiers are not part of.
      return key_list;
    case Op::kEmpty:
      return any_list || type == FieldType::kRecordList;
    case Op::kExists:
      // Not on qualifier lists: an absent one is empty (field_access.cc).
      return type != FieldType::kQualifierList;
  }
  return false;
}

}  // namespace vendorlint
