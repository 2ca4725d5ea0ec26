// What spans several fields of one provider, flow or exclusion mapping: the
// checks the field table (model/provider_fields.inc) cannot express per field.
#ifndef VENDORLINT_LOAD_RECORD_CHECKS_H_
#define VENDORLINT_LOAD_RECORD_CHECKS_H_

#include <string>
#include <string_view>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/registry.h"

namespace vendorlint {

// The message for a v1 key that registry v2 replaced (`privacy_policy`), or "".
std::string RetiredProviderKey(std::string_view key, const yaml::Node& value);

// retention: `days` with `policy: fixed` only, and required there.
void CheckProvider(SchemaContext* ctx, const yaml::Node& n, const Provider& p);
// `purpose` with `purposes`, `context` with `contexts`: one form or the other.
void CheckFlow(SchemaContext* ctx, const yaml::Node& n);
// At least one of `subjects`, `categories`, `contexts`.
void CheckExclusion(SchemaContext* ctx, const yaml::Node& n);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_RECORD_CHECKS_H_
