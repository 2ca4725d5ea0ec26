// The parse cache: a load through it gives exactly what a load without it
// gives (model, locations, diagnostics), a warm load parses only the changed
// files, and no entry -- corrupt, truncated, foreign, planted -- is trusted.
#include "load/parse_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "load/cache_pack.h"
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

// Every file in the cache folder.
std::vector<fs::path> Entries(const std::string& cache) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(cache)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The pack files in the cache folder.
std::vector<fs::path> Packs(const std::string& cache) {
  std::vector<fs::path> out;
  for (const fs::path& p : Entries(cache))
    if (CachePack::IsName(p.filename().string())) out.push_back(p);
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
  // One pack file holds them all, and nothing else is left in the folder.
  ASSERT_EQ(Packs(cache).size(), 1u);
  EXPECT_EQ(Entries(cache), Packs(cache));
  // The folder is created private.
  EXPECT_EQ(fs::status(cache).permissions() & fs::perms::all, fs::perms::owner_all);
  for (unsigned threads : {1u, 2u}) {
    Snapshot warm = Load(reg, cache, threads);
    EXPECT_EQ(warm, plain);
    EXPECT_EQ(warm.stats.reused, n);
    EXPECT_EQ(warm.stats.parsed, 0u);
    EXPECT_EQ(warm.stats.stored, 0u);
    EXPECT_EQ(warm.stats.packs_read, 1u);
  }
  // A warm run writes nothing.
  EXPECT_EQ(Entries(cache).size(), 1u);
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
  // The run's one new entry is a pack of its own; the old entry stays (the
  // change may be reverted) and the new one is reused.
  EXPECT_EQ(Packs(cache).size(), 2u);
  EXPECT_EQ(Entries(cache).size(), 2u);
  Snapshot again = Load(reg, cache);
  EXPECT_EQ(again.stats.reused, n);
  EXPECT_EQ(again.stats.packs_read, 2u);
}

TEST(ParseCache, ConcurrentLoadsShareAFolder) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  Snapshot plain = Load(reg, "");
  // Two cold loads at once write the same pack (each to its own temporary
  // name, renamed into place: the same name, since a pack is named after its
  // checksum), then a warm one reads it.
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
  EXPECT_EQ(Entries(cache).size(), 1u);
  EXPECT_EQ(Packs(cache).size(), 1u);
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

// A copy of the registry with only its smallest provider (short loops over
// every byte of its pack); sets *id.
std::string SmallestRegistry(std::string* id) {
  std::string reg = CopyRegistry();
  uintmax_t smallest = UINTMAX_MAX;
  for (const auto& e : fs::directory_iterator(reg + "/providers")) {
    if (e.file_size() < smallest) {
      smallest = e.file_size();
      *id = e.path().stem().string();
    }
  }
  for (const auto& e : fs::directory_iterator(reg + "/providers"))
    if (e.path().stem() != *id) fs::remove(e.path());
  return reg;
}

