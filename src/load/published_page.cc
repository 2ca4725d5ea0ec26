#include "load/published_page.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "load/byte_checks.h"
#include "load/limited_read.h"
#include "load/yaml_document.h"

namespace vendorlint {
namespace {

using yaml::internal::LineIndex;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

// The five entities the writers use (&amp; &lt; &gt; &quot; &#39;) decoded.
std::string DecodeEntities(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    if (s[i] == '&')
      for (const auto& [name, c] : kEntities)
        if (s.substr(i).starts_with(name)) {
          out += c;
          i += name.size() - 1;
          done = true;
          break;
        }
    if (!done) out += s[i];
  }
  return out;
}

// Markdown backslash escapes (`\_`, `\|`) removed; other text kept.
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
    out += s[i];
  }
  return out;
}

// Where `c` closes the bracket opened at `open` (skipping escapes and nested
// pairs), or npos.
size_t Closing(std::string_view s, size_t open, char o, char c) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == o) ++depth;
    if (s[i] == c && --depth == 0) return i;
  }
  return std::string_view::npos;
}

struct Cell {
  std::string_view text;  // trimmed
  size_t offset = 0;      // byte offset of text in the page
};

// The cells of a pipe-table row; `offset` is the line's offset in the page.
std::vector<Cell> SplitRow(std::string_view line, size_t offset) {
  std::vector<Cell> cells;
  size_t start = 0;
  auto add = [&](size_t end) {
    std::string_view raw = line.substr(start, end - start);
    size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
    cells.push_back({Trim(raw), offset + start + lead});
  };
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      add(i);
      start = i + 1;
    }
  }
  add(line.size());
  // A leading and a trailing pipe leave empty cells outside the table.
  if (!cells.empty() && cells.front().text.empty() && Trim(line).starts_with('|'))
    cells.erase(cells.begin());
  if (!cells.empty() && cells.back().text.empty() && Trim(line).ends_with('|')) cells.pop_back();
  return cells;
}

bool IsDelimiterRow(std::string_view line) {
  line = Trim(line);
  if (!line.starts_with('|') || line.find('-') == std::string_view::npos) return false;
  return line.find_first_not_of("|-: \t") == std::string_view::npos;
}

// A heading's level (1..6) and text, or level 0.
int Heading(std::string_view line, std::string_view* text) {
  size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  std::string_view rest = Trim(line.substr(i + hashes));
  while (!rest.empty() && rest.back() == '#') rest.remove_suffix(1);
  *text = Trim(rest);
  return text->empty() ? 0 : static_cast<int>(hashes);
}

// The provider name and link of a Markdown name cell.
void ReadNameCell(const Cell& cell, const LineIndex& lines, PageRow* row) {
  std::string_view s = cell.text;
  auto pos = lines.At(cell.offset);
  row->line = pos.line;
  row->column = pos.column;
  if (s.starts_with('[')) {
    size_t close = Closing(s, 0, '[', ']');
    if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
      size_t end = Closing(s, close + 1, '(', ')');
      if (end != std::string_view::npos) {
        row->name = DecodeEntities(Unescape(Trim(s.substr(1, close - 1))));
        std::string_view url = Trim(s.substr(close + 2, end - close - 2));
        if (url.starts_with('<') && url.ends_with('>')) url = url.substr(1, url.size() - 2);
        auto at = lines.At(cell.offset + close + 2);
        row->link = PageText{std::string(url), at.line, at.column};
        return;
      }
    }
  }
  row->name = DecodeEntities(Unescape(s));
}

struct Reader {
  std::string_view path;
  std::string_view text;
  const LineIndex& lines;
  std::vector<Diagnostic>* diags;

  void Error(uint32_t line, uint32_t column, std::string message) {
    diags->push_back({std::string(path), line, column, Severity::kError, std::move(message)});
  }

