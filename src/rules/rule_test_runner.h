// Runs the test cases that ship with every rule (rules/<theme>/<id>.test.yaml,
// format in docs/rules.md, "Testing rules"): each case's provider is read like
// a registry provider, the rule is evaluated against it, and the outcome is
// compared with the case's `expect`. `vendorlint test` is a thin wrapper.
#ifndef VENDORLINT_RULES_RULE_TEST_RUNNER_H_
#define VENDORLINT_RULES_RULE_TEST_RUNNER_H_

#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "load/yaml_document.h"
#include "model/taxonomy.h"
#include "util/key_table.h"

namespace vendorlint {

struct RuleTestOptions {
  std::string rules_dir = "rules";
  yaml::Limits limits;
  std::vector<std::string> rule_ids;  // only these rules' tests; empty: all
  unsigned threads = 0;               // for compiling the rules
  // False for `validate`: read every test file and case, but do not count a
  // case whose outcome differs (that is a test failure, not invalid input).
  bool check_outcomes = true;
  // Also check every case for monotonicity (monotonicity.h): leaving out any
  // stated fact of the case's provider must not improve the outcome.
  bool check_monotonicity = true;
};

struct RuleTestResult {
  size_t passed = 0;  // cases whose outcome was the expected one
  // Cases with another outcome, plus every error in a rule or test file
  // (a rule without tests, a broken case, ...).
  size_t failed = 0;
  bool ok() const { return failed == 0; }
};

// Compiles the rules against `taxonomy` and runs every test file: the errors
// and mismatches (with their notes) in output order, and the counts.
struct RuleTestReport {
  RuleTestResult result;
  std::vector<Diagnostic> diagnostics;
};
RuleTestReport CollectRuleTests(const RuleTestOptions& options, const Taxonomy& taxonomy);

// Compiles the rules against `taxonomy`, runs every test file, and writes to
// `out`: each error and each mismatch as
//   path:line:col: error: rule <id> case "<name>": expected fail, got review
// (followed by `note:` lines with the finding's evidence), each monotonicity
// violation at the dropped key, then the summary
// line `N passed, N failed`. Output is deterministic (sorted by file).
RuleTestResult RunRuleTests(const RuleTestOptions& options, const Taxonomy& taxonomy,
                            std::ostream& out);

// A rule test file's keys and its cases' (util/key_table.h): what the runner
// accepts and what `vendorlint schema rule-test` describes.
std::span<const KeySpec> RuleTestKeyTable();

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_RULE_TEST_RUNNER_H_
