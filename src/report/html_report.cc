#include "report/html_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "report/data_map.h"
#include "report/html_providers.h"
#include "report/html_style.h"
#include "report/processor_notice.h"
#include "report/registry_facts.h"

namespace vendorlint {
namespace {

constexpr size_t kMaxMapProviders = 500;
// A rule's findings in a section beyond this many are one line each (with
// their anchors, so every link still lands), and a question row links at
// most this many findings and answer lines: a rule that fails for thousands
// of providers must not make the report too large to open or print (20,000
// providers: 556 MB before).
constexpr size_t kDetailsInFull = 50;
constexpr size_t kMaxRowLinks = 100;

bool NeedsDetail(Outcome o) {
  return o == Outcome::kFail || o == Outcome::kReview || o == Outcome::kWaived;
}

std::string FindingAnchor(std::string_view rule_id, std::string_view provider_id) {
  return HtmlAnchor("f", rule_id, provider_id);
}
std::string FindingAnchor(const Finding& f) { return FindingAnchor(f.rule_id, f.provider_id); }
std::string FindingAnchor(const Report& r, size_t i) {
  return FindingAnchor(r.RuleIdOf(i), r.ProviderIdOf(i));
}

std::string Where(const Report& r, const Location& loc) {
  if (!loc.valid() || loc.file >= r.registry->files.size()) return "";
  return fmt::format("<span class=\"path\">{}:{}</span>", HtmlEscape(r.Path(loc)), loc.line);
}

std::string ProviderLabel(const Report& r, std::string_view id) {
  const Provider* p = r.registry->FindProvider(id);
  return p ? ProviderName(*p) : std::string(id);
}

// One finding in full: message, where, evidence, the rule's citations and
// remediation, and its waiver.
std::string Detail(const Report& r, const Finding& f) {
  const Rule* rule = r.rules->Find(f.rule_id);
  std::string outcome = OutcomeName(f.outcome);
  std::string out = fmt::format(
      "<article class=\"finding {0}\" id=\"{1}\">\n<h3><span class=\"label {0}\">{0}</span> "
      "<a href=\"#{2}\">{3}</a> · {4}</h3>\n",
      outcome, FindingAnchor(f), HtmlAnchor("p", f.provider_id),
      HtmlEscape(ProviderLabel(r, f.provider_id)), HtmlEscape(rule ? rule->title : f.rule_id));
  out += fmt::format("<p>{}</p>\n<p class=\"meta\">rule <a href=\"#{}\"><code>{}</code></a>, "
                     "severity {} {}</p>\n",
                     HtmlEscape(f.message), HtmlAnchor("r", f.rule_id), HtmlEscape(f.rule_id),
                     SeverityName(f.severity), Where(r, f.loc));
  if (!f.evidence.empty()) {
    out += "<p><strong>Evidence</strong></p>\n<ul>\n";
    for (const Evidence& e : f.evidence)
      out += fmt::format("<li><code>{}</code>: {} {}</li>\n", HtmlEscape(e.path.Format()),
                         HtmlEscape(e.message), Where(r, e.loc));
    out += "</ul>\n";
  }
  if (rule && !rule->references.empty()) {
    out += "<p><strong>Citations</strong></p>\n<ul>\n";
    for (const Reference& ref : rule->references) {
      std::string item = HtmlEscape(ref.title);
      if (!ref.citation.empty()) item += " (" + HtmlEscape(ref.citation) + ")";
      if (!ref.url.empty()) item += " " + HtmlUrl(ref.url);
      out += "<li>" + item + "</li>\n";
    }
    out += "</ul>\n";
  }
  if (rule && !rule->remediation.empty())
    out += "<p><strong>Remediation</strong>: " + HtmlEscape(rule->remediation) + "</p>\n";
  if (f.waiver) {
    const AppliedWaiver& w = *f.waiver;
    out += fmt::format("<p><strong>Waiver</strong> {} by {}, {} {}: {} {}</p>\n",
                       w.expired ? "<span class=\"label fail\">expired</span> approved" : "approved",
                       HtmlEscape(w.approved_by), w.expired ? "expired" : "expires",
                       HtmlEscape(w.expires), HtmlEscape(w.justification), Where(r, w.loc));
  }
  return out + "</article>\n";
}

// One finding on one line: outcome, provider, message and where; its anchor
// is the full card's.
std::string Compact(const Report& r, const Finding& f) {
  const std::string outcome = OutcomeName(f.outcome);
  return fmt::format(
      "<li class=\"finding-line {0}\" id=\"{1}\"><span class=\"label {0}\">{0}</span> "
      "<a href=\"#{2}\">{3}</a>: {4} {5}</li>\n",
      outcome, FindingAnchor(f), HtmlAnchor("p", f.provider_id),
      HtmlEscape(ProviderLabel(r, f.provider_id)), HtmlEscape(f.message), Where(r, f.loc));
}

// The findings at `indices` (in rule order): each rule's first kDetailsInFull
// in full, its others one line each under a note that says how many.
void Details(std::ostream& out, const Report& r, const std::vector<size_t>& indices) {
  const std::vector<RunPlace> places = PlacesInRuleRuns(r, indices);
  size_t at = 0;
  r.ForEachFindingAt(indices, [&](size_t, const Finding& f) {
    const RunPlace place = places[at++];
    if (place.nth <= kDetailsInFull) {
      out << Detail(r, f);
      return;
    }
    if (place.nth == kDetailsInFull + 1)
      out << fmt::format(
          "<p class=\"more\">{} more findings of <a href=\"#{}\"><code>{}</code></a>, one line "
          "each: the rule's citations and remediation are above and under Rules; the JSON report "
          "has each one's evidence.</p>\n<ul class=\"finding-lines\">\n",
          place.of - kDetailsInFull, HtmlAnchor("r", f.rule_id), HtmlEscape(f.rule_id));
    out << Compact(r, f);
    if (place.nth == place.of) out << "</ul>\n";
  });
}

void Header(std::ostream& out, const Report& r) {
  const ReportSummary& s = r.summary;
  std::string org = r.registry->organization.name.value;
  out << fmt::format(
      "<header>\n<h1>Vendor compliance report{}</h1>\n<p class=\"meta\">as of {} · {} providers · "
      "{} rules · gate <code>--fail-on {}{}</code></p>\n<p><span class=\"verdict {}\">Gate {}</span></p>\n",
      org.empty() ? "" : ": " + HtmlEscape(org), r.as_of.ToString(), s.providers, s.rules,
      r.policy.fail_on_none ? "none" : SeverityName(r.policy.fail_on),
      r.policy.strict ? " --strict" : "", s.gate_pass ? "passed" : "failed",
      s.gate_pass ? "passed" : "failed");
  out << fmt::format(
      "<table class=\"counts\"><tr><th>fail</th><th>review</th><th>waived</th><th>pass</th>"
      "<th>not applicable</th></tr>\n<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
      "</tr></table>\n</header>\n",
      s.count(Outcome::kFail), s.count(Outcome::kReview), s.count(Outcome::kWaived),
      s.count(Outcome::kPass), s.count(Outcome::kNotApplicable));
  out << "<nav><h2>Contents</h2><ul><li><a href=\"#gate\">Gate-failing findings</a></li>"
          "<li><a href=\"#review\">Needs review</a></li>";
  if (r.changes != nullptr) out << "<li><a href=\"#changes\">Changes since the base</a></li>";
  if (r.has_baseline) out << "<li><a href=\"#baseline\">Since the baseline</a></li>";
  out << "<li><a href=\"#map\">Data map</a></li><li><a href=\"#matrix\">Providers and rules</a></li>"
          "<li><a href=\"#other\">Finding details</a></li><li><a href=\"#providers\">Providers</a></li>"
          "<li><a href=\"#waivers\">Waivers</a></li><li><a href=\"#rules\">Rules</a></li></ul></nav>\n";
}

void Matrix(std::ostream& out, const Report& r) {
  if (r.registry->providers.size() > kMaxMapProviders) {
    // A row per provider and a cell per rule: at 20,000 providers over 100 MB
    // that no browser shows usefully; the JSON report has every cell.
    out << fmt::format(
        "<section id=\"matrix\">\n<h2>Providers and rules</h2>\n<p>The matrix is left out: {} "
        "providers are more than the {} a readable table holds. <code>vendorlint check --format "
        "json</code> lists every finding.</p>\n</section>\n",
        r.registry->providers.size(), kMaxMapProviders);
    return;
  }
  // The columns are the rules the findings cover, by id; a cell is the last
  // finding for its (provider, rule).
  std::set<std::string_view> rule_set;
  for (size_t i = 0; i < r.FindingCount(); ++i) rule_set.insert(r.RuleIdOf(i));
  const std::vector<std::string_view> rule_ids(rule_set.begin(), rule_set.end());
  std::unordered_map<std::string_view, size_t> column, slot;
  for (size_t c = 0; c < rule_ids.size(); ++c) column.emplace(rule_ids[c], c);
  for (const Provider& p : r.registry->providers) slot.emplace(p.id.value, slot.size());
  constexpr size_t kEmpty = static_cast<size_t>(-1);
  std::vector<size_t> cells(slot.size() * rule_ids.size(), kEmpty);
  for (size_t i = 0; i < r.FindingCount(); ++i) {
    auto s = slot.find(r.ProviderIdOf(i));
    if (s != slot.end()) cells[s->second * rule_ids.size() + column.at(r.RuleIdOf(i))] = i;
  }
  out << "<section id=\"matrix\">\n<h2>Providers and rules</h2>\n<p class=\"legend\">"
         "<span><i class=\"swatch\" style=\"background:var(--fail)\"></i>✗ fail</span>"
         "<span><i class=\"swatch\" style=\"background:var(--review)\"></i>? review</span>"
         "<span><i class=\"swatch\" style=\"background:var(--waived)\"></i>W waived</span>"
         "<span><i class=\"swatch\" style=\"background:var(--pass)\"></i>✓ pass</span>"
         "<span><i class=\"swatch\" style=\"background:#eeeeee\"></i>· not applicable</span></p>\n"
         "<table class=\"matrix\">\n<thead><tr><th>provider</th>";
  for (std::string_view id : rule_ids) {
    const Rule* rule = r.rules->Find(id);
    out << fmt::format("<th class=\"rule\" title=\"{}\">{}</th>",
                       HtmlEscape(rule ? std::string_view(rule->title) : id), HtmlEscape(id));
  }
  out << "</tr></thead>\n<tbody>\n";
  std::string row;
  for (const Provider& p : r.registry->providers) {
    row = fmt::format("<tr><th><a href=\"#{}\">{}</a></th>", HtmlAnchor("p", p.id.value),
                      HtmlEscape(ProviderName(p)));
    const size_t first = slot.at(p.id.value) * rule_ids.size();
    for (size_t c = 0; c < rule_ids.size(); ++c) {
      const size_t i = cells[first + c];
      if (i == kEmpty) {
        row += "<td class=\"cell\"></td>";
        continue;
      }
      static const char* const kMark[] = {"✓", "✗", "?", "·", "W"};
      const Outcome o = r.OutcomeOf(i);
      std::string target = NeedsDetail(o) ? FindingAnchor(r, i) : HtmlAnchor("r", r.RuleIdOf(i));
      row += fmt::format("<td class=\"cell {0}\"><a href=\"#{1}\" title=\"{0}: {2}\">{3}</a></td>",
                         OutcomeName(o), target, HtmlEscape(r.MessageOf(i)),
                         kMark[static_cast<size_t>(o)]);
    }
    row += "</tr>\n";
    out << row;
  }
  out << "</tbody></table>\n</section>\n";
}

void Waivers(std::ostream& out, const Report& r) {
  out << "<section id=\"waivers\">\n<h2>Waivers</h2>\n";
  std::vector<size_t> waived;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.HasWaiverAt(i)) waived.push_back(i);
  if (waived.empty()) {
    out << "<p>No waiver applies.</p>\n";
  } else {
    out << "<table><tr><th>rule</th><th>provider</th><th>approved by</th><th>expires</th>"
           "<th>was</th><th>justification</th></tr>\n";
    r.ForEachFindingAt(waived, [&](size_t, const Finding& f) {
      const AppliedWaiver& w = *f.waiver;
      out << fmt::format(
          "<tr><td><a href=\"#{}\"><code>{}</code></a></td><td>{}</td><td>{}</td><td>{}{}</td>"
          "<td>{}</td><td>{}</td></tr>\n",
          FindingAnchor(f), HtmlEscape(f.rule_id), HtmlEscape(ProviderLabel(r, f.provider_id)),
          HtmlEscape(w.approved_by), HtmlEscape(w.expires),
          w.expired ? " <span class=\"label fail\">expired</span>" : "", OutcomeName(w.original),
          HtmlEscape(w.justification));
    });
    out << "</table>\n";
  }
  if (!r.waiver_notes.empty()) {
    out << "<h3>Waiver notes</h3>\n<ul>\n";
    for (const Diagnostic& d : r.waiver_notes)
      out << fmt::format("<li>{}: <span class=\"path\">{}:{}</span>: {}</li>\n",
                         SeverityName(d.severity), HtmlEscape(d.file), d.line,
                         HtmlEscape(d.message));
    out << "</ul>\n";
  }
  out << "</section>\n";
}

// With `check --base`: the registry changes since the base, after the
// verdict. Impacts, reasons and the Art. 28 notices come from the check layer
// and report/processor_notice.h; this only lays them out.
void Changes(std::ostream& out, const Report& r) {
  if (r.changes == nullptr) return;
  const RegistryDiff& d = *r.changes;
  out << fmt::format(
      "<section id=\"changes\">\n<h2>Changes since {}</h2>\n<table class=\"counts\"><tr><th>high</th>"
      "<th>medium</th><th>low</th></tr>\n<tr><td>{}</td><td>{}</td><td>{}</td></tr></table>\n",
      HtmlEscape(r.base_label), d.Count(Impact::kHigh), d.Count(Impact::kMedium), d.Count(Impact::kLow));
  std::string rows;
  for (const RegistryChange& c : d.changes) {
    if (c.impact != Impact::kHigh && c.impact != Impact::kMedium) continue;
    std::string change = HtmlEscape(c.message);
    if (!c.before.empty() && !c.after.empty())
      change += ": " + HtmlEscape(c.before) + " → " + HtmlEscape(c.after);
    rows += fmt::format(
        "<tr class=\"{0}\"><td><span class=\"label {0}\">{0}</span></td><td><a href=\"#{1}\">{2}</a></td>"
        "<td>{3}</td><td>{4}</td><td>{5}</td></tr>\n",
        ImpactName(c.impact), HtmlAnchor("p", c.provider), HtmlEscape(c.provider_name), change,
        Where(r, c.loc),
        HtmlEscape(c.reason));
  }
  if (rows.empty()) {
    out << "<p>No high- or medium-impact change.</p>\n";
  } else {
    out << "<table class=\"changes\"><thead><tr><th>impact</th><th>provider</th><th>change</th>"
           "<th>where</th><th>why</th></tr></thead>\n<tbody>\n" << rows << "</tbody></table>\n";
  }
  for (const Provider* p : NewProcessors(d, *r.registry)) {
    ProcessorNotice n = NoticeFor(*p);
    out << fmt::format(
        "<div class=\"notice\">\n<h3>Art. 28 notice: {}</h3>\n<dl class=\"facts\"><dt>Who</dt><dd>{}</dd>"
        "<dt>Where</dt><dd>{}</dd><dt>What data</dt><dd>{}</dd><dt>For what</dt><dd>{}</dd></dl>\n</div>\n",
        HtmlEscape(n.name), HtmlEscape(n.who), HtmlEscape(n.where), HtmlEscape(n.what), HtmlEscape(n.why));
  }
  if (r.has_baseline)
    out << "<p><a href=\"#baseline\">The findings new and fixed since the base</a></p>\n";
  out << "</section>\n";
}

void Baseline(std::ostream& out, const Report& r) {
  if (!r.has_baseline) return;
  // With --base the base's findings are the baseline (check_command.cc).
  out << fmt::format("<section id=\"baseline\">\n<h2>{}</h2>\n<h3>New</h3>\n<ul>\n",
                     r.changes ? "Findings since " + HtmlEscape(r.base_label) : "Since the baseline");
  size_t n = 0;
  for (size_t i = 0; i < r.FindingCount(); ++i) {
    if (!r.VerdictAt(i).is_new) continue;
    ++n;
    out << fmt::format("<li><a href=\"#{}\">{} · <code>{}</code></a>: {}</li>\n",
                       FindingAnchor(r, i), HtmlEscape(ProviderLabel(r, r.ProviderIdOf(i))),
                       HtmlEscape(r.RuleIdOf(i)), HtmlEscape(r.MessageOf(i)));
  }
  if (n == 0) out << "<li>nothing new</li>\n";
  out << "</ul>\n<h3>Fixed</h3>\n<ul>\n";
  for (const Finding& f : r.absent)
    out << fmt::format("<li>{} · <code>{}</code>: {}</li>\n",
                       HtmlEscape(ProviderLabel(r, f.provider_id)), HtmlEscape(f.rule_id),
                       HtmlEscape(f.message));
  if (r.absent.empty()) out << "<li>nothing fixed</li>\n";
  out << "</ul>\n</section>\n";
}

void Rules(std::ostream& out, const Report& r) {
  out << "<section id=\"rules\">\n<h2>Rules</h2>\n";
  for (const Rule& rule : r.rules->rules) {
    out << fmt::format("<article id=\"{}\"><h3><code>{}</code> {}</h3>\n<p class=\"meta\">severity {}</p>\n",
                        HtmlAnchor("r", rule.id), HtmlEscape(rule.id), HtmlEscape(rule.title),
                        SeverityName(rule.severity));
    if (!rule.description.empty()) out << "<p>" << HtmlEscape(rule.description) << "</p>\n";
    for (const Reference& ref : rule.references) {
      out << "<p>Citation: " << HtmlEscape(ref.title);
      if (!ref.citation.empty()) out << " (" << HtmlEscape(ref.citation) << ")";
      if (!ref.url.empty()) out << " " << HtmlUrl(ref.url);
      out << "</p>\n";
    }
    if (!rule.remediation.empty())
      out << "<p><strong>Remediation</strong>: " << HtmlEscape(rule.remediation) << "</p>\n";
    out << "</article>\n";
  }
  out << "</section>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string HtmlAnchor(std::string_view prefix, std::string_view a, std::string_view b) {
  std::string out(prefix);
  auto add = [&out](std::string_view part) {
    out += '-';
    for (char ch : part) {
      unsigned char c = static_cast<unsigned char>(ch);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        out += ch;
      } else {
        out += fmt::format("_{:02X}", c);
      }
    }
  };
  add(a);
  if (!b.empty()) {
    out += '-';
    add(b);
  }
  return out;
}

