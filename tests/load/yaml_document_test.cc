#include "load/yaml_document.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace vendorlint::yaml {
namespace {

using Strings = std::vector<std::string>;

struct Parsed {
  bool ok = false;
  Node root;
  std::vector<Diagnostic> diags;
  // Every diagnostic, formatted.
  std::vector<std::string> Messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags) out.push_back(d.Format());
    return out;
  }
};

Parsed Parse(std::string_view text, const Limits& limits = Limits{}) {
  Parsed p;
  p.ok = ParseDocument("f.yaml", text, limits, &p.root, &p.diags);
  EXPECT_EQ(p.ok, p.diags.empty()) << "a failure must come with a diagnostic";
  return p;
}

// The single diagnostic of a rejected document.
std::string Error(std::string_view text, const Limits& limits = Limits{}) {
  Parsed p = Parse(text, limits);
  EXPECT_FALSE(p.ok) << text;
  EXPECT_EQ(p.diags.size(), 1u) << ::testing::PrintToString(p.Messages());
  return p.diags.empty() ? "" : p.diags[0].Format();
}

const Node& Value(const Node& map, std::string_view key) {
  for (const auto& [k, v] : map.entries) {
    if (k.scalar == key) return v;
  }
  static const Node kMissing;
  ADD_FAILURE() << "no key " << key;
  return kMissing;
}

// ---- byte-level checks -----------------------------------------------------

TEST(YamlBytes, InvalidUtf8IsReportedPerSequence) {
  EXPECT_EQ(Error("a: \xC3(\n"), "f.yaml:1:4: error: invalid UTF-8 byte 0xC3");
  // Overlong, surrogate, above U+10FFFF, stray continuation bytes, truncated.
  Parsed p = Parse("a: \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \x80\x80 x\xE2\x82");
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(p.Messages(), (Strings{"f.yaml:1:4: error: invalid UTF-8 byte 0xC0",
                                   "f.yaml:1:6: error: invalid UTF-8 byte 0xED",
                                   "f.yaml:1:8: error: invalid UTF-8 byte 0xF4",
                                   "f.yaml:1:10: error: invalid UTF-8 byte 0x80",
                                   "f.yaml:1:13: error: invalid UTF-8 byte 0xE2"}));
  EXPECT_EQ(Error("a: \xF8\x88\x80\x80"), "f.yaml:1:4: error: invalid UTF-8 byte 0xF8");
}

TEST(YamlBytes, NulByte) {
  EXPECT_EQ(Error(std::string_view("a: b\0c\n", 7)), "f.yaml:1:5: error: NUL byte");
}

TEST(YamlBytes, ControlCharacters) {
  EXPECT_EQ(Error("a: \a\n"), "f.yaml:1:4: error: control character U+0007");
  EXPECT_EQ(Error("a: \x1B[0m\n"), "f.yaml:1:4: error: control character U+001B");
  EXPECT_EQ(Error("a: \x7F\n"), "f.yaml:1:4: error: control character U+007F");
  EXPECT_EQ(Error("a: \xC2\x85\n"), "f.yaml:1:4: error: control character U+0085");
  EXPECT_EQ(Error("a: \xC2\x9F\n"), "f.yaml:1:4: error: control character U+009F");
  EXPECT_EQ(Error("a: \xEF\xBF\xBF\n"), "f.yaml:1:4: error: non-character U+FFFF");
  // TAB, LF and CRLF are fine.
  EXPECT_TRUE(Parse("a: b\t# c\r\n\t# d\n").ok);
}

TEST(YamlBytes, ByteOrderMarkAfterTheStart) {
  EXPECT_EQ(Error("a: b\n\xEF\xBB\xBF"
                  "c: d\n"),
            "f.yaml:2:1: error: byte-order mark after the start of the file");
}

TEST(YamlBytes, ByteOrderMarkAtTheStartIsStripped) {
  Parsed p = Parse("\xEF\xBB\xBFname: \xC3\xA9t\xC3\xA9\nx: 1\n");
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.root.entries.size(), 2u);
  EXPECT_EQ(p.root.entries[0].first.scalar, "name");
  EXPECT_EQ(p.root.entries[0].first.column, 1u);
  EXPECT_EQ(p.root.entries[0].second.scalar, "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(p.root.entries[0].second.column, 7u);
  // Errors behind a BOM have the positions an editor shows.
  EXPECT_EQ(Error("\xEF\xBB\xBF"
                  "a: \a"),
            "f.yaml:1:4: error: control character U+0007");
}

TEST(YamlBytes, LoneCarriageReturn) {
  EXPECT_EQ(Error("a: b\rc: d\n"),
            "f.yaml:1:5: error: carriage return without a line feed (use LF or CRLF line endings)");
}

