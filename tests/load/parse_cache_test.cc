// The parse cache: a load through it gives exactly what a load without it
// gives (model, locations, diagnostics), a warm load parses only the changed
// files, and no entry -- corrupt, truncated, foreign, planted -- is trusted.
#include "load/parse_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "load/provider_codec.h"
#include "load/registry_loader.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::SourceDir;
using testing::WriteFileOrDie;

// Everything a load produced, in comparable form: each provider's full model
// (as the codec writes it, which covers every field: provider_codec.cc checks
// the field counts) with its file's path, and the diagnostics as printed.
struct Snapshot {
  bool ok = false;
  std::vector<std::string> providers;
  std::vector<std::string> diags;
  ParseCacheStats stats;
  friend bool operator==(const Snapshot& a, const Snapshot& b) {
    return a.ok == b.ok && a.providers == b.providers && a.diags == b.diags;
  }
};

Snapshot Load(const std::string& dir, const std::string& cache_dir, unsigned threads = 2) {
  LoadOptions o;
  o.registry_dir = dir;
  o.threads = threads;
  o.cache_dir = cache_dir;
  Snapshot s;
  o.cache_stats = &s.stats;
  Registry reg;
  std::vector<Diagnostic> diags;
  s.ok = LoadRegistry(o, &reg, &diags);
  for (const auto& p : reg.providers) {
    std::string bytes;
    // Location::file is part of the comparison: "this file" must decode to
    // the same id.
    // (A file that did not parse leaves a Provider with file 0 and no locations.)
    EXPECT_TRUE(EncodeProviderResult(p, {}, "", p.file == 0 ? 1 : p.file, &bytes)) << p.id.value;
    s.providers.push_back(reg.files.at(p.file) + "\n" + bytes);
  }
  for (const auto& d : diags) s.diags.push_back(d.Format());
  return s;
}

std::string CopyRegistry() {
  std::string dir = MakeTempDir() + "/registry";
  fs::copy(SourceDir() + "/registry", dir, fs::copy_options::recursive);
  return dir;
}

std::vector<fs::path> Entries(const std::string& cache) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(cache)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

size_t ProviderCount(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir + "/providers"))
    n += e.path().extension() == ".yaml" ? 1 : 0;
  return n;
}

TEST(ParseCache, ColdAndWarmLoadsEqualALoadWithoutTheCache) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  const size_t n = ProviderCount(reg);
  Snapshot plain = Load(reg, "");
  ASSERT_TRUE(plain.ok);
  Snapshot cold = Load(reg, cache);
  EXPECT_EQ(cold, plain);
  EXPECT_EQ(cold.stats.parsed, n);
  EXPECT_EQ(cold.stats.stored, n);
  EXPECT_EQ(cold.stats.reused, 0u);
  EXPECT_EQ(Entries(cache).size(), n);
  // The folder is created private.
  EXPECT_EQ(fs::status(cache).permissions() & fs::perms::all, fs::perms::owner_all);
  for (unsigned threads : {1u, 2u}) {
    Snapshot warm = Load(reg, cache, threads);
    EXPECT_EQ(warm, plain);
    EXPECT_EQ(warm.stats.reused, n);
    EXPECT_EQ(warm.stats.parsed, 0u);
    EXPECT_EQ(warm.stats.stored, 0u);
  }
}

TEST(ParseCache, AWarmLoadParsesExactlyTheChangedFile) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  const size_t n = ProviderCount(reg);
  Load(reg, cache);
  std::string path = reg + "/providers/slack.yaml";
  WriteFileOrDie(path, ReadFileOrDie(path) + "notes: changed in a pull request\n");
  Snapshot warm = Load(reg, cache);
  EXPECT_EQ(warm.stats.reused, n - 1);
  EXPECT_EQ(warm.stats.parsed, 1u);
  EXPECT_EQ(warm.stats.rejected, 0u);
  EXPECT_EQ(warm.stats.stored, 1u);
  EXPECT_EQ(warm, Load(reg, ""));
  // The old entry stays (the change may be reverted); the new one is reused.
  EXPECT_EQ(Entries(cache).size(), n + 1);
  EXPECT_EQ(Load(reg, cache).stats.reused, n);
}

