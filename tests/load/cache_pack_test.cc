// Pack files of the parse cache: what WritePack writes, Parse reads back
// (every key found, every payload checked), and a pack that breaks the
// layout's rules is refused, whatever its trailer says.
#include "load/cache_pack.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::MakeTempDir;
using testing::ReadFileOrDie;

Sha256Digest KeyOf(const std::string& s) {
  Sha256Digest d{};
  EXPECT_TRUE(Sha256({s}, &d));
  return d;
}

// The bytes WritePack writes for `payloads`, in the order given (keys are
// the digests of "key <payload>"); sets *name.
std::string Written(const Sha256Digest& context, const std::vector<std::string>& payloads,
                    std::string* name, bool sort = true) {
  std::vector<PackEntry> entries;
  for (const std::string& p : payloads) {
    PackEntry e{KeyOf("key " + p), p, {}};
    EXPECT_TRUE(PackEntrySum(e.key, e.payload, &e.sum));
    entries.push_back(e);
  }
  if (sort)
    std::sort(entries.begin(), entries.end(),
              [](const PackEntry& a, const PackEntry& b) { return a.key < b.key; });
  const std::string path = MakeTempDir() + "/pack";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  EXPECT_GE(fd, 0);
  EXPECT_TRUE(WritePack(fd, context, entries, name));
  close(fd);
  return ReadFileOrDie(path);
}

TEST(CachePack, WhatIsWrittenIsReadBack) {
  const Sha256Digest context = KeyOf("context");
  std::vector<std::string> payloads;
  // Enough, and large enough, to cross the writer's 1 MiB buffer.
  for (int i = 0; i < 40; ++i) payloads.push_back(std::string(40000, 'a' + i % 26) + std::to_string(i));
  payloads.push_back("");
  std::string name;
  std::string bytes = Written(context, payloads, &name);
  EXPECT_TRUE(CachePack::IsName(name)) << name;
  CachePack pack;
  ASSERT_TRUE(CachePack::Parse(bytes, context, &pack));
  ASSERT_EQ(pack.size(), payloads.size());
  for (const std::string& p : payloads) {
    size_t i = pack.Find(KeyOf("key " + p));
    ASSERT_LT(i, pack.size());
    std::string_view got;
    ASSERT_TRUE(pack.Payload(i, &got));
    EXPECT_EQ(got, p);
    EXPECT_EQ(pack.Length(i), p.size());
  }
  EXPECT_EQ(pack.Find(KeyOf("absent")), pack.size());
  // The same entries make the same file, whatever order they came in.
  std::string again;
  std::vector<std::string> reversed(payloads.rbegin(), payloads.rend());
  EXPECT_EQ(Written(context, reversed, &again), bytes);
  EXPECT_EQ(again, name);
  // Another context: refused whole.
  EXPECT_EQ(CachePack::CheckHeader(bytes, bytes.size(), KeyOf("other")),
            CachePack::Header::kOtherContext);
  EXPECT_FALSE(CachePack::Parse(bytes, KeyOf("other"), &pack));
  EXPECT_EQ(pack.size(), 0u);
}

TEST(CachePack, KeysOutOfOrderOrTwiceAreRefused) {
  const Sha256Digest context = KeyOf("context");
  std::string name;
  CachePack pack;
  // A valid trailer over an index whose keys are not strictly increasing.
  std::string unsorted = Written(context, {"one", "two", "three"}, &name, /*sort=*/false);
  std::string sorted = Written(context, {"one", "two", "three"}, &name);
  ASSERT_NE(unsorted, sorted);
  EXPECT_FALSE(CachePack::Parse(unsorted, context, &pack));
  EXPECT_FALSE(CachePack::Parse(Written(context, {"same", "same"}, &name), context, &pack));
  EXPECT_TRUE(CachePack::Parse(sorted, context, &pack));
  // A payload that does not match its digest is refused on its own.
  std::string bad = sorted;
  bad[CachePack::kHeaderBytes] ^= 1;
  ASSERT_TRUE(CachePack::Parse(bad, context, &pack));
  size_t refused = 0;
  for (size_t i = 0; i < pack.size(); ++i) {
    std::string_view p;
    refused += pack.Payload(i, &p) ? 0 : 1;
  }
  EXPECT_EQ(refused, 1u);
}

TEST(CachePack, Names) {
  EXPECT_TRUE(CachePack::IsName("pack-0123456789abcdef0123456789abcdef.vlp"));
  EXPECT_FALSE(CachePack::IsName("pack-0123456789ABCDEF0123456789abcdef.vlp"));
  EXPECT_FALSE(CachePack::IsName("pack-0123456789abcdef0123456789abcde.vlp"));
  EXPECT_FALSE(CachePack::IsName("pack-0123456789abcdef0123456789abcdef.vlc"));
  EXPECT_FALSE(CachePack::IsName("../pack-0123456789abcdef0123456789abcd.vlp"));
  Sha256Digest d{};
  d[0] = 0xab;
  EXPECT_EQ(CachePack::Name(d), "pack-ab000000000000000000000000000000.vlp");
}

}  // namespace
}  // namespace vendorlint
