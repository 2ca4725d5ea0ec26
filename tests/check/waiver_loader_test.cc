// The waivers file loader: a valid file loads with locations; every kind of
// mistake gives an exact, located diagnostic.
#include "check/waiver_loader.h"

#include <gtest/gtest.h>

#include "load/registry_loader.h"
#include "rules/rule_compiler.h"
#include "test_support.h"

namespace vendorlint {
namespace {

class WaiverLoaderTest : public ::testing::Test {
 protected:
  WaiverLoaderTest() {
    LoadOptions o;
    o.registry_dir = testing::SourceDir() + "/tests/load/fixtures/mini";
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(LoadRegistry(o, &registry_, &diags));
    AddRule("encrypted-at-rest", "");
    AddRule("no-student-data", "waivable: false\n");
    AddRule("review-yearly", "");
    dir_ = testing::MakeTempDir();
  }

  void AddRule(const std::string& id, const std::string& extra) {
    std::string text = "id: " + id +
                       "\ntitle: T\nseverity: error\ndescription: D.\nrationale: R.\n"
                       "references: [{title: T, url: 'https://example.org/'}]\ntags: [test]\n"
                       "remediation: Fix.\n" +
                       extra + "require: {field: storage.encrypted_at_rest, equals: true}\n";
    Rule r;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(CompileRuleText("rules/" + id + ".yaml", text, 0, registry_.taxonomy,
                                yaml::Limits{}, &r, &diags));
    rules_.rules.push_back(std::move(r));
  }

  // Loads `text` as waivers.yaml; returns the formatted diagnostics with the
  // temp dir stripped.
  std::vector<std::string> Load(const std::string& text, std::vector<Waiver>* out = nullptr) {
    std::string path = dir_ + "/waivers.yaml";
    testing::WriteFileOrDie(path, text);
    std::vector<Waiver> local;
    std::vector<Diagnostic> diags;
    bool ok = LoadWaivers(path, 7, yaml::Limits{}, rules_, registry_, out ? out : &local, &diags);
    EXPECT_EQ(ok, CountErrors(diags) == 0);
    std::vector<std::string> lines;
    for (const auto& d : diags) {
      std::string s = d.Format();
      if (s.starts_with(dir_ + "/")) s = s.substr(dir_.size() + 1);
      lines.push_back(s);
    }
    return lines;
  }

