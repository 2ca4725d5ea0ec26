// Suggestions for misspelt keys and values ("did you mean `encrypted_at_rest`?").
#ifndef VENDORLINT_UTIL_DID_YOU_MEAN_H_
#define VENDORLINT_UTIL_DID_YOU_MEAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
size_t EditDistance(std::string_view a, std::string_view b);

// Bounds on the work of one suggestion (docs/registry.md "Limits").
inline constexpr size_t kMaxSuggestWordBytes = 128;
inline constexpr size_t kMaxSuggestCandidates = 5000;

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (distance at most max(1, len/3)), else "". Ties go to the first. Longer
// words than kMaxSuggestWordBytes get "", and only the first
// kMaxSuggestCandidates candidates are compared.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean `x`?" or "" — ready to append to a message.
std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_DID_YOU_MEAN_H_
