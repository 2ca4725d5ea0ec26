#include "check/registry_diff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/diff_builder.h"
#include "check/provider_match.h"
#include "model/country.h"

namespace vendorlint {

const char* ImpactName(Impact i) {
  switch (i) {
    case Impact::kNone:
      return "none";
    case Impact::kLow:
      return "low";
    case Impact::kMedium:
      return "medium";
    case Impact::kHigh:
      return "high";
  }
  return "none";
}

bool ParseImpact(std::string_view s, Impact* out) {
  for (Impact i : {Impact::kNone, Impact::kLow, Impact::kMedium, Impact::kHigh})
    if (s == ImpactName(i)) {
      *out = i;
      return true;
    }
  return false;
}

const char* ChangeKindName(ChangeKind k) {
  switch (k) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kRenamed:
      return "renamed";
    case ChangeKind::kWidened:
      return "widened";
    case ChangeKind::kNarrowed:
      return "narrowed";
    case ChangeKind::kDropped:
      return "dropped";
    case ChangeKind::kChanged:
      return "changed";
    case ChangeKind::kCosmetic:
      return "cosmetic";
  }
  return "changed";
}

size_t RegistryDiff::Count(Impact impact) const {
  return static_cast<size_t>(std::count_if(changes.begin(), changes.end(),
                                           [&](const RegistryChange& c) { return c.impact == impact; }));
}

Impact RegistryDiff::Highest() const {
  Impact h = Impact::kNone;
  for (const auto& c : changes) h = std::max(h, c.impact);
  return h;
}

void DiffBuilder::Add(ChangeKind kind, Impact impact, std::string reason, std::string path,
                      std::string before, std::string after, std::string message,
                      Location loc) const {
  RegistryChange c;
  c.provider = provider;
  c.provider_name = provider_name;
  c.kind = kind;
  c.impact = impact;
  c.reason = std::move(reason);
  c.path = std::move(path);
  c.before = std::move(before);
  c.after = std::move(after);
  c.message = std::move(message);
  c.loc = loc;
  out->push_back(std::move(c));
}

std::vector<std::string> Keys(const KeyList& list) {
  std::vector<std::string> v;
  for (const auto& k : list.items) v.push_back(k.value);
  return v;
}

std::string DiffListText(const std::vector<std::string>& keys) {
  return fmt::format("[{}]", fmt::join(keys, ", "));
}

std::string DiffListText(const KeyList& list) {
  return list.known ? DiffListText(Keys(list)) : "(not stated)";
}

bool Covered(const Taxonomy& t, TaxonomyKind kind, const std::string& key, const KeyList& list) {
  if (!list.known) return true;
  for (const auto& k : list.items) {
    if (k.value == key) return true;
    if (kind == TaxonomyKind::kSubject) {
      const TaxonomyEntry* e = t.Find(kind, k.value);
      if (e != nullptr && e->Includes(key)) return true;
    } else if (KeyIsUnder(key, k.value)) {
      return true;
    }
  }
  return false;
}

KeyDelta CompareKeys(const Taxonomy& t, TaxonomyKind kind, const KeyList& before,
                     const KeyList& after) {
  KeyDelta d;
  if (!before.known || !after.known) return d;
  for (const auto& k : after.items)
    if (!Covered(t, kind, k.value, before)) d.widened.push_back(k.value);
  for (const auto& k : before.items)
    if (!Covered(t, kind, k.value, after)) d.narrowed.push_back(k.value);
  return d;
}

bool SubjectReachesMinors(const Taxonomy& t, const std::string& key) {
  const TaxonomyEntry* e = t.Find(TaxonomyKind::kSubject, key);
  if (e == nullptr) return false;
  if (e->Attribute("minor") == Tri::kTrue) return true;
  for (const auto& inc : e->includes) {
    const TaxonomyEntry* i = t.Find(TaxonomyKind::kSubject, inc);
    if (i != nullptr && i->Attribute("minor") == Tri::kTrue) return true;
  }
  return false;
}

