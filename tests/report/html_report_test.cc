// The HTML writer's building blocks: escaping, fragment ids, and a hand-made
// report whose texts need escaping (the whole page is pinned by the golden
// in tests/cli/reports_for_people_test.cc).
#include "report/html_report.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "report/fixtures/sample_report.h"

namespace vendorlint {
namespace {

TEST(HtmlReport, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script> & \"q\" 'a'\x01"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;\xEF\xBF\xBD");
}

TEST(HtmlReport, AnchorsAreSafeAndDistinct) {
  EXPECT_EQ(HtmlAnchor("f", "no-ads", "db"), "f-no-ads--db");
  EXPECT_EQ(HtmlAnchor("p", "a b\"<"), "p-a_20b_22_3C");
  EXPECT_NE(HtmlAnchor("f", "a", "b-c"), HtmlAnchor("f", "a-b", "c"));
}

TEST(HtmlReport, NastyTextIsEscapedEverywhere) {
  testing::NastyReport fx;
  std::string html = WriteHtmlReport(fx.report);
  EXPECT_EQ(html.find("<b>&amp;</b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;&amp;amp;&lt;/b&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("No &lt;ads&gt; &amp; &quot;tracking&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<maybe>"), std::string::npos);
  // The finding fails the gate: it is shown in full under the gate heading.
  size_t gate = html.find("<section id=\"gate\">");
  ASSERT_NE(gate, std::string::npos);
  EXPECT_NE(html.find("id=\"f-no-ads--odd\"", gate), std::string::npos);
}

TEST(HtmlReport, SampleHasMatrixWaiversAndBaseline) {
  testing::SampleReport fx;
  std::string html = WriteHtmlReport(fx.report);
  // A fail cell links to its finding; a pass cell to its rule.
  EXPECT_NE(html.find("<td class=\"cell fail\"><a href=\"#f-no-ads--ads\""), std::string::npos);
  EXPECT_NE(html.find("<td class=\"cell pass\"><a href=\"#r-reviewed-yearly\""), std::string::npos);
  EXPECT_NE(html.find("<td>dpo</td><td>2026-12-04</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>ciso</td><td>2026-10-01 <span class=\"label fail\">expired</span></td>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2>Since the baseline</h2>"), std::string::npos);
  EXPECT_NE(html.find("Chat was last reviewed on 2024-05-02"), std::string::npos);
  EXPECT_NE(html.find("<strong>Remediation</strong>: Record storage.encrypted_at_rest."),
            std::string::npos);
}

TEST(HtmlReport, AHugeRegistryGetsNoMap) {
  testing::EmptyReport fx;
  fx.registry.providers.resize(501);
  for (size_t i = 0; i < fx.registry.providers.size(); ++i)
    fx.registry.providers[i].id.value = fmt::format("p{:04}", i);
  std::string html = WriteHtmlReport(fx.report);
  EXPECT_NE(html.find("<p>The data map is left out: 501 providers are more than the 500 a "
                      "readable map holds. <code>vendorlint map --format dot</code> writes it.</p>"),
            std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  // Nor a matrix: a row per provider would be as unreadable.
  EXPECT_NE(html.find("<section id=\"matrix\">\n<h2>Providers and rules</h2>\n<p>The matrix is "
                      "left out: 501 providers are more than the 500 a readable table holds. "
                      "<code>vendorlint check --format json</code> lists every finding.</p>\n"
                      "</section>\n"),
            std::string::npos);
  EXPECT_EQ(html.find("<table class=\"matrix\">"), std::string::npos);
}

}  // namespace
}  // namespace vendorlint
