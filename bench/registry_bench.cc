// Measures load and evaluation time separately on synthetic registries.
//
//   vendorlint_bench generate N OUT_DIR   write a registry of N providers
//   vendorlint_bench run [--sizes 40,2000,20000] [--repeat 3] [--threads T]
//
// A synthetic registry is made of copies of the real providers in registry/
// (so every provider uses the real schema and taxonomy): copy k renames each
// provider `x` to `x-k` and its hosted_on references likewise, so hosting
// chains stay inside the copy. Run from the project root.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "load/registry_loader.h"
#include "report/json_report.h"
#include "report/report.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"

namespace fs = std::filesystem;
using namespace vendorlint;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Spit(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

// Renames every provider id `x` in `text` (its `id:` line and `hosted_on:`
// values) to `x-k`.
std::string Rename(const std::string& text, size_t k) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    for (const char* key : {"id: ", "  hosted_on: "}) {
      std::string prefix = key;
      if (line.rfind(prefix, 0) == 0) line += fmt::format("-{}", k);
    }
    out += line + "\n";
  }
  return out;
}

bool Generate(size_t n, const fs::path& out) {
  std::vector<fs::path> real;
  for (const auto& e : fs::directory_iterator("registry/providers"))
    if (e.path().extension() == ".yaml") real.push_back(e.path());
  std::sort(real.begin(), real.end());
  if (real.empty()) {
    fmt::print(stderr, "run from the project root (registry/providers not found)\n");
    return false;
  }
  fs::remove_all(out);
  fs::create_directories(out / "providers");
  fs::copy_file("registry/taxonomy.yaml", out / "taxonomy.yaml");
  fs::copy_file("registry/organization.yaml", out / "organization.yaml");
  std::vector<std::string> texts;
  for (const auto& p : real) texts.push_back(Slurp(p));
  for (size_t i = 0; i < n; ++i) {
    size_t k = i / real.size(), j = i % real.size();
    Spit(out / "providers" / fmt::format("{}-{}.yaml", real[j].stem().string(), k),
         Rename(texts[j], k));
  }
  return true;
}

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int Run(const std::vector<size_t>& sizes, int repeat, unsigned threads) {
  fs::path root = fs::temp_directory_path() / "vendorlint-bench";
  fmt::print("threads: {} (0 = one per core), median of {} runs, whole policy pack\n", threads,
             repeat);
  fmt::print("{:>9} {:>9} {:>11} {:>12} {:>12} {:>10} {:>9}\n", "providers", "findings",
             "load ms", "compile ms", "evaluate ms", "json ms", "eval/load");
  for (size_t n : sizes) {
    fs::path dir = root / fmt::format("n{}", n);
    if (!Generate(n, dir)) return 2;
    std::vector<double> load, compile, eval, json;
    size_t findings = 0;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      LoadOptions lo;
      lo.registry_dir = dir.string();
      lo.threads = threads;
      Registry reg;
      std::vector<Diagnostic> diags;
      if (!LoadRegistry(lo, &reg, &diags)) {
        for (const auto& d : diags) fmt::print(stderr, "{}\n", d.Format());
        return 2;
      }
      auto t1 = std::chrono::steady_clock::now();
      RuleSet rules;
      if (!LoadRules("rules", reg.taxonomy, yaml::Limits{}, &rules, &diags, threads)) return 2;
      auto t2 = std::chrono::steady_clock::now();
      Report report;
      report.registry = &reg;
      report.rules = &rules;
      Date::Parse("2026-11-22", &report.as_of);
      report.findings = EvaluateAll(rules, reg, EvalContext{report.as_of, threads});
      auto t3 = std::chrono::steady_clock::now();
      report.summary = ComputeSummary(reg, rules, report.findings, report.policy);
      std::string out = WriteJsonReport(report);
      auto t4 = std::chrono::steady_clock::now();
      findings = report.findings.size();
      load.push_back(Ms(t1 - t0));
      compile.push_back(Ms(t2 - t1));
      eval.push_back(Ms(t3 - t2));
      json.push_back(Ms(t4 - t3));
    }
    fmt::print("{:>9} {:>9} {:>11.1f} {:>12.1f} {:>12.1f} {:>10.1f} {:>8.1f}%\n", n, findings,
               Median(load), Median(compile), Median(eval), Median(json),
               100.0 * Median(eval) / Median(load));
    fs::remove_all(dir);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "generate") {
    return Generate(std::stoul(args[1]), args[2]) ? 0 : 2;
  }
  if (!args.empty() && args[0] == "run") {
    std::vector<size_t> sizes = {40, 2000, 20000};
    int repeat = 3;
    unsigned threads = 0;
    for (size_t i = 1; i + 1 < args.size(); i += 2) {
      if (args[i] == "--sizes") {
        sizes.clear();
        std::stringstream ss(args[i + 1]);
        std::string item;
        while (std::getline(ss, item, ',')) sizes.push_back(std::stoul(item));
      } else if (args[i] == "--repeat") {
        repeat = std::stoi(args[i + 1]);
      } else if (args[i] == "--threads") {
        threads = static_cast<unsigned>(std::stoul(args[i + 1]));
      }
    }
    return Run(sizes, std::max(1, repeat), threads);
  }
  fmt::print(stderr,
             "usage: vendorlint_bench generate N OUT_DIR\n"
             "       vendorlint_bench run [--sizes 40,2000,20000] [--repeat 3] [--threads T]\n");
  return 2;
}