TEST(YamlBytes, AllByteErrorsAreReportedWithCodePointColumns) {
  static constexpr char kText[] = "\xC3\xA9\xE2\x82\xAC: \a\nb: \0\n\xF0\x9F\x98\x80\x01\n";
  Parsed p = Parse(std::string_view(kText, sizeof kText - 1));
  EXPECT_EQ(p.Messages(),
            (Strings{"f.yaml:1:5: error: control character U+0007", "f.yaml:2:4: error: NUL byte",
                     "f.yaml:3:2: error: control character U+0001"}));
}

TEST(YamlBytes, ByteErrorsAreCapped) {
  Limits limits;
  limits.max_errors = 3;
  Parsed p = Parse(std::string(5, '\a'), limits);
  EXPECT_EQ(p.Messages(), (Strings{"f.yaml:1:1: error: control character U+0007",
                                   "f.yaml:1:2: error: control character U+0007",
                                   "f.yaml:1:3: error: control character U+0007",
                                   "f.yaml: note: 2 more byte-level errors not shown"}));
}

TEST(YamlBytes, FileLargerThanTheLimit) {
  EXPECT_EQ(Error(std::string((1 << 20) + 1, 'a')),
            "f.yaml: error: file is larger than 1 MiB (1048577 bytes); split it (the limit is "
            "fixed)");
  Limits limits;
  limits.max_bytes = 1000;
  EXPECT_EQ(Error(std::string(1001, 'a'), limits),
            "f.yaml: error: file is larger than 1000 bytes (1001 bytes); split it (the limit is "
            "fixed)");
  EXPECT_TRUE(Parse(std::string(1000, 'a'), limits).ok);
}

// ---- document structure ----------------------------------------------------

TEST(YamlDocument, Directives) {
  EXPECT_EQ(Error("%YAML 1.2\n---\na: b\n"),
            "f.yaml:1:1: error: directives are not allowed; remove the `%` line");
  EXPECT_EQ(Error("# c\n%TAG !e! tag:example.com,2000:\n---\na: b\n"),
            "f.yaml:2:1: error: directives are not allowed; remove the `%` line");
  EXPECT_EQ(Error("a: 1\n...\n%YAML 1.2\n---\nb: 2\n"),
            "f.yaml:3:1: error: directives are not allowed; remove the `%` line");
  EXPECT_EQ(Error("a: 1\n%YAML 1.2\n"),
            "f.yaml:2:1: error: directives are not allowed; remove the `%` line");
  EXPECT_EQ(Error("[a]\n%YAML 1.2\n"),
            "f.yaml:2:1: error: directives are not allowed; remove the `%` line");
  EXPECT_EQ(Error("{a: b}\n%FOO\n"),
            "f.yaml:2:1: error: directives are not allowed; remove the `%` line");
  EXPECT_EQ(Error("\"a\n  b\"\n%FOO\n"),
            "f.yaml:3:1: error: directives are not allowed; remove the `%` line");
  EXPECT_TRUE(Parse("plain\n%continued\n").ok);  // a plain scalar goes on
  // `%` elsewhere is content.
  EXPECT_TRUE(Parse("a: 50%\nb: \"%YAML\"\nc: |\n  %not a directive\n").ok);
}

TEST(YamlDocument, MoreThanOneDocument) {
  EXPECT_EQ(Error("a: 1\n---\nb: 2\n"),
            "f.yaml:2:1: error: more than one document; put each document in a file of its own");
  EXPECT_EQ(Error("a: 1\n...\nb: 2\n"),
            "f.yaml:3:1: error: unexpected `b:` after the end of the document");
  EXPECT_EQ(Error("- a\nb: c\n"),
            "f.yaml:2:1: error: unexpected `b:` after the end of the document");
  // yaml-cpp's LoadAll loops forever on these.
  EXPECT_EQ(Error(","), "f.yaml:1:1: error: unexpected `,`");
  EXPECT_EQ(Error("[a]\n,"), "f.yaml:2:1: error: unexpected `,` after the end of the document");
  // A single document with explicit markers is fine.
  EXPECT_TRUE(Parse("---\na: 1\n...\n# trailing comment\n").ok);
}

TEST(YamlDocument, EmptyFile) {
  EXPECT_EQ(Error(""), "f.yaml: error: file is empty");
  EXPECT_EQ(Error("# only a comment\n\n   \n"), "f.yaml: error: file is empty");
  EXPECT_EQ(Error("\xEF\xBB\xBF"), "f.yaml: error: file is empty");
}

TEST(YamlDocument, DocumentWithoutContentIsEmpty) {
  EXPECT_EQ(Error("---\n"), "f.yaml: error: file is empty");
  EXPECT_EQ(Error("# comment\n...\n"), "f.yaml: error: file is empty");
  // An explicit null is content.
  Parsed p = Parse("~\n");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.root.IsNull());
  p = Parse("--- null\n");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.root.IsNull());
}

