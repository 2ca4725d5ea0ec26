// EvidencePath: one Format() and one Parse() that round-trip, located errors
// for malformed text, building and covering by whole segments.
#include "rules/evidence_path.h"

#include <gtest/gtest.h>

#include <string>

namespace vendorlint {
namespace {

TEST(EvidencePathTest, ParseFormatRoundTrip) {
  for (const char* text :
       {"data_flows[2].subjects[0]", "storage.encrypted_at_rest", "data_flows", "purposes[0]",
        "host[aws].storage.encrypted_at_rest", "host[cloud].host[metal].data_flows[1]",
        "data_flows[123456789].categories", "last_reviewed", "host[2fa-provider]"}) {
    EvidencePathError error;
    std::optional<EvidencePath> p = EvidencePath::Parse(text, &error);
    ASSERT_TRUE(p.has_value()) << text << ": " << error.message;
    EXPECT_EQ(p->Format(), text);
    EXPECT_EQ(EvidencePath::Parse(p->Format()), p);
  }
}

TEST(EvidencePathTest, Segments) {
  EvidencePath p = *EvidencePath::Parse("host[aws].data_flows[2].subjects[0]");
  ASSERT_EQ(p.segments().size(), 3u);
  EXPECT_TRUE(p.segments()[0].is_host());
  EXPECT_EQ(p.segments()[0].host, "aws");
  EXPECT_FALSE(p.segments()[0].index.has_value());
  EXPECT_EQ(p.segments()[1].name, "data_flows");
  EXPECT_EQ(p.segments()[1].index, 2u);
  EXPECT_EQ(p.segments()[2].name, "subjects");
  EXPECT_EQ(p.segments()[2].index, 0u);
}

TEST(EvidencePathTest, BuildersMatchParse) {
  EvidencePath p;
  p.Host("aws").Item("data_flows", 2).Field("subjects");
  EXPECT_EQ(p.Format(), "host[aws].data_flows[2].subjects");
  EXPECT_EQ(p.WithIndex(4).Format(), "host[aws].data_flows[2].subjects[4]");
  EXPECT_EQ(EvidencePath().Field("storage.encrypted_at_rest"),
            *EvidencePath::Parse("storage.encrypted_at_rest"));
  EXPECT_EQ(EvidencePath("host[a]").Append(EvidencePath("storage")).Format(), "host[a].storage");
  EXPECT_TRUE(EvidencePath().empty());
  EXPECT_EQ(EvidencePath().Format(), "");
}

TEST(EvidencePathTest, MalformedTextIsALocatedError) {
  struct Case {
    const char* text;
    size_t offset;
    const char* message;
  };
  for (const Case& c : {
           Case{"", 0, "expected a field name (lowercase letters and '_')"},
           Case{"data_flows[0].", 14, "expected a field name (lowercase letters and '_')"},
           Case{".storage", 0, "expected a field name (lowercase letters and '_')"},
           Case{"Storage", 0, "expected a field name (lowercase letters and '_')"},
           Case{"data_flows[x]", 11, "an index must be a number without leading zeros"},
           Case{"data_flows[01]", 11, "an index must be a number without leading zeros"},
           Case{"data_flows[]", 11, "an index must be a number without leading zeros"},
           Case{"data_flows[1234567890]", 11, "an index must be a number without leading zeros"},
           Case{"data_flows[2", 10, "`[` without a closing `]`"},
           Case{"data_flows[2]x", 13, "expected `.` between segments"},
           Case{"data_flows[1][2]", 13, "expected `.` between segments"},
           Case{"host.storage", 0, "`host` needs a provider id: `host[<id>]`"},
           Case{"host[Bad_Id].storage", 5, "`host[...]` needs a provider id"},
       }) {
    EvidencePathError error;
    EXPECT_FALSE(EvidencePath::Parse(c.text, &error).has_value()) << c.text;
    EXPECT_EQ(error.offset, c.offset) << c.text;
    EXPECT_EQ(error.message, c.message) << c.text;
  }
}

TEST(EvidencePathTest, TextThatDoesNotParseStaysVerbatim) {
  // Implicit conversion (fixtures write evidence as text): kept as written.
  EvidencePath odd("data_flows[x]");
  EXPECT_EQ(odd.Format(), "data_flows[x]");
  EXPECT_EQ(odd.segments().size(), 1u);
  EXPECT_TRUE(odd == "data_flows[x]");
  EXPECT_EQ(EvidencePath("host").Format(), "host");
}

TEST(EvidencePathTest, CoversWholeSegments) {
  auto covers = [](const char* a, const char* b) { return EvidencePath(a).Covers(b); };
  EXPECT_TRUE(covers("data_flows[1]", "data_flows[1]"));
  EXPECT_TRUE(covers("data_flows[1]", "data_flows[1].subjects[0]"));
  EXPECT_TRUE(covers("data_flows", "data_flows[1].subjects[0]"));
  EXPECT_TRUE(covers("data_flows[1].subjects", "data_flows[1].subjects[0]"));
  EXPECT_TRUE(covers("storage", "storage.encrypted_at_rest"));
  EXPECT_TRUE(covers("host[aws]", "host[aws].storage.encrypted_at_rest"));
  EXPECT_FALSE(covers("data_flows[1]", "data_flows[12]"));
  EXPECT_FALSE(covers("data_flows[1].subject", "data_flows[1].subjects[0]"));
  EXPECT_FALSE(covers("storage.encrypted_at_rest", "storage"));
  EXPECT_FALSE(covers("data_flows[1]", "data_flows"));
  EXPECT_FALSE(covers("host[aws]", "host[gcp].storage"));
  EXPECT_FALSE(covers("data_flows.subjects", "data_flows[1].subjects"));
}

TEST(EvidencePathTest, FormatsWithFmtAndConcatenation) {
  EvidencePath p("data_flows[2].subjects[0]");
  EXPECT_EQ(fmt::format("<{}>", p), "<data_flows[2].subjects[0]>");
  EXPECT_EQ(p + " is student", "data_flows[2].subjects[0] is student");
  EXPECT_EQ("at " + p, "at data_flows[2].subjects[0]");
  std::string s = p;
  EXPECT_EQ(s, "data_flows[2].subjects[0]");
}

}  // namespace
}  // namespace vendorlint
