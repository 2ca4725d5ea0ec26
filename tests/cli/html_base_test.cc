// `check --base DIR --format html` (issue 13 §1, "the diff since a base"):
// the report opens, after the verdict, with the changes since the base (counts
// by impact, the high- and medium-impact changes, an Art. 28 notice per new
// processor) and lists the findings new since the base; every registry string
// is HTML-escaped.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "pull_request_fixture.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::CopyProject;
using testing::EditLikeAPullRequest;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::WriteFileOrDie;

// The section between `<section id="ID">` and its `</section>`, or "".
std::string Section(const std::string& html, const std::string& id) {
  size_t a = html.find("<section id=\"" + id + "\">");
  if (a == std::string::npos) return "";
  size_t b = html.find("</section>\n", a);
  return html.substr(a, b + 11 - a);
}

// A pull request against the folder base-registry: SendGrid's flow gains
// students and loses its "not students" exclusion; a new processor with a
// name full of HTML is added.
std::string ProjectWithABase() {
  std::string root = CopyProject();
  std::filesystem::copy(root + "/registry", root + "/base-registry",
                        std::filesystem::copy_options::recursive);
  EditLikeAPullRequest(root, "New <Vendor> & \"Co\"", "New Vendor <Inc.>");
  return root;
}

const char kChanges[] =
    "<section id=\"changes\">\n"
    "<h2>Changes since base-registry</h2>\n"
    "<table class=\"counts\"><tr><th>high</th><th>medium</th><th>low</th></tr>\n"
    "<tr><td>3</td><td>0</td><td>0</td></tr></table>\n"
    "<table class=\"changes\"><thead><tr><th>impact</th><th>provider</th><th>change</th>"
    "<th>where</th><th>why</th></tr></thead>\n"
    "<tbody>\n"
    "<tr class=\"high\"><td><span class=\"label high\">high</span></td><td><a "
    "href=\"#p-newvendor\">New &lt;Vendor&gt; &amp; &quot;Co&quot;</a></td><td>provider added: New "
    "&lt;Vendor&gt; &amp; &quot;Co&quot;</td><td><span "
    "class=\"path\">registry/providers/newvendor.yaml:1</span></td><td>a new processor of personal "
    "data</td></tr>\n"
    "<tr class=\"high\"><td><span class=\"label high\">high</span></td><td><a "
    "href=\"#p-sendgrid\">SendGrid</a></td><td>subjects widened: student newly included: [teacher, "
    "parent, school_leader] → [teacher, parent, school_leader, student]</td><td><span "
    "class=\"path\">registry/providers/sendgrid.yaml:10</span></td><td>students newly "
    "reached</td></tr>\n"
    "<tr class=\"high\"><td><span class=\"label high\">high</span></td><td><a "
    "href=\"#p-sendgrid\">SendGrid</a></td><td>exclusion dropped</td><td><span "
    "class=\"path\">registry/providers/sendgrid.yaml:1</span></td><td>a protection "
    "dropped</td></tr>\n"
    "</tbody></table>\n"
    "<div class=\"notice\">\n"
    "<h3>Art. 28 notice: New &lt;Vendor&gt; &amp; &quot;Co&quot;</h3>\n"
    "<dl class=\"facts\"><dt>Who</dt><dd>New &lt;Vendor&gt; &amp; &quot;Co&quot;, New Vendor "
    "&lt;Inc.&gt; (US)</dd><dt>Where</dt><dd>processing: US; storage: US</dd><dt>What "
    "data</dt><dd>user.contact.email about teacher</dd><dt>For "
    "what</dt><dd>analytics.reporting.product_usage</dd></dl>\n"
    "</div>\n"
    "<p><a href=\"#baseline\">The findings new and fixed since the base</a></p>\n"
    "</section>\n";

TEST(HtmlBase, ChangesSinceTheBaseFollowTheVerdict) {
  std::string root = ProjectWithABase();
  auto r = RunVendorlint(
      {"check", "--base", "base-registry", "--as-of=2026-11-22", "--format", "html"}, root);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // new findings fail the gate
  EXPECT_EQ(Section(r.out, "changes"), kChanges);
  // Right after the verdict, the counts and the contents, before the
  // gate-failing findings.
  size_t nav = r.out.find("</nav>\n");
  ASSERT_NE(nav, std::string::npos);
  EXPECT_EQ(r.out.find("<section id=\"changes\">"), nav + 7);
  EXPECT_LT(r.out.find("</header>\n"), nav);
  EXPECT_NE(r.out.find("<li><a href=\"#changes\">Changes since the base</a></li>"),
            std::string::npos);
  // No raw markup from the registry anywhere.
  EXPECT_EQ(r.out.find("<Vendor>"), std::string::npos);
  EXPECT_EQ(r.out.find("<Inc.>"), std::string::npos);
}

TEST(HtmlBase, FindingsNewSinceTheBaseAreListed) {
  std::string root = ProjectWithABase();
  auto r = RunVendorlint(
      {"check", "--base", "base-registry", "--as-of=2026-11-22", "--format", "html"}, root);
  std::string s = Section(r.out, "baseline");
  const std::string opening =
      "<section id=\"baseline\">\n<h2>Findings since base-registry</h2>\n<h3>New</h3>\n";
  EXPECT_EQ(s.substr(0, opening.size()), opening);
  EXPECT_NE(s.find("<li><a href=\"#f-messaging-vendors-get-adult-contacts-only--sendgrid\">SendGrid · "
                   "<code>messaging-vendors-get-adult-contacts-only</code></a>: SendGrid sends email "
                   "or SMS and receives contact details of minors</li>\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("<li><a href=\"#f-privacy-policy-recorded--newvendor\">New &lt;Vendor&gt; &amp; "
                   "&quot;Co&quot; · <code>privacy-policy-recorded</code></a>"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("<h3>Fixed</h3>\n<ul>\n<li>nothing fixed</li>\n</ul>\n"), std::string::npos) << s;
  // Each new finding is laid out in full: a gate-failing one in the gate section.
  EXPECT_NE(Section(r.out, "gate").find("id=\"f-messaging-vendors-get-adult-contacts-only--sendgrid\""),
            std::string::npos);
}

TEST(HtmlBase, NoBaseNoChangesSection) {
  std::string root = ProjectWithABase();
  auto r = RunVendorlint({"check", "--as-of=2026-11-22", "--format", "html"}, root);
  EXPECT_EQ(r.out.find("id=\"changes\""), std::string::npos);
  EXPECT_EQ(r.out.find("href=\"#changes\""), std::string::npos);
}

}  // namespace
}  // namespace vendorlint
