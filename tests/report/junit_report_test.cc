// The JUnit writer: exact XML for a hand-made report, XML escaping, and
// validation with ../shared/tools/validate-junit (schema, counts, names) of
// hand-made reports and of the project's real registry and rules.
#include "report/junit_report.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "report/fixtures/sample_report.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::EmptyReport;
using testing::NastyReport;
using testing::RealReport;
using testing::SampleReport;

bool HaveXmllint() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  std::error_code ec;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / "xmllint", ec))
      return true;
  return false;
}

#define SKIP_WITHOUT_VALIDATOR()                                                          \
  do {                                                                                    \
    VL_SKIP_WITHOUT_SHARED();                                                             \
    if (!HaveXmllint())                                                                   \
      GTEST_SKIP() << "xmllint not found (Debian package libxml2-utils): skipping JUnit " \
                      "schema validation";                                                \
  } while (0)

struct Validation {
  int exit_code = -1;
  std::string output;
};

// Runs validate-junit --strict (semantic warnings fail too) on `xml`, then
// with --ant (the strict Apache Ant schema) if that passed.
Validation Validate(const std::string& xml, const std::string& name) {
  std::string file = testing::MakeTempDir() + "/" + name + ".xml";
  testing::WriteFileOrDie(file, xml);
  auto r = testing::RunSharedTool("validate-junit", {"--strict", file});
  if (r.exit_code != 0) return Validation{r.exit_code, r.output};
  auto ant = testing::RunSharedTool("validate-junit", {"--strict", "--ant", file});
  return Validation{ant.exit_code, r.output + ant.output};
}

TEST(JunitReport, SampleGolden) {
  SampleReport fx;
  // The gate passes (--fail-on error; the one error fail is in the baseline),
  // so nothing is a <failure>: the warning fail, the review, the waived and
  // baselined findings and the waiver notes are skipped, each saying why.
  EXPECT_EQ(WriteJunitReport(fx.report), R"x(<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite package="vendorlint" id="0" name="encrypted-at-rest" timestamp="2026-11-22T00:00:00" hostname="localhost" tests="2" failures="0" errors="0" skipped="2" time="0">
    <properties>
      <property name="severity" value="error"/>
      <property name="title" value="Stored personal data is encrypted at rest"/>
      <property name="as_of" value="2026-11-22"/>
    </properties>
    <testcase classname="vendorlint.encrypted-at-rest" name="ads" time="0">
      <skipped message="review: Ads does not say whether it encrypts at rest; unknown: storage.encrypted_at_rest">registry/providers/ads.yaml:7:3: Ads does not say whether it encrypts at rest
- storage.encrypted_at_rest: storage.encrypted_at_rest is not stated (registry/providers/ads.yaml:7:3)
remediation: Record storage.encrypted_at_rest.
</skipped>
    </testcase>
    <testcase classname="vendorlint.encrypted-at-rest" name="db" time="0">
      <skipped message="unchanged since the baseline (fail): DB stores personal data unencrypted (waiver expired on 2026-10-01)">registry/providers/db.yaml:12:24: DB stores personal data unencrypted (waiver expired on 2026-10-01)
- storage.encrypted_at_rest: storage.encrypted_at_rest is false (registry/providers/db.yaml:12:24)
expired waiver approved by ciso: Migration to encrypted volumes (registry/waivers.yaml:3:5)
remediation: Record storage.encrypted_at_rest.
</skipped>
    </testcase>
    <system-out></system-out>
    <system-err></system-err>
  </testsuite>
  <testsuite package="vendorlint" id="1" name="no-ads" timestamp="2026-11-22T00:00:00" hostname="localhost" tests="1" failures="0" errors="0" skipped="1" time="0">
    <properties>
      <property name="severity" value="warning"/>
      <property name="title" value="No student data to advertisers"/>
      <property name="as_of" value="2026-11-22"/>
    </properties>
    <testcase classname="vendorlint.no-ads" name="ads" time="0">
      <skipped message="warning fail below --fail-on error: Ads receives student data">registry/providers/ads.yaml:9:17: Ads receives student data
- data_flows[0].subjects[1]: data_flows[0] shares user.name about student (registry/providers/ads.yaml:9:17)
- purposes[0]: purposes[0] is advertising (registry/providers/ads.yaml:4:5)
</skipped>
    </testcase>
    <system-out></system-out>
    <system-err></system-err>
  </testsuite>
  <testsuite package="vendorlint" id="2" name="reviewed-yearly" timestamp="2026-11-22T00:00:00" hostname="localhost" tests="2" failures="0" errors="0" skipped="1" time="0">
    <properties>
      <property name="severity" value="note"/>
      <property name="title" value="Providers are reviewed every year"/>
      <property name="as_of" value="2026-11-22"/>
    </properties>
    <testcase classname="vendorlint.reviewed-yearly" name="ads" time="0">
      <skipped message="waived by dpo until 2026-12-04: Review booked for December">was fail: registry/providers/ads.yaml:20:16: Ads was last reviewed on 2025-01-10
- last_reviewed: last_reviewed is 2025-01-10 (registry/providers/ads.yaml:20:16)
waived by dpo until 2026-12-04: Review booked for December (registry/waivers.yaml:9:5)
</skipped>
    </testcase>
    <testcase classname="vendorlint.reviewed-yearly" name="db" time="0"/>
    <system-out></system-out>
    <system-err></system-err>
  </testsuite>
  <testsuite package="vendorlint" id="3" name="vendorlint.waivers" timestamp="2026-11-22T00:00:00" hostname="localhost" tests="2" failures="0" errors="0" skipped="2" time="0">
    <properties/>
    <testcase classname="vendorlint.waivers" name="registry/waivers.yaml:3" time="0">
      <skipped message="error: waiver for encrypted-at-rest/db expired on 2026-10-01">registry/waivers.yaml:3:5: error: waiver for encrypted-at-rest/db expired on 2026-10-01
</skipped>
    </testcase>
    <testcase classname="vendorlint.waivers" name="registry/waivers.yaml:9" time="0">
      <skipped message="warning: waiver for reviewed-yearly/ads expires in 12 days">registry/waivers.yaml:9:5: warning: waiver for reviewed-yearly/ads expires in 12 days
</skipped>
    </testcase>
    <system-out></system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>
)x");
}

