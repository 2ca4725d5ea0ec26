// `vendorlint schema KIND`: the committed schemas/ are what the binary
// generates, and the schemas say what the loaders accept (their tables).
// ci/validate-schemas runs ajv and yaml-language-server on them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/baseline.h"
#include "load/organization_loader.h"
#include "load/provider_loader.h"
#include "load/taxonomy_loader.h"
#include "rules/predicate_compiler.h"
#include "rules/rule_compiler.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

const std::vector<std::string> kKinds = {"provider", "rule",         "rule-test", "waivers",
                                         "taxonomy", "organization", "baseline"};

TEST(SchemaCommand, CommittedSchemasAreCurrent) {
  for (const auto& kind : kKinds) {
    auto r = RunVendorlint({"schema", kind, "--registry", "registry"}, SourceDir());
    ASSERT_EQ(r.exit_code, 0) << kind << ": " << r.err;
    EXPECT_EQ(r.err, "");
    const std::string path = "schemas/" + kind + ".schema.json";
    EXPECT_TRUE(r.out == ReadFileOrDie(SourceDir() + "/" + path))
        << path << " is not what `vendorlint schema " << kind
        << "` prints; regenerate every schema from the project root with\n"
        << "  for k in provider rule rule-test waivers taxonomy organization baseline; do "
           "build/release/vendorlint schema $k --registry registry > schemas/$k.schema.json; "
           "done";
  }
}

// The provider schema comes from the field table: groups nest, required keys,
// vocabularies and the taxonomy's keys are enums, unknown keys are refused.
TEST(SchemaCommand, ProviderSchemaFollowsTheFieldTable) {
  auto r = RunVendorlint({"schema", "provider", "--registry", "registry"}, SourceDir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& s = r.out;
  EXPECT_TRUE(s.starts_with("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"));
  EXPECT_NE(s.find("  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"required\": [\n"
                   "    \"id\",\n    \"name\",\n    \"sources\"\n  ],\n"),
            std::string::npos);
  EXPECT_NE(s.find("    \"storage\": {\n      \"description\": \"How the provider stores personal "
                   "data.\",\n      \"type\": \"object\",\n      \"additionalProperties\": false,\n"),
            std::string::npos);
  EXPECT_NE(s.find("        \"encrypted_at_rest\": {\n          \"description\": \"All personal "
                   "data it stores is encrypted at rest.\",\n          \"enum\": [\n"
                   "            true,\n            false,\n            \"unknown\"\n          ]\n"),
            std::string::npos);
  EXPECT_NE(s.find("\"description\": \"shared (to the provider) | received (from it) | collected "
                   "(by it, from users).\",\n          \"type\": \"string\",\n          \"enum\": [\n"
                   "            \"shared\",\n            \"received\",\n            \"collected\"\n"),
            std::string::npos);
  // A taxonomy key, an ISO code, a link kind and a retention policy are offered.
  for (const char* value :
       {"\"user.location.precise\"", "\"functional.service.school_search\"", "\"student\"",
        "\"CN\"", "\"privacy_policy\"", "\"as_needed\"", "\"scc\""})
    EXPECT_NE(s.find(value), std::string::npos) << value;
  // Derived fields are not written in YAML.
  EXPECT_EQ(s.find("\"privacy_policy\": {"), std::string::npos);
  EXPECT_NE(s.find("\"$ref\": \"#/definitions/data_flow\""), std::string::npos);
}

// The taxonomy's keys come from --registry's taxonomy.yaml.
TEST(SchemaCommand, TaxonomyKeysComeFromTheRegistry) {
  std::string dir = MakeTempDir();
  std::string tax = ReadFileOrDie(SourceDir() + "/registry/taxonomy.yaml");
  const std::string subjects = "data_subjects:\n";
  size_t at = tax.find(subjects);
  ASSERT_NE(at, std::string::npos);
  tax.insert(at + subjects.size(), "  - key: alumnus\n    name: Alumnus\n");
  WriteFileOrDie(dir + "/taxonomy.yaml", tax);
  auto r = RunVendorlint({"schema", "provider", "--registry", dir}, SourceDir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"alumnus\""), std::string::npos);
  auto committed = ReadFileOrDie(SourceDir() + "/schemas/provider.schema.json");
  EXPECT_EQ(committed.find("\"alumnus\""), std::string::npos);
}

// Every key a loader accepts is a property of its schema (the same table).
TEST(SchemaCommand, SchemasListTheKeysTheLoadersAccept) {
  auto property = [](const std::string& kind, const std::string& key) {
    auto r = RunVendorlint({"schema", kind, "--registry", "registry"}, SourceDir());
    return r.out.find("\"" + key + "\": {") != std::string::npos;
  };
  for (const auto& k : RuleKeys()) EXPECT_TRUE(property("rule", k)) << k;
  for (const auto& k : ProviderKeys()) EXPECT_TRUE(property("provider", k)) << k;
  for (const auto& k : KeyNames(OrganizationKeyTable()))
    EXPECT_TRUE(property("organization", k)) << k;
  for (const auto& k : KeyNames(BaselineKeyTable())) EXPECT_TRUE(property("baseline", k)) << k;
  for (const auto& k : KeyNames(TaxonomyKeyTable())) EXPECT_TRUE(property("taxonomy", k)) << k;
  // Predicates: every operator, and the keys of quantifiers and `host`.
  for (const auto& k : PredicateOperatorNames()) EXPECT_TRUE(property("rule", k)) << k;
  for (const auto& k : ConditionOperatorNames()) EXPECT_TRUE(property("rule", k)) << k;
  for (const auto& k : KeyNames(QuantifierKeyTable())) EXPECT_TRUE(property("rule", k)) << k;
  for (const auto& k : KeyNames(HostKeyTable())) EXPECT_TRUE(property("rule", k)) << k;
}

TEST(SchemaCommand, UnknownKindIsAUsageError) {
  auto r = RunVendorlint({"schema", "provdier"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vendorlint: error: unknown schema kind 'provdier'; did you mean `provider`? (kinds: "
            "provider, rule, rule-test, waivers, taxonomy, organization, baseline)\n"
            "see `vendorlint schema --help`\n");
  r = RunVendorlint({"schema"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
}

// The command table drives help and completion of the kinds.
TEST(SchemaCommand, HelpAndCompletionsKnowTheKinds) {
  auto r = RunVendorlint({"completions", "bash"});
  EXPECT_NE(r.out.find("    schema) words=\"--registry --taxonomy --help provider rule rule-test "
                       "waivers taxonomy organization baseline\" ;;\n"),
            std::string::npos);
  r = RunVendorlint({"completions", "zsh"});
  EXPECT_NE(r.out.find("'1:kind:(provider rule rule-test waivers taxonomy organization baseline)'"),
            std::string::npos);
  r = RunVendorlint({"help", "schema"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.starts_with("usage: vendorlint schema KIND [options]\n")) << r.out;
}

TEST(SchemaCommand, BrokenTaxonomyIsInvalidInput) {
  std::string dir = MakeTempDir();
  WriteFileOrDie(dir + "/taxonomy.yaml", "data_categories: []\n");
  auto r = RunVendorlint({"schema", "provider", "--registry", dir}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("missing required key `purposes` in taxonomy"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vendorlint
