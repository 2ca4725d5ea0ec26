#include "report/processor_notice.h"

#include <set>

#include <fmt/format.h>

namespace vendorlint {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string KeysOf(const KeyList& l) {
  std::vector<std::string> v;
  for (const auto& k : l.items) v.push_back(k.value);
  return Join(v);
}

}  // namespace

ProcessorNotice NoticeFor(const Provider& p) {
  ProcessorNotice n;
  n.name = p.name.value;
  n.who = p.name.value;
  if (p.entity->legal_name) n.who += ", " + p.entity->legal_name->value;
  if (p.entity->country) n.who += " (" + p.entity->country->value + ")";
  if (!p.entity->legal_name && !p.entity->country) n.who += " (legal entity not recorded)";
  if (p.locations->processing.known) n.where += "processing: " + KeysOf(p.locations->processing);
  if (p.locations->storage.known)
    n.where += std::string(n.where.empty() ? "" : "; ") + "storage: " + KeysOf(p.locations->storage);
  if (p.storage->hosted_on)
    n.where += (n.where.empty() ? "" : "; ") + std::string("hosted on ") + p.storage->hosted_on->value;
  if (n.where.empty()) n.where = "not recorded";
  std::vector<std::string> data;
  std::set<std::string> purposes;
  for (const auto& k : p.purposes.items) purposes.insert(k.value);
  for (const auto& f : p.data_flows.items) {
    if (f.direction.value == Direction::kReceived) continue;
    data.push_back(fmt::format("{} about {}{}", KeysOf(f.categories),
                               f.subjects.known ? KeysOf(f.subjects) : "(subjects not stated)",
                               f.direction.value == Direction::kCollected ? " (collected from users)" : ""));
    for (const auto& k : f.purposes.items) purposes.insert(k.value);
  }
  n.what = p.data_flows.known ? fmt::format("{}", fmt::join(data, "; ")) : "not recorded";
  if (n.what.empty()) n.what = "none sent (it stores data: see the registry)";
  n.why = purposes.empty() ? "not recorded" : Join({purposes.begin(), purposes.end()});
  return n;
}

std::vector<const Provider*> NewProcessors(const RegistryDiff& diff, const Registry& registry) {
  std::vector<const Provider*> out;
  for (const auto& c : diff.changes) {
    if (c.impact != Impact::kHigh || c.kind != ChangeKind::kAdded || !c.path.empty()) continue;
    if (const Provider* p = registry.FindProvider(c.provider)) out.push_back(p);
  }
  return out;
}

}  // namespace vendorlint
