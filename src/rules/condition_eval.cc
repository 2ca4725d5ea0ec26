// Field conditions: reading a field through its FieldDef and applying one
// operator, with the taxonomy-aware key matching of docs/rules.md.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "load/schema_reader.h"
#include "model/country.h"
#include "rules/predicate_eval.h"

namespace vendorlint {
namespace {

std::string JoinStrings(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool Hierarchical(const Condition& c) {
  return c.field->type == FieldType::kKeyList && c.field->kind != TaxonomyKind::kSubject;
}

// Whether a registry item matches a key named in the rule: the same key or
// one below it matches; a broader key may or may not contain it (unknown).
Tri KeyMatch(std::string_view item, std::string_view named, bool hierarchical) {
  if (item == named) return Tri::kTrue;
  if (!hierarchical) return Tri::kFalse;
  if (KeyIsUnder(item, named)) return Tri::kTrue;
  if (KeyIsUnder(named, item)) return Tri::kUnknown;
  return Tri::kFalse;
}

// KeyMatch, and for data subjects also `includes`: a subject that includes
// the named one (`user` includes `student`) may or may not be it.
Tri KeyMatchIn(const Taxonomy& tax, TaxonomyKind kind, std::string_view item,
               std::string_view named, bool hierarchical) {
  Tri m = KeyMatch(item, named, hierarchical);
  if (m != Tri::kFalse || kind != TaxonomyKind::kSubject) return m;
  const TaxonomyEntry* e = tax.Find(kind, item);
  return e != nullptr && e->Includes(named) ? Tri::kUnknown : Tri::kFalse;
}

// An entry's attribute; for hierarchical kinds an unstated attribute is the
// nearest ancestor's stated value.
Tri AttributeOf(const Taxonomy& tax, TaxonomyKind kind, std::string_view key,
                std::string_view attr) {
  while (true) {
    if (const TaxonomyEntry* e = tax.Find(kind, key)) {
      auto it = e->attributes.find(attr);
      if (it != e->attributes.end()) return it->second;
    }
    size_t dot = key.rfind('.');
    if (kind == TaxonomyKind::kSubject || dot == std::string_view::npos) return Tri::kUnknown;
    key = key.substr(0, dot);
  }
}

struct Item {
  std::string_view value;
  Location loc;
  size_t index;
};

std::vector<Item> ItemsOf(const FieldView& v) {
  std::vector<Item> items;
  for (size_t i = 0; i < v.keys.size(); ++i) items.push_back({v.keys[i].value, v.keys[i].loc, i});
  for (size_t i = 0; i < v.qualifiers.size(); ++i)
    items.push_back({QualifierName(v.qualifiers[i].value), v.qualifiers[i].loc, i});
  return items;
}

std::string ListText(const std::vector<Item>& items) {
  std::string out;
  for (const auto& i : items) out += std::string(out.empty() ? "" : ", ") + std::string(i.value);
  return "[" + out + "]";
}

bool Dominates(bool is_and, Tri r) { return r == (is_and ? Tri::kFalse : Tri::kTrue); }

// How a key-list operator combines items (docs/rules.md, "Key lists"), or
// nullopt for an operator that reads the list as a whole. A switch without
// default: a new operator must say which it is.
struct KeyOpShape {
  bool per_key = false;        // includes_all: each named key needs a matching item
  bool all_items = false;      // only: every item must match (else some item)
  bool negate = false;         // includes_none: not includes_any
  bool by_attributes = false;  // *_with: items match by taxonomy attributes
};
std::optional<KeyOpShape> KeyShape(Op op) {
  switch (op) {
    case Op::kIncludesAny:
      return KeyOpShape{};
    case Op::kIncludesAll:
      return KeyOpShape{.per_key = true};
    case Op::kIncludesNone:
      return KeyOpShape{.negate = true};
    case Op::kOnly:
      return KeyOpShape{.all_items = true};
    case Op::kIncludesAnyWith:
      return KeyOpShape{.by_attributes = true};
    case Op::kIncludesNoneWith:
      return KeyOpShape{.negate = true, .by_attributes = true};
    case Op::kOnlyWith:
      return KeyOpShape{.all_items = true, .by_attributes = true};
    case Op::kEquals:
    case Op::kNotEquals:
    case Op::kOneOf:
    case Op::kMatches:
    case Op::kWithinDays:
    case Op::kOlderThanDays:
    case Op::kEmpty:
    case Op::kExists:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

Tri PredicateEvaluator::EvalCondition(const Condition& c, const Frame& f,
                                      std::vector<Evidence>* ev) const {
  if (!c.setting.empty()) return EvalSettingCondition(c, f, ev);
  const FieldDef& def = *c.field;
  const void* element = c.on_provider ? nullptr : f.element;
  FieldView v = def.get(*f.provider, element);
  if (def.type == FieldType::kKeyList || def.type == FieldType::kQualifierList ||
      def.type == FieldType::kNameList) {
    if (KeyShape(c.op)) return EvalKeyCondition(c, f, v, ev);
  }
  Tri r = Tri::kUnknown;
  switch (c.op) {
    case Op::kExists:
      r = TriFromBool(v.stated == c.flag);
      break;
    case Op::kEmpty:
      if (v.stated) r = TriFromBool((v.count == 0) == c.flag);
      break;
    case Op::kEquals:
    case Op::kNotEquals:
      if (v.stated) {
        bool eq = def.type == FieldType::kFact     ? v.fact == TriFromBool(c.flag)
                  : def.type == FieldType::kNumber ? std::to_string(v.number) == c.values[0]
                                                   : v.text == c.values[0];
        r = TriFromBool(eq == (c.op == Op::kEquals));
      }
      break;
    case Op::kOneOf:
      if (v.stated && (def.vocabulary == CountryVocabulary || def.vocabulary == LocationVocabulary)) {
        // Places: one of the named places covers the stated one (DE is in the EU).
        r = Tri::kFalse;
        for (const auto& named : c.values) {
          Covers cv = LocationCovers(v.text, named);
          r = TriOr(r, cv == Covers::kYes ? Tri::kTrue
                       : cv == Covers::kMaybe ? Tri::kUnknown
                                              : Tri::kFalse);
        }
      } else if (v.stated) {
        std::string text = def.type == FieldType::kNumber ? std::to_string(v.number)
                                                          : std::string(v.text);
        r = TriFromBool(std::find(c.values.begin(), c.values.end(), text) != c.values.end());
      }
      break;
    case Op::kMatches:
      // Over kMaxMatchBytes the condition is unknown: not matched at all, as
      // matching a prefix would answer a full match wrongly.
      if (v.stated && v.text.size() <= kMaxMatchBytes)
        r = TriFromBool(RE2::FullMatch(v.text, *c.regex));
      break;
    case Op::kWithinDays:
    case Op::kOlderThanDays:
      if (v.stated) {
        int64_t age = ctx_.as_of.DaysSinceEpoch() - v.date.DaysSinceEpoch();
        r = TriFromBool(c.op == Op::kWithinDays ? age <= c.days : age > c.days);
      }
      break;
    case Op::kIncludesAny:
    case Op::kIncludesAll:
    case Op::kIncludesNone:
    case Op::kOnly:
    case Op::kIncludesAnyWith:
    case Op::kIncludesNoneWith:
    case Op::kOnlyWith:
      break;  // key-list operators: EvalKeyCondition, above
  }
  if (ev == nullptr) return r;

  // The evidence is the field's value (or its absence), stated as a fact.
  EvidencePath path = c.on_provider ? f.provider_prefix : f.RecordPath();
  path.Field(def.path);
  std::string msg;
  if (v.from_provider) {
    // A flow without its own purpose/context: the provider's list is the fact.
    if (v.stated) {
      const EvidencePath own = path;
      path = EvidencePath(f.provider_prefix).Field(v.item_path);
      msg = fmt::format("{} is {} ({} is not stated, so the provider's apply)", path,
                        ListText(ItemsOf(v)), own);
    } else {
      msg = fmt::format("{} is not stated, and neither are the provider's {}", path, v.item_path);
    }
  } else if (!v.stated) {
    msg = v.written_unknown ? path + " is stated as unknown" : path + " is not stated";
  } else {
    switch (def.type) {
      case FieldType::kFact:
        msg = fmt::format("{} is {}", path, TriName(v.fact));
        break;
      case FieldType::kString:
      case FieldType::kEnum:
        msg = fmt::format("{} is {}", path, Quote(v.text));
        if (c.op == Op::kMatches && v.text.size() > kMaxMatchBytes)
          msg += fmt::format(", longer than the {} KiB that `matches` looks at, so unknown",
                             kMaxMatchBytes / 1024);
        break;
      case FieldType::kDate: {
        int64_t age = ctx_.as_of.DaysSinceEpoch() - v.date.DaysSinceEpoch();
        msg =
            fmt::format("{} is {}, {} days {} the as-of date {}", path, v.date.ToString(),
                        age < 0 ? -age : age, age < 0 ? "after" : "before", ctx_.as_of.ToString());
        break;
      }
      case FieldType::kNumber:
        msg = fmt::format("{} is {}", path, v.number);
        break;
      case FieldType::kGroup:
        break;
      case FieldType::kKeyList:
      case FieldType::kQualifierList:
      case FieldType::kNameList:
        msg =
            v.count == 0 ? path + " is empty" : fmt::format("{} is {}", path, ListText(ItemsOf(v)));
        break;
      case FieldType::kRecordList:
        msg = v.count == 0 ? path + " is empty" : fmt::format("{} has {} items", path, v.count);
        break;
    }
  }
  // An unstated field is recorded whatever the condition made of it: `exists`
  // turns it into a fail, and the check layer says such fails once
  // (check/questions.h, GroupUnstatedFails).
  UnknownFact unknown;
  if (!v.stated) {
    unknown.kind = UnknownKind::kUnstated;
    unknown.provider_id = f.provider->id.value;
    unknown.field = v.from_provider ? std::string(v.item_path) : std::string(def.path);
    unknown.path = path.After(f.provider_prefix).Format();
  }
  ev->push_back({std::move(path), v.loc, std::move(msg), std::move(unknown)});
  return r;
}

// A condition whose values are an organisation setting: the setting's list
// stands in for the rule's; an unstated setting makes the condition unknown.
// The setting is evidence too (after the provider's fact), so a finding says
// what the organisation allows.
Tri PredicateEvaluator::EvalSettingCondition(const Condition& c, const Frame& f,
                                             std::vector<Evidence>* ev) const {
  const OrganizationSettings& st = registry_.organization.settings;
  const KeyList& list =
      c.setting == "countries_of_concern" ? st.countries_of_concern : st.student_data_countries;
  const std::string path = "organization.settings." + c.setting;
  Location loc = list.loc.valid() ? list.loc
                 : st.loc.valid() ? st.loc
                                  : registry_.organization.loc;
  if (!list.known) {
    if (ev) {
      UnknownFact u;
      u.kind = UnknownKind::kUnstated;
      u.field = path;
      u.path = path;
      ev->push_back({path, loc, path + " is not stated", std::move(u)});
    }
    return Tri::kUnknown;
  }
  Condition resolved = c;
  resolved.setting.clear();
  for (const auto& k : list.items) resolved.values.push_back(k.value);
  if (resolved.values.empty()) {
    // An empty allowance: nothing is covered by it.
    resolved.values.push_back("");
  }
  Tri r = EvalCondition(resolved, f, ev);
  if (ev) {
    std::string text;
    for (const auto& k : list.items) text += (text.empty() ? "" : ", ") + k.value;
    ev->push_back({path, loc, fmt::format("{} is [{}]", path, text)});
  }
  return r;
}

Tri PredicateEvaluator::EvalKeyCondition(const Condition& c, const Frame& f, const FieldView& v,
                                         std::vector<Evidence>* ev) const {
  const bool hier = Hierarchical(c);
  const bool taxonomy_keys = c.field->type == FieldType::kKeyList;
  // Locations: a stated region may or may not cover a country (`global` may
  // include CN), and a country lies inside its regions (DE is in the EU).
  const bool places = c.field->vocabulary == LocationVocabulary;
  auto match = [&](std::string_view item, std::string_view named) {
    if (places) {
      switch (LocationCovers(item, named)) {
        case Covers::kYes:
          return Tri::kTrue;
        case Covers::kMaybe:
          return Tri::kUnknown;
        case Covers::kNo:
          return Tri::kFalse;
      }
    }
    return taxonomy_keys ? KeyMatchIn(registry_.taxonomy, c.field->kind, item, named, hier)
                         : KeyMatch(item, named, hier);
  };
  const std::vector<Item> items = v.stated ? ItemsOf(v) : std::vector<Item>{};
  const KeyOpShape shape = KeyShape(c.op).value_or(KeyOpShape{});
  const bool with = shape.by_attributes;

  // How one item matches: by attributes (all of them) or by named keys (any).
  auto item_match = [&](const Item& it) {
    if (with) {
      Tri m = Tri::kTrue;
      for (const auto& [attr, want] : c.attributes) {
        Tri a = AttributeOf(registry_.taxonomy, c.field->kind, it.value, attr);
        m = TriAnd(m, a == Tri::kUnknown ? Tri::kUnknown : TriFromBool(a == TriFromBool(want)));
      }
      return m;
    }
    Tri m = Tri::kFalse;
    for (const auto& k : c.values) m = TriOr(m, match(it.value, k));
    return m;
  };

  Tri r = Tri::kUnknown;
  std::vector<Tri> per_item;  // includes_any/none/only (and _with)
  std::vector<Tri> per_key;   // includes_all
  const bool is_and = shape.all_items;
  if (v.stated) {
    if (shape.per_key) {
      r = Tri::kTrue;
      for (const auto& k : c.values) {
        Tri any = Tri::kFalse;
        for (const auto& it : items) any = TriOr(any, match(it.value, k));
        per_key.push_back(any);
        r = TriAnd(r, any);
      }
    } else {
      r = is_and ? Tri::kTrue : Tri::kFalse;
      for (const auto& it : items) {
        per_item.push_back(item_match(it));
        r = is_and ? TriAnd(r, per_item.back()) : TriOr(r, per_item.back());
        if (ev == nullptr && Dominates(is_and, r)) break;
      }
    }
  }
  Tri result = shape.negate ? TriNot(r) : r;
  if (ev == nullptr) return result;

  const EvidencePath record_prefix = c.on_provider ? f.provider_prefix : f.RecordPath();
  const EvidencePath item_base =
      EvidencePath(v.from_provider ? f.provider_prefix : record_prefix).Field(v.item_path);
  auto item_path = [&](const Item& it) {
    return v.indexed ? item_base.WithIndex(static_cast<uint32_t>(it.index)) : item_base;
  };
  auto attr_text = [&](const Item& it) {
    std::string out;
    for (const auto& [attr, want] : c.attributes) {
      out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", attr,
                         TriName(AttributeOf(registry_.taxonomy, c.field->kind, it.value, attr)));
    }
    return out;
  };
  // Names the rule's keys for "outside" and "broader" messages.
  auto item_message = [&](const Item& it, Tri m) {
    const EvidencePath p = item_path(it);
    if (with) return fmt::format("{} is {} ({})", p, it.value, attr_text(it));
    if (m == Tri::kUnknown) {
      for (const auto& k : c.values) {
        if (match(it.value, k) == Tri::kUnknown)
          return fmt::format("{} is {}, which is broader than {}: it may or may not include it", p,
                             it.value, k);
      }
    }
    if (m == Tri::kFalse)
      return fmt::format("{} is {}, which is not {} {}", p, it.value, hier ? "under" : "one of",
                         JoinStrings(c.values));
    return fmt::format("{} is {}", p, it.value);
  };
  auto list_evidence = [&]() {
    // Not stated, empty, or every item counts equally: the field itself.
    Condition exists = c;
    exists.op = Op::kExists;
    exists.flag = true;
    EvalCondition(exists, f, ev);
  };
  // Why an item's match is unknown: the first unknown attribute, or every
  // named key the item is broader than.
  auto unknown_of = [&](const Item& it) {
    UnknownFact u;
    u.provider_id = f.provider->id.value;
    u.field = std::string(c.field->path);
    u.path = EvidencePath(item_path(it)).After(f.provider_prefix).Format();
    u.value = std::string(it.value);
    u.taxonomy_kind = c.field->kind;
    if (with) {
      for (const auto& [attr, want] : c.attributes) {
        if (AttributeOf(registry_.taxonomy, c.field->kind, it.value, attr) != Tri::kUnknown)
          continue;
        u.kind = UnknownKind::kAttribute;
        u.detail = attr;
        break;
      }
    } else {
      for (const auto& k : c.values) {
        if (match(it.value, k) != Tri::kUnknown) continue;
        u.kind = UnknownKind::kBroaderKey;
        u.detail += (u.detail.empty() ? "" : ", ") + k;
      }
    }
    return u;
  };

  if (!v.stated) {
    list_evidence();
    Evidence& e = ev->back();
    e.unknown.kind = UnknownKind::kUnstated;
    e.unknown.provider_id = f.provider->id.value;
    e.unknown.field = v.from_provider ? std::string(v.item_path) : std::string(c.field->path);
    e.unknown.path = e.path.After(f.provider_prefix).Format();
  } else if (shape.per_key) {
    if (r == Tri::kTrue) {
      list_evidence();
    } else {
      for (size_t k = 0; k < per_key.size(); ++k) {
        if (per_key[k] != r) continue;
        if (r == Tri::kFalse) {
          EvidencePath p = EvidencePath(record_prefix).Field(c.field->path);
          if (v.from_provider) p = item_base;
          ev->push_back(
              {p, v.loc,
               fmt::format("{} has no item {} {}", p, hier ? "under" : "equal to", c.values[k])});
          continue;
        }
        for (const auto& it : items) {
          if (match(it.value, c.values[k]) == Tri::kUnknown)
            ev->push_back(
                {item_path(it), it.loc, item_message(it, Tri::kUnknown), unknown_of(it)});
        }
      }
    }
  } else if (r == Tri::kUnknown || Dominates(is_and, r)) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (per_item[i] != r) continue;
      ev->push_back({item_path(items[i]), items[i].loc, item_message(items[i], r),
                     r == Tri::kUnknown ? unknown_of(items[i]) : UnknownFact{}});
    }
  } else {
    list_evidence();
  }
  return result;
}

}  // namespace vendorlint
