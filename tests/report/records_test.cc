// Records for auditors: CSV per RFC 4180 with formula-injection protection,
// and the RoPA spreadsheet's structure (read back with a small ZIP reader:
// the central directory, then raw deflate through zlib).
#include "report/records.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <map>
#include <regex>

#include "load/registry_loader.h"
#include "test_support.h"

namespace vendorlint {
namespace {

TEST(Records, CsvQuotesPerRfc4180AndDefusesFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-1"), "'-1");
  EXPECT_EQ(CsvField("@cmd"), "'@cmd");
  EXPECT_EQ(CsvField("=a,b"), "\"'=a,b\"");
  EXPECT_EQ(CsvField("a=b"), "a=b");
  RecordTable t{"T", {"a", "b"}, {"A", "B"}, {{"1", "x,y"}}};
  EXPECT_EQ(TableCsv(t), "A,B\r\n1,\"x,y\"\r\n");
}

uint32_t Le32(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<size_t>(i)]);
  return v;
}
uint16_t Le16(const std::string& s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) |
                               (static_cast<unsigned char>(s[at + 1]) << 8));
}

// Every entry of a ZIP archive, inflated.
std::map<std::string, std::string> Unzip(const std::string& zip) {
  std::map<std::string, std::string> out;
  size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos) return out;
  size_t entries = Le16(zip, eocd + 10);
  size_t at = Le32(zip, eocd + 16);
  for (size_t e = 0; e < entries; ++e) {
    EXPECT_EQ(Le32(zip, at), 0x02014b50u);
    uint16_t method = Le16(zip, at + 10);
    uint32_t csize = Le32(zip, at + 20), usize = Le32(zip, at + 24);
    uint16_t nlen = Le16(zip, at + 28), xlen = Le16(zip, at + 30), clen = Le16(zip, at + 32);
    uint32_t local = Le32(zip, at + 42);
    std::string name = zip.substr(at + 46, nlen);
    size_t data = local + 30 + Le16(zip, local + 26) + Le16(zip, local + 28);
    std::string body(usize, '\0');
    if (method == 0) {
      body = zip.substr(data, csize);
    } else {
      z_stream z{};
      inflateInit2(&z, -15);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = csize;
      z.next_out = reinterpret_cast<Bytef*>(body.data());
      z.avail_out = usize;
      EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END) << name;
      inflateEnd(&z);
    }
    out[name] = body;
    at += 46u + nlen + xlen + clen;
  }
  return out;
}

Registry LoadSmall() {
  Registry reg;
  LoadOptions options;
  options.registry_dir = testing::SourceDir() + "/tests/fixtures/registry-small";
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(LoadRegistry(options, &reg, &diags));
  return reg;
}

TEST(Records, RopaSpreadsheetHasARowPerFlowAndNoBlankOrFormulaCell) {
  Registry reg = LoadSmall();
  RecordTable t = RopaTable(reg);
  ASSERT_EQ(t.rows.size(), 3u);  // CloudHost's two flows, evil's one
  std::string bytes, error;
  ASSERT_TRUE(TableXlsx(t, &bytes, &error)) << error;
  std::string again;
  ASSERT_TRUE(TableXlsx(t, &again, &error));
  EXPECT_EQ(again, bytes);  // same input, same bytes

  auto files = Unzip(bytes);
  ASSERT_TRUE(files.count("xl/worksheets/sheet1.xml")) << files.size();
  ASSERT_TRUE(files.count("xl/sharedStrings.xml"));
  const std::string& sheet = files["xl/worksheets/sheet1.xml"];
  const std::string& strings = files["xl/sharedStrings.xml"];
  EXPECT_NE(sheet.find("<dimension ref=\"A1:O4\"/>"), std::string::npos) << sheet.substr(0, 400);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:O4\"/>"), std::string::npos);
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);  // never a formula
  // 4 rows of 15 string cells each: nothing left blank.
  std::regex cell("<c r=\"[A-O][1-4]\"[^>]* t=\"s\"><v>");
  EXPECT_EQ(std::distance(std::sregex_iterator(sheet.begin(), sheet.end(), cell),
                          std::sregex_iterator()),
            60);
  for (const char* text : {"<t>Processing activity</t>", "<t>not stated</t>",
                           "<t>=CloudHost, Inc.</t>", "<t>processing: US, EU; storage: US</t>",
                           "&lt;script&gt;alert(1)&lt;/script&gt;"})
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  EXPECT_NE(files["docProps/core.xml"].find("2000-01-01T00:00:00Z"), std::string::npos);
}

TEST(Records, EveryCellSaysSomething) {
  Registry reg = LoadSmall();
  for (const RecordTable& t : {RopaTable(reg), SubprocessorTable(reg)}) {
    for (const auto& row : t.rows) {
      EXPECT_EQ(row.size(), t.headers.size());
      for (const auto& cell : row) EXPECT_FALSE(cell.empty()) << t.title;
    }
  }
}

}  // namespace
}  // namespace vendorlint
