// Fingerprints: stable across reformatting and reordering of a provider file
// (checked through the real loader and evaluator), different when the rule,
// the provider or the deciding record changes, and unique within a run.
#include "check/fingerprint.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "load/registry_loader.h"
#include "rules/rule_fixtures.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CompileRuleFromText;
using testing::FormatAll;
using testing::RuleText;

// Two offending flows (0 and 2) so that the evidence order follows the file.
constexpr const char* kCloudBlock =
    "id: cloud\n"
    "name: Cloud Host\n"
    "links: [{kind: privacy_policy, url: https://cloud.example.com/privacy}]\n"
    "contexts: [product]\n"
    "purposes: [essential.service.storage]\n"
    "data_flows:\n"
    "  - direction: shared\n"
    "    subjects: [student, parent]\n"
    "    categories: [user.contact.email, user.name]\n"
    "  - direction: shared\n"
    "    subjects: [parent]\n"
    "    categories: [user.name]\n"
    "  - direction: received\n"
    "    subjects: [student]\n"
    "    categories: [user.name]\n"
    "    purpose: essential.service\n"
    "storage:\n"
    "  stores_data: true\n"
    "  encrypted_at_rest: true\n"
    "sources:\n"
    "  - disclosure: example-2026\n";

// The same facts: flow style, comments, blank lines, keys, flows and list
// items in another order.
constexpr const char* kCloudReformatted =
    "# Reformatted by hand.\n"
    "name: Cloud Host\n"
    "id: cloud\n"
    "\n"
    "\n"
    "sources: [{disclosure: example-2026}]\n"
    "storage: {encrypted_at_rest: true, stores_data: true}\n"
    "data_flows:\n"
    "  # the received flow comes first now\n"
    "  - {purpose: essential.service, categories: [user.name], direction: received, "
    "subjects: [student]}\n"
    "\n"
    "  - {direction: shared, subjects: [parent], categories: [user.name]}\n"
    "  - categories: [user.name, user.contact.email]\n"
    "    subjects: [parent, student]   # reordered\n"
    "    direction: shared\n"
    "purposes: [essential.service.storage]\n"
    "contexts: [product]\n"
    "links: [{kind: privacy_policy, url: https://cloud.example.com/privacy}]\n";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

Registry LoadMiniWithCloud(const std::string& cloud_yaml) {
  std::string dir = testing::MakeTempDir() + "/reg";
  fs::copy(testing::SourceDir() + "/tests/load/fixtures/mini", dir, fs::copy_options::recursive);
  testing::WriteFileOrDie(dir + "/providers/cloud.yaml", cloud_yaml);
  LoadOptions o;
  o.registry_dir = dir;
  Registry reg;
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(LoadRegistry(o, &reg, &diags)) << FormatAll(diags);
  return reg;
}

RuleSet Rules(const Taxonomy& tax) {
  RuleSet set;
  for (const char* subject : {"parent", "student"}) {
    std::string id = std::string("no-") + subject + "-data";
    Rule r;
    std::vector<Diagnostic> diags;
    std::string require = std::string(
                              "  none:\n    in: data_flows\n    where: {field: subjects, "
                              "includes_any: [") +
                          subject + "]}";
    EXPECT_TRUE(CompileRuleFromText(tax, id, RuleText(id, require), &r, &diags))
        << FormatAll(diags);
    set.rules.push_back(std::move(r));
  }
  return set;
}

std::vector<Finding> RunRules(const Registry& reg) {
  RuleSet rules = Rules(reg.taxonomy);
  EvalContext ctx;
  ctx.as_of = Date{2026, 1, 1};
  std::vector<Finding> findings = EvaluateAll(rules, reg, ctx);
  AssignFingerprints(reg, &findings);
  return findings;
}

const Finding& Get(const std::vector<Finding>& fs, const std::string& rule,
                   const std::string& provider) {
  for (const auto& f : fs)
    if (f.rule_id == rule && f.provider_id == provider) return f;
  throw std::runtime_error("no finding " + rule + "/" + provider);
}

