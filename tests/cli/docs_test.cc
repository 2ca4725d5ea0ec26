// The examples in docs/ are run: every `<!-- run: ARGS -->` comment in
// docs/output.md is followed by a fenced block holding vendorlint's exact
// stdout for ARGS, run from the project root.
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;

struct Example {
  std::vector<std::string> args;
  std::string expected;
  int line = 0;
};

std::vector<Example> Examples(const std::string& doc) {
  std::vector<Example> out;
  std::istringstream in(doc);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const std::string tag = "<!-- run: ";
    if (!line.starts_with(tag)) continue;
    Example ex;
    ex.line = n;
    std::istringstream words(line.substr(tag.size(), line.rfind(" -->") - tag.size()));
    for (std::string w; words >> w;) ex.args.push_back(w);
    std::getline(in, line);  // ```lang
    ++n;
    while (std::getline(in, line) && line != "```") {
      ++n;
      ex.expected += line + "\n";
    }
    ++n;
    out.push_back(ex);
  }
  return out;
}

TEST(Docs, OutputExamplesAreWhatVendorlintPrints) {
  auto examples = Examples(ReadFileOrDie(SourceDir() + "/docs/output.md"));
  ASSERT_GE(examples.size(), 2u);
  for (const auto& ex : examples) {
    auto r = RunVendorlint(ex.args, SourceDir());
    EXPECT_EQ(r.out, ex.expected) << "docs/output.md:" << ex.line;
  }
}

}  // namespace
}  // namespace vendorlint
