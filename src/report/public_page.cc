// The public page's content in words (public_page.h); the Markdown and HTML
// writers are in public_page_writers.cc.
#include "report/public_page.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/public_sections.h"
#include "report/registry_facts.h"

namespace vendorlint {
namespace {

// "Email address" -> "email address", but "IP address" stays: only a capital
// followed by a lowercase letter is lowered.
std::string InSentence(std::string_view name) {
  std::string s(name);
  if (s.size() >= 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
      std::islower(static_cast<unsigned char>(s[1])))
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// A data subject's name as a plural: "school leaders", "consultants or
// contractors".
std::string Plural(std::string_view name) {
  std::string s = InSentence(name);
  if (size_t o = s.find(" or "); o != std::string::npos)
    return Plural(s.substr(0, o)) + " or " + Plural(s.substr(o + 4));
  return s.ends_with('s') ? s : s + "s";
}

// "a, b and c".
std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string EntryName(const Taxonomy& t, TaxonomyKind kind, const std::string& key) {
  const TaxonomyEntry* e = t.Find(kind, key);
  return e != nullptr && !e->name.empty() ? e->name : key;
}

std::vector<std::string> Names(const Taxonomy& t, TaxonomyKind kind, const KeyList& list, bool plural) {
  std::vector<std::string> out;
  for (const auto& k : list.items) {
    std::string n = EntryName(t, kind, k.value);
    out.push_back(plural ? Plural(n) : InSentence(n));
  }
  return out;
}

const char* QualifierWords(Qualifier q) {
  switch (q) {
    case Qualifier::kHashed:
      return "hashed";
    case Qualifier::kPseudonymised:
      return "pseudonymised";
    case Qualifier::kAnonymised:
      return "stated to be anonymous";
    case Qualifier::kAggregated:
      return "aggregated";
    case Qualifier::kOptional:
      return "optional: users opt in";
    case Qualifier::kIncidental:
      return "incidental, not sent by design";
    case Qualifier::kOnRequest:
      return "only at a user's request";
    case Qualifier::kConditional:
      return "only in a stated circumstance";
  }
  return "";
}

// Whom a known subject list is about.
std::string Subjects(const Taxonomy& t, const KeyList& subjects) {
  if (subjects.items.empty()) return "about no one";
  return "about " + Join(Names(t, TaxonomyKind::kSubject, subjects, true));
}

// "Shared with Blueshift: email address and name about parents and teachers
// (pseudonymised). <description>"
std::string FlowSentence(const Registry& reg, const Provider& p, const DataFlow& f) {
  const std::string& org = reg.organization.name.value;
  std::string verb = f.direction.value == Direction::kShared     ? "Shared with " + p.name.value
                     : f.direction.value == Direction::kReceived ? "Received from " + p.name.value
                                                                 : "Collected by " + p.name.value +
                                                                       " directly, not through " + org;
  std::string s = fmt::format("{}: {}", verb,
                              Join(Names(reg.taxonomy, TaxonomyKind::kCategory, f.categories, false)));
  std::vector<std::string> notes;
  if (f.subjects.known) s += " " + Subjects(reg.taxonomy, f.subjects);
  else notes.push_back(fmt::format("about whom: {}", kNotStated));
  for (const auto& q : f.qualifiers.items) notes.push_back(QualifierWords(q.value));
  if (!notes.empty()) s += fmt::format(" ({})", fmt::join(notes, "; "));
  s += ".";
  if (f.description) s += " " + f.description->value;
  return s;
}

// "Not shared with or received from SurveyMonkey: anything about students."
std::string ExclusionSentence(const Registry& reg, const Provider& p, const Exclusion& e) {
  std::string verb = !e.direction                                 ? "shared with or received from"
                     : e.direction->value == Direction::kShared   ? "shared with"
                     : e.direction->value == Direction::kReceived ? "received from"
                                                                  : "collected by";
  std::string what = e.categories.known && !e.categories.items.empty()
                         ? Join(Names(reg.taxonomy, TaxonomyKind::kCategory, e.categories, false))
                         : "anything";
  if (e.subjects.known && !e.subjects.items.empty())
    what += " about " + Join(Names(reg.taxonomy, TaxonomyKind::kSubject, e.subjects, true));
  if (e.contexts.known && !e.contexts.items.empty())
    what += " in " + Join(Names(reg.taxonomy, TaxonomyKind::kContext, e.contexts, false));
  // With nothing to narrow it, the statement is all the registry says.
  if (what == "anything") return "Excluded, in the registry's words: " + e.statement.value;
  return fmt::format("Not {} {}: {}.", verb, p.name.value, what);
}

bool ExclusionInSection(const Exclusion& e, std::string_view key) {
  if (!e.contexts.known || e.contexts.items.empty()) return true;
  return std::any_of(e.contexts.items.begin(), e.contexts.items.end(),
                     [&](const LocatedString& c) { return TopLevelKey(c.value) == key; });
}

std::string HostName(const Registry& reg, const Provider& p) {
  if (!p.storage->hosted_on) return "";
  const Provider* host = reg.FindProvider(p.storage->hosted_on->value);
  return host ? host->name.value : p.storage->hosted_on->value;
}

std::string StorageSentence(const Registry& reg, const Provider& p) {
  std::vector<std::string> parts;
  const Storage& s = p.storage;
  if (s.stores_data.value != Tri::kUnknown)
    parts.push_back(fmt::format("stores personal data: {}", FactText(s.stores_data)));
  if (s.encrypted_at_rest.value != Tri::kUnknown || s.passwords_hashed.value != Tri::kUnknown)
    parts.push_back(SecurityText(s));
  std::string host = HostName(reg, p);
  if (!host.empty()) parts.push_back("hosted on " + host);
  if (parts.empty()) return "";
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return "Storage: " + out + ".";
}

std::string HowText(const Registry& reg, const Provider& p) {
  std::string out = p.summary ? p.summary->value : "";
  std::string purposes = p.purposes.known && !p.purposes.items.empty()
                             ? Join(Names(reg.taxonomy, TaxonomyKind::kPurpose, p.purposes, false))
                             : std::string(kNotStated);
  out += (out.empty() ? "" : " ") + fmt::format("Purposes: {}.", purposes);
  if (!p.PrivacyPolicy()) out += fmt::format(" Privacy policy: {}.", kNotStated);
  return out;
}

std::string WhatText(const Registry& reg, const Provider& p, std::string_view section) {
  std::vector<std::string> sentences;
  if (!p.data_flows.known) {
    sentences.push_back(fmt::format("What is shared, received or collected: {}.", kNotStated));
  } else {
    for (const auto& f : p.data_flows.items)
      if (FlowInSection(p, f, section)) sentences.push_back(FlowSentence(reg, p, f));
    if (sentences.empty())
      sentences.push_back("No personal data is recorded as shared, received or collected here.");
  }
  for (const auto& e : p.exclusions.items)
    if (ExclusionInSection(e, section)) sentences.push_back(ExclusionSentence(reg, p, e));
  std::string storage = StorageSentence(reg, p);
  if (!storage.empty()) sentences.push_back(storage);
  std::string out;
  for (const auto& s : sentences) out += (out.empty() ? "" : " ") + s;
  return out;
}

// Where the data a provider gets is stored, in words.
std::string StoredText(const Registry& reg, const Provider& p) {
  std::string where;
  if (p.locations->storage.known) {
    std::vector<std::string> places;
    for (const auto& l : p.locations->storage.items) places.push_back(l.value);
    where = places.empty() ? "not stored" : Join(places);
  } else if (p.storage->location) {
    where = p.storage->location->value;
  } else if (p.storage->stores_data.value == Tri::kFalse) {
    where = "not stored";
  } else {
    where = std::string(kNotStated);
  }
  std::string host = HostName(reg, p);
  if (!host.empty()) where += " (hosted on " + host + ")";
  return where;
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

PublicPage BuildPublicPage(const Registry& reg) {
  PublicPage page;
  const std::string& org = reg.organization.name.value;
  page.title = reg.organization.disclosures.empty() ? "Third Party Service Providers"
                                                    : reg.organization.disclosures.front().title.value;
  page.intro = fmt::format(
      "{0} works with the service providers listed below. For each one, the tables say how {0} "
      "uses it and what personal data is shared with it, received from it or collected by it; "
      "the last table gives the same facts by data type. This page is generated from {0}'s "
      "registry of service providers: what the registry does not state is written \"{1}\".",
      org, kNotStated);
  std::vector<PublicSection> sections = PublicSections(reg);
  for (const auto& s : sections) {
    PublicTable table{s.name, {}};
    for (const Provider& p : reg.providers) {
      std::vector<std::string> keys = ProviderSectionKeys(p, sections);
      if (std::find(keys.begin(), keys.end(), s.key) == keys.end()) continue;
      PublicRow row;
      row.name = p.name.value;
      const Link* link = p.PrivacyPolicy();
      if (!link && !p.links.items.empty()) link = &p.links.items.front();
      if (link) {
        row.url = link->url.value;
        if (link->kind.value != "privacy_policy") row.link_kind = link->kind.value;
      }
      row.how = HowText(reg, p);
      row.what = WhatText(reg, p, s.key);
      table.rows.push_back(std::move(row));
    }
    std::stable_sort(table.rows.begin(), table.rows.end(), [](const PublicRow& a, const PublicRow& b) {
      return LowerAscii(a.name) < LowerAscii(b.name);
    });
    page.tables.push_back(std::move(table));
  }
  // By data type: (category, recipient) -> subjects, unknown subjects, where stored.
  struct Acc {
    std::set<std::string> subjects;  // plural names, sorted
    bool unknown = false;
    std::string stored;
  };
  std::map<std::pair<std::string, std::string>, Acc> acc;
  for (const Provider& p : reg.providers)
    for (const auto& f : p.data_flows.items)
      for (const auto& c : f.categories.items) {
        bool to_org = f.direction.value == Direction::kReceived;
        std::string recipient = to_org ? fmt::format("{}, from {}", org, p.name.value) : p.name.value;
        Acc& a = acc[{c.value, recipient}];
        // What the organisation keeps of what it receives: the registry does not say.
        a.stored = to_org ? std::string(kNotStated) : StoredText(reg, p);
        if (!f.subjects.known) a.unknown = true;
        for (const auto& s : f.subjects.items)
          a.subjects.insert(Plural(EntryName(reg.taxonomy, TaxonomyKind::kSubject, s.value)));
      }
  for (const auto& [key, a] : acc) {
    std::vector<std::string> subjects(a.subjects.begin(), a.subjects.end());
    std::string about = subjects.empty() ? std::string(kNotStated) : Capitalised(Join(subjects));
    if (a.unknown && !subjects.empty()) about += fmt::format("; for some flows {}", kNotStated);
    page.by_type.push_back({key.first, EntryName(reg.taxonomy, TaxonomyKind::kCategory, key.first),
                            key.second, about, a.stored});
  }
  return page;
}

}  // namespace vendorlint
