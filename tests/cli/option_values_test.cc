#include "cli/option_values.h"

#include <gtest/gtest.h>

namespace vendorlint {
namespace {

TEST(OptionValues, ThreadsAreAWholeNumberUpToTheLimit) {
  unsigned n = 99;
  std::string error;
  EXPECT_TRUE(ParseThreads("0", &n, &error));
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(ParseThreads("1024", &n, &error));
  EXPECT_EQ(n, 1024u);
  for (const char* bad : {"-1", "", "+2", "1025", "4294967295", "4294967296", "2x", " 2", "1.5"}) {
    n = 7;
    EXPECT_FALSE(ParseThreads(bad, &n, &error)) << bad;
    EXPECT_EQ(n, 7u) << bad;
    EXPECT_EQ(error, std::string("--threads must be a whole number from 0 (one per core) to "
                                 "1024, not '") +
                         bad + "'");
  }
}

TEST(OptionValues, EmptyPath) {
  EXPECT_EQ(EmptyPathError("--output"), "--output needs a path, not an empty string");
}

}  // namespace
}  // namespace vendorlint
