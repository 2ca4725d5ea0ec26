#include "cli/git_tree.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

extern char** environ;

namespace vendorlint {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxBytes = size_t{256} << 20;

// `a/./b/../c` -> `a/c`; false if it climbs above its start.
bool Normalise(const std::string& path, std::string* out) {
  std::vector<std::string> parts;
  for (const auto& part : fs::path(path)) {
    std::string s = part.generic_string();
    if (s.empty() || s == ".") continue;
    if (s == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      continue;
    }
    parts.push_back(s);
  }
  out->clear();
  for (const auto& p : parts) *out += (out->empty() ? "" : "/") + p;
  return true;
}

}  // namespace

bool RunGit(const std::vector<std::string>& args, std::string* out) {
  out->clear();
  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fd[1], 1);
  posix_spawn_file_actions_addclose(&actions, pipe_fd[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fd[1]);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> argv_s = {"git"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fd[1]);
  if (rc != 0) {
    close(pipe_fd[0]);
    return false;
  }
  char buf[65536];
  bool too_big = false;
  for (;;) {
    ssize_t n = read(pipe_fd[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (out->size() + static_cast<size_t>(n) > kMaxBytes) too_big = true;
    if (!too_big) out->append(buf, static_cast<size_t>(n));
  }
  close(pipe_fd[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return !too_big && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool ReadGitFolder(const std::string& rev, const std::string& folder, const std::string& dest,
                   std::string* error) {
  std::string prefix, top;
  if (!RunGit({"rev-parse", "--show-prefix"}, &prefix)) {
    *error = "--base needs a git repository: the current folder is not in one (or git is not "
             "installed); compare two folders with `vendorlint diff OLD NEW` instead";
    return false;
  }
  if (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
  if (rev.empty() || rev.front() == '-') {
    *error = fmt::format("--base takes a git revision, not '{}'", rev);
    return false;
  }
  std::string commit;
  if (!RunGit({"rev-parse", "--verify", "--quiet", rev + "^{commit}"}, &commit)) {
    *error = fmt::format(
        "--base '{}' is not a commit of this repository; give a branch, tag or commit "
        "(e.g. origin/main, HEAD~1)",
        rev);
    return false;
  }
  if (!commit.empty() && commit.back() == '\n') commit.pop_back();
  std::string inside;
  if (fs::path(folder).is_absolute() || !Normalise(prefix + folder, &inside)) {
    *error = fmt::format(
        "--base reads --registry '{}' inside the repository, but it lies outside it; give a "
        "path relative to the current folder that stays in the repository",
        folder);
    return false;
  }
  std::string listing;
  std::vector<std::string> ls = {"ls-tree", "-r", "-z", "--full-tree", commit};
  if (!inside.empty()) ls.insert(ls.end(), {"--", inside});
  if (!RunGit(ls, &listing) || listing.empty()) {
    *error = fmt::format("'{}' does not exist at {} ({}): nothing to compare with", folder, rev,
                         inside.empty() ? "the repository's root" : inside);
    return false;
  }
  size_t total = 0;
  size_t pos = 0;
  while (pos < listing.size()) {
    size_t end = listing.find('\0', pos);
    if (end == std::string::npos) end = listing.size();
    std::string entry = listing.substr(pos, end - pos);
    pos = end + 1;
    // "<mode> <type> <object>\t<path>"
    size_t tab = entry.find('\t');
    if (tab == std::string::npos) continue;
    std::string mode = entry.substr(0, entry.find(' '));
    std::string object = entry.substr(0, tab);
    object = object.substr(object.rfind(' ') + 1);
    std::string path = entry.substr(tab + 1);
    std::string rel = inside.empty() ? path : path.substr(std::min(path.size(), inside.size() + 1));
    std::string clean;
    if (rel.empty() || !Normalise(rel, &clean) || clean != rel || fs::path(rel).is_absolute()) {
      *error = fmt::format("{}:{} has an unsafe path; refusing to read it", rev, path);
      return false;
    }
    if (mode != "100644" && mode != "100755") {
      *error = fmt::format(
          "{}:{} is a {} in git, not a file; a registry holds only regular files", rev, path,
          mode == "120000" ? "symbolic link" : mode == "160000" ? "submodule" : "special entry");
      return false;
    }
    std::string content;
    if (!RunGit({"cat-file", "blob", object}, &content)) {
      *error = fmt::format("could not read {}:{} through git", rev, path);
      return false;
    }
    total += content.size();
    if (total > kMaxBytes) {
      *error = fmt::format("{}:{} holds more than 256 MiB; refusing to read it", rev, inside);
      return false;
    }
    fs::path target = fs::path(dest) / rel;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream f(target, std::ios::binary);
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!f) {
      *error = fmt::format("could not write a temporary copy of {}:{}", rev, path);
      return false;
    }
  }
  return true;
}

}  // namespace vendorlint
