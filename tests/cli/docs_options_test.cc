// The docs and the options agree: every `vendorlint COMMAND ... --option`
// written in README.md and docs/*.md names a command that exists and options
// that command takes (command_table.h), so a renamed or removed option
// cannot live on in the documentation.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "cli/command_table.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFileOrDie;
using testing::SourceDir;

struct Usage {
  std::string where;  // file:line
  std::string command;
  std::vector<std::string> options;
};

// Every "vendorlint WORD ..." on a line, up to the end of its code span (a
// backtick) or the line; a trailing `\` continues the command on the next line.
std::vector<Usage> UsagesIn(const std::string& file, const std::string& content) {
  std::vector<Usage> out;
  std::istringstream in(content);
  std::string line, carried;
  int n = 0;
  const std::regex command(R"((?:^|[\s`/(])vendorlint\s+([a-z][a-z-]*)([^`]*))");
  while (std::getline(in, line)) {
    ++n;
    std::string text = carried + line;
    carried.clear();
    if (!text.empty() && text.back() == '\\') {
      carried = text.substr(0, text.size() - 1) + " ";
      continue;
    }
    for (std::sregex_iterator it(text.begin(), text.end(), command), end; it != end; ++it) {
      Usage u{file + ":" + std::to_string(n), (*it)[1], {}};
      std::istringstream words((*it)[2].str());
      for (std::string w; words >> w;) {
        if (w == "#" || w == "|" || w == "&&" || w == ";") break;
        if (w.starts_with("--")) u.options.push_back(w.substr(2, w.find('=') - 2));
      }
      out.push_back(u);
    }
  }
  return out;
}

TEST(DocsOptions, EveryDocumentedOptionExistsForItsCommand) {
  std::vector<std::string> files = {"README.md"};
  for (const auto& e : fs::directory_iterator(SourceDir() + "/docs"))
    if (e.path().extension() == ".md") files.push_back("docs/" + e.path().filename().string());
  size_t checked = 0;
  for (const auto& f : files) {
    for (const Usage& u : UsagesIn(f, ReadFileOrDie(SourceDir() + "/" + f))) {
      const CommandSpec* c = FindCommand(u.command);
      // Prose such as "vendorlint checks a registry" is not a command line.
      if (c == nullptr) continue;
      for (const auto& o : u.options) {
        EXPECT_TRUE(TakesOption(*c, o))
            << u.where << ": `vendorlint " << u.command << "` takes no --" << o;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 20u) << "the docs parser found too few options; is it still working?";
}

// The parser itself: it must find what a broken doc would contain.
TEST(DocsOptions, TheParserFindsOptionsInCodeSpansAndBlocks) {
  std::vector<Usage> u = UsagesIn("x.md",
                                  "Run `vendorlint check --tag a --as-of=2026-01-01` or\n"
                                  "./build/release/vendorlint test --rules rules \\\n"
                                  "  --rule r  # not --this\n"
                                  "vendorlint checks registries; `vendorlint --help`\n");
  ASSERT_EQ(u.size(), 3u);
  EXPECT_EQ(u[0].where, "x.md:1");
  EXPECT_EQ(u[0].command, "check");
  EXPECT_EQ(u[0].options, (std::vector<std::string>{"tag", "as-of"}));
  EXPECT_EQ(u[1].where, "x.md:3");
  EXPECT_EQ(u[1].command, "test");
  EXPECT_EQ(u[1].options, (std::vector<std::string>{"rules", "rule"}));
  EXPECT_EQ(u[2].command, "checks");  // not a command: skipped by the test above
}

// The README's commands work as written: each `vendorlint ...` line of its
// "Using it" block, run in a copy of the project, is not a usage error.
TEST(DocsOptions, TheReadmeCommandsRun) {
  std::string readme = ReadFileOrDie(SourceDir() + "/README.md");
  size_t start = readme.find("## Using it\n\n```sh\n");
  ASSERT_NE(start, std::string::npos);
  start = readme.find('\n', readme.find("```sh", start)) + 1;
  std::istringstream block(readme.substr(start, readme.find("```", start) - start));
  std::string dir = testing::CopyProject();
  size_t ran = 0;
  for (std::string line; std::getline(block, line);) {
    line = line.substr(0, line.find('#'));
    ASSERT_TRUE(line.starts_with("vendorlint ")) << line;
    std::vector<std::string> args;
    std::istringstream words(line.substr(11));
    for (std::string w; words >> w;) args.push_back(w);
    auto r = testing::RunVendorlint(args, dir);
    EXPECT_TRUE(r.exit_code == 0 || (r.exit_code == 1 && args[0] == "check"))
        << line << ": exit " << r.exit_code << "\n"
        << r.err;
    ++ran;
  }
  EXPECT_GE(ran, 10u);
}

}  // namespace
}  // namespace vendorlint