TEST(ParseCache, EveryFlippedByteAndEveryTruncationIsRefusedAndRebuilt) {
  std::string id;
  std::string reg = SmallestRegistry(&id);
  std::string cache = MakeTempDir() + "/cache";
  Snapshot plain = Load(reg, "");
  Load(reg, cache);
  ASSERT_EQ(Packs(cache).size(), 1u);
  const fs::path pack = Packs(cache)[0];
  const std::string good = ReadFileOrDie(pack.string());
  ASSERT_GT(good.size(), CachePack::kHeaderBytes + CachePack::kRecordBytes + 32);
  // Every corruption is refused by the pack's or the entry's own checks
  // (fast: no parse): the pack is read when the cache is opened.
  yaml::Limits limits;
  const std::string taxonomy = ReadFileOrDie(reg + "/taxonomy.yaml");
  const std::string source = ReadFileOrDie(reg + "/providers/" + id + ".yaml");
  const uint32_t file_id = 2;  // organization.yaml is 0, providers/... follow
  auto refused = [&](const std::string& bad) {
    WriteFileOrDie(pack.string(), bad);
    fs::permissions(pack, fs::perms::owner_read | fs::perms::owner_write);
    std::string why;
    auto pc = ParseCache::Open(cache, taxonomy, limits, &why);
    if (pc == nullptr) return false;
    Provider p;
    std::vector<Diagnostic> d;
    auto r = pc->Load(pc->KeyOf(id, source), "x.yaml", file_id, source.size(), &p, &d);
    return r != ParseCache::Lookup::kHit && d.empty() && p.id.value.empty();
  };
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    ASSERT_TRUE(refused(bad)) << "byte " << i << " flipped";
    ASSERT_TRUE(refused(good.substr(0, i))) << "cut to " << i << " bytes";
  }
  ASSERT_TRUE(refused(good + "x"));
  // Larger than its header says: refused unread.
  ASSERT_TRUE(refused(good + std::string(size_t{4} << 20, ' ')));
  // ... and a load through it gives the same result and writes the good pack
  // again, under the same name (a pack is named after its checksum).
  auto expect_rebuilt = [&](const std::string& bad, const std::string& what) {
    WriteFileOrDie(pack.string(), bad);
    fs::permissions(pack, fs::perms::owner_read | fs::perms::owner_write);
    Snapshot s = Load(reg, cache, 1);
    EXPECT_EQ(s, plain) << what;
    EXPECT_EQ(s.stats.reused, 0u) << what;
    EXPECT_EQ(s.stats.stored, 1u) << what;
    EXPECT_EQ(Entries(cache), std::vector<fs::path>{pack}) << what;
    EXPECT_EQ(ReadFileOrDie(pack.string()), good) << what;
  };
  for (size_t i = 0; i < good.size(); i += good.size() / 9) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    expect_rebuilt(bad, "byte " + std::to_string(i) + " flipped");
  }
  expect_rebuilt(good.substr(0, good.size() / 2), "cut in half");
  expect_rebuilt("", "empty");
  expect_rebuilt(std::string(good.size(), '\xff'), "garbage");
  // Another pack format (bytes 4-7) is not ours, whatever follows.
  std::string foreign = good;
  foreign[4] = 2;
  expect_rebuilt(foreign, "format 2");
  expect_rebuilt(good + std::string(size_t{4} << 20, ' '), "a huge pack");
  // A corrupt payload is the entry's own failure: that file is parsed again.
  std::string bad_payload = good;
  bad_payload[CachePack::kHeaderBytes] ^= 1;
  WriteFileOrDie(pack.string(), bad_payload);
  EXPECT_EQ(Load(reg, cache, 1).stats.rejected, 1u);
  // The right pack read back.
  WriteFileOrDie(pack.string(), good);
  std::string why;
  auto pc = ParseCache::Open(cache, taxonomy, limits, &why);
  ASSERT_NE(pc, nullptr) << why;
  Provider p;
  std::vector<Diagnostic> d;
  EXPECT_EQ(pc->Load(pc->KeyOf(id, source), "x.yaml", file_id, source.size(), &p, &d),
            ParseCache::Lookup::kHit);
  EXPECT_EQ(p.id.value, id);
  EXPECT_EQ(p.file, file_id);
}

