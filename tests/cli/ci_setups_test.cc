// The ready-made CI set-ups (action.yml, ci/github, ci/gitlab,
// .pre-commit-hooks.yaml) cannot run against real services here, so test what
// can be: each file is valid YAML (read by our own hardened loader), every
// vendorlint command in it runs against this repository with a gate verdict
// (exit 0 or 1, never the usage/input error 2), writing every report it
// names; and the action's run-steps run in order, as the runner would run
// them, against a scratch repository that holds only registry/.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
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
using testing::WriteFileOrDie;

const char* kSetups[] = {
    "action.yml",
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

const yaml::Node* Find(const yaml::Node& map, std::string_view key) {
  for (const auto& [k, v] : map.entries)
    if (k.scalar == key) return &v;
  return nullptr;
}

// A GitLab word with its "$VARIABLE" replaced from the file's `variables:`.
std::string Expand(std::string w, const yaml::Node& root) {
  if (w.size() >= 2 && w.front() == '"' && w.back() == '"') w = w.substr(1, w.size() - 2);
  const yaml::Node* vars = Find(root, "variables");
  if (w.starts_with("$") && vars != nullptr) {
    if (const yaml::Node* v = Find(*vars, w.substr(1))) return v->scalar;
  }
  return w;
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
      if (ws[i] != "vendorlint") continue;
      std::vector<std::string> args;
      for (size_t j = i + 1; j < ws.size() && ws[j] != "&&" && ws[j] != ";" && ws[j] != "||";
           ++j)
        args.push_back(Expand(ws[j], root));
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
  // The nightly report step, the GitLab job and the two pre-commit hooks; the
  // gate's commands live in action.yml's steps (ActionRunsLocally).
  EXPECT_EQ(commands, 4u);
}

// ---------------------------------------------------------------- action.yml

// A minimal runner for the composite action's steps: `run:` steps execute in
// order with bash (as GitHub runs them: --noprofile --norc -eo pipefail),
// their `env:` expressions resolved from the inputs, github.action_path,
// runner.temp and earlier steps' outputs (anything else fails the test: a
// step this runner cannot run would go untested). `uses:` steps are the
// cache and the upload, which need the service; they are listed.
class ActionRunner {
 public:
  ActionRunner(const yaml::Node& action, std::map<std::string, std::string> inputs,
               std::string repo)
      : action_(action), inputs_(std::move(inputs)), repo_(std::move(repo)) {
    home_ = MakeTempDir();
    temp_ = MakeTempDir();
    summary_ = temp_ + "/step-summary.md";
    path_file_ = temp_ + "/path";
    WriteFileOrDie(summary_, "");
    WriteFileOrDie(path_file_, "");
  }

  // Runs every step; `after` is called after each step with its id.
  void Run(const std::function<void(const std::string&)>& after) {
    const yaml::Node* steps = Find(*Find(action_, "runs"), "steps");
    ASSERT_NE(steps, nullptr);
    for (const yaml::Node& step : steps->items) {
      const yaml::Node* id = Find(step, "id");
      std::string name = id ? id->scalar : Find(step, "name")->scalar;
      if (const yaml::Node* uses = Find(step, "uses")) {
        skipped_uses.push_back(uses->scalar);
        continue;
      }
      const yaml::Node* cond = Find(step, "if");
      if (cond != nullptr) ASSERT_EQ(cond->scalar, "always()") << name;
      ASSERT_EQ(Find(step, "shell")->scalar, "bash") << name;
      std::string script = temp_ + "/step.sh";
      WriteFileOrDie(script, Find(step, "run")->scalar);
      std::string output = temp_ + "/output";
      WriteFileOrDie(output, "");
      std::string env = "env -i PATH=/usr/bin:/bin HOME='" + home_ + "' GITHUB_OUTPUT='" + output +
                        "' GITHUB_STEP_SUMMARY='" + summary_ + "' GITHUB_PATH='" + path_file_ + "'";
      if (const yaml::Node* vars = Find(step, "env")) {
        for (const auto& [k, v] : vars->entries) {
          std::string value = Resolve(v.scalar);
          ASSERT_EQ(value.find('\''), std::string::npos);
          env += " " + k.scalar + "='" + value + "'";
        }
      }
      std::string log = temp_ + "/" + name + ".log";
      int rc = std::system(("cd '" + repo_ + "' && " + env + " bash --noprofile --norc -eo " +
                            "pipefail '" + script + "' >'" + log + "' 2>&1")
                               .c_str());
      exit_codes[name] = WEXITSTATUS(rc);
      logs[name] = ReadFileOrDie(log);
      std::istringstream lines(ReadFileOrDie(output));
      for (std::string line; std::getline(lines, line);) {
        size_t eq = line.find('=');
        if (eq != std::string::npos) outputs[name][line.substr(0, eq)] = line.substr(eq + 1);
      }
      after(name);
    }
  }

  std::string Summary() const { return ReadFileOrDie(summary_); }
  std::string PathAdditions() const { return ReadFileOrDie(path_file_); }

  std::map<std::string, std::map<std::string, std::string>> outputs;
  std::map<std::string, int> exit_codes;
  std::map<std::string, std::string> logs;
  std::vector<std::string> skipped_uses;

 private:
  std::string Resolve(const std::string& value) {
    std::string out;
    size_t at = 0;
    for (size_t open; (open = value.find("${{", at)) != std::string::npos;) {
      size_t close = value.find("}}", open);
      std::string expr = value.substr(open + 3, close - open - 3);
      expr.erase(0, expr.find_first_not_of(' '));
      expr.erase(expr.find_last_not_of(' ') + 1);
      out += value.substr(at, open - at);
      if (expr.starts_with("inputs.")) {
        std::string input = expr.substr(7);
        auto given = inputs_.find(input);
        const yaml::Node* decl = Find(*Find(action_, "inputs"), input);
        EXPECT_NE(decl, nullptr) << "undeclared input " << input;
        out += given != inputs_.end() ? given->second
                                      : (decl ? Find(*decl, "default")->scalar : "");
      } else if (expr == "github.action_path") {
        out += SourceDir();
      } else if (expr == "runner.temp") {
        out += temp_;
      } else if (expr.starts_with("steps.")) {
        size_t dot = expr.find('.', 6);
        std::string id = expr.substr(6, dot - 6);
        std::string key = expr.substr(expr.rfind('.') + 1);
        out += outputs[id][key];
      } else {
        ADD_FAILURE() << "the local runner cannot resolve ${{ " << expr << " }}";
      }
      at = close + 2;
    }
    return out + value.substr(at);
  }

  const yaml::Node& action_;
  std::map<std::string, std::string> inputs_;
  std::string repo_;
  std::string home_, temp_, summary_, path_file_;
};

yaml::Node LoadAction() {
  std::vector<Diagnostic> diags;
  yaml::Node root;
  EXPECT_TRUE(yaml::ParseDocument("action.yml", ReadFileOrDie(SourceDir() + "/action.yml"),
                                  yaml::Limits{}, &root, &diags));
  return root;
}

// A repository that holds only registry/ (no rules/, no taxonomy.yaml).
std::string RegistryOnlyRepository() {
  std::string repo = MakeTempDir();
  fs::copy(SourceDir() + "/registry", repo + "/registry", fs::copy_options::recursive);
  fs::remove(repo + "/registry/taxonomy.yaml");
  return repo;
}

// What actions/cache restores on a hit: the install tree of an earlier run
// (the built binary, with the pack and taxonomy it installs).
void FillCache(const std::string& prefix) {
  fs::create_directories(prefix + "/usr/bin");
  fs::create_directories(prefix + "/usr/share/vendorlint");
  fs::copy_file(testing::BinaryPath(), prefix + "/usr/bin/vendorlint");
  fs::copy(SourceDir() + "/rules", prefix + "/usr/share/vendorlint/rules",
           fs::copy_options::recursive);
  fs::copy_file(SourceDir() + "/registry/taxonomy.yaml",
                prefix + "/usr/share/vendorlint/taxonomy.yaml");
}

TEST(CiSetups, ActionRunsLocally) {
  yaml::Node action = LoadAction();
  std::string repo = RegistryOnlyRepository();
  ActionRunner runner(action, {{"as-of", "2026-11-22"}}, repo);
  runner.Run([&](const std::string& id) {
    if (id == "locate") FillCache(runner.outputs["locate"]["prefix"]);
  });
  EXPECT_EQ(runner.skipped_uses,
            (std::vector<std::string>{
                "actions/cache@0400d5f644dc74513175e3cd8d07132dd4860809",
                "github/codeql-action/upload-sarif@5d4e8d1aca955e8d8589aabd499c5cae939e33c7"}));

  const std::string prefix = runner.outputs["locate"]["prefix"];
  EXPECT_TRUE(runner.outputs["locate"]["key"].starts_with("vendorlint-src-"));
  EXPECT_EQ(runner.exit_codes["Install vendorlint"], 0) << runner.logs["Install vendorlint"];
  EXPECT_NE(runner.logs["Install vendorlint"].find("(cached)"), std::string::npos);
  EXPECT_EQ(runner.PathAdditions(), prefix + "/usr/bin\n");

  // The gate ran with the installed pack: annotations within GitHub's limits,
  // the summary, the SARIF; the step itself succeeds, the verdict fails.
  EXPECT_EQ(runner.exit_codes["gate"], 0) << runner.logs["gate"];
  EXPECT_EQ(runner.outputs["gate"]["exit-code"], "1");
  EXPECT_EQ(runner.outputs["gate"]["sarif-file"], "vendorlint.sarif");
  const std::string& log = runner.logs["gate"];
  EXPECT_TRUE(log.starts_with("::")) << log;
  EXPECT_NE(log.find("\n::notice title=vendorlint::29 providers, "), std::string::npos) << log;
  EXPECT_NE(log.find("the full report is in the job summary\n"), std::string::npos) << log;
  EXPECT_TRUE(runner.Summary().starts_with("## vendorlint: ")) << runner.Summary();
  std::string sarif = ReadFileOrDie(repo + "/vendorlint.sarif");
  EXPECT_NE(sarif.find("\"id\": \"vendorlint/gate/\""), std::string::npos);
  EXPECT_EQ(sarif.find("\"kind\": \"pass\""), std::string::npos);
  EXPECT_EQ(runner.exit_codes["Verdict"], 1);
  EXPECT_EQ(runner.logs["Verdict"], "vendorlint: the gate fails\n");
  if (!testing::SharedDir().empty() && std::system("command -v node >/dev/null 2>&1") == 0) {
    auto v = testing::RunSharedTool("validate-sarif", {"--github", repo + "/vendorlint.sarif"});
    EXPECT_EQ(v.exit_code, 0) << v.output;
  }
}

// A broken provider file: the gate step reports exit 2 as annotations on the
// file, the summary says nothing was evaluated, and the verdict fails with 2.
TEST(CiSetups, ActionOnInvalidInput) {
  yaml::Node action = LoadAction();
  std::string repo = RegistryOnlyRepository();
  std::string path = repo + "/registry/providers/algolia.yaml";
  std::string text = ReadFileOrDie(path);
  text.replace(text.find("contexts:"), 9, "context:");
  WriteFileOrDie(path, text);
  ActionRunner runner(action, {{"fail-on", "warning"}, {"strict", "true"}}, repo);
  runner.Run([&](const std::string& id) {
    if (id == "locate") FillCache(runner.outputs["locate"]["prefix"]);
  });
  EXPECT_EQ(runner.outputs["gate"]["exit-code"], "2");
  EXPECT_EQ(runner.outputs["gate"].count("sarif-file"), 0u);
  EXPECT_TRUE(runner.logs["gate"].starts_with(
      "::error file=registry/providers/algolia.yaml,line=3,col=1,title=vendorlint::"))
      << runner.logs["gate"];
  EXPECT_EQ(runner.Summary(),
            "## vendorlint: invalid input (exit 2)\n\nNothing was evaluated; the annotations "
            "and the log name every problem.\n");
  EXPECT_EQ(runner.exit_codes["Verdict"], 2);
}

// The Dockerfile cannot be built here (no container engine); what can be
// checked is that it copies only what exists and builds with the options the
// tested package build uses.
TEST(CiSetups, DockerfileCopiesWhatExists) {
  std::istringstream lines(ReadFileOrDie(SourceDir() + "/Dockerfile"));
  size_t copies = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("COPY ") || line.find("--from=") != std::string::npos) continue;
    std::istringstream words(line.substr(5));
    std::vector<std::string> ws;
    for (std::string w; words >> w;) ws.push_back(w);
    ASSERT_GE(ws.size(), 2u) << line;
    for (size_t i = 0; i + 1 < ws.size(); ++i) {
      ++copies;
      EXPECT_TRUE(fs::exists(SourceDir() + "/" + ws[i])) << line;
    }
  }
  EXPECT_GE(copies, 8u);
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// Every third-party action is pinned by a full commit SHA with its version in
// a comment (docs/ci.md), so a moved tag cannot change what runs.
TEST(CiSetups, ThirdPartyActionsArePinnedByCommit) {
  const std::regex uses_re(R"re(uses:\s*([^@\s]+)@(\S+)(.*))re");
  const std::regex sha_re("[0-9a-f]{40}");
  size_t seen = 0;
  for (const std::string rel : {"action.yml", "ci/github/workflows/vendorlint-gate.yml",
                                "ci/github/workflows/vendorlint-nightly.yml"}) {
    std::istringstream in(testing::ReadFileOrDie(testing::SourceDir() + "/" + rel));
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, uses_re)) continue;
      if (m[1].str() == "vendorlint/vendorlint") continue;  // our own, unreleased
      ++seen;
      EXPECT_TRUE(std::regex_match(m[2].str(), sha_re)) << rel << ": " << line;
      EXPECT_NE(m[3].str().find("# v"), std::string::npos) << rel << ": " << line;
    }
  }
  EXPECT_GE(seen, 5u);
}

}  // namespace
}  // namespace vendorlint
