#include "load/sha256.h"

#include <openssl/evp.h>

namespace vendorlint {
namespace {

// Fetched once: EVP_sha256() makes OpenSSL 3 look the algorithm up again on
// every init, which showed up in a warm load (40,000 digests of small inputs).
const EVP_MD* Sha256Md() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

}  // namespace

Sha256Hasher::Sha256Hasher() : ctx_(EVP_MD_CTX_new()), ok_(ctx_ != nullptr && Sha256Md() != nullptr) {
  ok_ = ok_ && EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), Sha256Md(), nullptr) == 1;
}

Sha256Hasher::~Sha256Hasher() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void Sha256Hasher::Update(std::string_view data) {
  ok_ = ok_ && EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), data.data(), data.size()) == 1;
}

bool Sha256Hasher::Final(Sha256Digest* out) {
  unsigned int len = 0;
  ok_ = ok_ && EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), out->data(), &len) == 1 &&
        len == out->size();
  return ok_;
}

bool Sha256(std::initializer_list<std::string_view> parts, Sha256Digest* out) {
  // One context per thread, reset for each digest, instead of one allocated
  // and freed per digest.
  struct Ctx {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Ctx() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Ctx local;
  EVP_MD_CTX* ctx = local.ctx;
  bool ok = ctx != nullptr && Sha256Md() != nullptr &&
            EVP_DigestInit_ex(ctx, Sha256Md(), nullptr) == 1;
  for (std::string_view p : parts) ok = ok && EVP_DigestUpdate(ctx, p.data(), p.size()) == 1;
  unsigned int len = 0;
  return ok && EVP_DigestFinal_ex(ctx, out->data(), &len) == 1 && len == out->size();
}

std::string DigestHex(const Sha256Digest& d, size_t bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < bytes && i < d.size(); ++i) {
    s.push_back(kHex[d[i] >> 4]);
    s.push_back(kHex[d[i] & 0xf]);
  }
  return s;
}

}  // namespace vendorlint
