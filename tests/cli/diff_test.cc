// `vendorlint diff`: the seed editions' history pinned as goldens, the issue's
// done criterion (a pull request adding `student` to SendGrid's flow), --base
// on a scratch git repository, and the exit codes.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::CopyProject;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

using testing::ExpectGolden;

const char kEarlier[] = "tests/fixtures/registry-earlier";

TEST(Diff, PinsTheSeedEditionsHistoryAsText) {
  auto r = RunVendorlint({"diff", kEarlier, "registry"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectGolden(r.out, "registry-earlier-to-registry.diff.txt");
}

TEST(Diff, PinsTheSeedEditionsHistoryAsJsonWithCosmeticChanges) {
  auto r = RunVendorlint({"diff", kEarlier, "registry", "--format", "json", "--cosmetic"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "67 changes: 20 high, 15 medium, 32 low; 102 cosmetic\n");
  ExpectGolden(r.out, "registry-earlier-to-registry.diff.json");
}

TEST(Diff, PinsTheSeedEditionsHistoryAsMarkdown) {
  auto r = RunVendorlint({"diff", kEarlier, "registry", "--format", "markdown"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectGolden(r.out, "registry-earlier-to-registry.diff.md");
}

TEST(Diff, TheRealHistoryReadsRight) {
  auto r = RunVendorlint({"diff", kEarlier, "registry"}, SourceDir());
  for (const char* gone : {"twitter (Twitter)", "librato (Librato)", "papertrail (Papertrail)",
                           "redis-labs (Redis Labs)"}) {
    EXPECT_NE(r.out.find(std::string(gone) + "\n  low    removed  provider\n"), std::string::npos)
        << gone;
  }
  EXPECT_NE(r.out.find("mongodb-atlas (MongoDB Atlas)\n  low    renamed  id  "
                       "registry/providers/mongodb-atlas.yaml:1:5\n         renamed from MongoLab "
                       "(mongolab): mongolab -> mongodb-atlas (recorded in formerly (MongoLab))\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("blueshift (Blueshift)\n  high   added    provider  "
                       "registry/providers/blueshift.yaml:1:1\n"),
            std::string::npos);
  // "pseudo-anonymized" dropped for the monitoring vendor, "not for users" for the recruiting tool.
  EXPECT_NE(r.out.find("  high   dropped  data_flows[0].qualifiers  "
                       "registry/providers/datadog.yaml:7:5\n         qualifier pseudonymised "
                       "dropped: was pseudonymised (a protection dropped)\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("exclusion dropped: was \"Not used for data about users of the service.\" "
                       "(a protection dropped)\n"),
            std::string::npos);
}

// A pull request that adds `student` to SendGrid's flow (and deletes the
// exclusion that said "not students").
std::string StudentsToSendgrid() {
  std::string root = CopyProject();
  std::string path = root + "/registry/providers/sendgrid.yaml";
  std::string y = ReadFileOrDie(path);
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = y.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) y.replace(at, from.size(), to);
  };
  replace("subjects: [teacher, parent, school_leader]",
          "subjects: [teacher, parent, school_leader, student]");
  size_t excl = y.find("exclusions:");
  size_t src = y.find("sources:");
  y.erase(excl, src - excl);
  WriteFileOrDie(path, y);
  return root;
}

TEST(Diff, StudentsAddedToAnEmailVendorIsAHighImpactWideningWithTheFlowsLine) {
  std::string root = StudentsToSendgrid();
  std::string old_dir = SourceDir() + "/registry";
  auto text = RunVendorlint({"diff", old_dir, "registry"}, root);
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "vendorlint diff " + old_dir + " -> registry\n"
                      "\n"
                      "sendgrid (SendGrid)\n"
                      "  high   widened  data_flows[0].subjects  registry/providers/sendgrid.yaml:10:15\n"
                      "         subjects widened: student newly included: [teacher, parent, "
                      "school_leader] -> [teacher, parent, school_leader, student] (students newly "
                      "reached)\n"
                      "  high   dropped  exclusions[0]  registry/providers/sendgrid.yaml:1:1\n"
                      "         exclusion dropped: was \"Not used for student users.\" (a protection "
                      "dropped)\n"
                      "\n"
                      "2 changes: 2 high, 0 medium, 0 low\n");
  auto json = RunVendorlint({"diff", old_dir, "registry", "--format", "json"}, root);
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_NE(json.out.find(R"({
      "provider": "sendgrid",
      "provider_name": "SendGrid",
      "kind": "widened",
      "impact": "high",
      "reason": "students newly reached",
      "path": "data_flows[0].subjects",
      "before": "[teacher, parent, school_leader]",
      "after": "[teacher, parent, school_leader, student]",
      "message": "subjects widened: student newly included",
      "file": "registry/providers/sendgrid.yaml",
      "line": 10,
      "column": 15
    })"),
            std::string::npos)
      << json.out;
  auto md = RunVendorlint({"diff", old_dir, "registry", "--format", "markdown"}, root);
  EXPECT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("## vendorlint diff: 🔴 high privacy impact\n"), std::string::npos);
  EXPECT_NE(md.out.find("| SendGrid (`sendgrid`) | subjects widened: student newly included | "
                        "\\[teacher, parent, school\\_leader\\] | \\[teacher, parent, "
                        "school\\_leader, student\\] | "
                        "[registry/providers/sendgrid.yaml:10](registry/providers/"
                        "sendgrid.yaml#L10) | students newly reached |\n"),
            std::string::npos)
      << md.out;
  auto gate = RunVendorlint({"diff", old_dir, "registry", "--fail-on-impact", "high"}, root);
  EXPECT_EQ(gate.exit_code, 1);
}