// Rewrites the little-endian integer of `n` bytes at `at`.
void Poke(std::string* s, size_t at, size_t n, uint64_t v) {
  for (size_t i = 0; i < n; ++i) (*s)[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Makes `pack`'s trailer match its (edited) header and index again, as a
// forger would: what is left to refuse it is the bounds checks.
void Reseal(std::string* pack) {
  const size_t count = static_cast<uint8_t>((*pack)[40]) | static_cast<size_t>(
                           static_cast<uint8_t>((*pack)[41])) << 8;
  const size_t index_bytes = count * CachePack::kRecordBytes;
  const size_t index_at = pack->size() - CachePack::kTrailerBytes - index_bytes;
  Sha256Digest t{};
  ASSERT_TRUE(Sha256({std::string_view(*pack).substr(0, CachePack::kHeaderBytes),
                      std::string_view(*pack).substr(index_at, index_bytes)},
                     &t));
  pack->replace(pack->size() - CachePack::kTrailerBytes, CachePack::kTrailerBytes,
                std::string(DigestBytes(t)));
}

TEST(ParseCache, APackClaimingHugeSizesIsRefusedUnread) {
  std::string id;
  std::string reg = SmallestRegistry(&id);
  std::string cache = MakeTempDir() + "/cache";
  Snapshot plain = Load(reg, "");
  Load(reg, cache);
  const fs::path pack = Packs(cache)[0];
  const std::string good = ReadFileOrDie(pack.string());
  const size_t record = good.size() - CachePack::kTrailerBytes - CachePack::kRecordBytes;
  auto expect_refused = [&](const std::string& bad, const std::string& what) {
    WriteFileOrDie(pack.string(), bad);
    Snapshot s = Load(reg, cache, 1);
    EXPECT_EQ(s, plain) << what;
    EXPECT_EQ(s.stats.packs_ignored, 1u) << what;
    EXPECT_EQ(s.stats.packs_read, 0u) << what;
    EXPECT_EQ(s.stats.reused, 0u) << what;
  };
  // Header sizes that do not add up to the file's: refused before anything
  // they claim is read or allocated.
  std::string bad = good;
  Poke(&bad, 40, 4, 0xffffffff);  // entry count
  expect_refused(bad, "4 billion entries");
  bad = good;
  Poke(&bad, 48, 8, UINT64_MAX - 10);  // data size (a sum that would wrap)
  expect_refused(bad, "a data region of 2^64 bytes");
  bad = good;
  Poke(&bad, 48, 8, uint64_t{1} << 40);
  expect_refused(bad, "a data region of 1 TiB");
  // An index record pointing past the data, with a trailer that matches.
  bad = good;
  Poke(&bad, record + 40, 4, 0xffffffff);  // length
  Reseal(&bad);
  expect_refused(bad, "an entry of 4 GiB");
  bad = good;
  Poke(&bad, record + 32, 8, UINT64_MAX);  // offset
  Reseal(&bad);
  expect_refused(bad, "an entry at offset 2^64");
  // The same checks without the file system.
  Sha256Digest context{};
  std::string header = good.substr(0, CachePack::kHeaderBytes);
  std::copy_n(header.begin() + 8, 32, context.begin());
  EXPECT_EQ(CachePack::CheckHeader(header, good.size(), context), CachePack::Header::kOk);
  Poke(&header, 40, 4, 0xffffffff);
  EXPECT_EQ(CachePack::CheckHeader(header, good.size(), context), CachePack::Header::kInvalid);
  EXPECT_EQ(CachePack::CheckHeader(header, UINT64_MAX, context), CachePack::Header::kInvalid);
}

TEST(ParseCache, PlantedPacksAreNotFollowedOrTrusted) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  const size_t n = ProviderCount(reg);
  Snapshot plain = Load(reg, "");
  Load(reg, cache);
  const fs::path pack = Packs(cache)[0];
  const std::string good = ReadFileOrDie(pack.string());

  // A link to a valid pack elsewhere: not followed, replaced by a pack.
  std::string outside = MakeTempDir() + "/outside.vlp";
  WriteFileOrDie(outside, good);
  fs::remove(pack);
  fs::create_symlink(outside, pack);
  Snapshot s = Load(reg, cache);
  EXPECT_EQ(s, plain);
  EXPECT_EQ(s.stats.parsed, n);
  EXPECT_EQ(s.stats.packs_ignored, 1u);
  EXPECT_FALSE(fs::is_symlink(pack));
  EXPECT_EQ(ReadFileOrDie(outside), good);
  EXPECT_EQ(ReadFileOrDie(pack.string()), good);

  // A valid pack that others can write to is not trusted.
  fs::permissions(pack, fs::perms::others_write, fs::perm_options::add);
  s = Load(reg, cache);
  EXPECT_EQ(s.stats.parsed, n);
  EXPECT_EQ(s.stats.packs_ignored, 1u);
  EXPECT_EQ(fs::status(pack).permissions() & fs::perms::others_write, fs::perms::none);
  EXPECT_EQ(Load(reg, cache).stats.reused, n);

  // A folder where the pack should be: parsed each time, nothing stored, no crash.
  fs::remove(pack);
  fs::create_directory(pack);
  s = Load(reg, cache);
  EXPECT_EQ(s, plain);
  EXPECT_EQ(s.stats.parsed, n);
  EXPECT_EQ(s.stats.stored, 0u);
  EXPECT_EQ(Entries(cache), std::vector<fs::path>{pack});
}

// A load that changes slack.yaml's notes to `text` first.
Snapshot LoadChanged(const std::string& reg, const std::string& cache, const std::string& text,
                     const ParseCacheTuning& tuning) {
  const std::string path = reg + "/providers/slack.yaml";
  static std::map<std::string, std::string> original;
  if (!original.count(path)) original[path] = ReadFileOrDie(path);
  WriteFileOrDie(path, original[path] + "notes: " + text + "\n");
  LoadOptions o;
  o.registry_dir = reg;
  o.threads = 2;
  o.cache_dir = cache;
  o.cache_tuning = tuning;
  Snapshot s;
  o.cache_stats = &s.stats;
  Registry r;
  std::vector<Diagnostic> diags;
  s.ok = LoadRegistry(o, &r, &diags);
  for (const auto& d : diags) s.diags.push_back(d.Format());
  for (const auto& p : r.providers) {
    std::string bytes;
    EXPECT_TRUE(EncodeProviderResult(p, {}, "", p.file == 0 ? 1 : p.file, &bytes));
    s.providers.push_back(r.files.at(p.file) + "\n" + bytes);
  }
  return s;
}

TEST(ParseCache, PacksAreCompactedAboveTheLimitWithIdenticalResults) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  const size_t n = ProviderCount(reg);
  ParseCacheTuning tuning;
  tuning.max_packs = 3;
  // Each run changes one file: one new pack each, until a run would make a
  // fourth; that one writes a single pack instead.
  for (int run = 1; run <= 7; ++run) {
    Snapshot s = LoadChanged(reg, cache, "run " + std::to_string(run), tuning);
    EXPECT_EQ(s, LoadChanged(reg, "", "run " + std::to_string(run), tuning)) << run;
    EXPECT_EQ(s.stats.parsed, run == 1 ? n : 1u) << run;
    const size_t expected_packs = run <= 3 ? run : (run - 4) % 3 + 1;
    EXPECT_EQ(s.stats.compacted, run == 4 || run == 7) << run;
    EXPECT_EQ(Packs(cache).size(), expected_packs) << run;
    EXPECT_EQ(Entries(cache).size(), expected_packs) << run;
  }
  // The compacted pack kept the older versions too (within keep_bytes).
  Snapshot back = LoadChanged(reg, cache, "run 2", tuning);
  EXPECT_EQ(back.stats.reused, n);
  EXPECT_EQ(back.stats.stored, 0u);
}

