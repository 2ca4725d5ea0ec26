// definitions.predicate: every predicate form the rule compiler accepts, from
// its operator tables, so that an editor completes and checks rules.
#include <algorithm>
#include <string>
#include <vector>

#include "cli/schema_parts.h"
#include "rules/field_access.h"
#include "rules/operator.h"
#include "rules/predicate_compiler.h"
#include "rules/rule_compiler.h"

namespace vendorlint::schema {
namespace {

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

}  // namespace

void PredicateDefinition(JsonWriter& w, const KeySchemas& keys) {
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
      keys.MappingBody(w, op == "host" ? HostKeyTable() : QuantifierKeyTable());
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

}  // namespace vendorlint::schema