TEST(Diff, FailOnImpactIsMetOnlyAtOrAboveTheLevel) {
  std::string root = CopyProject();
  std::string path = root + "/registry/providers/twilio.yaml";
  std::string y = ReadFileOrDie(path);
  y.replace(y.find("subjects: [parent, teacher]"), 27, "subjects: [parent]");
  WriteFileOrDie(path, y);
  std::string old_dir = SourceDir() + "/registry";
  auto low = RunVendorlint({"diff", old_dir, "registry", "--fail-on-impact", "low"}, root);
  EXPECT_EQ(low.exit_code, 1) << low.out << low.err;
  auto high = RunVendorlint({"diff", old_dir, "registry", "--fail-on-impact", "high"}, root);
  EXPECT_EQ(high.exit_code, 0) << high.out;
  EXPECT_NE(high.out.find("subjects narrowed: teacher no longer included"), std::string::npos);
  auto same = RunVendorlint({"diff", "registry", "registry", "--fail-on-impact", "low"},
                            SourceDir());
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_EQ(same.out, "vendorlint diff registry -> registry\n\n0 changes: 0 high, 0 medium, 0 low\n");
}

TEST(Diff, InvalidInputExitsTwo) {
  auto one = RunVendorlint({"diff", "registry"}, SourceDir());
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_EQ(one.err,
            "vendorlint: error: diff needs two registry folders, OLD NEW, or --base REF\n");
  auto missing = RunVendorlint({"diff", "no-such-dir", "registry"}, SourceDir());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nothing was evaluated"), std::string::npos) << missing.err;
  EXPECT_EQ(missing.out, "");
  auto level = RunVendorlint({"diff", "registry", "registry", "--fail-on-impact", "huge"},
                             SourceDir());
  EXPECT_EQ(level.exit_code, 2);
}

int Git(const std::string& dir, const std::string& args) {
  std::string cmd = "cd '" + dir + "' && git -c user.name=t -c user.email=t@example.invalid " +
                    args + " >/dev/null 2>&1";
  return std::system(cmd.c_str());
}

TEST(Diff, BaseReadsTheRegistryAtARevisionThroughGit) {
  std::string root = CopyProject();
  ASSERT_EQ(Git(root, "init -q -b main"), 0);
  ASSERT_EQ(Git(root, "add registry"), 0);
  ASSERT_EQ(Git(root, "commit -q -m base"), 0);
  std::string path = root + "/registry/providers/sendgrid.yaml";
  std::string y = ReadFileOrDie(path);
  y.replace(y.find("subjects: [teacher, parent, school_leader]"), 42,
            "subjects: [teacher, parent, school_leader, student]");
  WriteFileOrDie(path, y);
  auto r = RunVendorlint({"diff", "--base", "main", "--format", "json"}, root);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"old\": \"main:registry\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"kind\": \"widened\",\n      \"impact\": \"high\""), std::string::npos);
  EXPECT_EQ(r.err, "1 change: 1 high, 0 medium, 0 low\n");
  // The working tree and the index are untouched: no checkout.
  EXPECT_EQ(ReadFileOrDie(path), y);
  // From a subfolder, --registry is relative to it.
  auto sub = RunVendorlint({"diff", "--base", "HEAD", "--registry", "."}, root + "/registry");
  EXPECT_EQ(sub.exit_code, 0) << sub.err;
  EXPECT_NE(sub.out.find("subjects widened: student newly included"), std::string::npos);

  auto bad = RunVendorlint({"diff", "--base", "no-such-branch"}, root);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "vendorlint: error: --base 'no-such-branch' is not a commit of this repository; give "
            "a branch, tag or commit (e.g. origin/main, HEAD~1)\n");
  auto escape = RunVendorlint({"diff", "--base", "main", "--registry", "../elsewhere"}, root);
  EXPECT_EQ(escape.exit_code, 2);
  EXPECT_EQ(escape.err,
            "vendorlint: error: --base reads --registry '../elsewhere' inside the repository, but "
            "it lies outside it; give a path relative to the current folder that stays in the "
            "repository\n");
  auto both = RunVendorlint({"diff", "--base", "main", "a", "b"}, root);
  EXPECT_EQ(both.exit_code, 2);
  auto option = RunVendorlint({"diff", "--base=--output=x"}, root);
  EXPECT_EQ(option.exit_code, 2);

  std::string plain = MakeTempDir();
  auto norepo = RunVendorlint({"diff", "--base", "main", "--registry", root + "/registry"}, plain);
  EXPECT_EQ(norepo.exit_code, 2);
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

TEST(Diff, TheMarkdownCommentStaysWithinGithubsLimit) {
  std::string root = testing::CopyProject();
  std::string y = testing::ReadFileOrDie(root + "/registry/providers/blueshift.yaml");
  for (int i = 0; i < 400; ++i) {
    std::string id = "blueshift-copy-" + std::to_string(i);
    std::string copy = y;
    copy.replace(copy.find("id: blueshift"), 13, "id: " + id);
    testing::WriteFileOrDie(root + "/registry/providers/" + id + ".yaml", copy);
  }
  auto r = testing::RunVendorlint(
      {"diff", testing::SourceDir() + "/registry", "registry", "--format", "markdown"}, root);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LE(r.out.size(), 65536u);
  EXPECT_NE(r.out.find("\n... and "), std::string::npos);
  EXPECT_TRUE(r.out.ends_with(" more (the text and JSON outputs list every change)\n")) << r.out.substr(r.out.size() - 200);
  EXPECT_EQ(r.err, "400 changes: 400 high, 0 medium, 0 low\n");
}

}  // namespace
}  // namespace vendorlint