bool ListReachesMinors(const Taxonomy& t, const KeyList& subjects) {
  if (!subjects.known) return true;
  return std::any_of(subjects.items.begin(), subjects.items.end(),
                     [&](const LocatedString& k) { return SubjectReachesMinors(t, k.value); });
}

void EmitKeyDelta(const DiffBuilder& b, TaxonomyKind kind, const KeyList& before,
                  const KeyList& after, const std::string& path, const std::string& noun,
                  Impact widen_impact, const std::string& widen_reason, Location fallback) {
  Location loc = LocOr(after.loc, fallback);
  if (before.known != after.known) {
    b.Add(ChangeKind::kChanged, after.known ? Impact::kLow : Impact::kMedium,
          after.known ? "now stated" : "no longer stated", path, DiffListText(before),
          DiffListText(after), fmt::format("{} {}", noun, after.known ? "now stated" : "no longer stated"),
          loc);
    return;
  }
  KeyDelta d = CompareKeys(*b.taxonomy, kind, before, after);
  for (const auto& k : d.widened)
    b.Add(ChangeKind::kWidened, widen_impact, widen_reason, path, DiffListText(before),
          DiffListText(after), fmt::format("{} widened: {} newly included", noun, k), loc);
  for (const auto& k : d.narrowed)
    b.Add(ChangeKind::kNarrowed, Impact::kLow, "less is covered", path, DiffListText(before),
          DiffListText(after), fmt::format("{} narrowed: {} no longer included", noun, k), loc);
}

namespace {

std::string FactText(const TriFact& f) { return TriName(f.value); }

bool HandlesPersonalData(const Provider& p) {
  if (!p.data_flows.known) return true;
  for (const auto& f : p.data_flows.items)
    if (f.direction.value != Direction::kReceived) return true;
  return p.storage->stores_data.value == Tri::kTrue;
}

std::string FlowsText(const Provider& p) {
  if (!p.data_flows.known) return "data flows not stated";
  std::vector<std::string> parts;
  for (const auto& f : p.data_flows.items)
    parts.push_back(fmt::format("{} {} about {}", DirectionName(f.direction.value),
                                DiffListText(f.categories), DiffListText(f.subjects)));
  return parts.empty() ? "no data flows" : fmt::format("{}", fmt::join(parts, "; "));
}

// A location NEW states that OLD does not cover (`EU` covers `DE`).
bool LocationCovered(const std::string& place, const KeyList& list) {
  if (!list.known) return true;
  return std::any_of(list.items.begin(), list.items.end(), [&](const LocatedString& s) {
    return LocationCovers(s.value, place) == Covers::kYes;
  });
}

struct ProviderDiffer {
  const Registry& old_reg;
  const Registry& new_reg;
  DiffBuilder b;

  void Cosmetic(const std::string& path, const std::string& before, const std::string& after,
                Location loc) const {
    if (before == after) return;
    b.Add(ChangeKind::kCosmetic, Impact::kNone, "wording only", path, before, after,
          fmt::format("{} reworded", path), loc);
  }

  void Value(const std::string& path, const std::string& before, const std::string& after,
             Impact impact, const std::string& reason, Location loc) const {
    if (before == after) return;
    // Stated where it was not, or no longer stated: the registry learnt or
    // forgot a fact; the provider did not necessarily change.
    if (before.empty() || after.empty()) {
      impact = Impact::kLow;
    }
    b.Add(ChangeKind::kChanged, impact,
          before.empty() ? "now stated" : after.empty() ? "no longer stated" : reason, path,
          before, after,
          fmt::format("{} {}", path,
                      before.empty() ? "now stated" : after.empty() ? "no longer stated" : "changed"),
          loc);
  }

