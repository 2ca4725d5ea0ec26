// util/escape.h: the one function that renders input for each sink.
#include "util/escape.h"

#include <gtest/gtest.h>

#include <string>

namespace vendorlint {
namespace {

TEST(Escape, TextMakesControlsAndBidiVisible) {
  EXPECT_EQ(Escape("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(Escape("\x1b[31mred\x7f"), "\\x1B[31mred\\x7F");
  EXPECT_EQ(Escape("\xC2\x85next"), "\\u0085next");  // C1 NEL
  EXPECT_EQ(Escape("a\u202Eb\u2066c\u200Fd\u2028e\u2029f\uFEFFg\u061Ch"),
            "a\\u202Eb\\u2066c\\u200Fd\\u2028e\\u2029f\\uFEFFg\\u061Ch");
  EXPECT_EQ(Escape("bad\xff"), "bad\\xFF");
  EXPECT_EQ(Escape("Zoë ✅ \\n"), "Zoë ✅ \\n");  // a backslash is left alone
}

TEST(Escape, MarkdownAndGithubBuildOnText) {
  EXPECT_EQ(Escape("x\n<b>|", Sink::kMarkdown), "x\\\\n&lt;b&gt;\\|");
  EXPECT_EQ(Escape("x\n::error::y 100%", Sink::kGithubData), "x\\n::error::y 100%25");
  EXPECT_EQ(Escape("a:b,c", Sink::kGithubProperty), "a%3Ab%2Cc");
}

TEST(Escape, ExcerptCutsAfterCodePointsWithTheFullSize) {
  EXPECT_EQ(Excerpt("short"), "short");
  EXPECT_EQ(Excerpt(std::string(81, 'k')), std::string(80, 'k') + "… (81 bytes)");
  EXPECT_EQ(Excerpt("ééé", 2), "éé… (6 bytes)");
  EXPECT_EQ(Excerpt("a\nb", 2), "a\\n… (3 bytes)");
}

TEST(Escape, TruncateUtf8KeepsCodePointsWhole) {
  EXPECT_EQ(TruncateUtf8("abc", 3), "abc");
  std::string cut = TruncateUtf8(std::string(100, 'x'), 40);
  EXPECT_EQ(cut, std::string(40 - std::string("… (100 bytes)").size(), 'x') + "… (100 bytes)");
  EXPECT_LE(cut.size(), 40u);
  std::string e = TruncateUtf8(std::string(50, '\xC3') + "", 40);  // not UTF-8: still bounded
  EXPECT_LE(e.size(), 40u);
  std::string accents;
  for (int i = 0; i < 30; ++i) accents += "é";
  std::string t = TruncateUtf8(accents, 40);
  EXPECT_EQ(t, std::string(accents, 0, 26) + "… (60 bytes)");
  EXPECT_EQ(TruncateUtf8("abc", 100, 5000), "abc… (5000 bytes)");
}

}  // namespace
}  // namespace vendorlint
