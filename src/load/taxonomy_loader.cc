#include "load/taxonomy_loader.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/did_you_mean.h"

namespace vendorlint {
namespace {

constexpr std::string_view kOrigins[] = {"vendorlint", "fideslang"};
constexpr KeySpec kEntryKeys[] = {
    {"key", true, KeyShape::kString, "Lowercase words joined by '_', levels separated by '.'."},
    {"name", true, KeyShape::kString, "A short name."},
    {"description", false, KeyShape::kString, "What the key covers."},
    {"origin", false, KeyShape::kString, "vendorlint | fideslang (default vendorlint).", kOrigins},
    {"attributes", false, KeyShape::kFactMap,
     "Attribute values (true | false | unknown) of the attributes the section declares."},
};
constexpr KeySpec kSubjectKeys[] = {
    {"key", true, KeyShape::kString, "Lowercase words joined by '_' (no '.')."},
    {"name", true, KeyShape::kString, "A short name."},
    {"description", false, KeyShape::kString, "Whom the key covers."},
    {"origin", false, KeyShape::kString, "vendorlint | fideslang (default vendorlint).", kOrigins},
    {"attributes", false, KeyShape::kFactMap,
     "Attribute values (true | false | unknown) of the attributes the section declares."},
    {"includes", false, KeyShape::kStringList, "Other data subjects this one includes.", {}, {},
     "data_subjects"},
};


bool IsHierarchical(TaxonomyKind k) { return k != TaxonomyKind::kSubject; }

void ReadAttributes(SchemaContext* ctx, const MappingReader& m, Taxonomy* tax) {
  const yaml::Node* v = m.Find("attributes");
  if (v == nullptr) return;
  MappingReader am(ctx, *v, "attributes", KeyNames(TaxonomyKeyTable().front().fields));
  for (TaxonomyKind k : kAllTaxonomyKinds) {
    const yaml::Node* list = am.Find(TaxonomyKindSection(k));
    if (list == nullptr) continue;
    KeyList names;
    ReadStringList(ctx, *list, fmt::format("attributes.{}", TaxonomyKindSection(k)), &names);
    for (const auto& n : names.items) {
      if (!IsValidTaxonomyKey(n.value) || n.value.find('.') != std::string::npos) {
        ctx->ErrorAt(
            n.loc.line, n.loc.column,
            fmt::format("attribute name {} must be lowercase words joined by '_'", Quote(n.value)));
        continue;
      }
      tax->DeclareAttribute(k, n.value);
    }
  }
}

void ReadEntry(SchemaContext* ctx, const yaml::Node& n, TaxonomyKind kind, Taxonomy* tax) {
  MappingReader m(ctx, n, fmt::format("{} entry", TaxonomyKindNoun(kind)),
                  KeyNames(kind == TaxonomyKind::kSubject ? std::span<const KeySpec>(kSubjectKeys)
                                                          : std::span<const KeySpec>(kEntryKeys)));
  if (!m.is_mapping()) return;
  TaxonomyEntry e;
  e.loc = ctx->Loc(n);
  const yaml::Node* key = m.Require("key");
  LocatedString s;
  if (key == nullptr || !ReadString(ctx, *key, "key", &s)) return;
  if (!IsValidTaxonomyKey(s.value) ||
      (!IsHierarchical(kind) && s.value.find('.') != std::string::npos)) {
    ctx->Error(*key, fmt::format("{} key {} must be lowercase words joined by '_'{}",
                                 TaxonomyKindNoun(kind), Quote(s.value),
                                 IsHierarchical(kind) ? ", separated by '.'" : " (no '.')"));
    return;
  }
  e.key = s.value;
  if (const yaml::Node* v = m.Require("name"); v && ReadString(ctx, *v, "name", &s))
    e.name = s.value;
  if (const yaml::Node* v = m.Find("description"); v && ReadString(ctx, *v, "description", &s))
    e.description = s.value;
  e.origin = "vendorlint";
  if (const yaml::Node* v = m.Find("origin")) {
    size_t index = 0;
    if (ReadEnum(ctx, *v, "origin", {std::begin(kOrigins), std::end(kOrigins)}, &index))
      e.origin = kOrigins[index];
  }
  if (const yaml::Node* v = m.Find("attributes")) {
    MappingReader am(ctx, *v, fmt::format("attributes of `{}`", e.key), tax->Attributes(kind));
    if (am.is_mapping()) {
      for (const auto& [k, val] : v->entries) {
        if (!tax->HasAttribute(kind, k.scalar)) continue;  // reported by MappingReader
        TriFact f;
        if (ReadTri(ctx, val, k.scalar, &f)) e.attributes[k.scalar] = f.value;
      }
    }
  }
  if (const yaml::Node* v = m.Find("includes")) {
    KeyList inc;
    ReadStringList(ctx, *v, "includes", &inc);
    for (const auto& i : inc.items) {
      e.includes.push_back(i.value);
      e.includes_locs.push_back(i.loc);
    }
  }
  std::string k = e.key;
  if (!tax->Add(kind, std::move(e))) {
    const TaxonomyEntry* first = tax->Find(kind, k);
    ctx->Error(*key, fmt::format("{} `{}` is defined twice (first at line {})",
                                 TaxonomyKindNoun(kind), k, first->loc.line));
  }
}

// Every `includes` names another existing subject, once.
void CheckIncludes(SchemaContext* ctx, const Taxonomy& tax) {
  const std::vector<std::string> keys = tax.Keys(TaxonomyKind::kSubject);
  for (const std::string& key : keys) {
    const TaxonomyEntry* e = tax.Find(TaxonomyKind::kSubject, key);
    for (size_t i = 0; i < e->includes.size(); ++i) {
      const std::string& inc = e->includes[i];
      const Location& at = e->includes_locs[i];
      if (inc == key) {
        ctx->ErrorAt(at.line, at.column,
                     fmt::format("data subject `{}` cannot include itself", key));
      } else if (!tax.Has(TaxonomyKind::kSubject, inc)) {
        ctx->ErrorAt(at.line, at.column,
                     fmt::format("`includes` of `{}` names unknown data subject {}{}", key,
                                 Quote(inc), DidYouMeanSuffix(inc, keys)));
      } else if (std::find(e->includes.begin(), e->includes.begin() + static_cast<long>(i), inc) !=
                 e->includes.begin() + static_cast<long>(i)) {
        ctx->ErrorAt(at.line, at.column,
                     fmt::format("data subject `{}` is listed twice in `includes`", inc));
      }
    }
  }
}

}  // namespace

std::span<const KeySpec> TaxonomyKeyTable() {
  // Built from TaxonomyKindSection, the one place the section names are.
  static const std::vector<KeySpec> kAttributeSections = [] {
    std::vector<KeySpec> v;
    for (TaxonomyKind k : kAllTaxonomyKinds)
      v.push_back({TaxonomyKindSection(k), false, KeyShape::kStringList,
                   "Attribute names the section's entries may set."});
    return v;
  }();
  static const std::vector<KeySpec> kTable = [] {
    std::vector<KeySpec> v;
    v.push_back({"attributes", false, KeyShape::kListMap,
                 "The attributes each section declares (names: lowercase words joined by '_').",
                 {}, kAttributeSections});
    for (TaxonomyKind k : kAllTaxonomyKinds)
      v.push_back({TaxonomyKindSection(k), true, KeyShape::kMappingList,
                   k == TaxonomyKind::kSubject ? "Data subject entries (no hierarchy)."
                                                : "Entries; a dotted key's parent must be listed.",
                   {},
                   k == TaxonomyKind::kSubject ? std::span<const KeySpec>(kSubjectKeys)
                                                : std::span<const KeySpec>(kEntryKeys)});
    return v;
  }();
  return kTable;
}

bool ReadTaxonomy(SchemaContext* ctx, const yaml::Node& root, Taxonomy* tax) {
  size_t before = ctx->errors();
  MappingReader m(ctx, root, "taxonomy", KeyNames(TaxonomyKeyTable()));
  if (!m.is_mapping()) return false;
  ReadAttributes(ctx, m, tax);
  for (TaxonomyKind kind : kAllTaxonomyKinds) {
    const yaml::Node* list = m.Require(TaxonomyKindSection(kind));
    if (list == nullptr) continue;
    if (!list->IsSequence()) {
      ctx->Error(*list, fmt::format("`{}` must be a list of entries", TaxonomyKindSection(kind)));
      continue;
    }
    for (const auto& item : list->items) ReadEntry(ctx, item, kind, tax);
    if (kind == TaxonomyKind::kSubject) CheckIncludes(ctx, *tax);
    if (!IsHierarchical(kind)) continue;
    for (const std::string& key : tax->Keys(kind)) {
      size_t dot = key.rfind('.');
      if (dot == std::string::npos || tax->Has(kind, key.substr(0, dot))) continue;
      const TaxonomyEntry* e = tax->Find(kind, key);
      ctx->ErrorAt(e->loc.line, e->loc.column,
                   fmt::format("{} `{}` has no parent: add `{}` to `{}`", TaxonomyKindNoun(kind),
                               key, key.substr(0, dot), TaxonomyKindSection(kind)));
    }
  }
  return ctx->errors() == before;
}

}  // namespace vendorlint
