#include "load/field_readers.h"

#include <fmt/format.h>

#include "load/country_reader.h"
#include "load/record_checks.h"
#include "util/did_you_mean.h"
#include "util/escape.h"

namespace vendorlint {
namespace {

std::vector<std::string> Names(std::span<const std::string_view> v) { return {v.begin(), v.end()}; }

Provider& Prov(void* r) { return *static_cast<Provider*>(r); }
DataFlow& Flow(void* r) { return *static_cast<DataFlow*>(r); }
Exclusion& Excl(void* r) { return *static_cast<Exclusion*>(r); }
Source& Src(void* r) { return *static_cast<Source*>(r); }

// --- Value readers shared by several fields --------------------------------

void OptString(FieldReadContext& c, const yaml::Node& n, std::string_view key,
               std::optional<LocatedString>* out) {
  LocatedString s;
  if (ReadString(c.ctx, n, key, &s)) *out = std::move(s);
}

void OptId(FieldReadContext& c, const yaml::Node& n, std::string_view key,
           std::optional<LocatedString>* out) {
  LocatedString s;
  if (ReadId(c.ctx, n, key, &s)) *out = std::move(s);
}

void OptUrl(FieldReadContext& c, const yaml::Node& n, std::string_view key,
            std::optional<LocatedString>* out) {
  LocatedString s;
  if (ReadUrl(c.ctx, n, key, &s)) *out = std::move(s);
}

void OptDate(FieldReadContext& c, const yaml::Node& n, std::string_view key,
             std::optional<Located<Date>>* out) {
  Located<Date> d;
  if (ReadDate(c.ctx, n, key, &d)) *out = d;
}

void OptEnum(FieldReadContext& c, const yaml::Node& n, std::string_view key,
             std::span<const std::string_view> names, std::optional<LocatedString>* out) {
  size_t index = 0;
  if (ReadEnum(c.ctx, n, key, Names(names), &index))
    *out = LocatedString{std::string(names[index]), c.ctx->Loc(n)};
}

bool ReadDirectionValue(FieldReadContext& c, const yaml::Node& n, Located<Direction>* out) {
  size_t index = 0;
  if (!ReadEnum(c.ctx, n, "direction", Names(DirectionVocabulary()), &index)) return false;
  out->value = static_cast<Direction>(index);
  out->loc = c.ctx->Loc(n);
  return true;
}

// A list of names from `names`, each at most once.
void NameList(FieldReadContext& c, const yaml::Node& n, std::string_view key,
              std::span<const std::string_view> names, KeyList* out) {
  KeyList raw;
  ReadStringList(c.ctx, n, key, &raw);
  out->known = raw.known;
  out->loc = raw.loc;
  std::vector<std::string> vocab = Names(names);
  for (auto& s : raw.items) {
    bool known = names.empty();
    for (auto name : names) known = known || name == s.value;
    if (!known) {
      std::string list;
      for (const auto& a : vocab) list += (list.empty() ? "" : ", ") + a;
      c.ctx->ErrorAt(s.loc.line, s.loc.column,
                     fmt::format("`{}` items must be one of {}, not {}{}", key, list,
                                 Quote(s.value), DidYouMeanSuffix(s.value, vocab)));
      continue;
    }
    bool dup = false;
    for (const auto& seen : out->items) dup = dup || seen.value == s.value;
    if (dup) {
      c.ctx->ErrorAt(s.loc.line, s.loc.column,
                     fmt::format("{} is listed twice in `{}`", Quote(s.value), key));
      continue;
    }
    out->items.push_back(std::move(s));
  }
}

// Reads a list of records of `scope`.
template <typename T>
void RecordList(FieldReadContext& c, const yaml::Node& n, std::string_view key, Scope scope,
                List<T>* out) {
  if (!n.IsSequence()) {
    c.ctx->Error(n, n.IsNull() ? fmt::format("`{}` has no value; write a list (`[]` for none) or "
                                             "remove the key to leave it unknown",
                                             key)
                               : fmt::format("`{}` must be a list", key));
    return;
  }
  out->known = true;
  out->loc = c.ctx->Loc(n);
  out->items.reserve(n.items.size());
  for (const auto& item : n.items) {
    T value;
    ReadScope(c, item, scope, &value);
    out->items.push_back(std::move(value));
  }
}

// A group mapping's location, the anchor of its facts' evidence.
void GroupLoc(FieldReadContext& c, const yaml::Node& n, Location* out) {
  if (n.IsMapping()) *out = c.ctx->Loc(n);
}

}  // namespace

Scope RecordListScope(std::string_view path) {
  if (path == "data_flows") return Scope::kFlow;
  if (path == "exclusions") return Scope::kExclusion;
  return Scope::kSource;
}

std::span<const KeySpec> LinkKeyTable() {
  static const std::vector<KeySpec> kKeys = {
      {"kind", true, KeyShape::kString, "What the link is.", LinkKindNames()},
      {"url", true, KeyShape::kString, "http(s) URL."},
  };
  return kKeys;
}

namespace {

// --- The readers named in model/provider_fields.inc -------------------------

void RdId(FieldReadContext& c, const yaml::Node& n, void* r) {
  Provider& p = Prov(r);
  if (ReadId(c.ctx, n, "id", &p.id) && !c.expected_id.empty() && p.id.value != c.expected_id) {
    std::string lower = c.expected_id;
    for (char& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (lower == p.id.value) {
      // `AWS.yaml` with `id: aws`: the id is right, the file name is not
      // (and `AWS` would not be a valid id).
      c.ctx->Error(n, fmt::format("file names must be lowercase, like ids: rename `{}.yaml` to "
                                  "`{}.yaml`",
                                  Excerpt(c.expected_id), p.id.value));
    } else {
      c.ctx->Error(n, fmt::format("provider id `{}` does not match its file name `{}.yaml`; "
                                  "rename the file or set `id: {}`",
                                  p.id.value, Excerpt(c.expected_id), Excerpt(c.expected_id)));
    }
  }
}
void RdName(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadString(c.ctx, n, "name", &Prov(r).name);
}
void RdFormerly(FieldReadContext& c, const yaml::Node& n, void* r) {
  NameList(c, n, "formerly", {}, &Prov(r).formerly);
}
void RdEntity(FieldReadContext& c, const yaml::Node& n, void* r) {
  GroupLoc(c, n, &Prov(r).entity.Mutable().loc);
}
void RdEntityLegalName(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "entity.legal_name", &Prov(r).entity.Mutable().legal_name);
}
void RdEntityCountry(FieldReadContext& c, const yaml::Node& n, void* r) {
  LocatedString s;
  if (ReadCountry(c.ctx, n, "entity.country", false, &s)) Prov(r).entity.Mutable().country = std::move(s);
}
void RdEntityStatement(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "entity.statement", &Prov(r).entity.Mutable().statement);
}
void RdRole(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptEnum(c, n, "role", RoleNames(), &Prov(r).role);
}
void RdLinks(FieldReadContext& c, const yaml::Node& n, void* r) {
  List<Link>& links = Prov(r).links;
  if (!n.IsSequence()) {
    c.ctx->Error(n, n.IsNull() ? std::string("`links` has no value; write a list (`[]` for none) "
                                             "or remove the key to leave it unknown")
                               : "`links` must be a list of {kind, url} mappings");
    return;
  }
  links.known = true;
  links.loc = c.ctx->Loc(n);
  for (const auto& item : n.items) {
    MappingReader m(c.ctx, item, "link", KeyNames(LinkKeyTable()));
    if (!m.is_mapping()) continue;
    Link l;
    l.loc = c.ctx->Loc(item);
    std::optional<LocatedString> kind;
    if (const yaml::Node* v = m.Require("kind")) OptEnum(c, *v, "kind", LinkKindNames(), &kind);
    if (const yaml::Node* v = m.Require("url")) ReadUrl(c.ctx, *v, "url", &l.url);
    if (!kind || l.url.value.empty()) continue;
    l.kind = *kind;
    links.items.push_back(std::move(l));
  }
  KeyList& kinds = Prov(r).link_kinds;
  kinds.known = true;
  kinds.loc = links.loc;
  for (const auto& l : links.items) kinds.items.push_back(l.kind);
}
void RdContexts(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTaxonomyKeyList(c.ctx, n, "contexts", c.tax, TaxonomyKind::kContext, &Prov(r).contexts);
}
void RdPurposes(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTaxonomyKeyList(c.ctx, n, "purposes", c.tax, TaxonomyKind::kPurpose, &Prov(r).purposes);
}
void RdSummary(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "summary", &Prov(r).summary);
}
void RdLastReviewed(FieldReadContext& c, const yaml::Node& n, void* r) {
  Located<Date> d;
  if (!ReadDate(c.ctx, n, "last_reviewed", &d)) return;
  // A review cannot have happened yet: a future date would satisfy every
  // "reviewed within N days" rule for years. The loader has no as-of date,
  // so "today" is the machine's (UTC).
  const Date today = Date::Today();
  if (today.DaysSinceEpoch() < d.value.DaysSinceEpoch()) {
    c.ctx->MarkDependsOnToday();
    c.ctx->Error(n, fmt::format("`last_reviewed` is {}, after today ({}): a review date cannot "
                                "be in the future",
                                d.value.ToString(), today.ToString()));
    return;
  }
  Prov(r).last_reviewed = d;
}
void RdReviewedBy(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "reviewed_by", &Prov(r).reviewed_by);
}
void RdDataFlows(FieldReadContext& c, const yaml::Node& n, void* r) {
  RecordList(c, n, "data_flows", RecordListScope("data_flows"), &Prov(r).data_flows);
}
void RdStorage(FieldReadContext& c, const yaml::Node& n, void* r) {
  GroupLoc(c, n, &Prov(r).storage.Mutable().loc);
}
void RdStoresData(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTri(c.ctx, n, "stores_data", &Prov(r).storage.Mutable().stores_data);
}
void RdEncrypted(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTri(c.ctx, n, "encrypted_at_rest", &Prov(r).storage.Mutable().encrypted_at_rest);
}
void RdPasswordsHashed(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTri(c.ctx, n, "passwords_hashed", &Prov(r).storage.Mutable().passwords_hashed);
}
void RdStorageLocation(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "location", &Prov(r).storage.Mutable().location);
}
void RdHostedOn(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptId(c, n, "hosted_on", &Prov(r).storage.Mutable().hosted_on);
}
void RdStorageNotes(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "notes", &Prov(r).storage.Mutable().notes);
}
void RdLocations(FieldReadContext& c, const yaml::Node& n, void* r) {
  GroupLoc(c, n, &Prov(r).locations.Mutable().loc);
}
void RdLocationsProcessing(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadCountryList(c.ctx, n, "locations.processing", &Prov(r).locations.Mutable().processing);
}
void RdLocationsStorage(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadCountryList(c.ctx, n, "locations.storage", &Prov(r).locations.Mutable().storage);
}
void RdLocationsStatement(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "locations.statement", &Prov(r).locations.Mutable().statement);
}
void RdRetention(FieldReadContext& c, const yaml::Node& n, void* r) {
  GroupLoc(c, n, &Prov(r).retention.Mutable().loc);
}
void RdRetentionPolicy(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptEnum(c, n, "retention.policy", RetentionPolicyNames(), &Prov(r).retention.Mutable().policy);
}
void RdRetentionDays(FieldReadContext& c, const yaml::Node& n, void* r) {
  int64_t days = 0;
  if (!ReadInt(c.ctx, n, "retention.days", &days)) return;
  if (days <= 0 || days > 365 * 1000) {
    c.ctx->Error(n, fmt::format("`retention.days` must be a number of days from 1 to 365000, not "
                                "{}; for zero data retention write `policy: none`",
                                days));
    return;
  }
  Prov(r).retention.Mutable().days = Located<int64_t>{days, c.ctx->Loc(n)};
}
void RdRetentionStatement(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "retention.statement", &Prov(r).retention.Mutable().statement);
}
void RdAi(FieldReadContext& c, const yaml::Node& n, void* r) { GroupLoc(c, n, &Prov(r).ai.Mutable().loc); }
void RdAiTrains(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTri(c.ctx, n, "ai.trains_models", &Prov(r).ai.Mutable().trains_models);
}
void RdAiGenerative(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTri(c.ctx, n, "ai.generative", &Prov(r).ai.Mutable().generative);
}
void RdAiStatement(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "ai.statement", &Prov(r).ai.Mutable().statement);
}
void RdContracts(FieldReadContext& c, const yaml::Node& n, void* r) {
  GroupLoc(c, n, &Prov(r).contracts.Mutable().loc);
}
void RdDpa(FieldReadContext& c, const yaml::Node& n, void* r) {
  GroupLoc(c, n, &Prov(r).contracts.Mutable().dpa.loc);
}
void RdDpaSigned(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTri(c.ctx, n, "contracts.dpa.signed", &Prov(r).contracts.Mutable().dpa.is_signed);
}
void RdDpaDate(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptDate(c, n, "contracts.dpa.date", &Prov(r).contracts.Mutable().dpa.date);
}
void RdDpaUrl(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptUrl(c, n, "contracts.dpa.url", &Prov(r).contracts.Mutable().dpa.url);
}
void RdTransferMechanisms(FieldReadContext& c, const yaml::Node& n, void* r) {
  NameList(c, n, "contracts.transfer_mechanisms", TransferMechanismNames(),
           &Prov(r).contracts.Mutable().transfer_mechanisms);
}
void RdContractsStatement(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "contracts.statement", &Prov(r).contracts.Mutable().statement);
}
void RdExclusions(FieldReadContext& c, const yaml::Node& n, void* r) {
  RecordList(c, n, "exclusions", RecordListScope("exclusions"), &Prov(r).exclusions);
}
void RdSources(FieldReadContext& c, const yaml::Node& n, void* r) {
  RecordList(c, n, "sources", RecordListScope("sources"), &Prov(r).sources);
  if (n.IsSequence() && n.items.empty())
    c.ctx->Error(n, "`sources` must name at least one disclosure the facts come from");
}
void RdNotes(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "notes", &Prov(r).notes);
}

