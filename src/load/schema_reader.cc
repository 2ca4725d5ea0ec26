#include "load/schema_reader.h"

#include <charconv>
#include <set>

#include <fmt/format.h>

#include "util/did_you_mean.h"
#include "util/escape.h"
#include "util/utf8.h"

namespace vendorlint {
namespace {

// How a node is described in a type error: "a mapping", "the string \"yes\"".
std::string Describe(const yaml::Node& n) {
  switch (n.kind) {
    case yaml::NodeKind::kNull:
      return "an empty value";
    case yaml::NodeKind::kScalar:
      return fmt::format("{}", Quote(n.scalar));
    case yaml::NodeKind::kSequence:
      return "a list";
    case yaml::NodeKind::kMapping:
      return "a mapping";
  }
  return "a value";
}

bool ExpectScalar(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                  std::string_view expected) {
  if (n.IsScalar()) return true;
  if (n.IsNull()) {
    ctx->Error(n, fmt::format("`{}` has no value; expected {} (remove the key to leave it unknown)",
                              key, expected));
  } else {
    ctx->Error(n, fmt::format("`{}` must be {}, not {}", key, expected, Describe(n)));
  }
  return false;
}

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string Quote(std::string_view s) {
  // Excerpt makes the value one visible line and cuts it (util/escape.h); the
  // quotes around it are then escaped so that the value cannot close them.
  std::string out = "\"";
  for (char c : Excerpt(s, kQuoteCodePoints)) {
    if (c == '"') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

void SchemaContext::ErrorAt(uint32_t line, uint32_t column, std::string message) {
  ++errors_;
  diags_->push_back(Diagnostic{path_, line, column, Severity::kError, std::move(message)});
}

MappingReader::MappingReader(SchemaContext* ctx, const yaml::Node& node, std::string what,
                             std::vector<std::string> allowed, RetiredKey retired)
    : ctx_(ctx), node_(node), what_(std::move(what)) {
  if (!node.IsMapping()) {
    ctx->Error(
        node, fmt::format("{} must be a mapping of keys to values, not {}", what_, Describe(node)));
    return;
  }
  for (const auto& [k, v] : node.entries) {
    bool known = false;
    for (const auto& a : allowed) known = known || a == k.scalar;
    if (known) continue;
    if (std::string msg = retired ? retired(k.scalar, v) : ""; !msg.empty()) {
      ctx->Error(k, std::move(msg));
      continue;
    }
    std::string suggestion = ctx->MaySuggest() ? DidYouMeanSuffix(k.scalar, allowed) : "";
    if (suggestion.empty()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      suggestion = fmt::format(" (expected one of: {})", list);
    }
    ctx->Error(k, fmt::format("unknown key `{}` in {}{}", Excerpt(k.scalar), what_, suggestion));
  }
}

const yaml::Node* MappingReader::Find(std::string_view key) const {
  if (!node_.IsMapping()) return nullptr;
  for (const auto& [k, v] : node_.entries)
    if (k.scalar == key) return &v;
  return nullptr;
}

const yaml::Node* MappingReader::Require(std::string_view key) {
  const yaml::Node* v = Find(key);
  if (v == nullptr && node_.IsMapping())
    ctx_->Error(node_, fmt::format("missing required key `{}` in {}", key, what_));
  return v;
}

bool ReadString(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out) {
  if (!ExpectScalar(ctx, n, key, "a string")) return false;
  if (n.scalar.empty()) {
    ctx->Error(n, fmt::format("`{}` must not be empty", key));
    return false;
  }
  if (IsBlankText(n.scalar)) {
    ctx->Error(n, fmt::format("`{}` must not be blank", key));
    return false;
  }
  out->value = n.scalar;
  out->loc = ctx->Loc(n);
  return true;
}

bool ReadOptString(SchemaContext* ctx, const MappingReader& m, std::string_view key,
                   std::optional<LocatedString>* out) {
  const yaml::Node* n = m.Find(key);
  if (n == nullptr) return true;
  LocatedString s;
  if (!ReadString(ctx, *n, key, &s)) return false;
  *out = std::move(s);
  return true;
}

bool ReadTri(SchemaContext* ctx, const yaml::Node& n, std::string_view key, TriFact* out) {
  if (!ExpectScalar(ctx, n, key, "true, false or unknown")) return false;
  if (!n.quoted) {
    if (n.scalar == "true") *out = TriFact{Tri::kTrue, ctx->Loc(n)};
    if (n.scalar == "false") *out = TriFact{Tri::kFalse, ctx->Loc(n)};
    if (n.scalar == "unknown") *out = TriFact{Tri::kUnknown, ctx->Loc(n)};
    if (n.scalar == "true" || n.scalar == "false" || n.scalar == "unknown") return true;
  }
  ctx->Error(n, fmt::format("`{}` must be true, false or unknown, not {}{}", key, Quote(n.scalar),
                            n.quoted ? " (a quoted string)" : ""));
  return false;
}

bool ReadBool(SchemaContext* ctx, const yaml::Node& n, std::string_view key, bool* out) {
  if (!ExpectScalar(ctx, n, key, "true or false")) return false;
  if (!n.quoted && (n.scalar == "true" || n.scalar == "false")) {
    *out = n.scalar == "true";
    return true;
  }
  ctx->Error(n, fmt::format("`{}` must be true or false, not {}{}", key, Quote(n.scalar),
                            n.quoted ? " (a quoted string)" : ""));
  return false;
}

bool ReadInt(SchemaContext* ctx, const yaml::Node& n, std::string_view key, int64_t* out) {
  if (!ExpectScalar(ctx, n, key, "a whole number")) return false;
  const std::string& s = n.scalar;
  size_t digits_at = !s.empty() && s[0] == '-' ? 1 : 0;
  bool ok = !n.quoted && s.size() > digits_at && s.size() <= 19;
  for (size_t i = digits_at; ok && i < s.size(); ++i) ok = s[i] >= '0' && s[i] <= '9';
  if (ok && s.size() > digits_at + 1 && s[digits_at] == '0') ok = false;  // "012" is not 12 or 10
  int64_t v = 0;
  if (ok) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    ok = ec == std::errc() && p == s.data() + s.size();
  }
  if (!ok) {
    // Say which of the ways to get a number wrong this is.
    bool all_digits = s.size() > digits_at;
    for (size_t i = digits_at; all_digits && i < s.size(); ++i)
      all_digits = s[i] >= '0' && s[i] <= '9';
    std::string why = "written in decimal without leading zeros";
    if (n.quoted && all_digits) {
      why = "not a quoted string: remove the quotes";
    } else if (all_digits && s[digits_at] != '0') {
      why = "between -9223372036854775808 and 9223372036854775807 (this one is out of range)";
    }
    ctx->Error(n, fmt::format("`{}` must be a whole number {}, not {}", key, why, Quote(s)));
    return false;
  }
  *out = v;
  return true;
}

bool ReadDate(SchemaContext* ctx, const yaml::Node& n, std::string_view key, Located<Date>* out) {
  if (!ExpectScalar(ctx, n, key, "a date (YYYY-MM-DD)")) return false;
  Date d;
  if (!Date::Parse(n.scalar, &d)) {
    const std::string& v = n.scalar;
    bool shaped = v.size() == 10 && v[4] == '-' && v[7] == '-';
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) shaped = shaped && v[i] >= '0' && v[i] <= '9';
    if (shaped && v.compare(0, 4, "1900") < 0) {
      ctx->Error(n, fmt::format("`{}` is before 1900, which vendorlint does not accept: {}", key,
                                Quote(v)));
    } else {
      ctx->Error(n, fmt::format("`{}` must be a real calendar date written YYYY-MM-DD, not {}",
                                key, Quote(v)));
    }
    return false;
  }
  out->value = d;
  out->loc = ctx->Loc(n);
  return true;
}

bool IsValidUrl(std::string_view s, std::string* why) {
  std::string_view rest;
  if (s.starts_with("https://")) {
    rest = s.substr(8);
  } else if (s.starts_with("http://")) {
    rest = s.substr(7);
  } else {
    *why = "it must start with https:// or http://";
    return false;
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' ||
        c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
      *why = "it contains a space or a character that must be percent-encoded";
      return false;
    }
  }
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos) {
    *why = "it must not carry user credentials";
    return false;
  }
  if (authority.starts_with("[")) {
    *why = "it names an IP address (`[...]`); write the host name";
    return false;
  }
  std::string_view host = authority.substr(
      0, authority.rfind(':') == std::string_view::npos ? authority.size() : authority.rfind(':'));
  if (host.size() != authority.size()) {
    std::string_view port = authority.substr(host.size() + 1);
    bool digits = !port.empty() && port.size() <= 5;
    for (char c : port) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      *why = "its port is not a number";
      return false;
    }
  }
  bool label_ok = !host.empty() && host.front() != '.' && host.back() != '.' &&
                  host.find("..") == std::string_view::npos;
  for (char c : host)
    label_ok = label_ok && (IsLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == '.');
  if (!label_ok || host.find('.') == std::string_view::npos) {
    *why = "it has no valid host name";
    return false;
  }
  return true;
}

