#include "rules/monotonicity.h"

#include <functional>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace vendorlint {
namespace {

bool Flagged(Outcome o) { return o == Outcome::kFail || o == Outcome::kReview; }

// Keys whose absence the language defines as a known value rather than as
// unknown, so leaving them out states that value (docs/rules.md,
// "Monotonicity"): a flow without `qualifiers` has none; a flow without its own
// purpose or context has the provider's; a provider without
// `storage.hosted_on` is its own host; a provider without `exclusions` has made
// no promise to keep out of anything (an exclusion adds an obligation).
bool HasDefinedAbsence(std::string_view path) {
  if (path == "exclusions" || path == "storage.hosted_on") return true;
  if (!path.starts_with("data_flows[")) return false;
  std::string_view key = path.substr(path.rfind('.') + 1);
  return key == "qualifiers" || key == "purpose" || key == "purposes" || key == "context" ||
         key == "contexts";
}

// `node` (at `prefix`) without its open facts: only the keys with a defined
// absence (and mappings holding them) stay. Null when nothing stays.
std::optional<yaml::Node> KeepDefined(const yaml::Node& node, const std::string& prefix) {
  if (!node.IsMapping()) return std::nullopt;
  yaml::Node out = node;
  out.entries.clear();
  for (const auto& [key, value] : node.entries) {
    const std::string path = prefix + key.scalar;
    if (HasDefinedAbsence(path)) {
      out.entries.emplace_back(key, value);
    } else if (auto inner = KeepDefined(value, path + ".")) {
      out.entries.emplace_back(key, std::move(*inner));
    }
  }
  if (out.entries.empty()) return std::nullopt;
  return out;
}

// Appends the drops inside `node` (reached from the root through `rebuild`, which
// rebuilds the whole provider with `node` replaced).
using Rebuild = std::function<yaml::Node(yaml::Node)>;

void Walk(const yaml::Node& node, const std::string& prefix, bool top, const Rebuild& rebuild,
          std::vector<DroppedFact>* out) {
  if (node.IsMapping()) {
    for (size_t i = 0; i < node.entries.size(); ++i) {
      const auto& [key, value] = node.entries[i];
      if (top && (key.scalar == "id" || key.scalar == "name" || key.scalar == "sources")) continue;
      const std::string path = prefix + key.scalar;
      if (HasDefinedAbsence(path)) continue;
      yaml::Node without = node;
      if (auto kept = KeepDefined(value, path + ".")) {
        without.entries[i].second = std::move(*kept);
      } else {
        without.entries.erase(without.entries.begin() + static_cast<std::ptrdiff_t>(i));
      }
      out->push_back({path, key.line, key.column, rebuild(std::move(without))});
      Rebuild inner = [&, i](yaml::Node replacement) {
        yaml::Node copy = node;
        copy.entries[i].second = std::move(replacement);
        return rebuild(std::move(copy));
      };
      Walk(value, path + ".", false, inner, out);
    }
  } else if (node.IsSequence() && !top) {
    std::string list = prefix.substr(0, prefix.size() - 1);  // without the '.'
    for (size_t i = 0; i < node.items.size(); ++i) {
      if (!node.items[i].IsMapping()) continue;
      Rebuild inner = [&, i](yaml::Node replacement) {
        yaml::Node copy = node;
        copy.items[i] = std::move(replacement);
        return rebuild(std::move(copy));
      };
      Walk(node.items[i], fmt::format("{}[{}].", list, i), false, inner, out);
    }
  }
}

}  // namespace

std::vector<DroppedFact> DropEachFact(const yaml::Node& provider) {
  std::vector<DroppedFact> out;
  Rebuild identity = [](yaml::Node n) { return n; };
  Walk(provider, "", true, identity, &out);
  return out;
}

bool ImprovesOnDrop(Outcome before, Outcome after) { return Flagged(before) && !Flagged(after); }

}  // namespace vendorlint