  void Locations(const Provider& o, const Provider& n, const KeyList& lo, const KeyList& ln,
                 const std::string& path) const {
    Location loc = LocOr(ln.loc, LocOr(n.locations->loc, n.loc));
    if (lo.known != ln.known) {
      Value(path, DiffListText(lo), DiffListText(ln), ln.known ? Impact::kLow : Impact::kMedium,
            ln.known ? "now stated" : "no longer stated", loc);
      return;
    }
    const KeyList& allowed = new_reg.organization.settings.student_data_countries;
    bool minors = false;
    for (const auto& f : n.data_flows.items)
      if (ListReachesMinors(*b.taxonomy, f.subjects)) minors = true;
    for (const auto& k : ln.items) {
      if (LocationCovered(k.value, lo)) continue;
      bool outside = minors && allowed.known && !LocationCovered(k.value, allowed);
      b.Add(ChangeKind::kWidened, outside ? Impact::kHigh : Impact::kMedium,
            outside ? "data about students newly outside the allowed countries "
                      "(settings.student_data_countries)"
                    : "data goes to a new place",
            path, DiffListText(lo), DiffListText(ln), fmt::format("{} widened: {} added", path, k.value),
            loc);
    }
    for (const auto& k : lo.items)
      if (!LocationCovered(k.value, ln))
        b.Add(ChangeKind::kNarrowed, Impact::kLow, "data goes to fewer places", path, DiffListText(lo),
              DiffListText(ln), fmt::format("{} narrowed: {} removed", path, k.value), loc);
    (void)o;
  }

  void Links(const Provider& o, const Provider& n) const {
    // A registry that stops recording links says nothing about the provider
    // (the later seed's text lost its URLs): cosmetic, not a removal.
    if (o.links.known && !n.links.known) {
      std::vector<std::string> urls;
      for (const auto& l : o.links.items) urls.push_back(l.kind.value + " " + l.url.value);
      b.Add(ChangeKind::kCosmetic, Impact::kNone, "links no longer recorded", "links",
            fmt::format("{}", fmt::join(urls, "; ")), "(not stated)", "links no longer recorded",
            n.loc);
      return;
    }
    std::map<std::string, std::vector<std::string>> lo, ln;
    std::vector<std::string> kinds;
    for (const auto& l : o.links.items) lo[l.kind.value].push_back(l.url.value);
    for (const auto& l : n.links.items) ln[l.kind.value].push_back(l.url.value);
    std::set<std::string> all;
    for (const auto& [k, v] : lo) all.insert(k);
    for (const auto& [k, v] : ln) all.insert(k);
    for (const auto& kind : all) {
      std::vector<std::string> a = lo[kind], c = ln[kind];
      if (a == c) continue;
      Location loc = LocOr(n.links.loc, n.loc);
      for (const auto& l : n.links.items)
        if (l.kind.value == kind) {
          loc = l.url.loc;
          break;
        }
      bool gone = false;  // links document the provider; they are not data
      std::string path = fmt::format("links[{}]", kind);
      b.Add(a.empty() ? ChangeKind::kAdded : c.empty() ? ChangeKind::kRemoved : ChangeKind::kChanged,
            gone ? Impact::kMedium : Impact::kLow,
            gone ? "the link is no longer recorded" : "links document the provider; no data moves",
            path,
            fmt::format("{}", fmt::join(a, " ")), fmt::format("{}", fmt::join(c, " ")),
            fmt::format("{} link {}", kind,
                        a.empty() ? "added" : c.empty() ? "removed" : "changed"),
            loc);
    }
  }

