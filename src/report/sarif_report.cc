#include "report/sarif_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <optional>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "report/gzip_size.h"
#include "report/json_writer.h"
#include "report/sarif_rules.h"

namespace vendorlint {
namespace {

using sarif::internal::LevelOf;
using sarif::internal::TrimRight;
using sarif::internal::WriteRule;
using sarif::internal::WriteText;

// Two logs from one writer: what GitHub code scanning gets (every result is an
// alert there) and the dashboard log that keeps every outcome in `kind`.
enum class SarifFlavour { kCodeScanning, kDashboard };

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
  std::string_view snippet;  // the line's text, if known
};

Place PlaceOf(const std::string& path, const Location& loc) {
  return Place{path, loc.line, loc.column, {}};
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
    return PlaceIn(r, p->id.loc);
  }
  if (const Rule* rule = r.rules->Find(f.rule_id)) return PlaceOf(rule->path, rule->loc);
  return std::nullopt;
}

// The level of a code-scanning result: a fail at its rule's severity; a
// review at "note" (it asks for a look; GitHub shows note as the mildest
// alert), or at its severity with --strict, where the gate counts it as a fail.
const char* CodeScanningLevel(const Report& r, const Finding& f) {
  if (f.outcome == Outcome::kReview && !r.policy.strict) return "note";
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
  if (f.baseline == BaselineState::kAbsent) {
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

// Code scanning turns every result into an alert, so it gets only what asks
// for action: fails (an expired waiver's included) and reviews. The dashboard
// also gets passes and waived results (and, separately, absent ones).
bool Reported(const Finding& f, SarifFlavour flavour) {
  switch (f.outcome) {
    case Outcome::kFail:
    case Outcome::kReview:
      return true;
    case Outcome::kWaived:
    case Outcome::kPass:
      return flavour == SarifFlavour::kDashboard;
    case Outcome::kNotApplicable:
      return false;
  }
  return false;
}

void WriteInvocation(JsonWriter* w, const Report& r, const std::vector<std::string>& omissions) {
  w->Key("invocations");
  w->BeginArray();
  w->BeginObject();
  // Exit 2 means the inputs were invalid; 1 (the gate failed) is a
  // successful run that found problems.
  w->MemberBool("executionSuccessful", r.exit_code != 2);
  w->Member("exitCode", static_cast<int64_t>(r.exit_code));
  if (!r.start_time_utc.empty()) w->Member("startTimeUtc", r.start_time_utc);
  if (!r.end_time_utc.empty()) w->Member("endTimeUtc", r.end_time_utc);
  if (!r.waiver_notes.empty() || !omissions.empty()) {
    w->Key("toolExecutionNotifications");
    w->BeginArray();
    for (const std::string& text : omissions) {
      w->BeginObject();
      WriteText(w, "message", text);
      w->Member("level", "warning");
      w->EndObject();
    }
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

namespace {

// The whole log with `results` (in this order) as the run's results.
std::string WriteLog(const Report& r, SarifFlavour flavour,
                     const std::vector<const Finding*>& results,
                     const std::vector<std::string>& omissions) {
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

  WriteInvocation(&w, r, omissions);

  // The repository root is SRCROOT: paths are relative to it.
  if (!r.repository_uri.empty() && !r.revision_id.empty()) {
    w.Key("versionControlProvenance");
    w.BeginArray();
    w.BeginObject();
    w.Member("repositoryUri", r.repository_uri);
    w.Member("revisionId", r.revision_id);
    w.Key("mappedTo");
    w.BeginObject();
    w.Member("uriBaseId", kSrcRoot);
    w.EndObject();
    w.EndObject();
    w.EndArray();
  }

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
  for (const Finding* f : results) WriteResult(&w, r, *f, flavour);
  w.EndArray();

  bool dashboard = flavour == SarifFlavour::kDashboard;
  if (r.as_of.year != 0 || dashboard) {
    w.Key("properties");
    w.BeginObject();
    // Rules with within_days/older_than_days depend on it: needed to reproduce a run.
    if (r.as_of.year != 0) w.Member("asOf", r.as_of.ToString());
    if (dashboard) {
      w.Member("vendorlintSarif", "dashboard");
      w.Member("purpose",
               "Every evaluated outcome for compliance dashboards: result.kind says pass, fail "
               "or review; waived results carry a suppression and fixed ones baselineState "
               "absent. For viewers that honour kind; not for GitHub code scanning, which "
               "ignores kind and would open an alert for every result.");
    }
    w.EndObject();
  }

  w.EndObject();
  w.EndArray();
  w.EndObject();
  return w.str();
}

// 0 for error, 1 for warning, 2 for note: the order in which results are kept.
int Rank(const char* level) {
  std::string_view l(level);
  return l == "error" ? 0 : l == "warning" ? 1 : 2;
}

}  // namespace

SarifOutput WriteCodeScanningSarif(const Report& r, const SarifLimits& limits) {
  std::vector<const Finding*> all;
  for (const Finding& f : r.findings) {
    if (Reported(f, SarifFlavour::kCodeScanning)) all.push_back(&f);
  }
  // The most severe first, report order within a level: what is kept when a
  // limit is reached.
  std::vector<size_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return Rank(CodeScanningLevel(r, *all[a])) < Rank(CodeScanningLevel(r, *all[b]));
  });

  size_t keep = std::min(all.size(), limits.max_results);
  SarifOutput out;
  for (;;) {
    std::vector<size_t> kept(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep));
    std::sort(kept.begin(), kept.end());  // back to report order
    std::vector<const Finding*> results;
    for (size_t i : kept) results.push_back(all[i]);
    out.omissions.clear();
    if (keep < all.size()) {
      std::array<size_t, 3> left{};
      for (size_t i = keep; i < order.size(); ++i)
        ++left[static_cast<size_t>(Rank(CodeScanningLevel(r, *all[order[i]])))];
      out.omissions.push_back(fmt::format(
          "the code-scanning SARIF holds the {} most severe of {} results: GitHub accepts at "
          "most {} results and {} bytes gzip-compressed per upload. Left out: {} error, {} "
          "warning and {} note results. Every result is in the JSON report and the dashboard "
          "SARIF (--report sarif-dashboard=PATH).",
          keep, all.size(), limits.max_results, limits.max_gzip_bytes, left[0], left[1],
          left[2]));
    }
    out.text = WriteLog(r, SarifFlavour::kCodeScanning, results, out.omissions);
    if (keep == 0) break;
    size_t gz = GzipSize(out.text);
    if (gz <= limits.max_gzip_bytes) break;
    // Results are of similar size: scale down, with a margin, and measure again.
    size_t scaled = static_cast<size_t>(static_cast<double>(keep) * 0.9 *
                                        static_cast<double>(limits.max_gzip_bytes) /
                                        static_cast<double>(gz));
    keep = std::min(keep - 1, scaled);
  }
  return out;
}

std::string WriteSarifReport(const Report& r) { return WriteCodeScanningSarif(r).text; }

std::string WriteSarifDashboardReport(const Report& r) {
  std::vector<const Finding*> results;
  for (const Finding& f : r.findings) {
    if (Reported(f, SarifFlavour::kDashboard)) results.push_back(&f);
  }
  // Absent findings last, in a fixed order whatever order the baseline had.
  std::vector<Finding> absent = r.absent;
  std::sort(absent.begin(), absent.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.rule_id, a.provider_id, a.fingerprint) <
           std::tie(b.rule_id, b.provider_id, b.fingerprint);
  });
  for (Finding& f : absent) {
    f.baseline = BaselineState::kAbsent;  // whatever the caller left in it
    results.push_back(&f);
  }
  return WriteLog(r, SarifFlavour::kDashboard, results, {});
}

}  // namespace vendorlint
