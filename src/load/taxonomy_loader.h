// Reads registry/taxonomy.yaml: attribute vocabularies and the four key lists.
#ifndef VENDORLINT_LOAD_TAXONOMY_LOADER_H_
#define VENDORLINT_LOAD_TAXONOMY_LOADER_H_

#include "load/schema_reader.h"
#include "model/taxonomy.h"

namespace vendorlint {

// Checks key syntax, duplicates, that every hierarchical key's parent exists,
// and that attributes are declared. Returns false if any error was reported.
bool ReadTaxonomy(SchemaContext* ctx, const yaml::Node& root, Taxonomy* out);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_TAXONOMY_LOADER_H_
