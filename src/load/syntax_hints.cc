#include "load/syntax_hints.h"

#include <optional>
#include <string>

#include <fmt/format.h>

namespace vendorlint::yaml::internal {
namespace {

// One line of a block-style YAML file, as far as these hints need it.
struct Shape {
  uint32_t line = 0;
  size_t indent = 0;       // leading spaces
  bool tab = false;        // a tab among the leading whitespace
  size_t tab_at = 0;       // byte index of that tab in the line
  bool content = false;    // not blank, not only a comment
  bool item = false;       // starts with `-` (a list item)
  size_t body = 0;         // byte index after the indentation and any `- `
  std::string_view key;    // `key` of `key: value` or `key:`, else empty
  size_t key_at = 0;       // byte index of the key
  size_t value_at = 0;     // byte index of the value (after `: ` and spaces)
  std::string_view value;  // the rest of the line after the key
};

// A plain key: no blank or `:` inside, not starting with an indicator.
bool IsKeyChar(char c) { return c != ' ' && c != '\t' && c != ':' && c != '#'; }
bool StartsPlainKey(char c) {
  return IsKeyChar(c) && std::string_view("\"'[]{},&*!|>%@`-?").find(c) == std::string_view::npos;
}

Shape ShapeOf(const LineIndex& lines, uint32_t n) {
  Shape s;
  s.line = n;
  std::string_view t = lines.Line(n);
  size_t i = 0;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) {
    if (t[i] == '\t' && !s.tab) {
      s.tab = true;
      s.tab_at = i;
    }
    ++i;
  }
  size_t spaces = 0;
  while (spaces < t.size() && t[spaces] == ' ') ++spaces;
  s.indent = spaces;
  if (i == t.size() || t[i] == '#') return s;
  s.content = true;
  if (t[i] == '-' && (i + 1 == t.size() || t[i + 1] == ' ')) {
    s.item = true;
    ++i;
    while (i < t.size() && t[i] == ' ') ++i;
  }
  s.body = i;
  size_t k = i;
  if (k < t.size() && StartsPlainKey(t[k])) {
    while (k < t.size() && IsKeyChar(t[k])) ++k;
  }
  if (k > i && k < t.size() && t[k] == ':' && (k + 1 == t.size() || t[k + 1] == ' ')) {
    s.key = t.substr(i, k - i);
    s.key_at = i;
    size_t v = k + 1;
    while (v < t.size() && t[v] == ' ') ++v;
    s.value_at = v;
    s.value = t.substr(v);
  } else {
    s.value_at = i;
    s.value = t.substr(i);
  }
  return s;
}

// The column where a line's mapping keys start (after `- ` for an item).
size_t KeyColumn(const Shape& s) { return s.item ? s.body : s.indent; }

// The nearest line before `n` with content, if any.
std::optional<Shape> PreviousContent(const LineIndex& lines, uint32_t n) {
  for (uint32_t m = n; m > 1; --m) {
    Shape s = ShapeOf(lines, m - 1);
    if (s.content) return s;
  }
  return std::nullopt;
}

std::string_view WithoutComment(std::string_view v) {
  size_t hash = v.find(" #");
  if (hash != std::string_view::npos) v = v.substr(0, hash);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// `value` quoted so that YAML reads it back unchanged.
std::string Quoted(std::string_view value) {
  if (value.find('"') == std::string_view::npos) {
    return fmt::format("\"{}\"", value);
  }
  std::string s = "'";
  for (char c : value) s += c == '\'' ? std::string("''") : std::string(1, c);
  return s + "'";
}

std::string Spaces(size_t n) { return fmt::format("{} space{}", n, n == 1 ? "" : "s"); }

std::string Lead(const Shape& s) {
  if (!s.key.empty()) return fmt::format("{}: ", s.key);
  return s.item ? "- " : "";
}

Problem At(const LineIndex& lines, uint32_t line, size_t index, std::string message) {
  Problem p;
  p.offset = lines.LineStart(line) + index;
  LineIndex::Position pos = lines.At(p.offset);
  p.line = pos.line;
  p.column = pos.column;
  p.message = std::move(message);
  return p;
}

bool TabHint(const LineIndex& lines, uint32_t n, Problem* out) {
  for (uint32_t m : {n, n - 1}) {
    if (m < 1) continue;
    Shape s = ShapeOf(lines, m);
    if (!s.tab || !s.content) continue;
    *out = At(lines, m, s.tab_at,
              "a tab indents this line, and YAML allows only spaces in indentation: replace the "
              "tab with spaces");
    return true;
  }
  return false;
}

// `name: "Foo" Inc`: the quoted scalar ends at its closing quote.
bool QuoteHint(const LineIndex& lines, const Shape& s, Problem* out) {
  std::string_view v = s.value;
  if (v.empty() || (v[0] != '"' && v[0] != '\'')) return false;
  const char q = v[0];
  size_t i = 1;
  for (; i < v.size(); ++i) {
    if (q == '"' && v[i] == '\\') {
      ++i;
    } else if (v[i] == q) {
      if (q == '\'' && i + 1 < v.size() && v[i + 1] == '\'') {
        ++i;
      } else {
        break;
      }
    }
  }
  if (i >= v.size()) return false;  // not closed on this line
  size_t after = i + 1;
  while (after < v.size() && v[after] == ' ') ++after;
  if (after >= v.size() || v[after] == '#') return false;
  std::string_view whole = WithoutComment(v);
  std::string fix = q == '"' ? Quoted(whole) : fmt::format("\"{}\"", whole);
  if (q == '\'' && whole.find('"') != std::string_view::npos) return false;
  *out = At(lines, s.line, s.value_at + after,
            fmt::format("the value ends at its closing quote, so the text after it is an error; "
                        "to start a value with a quote, quote the whole value: {}{}",
                        Lead(s), fix));
  return true;
}

// `summary: Sends data: names`: a plain value must not contain `: `.
bool ColonHint(const LineIndex& lines, const Shape& s, Problem* out) {
  if (s.key.empty() || s.value.empty()) return false;
  const char c = s.value[0];
  if (c == '"' || c == '\'' || c == '[' || c == '{' || c == '|' || c == '>' || c == '#' ||
      c == '&' || c == '*' || c == '!')
    return false;
  std::string_view v = WithoutComment(s.value);
  size_t colon = std::string_view::npos;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == ':' && (i + 1 == v.size() || v[i + 1] == ' ')) {
      colon = i;
      break;
    }
  }
  if (colon == std::string_view::npos) return false;
  *out = At(lines, s.line, s.value_at + colon,
            fmt::format("`: ` inside an unquoted value starts a new key; put the value in "
                        "quotes: {}: {}",
                        s.key, Quoted(v)));
  return true;
}