TEST(JunitReport, EmptyReportHasNoSuites) {
  EmptyReport fx;
  EXPECT_EQ(WriteJunitReport(fx.report),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites>\n"
            "</testsuites>\n");
}

TEST(JunitReport, StrictMakesReviewAFailure) {
  SampleReport fx;
  fx.report.policy.strict = true;
  std::string xml = WriteJunitReport(fx.report);
  // The unchanged-since-baseline failure stays skipped: it does not fail the gate.
  EXPECT_NE(xml.find("name=\"encrypted-at-rest\" timestamp=\"2026-11-22T00:00:00\" "
                     "hostname=\"localhost\" tests=\"2\" failures=\"1\" errors=\"0\" "
                     "skipped=\"1\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<failure message=\"review: Ads does not say whether it encrypts at rest; "
                     "unknown: storage.encrypted_at_rest\" type=\"error\">"),
            std::string::npos)
      << xml;
  // A strict review below --fail-on does not fail the gate either.
  fx.report.policy.fail_on_none = true;
  xml = WriteJunitReport(fx.report);
  EXPECT_EQ(xml.find("<failure"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<skipped message=\"error below --fail-on none: review: Ads does not say"),
            std::string::npos)
      << xml;
}

// JUnit agrees with the gate: a fail is a <failure> exactly when it fails the
// gate; below --fail-on it is skipped and says so.
TEST(JunitReport, FailuresAgreeWithTheGate) {
  SampleReport fx;
  std::string xml = WriteJunitReport(fx.report);
  EXPECT_EQ(xml.find("<failure"), std::string::npos) << xml;
  fx.report.policy.fail_on = Severity::kWarning;
  xml = WriteJunitReport(fx.report);
  EXPECT_NE(xml.find("<failure message=\"Ads receives student data\" type=\"warning\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\""),
            std::string::npos)
      << xml;
}

