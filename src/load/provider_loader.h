// Reads one provider document (registry/providers/<id>.yaml) into a Provider.
// Checks everything that can be checked within the file against the taxonomy;
// cross-file checks (duplicate ids, hosted_on targets, disclosure ids) belong
// to the registry loader (registry_loader.h) or CheckProviderReferences.
#ifndef VENDORLINT_LOAD_PROVIDER_LOADER_H_
#define VENDORLINT_LOAD_PROVIDER_LOADER_H_

#include <string>
#include <vector>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/registry.h"
#include "model/taxonomy.h"

namespace vendorlint {

// The keys a provider mapping accepts (for documentation and suggestions).
const std::vector<std::string>& ProviderKeys();

// Reads `root` into *out. If `expected_id` is not empty, the provider's id must
// equal it (the file name). Returns false if any error was reported.
bool ReadProvider(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& taxonomy,
                  const std::string& expected_id, Provider* out);

// Checks what spans providers: every storage.hosted_on names a provider in
// `providers` other than itself, and every source names a disclosure in
// `disclosure_ids` (skipped when that list is empty). `files` maps
// Location::file to paths for the messages. `file_ids` are the ids the
// provider files are named after: a reference to one whose file did not load
// is not reported again (the file has its own errors).
void CheckProviderReferences(const std::vector<Provider>& providers,
                             const std::vector<std::string>& disclosure_ids,
                             const std::vector<std::string>& files,
                             std::vector<Diagnostic>* diags,
                             const std::vector<std::string>& file_ids = {});

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_PROVIDER_LOADER_H_
