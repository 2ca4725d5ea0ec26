// Reads registry/organization.yaml: the organisation, the disclosures the
// registry mirrors, the contexts it uses providers in, and its settings.
#ifndef VENDORLINT_LOAD_ORGANIZATION_LOADER_H_
#define VENDORLINT_LOAD_ORGANIZATION_LOADER_H_

#include <span>

#include "load/schema_reader.h"
#include "model/registry.h"
#include "util/key_table.h"

namespace vendorlint {

// The settings of an organization.yaml without `settings`: student data
// countries unknown, the 28 CFR Part 202 countries of concern, 365 waiver days.
OrganizationSettings DefaultOrganizationSettings();

// Reads a `settings` mapping over *st (which holds the defaults). Rule tests
// use it for a case's `settings`.
void ReadOrganizationSettings(SchemaContext* ctx, const yaml::Node& n, OrganizationSettings* st);
// organization.yaml's keys, nested tables included (util/key_table.h): what
// the loader accepts and what `vendorlint schema organization` describes.
std::span<const KeySpec> OrganizationKeyTable();
// The `settings` mapping's keys (also a rule test case's `settings`).
std::span<const KeySpec> OrganizationSettingsKeyTable();

bool ReadOrganization(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& taxonomy,
                      Organization* out);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_ORGANIZATION_LOADER_H_