  void Markdown(PublishedPage* page) {
    std::optional<PageText> section;
    const auto n = static_cast<uint32_t>(lines.line_count());
    for (uint32_t i = 1; i <= n; ++i) {
      std::string_view line = lines.Line(i);
      std::string_view heading;
      if (int level = Heading(line, &heading); level != 0) {
        auto at = lines.At(lines.LineStart(i) + static_cast<size_t>(heading.data() - line.data()));
        if (level == 1) section.reset();
        else section = PageText{DecodeEntities(Unescape(heading)), at.line, at.column};
        continue;
      }
      if (!Trim(line).starts_with('|') || i == n || !IsDelimiterRow(lines.Line(i + 1))) continue;
      std::vector<Cell> header = SplitRow(line, lines.LineStart(i));
      bool providers = !header.empty() && ContainsNoCase(header.front().text, "provider");
      PageTable table;
      table.line = i;
      table.section = section;
      i += 2;
      for (; i <= n && Trim(lines.Line(i)).starts_with('|'); ++i) {
        if (!providers) continue;
        std::vector<Cell> cells = SplitRow(lines.Line(i), lines.LineStart(i));
        PageRow row;
        if (cells.empty() || cells.front().text.empty()) {
          auto at = lines.At(lines.LineStart(i));
          Error(at.line, at.column,
                "a row of the provider table has no provider name in its first cell; name the "
                "provider or remove the row");
          continue;
        }
        ReadNameCell(cells.front(), lines, &row);
        table.rows.push_back(std::move(row));
      }
      --i;  // the loop's ++i moves past the last row
      if (providers) page->tables.push_back(std::move(table));
    }
  }

  // --- HTML, as `vendorlint render --format html` writes it ---
  // A single forward scan over the tags (lowercase, as the renderer writes
  // them): linear in the page, whatever it holds.

  // The text of an element's content: tags dropped, the five entities decoded.
  static std::string HtmlText(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '<') {
        size_t end = s.find('>', i);
        if (end == std::string_view::npos) break;
        i = end;
        continue;
      }
      out += s[i];
    }
    return DecodeEntities(Trim(out));
  }

  // Whether `<name` starts at `at` (followed by '>' or a space).
  bool TagAt(size_t at, std::string_view name) const {
    if (text.compare(at + 1, name.size(), name) != 0) return false;
    size_t next = at + 1 + name.size();
    return next < text.size() && (text[next] == '>' || text[next] == ' ');
  }

  // The content of the element whose start tag begins at `at`, up to
  // `</name>` (or, unclosed, `limit`); npos offset when the start tag is cut.
  std::string_view Content(std::string_view name, size_t at, size_t limit, size_t* offset) const {
    size_t start = text.find('>', at);
    if (start == std::string_view::npos || start >= limit) {
      *offset = std::string_view::npos;
      return {};
    }
    ++start;
    size_t end = text.substr(0, limit).find("</" + std::string(name) + ">", start);
    if (end == std::string_view::npos) end = limit;
    *offset = start;
    return text.substr(start, end - start);
  }

  void HtmlRow(size_t tr, size_t next_tr, PageTable* table) {
    size_t td = text.substr(0, next_tr).find("<td", tr);
    if (td == std::string_view::npos) return;  // a header row
    size_t c = 0;
    std::string_view cell = Content("td", td, next_tr, &c);
    if (c == std::string_view::npos) return;
    PageRow row;
    auto at = lines.At(c);
    row.line = at.line;
    row.column = at.column;
    row.name = HtmlText(cell);
    size_t href = cell.find("href=\"");
    if (href != std::string_view::npos) {
      size_t end = cell.find('"', href + 6);
      if (end != std::string_view::npos) {
        auto link_at = lines.At(c + href + 6);
        row.link = PageText{HtmlText(cell.substr(href + 6, end - href - 6)), link_at.line,
                            link_at.column};
      }
      // The name is the link's text; what follows it (a note) is not.
      size_t a_end = cell.find("</a>");
      if (a_end != std::string_view::npos) row.name = HtmlText(cell.substr(0, a_end));
    }
    if (row.name.empty()) {
      Error(at.line, at.column,
            "a row of the provider table has no provider name in its first cell; name the "
            "provider or remove the row");
      return;
    }
    table->rows.push_back(std::move(row));
  }

  void HtmlTable(size_t at, size_t end, std::optional<PageText> section, PublishedPage* page) {
    PageTable table;
    table.line = lines.At(at).line;
    table.section = std::move(section);
    std::string_view body = text.substr(0, end);
    size_t th = body.find("<th", at);
    if (th == std::string_view::npos) return;
    size_t c = 0;
    if (!ContainsNoCase(HtmlText(Content("th", th, end, &c)), "provider")) return;
    size_t tr = body.find("<tr", at);
    while (tr != std::string_view::npos) {
      size_t next_tr = body.find("<tr", tr + 3);
      HtmlRow(tr, next_tr == std::string_view::npos ? end : next_tr, &table);
      tr = next_tr;
    }
    page->tables.push_back(std::move(table));
  }

  void Html(PublishedPage* page) {
    std::optional<PageText> section;
    for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
      if (at + 2 < text.size() && text[at + 1] == 'h' && text[at + 2] >= '1' && text[at + 2] <= '6' &&
          TagAt(at, text.substr(at + 1, 2))) {
        std::string name(text.substr(at + 1, 2));
        size_t close = text.find("</" + name + ">", at);
        size_t limit = close == std::string_view::npos ? text.size() : close;
        size_t c = 0;
        std::string heading = HtmlText(Content(name, at, limit, &c));
        if (c == std::string_view::npos) break;
        if (name == "h1") {
          section.reset();
        } else {
          auto pos = lines.At(c);
          section = PageText{heading, pos.line, pos.column};
        }
        at = limit;
      } else if (TagAt(at, "table")) {
        size_t close = text.find("</table>", at);
        size_t end = close == std::string_view::npos ? text.size() : close;
        HtmlTable(at, end, section, page);
        at = end;
      }
      if (at >= text.size()) break;
    }
  }
};