void RdFlowDirection(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadDirectionValue(c, n, &Flow(r).direction);
}
void RdFlowSubjects(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTaxonomyKeyList(c.ctx, n, "subjects", c.tax, TaxonomyKind::kSubject, &Flow(r).subjects);
}
void RdFlowCategories(FieldReadContext& c, const yaml::Node& n, void* r) {
  DataFlow& f = Flow(r);
  ReadTaxonomyKeyList(c.ctx, n, "categories", c.tax, TaxonomyKind::kCategory, &f.categories);
  if (f.categories.known && f.categories.items.empty() && n.IsSequence())
    c.ctx->Error(n, "`categories` must name at least one data category");
}
// `purpose: k` is the one-item form of `purposes: [k]`.
void SingleKey(FieldReadContext& c, const yaml::Node& n, std::string_view key, TaxonomyKind kind,
               KeyList* out, bool* single) {
  LocatedString s;
  if (!ReadTaxonomyKey(c.ctx, n, key, c.tax, kind, &s)) return;
  out->known = true;
  out->loc = s.loc;
  out->items = {std::move(s)};
  *single = true;
}
void RdFlowPurpose(FieldReadContext& c, const yaml::Node& n, void* r) {
  SingleKey(c, n, "purpose", TaxonomyKind::kPurpose, &Flow(r).purposes, &Flow(r).purpose_single);
}
void RdFlowPurposes(FieldReadContext& c, const yaml::Node& n, void* r) {
  DataFlow& f = Flow(r);
  if (f.purpose_single) return;  // both written: reported by CheckFlow
  ReadTaxonomyKeyList(c.ctx, n, "purposes", c.tax, TaxonomyKind::kPurpose, &f.purposes);
}
void RdFlowContext(FieldReadContext& c, const yaml::Node& n, void* r) {
  SingleKey(c, n, "context", TaxonomyKind::kContext, &Flow(r).contexts, &Flow(r).context_single);
}
void RdFlowContexts(FieldReadContext& c, const yaml::Node& n, void* r) {
  DataFlow& f = Flow(r);
  if (f.context_single) return;
  ReadTaxonomyKeyList(c.ctx, n, "contexts", c.tax, TaxonomyKind::kContext, &f.contexts);
}
void RdFlowQualifiers(FieldReadContext& c, const yaml::Node& n, void* r) {
  List<Located<Qualifier>>* out = &Flow(r).qualifiers;
  if (!n.IsSequence()) {
    c.ctx->Error(n, "`qualifiers` must be a list, like [hashed, optional]");
    return;
  }
  out->known = true;
  out->loc = c.ctx->Loc(n);
  for (const auto& item : n.items) {
    size_t index = 0;
    if (!ReadEnum(c.ctx, item, "qualifiers item", Names(QualifierVocabulary()), &index)) continue;
    Qualifier q = static_cast<Qualifier>(index);
    bool dup = false;
    for (const auto& seen : out->items) dup = dup || seen.value == q;
    if (dup) {
      c.ctx->Error(item, fmt::format("qualifier `{}` is listed twice", Excerpt(item.scalar)));
      continue;
    }
    out->items.push_back({q, c.ctx->Loc(item)});
  }
}
void RdFlowDescription(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "description", &Flow(r).description);
}
void RdFlowSource(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptId(c, n, "source", &Flow(r).source);
}
void RdFlowNotes(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "notes", &Flow(r).notes);
}
void RdFlowNoticeBasis(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptEnum(c, n, "notice_basis", NoticeBasisNames(), &Flow(r).notice_basis);
}

