#include "rules/predicate_eval.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "load/schema_reader.h"

namespace vendorlint {
namespace {

Location ProviderAnchor(const Provider& p) { return p.id.loc.valid() ? p.id.loc : p.loc; }

std::string JoinKeys(const KeyList& l) {
  std::string out;
  for (const auto& k : l.items) out += (out.empty() ? "" : ", ") + k.value;
  return out;
}

std::string DescribeFlow(const EvidencePath& path, const DataFlow& flow, const Provider& p) {
  std::string about;
  if (!flow.subjects.known) {
    about = "subjects not stated";
  } else if (flow.subjects.items.empty()) {
    about = "about no data subject";
  } else {
    about = "about " + JoinKeys(flow.subjects);
  }
  std::string qualifiers;
  for (const auto& q : flow.qualifiers.items)
    qualifiers += std::string(qualifiers.empty() ? "; " : ", ") + QualifierName(q.value);
  std::string cats = flow.categories.items.empty() ? "no stated data" : JoinKeys(flow.categories);
  if (flow.direction.value == Direction::kCollected) {
    return fmt::format("{} {} collects {} ({}{}) directly from users", path, p.name.value, cats,
                       about, qualifiers);
  }
  bool shared = flow.direction.value == Direction::kShared;
  return fmt::format("{} {} {} ({}{}) {} {}", path, shared ? "shares" : "receives", cats, about,
                     qualifiers, shared ? "with" : "from", p.name.value);
}

// Kleene folds, shared by combinators, quantifiers and host chains.
Tri Fold(bool is_and, const std::vector<Tri>& rs) {
  Tri acc = is_and ? Tri::kTrue : Tri::kFalse;
  for (Tri r : rs) acc = is_and ? TriAnd(acc, r) : TriOr(acc, r);
  return acc;
}

// The operands whose values decide a fold's result: for a result equal to
// the dominating value (false for AND, true for OR), those that have it; for
// unknown, the unknown ones; otherwise all of them.
std::vector<size_t> Deciding(bool is_and, Tri result, const std::vector<Tri>& rs) {
  Tri dominating = is_and ? Tri::kFalse : Tri::kTrue;
  std::vector<size_t> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    if (result == dominating || result == Tri::kUnknown) {
      if (rs[i] == result) out.push_back(i);
    } else {
      out.push_back(i);
    }
  }
  return out;
}

void Append(std::vector<Evidence>* to, std::vector<Evidence>&& from) {
  for (auto& e : from) to->push_back(std::move(e));
}

}  // namespace

EvidencePath Frame::RecordPath() const {
  EvidencePath out = provider_prefix;
  if (element != nullptr) out.Item(RecordListName(list), static_cast<uint32_t>(index));
  return out;
}

std::string DescribeRecord(const Frame& f) {
  const EvidencePath path = f.RecordPath();
  switch (f.list) {
    case RecordList::kDataFlows:
      return DescribeFlow(path, *static_cast<const DataFlow*>(f.element), *f.provider);
    case RecordList::kExclusions:
      return fmt::format("{} states: {}", path,
                         Quote(static_cast<const Exclusion*>(f.element)->statement.value));
    case RecordList::kSources: {
      const Source& s = *static_cast<const Source*>(f.element);
      return fmt::format("{} cites {}{}", path, s.disclosure.value,
                         s.section ? ", section " + Quote(s.section->value) : std::string());
    }
  }
  return path.Format();
}

// One item per node: two conditions on the same node ("is student", "is
// student (minor: true)") keep the fuller sentence, at the first one's place.
void DedupeEvidence(std::vector<Evidence>* ev) {
  std::map<std::string, size_t> index;
  std::vector<Evidence> out;
  for (auto& e : *ev) {
    auto [it, inserted] = index.emplace(e.path.Format(), out.size());
    if (inserted) {
      out.push_back(std::move(e));
    } else {
      Evidence& kept = out[it->second];
      if (kept.unknown.kind == UnknownKind::kNone) kept.unknown = e.unknown;
      if (e.message.size() > kept.message.size()) kept.message = std::move(e.message);
    }
  }
  *ev = std::move(out);
}

