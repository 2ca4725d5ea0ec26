// The provider fields as ONE table (model/provider_fields.inc): each field is
// one line naming its path, scope, type, taxonomy kind or vocabulary, whether
// it is required, its reader (load/field_readers.cc), its rule getter
// (rules/field_access.cc) and a one-line doc. Every layer expands the same
// list with its own VL_FIELD macro, so a new field is one line plus its reader
// and getter functions, and the compiler names a missing reader or getter.
// From the table come: the loader's accepted keys and did-you-mean, the rule
// field table, and the docs check (tests/model/field_catalog_test.cc).
#ifndef VENDORLINT_MODEL_FIELD_CATALOG_H_
#define VENDORLINT_MODEL_FIELD_CATALOG_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "model/taxonomy.h"

namespace vendorlint {

// What a field belongs to: the provider itself or one of its records.
enum class Scope : uint8_t { kProvider, kFlow, kExclusion, kSource };

enum class FieldType : uint8_t {
  kFact,           // TriFact: true | false | unknown
  kString,         // free text, an id or a URL
  kEnum,           // one name of the field's vocabulary
  kKeyList,        // taxonomy keys of the field's kind
  kQualifierList,  // flow qualifiers; an absent list counts as empty
  kNameList,       // names of the field's vocabulary (any names when it has none)
  kDate,           // YYYY-MM-DD
  kNumber,         // a whole number
  kRecordList,     // data_flows, exclusions, sources (quantified over)
  kGroup,          // a mapping of further fields (`storage`); not a rule field
};

// A field's fixed vocabulary (enum values, list items), or nullptr for none.
using Vocabulary = std::span<const std::string_view> (*)();

inline constexpr TaxonomyKind kNoKind = TaxonomyKind::kCategory;  // unused for non-key fields

struct FieldInfo {
  Scope scope;
  std::string_view path;  // relative to the scope: `storage.encrypted_at_rest`
  FieldType type;
  TaxonomyKind kind;      // kKeyList only
  Vocabulary vocabulary;  // kEnum, kNameList
  bool required;          // the loader reports it missing
  bool in_yaml;           // false: derived for rules only (`privacy_policy`)
  bool in_rules;          // false: written in YAML, not a rule field (groups)
  std::string_view doc;   // one line
};

// Every field, in table order (the order of docs and of "expected one of").
std::span<const FieldInfo> FieldCatalog();

// Vocabularies used by the table.
std::span<const std::string_view> DirectionVocabulary();
std::span<const std::string_view> QualifierVocabulary();
std::span<const std::string_view> LocationVocabulary();  // ISO codes and EU, EEA, global
std::span<const std::string_view> CountryVocabulary();   // ISO codes only

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_FIELD_CATALOG_H_
