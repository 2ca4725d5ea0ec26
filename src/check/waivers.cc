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

WaiverMatcher::WaiverMatcher(const std::vector<Waiver>& waivers, const Date& as_of)
    : waivers_(waivers),
      as_of_(as_of),
      today_(as_of.DaysSinceEpoch()),
      matched_(waivers.size(), false),
      applied_(waivers.size(), false) {}

// Valid through the expiry day itself: "expires: 2026-11-21" still waives on
// 2026-11-21 and stops on 2026-11-22.
bool WaiverMatcher::Expired(size_t i) const {
  return waivers_[i].expires.value.DaysSinceEpoch() < today_;
}

int WaiverMatcher::Match(const Finding& f) {
  if (!Waivable(f.outcome)) return -1;
  int best = -1;
  for (size_t i = 0; i < waivers_.size(); ++i) {
    const Waiver& w = waivers_[i];
    if (!WaiverMatches(w, f)) continue;
    matched_[i] = true;
    // Valid before expired, then the narrowest, then the first in the file.
    bool better = best < 0;
    if (!better) {
      const size_t b = static_cast<size_t>(best);
      better = (Expired(b) && !Expired(i)) ||
               (Expired(b) == Expired(i) && EvidenceLength(w) > EvidenceLength(waivers_[b]));
    }
    if (better) best = static_cast<int>(i);
  }
  if (best >= 0) applied_[static_cast<size_t>(best)] = true;
  return best;
}

void ApplyWaiver(const Waiver& w, const Date& as_of, Finding* f) {
  AppliedWaiver a;
  a.loc = w.loc;
  a.justification = w.justification.value;
  a.approved_by = w.approved_by.value;
  a.expires = w.expires.value.ToString();
  a.expired = w.expires.value.DaysSinceEpoch() < as_of.DaysSinceEpoch();
  a.original = f->outcome;
  if (a.expired) {
    f->message += fmt::format(" (waiver expired on {})", a.expires);
  } else {
    f->outcome = Outcome::kWaived;
  }
  f->waiver = std::move(a);
}

void WaiverMatcher::Apply(size_t index, Finding* f) const {
  ApplyWaiver(waivers_[index], as_of_, f);
}

void WaiverMatcher::Notes(int warn_expiring_days,
                          const std::function<bool(std::string_view, std::string_view)>& evaluated,
                          std::vector<Diagnostic>* notes) const {
  std::vector<Diagnostic> out;
  for (size_t i = 0; i < waivers_.size(); ++i) {
    const Waiver& w = waivers_[i];
    auto note = [&](Severity s, std::string message) {
      out.push_back(Diagnostic{w.path, w.loc.line, w.loc.column, s, std::move(message)});
    };
    const std::string date = w.expires.value.ToString();
    if (!matched_[i]) {
      // A waiver for a pair left out (--rule, --provider) cannot be called stale.
      if (evaluated(w.rule.value, w.provider.value))
        note(Severity::kWarning,
             fmt::format("{} matches no finding (stale); remove it", Subject(w)));
      continue;
    }
    if (Expired(i)) {
      if (applied_[i]) {
        note(Severity::kError,
             fmt::format("{} expired on {}; the finding counts again", Subject(w), date));
      } else {
        note(Severity::kWarning,
             fmt::format("{} expired on {}; remove it (another waiver covers the finding)",
                         Subject(w), date));
      }
      continue;
    }
    int64_t left = w.expires.value.DaysSinceEpoch() - today_;
    if (warn_expiring_days >= 0 && left <= warn_expiring_days)
      note(Severity::kWarning,
           fmt::format("{} expires on {} ({})", Subject(w), date, InDays(left)));
  }
  SortDiagnostics(&out);
  notes->insert(notes->end(), out.begin(), out.end());
}

void ApplyWaivers(const std::vector<Waiver>& waivers, const Registry& /*registry*/,
                  const Date& as_of, int warn_expiring_days, std::vector<Finding>* findings,
                  std::vector<Diagnostic>* notes) {
  WaiverMatcher matcher(waivers, as_of);
  for (Finding& f : *findings) {
    int w = matcher.Match(f);
    if (w >= 0) matcher.Apply(static_cast<size_t>(w), &f);
  }
  // Pairs this run evaluated.
  std::set<std::pair<std::string_view, std::string_view>> evaluated;
  for (const Finding& f : *findings) evaluated.emplace(f.rule_id, f.provider_id);
  matcher.Notes(
      warn_expiring_days,
      [&](std::string_view r, std::string_view p) {
        return evaluated.count({r, p}) > 0;
      },
      notes);
}

}  // namespace vendorlint
