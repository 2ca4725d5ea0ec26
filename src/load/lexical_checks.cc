#include "load/lexical_checks.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace vendorlint::yaml::internal {

namespace {

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// `...` or `---` at column 1, followed by a blank or the end of the line.
bool IsMarker(std::string_view line, std::string_view marker) {
  if (line.substr(0, 3) != marker) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

}  // namespace

void FindDirectives(const LineIndex& lines, std::vector<Problem>* out) {
  bool directives_allowed_here = true;  // stream start, or just after `...`
  for (uint32_t ln = 1; ln <= lines.line_count(); ++ln) {
    std::string_view line = lines.Line(ln);
    if (IsMarker(line, "...")) {
      directives_allowed_here = true;
      continue;
    }
    if (!directives_allowed_here) continue;
    if (!line.empty() && line[0] == '%') {
      out->push_back(
          {lines.LineStart(ln), ln, 1, "directives are not allowed; remove the `%` line"});
      continue;
    }
    if (IsBlankLine(line)) continue;
    size_t first = line.find_first_not_of(" \t");
    if (line[first] == '#') continue;
    directives_allowed_here = false;
  }
}

namespace {

constexpr size_t kNpos = std::string_view::npos;

void Report(const LineIndex& lines, size_t offset, std::string message, std::vector<Problem>* out) {
  LineIndex::Position p = lines.At(offset);
  out->push_back({offset, p.line, p.column, std::move(message)});
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The code point at text[i] for a message.
std::string CharAt(std::string_view text, size_t i) {
  char32_t cp = 0;
  size_t len = DecodeUtf8(text, i, &cp);
  return Printable(text.substr(i, len == 0 ? 1 : len), 1);
}

// From the opening `"` at `start`: reports invalid escapes; returns the offset
// after the closing quote, or kNpos when there is none.
// `lines` and `out` may be null: then nothing is reported.
size_t ScanDoubleQuoted(std::string_view text, size_t start, const LineIndex* lines,
                        std::vector<Problem>* out) {
  size_t i = start + 1;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') return i + 1;
    if (c != '\\') {
      ++i;
      continue;
    }
    if (i + 1 >= text.size()) break;
    size_t hex = 0;
    switch (text[i + 1]) {
      case 'x':
        hex = 2;
        break;
      case 'u':
        hex = 4;
        break;
      case 'U':
        hex = 8;
        break;
      case '0':
      case 'a':
      case 'b':
      case 't':
      case '\t':
      case 'n':
      case 'v':
      case 'f':
      case 'r':
      case 'e':
      case ' ':
      case '"':
      case '/':
      case '\\':
      case 'N':
      case '_':
      case 'L':
      case 'P':
      case '\r':
      case '\n':
        break;
      default:
        if (out != nullptr) {
          Report(*lines, i, "invalid escape sequence `\\" + CharAt(text, i + 1) + "`", out);
        }
        break;
    }
    i += 2;
    for (size_t k = 0; k < hex && i < text.size() && IsHexDigit(text[i]); ++k) ++i;
  }
  return kNpos;
}

// From the opening `'` at `start`: the offset after the closing quote, or kNpos.
size_t ScanSingleQuoted(std::string_view text, size_t start) {
  for (size_t i = start + 1; i < text.size(); ++i) {
    if (text[i] != '\'') continue;
    if (i + 1 < text.size() && text[i + 1] == '\'') {
      ++i;
      continue;
    }
    return i + 1;
  }
  return kNpos;
}

void CheckBlockScalar(std::string_view text, const LineIndex& lines,
                      const ParseFacts::BlockScalar& block, std::vector<Problem>* out) {
  size_t i = block.offset + 1;
  bool explicit_indent = false;
  for (int k = 0; k < 2 && i < text.size(); ++k, ++i) {
    const char c = text[i];
    if (c >= '1' && c <= '9') {
      explicit_indent = true;
    } else if (c != '+' && c != '-') {
      break;
    }
  }
  if (i < text.size() && text[i] == '#') {
    Report(lines, i, "comment must be preceded by whitespace", out);
  }
  if (explicit_indent) return;
  // Leading empty lines must not have more spaces than the first text line.
  size_t most_spaces = 0;
  uint32_t most_spaces_line = 0;
  for (uint32_t ln = lines.At(block.offset).line + 1; ln <= lines.line_count(); ++ln) {
    std::string_view line = lines.Line(ln);
    const size_t spaces = line.find_first_not_of(' ');
    if (spaces == kNpos) {
      if (line.size() > most_spaces) {
        most_spaces = line.size();
        most_spaces_line = ln;
      }
      continue;
    }
    if (line[spaces] == '\t' || static_cast<int>(spaces) <= block.parent_indent) return;
    if (spaces == 0 && (IsMarker(line, "---") || IsMarker(line, "..."))) return;
    if (most_spaces > spaces) {
      Report(lines, lines.LineStart(most_spaces_line),
             fmt::format("empty line with {} spaces before the text of a block scalar indented "
                         "by {}; remove the extra spaces",
                         most_spaces, spaces),
             out);
    }
    return;
  }
}

// Flow collections: a comment right after `,`, `[`, `]`, `{` or `}`.
// Returns the start and end offset of each outermost flow collection.
std::vector<std::pair<size_t, size_t>> CheckFlowCollections(
    std::string_view text, const LineIndex& lines, const ParseFacts& facts,
    const std::vector<std::pair<size_t, size_t>>& quoted, std::vector<Problem>* out) {
  std::vector<std::pair<size_t, size_t>> extents;
  std::vector<size_t> starts = facts.flow_collections;
  std::sort(starts.begin(), starts.end());
  size_t scanned_until = 0;
  auto q = quoted.begin();
  for (size_t start : starts) {
    if (start < scanned_until) continue;  // nested in one already scanned
    int depth = 0;
    size_t i = start;
    bool closed = false;
    while (i < text.size() && !closed) {
      while (q != quoted.end() && q->first < i) ++q;
      if (q != quoted.end() && q->first == i) {
        i = q->second == kNpos ? text.size() : q->second;
        continue;
      }
      const char c = text[i];
      if (c == '[' || c == '{') {
        ++depth;
      } else if (c == ']' || c == '}') {
        closed = --depth == 0;
      } else if (c == '#') {
        const char prev = i > 0 ? text[i - 1] : '\n';
        if (prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r') {
          i = text.find('\n', i);  // a comment
          if (i == kNpos) i = text.size();
          continue;
        }
        if (std::string_view(",[]{}").find(prev) != kNpos) {
          Report(lines, i, "comment must be preceded by whitespace", out);
        }
      }
      ++i;
    }
    if (closed && i < text.size() && text[i] == '#') {
      Report(lines, i, "comment must be preceded by whitespace", out);
    }
    extents.emplace_back(start, closed ? i : kNpos);
    scanned_until = i;
  }
  return extents;
}

// The end offset of a quoted or flow root, from the extents found; or kNpos.
size_t RootEnd(std::string_view text, const ParseFacts& facts,
               const std::vector<std::pair<size_t, size_t>>& quoted,
               const std::vector<std::pair<size_t, size_t>>& flows) {
  if (facts.block_root || facts.root_offset >= text.size()) return kNpos;
  const char c = text[facts.root_offset];
  const auto& extents = (c == '"' || c == '\'') ? quoted : flows;
  auto it = std::lower_bound(extents.begin(), extents.end(),
                             std::make_pair(facts.root_offset, size_t{0}));
  return it != extents.end() && it->first == facts.root_offset ? it->second : kNpos;
}

// In a document whose root is a block collection, every line that starts at
// column 1 must start a key or an entry: anything else continues a value
// without the indentation YAML requires. Tabs cannot indent.
void CheckColumnOne(const LineIndex& lines, const ParseFacts& facts, std::vector<Problem>* out) {
  std::vector<size_t> keys = facts.block_keys;
  std::sort(keys.begin(), keys.end());
  for (uint32_t ln = facts.root_line + 1; ln <= lines.line_count(); ++ln) {
    std::string_view line = lines.Line(ln);
    const size_t first = line.find_first_not_of(" \t");
    if (first == kNpos || line[0] == ' ' || line[first] == '#') continue;
    const size_t start = lines.LineStart(ln);
    const char c = line[0];
    if (c == '\t') {
      Report(lines, start, "tab character used for indentation", out);
      continue;
    }
    if (IsMarker(line, "...") || IsMarker(line, "---")) break;
    if ((c == '-' || c == '?' || c == ':') &&
        (line.size() == 1 || line[1] == ' ' || line[1] == '\t')) {
      continue;
    }
    if (std::binary_search(keys.begin(), keys.end(), start)) continue;
    Report(lines, start,
           c == '%' ? "directives are not allowed; remove the `%` line"
                    : "continuation line must be indented",
           out);
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The pre-parse bound of CheckFlowLimits. In block context it only looks at
// node starts (line start, or after `- `, `? `, `: `) and skips comments,
// quoted scalars, block scalars and the lines that may continue a plain
// scalar; inside flow collections it follows brackets and counts entries.
// Whatever it cannot classify it skips, so it can only count too low.
class FlowLimitScanner {
 public:
  FlowLimitScanner(std::string_view text, const LineIndex& lines, size_t max_depth,
                   size_t max_nodes, std::vector<Problem>* out)
      : text_(text), lines_(lines), max_depth_(max_depth), max_nodes_(max_nodes), out_(out) {}

  void Run() {
    const size_t n = text_.size();
    // `parent` is the indentation of the collection that the node at the
    // current position belongs to (-1 at the top): the column of the key
    // before `: `, of the `-` or `?` before a node. A plain scalar can go on
    // over the lines indented more than its parent, a block scalar's text too.
    // `opener` carries it to the next line after a line that ends in `key:`,
    // `-`, `?` or `---`; kNone when no valid node can start the next line.
    constexpr long kNone = -2;
    long opener = -1;
    long skip_indent = kNone;  // skip the lines indented more than this
    size_t line_start = 0;
    while (line_start < n) {
      size_t line_end = LineEnd(line_start);
      const size_t first = text_.find_first_not_of(" \t\r", line_start);
      if (first >= line_end || text_[first] == '#') {  // blank or comment
        line_start = line_end + 1;
        continue;
      }
      const long indent = static_cast<long>(text_.find_first_not_of(' ', line_start) - line_start);
      if (skip_indent != kNone) {
        if (indent > skip_indent) {
          line_start = line_end + 1;
          continue;
        }
        skip_indent = kNone;
      }
      const std::string_view line = text_.substr(line_start, line_end - line_start);
      if (IsMarker(line, "...")) {
        opener = -1;
        line_start = line_end + 1;
        continue;
      }
      long parent = opener == kNone ? indent : opener;
      char prev = '\n';       // the last indicator or token on this line
      long token_column = 0;  // where the last token started
      bool in_plain = false;
      size_t j = line_start;
      if (IsMarker(line, "---")) {
        j += 3;
        prev = ':';
        parent = -1;
      }
      while (j < line_end) {
        const char c = text_[j];
        if (c == ' ' || c == '\t' || c == '\r') {
          ++j;
          continue;
        }
        const long column = static_cast<long>(j - line_start);
        const bool space_before = j == line_start || text_[j - 1] == ' ' || text_[j - 1] == '\t';
        if (c == '#' && space_before) break;
        const bool indicator_follows = j + 1 >= n || IsSpace(text_[j + 1]);
        if (in_plain) {
          if (c == ':' && indicator_follows) {  // the plain scalar was a key
            in_plain = false;
            prev = ':';
            parent = token_column;
          }
          ++j;
          continue;
        }
        const bool node_start =
            space_before && (prev == '\n' || prev == '-' || prev == '?' || prev == ':');
        if (node_start && (c == '&' || c == '!')) {  // an anchor or a tag: skip it
          while (j < line_end && !IsSpace(text_[j])) ++j;
          continue;
        }
        if (node_start && (c == '[' || c == '{' || c == '"' || c == '\'')) {
          const size_t end = (c == '[' || c == '{') ? Flow(j) : QuotedEnd(j);
          if (end == kNpos) return;  // over a limit, or unterminated: stop
          j = end;
          if (j > line_end) {  // continued over lines: go on from the last one
            line_start = text_.rfind('\n', j - 1) + 1;
            line_end = LineEnd(line_start);
          }
          prev = c;
          token_column = column;
          continue;
        }
        if (node_start && (c == '|' || c == '>')) {
          if (parent == -1 && !TopLevelBlockScalarIsIndented(j)) return;
          skip_indent = parent;  // the block scalar's text
          break;
        }
        if (c == ':' && indicator_follows) {  // after a quoted or flow key
          prev = c;
          parent = token_column;
        } else if (node_start && (c == '-' || c == '?') && indicator_follows) {
          prev = c;
          parent = column;
        } else {
          in_plain = true;  // a plain scalar, or anything we do not classify
          token_column = column;
        }
        ++j;
      }
      if (in_plain) skip_indent = parent;
      const bool ends_open = !in_plain && (prev == ':' || prev == '-' || prev == '?');
      opener = ends_open ? parent : kNone;
      line_start = line_end + 1;
    }
  }

 private:
  // yaml-cpp 0.7 cannot read a top-level block scalar whose text starts in
  // column 1 (it ends the scalar and starts another document there, which can
  // be a huge flow collection): report it.
  bool TopLevelBlockScalarIsIndented(size_t header) {
    for (size_t from = LineEnd(header) + 1; from < text_.size(); from = LineEnd(from) + 1) {
      const size_t end = LineEnd(from);
      const size_t first = text_.find_first_not_of(" \t\r", from);
      if (first >= end) continue;  // an empty line
      const std::string_view line = text_.substr(from, end - from);
      if (first != from || IsMarker(line, "---") || IsMarker(line, "...")) return true;
      Report(lines_, from,
             "the text of a top-level block scalar must be indented (yaml-cpp 0.7 cannot "
             "read it otherwise)",
             out_);
      return false;
    }
    return true;
  }

  size_t LineEnd(size_t from) const {
    const size_t e = text_.find('\n', from);
    return e == kNpos ? text_.size() : e;
  }

  size_t QuotedEnd(size_t start) const {
    return text_[start] == '"' ? ScanDoubleQuoted(text_, start, nullptr, nullptr)
                               : ScanSingleQuoted(text_, start);
  }

  bool Count(size_t offset) {
    if (++tokens_ <= max_nodes_) return true;
    Report(lines_, offset, fmt::format("more than {} YAML nodes", max_nodes_), out_);
    return false;
  }

  // From the `[` or `{` at `start`: the offset after the matching bracket, or
  // kNpos (a limit was reported, or the input ended).
  size_t Flow(size_t start) {
    size_t depth = 0;
    char prev = '[';
    for (size_t k = start; k < text_.size();) {
      const char c = text_[k];
      if (IsSpace(c)) {
        ++k;
        continue;
      }
      if (c == '#' && (k == 0 || IsSpace(text_[k - 1]))) {
        k = LineEnd(k);
        continue;
      }
      if ((c == '"' || c == '\'') && std::string_view("[{,:?").find(prev) != kNpos) {
        k = QuotedEnd(k);
        if (k == kNpos) return kNpos;
        prev = c;
        continue;
      }
      // Entries are counted by their `,` and `: `: at most two per entry, and
      // an entry with both is a key and a value, so never more than the nodes.
      if (c == '[' || c == '{') {
        if (++depth > max_depth_) {
          Report(lines_, k, fmt::format("nesting deeper than {} levels", max_depth_), out_);
          return kNpos;
        }
      } else if (c == ']' || c == '}') {
        if (--depth == 0) return k + 1;
      } else if (c == ',') {
        if (!Count(k)) return kNpos;
      } else if (c == ':') {
        const char next = k + 1 < text_.size() ? text_[k + 1] : ' ';
        if ((IsSpace(next) || std::string_view(",[]{}").find(next) != kNpos) && !Count(k)) {
          return kNpos;
        }
      }
      prev = c;
      ++k;
    }
    return kNpos;
  }

  std::string_view text_;
  const LineIndex& lines_;
  size_t max_depth_;
  size_t max_nodes_;
  std::vector<Problem>* out_;
  size_t tokens_ = 0;
};

}  // namespace

void CheckFlowLimits(std::string_view text, const LineIndex& lines, size_t max_depth,
                     size_t max_nodes, std::vector<Problem>* out) {
  FlowLimitScanner(text, lines, max_depth, max_nodes, out).Run();
}

void CheckAfterParse(std::string_view text, const LineIndex& lines, const ParseFacts& facts,
                     std::vector<Problem>* out) {
  // Quoted scalars: terminated, valid escapes, and followed by a separator.
  std::vector<std::pair<size_t, size_t>> quoted;  // start, end (kNpos: unterminated)
  for (size_t start : facts.quoted_scalars) {
    const bool dq = text[start] == '"';
    const size_t end =
        dq ? ScanDoubleQuoted(text, start, &lines, out) : ScanSingleQuoted(text, start);
    quoted.emplace_back(start, end);
    if (end == kNpos) {
      Report(lines, start,
             dq ? "unterminated double-quoted string" : "unterminated single-quoted string", out);
    } else if (end < text.size()) {
      const char c = text[end];
      if (c == '#') {
        Report(lines, end, "comment must be preceded by whitespace", out);
      } else if (std::string_view(" \t\r\n:,]}").find(c) == kNpos) {
        Report(lines, end, "unexpected `" + CharAt(text, end) + "` after a quoted string", out);
      }
    }
  }
  std::sort(quoted.begin(), quoted.end());
  for (const ParseFacts::BlockScalar& block : facts.block_scalars) {
    CheckBlockScalar(text, lines, block, out);
  }
  const auto flows = CheckFlowCollections(text, lines, facts, quoted, out);
  if (facts.block_root) CheckColumnOne(lines, facts, out);
  // yaml-cpp takes a `%` line after the root for the directives of a next
  // document, and then accepts that there is none.
  if (const size_t end = RootEnd(text, facts, quoted, flows); end != kNpos) {
    for (uint32_t ln = lines.At(end).line + 1; ln <= lines.line_count(); ++ln) {
      if (lines.Line(ln).substr(0, 1) == "%") {
        Report(lines, lines.LineStart(ln), "directives are not allowed; remove the `%` line", out);
      }
    }
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
}

}  // namespace vendorlint::yaml::internal
