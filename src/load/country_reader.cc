#include "load/country_reader.h"

#include <fmt/format.h>

#include <cctype>

#include "model/country.h"
#include "util/did_you_mean.h"

namespace vendorlint {

bool ReadCountry(SchemaContext* ctx, const yaml::Node& n, std::string_view key, bool regions,
                 LocatedString* out) {
  LocatedString s;
  if (!ReadString(ctx, n, key, &s)) return false;
  if (IsIsoCountry(s.value) || (regions && IsRegion(s.value))) {
    *out = std::move(s);
    return true;
  }
  if (!regions && IsRegion(s.value)) {
    ctx->Error(n, fmt::format("`{}` is one country, not the region {}: write its ISO 3166-1 "
                              "alpha-2 code; regions belong in `locations`",
                              key, Quote(s.value)));
    return false;
  }
  // Suggest: the same code in the right case, the code of a country's name,
  // or a near code.
  auto lower = [](std::string_view v) {
    std::string o(v);
    for (char& ch : o) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return o;
  };
  const std::string want = lower(s.value);
  std::string hint;
  for (const auto& name : regions ? CountryAndRegionNames() : CountryNames())
    if (hint.empty() && lower(name) == want) hint = fmt::format("; did you mean `{}`?", name);
  for (const auto& cc : kIsoCountries)
    if (hint.empty() && (lower(cc.name) == want || lower(cc.alpha3) == want))
      hint = fmt::format("; did you mean `{}` ({})?", cc.code, cc.name);
  if (hint.empty()) hint = DidYouMeanSuffix(s.value, regions ? CountryAndRegionNames() : CountryNames());
  ctx->Error(n, fmt::format("unknown country {} in `{}`: write an ISO 3166-1 alpha-2 code in upper "
                            "case{}{}",
                            Quote(s.value), key, regions ? " or one of EU, EEA, global" : "",
                            hint));
  return false;
}

bool ReadCountryList(SchemaContext* ctx, const yaml::Node& n, std::string_view key, KeyList* out) {
  if (!n.IsSequence()) {
    ctx->Error(n, n.IsNull() ? fmt::format("`{}` has no value; write a list (`[]` for none) or "
                                           "remove the key to leave it unknown",
                                           key)
                             : fmt::format("`{}` must be a list of countries or regions, like "
                                           "[US, EU]",
                                           key));
    return false;
  }
  out->known = true;
  out->loc = ctx->Loc(n);
  bool ok = true;
  for (const auto& item : n.items) {
    LocatedString s;
    if (!ReadCountry(ctx, item, fmt::format("{}", key), true, &s)) {
      ok = false;
      continue;
    }
    bool dup = false;
    for (const auto& seen : out->items) dup = dup || seen.value == s.value;
    if (dup) {
      ctx->Error(item, fmt::format("{} is listed twice in `{}`", Quote(s.value), key));
      ok = false;
      continue;
    }
    out->items.push_back(std::move(s));
  }
  return ok;
}

}  // namespace vendorlint
