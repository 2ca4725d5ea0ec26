// `vendorlint render`: the public "Third Party Service Providers" page
// generated from the registry (docs/render.md), as Markdown or as one
// self-contained HTML page. The shape follows the disclosure's own editions:
// an introduction, one table per section (check/public_sections.h) with each
// provider's privacy link, how the organisation uses it and what is shared,
// received or collected; then the same facts by data type (who receives each
// category, about whom, where it is stored).
//
// Every sentence about data is generated from the facts (taxonomy names for
// categories, subjects, contexts; direction; qualifiers; exclusions), followed
// by the registry's own description; nothing is copied from a seed page. What
// the registry does not state is written "not stated", never left out or
// given a reassuring value. The same registry gives the same bytes.
#ifndef VENDORLINT_REPORT_PUBLIC_PAGE_H_
#define VENDORLINT_REPORT_PUBLIC_PAGE_H_

#include <string>
#include <vector>

#include "model/registry.h"

namespace vendorlint {

struct PublicRow {
  std::string name;
  std::string url;        // "" when the registry records no link
  std::string link_kind;  // "" for a privacy policy, else the kind ("terms")
  std::string how;        // how the organisation uses it
  std::string what;       // what is shared, received or collected
};

struct PublicTable {
  std::string section;
  std::vector<PublicRow> rows;  // by name, case-insensitively
};

struct DataTypeRow {
  std::string category_key;
  std::string category;   // the taxonomy's name
  std::string recipient;  // "Blueshift", or "ClassDojo, from MDR Education"
  std::string about;      // whom, or "not stated"
  std::string stored;     // where, or "not stated"
};

struct PublicPage {
  std::string title;
  std::string intro;
  std::vector<PublicTable> tables;
  std::vector<DataTypeRow> by_type;  // by category key, then recipient
};

PublicPage BuildPublicPage(const Registry& registry);

// The column headings; the first names the provider, which is how
// `vendorlint reconcile` (load/published_page.h) finds the table.
inline constexpr const char* kProviderColumn = "Provider (link to its privacy policy)";
inline constexpr const char* kDataTypeColumn = "Data type";

std::string PublicPageMarkdown(const Registry& registry);
std::string PublicPageHtml(const Registry& registry);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_PUBLIC_PAGE_H_
