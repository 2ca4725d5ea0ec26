// The parse cache's compact binary form of one provider file's load result:
// the Provider model (every value with its Location) and the diagnostics the
// loader reported for that file. The parse cache (load/parse_cache.h) wraps it
// in an entry with a magic, a key and a checksum; this layer only encodes.
//
// Paths and file ids are not stored: a Location's file is either "this file"
// or 0 (an absent value), and every diagnostic is about this file, so an
// entry stays valid when the registry is moved or its file table changes.
// A result that does not fit that shape is not encoded (EncodeProviderResult
// returns false) and the file is simply parsed each time.
//
// Decoding treats its input as hostile: every length is checked against the
// bytes left, every enumeration against its range, every string is valid
// UTF-8, a date is a real day; memory grows only with the bytes consumed.
#ifndef VENDORLINT_LOAD_PROVIDER_CODEC_H_
#define VENDORLINT_LOAD_PROVIDER_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/registry.h"
#include "util/location.h"

namespace vendorlint {

// Appends the encoding of `p` and `diags` (all about `path`, whose id in the
// file table is `file_id`) to *out. Returns false, with *out unspecified, when
// the result cannot be stored path-independently (a Location in another file,
// a diagnostic about another file or naming `path` in its message).
bool EncodeProviderResult(const Provider& p, const std::vector<Diagnostic>& diags,
                          const std::string& path, uint32_t file_id, std::string* out);

// The inverse: fills *p and appends to *diags (file = path) only when the
// whole of `bytes` decodes; otherwise returns false and leaves both as given.
bool DecodeProviderResult(std::string_view bytes, const std::string& path, uint32_t file_id,
                          Provider* p, std::vector<Diagnostic>* diags);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_PROVIDER_CODEC_H_
