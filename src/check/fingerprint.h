// Stable finding identities ("fingerprints") for baselines (--baseline) and
// SARIF partialFingerprints. A fingerprint must survive every edit that does
// not change what a finding is about: moving lines, reformatting YAML (block
// or flow style, comments, blank lines, key order) and reordering list items.
//
// Recipe "v1" (changing anything here changes every fingerprint, so a new
// recipe must get a new version and a new baseline format version):
//
//   fingerprint = hex16(FNV-1a-64("v1" LF rule_id LF provider_id LF primary))
//
// FNV-1a-64 uses offset basis 0xcbf29ce484222325 and prime 0x100000001b3 over
// the UTF-8 bytes; hex16 is 16 lowercase hex digits, zero-padded. `primary`
// is "" for findings without evidence (pass, not_applicable); otherwise the
// smallest (bytewise) canonical path among the finding's evidence paths.
// Taking the smallest rather than the first makes it independent of the order
// of evidence, which follows registry order when several records decide a
// finding (two offending flows).
//
// A canonical path is the evidence path with every index replaced by a key
// read from the registry (see CanonicalEvidencePath):
//   data_flows[i]  -> data_flows[D;C;S;P;X]  direction; categories sorted and
//                     joined by ','; subjects likewise, or `?` when unstated;
//                     the flow's own purpose and context, or "" when absent
//   exclusions[i]  -> exclusions[D;S;C;X]    direction or ""; subjects,
//                     categories and contexts, each sorted, or `?` if absent
//   sources[i]     -> sources[D;S;R]         disclosure; section; row ("" if absent)
//   <key list>[i]  -> <key list>[key]        subjects, categories, contexts,
//                     purposes: the item's taxonomy key; qualifiers: its name
//   host[id]       stays (ids are stable), and later segments resolve against
//                  that provider.
// Free text (descriptions, statements, notes) is left out, so rewording does
// not change an identity. An index that cannot be resolved (the registry has
// changed under the finding) is kept as written.
#ifndef VENDORLINT_CHECK_FINGERPRINT_H_
#define VENDORLINT_CHECK_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/registry.h"
#include "rules/finding.h"

namespace vendorlint {

// The fingerprint recipe's version, part of the hashed input.
inline constexpr std::string_view kFingerprintVersion = "v1";

// 64-bit FNV-1a of `bytes`.
uint64_t Fnv1a64(std::string_view bytes);

// `path` (an Evidence::path of a finding about `provider_id`) with its indexes
// replaced by content keys, as described above. Works on the typed path, so
// the segments are never split out of text again.
std::string CanonicalEvidencePath(const Registry& registry, std::string_view provider_id,
                                  const EvidencePath& path);

// The fingerprint of one finding, before collision handling.
std::string ComputeFingerprint(const Registry& registry, const Finding& finding);

// ComputeFingerprint as a number (before hex16), and its text: hex16, plus
// "-n" for the n-th (n >= 2) of colliding findings.
uint64_t FingerprintHash(const Registry& registry, const Finding& finding);
// FingerprintHash of a finding without evidence (a pass or a not-applicable
// pair), from its ids alone: nothing is allocated.
uint64_t FingerprintHashWithoutEvidence(std::string_view rule_id, std::string_view provider_id);
std::string FormatFingerprint(uint64_t hash, uint32_t n);

// Sets Finding::fingerprint on every finding. Two findings of one run never
// share a fingerprint: when hashes collide, the findings are ordered by rule
// id, provider id and primary path, and the second gets "-2" appended, the
// third "-3", and so on. The result does not depend on the order of *findings.
void AssignFingerprints(const Registry& registry, std::vector<Finding>* findings);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_FINGERPRINT_H_
