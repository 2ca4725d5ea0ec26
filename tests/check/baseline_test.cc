// Baselines: the written format, strict reading, the write -> read -> apply
// round trip (unchanged / new / absent), and stability under reformatting.
#include "check/baseline.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/format.h>

#include "load/registry_loader.h"
#include "rules/rule_fixtures.h"
#include "check/fingerprint.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::FormatAll;
using Lines = std::vector<std::string>;

Finding MakeFinding(const std::string& rule, const std::string& provider, Outcome outcome,
                    const std::string& fingerprint, const std::string& message = "Message") {
  Finding f;
  f.rule_id = rule;
  f.provider_id = provider;
  f.outcome = outcome;
  f.fingerprint = fingerprint;
  f.message = message;
  f.severity = Severity::kWarning;
  return f;
}

class BaselineTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    std::string path = dir_ + "/baseline.yaml";
    testing::WriteFileOrDie(path, text);
    return path;
  }
  // Reads `text`; returns the diagnostics with the temp dir stripped.
  Lines Read(const std::string& text, std::vector<BaselineEntry>* out = nullptr) {
    std::vector<BaselineEntry> local;
    std::vector<Diagnostic> diags;
    bool ok = ReadBaseline(Write(text), 4, out ? out : &local, &diags);
    EXPECT_EQ(ok, CountErrors(diags) == 0);
    Lines lines;
    for (const auto& d : diags) {
      std::string s = d.Format();
      if (s.starts_with(dir_ + "/")) s = s.substr(dir_.size() + 1);
      lines.push_back(s);
    }
    return lines;
  }
  std::string dir_ = testing::MakeTempDir();
};

TEST_F(BaselineTest, WritesOpenFindingsSortedByFingerprint) {
  std::vector<Finding> fs = {
      MakeFinding("b-rule", "p", Outcome::kFail, "ffff000000000000", "Says \"hi\" \\ there"),
      MakeFinding("a-rule", "p", Outcome::kPass, "1111111111111111"),
      MakeFinding("a-rule", "q", Outcome::kReview, "0123456789abcdef"),
      MakeFinding("c-rule", "q", Outcome::kNotApplicable, "2222222222222222"),
      MakeFinding("c-rule", "p", Outcome::kWaived, "0123456789abcdef-2", "Café: naïve"),
  };
  EXPECT_EQ(WriteBaseline(fs),
            "# vendorlint baseline: the fail, review and waived findings accepted as known.\n"
            "# Written by vendorlint; findings are matched by fingerprint, rule and provider.\n"
            "vendorlint_baseline: 1\n"
            "findings:\n"
            "  - fingerprint: \"0123456789abcdef\"\n"
            "    rule: \"a-rule\"\n"
            "    provider: \"q\"\n"
            "    outcome: review\n"
            "    severity: warning\n"
            "    message: \"Message\"\n"
            "  - fingerprint: \"0123456789abcdef-2\"\n"
            "    rule: \"c-rule\"\n"
            "    provider: \"p\"\n"
            "    outcome: waived\n"
            "    severity: warning\n"
            "    message: \"Café: naïve\"\n"
            "  - fingerprint: \"ffff000000000000\"\n"
            "    rule: \"b-rule\"\n"
            "    provider: \"p\"\n"
            "    outcome: fail\n"
            "    severity: warning\n"
            "    message: \"Says \\\"hi\\\" \\\\ there\"\n");
  EXPECT_EQ(WriteBaseline({fs[1]}),
            "# vendorlint baseline: the fail, review and waived findings accepted as known.\n"
            "# Written by vendorlint; findings are matched by fingerprint, rule and provider.\n"
            "vendorlint_baseline: 1\n"
            "findings: []\n");
}

