// Evidence paths: where in a provider a fact lies, relative to the provider,
// e.g. `data_flows[2].subjects[0]`, `storage.encrypted_at_rest`, or
// `host[aws].storage.encrypted_at_rest` (a fact of the provider's host).
//
// Why a type: the evaluator builds these paths, and waivers (narrowing by
// `evidence:`), fingerprints (replacing indexes by content) and reports read
// them. One value type with one Format() and one Parse() replaces strings that
// each reader split again by hand.
//
// Grammar (Parse accepts exactly what Format writes):
//   path    = segment *("." segment)
//   segment = name ["[" index "]"] | "host[" provider-id "]"
//   name    = 1*(a-z | "_")         ; "host" only with a provider id
//   index   = "0" | (1-9) *8(0-9)   ; no leading zeros, at most 9 digits
//
// Thread-safety: a plain value; const methods may be called concurrently.
#ifndef VENDORLINT_RULES_EVIDENCE_PATH_H_
#define VENDORLINT_RULES_EVIDENCE_PATH_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace vendorlint {

// One step of a path.
struct PathSegment {
  std::string name;               // a field name, or "host"
  std::optional<uint32_t> index;  // `name[index]`: an item of a list
  std::string host;               // name == "host": the hosting provider's id

  bool is_host() const { return name == "host" && !host.empty(); }
  friend bool operator==(const PathSegment&, const PathSegment&) = default;
};

// One segment as Format writes it: `name`, `name[3]` or `host[id]`.
std::string FormatSegment(const PathSegment& seg);

// Why Parse rejected a text: `offset` is the 0-based byte offset in the text
// where the problem starts (a column for the caller to add to its own).
struct EvidencePathError {
  size_t offset = 0;
  std::string message;  // e.g. "an index must be a number without leading zeros"
};

class EvidencePath {
 public:
  EvidencePath() = default;
  // Implicit on purpose: evidence written as text (rule tests, fixtures) reads
  // as a path. Text that does not parse is kept verbatim as one opaque
  // segment, so it formats back unchanged and matches only itself; code that
  // must reject bad text (the waiver loader) calls Parse.
  EvidencePath(std::string_view text);  // NOLINT(google-explicit-constructor)
  EvidencePath(const char* text) : EvidencePath(std::string_view(text)) {}  // NOLINT
  EvidencePath(const std::string& text) : EvidencePath(std::string_view(text)) {}  // NOLINT

  // The path `text`, or nullopt with *error set (when not null).
  static std::optional<EvidencePath> Parse(std::string_view text,
                                           EvidencePathError* error = nullptr);

  // Builders; each returns *this for chaining.
  // A field path relative to a scope, dotted (`storage.encrypted_at_rest`):
  // one segment per name.
  EvidencePath& Field(std::string_view dotted);
  EvidencePath& Item(std::string_view list, uint32_t index);  // `list[index]`
  EvidencePath& Host(std::string_view provider_id);           // `host[id]`
  EvidencePath& Append(const EvidencePath& tail);
  // The path with `index` on its last segment (`subjects` -> `subjects[2]`).
  EvidencePath WithIndex(uint32_t index) const;
  // The segments after `prefix` when `prefix` starts this path (a host's own
  // path below `host[aws]`); this path unchanged otherwise.
  EvidencePath After(const EvidencePath& prefix) const;

  const std::vector<PathSegment>& segments() const { return segments_; }
  bool empty() const { return segments_.empty(); }

  std::string Format() const;
  operator std::string() const { return Format(); }  // NOLINT(google-explicit-constructor)

  // True if `path` is this path or a node below it, by whole segments:
  // `data_flows[1]` covers `data_flows[1].subjects[0]` but not
  // `data_flows[12]`; `data_flows` covers `data_flows[1]`; `storage` covers
  // `storage.encrypted_at_rest`.
  bool Covers(const EvidencePath& path) const;

  friend bool operator==(const EvidencePath&, const EvidencePath&) = default;
  friend auto operator<=>(const EvidencePath& a, const EvidencePath& b) {
    return a.Format() <=> b.Format();
  }
  friend bool operator==(const EvidencePath& a, std::string_view b) { return a.Format() == b; }
  friend bool operator==(const EvidencePath& a, const char* b) {
    return a.Format() == std::string_view(b);
  }
  friend std::string operator+(std::string_view a, const EvidencePath& b) {
    return std::string(a) + b.Format();
  }
  friend std::string operator+(const EvidencePath& a, std::string_view b) {
    return a.Format() + std::string(b);
  }
  friend std::ostream& operator<<(std::ostream& os, const EvidencePath& p) {
    return os << p.Format();
  }

 private:
  std::vector<PathSegment> segments_;
};

}  // namespace vendorlint

// `{}` formats a path as Format() does.
template <>
struct fmt::formatter<vendorlint::EvidencePath> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const vendorlint::EvidencePath& p, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(p.Format(), ctx);
  }
};

#endif  // VENDORLINT_RULES_EVIDENCE_PATH_H_