TEST(YamlDocument, Tags) {
  EXPECT_EQ(Error("a: !!str 1\n"),
            "f.yaml:1:4: error: tags are not allowed; quote the value if it must be a string");
  EXPECT_EQ(Error("a: !foo x\n"),
            "f.yaml:1:4: error: tags are not allowed; quote the value if it must be a string");
  EXPECT_EQ(Error("a: ! x\n"),
            "f.yaml:1:4: error: tags are not allowed; quote the value if it must be a string");
  EXPECT_EQ(Error("a: !<tag:x> y\n"),
            "f.yaml:1:4: error: tags are not allowed; quote the value if it must be a string");
  EXPECT_EQ(Error("a: !!null\n"),
            "f.yaml:1:4: error: tags are not allowed; quote the value if it must be a string");
  EXPECT_EQ(Error("!!map {a: b}\n"),
            "f.yaml:1:1: error: tags are not allowed; quote the value if it must be a string");
  EXPECT_EQ(Error("- !t [a]\n"),
            "f.yaml:1:3: error: tags are not allowed; quote the value if it must be a string");
}

TEST(YamlDocument, AnchorsAndAliases) {
  EXPECT_EQ(Error("a: &x 1\n"),
            "f.yaml:1:4: error: anchors are not allowed; write the value out in full");
  EXPECT_EQ(Error("a: *x\n"),
            "f.yaml:1:4: error: aliases are not allowed; write the value out in full");
  Parsed p = Parse("a: &x 1\nb: *x\n");
  EXPECT_EQ(p.Messages(),
            (Strings{"f.yaml:1:4: error: anchors are not allowed; write the value out in full",
                     "f.yaml:2:4: error: aliases are not allowed; write the value out in full"}));
  // A cycle: yaml-cpp's YAML::Load builds a cyclic graph from this.
  p = Parse("&a [*a]");
  EXPECT_EQ(p.Messages(),
            (Strings{"f.yaml:1:1: error: anchors are not allowed; write the value out in full",
                     "f.yaml:1:5: error: aliases are not allowed; write the value out in full"}));
}

TEST(YamlDocument, BillionLaughsIsCheapAndCapped) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c, c,
                        fmt::arg("p", static_cast<char>(c - 1)));
  }
  Parsed p = Parse(text);
  EXPECT_FALSE(p.ok);
  ASSERT_EQ(p.diags.size(), 51u);
  EXPECT_EQ(p.diags[0].Format(),
            "f.yaml:1:4: error: anchors are not allowed; write the value out in full");
  EXPECT_EQ(p.diags[1].Format(),
            "f.yaml:2:4: error: anchors are not allowed; write the value out in full");
  EXPECT_EQ(p.diags[2].Format(),
            "f.yaml:2:8: error: aliases are not allowed; write the value out in full");
  EXPECT_EQ(p.diags[50].Format(), "f.yaml: note: too many errors; stopped after 50");
}

TEST(YamlDocument, NestingDepth) {
  EXPECT_EQ(Error(std::string(33, '[') + std::string(33, ']')),
            "f.yaml:1:33: error: nesting deeper than 32 levels");
  EXPECT_TRUE(Parse(std::string(32, '[') + std::string(32, ']')).ok);
  std::string block;
  for (int i = 0; i < 40; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  EXPECT_EQ(Error(block), "f.yaml:33:33: error: nesting deeper than 32 levels");
  std::string dashes;
  for (int i = 0; i < 40; ++i) dashes += "- ";
  EXPECT_EQ(Error(dashes + "x\n"), "f.yaml:1:65: error: nesting deeper than 32 levels");
  Limits limits;
  limits.max_depth = 2;
  EXPECT_EQ(Error("a: {b: [c]}\n", limits), "f.yaml:1:8: error: nesting deeper than 2 levels");
  EXPECT_EQ(Error("a:\n  b:\n    - c\n", limits),
            "f.yaml:3:5: error: nesting deeper than 2 levels");
}

TEST(YamlDocument, YamlCppRecursionLimit) {
  Limits limits;
  limits.max_depth = 100000;  // above yaml-cpp's own limit of 500
  EXPECT_EQ(Error(std::string(600, '[') + std::string(600, ']'), limits),
            "f.yaml:1:499: error: nesting too deep for the YAML parser");
}

TEST(YamlDocument, HugeNestingIsRejectedQuickly) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Error(std::string(100000, '[')), "f.yaml:1:33: error: nesting deeper than 32 levels");
  std::string maps;
  for (int i = 0; i < 100000; ++i) maps += "{a: ";
  EXPECT_EQ(Error(maps), "f.yaml:1:129: error: nesting deeper than 32 levels");
  std::string closed = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(Error(closed), "f.yaml:1:33: error: nesting deeper than 32 levels");
  std::string dashes;
  for (int i = 0; i < 100000; ++i) dashes += "- ";
  EXPECT_EQ(Error(dashes), "f.yaml:1:65: error: nesting deeper than 32 levels");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(YamlDocument, DeepFlowBehindPropertiesOrBlockScalarsIsCaughtEarly) {
  // yaml-cpp buffers a whole flow collection before the first event: these
  // must be stopped by the pre-parse bound, not after yaml-cpp read 1 MB.
  const std::string deep(100000, '[');
  EXPECT_EQ(Error("a: &x " + deep), "f.yaml:1:39: error: nesting deeper than 32 levels");
  EXPECT_EQ(Error("- !t " + deep), "f.yaml:1:38: error: nesting deeper than 32 levels");
  EXPECT_EQ(Error("- key: v\n  " + deep), "f.yaml:2:35: error: nesting deeper than 32 levels");
  EXPECT_EQ(Error("a: 1\nb\nc: " + deep), "f.yaml:3:36: error: nesting deeper than 32 levels");
  EXPECT_EQ(Error("--- |\n" + deep),
            "f.yaml:2:1: error: the text of a top-level block scalar must be indented (yaml-cpp "
            "0.7 cannot read it otherwise)");
  // Brackets in text are text.
  EXPECT_TRUE(Parse("--- |\n  " + deep + "\n").ok);
  EXPECT_TRUE(Parse("key:\n  some text\n  " + deep + "\n").ok);
  EXPECT_TRUE(Parse("- key: |\n    " + deep + "\n").ok);
  EXPECT_TRUE(Parse("a: \"" + deep + "\"\n").ok);
  EXPECT_TRUE(Parse("a: b " + deep + "\n").ok);
}