// A list item that does not line up with the item before it.
bool ItemHint(const LineIndex& lines, const Shape& s, Problem* out) {
  if (!s.item) return false;
  for (uint32_t m = s.line; m > 1; --m) {
    Shape p = ShapeOf(lines, m - 1);
    if (!p.content) continue;
    if (!p.item) {
      // A key left of the item, or one at its column that opens a block
      // (`sources:` then `- ...`), holds the list: nothing to compare with.
      if (p.indent < s.indent) return false;
      if (p.indent == s.indent && WithoutComment(p.value).empty()) return false;
      continue;
    }
    if (p.indent == s.indent) return false;
    *out = At(lines, s.line, s.indent,
              fmt::format("this list item is indented by {} but the item above it "
                          "(line {}) by {}; items of one list must start in the same column",
                          Spaces(s.indent), p.line, p.indent));
    return true;
  }
  return false;
}

// A key that does not line up with the key before it.
bool KeyHint(const LineIndex& lines, const Shape& s, Problem* out) {
  if (s.key.empty() || s.item) return false;
  std::optional<Shape> p = PreviousContent(lines, s.line);
  if (!p || p->key.empty()) return false;
  const size_t sibling = KeyColumn(*p);
  if (sibling == s.indent) return false;
  // Deeper than the key before it is only wrong when that key has a value of
  // its own (`stores_data: true`), not when it opens a block (`storage:`).
  if (s.indent > sibling && WithoutComment(p->value).empty()) return false;
  if (s.indent < sibling) {
    // Lined up with an enclosing mapping is fine; yaml-cpp stopped for
    // another reason.
    size_t level = sibling;
    for (uint32_t m = p->line; m > 1; --m) {
      Shape a = ShapeOf(lines, m - 1);
      if (!a.content) continue;
      const size_t col = KeyColumn(a);
      if (col < level) {
        if (col == s.indent || (a.item && a.indent == s.indent)) return false;
        level = col;
      }
    }
  }
  *out = At(lines, s.line, s.indent,
            fmt::format("key `{}` is indented by {} but `{}` above it (line {}) by {}; "
                        "keys of one mapping must start in the same column",
                        s.key, Spaces(s.indent), p->key, p->line, sibling));
  return true;
}

}  // namespace

bool ExplainSyntaxError(std::string_view text, const LineIndex& lines, size_t error_offset,
                        Problem* out) {
  if (lines.line_count() == 0) return false;
  const uint32_t n = lines.At(std::min(error_offset, text.size())).line;
  if (n < 1 || n > lines.line_count()) return false;
  if (TabHint(lines, n, out)) return true;
  const Shape s = ShapeOf(lines, n);
  if (!s.content) return false;
  return QuoteHint(lines, s, out) || ColonHint(lines, s, out) || ItemHint(lines, s, out) ||
         KeyHint(lines, s, out);
}

}  // namespace vendorlint::yaml::internal
