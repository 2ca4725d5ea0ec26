// The flow and exclusion part of the registry diff (registry_diff.h).
#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "check/diff_builder.h"

namespace vendorlint {
namespace {

const KeyList& Effective(const KeyList& own, const KeyList& provider) {
  return own.known ? own : provider;
}

bool Related(std::string_view a, std::string_view b) { return KeyIsUnder(a, b) || KeyIsUnder(b, a); }

// How many NEW categories are related to some OLD category.
size_t RelatedCount(const KeyList& before, const KeyList& after) {
  size_t n = 0;
  for (const auto& b : after.items)
    for (const auto& a : before.items)
      if (Related(a.value, b.value)) {
        ++n;
        break;
      }
  return n;
}

std::set<std::string> KeySet(const KeyList& l) {
  std::set<std::string> s;
  for (const auto& k : l.items) s.insert(k.value);
  return s;
}

// Whether OLD provider `po` already moved `category` about `subjects` in the
// direction `d` in some flow: then a NEW flow or category carrying it is a
// regrouping of the rows, not new data (aws's logs got a flow of their own).
bool MovedBefore(const Taxonomy& t, const Provider& po, Direction d, const std::string& category,
                 const KeyList& subjects) {
  for (const auto& g : po.data_flows.items) {
    if (g.direction.value != d || !Covered(t, TaxonomyKind::kCategory, category, g.categories))
      continue;
    if (!subjects.known) {
      if (!g.subjects.known) return true;
      continue;
    }
    bool all = std::all_of(subjects.items.begin(), subjects.items.end(), [&](const LocatedString& s) {
      return Covered(t, TaxonomyKind::kSubject, s.value, g.subjects);
    });
    if (all) return true;
  }
  return false;
}

}  // namespace

bool FlowMovedBefore(const Taxonomy& t, const Provider& po, const DataFlow& f) {
  return std::all_of(f.categories.items.begin(), f.categories.items.end(), [&](const LocatedString& c) {
    return MovedBefore(t, po, f.direction.value, c.value, f.subjects);
  });
}

namespace {

std::string FlowText(const DataFlow& f) {
  return fmt::format("{} {} about {}", DirectionName(f.direction.value), DiffListText(f.categories),
                     DiffListText(f.subjects));
}

bool Protection(Qualifier q) {
  switch (q) {
    case Qualifier::kHashed:
    case Qualifier::kPseudonymised:
    case Qualifier::kAnonymised:
    case Qualifier::kAggregated:
      return true;
    case Qualifier::kOptional:
    case Qualifier::kIncidental:
    case Qualifier::kOnRequest:
    case Qualifier::kConditional:
      return false;
  }
  return false;
}

void DiffSubjects(const DiffBuilder& b, const DataFlow& before, const DataFlow& after,
                  const std::string& path, Location fallback) {
  const Taxonomy& t = *b.taxonomy;
  Location loc = LocOr(after.subjects.loc, fallback);
  if (before.subjects.known != after.subjects.known) {
    if (after.subjects.known) {
      b.Add(ChangeKind::kChanged, Impact::kLow, "whom the flow is about is now stated", path,
            DiffListText(before.subjects), DiffListText(after.subjects),
            fmt::format("subjects now stated: {}", DiffListText(after.subjects)), loc);
    } else {
      bool minors = ListReachesMinors(t, before.subjects);
      b.Add(ChangeKind::kChanged, minors ? Impact::kMedium : Impact::kHigh,
            minors ? "whom the flow is about is no longer stated"
                   : "subjects no longer stated: the flow may now include students or minors",
            path, DiffListText(before.subjects), DiffListText(after.subjects),
            "subjects no longer stated", loc);
    }
    return;
  }
  KeyDelta d = CompareKeys(t, TaxonomyKind::kSubject, before.subjects, after.subjects);
  bool old_minors = ListReachesMinors(t, before.subjects);
  for (const auto& k : d.widened) {
    bool high = SubjectReachesMinors(t, k) && !old_minors;
    b.Add(ChangeKind::kWidened, high ? Impact::kHigh : Impact::kMedium,
          high ? (k == "student" ? "students newly reached" : "students or minors newly reached")
               : "the flow reaches more people",
          path, DiffListText(before.subjects), DiffListText(after.subjects),
          fmt::format("subjects widened: {} newly included", k), loc);
  }
  for (const auto& k : d.narrowed)
    b.Add(ChangeKind::kNarrowed, Impact::kLow, "the flow reaches fewer people", path,
          DiffListText(before.subjects), DiffListText(after.subjects),
          fmt::format("subjects narrowed: {} no longer included", k), loc);
}

void DiffPair(const DiffBuilder& b, const Provider& po, const Provider& pn, const DataFlow& fo,
              const DataFlow& fn, size_t index) {
  const Taxonomy& t = *b.taxonomy;
  std::string base = fmt::format("data_flows[{}]", index);
  Location at = fn.loc;
  if (fo.direction.value != fn.direction.value) {
    bool outward = fn.direction.value != Direction::kReceived;
    bool high = outward && fo.direction.value == Direction::kReceived &&
                ListReachesMinors(t, fn.subjects);
    b.Add(ChangeKind::kChanged, high ? Impact::kHigh : Impact::kMedium,
          high ? "data about students or minors now goes to the provider"
               : "the data moves the other way",
          base + ".direction", DirectionName(fo.direction.value),
          DirectionName(fn.direction.value),
          fmt::format("direction changed from {} to {}", DirectionName(fo.direction.value),
                      DirectionName(fn.direction.value)),
          LocOr(fn.direction.loc, at));
  }
  DiffSubjects(b, fo, fn, base + ".subjects", at);
  bool minors = ListReachesMinors(t, fn.subjects);
  KeyDelta cats = CompareKeys(t, TaxonomyKind::kCategory, fo.categories, fn.categories);
  for (const auto& k : cats.widened) {
    bool before = MovedBefore(t, po, fn.direction.value, k, fn.subjects);
    // Only user.* categories are about people (system.operations is not).
    bool personal = KeyIsUnder(k, "user");
    Impact impact = before                ? Impact::kLow
                    : minors && personal ? Impact::kHigh
                                          : Impact::kMedium;
    b.Add(ChangeKind::kWidened, impact,
          before               ? "regrouped: the provider already got this data in another flow"
          : minors && personal ? "more data about students or minors (or users, who may include them)"
          : personal           ? "more kinds of personal data"
                               : "more kinds of data",
          base + ".categories", DiffListText(fo.categories), DiffListText(fn.categories),
          fmt::format("categories widened: {} newly included", k), LocOr(fn.categories.loc, at));
  }
  for (const auto& k : cats.narrowed)
    b.Add(ChangeKind::kNarrowed, Impact::kLow, "less is covered", base + ".categories",
          DiffListText(fo.categories), DiffListText(fn.categories),
          fmt::format("categories narrowed: {} no longer included", k),
          LocOr(fn.categories.loc, at));
  const KeyList& po_p = Effective(fo.purposes, po.purposes);
  const KeyList& pn_p = Effective(fn.purposes, pn.purposes);
  if (fo.purposes.known || fn.purposes.known)
    EmitKeyDelta(b, TaxonomyKind::kPurpose, po_p, pn_p, base + ".purposes", "purposes",
                 Impact::kMedium, "the data is used for more", at);
  const KeyList& co = Effective(fo.contexts, po.contexts);
  const KeyList& cn = Effective(fn.contexts, pn.contexts);
  if (fo.contexts.known || fn.contexts.known)
    EmitKeyDelta(b, TaxonomyKind::kContext, co, cn, base + ".contexts", "contexts",
                 Impact::kMedium, "the flow happens in more places", at);
  for (const auto& q : fo.qualifiers.items) {
    if (fn.Has(q.value)) continue;
    bool protection = Protection(q.value);
    b.Add(ChangeKind::kDropped, protection ? Impact::kHigh : Impact::kMedium,
          protection ? "a protection dropped" : "the flow is no longer limited",
          base + ".qualifiers", QualifierName(q.value), "",
          fmt::format("qualifier {} dropped", QualifierName(q.value)),
          LocOr(fn.qualifiers.loc, at));
  }
  for (const auto& q : fn.qualifiers.items) {
    if (fo.Has(q.value)) continue;
    b.Add(ChangeKind::kAdded, Impact::kLow, "a protection or limit added", base + ".qualifiers",
          "", QualifierName(q.value), fmt::format("qualifier {} added", QualifierName(q.value)),
          LocOr(q.loc, at));
  }
  auto cosmetic = [&](const char* field, const std::optional<LocatedString>& o,
                      const std::optional<LocatedString>& n) {
    if (Text(o) == Text(n)) return;
    b.Add(ChangeKind::kCosmetic, Impact::kNone, "wording only", base + "." + field, Text(o),
          Text(n), fmt::format("{} reworded", field), LocOr(n ? n->loc : Location{}, at));
  };
  cosmetic("description", fo.description, fn.description);
  cosmetic("source", fo.source, fn.source);
  cosmetic("notes", fo.notes, fn.notes);
}

std::string ExclusionKey(const Exclusion& e) {
  return fmt::format("{}|{}|{}|{}", e.direction ? DirectionName(e.direction->value) : "any",
                     DiffListText(e.subjects), DiffListText(e.categories), DiffListText(e.contexts));
}

std::string ExclusionText(const Exclusion& e) {
  return fmt::format("\"{}\"", e.statement.value);
}

}  // namespace

void DiffFlows(const DiffBuilder& b, const Provider& po, const Provider& pn) {
  const auto& fo = po.data_flows.items;
  const auto& fn = pn.data_flows.items;
  // Every pair whose categories overlap, best first (registry_diff.h).
  std::vector<std::tuple<int, size_t, size_t>> pairs;
  for (size_t i = 0; i < fo.size(); ++i)
    for (size_t j = 0; j < fn.size(); ++j) {
      size_t related = RelatedCount(fo[i].categories, fn[j].categories);
      if (related == 0) continue;
      size_t most = std::max(fo[i].categories.items.size(), fn[j].categories.items.size());
      int score = (fo[i].direction.value == fn[j].direction.value ? 1000 : 0) +
                  (KeySet(Effective(fo[i].contexts, po.contexts)) ==
                           KeySet(Effective(fn[j].contexts, pn.contexts))
                       ? 100
                       : 0) +
                  static_cast<int>(50 * related / most);
      pairs.emplace_back(-score, i, j);
    }
  std::sort(pairs.begin(), pairs.end());
  std::vector<int> old_of(fn.size(), -1);
  std::vector<bool> old_used(fo.size(), false);
  for (const auto& [score, i, j] : pairs) {
    if (old_used[i] || old_of[j] >= 0) continue;
    old_used[i] = true;
    old_of[j] = static_cast<int>(i);
  }
  Location list_loc = LocOr(pn.data_flows.loc, pn.loc);
  int last = -1;
  bool reordered = false;
  for (size_t j = 0; j < fn.size(); ++j) {
    if (old_of[j] >= 0) {
      if (old_of[j] < last) reordered = true;
      last = old_of[j];
      DiffPair(b, po, pn, fo[static_cast<size_t>(old_of[j])], fn[j], j);
      continue;
    }
    const DataFlow& f = fn[j];
    if (FlowMovedBefore(*b.taxonomy, po, f)) {
      b.Add(ChangeKind::kAdded, Impact::kLow,
            "regrouped: the provider already got this data in another flow",
            fmt::format("data_flows[{}]", j), "", FlowText(f),
            "flow added", f.loc);
      continue;
    }
    // A flow that states no subjects may be about students, unless its
    // categories are not about people at all (organization.*, system.*).
    bool about_people = std::any_of(f.categories.items.begin(), f.categories.items.end(),
                                    [](const LocatedString& c) { return KeyIsUnder(c.value, "user"); });
    bool minors = ListReachesMinors(*b.taxonomy, f.subjects) && (f.subjects.known || about_people);
    std::string reason =
        !minors ? (about_people || f.subjects.known
                       ? "a new flow of personal data"
                       : "a new flow; its categories are not about people (organization, system)")
        : !f.subjects.known
            ? "a new flow whose subjects are not stated: it may include students or minors"
            : "a new flow about students or minors (or users, who may include them)";
    b.Add(ChangeKind::kAdded, minors ? Impact::kHigh : Impact::kMedium, reason,
          fmt::format("data_flows[{}]", j), "", FlowText(f),
          "flow added", f.loc);
  }
  for (size_t i = 0; i < fo.size(); ++i) {
    if (old_used[i]) continue;
    b.Add(ChangeKind::kRemoved, Impact::kLow, "less data moves", fmt::format("data_flows[{}]", i),
          FlowText(fo[i]), "", "flow removed", list_loc);
  }
  if (reordered)
    b.Add(ChangeKind::kCosmetic, Impact::kNone, "order only", "data_flows", "", "",
          "flows reordered", list_loc);
  if (po.data_flows.known && !pn.data_flows.known)
    b.Add(ChangeKind::kChanged, Impact::kMedium, "what data moves is no longer stated",
          "data_flows", "", "(not stated)", "data flows no longer stated", pn.loc);
}

void DiffExclusions(const DiffBuilder& b, const Provider& po, const Provider& pn) {
  const auto& eo = po.exclusions.items;
  const auto& en = pn.exclusions.items;
  std::vector<bool> used(eo.size(), false);
  std::vector<int> match(en.size(), -1);
  for (size_t j = 0; j < en.size(); ++j)
    for (size_t i = 0; i < eo.size(); ++i)
      if (!used[i] && ExclusionKey(eo[i]) == ExclusionKey(en[j])) {
        used[i] = true;
        match[j] = static_cast<int>(i);
        break;
      }
  for (size_t j = 0; j < en.size(); ++j) {
    std::string path = fmt::format("exclusions[{}]", j);
    if (match[j] < 0) {
      b.Add(ChangeKind::kAdded, Impact::kLow, "a protection added", path, "",
            ExclusionText(en[j]), "exclusion added",
            en[j].loc);
      continue;
    }
    const Exclusion& o = eo[static_cast<size_t>(match[j])];
    if (o.statement.value != en[j].statement.value)
      b.Add(ChangeKind::kCosmetic, Impact::kNone, "wording only", path + ".statement",
            o.statement.value, en[j].statement.value, "exclusion reworded",
            en[j].statement.loc);
    if (Text(o.notes) != Text(en[j].notes))
      b.Add(ChangeKind::kCosmetic, Impact::kNone, "wording only", path + ".notes", Text(o.notes),
            Text(en[j].notes), "notes reworded", LocOr(en[j].notes ? en[j].notes->loc : Location{}, en[j].loc));
  }
  for (size_t i = 0; i < eo.size(); ++i) {
    if (used[i]) continue;
    b.Add(ChangeKind::kDropped, Impact::kHigh, "a protection dropped",
          fmt::format("exclusions[{}]", i), ExclusionText(eo[i]), "",
          "exclusion dropped",
          LocOr(pn.exclusions.loc, pn.loc));
  }
}

}  // namespace vendorlint
