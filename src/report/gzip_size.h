// The size a text takes gzip-compressed: GitHub limits a SARIF upload to
// 10 MB *compressed*, and an uncompressed estimate would cut results that fit.
#ifndef VENDORLINT_REPORT_GZIP_SIZE_H_
#define VENDORLINT_REPORT_GZIP_SIZE_H_

#include <array>
#include <cstddef>
#include <memory>
#include <streambuf>
#include <string_view>

namespace vendorlint {

// Bytes of `text` as `gzip -6` writes it (zlib's default level, the one
// upload-sarif and Node's zlib.gzipSync use). Nothing is kept but the count.
size_t GzipSize(std::string_view text);

// The same count for a text written to a stream, so that a report can be
// measured without being held (a 20,000-provider SARIF log is 100 MB).
// Deflate's output does not depend on how its input is split, so
// Finish() equals GzipSize of everything written.
//
// Not thread-safe; one per measurement.
class GzipCounter : public std::streambuf {
 public:
  GzipCounter();
  ~GzipCounter() override;
  GzipCounter(const GzipCounter&) = delete;
  GzipCounter& operator=(const GzipCounter&) = delete;

  // The compressed size of everything written; call once, after the last write.
  size_t Finish();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  void Deflate(std::string_view in, bool finish);

  struct State;
  std::unique_ptr<State> state_;
  std::array<char, 1 << 16> in_{};
};

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_GZIP_SIZE_H_
