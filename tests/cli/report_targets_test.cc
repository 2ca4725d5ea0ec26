// Issue 8, items 1, 8 and 9 (options), through the binary: what `-o`,
// `--report` and `--write-baseline` do with devices, FIFOs, /dev/stdout,
// symbolic links, folders and regular files; that several reports are
// written all or none; and that an interrupted run leaves no temporary file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

struct stat Lstat(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(lstat(path.c_str(), &st), 0) << path;
  return st;
}

void MakeDevice(const std::string& path, unsigned minor) {
  ASSERT_EQ(mknod(path.c_str(), S_IFCHR | 0666, makedev(1, minor)), 0) << path;
}

#define VL_SKIP_UNLESS_ROOT() \
  if (geteuid() != 0) GTEST_SKIP() << "mknod and replacing /dev/null need root"

// The report: as root, `-o /dev/null` replaced /dev/null with a
// regular file holding the report.
TEST(ReportTargets, DevNullStaysACharacterDevice) {
  VL_SKIP_UNLESS_ROOT();
  // First on scratch device nodes (1,3 is /dev/null), for every option...
  std::string dir = MakeTempDir();
  for (const char* name : {"/null-o", "/null-report", "/null-baseline"}) MakeDevice(dir + name, 3);
  auto r = RunVendorlint({"check", "-o", dir + "/null-o", "--report", "sarif=" + dir + "/null-report",
                          "--write-baseline", dir + "/null-baseline"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the project's own gate fails
  EXPECT_EQ(r.out, "");
  for (const char* name : {"/null-o", "/null-report", "/null-baseline"}) {
    struct stat st = Lstat(dir + name);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << name;
    EXPECT_EQ(st.st_rdev, makedev(1, 3)) << name;
  }
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"null-baseline", "null-o", "null-report"}));

  // ...then the machine's own, as the README's callgrind command does; only
  // if the scratch nodes survived, so that a broken build cannot replace it.
  if (HasFailure()) return;
  auto real = RunVendorlint({"check", "--format", "json", "-o", "/dev/null"}, SourceDir());
  EXPECT_EQ(real.exit_code, 1) << real.err;
  struct stat st = Lstat("/dev/null");
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(st.st_rdev, makedev(1, 3));
}

// /dev/stdout is a link to /proc/self/fd/1, here a regular file (the test
// captures stdout in one): written to, as the shell's redirection says.
TEST(ReportTargets, DevStdoutIsStandardOutput) {
  auto r = RunVendorlint({"check", "--format", "json", "-o", "/dev/stdout"}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.starts_with("{\n")) << r.out.substr(0, 200);
  EXPECT_TRUE(r.out.ends_with("}\n"));
}

TEST(ReportTargets, SymbolicLinksAreRefused) {
  std::string dir = MakeTempDir();
  WriteFileOrDie(dir + "/real.json", "real");
  fs::create_symlink(dir + "/real.json", dir + "/link.json");
  fs::create_symlink(dir + "/planted.txt", dir + "/dangling.txt");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--report", "json=" + dir + "/link.json"},
        std::vector<std::string>{"-o", dir + "/link.json"},
        std::vector<std::string>{"--write-baseline", dir + "/dangling.txt"}}) {
    std::vector<std::string> all = {"check"};
    all.insert(all.end(), args.begin(), args.end());
    auto r = RunVendorlint(all, SourceDir());
    EXPECT_EQ(r.exit_code, 2) << args[0];
    std::string path = args[1].substr(args[1].find('=') + 1);
    EXPECT_EQ(r.err, "vendorlint: error: " + path +
                         " is a symbolic link; vendorlint does not write reports through links, "
                         "which a pull request could plant: pass the real path\n");
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(ReadFileOrDie(dir + "/real.json"), "real");
  EXPECT_TRUE(fs::is_symlink(dir + "/link.json"));
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"dangling.txt", "link.json", "real.json"}));
}

TEST(ReportTargets, ARegularFileIsReplacedAndKeepsItsMode) {
  std::string dir = MakeTempDir();
  std::string path = dir + "/report.txt";
  WriteFileOrDie(path, "old");
  ASSERT_EQ(chmod(path.c_str(), 0600), 0);
  auto r = RunVendorlint({"check", "-o", path}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  struct stat st = Lstat(path);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_NE(ReadFileOrDie(path).find("gate: FAIL"), std::string::npos);
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"report.txt"});
}

