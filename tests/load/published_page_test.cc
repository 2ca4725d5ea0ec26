// The published-page reader (load/published_page.h): Markdown tables with
// sections, links and escapes; the HTML render; and bad pages.
#include "load/published_page.h"

#include <gtest/gtest.h>

#include <string>

namespace vendorlint {
namespace {

std::string Errors(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += d.Format() + "\n";
  return out;
}

TEST(PublishedPage, MarkdownSectionsRowsAndLinks) {
  const std::string page =
      "# Title\n"
      "\n"
      "|Provider name (Link)|How|What|\n"
      "|----|----|----|\n"
      "|[Algolia](https://www.algolia.com/policies/privacy)|Search|Location|\n"
      "|Google Inc. (G Suite)|Mail|Files|\n"
      "\n"
      "## Internal tools\n"
      "\n"
      "| Provider | How | What |\n"
      "|---|---|---|\n"
      "| [Snake\\_Case \\| Co &amp; Sons](<https://example.com/a b>) (link: terms) | x | y |\n"
      "\n"
      "## By data type\n"
      "\n"
      "| Data type | Who |\n"
      "|---|---|\n"
      "| Email | Someone |\n";
  PublishedPage p;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(ParsePublishedPage("page.md", page, &p, &diags)) << Errors(diags);
  ASSERT_EQ(p.tables.size(), 2u);  // the data-type table is not a provider table
  EXPECT_FALSE(p.tables[0].section.has_value());
  ASSERT_EQ(p.tables[0].rows.size(), 2u);
  EXPECT_EQ(p.tables[0].rows[0].name, "Algolia");
  EXPECT_EQ(p.tables[0].rows[0].line, 5u);
  EXPECT_EQ(p.tables[0].rows[0].column, 2u);
  ASSERT_TRUE(p.tables[0].rows[0].link.has_value());
  EXPECT_EQ(p.tables[0].rows[0].link->text, "https://www.algolia.com/policies/privacy");
  EXPECT_EQ(p.tables[0].rows[0].link->column, 12u);
  EXPECT_EQ(p.tables[0].rows[1].name, "Google Inc. (G Suite)");
  EXPECT_FALSE(p.tables[0].rows[1].link.has_value());
  ASSERT_TRUE(p.tables[1].section.has_value());
  EXPECT_EQ(p.tables[1].section->text, "Internal tools");
  EXPECT_EQ(p.tables[1].section->line, 8u);
  EXPECT_EQ(p.tables[1].section->column, 4u);
  ASSERT_EQ(p.tables[1].rows.size(), 1u);
  EXPECT_EQ(p.tables[1].rows[0].name, "Snake_Case | Co & Sons");
  EXPECT_EQ(p.tables[1].rows[0].link->text, "https://example.com/a b");
  EXPECT_TRUE(p.Sectioned());
}

TEST(PublishedPage, TitleHeadingEndsASection) {
  PublishedPage p;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(ParsePublishedPage("p.md",
                                 "## A\n# New page\n| Provider |\n|---|\n| X |\n", &p, &diags));
  ASSERT_EQ(p.tables.size(), 1u);
  EXPECT_FALSE(p.tables[0].section.has_value());
  EXPECT_FALSE(p.Sectioned());
}

TEST(PublishedPage, Html) {
  const std::string page =
      "<!DOCTYPE html>\n<html><body>\n<h1>T</h1>\n<h2>Internal &amp; tools</h2>\n"
      "<table>\n<thead><tr><th>Provider (link)</th><th>How</th></tr></thead>\n<tbody>\n"
      "<tr><td><a class=\"url\" href=\"https://a.example/p?x=1&amp;y=2\" rel=\"noreferrer\">A &amp; "
      "B</a> (link: terms)</td><td>x</td></tr>\n"
      "<tr><td>Plain</td><td>y</td></tr>\n"
      "</tbody>\n</table>\n<h2>By data type</h2>\n<table><tr><th>Data type</th></tr>"
      "<tr><td>Email</td></tr></table>\n</body></html>\n";
  PublishedPage p;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(ParsePublishedPage("p.html", page, &p, &diags)) << Errors(diags);
  ASSERT_EQ(p.tables.size(), 1u);
  ASSERT_TRUE(p.tables[0].section.has_value());
  EXPECT_EQ(p.tables[0].section->text, "Internal & tools");
  ASSERT_EQ(p.tables[0].rows.size(), 2u);
  EXPECT_EQ(p.tables[0].rows[0].name, "A & B");
  ASSERT_TRUE(p.tables[0].rows[0].link.has_value());
  EXPECT_EQ(p.tables[0].rows[0].link->text, "https://a.example/p?x=1&y=2");
  EXPECT_EQ(p.tables[0].rows[0].line, 8u);
  EXPECT_EQ(p.tables[1 - 1].rows[1].name, "Plain");
  EXPECT_FALSE(p.tables[0].rows[1].link.has_value());
}

struct BadPage {
  const char* name;
  std::string bytes;
  std::string errors;
};

// gtest names the case by its name, not its bytes.
void PrintTo(const BadPage& p, std::ostream* os) { *os << p.name; }

class PublishedPageErrors : public ::testing::TestWithParam<BadPage> {};

TEST_P(PublishedPageErrors, ExactMessages) {
  PublishedPage p;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(ParsePublishedPage("page.md", GetParam().bytes, &p, &diags));
  EXPECT_EQ(Errors(diags), GetParam().errors);
}

const char kNoTable[] =
    "page.md:1:1: error: no provider table: expected a Markdown table whose first header cell "
    "names the provider (`| Provider | How it is used | What is shared |` and a `|---|---|---|` "
    "line below it), or the HTML page `vendorlint render --format html` writes\n";
const char kControl[] =
    "; a published page must be UTF-8 text without control characters (remove it)\n";

INSTANTIATE_TEST_SUITE_P(
    Pages, PublishedPageErrors,
    ::testing::Values(
        BadPage{"Empty", "", kNoTable},
        BadPage{"ProseOnly", "# Providers\n\nWe use Algolia | and others.\n", kNoTable},
        BadPage{"OnlyADataTypeTable", "| Data type | Who |\n|---|---|\n| Email | X |\n", kNoTable},
        BadPage{"Binary", std::string("\x7F" "ELF\x02\x01\x00\x00", 8),
                std::string("page.md:1:1: error: control character U+007F") + kControl +
                    "page.md:1:5: error: control character U+0002" + kControl +
                    "page.md:1:6: error: control character U+0001" + kControl +
                    "page.md:1:7: error: NUL byte" + kControl + "page.md:1:8: error: NUL byte" +
                    kControl},
        BadPage{"EscapeSequenceInCell", "| Provider |\n|---|\n| A\x1b[31mred |\n",
                std::string("page.md:3:4: error: control character U+001B") + kControl},
        BadPage{"HugeLine",
                "| Provider |\n|---|\n| " + std::string(70000, 'y') + " |\n",
                "page.md:3:1: error: line is 70004 bytes long; a page line may be at most 64 KiB "
                "(is this a published page?)\n"},
        BadPage{"RowWithoutName", "| Provider | x |\n|---|---|\n|  | y |\n",
                "page.md:3:1: error: a row of the provider table has no provider name in its first "
                "cell; name the provider or remove the row\n"},
        BadPage{"TooLarge", std::string((16 << 20) + 1, 'a'),
                "page.md: error: the page is larger than 16 MiB (16777217 bytes); a published "
                "page is read whole, so the limit is fixed\n"}),
    [](const ::testing::TestParamInfo<BadPage>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace vendorlint
