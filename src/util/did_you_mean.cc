#include "util/did_you_mean.h"

#include <algorithm>

#include <fmt/format.h>

namespace vendorlint {

size_t EditDistance(std::string_view a, std::string_view b) {
  const size_t m = b.size();
  // Three rolling rows (the transposition looks two rows back): O(m) memory.
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  // Long words (dotted taxonomy keys) are compared whole; the threshold grows
  // with length so that `user.contact.emial` still finds `user.contact.email`.
  // The work is bounded: words over kMaxSuggestWordBytes get no suggestion and
  // only the first kMaxSuggestCandidates candidates are looked at, so one call
  // costs at most about kMaxSuggestCandidates * kMaxSuggestWordBytes^2 steps.
  if (word.size() > kMaxSuggestWordBytes) return "";
  size_t limit = std::max<size_t>(1, word.size() / 3);
  size_t best = limit + 1;
  std::string best_word;
  size_t n = std::min(candidates.size(), kMaxSuggestCandidates);
  for (size_t i = 0; i < n; ++i) {
    const std::string& c = candidates[i];
    if (c.size() > word.size() + limit || word.size() > c.size() + limit) continue;
    size_t dist = EditDistance(word, c);
    if (dist < best) {
      best = dist;
      best_word = c;
    }
  }
  return best_word;
}

std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates) {
  std::string m = ClosestMatch(word, candidates);
  if (m.empty() || m == word) return "";
  return fmt::format("; did you mean `{}`?", m);
}

}  // namespace vendorlint
