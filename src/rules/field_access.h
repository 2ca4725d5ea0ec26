// The field table of the rule language: which field paths exist at provider,
// data flow, exclusion and source scope, their types, and how to read them
// from the model. The rule compiler resolves a path to a FieldDef once; the
// evaluator then calls its getter (a plain function pointer), never looking a
// name up while evaluating.
#ifndef VENDORLINT_RULES_FIELD_ACCESS_H_
#define VENDORLINT_RULES_FIELD_ACCESS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "model/field_catalog.h"
#include "model/registry.h"
#include "model/taxonomy.h"
#include "model/tri.h"

namespace vendorlint {

// Scope and FieldType are the field table's (model/field_catalog.h).
// "provider", "data flow", "exclusion", "source".
const char* ScopeName(Scope s);

// "a fact (true, false or unknown)", "a string", ...: for messages.
const char* FieldTypeDescription(FieldType t);

// The provider's lists of records that quantifiers range over.
enum class RecordList : uint8_t { kDataFlows, kExclusions, kSources };
const char* RecordListName(RecordList l);  // "data_flows", ...
Scope RecordListScope(RecordList l);
const std::vector<std::string>& RecordListNames();

// One field's value for one record, as the evaluator sees it. Which members
// are meaningful depends on the field's type.
struct FieldView {
  // The registry states a value. A fact written `unknown` is not stated; a
  // list written `[]` is.
  bool stated = false;
  bool written_unknown = false;  // kFact: the registry says `unknown` explicitly
  // The value's node when stated; otherwise the nearest node that exists (the
  // `storage` mapping, the flow, the provider's id) for evidence.
  Location loc;
  Tri fact = Tri::kUnknown;                        // kFact
  std::string_view text;                           // kString, kEnum
  int64_t number = 0;                              // kNumber
  Date date;                                       // kDate
  size_t count = 0;                                // kRecordList, and items in the lists below
  std::span<const LocatedString> keys;             // kKeyList, kNameList
  std::span<const Located<Qualifier>> qualifiers;  // kQualifierList
  // Paths of list items, for evidence: `<item_path>[i]`, or just `item_path`
  // when !indexed (a flow's own single `purpose`). `from_provider`: the items
  // are the provider's (a flow's purpose defaulting to the provider's), so
  // their path is relative to the provider, not to the record.
  std::string_view item_path;
  bool indexed = true;
  bool from_provider = false;
};

// Reads a field. `element` is the DataFlow, Exclusion or Source for record
// scopes and ignored at provider scope.
using FieldGetter = FieldView (*)(const Provider& provider, const void* element);

struct FieldDef {
  std::string_view path;  // `storage.encrypted_at_rest`, relative to the scope
  Scope scope;
  FieldType type;
  TaxonomyKind kind;  // kKeyList only
  FieldGetter get;
  Vocabulary vocabulary;  // kEnum, kNameList: the values a rule may name
};

// The field `path` at `scope`, or nullptr. The returned pointer is stable.
const FieldDef* FindField(Scope scope, std::string_view path);
// All field paths of a scope, in table order (for suggestions and docs).
std::vector<std::string> FieldNames(Scope scope);

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_FIELD_ACCESS_H_