void WriteHtmlReport(const Report& r, std::ostream& out) {
  std::string org = r.registry->organization.name.value;
  out << fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Belt and braces: even a link someone adds by hand loads nothing.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>vendorlint report{} as of {}</title>\n<style>{}</style>\n</head>\n<body>\n",
      org.empty() ? "" : ": " + HtmlEscape(org), r.as_of.ToString(), kHtmlStyle);
  Header(out, r);
  Changes(out, r);

  // The findings printed in full are made again a batch at a time
  // (Report::ForEachFindingAt); the rest is read without making them.
  out << "<section id=\"gate\">\n<h2>Gate-failing findings</h2>\n";
  std::vector<size_t> failing;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (r.VerdictAt(i).fails_gate) failing.push_back(i);
  Details(out, r, failing);
  if (failing.empty()) out << "<p>No finding fails the gate.</p>\n";
  failing = {};
  out << "</section>\n";

  // The questions that would settle the reviews, most blocking first
  // (check/questions.h); each links to the findings it blocks.
  out << "<section id=\"review\">\n<h2>Questions that would settle the reviews</h2>\n";
  if (r.QuestionCount() == 0) {
    out << "<p>Nothing needs review.</p>\n";
  } else {
    out << "<table class=\"reviews\"><tr><th>#</th><th>question</th><th>where to answer it</th>"
           "<th>settles</th></tr>\n";
    size_t rank = 0;
    // The same question about several providers is one row, with each
    // provider's line to answer it at.
    // A row may settle thousands of findings: written a link at a time.
    for (const QuestionGroup& g : r.question_groups) {
      out << fmt::format("<tr><td>{}</td><td>{}</td><td>", ++rank, HtmlEscape(g.question));
      for (size_t k = 0; k < g.members.size() && k < kMaxRowLinks; ++k) {
        const Question q = r.QuestionAt(g.members[k]);
        out << fmt::format("{}{}:{}", k ? "<br>" : "", HtmlEscape(r.Path(q.loc)), q.loc.line);
      }
      if (g.members.size() > kMaxRowLinks)
        out << fmt::format("<br>and {} more (the JSON report's <code>questions</code> list each)",
                           g.members.size() - kMaxRowLinks);
      out << "</td><td>";
      for (size_t k = 0; k < g.blocks.size() && k < kMaxRowLinks; ++k) {
        const size_t i = g.blocks[k];
        out << fmt::format("{}<a href=\"#{}\">{}/{}</a>", k ? ", " : "", FindingAnchor(r, i),
                           HtmlEscape(r.RuleIdOf(i)), HtmlEscape(r.ProviderIdOf(i)));
      }
      if (g.blocks.size() > kMaxRowLinks)
        out << fmt::format(" and {} more", g.blocks.size() - kMaxRowLinks);
      out << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "</section>\n";

  Baseline(out, r);

  out << "<section id=\"map\">\n<h2>Data map</h2>\n<p>Who receives, sends or collects personal "
         "data, grouped by whom it is about; data about students is "
         "<span class=\"student\">red</span>.</p>\n";
  std::string svg, error;
  if (r.registry->providers.size() > kMaxMapProviders) {
    // Graphviz's layout grows faster than linearly (4,000 providers take tens
    // of seconds), and such a map is unreadable on a page anyway.
    out << fmt::format("<p>The data map is left out: {} providers are more than the {} a readable "
                       "map holds. <code>vendorlint map --format dot</code> writes it.</p>\n",
                       r.registry->providers.size(), kMaxMapProviders);
  } else if (DataMapSvg(*r.registry, &svg, &error)) {
    out << "<div class=\"map\">\n" << svg << "</div>\n";
  } else {
    out << "<p>The data map could not be drawn: " << HtmlEscape(error) << "</p>\n";
  }
  out << "</section>\n";

  Matrix(out, r);

  out << "<section id=\"other\">\n<h2>Finding details</h2>\n";
  std::vector<size_t> other;
  for (size_t i = 0; i < r.FindingCount(); ++i)
    if (NeedsDetail(r.OutcomeOf(i)) && !r.VerdictAt(i).fails_gate) other.push_back(i);
  Details(out, r, other);
  if (other.empty()) out << "<p>None.</p>\n";
  other = {};
  out << "</section>\n";

  out << "<section id=\"providers\">\n<h2>Providers</h2>\n";
  for (const Provider& p : r.registry->providers) out << HtmlProviderSection(*r.registry, p);
  out << "</section>\n";
  Waivers(out, r);
  Rules(out, r);
  out << fmt::format(
      "<footer><p class=\"meta\">Written by vendorlint {}.</p></footer>\n</body>\n</html>\n",
      VENDORLINT_VERSION);
}

std::string WriteHtmlReport(const Report& r) {
  std::ostringstream out;
  WriteHtmlReport(r, out);
  return std::move(out).str();
}

}  // namespace vendorlint
