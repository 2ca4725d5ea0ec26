#include "check/reconcile.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "check/provider_match.h"
#include "check/public_sections.h"

namespace vendorlint {
namespace {

std::string Lower(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool SameUrl(std::string_view a, std::string_view b) { return NormalizeUrl(a) == NormalizeUrl(b); }

// The URL without its scheme, for the http/https comparison.
std::string_view WithoutScheme(std::string_view url) {
  size_t colon = url.find("://");
  return colon == std::string_view::npos ? url : url.substr(colon + 3);
}

// "A, B and C".
std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

struct RowRef {
  const PageTable* table;
  const PageRow* row;
};

struct Group {
  std::string key;  // lowercased name
  std::vector<RowRef> rows;
  const Provider* provider = nullptr;
  int rule = 0;  // 1..5, see reconcile.h
  std::string reason;
};

bool IsWordPrefix(std::string_view shorter, std::string_view longer) {
  return shorter.size() < longer.size() && longer.starts_with(shorter) && longer[shorter.size()] == ' ';
}

// Whether group `g` matches provider `p` by `rule`; `*reason` says how.
bool Matches(const Group& g, const Provider& p, int rule, std::string* reason) {
  const std::string& name = g.key;
  switch (rule) {
    case 1:
      return Lower(p.name.value) == name;
    case 2:
      for (const auto& s : p.sources.items)
        if (s.row && Lower(s.row->value) == name) {
          *reason = fmt::format("a source row names it \"{}\"", s.row->value);
          return true;
        }
      return false;
    case 3: {
      ProviderMatch m = MatchProvider("", g.rows.front().row->name, {}, p);
      *reason = m.reason;
      return m.kind == MatchKind::kFormerly;
    }
    case 4: {
      std::vector<std::string> urls;
      for (const auto& r : g.rows)
        if (r.row->link) urls.push_back(r.row->link->text);
      ProviderMatch m = MatchProvider("", "", urls, p, &SameUrl);
      *reason = m.reason;
      return m.kind == MatchKind::kSameLink;
    }
    case 5: {
      std::string other = Lower(p.name.value);
      *reason = "one name begins with the other";
      return IsWordPrefix(name, other) || IsWordPrefix(other, name);
    }
    default:
      return false;
  }
}

struct Reconciler {
  const PublishedPage& page;
  const Registry& reg;
  Reconciliation* out;
  std::vector<PublicSection> sections = PublicSections(reg);

  void PageItem(DriftKind kind, const Provider* p, std::string_view name, uint32_t line,
                uint32_t column, std::string message) {
    out->drift.push_back({kind, p ? p->id.value : "", std::string(name), page.path, line, column,
                          std::move(message)});
  }

  std::string SectionName(std::string_view key) const {
    for (const auto& s : sections)
      if (s.key == key) return s.name;
    return std::string(key);
  }

  // The registry section a page heading names, or nullopt.
  std::optional<std::string> SectionKey(const PageText& heading) const {
    for (const auto& s : sections)
      if (Lower(s.name) == Lower(heading.text) || (!s.key.empty() && Lower(s.key) == Lower(heading.text)))
        return s.key;
    return std::nullopt;
  }

  void CompareLink(const Provider& p, const PageRow& row) {
    const vendorlint::Link* privacy = p.PrivacyPolicy();
    std::vector<std::string> urls;
    if (privacy) urls.push_back(privacy->url.value);
    for (const auto& l : p.links.items)
      if (&l != privacy) urls.push_back(l.url.value);
    if (!row.link) {
      if (!urls.empty())
        PageItem(DriftKind::kLink, &p, row.name, row.line, row.column,
                 fmt::format("{} has no link on the page; the registry links {}", row.name, urls.front()));
      return;
    }
    const std::string& link = row.link->text;
    for (const auto& u : urls)
      if (SameUrl(u, link)) return;
    for (const auto& u : urls)
      if (NormalizeUrl(WithoutScheme(u)) == NormalizeUrl(WithoutScheme(link))) {
        PageItem(DriftKind::kScheme, &p, row.name, row.link->line, row.link->column,
                 fmt::format("{}'s link differs in scheme: the page links {}, the registry {}",
                             row.name, link, u));
        return;
      }
    if (urls.empty()) {
      PageItem(DriftKind::kLink, &p, row.name, row.link->line, row.link->column,
               fmt::format("the page links {} for {}; the registry records no link for {} ({})", link,
                           row.name, p.name.value, p.id.value));
      return;
    }
    PageItem(DriftKind::kLink, &p, row.name, row.link->line, row.link->column,
             fmt::format("the page links {} for {}; the registry links {}", link, row.name,
                         Join(urls)));
  }

  void Sections(const Group& g) {
    const Provider& p = *g.provider;
    std::vector<std::string> keys = ProviderSectionKeys(p, sections);
    std::vector<std::string> names;
    for (const auto& k : keys) names.push_back(SectionName(k));
    std::set<std::string> seen;
    const RowRef* first_sectioned = nullptr;
    for (const auto& r : g.rows) {
      if (!r.table->section) continue;
      std::optional<std::string> key = SectionKey(*r.table->section);
      if (!key) continue;  // reported once per heading
      if (!first_sectioned) first_sectioned = &r;
      if (!seen.insert(*key).second) {
        PageItem(DriftKind::kDuplicate, &p, r.row->name, r.row->line, r.row->column,
                 fmt::format("{} is listed twice under \"{}\"", r.row->name, SectionName(*key)));
        continue;
      }
      if (std::find(keys.begin(), keys.end(), *key) == keys.end())
        PageItem(DriftKind::kSection, &p, r.row->name, r.row->line, r.row->column,
                 fmt::format("{} is listed under \"{}\"; the registry places it in {}", r.row->name,
                             SectionName(*key), names.empty() ? "no section" : Join(names)));
    }
    if (!first_sectioned) return;
    for (const auto& k : keys)
      if (seen.count(k) == 0)
        PageItem(DriftKind::kSection, &p, first_sectioned->row->name, first_sectioned->row->line,
                 first_sectioned->row->column,
                 fmt::format("{} is not listed under \"{}\", where the registry places it",
                             first_sectioned->row->name, SectionName(k)));
  }

  void Run() {
    std::vector<Group> groups;
    std::map<std::string, size_t> by_name;
    for (const auto& t : page.tables)
      for (const auto& r : t.rows) {
        ++out->rows;
        std::string key = Lower(r.name);
        auto [it, fresh] = by_name.emplace(key, groups.size());
        if (fresh) groups.push_back({key, {}, nullptr, 0, ""});
        groups[it->second].rows.push_back({&t, &r});
      }
    out->providers = reg.providers.size();
    // Indexes, so that a page of many rows against a large registry stays
    // linear: each rule looks up its candidates, then Matches() confirms.
    std::map<std::string, std::vector<size_t>> index[5];
    auto add = [&](int rule, std::string key, size_t i) {
      auto& v = index[rule - 1][std::move(key)];
      if (v.empty() || v.back() != i) v.push_back(i);
    };
    for (size_t i = 0; i < reg.providers.size(); ++i) {
      const Provider& p = reg.providers[i];
      std::string name = Lower(p.name.value);
      add(1, name, i);
      for (const auto& src : p.sources.items)
        if (src.row) add(2, Lower(src.row->value), i);
      for (const auto& f : p.formerly.items) add(3, Lower(f.value), i);
      for (const auto& l : p.links.items) add(4, NormalizeUrl(l.url.value), i);
      for (size_t sp = name.find(' '); sp != std::string::npos; sp = name.find(' ', sp + 1))
        add(5, name.substr(0, sp), i);  // the provider's name begins with the row's
    }
    auto lookup = [&](int rule, const std::string& key, std::set<size_t>* found) {
      auto it = index[rule - 1].find(key);
      if (it != index[rule - 1].end()) found->insert(it->second.begin(), it->second.end());
    };
    std::vector<bool> taken(reg.providers.size(), false);
    for (int rule = 1; rule <= 5; ++rule)
      for (auto& g : groups) {
        if (g.provider) continue;
        std::set<size_t> maybe;  // provider indexes, in registry (id) order
        if (rule == 4) {
          for (const auto& r : g.rows)
            if (r.row->link) lookup(4, NormalizeUrl(r.row->link->text), &maybe);
        } else {
          lookup(rule, g.key, &maybe);
        }
        if (rule == 5)  // the row's name begins with the provider's
          for (size_t sp = g.key.find(' '); sp != std::string::npos; sp = g.key.find(' ', sp + 1))
            lookup(1, g.key.substr(0, sp), &maybe);
        std::vector<std::pair<size_t, std::string>> candidates;
        for (size_t i : maybe) {
          std::string reason;
          // Links and first words are guesses: a provider another row took
          // still counts against them (it makes them ambiguous).
          if ((rule >= 4 || !taken[i]) && Matches(g, reg.providers[i], rule, &reason))
            candidates.emplace_back(i, reason);
        }
        if (rule == 5 && candidates.size() > 1) {
          // The closest name wins: "Cloud Host Backup Service" is Cloud Host
          // Backup rather than Cloud Host; a tie is ambiguous.
          auto distance = [&](size_t i) {
            size_t a = Lower(reg.providers[i].name.value).size(), b = g.key.size();
            return a > b ? a - b : b - a;
          };
          std::stable_sort(candidates.begin(), candidates.end(), [&](const auto& x, const auto& y) {
            return distance(x.first) < distance(y.first);
          });
          if (distance(candidates[0].first) != distance(candidates[1].first)) candidates.resize(1);
        }
        // Names, source rows and formerly are the registry's word: the first
        // (by id) wins. Links and first words must point at one provider.
        if (candidates.empty() || (rule >= 4 && (candidates.size() != 1 || taken[candidates[0].first])))
          continue;
        g.provider = &reg.providers[candidates.front().first];
        g.rule = rule;
        g.reason = candidates.front().second;
        taken[candidates.front().first] = true;
      }
    // Headings that name no section of the registry, once each.
    if (page.Sectioned()) {
      std::set<std::pair<uint32_t, uint32_t>> reported;
      for (const auto& t : page.tables)
        if (t.section && !SectionKey(*t.section) &&
            reported.insert({t.section->line, t.section->column}).second) {
          std::vector<std::string> names;
          for (const auto& s : sections) names.push_back("\"" + s.name + "\"");
          PageItem(DriftKind::kSection, nullptr, "", t.section->line, t.section->column,
                   fmt::format("section \"{}\" is not a section of the registry (its sections: {})",
                               t.section->text, Join(names)));
        }
    }
    // Page items, sorted by position below.
    for (const auto& g : groups) {
      if (!g.provider) {
        for (const auto& r : g.rows)
          PageItem(DriftKind::kNotInRegistry, nullptr, r.row->name, r.row->line, r.row->column,
                   fmt::format("{} is on the page but not in the registry (no provider has this "
                               "name, a source row or `formerly` naming it, or its link)",
                               r.row->name));
        continue;
      }
      out->matched_rows += g.rows.size();
      const Provider& p = *g.provider;
      const PageRow& first = *g.rows.front().row;
      if (g.rule == 3)
        PageItem(DriftKind::kName, &p, first.name, first.line, first.column,
                 fmt::format("the page names {} ({}) by a former name, \"{}\" ({})", p.name.value,
                             p.id.value, first.name, g.reason));
      else if (g.rule >= 4)
        PageItem(DriftKind::kName, &p, first.name, first.line, first.column,
                 fmt::format("the page names {} ({}) \"{}\" ({})", p.name.value, p.id.value,
                             first.name, g.reason));
      for (const auto& r : g.rows) CompareLink(p, *r.row);
      if (page.Sectioned()) Sections(g);
    }
    std::stable_sort(out->drift.begin(), out->drift.end(), [](const DriftItem& a, const DriftItem& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    for (size_t i = 0; i < reg.providers.size(); ++i) {
      const Provider& p = reg.providers[i];
      if (taken[i]) continue;
      Location loc = p.id.loc.valid() ? p.id.loc : p.loc;
      out->drift.push_back({DriftKind::kNotOnPage, p.id.value, "", reg.FilePath(loc), loc.line,
                            loc.column,
                            fmt::format("{} ({}) is in the registry but not on the page",
                                        p.name.value, p.id.value)});
    }
  }
};

}  // namespace

const char* DriftKindName(DriftKind k) {
  switch (k) {
    case DriftKind::kNotInRegistry:
      return "not_in_registry";
    case DriftKind::kNotOnPage:
      return "not_on_page";
    case DriftKind::kName:
      return "name";
    case DriftKind::kLink:
      return "link";
    case DriftKind::kScheme:
      return "scheme";
    case DriftKind::kSection:
      return "section";
    case DriftKind::kDuplicate:
      return "duplicate";
  }
  return "?";
}

std::string NormalizeUrl(std::string_view url) {
  std::string s(url);
  // What the renderer percent-encodes in a Markdown link (report/public_page.cc).
  static constexpr std::pair<std::string_view, char> kDecoded[] = {
      {"%20", ' '}, {"%3C", '<'}, {"%3E", '>'}, {"%7C", '|'}, {"%28", '('}, {"%29", ')'}};
  std::string decoded;
  for (size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    if (s[i] == '%' && i + 3 <= s.size()) {
      std::string code = s.substr(i, 3);
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      for (const auto& [enc, c] : kDecoded)
        if (code == enc) {
          decoded += c;
          i += 2;
          done = true;
          break;
        }
    }
    if (!done) decoded += s[i];
  }
  s = decoded;
  // Scheme and host are case-insensitive.
  size_t colon = s.find("://");
  size_t host_start = colon == std::string::npos ? 0 : colon + 3;
  size_t host_end = s.find_first_of("/?#", host_start);
  if (host_end == std::string::npos) host_end = s.size();
  for (size_t i = 0; i < host_end; ++i) s[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  if (s.size() > host_start && s.back() == '/') s.pop_back();
  return s;
}

Reconciliation Reconcile(const PublishedPage& page, const Registry& registry) {
  Reconciliation out;
  Reconciler r{page, registry, &out};
  r.Run();
  return out;
}

}  // namespace vendorlint
