// The provider field table (model/provider_fields.inc) is the single source of
// the loader's keys, the rule fields and the docs: these tests keep it sound
// and keep docs/registry.md in step with it.
#include "model/field_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "model/country.h"
#include "test_support.h"

namespace vendorlint {
namespace {

const char* ScopeLabel(Scope s) {
  switch (s) {
    case Scope::kProvider:
      return "provider";
    case Scope::kFlow:
      return "data flow";
    case Scope::kExclusion:
      return "exclusion";
    case Scope::kSource:
      return "source";
  }
  return "";
}

TEST(FieldCatalog, PathsAreUniqueAndGroupsComeFirst) {
  std::set<std::pair<Scope, std::string_view>> seen;
  for (const FieldInfo& f : FieldCatalog()) {
    EXPECT_TRUE(seen.insert({f.scope, f.path}).second) << "duplicate field " << f.path;
    EXPECT_FALSE(f.doc.empty()) << f.path;
    size_t dot = f.path.rfind('.');
    if (dot != std::string_view::npos)
      EXPECT_TRUE(seen.count({f.scope, f.path.substr(0, dot)}))
          << f.path << " comes before its group " << f.path.substr(0, dot);
    EXPECT_EQ(f.type == FieldType::kGroup, !f.in_rules) << f.path;
    if (f.type == FieldType::kEnum || f.type == FieldType::kQualifierList)
      EXPECT_NE(f.vocabulary, nullptr) << f.path;
  }
}

// Every field, written and derived, is a row of a key table in
// docs/registry.md: a table line holding the field's path in backticks
// (`entity.country`, relative to its scope). The message names every field
// that is missing.
TEST(FieldCatalog, EveryFieldIsInTheRegistryDocsTables) {
  std::istringstream doc(testing::ReadFileOrDie(testing::SourceDir() + "/docs/registry.md"));
  std::string table_text;
  for (std::string line; std::getline(doc, line);)
    if (line.starts_with("|")) table_text += line + "\n";
  std::vector<std::string> missing;
  for (const FieldInfo& f : FieldCatalog()) {
    if (f.type == FieldType::kGroup) continue;  // documented through its fields
    if (table_text.find("`" + std::string(f.path) + "`") == std::string::npos)
      missing.push_back(std::string(ScopeLabel(f.scope)) + " field `" + std::string(f.path) + "`");
  }
  EXPECT_TRUE(missing.empty()) << "not in a table of docs/registry.md:\n"
                               << ::testing::PrintToString(missing);
}

TEST(Countries, AllAssignedIsoCodesSortedPlusRegions) {
  EXPECT_EQ(std::size(kIsoCountries), 249u);
  EXPECT_TRUE(std::is_sorted(std::begin(kIsoCountries), std::end(kIsoCountries),
                             [](const CountryCode& a, const CountryCode& b) {
                               return std::string_view(a.code) < std::string_view(b.code);
                             }));
  for (const char* c : {"AD", "CN", "US", "ZW", "HK", "MO", "XK" /* not ISO-assigned */})
    EXPECT_EQ(IsIsoCountry(c), std::string_view(c) != "XK") << c;
  EXPECT_FALSE(IsIsoCountry("EU"));
  EXPECT_TRUE(IsRegion("EU") && IsRegion("EEA") && IsRegion("global"));
  EXPECT_FALSE(IsRegion("Global"));
  EXPECT_EQ(LocationVocabulary().size(), 252u);
  EXPECT_EQ(LocationCovers("global", "CN"), Covers::kMaybe);
  EXPECT_EQ(LocationCovers("EU", "DE"), Covers::kMaybe);
  EXPECT_EQ(LocationCovers("DE", "EU"), Covers::kYes);
  EXPECT_EQ(LocationCovers("US", "EU"), Covers::kNo);
  EXPECT_EQ(LocationCovers("US", "CN"), Covers::kNo);
}

}  // namespace
}  // namespace vendorlint
