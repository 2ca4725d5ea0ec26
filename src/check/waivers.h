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

#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/location.h"
#include "model/registry.h"
#include "model/waiver.h"
#include "rules/evidence_path.h"
#include "rules/finding.h"

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
void ApplyWaivers(const std::vector<Waiver>& waivers, const Registry& registry, const Date& as_of,
                  int warn_expiring_days, std::vector<Finding>* findings,
                  std::vector<Diagnostic>* notes);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_WAIVERS_H_
