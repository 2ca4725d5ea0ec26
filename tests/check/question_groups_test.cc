#include "check/question_groups.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vendorlint {
namespace {

Question Unstated(const std::string& provider, const std::string& field,
                  std::vector<size_t> blocks) {
  Question q;
  q.fact = provider + ": " + field;
  q.question = "about " + provider;
  q.kind = UnknownKind::kUnstated;
  q.provider_id = provider;
  q.field = field;
  q.path = field;
  q.blocks = std::move(blocks);
  return q;
}

Question Broader(const std::string& provider, const std::string& path, TaxonomyKind kind,
                 const std::string& value, std::vector<std::string> narrower,
                 std::vector<size_t> blocks) {
  Question q = Unstated(provider, kind == TaxonomyKind::kSubject ? "subjects" : "categories",
                        std::move(blocks));
  q.kind = UnknownKind::kBroaderKey;
  q.path = path;
  q.value = value;
  q.taxonomy_kind = kind;
  q.narrower = std::move(narrower);
  return q;
}

// The same unstated field of three providers is one question with the
// providers by name; a taxonomy attribute stays alone; groups rank by the
// findings they block, counting a finding two members block once.
TEST(GroupQuestions, SameFieldOfSeveralProvidersIsAskedOnce) {
  Question minor;
  minor.fact = "taxonomy: data subject visitor: minor";
  minor.question = "Is a visitor a minor?";
  minor.kind = UnknownKind::kAttribute;
  minor.blocks = {0, 1, 2};
  std::vector<Question> qs = {minor, Unstated("zeta", "retention.policy", {3, 4}),
                              Unstated("alpha", "retention.policy", {4, 5}),
                              Unstated("mid", "retention.policy", {6}),
                              Unstated("alpha", "storage.encrypted_at_rest", {7})};
  std::vector<QuestionGroup> groups = GroupQuestions(qs);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].question, "How long do these providers keep the data?");
  EXPECT_EQ(groups[0].members, (std::vector<size_t>{2, 3, 1}));  // alpha, mid, zeta
  EXPECT_EQ(groups[0].blocks, (std::vector<size_t>{3, 4, 5, 6}));
  EXPECT_EQ(groups[1].question, "Is a visitor a minor?");
  EXPECT_EQ(groups[1].members, (std::vector<size_t>{0}));
  // Alone: the provider's own question, word for word.
  EXPECT_EQ(groups[2].question, "about alpha");
  EXPECT_EQ(groups[2].blocks, (std::vector<size_t>{7}));
}

// Broad keys group by field, key and taxonomy kind; their narrower keys are
// united, and a long list is cut with how many more.
TEST(GroupQuestions, BroadKeysGroupByKeyAndField) {
  std::vector<Question> qs = {
      Broader("a", "data_flows[0].subjects[0]", TaxonomyKind::kSubject, "user", {"student"}, {0}),
      Broader("b", "data_flows[1].subjects[0]", TaxonomyKind::kSubject, "user", {"student"}, {1}),
      Broader("a", "data_flows[0].categories[0]", TaxonomyKind::kCategory, "user",
              {"user.a", "user.b", "user.c"}, {2}),
      Broader("b", "data_flows[0].categories[0]", TaxonomyKind::kCategory, "user",
              {"user.c", "user.d", "user.e", "user.f"}, {3}),
      Broader("c", "data_flows[0].categories[0]", TaxonomyKind::kCategory, "user.content",
              {"user.content.self_image"}, {4}),
  };
  std::vector<QuestionGroup> groups = GroupQuestions(qs);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].question, "Does `user` in these flows include student?");
  EXPECT_EQ(groups[0].members, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(groups[1].question,
            "Do these flows carry user.a, user.b, user.c, user.d or 2 more kinds the rules ask "
            "about, or only other kinds of user?");
  EXPECT_EQ(groups[1].members, (std::vector<size_t>{2, 3}));
  EXPECT_EQ(groups[2].question, "about c");
}

TEST(GroupQuestions, NoQuestionsNoGroups) { EXPECT_TRUE(GroupQuestions({}).empty()); }

}  // namespace
}  // namespace vendorlint