TEST(Fingerprint, Fnv1aTestVectors) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(Fingerprint, RecipeV1ForAFindingWithoutEvidence) {
  Registry reg;
  Finding f;
  f.rule_id = "some-rule";
  f.provider_id = "some-provider";
  f.outcome = Outcome::kPass;
  std::vector<Finding> fs = {f};
  AssignFingerprints(reg, &fs);
  EXPECT_EQ(fs[0].fingerprint, fmt::format("{:016x}", Fnv1a64("v1\nsome-rule\nsome-provider\n")));
  EXPECT_EQ(fs[0].fingerprint.size(), 16u);
}

TEST(Fingerprint, CanonicalPathsReplaceIndexesByContent) {
  Registry reg = LoadMiniWithCloud(kCloudBlock);
  auto canon = [&](const char* provider, const char* path) {
    return CanonicalEvidencePath(reg, provider, path);
  };
  EXPECT_EQ(canon("cloud", "data_flows[0].subjects[1]"),
            "data_flows[shared;user.contact.email,user.name;parent,student;;].subjects[parent]");
  EXPECT_EQ(canon("cloud", "data_flows[2]"),
            "data_flows[received;user.name;student;essential.service;]");
  EXPECT_EQ(canon("cloud", "purposes[0]"), "purposes[essential.service.storage]");
  EXPECT_EQ(canon("db", "data_flows[0].qualifiers[0]"),
            "data_flows[shared;user;?;;].qualifiers[incidental]");
  EXPECT_EQ(canon("db", "exclusions[0].contexts[0]"),
            "exclusions[;?;?;product.student_area].contexts[product.student_area]");
  EXPECT_EQ(canon("db", "sources[0]"), "sources[example-2026;Technical;DB]");
  EXPECT_EQ(canon("db", "host[cloud].data_flows[1].subjects[0]"),
            "host[cloud].data_flows[shared;user.name;parent;;].subjects[parent]");
  // Paths without indexes, and indexes the registry cannot resolve, stay.
  EXPECT_EQ(canon("db", "storage.encrypted_at_rest"), "storage.encrypted_at_rest");
  EXPECT_EQ(canon("db", "data_flows[7].subjects"), "data_flows[7].subjects");
  EXPECT_EQ(canon("nobody", "data_flows[0]"), "data_flows[0]");
}

TEST(Fingerprint, SameAfterReformattingAndReordering) {
  Registry a = LoadMiniWithCloud(kCloudBlock);
  Registry b = LoadMiniWithCloud(kCloudReformatted);
  std::vector<Finding> fa = RunRules(a);
  std::vector<Finding> fb = RunRules(b);
  ASSERT_EQ(fa.size(), 4u);
  ASSERT_EQ(fb.size(), fa.size());
  const Finding& student_a = Get(fa, "no-student-data", "cloud");
  const Finding& student_b = Get(fb, "no-student-data", "cloud");
  ASSERT_EQ(student_a.outcome, Outcome::kFail);
  ASSERT_EQ(student_b.outcome, Outcome::kFail);
  // The evidence really moved: other lines, other indexes, another order.
  EXPECT_NE(student_a.loc.line, student_b.loc.line);
  auto paths = [](const Finding& f) {
    std::vector<std::string> out;
    for (const auto& e : f.evidence) out.push_back(e.path);
    return out;
  };
  EXPECT_EQ(paths(student_a),
            (std::vector<std::string>{"data_flows[0].subjects[0]", "data_flows[0]",
                                      "data_flows[2].subjects[0]", "data_flows[2]"}));
  EXPECT_EQ(paths(student_b),
            (std::vector<std::string>{"data_flows[0].subjects[0]", "data_flows[0]",
                                      "data_flows[2].subjects[1]", "data_flows[2]"}));
  EXPECT_NE(student_a.evidence[1].message, student_b.evidence[1].message);
  for (size_t i = 0; i < fa.size(); ++i) {
    EXPECT_EQ(fa[i].rule_id, fb[i].rule_id);
    EXPECT_EQ(fa[i].provider_id, fb[i].provider_id);
    EXPECT_EQ(fa[i].fingerprint, fb[i].fingerprint) << fa[i].rule_id << " " << fa[i].provider_id;
  }
}