TEST_F(BaselineTest, MessagesReadBackUnchanged) {
  const std::string tricky = "a: b # not a comment\n\t'q' \"dq\" \\n {x} [y] - z ü 日本";
  std::vector<Finding> fs = {
      MakeFinding("r", "p", Outcome::kFail, "00000000000000aa", tricky),
      MakeFinding("r", "q", Outcome::kFail, "00000000000000bb", std::string("bell\x07here")),
      MakeFinding("r", "s", Outcome::kFail, "00000000000000cc", "")};
  std::vector<BaselineEntry> entries;
  EXPECT_EQ(Read(WriteBaseline(fs), &entries), Lines{});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].message, tricky);
  EXPECT_EQ(entries[1].message, "bell\xEF\xBF\xBDhere");  // U+FFFD
  EXPECT_EQ(entries[2].message, "");
  EXPECT_EQ(entries[0].loc, (Location{4, 5, 5}));
  EXPECT_EQ(entries[0].rule_id, "r");
  EXPECT_EQ(entries[0].provider_id, "p");
  EXPECT_EQ(entries[0].outcome, Outcome::kFail);
  EXPECT_EQ(entries[0].severity, Severity::kWarning);
}

TEST_F(BaselineTest, ReadErrorsAreLocated) {
  EXPECT_EQ(Read("findings: []\n"),
            Lines{"baseline.yaml:1:1: error: missing required key `vendorlint_baseline` in "
                  "baseline"});
  EXPECT_EQ(Read("vendorlint_baseline: 2\nfindings: []\n"),
            Lines{"baseline.yaml:1:22: error: unsupported baseline version 2; this vendorlint "
                  "reads version 1 (write the baseline again)"});
  EXPECT_EQ(Read("vendorlint_baseline: 1\nfinding: []\n"),
            (Lines{"baseline.yaml:1:1: error: missing required key `findings` in baseline",
                   "baseline.yaml:2:1: error: unknown key `finding` in baseline; did you mean "
                   "`findings`?"}));
  EXPECT_EQ(Read("vendorlint_baseline: 1\nfindings: {}\n"),
            Lines{"baseline.yaml:2:11: error: `findings` must be a list (`[]` for none)"});
  EXPECT_EQ(
      Read("vendorlint_baseline: 1\n"
           "findings:\n"
           "  - fingerprint: 0123456789ABCDEF\n"
           "    rule: r\n"
           "    provider: p\n"
           "    outcome: pass\n"
           "    severity: fatal\n"
           "    message: m\n"
           "    colour: blue\n"
           "  - {fingerprint: \"0123456789abcdef\", rule: r, provider: p}\n"),
      (Lines{
          "baseline.yaml:3:18: error: `fingerprint` must be 16 lowercase hex digits, optionally "
          "followed by -N, not \"0123456789ABCDEF\"",
          "baseline.yaml:6:14: error: `outcome` must be one of fail, review, waived, not \"pass\"",
          "baseline.yaml:7:15: error: `severity` must be one of error, warning, note, not "
          "\"fatal\"",
          "baseline.yaml:9:5: error: unknown key `colour` in baseline entry (expected one of: "
          "fingerprint, rule, provider, outcome, severity, message)",
          "baseline.yaml:10:5: error: missing required key `message` in baseline entry",
          "baseline.yaml:10:5: error: missing required key `outcome` in baseline entry",
          "baseline.yaml:10:5: error: missing required key `severity` in baseline entry",
      }));
  EXPECT_EQ(Read("vendorlint_baseline: 1\n"
                 "findings:\n"
                 "  - {fingerprint: 0123456789abcdef, rule: r, provider: p, outcome: fail, "
                 "severity: error, message: m}\n"
                 "  - {fingerprint: 0123456789abcdef, rule: r, provider: q, outcome: fail, "
                 "severity: error, message: m}\n"),
            Lines{"baseline.yaml:4:19: error: fingerprint `0123456789abcdef` is listed twice "
                  "(first at line 3)"});
}

TEST_F(BaselineTest, ReadsWithRaisedLimits) {
  yaml::Limits limits = BaselineLimits();
  EXPECT_EQ(limits.max_bytes, size_t{64} << 20);
  EXPECT_GT(limits.max_nodes, yaml::Limits{}.max_nodes);
  // Larger than a registry file may be (1 MiB).
  std::vector<Finding> fs;
  for (size_t i = 0; i < 12000; ++i) {
    fs.push_back(MakeFinding("some-long-rule-id", fmt::format("provider-{}", i), Outcome::kFail,
                             fmt::format("{:016x}", i), "A message of some length for padding."));
  }
  std::string text = WriteBaseline(fs);
  ASSERT_GT(text.size(), size_t{1} << 20);
  std::vector<BaselineEntry> entries;
  EXPECT_EQ(Read(text, &entries), Lines{});
  EXPECT_EQ(entries.size(), fs.size());
}