TEST(YamlDocument, NodeLimit) {
  Limits limits;
  limits.max_nodes = 10;
  // In a flow collection, counted before yaml-cpp buffers it.
  EXPECT_EQ(Error("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]", limits),
            "f.yaml:1:35: error: more than 10 YAML nodes");
  // In block collections, counted as the events arrive.
  EXPECT_EQ(Error("- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n- 7\n- 8\n- 9\n- 10\n- 11\n", limits),
            "f.yaml:10:3: error: more than 10 YAML nodes");
  EXPECT_TRUE(Parse("[1, 2, 3, 4, 5, 6, 7, 8, 9]", limits).ok);
}

TEST(YamlDocument, MappingKeysMustBeScalars) {
  EXPECT_EQ(Error("[a]: b\n"), "f.yaml:1:1: error: mapping keys must be scalars");
  EXPECT_EQ(Error("? [a]\n: b\n"), "f.yaml:1:3: error: mapping keys must be scalars");
  EXPECT_EQ(Error("{a: 1}: b\n"), "f.yaml:1:1: error: mapping keys must be scalars");
  EXPECT_EQ(Error(": b\n"), "f.yaml:1:1: error: mapping key is missing");
  EXPECT_EQ(Error("null: b\n"), "f.yaml:1:1: error: mapping keys must not be null");
  EXPECT_EQ(Error("x:\n  ~: b\n"), "f.yaml:2:3: error: mapping keys must not be null");
  // Quoted keys are fine, also the string "null".
  Parsed p = Parse("\"null\": 1\n'a b': 2\n");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.root.entries[0].first.quoted);
  EXPECT_EQ(p.root.entries[0].first.scalar, "null");
}

TEST(YamlDocument, DuplicateKeys) {
  EXPECT_EQ(Error("name: a\nother: b\nname: c\n"),
            "f.yaml:3:1: error: duplicate key `name` (first at line 1)");
  EXPECT_EQ(Error("{a: 1, b: 2, a: 3}"), "f.yaml:1:14: error: duplicate key `a` (first at line 1)");
  // Quoting does not make a different key.
  EXPECT_EQ(Error("name: a\n\"name\": b\n"),
            "f.yaml:2:1: error: duplicate key `name` (first at line 1)");
  // Every duplicate, at every level, is reported.
  Parsed p = Parse("a: 1\nb:\n  x: 1\n  x: 2\n  x: 3\na: 2\n");
  EXPECT_EQ(p.Messages(), (Strings{"f.yaml:4:3: error: duplicate key `x` (first at line 3)",
                                   "f.yaml:5:3: error: duplicate key `x` (first at line 3)",
                                   "f.yaml:6:1: error: duplicate key `a` (first at line 1)"}));
  // The same key in different mappings is fine.
  EXPECT_TRUE(Parse("- name: a\n- name: b\n").ok);
}

TEST(YamlDocument, DuplicateKeyIsPrintedSafely) {
  EXPECT_EQ(Error("\"a\\tb\\u202E\": 1\n\"a\\tb\\u202E\": 2\n"),
            "f.yaml:2:1: error: duplicate key `a\\tb\\u202E` (first at line 1)");
  const std::string long_key(60, 'k');
  EXPECT_EQ(Error(long_key + ": 1\n" + long_key + ": 2\n"),
            "f.yaml:2:1: error: duplicate key `" + std::string(40, 'k') +
                "… (60 bytes)` (first at line 1)");
}

