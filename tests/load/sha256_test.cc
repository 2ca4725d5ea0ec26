// SHA-256 through libcrypto: the published test vectors, in one piece, in
// parts and incrementally.
#include "load/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace vendorlint {
namespace {

TEST(Sha256, KnownVectors) {
  Sha256Digest d{};
  ASSERT_TRUE(Sha256({"abc"}, &d));
  EXPECT_EQ(DigestHex(d), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  ASSERT_TRUE(Sha256({}, &d));
  EXPECT_EQ(DigestHex(d), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(DigestHex(d, 4), "e3b0c442");
  // Parts are hashed as their concatenation.
  Sha256Digest parts{};
  ASSERT_TRUE(Sha256({"a", "", "bc"}, &parts));
  ASSERT_TRUE(Sha256({"abc"}, &d));
  EXPECT_EQ(parts, d);
  Sha256Hasher h;
  h.Update("ab");
  h.Update("c");
  Sha256Digest inc{};
  ASSERT_TRUE(h.Final(&inc));
  EXPECT_EQ(inc, d);
  EXPECT_EQ(DigestBytes(d).size(), 32u);
}

}  // namespace
}  // namespace vendorlint
