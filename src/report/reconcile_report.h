// The formats of `vendorlint reconcile` (check/reconcile.h, docs/render.md):
// text, one `FILE:LINE:COL: drift: message` line per item and a summary line;
// JSON, an object with the counts and a `drift` array.
#ifndef VENDORLINT_REPORT_RECONCILE_REPORT_H_
#define VENDORLINT_REPORT_RECONCILE_REPORT_H_

#include <string>

#include "check/reconcile.h"

namespace vendorlint {

std::string ReconcileText(const Reconciliation& r, const std::string& page,
                          const std::string& registry);
std::string ReconcileJson(const Reconciliation& r, const std::string& page,
                          const std::string& registry);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_RECONCILE_REPORT_H_
