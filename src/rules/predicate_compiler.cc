#include "rules/predicate_compiler.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/did_you_mean.h"
#include "util/escape.h"

namespace vendorlint {
namespace {

// How a node is described in a type error.
std::string Describe(const yaml::Node& n) {
  switch (n.kind) {
    case yaml::NodeKind::kNull:
      return "an empty value";
    case yaml::NodeKind::kScalar:
      return Quote(n.scalar);
    case yaml::NodeKind::kSequence:
      return "a list";
    case yaml::NodeKind::kMapping:
      return "a mapping";
  }
  return "a value";
}

std::string Join(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// One name of a field's vocabulary. Short vocabularies are listed in the
// message; long ones (249 countries) are named by the field instead.
bool ReadVocabularyName(SchemaContext* ctx, const yaml::Node& n, const std::string& what,
                        const FieldDef& field, const std::vector<std::string>& names,
                        size_t* index) {
  if (names.size() <= 12) return ReadEnum(ctx, n, what, names, index);
  LocatedString s;
  if (!ReadString(ctx, n, what, &s)) return false;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s.value) {
      *index = i;
      return true;
    }
  }
  ctx->Error(n, fmt::format("`{}` must be one of the {} values of `{}` (docs/registry.md), not "
                            "{}{}",
                            what, names.size(), field.path, Quote(s.value),
                            DidYouMeanSuffix(s.value, names)));
  return false;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> OpNames(const std::vector<Op>& ops) {
  std::vector<std::string> names;
  for (Op op : ops) names.emplace_back(OpName(op));
  return names;
}

// "data subject" -> "data subjects" for messages about kinds.
std::string Plural(TaxonomyKind k) {
  return k == TaxonomyKind::kCategory ? "data categories" : std::string(TaxonomyKindNoun(k)) + "s";
}

// `organization.settings.<name>` in place of a list of places: the settings
// are the organisation's, so rules need not hard-code countries.
bool ReadSettingOperand(SchemaContext* ctx, const yaml::Node& v, const Condition& c,
                        std::string* out) {
  constexpr std::string_view kPrefix = "organization.settings.";
  const std::string key = OpName(c.op);
  if (c.field->vocabulary != LocationVocabulary && c.field->vocabulary != CountryVocabulary) {
    ctx->Error(v, fmt::format("`{}` on `{}` takes a list, not a setting: only fields of places "
                              "(entity.country, locations.*) can be compared with "
                              "organization.settings",
                              key, c.field->path));
    return false;
  }
  std::string name = v.scalar.starts_with(kPrefix) ? v.scalar.substr(kPrefix.size()) : v.scalar;
  const std::vector<std::string> settings = {"student_data_countries", "countries_of_concern"};
  if (std::find(settings.begin(), settings.end(), name) == settings.end()) {
    ctx->Error(v, fmt::format("unknown setting `{}`{}", v.scalar,
                              DidYouMeanSuffix(name, settings).empty()
                                  ? " (settings of places: organization.settings."
                                    "student_data_countries, organization.settings."
                                    "countries_of_concern)"
                                  : DidYouMeanSuffix(name, settings)));
    return false;
  }
  *out = std::move(name);
  return true;
}

bool IsSettingOperand(const yaml::Node& v) {
  return v.IsScalar() && !v.quoted && v.scalar.starts_with("organization.");
}


}  // namespace

std::span<const KeySpec> QuantifierKeyTable() {
  static const std::vector<std::string_view> kLists(RecordListNames().begin(),
                                                    RecordListNames().end());
  static const std::vector<KeySpec> kKeys = {
      {"in", true, KeyShape::kString, "The records quantified over.", kLists},
      {"where", false, KeyShape::kPredicate, "A predicate on each record (default: any record)."},
  };
  return kKeys;
}

std::span<const KeySpec> HostKeyTable() {
  static constexpr KeySpec kKeys[] = {
      {"where", true, KeyShape::kPredicate, "A predicate on the hosting provider."},
      {"chain", false, KeyShape::kBoolean, "Some provider along the hosting chain (default false)."},
  };
  return kKeys;
}

const std::vector<std::string>& PredicateOperatorNames() {
  static const std::vector<std::string> names = {"all_of", "any_of", "not",  "any",
                                                 "all",    "none",   "host", "field"};
  return names;
}

const std::vector<std::string>& ConditionOperatorNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const OperatorInfo& info : Operators()) v.emplace_back(info.name);
    return v;
  }();
  return names;
}

