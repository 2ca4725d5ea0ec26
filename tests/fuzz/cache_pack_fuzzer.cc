// libFuzzer target for the parse cache's pack files (load/cache_pack.h) and,
// through them, the entry decoder (load/provider_codec.h). A fuzzer cannot
// forge SHA-256, so the target seals its input as a writer would: it sets the
// context and, where the header's sizes hold, every entry's digest and the
// trailer; what is left to refuse the input is the pack's structure checks
// (sizes, bounds, key order) and the decoder. Any input must parse or be
// refused, never crash, leak, overallocate or trip a sanitizer; a pack that
// parses must find each of its keys at its own index.
// Seeded by ci/fuzz with the packs of the real registry's cache.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "load/cache_pack.h"
#include "load/provider_codec.h"

namespace {

uint64_t ReadLe(const std::string& s, size_t at, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t{static_cast<uint8_t>(s[at + i])} << (8 * i);
  return v;
}

void Put(std::string* s, size_t at, std::string_view bytes) { s->replace(at, bytes.size(), bytes); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vendorlint::CachePack;
  using vendorlint::DigestBytes;
  using vendorlint::Sha256Digest;
  std::string pack(reinterpret_cast<const char*>(data), size);
  Sha256Digest context{};
  context.fill(0x5c);
  if (pack.size() >= CachePack::kHeaderBytes + CachePack::kTrailerBytes) {
    Put(&pack, 8, DigestBytes(context));
    if (CachePack::CheckHeader(pack, pack.size(), context) == CachePack::Header::kOk) {
      const size_t count = static_cast<size_t>(ReadLe(pack, 40, 4));
      const uint64_t data_bytes = ReadLe(pack, 48, 8);
      const size_t index_at = CachePack::kHeaderBytes + static_cast<size_t>(data_bytes);
      for (size_t i = 0; i < count; ++i) {
        const size_t r = index_at + i * CachePack::kRecordBytes;
        const uint64_t offset = ReadLe(pack, r + 32, 8), length = ReadLe(pack, r + 40, 4);
        if (offset > data_bytes || length > data_bytes - offset) continue;
        Sha256Digest key{}, sum{};
        std::copy_n(pack.begin() + static_cast<std::ptrdiff_t>(r), 32, key.begin());
        std::string_view payload = std::string_view(pack).substr(
            CachePack::kHeaderBytes + static_cast<size_t>(offset), static_cast<size_t>(length));
        if (vendorlint::PackEntrySum(key, payload, &sum)) Put(&pack, r + 44, DigestBytes(sum));
      }
      Sha256Digest trailer{};
      if (vendorlint::Sha256({std::string_view(pack).substr(0, CachePack::kHeaderBytes),
                              std::string_view(pack).substr(index_at, count * CachePack::kRecordBytes)},
                             &trailer))
        Put(&pack, pack.size() - CachePack::kTrailerBytes, DigestBytes(trailer));
    }
  }
  CachePack parsed;
  if (!vendorlint::CachePack::Parse(pack, context, &parsed)) {
    if (parsed.size() != 0) std::abort();  // a refused pack holds nothing
    return 0;
  }
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (parsed.Find(parsed.Key(i)) != i) std::abort();
    std::string_view payload;
    if (!parsed.Payload(i, &payload)) std::abort();  // sealed above
    vendorlint::Provider p;
    std::vector<vendorlint::Diagnostic> diags;
    (void)vendorlint::DecodeProviderResult(payload, "fuzz.yaml", 7, &p, &diags);
  }
  return 0;
}