TEST(ParseCache, ConcurrentLoadsShareAFolder) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  Snapshot plain = Load(reg, "");
  // Two cold loads at once write the same entries (each to its own
  // temporary name, renamed into place), then a warm one reads them all.
  Snapshot a, b;
  std::thread ta([&] { a = Load(reg, cache); });
  std::thread tb([&] { b = Load(reg, cache); });
  ta.join();
  tb.join();
  EXPECT_EQ(a, plain);
  EXPECT_EQ(b, plain);
  Snapshot warm = Load(reg, cache);
  EXPECT_EQ(warm, plain);
  EXPECT_EQ(warm.stats.reused, ProviderCount(reg));
  // No temporary file is left behind.
  EXPECT_EQ(Entries(cache).size(), ProviderCount(reg));
}

TEST(ParseCache, AMovedRegistryReusesItsEntriesWithItsNewPaths) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  Load(reg, cache);
  std::string moved = MakeTempDir() + "/elsewhere";
  fs::rename(reg, moved);
  Snapshot warm = Load(moved, cache);
  EXPECT_EQ(warm.stats.parsed, 0u);
  EXPECT_EQ(warm, Load(moved, ""));
}

TEST(ParseCache, ADifferentTaxonomyOrFileNameIsADifferentKey) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  const size_t n = ProviderCount(reg);
  Load(reg, cache);
  // A comment changes no key's meaning, but the taxonomy's bytes are the key.
  WriteFileOrDie(reg + "/taxonomy.yaml", ReadFileOrDie(reg + "/taxonomy.yaml") + "# edited\n");
  EXPECT_EQ(Load(reg, cache).stats.parsed, n);
  // Same bytes under another name: the id no longer matches the file name,
  // which only a parse reports.
  fs::rename(reg + "/providers/slack.yaml", reg + "/providers/slack-two.yaml");
  Snapshot warm = Load(reg, cache);
  EXPECT_EQ(warm.stats.parsed, 1u);
  EXPECT_FALSE(warm.ok);
  EXPECT_EQ(warm, Load(reg, ""));
}

TEST(ParseCache, DiagnosticsOfAFileAreCachedWithItsModel) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  // An unknown key (an error with a suggestion) and a syntax error.
  WriteFileOrDie(reg + "/providers/slack.yaml",
                 ReadFileOrDie(reg + "/providers/slack.yaml") + "sumary: typo\n");
  WriteFileOrDie(reg + "/providers/broken.yaml", "id: broken\nname: [unclosed\n");
  Snapshot plain = Load(reg, "");
  ASSERT_FALSE(plain.ok);
  ASSERT_GE(plain.diags.size(), 2u);
  Load(reg, cache);
  Snapshot warm = Load(reg, cache);
  EXPECT_EQ(warm.stats.parsed, 0u);
  EXPECT_EQ(warm, plain);
}

TEST(ParseCache, AResultThatDependsOnTodayIsNotStored) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  WriteFileOrDie(reg + "/providers/slack.yaml",
                 ReadFileOrDie(reg + "/providers/slack.yaml") + "last_reviewed: 9999-01-01\n");
  const size_t n = ProviderCount(reg);
  Snapshot cold = Load(reg, cache);
  EXPECT_FALSE(cold.ok);
  EXPECT_EQ(cold.stats.stored, n - 1);
  EXPECT_EQ(Load(reg, cache).stats.parsed, 1u);
}

