// Keeps docs/rules.md honest: every rule example (a ```yaml block preceded by
// `<!-- example: <id> -->`) must compile, every example test
// (`<!-- example-test: <id> -->`) must pass, and every field of the field
// table must be documented.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "load/registry_loader.h"
#include "rule_fixtures.h"
#include "rules/field_access.h"
#include "rules/rule_test_runner.h"
#include "test_support.h"

namespace vendorlint {
namespace {

struct DocBlocks {
  std::map<std::string, std::string> examples;  // id -> rule YAML
  std::map<std::string, std::string> tests;     // id -> test YAML
  int unmarked_rules = 0;                       // ```yaml blocks starting with `id:`
};

DocBlocks ReadDocBlocks() {
  std::istringstream in(testing::ReadFileOrDie(testing::SourceDir() + "/docs/rules.md"));
  DocBlocks out;
  std::string line, marker;
  bool in_block = false;
  std::string block;
  while (std::getline(in, line)) {
    if (in_block) {
      if (line == "```") {
        in_block = false;
        if (marker.starts_with("example: ")) {
          out.examples[marker.substr(9)] = block;
        } else if (marker.starts_with("example-test: ")) {
          out.tests[marker.substr(14)] = block;
        } else if (block.starts_with("id:")) {
          ++out.unmarked_rules;
        }
        marker.clear();
      } else {
        block += line + "\n";
      }
      continue;
    }
    if (line.starts_with("<!-- example") && line.ends_with(" -->")) {
      marker = line.substr(5, line.size() - 9);
    } else if (line == "```yaml") {
      in_block = true;
      block.clear();
    } else if (!line.empty()) {
      marker.clear();  // a marker applies to the block right after it
    }
  }
  return out;
}

void ExpectExamplesCompile(const Taxonomy& tax, const std::string& which) {
  DocBlocks docs = ReadDocBlocks();
  EXPECT_GE(docs.examples.size(), 4u);
  EXPECT_EQ(docs.unmarked_rules, 0) << "a rule example in docs/rules.md lacks its marker";
  for (const auto& [id, text] : docs.examples) {
    Rule rule;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(
        CompileRuleText("docs/" + id + ".yaml", text, 0, tax, yaml::Limits{}, &rule, &diags))
        << which << " taxonomy, example " << id << ":\n"
        << testing::FormatAll(diags);
  }
}

TEST(RuleDocsTest, ExamplesCompileAgainstTestTaxonomy) {
  ExpectExamplesCompile(testing::TestTaxonomy(), "test");
}

TEST(RuleDocsTest, ExamplesCompileAgainstRegistryTaxonomy) {
  Taxonomy tax;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadTaxonomyFile(testing::SourceDir() + "/registry/taxonomy.yaml", 0, yaml::Limits{},
                               &tax, &diags))
      << testing::FormatAll(diags);
  ExpectExamplesCompile(tax, "registry");
}

TEST(RuleDocsTest, ExampleTestsPass) {
  DocBlocks docs = ReadDocBlocks();
  ASSERT_FALSE(docs.tests.empty());
  std::string dir = testing::MakeTempDir();
  for (const auto& [id, text] : docs.tests) {
    ASSERT_TRUE(docs.examples.count(id)) << "example test without example rule: " << id;
    testing::WriteFileOrDie(dir + "/docs/" + id + ".yaml", docs.examples[id]);
    testing::WriteFileOrDie(dir + "/docs/" + id + ".test.yaml", text);
  }
  RuleTestOptions options;
  options.rules_dir = dir;
  options.rule_ids.clear();
  for (const auto& [id, text] : docs.tests) options.rule_ids.push_back(id);
  std::ostringstream out;
  RuleTestResult r = RunRuleTests(options, testing::TestTaxonomy(), out);
  EXPECT_TRUE(r.ok()) << out.str();
  EXPECT_GE(r.passed, 4u);
}

TEST(RuleDocsTest, EveryFieldIsDocumented) {
  std::string doc = testing::ReadFileOrDie(testing::SourceDir() + "/docs/rules.md");
  for (Scope s : {Scope::kProvider, Scope::kFlow, Scope::kExclusion, Scope::kSource}) {
    for (const std::string& f : FieldNames(s))
      EXPECT_NE(doc.find("`" + f + "`"), std::string::npos) << ScopeName(s) << " field " << f;
  }
  for (const std::string& op : ConditionOperatorNames())
    EXPECT_NE(doc.find("`" + op), std::string::npos) << "operator " << op;
}

// The policy pack in rules/ must pass its own tests against the registry's
// taxonomy (the same check as `vendorlint test`).
TEST(RulePackTest, ProjectRulesPassTheirTests) {
  std::vector<Diagnostic> diags;
  if (FindRuleFiles(testing::SourceDir() + "/rules", &diags).empty())
    GTEST_SKIP() << "rules/ holds no rules yet";
  Taxonomy tax;
  ASSERT_TRUE(LoadTaxonomyFile(testing::SourceDir() + "/registry/taxonomy.yaml", 0, yaml::Limits{},
                               &tax, &diags))
      << testing::FormatAll(diags);
  RuleTestOptions options;
  options.rules_dir = testing::SourceDir() + "/rules";
  std::ostringstream out;
  RuleTestResult r = RunRuleTests(options, tax, out);
  EXPECT_TRUE(r.ok()) << out.str();
}

}  // namespace
}  // namespace vendorlint