bool ReadUrl(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out) {
  if (!ExpectScalar(ctx, n, key, "a URL")) return false;
  std::string why;
  if (!IsValidUrl(n.scalar, &why)) {
    ctx->Error(n, fmt::format("`{}` is not a valid URL ({}): {}", key, why, Quote(n.scalar)));
    return false;
  }
  out->value = n.scalar;
  out->loc = ctx->Loc(n);
  return true;
}

bool IsValidId(std::string_view s) {
  if (s.empty() || s.size() > 100 || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    if (!IsLowerAlnum(c) && c != '-') return false;
    if (c == '-' && prev == '-') return false;
    prev = c;
  }
  return true;
}

bool IsValidTaxonomyKey(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  bool at_word_start = true;
  for (char c : s) {
    if (c == '.') {
      if (at_word_start) return false;
      at_word_start = true;
      continue;
    }
    if (at_word_start && !(c >= 'a' && c <= 'z')) return false;
    if (!IsLowerAlnum(c) && c != '_') return false;
    at_word_start = false;
  }
  return !at_word_start;
}

bool ReadId(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out) {
  if (!ExpectScalar(ctx, n, key, "an id")) return false;
  if (!IsValidId(n.scalar)) {
    ctx->Error(n, fmt::format("`{}` must be lowercase letters and digits in words joined by '-' "
                              "(like `mongodb-atlas`), not {}",
                              key, Quote(n.scalar)));
    return false;
  }
  out->value = n.scalar;
  out->loc = ctx->Loc(n);
  return true;
}