Tri PredicateEvaluator::Eval(const Predicate& p, const Frame& f, std::vector<Evidence>* ev) const {
  switch (p.kind) {
    case PredicateKind::kAllOf:
    case PredicateKind::kAnyOf:
      return EvalAllAnyOf(p, f, ev);
    case PredicateKind::kNot:
      // Evidence states facts, not truth values, so it passes through `not`.
      return TriNot(Eval(p.children[0], f, ev));
    case PredicateKind::kAny:
    case PredicateKind::kAll:
    case PredicateKind::kNone:
      return EvalQuantifier(p, f, ev);
    case PredicateKind::kHost:
      return EvalHost(p, f, ev);
    case PredicateKind::kCondition:
      return EvalCondition(p.condition, f, ev);
  }
  return Tri::kUnknown;
}

Tri PredicateEvaluator::EvalAllAnyOf(const Predicate& p, const Frame& f,
                                     std::vector<Evidence>* ev) const {
  const bool is_and = p.kind == PredicateKind::kAllOf;
  if (ev == nullptr) {
    Tri acc = is_and ? Tri::kTrue : Tri::kFalse;
    for (const Predicate& c : p.children) {
      acc = is_and ? TriAnd(acc, Eval(c, f, nullptr)) : TriOr(acc, Eval(c, f, nullptr));
      if (acc == (is_and ? Tri::kFalse : Tri::kTrue)) break;
    }
    return acc;
  }
  std::vector<Tri> rs;
  std::vector<std::vector<Evidence>> evs(p.children.size());
  for (size_t i = 0; i < p.children.size(); ++i) rs.push_back(Eval(p.children[i], f, &evs[i]));
  Tri result = Fold(is_and, rs);
  for (size_t i : Deciding(is_and, result, rs)) Append(ev, std::move(evs[i]));
  return result;
}

Tri PredicateEvaluator::EvalQuantifier(const Predicate& p, const Frame& f,
                                       std::vector<Evidence>* ev) const {
  const Provider& prov = *f.provider;
  bool known = false;
  Location list_loc;
  size_t n = 0;
  switch (p.list) {
    case RecordList::kDataFlows:
      known = prov.data_flows.known;
      list_loc = prov.data_flows.loc;
      n = prov.data_flows.items.size();
      break;
    case RecordList::kExclusions:
      known = prov.exclusions.known;
      list_loc = prov.exclusions.loc;
      n = prov.exclusions.items.size();
      break;
    case RecordList::kSources:
      known = prov.sources.known;
      list_loc = prov.sources.loc;
      n = prov.sources.items.size();
      break;
  }
  const EvidencePath list_path = EvidencePath(f.provider_prefix).Field(RecordListName(p.list));
  if (!known) {
    if (ev) {
      UnknownFact u{UnknownKind::kUnstated, prov.id.value, RecordListName(p.list),
                    RecordListName(p.list), "", "", TaxonomyKind::kCategory};
      ev->push_back({list_path, ProviderAnchor(prov), list_path + " is not stated", std::move(u)});
    }
    return Tri::kUnknown;
  }
  // `none` is `not any`; `all` folds with AND, `any` with OR.
  const bool is_and = p.kind == PredicateKind::kAll;
  Frame child;
  child.provider = f.provider;
  child.list = p.list;
  child.provider_prefix = f.provider_prefix;
  // The i-th record and its node.
  auto element = [&](size_t i) -> std::pair<const void*, Location> {
    switch (p.list) {
      case RecordList::kDataFlows:
        return {&prov.data_flows.items[i], prov.data_flows.items[i].loc};
      case RecordList::kExclusions:
        return {&prov.exclusions.items[i], prov.exclusions.items[i].loc};
      case RecordList::kSources:
        return {&prov.sources.items[i], prov.sources.items[i].loc};
    }
    return {nullptr, Location{}};
  };
  auto eval_at = [&](size_t i, std::vector<Evidence>* e) {
    child.element = element(i).first;
    child.index = i;
    return p.children.empty() ? Tri::kTrue : Eval(p.children[0], child, e);
  };

  if (ev == nullptr) {
    Tri acc = is_and ? Tri::kTrue : Tri::kFalse;
    for (size_t i = 0; i < n; ++i) {
      acc = is_and ? TriAnd(acc, eval_at(i, nullptr)) : TriOr(acc, eval_at(i, nullptr));
      if (acc == (is_and ? Tri::kFalse : Tri::kTrue)) break;
    }
    return p.kind == PredicateKind::kNone ? TriNot(acc) : acc;
  }

  std::vector<Tri> rs;
  std::vector<std::vector<Evidence>> evs(n);
  for (size_t i = 0; i < n; ++i) rs.push_back(eval_at(i, &evs[i]));
  Tri folded = Fold(is_and, rs);
  Tri result = p.kind == PredicateKind::kNone ? TriNot(folded) : folded;
  // Witnesses: the records that decide the value. When every record counts
  // equally (any false, all true, none true) the list itself is the evidence.
  bool list_is_evidence = folded == (is_and ? Tri::kTrue : Tri::kFalse);
  if (list_is_evidence) {
    std::string msg;
    if (n == 0) {
      msg = list_path + " is empty";
    } else if (folded == Tri::kTrue) {
      msg = fmt::format("all {} items of {} match", n, list_path);
    } else {
      msg = fmt::format("none of the {} items of {} matches", n, list_path);
    }
    ev->push_back({list_path, list_loc, std::move(msg)});
    return result;
  }
  for (size_t i : Deciding(is_and, folded, rs)) {
    Append(ev, std::move(evs[i]));
    auto [record, record_loc] = element(i);
    child.element = record;
    child.index = i;
    ev->push_back({child.RecordPath(), record_loc, DescribeRecord(child)});
  }
  return result;
}

