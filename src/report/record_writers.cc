// The formats of report/records.h: CSV, JSON, Markdown, XLSX.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "report/json_writer.h"
#include "report/markdown_report.h"
#include "report/records.h"

namespace vendorlint {

std::string CsvField(std::string_view s) {
  std::string value(s);
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'))
    value.insert(0, "'");
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TableCsv(const RecordTable& t) {
  std::string out;
  auto row = [&out](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\r\n";
  };
  row(t.headers);
  for (const auto& r : t.rows) row(r);
  return out;
}

std::string TableJson(const RecordTable& t) {
  JsonWriter w;
  w.BeginObject();
  w.Member("title", t.title);
  w.Key("rows");
  w.BeginArray();
  for (const auto& r : t.rows) {
    w.BeginObject();
    for (size_t i = 0; i < t.keys.size() && i < r.size(); ++i) w.Member(t.keys[i], r[i]);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.str();
}

std::string TableMarkdown(const RecordTable& t) {
  std::string out = fmt::format("## {}\n\n|", MarkdownEscape(t.title));
  for (const auto& h : t.headers) out += " " + MarkdownEscape(h) + " |";
  out += "\n|";
  for (size_t i = 0; i < t.headers.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : t.rows) {
    out += "|";
    for (const auto& c : r) out += " " + MarkdownEscape(c) + " |";
    out += "\n";
  }
  return out;
}

bool TableXlsx(const RecordTable& t, std::string* bytes, std::string* error) {
  namespace fs = std::filesystem;
  std::string dir_template = (fs::temp_directory_path() / "vendorlint-xlsx-XXXXXX").string();
  if (mkdtemp(dir_template.data()) == nullptr) {
    *error = fmt::format("cannot create a temporary folder for the spreadsheet under {}",
                         fs::temp_directory_path().string());
    return false;
  }
  std::string path = dir_template + "/records.xlsx";
  lxw_workbook_options options = {};
  options.tmpdir = dir_template.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  bool ok = wb != nullptr;
  if (ok) {
    // A fixed creation time: the same registry gives the same bytes.
    lxw_doc_properties props = {};
    std::string title = t.title, creator = "vendorlint";
    props.title = title.data();
    props.author = creator.data();
    props.created = 946684800;  // 2000-01-01T00:00:00Z
    workbook_set_properties(wb, &props);
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.title.substr(0, 31).c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    format_set_bg_color(bold, 0xDDE6F3);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    for (size_t c = 0; c < t.headers.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      worksheet_set_column(ws, col, col, c == 0 ? 48 : 26, nullptr);
      worksheet_write_string(ws, 0, col, t.headers[c].c_str(), bold);
    }
    for (size_t r = 0; r < t.rows.size(); ++r)
      for (size_t c = 0; c < t.rows[r].size(); ++c)
        worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                               t.rows[r][c].c_str(), wrap);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.headers.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                           static_cast<lxw_col_t>(t.headers.size() - 1));
    lxw_error e = workbook_close(wb);
    ok = e == LXW_NO_ERROR;
    if (!ok) *error = fmt::format("libxlsxwriter could not write the spreadsheet: {}", lxw_strerror(e));
  } else {
    *error = "libxlsxwriter could not start a workbook";
  }
  if (ok) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    *bytes = data.str();
    ok = in.good() || in.eof();
    if (!ok) *error = "cannot read back the spreadsheet libxlsxwriter wrote";
  }
  std::error_code ec;
  fs::remove_all(dir_template, ec);
  return ok;
}

}  // namespace vendorlint
