// Issue 8, item 3: a failed write to standard output is an error (exit 2 and
// one line on stderr) for every command, not a lost report with exit 0.
// Each case gives the binary a broken stdout: a full disk (/dev/full), a
// closed descriptor (`>&-`), and a pipe whose reader has gone with SIGPIPE
// ignored (EPIPE).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>
#include <vector>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::SourceDir;

struct StdoutRun {
  int exit_code = -1;
  std::string err;
};

// Runs the binary in the source tree with stderr captured and stdout set up
// by `stdout_setup` in the child.
StdoutRun RunWithStdout(const std::vector<std::string>& args,
                  const std::function<void()>& stdout_setup) {
  std::string err_path = MakeTempDir() + "/stderr";
  std::string bin = testing::BinaryPath();
  std::string cwd = SourceDir();
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  argv.push_back(bin.data());
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (e < 0) _exit(127);
    dup2(e, 2);
    close(e);
    stdout_setup();
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  StdoutRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = ReadFileOrDie(err_path);
  return r;
}

// Every command that prints something on stdout.
const std::vector<std::vector<std::string>> kCommands = {
    {"check"},
    {"check", "--format", "sarif"},
    {"validate"},
    {"providers"},
    {"rules"},
    {"explain", "personal-data-encrypted-at-rest"},
    {"test"},
    {"--help"},
    {"--version"},
};

TEST(StandardOutput, FullDiskIsAnError) {
  for (const auto& args : kCommands) {
    StdoutRun r = RunWithStdout(args, [] {
      int fd = open("/dev/full", O_WRONLY);
      dup2(fd, 1);
    });
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << r.err;
    EXPECT_TRUE(
        r.err.ends_with("vendorlint: error: cannot write to standard output: No space left on "
                        "device\n"))
        << args[0] << ": " << r.err;
  }
}

TEST(StandardOutput, ClosedStdoutIsAnError) {
  for (const auto& args : kCommands) {
    StdoutRun r = RunWithStdout(args, [] { close(1); });
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << r.err;
    EXPECT_TRUE(
        r.err.ends_with("vendorlint: error: cannot write to standard output: Bad file "
                        "descriptor\n"))
        << args[0] << ": " << r.err;
  }
}

TEST(StandardOutput, ClosedPipeWithSigpipeIgnoredIsAnError) {
  for (const auto& args : kCommands) {
    StdoutRun r = RunWithStdout(args, [] {
      int p[2];
      if (pipe(p) != 0) _exit(127);
      close(p[0]);  // the reader has gone before the first write
      dup2(p[1], 1);
      signal(SIGPIPE, SIG_IGN);
    });
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << r.err;
    EXPECT_TRUE(r.err.ends_with("vendorlint: error: cannot write to standard output: Broken pipe\n"))
        << args[0] << ": " << r.err;
  }
}

// Writing nothing to a closed stdout is no error: `check -o FILE >&-`.
TEST(StandardOutput, NothingWrittenNothingToReport) {
  std::string dir = MakeTempDir();
  StdoutRun r = RunWithStdout({"check", "-o", dir + "/r.txt"}, [] { close(1); });
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the project's own gate fails
  EXPECT_EQ(r.err.find("standard output"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vendorlint
