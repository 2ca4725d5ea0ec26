#include "load/schema_reader.h"

#include <charconv>

#include <fmt/format.h>

#include "util/did_you_mean.h"

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
  std::string out = "\"";
  size_t n = 0;
  for (char c : s) {
    if (++n > 60) {
      out += "...";
      break;
    }
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
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
    std::string suggestion = DidYouMeanSuffix(k.scalar, allowed);
    if (suggestion.empty()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      suggestion = fmt::format(" (expected one of: {})", list);
    }
    ctx->Error(k, fmt::format("unknown key `{}` in {}{}", k.scalar, what_, suggestion));
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
    ctx->Error(n, fmt::format("`{}` must be a whole number written in decimal without leading "
                              "zeros, not {}",
                              key, Quote(s)));
    return false;
  }
  *out = v;
  return true;
}

bool ReadDate(SchemaContext* ctx, const yaml::Node& n, std::string_view key, Located<Date>* out) {
  if (!ExpectScalar(ctx, n, key, "a date (YYYY-MM-DD)")) return false;
  Date d;
  if (!Date::Parse(n.scalar, &d)) {
    ctx->Error(n, fmt::format("`{}` must be a real calendar date written YYYY-MM-DD, not {}", key,
                              Quote(n.scalar)));
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
                            DidYouMeanSuffix(n.scalar, names)));
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
  for (const auto& item : n.items) {
    LocatedString s;
    if (ReadString(ctx, item, fmt::format("{} item", key), &s)) {
      out->items.push_back(std::move(s));
    } else {
      ok = false;
    }
  }
  return ok;
}

bool ReadTaxonomyKey(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                     const Taxonomy& tax, TaxonomyKind kind, LocatedString* out) {
  if (!ReadString(ctx, n, key, out)) return false;
  if (tax.Has(kind, out->value)) return true;
  ctx->Error(n, fmt::format("unknown {} {} in `{}`{}", TaxonomyKindNoun(kind), Quote(out->value),
                            key, DidYouMeanSuffix(out->value, tax.Keys(kind))));
  return false;
}

bool ReadTaxonomyKeyList(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                         const Taxonomy& tax, TaxonomyKind kind, KeyList* out) {
  if (!ReadStringList(ctx, n, key, out)) return false;
  bool ok = true;
  for (size_t i = 0; i < out->items.size(); ++i) {
    const LocatedString& s = out->items[i];
    if (tax.Has(kind, s.value)) {
      for (size_t j = 0; j < i; ++j) {
        if (out->items[j].value == s.value) {
          ctx->ErrorAt(s.loc.line, s.loc.column,
                       fmt::format("{} {} is listed twice in `{}`", TaxonomyKindNoun(kind),
                                   Quote(s.value), key));
          ok = false;
          break;
        }
      }
      continue;
    }
    ctx->ErrorAt(s.loc.line, s.loc.column,
                 fmt::format("unknown {} {} in `{}`{}", TaxonomyKindNoun(kind), Quote(s.value), key,
                             DidYouMeanSuffix(s.value, tax.Keys(kind))));
    ok = false;
  }
  return ok;
}

}  // namespace vendorlint
