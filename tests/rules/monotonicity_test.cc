#include "rules/monotonicity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/yaml_document.h"

namespace vendorlint {
namespace {

yaml::Node Parse(const std::string& text) {
  yaml::Node root;
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(yaml::ParseDocument("t.yaml", text, yaml::Limits{}, &root, &diags));
  return root;
}

std::vector<std::string> Paths(const std::vector<DroppedFact>& drops) {
  std::vector<std::string> out;
  for (const auto& d : drops) out.push_back(d.path);
  return out;
}

TEST(Monotonicity, DropsEveryOpenFactButNotItemsOrDefinedAbsences) {
  yaml::Node p = Parse(
      "id: x\n"
      "name: X\n"
      "purposes: [essential]\n"
      "storage: {stores_data: true, hosted_on: aws}\n"
      "exclusions: [{statement: s}]\n"
      "data_flows:\n"
      "  - {direction: shared, subjects: [student], categories: [user], qualifiers: [hashed],"
      " purpose: essential}\n");
  std::vector<DroppedFact> drops = DropEachFact(p);
  EXPECT_EQ(Paths(drops),
            (std::vector<std::string>{"purposes", "storage", "storage.stores_data", "data_flows",
                                      "data_flows[0].direction", "data_flows[0].subjects",
                                      "data_flows[0].categories"}));
  // Dropping `storage` keeps its hosted_on (absent would mean "no host").
  const yaml::Node& without_storage = drops[1].provider;
  ASSERT_EQ(without_storage.entries[3].first.scalar, "storage");
  ASSERT_EQ(without_storage.entries[3].second.entries.size(), 1u);
  EXPECT_EQ(without_storage.entries[3].second.entries[0].first.scalar, "hosted_on");
  // The dropped key's position, for the report.
  EXPECT_EQ(drops[2].line, 4u);
  EXPECT_EQ(drops[2].column, 11u);
  // Only the one key is gone from the flow.
  const yaml::Node& flow = drops[5].provider.entries[5].second.items[0];
  EXPECT_EQ(flow.entries.size(), 4u);
}

TEST(Monotonicity, OnlyFlaggedToClearImproves) {
  const Outcome all[] = {Outcome::kPass, Outcome::kFail, Outcome::kReview,
                         Outcome::kNotApplicable};
  for (Outcome before : all) {
    for (Outcome after : all) {
      bool flagged_before = before == Outcome::kFail || before == Outcome::kReview;
      bool clear_after = after == Outcome::kPass || after == Outcome::kNotApplicable;
      EXPECT_EQ(ImprovesOnDrop(before, after), flagged_before && clear_after)
          << OutcomeName(before) << " -> " << OutcomeName(after);
    }
  }
}

}  // namespace
}  // namespace vendorlint
