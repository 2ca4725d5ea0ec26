#include "report/gzip_size.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <ostream>

namespace vendorlint {

struct GzipCounter::State {
  z_stream z{};
  bool ok = false;        // deflateInit2 succeeded
  size_t raw = 0;         // bytes written, the answer when zlib cannot measure
  size_t total = 0;       // compressed bytes so far
  std::array<unsigned char, 1 << 16> out{};
};

GzipCounter::GzipCounter() : state_(std::make_unique<State>()) {
  // 15 + 16: a gzip header and trailer around the deflate stream.
  state_->ok = deflateInit2(&state_->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                            Z_DEFAULT_STRATEGY) == Z_OK;
  setp(in_.data(), in_.data() + in_.size());
}

GzipCounter::~GzipCounter() {
  if (state_->ok) deflateEnd(&state_->z);
}

void GzipCounter::Deflate(std::string_view in, bool finish) {
  State& s = *state_;
  s.raw += in.size();
  if (!s.ok) return;
  size_t offset = 0;
  int rc = Z_OK;
  do {
    size_t chunk = std::min<size_t>(in.size() - offset, UINT32_MAX);
    // zlib's API is not const-correct; deflate never writes to its input.
    s.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + offset));
    s.z.avail_in = static_cast<uInt>(chunk);
    offset += chunk;
    const int flush = finish && offset == in.size() ? Z_FINISH : Z_NO_FLUSH;
    do {
      s.z.next_out = s.out.data();
      s.z.avail_out = static_cast<uInt>(s.out.size());
      rc = deflate(&s.z, flush);
      s.total += s.out.size() - s.z.avail_out;
    } while (s.z.avail_out == 0 || (flush == Z_FINISH && rc == Z_OK));
  } while (offset < in.size());
}

GzipCounter::int_type GzipCounter::overflow(int_type ch) {
  Deflate(std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())), false);
  setp(in_.data(), in_.data() + in_.size());
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

std::streamsize GzipCounter::xsputn(const char* s, std::streamsize n) {
  const size_t room = static_cast<size_t>(epptr() - pptr());
  const size_t size = static_cast<size_t>(n);
  if (size <= room) {
    std::copy(s, s + n, pptr());
    pbump(static_cast<int>(n));
    return n;
  }
  overflow(traits_type::eof());
  Deflate(std::string_view(s, size), false);
  return n;
}

size_t GzipCounter::Finish() {
  Deflate(std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())), true);
  setp(in_.data(), in_.data() + in_.size());
  // Without zlib the uncompressed size is an upper bound in practice.
  return state_->ok ? state_->total : state_->raw;
}

size_t GzipSize(std::string_view text) {
  GzipCounter counter;
  std::ostream os(&counter);
  os.write(text.data(), static_cast<std::streamsize>(text.size()));
  return counter.Finish();
}

}  // namespace vendorlint
