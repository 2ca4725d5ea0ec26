// Issue 13 through the binary: the HTML report of a small fixture registry
// (one provider named `<script>alert(1)</script>`), pinned by a golden file;
// it is self-contained, escaped and deterministic.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

const char kSmall[] = "tests/fixtures/registry-small";
const char kAsOf[] = "--as-of=2026-11-22";

using testing::ExpectGolden;

TEST(HtmlReportCli, SmallRegistryGolden) {
  auto r = RunVendorlint({"check", "--registry", kSmall, kAsOf, "--format", "html"}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;  // evil stores data unencrypted
  EXPECT_EQ(r.err,
            "2 providers, 29 rules: 17 pass, 7 fail, 9 review, 1 waived, 24 not applicable; "
            "gate: FAIL (--fail-on error)\n");
  ExpectGolden(r.out, "registry-small.html");
  auto again = RunVendorlint({"check", "--registry", kSmall, kAsOf, "--format", "html"}, SourceDir());
  EXPECT_EQ(again.out, r.out);  // same input, same bytes
}

TEST(HtmlReportCli, ReportTargetWritesTheSameFile) {
  std::string dir = MakeTempDir();
  auto r = RunVendorlint({"check", "--registry", kSmall, kAsOf, "--format", "html"}, SourceDir());
  auto t = RunVendorlint(
      {"check", "--registry", kSmall, kAsOf, "--report", "html=" + dir + "/r.html"}, SourceDir());
  EXPECT_EQ(t.exit_code, 1) << t.err;
  EXPECT_EQ(ReadFileOrDie(dir + "/r.html"), r.out);
}

// Two HTML reports in one run lay the map out twice in one process (Graphviz
// 2.42's pango plugin read freed memory when each had its own context; the
// ASan build runs this).
TEST(HtmlReportCli, TwoHtmlReportsInOneRun) {
  std::string dir = MakeTempDir();
  auto r = RunVendorlint({"check", "--registry", kSmall, kAsOf, "--format", "html", "--report",
                          "html=" + dir + "/r.html"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(ReadFileOrDie(dir + "/r.html"), r.out);
  EXPECT_EQ(r.out, ReadFileOrDie(SourceDir() + "/tests/cli/golden/registry-small.html"));
}

TEST(HtmlReportCli, EscapedAndSelfContained) {
  auto r = RunVendorlint({"check", "--registry", kSmall, kAsOf, "--format", "html"}, SourceDir());
  const std::string& html = r.out;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt; &amp; &#39;quoted&#39;"), std::string::npos);
  // Nothing is loaded: no src attribute, no <link>, no CSS url() or @import.
  EXPECT_FALSE(std::regex_search(html, std::regex("<[^>]*\\ssrc\\s*=")));
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("xlink:href"), std::string::npos);
  // Every href is a fragment or an http(s) link a person may click.
  std::regex href("href=\"([^\"]*)\"");
  size_t links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    std::string target = (*it)[1];
    EXPECT_TRUE(target.starts_with("#") || target.starts_with("https://") ||
                target.starts_with("http://"))
        << target;
    ++links;
  }
  EXPECT_GT(links, 20u);
  // The sections a reader needs.
  for (const char* part :
       {"<section id=\"gate\">", "<table class=\"matrix\">", "<div class=\"map\">\n<svg",
        "<section class=\"provider\" id=\"p-evil\">", "<section id=\"waivers\">",
        "<td>DPO &lt;dpo@example.org&gt;</td><td>2026-12-31</td>"})
    EXPECT_NE(html.find(part), std::string::npos) << part;
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;

TEST(MapCli, DotIsSortedAndPinned) {
  auto r = RunVendorlint({"map", "--registry", kSmall, "--format", "dot"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectGolden(r.out, "registry-small.map.dot");
}

TEST(MapCli, SvgLoadsNothingAndEscapesNames) {
  std::string dir = MakeTempDir();
  auto r = RunVendorlint({"map", "--registry", kSmall, "-o", dir + "/map.svg"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::string svg = ReadFileOrDie(dir + "/map.svg");
  EXPECT_TRUE(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg "))
      << svg.substr(0, 200);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.find("<!DOCTYPE"), std::string::npos);
  EXPECT_EQ(svg.find("<image"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // Students' data is drawn in red.
  EXPECT_NE(svg.find(">Student: name, report</text>"), std::string::npos) << svg;
  auto again = RunVendorlint({"map", "--registry", kSmall}, SourceDir());
  EXPECT_EQ(again.out, svg);
}

TEST(MapCli, UnknownFormatIsAUsageError) {
  auto r = RunVendorlint({"map", "--registry", kSmall, "--format", "png"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--format for map must be svg or dot, not 'png'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// Graphviz ordered clusters by the heap addresses of their names until the
// map got its own id discipline: several runs must give the same bytes.
TEST(MapCli, RealRegistrySvgIsTheSameEveryRun) {
  auto first = testing::RunVendorlint({"map"}, testing::SourceDir());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(testing::RunVendorlint({"map"}, testing::SourceDir()).out, first.out);
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

TEST(ExportCli, RopaAndSubprocessorGoldens) {
  struct Case {
    std::vector<std::string> args;
    std::string golden;
  };
  for (const Case& c : std::vector<Case>{
           {{"export", "ropa"}, "registry-small.ropa.csv"},
           {{"export", "subprocessors"}, "registry-small.subprocessors.csv"},
           {{"export", "subprocessors", "--format", "json"}, "registry-small.subprocessors.json"},
           {{"export", "subprocessors", "--format", "markdown"}, "registry-small.subprocessors.md"}}) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"--registry", kSmall});
    auto r = testing::RunVendorlint(args, testing::SourceDir());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    ExpectGolden(r.out, c.golden);
  }
}

TEST(ExportCli, RealRegistryRopaHasARowPerFlow) {
  auto r = testing::RunVendorlint({"export", "ropa"}, testing::SourceDir());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t lines = 0;
  for (size_t at = r.out.find("\r\n"); at != std::string::npos; at = r.out.find("\r\n", at + 2)) ++lines;
  EXPECT_EQ(lines, 1u + 42u);  // the header and the registry's 42 flows
  EXPECT_EQ(r.out.find(",,"), std::string::npos);  // no blank cell
}

TEST(ExportCli, XlsxToAFile) {
  std::string dir = testing::MakeTempDir();
  auto r = testing::RunVendorlint(
      {"export", "ropa", "--registry", kSmall, "--format", "xlsx", "-o", dir + "/ropa.xlsx"},
      testing::SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(testing::ReadFileOrDie(dir + "/ropa.xlsx").starts_with("PK\x03\x04"));
}

TEST(ExportCli, WrongRecordOrFormatIsAUsageError) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  for (const Case& c : std::vector<Case>{
           {{"export", "ropa", "--format", "json"},
            "vendorlint: error: export ropa writes csv or xlsx, not 'json'\nsee `vendorlint export --help`\n"},
           {{"export", "subprocessors", "--format", "xlsx"},
            "vendorlint: error: export subprocessors writes csv, json or markdown, not 'xlsx'\nsee `vendorlint export --help`\n"},
           {{"export", "inventory"},
            "vendorlint: error: export writes ropa or subprocessors, not 'inventory'\nsee `vendorlint export --help`\n"}}) {
    auto r = testing::RunVendorlint(c.args, testing::SourceDir());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
}

}  // namespace
}  // namespace vendorlint
