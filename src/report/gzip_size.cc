#include "report/gzip_size.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace vendorlint {

size_t GzipSize(std::string_view text) {
  z_stream z{};
  // 15 + 16: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return text.size();  // cannot measure: the uncompressed size is an upper bound in practice
  std::array<unsigned char, 1 << 16> out;
  size_t total = 0;
  size_t offset = 0;
  int rc = Z_OK;
  do {
    size_t chunk = std::min<size_t>(text.size() - offset, UINT32_MAX);
    // zlib's API is not const-correct; deflate never writes to its input.
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data() + offset));
    z.avail_in = static_cast<uInt>(chunk);
    offset += chunk;
    int flush = offset == text.size() ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      rc = deflate(&z, flush);
      total += out.size() - z.avail_out;
    } while (z.avail_out == 0);
  } while (rc != Z_STREAM_END && offset < text.size());
  deflateEnd(&z);
  return total;
}

}  // namespace vendorlint
