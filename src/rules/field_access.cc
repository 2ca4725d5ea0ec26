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
  return p.storage->loc.valid() ? p.storage->loc : ProviderAnchor(p);
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

// A flow's purposes or contexts: its own when stated (`purpose: k`, one key
// without an index, or a `purposes` list), else the provider's list (which
// may itself be unstated).
FieldView EffectiveKeys(const DataFlow& f, const KeyList& own, bool single,
                        std::string_view own_single, std::string_view own_list,
                        const KeyList& provider_list, std::string_view provider_path) {
  if (own.known) {
    FieldView v = KeyListView(own, single ? own_single : own_list, f.loc);
    v.indexed = !single;
    return v;
  }
  FieldView v = KeyListView(provider_list, provider_path, f.loc);
  v.from_provider = true;
  return v;
}

// Where evidence about an unstated fact of a group (`entity`, `ai`) points:
// the group's mapping when written, else the provider's id.
Location GroupAnchor(const Provider& p, const Location& group) {
  return group.valid() ? group : ProviderAnchor(p);
}

FieldView OptEnumView(const std::optional<LocatedString>& s, Location anchor) {
  return OptStringView(s, anchor);
}

FieldView OptDateView(const std::optional<Located<Date>>& d, Location anchor) {
  FieldView v;
  v.loc = anchor;
  if (d) {
    v.stated = true;
    v.date = d->value;
    v.loc = d->loc;
  }
  return v;
}

// --- Getters ----------------------------------------------------------------

const DataFlow& Flow(const void* e) { return *static_cast<const DataFlow*>(e); }
const Exclusion& Excl(const void* e) { return *static_cast<const Exclusion*>(e); }
const Source& Src(const void* e) { return *static_cast<const Source*>(e); }

FieldView PId(const Provider& p, const void*) { return StringView(p.id); }
FieldView PName(const Provider& p, const void*) { return StringView(p.name); }
// Derived: v1's `privacy_policy`, now the first link of that kind.
FieldView PPrivacyPolicy(const Provider& p, const void*) {
  if (const Link* l = p.PrivacyPolicy()) return StringView(l->url);
  FieldView v;
  v.loc = p.links.known ? p.links.loc : ProviderAnchor(p);
  return v;
}
FieldView PFormerly(const Provider& p, const void*) {
  return KeyListView(p.formerly, "formerly", ProviderAnchor(p));
}
FieldView PEntityLegalName(const Provider& p, const void*) {
  return OptStringView(p.entity->legal_name, GroupAnchor(p, p.entity->loc));
}
FieldView PEntityCountry(const Provider& p, const void*) {
  return OptEnumView(p.entity->country, GroupAnchor(p, p.entity->loc));
}
FieldView PEntityStatement(const Provider& p, const void*) {
  return OptStringView(p.entity->statement, GroupAnchor(p, p.entity->loc));
}
FieldView PRole(const Provider& p, const void*) { return OptEnumView(p.role, ProviderAnchor(p)); }
// In rules, `links` is the list of the links' kinds.
FieldView PLinks(const Provider& p, const void*) {
  return KeyListView(p.link_kinds, "links", ProviderAnchor(p));
}
FieldView PReviewedBy(const Provider& p, const void*) {
  return OptStringView(p.reviewed_by, ProviderAnchor(p));
}
FieldView PLocationsProcessing(const Provider& p, const void*) {
  return KeyListView(p.locations->processing, "locations.processing",
                     GroupAnchor(p, p.locations->loc));
}
FieldView PLocationsStorage(const Provider& p, const void*) {
  return KeyListView(p.locations->storage, "locations.storage", GroupAnchor(p, p.locations->loc));
}
FieldView PLocationsStatement(const Provider& p, const void*) {
  return OptStringView(p.locations->statement, GroupAnchor(p, p.locations->loc));
}
FieldView PRetentionPolicy(const Provider& p, const void*) {
  return OptEnumView(p.retention->policy, GroupAnchor(p, p.retention->loc));
}
FieldView PRetentionDays(const Provider& p, const void*) {
  FieldView v;
  v.loc = GroupAnchor(p, p.retention->loc);
  if (p.retention->days) {
    v.stated = true;
    v.number = p.retention->days->value;
    v.loc = p.retention->days->loc;
  }
  return v;
}
FieldView PRetentionStatement(const Provider& p, const void*) {
  return OptStringView(p.retention->statement, GroupAnchor(p, p.retention->loc));
}
FieldView PAiTrains(const Provider& p, const void*) {
  return FactView(p.ai->trains_models, GroupAnchor(p, p.ai->loc));
}
FieldView PAiGenerative(const Provider& p, const void*) {
  return FactView(p.ai->generative, GroupAnchor(p, p.ai->loc));
}
FieldView PAiStatement(const Provider& p, const void*) {
  return OptStringView(p.ai->statement, GroupAnchor(p, p.ai->loc));
}
Location DpaAnchor(const Provider& p) {
  return p.contracts->dpa.loc.valid() ? p.contracts->dpa.loc : GroupAnchor(p, p.contracts->loc);
}
FieldView PDpaSigned(const Provider& p, const void*) {
  return FactView(p.contracts->dpa.is_signed, DpaAnchor(p));
}
FieldView PDpaDate(const Provider& p, const void*) {
  return OptDateView(p.contracts->dpa.date, DpaAnchor(p));
}
FieldView PDpaUrl(const Provider& p, const void*) {
  return OptStringView(p.contracts->dpa.url, DpaAnchor(p));
}
FieldView PTransferMechanisms(const Provider& p, const void*) {
  return KeyListView(p.contracts->transfer_mechanisms, "contracts.transfer_mechanisms",
                     GroupAnchor(p, p.contracts->loc));
}
FieldView PContractsStatement(const Provider& p, const void*) {
  return OptStringView(p.contracts->statement, GroupAnchor(p, p.contracts->loc));
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
  return OptDateView(p.last_reviewed, ProviderAnchor(p));
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
  return FactView(p.storage->stores_data, StorageAnchor(p));
}
FieldView PEncrypted(const Provider& p, const void*) {
  return FactView(p.storage->encrypted_at_rest, StorageAnchor(p));
}
FieldView PPasswordsHashed(const Provider& p, const void*) {
  return FactView(p.storage->passwords_hashed, StorageAnchor(p));
}
FieldView PStorageLocation(const Provider& p, const void*) {
  return OptStringView(p.storage->location, StorageAnchor(p));
}
FieldView PHostedOn(const Provider& p, const void*) {
  return OptStringView(p.storage->hosted_on, StorageAnchor(p));
}
FieldView PStorageNotes(const Provider& p, const void*) {
  return OptStringView(p.storage->notes, StorageAnchor(p));
}