  void Storage(const Provider& o, const Provider& n) const {
    Location at = LocOr(n.storage->loc, n.loc);
    const ::vendorlint::Storage& so = *o.storage;
    const ::vendorlint::Storage& sn = *n.storage;
    if (so.stores_data.value != sn.stores_data.value) {
      bool more = sn.stores_data.value != Tri::kFalse && so.stores_data.value == Tri::kFalse;
      Value("storage.stores_data", FactText(so.stores_data), FactText(sn.stores_data),
            more ? Impact::kMedium : Impact::kLow,
            more ? "the provider may now store personal data" : "a storage fact changed",
            LocOr(sn.stores_data.loc, at));
    }
    auto protection = [&](const char* path, const TriFact& a, const TriFact& c) {
      if (a.value == c.value) return;
      if (a.value == Tri::kTrue) {
        b.Add(ChangeKind::kDropped, Impact::kHigh, "a protection dropped", path, FactText(a),
              FactText(c), fmt::format("{} no longer true ({})", path, FactText(c)),
              LocOr(c.loc, at));
      } else {
        Value(path, FactText(a), FactText(c), Impact::kLow,
              c.value == Tri::kTrue ? "a protection added" : "a storage fact changed",
              LocOr(c.loc, at));
      }
    };
    protection("storage.encrypted_at_rest", so.encrypted_at_rest, sn.encrypted_at_rest);
    protection("storage.passwords_hashed", so.passwords_hashed, sn.passwords_hashed);
    Value("storage.location", Text(so.location), Text(sn.location), Impact::kMedium,
          "the data is stored somewhere else", LocOr(sn.location ? sn.location->loc : Location{}, at));
    Value("storage.hosted_on", Text(so.hosted_on), Text(sn.hosted_on), Impact::kMedium,
          "another provider hosts the data",
          LocOr(sn.hosted_on ? sn.hosted_on->loc : Location{}, at));
    Cosmetic("storage.notes", Text(so.notes), Text(sn.notes), at);
  }