bool LooksLikeHtml(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  text.remove_prefix(start);
  return ContainsNoCase(text.substr(0, 14), "<!doctype html") ||
         ContainsNoCase(text.substr(0, 5), "<html");
}

}  // namespace

bool PublishedPage::Sectioned() const {
  return std::any_of(tables.begin(), tables.end(), [](const PageTable& t) { return t.section.has_value(); });
}

bool ParsePublishedPage(std::string_view path, std::string_view bytes, PublishedPage* page,
                        std::vector<Diagnostic>* diags) {
  page->path = std::string(path);
  page->tables.clear();
  yaml::Limits limits;
  limits.max_bytes = kMaxPageBytes;
  const size_t before = diags->size();
  if (bytes.size() > limits.max_bytes) {
    diags->push_back({std::string(path), 0, 0, Severity::kError,
                      fmt::format("the page is larger than {} ({} bytes); a published page is read "
                                  "whole, so the limit is fixed",
                                  yaml::internal::FormatSize(limits.max_bytes), bytes.size())});
    return false;
  }
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const LineIndex lines(text);
  std::vector<yaml::internal::Problem> problems;
  size_t total = yaml::internal::CheckBytes(text, limits.max_errors, &problems);
  for (const auto& p : problems)
    diags->push_back({std::string(path), p.line, p.column, Severity::kError,
                      p.message + "; a published page must be UTF-8 text without control "
                                  "characters (remove it)"});
  if (total > problems.size())
    diags->push_back({std::string(path), 0, 0, Severity::kNote,
                      fmt::format("{} more byte-level errors not shown", total - problems.size())});
  for (uint32_t i = 1; i <= lines.line_count(); ++i) {
    size_t length = lines.Line(i).size();
    if (length > kMaxPageLineBytes)
      diags->push_back({std::string(path), i, 1, Severity::kError,
                        fmt::format("line is {} bytes long; a page line may be at most {} (is this "
                                    "a published page?)",
                                    length, yaml::internal::FormatSize(kMaxPageLineBytes))});
  }
  if (diags->size() != before) return false;
  Reader reader{path, text, lines, diags};
  if (LooksLikeHtml(text)) reader.Html(page);
  else reader.Markdown(page);
  if (diags->size() != before) return false;
  if (page->tables.empty()) {
    diags->push_back({std::string(path), 1, 1, Severity::kError,
                      "no provider table: expected a Markdown table whose first header cell names "
                      "the provider (`| Provider | How it is used | What is shared |` and a "
                      "`|---|---|---|` line below it), or the HTML page `vendorlint render "
                      "--format html` writes"});
    return false;
  }
  return true;
}

bool ReadPublishedPage(const std::string& path, PublishedPage* page, std::vector<Diagnostic>* diags) {
  std::string bytes;
  yaml::Limits limits;
  limits.max_bytes = kMaxPageBytes;
  if (!yaml::ReadFileLimited(path, limits, &bytes, diags)) return false;
  return ParsePublishedPage(path, bytes, page, diags);
}

}  // namespace vendorlint
