// The HTML writer's building blocks: escaping, fragment ids, and a hand-made
// report whose texts need escaping (the whole page is pinned by the golden
// in tests/cli/reports_for_people_test.cc).
#include "report/html_report.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "check/question_groups.h"
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


// A rule that fails for many providers: its first 50 findings in full, the
// others one line each with the same anchors (so every link lands), under a
// note that says how many; a question row links at most 100 findings.
TEST(HtmlReport, ManyFindingsOfOneRuleAreFoldedToOneLineEach) {
  testing::EmptyReport fx;
  const size_t n = 130;
  fx.registry.files = {"registry/providers/x.yaml"};
  fx.registry.providers.resize(n);
  fx.rules.rules = {testing::MakeRule("no-ads", "No ads", Severity::kError,
                                      "Stop the ads. Then say so."),
                    testing::MakeRule("reviewed", "Reviewed", Severity::kWarning)};
  std::vector<Finding> fails, reviews;
  for (size_t i = 0; i < n; ++i) {
    const std::string id = fmt::format("p{:03}", i);
    fx.registry.providers[i].id.value = id;
    fails.push_back(testing::MakeFinding("no-ads", id, Severity::kError, Outcome::kFail,
                                         Location{0, 3, 1}, "Ads for " + id));
    reviews.push_back(testing::MakeFinding("reviewed", id, Severity::kWarning, Outcome::kReview,
                                           Location{0, 4, 1}, "Review " + id));
  }
  fx.report.findings = fails;
  fx.report.findings.insert(fx.report.findings.end(), reviews.begin(), reviews.end());
  fx.report.summary =
      ComputeSummary(fx.registry, fx.rules, fx.report.findings, fx.report.policy);
  Question q{"taxonomy: x", "Is x a minor?", Location{0, 1, 1}, {}};
  for (size_t i = n; i < 2 * n; ++i) q.blocks.push_back(i);
  q.kind = UnknownKind::kAttribute;
  fx.report.questions = {q};
  fx.report.question_groups = GroupQuestions(fx.report.questions);
  const std::string html = WriteHtmlReport(fx.report);

  auto count = [&](std::string_view what) {
    size_t c = 0;
    for (size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++c;
    return c;
  };
  // Gate failures (no-ads) and other details (reviewed): 50 cards each.
  EXPECT_EQ(count("<article class=\"finding fail\""), 50u);
  EXPECT_EQ(count("<article class=\"finding review\""), 50u);
  EXPECT_NE(html.find("<p class=\"more\">80 more findings of <a href=\"#r-no-ads\"><code>"
                      "no-ads</code></a>, one line each: the rule's citations and remediation "
                      "are above and under Rules; the JSON report has each one's evidence.</p>\n"
                      "<ul class=\"finding-lines\">\n<li class=\"finding-line fail\" "
                      "id=\"f-no-ads--p050\"><span class=\"label fail\">fail</span> <a "
                      "href=\"#p-p050\">p050</a>: Ads for p050 <span class=\"path\">"
                      "registry/providers/x.yaml:3</span></li>\n"),
            std::string::npos)
      << html;
  EXPECT_EQ(count("<li class=\"finding-line fail\""), 80u);
  EXPECT_EQ(count("<li class=\"finding-line review\""), 80u);
  // Every finding still has its anchor, once.
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(count(fmt::format("id=\"f-no-ads--p{:03}\"", i)), 1u) << i;
    EXPECT_EQ(count(fmt::format("id=\"f-reviewed--p{:03}\"", i)), 1u) << i;
  }
  // The question row: 100 links, then how many more.
  const size_t from = html.find("<section id=\"review\">");
  const size_t to = html.find("</section>", from);
  ASSERT_NE(to, std::string::npos);
  const std::string questions = html.substr(from, to - from);
  size_t links = 0;
  for (size_t at = questions.find("<a href=\"#f-reviewed--p"); at != std::string::npos;
       at = questions.find("<a href=\"#f-reviewed--p", at + 1))
    ++links;
  EXPECT_EQ(links, 100u);
  EXPECT_NE(questions.find("reviewed/p099</a> and 30 more</td>"), std::string::npos) << questions;
}

}  // namespace
}  // namespace vendorlint
