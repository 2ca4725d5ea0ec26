// One source-file table per check run (Registry::files): the registry's files
// sorted by path, then the waivers file and the baseline registered in the
// same table, so that each location prints its own file. Before, a baseline
// entry read as file 0 (taxonomy.yaml) and waivers were appended to a table
// that was not sorted.
#include <gtest/gtest.h>

#include <algorithm>

#include "check/baseline.h"
#include "check/waiver_loader.h"
#include "load/registry_loader.h"
#include "rules/rule_compiler.h"
#include "rules/rule_fixtures.h"
#include "test_support.h"

namespace vendorlint {
namespace {

class SourceFileTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadOptions o;
    o.registry_dir = testing::SourceDir() + "/tests/load/fixtures/mini";
    std::vector<Diagnostic> diags;
    ASSERT_TRUE(LoadRegistry(o, &registry_, &diags)) << testing::FormatAll(diags);
    dir_ = testing::MakeTempDir();
  }

  Registry registry_;
  std::string dir_;
};

TEST_F(SourceFileTableTest, RegistryFilesAreSortedByPath) {
  const std::string dir = testing::SourceDir() + "/tests/load/fixtures/mini";
  EXPECT_EQ(registry_.files.paths(),
            (std::vector<std::string>{dir + "/organization.yaml", dir + "/providers/cloud.yaml",
                                      dir + "/providers/db.yaml", dir + "/taxonomy.yaml"}));
  // Every value still resolves to its own file.
  const Provider* db = registry_.FindProvider("db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(registry_.FilePath(db->id.loc), dir + "/providers/db.yaml");
  EXPECT_EQ(registry_.FilePath(registry_.organization.name.loc), dir + "/organization.yaml");
}

TEST_F(SourceFileTableTest, BaselineEntryLocationIsTheBaselineFile) {
  const std::string path = dir_ + "/baseline.yaml";
  testing::WriteFileOrDie(path,
                          "vendorlint_baseline: 1\n"
                          "findings:\n"
                          "  - fingerprint: 0123456789abcdef\n"
                          "    rule: r\n"
                          "    provider: db\n"
                          "    outcome: fail\n"
                          "    severity: error\n"
                          "    message: M\n");
  std::vector<BaselineEntry> entries;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(ReadBaseline(path, &registry_.files, &entries, &diags)) << testing::FormatAll(diags);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(registry_.FilePath(entries[0].loc), path);
  EXPECT_NE(registry_.FilePath(entries[0].loc), registry_.files.at(0));
  EXPECT_EQ(entries[0].loc.line, 3u);
  // The registry's own files keep their ids; the baseline comes after them.
  EXPECT_EQ(entries[0].loc.file, 4u);
}

TEST_F(SourceFileTableTest, WaiverLocationIsTheWaiversFile) {
  RuleSet rules;
  Rule r;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(CompileRuleText(
      "rules/enc.yaml",
      "id: enc\ntitle: T\nseverity: error\ndescription: D.\nrationale: R.\n"
      "references: [{title: T, url: 'https://example.org/'}]\ntags: [test]\n"
      "remediation: Fix.\nrequire: {field: storage.encrypted_at_rest, equals: true}\n",
      0, registry_.taxonomy, yaml::Limits{}, &r, &diags))
      << testing::FormatAll(diags);
  rules.rules.push_back(std::move(r));
  const std::string path = dir_ + "/waivers.yaml";
  testing::WriteFileOrDie(path,
                          "waivers:\n"
                          "  - rule: enc\n"
                          "    provider: db\n"
                          "    justification: J\n"
                          "    approved_by: A\n"
                          "    expires: 2027-01-01\n");
  std::vector<Waiver> waivers;
  ASSERT_TRUE(LoadWaivers(path, yaml::Limits{}, rules, &registry_, &waivers, &diags))
      << testing::FormatAll(diags);
  ASSERT_EQ(waivers.size(), 1u);
  EXPECT_EQ(registry_.FilePath(waivers[0].loc), path);
  EXPECT_EQ(waivers[0].loc.line, 2u);
  // Loading the same file again registers nothing new.
  const size_t files = registry_.files.size();
  waivers.clear();
  ASSERT_TRUE(LoadWaivers(path, yaml::Limits{}, rules, &registry_, &waivers, &diags));
  EXPECT_EQ(registry_.files.size(), files);
}

}  // namespace
}  // namespace vendorlint
