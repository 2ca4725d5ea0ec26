// The Markdown writer: exact output for a hand-made report, escaping of table
// cells and HTML, link targets, and truncation under GitHub's comment limit.
#include "report/markdown_report.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "report/fixtures/sample_report.h"

namespace vendorlint {
namespace {

using testing::EmptyReport;
using testing::MakeFinding;
using testing::NastyReport;
using testing::RealReport;
using testing::SampleReport;

size_t Count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

TEST(MarkdownReport, SampleGolden) {
  SampleReport fx;
  // The gate passes: the one error fail is already in the baseline.
  EXPECT_EQ(WriteMarkdownReport(fx.report), R"x(## vendorlint: ✅ gate passed

| pass | fail | review | waived | not applicable | providers | rules | as of |
|---:|---:|---:|---:|---:|---:|---:|---|
| 1 | 2 | 1 | 1 | 1 | 2 | 3 | 2026-11-22 |

Gate: `--fail-on error` · baseline: 2 new, 1 fixed

### New findings (2)

| outcome | rule | severity | provider | message | location |
|---|---|---|---|---|---|
| fail | `no-ads` | warning | `ads` | Ads receives student data | [ads.yaml:9](registry/providers/ads.yaml#L9) |
| review | `encrypted-at-rest` | error | `ads` | Ads does not say whether it encrypts at rest | [ads.yaml:7](registry/providers/ads.yaml#L7) |

### Fixed findings (1)

| rule | severity | provider | message |
|---|---|---|---|
| `reviewed-yearly` | note | `chat` | Chat was last reviewed on 2024-05-02 |

### Other fails (not failing the gate) (2)

| rule | severity | provider | message | location |
|---|---|---|---|---|
| `encrypted-at-rest` | error | `db` | DB stores personal data unencrypted (waiver expired on 2026-10-01)<br>⚠️ expired waiver approved by ciso: [waivers.yaml:3](registry/waivers.yaml#L3) | [db.yaml:12](registry/providers/db.yaml#L12) |
| `no-ads` | warning | `ads` | Ads receives student data | [ads.yaml:9](registry/providers/ads.yaml#L9) |

### Questions that would settle 1 review (1)

| question | blocks | findings | answer at |
|---|---:|---|---|
| Does Ads encrypt stored data at rest? | 1 | `encrypted-at-rest` · `ads` | [ads.yaml:7](registry/providers/ads.yaml#L7) |

<details>
<summary>Needs review (1)</summary>

- `encrypted-at-rest` · `ads` (error): Ads does not say whether it encrypts at rest — [ads.yaml:7](registry/providers/ads.yaml#L7)
  - `storage.encrypted_at_rest`: storage.encrypted\_at\_rest is not stated — [ads.yaml:7](registry/providers/ads.yaml#L7)

</details>

### Waived findings (1)

| rule | provider | was | approved by | expires | justification |
|---|---|---|---|---|---|
| `reviewed-yearly` | `ads` | fail | dpo | 2026-12-04 | Review booked for December [waivers.yaml:9](registry/waivers.yaml#L9) |

### Waiver notes (2)

- ❌ error: [waivers.yaml:3](registry/waivers.yaml#L3): waiver for encrypted-at-rest/db expired on 2026-10-01
- ⚠️ warning: [waivers.yaml:9](registry/waivers.yaml#L9): waiver for reviewed-yearly/ads expires in 12 days
)x");
}

TEST(MarkdownReport, EmptyReport) {
  EmptyReport fx;
  EXPECT_EQ(WriteMarkdownReport(fx.report), R"x(## vendorlint: ✅ gate passed

| pass | fail | review | waived | not applicable | providers | rules | as of |
|---:|---:|---:|---:|---:|---:|---:|---|
| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2026-11-22 |

Gate: `--fail-on error`

No findings need attention.
)x");
}

TEST(MarkdownReport, NoBaselineNoBaselineSections) {
  SampleReport fx;
  fx.report.has_baseline = false;
  fx.report.policy.strict = true;
  std::string md = WriteMarkdownReport(fx.report);
  EXPECT_NE(md.find("Gate: `--fail-on error --strict`\n"), std::string::npos) << md;
  EXPECT_EQ(md.find("New findings"), std::string::npos) << md;
  EXPECT_EQ(md.find("Fixed findings"), std::string::npos) << md;
  // --strict: the error-level review fails the gate too, with its evidence
  // and fix; the warning-level fail does not.
  EXPECT_NE(md.find("### ❌ Failing the gate (1)\n"), std::string::npos) << md;
  EXPECT_NE(md.find("### Other fails (not failing the gate) (2)\n"), std::string::npos) << md;
  EXPECT_NE(md.find("  - `storage.encrypted_at_rest`: is not stated — "
                    "[ads.yaml:7](registry/providers/ads.yaml#L7)\n"),
            std::string::npos)
      << md;
}

TEST(MarkdownReport, Escapes) {
  EXPECT_EQ(MarkdownEscape("a|b"), "a\\|b");
  EXPECT_EQ(MarkdownEscape("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  // Line breaks and control characters are shown, escaped (util/escape.h), and
  // the backslash of `\n` is itself escaped for Markdown, so it renders as \n.
  EXPECT_EQ(MarkdownEscape("line1\nline2\r\nline3\rline4"),
            "line1\\\\nline2\\\\r\\\\nline3\\\\rline4");
  EXPECT_EQ(MarkdownEscape("x\u202Ey\u2028z"), "x\\\\u202Ey\\\\u2028z");
  EXPECT_EQ(MarkdownEscape("*b* _i_ `c` [l](u) ~s~ \\"),
            "\\*b\\* \\_i\\_ \\`c\\` \\[l\\](u) \\~s\\~ \\\\");
  EXPECT_EQ(MarkdownEscape("100%: a, b"), "100%: a, b");
  EXPECT_EQ(MarkdownEscape("bell\x07"), "bell\\\\x07");
}

TEST(MarkdownReport, NastyGolden) {
  NastyReport fx;
  EXPECT_EQ(WriteMarkdownReport(fx.report),
            "## vendorlint: ❌ gate failed\n"
            "\n"
            "| pass | fail | review | waived | not applicable | providers | rules | as of |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---|\n"
            "| 0 | 1 | 0 | 0 | 0 | 1 | 1 | 2026-11-22 |\n"
            "\n"
            "Gate: `--fail-on error`\n"
            "\n"
            "### ❌ Failing the gate (1)\n"
            "\n"
            "- **`no-ads`** · `odd` (fail, error): 100% sure: a, b \\| c &lt;b&gt;&amp;amp;&lt;/b&gt; "
            "\"q\" 'a' \\*x\\* \\[l\\](u)\\\\nnext\\\\x01line\\\\r\\\\nend — "
            "[odd:name,v2 (x).yaml:4](registry/providers/odd%3Aname%2Cv2%20%28x%29.yaml#L4)\n"
            "  - `notes`: say \"50%\" \\| &lt;maybe&gt; — "
            "[odd:name,v2 (x).yaml:4](registry/providers/odd%3Aname%2Cv2%20%28x%29.yaml#L4)\n"
            "  - More: `vendorlint explain no-ads --provider odd`\n"
            "\n"
            "### Waiver notes (1)\n"
            "\n"
            "- ℹ️ note: [waivers.yaml:2](registry/waivers.yaml#L2): 50% done, see: "
            "&lt;notes&gt; &amp; \\| more\n");
}

TEST(MarkdownReport, LinkBase) {
  SampleReport fx;
  MarkdownOptions options;
  options.link_base = "https://github.com/acme/vendors/blob/0123abc";
  std::string md = WriteMarkdownReport(fx.report, options);
  EXPECT_NE(md.find("[db.yaml:12](https://github.com/acme/vendors/blob/0123abc/registry/"
                    "providers/db.yaml#L12)"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("](registry/"), std::string::npos) << md;
}

// Many failures: each table stops at max_rows, and the whole document stays
// under GitHub's 65536-character comment limit.
TEST(MarkdownReport, TruncatesLongTables) {
  SampleReport fx;
  fx.report.has_baseline = false;
  std::vector<Finding> many;
  for (int i = 0; i < 250; ++i) {
    many.push_back(MakeFinding("no-ads", fmt::format("p{:03}", i), Severity::kError, Outcome::kFail,
                               Location{2, 1, 1}, "Short message"));
  }
  fx.report.findings = many;
  std::string md = WriteMarkdownReport(fx.report);
  EXPECT_NE(md.find("### ❌ Failing the gate (250)"), std::string::npos);
  EXPECT_EQ(Count(md, "- **`no-ads`** · "), 100u);
  EXPECT_NE(md.find("- **`no-ads`** · `p099` "), std::string::npos);
  EXPECT_EQ(md.find("- **`no-ads`** · `p100` "), std::string::npos);
  EXPECT_NE(md.find("--provider p099`\n- ... and 150 more\n"), std::string::npos) << md;
  // Below the gate (warnings), the same findings are table rows, cut the same
  // way; a blank line ends the table before the note, or it would become a row.
  for (Finding& f : fx.report.findings) f.severity = Severity::kWarning;
  md = WriteMarkdownReport(fx.report);
  EXPECT_NE(md.find("### Other fails (not failing the gate) (250)"), std::string::npos) << md;
  EXPECT_EQ(Count(md, "| `no-ads` |"), 100u);
  EXPECT_NE(md.find(" |\n\n... and 150 more\n"), std::string::npos) << md;

  // Long messages: the byte budget cuts first.
  for (Finding& f : fx.report.findings) f.message = std::string(2000, 'x');
  md = WriteMarkdownReport(fx.report);
  EXPECT_LE(md.size(), 65536u);
  size_t rows = Count(md, "| `no-ads` |");
  EXPECT_GT(rows, 20u);
  EXPECT_LT(rows, 40u);
  EXPECT_NE(md.find(fmt::format("\n... and {} more\n", 250 - rows)), std::string::npos);
  for (Finding& f : fx.report.findings) f.severity = Severity::kError;
  md = WriteMarkdownReport(fx.report);
  EXPECT_LE(md.size(), 65536u);
  rows = Count(md, "- **`no-ads`** · ");
  EXPECT_GT(rows, 20u);
  EXPECT_LT(rows, 40u);
  EXPECT_NE(md.find(fmt::format("\n- ... and {} more\n", 250 - rows)), std::string::npos);
  // The sections after the cut still appear.
  EXPECT_NE(md.find("### Waiver notes (2)"), std::string::npos);
}

TEST(MarkdownReport, TruncatesReviewList) {
  SampleReport fx;
  MarkdownOptions options;
  options.max_rows = 1;
  fx.report.findings.push_back(fx.report.findings[0]);
  fx.report.findings.back().provider_id = "zz";
  std::string md = WriteMarkdownReport(fx.report, options);
  EXPECT_NE(md.find("<summary>Needs review (2)</summary>"), std::string::npos) << md;
  EXPECT_NE(md.find("- ... and 1 more\n\n</details>"), std::string::npos) << md;
}

TEST(MarkdownReport, RealRegistryFitsAComment) {
  RealReport fx;
  std::string md = WriteMarkdownReport(fx.report);
  EXPECT_LE(md.size(), 65536u);
  EXPECT_TRUE(md.starts_with(fx.report.summary.gate_pass ? "## vendorlint: ✅ gate passed\n"
                                                         : "## vendorlint: ❌ gate failed\n"));
  // Every gate-failing finding with its fix, in the order of the text report.
  size_t gate_fails = 0;
  for (const Finding& f : fx.report.findings) gate_fails += fx.report.VerdictOf(f).fails_gate;
  if (gate_fails > 0) {
    EXPECT_NE(md.find(fmt::format("### ❌ Failing the gate ({})", gate_fails)), std::string::npos);
    EXPECT_EQ(Count(md, "  - **Fix:** "), gate_fails) << md;
    EXPECT_LT(md.find("### ❌ Failing the gate"), md.find("### Other fails"));
    EXPECT_LT(md.find("### Other fails"), md.find("### Questions that would settle"));
  }
  EXPECT_EQ(md, WriteMarkdownReport(fx.report));  // deterministic
}

}  // namespace
}  // namespace vendorlint
