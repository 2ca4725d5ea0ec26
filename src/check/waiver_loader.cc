#include "check/waiver_loader.h"

#include <fmt/format.h>

#include "util/did_you_mean.h"
#include "rules/evidence_path.h"
#include "rules/field_access.h"
#include "util/escape.h"
#include "util/utf8.h"

namespace vendorlint {
namespace {

// Whether a segment carries brackets (`[2]` or `host[id]`).
bool Bracketed(const PathSegment& seg) { return seg.index.has_value() || seg.is_host(); }

// A record list of `p` by name, with its count and nouns; false if `name`
// is not one.
bool RecordListOf(const Provider& p, std::string_view name, bool* known, size_t* count,
                  Scope* scope, const char** noun) {
  if (name == "data_flows") {
    *known = p.data_flows.known;
    *count = p.data_flows.items.size();
    *scope = Scope::kFlow;
    *noun = "data flow";
  } else if (name == "exclusions") {
    *known = p.exclusions.known;
    *count = p.exclusions.items.size();
    *scope = Scope::kExclusion;
    *noun = "exclusion";
  } else if (name == "sources") {
    *known = p.sources.known;
    *count = p.sources.items.size();
    *scope = Scope::kSource;
    *noun = "source";
  } else {
    return false;
  }
  return true;
}

// Checks that `evidence` names a node that exists in the registry, so that a
// typo cannot produce a waiver that silently matches nothing.
void CheckEvidence(SchemaContext* ctx, const yaml::Node& n, const std::string& evidence,
                   const Provider* provider, const Registry& registry) {
  std::optional<EvidencePath> parsed = EvidencePath::Parse(evidence);
  if (!parsed) {
    ctx->Error(n, fmt::format("`evidence` must be a path like `data_flows[2]` or "
                              "`storage.encrypted_at_rest`, not {}",
                              Quote(evidence)));
    return;
  }
  if (provider == nullptr) return;  // reported already
  const std::vector<PathSegment>& steps = parsed->segments();
  const Provider* cur = provider;
  size_t i = 0;
  for (; i < steps.size() && steps[i].is_host(); ++i) {
    cur = registry.FindProvider(steps[i].host);
    if (cur == nullptr) {
      std::vector<std::string> ids;
      if (ctx->MaySuggest())
        for (const auto& p : registry.providers) ids.push_back(p.id.value);
      ctx->Error(n, fmt::format("unknown provider `{}` in `evidence`{}", Excerpt(steps[i].host),
                                DidYouMeanSuffix(steps[i].host, ids)));
      return;
    }
  }
  Scope scope = Scope::kProvider;
  bool known = false;
  size_t count = 0;
  const char* noun = "";
  if (i < steps.size() && steps[i].index &&
      RecordListOf(*cur, steps[i].name, &known, &count, &scope, &noun)) {
    if (*steps[i].index >= count) {
      std::string has = !known || count == 0 ? fmt::format("states no {}s", noun)
                        : count == 1         ? fmt::format("has 1 {}", noun)
                                             : fmt::format("has {} {}s", count, noun);
      ctx->Error(n, fmt::format("`evidence` points at `{}`, but provider `{}` {}",
                                FormatSegment(steps[i]), cur->id.value, has));
      return;
    }
    ++i;
  }
  if (i == steps.size()) return;
  // The rest names a field of the scope, optionally indexed at the end.
  std::string field;
  bool inner_index = false;
  for (size_t j = i; j < steps.size(); ++j) {
    if (!field.empty()) field += '.';
    field += steps[j].name;
    inner_index = inner_index || (j + 1 < steps.size() && Bracketed(steps[j]));
  }
  const bool indexed = Bracketed(steps.back());
  const FieldDef* def = inner_index ? nullptr : FindField(scope, field);
  std::vector<std::string> names = FieldNames(scope);
  bool is_prefix = false;
  for (const auto& name : names)
    is_prefix = is_prefix || (name.size() > field.size() && name.starts_with(field) &&
                              name[field.size()] == '.');
  if (def == nullptr && !(is_prefix && !indexed && !inner_index)) {
    ctx->Error(n, fmt::format("`evidence` names unknown field `{}` of a {}{}", Excerpt(field),
                              ScopeName(scope),
                              ctx->MaySuggest() ? DidYouMeanSuffix(field, names) : ""));
    return;
  }
  if (def != nullptr && indexed && def->type != FieldType::kKeyList &&
      def->type != FieldType::kQualifierList && def->type != FieldType::kNameList) {
    ctx->Error(n, fmt::format("`evidence` indexes `{}`, which is not a list", field));
  }
}

// A string that must say something: ReadString rejects "", this also "  " and
// a lone zero-width space (util/utf8.h IsBlankText).
bool ReadText(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out) {
  if (!ReadString(ctx, n, key, out)) return false;
  if (IsBlankText(out->value)) {
    ctx->Error(n, fmt::format("`{}` must not be blank", key));
    return false;
  }
  return true;
}

// A waiver runs from its approval through `expires`; organization.yaml
// `settings.max_waiver_days` bounds that span (issue 8 item 9). Without an
// `approved` date the span is measured from today (UTC), so that leaving the
// date out never allows a longer waiver.
void CheckSpan(SchemaContext* ctx, const yaml::Node& expires, const Waiver& w, int64_t max_days) {
  const Date start = w.approved ? w.approved->value : Date::Today();
  const int64_t days = w.expires.value.DaysSinceEpoch() - start.DaysSinceEpoch();
  const std::string latest = Date::FromDaysSinceEpoch(start.DaysSinceEpoch() + max_days).ToString();
  if (w.approved && days < 0) {
    ctx->Error(expires, fmt::format("waiver expires on {}, before it was approved on {}",
                                    w.expires.value.ToString(), w.approved->value.ToString()));
  } else if (days > max_days && w.approved) {
    ctx->Error(expires,
               fmt::format("waiver runs {} days (approved {}, expires {}); organization.yaml "
                           "allows at most {} (`settings.max_waiver_days`): set `expires` to {} "
                           "or earlier",
                           days, w.approved->value.ToString(), w.expires.value.ToString(),
                           max_days, latest));
  } else if (days > max_days) {
    ctx->Error(expires,
               fmt::format("waiver expires {} days from today ({}); organization.yaml allows at "
                           "most {} (`settings.max_waiver_days`): set `expires` to {} or earlier, "
                           "or record when it was approved with `approved:`",
                           days, start.ToString(), max_days, latest));
  }
}

// Reads one entry; false if it had an error.
bool ReadWaiver(SchemaContext* ctx, const yaml::Node& n, const RuleSet& rules,
                const Registry& registry, Waiver* w) {
  size_t before = ctx->errors();
  MappingReader m(ctx, n, "waiver", WaiverKeys());
  if (!m.is_mapping()) return false;
  w->path = ctx->path();
  w->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("rule"); v && ReadId(ctx, *v, "rule", &w->rule)) {
    const Rule* rule = rules.Find(w->rule.value);
    if (rule == nullptr) {
      std::vector<std::string> ids;
      if (ctx->MaySuggest())
        for (const auto& r : rules.rules) ids.push_back(r.id);
      ctx->Error(*v, fmt::format("unknown rule `{}`{}", Excerpt(w->rule.value),
                                 DidYouMeanSuffix(w->rule.value, ids)));
    } else if (!rule->waivable) {
      ctx->Error(*v, fmt::format("rule `{}` is not waivable", Excerpt(w->rule.value)));
    }
  }
  const Provider* provider = nullptr;
  if (const yaml::Node* v = m.Require("provider"); v && ReadId(ctx, *v, "provider", &w->provider)) {
    provider = registry.FindProvider(w->provider.value);
    if (provider == nullptr) {
      std::vector<std::string> ids;
      if (ctx->MaySuggest())
        for (const auto& p : registry.providers) ids.push_back(p.id.value);
      ctx->Error(*v, fmt::format("unknown provider `{}`{}", Excerpt(w->provider.value),
                                 DidYouMeanSuffix(w->provider.value, ids)));
    }
  }
  if (const yaml::Node* v = m.Find("evidence")) {
    LocatedString e;
    if (ReadString(ctx, *v, "evidence", &e)) {
      CheckEvidence(ctx, *v, e.value, provider, registry);
      w->evidence = std::move(e);
    }
  }
  if (const yaml::Node* v = m.Require("justification"))
    ReadText(ctx, *v, "justification", &w->justification);
  if (const yaml::Node* v = m.Require("approved_by"))
    ReadText(ctx, *v, "approved_by", &w->approved_by);
  if (const yaml::Node* v = m.Find("approved")) {
    Located<Date> d;
    if (ReadDate(ctx, *v, "approved", &d)) w->approved = d;
  }
  if (const yaml::Node* v = m.Require("expires"); v && ReadDate(ctx, *v, "expires", &w->expires))
    CheckSpan(ctx, *v, *w, registry.organization.settings.max_waiver_days.value);
  return ctx->errors() == before;
}

}  // namespace