TEST(ParseCache, CompactionKeepsThisRunsEntriesAndPrunesTheRest) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  const size_t n = ProviderCount(reg);
  ParseCacheTuning tuning;
  tuning.max_packs = 2;
  tuning.keep_bytes = 0;  // nothing beyond what the compacting run used or made
  LoadChanged(reg, cache, "a", tuning);
  LoadChanged(reg, cache, "b", tuning);
  // Leftovers a compaction removes: another context's pack (another
  // taxonomy), an unusable one, the old layout's entry files and a crashed
  // run's temporary file; a running one's stays.
  WriteFileOrDie(reg + "/taxonomy.yaml", ReadFileOrDie(reg + "/taxonomy.yaml") + "# other\n");
  LoadChanged(reg, cache, "b", ParseCacheTuning{});
  const std::string taxonomy_edited = ReadFileOrDie(reg + "/taxonomy.yaml");
  WriteFileOrDie(reg + "/taxonomy.yaml",
                 taxonomy_edited.substr(0, taxonomy_edited.size() - std::string("# other\n").size()));
  ASSERT_EQ(Packs(cache).size(), 3u);
  WriteFileOrDie(cache + "/pack-00000000000000000000000000000000.vlp", "not a pack");
  fs::permissions(cache + "/pack-00000000000000000000000000000000.vlp",
                  fs::perms::owner_read | fs::perms::owner_write);
  const std::string old_entry = cache + "/" + std::string(64, 'a') + ".vlc";
  WriteFileOrDie(old_entry, "old layout");
  WriteFileOrDie(cache + "/.tmp-pack-1-0", "crashed");
  fs::last_write_time(cache + "/.tmp-pack-1-0",
                      fs::file_time_type::clock::now() - std::chrono::hours(48));
  WriteFileOrDie(cache + "/.tmp-pack-2-0", "being written");

  Snapshot c = LoadChanged(reg, cache, "c", tuning);
  EXPECT_TRUE(c.stats.compacted);
  EXPECT_EQ(c.stats.reused, n - 1);
  EXPECT_EQ(c.stats.packs_ignored, 1u);
  EXPECT_EQ(c, LoadChanged(reg, "", "c", tuning));
  ASSERT_EQ(Packs(cache).size(), 1u);
  EXPECT_EQ(Entries(cache), (std::vector<fs::path>{cache + "/.tmp-pack-2-0", Packs(cache)[0]}));
  // Everything this run used or made is there; "a" and "b" were pruned.
  EXPECT_EQ(LoadChanged(reg, cache, "c", tuning).stats.reused, n);
  EXPECT_EQ(LoadChanged(reg, cache, "a", tuning).stats.parsed, 1u);
}

