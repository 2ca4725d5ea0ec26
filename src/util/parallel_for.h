// A minimal work-sharing loop for loading files on all cores.
#ifndef VENDORLINT_UTIL_PARALLEL_FOR_H_
#define VENDORLINT_UTIL_PARALLEL_FOR_H_

#include <cstddef>
#include <functional>

namespace vendorlint {

// Runs fn(i) for every i in [0, n) on up to `threads` threads (0: one per
// core). Each index runs exactly once; callers write results to slot i so that
// the outcome does not depend on scheduling.
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_PARALLEL_FOR_H_
