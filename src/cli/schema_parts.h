// The pieces `vendorlint schema` builds JSON Schemas from (schema_command.cc):
// value shapes shared by every kind of file, the schema of a loader's key
// table (util/key_table.h), and the rule predicate definition
// (rule_schema.cc). Each writes one schema value into a JsonWriter.
#ifndef VENDORLINT_CLI_SCHEMA_PARTS_H_
#define VENDORLINT_CLI_SCHEMA_PARTS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/taxonomy.h"
#include "report/json_writer.h"
#include "util/key_table.h"

namespace vendorlint::schema {

// "enum": the names.
template <typename Range>
void Enum(JsonWriter& w, const Range& names) {
  w.Key("enum");
  w.BeginArray();
  for (const auto& n : names) w.String(n);
  w.EndArray();
}

// Free text: the loaders take any non-empty scalar (`row: 12` is the text "12").
void Text(JsonWriter& w);
// true, false or unknown.
void Fact(JsonWriter& w);
// YYYY-MM-DD.
void Date(JsonWriter& w);
// A list of unique `item_type` values, from `names` when not empty.
void ListOf(JsonWriter& w, std::string_view item_type, const std::vector<std::string>& names);
std::vector<std::string> Strings(std::span<const std::string_view> v);

// Schemas of loader key tables. Values a table takes from a taxonomy section
// (`taxonomy_section`) are enumerated from `taxonomy`; without one (a kind of
// file that does not depend on the registry) they are any string.
class KeySchemas {
 public:
  explicit KeySchemas(const Taxonomy* taxonomy) : taxonomy_(taxonomy) {}
  // The members of a mapping with exactly the table's keys.
  void MappingBody(JsonWriter& w, std::span<const KeySpec> table) const;
  // The same as a whole object.
  void Mapping(JsonWriter& w, std::span<const KeySpec> table) const;
  // One key's value.
  void Key(JsonWriter& w, const KeySpec& k) const;

 private:
  std::vector<std::string> SectionKeys(std::string_view section) const;
  const Taxonomy* taxonomy_;
};

// definitions.predicate of the rule and rule-test schemas, from the rule
// compiler's operator tables.
void PredicateDefinition(JsonWriter& w, const KeySchemas& keys);

}  // namespace vendorlint::schema

#endif  // VENDORLINT_CLI_SCHEMA_PARTS_H_