TEST_F(BaselineTest, ApplyMarksUnchangedNewAndAbsent) {
  std::vector<Finding> before = {
      MakeFinding("r1", "p", Outcome::kFail, "000000000000000a"),
      MakeFinding("r1", "q", Outcome::kReview, "000000000000000b"),
      MakeFinding("r2", "p", Outcome::kWaived, "000000000000000c"),
      MakeFinding("r3", "p", Outcome::kFail, "000000000000000d", "Fixed since"),
  };
  std::vector<BaselineEntry> baseline;
  ASSERT_EQ(Read(WriteBaseline(before), &baseline), Lines{});

  std::vector<Finding> now = {
      MakeFinding("r1", "p", Outcome::kFail, "000000000000000a"),
      MakeFinding("r1", "q", Outcome::kFail, "000000000000000b"),  // review -> fail: same identity
      MakeFinding("r2", "p", Outcome::kWaived, "000000000000000c"),
      MakeFinding("r2", "q", Outcome::kFail, "000000000000000e"),
      MakeFinding("r3", "p", Outcome::kPass, "000000000000000f"),
  };
  std::vector<Finding> absent;
  ApplyBaseline(baseline, &now, &absent);
  EXPECT_EQ(now[0].baseline, BaselineState::kUnchanged);
  EXPECT_EQ(now[1].baseline, BaselineState::kUnchanged);
  EXPECT_EQ(now[2].baseline, BaselineState::kUnchanged);
  EXPECT_EQ(now[3].baseline, BaselineState::kNew);
  EXPECT_EQ(now[4].baseline, BaselineState::kNone);  // a pass is not tracked
  ASSERT_EQ(absent.size(), 1u);
  EXPECT_EQ(absent[0].rule_id, "r3");
  EXPECT_EQ(absent[0].provider_id, "p");
  EXPECT_EQ(absent[0].fingerprint, "000000000000000d");
  EXPECT_EQ(absent[0].outcome, Outcome::kFail);
  EXPECT_EQ(absent[0].severity, Severity::kWarning);
  EXPECT_EQ(absent[0].message, "Fixed since");
  EXPECT_EQ(absent[0].baseline, BaselineState::kAbsent);
}

// An entry silences only the finding it records; one whose fingerprint is
// another finding's is an error, located at the entry.
TEST_F(BaselineTest, EntriesMatchFingerprintRuleAndProvider) {
  std::vector<BaselineEntry> baseline;
  ASSERT_EQ(Read("vendorlint_baseline: 1\n"
                 "findings:\n"
                 "  - {fingerprint: 000000000000000a, rule: r1, provider: p, outcome: fail, "
                 "severity: error, message: m}\n"
                 "  - {fingerprint: 000000000000000b, rule: quiet, provider: p, outcome: fail, "
                 "severity: note, message: m}\n",
                 &baseline),
            Lines{});
  std::vector<Finding> now = {
      MakeFinding("r1", "p", Outcome::kFail, "000000000000000a"),
      MakeFinding("loud", "p", Outcome::kFail, "000000000000000b"),
  };
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(CheckBaselineLabels(baseline, now, "baseline.yaml", &diags));
  EXPECT_EQ(FormatAll(diags),
            "baseline.yaml:4:5: error: baseline entry labelled rule `quiet`, provider `p` has the "
            "fingerprint 000000000000000b of the finding of rule `loud` about provider `p`: its "
            "labels do not match its fingerprint, so it was edited by hand or forged; write the "
            "baseline again with --write-baseline\n");
  std::vector<Finding> absent;
  ApplyBaseline(baseline, &now, &absent);
  EXPECT_EQ(now[0].baseline, BaselineState::kUnchanged);
  EXPECT_EQ(now[1].baseline, BaselineState::kNew);  // not silenced by the mislabelled entry
  ASSERT_EQ(absent.size(), 1u);
  EXPECT_EQ(absent[0].rule_id, "quiet");

  diags.clear();
  EXPECT_TRUE(CheckBaselineLabels(baseline, {now[0]}, "baseline.yaml", &diags));
  EXPECT_TRUE(diags.empty());
}