// The entry of registry/providers/<id>.yaml after a cold load into `cache`.
fs::path EntryOf(const std::string& reg, const std::string& cache, const std::string& id) {
  yaml::Limits limits;
  std::string why;
  auto pc = ParseCache::Open(cache, ReadFileOrDie(reg + "/taxonomy.yaml"), limits, &why);
  EXPECT_NE(pc, nullptr) << why;
  std::string bytes = ReadFileOrDie(reg + "/providers/" + id + ".yaml");
  return fs::path(cache) / ParseCache::EntryName(pc->KeyOf(id, bytes));
}

TEST(ParseCache, EveryFlippedByteAndEveryTruncationIsRefusedAndRebuilt) {
  std::string reg = CopyRegistry();
  // The smallest provider keeps the loop short.
  std::string id;
  uintmax_t smallest = UINTMAX_MAX;
  for (const auto& e : fs::directory_iterator(reg + "/providers")) {
    if (e.file_size() < smallest) {
      smallest = e.file_size();
      id = e.path().stem().string();
    }
  }
  for (const auto& e : fs::directory_iterator(reg + "/providers"))
    if (e.path().stem() != id) fs::remove(e.path());
  std::string cache = MakeTempDir() + "/cache";
  Snapshot plain = Load(reg, "");
  Load(reg, cache);
  fs::path entry = EntryOf(reg, cache, id);
  const std::string good = ReadFileOrDie(entry.string());
  ASSERT_GT(good.size(), 64u);
  // Every corruption is refused by the entry's own checks (fast: no parse)...
  yaml::Limits limits;
  std::string why;
  auto pc = ParseCache::Open(cache, ReadFileOrDie(reg + "/taxonomy.yaml"), limits, &why);
  ASSERT_NE(pc, nullptr) << why;
  const std::string source = ReadFileOrDie(reg + "/providers/" + id + ".yaml");
  const ParseCache::Digest key = pc->KeyOf(id, source);
  const uint32_t file_id = 2;  // organization.yaml is 0, providers/... follow
  auto refused = [&](const std::string& bad) {
    WriteFileOrDie(entry.string(), bad);
    fs::permissions(entry, fs::perms::owner_read | fs::perms::owner_write);
    Provider p;
    std::vector<Diagnostic> d;
    auto r = pc->Load(key, "x.yaml", file_id, source.size(), &p, &d);
    return r == ParseCache::Lookup::kRejected && d.empty() && p.id.value.empty();
  };
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    ASSERT_TRUE(refused(bad)) << "byte " << i << " flipped";
    ASSERT_TRUE(refused(good.substr(0, i))) << "cut to " << i << " bytes";
  }
  ASSERT_TRUE(refused(good + "x"));
  // Larger than the file it stands for could need: refused unread.
  ASSERT_TRUE(refused(good + std::string(size_t{4} << 20, ' ')));
  // ... and a load through it gives the same result and writes a good entry.
  auto expect_rebuilt = [&](const std::string& bad, const std::string& what) {
    WriteFileOrDie(entry.string(), bad);
    fs::permissions(entry, fs::perms::owner_read | fs::perms::owner_write);
    Snapshot s = Load(reg, cache, 1);
    EXPECT_EQ(s, plain) << what;
    EXPECT_EQ(s.stats.rejected, 1u) << what;
    EXPECT_EQ(s.stats.stored, 1u) << what;
    EXPECT_EQ(ReadFileOrDie(entry.string()), good) << what;
  };
  for (size_t i = 0; i < good.size(); i += good.size() / 7) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    expect_rebuilt(bad, "byte " + std::to_string(i) + " flipped");
  }
  expect_rebuilt(good.substr(0, good.size() / 2), "cut in half");
  expect_rebuilt("", "empty");
  expect_rebuilt(std::string(good.size(), '\xff'), "garbage");
  // Another format version (bytes 4-7) is not ours, whatever follows.
  std::string foreign = good;
  foreign[4] = 2;
  expect_rebuilt(foreign, "format 2");
  expect_rebuilt(good + std::string(size_t{4} << 20, ' '), "a huge entry");
  // The right entry read back through the same handle.
  WriteFileOrDie(entry.string(), good);
  Provider p;
  std::vector<Diagnostic> d;
  EXPECT_EQ(pc->Load(key, "x.yaml", file_id, source.size(), &p, &d), ParseCache::Lookup::kHit);
  EXPECT_EQ(p.id.value, id);
  EXPECT_EQ(p.file, file_id);
}

