#include "check/fingerprint.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

namespace vendorlint {
namespace {

// Sorted keys joined by ','; `?` for an unstated list, so that "unknown" and
// "none" ([]) stay different identities.
std::string SortedKeys(const KeyList& l) {
  if (!l.known) return "?";
  std::vector<std::string_view> keys;
  keys.reserve(l.items.size());
  for (const auto& k : l.items) keys.push_back(k.value);
  std::sort(keys.begin(), keys.end());
  std::string out;
  for (auto k : keys) {
    if (!out.empty()) out += ',';
    out += k;
  }
  return out;
}

std::string OptValue(const std::optional<LocatedString>& s) { return s ? s->value : ""; }

// A flow's own purposes or contexts; "" when unstated (as v1's absent
// `purpose:`), so fingerprints of v1 flows do not change.
std::string OwnKeys(const KeyList& l) { return l.known ? SortedKeys(l) : ""; }

std::string FlowKey(const DataFlow& f) {
  return fmt::format("{};{};{};{};{}", DirectionName(f.direction.value), SortedKeys(f.categories),
                     SortedKeys(f.subjects), OwnKeys(f.purposes), OwnKeys(f.contexts));
}

std::string ExclusionKey(const Exclusion& e) {
  return fmt::format("{};{};{};{}", e.direction ? DirectionName(e.direction->value) : "",
                     SortedKeys(e.subjects), SortedKeys(e.categories), SortedKeys(e.contexts));
}

std::string SourceKey(const Source& s) {
  return fmt::format("{};{};{}", s.disclosure.value, OptValue(s.section), OptValue(s.row));
}

// What the segments seen so far point at.
struct Cursor {
  const Provider* provider = nullptr;
  const DataFlow* flow = nullptr;
  const Exclusion* exclusion = nullptr;
  const Source* source = nullptr;
  bool in_record() const { return flow || exclusion || source; }
};

const KeyList* KeyListAt(const Cursor& c, std::string_view name) {
  if (c.flow) {
    if (name == "subjects") return &c.flow->subjects;
    if (name == "categories") return &c.flow->categories;
    return nullptr;
  }
  if (c.exclusion) {
    if (name == "subjects") return &c.exclusion->subjects;
    if (name == "categories") return &c.exclusion->categories;
    if (name == "contexts") return &c.exclusion->contexts;
    return nullptr;
  }
  if (c.source || c.provider == nullptr) return nullptr;
  if (name == "contexts") return &c.provider->contexts;
  if (name == "purposes") return &c.provider->purposes;
  return nullptr;
}

// The canonical form of one `name[index]` segment, or "" if it cannot be
// resolved (the caller then keeps the segment as written).
std::string CanonicalIndexed(Cursor* c, std::string_view name, size_t i) {
  const Provider* p = c->provider;
  if (p != nullptr && !c->in_record()) {
    if (name == "data_flows" && i < p->data_flows.items.size()) {
      c->flow = &p->data_flows.items[i];
      return fmt::format("data_flows[{}]", FlowKey(*c->flow));
    }
    if (name == "exclusions" && i < p->exclusions.items.size()) {
      c->exclusion = &p->exclusions.items[i];
      return fmt::format("exclusions[{}]", ExclusionKey(*c->exclusion));
    }
    if (name == "sources" && i < p->sources.items.size()) {
      c->source = &p->sources.items[i];
      return fmt::format("sources[{}]", SourceKey(*c->source));
    }
  }
  if (name == "qualifiers" && c->flow && i < c->flow->qualifiers.items.size())
    return fmt::format("qualifiers[{}]", QualifierName(c->flow->qualifiers.items[i].value));
  if (const KeyList* l = KeyListAt(*c, name); l && i < l->items.size())
    return fmt::format("{}[{}]", name, l->items[i].value);
  return "";
}

std::string PrimaryPath(const Registry& registry, const Finding& f) {
  std::string best;
  bool have = false;
  for (const auto& e : f.evidence) {
    std::string c = CanonicalEvidencePath(registry, f.provider_id, e.path);
    if (!have || c < best) best = std::move(c);
    have = true;
  }
  return best;
}

std::string Hex16(uint64_t v) { return fmt::format("{:016x}", v); }

std::string Hash(const Finding& f, const std::string& primary) {
  std::string input =
      fmt::format("{}\n{}\n{}\n{}", kFingerprintVersion, f.rule_id, f.provider_id, primary);
  return Hex16(Fnv1a64(input));
}

}  // namespace

namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

// FNV-1a continued over `bytes` from the state `h`.
uint64_t Fnv1a64From(uint64_t h, std::string_view bytes) {
  for (char ch : bytes) {
    h ^= static_cast<uint8_t>(ch);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes) { return Fnv1a64From(kFnvOffset, bytes); }

uint64_t FingerprintHashWithoutEvidence(std::string_view rule_id, std::string_view provider_id) {
  // The bytes FingerprintHash formats, with an empty primary path.
  uint64_t h = Fnv1a64From(kFnvOffset, kFingerprintVersion);
  h = Fnv1a64From(h, "\n");
  h = Fnv1a64From(h, rule_id);
  h = Fnv1a64From(h, "\n");
  h = Fnv1a64From(h, provider_id);
  return Fnv1a64From(h, "\n");
}

std::string CanonicalEvidencePath(const Registry& registry, std::string_view provider_id,
                                  const EvidencePath& path) {
  Cursor c;
  c.provider = registry.FindProvider(provider_id);
  std::string out;
  for (const PathSegment& seg : path.segments()) {
    std::string canonical;
    if (seg.is_host()) {
      // A host's facts: later segments belong to that provider.
      c = Cursor{};
      c.provider = registry.FindProvider(seg.host);
    } else if (seg.index) {
      canonical = CanonicalIndexed(&c, seg.name, *seg.index);
    }
    if (canonical.empty()) canonical = FormatSegment(seg);
    if (!out.empty()) out += '.';
    out += canonical;
  }
  return out;
}

uint64_t FingerprintHash(const Registry& registry, const Finding& finding) {
  std::string input = fmt::format("{}\n{}\n{}\n{}", kFingerprintVersion, finding.rule_id,
                                  finding.provider_id, PrimaryPath(registry, finding));
  return Fnv1a64(input);
}

std::string FormatFingerprint(uint64_t hash, uint32_t n) {
  return n >= 2 ? fmt::format("{:016x}-{}", hash, n) : Hex16(hash);
}

std::string ComputeFingerprint(const Registry& registry, const Finding& finding) {
  return Hash(finding, PrimaryPath(registry, finding));
}

void AssignFingerprints(const Registry& registry, std::vector<Finding>* findings) {
  std::vector<std::string> primary(findings->size());
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    primary[i] = PrimaryPath(registry, f);
    (*findings)[i].fingerprint = Hash(f, primary[i]);
  }
  // There is one finding per (rule, provider), so two equal fingerprints need a
  // 64-bit collision: check cheaply before doing the careful work below.
  std::unordered_set<std::string_view> distinct;
  distinct.reserve(findings->size());
  bool collision = false;
  for (const Finding& f : *findings)
    collision = !distinct.insert(f.fingerprint).second || collision;
  if (!collision) return;
  // Collisions are resolved in an order that depends only on content, so the
  // suffixes do not depend on how the caller sorted the findings.
  std::vector<size_t> order(findings->size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Finding& fa = (*findings)[a];
    const Finding& fb = (*findings)[b];
    return std::tie(fa.rule_id, fa.provider_id, primary[a]) <
           std::tie(fb.rule_id, fb.provider_id, primary[b]);
  });
  std::map<std::string, size_t> seen;
  for (size_t i : order) {
    std::string& fp = (*findings)[i].fingerprint;
    size_t n = ++seen[fp];
    if (n > 1) fp += fmt::format("-{}", n);
  }
}

}  // namespace vendorlint
