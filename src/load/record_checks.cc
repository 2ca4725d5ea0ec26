#include "load/record_checks.h"

#include <fmt/format.h>

namespace vendorlint {
namespace {

const yaml::Node* FindKey(const yaml::Node& map, std::string_view key) {
  if (!map.IsMapping()) return nullptr;
  for (const auto& [k, v] : map.entries)
    if (k.scalar == key) return &k;
  return nullptr;
}

// The key node of `path` ("retention.days") under `root`, or nullptr.
const yaml::Node* FindPath(const yaml::Node& root, std::string_view path) {
  const yaml::Node* cur = &root;
  while (true) {
    size_t dot = path.find('.');
    std::string_view head = path.substr(0, dot);
    const yaml::Node* key = FindKey(*cur, head);
    if (key == nullptr || dot == std::string_view::npos) return key;
    for (const auto& [k, v] : cur->entries)
      if (&k == key) cur = &v;
    path = path.substr(dot + 1);
  }
}

}  // namespace

std::string RetiredProviderKey(std::string_view key, const yaml::Node& value) {
  if (key != "privacy_policy") return "";
  std::string url = value.IsScalar() && !value.scalar.empty() ? value.scalar : "URL";
  return fmt::format("`privacy_policy` is no longer a key; write it as links: [{{kind: "
                     "privacy_policy, url: {}}}]",
                     url);
}

void CheckProvider(SchemaContext* ctx, const yaml::Node& n, const Provider& p) {
  const Retention& ret = p.retention;
  if (ret.policy && ret.policy->value == "fixed" && !ret.days) {
    if (!FindPath(n, "retention.days"))
      ctx->ErrorAt(ret.policy->loc.line, ret.policy->loc.column,
                     "`retention.policy: fixed` needs `days`: how many days the data is kept");
  }
  if (ret.policy && ret.policy->value != "fixed") {
    if (const yaml::Node* k = FindPath(n, "retention.days"))
      ctx->Error(*k, fmt::format("`retention.days` applies only to `policy: fixed`, not to "
                                   "`policy: {}`; remove `days` or change the policy",
                                   ret.policy->value));
  }
  if (!ret.policy && ret.loc.valid()) {
    if (const yaml::Node* k = FindPath(n, "retention.days"))
      ctx->Error(*k, "`retention.days` needs `policy: fixed` beside it");
  }
}

void CheckFlow(SchemaContext* ctx, const yaml::Node& n) {
  for (auto [one, many] : {std::pair{"purpose", "purposes"}, std::pair{"context", "contexts"}}) {
    const yaml::Node* a = FindKey(n, one);
    const yaml::Node* b = FindKey(n, many);
    if (a && b)
      ctx->Error(*b, fmt::format("a data flow has either `{}` (one) or `{}` (a list), not both; "
                                   "move `{}` into the `{}` list",
                                   one, many, one, many));
  }
}

void CheckExclusion(SchemaContext* ctx, const yaml::Node& n) {
  if (!FindKey(n, "subjects") && !FindKey(n, "categories") && !FindKey(n, "contexts"))
    ctx->Error(n, "an exclusion must name at least one of `subjects`, `categories` or `contexts`");
}

}  // namespace vendorlint