  Registry registry_;
  RuleSet rules_;
  std::string dir_;
};

using Lines = std::vector<std::string>;

constexpr const char* kEntryTail =
    "    justification: Encrypted by the host; confirmed by email.\n"
    "    approved_by: Data Protection Officer\n"
    "    expires: 2026-12-31\n";

TEST_F(WaiverLoaderTest, LoadsAValidFileWithLocations) {
  std::vector<Waiver> ws;
  EXPECT_EQ(
      Load("# Accepted exceptions.\n"
           "waivers:\n"
           "  - rule: encrypted-at-rest\n"
           "    provider: db\n" +
               std::string(kEntryTail) +
               "  - {rule: review-yearly, provider: cloud, evidence: 'data_flows[0].subjects', "
               "justification: J, approved_by: A, expires: 2027-01-01}\n",
           &ws),
      Lines{});
  ASSERT_EQ(ws.size(), 2u);
  EXPECT_EQ(ws[0].path, dir_ + "/waivers.yaml");
  EXPECT_EQ(ws[0].loc, (Location{7, 3, 5}));
  EXPECT_EQ(ws[0].rule.value, "encrypted-at-rest");
  EXPECT_EQ(ws[0].provider.value, "db");
  EXPECT_EQ(ws[0].provider.loc, (Location{7, 4, 15}));
  EXPECT_FALSE(ws[0].evidence.has_value());
  EXPECT_EQ(ws[0].justification.value, "Encrypted by the host; confirmed by email.");
  EXPECT_EQ(ws[0].approved_by.value, "Data Protection Officer");
  EXPECT_EQ(ws[0].expires.value, (Date{2026, 12, 31}));
  EXPECT_EQ(ws[0].expires.loc, (Location{7, 7, 14}));
  ASSERT_TRUE(ws[1].evidence.has_value());
  EXPECT_EQ(ws[1].evidence->value, "data_flows[0].subjects");
  EXPECT_EQ(ws[1].loc, (Location{7, 8, 5}));
}

// organization.yaml `settings.max_waiver_days` (default 365) bounds the span
// from `approved` through `expires` (issue 8 item 9).
TEST_F(WaiverLoaderTest, AWaiverLongerThanTheOrganisationAllowsIsAnError) {
  auto entry = [](const std::string& approved, const std::string& expires) {
    return "  - {rule: encrypted-at-rest, provider: db, justification: J, approved_by: A, "
           "approved: " +
           approved + ", expires: " + expires + "}\n";
  };
  std::vector<Waiver> ws;
  EXPECT_EQ(Load("waivers:\n" + entry("2026-01-01", "2027-01-01"), &ws), Lines{});  // 365 days
  ASSERT_EQ(ws.size(), 1u);
  ASSERT_TRUE(ws[0].approved.has_value());
  EXPECT_EQ(ws[0].approved->value, (Date{2026, 1, 1}));
  EXPECT_EQ(Load("waivers:\n" + entry("2026-01-01", "2027-01-02")),
            Lines{"waivers.yaml:2:110: error: waiver runs 366 days (approved 2026-01-01, expires "
                  "2027-01-02); organization.yaml allows at most 365 "
                  "(`settings.max_waiver_days`): set `expires` to 2027-01-01 or earlier"});
  EXPECT_EQ(Load("waivers:\n" + entry("2026-03-01", "2026-02-28")),
            Lines{"waivers.yaml:2:110: error: waiver expires on 2026-02-28, before it was "
                  "approved on 2026-03-01"});
  registry_.organization.settings.max_waiver_days.value = 30;
  EXPECT_EQ(Load("waivers:\n" + entry("2026-01-31", "2026-03-31")),
            Lines{"waivers.yaml:2:110: error: waiver runs 59 days (approved 2026-01-31, expires "
                  "2026-03-31); organization.yaml allows at most 30 "
                  "(`settings.max_waiver_days`): set `expires` to 2026-03-02 or earlier"});
}

// Without `approved`, the span runs from today: leaving the date out never
// allows a longer waiver. (2999 is more than a year away on any machine.)
TEST_F(WaiverLoaderTest, AWaiverWithoutApprovalDateIsMeasuredFromToday) {
  const std::string entry =
      "  - {rule: encrypted-at-rest, provider: db, justification: J, approved_by: A, "
      "expires: 2999-01-01}\n";
  Lines errors = Load("waivers:\n" + entry);
  ASSERT_EQ(errors.size(), 1u);
  const std::string today = Date::Today().ToString();
  const std::string days = std::to_string(Date{2999, 1, 1}.DaysSinceEpoch() -
                                          Date::Today().DaysSinceEpoch());
  EXPECT_EQ(errors[0], "waivers.yaml:2:88: error: waiver expires " + days + " days from today (" +
                           today + "); organization.yaml allows at most 365 "
                           "(`settings.max_waiver_days`): set `expires` to " +
                           Date::FromDaysSinceEpoch(Date::Today().DaysSinceEpoch() + 365)
                               .ToString() +
                           " or earlier, or record when it was approved with `approved:`");
}

TEST_F(WaiverLoaderTest, AnEmptyListIsValid) {
  std::vector<Waiver> ws;
  EXPECT_EQ(Load("waivers: []\n", &ws), Lines{});
  EXPECT_TRUE(ws.empty());
}

TEST_F(WaiverLoaderTest, FileShape) {
  EXPECT_EQ(Load("- rule: x\n"),
            Lines{"waivers.yaml:1:1: error: waivers file must be a mapping of keys to values, not "
                  "a list"});
  EXPECT_EQ(Load("waiver: []\n"),
            (Lines{"waivers.yaml:1:1: error: missing required key `waivers` in waivers file",
                   "waivers.yaml:1:1: error: unknown key `waiver` in waivers file; did you mean "
                   "`waivers`?"}));
  EXPECT_EQ(Load("waivers: {rule: x}\n"),
            Lines{"waivers.yaml:1:10: error: `waivers` must be a list of waivers (`[]` for none)"});
  EXPECT_EQ(Load("waivers:\n  - just a string\n"),
            Lines{"waivers.yaml:2:5: error: waiver must be a mapping of keys to values, not "
                  "\"just a string\""});
  EXPECT_EQ(Load("waivers: [\n"),
            Lines{"waivers.yaml:2:1: error: YAML syntax error: end of sequence flow not found"});
}

TEST_F(WaiverLoaderTest, MissingFile) {
  std::vector<Waiver> ws;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(
      LoadWaivers(dir_ + "/absent.yaml", 7, yaml::Limits{}, rules_, registry_, &ws, &diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].Format(),
            dir_ + "/absent.yaml: error: cannot read file: No such file or directory");
}

TEST_F(WaiverLoaderTest, UnknownAndMissingKeys) {
  EXPECT_EQ(Load("waivers:\n"
                 "  - rule: encrypted-at-rest\n"
                 "    provider: db\n"
                 "    justifcation: typo\n"
                 "    colour: blue\n"),
            (Lines{
                "waivers.yaml:2:5: error: missing required key `approved_by` in waiver",
                "waivers.yaml:2:5: error: missing required key `expires` in waiver",
                "waivers.yaml:2:5: error: missing required key `justification` in waiver",
                "waivers.yaml:4:5: error: unknown key `justifcation` in waiver; did you mean "
                "`justification`?",
                "waivers.yaml:5:5: error: unknown key `colour` in waiver (expected one of: rule, "
                "provider, evidence, justification, approved_by, approved, expires)",
            }));
  EXPECT_EQ(Load("waivers:\n  - {justification: J, approved_by: A, expires: 2026-01-01}\n"),
            (Lines{"waivers.yaml:2:5: error: missing required key `provider` in waiver",
                   "waivers.yaml:2:5: error: missing required key `rule` in waiver"}));
}

TEST_F(WaiverLoaderTest, UnknownRuleAndProvider) {
  EXPECT_EQ(Load("waivers:\n"
                 "  - rule: encrypted-at-rset\n"
                 "    provider: dbb\n" +
                 std::string(kEntryTail) +
                 "  - rule: something-else\n"
                 "    provider: Cloud\n" +
                 kEntryTail),
            (Lines{
                "waivers.yaml:2:11: error: unknown rule `encrypted-at-rset`; did you mean "
                "`encrypted-at-rest`?",
                "waivers.yaml:3:15: error: unknown provider `dbb`; did you mean `db`?",
                "waivers.yaml:7:11: error: unknown rule `something-else`",
                "waivers.yaml:8:15: error: `provider` must be lowercase letters and digits in "
                "words joined by '-' (like `mongodb-atlas`), not \"Cloud\"",
            }));
}

TEST_F(WaiverLoaderTest, RuleThatIsNotWaivable) {
  EXPECT_EQ(
      Load("waivers:\n  - rule: no-student-data\n    provider: cloud\n" + std::string(kEntryTail)),
      Lines{"waivers.yaml:2:11: error: rule `no-student-data` is not waivable"});
}

TEST_F(WaiverLoaderTest, TextAndDateValues) {
  EXPECT_EQ(Load("waivers:\n"
                 "  - rule: encrypted-at-rest\n"
                 "    provider: db\n"
                 "    justification: \"\"\n"
                 "    approved_by: '   '\n"
                 "    expires: 2026-02-30\n"
                 "  - rule: review-yearly\n"
                 "    provider: db\n"
                 "    justification: [a]\n"
                 "    approved_by:\n"
                 "    expires: next year\n"),
            (Lines{
                "waivers.yaml:4:20: error: `justification` must not be empty",
                "waivers.yaml:5:18: error: `approved_by` must not be blank",
                "waivers.yaml:6:14: error: `expires` must be a real calendar date written "
                "YYYY-MM-DD, not \"2026-02-30\"",
                "waivers.yaml:9:20: error: `justification` must be a string, not a list",
                "waivers.yaml:10:5: error: `approved_by` has no value; expected a string (remove "
                "the key to leave it unknown)",
                "waivers.yaml:11:14: error: `expires` must be a real calendar date written "
                "YYYY-MM-DD, not \"next year\"",
            }));
}

TEST_F(WaiverLoaderTest, EvidencePaths) {
  auto with_evidence = [&](const std::string& provider, const std::string& evidence) {
    return Load("waivers:\n  - rule: encrypted-at-rest\n    provider: " + provider +
                "\n    evidence: " + evidence + "\n" + kEntryTail);
  };
  // Valid: records, fields, list items, partial field paths, hosts.
  for (const char* ok : {"data_flows[0]", "data_flows[0].subjects[1]", "data_flows",
                         "storage.encrypted_at_rest", "storage", "purposes[0]", "sources[0].row"})
    EXPECT_EQ(with_evidence("cloud", ok), Lines{}) << ok;
  EXPECT_EQ(with_evidence("db", "host[cloud].storage.encrypted_at_rest"), Lines{});
  EXPECT_EQ(with_evidence("db", "exclusions[0].contexts[0]"), Lines{});

  EXPECT_EQ(with_evidence("cloud", "data_flows[x]"),
            Lines{"waivers.yaml:4:15: error: `evidence` must be a path like `data_flows[2]` or "
                  "`storage.encrypted_at_rest`, not \"data_flows[x]\""});
  EXPECT_EQ(with_evidence("cloud", "data_flows[01]").size(), 1u);
  EXPECT_EQ(with_evidence("cloud", "host.storage").size(), 1u);
  EXPECT_EQ(with_evidence("cloud", "data_flows[0].").size(), 1u);
  EXPECT_EQ(with_evidence("cloud", "data_flows[1]"),
            Lines{"waivers.yaml:4:15: error: `evidence` points at `data_flows[1]`, but provider "
                  "`cloud` has 1 data flow"});
  EXPECT_EQ(with_evidence("cloud", "exclusions[0].contexts"),
            Lines{"waivers.yaml:4:15: error: `evidence` points at `exclusions[0]`, but provider "
                  "`cloud` states no exclusions"});
  EXPECT_EQ(with_evidence("db", "host[clod].storage"),
            Lines{"waivers.yaml:4:15: error: unknown provider `clod` in `evidence`; did you mean "
                  "`cloud`?"});
  EXPECT_EQ(with_evidence("db", "host[cloud].data_flows[3]"),
            Lines{"waivers.yaml:4:15: error: `evidence` points at `data_flows[3]`, but provider "
                  "`cloud` has 1 data flow"});
  EXPECT_EQ(with_evidence("db", "storage.encrypted"),
            Lines{"waivers.yaml:4:15: error: `evidence` names unknown field `storage.encrypted` "
                  "of a provider"});
  EXPECT_EQ(with_evidence("db", "data_flows[0].subject"),
            Lines{"waivers.yaml:4:15: error: `evidence` names unknown field `subject` of a data "
                  "flow; did you mean `subjects`?"});
  EXPECT_EQ(with_evidence("db", "storage.encrypted_at_rest[0]"),
            Lines{"waivers.yaml:4:15: error: `evidence` indexes `storage.encrypted_at_rest`, "
                  "which is not a list"});
}

TEST_F(WaiverLoaderTest, DuplicateWaivers) {
  std::vector<Waiver> ws;
  EXPECT_EQ(Load("waivers:\n"
                 "  - {rule: encrypted-at-rest, provider: db, justification: J, approved_by: A, "
                 "expires: 2026-01-01}\n"
                 "  - {rule: encrypted-at-rest, provider: db, evidence: storage, justification: J, "
                 "approved_by: A, expires: 2026-01-01}\n"
                 "  - {rule: encrypted-at-rest, provider: db, justification: K, approved_by: B, "
                 "expires: 2027-01-01}\n"
                 "  - {rule: encrypted-at-rest, provider: db, evidence: storage, justification: J, "
                 "approved_by: A, expires: 2026-01-01}\n",
                 &ws),
            (Lines{"waivers.yaml:4:5: error: duplicate waiver for rule `encrypted-at-rest` on "
                   "provider `db` (first at line 2)",
                   "waivers.yaml:5:5: error: duplicate waiver for rule `encrypted-at-rest` on "
                   "provider `db` at `storage` (first at line 3)"}));
  EXPECT_EQ(ws.size(), 2u);  // the duplicates are left out
}

// The example in docs/waivers.md loads against the project's own registry
// and rules.
TEST(WaiverDocs, ExampleLoads) {
  const std::string src = testing::SourceDir();
  std::string doc = testing::ReadFileOrDie(src + "/docs/waivers.md");
  size_t start = doc.find("```yaml\nwaivers:");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  std::string example = doc.substr(start, doc.find("```", start) - start);
  LoadOptions o;
  o.registry_dir = src + "/registry";
  Registry registry;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadRegistry(o, &registry, &diags)) << diags[0].Format();
  RuleSet rules;
  ASSERT_TRUE(LoadRules(src + "/rules", registry.taxonomy, yaml::Limits{}, &rules, &diags))
      << diags[0].Format();
  std::string path = testing::MakeTempDir() + "/waivers.yaml";
  testing::WriteFileOrDie(path, example);
  std::vector<Waiver> ws;
  EXPECT_TRUE(LoadWaivers(path, 0, yaml::Limits{}, rules, registry, &ws, &diags))
      << (diags.empty() ? "" : diags[0].Format());
  EXPECT_EQ(ws.size(), 2u);
}

}  // namespace
}  // namespace vendorlint
