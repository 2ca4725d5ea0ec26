// The ready-made CI set-ups (ci/github, ci/gitlab, .pre-commit-hooks.yaml)
// cannot run against real services here, so test what can be: each file is
// valid YAML (read by our own hardened loader), and every vendorlint command
// in it runs against this repository with a gate verdict (exit 0 or 1, never
// the usage/input error 2), writing every report it names.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <sstream>

#include "load/yaml_document.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;

const char* kSetups[] = {
    "ci/github/workflows/vendorlint-gate.yml",
    "ci/github/workflows/vendorlint-nightly.yml",
    "ci/gitlab/vendorlint.gitlab-ci.yml",
    ".pre-commit-hooks.yaml",
};

// The shell commands of a set-up: GitHub `run:`, GitLab `script:` items and
// pre-commit `entry:` values.
void CollectScalars(const yaml::Node& n, bool command, std::vector<std::string>* out) {
  if (n.IsScalar() && command) out->push_back(n.scalar);
  for (const auto& item : n.items) CollectScalars(item, command, out);
  for (const auto& [k, v] : n.entries)
    CollectScalars(v, k.scalar == "run" || k.scalar == "script" || k.scalar == "entry", out);
}

// The argument lists of every vendorlint invocation in the file's scalars.
std::vector<std::vector<std::string>> Commands(const yaml::Node& root) {
  std::vector<std::string> scalars;
  CollectScalars(root, false, &scalars);
  std::vector<std::vector<std::string>> out;
  for (const auto& s : scalars) {
    std::istringstream words(s);
    std::vector<std::string> ws;
    for (std::string w; words >> w;) ws.push_back(w);
    for (size_t i = 0; i < ws.size(); ++i) {
      if (ws[i] != "vendorlint" && ws[i] != "./build/release/vendorlint") continue;
      std::vector<std::string> args;
      for (size_t j = i + 1; j < ws.size() && ws[j] != "&&" && ws[j] != ";"; ++j)
        args.push_back(ws[j]);
      out.push_back(args);
    }
  }
  return out;
}

TEST(CiSetups, AreValidYamlAndTheirCommandsRun) {
  size_t commands = 0;
  for (const char* rel : kSetups) {
    SCOPED_TRACE(rel);
    std::string path = SourceDir() + "/" + rel;
    std::vector<Diagnostic> diags;
    yaml::Node root;
    ASSERT_TRUE(yaml::ParseDocument(rel, ReadFileOrDie(path), yaml::Limits{}, &root, &diags))
        << (diags.empty() ? "" : diags[0].Format());

    for (const auto& args : Commands(root)) {
      ++commands;
      std::string dir = testing::CopyProject();
      auto r = RunVendorlint(args, dir);
      std::string line;
      for (const auto& a : args) line += " " + a;
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1)
          << "vendorlint" << line << " exited " << r.exit_code << ":\n"
          << r.err;
      for (size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != "--report") continue;
        std::string target = args[i + 1].substr(args[i + 1].find('=') + 1);
        EXPECT_GT(fs::file_size(dir + "/" + target), 0u) << target;
      }
    }
  }
  EXPECT_GE(commands, 6u);
}

}  // namespace
}  // namespace vendorlint