std::vector<Op> OperatorsFor(FieldType type) {
  std::vector<Op> ops;
  for (const OperatorInfo& info : Operators())
    if (OpAppliesTo(info.op, type)) ops.push_back(info.op);
  return ops;
}

bool PredicateCompiler::Compile(const yaml::Node& n, Scope scope, Predicate* out) {
  *out = Predicate{};
  out->loc = ctx_->Loc(n);
  const auto& ops = PredicateOperatorNames();
  if (!n.IsMapping()) {
    ctx_->Error(n, fmt::format("a predicate must be a mapping with one operator key ({}), not {}",
                               Join(ops), Describe(n)));
    return false;
  }
  if (n.entries.empty()) {
    ctx_->Error(n, fmt::format("empty predicate; expected one operator key: {}", Join(ops)));
    return false;
  }
  for (const auto& [k, v] : n.entries) {
    if (k.scalar == "field") return CompileCondition(n, scope, out);
  }
  // Report every key that is not an operator, then insist on exactly one.
  bool ok = true;
  const yaml::Node* op_key = nullptr;
  const yaml::Node* op_value = nullptr;
  for (const auto& [k, v] : n.entries) {
    if (!Contains(ops, k.scalar)) {
      ok = false;
      if (Contains(ConditionOperatorNames(), k.scalar)) {
        ctx_->Error(k, fmt::format("`{}` is a field condition operator; add `field: <path>` "
                                   "beside it",
                                   k.scalar));
      } else {
        std::string hint = ctx_->MaySuggest() ? DidYouMeanSuffix(k.scalar, ops) : "";
        if (hint.empty()) hint = fmt::format(" (expected one of: {})", Join(ops));
        ctx_->Error(k, fmt::format("unknown predicate operator `{}`{}", Excerpt(k.scalar), hint));
      }
      continue;
    }
    if (op_key != nullptr) {
      ctx_->Error(k, fmt::format("a predicate has exactly one operator key, but this one has "
                                 "`{}` and `{}`; combine them with all_of or any_of",
                                 op_key->scalar, k.scalar));
      ok = false;
      continue;
    }
    op_key = &k;
    op_value = &v;
  }
  if (op_key == nullptr) return false;
  const std::string& op = op_key->scalar;
  if (op == "all_of" || op == "any_of") {
    ok = CompileList(*op_key, *op_value, scope, out) && ok;
  } else if (op == "not") {
    out->kind = PredicateKind::kNot;
    out->children.resize(1);
    ok = Compile(*op_value, scope, &out->children[0]) && ok;
  } else if (op == "any" || op == "all" || op == "none") {
    ok = CompileQuantifier(*op_key, *op_value, scope, out) && ok;
  } else {
    ok = CompileHost(*op_key, *op_value, scope, out) && ok;
  }
  return ok;
}

bool PredicateCompiler::CompileList(const yaml::Node& key, const yaml::Node& value, Scope scope,
                                    Predicate* out) {
  out->kind = key.scalar == "all_of" ? PredicateKind::kAllOf : PredicateKind::kAnyOf;
  if (!value.IsSequence()) {
    ctx_->Error(value, fmt::format("`{}` must be a list of predicates, not {}", key.scalar,
                                   Describe(value)));
    return false;
  }
  if (value.items.empty()) {
    ctx_->Error(value, fmt::format("`{}` needs at least one predicate", key.scalar));
    return false;
  }
  bool ok = true;
  out->children.resize(value.items.size());
  for (size_t i = 0; i < value.items.size(); ++i)
    ok = Compile(value.items[i], scope, &out->children[i]) && ok;
  return ok;
}

bool PredicateCompiler::CompileQuantifier(const yaml::Node& key, const yaml::Node& value,
                                          Scope scope, Predicate* out) {
  out->kind = key.scalar == "any"   ? PredicateKind::kAny
              : key.scalar == "all" ? PredicateKind::kAll
                                    : PredicateKind::kNone;
  bool ok = true;
  if (scope != Scope::kProvider) {
    ctx_->Error(key, fmt::format("`{}` cannot be used inside `where` ({} scope): quantifiers and "
                                 "`host` work at provider scope only",
                                 key.scalar, ScopeName(scope)));
    ok = false;
  }
  size_t errors_before = ctx_->errors();
  MappingReader m(ctx_, value, fmt::format("`{}` quantifier", key.scalar),
                  KeyNames(QuantifierKeyTable()));
  if (!m.is_mapping()) return false;
  ok = ok && ctx_->errors() == errors_before;
  const yaml::Node* in = m.Require("in");
  if (in == nullptr) return false;
  size_t index = 0;
  if (!ReadEnum(ctx_, *in, "in", RecordListNames(), &index)) return false;
  out->list = static_cast<RecordList>(index);
  if (const yaml::Node* where = m.Find("where")) {
    out->children.resize(1);
    ok = Compile(*where, RecordListScope(out->list), &out->children[0]) && ok;
  }
  return ok;
}

