// The layers link one way (CMakeLists.txt): each src/ folder may include only
// its own headers and those of the layers below it. The build enforces this
// through per-layer include paths; this test says which include broke it, in
// words, and catches a layer list in CMakeLists.txt drifting from this one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;

namespace vendorlint {
namespace {

const std::vector<std::string> kLayers = {"util", "model", "load", "rules",
                                          "check", "report", "cli"};

TEST(Layering, EveryIncludePointsDown) {
  const std::regex include_re(R"re(^\s*#\s*include\s+"([a-z_]+)/[^"]+")re");
  std::vector<std::string> violations;
  size_t files = 0;
  for (size_t i = 0; i < kLayers.size(); ++i) {
    const fs::path dir = fs::path(testing::SourceDir()) / "src" / kLayers[i];
    ASSERT_TRUE(fs::is_directory(dir)) << dir;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::ifstream in(entry.path());
      std::string line;
      int n = 0;
      ++files;
      while (std::getline(in, line)) {
        ++n;
        std::smatch m;
        if (!std::regex_search(line, m, include_re)) continue;
        auto it = std::find(kLayers.begin(), kLayers.end(), m[1].str());
        if (it == kLayers.end() || static_cast<size_t>(it - kLayers.begin()) > i) {
          violations.push_back(entry.path().string() + ":" + std::to_string(n) + ": " +
                               kLayers[i] + " includes " + m[1].str());
        }
      }
    }
  }
  EXPECT_GT(files, 50u);
  EXPECT_TRUE(violations.empty()) << ::testing::PrintToString(violations);
}

TEST(Layering, CMakeListsDeclaresTheSameLayers) {
  const std::string cmake = testing::ReadFileOrDie(testing::SourceDir() + "/CMakeLists.txt");
  EXPECT_NE(cmake.find("set(VL_LAYERS util model load rules check report cli)"),
            std::string::npos);
}

}  // namespace
}  // namespace vendorlint