TEST(YamlDocument, ErrorsAreCapped) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "a: 1\n";
  Parsed p = Parse(text);
  ASSERT_EQ(p.diags.size(), 51u);
  EXPECT_EQ(p.diags[49].Format(), "f.yaml:51:1: error: duplicate key `a` (first at line 1)");
  EXPECT_EQ(p.diags[50].Format(), "f.yaml: note: too many errors; stopped after 50");
}

TEST(YamlDocument, EscapesMustNotProduceControlCharacters) {
  EXPECT_EQ(Error(R"(a: "x\0")"),
            "f.yaml:1:4: error: escape sequence produces control character U+0000");
  EXPECT_EQ(Error(R"(a: "\e[31m")"),
            "f.yaml:1:4: error: escape sequence produces control character U+001B");
  EXPECT_EQ(Error(R"(a: "\x85")"),
            "f.yaml:1:4: error: escape sequence produces control character U+0085");
  // yaml-cpp 0.7 turns these two into a lone byte, which is not UTF-8.
  const std::string broken =
      "f.yaml:1:4: error: escape sequence produces invalid UTF-8 (yaml-cpp cannot decode `\\N` "
      "and `\\_`; write the character)";
  EXPECT_EQ(Error(R"(a: "\N")"), broken);
  EXPECT_EQ(Error(R"(a: "\_")"), broken);
  Parsed p = Parse(R"(a: "tab\there\nline \u00e9 \x41")");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.root.entries[0].second.scalar, "tab\there\nline \xC3\xA9 A");
}

TEST(YamlDocument, SyntaxErrorsFromYamlCpp) {
  EXPECT_EQ(Error("a: [b\n"),
            "f.yaml:2:1: error: YAML syntax error: end of sequence flow not found");
  EXPECT_EQ(Error("a:\n  - b\n  c\n"), "f.yaml:3:3: error: YAML syntax error: end of map not found");
}

// ---- yaml-cpp's syntax errors in words (syntax_hints.h) ---------------------
// yaml-cpp would say "illegal map value", "end of map not found" or "end of
// sequence not found" for each of these.

TEST(YamlSyntaxHints, TabInIndentation) {
  const std::string tab =
      "error: a tab indents this line, and YAML allows only spaces in indentation: replace the "
      "tab with spaces";
  EXPECT_EQ(Error("id: x\nstorage:\n\tstores_data: true\n"), "f.yaml:3:1: " + tab);
  EXPECT_EQ(Error("storage:\n  stores_data: true\n\tencrypted: true\n"), "f.yaml:3:1: " + tab);
  EXPECT_EQ(Error("storage:\n  \tstores_data: true\n"), "f.yaml:2:3: " + tab);
}

TEST(YamlSyntaxHints, UnquotedColonInAValue) {
  EXPECT_EQ(Error("a: b: c\n"),
            "f.yaml:1:5: error: `: ` inside an unquoted value starts a new key; put the value in "
            "quotes: a: \"b: c\"");
  EXPECT_EQ(Error("\xC3\xA9\xC3\xA9: b: c\n"),
            "f.yaml:1:6: error: `: ` inside an unquoted value starts a new key; put the value in "
            "quotes: \xC3\xA9\xC3\xA9: \"b: c\"");
  EXPECT_EQ(Error("id: x\nsummary: Sends \"data\": names  # why\n"),
            "f.yaml:2:22: error: `: ` inside an unquoted value starts a new key; put the value in "
            "quotes: summary: 'Sends \"data\": names'");
  EXPECT_EQ(Error("flows:\n  - note: see: here\n"),
            "f.yaml:2:14: error: `: ` inside an unquoted value starts a new key; put the value in "
            "quotes: note: \"see: here\"");
}

TEST(YamlSyntaxHints, TextAfterAQuotedValue) {
  EXPECT_EQ(Error("id: x\nname: \"Foo\" Inc\n"),
            "f.yaml:2:13: error: the value ends at its closing quote, so the text after it is an "
            "error; to start a value with a quote, quote the whole value: name: '\"Foo\" Inc'");
  EXPECT_EQ(Error("name: 'Foo' Inc\n"),
            "f.yaml:1:13: error: the value ends at its closing quote, so the text after it is an "
            "error; to start a value with a quote, quote the whole value: name: \"'Foo' Inc\"");
  EXPECT_EQ(Error("names:\n  - \"Foo\" Inc\n"),
            "f.yaml:2:11: error: the value ends at its closing quote, so the text after it is an "
            "error; to start a value with a quote, quote the whole value: - '\"Foo\" Inc'");
}