void RdExclStatement(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadString(c.ctx, n, "statement", &Excl(r).statement);
}
void RdExclDirection(FieldReadContext& c, const yaml::Node& n, void* r) {
  Located<Direction> d;
  if (ReadDirectionValue(c, n, &d)) Excl(r).direction = d;
}
void RdExclSubjects(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTaxonomyKeyList(c.ctx, n, "subjects", c.tax, TaxonomyKind::kSubject, &Excl(r).subjects);
}
void RdExclCategories(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTaxonomyKeyList(c.ctx, n, "categories", c.tax, TaxonomyKind::kCategory,
                      &Excl(r).categories);
}
void RdExclContexts(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadTaxonomyKeyList(c.ctx, n, "contexts", c.tax, TaxonomyKind::kContext, &Excl(r).contexts);
}
void RdExclNotes(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "notes", &Excl(r).notes);
}

void RdSrcDisclosure(FieldReadContext& c, const yaml::Node& n, void* r) {
  ReadId(c.ctx, n, "disclosure", &Src(r).disclosure);
}
void RdSrcSection(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "section", &Src(r).section);
}
void RdSrcRow(FieldReadContext& c, const yaml::Node& n, void* r) {
  OptString(c, n, "row", &Src(r).row);
}

using FieldReader = void (*)(FieldReadContext& c, const yaml::Node& n, void* record);

