#include "rules/evidence_path.h"

#include <algorithm>

#include <fmt/format.h>

#include "load/schema_reader.h"

namespace vendorlint {
namespace {

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// "0", or 1-9 digits without a leading zero.
bool ParseIndex(std::string_view s, uint32_t* out) {
  if (s.empty() || (s.size() > 1 && s[0] == '0') || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *out = v;
  return true;
}

bool Fail(EvidencePathError* error, size_t offset, std::string message) {
  if (error) *error = EvidencePathError{offset, std::move(message)};
  return false;
}

}  // namespace

EvidencePath::EvidencePath(std::string_view text) {
  if (text.empty()) return;
  if (auto parsed = Parse(text)) {
    *this = std::move(*parsed);
  } else {
    segments_.push_back(PathSegment{std::string(text), std::nullopt, ""});
  }
}

std::optional<EvidencePath> EvidencePath::Parse(std::string_view s, EvidencePathError* error) {
  EvidencePath out;
  size_t pos = 0;
  while (true) {
    const size_t start = pos;
    while (pos < s.size() && IsNameChar(s[pos])) ++pos;
    PathSegment seg{std::string(s.substr(start, pos - start)), std::nullopt, ""};
    if (seg.name.empty()) {
      Fail(error, start, "expected a field name (lowercase letters and '_')");
      return std::nullopt;
    }
    if (pos < s.size() && s[pos] == '[') {
      const size_t close = s.find(']', pos);
      if (close == std::string_view::npos) {
        Fail(error, pos, "`[` without a closing `]`");
        return std::nullopt;
      }
      std::string_view inside = s.substr(pos + 1, close - pos - 1);
      if (seg.name == "host") {
        if (!IsValidId(inside)) {
          Fail(error, pos + 1, "`host[...]` needs a provider id");
          return std::nullopt;
        }
        seg.host = std::string(inside);
      } else {
        uint32_t index = 0;
        if (!ParseIndex(inside, &index)) {
          Fail(error, pos + 1, "an index must be a number without leading zeros");
          return std::nullopt;
        }
        seg.index = index;
      }
      pos = close + 1;
    } else if (seg.name == "host") {
      Fail(error, start, "`host` needs a provider id: `host[<id>]`");
      return std::nullopt;
    }
    out.segments_.push_back(std::move(seg));
    if (pos == s.size()) return out;
    if (s[pos] != '.') {
      Fail(error, pos, "expected `.` between segments");
      return std::nullopt;
    }
    ++pos;
  }
}

EvidencePath& EvidencePath::Field(std::string_view dotted) {
  size_t pos = 0;
  while (pos <= dotted.size()) {
    size_t dot = dotted.find('.', pos);
    if (dot == std::string_view::npos) dot = dotted.size();
    segments_.push_back(PathSegment{std::string(dotted.substr(pos, dot - pos)), std::nullopt, ""});
    pos = dot + 1;
  }
  return *this;
}

EvidencePath& EvidencePath::Item(std::string_view list, uint32_t index) {
  segments_.push_back(PathSegment{std::string(list), index, ""});
  return *this;
}

EvidencePath& EvidencePath::Host(std::string_view provider_id) {
  segments_.push_back(PathSegment{"host", std::nullopt, std::string(provider_id)});
  return *this;
}

EvidencePath& EvidencePath::Append(const EvidencePath& tail) {
  segments_.insert(segments_.end(), tail.segments_.begin(), tail.segments_.end());
  return *this;
}

EvidencePath EvidencePath::WithIndex(uint32_t index) const {
  EvidencePath out = *this;
  if (!out.segments_.empty()) out.segments_.back().index = index;
  return out;
}

EvidencePath EvidencePath::After(const EvidencePath& prefix) const {
  const auto& pre = prefix.segments_;
  if (pre.size() > segments_.size() || !std::equal(pre.begin(), pre.end(), segments_.begin()))
    return *this;
  EvidencePath out;
  out.segments_.assign(segments_.begin() + static_cast<std::ptrdiff_t>(pre.size()),
                       segments_.end());
  return out;
}

std::string FormatSegment(const PathSegment& seg) {
  if (seg.is_host()) return fmt::format("host[{}]", seg.host);
  if (seg.index) return fmt::format("{}[{}]", seg.name, *seg.index);
  return seg.name;
}

std::string EvidencePath::Format() const {
  std::string out;
  for (const PathSegment& seg : segments_) {
    if (!out.empty()) out += '.';
    out += FormatSegment(seg);
  }
  return out;
}

bool EvidencePath::Covers(const EvidencePath& path) const {
  const auto& a = segments_;
  const auto& b = path.segments_;
  if (a.size() > b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    // Only the last segment may be the unindexed list of an indexed item.
    const bool last = i + 1 == a.size();
    if (!(last && !a[i].index && !a[i].is_host() && a[i].name == b[i].name && b[i].index))
      return false;
  }
  return true;
}

}  // namespace vendorlint
