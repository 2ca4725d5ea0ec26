#include "load/provider_loader.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include <fmt/ranges.h>

#include "util/did_you_mean.h"
#include "util/escape.h"

namespace vendorlint {
namespace {

std::vector<std::string> Names(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}

bool ReadDirection(SchemaContext* ctx, const yaml::Node& n, Located<Direction>* out) {
  size_t index = 0;
  if (!ReadEnum(ctx, n, "direction", Names(DirectionNames()), &index)) return false;
  out->value = static_cast<Direction>(index);
  out->loc = ctx->Loc(n);
  return true;
}

void ReadQualifiers(SchemaContext* ctx, const yaml::Node& n, List<Located<Qualifier>>* out) {
  if (!n.IsSequence()) {
    ctx->Error(n, "`qualifiers` must be a list, like [hashed, optional]");
    return;
  }
  out->known = true;
  out->loc = ctx->Loc(n);
  for (const auto& item : n.items) {
    size_t index = 0;
    if (!ReadEnum(ctx, item, "qualifiers item", Names(QualifierNames()), &index)) continue;
    Qualifier q = static_cast<Qualifier>(index);
    bool dup = false;
    for (const auto& seen : out->items) dup = dup || seen.value == q;
    if (dup) {
      ctx->Error(item, fmt::format("qualifier `{}` is listed twice", Excerpt(item.scalar)));
      continue;
    }
    out->items.push_back({q, ctx->Loc(item)});
  }
}

void ReadFlow(SchemaContext* ctx, const yaml::Node& n, const Taxonomy& tax, DataFlow* flow) {
  static const std::vector<std::string> kKeys = {"direction",   "subjects", "categories",
                                                 "purpose",     "context",  "qualifiers",
                                                 "description", "source",   "notes"};
  MappingReader m(ctx, n, "data flow", kKeys);
  if (!m.is_mapping()) return;
  flow->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("direction")) ReadDirection(ctx, *v, &flow->direction);
  if (const yaml::Node* v = m.Require("categories")) {
    ReadTaxonomyKeyList(ctx, *v, "categories", tax, TaxonomyKind::kCategory, &flow->categories);
    if (flow->categories.known && flow->categories.items.empty() && v->IsSequence())
      ctx->Error(*v, "`categories` must name at least one data category");
  }
  if (const yaml::Node* v = m.Find("subjects"))
    ReadTaxonomyKeyList(ctx, *v, "subjects", tax, TaxonomyKind::kSubject, &flow->subjects);
  if (const yaml::Node* v = m.Find("purpose")) {
    LocatedString s;
    if (ReadTaxonomyKey(ctx, *v, "purpose", tax, TaxonomyKind::kPurpose, &s)) flow->purpose = s;
  }
  if (const yaml::Node* v = m.Find("context")) {
    LocatedString s;
    if (ReadTaxonomyKey(ctx, *v, "context", tax, TaxonomyKind::kContext, &s)) flow->context = s;
  }
  if (const yaml::Node* v = m.Find("qualifiers")) ReadQualifiers(ctx, *v, &flow->qualifiers);
  ReadOptString(ctx, m, "description", &flow->description);
  if (const yaml::Node* v = m.Find("source")) {
    LocatedString s;
    if (ReadId(ctx, *v, "source", &s)) flow->source = s;
  }
  ReadOptString(ctx, m, "notes", &flow->notes);
}

void ReadStorage(SchemaContext* ctx, const yaml::Node& n, Storage* st) {
  static const std::vector<std::string> kKeys = {
      "stores_data", "encrypted_at_rest", "passwords_hashed", "location", "hosted_on", "notes"};
  MappingReader m(ctx, n, "storage", kKeys);
  if (!m.is_mapping()) return;
  st->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Find("stores_data"))
    ReadTri(ctx, *v, "stores_data", &st->stores_data);
  if (const yaml::Node* v = m.Find("encrypted_at_rest"))
    ReadTri(ctx, *v, "encrypted_at_rest", &st->encrypted_at_rest);
  if (const yaml::Node* v = m.Find("passwords_hashed"))
    ReadTri(ctx, *v, "passwords_hashed", &st->passwords_hashed);
  ReadOptString(ctx, m, "location", &st->location);
  if (const yaml::Node* v = m.Find("hosted_on")) {
    LocatedString s;
    if (ReadId(ctx, *v, "hosted_on", &s)) st->hosted_on = s;
  }
  ReadOptString(ctx, m, "notes", &st->notes);
}

