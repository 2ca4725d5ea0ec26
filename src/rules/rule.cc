#include "rules/rule.h"

#include <algorithm>

namespace vendorlint {

const Rule* RuleSet::Find(std::string_view id) const {
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const Rule& r, std::string_view v) { return r.id < v; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

}  // namespace vendorlint