bool PredicateCompiler::CompileHost(const yaml::Node& key, const yaml::Node& value, Scope scope,
                                    Predicate* out) {
  out->kind = PredicateKind::kHost;
  bool ok = true;
  if (scope != Scope::kProvider) {
    ctx_->Error(key, fmt::format("`host` cannot be used inside `where` ({} scope): quantifiers "
                                 "and `host` work at provider scope only",
                                 ScopeName(scope)));
    ok = false;
  }
  size_t errors_before = ctx_->errors();
  MappingReader m(ctx_, value, "`host`", KeyNames(HostKeyTable()));
  if (!m.is_mapping()) return false;
  ok = ok && ctx_->errors() == errors_before;
  if (const yaml::Node* chain = m.Find("chain"))
    ok = ReadBool(ctx_, *chain, "chain", &out->chain) && ok;
  const yaml::Node* where = m.Require("where");
  if (where == nullptr) return false;
  out->children.resize(1);
  return Compile(*where, Scope::kProvider, &out->children[0]) && ok;
}

bool PredicateCompiler::ResolveField(const yaml::Node& n, Scope scope, Condition* c) {
  LocatedString path;
  if (!ReadString(ctx_, n, "field", &path)) return false;
  std::string_view p = path.value;
  Scope lookup = scope;
  constexpr std::string_view kProviderPrefix = "provider.";
  if (p.starts_with(kProviderPrefix)) {
    p.remove_prefix(kProviderPrefix.size());
    lookup = Scope::kProvider;
    c->on_provider = true;
  }
  c->field = FindField(lookup, p);
  if (c->field != nullptr) return true;

  std::string msg = fmt::format("unknown field `{}` in {} scope", Excerpt(p), ScopeName(lookup));
  std::string hint = ctx_->MaySuggest() ? DidYouMeanSuffix(p, FieldNames(lookup)) : "";
  if (hint.empty() && lookup == Scope::kProvider) {
    for (RecordList l : {RecordList::kDataFlows, RecordList::kExclusions, RecordList::kSources}) {
      if (FindField(RecordListScope(l), p) != nullptr) {
        hint = fmt::format(
            "; `{}` is a field of each item in `{}`: use any, all or none with "
            "`in: {}`",
            p, RecordListName(l), RecordListName(l));
        break;
      }
    }
  }
  if (hint.empty() && lookup != Scope::kProvider && FindField(Scope::kProvider, p) != nullptr)
    hint = fmt::format("; write `provider.{}` for the provider's field", p);
  if (hint.empty()) hint = fmt::format(" (fields: {})", Join(FieldNames(lookup)));
  ctx_->Error(n, msg + hint);
  return false;
}

