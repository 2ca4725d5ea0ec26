// The examples in docs/ are run: every `<!-- run: ARGS -->` comment in
// docs/output.md and docs/render.md is followed by a fenced block holding vendorlint's exact
// stdout for ARGS, run from the project root; the provider and organization
// examples in docs/registry.md are validated against the real taxonomy.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

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

// docs/render.md's examples: the rendered page and a reconciliation.
TEST(Docs, RenderExamplesAreWhatVendorlintPrints) {
  auto examples = Examples(ReadFileOrDie(SourceDir() + "/docs/render.md"));
  ASSERT_EQ(examples.size(), 2u);
  for (const auto& ex : examples) {
    auto r = RunVendorlint(ex.args, SourceDir());
    EXPECT_EQ(r.out, ex.expected) << "docs/render.md:" << ex.line;
  }
}

// The bodies of the ```yaml blocks of `doc`, in order.
std::vector<std::string> YamlBlocks(const std::string& doc) {
  std::vector<std::string> out;
  const std::string open = "```yaml\n";
  for (size_t at = doc.find(open); at != std::string::npos; at = doc.find(open, at)) {
    at += open.size();
    size_t end = doc.find("```", at);
    if (end == std::string::npos) break;
    out.push_back(doc.substr(at, end - at));
    at = end + 3;
  }
  return out;
}

// Every full provider example (a block starting with `id: `) and the
// organization.yaml example (starting with `name: ` and holding `disclosures:`)
// in docs/registry.md is written into a copy of registry/ and must validate:
// the field tables describe what the loader accepts, and analysts copy these.
TEST(Docs, RegistryExamplesValidate) {
  auto blocks = YamlBlocks(ReadFileOrDie(SourceDir() + "/docs/registry.md"));
  std::string dir = MakeTempDir() + "/reg";
  fs::copy(SourceDir() + "/registry", dir, fs::copy_options::recursive);
  std::vector<std::string> ids;
  int organizations = 0;
  for (const auto& block : blocks) {
    if (block.starts_with("id: ")) {
      std::string id = block.substr(4, block.find_first_of(" #\n", 4) - 4);
      ids.push_back(id);
      WriteFileOrDie(dir + "/providers/" + id + ".yaml", block);
    } else if (block.starts_with("name: ") && block.find("\ndisclosures:") != std::string::npos) {
      ++organizations;
      WriteFileOrDie(dir + "/organization.yaml", block);
    }
  }
  // The shortened real provider and the one that uses every field.
  EXPECT_EQ(ids, (std::vector<std::string>{"mongodb-atlas", "read-aloud-coach"}));
  EXPECT_EQ(organizations, 1);
  auto r = RunVendorlint({"validate", "--registry", dir}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // The registry's 29 providers plus read-aloud-coach (mongodb-atlas is replaced).
  EXPECT_TRUE(r.out.starts_with(dir + ": valid: 30 providers, ")) << r.out;
}

}  // namespace
}  // namespace vendorlint
