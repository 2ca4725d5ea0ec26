// The vocabularies a registry and its rules are written in: data categories,
// data uses (purposes) and contexts are hierarchical with dotted keys
// (`user.contact` is the parent of `user.contact.email`); data subjects are
// flat. Every entry may carry boolean attributes (`minor: true` on `student`)
// from the attribute names its kind declares.
#ifndef VENDORLINT_MODEL_TAXONOMY_H_
#define VENDORLINT_MODEL_TAXONOMY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/location.h"
#include "model/tri.h"

namespace vendorlint {

enum class TaxonomyKind : uint8_t { kCategory, kPurpose, kSubject, kContext };
inline constexpr TaxonomyKind kAllTaxonomyKinds[] = {TaxonomyKind::kCategory, TaxonomyKind::kPurpose,
                                                     TaxonomyKind::kSubject, TaxonomyKind::kContext};
// "data category", "purpose", "data subject", "context": for messages.
const char* TaxonomyKindNoun(TaxonomyKind k);
// "data_categories", "purposes", "data_subjects", "contexts": the YAML section.
const char* TaxonomyKindSection(TaxonomyKind k);

struct TaxonomyEntry {
  std::string key;
  std::string name;
  std::string description;
  std::map<std::string, Tri, std::less<>> attributes;  // absent attribute = unknown
  std::string origin;  // "fideslang" or "vendorlint"
  // Data subjects only: the narrower subjects this one may include (`user`
  // includes student, parent, ...). A question about an included subject is
  // unknown for this one, never true or false.
  std::vector<std::string> includes;
  std::vector<Location> includes_locs;  // where each is written
  Location loc;

  Tri Attribute(std::string_view name) const;
  bool Includes(std::string_view key) const;
};

// True if `key` is `ancestor` or lies below it (`user.contact.email` is under
// `user.contact` and `user`; `user.contactx` is not under `user.contact`).
bool KeyIsUnder(std::string_view key, std::string_view ancestor);

class Taxonomy {
 public:
  // Returns false if the key already exists.
  bool Add(TaxonomyKind kind, TaxonomyEntry entry);
  void DeclareAttribute(TaxonomyKind kind, std::string name) { attributes_[Index(kind)].push_back(std::move(name)); }

  const TaxonomyEntry* Find(TaxonomyKind kind, std::string_view key) const;
  bool Has(TaxonomyKind kind, std::string_view key) const { return Find(kind, key) != nullptr; }
  const std::vector<std::string>& Attributes(TaxonomyKind kind) const { return attributes_[Index(kind)]; }
  bool HasAttribute(TaxonomyKind kind, std::string_view name) const;
  // All keys of a kind, sorted.
  std::vector<std::string> Keys(TaxonomyKind kind) const;

 private:
  static size_t Index(TaxonomyKind k) { return static_cast<size_t>(k); }
  std::map<std::string, TaxonomyEntry, std::less<>> entries_[4];
  std::vector<std::string> attributes_[4];
};

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_TAXONOMY_H_
