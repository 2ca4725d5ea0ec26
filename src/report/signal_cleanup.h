// Files and folders to remove if the process is interrupted (SIGINT, SIGTERM,
// SIGHUP) while reports are being written, so that Ctrl-C or a CI job's
// cancellation leaves no `.NAME.tmp-XXXXXX` files behind.
//
// The handler is async-signal-safe: it walks a fixed table of pointers (no
// allocation, no locks), calls only unlink(2) and rmdir(2), then restores the
// default action and raises the signal again, so the process still ends "killed
// by SIGTERM" as its parent expects. A signal that was ignored when the first
// path was registered (nohup) stays ignored.
#ifndef VENDORLINT_REPORT_SIGNAL_CLEANUP_H_
#define VENDORLINT_REPORT_SIGNAL_CLEANUP_H_

#include <cstddef>

namespace vendorlint {

// How many paths can be registered at once (temporary files plus folders
// created for them).
inline constexpr size_t kMaxCleanupPaths = 256;

// Registers `path` (which must stay valid until Unregister) for removal on a
// signal: a file is unlinked, a folder removed with rmdir after every file.
// Installs the handlers on first use. Call from one thread at a time. Returns the slot, or -1 if the table is
// full.
int RegisterCleanupPath(const char* path, bool is_folder);
// Forgets a slot returned by RegisterCleanupPath (-1 is ignored).
void UnregisterCleanupPath(int slot);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_SIGNAL_CLEANUP_H_