void ReadExclusion(SchemaContext* ctx, const yaml::Node& n, const Taxonomy& tax, Exclusion* ex) {
  static const std::vector<std::string> kKeys = {"statement", "direction", "subjects", "categories",
                                                 "contexts"};
  MappingReader m(ctx, n, "exclusion", kKeys);
  if (!m.is_mapping()) return;
  ex->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("statement"))
    ReadString(ctx, *v, "statement", &ex->statement);
  if (const yaml::Node* v = m.Find("direction")) {
    Located<Direction> d;
    if (ReadDirection(ctx, *v, &d)) ex->direction = d;
  }
  if (const yaml::Node* v = m.Find("subjects"))
    ReadTaxonomyKeyList(ctx, *v, "subjects", tax, TaxonomyKind::kSubject, &ex->subjects);
  if (const yaml::Node* v = m.Find("categories"))
    ReadTaxonomyKeyList(ctx, *v, "categories", tax, TaxonomyKind::kCategory, &ex->categories);
  if (const yaml::Node* v = m.Find("contexts"))
    ReadTaxonomyKeyList(ctx, *v, "contexts", tax, TaxonomyKind::kContext, &ex->contexts);
  if (!m.Find("subjects") && !m.Find("categories") && !m.Find("contexts"))
    ctx->Error(n, "an exclusion must name at least one of `subjects`, `categories` or `contexts`");
}

void ReadSource(SchemaContext* ctx, const yaml::Node& n, Source* src) {
  static const std::vector<std::string> kKeys = {"disclosure", "section", "row"};
  MappingReader m(ctx, n, "source", kKeys);
  if (!m.is_mapping()) return;
  src->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("disclosure"))
    ReadId(ctx, *v, "disclosure", &src->disclosure);
  ReadOptString(ctx, m, "section", &src->section);
  ReadOptString(ctx, m, "row", &src->row);
}

// Reads a list of records, calling `read` for each item.
template <typename T, typename F>
void ReadRecordList(SchemaContext* ctx, const yaml::Node& n, std::string_view key, List<T>* out,
                    F read) {
  if (!n.IsSequence()) {
    ctx->Error(n, n.IsNull() ? fmt::format("`{}` has no value; write a list (`[]` for none) or "
                                           "remove the key to leave it unknown",
                                           key)
                             : fmt::format("`{}` must be a list", key));
    return;
  }
  out->known = true;
  out->loc = ctx->Loc(n);
  out->items.reserve(n.items.size());
  for (const auto& item : n.items) {
    T value;
    read(item, &value);
    out->items.push_back(std::move(value));
  }
}

}  // namespace

const std::vector<std::string>& ProviderKeys() {
  static const std::vector<std::string> kKeys = {
      "id",         "name",    "privacy_policy", "contexts", "purposes", "summary", "last_reviewed",
      "data_flows", "storage", "exclusions",     "sources",  "notes"};
  return kKeys;
}

