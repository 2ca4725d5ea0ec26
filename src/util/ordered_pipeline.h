// Work done in parallel and handed on in order: the shape of every pass over
// the finding table (evaluate then merge; make findings then write them).
#ifndef VENDORLINT_UTIL_ORDERED_PIPELINE_H_
#define VENDORLINT_UTIL_ORDERED_PIPELINE_H_

#include <cstddef>
#include <functional>

namespace vendorlint {

// Runs produce(c) for every chunk c in [0, count) on up to `threads` threads
// (0: one per core), the caller's among them, and consume(c) for every c in
// ascending order, one call at a time, each after its produce(c) returned.
// consume runs on whichever thread finds the next chunk produced, while the
// others go on producing: there is no barrier, so an uneven chunk does not
// stall everyone. No produce(c) starts before consume(c - ahead * threads)
// has returned, so at most ahead * threads chunks' results exist at once.
//
// produce(c) may write only what belongs to chunk c; consume may touch
// anything consume touches (its calls are serialised and ordered, and each
// happens after its chunk's produce). Both must not throw. Thread-safe;
// `ahead` must be at least 1.
void OrderedPipeline(size_t count, unsigned threads, size_t ahead,
                     const std::function<void(size_t)>& produce,
                     const std::function<void(size_t)>& consume);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_ORDERED_PIPELINE_H_
