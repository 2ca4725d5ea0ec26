#include "load/organization_loader.h"

#include <fmt/format.h>

#include "load/country_reader.h"
#include "model/country.h"

namespace vendorlint {
namespace {

constexpr KeySpec kDisclosureKeys[] = {
    {"id", true, KeyShape::kString, "Lowercase words joined by '-'; what sources[].disclosure names."},
    {"title", true, KeyShape::kString, "The disclosure's title."},
    {"edition", false, KeyShape::kString, "Which edition (a date or version, in words)."},
    {"source_document", false, KeyShape::kString, "Where the text the registry encodes is kept."},
    {"url", false, KeyShape::kString, "http(s) URL of the published disclosure."},
    {"notes", false, KeyShape::kString, "Free text about the disclosure."},
};
constexpr KeySpec kContextKeys[] = {
    {"key", true, KeyShape::kString, "A context key of taxonomy.yaml.", {}, {}, "contexts"},
    {"name", true, KeyShape::kString, "The context's name in this organisation."},
    {"description", false, KeyShape::kString, "What the context covers here."},
};
constexpr KeySpec kSettingsKeys[] = {
    {"student_data_countries", false, KeyShape::kCountryList,
     "Countries student data may be stored in (ISO 3166-1 alpha-2)."},
    {"countries_of_concern", false, KeyShape::kCountryList,
     "Countries data must not go to (default: 28 CFR Part 202's)."},
    {"max_waiver_days", false, KeyShape::kInteger,
     "Longest a waiver may run, approved to expires (1 to 36500, default 365)."},
};
constexpr KeySpec kOrganizationKeys[] = {
    {"name", true, KeyShape::kString, "The organisation's name."},
    {"disclosures", true, KeyShape::kMappingList,
     "The disclosures this registry mirrors; non-empty.", {}, kDisclosureKeys},
    {"contexts", false, KeyShape::kMappingList, "Where the organisation uses providers.", {},
     kContextKeys},
    {"settings", false, KeyShape::kMapping, "Settings the rules read.", {}, kSettingsKeys},
    {"notes", false, KeyShape::kString, "Free text."},
};


void ReadDisclosure(SchemaContext* ctx, const yaml::Node& n, Disclosure* d) {
  MappingReader m(ctx, n, "disclosure", KeyNames(kDisclosureKeys));
  if (!m.is_mapping()) return;
  d->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("id")) ReadId(ctx, *v, "id", &d->id);
  if (const yaml::Node* v = m.Require("title")) ReadString(ctx, *v, "title", &d->title);
  ReadOptString(ctx, m, "edition", &d->edition);
  ReadOptString(ctx, m, "source_document", &d->source_document);
  if (const yaml::Node* v = m.Find("url")) {
    LocatedString url;
    if (ReadUrl(ctx, *v, "url", &url)) d->url = url;
  }
  ReadOptString(ctx, m, "notes", &d->notes);
}

void ReadContext(SchemaContext* ctx, const yaml::Node& n, const Taxonomy& tax,
                 OrganizationContext* c) {
  MappingReader m(ctx, n, "context", KeyNames(kContextKeys));
  if (!m.is_mapping()) return;
  c->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("key"))
    ReadTaxonomyKey(ctx, *v, "key", tax, TaxonomyKind::kContext, &c->key);
  if (const yaml::Node* v = m.Require("name")) ReadString(ctx, *v, "name", &c->name);
  ReadOptString(ctx, m, "description", &c->description);
}

}  // namespace

void ReadOrganizationSettings(SchemaContext* ctx, const yaml::Node& n, OrganizationSettings* st) {
  MappingReader m(ctx, n, "settings", KeyNames(kSettingsKeys));
  if (!m.is_mapping()) return;
  st->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Find("student_data_countries"))
    ReadCountryList(ctx, *v, "settings.student_data_countries", &st->student_data_countries);
  if (const yaml::Node* v = m.Find("countries_of_concern")) {
    st->countries_of_concern = KeyList{};
    ReadCountryList(ctx, *v, "settings.countries_of_concern", &st->countries_of_concern);
  }
  if (const yaml::Node* v = m.Find("max_waiver_days")) {
    int64_t days = 0;
    if (ReadInt(ctx, *v, "settings.max_waiver_days", &days)) {
      if (days < 1 || days > 365 * 100) {
        ctx->Error(*v, fmt::format("`settings.max_waiver_days` must be a number of days from 1 to "
                                   "36500, not {}",
                                   days));
      } else {
        st->max_waiver_days = Located<int64_t>{days, ctx->Loc(*v)};
      }
    }
  }
}

std::span<const KeySpec> OrganizationKeyTable() { return kOrganizationKeys; }
std::span<const KeySpec> OrganizationSettingsKeyTable() { return kSettingsKeys; }

OrganizationSettings DefaultOrganizationSettings() {
  OrganizationSettings st;
  st.countries_of_concern.known = true;
  for (auto c : DefaultCountriesOfConcern())
    st.countries_of_concern.items.push_back(LocatedString{std::string(c), {}});
  return st;
}

bool ReadOrganization(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& tax,
                      Organization* org) {
  size_t before = ctx->errors();
  MappingReader m(ctx, root, "organization", KeyNames(kOrganizationKeys));
  if (!m.is_mapping()) return false;
  org->loc = ctx->Loc(root);
  org->file = ctx->file_id();
  if (const yaml::Node* v = m.Require("name")) ReadString(ctx, *v, "name", &org->name);
  if (const yaml::Node* v = m.Require("disclosures")) {
    if (!v->IsSequence() || v->items.empty()) {
      ctx->Error(*v,
                 "`disclosures` must be a non-empty list of the disclosures this registry "
                 "mirrors");
    } else {
      for (const auto& item : v->items) {
        Disclosure d;
        ReadDisclosure(ctx, item, &d);
        for (const auto& seen : org->disclosures) {
          if (!d.id.value.empty() && seen.id.value == d.id.value) {
            ctx->ErrorAt(d.id.loc.line, d.id.loc.column,
                         fmt::format("disclosure id `{}` is used twice (first at line {})",
                                     d.id.value, seen.id.loc.line));
          }
        }
        org->disclosures.push_back(std::move(d));
      }
    }
  }
  if (const yaml::Node* v = m.Find("contexts")) {
    if (!v->IsSequence()) {
      ctx->Error(*v, "`contexts` must be a list");
    } else {
      for (const auto& item : v->items) {
        OrganizationContext c;
        ReadContext(ctx, item, tax, &c);
        org->contexts.push_back(std::move(c));
      }
    }
  }
  org->settings = DefaultOrganizationSettings();
  if (const yaml::Node* v = m.Find("settings")) ReadOrganizationSettings(ctx, *v, &org->settings);
  ReadOptString(ctx, m, "notes", &org->notes);
  return ctx->errors() == before;
}

}  // namespace vendorlint