TEST(ReportTargets, FoldersAndEmptyPathsAreUsageErrorsBeforeAnythingIsCreated) {
  std::string dir = MakeTempDir();
  fs::create_directory(dir + "/existing");
  // Errors in the command line itself (an empty or malformed value) end with
  // the pointer to the command's help; a path that names a folder does not.
  const std::string see = "\nsee `vendorlint check --help`";
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"-o", dir + "/newdir/"},
       dir + "/newdir/ ends in '/', so it names a folder: give the report a file name"},
      {{"--report", "sarif=" + dir + "/new/sub/"},
       dir + "/new/sub/ ends in '/', so it names a folder: give the report a file name"},
      {{"-o", dir + "/existing"}, dir + "/existing is a folder: give the report a file name"},
      {{"--write-baseline", dir + "/existing"},
       dir + "/existing is a folder: give the report a file name"},
      {{"-o", ""}, "-o needs a value (FILE), not an empty string" + see},
      {{"--write-baseline", ""}, "--write-baseline needs a value (FILE), not an empty string" + see},
      {{"--report", "sarif="},
       "--report takes FORMAT=PATH with FORMAT one of text, json, sarif, sarif-dashboard, junit, "
       "github, markdown, html, not 'sarif='"},
      {{"--threads", "-1"},
       "--threads must be a whole number from 0 (one per core) to 1024, not '-1'" + see},
      {{"--threads=-1"},
       "--threads must be a whole number from 0 (one per core) to 1024, not '-1'" + see},
      {{"--threads", "4294967296"},
       "--threads must be a whole number from 0 (one per core) to 1024, not '4294967296'" + see},
  };
  for (const Case& c : cases) {
    std::vector<std::string> all = {"check"};
    all.insert(all.end(), c.args.begin(), c.args.end());
    auto r = RunVendorlint(all, SourceDir());
    EXPECT_EQ(r.exit_code, 2) << c.args[0];
    EXPECT_EQ(r.err, "vendorlint: error: " + c.err + "\n");
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"existing"});
  EXPECT_TRUE(fs::is_empty(dir + "/existing"));
  // 0 keeps meaning one thread per core.
  EXPECT_EQ(RunVendorlint({"check", "--threads", "0"}, SourceDir()).exit_code, 1);
}

// Item 8: the second report failed on a full disk after the first had been
// renamed into place. Now every report is staged first and a failure leaves
// every old report, and no temporary file or new folder, behind.
TEST(ReportTargets, SeveralReportsAreWrittenAllOrNone) {
  VL_SKIP_UNLESS_ROOT();
  std::string dir = MakeTempDir();
  WriteFileOrDie(dir + "/old.json", "OLD");
  MakeDevice(dir + "/full", 7);  // /dev/full: every write fails with ENOSPC
  auto r = RunVendorlint({"check", "--report", "json=" + dir + "/old.json", "--report",
                          "sarif=" + dir + "/new/sub/r.sarif", "--write-baseline",
                          dir + "/baseline.yaml", "-o", dir + "/full"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: cannot write " + dir + "/full: No space left on device\n");
  EXPECT_EQ(ReadFileOrDie(dir + "/old.json"), "OLD");
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"full", "old.json"}));
  EXPECT_TRUE(S_ISCHR(Lstat(dir + "/full").st_mode));

  // The same reports without the failing one are all written.
  auto ok = RunVendorlint({"check", "--report", "json=" + dir + "/old.json", "--report",
                           "sarif=" + dir + "/new/sub/r.sarif", "-o", dir + "/report.txt"},
                          SourceDir());
  EXPECT_EQ(ok.exit_code, 1) << ok.err;
  EXPECT_TRUE(ReadFileOrDie(dir + "/old.json").starts_with("{"));
  EXPECT_TRUE(ReadFileOrDie(dir + "/new/sub/r.sarif").starts_with("{"));
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"full", "new", "old.json", "report.txt"}));
}

// A run interrupted while its reports are staged removes its temporary files
// and the folders it created, leaves the old reports, and dies of the signal.
// The run is held at a known point without sleeping: its first report is a
// FIFO this test reads to the end, its second a FIFO nobody opens, so it
// blocks opening that one with every temporary file written.
class ReportTargetsSignal : public ::testing::TestWithParam<int> {};

TEST_P(ReportTargetsSignal, RemovesTemporaryFilesAndDiesOfTheSignal) {
  const int sig = GetParam();
  std::string dir = MakeTempDir();
  WriteFileOrDie(dir + "/old.xml", "OLD");
  ASSERT_EQ(mkfifo((dir + "/first.fifo").c_str(), 0600), 0);
  ASSERT_EQ(mkfifo((dir + "/second.fifo").c_str(), 0600), 0);
  std::string bin = testing::BinaryPath();
  std::string cwd = SourceDir();
  std::vector<std::string> args = {bin,
                                   "check",
                                   "--report",
                                   "junit=" + dir + "/old.xml",
                                   "--report",
                                   "markdown=" + dir + "/new/sub/r.md",
                                   "--report",
                                   "json=" + dir + "/first.fifo",
                                   "--report",
                                   "sarif=" + dir + "/second.fifo"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  alarm(120);  // a broken binary must fail this test, not hang it
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) signal(s, SIG_DFL);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int fd = open((dir + "/first.fifo").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  std::string first;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) first.append(buf, static_cast<size_t>(n));
  close(fd);
  EXPECT_TRUE(first.starts_with("{\n")) << first.substr(0, 100);  // written through
  // Staged: old.xml's and r.md's temporary files, and new/sub/.
  ASSERT_EQ(kill(pid, sig), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  alarm(0);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  EXPECT_EQ(WTERMSIG(status), sig);
  EXPECT_EQ(ReadFileOrDie(dir + "/old.xml"), "OLD");
  EXPECT_EQ(Entries(dir), (std::vector<std::string>{"first.fifo", "old.xml", "second.fifo"}));
}

INSTANTIATE_TEST_SUITE_P(Signals, ReportTargetsSignal, ::testing::Values(SIGINT, SIGTERM, SIGHUP),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return std::string(sigabbrev_np(info.param));
                         });

}  // namespace
}  // namespace vendorlint