Tri PredicateEvaluator::EvalHost(const Predicate& p, const Frame& f,
                                 std::vector<Evidence>* ev) const {
  const Provider* current = f.provider;
  EvidencePath prefix = f.provider_prefix;
  std::set<const Provider*> visited = {current};
  std::vector<Tri> rs;
  std::vector<std::vector<Evidence>> evs;
  // A chain can visit each provider at most once, so it ends even if the
  // registry (against the loader's checks) contains a hosting cycle.
  while (current->storage->hosted_on) {
    const LocatedString& hosted_on = *current->storage->hosted_on;
    const EvidencePath link_path = EvidencePath(prefix).Field("storage.hosted_on");
    const Provider* host = registry_.FindProvider(hosted_on.value);
    evs.emplace_back();
    if (host == nullptr) {
      rs.push_back(Tri::kUnknown);
      if (ev) {
        evs.back().push_back({link_path, hosted_on.loc,
                              fmt::format("{} names `{}`, which is not in the registry", link_path,
                                          hosted_on.value)});
      }
      break;
    }
    if (!visited.insert(host).second) {
      evs.pop_back();
      break;
    }
    Frame hf;
    hf.provider = host;
    hf.provider_prefix = EvidencePath(prefix).Host(host->id.value);
    std::vector<Evidence>* hev = ev ? &evs.back() : nullptr;
    rs.push_back(Eval(p.children[0], hf, hev));
    if (ev) {
      evs.back().push_back(
          {link_path, hosted_on.loc,
           fmt::format("{} names {} ({})", link_path, host->id.value, host->name.value)});
    }
    if (!p.chain || (ev == nullptr && rs.back() == Tri::kTrue)) break;
    current = host;
    prefix = hf.provider_prefix;
  }
  Tri result = Fold(false, rs);
  if (ev == nullptr) return result;
  if (rs.empty()) {
    const Provider& prov = *f.provider;
    Location anchor = prov.storage->loc.valid() ? prov.storage->loc : ProviderAnchor(prov);
    const EvidencePath path = EvidencePath(f.provider_prefix).Field("storage.hosted_on");
    ev->push_back({path, anchor, path + " is not stated: there is no host"});
    return result;
  }
  for (size_t i : Deciding(false, result, rs)) Append(ev, std::move(evs[i]));
  return result;
}

}  // namespace vendorlint
