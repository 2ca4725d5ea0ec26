// The operator table (rules/operator.h): names round-trip, and docs/rules.md
// documents every operator for exactly the field types that accept it, in
// table order, so that a new operator cannot ship undocumented.
#include "rules/operator.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rules/predicate_compiler.h"
#include "test_support.h"

namespace vendorlint {
namespace {

TEST(OperatorTest, NamesRoundTrip) {
  size_t i = 0;
  for (const OperatorInfo& info : Operators()) {
    EXPECT_EQ(static_cast<size_t>(info.op), i++);
    EXPECT_EQ(OpName(info.op), info.name);
    ASSERT_TRUE(ParseOp(info.name).has_value()) << info.name;
    EXPECT_EQ(*ParseOp(info.name), info.op);
  }
  EXPECT_EQ(i, 15u);
  EXPECT_FALSE(ParseOp("include_any").has_value());
  EXPECT_FALSE(ParseOp("").has_value());
  EXPECT_EQ(ConditionOperatorNames().size(), Operators().size());
}

TEST(OperatorTest, OperatorsForAFieldType) {
  EXPECT_EQ(OperatorsFor(FieldType::kFact),
            (std::vector<Op>{Op::kEquals, Op::kNotEquals, Op::kExists}));
  EXPECT_EQ(OperatorsFor(FieldType::kQualifierList),
            (std::vector<Op>{Op::kIncludesAny, Op::kIncludesAll, Op::kIncludesNone, Op::kOnly,
                             Op::kEmpty}));
  EXPECT_EQ(OperatorsFor(FieldType::kRecordList), (std::vector<Op>{Op::kEmpty, Op::kExists}));
  for (const OperatorInfo& info : Operators()) {
    bool somewhere = false;
    for (FieldType t : {FieldType::kFact, FieldType::kString, FieldType::kEnum, FieldType::kKeyList,
                        FieldType::kQualifierList, FieldType::kDate, FieldType::kRecordList})
      somewhere = somewhere || OpAppliesTo(info.op, t);
    EXPECT_TRUE(somewhere) << info.name << " applies to no field type";
  }
}

// The operator names in one row of the "| field type | operators |" table.
std::vector<std::string> OperatorsInRow(const std::string& row) {
  std::vector<std::string> out;
  size_t pos = row.find('|', 1);  // skip the field type column
  while ((pos = row.find('`', pos)) != std::string::npos) {
    size_t end = pos + 1;
    while (end < row.size() && ((row[end] >= 'a' && row[end] <= 'z') || row[end] == '_')) ++end;
    std::string word = row.substr(pos + 1, end - pos - 1);
    if (ParseOp(word)) out.push_back(word);
    pos = row.find('`', end);  // the closing backtick
    if (pos == std::string::npos) break;
    ++pos;
  }
  return out;
}

TEST(OperatorTest, EveryOperatorIsDocumentedForItsFieldTypes) {
  std::istringstream in(testing::ReadFileOrDie(testing::SourceDir() + "/docs/rules.md"));
  const std::map<std::string, FieldType> rows = {
      {"| fact ", FieldType::kFact},         {"| string ", FieldType::kString},
      {"| enum ", FieldType::kEnum},         {"| key list ", FieldType::kKeyList},
      {"| qualifier list ", FieldType::kQualifierList}, {"| date ", FieldType::kDate},
      {"| record list ", FieldType::kRecordList}};
  std::map<FieldType, std::vector<std::string>> documented;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line == "| field type | operators |") in_table = true;
    if (!in_table) continue;
    if (line.empty()) break;
    for (const auto& [start, type] : rows)
      if (line.starts_with(start)) documented[type] = OperatorsInRow(line);
  }
  ASSERT_EQ(documented.size(), rows.size()) << "the field type table of docs/rules.md changed";
  for (const auto& [start, type] : rows) {
    std::vector<std::string> expected;
    for (Op op : OperatorsFor(type)) expected.emplace_back(OpName(op));
    EXPECT_EQ(documented[type], expected) << "docs/rules.md row " << start;
  }
}

}  // namespace
}  // namespace vendorlint