bool PredicateCompiler::CompileCondition(const yaml::Node& n, Scope scope, Predicate* out) {
  out->kind = PredicateKind::kCondition;
  Condition& c = out->condition;
  bool ok = true;
  const yaml::Node* field_node = nullptr;
  for (const auto& [k, v] : n.entries)
    if (k.scalar == "field") field_node = &v;
  bool field_ok = ResolveField(*field_node, scope, &c);
  ok = field_ok;
  std::string field_name = field_node->IsScalar() ? field_node->scalar : "?";

  std::vector<Op> allowed;
  if (field_ok) allowed = OperatorsFor(c.field->type);
  const yaml::Node* op_key = nullptr;
  const yaml::Node* op_value = nullptr;
  for (const auto& [k, v] : n.entries) {
    if (k.scalar == "field") continue;
    std::optional<Op> parsed = ParseOp(k.scalar);
    if (!parsed) {
      ok = false;
      if (Contains(PredicateOperatorNames(), k.scalar)) {
        ctx_->Error(k, fmt::format("`{}` cannot appear beside `field`: a predicate has exactly one "
                                   "operator key",
                                   k.scalar));
        continue;
      }
      const std::vector<std::string> candidates =
          field_ok ? OpNames(allowed) : ConditionOperatorNames();
      std::string hint = ctx_->MaySuggest() ? DidYouMeanSuffix(k.scalar, candidates) : "";
      if (hint.empty()) hint = fmt::format(" (expected one of: {})", Join(candidates));
      ctx_->Error(k, fmt::format("unknown operator `{}` in condition on `{}`{}", Excerpt(k.scalar),
                                 field_name, hint));
      continue;
    }
    if (op_key != nullptr) {
      ctx_->Error(k, fmt::format("condition on `{}` has more than one operator (`{}` and `{}`); "
                                 "combine separate conditions with all_of or any_of",
                                 field_name, op_key->scalar, k.scalar));
      ok = false;
      continue;
    }
    const Op op = *parsed;
    op_key = &k;
    op_value = &v;
    c.op = op;
    if (field_ok && std::find(allowed.begin(), allowed.end(), op) == allowed.end()) {
      ctx_->Error(
          k, fmt::format("operator `{}` does not apply to `{}`, {}; use one of: {}", Excerpt(k.scalar),
                         field_name, FieldTypeDescription(c.field->type), Join(OpNames(allowed))));
      ok = false;
      field_ok = false;  // do not read the operand against the wrong type
    }
  }
  if (op_key == nullptr) {
    if (ok) {
      const std::vector<std::string> names = field_ok ? OpNames(allowed) : ConditionOperatorNames();
      ctx_->Error(n, fmt::format("condition on `{}` has no operator; add one of: {}", field_name,
                                 Join(names)));
    }
    return false;
  }
  if (!field_ok) return false;
  return ReadOperand(*op_value, &c) && ok;
}

bool PredicateCompiler::ReadOperand(const yaml::Node& v, Condition* c) {
  const std::string key = OpName(c->op);
  const FieldType type = c->field->type;
  std::vector<std::string> names;
  if (c->field->vocabulary != nullptr)
    for (auto d : c->field->vocabulary()) names.emplace_back(d);

  // One value of the field's type for equals/not_equals/one_of.
  auto read_value = [&](const yaml::Node& n, const std::string& what, std::string* out) {
    if (type == FieldType::kEnum) {
      size_t i = 0;
      if (!ReadVocabularyName(ctx_, n, what, *c->field, names, &i)) return false;
      *out = names[i];
      return true;
    }
    if (type == FieldType::kNumber) {
      int64_t number = 0;
      if (!ReadInt(ctx_, n, what, &number)) return false;
      *out = std::to_string(number);
      return true;
    }
    LocatedString s;
    if (!ReadString(ctx_, n, what, &s)) return false;
    *out = s.value;
    return true;
  };

  // By operand shape: an operator whose operand reads like an existing one's
  // needs no change here.
  switch (OperatorInfoOf(c->op).operand) {
    case OperandKind::kValue:
      if (type == FieldType::kFact) return ReadBool(ctx_, v, key, &c->flag);
      c->values.resize(1);
      return read_value(v, key, &c->values[0]);
    case OperandKind::kBool:
      return ReadBool(ctx_, v, key, &c->flag);
    case OperandKind::kValueList: {
      if (IsSettingOperand(v)) return ReadSettingOperand(ctx_, v, *c, &c->setting);
      if (!v.IsSequence() || v.items.empty()) {
        ctx_->Error(v, v.IsSequence()
                           ? fmt::format("`{}` needs at least one value", key)
                           : fmt::format("`{}` must be a list, not {}", key, Describe(v)));
        return false;
      }
      bool ok = true;
      for (const auto& item : v.items) {
        std::string s;
        if (read_value(item, key + " item", &s)) {
          c->values.push_back(std::move(s));
        } else {
          ok = false;
        }
      }
      return ok;
    }
    case OperandKind::kPattern: {
      LocatedString s;
      if (!ReadString(ctx_, v, key, &s)) return false;
      RE2::Options options;
      options.set_log_errors(false);
      // Bounds the compiled program and the DFA cache; a pattern that needs
      // more fails to compile, with the error below (docs/rules.md "Limits").
      options.set_max_mem(kMaxRegexMemory);
      auto re = std::make_shared<RE2>(s.value, options);
      if (!re->ok()) {
        ctx_->Error(v, fmt::format("invalid regular expression in `matches`: {}", re->error()));
        return false;
      }
      c->regex = std::move(re);
      c->values.push_back(s.value);
      return true;
    }
    case OperandKind::kDays: {
      uses_dates_ = true;
      if (!ReadInt(ctx_, v, key, &c->days)) return false;
      if (c->days < 0 || c->days > 365 * 1000) {
        ctx_->Error(
            v, fmt::format("`{}` must be a number of days from 0 to 365000, not {}", key, c->days));
        return false;
      }
      return true;
    }
    case OperandKind::kKeys:
      return ReadKeys(v, c);
    case OperandKind::kAttributes:
      return ReadAttributes(v, c);
  }
  return false;
}


