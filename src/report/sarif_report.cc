#include "report/sarif_report.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "report/json_writer.h"

namespace vendorlint {
namespace {

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
// GitHub warns above this many characters (UTF-16 code units) in
// shortDescription/fullDescription and cuts the text itself.
constexpr size_t kMaxDescriptionChars = 1024;

const char* LevelOf(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "warning";
}

// GitHub turns properties["security-severity"] into critical (>= 9.0), high
// (7.0-8.9), medium (4.0-6.9) and low (0.1-3.9). Our rules protect personal
// (often children's) data, so they are security rules: an error rule is high,
// a warning medium, a note low. None is critical: vendorlint reads what the
// registry states, it does not observe a breach.
const char* SecuritySeverityOf(Severity s) {
  switch (s) {
    case Severity::kError:
      return "8.0";
    case Severity::kWarning:
      return "5.0";
    case Severity::kNote:
      return "2.0";
  }
  return "5.0";
}

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

std::string TrimRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// `s` ending in a full stop, so that sentences can be joined.
std::string Sentence(std::string_view s) {
  std::string out = TrimRight(s);
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}

// UTF-16 code units of UTF-8 text, as GitHub (JavaScript) counts characters.
size_t Utf16Length(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

// `s` cut at a word boundary to at most `max` UTF-16 code units, with an
// ellipsis when cut. The full text is still in the rule's help.
std::string Shorten(const std::string& s, size_t max) {
  if (Utf16Length(s) <= max) return s;
  size_t units = 0, cut = 0, last_space = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    size_t w = c >= 0xF0 ? 2 : 1;
    if (units + w > max - 1) break;  // room for the ellipsis (one unit)
    units += w;
    if (c == ' ') last_space = i;
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cut = i + len;
  }
  if (last_space > 0) cut = last_space;
  return TrimRight(std::string_view(s).substr(0, cut)) + "\u2026";
}

// Markdown link text: brackets and backslashes would end or break the link.
std::string MarkdownLinkText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A Markdown link destination; <...> keeps parentheses and spaces inside it.
std::string MarkdownLinkTarget(std::string_view url) {
  if (url.find_first_of("() ") == std::string_view::npos) return std::string(url);
  return fmt::format("<{}>", url);
}

std::string JoinParagraphs(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

bool IsWebUrl(std::string_view url) {
  return (url.starts_with("https://") || url.starts_with("http://")) &&
         url.find_first_of(" \t\n\"<>") == std::string_view::npos;
}

std::string HelpText(const Rule& rule) {
  std::vector<std::string> parts;
  if (!rule.description.empty()) parts.push_back(TrimRight(rule.description));
  if (!rule.rationale.empty()) parts.push_back("Why: " + TrimRight(rule.rationale));
  if (!rule.remediation.empty()) parts.push_back("How to fix: " + TrimRight(rule.remediation));
  if (!rule.references.empty()) {
    std::string refs = "References:";
    for (const Reference& r : rule.references) {
      refs += "\n- " + r.title;
      if (!r.citation.empty()) refs += " (" + r.citation + ")";
      if (!r.url.empty()) refs += ": " + r.url;
    }
    parts.push_back(refs);
  }
  if (parts.empty()) return rule.title.empty() ? rule.id : rule.title;
  return JoinParagraphs(parts);
}

// The rule texts are written as Markdown already (`field` spans), so they are
// copied as they are; only the reference links are built here.
std::string HelpMarkdown(const Rule& rule) {
  std::vector<std::string> parts;
  if (!rule.description.empty()) parts.push_back(TrimRight(rule.description));
  if (!rule.rationale.empty()) parts.push_back("## Why\n\n" + TrimRight(rule.rationale));
  if (!rule.remediation.empty()) parts.push_back("## How to fix\n\n" + TrimRight(rule.remediation));
  if (!rule.references.empty()) {
    std::string refs = "## References\n";
    for (const Reference& r : rule.references) {
      refs += "\n- ";
      refs += r.url.empty()
                  ? r.title
                  : fmt::format("[{}]({})", MarkdownLinkText(r.title), MarkdownLinkTarget(r.url));
      if (!r.citation.empty()) refs += ": " + r.citation;
    }
    parts.push_back(refs);
  }
  if (parts.empty()) return rule.title.empty() ? rule.id : rule.title;
  return JoinParagraphs(parts);
}

void WriteText(JsonWriter* w, std::string_view key, std::string_view text) {
  w->Key(key);
  w->BeginObject();
  w->Member("text", text);
  w->EndObject();
}

void WriteRule(JsonWriter* w, const Rule& rule) {
  w->BeginObject();
  w->Member("id", rule.id);
  w->Member("name", SarifRuleName(rule.id));
  std::string title = rule.title.empty() ? rule.id : TrimRight(rule.title);
  WriteText(w, "shortDescription", Shorten(title, kMaxDescriptionChars));
  std::string description = rule.description.empty() ? title : TrimRight(rule.description);
  WriteText(w, "fullDescription", Shorten(description, kMaxDescriptionChars));
  // GitHub requires help.text even when it shows help.markdown.
  w->Key("help");
  w->BeginObject();
  w->Member("text", HelpText(rule));
  w->Member("markdown", HelpMarkdown(rule));
  w->EndObject();
  for (const Reference& r : rule.references) {
    if (IsWebUrl(r.url)) {
      w->Member("helpUri", r.url);
      break;
    }
  }
  w->Key("defaultConfiguration");
  w->BeginObject();
  w->Member("level", LevelOf(rule.severity));
  w->EndObject();
  w->Key("properties");
  w->BeginObject();
  w->Key("tags");
  w->BeginArray();
  for (const std::string& t : rule.tags) w->String(t);
  w->EndArray();
  // A fail is decided by stated registry facts, not by heuristics.
  w->Member("precision", "high");
  w->Member("security-severity", SecuritySeverityOf(rule.severity));
  w->EndObject();
  w->EndObject();
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

std::string SarifRuleName(std::string_view rule_id) {
  std::string out;
  bool start = true;
  for (char c : rule_id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

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

  if (r.as_of.year != 0) {
    // Rules with within_days/older_than_days depend on it: needed to reproduce a run.
    w.Key("properties");
    w.BeginObject();
    w.Member("asOf", r.as_of.ToString());
    w.EndObject();
  }

  w.EndObject();
  w.EndArray();
  w.EndObject();
  return w.str();
}

}  // namespace vendorlint
