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
#include "cli/schema_parts.h"
#include "load/field_readers.h"
#include "load/organization_loader.h"
#include "load/taxonomy_loader.h"
#include "model/field_catalog.h"
#include "report/json_writer.h"
#include "rules/rule_compiler.h"
#include "rules/rule_test_runner.h"
#include "util/did_you_mean.h"

namespace vendorlint {
namespace {

using schema::Date;
using schema::Enum;
using schema::Fact;
using schema::KeySchemas;
using schema::ListOf;
using schema::Strings;
using schema::Text;

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
      KeySchemas(&tax).Mapping(w, LinkKeyTable());
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
};

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
  const KeySchemas keys(kind.needs_taxonomy ? &tax : nullptr);
  JsonWriter w;
  Header(w, kind.name, kind.title);
  if (kind.name == "provider") {
    ProviderSchema p{tax, true};
    p.MappingBody(w, Scope::kProvider, "");
    p.Definitions(w, false);
  } else if (kind.name == "rule-test") {
    keys.MappingBody(w, RuleTestKeyTable());
    ProviderSchema{tax, false}.Definitions(w, true);
  } else if (kind.name == "rule") {
    keys.MappingBody(w, RuleKeyTable());
    w.Key("definitions");
    w.BeginObject();
    schema::PredicateDefinition(w, keys);
    w.EndObject();
  } else if (kind.name == "waivers") {
    keys.MappingBody(w, WaiversFileKeyTable());
  } else if (kind.name == "taxonomy") {
    keys.MappingBody(w, TaxonomyKeyTable());
  } else if (kind.name == "baseline") {
    keys.MappingBody(w, BaselineKeyTable());
  } else {
    keys.MappingBody(w, OrganizationKeyTable());
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
