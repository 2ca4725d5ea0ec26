#include "util/ordered_pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "util/parallel_for.h"

namespace vendorlint {

void OrderedPipeline(size_t count, unsigned threads, size_t ahead,
                     const std::function<void(size_t)>& produce,
                     const std::function<void(size_t)>& consume) {
  if (count == 0) return;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, count));
  const size_t window = std::max<size_t>(1, ahead) * threads;
  // All state is under `mu`, so a thread that finishes a chunk while another
  // is consuming cannot be missed: the consumer looks again, under the lock,
  // before it gives the role up.
  std::mutex mu;
  std::condition_variable consumed_more;
  std::vector<uint8_t> done(count, 0);
  size_t next = 0;      // the next chunk to produce
  size_t consumed = 0;  // chunks [0, consumed) are consumed
  bool consuming = false;
  ParallelFor(threads, threads, [&](size_t) {
    std::unique_lock lock(mu);
    for (;;) {
      if (next == count) return;
      const size_t c = next++;
      // Chunk `consumed` is held by a thread that is not waiting here (it is
      // below any bound), so consumption moves on and this wait ends.
      consumed_more.wait(lock, [&] { return c < consumed + window; });
      lock.unlock();
      produce(c);
      lock.lock();
      done[c] = 1;
      if (consuming) continue;  // the consuming thread will reach chunk c
      consuming = true;
      for (;;) {
        size_t to = consumed;
        while (to < count && done[to]) ++to;
        if (to == consumed) break;
        const size_t from = consumed;
        lock.unlock();
        for (size_t k = from; k < to; ++k) consume(k);
        lock.lock();
        consumed = to;
        consumed_more.notify_all();
      }
      consuming = false;
    }
  });
}

}  // namespace vendorlint
