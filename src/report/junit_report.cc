#include "report/junit_report.h"

#include <cstdint>

#include <fmt/format.h>

#include "util/escape.h"

#include "util/utf8.h"

namespace vendorlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Seconds since the epoch of a "YYYY-MM-DDTHH:MM:SS..." UTC time; what follows
// the seconds (a fraction, "Z") is ignored: the run time is in whole seconds.
bool ParseUtcSeconds(std::string_view s, int64_t* out) {
  Date date;
  if (s.size() < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
      !Date::Parse(s.substr(0, 10), &date))
    return false;
  int parts[3] = {0, 0, 0};
  for (size_t k = 0; k < 3; ++k) {
    char hi = s[11 + 3 * k], lo = s[12 + 3 * k];
    if (hi < '0' || hi > '9' || lo < '0' || lo > '9') return false;
    parts[k] = (hi - '0') * 10 + (lo - '0');
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 60) return false;
  *out = date.DaysSinceEpoch() * 86400 + parts[0] * 3600 + parts[1] * 60 + parts[2];
  return true;
}

// The run's wall time for <testsuites time>; "0" when the metadata is missing
// (reports built without a clock stay byte-for-byte reproducible).
std::string RunSeconds(const Report& r) {
  int64_t start = 0, end = 0;
  if (!ParseUtcSeconds(r.start_time_utc, &start) || !ParseUtcSeconds(r.end_time_utc, &end) ||
      end < start)
    return "0";
  return fmt::format("{}", end - start);
}

std::string Attr(std::string_view s) { return XmlEscape(s, true); }
std::string Text(std::string_view s) { return XmlEscape(s, false); }

// Input pieces of the multi-line body are each made one visible line first
// (util/escape.h), so that only the writer's own line breaks are real: the
// body of a report printed to a CI log cannot start a workflow command.
std::string E(std::string_view s) { return Escape(s); }

std::string Where(const Report& r, const Location& loc) {
  return fmt::format("{}:{}:{}", E(r.Path(loc)), loc.line, loc.column);
}

// The plain-text body shared by failures and skips: where, evidence, and the
// waiver (if any) with its own location.
std::string Body(const Report& r, const Finding& f) {
  std::string out = fmt::format("{}: {}\n", Where(r, f.loc), E(f.message));
  for (const Evidence& e : f.evidence)
    out += fmt::format("- {}: {} ({})\n", E(e.path), E(e.message), Where(r, e.loc));
  if (f.waiver) {
    const AppliedWaiver& w = *f.waiver;
    if (w.expired) {
      // The message already says when it expired (see rules/waivers.h).
      out += fmt::format("expired waiver approved by {}: {} ({})\n", E(w.approved_by),
                         E(w.justification), Where(r, w.loc));
    } else {
      out += fmt::format("waived by {} until {}: {} ({})\n", E(w.approved_by), E(w.expires),
                         E(w.justification), Where(r, w.loc));
    }
  }
  if (const Rule* rule = r.rules->Find(f.rule_id); rule && !rule->remediation.empty())
    out += fmt::format("remediation: {}\n", E(rule->remediation));
  return out;
}

std::string ReviewMessage(const Finding& f) {
  std::string msg = "review: " + f.message;
  for (size_t i = 0; i < f.evidence.size(); ++i)
    msg += (i == 0 ? "; unknown: " : ", ") + f.evidence[i].path;
  return msg;
}

enum class Result { kPass, kFailure, kSkipped };

struct Counts {
  size_t tests = 0;
  size_t failures = 0;
  size_t skipped = 0;
  void Add(Result res) {
    ++tests;
    if (res == Result::kFailure) ++failures;
    if (res == Result::kSkipped) ++skipped;
  }
};

Result ResultOf(const Report& r, const Finding& f) {
  // Accepted debt recorded in the baseline does not fail the gate, so it must
  // not show as a failing test either.
  if (f.baseline == BaselineState::kUnchanged && f.outcome != Outcome::kPass)
    return Result::kSkipped;
  switch (f.outcome) {
    case Outcome::kFail:
      return Result::kFailure;
    case Outcome::kReview:
      return r.policy.strict ? Result::kFailure : Result::kSkipped;
    case Outcome::kWaived:
      return Result::kSkipped;
    case Outcome::kPass:
    case Outcome::kNotApplicable:
      break;
  }
  return Result::kPass;
}