// The strict Ant schema wants the timestamp without a zone; it is UTC.
TEST(JunitReport, TimestampFromMetadata) {
  SampleReport fx;
  fx.report.start_time_utc = "2026-11-22T23:59:58Z";
  fx.report.end_time_utc = "2026-11-23T00:01:02Z";
  std::string xml = WriteJunitReport(fx.report);
  EXPECT_NE(xml.find("<testsuite package=\"vendorlint\" id=\"1\" name=\"no-ads\" "
                     "timestamp=\"2026-11-22T23:59:58\" hostname=\"localhost\" tests=\"1\""),
            std::string::npos)
      << xml;
}

TEST(JunitReport, EscapesXml) {
  EXPECT_EQ(XmlEscape("a&b<c>d\"e'f", false), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  EXPECT_EQ(XmlEscape("]]>", false), "]]&gt;");
  // Line breaks and tabs survive in text; in attributes they must be
  // references, or parsers normalise them to spaces. CR is always a reference.
  EXPECT_EQ(XmlEscape("a\tb\nc\r\nd", false), "a\tb\nc&#13;\nd");
  EXPECT_EQ(XmlEscape("a\tb\nc\r\nd", true), "a&#9;b&#10;c&#13;&#10;d");
  // Characters XML 1.0 forbids, and malformed UTF-8, become U+FFFD.
  EXPECT_EQ(XmlEscape(std::string("x\x01y\0z", 5), false), "x\uFFFDy\uFFFDz");
  EXPECT_EQ(XmlEscape("\x0b\x0c\x1f", true), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBE", false), "\uFFFD");              // U+FFFE
  EXPECT_EQ(XmlEscape("a\xC3(b", false), "a\uFFFD(b");                // truncated sequence
  EXPECT_EQ(XmlEscape("\xED\xA0\x80", false), "\uFFFD\uFFFD\uFFFD");  // a surrogate
  // Well-formed UTF-8 passes through; DEL, C1 controls, bidi controls and
  // U+2028 are legal but would act on a terminal: character references.
  EXPECT_EQ(XmlEscape("Zoë ✅ 𝄞 \x7f", true), "Zoë ✅ 𝄞 &#x7F;");
  EXPECT_EQ(XmlEscape("a\u0085b\u202Ec\u2028d\u2066", false), "a&#x85;b&#x202E;c&#x2028;d&#x2066;");
}

TEST(JunitReport, NastyGolden) {
  NastyReport fx;
  EXPECT_EQ(
      WriteJunitReport(fx.report),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites>\n"
      "  <testsuite package=\"vendorlint\" id=\"0\" name=\"no-ads\" "
      "timestamp=\"2026-11-22T00:00:00\" hostname=\"localhost\" tests=\"1\" failures=\"1\" "
      "errors=\"0\" skipped=\"0\" time=\"0\">\n"
      "    <properties>\n"
      "      <property name=\"severity\" value=\"error\"/>\n"
      "      <property name=\"title\" value=\"No &lt;ads&gt; &amp; &quot;tracking&quot;\"/>\n"
      "      <property name=\"as_of\" value=\"2026-11-22\"/>\n"
      "    </properties>\n"
      "    <testcase classname=\"vendorlint.no-ads\" name=\"odd\" time=\"0\">\n"
      "      <failure message=\"100% sure: a, b | c &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot; "
      "&apos;a&apos; *x* [l](u)&#10;next\uFFFDline&#13;&#10;end\" type=\"error\">"
      "registry/providers/odd:name,v2 (x).yaml:4:2: 100% sure: a, b | c "
      // Input line breaks in the body are shown escaped (util/escape.h):
      // only the writer's own breaks are real, one per evidence item.
      "&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot; &apos;a&apos; *x* [l](u)\\n"
      "next\\x01line\\r\\nend\n"
      "- notes: notes say &quot;50%&quot; | &lt;maybe&gt; "
      "(registry/providers/odd:name,v2 (x).yaml:4:2)\n"
      "</failure>\n"
      "    </testcase>\n"
      "    <system-out></system-out>\n"
      "    <system-err></system-err>\n"
      "  </testsuite>\n"
      "  <testsuite package=\"vendorlint\" id=\"1\" name=\"vendorlint.waivers\" "
      "timestamp=\"2026-11-22T00:00:00\" hostname=\"localhost\" tests=\"1\" failures=\"0\" "
      "errors=\"0\" skipped=\"1\" time=\"0\">\n"
      "    <properties/>\n"
      "    <testcase classname=\"vendorlint.waivers\" name=\"registry/waivers.yaml:2\" "
      "time=\"0\">\n"
      "      <skipped message=\"note: 50% done, see: &lt;notes&gt; &amp; | more\">"
      "registry/waivers.yaml:2:1: note: 50% done, see: &lt;notes&gt; &amp; | more\n"
      "</skipped>\n"
      "    </testcase>\n"
      "    <system-out></system-out>\n"
      "    <system-err></system-err>\n"
      "  </testsuite>\n"
      "</testsuites>\n");
}

TEST(JunitReport, WaiverNotesOnOneLineGetDistinctNames) {
  SampleReport fx;
  fx.report.waiver_notes.insert(fx.report.waiver_notes.begin() + 1,
                                Diagnostic{"registry/waivers.yaml", 3, 5, Severity::kWarning,
                                           "another waiver for the same finding is shadowed"});
  std::string xml = WriteJunitReport(fx.report);
  EXPECT_NE(xml.find("name=\"registry/waivers.yaml:3\" time"), std::string::npos) << xml;
  EXPECT_NE(xml.find("name=\"registry/waivers.yaml:3 (2)\" time"), std::string::npos) << xml;
}

TEST(JunitReport, ValidatesSampleNastyEmptyAndStrict) {
  SKIP_WITHOUT_VALIDATOR();
  SampleReport sample;
  NastyReport nasty;
  EmptyReport empty;
  SampleReport strict;
  strict.report.policy.strict = true;
  strict.report.start_time_utc = "2026-11-22T11:37:06Z";
  strict.report.end_time_utc = "2026-11-22T11:37:08Z";
  const std::pair<const char*, const Report*> cases[] = {{"sample", &sample.report},
                                                         {"nasty", &nasty.report},
                                                         {"empty", &empty.report},
                                                         {"strict", &strict.report}};
  for (const auto& [name, report] : cases) {
    Validation v = Validate(WriteJunitReport(*report), name);
    EXPECT_EQ(v.exit_code, 0) << name << ":\n" << v.output;
    EXPECT_NE(v.output.find("XSD OK"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("semantic OK (0 warning(s)"), std::string::npos) << v.output;
  }
}

// The validator really checks: a document whose counts disagree with its
// testcases must fail it (so a passing run above means something).
TEST(JunitReport, ValidatorRejectsWrongCounts) {
  SKIP_WITHOUT_VALIDATOR();
  SampleReport fx;
  std::string xml = WriteJunitReport(fx.report);
  std::string wrong = "tests=\"2\" failures=\"0\"";
  size_t at = xml.find(wrong);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, wrong.size(), "tests=\"2\" failures=\"2\"");
  Validation v = Validate(xml, "wrong-counts");
  EXPECT_EQ(v.exit_code, 1) << v.output;
}

TEST(JunitReport, RealRegistryValidates) {
  SKIP_WITHOUT_VALIDATOR();
  RealReport fx;
  ASSERT_FALSE(fx.report.findings.empty());
  std::string xml = WriteJunitReport(fx.report);
  Validation v = Validate(xml, "real");
  EXPECT_EQ(v.exit_code, 0) << v.output;
  EXPECT_NE(v.output.find("semantic OK (0 warning(s); " + std::to_string(fx.rules.rules.size()) +
                          " suite(s))"),
            std::string::npos)
      << v.output;
  // Applicable pairs only; a failure for each finding that fails the gate.
  size_t applicable = 0, failing = 0;
  for (const Finding& f : fx.report.findings) {
    if (f.outcome != Outcome::kNotApplicable) ++applicable;
    if (FailsGate(f, fx.report.policy)) ++failing;
  }
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = 0; (at = xml.find(needle, at)) != std::string::npos; ++at) ++n;
    return n;
  };
  EXPECT_EQ(count("<testcase "), applicable);
  EXPECT_EQ(count("<failure "), failing);
  EXPECT_GT(failing, 0u);
  EXPECT_EQ(xml, WriteJunitReport(fx.report));  // deterministic
}

}  // namespace
}  // namespace vendorlint
