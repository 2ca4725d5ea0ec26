// `--cache DIR` and $VENDORLINT_CACHE through the binary: every command that
// loads the registry gives the same bytes with and without the cache, cold and
// warm, on the project's registry and on a larger synthetic one.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CopyProject;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunResult;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

// A registry of `copies` renamed copies of every real provider (as
// `vendorlint_bench generate` makes them), in a copy of the project.
std::string SyntheticProject(size_t copies) {
  std::string dir = CopyProject();
  std::string providers = dir + "/registry/providers";
  std::vector<fs::path> real;
  for (const auto& e : fs::directory_iterator(providers)) real.push_back(e.path());
  for (size_t k = 1; k < copies; ++k) {
    for (const auto& p : real) {
      std::istringstream in(ReadFileOrDie(p.string()));
      std::string line, out;
      while (std::getline(in, line)) {
        if (line.starts_with("id: ") || line.starts_with("  hosted_on: "))
          line += fmt::format("-{}", k);
        out += line + "\n";
      }
      WriteFileOrDie(fmt::format("{}/{}-{}.yaml", providers, p.stem().string(), k), out);
    }
  }
  return dir;
}

// SARIF's startTimeUtc/endTimeUtc and JUnit's timestamp are the clock's:
// the one difference between two runs of the same input.
std::string WithoutRunTimes(std::string s) {
  for (const std::string key : {"\"startTimeUtc\": \"", "\"endTimeUtc\": \"", "timestamp=\""}) {
    for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at)) {
      size_t end = s.find('"', at + key.size());
      if (end == std::string::npos) break;
      s.erase(at, end + 1 - at);
    }
  }
  return s;
}

// The line `--verbose` prints about the cache, or "" (stderr also has the
// check's one-line summary).
std::string CacheLine(const std::string& err) {
  size_t at = err.find("vendorlint: parse cache ");
  if (at == std::string::npos) return "";
  return err.substr(at, err.find('\n', at) + 1 - at);
}

// Runs `args` without a cache, then twice with `cache` (cold, warm): the
// three runs must agree byte for byte.
void ExpectSameWithCache(const std::vector<std::string>& args, const std::string& dir,
                         const std::string& cache) {
  RunResult plain = RunVendorlint(args, dir, {"VENDORLINT_CACHE="});
  std::vector<std::string> cached = args;
  cached.insert(cached.end(), {"--cache", cache});
  for (const char* pass : {"cold", "warm"}) {
    RunResult r = RunVendorlint(cached, dir);
    EXPECT_EQ(r.exit_code, plain.exit_code) << pass << " " << args[0];
    // (Reports are long: a difference is named, not printed.)
    EXPECT_TRUE(WithoutRunTimes(r.out) == WithoutRunTimes(plain.out))
        << pass << " " << fmt::format("{}", fmt::join(args, " "));
    EXPECT_EQ(r.err, plain.err) << pass << " " << args[0];
  }
}

TEST(Cache, EveryFormatIsByteIdenticalWithAndWithoutTheCache) {
  std::string dir = CopyProject();
  std::string cache = MakeTempDir() + "/cache";
  for (const char* format : {"json", "sarif", "text", "junit", "markdown", "github"})
    ExpectSameWithCache({"check", "--format", format, "--as-of", "2026-11-22"}, dir, cache);
  ExpectSameWithCache({"check", "--format", "text", "--quiet", "--as-of", "2026-11-22"}, dir,
                      cache);
  ExpectSameWithCache({"validate"}, dir, cache);
  ExpectSameWithCache({"explain", "personal-data-encrypted-at-rest", "--provider", "slack",
                       "--as-of", "2026-11-22"},
                      dir, cache);
  ExpectSameWithCache({"diff", SourceDir() + "/tests/fixtures/registry-earlier", "registry"}, dir,
                      cache);
  ExpectSameWithCache({"providers", "--format", "json"}, dir, cache);
}

TEST(Cache, ASyntheticRegistryIsByteIdenticalAndOnlyTheChangedFileIsParsed) {
  std::string dir = SyntheticProject(8);  // 232 providers
  std::string cache = MakeTempDir() + "/cache";
  for (const char* format : {"json", "sarif", "text"})
    ExpectSameWithCache({"check", "--format", format, "--as-of", "2026-11-22"}, dir, cache);
  // One provider changes, as in a pull request: one file parsed.
  std::string path = dir + "/registry/providers/slack-3.yaml";
  WriteFileOrDie(path, ReadFileOrDie(path) + "notes: changed\n");
  RunResult r = RunVendorlint({"check", "--verbose", "--format", "json", "--cache", cache}, dir);
  EXPECT_EQ(CacheLine(r.err),
            "vendorlint: parse cache " + cache +
                ": 231 provider files reused, 1 parsed (0 entries refused), 1 stored\n");
  ExpectSameWithCache({"check", "--format", "json", "--as-of", "2026-11-22"}, dir, cache);
}

