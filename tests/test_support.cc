#include "test_support.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace vendorlint::testing {
namespace fs = std::filesystem;

std::string SourceDir() { return VL_SOURCE_DIR; }

std::string SharedDir() {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(VL_SHARED_DIR), ec);
  if (ec || !fs::is_directory(p / "seeds", ec)) return "";
  return p.string();
}

std::string BinaryPath() { return VL_BINARY; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFileOrDie(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << content;
}

namespace {
struct TempDirs {
  std::vector<std::string> dirs;
  ~TempDirs() {
    std::error_code ec;
    for (const auto& d : dirs) fs::remove_all(d, ec);
  }
};
TempDirs g_temp_dirs;
std::mutex g_temp_dirs_mutex;  // tests may run the binary from several threads

// The environment a child runs with: this process's, without the variables
// `unset` names, with `env`'s KEY=VALUE entries set ("-KEY" unsets KEY).
// Made before fork: between fork and exec a child of a threaded process may
// only make async-signal-safe calls, and an allocation there can wait
// forever on a lock another thread held at the fork (it did, under ASan).
std::vector<std::string> ChildEnvironment(const std::vector<std::string>& env,
                                          const std::vector<std::string>& unset) {
  auto key_of = [](std::string_view kv) { return kv.substr(0, kv.find('=')); };
  std::vector<std::string> drop = unset;
  for (const auto& kv : env) drop.emplace_back(key_of(kv.starts_with("-") ? kv.substr(1) : kv));
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view kv(*e);
    if (std::find(drop.begin(), drop.end(), key_of(kv)) == drop.end()) out.emplace_back(kv);
  }
  for (const auto& kv : env)
    if (!kv.starts_with("-")) out.push_back(kv);
  return out;
}

// Pointers into `strings` (which must outlive them), null-terminated.
std::vector<char*> CArray(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::string Slurp(int fd) {
  std::string s;
  char buf[8192];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}
}  // namespace

std::string MakeTempDir() {
  std::string tmpl = (fs::temp_directory_path() / "vendorlint-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  std::lock_guard<std::mutex> lock(g_temp_dirs_mutex);
  g_temp_dirs.dirs.push_back(tmpl);
  return tmpl;
}

RunResult RunVendorlint(const std::vector<std::string>& args, const std::string& cwd,
                        const std::vector<std::string>& env) {
  std::string dir = MakeTempDir();
  std::string out_path = dir + "/stdout", err_path = dir + "/stderr";
  // Outputs do not depend on the CI the tests run in (check's Markdown links
  // follow these); a test that wants them passes them in `env`.
  std::vector<std::string> envs =
      ChildEnvironment(env, {"GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA",
                             "CI_PROJECT_URL", "CI_COMMIT_SHA"});
  std::vector<char*> envp = CArray(envs);
  std::vector<std::string> argvs = {BinaryPath()};
  argvs.insert(argvs.end(), args.begin(), args.end());
  std::vector<char*> argv = CArray(argvs);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    int o = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0) _exit(127);
    dup2(o, 1);
    dup2(e, 2);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int fo = open(out_path.c_str(), O_RDONLY), fe = open(err_path.c_str(), O_RDONLY);
  r.out = Slurp(fo);
  r.err = Slurp(fe);
  close(fo);
  close(fe);
  return r;
}

RunResult RunVendorlintOnTerminal(const std::vector<std::string>& args, const std::string& cwd,
                                  const std::vector<std::string>& env) {
  std::vector<std::string> envs = ChildEnvironment(env, {});
  std::vector<char*> envp = CArray(envs);
  std::vector<std::string> argvs = {BinaryPath()};
  argvs.insert(argvs.end(), args.begin(), args.end());
  std::vector<char*> argv = CArray(argvs);
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  RunResult r;
  char buf[4096];
  ssize_t n;
  // Reading ends with EIO once the child has exited and the terminal closes.
  while ((n = read(master, buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

std::string CopyProject() {
  std::string dir = MakeTempDir() + "/project";
  fs::create_directories(dir);
  fs::copy(SourceDir() + "/registry", dir + "/registry", fs::copy_options::recursive);
  fs::copy(SourceDir() + "/rules", dir + "/rules", fs::copy_options::recursive);
  return dir;
}

ToolResult RunSharedTool(const std::string& tool, const std::vector<std::string>& args) {
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  std::string cmd = quote(SharedDir() + "/tools/" + tool);
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " 2>&1";
  ToolResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}


void ExpectGolden(const std::string& actual, const std::string& golden_name) {
  std::string path = SourceDir() + "/tests/cli/golden/" + golden_name;
  const char* update = std::getenv("VL_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    WriteFileOrDie(path, actual);
    return;
  }
  EXPECT_EQ(actual, ReadFileOrDie(path))
      << "golden " << path << " differs; if the change is intended, rerun with VL_UPDATE_GOLDEN=1";
}

}  // namespace vendorlint::testing