// Through the real loader and evaluator: a baseline written before a provider
// file was reformatted and reordered still recognises every finding.
TEST_F(BaselineTest, ReformattedProviderKeepsItsBaselineState) {
  auto load = [](const std::string& db_yaml) {
    std::string dir = testing::MakeTempDir() + "/reg";
    fs::copy(testing::SourceDir() + "/tests/load/fixtures/mini", dir, fs::copy_options::recursive);
    testing::WriteFileOrDie(dir + "/providers/db.yaml", db_yaml);
    LoadOptions o;
    o.registry_dir = dir;
    Registry reg;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(LoadRegistry(o, &reg, &diags)) << FormatAll(diags);
    return reg;
  };
  auto run = [](const Registry& reg) {
    RuleSet rules;
    for (const char* id : {"encrypted", "no-student-flows"}) {
      std::string require = std::string(id) == "encrypted"
                                ? "  {field: storage.encrypted_at_rest, equals: true}"
                                : "  none: {in: data_flows, where: {field: subjects, "
                                  "includes_any: [student]}}";
      Rule r;
      std::vector<Diagnostic> diags;
      EXPECT_TRUE(testing::CompileRuleFromText(reg.taxonomy, id, testing::RuleText(id, require), &r,
                                               &diags))
          << FormatAll(diags);
      rules.rules.push_back(std::move(r));
    }
    EvalContext ctx;
    ctx.as_of = Date{2026, 1, 1};
    std::vector<Finding> out = EvaluateAll(rules, reg, ctx);
    AssignFingerprints(reg, &out);
    return out;
  };
  const std::string db =
      "id: db\n"
      "name: Database Service\n"
      "contexts: [product]\n"
      "purposes: [essential.service.storage]\n"
      "data_flows:\n"
      "  - direction: shared\n"
      "    categories: [user]\n"
      "    qualifiers: [incidental]\n"
      "  - direction: shared\n"
      "    subjects: [student, parent]\n"
      "    categories: [user.name]\n"
      "storage:\n"
      "  hosted_on: cloud\n"
      "sources:\n"
      "  - disclosure: example-2026\n";
  const std::string db_reformatted =
      "# moved around\n"
      "sources: [{disclosure: example-2026}]\n"
      "storage: {hosted_on: cloud}\n"
      "data_flows:\n"
      "  - {categories: [user.name], subjects: [parent, student], direction: shared}\n"
      "\n"
      "  - {direction: shared, qualifiers: [incidental], categories: [user]}\n"
      "purposes: [essential.service.storage]\n"
      "contexts: [product]\n"
      "name: Database Service\n"
      "id: db\n";
  std::vector<Finding> first = run(load(db));
  std::vector<BaselineEntry> baseline;
  ASSERT_EQ(Read(WriteBaseline(first), &baseline), Lines{});
  ASSERT_EQ(baseline.size(), 3u);  // db: review + fail; cloud: fail (student flow)

  std::vector<Finding> second = run(load(db_reformatted));
  std::vector<Finding> absent;
  ApplyBaseline(baseline, &second, &absent);
  EXPECT_TRUE(absent.empty());
  size_t unchanged = 0;
  for (const auto& f : second) {
    if (f.outcome == Outcome::kPass || f.outcome == Outcome::kNotApplicable) {
      EXPECT_EQ(f.baseline, BaselineState::kNone);
    } else {
      EXPECT_EQ(f.baseline, BaselineState::kUnchanged) << f.rule_id << " " << f.provider_id;
      ++unchanged;
    }
  }
  EXPECT_EQ(unchanged, 3u);

  // A real change to the deciding flow is a new finding, and the old one is absent.
  std::string changed = db_reformatted;
  changed.replace(changed.find("[user.name]"), 11, "[user.contact.email]");
  std::vector<Finding> third = run(load(changed));
  absent.clear();
  ApplyBaseline(baseline, &third, &absent);
  ASSERT_EQ(absent.size(), 1u);
  EXPECT_EQ(absent[0].rule_id, "no-student-flows");
  EXPECT_EQ(absent[0].provider_id, "db");
  for (const auto& f : third) {
    if (f.rule_id == "no-student-flows" && f.provider_id == "db")
      EXPECT_EQ(f.baseline, BaselineState::kNew);
  }
}

}  // namespace
}  // namespace vendorlint
