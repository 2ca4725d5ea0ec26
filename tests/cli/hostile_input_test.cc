// Every hostile-input class from the loader's threat model, through the
// binary: exit 2 and a first diagnostic naming the problem at its position.
// (The loader's own tests cover each class in depth; this pins the user-facing
// contract, and runs under ASan+UBSan in ci/test.)
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;

struct Case {
  const char* name;
  std::string content;
  const char* first_line;  // after "reg/providers/x.yaml"
};

TEST(HostileInput, IsRejectedWithALocatedMessage) {
  const std::vector<Case> cases = {
      {"duplicate key", "id: x\nname: a\nname: b\n",
       ":3:1: error: duplicate key `name` (first at line 2)"},
      {"alias cycle", "a: &a [*a]\n",
       ":1:4: error: anchors are not allowed; write the value out in full"},
      {"billion laughs", "a: &a [x,x]\nb: &b [*a,*a]\nc: [*b,*b]\n",
       ":1:4: error: anchors are not allowed; write the value out in full"},
      {"second document", "id: x\n---\nid: y\n",
       ":2:1: error: more than one document; put each document in a file of its own"},
      {"lone comma", ",", ":1:1: error: unexpected `,`"},
      {"deep nesting", "a: " + std::string(100000, '['),
       ":1:36: error: nesting deeper than 32 levels"},
      {"huge file", "a: " + std::string(2000000, 'x') + "\n",
       ": error: file is larger than 1 MiB (2000004 bytes); split it (the limit is fixed)"},
      {"invalid UTF-8", "id: x\nname: \xc3\x28\n", ":2:7: error: invalid UTF-8 byte 0xC3"},
      {"NUL byte", std::string("id: x\nname: a\0b\n", 16), ":2:8: error: NUL byte"},
      {"BOM in mid-file",
       "id: x\nname: a\xef\xbb\xbf"
       "b\n",
       ":2:8: error: byte-order mark after the start of the file"},
      {"control character",
       "id: x\nname: a\x07"
       "b\n",
       ":2:8: error: control character U+0007"},
      {"tag", "id: !!str x\n",
       ":1:5: error: tags are not allowed; quote the value if it must be a string"},
      {"directive", "%YAML 1.2\n---\nid: x\n",
       ":1:1: error: directives are not allowed; remove the `%` line"},
      {"unterminated string", "id: x\nname: \"open\n",
       ":2:7: error: unterminated double-quoted string"},
  };
  std::string base = testing::MakeTempDir();
  std::string reg = base + "/reg";
  fs::copy(testing::SourceDir() + "/tests/load/fixtures/mini", reg, fs::copy_options::recursive);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    testing::WriteFileOrDie(reg + "/providers/x.yaml", c.content);
    auto r =
        testing::RunVendorlint({"validate", "--registry", "reg", "--rules", base + "/none"}, base);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
              std::string("reg/providers/x.yaml") + c.first_line);
  }
}

}  // namespace
}  // namespace vendorlint