TEST(ParseCache, AReaderKeepsWhatItReadWhileAnotherRunCompacts) {
  std::string reg = CopyRegistry();
  std::string cache = MakeTempDir() + "/cache";
  ParseCacheTuning tuning;
  tuning.max_packs = 1;
  Snapshot plain = LoadChanged(reg, "", "x", tuning);
  LoadChanged(reg, cache, "x", tuning);
  // A run has read the pack...
  yaml::Limits limits;
  std::string why;
  auto reader = ParseCache::Open(cache, ReadFileOrDie(reg + "/taxonomy.yaml"), limits, &why);
  ASSERT_NE(reader, nullptr) << why;
  const fs::path first = Packs(cache)[0];
  // ... when another compacts, removing it.
  EXPECT_TRUE(LoadChanged(reg, cache, "y", tuning).stats.compacted);
  EXPECT_FALSE(fs::exists(first));
  const std::string source = ReadFileOrDie(reg + "/providers/stripe.yaml");
  Provider p;
  std::vector<Diagnostic> d;
  EXPECT_EQ(reader->Load(reader->KeyOf("stripe", source), "stripe.yaml", 3, source.size(), &p, &d),
            ParseCache::Lookup::kHit);
  EXPECT_EQ(p.id.value, "stripe");
  // Its own new entry goes into a pack of its own (it compacts too: the pack
  // it had read is gone already, which is no error).
  Provider q = p;
  EXPECT_TRUE(reader->Store(reader->KeyOf("stripe", source + "# more\n"), "stripe.yaml", 3,
                            source.size() + 7, q, {}));
  EXPECT_TRUE(reader->Finish());
  reader.reset();
  EXPECT_EQ(LoadChanged(reg, cache, "x", tuning), plain);
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
