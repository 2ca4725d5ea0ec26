// Reads the country vocabulary of registry v2 (model/country.h) with
// suggestions a person needs: the right case (`cn`), the code of a country's
// name or alpha-3 code (`China`, `CHN`), or a near code.
#ifndef VENDORLINT_LOAD_COUNTRY_READER_H_
#define VENDORLINT_LOAD_COUNTRY_READER_H_

#include <string_view>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/registry.h"

namespace vendorlint {

// A country (`CN`) or, with `regions`, also `EU`, `EEA`, `global`.
bool ReadCountry(SchemaContext* ctx, const yaml::Node& n, std::string_view key, bool regions,
                 LocatedString* out);
// A list of countries or regions; `[]` is a known none; duplicates are errors.
bool ReadCountryList(SchemaContext* ctx, const yaml::Node& n, std::string_view key, KeyList* out);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_COUNTRY_READER_H_
