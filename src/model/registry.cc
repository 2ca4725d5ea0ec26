#include "model/registry.h"

#include <algorithm>

namespace vendorlint {
namespace {

constexpr std::string_view kDirectionNames[] = {"shared", "received", "collected"};
constexpr std::string_view kRoleNames[] = {"processor", "sub_processor", "controller",
                                           "third_party"};
constexpr std::string_view kRetentionPolicyNames[] = {"fixed", "none", "as_needed"};
// GDPR Art. 14: how the people data is about are told when it was not obtained from them.
constexpr std::string_view kNoticeBasisNames[] = {"provided", "exempt_disproportionate",
                                                  "exempt_law", "exempt_secrecy",
                                                  "already_informed"};
constexpr std::string_view kTransferMechanismNames[] = {"scc", "adequacy",   "dpf",
                                                        "bcr", "derogation", "none"};
constexpr std::string_view kLinkKindNames[] = {"privacy_policy", "terms",         "dpa",
                                               "security",       "subprocessors", "other"};
constexpr std::string_view kQualifierNames[] = {"hashed",     "pseudonymised", "anonymised",
                                                "aggregated", "optional",      "incidental",
                                                "on_request", "conditional"};

}  // namespace

const char* DirectionName(Direction d) { return kDirectionNames[static_cast<size_t>(d)].data(); }

bool ParseDirection(std::string_view s, Direction* out) {
  for (size_t i = 0; i < std::size(kDirectionNames); ++i) {
    if (kDirectionNames[i] == s) {
      *out = static_cast<Direction>(i);
      return true;
    }
  }
  return false;
}

const char* QualifierName(Qualifier q) { return kQualifierNames[static_cast<size_t>(q)].data(); }

bool ParseQualifier(std::string_view s, Qualifier* out) {
  for (size_t i = 0; i < std::size(kQualifierNames); ++i) {
    if (kQualifierNames[i] == s) {
      *out = static_cast<Qualifier>(i);
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> QualifierNames() {
  return {std::begin(kQualifierNames), std::end(kQualifierNames)};
}

std::vector<std::string_view> DirectionNames() {
  return {std::begin(kDirectionNames), std::end(kDirectionNames)};
}

std::span<const std::string_view> RoleNames() { return kRoleNames; }
std::span<const std::string_view> RetentionPolicyNames() { return kRetentionPolicyNames; }
std::span<const std::string_view> NoticeBasisNames() { return kNoticeBasisNames; }
std::span<const std::string_view> TransferMechanismNames() { return kTransferMechanismNames; }
std::span<const std::string_view> LinkKindNames() { return kLinkKindNames; }

const Link* Provider::PrivacyPolicy() const {
  for (const auto& l : links.items)
    if (l.kind.value == "privacy_policy") return &l;
  return nullptr;
}

bool DataFlow::Has(Qualifier q) const {
  return std::any_of(qualifiers.items.begin(), qualifiers.items.end(),
                     [q](const Located<Qualifier>& l) { return l.value == q; });
}

const Provider* Registry::FindProvider(std::string_view id) const {
  auto it = std::lower_bound(providers.begin(), providers.end(), id,
                             [](const Provider& p, std::string_view v) { return p.id.value < v; });
  return it != providers.end() && it->id.value == id ? &*it : nullptr;
}

size_t Registry::FlowCount() const {
  size_t n = 0;
  for (const auto& p : providers) n += p.data_flows.items.size();
  return n;
}

}  // namespace vendorlint
