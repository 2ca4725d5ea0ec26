#include "report/json_writer.h"

#include <gtest/gtest.h>

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

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\t\x01\x7f é"), "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f é\"");
}

// Valid JSON either way, but raw they reorder text in a terminal (bidi) or end
// a line in JavaScript (U+2028/2029): escaped, the decoded value is the same.
TEST(JsonWriter, EscapesC1BidiAndLineSeparators) {
  EXPECT_EQ(JsonQuote("a\u0085b\u202Ec\u2028d\u2029e\u200Ff"),
            "\"a\\u0085b\\u202ec\\u2028d\\u2029e\\u200ff\"");
  EXPECT_EQ(JsonQuote("bad\xff"), "\"bad\uFFFD\"");
}

}  // namespace
}  // namespace vendorlint
