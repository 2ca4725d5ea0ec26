// Reads provider documents through the field table (model/provider_fields.inc):
// every mapping's accepted keys, their did-you-mean, required keys and the
// order of reading come from the table; each field's own reader (in
// field_readers.cc) checks and stores its value.
#ifndef VENDORLINT_LOAD_FIELD_READERS_H_
#define VENDORLINT_LOAD_FIELD_READERS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/field_catalog.h"
#include "model/registry.h"
#include "model/taxonomy.h"
#include "util/key_table.h"

namespace vendorlint {

struct FieldReadContext {
  SchemaContext* ctx;
  const Taxonomy& tax;
  std::string expected_id;  // the file name's id; empty: not checked
};

// Reads one mapping of `scope` (a Provider, DataFlow, Exclusion or Source at
// `record`), its groups and record lists included, then checks what spans its
// fields (retention days with policy, `purpose` with `purposes`, ...).
void ReadScope(FieldReadContext& c, const yaml::Node& n, Scope scope, void* record);

// The keys the mapping of `group` (a group path like "entity", or "" for the
// scope's own mapping) accepts, in table order.
// The scope of a record list field's items: data_flows, exclusions, sources.
Scope RecordListScope(std::string_view path);

// The keys of a `links` item (util/key_table.h).
std::span<const KeySpec> LinkKeyTable();

// How a field is written where its reader differs from its type: `purpose:
// key` is one key (in rules, a list); `links` are {kind, url} mappings (in
// rules, the list of kinds). `field` must be an entry of FieldCatalog().
enum class FieldYamlForm : uint8_t { kAsTyped, kOneKey, kLinks };
FieldYamlForm YamlFormOf(const FieldInfo& field);

std::vector<std::string> YamlKeys(Scope scope, std::string_view group);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_FIELD_READERS_H_
