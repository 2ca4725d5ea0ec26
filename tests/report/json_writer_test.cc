#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace vendorlint {
namespace {

TEST(JsonWriter, NestedValuesAreIndentedAndOrdered) {
  JsonWriter w;
  w.BeginObject();
  w.Member("b", "x");
  w.Member("a", int64_t{3});
  w.Key("list");
  w.BeginArray();
  w.Bool(true);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(w.str(),
            "{\n  \"b\": \"x\",\n  \"a\": 3,\n  \"list\": [\n    true,\n    null,\n    {},\n    "
            "[]\n  ]\n}\n");
}

// Elements rendered apart (on other threads) and appended give the bytes the
// writer would have written itself; with a sink, the text arrives there.
TEST(JsonWriter, ElementsRenderedApartJoinToTheSameDocument) {
  auto element = [](JsonWriter& w, int i) {
    w.BeginObject();
    w.Member("i", int64_t{i});
    w.Key("list");
    w.BeginArray();
    w.String("x");
    w.EndArray();
    w.EndObject();
  };
  JsonWriter direct;
  direct.BeginObject();
  direct.Key("items");
  direct.BeginArray();
  for (int i = 0; i < 5; ++i) element(direct, i);
  direct.EndArray();
  direct.Member("after", "y");
  direct.EndObject();

  std::ostringstream sink;
  JsonWriter joined(&sink);
  joined.BeginObject();
  joined.Key("items");
  joined.BeginArray();
  joined.AppendElements("");  // an empty piece changes nothing
  for (int part = 0; part < 2; ++part) {
    JsonWriter piece = JsonWriter::ForElementsAt(joined.depth());
    for (int i = part * 3; i < std::min(5, part * 3 + 3); ++i) element(piece, i);
    joined.AppendElements(piece.str());
  }
  joined.EndArray();
  joined.Member("after", "y");
  joined.EndObject();
  joined.Flush();
  EXPECT_EQ(sink.str(), direct.str());
  EXPECT_EQ(joined.str(), "");
}

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\t\x01\x7f é"), "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f é\"");
}

// Valid JSON either way, but raw they reorder text in a terminal (bidi) or end
// a line in JavaScript (U+2028/2029): escaped, the decoded value is the same.
// Plain text is copied a run at a time: every byte that is not plain must
// still end a run, wherever it falls (first, last, alone, doubled).
TEST(JsonWriter, EscapesWhereverTheSpecialCharacterFalls) {
  EXPECT_EQ(JsonQuote(""), "\"\"");
  EXPECT_EQ(JsonQuote("plain text, no escapes"), "\"plain text, no escapes\"");
  for (int b = 0; b < 0x80; ++b) {
    const char c = static_cast<char>(b);
    const bool plain = b >= 0x20 && b < 0x7f && c != '"' && c != '\\';
    if (plain) continue;
    const std::string escaped = JsonQuote(std::string(1, c));
    const std::string inner = escaped.substr(1, escaped.size() - 2);
    ASSERT_GT(inner.size(), 1u) << "byte " << b << " was not escaped";
    for (const std::string& text :
         {std::string(1, c) + "ab", "ab" + std::string(1, c), "a" + std::string(2, c) + "b"}) {
      std::string expected;
      for (char t : text) expected += t == c ? inner : std::string(1, t);
      EXPECT_EQ(JsonQuote(text), "\"" + expected + "\"") << "byte " << b;
    }
  }
}

TEST(JsonWriter, EscapesC1BidiAndLineSeparators) {
  EXPECT_EQ(JsonQuote("a\u0085b\u202Ec\u2028d\u2029e\u200Ff"),
            "\"a\\u0085b\\u202ec\\u2028d\\u2029e\\u200ff\"");
  EXPECT_EQ(JsonQuote("bad\xff"), "\"bad\uFFFD\"");
}

}  // namespace
}  // namespace vendorlint
