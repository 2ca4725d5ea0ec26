// The public page's words (report/public_page.h) on the `mini` registry: the
// sentences generated from the facts, "not stated" for what is unknown, and
// the by-data-type view.
#include "report/public_page.h"

#include <gtest/gtest.h>

#include "load/registry_loader.h"
#include "rules/rule_fixtures.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::FormatAll;

Registry LoadMini() {
  LoadOptions o;
  o.registry_dir = testing::SourceDir() + "/tests/load/fixtures/mini";
  Registry reg;
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(LoadRegistry(o, &reg, &diags)) << FormatAll(diags);
  return reg;
}

TEST(PublicPage, SentencesAreGeneratedFromTheFacts) {
  Registry reg = LoadMini();
  PublicPage page = BuildPublicPage(reg);
  EXPECT_EQ(page.title, "Service providers");
  ASSERT_EQ(page.tables.size(), 1u);
  EXPECT_EQ(page.tables[0].section, "Example Services");
  ASSERT_EQ(page.tables[0].rows.size(), 2u);
  const PublicRow& cloud = page.tables[0].rows[0];
  EXPECT_EQ(cloud.name, "Cloud Host");
  EXPECT_EQ(cloud.url, "https://cloud.example.com/privacy");
  EXPECT_EQ(cloud.link_kind, "");
  EXPECT_EQ(cloud.how, "Purposes: storage.");  // the mini taxonomy's names
  EXPECT_EQ(cloud.what,
            "Shared with Cloud Host: email address and name about students and parents. "
            "Storage: stores personal data: yes; encrypted at rest: yes; passwords hashed: not "
            "stated.");
  const PublicRow& db = page.tables[0].rows[1];
  EXPECT_EQ(db.name, "Database Service");
  EXPECT_EQ(db.url, "");
  EXPECT_EQ(db.how, "Purposes: storage. Privacy policy: not stated.");
  EXPECT_EQ(db.what,
            "Shared with Database Service: user data (about whom: not stated; incidental, not "
            "sent by design). Not shared with or received from Database Service: anything in "
            "student areas. Storage: hosted on Cloud Host.");
}

TEST(PublicPage, ByDataTypeSaysNotStatedForUnknowns) {
  PublicPage page = BuildPublicPage(LoadMini());
  ASSERT_EQ(page.by_type.size(), 3u);
  EXPECT_EQ(page.by_type[0].category_key, "user");
  EXPECT_EQ(page.by_type[0].recipient, "Database Service");
  EXPECT_EQ(page.by_type[0].about, "not stated");
  EXPECT_EQ(page.by_type[0].stored, "not stated (hosted on Cloud Host)");
  EXPECT_EQ(page.by_type[1].category_key, "user.contact.email");
  EXPECT_EQ(page.by_type[1].about, "Parents and students");
  EXPECT_EQ(page.by_type[1].stored, "not stated");
}

}  // namespace
}  // namespace vendorlint
