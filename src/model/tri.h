// Three-valued facts. The registry records what a disclosure says; what it does
// not say is unknown, and unknown must never be mistaken for false. Rules combine
// these with Kleene's strong three-valued logic.
#ifndef VENDORLINT_MODEL_TRI_H_
#define VENDORLINT_MODEL_TRI_H_

#include <cstdint>

#include "util/location.h"

namespace vendorlint {

enum class Tri : uint8_t { kFalse = 0, kTrue = 1, kUnknown = 2 };

inline Tri TriFromBool(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

// Kleene: false dominates AND, true dominates OR, NOT unknown is unknown.
inline Tri TriAnd(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kTrue;
}
inline Tri TriOr(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kFalse;
}
inline Tri TriNot(Tri a) {
  if (a == Tri::kUnknown) return Tri::kUnknown;
  return a == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

inline const char* TriName(Tri t) {
  switch (t) {
    case Tri::kFalse:
      return "false";
    case Tri::kTrue:
      return "true";
    case Tri::kUnknown:
      return "unknown";
  }
  return "unknown";
}

// A boolean fact from the registry: unknown (with no location) when the field
// is absent or explicitly `unknown`; otherwise the value and where it was stated.
struct TriFact {
  Tri value = Tri::kUnknown;
  Location loc;
};

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_TRI_H_
