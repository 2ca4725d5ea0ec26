#include "report/sarif_results.h"

#include <optional>

#include <fmt/format.h>

#include "report/sarif_report.h"
#include "report/sarif_rules.h"

namespace vendorlint::sarif::internal {
namespace {

// The key of our own fingerprint in partialFingerprints, versioned so that a
// future change of the algorithm can live beside the old one.
constexpr const char* kFingerprintKey = "vendorlint/v1";

// `kind` for an outcome that is reported as a result. A waived finding keeps
// the kind it had before the waiver (the suppression says it was waived).
// Absent findings come from the baseline, which records fail, review and
// waived but not what a waived one was: anything but review is read as fail.
const char* KindOf(const Finding& f) {
  Outcome o = f.outcome;
  if (o == Outcome::kWaived) o = f.waiver ? f.waiver->original : Outcome::kFail;
  switch (o) {
    case Outcome::kPass:
      return f.baseline == BaselineState::kAbsent ? "fail" : "pass";
    case Outcome::kReview:
      return "review";
    default:
      return "fail";
  }
}

// `s` ending in a full stop, so that sentences can be joined.
std::string Sentence(std::string_view s) {
  std::string out = TrimRight(s);
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}


// A location in a registry file, with its line's text when it was loaded.
Place PlaceIn(const Report& r, const Location& loc) {
  return Place{r.Path(loc), loc.line, loc.column, r.LineText(loc)};
}

bool IsAbsoluteUri(std::string_view uri) { return uri.starts_with("file:"); }

void WritePhysicalLocation(JsonWriter* w, const Place& p) {
  w->Key("physicalLocation");
  w->BeginObject();
  w->Key("artifactLocation");
  w->BeginObject();
  std::string uri = SarifArtifactUri(p.path);
  w->Member("uri", uri);
  // SARIF §3.4.4: an absolute URI has no uriBaseId.
  if (!IsAbsoluteUri(uri)) w->Member("uriBaseId", kSrcRoot);
  w->EndObject();
  if (p.line > 0) {
    w->Key("region");
    w->BeginObject();
    w->Member("startLine", static_cast<int64_t>(p.line));
    if (p.column > 0) w->Member("startColumn", static_cast<int64_t>(p.column));
    // Viewers (GitHub's among them) show the snippet when they cannot fetch
    // the file at the analysed commit.
    if (!p.snippet.empty()) WriteText(w, "snippet", p.snippet);
    w->EndObject();
  }
  w->EndObject();
}

std::string ResultMessage(const Finding& f) {
  std::string text = Sentence(f.message);
  if (!f.evidence.empty()) {
    text += " Evidence: ";
    for (size_t i = 0; i < f.evidence.size(); ++i) {
      if (i > 0) text += "; ";
      text += TrimRight(f.evidence[i].message);
    }
    text = Sentence(text);
  }
  if (f.waiver) {
    const AppliedWaiver& wv = f.waiver.value();
    if (wv.expired) {
      text += fmt::format(" A waiver for this finding (approved by {}) expired on {}.",
                          wv.approved_by, wv.expires);
    } else {
      // Also in the text: GitHub does not read suppressions.
      text += fmt::format(" Waived until {} (approved by {}): {}", wv.expires, wv.approved_by,
                          Sentence(wv.justification));
    }
  }
  if (f.baseline == BaselineState::kAbsent) {
    text += " Fixed: this finding is in the baseline but no longer produced.";
  }
  return text;
}

// Where an absent finding is shown. It has no location of its own (the
// baseline records identities, not lines), but GitHub rejects a result without
// one, so: the provider's `id` if the provider is still in the registry, else
// the rule's `id` in its rule file. If both are gone there is nothing true to
// point at and the result has no location (SARIF allows that).
std::optional<Place> AbsentPlace(const Report& r, const Finding& f) {
  if (const Provider* p = r.registry->FindProvider(f.provider_id)) {
    return PlaceIn(r, p->id.loc);
  }
  if (const Rule* rule = r.rules->Find(f.rule_id)) return PlaceOf(rule->path, rule->loc);
  return std::nullopt;
}

}  // namespace

// A location object. id < 0: none (ids matter only in relatedLocations).
void WriteLocation(JsonWriter* w, const Place& p, int64_t id, std::string_view message,
                   std::string_view provider_id) {
  w->BeginObject();
  if (id >= 0) w->Member("id", id);
  WritePhysicalLocation(w, p);
  if (!provider_id.empty()) {
    // The provider is the logical unit a finding is about; "object" is the
    // SARIF §3.33.7 kind for a structured data value (a YAML mapping here).
    w->Key("logicalLocations");
    w->BeginArray();
    w->BeginObject();
    w->Member("name", provider_id);
    w->Member("kind", "object");
    w->EndObject();
    w->EndArray();
  }
  if (!message.empty()) WriteText(w, "message", message);
  w->EndObject();
}

// The level of a code-scanning result: a fail at its rule's severity; a
// review at "note" (it asks for a look; GitHub shows note as the mildest
// alert), or at its severity with --strict, where the gate counts it as a fail.
const char* CodeScanningLevel(const Report& r, const Finding& f) {
  if (f.outcome == Outcome::kReview && !r.VerdictOf(f).counts_as_fail) return "note";
  return LevelOf(f.severity);
}

void WriteResult(JsonWriter* w, const Report& r, const Finding& f, SarifFlavour flavour) {
  const Rule* rule = r.rules->Find(f.rule_id);
  w->BeginObject();
  w->Member("ruleId", f.rule_id);
  if (rule) w->Member("ruleIndex", static_cast<int64_t>(rule - r.rules->rules.data()));
  if (flavour == SarifFlavour::kCodeScanning) {
    // No kind: it defaults to "fail", which is what GitHub makes of every
    // result anyway; a review says so in its message.
    w->Member("level", CodeScanningLevel(r, f));
    std::string message = ResultMessage(f);
    if (f.outcome == Outcome::kReview) message = "Needs review: " + message;
    WriteText(w, "message", message);
  } else {
    const char* kind = KindOf(f);
    w->Member("kind", kind);
    // SARIF §3.27.10: when kind is not "fail", level SHALL be "none". It is
    // written out rather than left to default, because a viewer that ignores
    // kind would otherwise apply the rule's defaultConfiguration.level.
    w->Member("level", std::string_view(kind) == "fail" ? LevelOf(f.severity) : "none");
    WriteText(w, "message", ResultMessage(f));
  }

  std::optional<Place> primary;
  if (r.VerdictOf(f).fixed) {
    primary = AbsentPlace(r, f);
  } else {
    primary = PlaceIn(r, f.loc);
  }
  if (primary) {
    w->Key("locations");
    w->BeginArray();
    std::string_view first = f.evidence.empty() ? std::string_view() : f.evidence[0].message;
    WriteLocation(w, *primary, -1, TrimRight(first), f.provider_id);
    w->EndArray();
  }

  // Evidence after the first (which is the primary location), and an expired
  // waiver's entry, so that a viewer can jump to each fact.
  bool expired = f.waiver && f.waiver->expired;
  if (f.evidence.size() > 1 || expired) {
    w->Key("relatedLocations");
    w->BeginArray();
    int64_t id = 1;
    for (size_t i = 1; i < f.evidence.size(); ++i) {
      const Evidence& e = f.evidence[i];
      WriteLocation(w, PlaceIn(r, e.loc), id++, TrimRight(e.message), "");
    }
    if (expired) {
      WriteLocation(w, PlaceIn(r, f.waiver->loc), id++,
                    fmt::format("waiver (expired on {})", f.waiver->expires), "");
    }
    w->EndArray();
  }

  if (!f.fingerprint.empty()) {
    w->Key("partialFingerprints");
    w->BeginObject();
    w->Member(kFingerprintKey, f.fingerprint);
    w->EndObject();
  }
  if (f.baseline != BaselineState::kNone) w->Member("baselineState", BaselineStateName(f.baseline));

  if (f.outcome == Outcome::kWaived && f.waiver && !f.waiver->expired) {
    const AppliedWaiver& wv = f.waiver.value();
    // "external": the waiver lives in the waivers file, not beside the fact.
    w->Key("suppressions");
    w->BeginArray();
    w->BeginObject();
    w->Member("kind", "external");
    w->Member("status", "accepted");
    w->Member("justification", wv.justification);
    w->Key("location");
    WriteLocation(w, PlaceIn(r, wv.loc), -1, "", "");
    w->Key("properties");
    w->BeginObject();
    w->Member("approvedBy", wv.approved_by);
    w->Member("expires", wv.expires);
    w->EndObject();
    w->EndObject();
    w->EndArray();
  }
  w->EndObject();
}

}  // namespace vendorlint::sarif::internal
