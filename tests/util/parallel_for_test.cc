#include "util/parallel_for.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace vendorlint {
namespace {

// Each index exactly once, whatever the thread count (the pool's threads are
// reused from one call to the next, and a call may want more than before).
TEST(ParallelFor, RunsEveryIndexOnce) {
  for (unsigned threads : {1u, 2u, 4u, 3u, 0u, 8u}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{1000}}) {
      std::vector<std::atomic<int>> seen(n);
      ParallelFor(n, threads, [&](size_t i) { seen[i].fetch_add(1); });
      for (size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i].load(), 1) << threads << " " << n;
    }
  }
}

// A call from inside fn, and calls from several threads at once, find the
// pool busy and use threads of their own: none waits for another forever, and
// each runs every index once.
TEST(ParallelFor, NestedAndConcurrentCallsEachRunEveryIndexOnce) {
  constexpr size_t kOuter = 16, kInner = 50;
  std::vector<std::atomic<int>> seen(kOuter * kInner);
  ParallelFor(kOuter, 4, [&](size_t o) {
    ParallelFor(kInner, 3, [&](size_t i) { seen[o * kInner + i].fetch_add(1); });
  });
  for (auto& s : seen) EXPECT_EQ(s.load(), 1);

  std::vector<std::atomic<int>> counts(4 * 500);
  std::vector<std::thread> callers;
  for (size_t c = 0; c < 4; ++c)
    callers.emplace_back([&, c] {
      for (int round = 0; round < 20; ++round)
        ParallelFor(500, 2, [&](size_t i) { counts[c * 500 + i].fetch_add(1); });
    });
  for (auto& t : callers) t.join();
  for (auto& s : counts) EXPECT_EQ(s.load(), 20);
}

}  // namespace
}  // namespace vendorlint
