// SHA-256 (OpenSSL's libcrypto) for the parse cache: its keys and the
// checksums of its packs. A key must not collide even for files an adversary
// writes (a pull request's provider file could otherwise be made to load
// another file's cached model), and the same digest checks integrity. With
// SHA extensions it hashes well over 1 GB/s, a small share of reading and
// parsing the same bytes.
#ifndef VENDORLINT_LOAD_SHA256_H_
#define VENDORLINT_LOAD_SHA256_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace vendorlint {

using Sha256Digest = std::array<uint8_t, 32>;

// The digest of the concatenation of `parts`; false (and *out unspecified)
// only when libcrypto fails.
bool Sha256(std::initializer_list<std::string_view> parts, Sha256Digest* out);

// Incremental form, for data written piece by piece.
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;
  void Update(std::string_view data);
  // False when any step failed.
  bool Final(Sha256Digest* out);

 private:
  void* ctx_;  // EVP_MD_CTX, kept out of this header
  bool ok_;
};

// The digest's bytes as a string_view (for comparisons and hashing).
inline std::string_view DigestBytes(const Sha256Digest& d) {
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

// Lower-case hex of the first `bytes` bytes of `d`.
std::string DigestHex(const Sha256Digest& d, size_t bytes = 32);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_SHA256_H_