FieldView FDirection(const Provider&, const void* e) { return DirectionView(Flow(e).direction); }
FieldView FSubjects(const Provider&, const void* e) {
  return KeyListView(Flow(e).subjects, "subjects", Flow(e).loc);
}
FieldView FCategories(const Provider&, const void* e) {
  return KeyListView(Flow(e).categories, "categories", Flow(e).loc);
}
FieldView FPurpose(const Provider& p, const void* e) {
  const DataFlow& f = Flow(e);
  return EffectiveKeys(f, f.purposes, f.purpose_single, "purpose", "purposes", p.purposes,
                       "purposes");
}
FieldView FContext(const Provider& p, const void* e) {
  const DataFlow& f = Flow(e);
  return EffectiveKeys(f, f.contexts, f.context_single, "context", "contexts", p.contexts,
                       "contexts");
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
FieldView FNoticeBasis(const Provider&, const void* e) {
  return OptEnumView(Flow(e).notice_basis, Flow(e).loc);
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

FieldView ENotes(const Provider&, const void* e) {
  return OptStringView(Excl(e).notes, Excl(e).loc);
}

FieldView SDisclosure(const Provider&, const void* e) { return StringView(Src(e).disclosure); }
FieldView SSection(const Provider&, const void* e) {
  return OptStringView(Src(e).section, Src(e).loc);
}
FieldView SRow(const Provider&, const void* e) { return OptStringView(Src(e).row, Src(e).loc); }

// Aligned with FieldCatalog() (model/provider_fields.inc): entry i reads
// field i; nullptr for groups, which are not rule fields.
#define VL_FIELD(scope, path, type, kind, vocabulary, required, reader, getter, doc) getter,
const FieldGetter kGetters[] = {
#include "model/provider_fields.inc"
};
#undef VL_FIELD

// The rule fields: every catalog entry with a getter, in table order.
const std::vector<FieldDef>& Fields() {
  static const std::vector<FieldDef> fields = [] {
    std::vector<FieldDef> out;
    auto catalog = FieldCatalog();
    for (size_t i = 0; i < catalog.size(); ++i) {
      const FieldInfo& f = catalog[i];
      if (kGetters[i] == nullptr) continue;
      out.push_back(FieldDef{f.path, f.scope, f.type, f.kind, kGetters[i], f.vocabulary});
    }
    return out;
  }();
  return fields;
}

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
      return "one name of a fixed list";
    case FieldType::kKeyList:
      return "a list of taxonomy keys";
    case FieldType::kQualifierList:
      return "a list of qualifiers";
    case FieldType::kDate:
      return "a date";
    case FieldType::kRecordList:
      return "a list of records";
    case FieldType::kNameList:
      return "a list of names";
    case FieldType::kNumber:
      return "a whole number";
    case FieldType::kGroup:
      return "a mapping";
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
  for (const FieldDef& f : Fields())
    if (f.scope == scope && f.path == path) return &f;
  return nullptr;
}

std::vector<std::string> FieldNames(Scope scope) {
  std::vector<std::string> names;
  for (const FieldDef& f : Fields())
    if (f.scope == scope) names.emplace_back(f.path);
  return names;
}

}  // namespace vendorlint
