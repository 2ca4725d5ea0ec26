#include "report/html_providers.h"

#include <fmt/format.h>

#include "report/html_report.h"
#include "report/registry_facts.h"

namespace vendorlint {
namespace {

// Escaped, with "not stated" shown as such.
std::string Value(const std::string& text) {
  if (text == kNotStated) return "<span class=\"notstated\">not stated</span>";
  return HtmlEscape(text);
}

void Fact(std::string* out, std::string_view term, const std::string& text) {
  *out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, Value(text));
}

std::string Subjects(const Taxonomy& t, const KeyList& subjects) {
  if (!subjects.known) return Value(std::string(kNotStated));
  std::string out;
  for (const auto& s : subjects.items) {
    const TaxonomyEntry* e = t.Find(TaxonomyKind::kSubject, s.value);
    std::string name = HtmlEscape(e && !e->name.empty() ? e->name : s.value);
    if (KeyIsUnder(s.value, "student")) name = "<span class=\"student\">" + name + "</span>";
    out += (out.empty() ? "" : ", ") + name;
  }
  return out.empty() ? "none" : out;
}

std::string Keys(const KeyList& list) {
  if (!list.known) return Value(std::string(kNotStated));
  if (list.items.empty()) return "none";
  std::string out;
  for (const auto& k : list.items) out += (out.empty() ? "" : " ") + ("<code>" + HtmlEscape(k.value) + "</code>");
  return out;
}

void Flows(std::string* out, const Registry& reg, const Provider& p) {
  if (!p.data_flows.known || p.data_flows.items.empty()) {
    *out += "<p>No data flows recorded.</p>\n";
    return;
  }
  *out += "<table class=\"flows\"><tr><th>direction</th><th>about</th><th>data</th>"
          "<th>purposes</th><th>qualifiers</th><th>description</th></tr>\n";
  for (const DataFlow& f : p.data_flows.items) {
    std::string qualifiers;
    for (const auto& q : f.qualifiers.items) qualifiers += (qualifiers.empty() ? "" : ", ") + std::string(QualifierName(q.value));
    *out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        DirectionName(f.direction.value), Subjects(reg.taxonomy, f.subjects),
                        Keys(f.categories), Keys(EffectivePurposes(p, f)), HtmlEscape(qualifiers),
                        f.description ? HtmlEscape(f.description->value) : "");
  }
  *out += "</table>\n";
}

}  // namespace

std::string HtmlUrl(std::string_view url, std::string_view text) {
  std::string shown = HtmlEscape(text.empty() ? url : text);
  if (url.starts_with("https://") || url.starts_with("http://"))
    return fmt::format("<a class=\"url\" href=\"{}\" rel=\"noreferrer\">{}</a>", HtmlEscape(url), shown);
  return "<span class=\"url\">" + shown + "</span>";
}

std::string HtmlProviderSection(const Registry& reg, const Provider& p) {
  std::string out;
  out += fmt::format("<section class=\"provider\" id=\"{}\">\n<h3>{} <code>{}</code></h3>\n",
                     HtmlAnchor("p", p.id.value), HtmlEscape(ProviderName(p)), HtmlEscape(p.id.value));
  if (p.summary) out += "<p>" + HtmlEscape(p.summary->value) + "</p>\n";
  out += "<dl class=\"facts\">\n";
  std::string entity = OptionalText(p.entity->legal_name);
  if (p.entity->country) entity += " (" + p.entity->country->value + ")";
  Fact(&out, "legal entity", entity);
  Fact(&out, "role", OptionalText(p.role));
  Fact(&out, "purposes", NamesText(reg.taxonomy, TaxonomyKind::kPurpose, p.purposes));
  Fact(&out, "contexts", NamesText(reg.taxonomy, TaxonomyKind::kContext, p.contexts));
  Fact(&out, "locations", LocationsText(p.locations));
  Fact(&out, "retention", RetentionText(p.retention));
  Fact(&out, "DPA", DpaText(p.contracts->dpa));
  Fact(&out, "transfer safeguards", TransferSafeguardsText(p.contracts));
  Fact(&out, "stores personal data", FactText(p.storage->stores_data));
  Fact(&out, "security", SecurityText(p.storage));
  if (p.storage->hosted_on) Fact(&out, "hosted on", p.storage->hosted_on->value);
  Fact(&out, "trains AI models", FactText(p.ai->trains_models));
  Fact(&out, "generative AI", FactText(p.ai->generative));
  Fact(&out, "last reviewed",
       p.last_reviewed ? p.last_reviewed->value.ToString() +
                             (p.reviewed_by ? " by " + p.reviewed_by->value : "")
                       : std::string(kNotStated));
  if (p.formerly.known) Fact(&out, "formerly", ListText(p.formerly));
  if (p.links.known) {
    std::string links;
    for (const Link& l : p.links.items)
      links += (links.empty() ? "" : "<br>") + HtmlEscape(l.kind.value) + ": " + HtmlUrl(l.url.value);
    out += "<dt>links</dt><dd>" + (links.empty() ? std::string("none") : links) + "</dd>\n";
  }
  std::string sources;
  for (const Source& s : p.sources.items) {
    sources += (sources.empty() ? "" : "<br>") + HtmlEscape(s.disclosure.value);
    if (s.section) sources += ", " + HtmlEscape(s.section->value);
  }
  if (!sources.empty()) out += "<dt>sources</dt><dd>" + sources + "</dd>\n";
  out += "</dl>\n";
  Flows(&out, reg, p);
  if (p.exclusions.known && !p.exclusions.items.empty()) {
    out += "<p>The disclosure says it does <em>not</em>:</p><ul>\n";
    for (const Exclusion& e : p.exclusions.items) out += "<li>" + HtmlEscape(e.statement.value) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

}  // namespace vendorlint
