#include "report/gzip_size.h"

#include <zlib.h>

#include <ostream>
#include <string>

#include <gtest/gtest.h>

namespace vendorlint {
namespace {

// Text that compresses, but not to nothing: repeated lines with a counter.
std::string Sample(size_t lines) {
  std::string s;
  for (size_t i = 0; i < lines; ++i)
    s += "{\"ruleId\": \"rule-" + std::to_string(i % 29) + "\", \"line\": " + std::to_string(i) +
         "}\n";
  return s;
}

// zlib's own one-shot compression (zlib framing: 2 header bytes and a 4-byte
// Adler-32) has the same deflate stream as gzip's (10 header bytes, 8-byte
// trailer) at the same level: an independent measure.
size_t ViaCompress2(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                      reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                      Z_DEFAULT_COMPRESSION),
            Z_OK);
  return size - 6 + 18;
}

TEST(GzipSize, MatchesZlibsOwnCompression) {
  EXPECT_EQ(GzipSize(""), 20u);  // header, an empty final block, trailer
  for (size_t lines : {1u, 100u, 50'000u}) {
    const std::string text = Sample(lines);
    EXPECT_EQ(GzipSize(text), ViaCompress2(text)) << lines << " lines";
  }
}

TEST(GzipCounter, CountsTheSameWhateverTheWritesSizes) {
  const std::string text = Sample(50'000);  // several times the counter's buffer
  const size_t whole = GzipSize(text);
  for (size_t piece : {1u, 7u, 4096u, 65'536u + 3u, 1'000'000u}) {
    GzipCounter counter;
    std::ostream os(&counter);
    for (size_t at = 0; at < text.size(); at += piece)
      os.write(text.data() + at,
               static_cast<std::streamsize>(std::min(piece, text.size() - at)));
    os.flush();
    EXPECT_EQ(counter.Finish(), whole) << "pieces of " << piece;
  }
  GzipCounter chars;
  std::ostream os(&chars);
  for (char c : Sample(3'000)) os.put(c);
  EXPECT_EQ(chars.Finish(), GzipSize(Sample(3'000)));
}

}  // namespace
}  // namespace vendorlint