bool ReadProvider(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& tax,
                  const std::string& expected_id, Provider* p) {
  size_t errors_before = ctx->errors();
  MappingReader m(ctx, root, "provider", ProviderKeys());
  if (!m.is_mapping()) return false;
  p->loc = ctx->Loc(root);
  p->file = ctx->file_id();
  if (const yaml::Node* v = m.Require("id")) {
    if (ReadId(ctx, *v, "id", &p->id) && !expected_id.empty() && p->id.value != expected_id) {
      std::string lower = expected_id;
      for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (lower == p->id.value) {
        // `AWS.yaml` with `id: aws`: the id is right, the file name is not
        // (and `AWS` would not be a valid id).
        ctx->Error(*v, fmt::format("file names must be lowercase, like ids: rename `{}.yaml` to "
                                   "`{}.yaml`",
                                   Excerpt(expected_id), p->id.value));
      } else {
        ctx->Error(*v, fmt::format("provider id `{}` does not match its file name `{}.yaml`; "
                                   "rename the file or set `id: {}`",
                                   p->id.value, Excerpt(expected_id), Excerpt(expected_id)));
      }
    }
  }
  if (const yaml::Node* v = m.Require("name")) ReadString(ctx, *v, "name", &p->name);
  if (const yaml::Node* v = m.Find("privacy_policy")) {
    LocatedString url;
    if (ReadUrl(ctx, *v, "privacy_policy", &url)) p->privacy_policy = url;
  }
  if (const yaml::Node* v = m.Find("contexts"))
    ReadTaxonomyKeyList(ctx, *v, "contexts", tax, TaxonomyKind::kContext, &p->contexts);
  if (const yaml::Node* v = m.Find("purposes"))
    ReadTaxonomyKeyList(ctx, *v, "purposes", tax, TaxonomyKind::kPurpose, &p->purposes);
  ReadOptString(ctx, m, "summary", &p->summary);
  if (const yaml::Node* v = m.Find("last_reviewed")) {
    Located<Date> d;
    if (ReadDate(ctx, *v, "last_reviewed", &d)) {
      // A review cannot have happened yet: a future date would satisfy every
      // "reviewed within N days" rule for years. The loader has no as-of
      // date, so "today" is the machine's (UTC).
      const Date today = Date::Today();
      if (today.DaysSinceEpoch() < d.value.DaysSinceEpoch()) {
        ctx->Error(*v, fmt::format("`last_reviewed` is {}, after today ({}): a review date "
                                   "cannot be in the future",
                                   d.value.ToString(), today.ToString()));
      } else {
        p->last_reviewed = d;
      }
    }
  }
  if (const yaml::Node* v = m.Find("data_flows")) {
    ReadRecordList(ctx, *v, "data_flows", &p->data_flows,
                   [&](const yaml::Node& n, DataFlow* f) { ReadFlow(ctx, n, tax, f); });
  }
  if (const yaml::Node* v = m.Find("storage")) ReadStorage(ctx, *v, &p->storage);
  if (const yaml::Node* v = m.Find("exclusions")) {
    ReadRecordList(ctx, *v, "exclusions", &p->exclusions,
                   [&](const yaml::Node& n, Exclusion* e) { ReadExclusion(ctx, n, tax, e); });
  }
  if (const yaml::Node* v = m.Require("sources")) {
    ReadRecordList(ctx, *v, "sources", &p->sources,
                   [&](const yaml::Node& n, Source* s) { ReadSource(ctx, n, s); });
    if (v->IsSequence() && v->items.empty())
      ctx->Error(*v, "`sources` must name at least one disclosure the facts come from");
  }
  ReadOptString(ctx, m, "notes", &p->notes);
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
    if (p.storage.hosted_on) {
      const LocatedString& h = *p.storage.hosted_on;
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
    for (size_t steps = 0; cur && cur->storage.hosted_on; ++steps) {
      auto it = by_id.find(cur->storage.hosted_on->value);
      if (it == by_id.end() || it->second == cur) break;
      cur = it->second;
      if (cur == &p || steps > providers.size()) {
        error(p.storage.hosted_on->loc,
              fmt::format("hosting chain starting at `{}` loops back to itself", p.id.value));
        break;
      }
    }
  }
}

}  // namespace vendorlint
