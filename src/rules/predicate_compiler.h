// Compiles one predicate (a yaml::Node from a rule file) into a Predicate,
// checking it against the field table and the registry's taxonomy. Every
// problem is reported through the SchemaContext at its line and column, and
// compilation continues past errors so that one run lists them all.
#ifndef VENDORLINT_RULES_PREDICATE_COMPILER_H_
#define VENDORLINT_RULES_PREDICATE_COMPILER_H_

#include <span>
#include <string>
#include <vector>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/taxonomy.h"
#include "rules/predicate.h"
#include "util/key_table.h"

namespace vendorlint {

// The operator keys of a predicate mapping and of a field condition.
const std::vector<std::string>& PredicateOperatorNames();
const std::vector<std::string>& ConditionOperatorNames();
// The keys of a quantifier's mapping (`any: {in, where}`) and of `host:`
// (util/key_table.h): what the compiler accepts, what `vendorlint schema rule` says.
std::span<const KeySpec> QuantifierKeyTable();
std::span<const KeySpec> HostKeyTable();
// The condition operators a field type accepts, in documentation order.
std::vector<Op> OperatorsFor(FieldType type);

class PredicateCompiler {
 public:
  PredicateCompiler(SchemaContext* ctx, const Taxonomy& taxonomy)
      : ctx_(ctx), taxonomy_(taxonomy) {}

  // Compiles `n` at `scope` (Scope::kProvider for applies_to and require).
  // Returns false if any error was reported; *out is then unspecified.
  bool Compile(const yaml::Node& n, Scope scope, Predicate* out);

  // Whether anything compiled so far uses within_days or older_than_days.
  bool uses_dates() const { return uses_dates_; }

 private:
  bool CompileList(const yaml::Node& key, const yaml::Node& value, Scope scope, Predicate* out);
  bool CompileQuantifier(const yaml::Node& key, const yaml::Node& value, Scope scope,
                         Predicate* out);
  bool CompileHost(const yaml::Node& key, const yaml::Node& value, Scope scope, Predicate* out);
  bool CompileCondition(const yaml::Node& n, Scope scope, Predicate* out);
  bool ResolveField(const yaml::Node& n, Scope scope, Condition* c);
  bool ReadOperand(const yaml::Node& v, Condition* c);
  bool ReadKeys(const yaml::Node& v, Condition* c);
  bool ReadAttributes(const yaml::Node& v, Condition* c);

  SchemaContext* ctx_;
  const Taxonomy& taxonomy_;
  bool uses_dates_ = false;
};

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_PREDICATE_COMPILER_H_
