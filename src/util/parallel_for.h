// A minimal work-sharing loop for loading files, evaluating and writing on
// all cores.
#ifndef VENDORLINT_UTIL_PARALLEL_FOR_H_
#define VENDORLINT_UTIL_PARALLEL_FOR_H_

#include <cstddef>
#include <functional>

namespace vendorlint {

// Runs fn(i) for every i in [0, n) on up to `threads` threads (0: one per
// core), the caller's among them. Each index runs exactly once; callers write
// results to slot i so that the outcome does not depend on scheduling.
//
// The other threads come from a pool kept for the life of the process: a
// check calls this a thousand times (once per batch of findings), and a
// thread made and joined each time cost a tenth of the work it shared. A call
// made while the pool is busy (from another thread, or from inside fn) gets
// threads of its own instead. Thread-safe.
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_PARALLEL_FOR_H_
