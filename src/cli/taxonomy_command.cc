// `vendorlint taxonomy [PREFIX]`: the vocabularies as a tree, so that a
// registry or rule author can find the key they need without reading
// taxonomy.yaml.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/json_writer.h"
#include "util/did_you_mean.h"

namespace vendorlint {
namespace {

struct Selected {
  TaxonomyKind kind;
  std::vector<const TaxonomyEntry*> entries;  // sorted by key: parents before children
};

size_t Depth(const std::string& key) {
  return static_cast<size_t>(std::count(key.begin(), key.end(), '.'));
}

// "personal: false, minor: true": the attributes the entry states.
std::string Attributes(const Taxonomy& tax, TaxonomyKind kind, const TaxonomyEntry& e) {
  std::string s;
  for (const auto& a : tax.Attributes(kind)) {
    auto it = e.attributes.find(a);
    if (it == e.attributes.end()) continue;
    s += fmt::format("{}{}: {}", s.empty() ? "" : ", ", a, TriName(it->second));
  }
  return s;
}

void Text(const Taxonomy& tax, const std::vector<Selected>& selected, std::ostream& out) {
  bool first = true;
  for (const auto& sel : selected) {
    if (sel.entries.empty()) continue;
    out << (first ? "" : "\n") << TaxonomyKindSection(sel.kind) << ":\n";
    first = false;
    const size_t base = Depth(sel.entries.front()->key);
    for (const TaxonomyEntry* e : sel.entries) {
      std::string indent(2 * (Depth(e->key) - std::min(base, Depth(e->key)) + 1), ' ');
      std::string attrs = Attributes(tax, sel.kind, *e);
      out << fmt::format("{}{}  {}{}\n", indent, e->key, e->name,
                         attrs.empty() ? "" : " (" + attrs + ")");
      if (!e->description.empty()) out << fmt::format("{}    {}\n", indent, e->description);
    }
  }
}

void Json(const Taxonomy& tax, const std::vector<Selected>& selected, std::ostream& out) {
  JsonWriter w;
  w.BeginObject();
  for (const auto& sel : selected) {
    w.Key(TaxonomyKindSection(sel.kind));
    w.BeginArray();
    for (const TaxonomyEntry* e : sel.entries) {
      w.BeginObject();
      w.Member("key", e->key);
      w.Member("name", e->name);
      w.Member("description", e->description);
      w.Member("origin", e->origin);
      w.Key("attributes");
      w.BeginObject();
      for (const auto& a : tax.Attributes(sel.kind)) {
        auto it = e->attributes.find(a);
        if (it != e->attributes.end()) w.Member(a, TriName(it->second));
      }
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  out << w.str();
}

}  // namespace

int RunTaxonomy(const CliOptions& o, std::ostream& out, std::ostream& err) {
  Taxonomy tax;
  if (!LoadTaxonomyOrReport(o, &tax, err)) return kExitInvalid;
  const std::string prefix = o.arguments.empty() ? "" : o.arguments[0];
  std::vector<Selected> selected;
  std::vector<std::string> all;
  size_t count = 0;
  for (TaxonomyKind kind : kAllTaxonomyKinds) {
    Selected sel{kind, {}};
    for (const auto& key : tax.Keys(kind)) {
      all.push_back(key);
      if (prefix.empty() || KeyIsUnder(key, prefix)) sel.entries.push_back(tax.Find(kind, key));
    }
    count += sel.entries.size();
    selected.push_back(std::move(sel));
  }
  if (count == 0) {
    return UsageError(err,
                      fmt::format("no taxonomy key `{}`{}", prefix, DidYouMeanSuffix(prefix, all)));
  }
  if (o.format == "json") {
    Json(tax, selected, out);
  } else {
    Text(tax, selected, out);
  }
  return kExitPass;
}

}  // namespace vendorlint