TEST(Fingerprint, DiffersByRuleProviderAndEvidence) {
  std::vector<Finding> base = RunRules(LoadMiniWithCloud(kCloudBlock));
  const std::string student_cloud = Get(base, "no-student-data", "cloud").fingerprint;
  const std::string parent_cloud = Get(base, "no-parent-data", "cloud").fingerprint;
  const std::string student_db = Get(base, "no-student-data", "db").fingerprint;
  EXPECT_EQ(Get(base, "no-student-data", "db").outcome, Outcome::kReview);
  EXPECT_NE(student_cloud, parent_cloud);
  EXPECT_NE(student_cloud, student_db);
  EXPECT_NE(parent_cloud, Get(base, "no-parent-data", "db").fingerprint);

  // The deciding flow changes (another purpose): a different finding.
  std::vector<Finding> other_purpose = RunRules(LoadMiniWithCloud(
      Replace(kCloudBlock, "purpose: essential.service\n", "purpose: essential\n")));
  EXPECT_NE(Get(other_purpose, "no-student-data", "cloud").fingerprint, student_cloud);
  // The received flow no longer concerns students: the shared one decides.
  std::vector<Finding> shared_only = RunRules(LoadMiniWithCloud(
      Replace(kCloudBlock, "    subjects: [student]\n", "    subjects: [parent]\n")));
  EXPECT_EQ(Get(shared_only, "no-student-data", "cloud").outcome, Outcome::kFail);
  EXPECT_NE(Get(shared_only, "no-student-data", "cloud").fingerprint, student_cloud);
  // Free text does not take part: a new description keeps the identity.
  std::vector<Finding> described = RunRules(LoadMiniWithCloud(
      Replace(kCloudBlock, "    purpose: essential.service\n",
              "    purpose: essential.service\n    description: Class lists.\n")));
  EXPECT_EQ(Get(described, "no-student-data", "cloud").fingerprint, student_cloud);
}

TEST(Fingerprint, CollisionsGetDeterministicSuffixes) {
  Registry reg;
  Finding f;
  f.rule_id = "r";
  f.provider_id = "p";
  f.outcome = Outcome::kFail;
  f.evidence.push_back({"storage.encrypted_at_rest", {}, "storage.encrypted_at_rest is false"});
  Finding other = f;
  other.provider_id = "q";
  std::vector<Finding> fs = {f, other, f, f};
  AssignFingerprints(reg, &fs);
  const std::string base = ComputeFingerprint(reg, f);
  EXPECT_EQ(fs[0].fingerprint, base);
  EXPECT_EQ(fs[1].fingerprint, ComputeFingerprint(reg, other));
  EXPECT_EQ(fs[2].fingerprint, base + "-2");
  EXPECT_EQ(fs[3].fingerprint, base + "-3");
}

TEST(Fingerprint, IndependentOfTheOrderOfFindings) {
  std::vector<Finding> fs = RunRules(LoadMiniWithCloud(kCloudBlock));
  Registry reg = LoadMiniWithCloud(kCloudBlock);
  std::vector<Finding> reversed(fs.rbegin(), fs.rend());
  AssignFingerprints(reg, &reversed);
  for (size_t i = 0; i < fs.size(); ++i)
    EXPECT_EQ(fs[i].fingerprint, reversed[fs.size() - 1 - i].fingerprint);
}

// Over the project's own registry and rules every finding gets a distinct
// fingerprint without needing a suffix.
TEST(Fingerprint, ProjectRegistryHasNoCollisions) {
  const std::string src = testing::SourceDir();
  LoadOptions o;
  o.registry_dir = src + "/registry";
  Registry reg;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadRegistry(o, &reg, &diags)) << FormatAll(diags);
  RuleSet rules;
  ASSERT_TRUE(LoadRules(src + "/rules", reg.taxonomy, yaml::Limits{}, &rules, &diags))
      << FormatAll(diags);
  EvalContext ctx;
  ctx.as_of = Date{2026, 11, 22};
  std::vector<Finding> fs = EvaluateAll(rules, reg, ctx);
  AssignFingerprints(reg, &fs);
  std::set<std::string> seen;
  for (const auto& f : fs) {
    EXPECT_EQ(f.fingerprint.size(), 16u) << f.rule_id << " " << f.provider_id;
    EXPECT_TRUE(seen.insert(f.fingerprint).second) << f.fingerprint;
  }
}

}  // namespace
}  // namespace vendorlint
