// Reads registry/organization.yaml: the organisation, the disclosures the
// registry mirrors, and the contexts it uses providers in.
#ifndef VENDORLINT_LOAD_ORGANIZATION_LOADER_H_
#define VENDORLINT_LOAD_ORGANIZATION_LOADER_H_

#include "load/schema_reader.h"
#include "model/registry.h"

namespace vendorlint {

bool ReadOrganization(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& taxonomy,
                      Organization* out);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_ORGANIZATION_LOADER_H_
