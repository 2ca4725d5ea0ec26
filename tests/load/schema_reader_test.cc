// Pieces of the schema reader that are not covered through whole files.
#include "load/schema_reader.h"

#include <gtest/gtest.h>

#include "util/did_you_mean.h"

namespace vendorlint {
namespace {

yaml::Node Scalar(std::string s, bool quoted = false) {
  yaml::Node n;
  n.kind = yaml::NodeKind::kScalar;
  n.scalar = std::move(s);
  n.quoted = quoted;
  n.line = 4;
  n.column = 9;
  return n;
}

TEST(SchemaReader, IntegersAreStrictDecimal) {
  std::vector<Diagnostic> diags;
  SchemaContext ctx("f.yaml", 0, &diags);
  int64_t v = 0;
  EXPECT_TRUE(ReadInt(&ctx, Scalar("30"), "days", &v));
  EXPECT_EQ(v, 30);
  EXPECT_TRUE(ReadInt(&ctx, Scalar("-4"), "days", &v));
  EXPECT_EQ(v, -4);
  EXPECT_TRUE(ReadInt(&ctx, Scalar("0"), "days", &v));
  EXPECT_TRUE(diags.empty());
  EXPECT_FALSE(ReadInt(&ctx, Scalar("012"), "days", &v));  // yaml-cpp would say 10
  EXPECT_FALSE(ReadInt(&ctx, Scalar("0x1F"), "days", &v));
  EXPECT_FALSE(ReadInt(&ctx, Scalar("1e3"), "days", &v));
  EXPECT_FALSE(ReadInt(&ctx, Scalar("99999999999999999999"), "days", &v));
  EXPECT_FALSE(ReadInt(&ctx, Scalar("30", true), "days", &v));
  ASSERT_EQ(diags.size(), 5u);
  EXPECT_EQ(diags[0].Format(),
            "f.yaml:4:9: error: `days` must be a whole number written in decimal without leading "
            "zeros, not \"012\"");
}

TEST(SchemaReader, Urls) {
  std::string why;
  EXPECT_TRUE(IsValidUrl("https://www.example.com/privacy?x=1#y", &why));
  EXPECT_TRUE(IsValidUrl("http://example.com", &why));
  EXPECT_TRUE(IsValidUrl("https://example.com:8443/p", &why));
  EXPECT_FALSE(IsValidUrl("example.com/privacy", &why));
  EXPECT_EQ(why, "it must start with https:// or http://");
  EXPECT_FALSE(IsValidUrl("https://exa mple.com", &why));
  EXPECT_FALSE(IsValidUrl("https:///path", &why));
  EXPECT_EQ(why, "it has no valid host name");
  EXPECT_FALSE(IsValidUrl("https://localhost/", &why));
  EXPECT_FALSE(IsValidUrl("https://user:pw@example.com/", &why));
  EXPECT_FALSE(IsValidUrl("https://example.com:80x/", &why));
}

TEST(SchemaReader, IdsAndKeys) {
  EXPECT_TRUE(IsValidId("mongodb-atlas"));
  EXPECT_TRUE(IsValidId("aws"));
  EXPECT_FALSE(IsValidId("MongoDB"));
  EXPECT_FALSE(IsValidId("a--b"));
  EXPECT_FALSE(IsValidId("-a"));
  EXPECT_FALSE(IsValidId("a_b"));
  EXPECT_TRUE(IsValidTaxonomyKey("user.contact.email"));
  EXPECT_TRUE(IsValidTaxonomyKey("school_leader"));
  EXPECT_FALSE(IsValidTaxonomyKey("user..email"));
  EXPECT_FALSE(IsValidTaxonomyKey(".user"));
  EXPECT_FALSE(IsValidTaxonomyKey("user."));
  EXPECT_FALSE(IsValidTaxonomyKey("user.1x"));
  EXPECT_FALSE(IsValidTaxonomyKey("User"));
}

TEST(DidYouMean, SuggestsOnlyPlausibleTypos) {
  std::vector<std::string> keys = {"encrypted_at_rest", "stores_data", "hosted_on"};
  EXPECT_EQ(ClosestMatch("encrypted_at_reset", keys), "encrypted_at_rest");
  EXPECT_EQ(ClosestMatch("hostedon", keys), "hosted_on");
  EXPECT_EQ(ClosestMatch("colour", keys), "");
  EXPECT_EQ(EditDistance("ab", "ba"), 1u);
  EXPECT_EQ(DidYouMeanSuffix("stores_dta", keys), "; did you mean `stores_data`?");
  EXPECT_EQ(DidYouMeanSuffix("stores_data", keys), "");
}

}  // namespace
}  // namespace vendorlint
