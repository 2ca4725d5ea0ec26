#include "report/junit_report.h"

#include <cstdint>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "util/escape.h"

#include "util/utf8.h"

namespace vendorlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// A suite's timestamp as the strict Ant schema wants it: ISO 8601 without a
// zone (the run's start, which is UTC), or the --as-of date at midnight when
// the report has no clock (reports built in tests stay reproducible).
std::string Timestamp(const Report& r) {
  if (r.start_time_utc.size() >= 19) return r.start_time_utc.substr(0, 19);
  return r.as_of.ToString() + "T00:00:00";
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
    out += fmt::format("- {}: {} ({})\n", E(e.path.Format()), E(e.message), Where(r, e.loc));
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

Result ResultOf(const FindingVerdict& v, Outcome outcome) {
  // Accepted debt recorded in the baseline does not fail the gate, so it must
  // not show as a failing test either.
  if (v.accepted) return Result::kSkipped;
  switch (outcome) {
    case Outcome::kFail:
    case Outcome::kReview:
      // The CI server must agree with the gate: a fail below --fail-on (or a
      // review without --strict) does not fail it, so it is no <failure>.
      return v.fails_gate ? Result::kFailure : Result::kSkipped;
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
  switch (ResultOf(r.VerdictOf(f), f.outcome)) {
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
      } else if (r.VerdictOf(f).accepted) {
        msg =
            fmt::format("unchanged since the baseline ({}): {}", OutcomeName(f.outcome), f.message);
      } else if (f.outcome == Outcome::kFail) {
        msg = fmt::format("{} fail below --fail-on {}: {}", SeverityName(f.severity),
                          r.policy.fail_on_none ? "none" : SeverityName(r.policy.fail_on),
                          f.message);
      } else if (r.VerdictOf(f).counts_as_fail) {
        msg = fmt::format("{} below --fail-on {}: {}", SeverityName(f.severity),
                          r.policy.fail_on_none ? "none" : SeverityName(r.policy.fail_on), msg);
      }
      return fmt::format("{}>\n      <skipped message=\"{}\">{}</skipped>\n    </testcase>\n", head,
                         Attr(msg), Text(body));
    }
  }
  return "";
}

std::string Properties(const Report& r, const std::string& rule_id, Severity severity) {
  const Rule* rule = r.rules->Find(rule_id);
  std::string out = "    <properties>\n";
  out += fmt::format("      <property name=\"severity\" value=\"{}\"/>\n",
                     SeverityName(severity));
  if (rule)
    out += fmt::format("      <property name=\"title\" value=\"{}\"/>\n", Attr(rule->title));
  out += fmt::format("      <property name=\"as_of\" value=\"{}\"/>\n", r.as_of.ToString());
  out += "    </properties>\n";
  return out;
}

// package, id, timestamp and hostname are what the strict Ant schema requires
// of a suite inside <testsuites>; the hostname is the schema's own fallback
// "localhost", so that the report does not depend on the machine.
std::string SuiteOpen(const Report& r, size_t id, std::string_view name, const Counts& c) {
  return fmt::format(
      "  <testsuite package=\"vendorlint\" id=\"{}\" name=\"{}\" timestamp=\"{}\" "
      "hostname=\"localhost\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
      "time=\"0\">\n",
      id, Attr(name), Timestamp(r), c.tests, c.failures, c.skipped);
}

// The strict Ant schema requires both, after the testcases.
constexpr std::string_view kSuiteClose = "    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n";

std::string WaiverSuite(const Report& r, size_t id, Counts* total) {
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
    // Skipped whatever the severity: a waiver note does not decide the gate
    // (the finding it is about does), and CI must agree with the gate.
    c.Add(Result::kSkipped);
    cases += fmt::format("{}      <skipped message=\"{}: {}\">{}</skipped>\n", head,
                         SeverityName(d.severity), Attr(d.message), body);
    cases += "    </testcase>\n";
  }
  total->tests += c.tests;
  total->failures += c.failures;
  total->skipped += c.skipped;
  return SuiteOpen(r, id, "vendorlint.waivers", c) + "    <properties/>\n" + cases +
         std::string(kSuiteClose);
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
  std::ostringstream out;
  WriteJunitReport(r, out);
  return std::move(out).str();
}

void WriteJunitReport(const Report& r, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  Counts total;
  size_t i = 0;
  size_t id = 0;
  const size_t n = r.FindingCount();
  while (i < n) {
    // One suite per rule. Its counts come first and need no finding made;
    // then its testcases, made a batch at a time (not-applicable pairs are
    // not tests).
    size_t end = i;
    Counts c;
    std::vector<size_t> cases;
    while (end < n && r.RuleIdOf(end) == r.RuleIdOf(i)) {
      const Outcome o = r.OutcomeOf(end);
      if (o != Outcome::kNotApplicable) {
        c.Add(ResultOf(r.VerdictAt(end), o));
        cases.push_back(end);
      }
      ++end;
    }
    out << SuiteOpen(r, id++, r.RuleIdOf(i), c) << Properties(r, r.RuleIdOf(i), r.SeverityOf(i));
    r.ForEachFindingAt(cases, [&](size_t, const Finding& f) { out << Testcase(r, f); });
    out << kSuiteClose;
    total.tests += c.tests;
    total.failures += c.failures;
    total.skipped += c.skipped;
    i = end;
  }
  // No attributes: the strict Ant schema allows none on <testsuites>; the
  // totals are on each suite, where every CI server reads them.
  if (!r.waiver_notes.empty()) out << WaiverSuite(r, id, &total);
  out << "</testsuites>\n";
}

}  // namespace vendorlint
