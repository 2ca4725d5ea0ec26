// The keys a YAML mapping accepts, as a table its loader reads with (the
// allowed keys for MappingReader come from it) and `vendorlint schema`
// describes editors' JSON Schemas from, so the two cannot drift. The provider
// fields have their own, richer table (model/provider_fields.inc).
#ifndef VENDORLINT_UTIL_KEY_TABLE_H_
#define VENDORLINT_UTIL_KEY_TABLE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

enum class KeyShape : uint8_t {
  kAny,          // checked by the loader beyond what a schema says
  kPredicate,    // a rule-language predicate (docs/rules.md)
  kString,       // text; with `choices`, one of them
  kDate,         // YYYY-MM-DD
  kInteger,      // a whole number
  kBoolean,      // true | false
  kFact,         // true | false | unknown
  kStringList,   // a list of text; with `choices`, of them
  kCountryList,  // ISO 3166-1 alpha-2 codes
  kMapping,      // a mapping of `fields`
  kMappingList,  // a list of mappings of `fields`
  kFactMap,      // a mapping of names (declared in the file) to facts
  kListMap,      // a mapping of `fields`' names to lists of text
  kProvider,     // a provider mapping, as in a provider file
  kProviderList, // a list of them
};

struct KeySpec {
  std::string_view name;
  bool required;
  KeyShape shape;
  std::string_view doc;  // one line
  std::span<const std::string_view> choices = {};
  std::span<const KeySpec> fields = {};
  // kString, kStringList: values are keys of this taxonomy.yaml section
  // ("contexts"); the schema lists the registry's keys.
  std::string_view taxonomy_section = {};
};

// The table's key names, in its order: what MappingReader accepts.
inline std::vector<std::string> KeyNames(std::span<const KeySpec> table) {
  std::vector<std::string> names;
  names.reserve(table.size());
  for (const KeySpec& k : table) names.emplace_back(k.name);
  return names;
}

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_KEY_TABLE_H_
