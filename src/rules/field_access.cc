#include "rules/field_access.h"

#include <array>

namespace vendorlint {
namespace {

// --- Building views ---------------------------------------------------------

// Where evidence about an unstated provider field points: the provider's id.
Location ProviderAnchor(const Provider& p) { return p.id.loc.valid() ? p.id.loc : p.loc; }

// Where evidence about an unstated storage fact points: the `storage` mapping
// when the provider has one, else the provider's id.
Location StorageAnchor(const Provider& p) {
  return p.storage.loc.valid() ? p.storage.loc : ProviderAnchor(p);
}

FieldView FactView(const TriFact& f, Location anchor) {
  FieldView v;
  v.fact = f.value;
  v.stated = f.value != Tri::kUnknown;
  v.written_unknown = f.value == Tri::kUnknown && f.loc.valid();
  v.loc = f.loc.valid() ? f.loc : anchor;
  return v;
}

FieldView StringView(const LocatedString& s) {
  FieldView v;
  v.stated = true;
  v.text = s.value;
  v.loc = s.loc;
  return v;
}

FieldView OptStringView(const std::optional<LocatedString>& s, Location anchor) {
  if (s) return StringView(*s);
  FieldView v;
  v.loc = anchor;
  return v;
}

FieldView KeyListView(const KeyList& l, std::string_view item_path, Location anchor) {
  FieldView v;
  v.item_path = item_path;
  if (!l.known) {
    v.loc = anchor;
    return v;
  }
  v.stated = true;
  v.loc = l.loc;
  v.keys = l.items;
  v.count = l.items.size();
  return v;
}

template <typename T>
FieldView RecordListView(const List<T>& l, Location anchor) {
  FieldView v;
  v.stated = l.known;
  v.loc = l.known ? l.loc : anchor;
  v.count = l.items.size();
  return v;
}

FieldView DirectionView(const Located<Direction>& d) {
  FieldView v;
  v.stated = true;
  v.text = DirectionName(d.value);
  v.loc = d.loc;
  return v;
}

// A flow's purpose or context: its own single key when stated, else the
// provider's list (which may itself be unstated).
FieldView EffectiveKeys(const DataFlow& f, const std::optional<LocatedString>& own,
                        std::string_view own_path, const KeyList& provider_list,
                        std::string_view provider_path) {
  if (own) {
    FieldView v;
    v.stated = true;
    v.loc = own->loc;
    v.keys = std::span<const LocatedString>(&*own, 1);
    v.count = 1;
    v.item_path = own_path;
    v.indexed = false;
    return v;
  }
  FieldView v = KeyListView(provider_list, provider_path, f.loc);
  v.from_provider = true;
  return v;
}

// --- Getters ----------------------------------------------------------------

const DataFlow& Flow(const void* e) { return *static_cast<const DataFlow*>(e); }
const Exclusion& Excl(const void* e) { return *static_cast<const Exclusion*>(e); }
const Source& Src(const void* e) { return *static_cast<const Source*>(e); }

FieldView PId(const Provider& p, const void*) { return StringView(p.id); }
FieldView PName(const Provider& p, const void*) { return StringView(p.name); }
FieldView PPolicy(const Provider& p, const void*) {
  return OptStringView(p.privacy_policy, ProviderAnchor(p));
}
FieldView PSummary(const Provider& p, const void*) {
  return OptStringView(p.summary, ProviderAnchor(p));
}
FieldView PNotes(const Provider& p, const void*) {
  return OptStringView(p.notes, ProviderAnchor(p));
}
FieldView PContexts(const Provider& p, const void*) {
  return KeyListView(p.contexts, "contexts", ProviderAnchor(p));
}
FieldView PPurposes(const Provider& p, const void*) {
  return KeyListView(p.purposes, "purposes", ProviderAnchor(p));
}
FieldView PLastReviewed(const Provider& p, const void*) {
  FieldView v;
  v.loc = ProviderAnchor(p);
  if (p.last_reviewed) {
    v.stated = true;
    v.date = p.last_reviewed->value;
    v.loc = p.last_reviewed->loc;
  }
  return v;
}
FieldView PFlows(const Provider& p, const void*) {
  return RecordListView(p.data_flows, ProviderAnchor(p));
}
FieldView PExclusions(const Provider& p, const void*) {
  return RecordListView(p.exclusions, ProviderAnchor(p));
}
FieldView PSources(const Provider& p, const void*) {
  return RecordListView(p.sources, ProviderAnchor(p));
}
FieldView PStoresData(const Provider& p, const void*) {
  return FactView(p.storage.stores_data, StorageAnchor(p));
}
FieldView PEncrypted(const Provider& p, const void*) {
  return FactView(p.storage.encrypted_at_rest, StorageAnchor(p));
}
FieldView PPasswordsHashed(const Provider& p, const void*) {
  return FactView(p.storage.passwords_hashed, StorageAnchor(p));
}
FieldView PLocation(const Provider& p, const void*) {
  return OptStringView(p.storage.location, StorageAnchor(p));
}
FieldView PHostedOn(const Provider& p, const void*) {
  return OptStringView(p.storage.hosted_on, StorageAnchor(p));
}
FieldView PStorageNotes(const Provider& p, const void*) {
  return OptStringView(p.storage.notes, StorageAnchor(p));
}

FieldView FDirection(const Provider&, const void* e) { return DirectionView(Flow(e).direction); }
FieldView FSubjects(const Provider&, const void* e) {
  return KeyListView(Flow(e).subjects, "subjects", Flow(e).loc);
}
FieldView FCategories(const Provider&, const void* e) {
  return KeyListView(Flow(e).categories, "categories", Flow(e).loc);
}
FieldView FPurpose(const Provider& p, const void* e) {
  return EffectiveKeys(Flow(e), Flow(e).purpose, "purpose", p.purposes, "purposes");
}
FieldView FContext(const Provider& p, const void* e) {
  return EffectiveKeys(Flow(e), Flow(e).context, "context", p.contexts, "contexts");
}
FieldView FQualifiers(const Provider&, const void* e) {
  const DataFlow& f = Flow(e);
  FieldView v;
  v.item_path = "qualifiers";
  v.loc = f.qualifiers.known ? f.qualifiers.loc : f.loc;
  // Qualifiers are exceptions the disclosure states about a flow; a flow
  // without any is stated without exceptions, so absent counts as `[]`.
  v.stated = true;
  v.qualifiers = f.qualifiers.items;
  v.count = f.qualifiers.items.size();
  return v;
}
FieldView FDescription(const Provider&, const void* e) {
  return OptStringView(Flow(e).description, Flow(e).loc);
}
FieldView FSource(const Provider&, const void* e) {
  return OptStringView(Flow(e).source, Flow(e).loc);
}
FieldView FNotes(const Provider&, const void* e) {
  return OptStringView(Flow(e).notes, Flow(e).loc);
}

FieldView EStatement(const Provider&, const void* e) { return StringView(Excl(e).statement); }
FieldView EDirection(const Provider&, const void* e) {
  const Exclusion& x = Excl(e);
  if (x.direction) return DirectionView(*x.direction);
  FieldView v;
  v.loc = x.loc;
  return v;
}
FieldView ESubjects(const Provider&, const void* e) {
  return KeyListView(Excl(e).subjects, "subjects", Excl(e).loc);
}
FieldView ECategories(const Provider&, const void* e) {
  return KeyListView(Excl(e).categories, "categories", Excl(e).loc);
}
FieldView EContexts(const Provider&, const void* e) {
  return KeyListView(Excl(e).contexts, "contexts", Excl(e).loc);
}

FieldView SDisclosure(const Provider&, const void* e) { return StringView(Src(e).disclosure); }
FieldView SSection(const Provider&, const void* e) {
  return OptStringView(Src(e).section, Src(e).loc);
}
FieldView SRow(const Provider&, const void* e) { return OptStringView(Src(e).row, Src(e).loc); }

constexpr TaxonomyKind kNoKind = TaxonomyKind::kCategory;  // unused for non-key fields

// The table. Keep docs/rules.md ("Fields") in step with it.
const FieldDef kFields[] = {
    {"id", Scope::kProvider, FieldType::kString, kNoKind, PId},
    {"name", Scope::kProvider, FieldType::kString, kNoKind, PName},
    {"privacy_policy", Scope::kProvider, FieldType::kString, kNoKind, PPolicy},
    {"summary", Scope::kProvider, FieldType::kString, kNoKind, PSummary},
    {"notes", Scope::kProvider, FieldType::kString, kNoKind, PNotes},
    {"contexts", Scope::kProvider, FieldType::kKeyList, TaxonomyKind::kContext, PContexts},
    {"purposes", Scope::kProvider, FieldType::kKeyList, TaxonomyKind::kPurpose, PPurposes},
    {"last_reviewed", Scope::kProvider, FieldType::kDate, kNoKind, PLastReviewed},
    {"data_flows", Scope::kProvider, FieldType::kRecordList, kNoKind, PFlows},
    {"exclusions", Scope::kProvider, FieldType::kRecordList, kNoKind, PExclusions},
    {"sources", Scope::kProvider, FieldType::kRecordList, kNoKind, PSources},
    {"storage.stores_data", Scope::kProvider, FieldType::kFact, kNoKind, PStoresData},
    {"storage.encrypted_at_rest", Scope::kProvider, FieldType::kFact, kNoKind, PEncrypted},
    {"storage.passwords_hashed", Scope::kProvider, FieldType::kFact, kNoKind, PPasswordsHashed},
    {"storage.location", Scope::kProvider, FieldType::kString, kNoKind, PLocation},
    {"storage.hosted_on", Scope::kProvider, FieldType::kString, kNoKind, PHostedOn},
    {"storage.notes", Scope::kProvider, FieldType::kString, kNoKind, PStorageNotes},

    {"direction", Scope::kFlow, FieldType::kEnum, kNoKind, FDirection},
    {"subjects", Scope::kFlow, FieldType::kKeyList, TaxonomyKind::kSubject, FSubjects},
    {"categories", Scope::kFlow, FieldType::kKeyList, TaxonomyKind::kCategory, FCategories},
    {"purpose", Scope::kFlow, FieldType::kKeyList, TaxonomyKind::kPurpose, FPurpose},
    {"context", Scope::kFlow, FieldType::kKeyList, TaxonomyKind::kContext, FContext},
    {"qualifiers", Scope::kFlow, FieldType::kQualifierList, kNoKind, FQualifiers},
    {"description", Scope::kFlow, FieldType::kString, kNoKind, FDescription},
    {"source", Scope::kFlow, FieldType::kString, kNoKind, FSource},
    {"notes", Scope::kFlow, FieldType::kString, kNoKind, FNotes},

    {"statement", Scope::kExclusion, FieldType::kString, kNoKind, EStatement},
    {"direction", Scope::kExclusion, FieldType::kEnum, kNoKind, EDirection},
    {"subjects", Scope::kExclusion, FieldType::kKeyList, TaxonomyKind::kSubject, ESubjects},
    {"categories", Scope::kExclusion, FieldType::kKeyList, TaxonomyKind::kCategory, ECategories},
    {"contexts", Scope::kExclusion, FieldType::kKeyList, TaxonomyKind::kContext, EContexts},

    {"disclosure", Scope::kSource, FieldType::kString, kNoKind, SDisclosure},
    {"section", Scope::kSource, FieldType::kString, kNoKind, SSection},
    {"row", Scope::kSource, FieldType::kString, kNoKind, SRow},
};

}  // namespace

const char* ScopeName(Scope s) {
  switch (s) {
    case Scope::kProvider:
      return "provider";
    case Scope::kFlow:
      return "data flow";
    case Scope::kExclusion:
      return "exclusion";
    case Scope::kSource:
      return "source";
  }
  return "provider";
}

const char* FieldTypeDescription(FieldType t) {
  switch (t) {
    case FieldType::kFact:
      return "a fact (true, false or unknown)";
    case FieldType::kString:
      return "a string";
    case FieldType::kEnum:
      return "a direction (shared or received)";
    case FieldType::kKeyList:
      return "a list of taxonomy keys";
    case FieldType::kQualifierList:
      return "a list of qualifiers";
    case FieldType::kDate:
      return "a date";
    case FieldType::kRecordList:
      return "a list of records";
  }
  return "a value";
}

const char* RecordListName(RecordList l) {
  switch (l) {
    case RecordList::kDataFlows:
      return "data_flows";
    case RecordList::kExclusions:
      return "exclusions";
    case RecordList::kSources:
      return "sources";
  }
  return "data_flows";
}

Scope RecordListScope(RecordList l) {
  switch (l) {
    case RecordList::kDataFlows:
      return Scope::kFlow;
    case RecordList::kExclusions:
      return Scope::kExclusion;
    case RecordList::kSources:
      return Scope::kSource;
  }
  return Scope::kFlow;
}

const std::vector<std::string>& RecordListNames() {
  static const std::vector<std::string> names = {"data_flows", "exclusions", "sources"};
  return names;
}

const FieldDef* FindField(Scope scope, std::string_view path) {
  for (const FieldDef& f : kFields)
    if (f.scope == scope && f.path == path) return &f;
  return nullptr;
}

std::vector<std::string> FieldNames(Scope scope) {
  std::vector<std::string> names;
  for (const FieldDef& f : kFields)
    if (f.scope == scope) names.emplace_back(f.path);
  return names;
}

}  // namespace vendorlint