bool ReadEnum(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
              const std::vector<std::string>& names, size_t* index) {
  std::string list;
  for (const auto& a : names) list += (list.empty() ? "" : ", ") + a;
  if (!ExpectScalar(ctx, n, key, "one of " + list)) return false;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == n.scalar) {
      *index = i;
      return true;
    }
  }
  ctx->Error(n, fmt::format("`{}` must be one of {}, not {}{}", key, list, Quote(n.scalar),
                            ctx->MaySuggest() ? DidYouMeanSuffix(n.scalar, names) : ""));
  return false;
}

bool ReadStringList(SchemaContext* ctx, const yaml::Node& n, std::string_view key, KeyList* out) {
  if (!n.IsSequence()) {
    if (n.IsNull()) {
      ctx->Error(n, fmt::format("`{}` has no value; write a list (`[]` for none) or remove the key "
                                "to leave it unknown",
                                key));
    } else {
      ctx->Error(n, fmt::format("`{}` must be a list, not {}", key, Describe(n)));
    }
    return false;
  }
  out->known = true;
  out->loc = ctx->Loc(n);
  bool ok = true;
  out->items.reserve(n.items.size());
  const std::string item_key = fmt::format("{} item", key);
  for (const auto& item : n.items) {
    LocatedString s;
    if (ReadString(ctx, item, item_key, &s)) {
      out->items.push_back(std::move(s));
    } else {
      ok = false;
    }
  }
  return ok;
}

namespace {

std::string LastSegment(std::string_view key) {
  size_t dot = key.rfind('.');
  return std::string(dot == std::string_view::npos ? key : key.substr(dot + 1));
}

}  // namespace

