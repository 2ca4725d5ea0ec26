// SourceFiles: paths interned once, stable ids, lookups both ways.
#include "util/source_files.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace vendorlint {
namespace {

TEST(SourceFilesTest, InternsOnceWithStableIds) {
  SourceFiles files;
  EXPECT_TRUE(files.empty());
  EXPECT_EQ(files.Intern("registry/organization.yaml"), 0u);
  EXPECT_EQ(files.Intern("registry/taxonomy.yaml"), 1u);
  EXPECT_EQ(files.Intern("registry/organization.yaml"), 0u);  // already known
  EXPECT_EQ(files.Intern("./registry/organization.yaml"), 2u);  // compared as given
  EXPECT_EQ(files.size(), 3u);
  EXPECT_EQ(files.at(1), "registry/taxonomy.yaml");
  EXPECT_EQ(files.Find("registry/taxonomy.yaml"), 1u);
  EXPECT_FALSE(files.Find("waivers.yaml").has_value());
  EXPECT_THROW(files.at(3), std::out_of_range);
}

TEST(SourceFilesTest, InitializerListGivesIdsInOrder) {
  SourceFiles files = {"b.yaml", "a.yaml"};
  EXPECT_EQ(files.Find("b.yaml"), 0u);
  EXPECT_EQ(files.Find("a.yaml"), 1u);
  files.push_back("c.yaml");
  EXPECT_EQ(files.Find("c.yaml"), 2u);
  EXPECT_EQ(files.paths(), (std::vector<std::string>{"b.yaml", "a.yaml", "c.yaml"}));
}

}  // namespace
}  // namespace vendorlint
