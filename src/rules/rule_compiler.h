// Turns rule files (rules/<theme>/<id>.yaml) into compiled Rules. See
// docs/rules.md for the language. All problems are reported as Diagnostics
// with the file, line and column of the offending node; a rule with any error
// is left out of the RuleSet, and the caller must treat the run as failed
// (exit 2): a broken rule is never skipped silently.
#ifndef VENDORLINT_RULES_RULE_COMPILER_H_
#define VENDORLINT_RULES_RULE_COMPILER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "util/key_table.h"
#include "util/location.h"
#include "model/taxonomy.h"
#include "rules/rule.h"

namespace vendorlint {

// The keys a rule file accepts.
const std::vector<std::string>& RuleKeys();
// The rule file's keys and those of a `references` item (util/key_table.h):
// what the compiler accepts and what `vendorlint schema rule` describes.
std::span<const KeySpec> RuleKeyTable();
std::span<const KeySpec> ReferenceKeyTable();
// The placeholders `message` may use: "provider.id", "provider.name", ...
const std::vector<std::string>& MessagePlaceholders();

// Compiles a parsed rule document. If `expected_id` is not empty the rule's
// id must equal it (the file name without `.yaml`). Returns false if any error
// was reported. Sets everything but Rule::path.
bool CompileRule(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& taxonomy,
                 const std::string& expected_id, Rule* out);

// Parses `text` as the content of `path` and compiles it; the expected id is
// the file name of `path` without `.yaml`. For tests and for checking the
// examples in docs/rules.md.
bool CompileRuleText(const std::string& path, std::string_view text, uint32_t file_id,
                     const Taxonomy& taxonomy, const yaml::Limits& limits, Rule* out,
                     std::vector<Diagnostic>* diags);

// The rule files under `rules_dir`, recursively: every `*.yaml` except
// `*.test.yaml`, sorted. Other files (README.md) are ignored; `*.yml` files are
// reported as errors (they would otherwise be ignored by mistake).
std::vector<std::string> FindRuleFiles(const std::string& rules_dir,
                                       std::vector<Diagnostic>* diags);

// Loads and compiles every rule file under `rules_dir` (in parallel; the result
// and the diagnostics, sorted, do not depend on the thread count). Checks that
// ids are unique across files. Returns true if there was no error; *out then
// holds every rule, sorted by id. On errors *out holds the rules that compiled.
bool LoadRules(const std::string& rules_dir, const Taxonomy& taxonomy, const yaml::Limits& limits,
               RuleSet* out, std::vector<Diagnostic>* diags, unsigned threads = 0);

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_RULE_COMPILER_H_