// Suggestions for an unknown taxonomy key: by meaning, keys that end in the
// same word (`user.contact.name` -> `user.name`), for authors who guess a
// key's place in the tree; else by spelling; else a key of another kind
// (`student` is a subject, not a category). The author may need a new key
// rather than an existing one, so the message also says where keys are
// defined (contexts excepted: organization.yaml defines them too).
std::string TaxonomyKeyHint(const Taxonomy& tax, TaxonomyKind kind, std::string_view word) {
  const std::vector<std::string> keys = tax.Keys(kind);
  for (TaxonomyKind other : kAllTaxonomyKinds) {
    if (other != kind && tax.Has(other, word))
      return fmt::format("; `{}` is a {}, not a {}", word, TaxonomyKindNoun(other),
                         TaxonomyKindNoun(kind));
  }
  const std::string where =
      kind == TaxonomyKind::kContext
          ? ""
          : fmt::format("new keys go in taxonomy.yaml under `{}`", TaxonomyKindSection(kind));
  const std::string last = LastSegment(word);
  auto ending_in = [&](const std::string& segment) {
    std::vector<std::string> found;
    if (segment.empty() || segment == word) return found;
    for (const std::string& k : keys) {
      if (LastSegment(k) == segment) found.push_back(fmt::format("`{}`", k));
    }
    return found;
  };
  std::vector<std::string> meaning = ending_in(last);
  // Same last word beats spelling: `user.contact.name` is one edit-distance
  // hop from `user.contact.email`, but it means `user.name`.
  if (meaning.empty() || meaning.size() > 3) {
    std::string spelling = DidYouMeanSuffix(word, keys);
    if (!spelling.empty()) return spelling + (where.empty() ? "" : " (" + where + ")");
  }
  if (meaning.empty()) {
    // A misspelt last word in the wrong place: `user.emial`.
    std::vector<std::string> segments;
    for (const std::string& k : keys) segments.push_back(LastSegment(k));
    meaning = ending_in(ClosestMatch(last, segments));
  }
  if (!meaning.empty() && meaning.size() <= 3) {
    std::string list = meaning[0];
    for (size_t i = 1; i < meaning.size(); ++i)
      list += (i + 1 == meaning.size() ? " or " : ", ") + meaning[i];
    return fmt::format("; did you mean {}?{}", list, where.empty() ? "" : " (" + where + ")");
  }
  return where.empty() ? "" : "; " + where;
}

bool ReadTaxonomyKey(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                     const Taxonomy& tax, TaxonomyKind kind, LocatedString* out) {
  if (!ReadString(ctx, n, key, out)) return false;
  if (tax.Has(kind, out->value)) return true;
  ctx->Error(n, fmt::format("unknown {} {} in `{}`{}", TaxonomyKindNoun(kind), Quote(out->value),
                            key, ctx->MaySuggest() ? TaxonomyKeyHint(tax, kind, out->value) : ""));
  return false;
}

bool ReadTaxonomyKeyList(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                         const Taxonomy& tax, TaxonomyKind kind, KeyList* out) {
  if (!ReadStringList(ctx, n, key, out)) return false;
  bool ok = true;
  std::set<std::string_view> seen;
  for (size_t i = 0; i < out->items.size(); ++i) {
    const LocatedString& s = out->items[i];
    if (tax.Has(kind, s.value)) {
      // A set, not a scan of the earlier items: a list can be long.
      if (!seen.insert(s.value).second) {
        ctx->ErrorAt(s.loc.line, s.loc.column,
                     fmt::format("{} {} is listed twice in `{}`", TaxonomyKindNoun(kind),
                                 Quote(s.value), key));
        ok = false;
      }
      continue;
    }
    ctx->ErrorAt(s.loc.line, s.loc.column,
                 fmt::format("unknown {} {} in `{}`{}", TaxonomyKindNoun(kind), Quote(s.value), key,
                             ctx->MaySuggest() ? TaxonomyKeyHint(tax, kind, s.value) : ""));
    ok = false;
  }
  return ok;
}

}  // namespace vendorlint
