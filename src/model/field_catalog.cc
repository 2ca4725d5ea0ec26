#include "model/field_catalog.h"

#include <vector>

#include "model/country.h"
#include "model/registry.h"

namespace vendorlint {
namespace {

std::vector<std::string_view> ViewsOf(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

// The model sees neither readers nor getters; their names, spelled out, say
// whether a field has one.
constexpr bool Named(std::string_view function) { return function != "nullptr"; }

#define VL_FIELD(scope, path, type, kind, vocabulary, required, reader, getter, doc) \
  FieldInfo{Scope::scope, path,           FieldType::type, kind,                     \
            vocabulary,   required,       Named(#reader),  Named(#getter), doc},
constexpr FieldInfo kCatalog[] = {
#include "model/provider_fields.inc"
};
#undef VL_FIELD

}  // namespace

std::span<const FieldInfo> FieldCatalog() { return kCatalog; }

std::span<const std::string_view> DirectionVocabulary() {
  static const std::vector<std::string_view> v = [] {
    std::vector<std::string_view> out;
    for (auto d : DirectionNames()) out.push_back(d);
    return out;
  }();
  return v;
}

std::span<const std::string_view> QualifierVocabulary() {
  static const std::vector<std::string_view> v = [] {
    std::vector<std::string_view> out;
    for (auto q : QualifierNames()) out.push_back(q);
    return out;
  }();
  return v;
}

std::span<const std::string_view> LocationVocabulary() {
  static const std::vector<std::string_view> v = ViewsOf(CountryAndRegionNames());
  return v;
}

std::span<const std::string_view> CountryVocabulary() {
  static const std::vector<std::string_view> v = ViewsOf(CountryNames());
  return v;
}

}  // namespace vendorlint
