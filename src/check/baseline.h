// Baselines (--baseline): the findings a team has accepted as known debt, so
// that a gate can fail only on new ones. A baseline is a YAML file written by
// WriteBaseline and read back through the hardened YAML front end:
//
//   vendorlint_baseline: 1
//   findings:
//     - fingerprint: 3f0c9a1e55d2b7a4
//       rule: storage-encrypted-at-rest
//       provider: mongodb-atlas
//       outcome: fail              # fail | review | waived
//       severity: error            # error | warning | note (the rule's)
//       message: "MongoDB Atlas ..."
//
// An entry silences only the finding it records: same fingerprint, rule and
// provider (see fingerprint.h; the fingerprint hashes the rule and provider
// ids). An entry whose fingerprint is a current finding's but whose labels
// name another rule or provider is forged or hand-edited: an error, so that a
// reviewer reading "rule: some-note" cannot be shown an entry that silences an
// error. Outcome, severity and message are for people reading the file and
// for reporting baseline entries that no longer occur.
#ifndef VENDORLINT_CHECK_BASELINE_H_
#define VENDORLINT_CHECK_BASELINE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "util/key_table.h"
#include "util/location.h"
#include "util/source_files.h"
#include "rules/finding.h"

namespace vendorlint {

// The version WriteBaseline writes and ReadBaseline accepts.
inline constexpr int kBaselineVersion = 1;

struct BaselineEntry {
  Location loc;  // the entry's mapping in the baseline file
  std::string fingerprint;
  std::string rule_id;
  std::string provider_id;
  Outcome outcome = Outcome::kFail;
  Severity severity = Severity::kError;
  std::string message;
};

// The limits baselines are read with: a baseline lists every open finding of
// a registry, so it may be far larger than any registry file (64 MiB, about
// 350,000 entries at 13 YAML nodes each). The other limits are the defaults.
yaml::Limits BaselineLimits();

// The baseline of `findings`: every fail, review and waived finding, sorted by
// fingerprint (then rule and provider), one YAML document ending in a newline.
// Strings are double-quoted with escapes, so any message reads back unchanged
// (characters the YAML front end rejects, such as control characters, are
// written as U+FFFD).
std::string WriteBaseline(const std::vector<Finding>& findings);

// A baseline's keys, its entries' nested (util/key_table.h): what the reader
// accepts and what `vendorlint schema baseline` describes.
std::span<const KeySpec> BaselineKeyTable();

// Reads a parsed baseline document. Checks keys strictly, the version,
// fingerprints (16 lowercase hex digits, optionally `-N`), ids, outcomes and
// severities, and that no fingerprint is listed twice.
bool ReadBaselineDocument(SchemaContext* ctx, const yaml::Node& root,
                          std::vector<BaselineEntry>* out);

// Reads and checks the baseline file `path` with BaselineLimits(). Entry
// locations get `file_id`, which the caller makes index its file table.
bool ReadBaseline(const std::string& path, uint32_t file_id, std::vector<BaselineEntry>* out,
                  std::vector<Diagnostic>* diags);
// The same, registering `path` in `files` (the run's table, Registry::files)
// so that BaselineEntry::loc resolves to the baseline file itself.
bool ReadBaseline(const std::string& path, SourceFiles* files, std::vector<BaselineEntry>* out,
                  std::vector<Diagnostic>* diags);

// Every entry whose fingerprint is that of one of `findings` (fingerprints
// assigned) must name that finding's rule and provider. False, with one
// located error per such entry in `path` appended to *diags, if not.
bool CheckBaselineLabels(const std::vector<BaselineEntry>& baseline,
                         const std::vector<Finding>& findings, const std::string& path,
                         std::vector<Diagnostic>* diags);

// The entries a baseline file written from `findings` would hold (fail,
// review and waived findings), without a location: `check --base` computes
// the base's findings in the same run instead of reading a file.
std::vector<BaselineEntry> BaselineOf(const std::vector<Finding>& findings);

// Marks every fail, review and waived finding kUnchanged when `baseline` has
// an entry with its fingerprint, rule and provider, else kNew; other findings
// keep kNone. Appends to *absent one finding (baseline = kAbsent; fingerprint,
// rule_id, provider_id, outcome, severity, message from the entry) per
// baseline entry that no such finding has, in SortAbsent's order. Call
// CheckBaselineLabels first.
void ApplyBaseline(const std::vector<BaselineEntry>& baseline, std::vector<Finding>* findings,
                   std::vector<Finding>* absent);

// Absent findings in the order every report lists them: rule id, provider id,
// then fingerprint.
void SortAbsent(std::vector<Finding>* absent);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_BASELINE_H_
