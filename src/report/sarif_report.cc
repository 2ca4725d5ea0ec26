#include "report/sarif_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <sstream>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "check/baseline.h"
#include "report/gzip_size.h"
#include "report/json_writer.h"
#include "report/sarif_results.h"
#include "report/sarif_rules.h"

namespace vendorlint {
namespace {

using sarif::internal::kSrcRoot;
using sarif::internal::LevelOf;
using sarif::internal::Place;
using sarif::internal::SarifFlavour;
using sarif::internal::WriteLocation;
using sarif::internal::WriteResult;
using sarif::internal::WriteRule;
using sarif::internal::WriteText;

// GitHub's documentation uses this $schema; the Microsoft multitool accepts it.
constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
// Code scanning turns every result into an alert, so it gets only what asks
// for action: fails (an expired waiver's included) and reviews. The dashboard
// also gets passes and waived results (and, separately, absent ones).
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
      WriteLocation(w, Place{d.file, d.line, d.column, {}}, -1, "", "");
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

// The whole log, written to `out`; write_results(w) writes the run's results
// (the elements of its `results` array).
void WriteLog(const Report& r, SarifFlavour flavour,
              const std::function<void(JsonWriter& w)>& write_results,
              const std::vector<std::string>& omissions, std::ostream& out) {
  JsonWriter w(&out);
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
  write_results(w);
  w.EndArray();

  bool dashboard = flavour == SarifFlavour::kDashboard;
  if (r.as_of.year != 0 || dashboard || r.QuestionCount() != 0) {
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
    // The questions behind the review results (docs/output.md, "Questions"):
    // in the run's property bag, so that result counts stay one per finding.
    if (r.QuestionCount() != 0) {
      w.Key("questions");
      w.BeginArray();
      for (size_t qi = 0; qi < r.QuestionCount(); ++qi) {
      const Question q = r.QuestionAt(qi);
        w.BeginObject();
        w.Member("fact", q.fact);
        w.Member("question", q.question);
        w.Member("file", r.Path(q.loc));
        w.Member("line", static_cast<int64_t>(q.loc.line));
        w.Member("column", static_cast<int64_t>(q.loc.column));
        w.Key("blocks");
        w.BeginArray();
        for (size_t i : q.blocks) w.String(r.FingerprintOf(i));
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
  w.Flush();
}

// 0 for error, 1 for warning, 2 for note: the order in which results are kept.
int Rank(const char* level) {
  std::string_view l(level);
  return l == "error" ? 0 : l == "warning" ? 1 : 2;
}

}  // namespace

std::vector<std::string> WriteCodeScanningSarif(const Report& r, std::ostream& out,
                                                const SarifLimits& limits) {
  // The candidates (fails and reviews) and their levels, read without making
  // the findings.
  std::vector<size_t> all;
  std::vector<int> rank;
  for (size_t i = 0; i < r.FindingCount(); ++i) {
    const Outcome o = r.OutcomeOf(i);
    if (o != Outcome::kFail && o != Outcome::kReview) continue;
    all.push_back(i);
    // CodeScanningLevel, from the table.
    const bool note = o == Outcome::kReview && !r.VerdictAt(i).counts_as_fail;
    rank.push_back(Rank(note ? "note" : LevelOf(r.SeverityOf(i))));
  }
  // The most severe first, report order within a level: what is kept when a
  // limit is reached.
  std::vector<size_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rank[a] < rank[b]; });

  // The log with the `keep` most severe results, in report order. The
  // results are made again, a batch at a time, each time the log is written:
  // neither they nor the log (100 MB at 20,000 providers) are held.
  std::vector<std::string> omissions;
  auto write = [&](size_t keep, std::ostream& os) {
    std::vector<size_t> kept;
    kept.reserve(keep);
    for (size_t k = 0; k < keep; ++k) kept.push_back(all[order[k]]);
    std::sort(kept.begin(), kept.end());  // back to report order
    omissions.clear();
    if (keep < all.size()) {
      std::array<size_t, 3> left{};
      for (size_t i = keep; i < order.size(); ++i) ++left[static_cast<size_t>(rank[order[i]])];
      omissions.push_back(fmt::format(
          "the code-scanning SARIF holds the {} most severe of {} results: GitHub accepts at "
          "most {} results and {} bytes gzip-compressed per upload. Left out: {} error, {} "
          "warning and {} note results. Every result is in the JSON report and the dashboard "
          "SARIF (--report sarif-dashboard=PATH).",
          keep, all.size(), limits.max_results, limits.max_gzip_bytes, left[0], left[1],
          left[2]));
    }
    WriteLog(
        r, SarifFlavour::kCodeScanning,
        [&](JsonWriter& w) {
          r.ForEachFindingAt(kept, [&](size_t, const Finding& f) {
            WriteResult(&w, r, f, SarifFlavour::kCodeScanning);
          });
        },
        omissions, os);
  };

  // Measured first (gzip-compressed, nothing kept), then written once.
  size_t keep = std::min(all.size(), limits.max_results);
  while (keep > 0) {
    GzipCounter counter;
    std::ostream measured(&counter);
    write(keep, measured);
    measured.flush();
    const size_t gz = counter.Finish();
    if (gz <= limits.max_gzip_bytes) break;
    // Results are of similar size: scale down, with a margin, and measure again.
    size_t scaled = static_cast<size_t>(static_cast<double>(keep) * 0.9 *
                                        static_cast<double>(limits.max_gzip_bytes) /
                                        static_cast<double>(gz));
    keep = std::min(keep - 1, scaled);
  }
  write(keep, out);
  return omissions;
}

SarifOutput WriteCodeScanningSarif(const Report& r, const SarifLimits& limits) {
  std::ostringstream out;
  SarifOutput result;
  result.omissions = WriteCodeScanningSarif(r, out, limits);
  result.text = std::move(out).str();
  return result;
}

std::string WriteSarifReport(const Report& r) { return WriteCodeScanningSarif(r).text; }

std::string WriteSarifDashboardReport(const Report& r) {
  std::ostringstream out;
  WriteSarifDashboardReport(r, out);
  return std::move(out).str();
}

void WriteSarifDashboardReport(const Report& r, std::ostream& out) {
  // Absent findings last, in a fixed order whatever order the baseline had.
  std::vector<Finding> absent = r.absent;
  SortAbsent(&absent);
  for (Finding& f : absent) f.baseline = BaselineState::kAbsent;  // whatever the caller left
  const OutcomeSet reported = OutcomeBit(Outcome::kPass) | OutcomeBit(Outcome::kFail) |
                              OutcomeBit(Outcome::kReview) | OutcomeBit(Outcome::kWaived);
  WriteLog(
      r, SarifFlavour::kDashboard,
      [&](JsonWriter& w) {
        // Every result, made and rendered a batch at a time on every thread.
        const size_t depth = w.depth();
        r.RenderFindings(
            reported,
            [&](std::span<const Finding> chunk) {
              JsonWriter piece = JsonWriter::ForElementsAt(depth);
              for (const Finding& f : chunk) WriteResult(&piece, r, f, SarifFlavour::kDashboard);
              return piece.str();
            },
            [&](const std::string& text) { w.AppendElements(text); });
        for (const Finding& f : absent) WriteResult(&w, r, f, SarifFlavour::kDashboard);
      },
      {}, out);
}

}  // namespace vendorlint
