// Strict, located reading of yaml::Node trees into model values. Shared by the
// registry loaders and the rule compiler so that every file gets the same
// messages: unknown keys with a suggestion, missing keys, wrong types, bad
// enum values, URLs and dates — each at the node's line and column.
#ifndef VENDORLINT_LOAD_SCHEMA_READER_H_
#define VENDORLINT_LOAD_SCHEMA_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_document.h"
#include "util/date.h"
#include "model/registry.h"
#include "model/taxonomy.h"
#include "model/tri.h"

namespace vendorlint {

// Where one file's diagnostics go and how its locations are made.
class SchemaContext {
 public:
  SchemaContext(std::string path, uint32_t file_id, std::vector<Diagnostic>* diags)
      : path_(std::move(path)), file_id_(file_id), diags_(diags) {}

  Location Loc(const yaml::Node& n) const { return Location{file_id_, n.line, n.column}; }
  void Error(const yaml::Node& at, std::string message) { ErrorAt(at.line, at.column, std::move(message)); }
  void ErrorAt(uint32_t line, uint32_t column, std::string message);

  const std::string& path() const { return path_; }
  uint32_t file_id() const { return file_id_; }
  size_t errors() const { return errors_; }

  // Did-you-mean suggestions are offered for a file's first kMaxSuggestions
  // errors only: each one scans a candidate list (a taxonomy can be large),
  // and past that point more suggestions help nobody.
  static constexpr size_t kMaxSuggestions = 20;
  bool MaySuggest() const { return errors_ < kMaxSuggestions; }

  // Set when what was reported depends on today's date, not only on the
  // file's bytes (a review date in the future): the parse cache must not keep
  // such a result (load/parse_cache.h).
  void MarkDependsOnToday() { depends_on_today_ = true; }
  bool depends_on_today() const { return depends_on_today_; }

 private:
  std::string path_;
  uint32_t file_id_;
  std::vector<Diagnostic>* diags_;
  size_t errors_ = 0;
  bool depends_on_today_ = false;
};

// A YAML mapping read strictly. The constructor reports a non-mapping node and
// every key not in `allowed` (with a did-you-mean); Require() reports missing
// keys. `what` names the mapping in messages: "provider", "data flow".
// A key that is no longer accepted (a format change) is reported with
// `retired(key, value)` instead of a suggestion, when that returns a message.
class MappingReader {
 public:
  using RetiredKey = std::string (*)(std::string_view key, const yaml::Node& value);
  MappingReader(SchemaContext* ctx, const yaml::Node& node, std::string what,
                std::vector<std::string> allowed, RetiredKey retired = nullptr);

  bool is_mapping() const { return node_.IsMapping(); }
  const yaml::Node& node() const { return node_; }
  // The value of `key`, or nullptr when absent.
  const yaml::Node* Find(std::string_view key) const;
  // Like Find, but reports "missing required key `key` in <what>" when absent.
  const yaml::Node* Require(std::string_view key);
  const std::string& what() const { return what_; }

 private:
  SchemaContext* ctx_;
  const yaml::Node& node_;
  std::string what_;
};

// Typed readers. Each returns false after reporting a precise error when the
// node has the wrong type or an invalid value; `key` names the field.
bool ReadString(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out);
bool ReadOptString(SchemaContext* ctx, const MappingReader& m, std::string_view key,
                   std::optional<LocatedString>* out);
// true | false | unknown (plain scalars only).
bool ReadTri(SchemaContext* ctx, const yaml::Node& n, std::string_view key, TriFact* out);
bool ReadBool(SchemaContext* ctx, const yaml::Node& n, std::string_view key, bool* out);
// Decimal integer, no sign unless negative, no leading zeros ("012" is rejected).
bool ReadInt(SchemaContext* ctx, const yaml::Node& n, std::string_view key, int64_t* out);
bool ReadDate(SchemaContext* ctx, const yaml::Node& n, std::string_view key, Located<Date>* out);
// http:// or https:// with a host; no spaces or control characters.
bool ReadUrl(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out);
// An identifier: lowercase letters and digits, words joined by '-'.
bool ReadId(SchemaContext* ctx, const yaml::Node& n, std::string_view key, LocatedString* out);
// One of `names`; reports "`key` must be one of a, b, c; did you mean `b`?".
bool ReadEnum(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
              const std::vector<std::string>& names, size_t* index);
// A sequence of strings. Reports non-sequences and non-string items; keeps
// going past bad items. Sets out->known and out->loc.
bool ReadStringList(SchemaContext* ctx, const yaml::Node& n, std::string_view key, KeyList* out);
// A taxonomy key that must exist in `tax` ("unknown data category `user.emial`;
// did you mean `user.email`?").
// "; did you mean `x`?" and where new keys go, for an unknown taxonomy key.
std::string TaxonomyKeyHint(const Taxonomy& tax, TaxonomyKind kind, std::string_view word);
bool ReadTaxonomyKey(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                     const Taxonomy& tax, TaxonomyKind kind, LocatedString* out);
bool ReadTaxonomyKeyList(SchemaContext* ctx, const yaml::Node& n, std::string_view key,
                         const Taxonomy& tax, TaxonomyKind kind, KeyList* out);

// True if `s` is a syntactically valid http(s) URL by the rules of ReadUrl.
bool IsValidUrl(std::string_view s, std::string* why);
// True if `s` is a valid taxonomy key (`user.contact.email`).
bool IsValidTaxonomyKey(std::string_view s);
// True if `s` is a valid id (`mongodb-atlas`).
bool IsValidId(std::string_view s);
// Quotes a scalar for messages: "value", escaped and cut after
// kQuoteCodePoints code points ("… (N bytes)"), so a message never echoes more
// than a short excerpt of a value (a secret in a mistyped file, say).
inline constexpr size_t kQuoteCodePoints = 60;
std::string Quote(std::string_view s);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_SCHEMA_READER_H_
