#include "model/taxonomy.h"

#include <algorithm>

namespace vendorlint {

const char* TaxonomyKindNoun(TaxonomyKind k) {
  switch (k) {
    case TaxonomyKind::kCategory:
      return "data category";
    case TaxonomyKind::kPurpose:
      return "purpose";
    case TaxonomyKind::kSubject:
      return "data subject";
    case TaxonomyKind::kContext:
      return "context";
  }
  return "key";
}

const char* TaxonomyKindSection(TaxonomyKind k) {
  switch (k) {
    case TaxonomyKind::kCategory:
      return "data_categories";
    case TaxonomyKind::kPurpose:
      return "purposes";
    case TaxonomyKind::kSubject:
      return "data_subjects";
    case TaxonomyKind::kContext:
      return "contexts";
  }
  return "";
}

Tri TaxonomyEntry::Attribute(std::string_view attr) const {
  auto it = attributes.find(attr);
  return it == attributes.end() ? Tri::kUnknown : it->second;
}

bool TaxonomyEntry::Includes(std::string_view subject) const {
  return std::find(includes.begin(), includes.end(), subject) != includes.end();
}

bool KeyIsUnder(std::string_view key, std::string_view ancestor) {
  if (key.size() < ancestor.size() || key.compare(0, ancestor.size(), ancestor) != 0) return false;
  return key.size() == ancestor.size() || key[ancestor.size()] == '.';
}

bool Taxonomy::Add(TaxonomyKind kind, TaxonomyEntry entry) {
  std::string key = entry.key;
  return entries_[Index(kind)].emplace(std::move(key), std::move(entry)).second;
}

const TaxonomyEntry* Taxonomy::Find(TaxonomyKind kind, std::string_view key) const {
  const auto& m = entries_[Index(kind)];
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

bool Taxonomy::HasAttribute(TaxonomyKind kind, std::string_view name) const {
  const auto& v = attributes_[Index(kind)];
  return std::find(v.begin(), v.end(), name) != v.end();
}

std::vector<std::string> Taxonomy::Keys(TaxonomyKind kind) const {
  std::vector<std::string> keys;
  for (const auto& [k, e] : entries_[Index(kind)]) keys.push_back(k);
  return keys;
}

}  // namespace vendorlint
