// Helpers shared by the tests: paths to the source tree and ../shared, and a
// way to run the vendorlint binary and capture its output and exit code.
#ifndef VENDORLINT_TESTS_TEST_SUPPORT_H_
#define VENDORLINT_TESTS_TEST_SUPPORT_H_

#include <string>
#include <vector>

namespace vendorlint::testing {

// The project's source directory (absolute).
std::string SourceDir();
// ../shared beside the project; empty if it is absent (tests then GTEST_SKIP).
std::string SharedDir();
// Path of the built vendorlint executable.
std::string BinaryPath();

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& content);
// A fresh empty directory under the system temp dir, removed at exit.
std::string MakeTempDir();

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the vendorlint binary with `args` in working directory `cwd`.
// `env` entries ("NAME=value") are added to the environment.
RunResult RunVendorlint(const std::vector<std::string>& args, const std::string& cwd = "",
                        const std::vector<std::string>& env = {});

// Like RunVendorlint, but stdout and stderr are a pseudo-terminal, as for a
// person at a terminal; `out` receives both. `env` entries are set ("NAME=v")
// or, as "-NAME", removed.
RunResult RunVendorlintOnTerminal(const std::vector<std::string>& args, const std::string& cwd,
                                  const std::vector<std::string>& env);

// A copy of the project's registry/ and rules/ in a fresh temp dir (returned),
// for tests that edit them the way a pull request would.
std::string CopyProject();

// Runs ../shared/tools/TOOL with ARGS (stdout and stderr together). Only
// meaningful when SharedDir() is not empty.
struct ToolResult {
  int exit_code = -1;
  std::string output;
};
ToolResult RunSharedTool(const std::string& tool, const std::vector<std::string>& args);

// Compares `actual` with tests/cli/golden/GOLDEN_NAME (a gtest expectation);
// with VL_UPDATE_GOLDEN=1 in the environment it rewrites the file instead.
void ExpectGolden(const std::string& actual, const std::string& golden_name);

}  // namespace vendorlint::testing

#define VL_SKIP_WITHOUT_SHARED()                                          \
  do {                                                                    \
    if (::vendorlint::testing::SharedDir().empty())                       \
      GTEST_SKIP() << "../shared is absent: skipping test that needs it"; \
  } while (0)

#endif  // VENDORLINT_TESTS_TEST_SUPPORT_H_
