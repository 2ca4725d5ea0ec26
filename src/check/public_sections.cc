#include "check/public_sections.h"

#include <algorithm>
#include <set>

namespace vendorlint {
namespace {

// The top-level keys `p` is used in, in no particular order.
std::set<std::string> TopLevelKeys(const Provider& p) {
  std::set<std::string> keys;
  for (const auto& c : p.contexts.items) keys.insert(std::string(TopLevelKey(c.value)));
  for (const auto& f : p.data_flows.items)
    for (const auto& c : f.contexts.items) keys.insert(std::string(TopLevelKey(c.value)));
  return keys;
}

}  // namespace

std::string_view TopLevelKey(std::string_view key) { return key.substr(0, key.find('.')); }

std::vector<PublicSection> PublicSections(const Registry& reg) {
  std::set<std::string> used;
  bool none = false;
  for (const Provider& p : reg.providers) {
    std::set<std::string> keys = TopLevelKeys(p);
    if (keys.empty()) none = true;
    used.insert(keys.begin(), keys.end());
  }
  std::vector<PublicSection> out;
  auto add = [&](const std::string& key) {
    if (used.count(key) == 0) return;
    for (const auto& s : out)
      if (s.key == key) return;
    std::string name;
    for (const auto& c : reg.organization.contexts)
      if (c.key.value == key) name = c.name.value;
    if (name.empty()) {
      const TaxonomyEntry* e = reg.taxonomy.Find(TaxonomyKind::kContext, key);
      name = e != nullptr && !e->name.empty() ? e->name : key;
    }
    out.push_back({key, name});
  };
  for (const auto& c : reg.organization.contexts) add(std::string(TopLevelKey(c.key.value)));
  for (const auto& key : used) add(key);  // std::set: by key
  if (none) out.push_back({"", std::string(kNoContextSection)});
  return out;
}

std::vector<std::string> ProviderSectionKeys(const Provider& p,
                                             const std::vector<PublicSection>& sections) {
  std::set<std::string> keys = TopLevelKeys(p);
  std::vector<std::string> out;
  for (const auto& s : sections)
    if (keys.empty() ? s.key.empty() : keys.count(s.key) != 0) out.push_back(s.key);
  return out;
}

bool FlowInSection(const Provider& p, const DataFlow& f, std::string_view key) {
  const KeyList& contexts = f.contexts.known ? f.contexts : p.contexts;
  if (!contexts.known || contexts.items.empty()) return true;
  return std::any_of(contexts.items.begin(), contexts.items.end(),
                     [&](const LocatedString& c) { return TopLevelKey(c.value) == key; });
}

}  // namespace vendorlint