bool PredicateCompiler::ReadKeys(const yaml::Node& v, Condition* c) {
  const std::string key = OpName(c->op);
  if (IsSettingOperand(v)) return ReadSettingOperand(ctx_, v, *c, &c->setting);
  if (!v.IsSequence()) {
    ctx_->Error(v, fmt::format("`{}` must be a list of {}, not {}", key,
                               c->field->type == FieldType::kKeyList          ? Plural(c->field->kind)
                               : c->field->type == FieldType::kQualifierList ? "qualifiers"
                                                                             : "names",
                               Describe(v)));
    return false;
  }
  if (v.items.empty()) {
    ctx_->Error(v,
                fmt::format("`{}` needs at least one {}", key,
                            c->field->type == FieldType::kKeyList ? TaxonomyKindNoun(c->field->kind)
                            : c->field->type == FieldType::kQualifierList ? "qualifier"
                                                                          : "name"));
    return false;
  }
  if (c->field->type == FieldType::kKeyList) {
    KeyList keys;
    bool ok = ReadTaxonomyKeyList(ctx_, v, key, taxonomy_, c->field->kind, &keys);
    for (auto& k : keys.items) c->values.push_back(std::move(k.value));
    return ok;
  }
  // Qualifiers and name lists: names of the field's vocabulary, or any
  // strings when it has none (`formerly`).
  std::vector<std::string> names;
  if (c->field->vocabulary != nullptr)
    for (auto q : c->field->vocabulary()) names.emplace_back(q);
  const bool qualifier = c->field->type == FieldType::kQualifierList;
  const std::string noun = qualifier ? "qualifier" : fmt::format("{} item", c->field->path);
  bool ok = true;
  for (const auto& item : v.items) {
    std::string value;
    if (names.empty()) {
      LocatedString s;
      if (ReadString(ctx_, item, noun, &s)) value = s.value;
    } else if (size_t i = 0; ReadVocabularyName(ctx_, item, noun, *c->field, names, &i)) {
      value = names[i];
    }
    if (value.empty()) {
      ok = false;
      continue;
    }
    if (Contains(c->values, value)) {
      ctx_->Error(item, fmt::format("{} `{}` is listed twice in `{}`", qualifier ? "qualifier" : "value",
                                    value, key));
      ok = false;
      continue;
    }
    c->values.push_back(std::move(value));
  }
  return ok;
}

bool PredicateCompiler::ReadAttributes(const yaml::Node& v, Condition* c) {
  const std::string key = OpName(c->op);
  const TaxonomyKind kind = c->field->kind;
  if (!v.IsMapping()) {
    ctx_->Error(v, fmt::format("`{}` must be a mapping of attribute names to true or false "
                               "(like {{minor: true}}), not {}",
                               key, Describe(v)));
    return false;
  }
  if (v.entries.empty()) {
    ctx_->Error(v, fmt::format("`{}` needs at least one attribute", key));
    return false;
  }
  const std::vector<std::string>& declared = taxonomy_.Attributes(kind);
  bool ok = true;
  for (const auto& [k, val] : v.entries) {
    if (!taxonomy_.HasAttribute(kind, k.scalar)) {
      std::string hint = ctx_->MaySuggest() ? DidYouMeanSuffix(k.scalar, declared) : "";
      if (hint.empty()) {
        hint = declared.empty()
                   ? fmt::format(" (taxonomy.yaml declares no attributes for {})", Plural(kind))
                   : fmt::format(" (declared for {}: {})", Plural(kind), Join(declared));
      }
      ctx_->Error(
          k, fmt::format("unknown {} attribute `{}`{}", TaxonomyKindNoun(kind), Excerpt(k.scalar), hint));
      ok = false;
      continue;
    }
    bool b = false;
    if (!ReadBool(ctx_, val, k.scalar, &b)) {
      ok = false;
      continue;
    }
    c->attributes.emplace_back(k.scalar, b);
  }
  return ok;
}

}  // namespace vendorlint
