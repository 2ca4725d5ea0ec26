// SARIF reportingDescriptor objects: one tool.driver.rules[] entry per rule,
// shaped for GitHub code scanning (which shows the help, maps
// security-severity to its own severity levels and cuts long descriptions)
// as well as for spec-following viewers. The results that refer to these
// entries are written by sarif_report.cc.
#ifndef VENDORLINT_REPORT_SARIF_RULES_H_
#define VENDORLINT_REPORT_SARIF_RULES_H_

#include <string>
#include <string_view>

#include "util/location.h"
#include "report/json_writer.h"
#include "rules/rule.h"

namespace vendorlint {

// A rule id as a SARIF reportingDescriptor.name: PascalCase, one word per
// hyphen-separated part ("no-student-data-to-advertisers" ->
// "NoStudentDataToAdvertisers").
std::string SarifRuleName(std::string_view rule_id);

// Internal to the SARIF writer (sarif_report.cc and sarif_rules.cc): the rule
// descriptors and the results share these so both say the same thing the
// same way.
namespace sarif::internal {

// A severity as a SARIF level: a rule's defaultConfiguration.level, and the
// level of a result of kind "fail".
const char* LevelOf(Severity s);

// `s` without trailing whitespace (rule and finding texts often end in a
// newline from a YAML block scalar).
std::string TrimRight(std::string_view s);

// Writes `key` as a SARIF message object (SARIF §3.11): {"text": text}.
void WriteText(JsonWriter* w, std::string_view key, std::string_view text);

// Writes `rule` as one tool.driver.rules[] element. Its position in that
// array is the ruleIndex of the results that refer to it.
void WriteRule(JsonWriter* w, const Rule& rule);

}  // namespace sarif::internal
}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_SARIF_RULES_H_
