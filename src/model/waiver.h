// A waiver: an approved, dated exception that silences one rule's fail or
// review finding for one provider (see docs/waivers.md). Built by
// LoadWaivers (load/waiver_loader.h), applied by ApplyWaivers (rules/waivers.h).
#ifndef VENDORLINT_MODEL_WAIVER_H_
#define VENDORLINT_MODEL_WAIVER_H_

#include <optional>
#include <string>

#include "util/date.h"
#include "util/location.h"
#include "model/registry.h"

namespace vendorlint {

struct Waiver {
  // The waivers file as given to LoadWaivers: notes about the waiver name it.
  std::string path;
  Location loc;  // the waiver's mapping in the waivers file
  LocatedString rule;
  LocatedString provider;
  // Narrows the waiver to findings with an evidence path equal to this one or
  // below it (`data_flows[2]` covers `data_flows[2].subjects[0]`). Absent:
  // the waiver covers the rule's finding for the provider whatever its cause.
  std::optional<LocatedString> evidence;
  LocatedString justification;
  LocatedString approved_by;
  std::optional<Located<Date>> approved;  // the day it was approved; starts its span
  Located<Date> expires;  // valid through this day (inclusive)
};

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_WAIVER_H_
