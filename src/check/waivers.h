// Applies waivers (docs/waivers.md) to the findings of a run.
//
// Contracts:
//  - A waiver matches a fail or review finding with its rule id and provider
//    id; with `evidence`, only if one of the finding's evidence paths equals
//    it or lies below it (EvidencePathCovers).
//  - A waiver is valid through its `expires` day: expired means
//    expires < as_of. A valid match makes the finding kWaived (keeping the
//    original outcome in Finding::waiver); an expired one leaves the outcome,
//    records the waiver with expired = true and says so in the message.
//  - When several waivers match one finding, a valid one wins over an expired
//    one, then the one with the longer evidence path, then the earlier one.
//  - Notes, at the waiver's location in its file, sorted by SortDiagnostics:
//    error for an expired waiver that was applied; warnings for a valid one
//    expiring within `warn_expiring_days`, for an expired one that another
//    waiver shadows, and for one that matches no finding (stale). A waiver
//    whose (rule, provider) pair has no finding at all in *findings (filtered
//    out of this run) gets no stale warning: the run cannot tell.
#ifndef VENDORLINT_CHECK_WAIVERS_H_
#define VENDORLINT_CHECK_WAIVERS_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "model/registry.h"
#include "model/waiver.h"
#include "rules/evidence_path.h"
#include "rules/finding.h"
#include "util/date.h"
#include "util/location.h"

namespace vendorlint {

// The default for warn_expiring_days.
inline constexpr int kDefaultWarnExpiringDays = 30;

// True if `path` is `prefix` or a node below it, by whole segments (so
// `data_flows[1]` does not cover `data_flows[12]`): EvidencePath::Covers.
bool EvidencePathCovers(const EvidencePath& prefix, const EvidencePath& path);

// True if `w` matches `f` by rule, provider and evidence (ignoring outcome and
// expiry).
bool WaiverMatches(const Waiver& w, const Finding& f);

// `registry` is accepted for symmetry with the other passes; matching uses the
// literal evidence paths. A negative `warn_expiring_days` disables the
// "expires soon" warnings.
// What waiver `w` does to a finding it matches: a valid one makes it kWaived,
// an expired one says so in the message; both set Finding::waiver.
void ApplyWaiver(const Waiver& w, const Date& as_of, Finding* f);

// ApplyWaivers one finding at a time, for callers that never hold all the
// findings (check/finding_table.h).
class WaiverMatcher {
 public:
  WaiverMatcher(const std::vector<Waiver>& waivers, const Date& as_of);
  // The index of the waiver that applies to `f` (a fail or review), or -1.
  // Remembers which waivers matched and which applied, for Notes.
  int Match(const Finding& f);
  // What waiver `index` does to the finding it applies to (as ApplyWaivers).
  void Apply(size_t index, Finding* f) const;
  // True if waiver `index` has expired.
  bool Expired(size_t index) const;
  // The notes (see above); `evaluated(rule, provider)` says whether the run
  // evaluated that pair.
  void Notes(int warn_expiring_days,
             const std::function<bool(std::string_view, std::string_view)>& evaluated,
             std::vector<Diagnostic>* notes) const;

 private:
  const std::vector<Waiver>& waivers_;
  Date as_of_;
  int64_t today_;
  std::vector<bool> matched_, applied_;
};

void ApplyWaivers(const std::vector<Waiver>& waivers, const Registry& registry, const Date& as_of,
                  int warn_expiring_days, std::vector<Finding>* findings,
                  std::vector<Diagnostic>* notes);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_WAIVERS_H_
