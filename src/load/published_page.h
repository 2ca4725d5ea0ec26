// The reader of a published "service providers" page (`vendorlint reconcile
// PAGE`, docs/render.md): a Markdown page with pipe tables, as the earlier
// edition of the disclosure (shared/seeds/000) or `vendorlint render --format
// markdown` writes it, or the HTML page `render --format html` writes.
//
// What is read:
//  - headings (`#`..`######`, in HTML <h1>..<h6>): a table's section is the
//    nearest heading of level 2 or deeper above it, after the last level-1
//    heading (the page title); a table with none is unsectioned.
//  - provider tables: a pipe table (header row, delimiter row `|---|`) whose
//    first header cell contains "provider"; other tables (the "By data type"
//    view) are skipped. In HTML: a <table> whose first <th> contains
//    "provider".
//  - per row: the first cell's name (a link's text, else the cell's text,
//    Markdown backslash escapes removed) and the link's URL, if the cell
//    starts with a link.
//
// The page is input: it is read with the registry's byte checks (UTF-8, no
// control characters: an escape sequence in a cell is an error, never echoed),
// at most kMaxPageBytes, a line at most kMaxPageLineBytes long; a page without
// a provider table is invalid.
#ifndef VENDORLINT_LOAD_PUBLISHED_PAGE_H_
#define VENDORLINT_LOAD_PUBLISHED_PAGE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/location.h"

namespace vendorlint {

inline constexpr size_t kMaxPageLineBytes = 64 * 1024;
// Larger than a registry file's limit: a page rendered from a registry of
// 20,000 providers is about 15 MiB, and it must reconcile.
inline constexpr size_t kMaxPageBytes = 16 * 1024 * 1024;

struct PageText {
  std::string text;
  uint32_t line = 0;  // 1-based; 0 when absent
  uint32_t column = 0;
};

struct PageRow {
  uint32_t line = 0;    // the row's line
  uint32_t column = 0;  // the start of the name cell's text
  std::string name;     // as the page names the provider
  std::optional<PageText> link;  // the name cell's link, when it has one
};

struct PageTable {
  uint32_t line = 0;                 // the header row
  std::optional<PageText> section;   // nearest level >= 2 heading; none: unsectioned
  std::vector<PageRow> rows;
};

struct PublishedPage {
  std::string path;
  std::vector<PageTable> tables;  // provider tables only, in page order

  bool Sectioned() const;  // any table has a section
};

// Reads and parses `path`. False with diagnostics (file = path) when the file
// cannot be read, breaks the byte limits, or has no provider table.
bool ReadPublishedPage(const std::string& path, PublishedPage* page, std::vector<Diagnostic>* diags);

// The same on bytes already read (tests, fuzzing).
bool ParsePublishedPage(std::string_view path, std::string_view bytes, PublishedPage* page,
                        std::vector<Diagnostic>* diags);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_PUBLISHED_PAGE_H_
