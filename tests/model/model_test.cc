// Model value types: three-valued logic, dates, taxonomy hierarchy, diagnostics.
#include <gtest/gtest.h>

#include "util/date.h"
#include "util/location.h"
#include "model/registry.h"
#include "model/taxonomy.h"
#include "model/tri.h"

namespace vendorlint {
namespace {

constexpr Tri F = Tri::kFalse, T = Tri::kTrue, U = Tri::kUnknown;

TEST(Tri, KleeneTruthTables) {
  // Rows: a; columns: b in order F, T, U.
  const Tri kAnd[3][3] = {{F, F, F}, {F, T, U}, {F, U, U}};
  const Tri kOr[3][3] = {{F, T, U}, {T, T, T}, {U, T, U}};
  const Tri kVals[3] = {F, T, U};
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      EXPECT_EQ(TriAnd(kVals[a], kVals[b]), kAnd[a][b]) << a << "," << b;
      EXPECT_EQ(TriOr(kVals[a], kVals[b]), kOr[a][b]) << a << "," << b;
    }
  }
  EXPECT_EQ(TriNot(T), F);
  EXPECT_EQ(TriNot(F), T);
  EXPECT_EQ(TriNot(U), U);
  EXPECT_STREQ(TriName(U), "unknown");
}

TEST(Date, ParsesOnlyRealCalendarDates) {
  Date d;
  EXPECT_TRUE(Date::Parse("2024-02-29", &d));
  EXPECT_EQ(d.ToString(), "2024-02-29");
  EXPECT_FALSE(Date::Parse("2023-02-29", &d));
  EXPECT_FALSE(Date::Parse("2024-13-01", &d));
  EXPECT_FALSE(Date::Parse("2024-1-01", &d));
  EXPECT_FALSE(Date::Parse("2024-01-01T00:00", &d));
  EXPECT_FALSE(Date::Parse("20x4-01-01", &d));
  EXPECT_FALSE(Date::Parse("2024-00-10", &d));
  EXPECT_FALSE(Date::Parse("2024-04-31", &d));
}

TEST(Date, DaysSinceEpochAndOrdering) {
  Date a, b;
  ASSERT_TRUE(Date::Parse("1970-01-01", &a));
  EXPECT_EQ(a.DaysSinceEpoch(), 0);
  ASSERT_TRUE(Date::Parse("2026-11-22", &b));
  EXPECT_EQ(b.DaysSinceEpoch(), 20779);
  EXPECT_LT(a, b);
}

TEST(Taxonomy, KeyIsUnderRespectsDots) {
  EXPECT_TRUE(KeyIsUnder("user.contact.email", "user.contact"));
  EXPECT_TRUE(KeyIsUnder("user.contact", "user.contact"));
  EXPECT_TRUE(KeyIsUnder("user.contact.email", "user"));
  EXPECT_FALSE(KeyIsUnder("user.contactx", "user.contact"));
  EXPECT_FALSE(KeyIsUnder("user", "user.contact"));
}

TEST(Taxonomy, AttributesAreThreeValued) {
  Taxonomy t;
  TaxonomyEntry student;
  student.key = "student";
  student.attributes["minor"] = Tri::kTrue;
  ASSERT_TRUE(t.Add(TaxonomyKind::kSubject, student));
  EXPECT_FALSE(t.Add(TaxonomyKind::kSubject, student));
  EXPECT_EQ(t.Find(TaxonomyKind::kSubject, "student")->Attribute("minor"), Tri::kTrue);
  EXPECT_EQ(t.Find(TaxonomyKind::kSubject, "student")->Attribute("user"), Tri::kUnknown);
  EXPECT_EQ(t.Find(TaxonomyKind::kCategory, "student"), nullptr);
}

TEST(Diagnostic, FormatsWithAndWithoutPosition) {
  EXPECT_EQ((Diagnostic{"a.yaml", 3, 7, Severity::kError, "bad"}).Format(),
            "a.yaml:3:7: error: bad");
  EXPECT_EQ((Diagnostic{"a.yaml", 0, 0, Severity::kWarning, "big"}).Format(),
            "a.yaml: warning: big");
  std::vector<Diagnostic> v = {{"b", 1, 1, Severity::kError, "x"},
                               {"a", 9, 1, Severity::kError, "y"},
                               {"a", 2, 5, Severity::kError, "z"},
                               {"a", 2, 5, Severity::kError, "z"}};
  SortDiagnostics(&v);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].message, "z");
  EXPECT_EQ(v[1].message, "y");
  EXPECT_EQ(v[2].file, "b");
}

TEST(Registry, NamesRoundTrip) {
  for (auto name : QualifierNames()) {
    Qualifier q;
    ASSERT_TRUE(ParseQualifier(name, &q));
    EXPECT_EQ(QualifierName(q), name);
  }
  Direction d;
  EXPECT_TRUE(ParseDirection("received", &d));
  EXPECT_EQ(d, Direction::kReceived);
  EXPECT_FALSE(ParseDirection("sent", &d));
}

}  // namespace
}  // namespace vendorlint
