// Reads a waivers file (docs/waivers.md) into Waivers, checked as strictly as
// the registry: unknown keys (with a suggestion), missing or mistyped values,
// unknown rules and providers, rules that are not waivable, evidence paths that
// do not exist in the registry, and duplicate waivers are located errors.
#ifndef VENDORLINT_CHECK_WAIVER_LOADER_H_
#define VENDORLINT_CHECK_WAIVER_LOADER_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/registry.h"
#include "model/waiver.h"
#include "rules/rule.h"
#include "util/key_table.h"

namespace vendorlint {

// The keys a waiver entry accepts.
const std::vector<std::string>& WaiverKeys();
// The waivers file's keys, its entries' nested (util/key_table.h): what the
// loader accepts and what `vendorlint schema waivers` describes.
std::span<const KeySpec> WaiversFileKeyTable();

// Reads a parsed waivers document. Appends the waivers without errors to
// *out, in file order; returns false if any error was reported.
bool ReadWaivers(SchemaContext* ctx, const yaml::Node& root, const RuleSet& rules,
                 const Registry& registry, std::vector<Waiver>* out);

// Reads and checks the waivers file `path`. Locations get `file_id`, which
// must index the file table reports resolve AppliedWaiver::loc against
// (Registry::files). Messages and Waiver::path use `path` as given.
bool LoadWaivers(const std::string& path, uint32_t file_id, const yaml::Limits& limits,
                 const RuleSet& rules, const Registry& registry, std::vector<Waiver>* out,
                 std::vector<Diagnostic>* diags);
// The same, registering `path` in registry->files (the run's one file table)
// first, so the waivers' locations resolve to the waivers file.
bool LoadWaivers(const std::string& path, const yaml::Limits& limits, const RuleSet& rules,
                 Registry* registry, std::vector<Waiver>* out, std::vector<Diagnostic>* diags);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_WAIVER_LOADER_H_