  void Changed(const Provider& o, const Provider& n) const {
    Location at = n.loc;
    auto loc_of = [&](const std::optional<LocatedString>& s, Location fallback) {
      return s ? s->loc : fallback;
    };
    if (o.name.value != n.name.value && o.id.value == n.id.value)
      Value("name", o.name.value, n.name.value, Impact::kLow, "the provider's name changed",
            n.name.loc);
    Cosmetic("formerly", DiffListText(o.formerly), DiffListText(n.formerly), LocOr(n.formerly.loc, at));
    Location ent = LocOr(n.entity->loc, at);
    Value("entity.legal_name", Text(o.entity->legal_name), Text(n.entity->legal_name),
          Impact::kMedium, "another company processes the data", loc_of(n.entity->legal_name, ent));
    Value("entity.country", Text(o.entity->country), Text(n.entity->country), Impact::kMedium,
          "the provider's company is in another country", loc_of(n.entity->country, ent));
    Cosmetic("entity.statement", Text(o.entity->statement), Text(n.entity->statement), ent);
    Value("role", Text(o.role), Text(n.role), Impact::kMedium, "the provider's role changed",
          loc_of(n.role, at));
    Links(o, n);
    EmitKeyDelta(b, TaxonomyKind::kContext, o.contexts, n.contexts, "contexts", "contexts",
                 Impact::kMedium, "the provider is used in more places", LocOr(n.contexts.loc, at));
    EmitKeyDelta(b, TaxonomyKind::kPurpose, o.purposes, n.purposes, "purposes", "purposes",
                 Impact::kMedium, "the provider is used for more", LocOr(n.purposes.loc, at));
    Cosmetic("summary", Text(o.summary), Text(n.summary), loc_of(n.summary, at));
    DiffFlows(b, o, n);
    DiffExclusions(b, o, n);
    Storage(o, n);
    Location locs = LocOr(n.locations->loc, at);
    Locations(o, n, o.locations->processing, n.locations->processing, "locations.processing");
    Locations(o, n, o.locations->storage, n.locations->storage, "locations.storage");
    Cosmetic("locations.statement", Text(o.locations->statement), Text(n.locations->statement), locs);
    Location ret = LocOr(n.retention->loc, at);
    std::string days_o = o.retention->days ? std::to_string(o.retention->days->value) : "";
    std::string days_n = n.retention->days ? std::to_string(n.retention->days->value) : "";
    bool longer = (o.retention->days && n.retention->days &&
                   n.retention->days->value > o.retention->days->value) ||
                  (Text(o.retention->policy) != Text(n.retention->policy) &&
                   Text(n.retention->policy) != "none");
    if (Text(o.retention->policy) != Text(n.retention->policy) || days_o != days_n)
      b.Add(ChangeKind::kChanged, longer ? Impact::kMedium : Impact::kLow,
            longer ? "data may be kept longer" : "data is kept for less time", "retention",
            fmt::format("{}{}", Text(o.retention->policy), days_o.empty() ? "" : " " + days_o + " days"),
            fmt::format("{}{}", Text(n.retention->policy), days_n.empty() ? "" : " " + days_n + " days"),
            "retention changed", loc_of(n.retention->policy, ret));
    Cosmetic("retention.statement", Text(o.retention->statement), Text(n.retention->statement), ret);
    Location ai = LocOr(n.ai->loc, at);
    auto ai_fact = [&](const char* path, const TriFact& a, const TriFact& c, const char* more) {
      if (a.value == c.value) return;
      bool worse = a.value == Tri::kFalse;
      Value(path, FactText(a), FactText(c), worse ? Impact::kMedium : Impact::kLow,
            worse ? more : "an AI fact changed", LocOr(c.loc, ai));
    };
    ai_fact("ai.trains_models", o.ai->trains_models, n.ai->trains_models,
            "the data may now train AI models");
    ai_fact("ai.generative", o.ai->generative, n.ai->generative, "the provider may now be generative AI");
    Cosmetic("ai.statement", Text(o.ai->statement), Text(n.ai->statement), ai);
    Location con = LocOr(n.contracts->loc, at);
    if (o.contracts->dpa.is_signed.value != n.contracts->dpa.is_signed.value) {
      bool lost = o.contracts->dpa.is_signed.value == Tri::kTrue;
      Value("contracts.dpa.signed", FactText(o.contracts->dpa.is_signed),
            FactText(n.contracts->dpa.is_signed), lost ? Impact::kMedium : Impact::kLow,
            lost ? "a signed DPA is no longer recorded" : "the DPA's status changed",
            LocOr(n.contracts->dpa.is_signed.loc, con));
    }
    Value("contracts.dpa.date", o.contracts->dpa.date ? o.contracts->dpa.date->value.ToString() : "",
          n.contracts->dpa.date ? n.contracts->dpa.date->value.ToString() : "", Impact::kLow,
          "the DPA's date changed", con);
    Value("contracts.dpa.url", Text(o.contracts->dpa.url), Text(n.contracts->dpa.url), Impact::kLow,
          "the DPA's link changed", loc_of(n.contracts->dpa.url, con));
    Value("contracts.transfer_mechanisms", DiffListText(o.contracts->transfer_mechanisms),
          DiffListText(n.contracts->transfer_mechanisms), Impact::kMedium,
          "the legal basis for transfers changed", LocOr(n.contracts->transfer_mechanisms.loc, con));
    Cosmetic("contracts.statement", Text(o.contracts->statement), Text(n.contracts->statement), con);
    auto sources = [](const Provider& p) {
      std::vector<std::string> v;
      for (const auto& s : p.sources.items)
        v.push_back(fmt::format("{}/{}/{}", s.disclosure.value, Text(s.section), Text(s.row)));
      return fmt::format("{}", fmt::join(v, "; "));
    };
    Cosmetic("sources", sources(o), sources(n), LocOr(n.sources.loc, at));
    Cosmetic("last_reviewed", o.last_reviewed ? o.last_reviewed->value.ToString() : "",
             n.last_reviewed ? n.last_reviewed->value.ToString() : "",
             n.last_reviewed ? n.last_reviewed->loc : at);
    Cosmetic("reviewed_by", Text(o.reviewed_by), Text(n.reviewed_by), loc_of(n.reviewed_by, at));
    Cosmetic("notes", Text(o.notes), Text(n.notes), loc_of(n.notes, at));
  }
};

// Why NEW provider `n` is OLD provider `o` under another id, or "".
std::string RenameReason(const Provider& o, const Provider& n) {
  std::vector<std::string> urls;
  for (const auto& l : o.links.items) urls.push_back(l.url.value);
  return MatchProvider(o.id.value, o.name.value, urls, n).reason;
}

}  // namespace

