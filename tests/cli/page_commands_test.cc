// Issue 10 section 3 through the binary: `vendorlint render` (the public page,
// pinned by goldens) and `vendorlint reconcile PAGE` (drift, exit codes, bad
// pages), the round trip render -> reconcile on both registries, and the seed
// editions reconciled against them.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::ExpectGolden;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SharedDir;
using testing::SourceDir;
using testing::WriteFileOrDie;

const char kEarlier[] = "tests/fixtures/registry-earlier";
const char kSmall[] = "tests/fixtures/registry-small";

TEST(RenderCli, MarkdownOfTheRegistryGolden) {
  auto r = RunVendorlint({"render"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectGolden(r.out, "render-registry.md");
  EXPECT_EQ(RunVendorlint({"render"}, SourceDir()).out, r.out);  // same input, same bytes
}

TEST(RenderCli, MarkdownOfTheEarlierRegistryGolden) {
  auto r = RunVendorlint({"render", "--registry", kEarlier}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectGolden(r.out, "render-registry-earlier.md");
}

// The small fixture names a provider `<script>alert(1)</script>`: escaped in
// both forms; the HTML page loads nothing.
TEST(RenderCli, HtmlIsEscapedAndSelfContained) {
  auto r = RunVendorlint({"render", "--registry", kSmall, "--format", "html"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectGolden(r.out, "render-registry-small.html");
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  for (const char* external : {"<img", "<link", "<iframe", "@import", "url("})
    EXPECT_EQ(r.out.find(external), std::string::npos) << external;
  auto md = RunVendorlint({"render", "--registry", kSmall}, SourceDir());
  EXPECT_EQ(md.out.find("<script>"), std::string::npos);
  EXPECT_NE(md.out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(RenderCli, UnknownIsNotStatedNeverReassuring) {
  auto r = RunVendorlint({"render"}, SourceDir());
  // Threatstack's flow names no subjects, and no provider states a storage country.
  EXPECT_NE(r.out.find("Shared with Threatstack: logs and request data (about whom: not stated)."),
            std::string::npos);
  EXPECT_NE(r.out.find("| Logs and request data (logs) | Threatstack | not stated | not stated |"),
            std::string::npos);
  // The surveys vendor's exclusion of students, generated from the facts.
  EXPECT_NE(r.out.find("Not shared with or received from SurveyMonkey: anything about students."),
            std::string::npos);
}

TEST(RenderCli, OutputFileIsWrittenThroughTheReportTargets) {
  std::string dir = MakeTempDir();
  auto r = RunVendorlint({"render", "-o", dir + "/page/providers.md"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFileOrDie(dir + "/page/providers.md"), RunVendorlint({"render"}, SourceDir()).out);
  fs::create_symlink("/etc/passwd", dir + "/link.md");
  auto link = RunVendorlint({"render", "-o", dir + "/link.md"}, SourceDir());
  EXPECT_EQ(link.exit_code, 2);
  EXPECT_NE(link.err.find("is a symbolic link"), std::string::npos) << link.err;
  EXPECT_EQ(link.out, "");
}

struct RoundTrip {
  const char* registry;
  const char* format;
  const char* summary;
};

void PrintTo(const RoundTrip& p, std::ostream* os) { *os << p.registry << " " << p.format; }

class RenderReconcileRoundTrip : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(RenderReconcileRoundTrip, IsClean) {
  const RoundTrip& p = GetParam();
  std::string page = MakeTempDir() + "/page." + p.format;
  auto w = RunVendorlint({"render", "--registry", p.registry, "--format", p.format, "-o", page},
                         SourceDir());
  ASSERT_EQ(w.exit_code, 0) << w.err;
  auto r = RunVendorlint({"reconcile", page, "--registry", p.registry}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "vendorlint: " + page + " matches " + p.registry + ": no drift (" + p.summary +
                       " in the registry)\n");
  EXPECT_EQ(r.err, "");
}

INSTANTIATE_TEST_SUITE_P(
    BothRegistries, RenderReconcileRoundTrip,
    ::testing::Values(RoundTrip{"registry", "markdown", "30 of 30 page rows matched, 29 providers"},
                      RoundTrip{"registry", "html", "30 of 30 page rows matched, 29 providers"},
                      RoundTrip{kEarlier, "markdown", "33 of 33 page rows matched, 33 providers"},
                      RoundTrip{kEarlier, "html", "33 of 33 page rows matched, 33 providers"}),
    [](const ::testing::TestParamInfo<RoundTrip>& info) {
      return std::string(info.param.registry[0] == 'r' ? "Registry" : "Earlier") +
             (info.param.format[0] == 'm' ? "Markdown" : "Html");
    });

// The seed edition the earlier registry encodes reconciles clean with it.
TEST(ReconcileCli, EarlierSeedMatchesTheEarlierRegistry) {
  VL_SKIP_WITHOUT_SHARED();
  std::string seed = SharedDir() + "/seeds/000_a2ce56668f5928fc.txt";
  auto r = RunVendorlint({"reconcile", seed, "--registry", kEarlier}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ExpectGolden(std::regex_replace(r.out, std::regex(SharedDir()), "../shared"),
               "reconcile-seed000-earlier.txt");
}

// Against the later registry the earlier page shows the real drift between
// the editions (every line is checked in docs/render.md's walk-through).
TEST(ReconcileCli, EarlierSeedShowsTheDriftToTheLaterRegistry) {
  VL_SKIP_WITHOUT_SHARED();
  std::string seed = SharedDir() + "/seeds/000_a2ce56668f5928fc.txt";
  auto r = RunVendorlint({"reconcile", seed}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectGolden(std::regex_replace(r.out, std::regex(SharedDir()), "../shared"),
               "reconcile-seed000-registry.txt");
  auto j = RunVendorlint({"reconcile", seed, "--format", "json"}, SourceDir());
  EXPECT_EQ(j.exit_code, 1);
  ExpectGolden(std::regex_replace(j.out, std::regex(SharedDir()), "../shared"),
               "reconcile-seed000-registry.json");
}

// A rendered page of the earlier registry, edited the ways a published page
// drifts: each edit gives exactly its drift item.
TEST(ReconcileCli, EachKindOfDrift) {
  std::string page = RunVendorlint({"render", "--registry", kEarlier}, SourceDir()).out;
  auto edit = [&](const std::string& from, const std::string& to) {
    size_t at = page.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    page.replace(at, from.size(), to);
  };
  // http where the registry has https, and a trailing slash (normalised).
  edit("(https://www.algolia.com/policies/privacy)", "(http://www.algolia.com/policies/privacy/)");
  // Another link; another name for a provider whose link is the same.
  edit("(https://sendgrid.com/privacy)", "(https://example.com/sendgrid)");
  edit("[Pdfcrowd]", "[PDF Crowd]");
  // A provider the registry does not have, and one left out.
  edit("| [Zendesk](https://www.zendesk.com/company/privacy) |",
       "| [Acme Analytics](https://acme.example/privacy) |");
  // A section the registry lacks.
  edit("## Internal tools", "## Back office");
  // Greenhouse (internal) moved under the websites section, twice.
  size_t gh = page.find("| [Greenhouse]");
  std::string row = page.substr(gh, page.find('\n', gh) + 1 - gh);
  page.erase(gh, row.size());
  size_t web = page.find("| [Google Analytics]");
  page.insert(web, row + row);
  std::string dir = MakeTempDir();
  WriteFileOrDie(dir + "/page.md", page);
  auto r = RunVendorlint({"reconcile", dir + "/page.md", "--registry", kEarlier}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ExpectGolden(std::regex_replace(r.out, std::regex(dir), "DIR"), "reconcile-drift-kinds.txt");
}

TEST(ReconcileCli, BadPagesAreInvalidInputWithExactMessages) {
  std::string dir = MakeTempDir();
  WriteFileOrDie(dir + "/esc.md", "| Provider | How |\n|---|---|\n| Evil\x1b]0;pwned\x07 | x |\n");
  auto r = RunVendorlint({"reconcile", dir + "/esc.md"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  const std::string tail = "; a published page must be UTF-8 text without control characters "
                           "(remove it)\n";
  EXPECT_EQ(r.err, dir + "/esc.md:3:7: error: control character U+001B" + tail + dir +
                       "/esc.md:3:16: error: control character U+0007" + tail +
                       "vendorlint: 2 errors in " + dir + "/esc.md; nothing was evaluated\n");
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);

  WriteFileOrDie(dir + "/prose.md", "# Our providers\n\nWe use a few.\n");
  auto p = RunVendorlint({"reconcile", dir + "/prose.md"}, SourceDir());
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_EQ(p.err, dir +
                       "/prose.md:1:1: error: no provider table: expected a Markdown table whose "
                       "first header cell names the provider (`| Provider | How it is used | What "
                       "is shared |` and a `|---|---|---|` line below it), or the HTML page "
                       "`vendorlint render --format html` writes\nvendorlint: 1 error in " +
                       dir + "/prose.md; nothing was evaluated\n");

  auto missing = RunVendorlint({"reconcile", dir + "/none.md"}, SourceDir());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, dir + "/none.md: error: cannot read file: No such file or directory\n"
                               "vendorlint: 1 error in " + dir + "/none.md; nothing was evaluated\n");
}

TEST(ReconcileCli, UsageAndHelp) {
  auto none = RunVendorlint({"reconcile"}, SourceDir());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "vendorlint: error: reconcile needs PAGE: vendorlint reconcile PAGE\n"
                      "see `vendorlint reconcile --help`\n");
  auto fmt = RunVendorlint({"render", "--format", "pdf"}, SourceDir());
  EXPECT_EQ(fmt.exit_code, 2);
  EXPECT_NE(fmt.err.find("--format for render must be markdown or html, not 'pdf'"),
            std::string::npos)
      << fmt.err;
  for (const char* cmd : {"render", "reconcile"}) {
    auto h = RunVendorlint({"help", cmd}, SourceDir());
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_TRUE(h.out.starts_with(std::string("usage: vendorlint ") + cmd)) << h.out;
  }
}

}  // namespace
}  // namespace vendorlint
