// Records for auditors (issue 13), built from the registry alone:
//  - the records of processing activities (RoPA), GDPR Art. 30(1)/(2)-shaped:
//    a row per processing activity, i.e. per provider data flow (a provider
//    with no recorded flow gets one row whose data columns say "not stated");
//  - the sub-processor list with the SCC Annex IV / EDPB Opinion 22/2024
//    identity and location fields: a row per provider.
// A cell is never empty: what the registry does not state is "not stated".
// Rows follow the registry's order (providers by id, flows as written).
#ifndef VENDORLINT_REPORT_RECORDS_H_
#define VENDORLINT_REPORT_RECORDS_H_

#include <string>
#include <vector>

#include "model/registry.h"

namespace vendorlint {

struct RecordTable {
  std::string title;                  // sheet name, heading
  std::vector<std::string> keys;      // JSON member names, snake_case
  std::vector<std::string> headers;   // column headings for people
  std::vector<std::vector<std::string>> rows;
};

RecordTable RopaTable(const Registry& registry);
RecordTable SubprocessorTable(const Registry& registry);

// RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted
// with its quotes doubled. A field starting with = + - or @ gets a leading '
// so that a spreadsheet shows it instead of running it as a formula.
std::string CsvField(std::string_view s);
std::string TableCsv(const RecordTable& table);
// {"title": ..., "rows": [{key: value, ...}]}
std::string TableJson(const RecordTable& table);
// A heading and a GitHub-flavoured table.
std::string TableMarkdown(const RecordTable& table);
// One worksheet with a bold, frozen header row and a filter, through
// libxlsxwriter; cells are strings (never formulas). Same input, same bytes.
bool TableXlsx(const RecordTable& table, std::string* bytes, std::string* error);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_RECORDS_H_
