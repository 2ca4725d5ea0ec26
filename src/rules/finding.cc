#include "rules/finding.h"

namespace vendorlint {

namespace {
constexpr std::string_view kOutcomeNames[] = {"pass", "fail", "review", "not_applicable", "waived"};
}  // namespace

const char* OutcomeName(Outcome o) { return kOutcomeNames[static_cast<size_t>(o)].data(); }

bool ParseOutcome(std::string_view s, Outcome* out) {
  for (size_t i = 0; i < std::size(kOutcomeNames); ++i) {
    if (kOutcomeNames[i] == s) {
      *out = static_cast<Outcome>(i);
      return true;
    }
  }
  return false;
}

const char* BaselineStateName(BaselineState s) {
  switch (s) {
    case BaselineState::kNone:
      return "";
    case BaselineState::kNew:
      return "new";
    case BaselineState::kUnchanged:
      return "unchanged";
    case BaselineState::kAbsent:
      return "absent";
  }
  return "";
}

}  // namespace vendorlint
