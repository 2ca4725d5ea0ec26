#include "report/sarif_report.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "report/json_writer.h"
#include "report/sarif_rules.h"

namespace vendorlint {
namespace {

using sarif::internal::LevelOf;
using sarif::internal::TrimRight;
using sarif::internal::WriteRule;
using sarif::internal::WriteText;

// GitHub's documentation uses this $schema; the Microsoft multitool accepts it.
constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
// Every relative artifact URI is relative to the repository root, which is
// where vendorlint runs in CI. The run does not know the checkout's absolute
// path (and must not: output is deterministic), so SRCROOT gets a description
// and no uri (SARIF allows that for a root it cannot state; GitHub resolves
// relative URIs against the repository root anyway).
constexpr const char* kSrcRoot = "SRCROOT";
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

// A file and a position in it. line == 0: the file as a whole.
struct Place {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
};

Place PlaceOf(const std::string& path, const Location& loc) {
  return Place{path, loc.line, loc.column};
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
    w->EndObject();
  }
  w->EndObject();
}

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
    return PlaceOf(r.Path(p->id.loc), p->id.loc);
  }
  if (const Rule* rule = r.rules->Find(f.rule_id)) return PlaceOf(rule->path, rule->loc);
  return std::nullopt;
}

void WriteResult(JsonWriter* w, const Report& r, const Finding& f) {
  const Rule* rule = r.rules->Find(f.rule_id);
  const char* kind = KindOf(f);
  w->BeginObject();
  w->Member("ruleId", f.rule_id);
  if (rule) w->Member("ruleIndex", static_cast<int64_t>(rule - r.rules->rules.data()));
  w->Member("kind", kind);
  // SARIF §3.27.10: when kind is not "fail", level SHALL be "none". It is
  // written out rather than left to default, because GitHub (which ignores
  // kind) would otherwise apply the rule's defaultConfiguration.level and
  // show a review, which vendorlint's gate only fails with --strict, as an
  // error. GitHub accepts "none".
  w->Member("level", std::string_view(kind) == "fail" ? LevelOf(f.severity) : "none");
  WriteText(w, "message", ResultMessage(f));

  std::optional<Place> primary;
  if (f.baseline == BaselineState::kAbsent) {
    primary = AbsentPlace(r, f);
  } else {
    primary = PlaceOf(r.Path(f.loc), f.loc);
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
      WriteLocation(w, PlaceOf(r.Path(e.loc), e.loc), id++, TrimRight(e.message), "");
    }
    if (expired) {
      WriteLocation(w, PlaceOf(r.Path(f.waiver->loc), f.waiver->loc), id++,
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
    WriteLocation(w, PlaceOf(r.Path(wv.loc), wv.loc), -1, "", "");
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

bool Reported(const Report& r, const Finding& f) {
  switch (f.outcome) {
    case Outcome::kFail:
    case Outcome::kReview:
    case Outcome::kWaived:
      return true;
    case Outcome::kPass:
      return r.include_passes;
    case Outcome::kNotApplicable:
      return false;
  }
  return false;
}

void WriteInvocation(JsonWriter* w, const Report& r) {
  w->Key("invocations");
  w->BeginArray();
  w->BeginObject();
  // Exit 2 means the inputs were invalid; 1 (the gate failed) is a
  // successful run that found problems.
  w->MemberBool("executionSuccessful", r.exit_code != 2);
  w->Member("exitCode", static_cast<int64_t>(r.exit_code));
  if (!r.start_time_utc.empty()) w->Member("startTimeUtc", r.start_time_utc);
  if (!r.end_time_utc.empty()) w->Member("endTimeUtc", r.end_time_utc);
  if (!r.waiver_notes.empty()) {
    w->Key("toolExecutionNotifications");
    w->BeginArray();
    for (const Diagnostic& d : r.waiver_notes) {
      w->BeginObject();
      w->Key("locations");
      w->BeginArray();
      WriteLocation(w, Place{d.file, d.line, d.column}, -1, "", "");
      w->EndArray();
      WriteText(w, "message", d.message);
      w->Member("level", LevelOf(d.severity));
      w->EndObject();
    }
    w->EndArray();
  }
  w->EndObject();
  w->EndArray();
}

}  // namespace

std::string SarifArtifactUri(std::string_view path) {
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  bool absolute = normal.starts_with('/');
  std::string out = absolute ? "file://" : "";
  for (char ch : normal) {
    unsigned char c = static_cast<unsigned char>(ch);
    // RFC 3986 unreserved characters, sub-delims, '@' and the separator stay;
    // ':' is encoded so that a first segment never reads as a scheme.
    if (std::isalnum(c) || std::string_view("-._~/!$&'()*+,;=@").find(ch) != std::string::npos) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string WriteSarifReport(const Report& r) {
  JsonWriter w;
  w.BeginObject();
  w.Member("$schema", kSchemaUri);
  w.Member("version", "2.1.0");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();

  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Member("name", "vendorlint");
  w.Member("version", VENDORLINT_VERSION);
  w.Member("semanticVersion", VENDORLINT_VERSION);
  w.Member("informationUri", kVendorlintInformationUri);
  w.Key("rules");
  w.BeginArray();
  for (const Rule& rule : r.rules->rules) WriteRule(&w, rule);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  WriteInvocation(&w, r);

  w.Key("originalUriBaseIds");
  w.BeginObject();
  w.Key(kSrcRoot);
  w.BeginObject();
  WriteText(&w, "description",
            "The root of the repository; vendorlint runs there and reports paths relative to it.");
  w.EndObject();
  w.EndObject();

  // GitHub reads the category as everything before the last '/'; the CLI
  // passes --category through unchanged.
  if (!r.category.empty()) {
    w.Key("automationDetails");
    w.BeginObject();
    w.Member("id", r.category);
    w.EndObject();
  }

  // Our columns count Unicode code points (model/location.h).
  w.Member("columnKind", "unicodeCodePoints");

  // GitHub rejects a run without `results`, so the array is always written.
  w.Key("results");
  w.BeginArray();
  for (const Finding& f : r.findings) {
    if (Reported(r, f)) WriteResult(&w, r, f);
  }
  // Absent findings last, in a fixed order whatever order the baseline had.
  std::vector<const Finding*> absent;
  for (const Finding& f : r.absent) absent.push_back(&f);
  std::sort(absent.begin(), absent.end(), [](const Finding* a, const Finding* b) {
    return std::tie(a->rule_id, a->provider_id, a->fingerprint) <
           std::tie(b->rule_id, b->provider_id, b->fingerprint);
  });
  for (const Finding* f : absent) {
    Finding copy = *f;
    copy.baseline = BaselineState::kAbsent;  // whatever the caller left in it
    WriteResult(&w, r, copy);
  }
  w.EndArray();

  if (r.as_of.year != 0 || !r.questions.empty()) {
    w.Key("properties");
    w.BeginObject();
    // Rules with within_days/older_than_days depend on it: needed to reproduce a run.
    if (r.as_of.year != 0) w.Member("asOf", r.as_of.ToString());
    // The questions behind the review results (docs/output.md, "Questions"):
    // in the run's property bag, so that result counts stay one per finding.
    if (!r.questions.empty()) {
      w.Key("questions");
      w.BeginArray();
      for (const Question& q : r.questions) {
        w.BeginObject();
        w.Member("fact", q.fact);
        w.Member("question", q.question);
        w.Member("file", r.Path(q.loc));
        w.Member("line", static_cast<int64_t>(q.loc.line));
        w.Member("column", static_cast<int64_t>(q.loc.column));
        w.Key("blocks");
        w.BeginArray();
        for (size_t i : q.blocks) w.String(r.findings[i].fingerprint);
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }

  w.EndObject();
  w.EndArray();
  w.EndObject();
  return w.str();
}

}  // namespace vendorlint
