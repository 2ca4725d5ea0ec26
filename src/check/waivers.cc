#include "check/waivers.h"

#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace vendorlint {
namespace {

bool Waivable(Outcome o) { return o == Outcome::kFail || o == Outcome::kReview; }

// "waiver for rule `r` on provider `p`" (plus " at `e`" when narrowed).
std::string Subject(const Waiver& w) {
  std::string s =
      fmt::format("waiver for rule `{}` on provider `{}`", w.rule.value, w.provider.value);
  if (w.evidence) s += fmt::format(" at `{}`", w.evidence->value);
  return s;
}

size_t EvidenceLength(const Waiver& w) { return w.evidence ? w.evidence->value.size() : 0; }

std::string InDays(int64_t days) {
  if (days == 0) return "today";
  if (days == 1) return "in 1 day";
  return fmt::format("in {} days", days);
}

}  // namespace

bool EvidencePathCovers(const EvidencePath& prefix, const EvidencePath& path) {
  return prefix.Covers(path);
}

bool WaiverMatches(const Waiver& w, const Finding& f) {
  if (w.rule.value != f.rule_id || w.provider.value != f.provider_id) return false;
  if (!w.evidence) return true;
  // The loader has checked the text (LoadWaivers), so it parses.
  const EvidencePath narrowed(w.evidence->value);
  for (const auto& e : f.evidence)
    if (narrowed.Covers(e.path)) return true;
  return false;
}

void ApplyWaivers(const std::vector<Waiver>& waivers, const Registry& /*registry*/,
                  const Date& as_of, int warn_expiring_days, std::vector<Finding>* findings,
                  std::vector<Diagnostic>* notes) {
  const int64_t today = as_of.DaysSinceEpoch();
  // Valid through the expiry day itself: "expires: 2026-11-21" still waives on
  // 2026-11-21 and stops on 2026-11-22.
  auto expired = [&](const Waiver& w) { return w.expires.value.DaysSinceEpoch() < today; };

  std::vector<bool> matched(waivers.size(), false);
  std::vector<bool> applied(waivers.size(), false);
  for (Finding& f : *findings) {
    if (!Waivable(f.outcome)) continue;
    const Waiver* best = nullptr;
    size_t best_index = 0;
    for (size_t i = 0; i < waivers.size(); ++i) {
      const Waiver& w = waivers[i];
      if (!WaiverMatches(w, f)) continue;
      matched[i] = true;
      // Valid before expired, then the narrowest, then the first in the file.
      bool better = best == nullptr || (expired(*best) && !expired(w)) ||
                    (expired(*best) == expired(w) && EvidenceLength(w) > EvidenceLength(*best));
      if (better) {
        best = &w;
        best_index = i;
      }
    }
    if (best == nullptr) continue;
    applied[best_index] = true;
    AppliedWaiver a;
    a.loc = best->loc;
    a.justification = best->justification.value;
    a.approved_by = best->approved_by.value;
    a.expires = best->expires.value.ToString();
    a.expired = expired(*best);
    a.original = f.outcome;
    if (a.expired) {
      f.message += fmt::format(" (waiver expired on {})", a.expires);
    } else {
      f.outcome = Outcome::kWaived;
    }
    f.waiver = std::move(a);
  }

  // Pairs this run evaluated: a waiver for a pair left out (--rule, --provider)
  // cannot be called stale.
  std::set<std::pair<std::string_view, std::string_view>> evaluated;
  for (const Finding& f : *findings) evaluated.emplace(f.rule_id, f.provider_id);

  std::vector<Diagnostic> out;
  for (size_t i = 0; i < waivers.size(); ++i) {
    const Waiver& w = waivers[i];
    auto note = [&](Severity s, std::string message) {
      out.push_back(Diagnostic{w.path, w.loc.line, w.loc.column, s, std::move(message)});
    };
    const std::string date = w.expires.value.ToString();
    if (!matched[i]) {
      if (evaluated.count({w.rule.value, w.provider.value}))
        note(Severity::kWarning,
             fmt::format("{} matches no finding (stale); remove it", Subject(w)));
      continue;
    }
    if (expired(w)) {
      if (applied[i]) {
        note(Severity::kError,
             fmt::format("{} expired on {}; the finding counts again", Subject(w), date));
      } else {
        note(Severity::kWarning,
             fmt::format("{} expired on {}; remove it (another waiver covers the finding)",
                         Subject(w), date));
      }
      continue;
    }
    int64_t left = w.expires.value.DaysSinceEpoch() - today;
    if (warn_expiring_days >= 0 && left <= warn_expiring_days)
      note(Severity::kWarning,
           fmt::format("{} expires on {} ({})", Subject(w), date, InDays(left)));
  }
  SortDiagnostics(&out);
  notes->insert(notes->end(), out.begin(), out.end());
}

}  // namespace vendorlint
