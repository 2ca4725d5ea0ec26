#include "cli/schema_parts.h"

#include "model/field_catalog.h"

namespace vendorlint::schema {

namespace {
constexpr std::string_view kDatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
}  // namespace

void Text(JsonWriter& w) {
  w.Key("type");
  w.BeginArray();
  w.String("string");
  w.String("number");
  w.String("boolean");
  w.EndArray();
  w.Key("minLength");
  w.Int(1);
}

void Fact(JsonWriter& w) {
  w.Key("enum");
  w.BeginArray();
  w.Bool(true);
  w.Bool(false);
  w.String("unknown");
  w.EndArray();
}

void Date(JsonWriter& w) {
  w.Member("type", "string");
  w.Member("pattern", kDatePattern);
}

void ListOf(JsonWriter& w, std::string_view item_type, const std::vector<std::string>& names) {
  w.Member("type", "array");
  w.Key("items");
  w.BeginObject();
  w.Member("type", item_type);
  if (!names.empty()) Enum(w, names);
  w.EndObject();
  w.MemberBool("uniqueItems", true);
}

std::vector<std::string> Strings(std::span<const std::string_view> v) {
  return {v.begin(), v.end()};
}

std::vector<std::string> KeySchemas::SectionKeys(std::string_view section) const {
  if (taxonomy_ == nullptr) return {};
  for (TaxonomyKind k : kAllTaxonomyKinds)
    if (section == TaxonomyKindSection(k)) return taxonomy_->Keys(k);
  return {};
}

void KeySchemas::MappingBody(JsonWriter& w, std::span<const KeySpec> table) const {
  w.Member("type", "object");
  w.MemberBool("additionalProperties", false);
  bool any_required = false;
  for (const KeySpec& k : table) any_required = any_required || k.required;
  if (any_required) {
    w.Key("required");
    w.BeginArray();
    for (const KeySpec& k : table)
      if (k.required) w.String(k.name);
    w.EndArray();
  }
  w.Key("properties");
  w.BeginObject();
  for (const KeySpec& k : table) {
    w.Key(k.name);
    Key(w, k);
  }
  w.EndObject();
}

void KeySchemas::Mapping(JsonWriter& w, std::span<const KeySpec> table) const {
  w.BeginObject();
  MappingBody(w, table);
  w.EndObject();
}

void KeySchemas::Key(JsonWriter& w, const KeySpec& k) const {
  w.BeginObject();
  w.Member("description", k.doc);
  switch (k.shape) {
    case KeyShape::kAny:
      break;
    case KeyShape::kPredicate:
      w.Member("$ref", "#/definitions/predicate");
      break;
    case KeyShape::kString:
      if (!k.taxonomy_section.empty()) {
        w.Member("type", "string");
        Enum(w, SectionKeys(k.taxonomy_section));
      } else if (k.choices.empty()) {
        Text(w);
      } else {
        w.Member("type", "string");
        Enum(w, k.choices);
      }
      break;
    case KeyShape::kDate:
      Date(w);
      break;
    case KeyShape::kInteger:
      w.Member("type", "integer");
      break;
    case KeyShape::kBoolean:
      w.Member("type", "boolean");
      break;
    case KeyShape::kFact:
      Fact(w);
      break;
    case KeyShape::kStringList:
      ListOf(w, "string",
             k.taxonomy_section.empty() ? Strings(k.choices) : SectionKeys(k.taxonomy_section));
      break;
    case KeyShape::kCountryList:
      // ReadCountryList takes the regions (EU, EEA, global) as well as codes.
      ListOf(w, "string", Strings(LocationVocabulary()));
      break;
    case KeyShape::kMapping:
      MappingBody(w, k.fields);
      break;
    case KeyShape::kMappingList:
      w.Member("type", "array");
      w.Key("items");
      Mapping(w, k.fields);
      break;
    case KeyShape::kFactMap:
      w.Member("type", "object");
      w.Key("additionalProperties");
      w.BeginObject();
      Fact(w);
      w.EndObject();
      break;
    case KeyShape::kListMap:
      MappingBody(w, k.fields);
      break;
    case KeyShape::kProvider:
      w.Member("$ref", "#/definitions/provider");
      break;
    case KeyShape::kProviderList:
      w.Member("type", "array");
      w.Key("items");
      w.BeginObject();
      w.Member("$ref", "#/definitions/provider");
      w.EndObject();
      break;
  }
  w.EndObject();
}

}  // namespace vendorlint::schema
