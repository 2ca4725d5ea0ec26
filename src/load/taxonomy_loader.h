// Reads registry/taxonomy.yaml: attribute vocabularies and the four key lists.
#ifndef VENDORLINT_LOAD_TAXONOMY_LOADER_H_
#define VENDORLINT_LOAD_TAXONOMY_LOADER_H_

#include <span>

#include "load/schema_reader.h"
#include "model/taxonomy.h"
#include "util/key_table.h"

namespace vendorlint {

// taxonomy.yaml's keys, the entries' nested (util/key_table.h); the first is
// `attributes`. What the loader accepts and `vendorlint schema taxonomy` describes.
std::span<const KeySpec> TaxonomyKeyTable();

// Checks key syntax, duplicates, that every hierarchical key's parent exists,
// and that attributes are declared. Returns false if any error was reported.
bool ReadTaxonomy(SchemaContext* ctx, const yaml::Node& root, Taxonomy* out);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_TAXONOMY_LOADER_H_