TEST(ParseCache, PlantedEntriesAreNotFollowedOrTrusted) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  Snapshot plain = Load(reg, "");
  Load(reg, cache);
  fs::path entry = EntryOf(reg, cache, "slack");
  std::string good = ReadFileOrDie(entry.string());

  // A link to a valid entry elsewhere: not followed, replaced by an entry.
  std::string outside = MakeTempDir() + "/outside.vlc";
  WriteFileOrDie(outside, good);
  fs::remove(entry);
  fs::create_symlink(outside, entry);
  Snapshot s = Load(reg, cache);
  EXPECT_EQ(s, plain);
  EXPECT_EQ(s.stats.rejected, 1u);
  EXPECT_FALSE(fs::is_symlink(entry));
  EXPECT_EQ(ReadFileOrDie(outside), good);

  // A valid entry that others can write to is not trusted.
  fs::permissions(entry, fs::perms::others_write, fs::perm_options::add);
  s = Load(reg, cache);
  EXPECT_EQ(s.stats.rejected, 1u);
  EXPECT_EQ(fs::status(entry).permissions() & fs::perms::others_write, fs::perms::none);

  // A folder where an entry should be: parsed each time, no crash.
  fs::remove(entry);
  fs::create_directory(entry);
  s = Load(reg, cache);
  EXPECT_EQ(s, plain);
  EXPECT_EQ(s.stats.rejected, 1u);
  EXPECT_EQ(s.stats.stored, s.stats.parsed - 1);
}

TEST(ParseCache, AFolderOthersCanWriteToIsNotUsed) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  fs::create_directory(cache);
  fs::permissions(cache, fs::perms::all);
  Snapshot plain = Load(reg, "");
  Snapshot s = Load(reg, cache);
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.providers, plain.providers);
  const std::string warning = cache +
                              ": warning: parse cache not used: others can write to it; run "
                              "`chmod go-w " +
                              cache + "`";
  auto it = std::find(s.diags.begin(), s.diags.end(), warning);
  ASSERT_NE(it, s.diags.end());
  s.diags.erase(it);
  EXPECT_EQ(s.diags, plain.diags);
  EXPECT_TRUE(Entries(cache).empty());
  EXPECT_EQ(s.stats.parsed, 0u);

  // A file where the folder should be.
  std::string file = MakeTempDir() + "/file";
  WriteFileOrDie(file, "x");
  s = Load(reg, file);
  EXPECT_TRUE(s.ok);
  EXPECT_NE(std::find(s.diags.begin(), s.diags.end(),
                      file + ": warning: parse cache not used: cannot open it as a folder: Not a "
                             "directory"),
            s.diags.end());
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    if (old != nullptr) old_ = old;
    had_ = old != nullptr;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (had_) {
      setenv(name_, old_.c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(ParseCache, TheDefaultFolderFollowsXdg) {
  ScopedEnv home("HOME", "/home/u");
  {
    ScopedEnv xdg("XDG_CACHE_HOME", "/x/cache");
    EXPECT_EQ(ParseCache::DefaultDir(), "/x/cache/vendorlint");
  }
  // A relative XDG_CACHE_HOME is invalid by the specification: ignored.
  ScopedEnv xdg("XDG_CACHE_HOME", "rel");
  EXPECT_EQ(ParseCache::DefaultDir(), "/home/u/.cache/vendorlint");
}

}  // namespace
}  // namespace vendorlint
