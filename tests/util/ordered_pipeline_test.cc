// OrderedPipeline: produce on every thread, consume in order one at a time,
// never more than `ahead * threads` chunks in flight.
#include "util/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

namespace vendorlint {
namespace {

struct Trace {
  std::vector<int> produced;             // per chunk: how many times produce ran
  std::vector<size_t> consumed;          // chunks in consume order
  std::atomic<int> in_consume{0};        // consume calls running now
  std::atomic<size_t> in_flight{0};      // produced, not yet consumed
  size_t most_in_flight = 0;             // read under consume's serialisation
  bool consume_before_produce = false;
  bool consumes_overlapped = false;
};

void RunPipeline(size_t count, unsigned threads, size_t ahead, Trace* t) {
  t->produced.assign(count, 0);
  std::vector<std::atomic<bool>> ready(count);
  OrderedPipeline(
      count, threads, ahead,
      [&](size_t c) {
        ++t->produced[c];  // each chunk is produced by one thread only
        ++t->in_flight;
        // Uneven work: every seventh chunk is slow.
        volatile unsigned spin = 0;
        for (unsigned k = 0; k < (c % 7 == 0 ? 20000u : 200u); ++k) spin = spin + k;
        ready[c] = true;
      },
      [&](size_t c) {
        if (t->in_consume.fetch_add(1) != 0) t->consumes_overlapped = true;
        if (!ready[c]) t->consume_before_produce = true;
        t->most_in_flight = std::max(t->most_in_flight, t->in_flight.load());
        t->consumed.push_back(c);
        --t->in_flight;
        t->in_consume.fetch_sub(1);
      });
}

TEST(OrderedPipeline, ConsumesEveryChunkOnceInOrderAfterItsProduce) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t ahead : {1u, 4u}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", ahead " + std::to_string(ahead));
      Trace t;
      RunPipeline(2000, threads, ahead, &t);
      std::vector<size_t> want(2000);
      for (size_t i = 0; i < want.size(); ++i) want[i] = i;
      EXPECT_EQ(t.consumed, want);
      EXPECT_EQ(std::count(t.produced.begin(), t.produced.end(), 1), 2000);
      EXPECT_FALSE(t.consume_before_produce);
      EXPECT_FALSE(t.consumes_overlapped);
      // The bound: what is produced and not consumed never exceeds the window.
      EXPECT_LE(t.most_in_flight, ahead * threads);
    }
  }
}

TEST(OrderedPipeline, NoChunksAndMoreThreadsThanChunks) {
  Trace none;
  RunPipeline(0, 4, 2, &none);
  EXPECT_TRUE(none.consumed.empty());
  Trace few;
  RunPipeline(3, 16, 1, &few);
  EXPECT_EQ(few.consumed, (std::vector<size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace vendorlint