TEST(YamlSyntaxHints, KeyIndentedDifferentlyFromItsSiblings) {
  EXPECT_EQ(Error("storage:\n  stores_data: true\n   encrypted_at_rest: true\n"),
            "f.yaml:3:4: error: key `encrypted_at_rest` is indented by 3 spaces but `stores_data` "
            "above it (line 2) by 2; keys of one mapping must start in the same column");
  EXPECT_EQ(Error("storage:\n    stores_data: true\n\n  # c\n  encrypted_at_rest: true\n"),
            "f.yaml:5:3: error: key `encrypted_at_rest` is indented by 2 spaces but `stores_data` "
            "above it (line 2) by 4; keys of one mapping must start in the same column");
  EXPECT_EQ(Error("flows:\n  - direction: shared\n     subjects: [x]\n"),
            "f.yaml:3:6: error: key `subjects` is indented by 5 spaces but `direction` above it "
            "(line 2) by 4; keys of one mapping must start in the same column");
}

TEST(YamlSyntaxHints, ListItemAtTheWrongLevel) {
  EXPECT_EQ(Error("flows:\n  - a: 1\n    b: 2\n   - a: 3\n"),
            "f.yaml:4:4: error: this list item is indented by 3 spaces but the item above it "
            "(line 2) by 2; items of one list must start in the same column");
  EXPECT_EQ(Error("flows:\n  - a: 1\n    b: [x]\n    - a: 3\n"),
            "f.yaml:4:5: error: this list item is indented by 4 spaces but the item above it "
            "(line 2) by 2; items of one list must start in the same column");
  EXPECT_EQ(Error("sources:\n  - a: 1\n - a: 2\n"),
            "f.yaml:3:2: error: this list item is indented by 1 space but the item above it "
            "(line 2) by 2; items of one list must start in the same column");
}

// ---- lexical checks for what yaml-cpp 0.7 lets pass --------------------------

TEST(YamlLexical, UnterminatedQuotedStrings) {
  EXPECT_EQ(Error("key: \"missing closing quote\n"),
            "f.yaml:1:6: error: unterminated double-quoted string");
  EXPECT_EQ(Error("key: 'it''s\n"), "f.yaml:1:6: error: unterminated single-quoted string");
}

