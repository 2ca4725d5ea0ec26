// SARIF result objects (and the location objects they hold), for both logs
// sarif_report.cc writes: the code-scanning one and the dashboard one.
// Internal to the SARIF writer.
#ifndef VENDORLINT_REPORT_SARIF_RESULTS_H_
#define VENDORLINT_REPORT_SARIF_RESULTS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "report/json_writer.h"
#include "report/report.h"

namespace vendorlint::sarif::internal {

// Two logs from one writer: what GitHub code scanning gets (every result is an
// alert there) and the dashboard log that keeps every outcome in `kind`.
enum class SarifFlavour { kCodeScanning, kDashboard };

// Every relative artifact URI is relative to the repository root, which is
// where vendorlint runs in CI. The run does not know the checkout's absolute
// path (and must not: output is deterministic), so SRCROOT gets a description
// and no uri (SARIF allows that for a root it cannot state; GitHub resolves
// relative URIs against the repository root anyway).
inline constexpr const char* kSrcRoot = "SRCROOT";

// A file and a position in it. line == 0: the file as a whole.
struct Place {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string_view snippet;  // the line's text, if known
};

inline Place PlaceOf(const std::string& path, const Location& loc) {
  return Place{path, loc.line, loc.column, {}};
}

// A location object. id < 0: none (ids matter only in relatedLocations).
void WriteLocation(JsonWriter* w, const Place& p, int64_t id, std::string_view message,
                   std::string_view provider_id);

// The level of a code-scanning result: a fail at its rule's severity; a
// review at "note" (or at its severity with --strict).
const char* CodeScanningLevel(const Report& r, const Finding& f);

// One result object for `f` in the given log.
void WriteResult(JsonWriter* w, const Report& r, const Finding& f, SarifFlavour flavour);

}  // namespace vendorlint::sarif::internal

#endif  // VENDORLINT_REPORT_SARIF_RESULTS_H_
