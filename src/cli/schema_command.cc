// `vendorlint schema KIND`: a JSON Schema (draft-07, which both VS Code's YAML
// extension and ajv support fully) for one kind of file, generated from the
// tables the loaders read with: the provider field table
// (model/provider_fields.inc) and the key tables of the other loaders
// (util/key_table.h). Taxonomy keys come from the registry's taxonomy.yaml, so
// an editor offers and checks them. What a schema cannot say (ids that must
// exist, dates in order) stays with `vendorlint validate`.
#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "check/baseline.h"
#include "check/waiver_loader.h"
#include "cli/commands.h"
#include "load/field_readers.h"
#include "load/organization_loader.h"
#include "load/taxonomy_loader.h"
#include "model/field_catalog.h"
#include "report/json_writer.h"
#include "rules/rule_compiler.h"
#include "rules/field_access.h"
#include "rules/operator.h"
#include "rules/predicate_compiler.h"
#include "rules/rule_test_runner.h"
#include "util/did_you_mean.h"

namespace vendorlint {
namespace {

constexpr std::string_view kDatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

std::string_view ParentOf(std::string_view path) {
  size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

std::string_view LastOf(std::string_view path) {
  size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

const char* DefinitionName(Scope s) {
  switch (s) {
    case Scope::kProvider:
      return "provider";
    case Scope::kFlow:
      return "data_flow";
    case Scope::kExclusion:
      return "exclusion";
    case Scope::kSource:
      return "source";
  }
  return "provider";
}

template <typename Range>
void Enum(JsonWriter& w, const Range& names) {
  w.Key("enum");
  w.BeginArray();
  for (const auto& n : names) w.String(n);
  w.EndArray();
}

// Free text: the loaders take any non-empty scalar (`row: 12` is the text "12").
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

std::vector<std::string> Strings(std::span<const std::string_view> v) { return {v.begin(), v.end()}; }

// --- Provider files, from the field table ------------------------------------

struct ProviderSchema {
  const Taxonomy& tax;
  bool require_keys;  // false in rule tests, where id, name and sources have defaults

  void Field(JsonWriter& w, const FieldInfo& f) const {
    w.BeginObject();
    w.Member("description", f.doc);
    const FieldYamlForm form = YamlFormOf(f);
    if (form == FieldYamlForm::kLinks) {
      w.Member("type", "array");
      w.Key("items");
      KeyMapping(w, LinkKeyTable());
      w.EndObject();
      return;
    }
    switch (f.type) {
      case FieldType::kFact:
        Fact(w);
        break;
      case FieldType::kString:
        Text(w);
        break;
      case FieldType::kEnum:
        w.Member("type", "string");
        Enum(w, f.vocabulary());
        break;
      case FieldType::kKeyList:
        if (form == FieldYamlForm::kOneKey) {
          w.Member("type", "string");
          Enum(w, tax.Keys(f.kind));
        } else {
          ListOf(w, "string", tax.Keys(f.kind));
        }
        break;
      case FieldType::kQualifierList:
      case FieldType::kNameList:
        ListOf(w, "string", f.vocabulary == nullptr ? std::vector<std::string>()
                                                    : Strings(f.vocabulary()));
        break;
      case FieldType::kDate:
        Date(w);
        break;
      case FieldType::kNumber:
        w.Member("type", "integer");
        break;
      case FieldType::kRecordList:
        w.Member("type", "array");
        w.Key("items");
        w.BeginObject();
        w.Member("$ref", fmt::format("#/definitions/{}", DefinitionName(RecordListScope(f.path))));
        w.EndObject();
        break;
      case FieldType::kGroup:
        MappingBody(w, f.scope, f.path);
        break;
    }
    w.EndObject();
  }

  // The members of the mapping of `group` ("" for the scope's own).
  void MappingBody(JsonWriter& w, Scope scope, std::string_view group) const {
    w.Member("type", "object");
    w.MemberBool("additionalProperties", false);
    std::vector<std::string_view> required;
    for (const FieldInfo& f : FieldCatalog())
      if (f.scope == scope && f.in_yaml && ParentOf(f.path) == group && f.required)
        required.push_back(LastOf(f.path));
    if (!required.empty() && (require_keys || scope != Scope::kProvider)) {
      w.Key("required");
      w.BeginArray();
      for (auto r : required) w.String(r);
      w.EndArray();
    }
    w.Key("properties");
    w.BeginObject();
    for (const FieldInfo& f : FieldCatalog()) {
      if (f.scope != scope || !f.in_yaml || ParentOf(f.path) != group) continue;
      w.Key(LastOf(f.path));
      Field(w, f);
    }
    w.EndObject();
  }

  void Definitions(JsonWriter& w, bool with_provider) const {
    w.Key("definitions");
    w.BeginObject();
    for (Scope s : {Scope::kProvider, Scope::kFlow, Scope::kExclusion, Scope::kSource}) {
      if (s == Scope::kProvider && !with_provider) continue;
      w.Key(DefinitionName(s));
      w.BeginObject();
      MappingBody(w, s, "");
      w.EndObject();
    }
    w.EndObject();
  }

  static void KeyMapping(JsonWriter& w, std::span<const KeySpec> table);
};

// --- The other files, from their loaders' key tables -------------------------

void KeySchema(JsonWriter& w, const KeySpec& k);

// The taxonomy whose keys fill `taxonomy_section` values (set by Generate;
// one schema is generated per run).
const Taxonomy* g_taxonomy = nullptr;

std::vector<std::string> SectionKeys(std::string_view section) {
  if (g_taxonomy == nullptr) return {};
  for (TaxonomyKind k : kAllTaxonomyKinds)
    if (section == TaxonomyKindSection(k)) return g_taxonomy->Keys(k);
  return {};
}

void KeyMappingBody(JsonWriter& w, std::span<const KeySpec> table) {
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
    KeySchema(w, k);
  }
  w.EndObject();
}

void ProviderSchema::KeyMapping(JsonWriter& w, std::span<const KeySpec> table) {
  w.BeginObject();
  KeyMappingBody(w, table);
  w.EndObject();
}

void KeySchema(JsonWriter& w, const KeySpec& k) {
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
      KeyMappingBody(w, k.fields);
      break;
    case KeyShape::kMappingList:
      w.Member("type", "array");
      w.Key("items");
      ProviderSchema::KeyMapping(w, k.fields);
      break;
    case KeyShape::kFactMap:
      w.Member("type", "object");
      w.Key("additionalProperties");
      w.BeginObject();
      Fact(w);
      w.EndObject();
      break;
    case KeyShape::kListMap:
      KeyMappingBody(w, k.fields);
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

// --- Rule predicates, from the compiler's operator tables -------------------

void PredicateRef(JsonWriter& w) {
  w.BeginObject();
  w.Member("$ref", "#/definitions/predicate");
  w.EndObject();
}

// One predicate form: a mapping with exactly the key `op`.
void OneKeyForm(JsonWriter& w, const std::string& op) {
  w.Member("type", "object");
  w.MemberBool("additionalProperties", false);
  w.Key("required");
  w.BeginArray();
  w.String(op);
  w.EndArray();
  w.Key("properties");
  w.BeginObject();
  w.Key(op);
  w.BeginObject();
}

void OperandSchema(JsonWriter& w, const OperatorInfo& info) {
  w.BeginObject();
  switch (info.operand) {
    case OperandKind::kPattern:
      w.Member("type", "string");
      break;
    case OperandKind::kBool:
      w.Member("type", "boolean");
      break;
    case OperandKind::kDays:
      w.Member("type", "integer");
      break;
    case OperandKind::kAttributes:
      w.Member("type", "object");
      break;
    case OperandKind::kValueList:
    case OperandKind::kKeys:
      // A list, or the name of an organisation setting that holds one
      // (`organization.settings.student_data_countries`, docs/rules.md).
      w.Key("anyOf");
      w.BeginArray();
      w.BeginObject();
      w.Member("type", "array");
      w.Member("minItems", int64_t{1});
      w.EndObject();
      w.BeginObject();
      w.Member("type", "string");
      w.Member("pattern", "^organization\\.");
      w.EndObject();
      w.EndArray();
      break;
    case OperandKind::kValue:
      break;
  }
  w.EndObject();
}

// Every field a condition can name, in any scope, and the provider's as
// `provider.<path>` (from within `where`).
std::vector<std::string> ConditionFields() {
  std::vector<std::string> names;
  for (Scope s : {Scope::kProvider, Scope::kFlow, Scope::kExclusion, Scope::kSource})
    for (const auto& n : FieldNames(s))
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  for (const auto& n : FieldNames(Scope::kProvider)) names.push_back("provider." + n);
  return names;
}

void PredicateDefinition(JsonWriter& w) {
  w.Key("predicate");
  w.BeginObject();
  w.Member("description",
           "One operator key (all_of, any_of, not, any, all, none, host), or `field` with one "
           "condition operator (docs/rules.md, \"Predicates\").");
  w.Member("type", "object");
  w.Key("anyOf");
  w.BeginArray();
  for (const std::string& op : PredicateOperatorNames()) {
    if (op == "field") continue;
    w.BeginObject();
    OneKeyForm(w, op);
    if (op == "all_of" || op == "any_of") {
      w.Member("type", "array");
      w.Member("minItems", int64_t{1});
      w.Key("items");
      PredicateRef(w);
    } else if (op == "not") {
      w.Member("$ref", "#/definitions/predicate");
    } else {
      KeyMappingBody(w, op == "host" ? HostKeyTable() : QuantifierKeyTable());
    }
    w.EndObject();  // the operand
    w.EndObject();  // properties
    w.EndObject();
  }
  // A field condition: `field` and exactly one condition operator.
  w.BeginObject();
  w.Member("type", "object");
  w.MemberBool("additionalProperties", false);
  w.Key("required");
  w.BeginArray();
  w.String("field");
  w.EndArray();
  w.Member("minProperties", int64_t{2});
  w.Member("maxProperties", int64_t{2});
  w.Key("properties");
  w.BeginObject();
  w.Key("field");
  w.BeginObject();
  w.Member("type", "string");
  Enum(w, ConditionFields());
  w.EndObject();
  for (const OperatorInfo& info : Operators()) {
    w.Key(info.name);
    OperandSchema(w, info);
  }
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
}

void Header(JsonWriter& w, std::string_view kind, std::string_view title) {
  w.BeginObject();
  w.Member("$schema", "http://json-schema.org/draft-07/schema#");
  w.Member("title", title);
  w.Member("description",
           fmt::format("Generated by `vendorlint schema {}` from vendorlint's loader tables; do "
                       "not edit. `vendorlint validate` checks what a schema cannot.",
                       kind));
}

struct Kind {
  std::string_view name;
  std::string_view title;
  bool needs_taxonomy;
};

constexpr Kind kKinds[] = {
    {"provider", "vendorlint provider file (registry/providers/<id>.yaml)", true},
    {"rule", "vendorlint rule (rules/<theme>/<id>.yaml)", false},
    {"rule-test", "vendorlint rule test file (rules/<theme>/<id>.test.yaml)", true},
    {"waivers", "vendorlint waivers file (registry/waivers.yaml)", false},
    {"taxonomy", "vendorlint taxonomy (registry/taxonomy.yaml)", true},
    {"organization", "vendorlint organization file (registry/organization.yaml)", true},
    {"baseline", "vendorlint baseline (--baseline, written by --write-baseline)", false},
};

std::string Generate(const Kind& kind, const Taxonomy& tax) {
  g_taxonomy = kind.needs_taxonomy ? &tax : nullptr;
  JsonWriter w;
  Header(w, kind.name, kind.title);
  if (kind.name == "provider") {
    ProviderSchema p{tax, true};
    p.MappingBody(w, Scope::kProvider, "");
    p.Definitions(w, false);
  } else if (kind.name == "rule-test") {
    KeyMappingBody(w, RuleTestKeyTable());
    ProviderSchema{tax, false}.Definitions(w, true);
  } else if (kind.name == "rule") {
    KeyMappingBody(w, RuleKeyTable());
    w.Key("definitions");
    w.BeginObject();
    PredicateDefinition(w);
    w.EndObject();
  } else if (kind.name == "waivers") {
    KeyMappingBody(w, WaiversFileKeyTable());
  } else if (kind.name == "taxonomy") {
    KeyMappingBody(w, TaxonomyKeyTable());
  } else if (kind.name == "baseline") {
    KeyMappingBody(w, BaselineKeyTable());
  } else {
    KeyMappingBody(w, OrganizationKeyTable());
  }
  w.EndObject();
  return w.str();
}

}  // namespace

std::vector<std::string> SchemaKinds() {
  std::vector<std::string> kinds;
  for (const Kind& k : kKinds) kinds.emplace_back(k.name);
  return kinds;
}

int RunSchema(const CliOptions& o, std::ostream& out, std::ostream& err) {
  const std::string& name = o.arguments.at(0);
  for (const Kind& kind : kKinds) {
    if (kind.name != name) continue;
    Taxonomy tax;
    if (kind.needs_taxonomy && !LoadTaxonomyOrReport(o, &tax, err)) return kExitInvalid;
    out << Generate(kind, tax);
    return kExitPass;
  }
  std::string list;
  const std::vector<std::string> kinds = SchemaKinds();
  for (const auto& k : kinds) list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
  return UsageError(err, fmt::format("unknown schema kind '{}'{} (kinds: {})\nsee `vendorlint "
                                     "schema --help`",
                                     name, DidYouMeanSuffix(name, kinds), list));
}

}  // namespace vendorlint