TEST(Cache, TwoRunsFillingOneFolderAtOnceGiveTheResultsOfNoCache) {
  std::string dir = SyntheticProject(4);  // 116 providers
  std::string cache = MakeTempDir() + "/cache";
  const std::vector<std::string> args = {"check", "--format", "json", "--as-of", "2026-11-22"};
  RunResult plain = RunVendorlint(args, dir, {"VENDORLINT_CACHE="});
  std::vector<std::string> cached = args;
  cached.insert(cached.end(), {"--cache", cache, "--verbose"});
  // Two processes, each filling the empty folder with its own pack.
  RunResult a, b;
  std::thread ta([&] { a = RunVendorlint(cached, dir); });
  std::thread tb([&] { b = RunVendorlint(cached, dir); });
  ta.join();
  tb.join();
  for (const RunResult* r : {&a, &b}) {
    EXPECT_EQ(r->exit_code, plain.exit_code);
    EXPECT_TRUE(r->out == plain.out);
  }
  // Whichever finished last, the folder holds whole packs only, and a warm
  // run reuses every file.
  RunResult warm = RunVendorlint(cached, dir);
  EXPECT_TRUE(warm.out == plain.out);
  EXPECT_EQ(CacheLine(warm.err),
            "vendorlint: parse cache " + cache +
                ": 116 provider files reused, 0 parsed (0 entries refused), 0 stored\n");
  for (const auto& e : fs::directory_iterator(cache))
    EXPECT_TRUE(e.path().filename().string().starts_with("pack-")) << e.path();
}

TEST(Cache, TheEnvironmentTurnsItOnAndOffOverridesIt) {
  std::string dir = CopyProject();
  std::string cache = MakeTempDir() + "/from-env";
  std::vector<std::string> args = {"check", "--verbose", "--format", "json"};
  RunResult r = RunVendorlint(args, dir, {"VENDORLINT_CACHE=" + cache});
  EXPECT_EQ(CacheLine(r.err),
            "vendorlint: parse cache " + cache +
                ": 0 provider files reused, 29 parsed (0 entries refused), 29 stored\n");
  r = RunVendorlint(args, dir, {"VENDORLINT_CACHE=" + cache});
  EXPECT_EQ(CacheLine(r.err),
            "vendorlint: parse cache " + cache +
                ": 29 provider files reused, 0 parsed (0 entries refused), 0 stored\n");
  // --cache off wins over the environment; without either there is no cache.
  auto with_off = args;
  with_off.insert(with_off.end(), {"--cache", "off"});
  EXPECT_EQ(CacheLine(RunVendorlint(with_off, dir, {"VENDORLINT_CACHE=" + cache}).err), "");
  EXPECT_EQ(CacheLine(RunVendorlint(args, dir, {"VENDORLINT_CACHE="}).err), "");
  // auto: $XDG_CACHE_HOME/vendorlint.
  std::string xdg = MakeTempDir();
  auto with_auto = args;
  with_auto.insert(with_auto.end(), {"--cache", "auto"});
  r = RunVendorlint(with_auto, dir, {"XDG_CACHE_HOME=" + xdg});
  EXPECT_EQ(CacheLine(r.err),
            "vendorlint: parse cache " + xdg +
                "/vendorlint: 0 provider files reused, 29 parsed (0 entries refused), 29 "
                "stored\n");
  EXPECT_TRUE(fs::is_directory(xdg + "/vendorlint"));
}

TEST(Cache, AnUnsafeFolderIsAWarningAndTheRunGoesOn) {
  std::string dir = CopyProject();
  std::string cache = MakeTempDir() + "/shared";
  fs::create_directory(cache);
  fs::permissions(cache, fs::perms::all);
  RunResult plain = RunVendorlint({"check", "--format", "json"}, dir, {"VENDORLINT_CACHE="});
  RunResult r = RunVendorlint({"check", "--format", "json", "--cache", cache}, dir);
  EXPECT_EQ(r.exit_code, plain.exit_code);
  EXPECT_EQ(r.out, plain.out);
  EXPECT_EQ(r.err, cache +
                       ": warning: parse cache not used: others can write to it; run `chmod "
                       "go-w " +
                       cache + "`\n" + plain.err);
  EXPECT_TRUE(fs::is_empty(cache));
  // --verbose gives no counts for a cache it did not use: the warning says why.
  RunResult v = RunVendorlint({"check", "--verbose", "--cache", cache}, dir);
  EXPECT_NE(v.err.find(": warning: parse cache not used: others can write to it"),
            std::string::npos)
      << v.err;
  EXPECT_EQ(v.err.find("provider files reused"), std::string::npos) << v.err;
}

}  // namespace
}  // namespace vendorlint