// Aligned with FieldCatalog(): entry i reads field i (nullptr: derived).
#define VL_FIELD(scope, path, type, kind, vocabulary, required, reader, getter, doc) reader,
const FieldReader kReaders[] = {
#include "model/provider_fields.inc"
};
#undef VL_FIELD

// --- Checks across the fields of one mapping --------------------------------

// The key a field is written as inside its group's mapping.
std::string_view LastSegment(std::string_view path) {
  size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

std::string_view Parent(std::string_view path) {
  size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

const char* ScopeWhat(Scope s) {
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

void SetRecordLoc(FieldReadContext& c, const yaml::Node& n, Scope scope, void* record) {
  switch (scope) {
    case Scope::kProvider:
      Prov(record).loc = c.ctx->Loc(n);
      Prov(record).file = c.ctx->file_id();
      return;
    case Scope::kFlow:
      Flow(record).loc = c.ctx->Loc(n);
      return;
    case Scope::kExclusion:
      Excl(record).loc = c.ctx->Loc(n);
      return;
    case Scope::kSource:
      Src(record).loc = c.ctx->Loc(n);
      return;
  }
}

// Reads the mapping of `group` ("" for the scope's own) and its subgroups.
void ReadGroup(FieldReadContext& c, const yaml::Node& n, Scope scope, std::string_view group,
               void* record) {
  const bool top = group.empty();
  MappingReader m(c.ctx, n, top ? ScopeWhat(scope) : std::string(group), YamlKeys(scope, group),
                  top && scope == Scope::kProvider ? RetiredProviderKey : nullptr);
  if (!m.is_mapping()) return;
  auto catalog = FieldCatalog();
  for (size_t i = 0; i < catalog.size(); ++i) {
    const FieldInfo& f = catalog[i];
    if (f.scope != scope || kReaders[i] == nullptr || Parent(f.path) != group) continue;
    std::string_view key = LastSegment(f.path);
    const yaml::Node* v = f.required ? m.Require(key) : m.Find(key);
    if (v == nullptr) continue;
    kReaders[i](c, *v, record);
    if (f.type == FieldType::kGroup) ReadGroup(c, *v, scope, f.path, record);
  }
}

}  // namespace

std::vector<std::string> YamlKeys(Scope scope, std::string_view group) {
  std::vector<std::string> keys;
  auto catalog = FieldCatalog();
  for (size_t i = 0; i < catalog.size(); ++i) {
    const FieldInfo& f = catalog[i];
    if (f.scope == scope && kReaders[i] != nullptr && Parent(f.path) == group)
      keys.emplace_back(LastSegment(f.path));
  }
  return keys;
}

void ReadScope(FieldReadContext& c, const yaml::Node& n, Scope scope, void* record) {
  if (!n.IsMapping()) {
    ReadGroup(c, n, scope, "", record);  // reports the non-mapping
    return;
  }
  SetRecordLoc(c, n, scope, record);
  ReadGroup(c, n, scope, "", record);
  switch (scope) {
    case Scope::kProvider:
      CheckProvider(c.ctx, n, Prov(record));
      return;
    case Scope::kFlow:
      CheckFlow(c.ctx, n);
      return;
    case Scope::kExclusion:
      CheckExclusion(c.ctx, n);
      return;
    case Scope::kSource:
      return;
  }
}

FieldYamlForm YamlFormOf(const FieldInfo& field) {
  auto catalog = FieldCatalog();
  const size_t i = static_cast<size_t>(&field - catalog.data());
  if (kReaders[i] == RdFlowPurpose || kReaders[i] == RdFlowContext) return FieldYamlForm::kOneKey;
  if (kReaders[i] == RdLinks) return FieldYamlForm::kLinks;
  return FieldYamlForm::kAsTyped;
}

}  // namespace vendorlint
