// The size a text takes gzip-compressed: GitHub limits a SARIF upload to
// 10 MB *compressed*, and an uncompressed estimate would cut results that fit.
#ifndef VENDORLINT_REPORT_GZIP_SIZE_H_
#define VENDORLINT_REPORT_GZIP_SIZE_H_

#include <cstddef>
#include <string_view>

namespace vendorlint {

// Bytes of `text` as `gzip -6` writes it (zlib's default level, the one
// upload-sarif and Node's zlib.gzipSync use). Nothing is kept but the count.
size_t GzipSize(std::string_view text);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_GZIP_SIZE_H_
