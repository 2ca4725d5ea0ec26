#include "load/organization_loader.h"

#include <fmt/format.h>

namespace vendorlint {
namespace {

void ReadDisclosure(SchemaContext* ctx, const yaml::Node& n, Disclosure* d) {
  static const std::vector<std::string> kKeys = {"id",  "title", "edition", "source_document",
                                                 "url", "notes"};
  MappingReader m(ctx, n, "disclosure", kKeys);
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
  static const std::vector<std::string> kKeys = {"key", "name", "description"};
  MappingReader m(ctx, n, "context", kKeys);
  if (!m.is_mapping()) return;
  c->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("key"))
    ReadTaxonomyKey(ctx, *v, "key", tax, TaxonomyKind::kContext, &c->key);
  if (const yaml::Node* v = m.Require("name")) ReadString(ctx, *v, "name", &c->name);
  ReadOptString(ctx, m, "description", &c->description);
}

}  // namespace

bool ReadOrganization(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& tax,
                      Organization* org) {
  size_t before = ctx->errors();
  static const std::vector<std::string> kKeys = {"name", "disclosures", "contexts", "notes"};
  MappingReader m(ctx, root, "organization", kKeys);
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
  ReadOptString(ctx, m, "notes", &org->notes);
  return ctx->errors() == before;
}

}  // namespace vendorlint
