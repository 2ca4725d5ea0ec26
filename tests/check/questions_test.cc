#include "check/questions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../rules/rule_fixtures.h"

namespace vendorlint {
namespace {

using testing::CompileRuleFromText;
using testing::FormatAll;
using testing::RuleText;

class QuestionsTest : public ::testing::Test {
 protected:
  Rule MakeRule(const std::string& id, const std::string& require) {
    Rule r;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(
        CompileRuleFromText(reg_.registry().taxonomy, id, RuleText(id, require), &r, &diags))
        << FormatAll(diags);
    return r;
  }
  std::vector<Finding> EvaluateAll(const std::vector<Rule>& rules) {
    RuleSet set;
    set.rules = rules;
    EvalContext ctx;
    ctx.as_of = Date{2026, 1, 1};
    return vendorlint::EvaluateAll(set, reg_.registry(), ctx);
  }
  testing::TestRegistry reg_;
};

constexpr const char* kNoMinors =
    "  none:\n"
    "    in: data_flows\n"
    "    where: {field: subjects, includes_any_with: {minor: true}}\n";
constexpr const char* kNoContacts =
    "  none:\n"
    "    in: data_flows\n"
    "    where: {field: categories, includes_any: [user.contact.email, user.name]}\n";
constexpr const char* kEncrypted = "  {field: storage.encrypted_at_rest, equals: true}\n";

// One unknown taxonomy attribute behind reviews of two providers and two
// rules is one question; a broad key asked about two narrower keys is one
// question naming both; each unstated field is its own.
TEST_F(QuestionsTest, EachUnknownFactOnceMostBlockingFirst) {
  reg_.Add("id: ads\ndata_flows: [{direction: shared, subjects: [visitor], categories: [user]}]");
  reg_.Add(
      "id: chat\ndata_flows: [{direction: shared, subjects: [visitor], categories: "
      "[user.content]}]\nstorage: {stores_data: true}");
  std::vector<Finding> findings =
      EvaluateAll({MakeRule("a", kNoMinors), MakeRule("b", kNoContacts), MakeRule("c", kEncrypted)});
  std::vector<Question> qs = BuildQuestions(reg_.registry(), findings);
  ASSERT_EQ(qs.size(), 4u);
  EXPECT_EQ(qs[0].fact, "taxonomy: data subject visitor: minor");
  EXPECT_EQ(qs[0].question, "Is a visitor a minor?");
  // Findings are sorted by rule then provider: a/ads, a/chat.
  EXPECT_EQ(qs[0].blocks, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(qs[1].fact, "ads: data_flows[0].categories[0]");
  EXPECT_EQ(qs[1].question,
            "Does ads Inc's data_flows[0] include user.contact.email or user.name, or only other "
            "kinds of user?");
  EXPECT_EQ(qs[1].loc.line, 2u);
  EXPECT_EQ(qs[1].blocks, (std::vector<size_t>{2}));
  EXPECT_EQ(qs[2].fact, "ads: storage.encrypted_at_rest");
  EXPECT_EQ(qs[2].question, "Does ads Inc encrypt stored data at rest?");
  EXPECT_EQ(qs[3].fact, "chat: storage.encrypted_at_rest");
  EXPECT_EQ(ReviewsWithQuestions(qs), 5u);
  // Only reviews ask questions: a fail or a pass has nothing unknown to settle.
  for (Finding& f : findings) f.outcome = Outcome::kFail;
  EXPECT_TRUE(BuildQuestions(reg_.registry(), findings).empty());
}

TEST_F(QuestionsTest, FailsOnOneUnstatedFieldAreGroupedPerRule) {
  reg_.Add("id: a1");
  reg_.Add("id: a2");
  reg_.Add("id: a3\nlinks: [{kind: privacy_policy, url: http://example.org/p}]");
  std::vector<Finding> findings = EvaluateAll({MakeRule(
      "p", "  all_of:\n    - {field: privacy_policy, exists: true}\n"
           "    - {field: privacy_policy, matches: 'https://.*'}\n")});
  std::vector<UnstatedFailGroup> groups = GroupUnstatedFails(findings);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].rule_id, "p");
  EXPECT_EQ(groups[0].field, "privacy_policy");
  // a3 states an http link: its own fail, not the group's.
  EXPECT_EQ(groups[0].findings, (std::vector<size_t>{0, 1}));
}

}  // namespace
}  // namespace vendorlint
