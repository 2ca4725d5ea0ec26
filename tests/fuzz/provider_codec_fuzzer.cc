// libFuzzer target for the parse cache's decoder (load/provider_codec.h): any
// byte string must decode or be refused, never crash, leak, overallocate or
// trip a sanitizer; whatever decodes must encode again and decode to the same
// encoding (a model the cache hands out is one the loader could have made).
// Seeded by ci/fuzz with the payloads of the real registry's cache entries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "load/provider_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vendorlint::Diagnostic;
  using vendorlint::Provider;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr uint32_t kFile = 7;
  Provider p;
  std::vector<Diagnostic> diags;
  if (!vendorlint::DecodeProviderResult(input, "fuzz.yaml", kFile, &p, &diags)) {
    if (!diags.empty()) std::abort();  // a refused entry adds nothing
    return 0;
  }
  for (const Diagnostic& d : diags)
    if (d.file != "fuzz.yaml") std::abort();
  std::string once;
  if (!vendorlint::EncodeProviderResult(p, diags, "fuzz.yaml", kFile, &once)) {
    // Only a message naming the path itself is not encodable.
    for (const Diagnostic& d : diags)
      if (d.message.find("fuzz.yaml") != std::string::npos) return 0;
    std::abort();
  }
  Provider q;
  std::vector<Diagnostic> again;
  std::string twice;
  if (!vendorlint::DecodeProviderResult(once, "fuzz.yaml", kFile, &q, &again) ||
      !vendorlint::EncodeProviderResult(q, again, "fuzz.yaml", kFile, &twice) || once != twice)
    std::abort();
  return 0;
}
