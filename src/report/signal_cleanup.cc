#include "report/signal_cleanup.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>

namespace vendorlint {
namespace {

static_assert(std::atomic<const char*>::is_always_lock_free,
              "the signal handler reads the table without locks");

std::atomic<const char*> g_paths[kMaxCleanupPaths];
std::atomic<bool> g_is_folder[kMaxCleanupPaths];

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void RemoveAndReraise(int sig) {
  int saved_errno = errno;
  // Files first: a folder can only be removed once it is empty. Folders are
  // registered parent first, so the last slots are the deepest.
  for (size_t i = 0; i < kMaxCleanupPaths; ++i) {
    const char* p = g_paths[i].load();
    if (p != nullptr && !g_is_folder[i].load()) unlink(p);
  }
  for (size_t i = kMaxCleanupPaths; i-- > 0;) {
    const char* p = g_paths[i].load();
    if (p != nullptr && g_is_folder[i].load()) rmdir(p);
  }
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  errno = saved_errno;
  // The signal is blocked while its handler runs: it is delivered, with the
  // default action, as soon as the handler returns.
  raise(sig);
}

void InstallHandlers() {
  for (int sig : kSignals) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) != 0) continue;
    if (old.sa_handler == SIG_IGN) continue;  // nohup, or a parent that wants it ignored
    struct sigaction sa {};
    sa.sa_handler = RemoveAndReraise;
    sigemptyset(&sa.sa_mask);
    for (int other : kSignals) sigaddset(&sa.sa_mask, other);
    sigaction(sig, &sa, nullptr);
  }
}

}  // namespace

int RegisterCleanupPath(const char* path, bool is_folder) {
  static std::once_flag installed;
  std::call_once(installed, InstallHandlers);
  for (size_t i = 0; i < kMaxCleanupPaths; ++i) {
    if (g_paths[i].load() != nullptr) continue;
    g_is_folder[i].store(is_folder);
    g_paths[i].store(path);
    return static_cast<int>(i);
  }
  return -1;
}

void UnregisterCleanupPath(int slot) {
  if (slot < 0 || static_cast<size_t>(slot) >= kMaxCleanupPaths) return;
  g_paths[static_cast<size_t>(slot)].store(nullptr);
}

}  // namespace vendorlint
