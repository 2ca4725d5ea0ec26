// Group<T>: a provider's optional group held out of line (model/group.h).
#include "model/group.h"

#include <gtest/gtest.h>

#include "model/registry.h"

namespace vendorlint {
namespace {

TEST(Group, AnAbsentGroupReadsAsItsDefaultWithoutBeingMade) {
  Provider p;
  EXPECT_EQ(p.storage->encrypted_at_rest.value, Tri::kUnknown);
  EXPECT_FALSE(p.storage->loc.valid());
  EXPECT_FALSE(p.locations->storage.known);
  const Retention& r = p.retention;
  EXPECT_FALSE(r.days.has_value());
  EXPECT_FALSE(p.storage.made());
  EXPECT_FALSE(p.locations.made());
  EXPECT_FALSE(p.retention.made());
}

TEST(Group, MutableMakesTheGroupOnceAndCopiesAreDeep) {
  Provider p;
  p.storage.Mutable().encrypted_at_rest = TriFact{Tri::kTrue, Location{0, 3, 5}};
  ASSERT_TRUE(p.storage.made());
  const Storage* made = &*p.storage;
  p.storage.Mutable().passwords_hashed.value = Tri::kFalse;
  EXPECT_EQ(&*p.storage, made);  // not made again
  EXPECT_EQ(p.storage->encrypted_at_rest.value, Tri::kTrue);

  Provider copy = p;
  copy.storage.Mutable().encrypted_at_rest.value = Tri::kFalse;
  EXPECT_EQ(p.storage->encrypted_at_rest.value, Tri::kTrue);
  EXPECT_NE(&*copy.storage, &*p.storage);

  Provider empty;
  copy = empty;
  EXPECT_FALSE(copy.storage.made());
  Provider moved = std::move(p);
  EXPECT_EQ(moved.storage->encrypted_at_rest.value, Tri::kTrue);
}

// The reason for the type: an empty group costs a pointer, not its fields.
TEST(Group, AGroupIsOnePointer) { EXPECT_EQ(sizeof(Group<Contracts>), sizeof(void*)); }

}  // namespace
}  // namespace vendorlint