namespace {
constexpr KeySpec kWaiverKeys[] = {
    {"rule", true, KeyShape::kString, "The id of a waivable rule."},
    {"provider", true, KeyShape::kString, "The id of a provider in the registry."},
    {"evidence", false, KeyShape::kString,
     "Only the finding at this evidence path (`data_flows[2].subjects`)."},
    {"justification", true, KeyShape::kString, "Why the fail is accepted."},
    {"approved_by", true, KeyShape::kString, "Who accepted it."},
    {"approved", false, KeyShape::kDate, "When it was accepted, YYYY-MM-DD."},
    {"expires", true, KeyShape::kDate, "When the waiver stops applying, YYYY-MM-DD."},
};
constexpr KeySpec kWaiversFileKeys[] = {
    {"waivers", true, KeyShape::kMappingList, "The waivers (`[]` for none).", {}, kWaiverKeys},
};
}  // namespace

std::span<const KeySpec> WaiversFileKeyTable() { return kWaiversFileKeys; }

const std::vector<std::string>& WaiverKeys() {
  static const std::vector<std::string> kKeys = KeyNames(kWaiverKeys);
  return kKeys;
}

bool ReadWaivers(SchemaContext* ctx, const yaml::Node& root, const RuleSet& rules,
                 const Registry& registry, std::vector<Waiver>* out) {
  size_t before = ctx->errors();
  MappingReader m(ctx, root, "waivers file", KeyNames(kWaiversFileKeys));
  if (!m.is_mapping()) return false;
  const yaml::Node* list = m.Require("waivers");
  if (list == nullptr) return false;
  if (!list->IsSequence()) {
    ctx->Error(*list, "`waivers` must be a list of waivers (`[]` for none)");
    return false;
  }
  std::vector<Waiver> read;
  for (const auto& item : list->items) {
    Waiver w;
    bool ok = ReadWaiver(ctx, item, rules, registry, &w);
    // Two waivers for the same finding would make it unclear which approval
    // and expiry date hold.
    bool dup = false;
    if (!w.rule.value.empty() && !w.provider.value.empty()) {
      std::string ev = w.evidence ? w.evidence->value : "";
      for (const auto& seen : read) {
        if (seen.rule.value != w.rule.value || seen.provider.value != w.provider.value ||
            (seen.evidence ? seen.evidence->value : "") != ev)
          continue;
        ctx->Error(item, fmt::format("duplicate waiver for rule `{}` on provider `{}`{} (first at "
                                     "line {})",
                                     w.rule.value, w.provider.value,
                                     ev.empty() ? "" : fmt::format(" at `{}`", ev), seen.loc.line));
        dup = true;
        break;
      }
    }
    // Entries with errors still take part in the duplicate check, so that
    // fixing one error does not reveal another.
    read.push_back(w);
    if (ok && !dup) out->push_back(std::move(w));
  }
  return ctx->errors() == before;
}

bool LoadWaivers(const std::string& path, uint32_t file_id, const yaml::Limits& limits,
                 const RuleSet& rules, const Registry& registry, std::vector<Waiver>* out,
                 std::vector<Diagnostic>* diags) {
  yaml::Node root;
  if (!yaml::ParseFile(path, limits, &root, diags)) return false;
  // Sorted like the registry's diagnostics, by line and column.
  std::vector<Diagnostic> local;
  SchemaContext ctx(path, file_id, &local);
  bool ok = ReadWaivers(&ctx, root, rules, registry, out);
  SortDiagnostics(&local);
  diags->insert(diags->end(), local.begin(), local.end());
  return ok;
}

bool LoadWaivers(const std::string& path, const yaml::Limits& limits, const RuleSet& rules,
                 Registry* registry, std::vector<Waiver>* out, std::vector<Diagnostic>* diags) {
  const uint32_t file_id = registry->files.Intern(path);
  return LoadWaivers(path, file_id, limits, rules, *registry, out, diags);
}

}  // namespace vendorlint
