// The parse cache's binary form of a provider file's result: it round-trips
// the model and diagnostics, refuses what cannot be stored path-independently,
// and decodes hostile bytes without crashing or overallocating.
#include "load/provider_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/registry_loader.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::SourceDir;

TEST(ProviderCodec, EveryProviderOfTheRegistryRoundTrips) {
  Registry loaded;
  std::vector<Diagnostic> diags;
  LoadOptions o;
  o.registry_dir = SourceDir() + "/registry";
  ASSERT_TRUE(LoadRegistry(o, &loaded, &diags));
  for (const Provider& p : loaded.providers) {
    std::string once, twice;
    ASSERT_TRUE(EncodeProviderResult(p, {}, "x.yaml", p.file, &once)) << p.id.value;
    Provider back;
    std::vector<Diagnostic> none;
    ASSERT_TRUE(DecodeProviderResult(once, "x.yaml", p.file, &back, &none)) << p.id.value;
    EXPECT_TRUE(none.empty());
    ASSERT_TRUE(EncodeProviderResult(back, {}, "x.yaml", p.file, &twice));
    EXPECT_EQ(once, twice) << p.id.value;
    // Spot checks that do not go through the codec.
    EXPECT_EQ(back.id.value, p.id.value);
    EXPECT_EQ(back.id.loc, p.id.loc);
    EXPECT_EQ(back.data_flows.items.size(), p.data_flows.items.size());
    EXPECT_EQ(back.storage->encrypted_at_rest.value, p.storage->encrypted_at_rest.value);
    EXPECT_EQ(back.storage->encrypted_at_rest.loc, p.storage->encrypted_at_rest.loc);
    // A group the file does not state stays unmade through the cache, so a
    // warm model is no larger than a cold one (model/group.h).
    EXPECT_EQ(back.storage.made(), p.storage.made()) << p.id.value;
    EXPECT_EQ(back.entity.made(), p.entity.made()) << p.id.value;
    EXPECT_EQ(back.contracts.made(), p.contracts.made()) << p.id.value;
  }
}

TEST(ProviderCodec, TheDecoderSurvivesEveryCorruptionOfItsPayload) {
  Registry loaded;
  std::vector<Diagnostic> diags;
  LoadOptions o;
  o.registry_dir = SourceDir() + "/registry";
  ASSERT_TRUE(LoadRegistry(o, &loaded, &diags));
  const Provider& p = loaded.providers.front();
  std::vector<Diagnostic> file_diags = {
      Diagnostic{"a.yaml", 3, 4, Severity::kWarning, "a warning"}};
  std::string payload;
  ASSERT_TRUE(EncodeProviderResult(p, file_diags, "a.yaml", p.file, &payload));
  Provider back;
  std::vector<Diagnostic> back_diags;
  ASSERT_TRUE(DecodeProviderResult(payload, "b.yaml", p.file, &back, &back_diags));
  ASSERT_EQ(back_diags.size(), 1u);
  EXPECT_EQ(back_diags[0].Format(), "b.yaml:3:4: warning: a warning");
  // Without the checksum's protection: no flip or cut may crash or
  // overallocate (the sanitizer builds run this too); a cut never decodes.
  for (size_t i = 0; i < payload.size(); ++i) {
    for (char mask : {'\x01', '\x80', '\xff'}) {
      std::string bad = payload;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      Provider q;
      std::vector<Diagnostic> d;
      DecodeProviderResult(bad, "b.yaml", p.file, &q, &d);
    }
    Provider q;
    std::vector<Diagnostic> d;
    EXPECT_FALSE(DecodeProviderResult(payload.substr(0, i), "b.yaml", p.file, &q, &d)) << i;
    EXPECT_TRUE(d.empty());
  }
  // A count of a billion items in a few bytes is refused, not allocated.
  Provider q;
  std::vector<Diagnostic> d;
  EXPECT_FALSE(DecodeProviderResult(std::string("\x80\x80\x80\x80\x04", 5), "b", 1, &q, &d));
}

TEST(ProviderCodec, ResultsThatNameOtherFilesAreNotEncoded) {
  Provider p;
  p.file = 3;
  p.id.loc = Location{3, 1, 5};
  std::string out;
  EXPECT_TRUE(EncodeProviderResult(p, {}, "x.yaml", 3, &out));
  p.name.loc = Location{4, 2, 1};
  EXPECT_FALSE(EncodeProviderResult(p, {}, "x.yaml", 3, &out));
  p.name.loc = Location{};
  EXPECT_FALSE(EncodeProviderResult(p, {Diagnostic{"y.yaml", 1, 1, Severity::kError, "elsewhere"}},
                                    "x.yaml", 3, &out));
  EXPECT_FALSE(EncodeProviderResult(p, {Diagnostic{"x.yaml", 1, 1, Severity::kError, "see x.yaml"}},
                                    "x.yaml", 3, &out));
  // File id 0 would be indistinguishable from "no file".
  EXPECT_FALSE(EncodeProviderResult(Provider{}, {}, "x.yaml", 0, &out));
}

}  // namespace
}  // namespace vendorlint