std::string Testcase(const Report& r, const Finding& f) {
  std::string head = fmt::format("    <testcase classname=\"vendorlint.{}\" name=\"{}\" time=\"0\"",
                                 Attr(f.rule_id), Attr(f.provider_id));
  switch (ResultOf(r, f)) {
    case Result::kPass:
      return head + "/>\n";
    case Result::kFailure: {
      std::string msg = f.outcome == Outcome::kReview ? ReviewMessage(f) : f.message;
      return fmt::format(
          "{}>\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n", head,
          Attr(msg), SeverityName(f.severity), Text(Body(r, f)));
    }
    case Result::kSkipped: {
      std::string msg = ReviewMessage(f);
      std::string body = Body(r, f);
      if (f.outcome == Outcome::kWaived && f.waiver) {
        const AppliedWaiver& w = *f.waiver;
        msg = fmt::format("waived by {} until {}: {}", w.approved_by, w.expires, w.justification);
        body = fmt::format("was {}: {}", OutcomeName(w.original), body);
      } else if (f.outcome == Outcome::kWaived) {
        msg = "waived";
      } else if (f.baseline == BaselineState::kUnchanged) {
        msg =
            fmt::format("unchanged since the baseline ({}): {}", OutcomeName(f.outcome), f.message);
      }
      return fmt::format("{}>\n      <skipped message=\"{}\">{}</skipped>\n    </testcase>\n", head,
                         Attr(msg), Text(body));
    }
  }
  return "";
}

std::string Properties(const Report& r, const Finding& first) {
  const Rule* rule = r.rules->Find(first.rule_id);
  std::string out = "    <properties>\n";
  out += fmt::format("      <property name=\"severity\" value=\"{}\"/>\n",
                     SeverityName(first.severity));
  if (rule)
    out += fmt::format("      <property name=\"title\" value=\"{}\"/>\n", Attr(rule->title));
  out += fmt::format("      <property name=\"as_of\" value=\"{}\"/>\n", r.as_of.ToString());
  out += "    </properties>\n";
  return out;
}

std::string SuiteOpen(const Report& r, std::string_view name, const Counts& c) {
  std::string ts;
  if (!r.start_time_utc.empty()) ts = fmt::format(" timestamp=\"{}\"", Attr(r.start_time_utc));
  return fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
      "time=\"0\"{}>\n",
      Attr(name), c.tests, c.failures, c.skipped, ts);
}

std::string WaiverSuite(const Report& r, Counts* total) {
  Counts c;
  std::string cases;
  std::string previous;
  size_t repeat = 0;
  for (const Diagnostic& d : r.waiver_notes) {
    // Unique names per classname: GitLab keeps only the first of duplicates.
    std::string name = d.line == 0 ? d.file : fmt::format("{}:{}", d.file, d.line);
    repeat = name == previous ? repeat + 1 : 1;
    previous = name;
    if (repeat > 1) name += fmt::format(" ({})", repeat);
    std::string where = d.line == 0 ? d.file : fmt::format("{}:{}:{}", d.file, d.line, d.column);
    std::string body =
        Text(fmt::format("{}: {}: {}\n", E(where), SeverityName(d.severity), E(d.message)));
    std::string head = fmt::format(
        "    <testcase classname=\"vendorlint.waivers\" name=\"{}\" time=\"0\">\n", Attr(name));
    if (d.severity == Severity::kError) {
      c.Add(Result::kFailure);
      cases += fmt::format("{}      <failure message=\"{}\" type=\"error\">{}</failure>\n", head,
                           Attr(d.message), body);
    } else {
      c.Add(Result::kSkipped);
      cases += fmt::format("{}      <skipped message=\"{}: {}\">{}</skipped>\n", head,
                           SeverityName(d.severity), Attr(d.message), body);
    }
    cases += "    </testcase>\n";
  }
  total->tests += c.tests;
  total->failures += c.failures;
  total->skipped += c.skipped;
  return SuiteOpen(r, "vendorlint.waivers", c) + cases + "  </testsuite>\n";
}

}  // namespace

std::string XmlEscape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {  // malformed UTF-8: one replacement per bad byte
      out += kReplacement;
      ++i;
      continue;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";  // also keeps "]]>" out of character data
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";  // a literal CR would be normalised away by parsers
        break;
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
          out += kReplacement;
        } else if ((cp >= 0x7F && cp <= 0x9F) || IsInvisibleFormatChar(cp)) {
          // Legal in XML, but reorder or hide text in a terminal: a character
          // reference keeps the value and makes it visible.
          out += fmt::format("&#x{:X};", static_cast<uint32_t>(cp));
        } else {
          out.append(s.substr(i, n));
        }
    }
    i += n;
  }
  return out;
}

std::string WriteJunitReport(const Report& r) {
  Counts total;
  std::string suites;
  size_t i = 0;
  while (i < r.findings.size()) {
    size_t end = i;
    Counts c;
    std::string cases;
    while (end < r.findings.size() && r.findings[end].rule_id == r.findings[i].rule_id) {
      const Finding& f = r.findings[end++];
      if (f.outcome == Outcome::kNotApplicable) continue;
      c.Add(ResultOf(r, f));
      cases += Testcase(r, f);
    }
    suites += SuiteOpen(r, r.findings[i].rule_id, c) + Properties(r, r.findings[i]) + cases +
              "  </testsuite>\n";
    total.tests += c.tests;
    total.failures += c.failures;
    total.skipped += c.skipped;
    i = end;
  }
  if (!r.waiver_notes.empty()) suites += WaiverSuite(r, &total);
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"vendorlint\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{}\">\n"
      "{}</testsuites>\n",
      total.tests, total.failures, RunSeconds(r), suites);
}

}  // namespace vendorlint