RegistryDiff DiffRegistries(const Registry& old_reg, const Registry& new_reg) {
  RegistryDiff diff;
  // NEW index -> OLD index, and the reason for a rename.
  std::vector<const Provider*> old_of(new_reg.providers.size(), nullptr);
  std::vector<std::string> rename(new_reg.providers.size());
  std::set<const Provider*> matched;
  for (size_t j = 0; j < new_reg.providers.size(); ++j)
    if (const Provider* o = old_reg.FindProvider(new_reg.providers[j].id.value)) {
      old_of[j] = o;
      matched.insert(o);
    }
  // Renames: formerly first across all providers, then names, then links.
  for (int pass = 0; pass < 3; ++pass)
    for (size_t j = 0; j < new_reg.providers.size(); ++j) {
      if (old_of[j] != nullptr) continue;
      const Provider& n = new_reg.providers[j];
      for (const auto& o : old_reg.providers) {
        if (matched.count(&o) != 0) continue;
        std::string why = RenameReason(o, n);
        bool fits = !why.empty() && ((pass == 0 && why.starts_with("recorded")) ||
                                     (pass == 1 && why == "same name") ||
                                     (pass == 2 && why.starts_with("same link")));
        if (!fits) continue;
        old_of[j] = &o;
        rename[j] = why;
        matched.insert(&o);
        break;
      }
    }
  struct Entry {
    std::string id;
    std::vector<RegistryChange> changes;
  };
  std::vector<Entry> entries;
  for (size_t j = 0; j < new_reg.providers.size(); ++j) {
    const Provider& n = new_reg.providers[j];
    Entry e{n.id.value, {}};
    ProviderDiffer d{old_reg, new_reg, DiffBuilder{&new_reg.taxonomy, n.id.value, n.name.value,
                                                   &e.changes}};
    if (old_of[j] == nullptr) {
      // Never "regrouped" from another provider, even when a removed one got
      // the same data: a new recipient is what Art. 28(2) asks to be told
      // about (and broad OLD keys like `user` would match anything).
      bool personal = HandlesPersonalData(n);
      d.b.Add(ChangeKind::kAdded, personal ? Impact::kHigh : Impact::kMedium,
              personal ? "a new processor of personal data" : "a new provider", "", "",
              FlowsText(n), fmt::format("provider added: {}", n.name.value), n.loc);
    } else {
      const Provider& o = *old_of[j];
      if (!rename[j].empty())
        d.b.Add(ChangeKind::kRenamed, Impact::kLow, rename[j], "id", o.id.value, n.id.value,
                fmt::format("renamed from {} ({})", o.name.value, o.id.value), n.id.loc);
      d.Changed(o, n);
    }
    entries.push_back(std::move(e));
  }
  for (const auto& o : old_reg.providers) {
    if (matched.count(&o) != 0) continue;
    Entry e{o.id.value, {}};
    DiffBuilder b{&new_reg.taxonomy, o.id.value, o.name.value, &e.changes};
    b.Add(ChangeKind::kRemoved, Impact::kLow, "data no longer goes to this provider", "",
          FlowsText(o), "", fmt::format("provider removed: {}", o.name.value), Location{});
    entries.push_back(std::move(e));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& c) { return a.id < c.id; });
  for (auto& e : entries)
    for (auto& c : e.changes) diff.changes.push_back(std::move(c));
  return diff;
}

}  // namespace vendorlint
