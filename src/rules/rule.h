// A compiled policy rule (one rules/<theme>/<id>.yaml) and the set of them.
#ifndef VENDORLINT_RULES_RULE_H_
#define VENDORLINT_RULES_RULE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/location.h"
#include "util/source_files.h"
#include "rules/predicate.h"

namespace vendorlint {

struct Reference {
  std::string title;
  std::string url;
  std::string citation;  // may be empty: "16 CFR 312.2"
};

struct Rule {
  std::string id;
  std::string path;  // the rule file, as found under the rules directory
  Location loc;      // the `id` value node (file indexes RuleSet::files)
  std::string title;
  Severity severity = Severity::kError;
  std::string description;
  std::string rationale;
  std::vector<Reference> references;
  std::vector<std::string> tags;
  std::string remediation;
  bool waivable = true;
  std::optional<Predicate> applies_to;  // absent: applies to every provider
  Predicate require;
  std::string message;  // fail template; "{rule.title}" when not given
  // Review template: says what may be true, never accuses; `message` when empty.
  std::string review_message;
  // Uses within_days/older_than_days, so results depend on the as-of date.
  bool uses_dates = false;
};

struct RuleSet {
  // Location::file in rules indexes this: the rule files, sorted by path. A
  // table of its own because rules load without a registry (`vendorlint
  // rules`, `vendorlint test`).
  SourceFiles files;
  std::vector<Rule> rules;         // sorted by id, ids unique

  const Rule* Find(std::string_view id) const;
};

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_RULE_H_
