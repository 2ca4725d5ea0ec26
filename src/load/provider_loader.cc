#include "load/provider_loader.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include <fmt/ranges.h>

#include "load/field_readers.h"
#include "util/did_you_mean.h"
#include "util/escape.h"

namespace vendorlint {

const std::vector<std::string>& ProviderKeys() {
  static const std::vector<std::string> kKeys = YamlKeys(Scope::kProvider, "");
  return kKeys;
}

bool ReadProvider(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& tax,
                  const std::string& expected_id, Provider* p) {
  size_t errors_before = ctx->errors();
  FieldReadContext c{ctx, tax, expected_id};
  ReadScope(c, root, Scope::kProvider, p);
  return ctx->errors() == errors_before;
}

void CheckProviderReferences(const std::vector<Provider>& providers,
                             const std::vector<std::string>& disclosure_ids,
                             const std::vector<std::string>& files,
                             std::vector<Diagnostic>* diags,
                             const std::vector<std::string>& file_ids) {
  std::map<std::string, const Provider*, std::less<>> by_id;
  std::vector<std::string> ids;
  for (const auto& p : providers) {
    by_id.emplace(p.id.value, &p);
    ids.push_back(p.id.value);
  }
  // A provider whose file exists but did not load has its own errors; a
  // reference to it is not also an "unknown provider".
  std::set<std::string, std::less<>> broken;
  for (const auto& id : file_ids)
    if (!by_id.count(id)) broken.insert(id);
  auto error = [&](const Location& loc, std::string msg) {
    diags->push_back(
        Diagnostic{files.at(loc.file), loc.line, loc.column, Severity::kError, std::move(msg)});
  };
  // Suggestions scan every id: only the first few errors get one, so that a
  // registry full of bad references stays linear (docs/registry.md "Limits").
  size_t suggestions = 0;
  auto suggest = [&](std::string_view word, const std::vector<std::string>& candidates) {
    if (suggestions >= SchemaContext::kMaxSuggestions) return std::string();
    ++suggestions;
    return DidYouMeanSuffix(word, candidates);
  };
  // The declared disclosures, named in each message: the first few only.
  constexpr size_t kListed = 10;
  std::string declared = fmt::format(
      "{}", fmt::join(disclosure_ids.begin(),
                      disclosure_ids.begin() +
                          static_cast<std::ptrdiff_t>(std::min(kListed, disclosure_ids.size())),
                      ", "));
  if (disclosure_ids.size() > kListed)
    declared += fmt::format(" and {} more", disclosure_ids.size() - kListed);
  for (const auto& p : providers) {
    if (p.storage->hosted_on) {
      const LocatedString& h = *p.storage->hosted_on;
      if (h.value == p.id.value) {
        error(h.loc, fmt::format("provider `{}` cannot be hosted on itself", Excerpt(h.value)));
      } else if (!by_id.count(h.value) && !broken.count(h.value)) {
        error(h.loc, fmt::format("`hosted_on` names unknown provider `{}`{}", Excerpt(h.value),
                                 suggest(h.value, ids)));
      }
    }
    if (disclosure_ids.empty()) continue;
    auto check_disclosure = [&](const LocatedString& d) {
      for (const auto& known : disclosure_ids)
        if (known == d.value) return;
      error(d.loc, fmt::format("unknown disclosure `{}`; organization.yaml declares: {}{}",
                               Excerpt(d.value), declared, suggest(d.value, disclosure_ids)));
    };
    for (const auto& s : p.sources.items)
      if (!s.disclosure.value.empty()) check_disclosure(s.disclosure);
    for (const auto& f : p.data_flows.items)
      if (f.source) check_disclosure(*f.source);
  }
  // Hosting chains must end: a -> b -> a would make "the host meets the same
  // bar" unanswerable.
  for (const auto& p : providers) {
    const Provider* cur = &p;
    for (size_t steps = 0; cur && cur->storage->hosted_on; ++steps) {
      auto it = by_id.find(cur->storage->hosted_on->value);
      if (it == by_id.end() || it->second == cur) break;
      cur = it->second;
      if (cur == &p || steps > providers.size()) {
        error(p.storage->hosted_on->loc,
              fmt::format("hosting chain starting at `{}` loops back to itself", p.id.value));
        break;
      }
    }
  }
}

}  // namespace vendorlint