TEST(YamlLexical, InvalidEscape) {
  EXPECT_EQ(Error(R"(a: "quoted \' scalar")"), "f.yaml:1:12: error: invalid escape sequence `\\'`");
}

TEST(YamlLexical, CommentWithoutWhitespace) {
  EXPECT_EQ(Error("key: \"value\"# c\n"),
            "f.yaml:1:13: error: comment must be preceded by whitespace");
  EXPECT_EQ(Error("- [a, b]#c\n"), "f.yaml:1:9: error: comment must be preceded by whitespace");
  EXPECT_EQ(Error("- [a, b,#c\n  ]\n"),
            "f.yaml:1:9: error: comment must be preceded by whitespace");
  EXPECT_EQ(Error("a: >#c\n  text\n"), "f.yaml:1:5: error: comment must be preceded by whitespace");
  // `#` inside a plain scalar is content.
  Parsed p = Parse("a: b#c\nd: [e#f]\n");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.root.entries[0].second.scalar, "b#c");
}

TEST(YamlLexical, TabIndentation) {
  EXPECT_EQ(Error("foo: \"bar\n\tbaz\"\n"),
            "f.yaml:2:1: error: tab character used for indentation");
  EXPECT_EQ(Error("- [\n\tfoo,\n foo\n ]\n"),
            "f.yaml:2:1: error: tab character used for indentation");
}

TEST(YamlLexical, ContinuationLinesMustBeIndented) {
  EXPECT_EQ(Error("flow: [a,\nb,\n  c]\n"),
            "f.yaml:2:1: error: continuation line must be indented");
  EXPECT_EQ(Error("quoted: \"a\nb\"\n"), "f.yaml:2:1: error: continuation line must be indented");
  EXPECT_EQ(Error("top1:\n  key1: val1\ntop2\n"), "f.yaml:3:1: error: missing `:` after `top2`");
  EXPECT_EQ(Error("key:\n - item1\ninvalid\n"), "f.yaml:3:1: error: missing `:` after `invalid`");
  EXPECT_EQ(Error("a: 1\nnullable\n"), "f.yaml:2:1: error: missing `:` after `nullable`");
  // Indented continuation lines are fine.
  Parsed p = Parse("a: [b,\n  c]\nd: \"e\n  f\"\ng: h\n  i\n");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(Value(p.root, "d").scalar, "e f");
  EXPECT_EQ(Value(p.root, "g").scalar, "h i");
}

TEST(YamlLexical, FlowSequenceEntries) {
  EXPECT_EQ(Error("[ , a]\n"), "f.yaml:1:3: error: empty entry in a flow sequence");
  EXPECT_EQ(Error("[a, b, , ]\n"), "f.yaml:1:8: error: empty entry in a flow sequence");
  EXPECT_EQ(Error("[-]\n"), "f.yaml:1:2: error: `-` cannot start a plain scalar; quote it");
  EXPECT_TRUE(Parse("[a, b, ]\n").ok);  // one trailing comma is allowed
  EXPECT_TRUE(Parse("[-1, -a, \"-\"]\n").ok);
}

TEST(YamlLexical, BlockScalarLeadingEmptyLines) {
  EXPECT_EQ(Error("a: >\n \n  \n   \n # c\n"),
            "f.yaml:4:1: error: empty line with 3 spaces before the text of a block scalar "
            "indented by 1; remove the extra spaces");
  EXPECT_TRUE(Parse("a: >\n \n  text\n").ok);
  EXPECT_TRUE(Parse("- a: |\n     \n  b: c\n").ok);  // an empty block scalar
}

// ---- what comes out --------------------------------------------------------

TEST(YamlTree, NestedCollectionsWithPositions) {
  Parsed p = Parse(
      "# a vendor\n"
      "name: Acme\n"
      "tags:\n"
      "  - a\n"
      "  - \"b\"\n"
      "nested:\n"
      "  inner: {x: 1, y: [2, 3]}\n");
  ASSERT_TRUE(p.ok) << ::testing::PrintToString(p.Messages());
  const Node& root = p.root;
  ASSERT_TRUE(root.IsMapping());
  EXPECT_EQ(root.line, 2u);
  EXPECT_EQ(root.column, 1u);
  ASSERT_EQ(root.entries.size(), 3u);
  EXPECT_EQ(root.entries[0].first.scalar, "name");
  EXPECT_EQ(root.entries[1].first.scalar, "tags");
  EXPECT_EQ(root.entries[2].first.scalar, "nested");

  const Node& name = Value(root, "name");
  EXPECT_TRUE(name.IsScalar());
  EXPECT_EQ(name.scalar, "Acme");
  EXPECT_EQ(name.line, 2u);
  EXPECT_EQ(name.column, 7u);

  const Node& tags = Value(root, "tags");
  ASSERT_TRUE(tags.IsSequence());
  EXPECT_EQ(tags.line, 4u);
  EXPECT_EQ(tags.column, 3u);
  ASSERT_EQ(tags.items.size(), 2u);
  EXPECT_EQ(tags.items[0].scalar, "a");
  EXPECT_FALSE(tags.items[0].quoted);
  EXPECT_EQ(tags.items[0].line, 4u);
  EXPECT_EQ(tags.items[0].column, 5u);
  EXPECT_EQ(tags.items[1].scalar, "b");
  EXPECT_TRUE(tags.items[1].quoted);
  EXPECT_EQ(tags.items[1].line, 5u);
  EXPECT_EQ(tags.items[1].column, 5u);

  const Node& inner = Value(Value(root, "nested"), "inner");
  ASSERT_TRUE(inner.IsMapping());
  EXPECT_EQ(inner.line, 7u);
  EXPECT_EQ(inner.column, 10u);
  const Node& y = Value(inner, "y");
  ASSERT_TRUE(y.IsSequence());
  EXPECT_EQ(y.column, 20u);
  ASSERT_EQ(y.items.size(), 2u);
  EXPECT_EQ(y.items[1].scalar, "3");
  EXPECT_EQ(y.items[1].column, 24u);
  EXPECT_STREQ(NodeKindName(y.kind), "sequence");
  EXPECT_STREQ(NodeKindName(inner.kind), "mapping");
  EXPECT_STREQ(NodeKindName(NodeKind::kScalar), "scalar");
  EXPECT_STREQ(NodeKindName(NodeKind::kNull), "null");
}

TEST(YamlTree, QuotedVersusPlain) {
  Parsed p = Parse("a: 'x'\nb: \"y\"\nc: z\nd: |\n  lit\ne: >\n  fold\n  ed\nf: 012\n");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(Value(p.root, "a").quoted);
  EXPECT_TRUE(Value(p.root, "b").quoted);
  EXPECT_FALSE(Value(p.root, "c").quoted);
  EXPECT_TRUE(Value(p.root, "d").quoted);
  EXPECT_EQ(Value(p.root, "d").scalar, "lit\n");
  EXPECT_TRUE(Value(p.root, "e").quoted);
  EXPECT_EQ(Value(p.root, "e").scalar, "fold ed\n");
  EXPECT_EQ(Value(p.root, "f").scalar, "012");  // as written; no number conversion
  EXPECT_FALSE(Value(p.root, "f").quoted);
}

TEST(YamlTree, NullVersusTheStringNull) {
  Parsed p = Parse("a:\nb: null\nc: ~\nd: \"null\"\ne: 'null'\nf: Null\ng: \"\"\n");
  ASSERT_TRUE(p.ok);
  const Node& a = Value(p.root, "a");
  EXPECT_TRUE(a.IsNull());
  EXPECT_EQ(a.line, 1u);  // an empty value is placed at its key
  EXPECT_EQ(a.column, 1u);
  const Node& b = Value(p.root, "b");
  EXPECT_TRUE(b.IsNull());
  EXPECT_EQ(b.line, 2u);
  EXPECT_EQ(b.column, 4u);
  EXPECT_TRUE(Value(p.root, "c").IsNull());
  EXPECT_TRUE(Value(p.root, "f").IsNull());
  EXPECT_TRUE(Value(p.root, "d").IsScalar());
  EXPECT_EQ(Value(p.root, "d").scalar, "null");
  EXPECT_TRUE(Value(p.root, "e").IsScalar());
  EXPECT_TRUE(Value(p.root, "g").IsScalar());
  EXPECT_EQ(Value(p.root, "g").scalar, "");
}

TEST(YamlTree, CrlfLineEndings) {
  Parsed p = Parse("a: 1\r\nb:\r\n  - x\r\n  - \"y\"\r\nc: |\r\n  l1\r\n  l2\r\n");
  ASSERT_TRUE(p.ok) << ::testing::PrintToString(p.Messages());
  EXPECT_EQ(Value(p.root, "a").scalar, "1");
  const Node& b = Value(p.root, "b");
  ASSERT_EQ(b.items.size(), 2u);
  EXPECT_EQ(b.items[0].scalar, "x");
  EXPECT_EQ(b.items[1].scalar, "y");
  EXPECT_EQ(b.items[1].line, 4u);
  EXPECT_EQ(b.items[1].column, 5u);
  EXPECT_EQ(Value(p.root, "c").scalar, "l1\nl2\n");
  EXPECT_EQ(Error("a: 1\r\nb: 2\r\na: 3\r\n"),
            "f.yaml:3:1: error: duplicate key `a` (first at line 1)");
}

TEST(YamlTree, UnicodeColumnsCountCodePoints) {
  Parsed p = Parse(
      "\xD0\xBA\xD0\xBB\xD1\x8E\xD1\x87: \xD0\xB7\n"    // ключ: з
      "\xE5\x90\x8D\xE5\x89\x8D: \"\xE5\x80\xA4\"\n"    // 名前: "値"
      "\xF0\x9F\x98\x80: [a, \xF0\x9F\x98\x80, b]\n");  // 😀: [a, 😀, b]
  ASSERT_TRUE(p.ok) << ::testing::PrintToString(p.Messages());
  ASSERT_EQ(p.root.entries.size(), 3u);
  EXPECT_EQ(p.root.entries[0].second.column, 7u);
  EXPECT_EQ(p.root.entries[1].second.column, 5u);
  EXPECT_EQ(p.root.entries[1].second.scalar, "\xE5\x80\xA4");
  const Node& seq = p.root.entries[2].second;
  EXPECT_EQ(seq.column, 4u);
  ASSERT_EQ(seq.items.size(), 3u);
  EXPECT_EQ(seq.items[2].column, 11u);
  EXPECT_EQ(Error("\xF0\x9F\x98\x80: 1\n\xF0\x9F\x98\x80: 2\n"),
            "f.yaml:2:1: error: duplicate key `\xF0\x9F\x98\x80` (first at line 1)");
  EXPECT_EQ(Error("\xC3\xA9: [a, , b]\n"), "f.yaml:1:8: error: empty entry in a flow sequence");
}

TEST(YamlTree, LargeScalar) {
  const std::string big(900000, 'x');
  Parsed p = Parse("a: " + big + "\n");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(Value(p.root, "a").scalar, big);
}

TEST(YamlTree, TopLevelScalarAndSequence) {
  Parsed p = Parse("just a string\n");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.root.scalar, "just a string");
  p = Parse("- 1\n- two\n");
  ASSERT_TRUE(p.ok);
  ASSERT_TRUE(p.root.IsSequence());
  EXPECT_EQ(p.root.items.size(), 2u);
}

// ---- robustness ------------------------------------------------------------

TEST(YamlRobustness, OddInputsNeverThrowOrHang) {
  for (std::string_view text : {",",
                                "]",
                                "}",
                                ":",
                                "?",
                                "-",
                                "---",
                                "...",
                                "- - -",
                                "[",
                                "{",
                                "'",
                                "\"",
                                "|",
                                ">",
                                "&",
                                "*",
                                "!",
                                "%",
                                "@",
                                "`",
                                "? ? ?",
                                ": : :",
                                "[,]",
                                "{,}",
                                "[:]",
                                "{:}",
                                "a: |0\n  x",
                                "a: |10\n x",
                                "\"\\",
                                "\"\\u12",
                                "- [a, {b: [c, {d: e}]}]",
                                "--- |\n  x\n--- >\n  y",
                                "\t",
                                "a:\n\t- b",
                                "...\n...\n",
                                "--- ---",
                                "'''",
                                "a: b\n  c: d",
                                "[a]]]]"}) {
    Parsed p = Parse(text);
    (void)p;
  }
}

}  // namespace
}  // namespace vendorlint::yaml
