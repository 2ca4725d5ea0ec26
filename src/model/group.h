// A provider's optional group of fields (entity, locations, retention, ai,
// contracts, storage), held out of line.
//
// Why: most registries state few of these groups for most providers (the
// ClassDojo registry states none of the first five for any of its providers
// and storage for 3 of 29). Held inline they were 1,056 of a Provider's 1,744
// bytes, 100 MB of the model at 100,000 providers, all of it empty.
//
// Contract:
//  - Reading never allocates. An absent group reads as a default T: every
//    fact unknown, every optional empty, every list unknown, loc invalid,
//    which is exactly what an absent group meant when it was held inline.
//    Rules and reports read it through `->`, `*` or a `const T&`.
//  - Writing goes through Mutable(), which makes the group on first use (the
//    loader calls it only for a key the file states, so a group exists only
//    when the YAML has it).
//  - A value type: copies are deep, moves are cheap.
// Thread-safety: const methods may run concurrently (the shared empty T is a
// function-local static, initialised once); Mutable() may not.
#ifndef VENDORLINT_MODEL_GROUP_H_
#define VENDORLINT_MODEL_GROUP_H_

#include <memory>

namespace vendorlint {

template <typename T>
class Group {
 public:
  Group() = default;
  Group(const Group& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Group& operator=(const Group& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Group(Group&&) noexcept = default;
  Group& operator=(Group&&) noexcept = default;
  ~Group() = default;

  const T& operator*() const { return p_ ? *p_ : Empty(); }
  const T* operator->() const { return &**this; }
  operator const T&() const { return **this; }  // NOLINT(google-explicit-constructor)

  // The group, made (default T) if the file has not stated it yet.
  T& Mutable() {
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }
  // Whether the group was made (by the loader, the cache or a test).
  bool made() const { return p_ != nullptr; }

 private:
  static const T& Empty() {
    static const T kEmpty{};
    return kEmpty;
  }
  std::unique_ptr<T> p_;
};

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_GROUP_H_
