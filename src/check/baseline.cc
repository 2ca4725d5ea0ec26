#include "check/baseline.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "util/utf8.h"

namespace vendorlint {
namespace {

bool InBaseline(Outcome o) {
  return o == Outcome::kFail || o == Outcome::kReview || o == Outcome::kWaived;
}

// A YAML double-quoted scalar that the hardened front end reads back as `s`.
// Characters it would reject (control characters, invalid UTF-8, BOMs,
// non-characters) become U+FFFD: the message is for people, the fingerprint
// is the identity.
std::string QuoteYaml(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    switch (cp) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0xFFFE ||
            cp == 0xFFFF) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(s, i, len);
        }
    }
    i += len;
  }
  out += '"';
  return out;
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// 16 lowercase hex digits, optionally `-N` (N >= 2 in practice, see
// AssignFingerprints; any N without leading zeros is accepted).
bool IsFingerprint(std::string_view s) {
  if (s.size() < 16) return false;
  for (size_t i = 0; i < 16; ++i)
    if (!IsHex(s[i])) return false;
  if (s.size() == 16) return true;
  if (s[16] != '-' || s.size() == 17 || s[17] == '0' || s.size() > 26) return false;
  for (size_t i = 17; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

constexpr std::string_view kOutcomeNames[] = {"fail", "review", "waived"};
constexpr std::string_view kSeverityNames[] = {"error", "warning", "note"};
constexpr KeySpec kEntryKeys[] = {
    {"fingerprint", true, KeyShape::kString, "16 lowercase hex digits, optionally -N."},
    {"rule", true, KeyShape::kString, "The finding's rule id."},
    {"provider", true, KeyShape::kString, "The finding's provider id."},
    {"outcome", true, KeyShape::kString, "fail | review | waived.", kOutcomeNames},
    {"severity", true, KeyShape::kString, "error | warning | note.", kSeverityNames},
    {"message", true, KeyShape::kAny, "The message the rule rendered (may be empty)."},
};
constexpr KeySpec kBaselineKeys[] = {
    {"vendorlint_baseline", true, KeyShape::kInteger, "The baseline format's version."},
    {"findings", true, KeyShape::kMappingList, "The accepted findings (`[]` for none).", {},
     kEntryKeys},
};

void ReadEntry(SchemaContext* ctx, const yaml::Node& n, BaselineEntry* e) {
  static const std::vector<std::string> kOutcomes(std::begin(kOutcomeNames),
                                                  std::end(kOutcomeNames));
  static const std::vector<std::string> kSeverities(std::begin(kSeverityNames),
                                                    std::end(kSeverityNames));
  MappingReader m(ctx, n, "baseline entry", KeyNames(kEntryKeys));
  if (!m.is_mapping()) return;
  e->loc = ctx->Loc(n);
  if (const yaml::Node* v = m.Require("fingerprint")) {
    LocatedString s;
    if (ReadString(ctx, *v, "fingerprint", &s)) {
      if (IsFingerprint(s.value)) {
        e->fingerprint = s.value;
      } else {
        ctx->Error(*v, fmt::format("`fingerprint` must be 16 lowercase hex digits, optionally "
                                   "followed by -N, not {}",
                                   Quote(s.value)));
      }
    }
  }
  LocatedString id;
  if (const yaml::Node* v = m.Require("rule"); v && ReadId(ctx, *v, "rule", &id))
    e->rule_id = id.value;
  if (const yaml::Node* v = m.Require("provider"); v && ReadId(ctx, *v, "provider", &id))
    e->provider_id = id.value;
  size_t index = 0;
  if (const yaml::Node* v = m.Require("outcome");
      v && ReadEnum(ctx, *v, "outcome", kOutcomes, &index)) {
    ParseOutcome(kOutcomes[index], &e->outcome);
  }
  if (const yaml::Node* v = m.Require("severity");
      v && ReadEnum(ctx, *v, "severity", kSeverities, &index)) {
    e->severity = static_cast<Severity>(index);
  }
  if (const yaml::Node* v = m.Require("message")) {
    // WriteBaseline writes whatever the rule rendered, even "".
    if (v->IsScalar() && v->scalar.empty()) {
      e->message.clear();
    } else {
      LocatedString s;
      if (ReadString(ctx, *v, "message", &s)) e->message = s.value;
    }
  }
}

}  // namespace

yaml::Limits BaselineLimits() {
  yaml::Limits limits;
  limits.max_bytes = size_t{64} << 20;
  limits.max_nodes = 6'000'000;
  return limits;
}

std::string WriteBaseline(const std::vector<Finding>& findings) {
  std::vector<const Finding*> listed;
  for (const auto& f : findings)
    if (InBaseline(f.outcome)) listed.push_back(&f);
  std::sort(listed.begin(), listed.end(), [](const Finding* a, const Finding* b) {
    return std::tie(a->fingerprint, a->rule_id, a->provider_id) <
           std::tie(b->fingerprint, b->rule_id, b->provider_id);
  });
  std::string out = fmt::format(
      "# vendorlint baseline: the fail, review and waived findings accepted as known.\n"
      "# Written by vendorlint; findings are matched by fingerprint, rule and provider.\n"
      "vendorlint_baseline: {}\n",
      kBaselineVersion);
  if (listed.empty()) return out + "findings: []\n";
  out += "findings:\n";
  for (const Finding* f : listed) {
    out += fmt::format(
        "  - fingerprint: {}\n    rule: {}\n    provider: {}\n    outcome: {}\n"
        "    severity: {}\n    message: {}\n",
        QuoteYaml(f->fingerprint), QuoteYaml(f->rule_id), QuoteYaml(f->provider_id),
        OutcomeName(f->outcome), SeverityName(f->severity), QuoteYaml(f->message));
  }
  return out;
}

std::span<const KeySpec> BaselineKeyTable() { return kBaselineKeys; }

bool ReadBaselineDocument(SchemaContext* ctx, const yaml::Node& root,
                          std::vector<BaselineEntry>* out) {
  size_t before = ctx->errors();
  MappingReader m(ctx, root, "baseline", KeyNames(kBaselineKeys));
  if (!m.is_mapping()) return false;
  if (const yaml::Node* v = m.Require("vendorlint_baseline")) {
    int64_t version = 0;
    if (ReadInt(ctx, *v, "vendorlint_baseline", &version) && version != kBaselineVersion) {
      ctx->Error(*v, fmt::format("unsupported baseline version {}; this vendorlint reads version "
                                 "{} (write the baseline again)",
                                 version, kBaselineVersion));
    }
  }
  const yaml::Node* list = m.Require("findings");
  if (list != nullptr && !list->IsSequence()) {
    ctx->Error(*list, "`findings` must be a list (`[]` for none)");
  } else if (list != nullptr) {
    std::map<std::string, uint32_t, std::less<>> first_line;
    out->reserve(out->size() + list->items.size());
    for (const auto& item : list->items) {
      BaselineEntry e;
      size_t errors = ctx->errors();
      ReadEntry(ctx, item, &e);
      if (ctx->errors() != errors) continue;
      auto [it, inserted] = first_line.emplace(e.fingerprint, item.line);
      if (!inserted) {
        const yaml::Node* fp = nullptr;
        for (const auto& [k, v] : item.entries)
          if (k.scalar == "fingerprint") fp = &v;
        ctx->Error(*fp, fmt::format("fingerprint `{}` is listed twice (first at line {})",
                                    e.fingerprint, it->second));
        continue;
      }
      out->push_back(std::move(e));
    }
  }
  return ctx->errors() == before;
}

bool ReadBaseline(const std::string& path, uint32_t file_id, std::vector<BaselineEntry>* out,
                  std::vector<Diagnostic>* diags) {
  const yaml::Limits limits = BaselineLimits();
  yaml::Node root;
  if (!yaml::ParseFile(path, limits, &root, diags)) return false;
  // Sorted like the registry's diagnostics, by line and column.
  std::vector<Diagnostic> local;
  SchemaContext ctx(path, file_id, &local);
  bool ok = ReadBaselineDocument(&ctx, root, out);
  SortDiagnostics(&local);
  diags->insert(diags->end(), local.begin(), local.end());
  return ok;
}

bool CheckBaselineLabels(const std::vector<BaselineEntry>& baseline,
                         const std::vector<Finding>& findings, const std::string& path,
                         std::vector<Diagnostic>* diags) {
  std::map<std::string_view, const Finding*> by_fingerprint;
  for (const Finding& f : findings)
    if (!f.fingerprint.empty()) by_fingerprint.emplace(f.fingerprint, &f);
  bool ok = true;
  for (const BaselineEntry& e : baseline) {
    auto it = by_fingerprint.find(e.fingerprint);
    if (it == by_fingerprint.end()) continue;
    const Finding& f = *it->second;
    if (f.rule_id == e.rule_id && f.provider_id == e.provider_id) continue;
    diags->push_back(Diagnostic{
        path, e.loc.line, e.loc.column, Severity::kError,
        fmt::format("baseline entry labelled rule `{}`, provider `{}` has the fingerprint {} of "
                    "the finding of rule `{}` about provider `{}`: its labels do not match its "
                    "fingerprint, so it was edited by hand or forged; write the baseline again "
                    "with --write-baseline",
                    e.rule_id, e.provider_id, e.fingerprint, f.rule_id, f.provider_id)});
    ok = false;
  }
  return ok;
}

bool ReadBaseline(const std::string& path, SourceFiles* files, std::vector<BaselineEntry>* out,
                  std::vector<Diagnostic>* diags) {
  return ReadBaseline(path, files->Intern(path), out, diags);
}

std::vector<BaselineEntry> BaselineOf(const std::vector<Finding>& findings) {
  std::vector<BaselineEntry> out;
  for (const auto& f : findings) {
    if (!InBaseline(f.outcome)) continue;
    BaselineEntry e;
    e.fingerprint = f.fingerprint;
    e.rule_id = f.rule_id;
    e.provider_id = f.provider_id;
    e.outcome = f.outcome;
    e.severity = f.severity;
    e.message = f.message;
    out.push_back(std::move(e));
  }
  return out;
}

void ApplyBaseline(const std::vector<BaselineEntry>& baseline, std::vector<Finding>* findings,
                   std::vector<Finding>* absent) {
  // The whole identity: an entry silences only the finding it records.
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  std::set<Key> known;
  for (const auto& e : baseline) known.emplace(e.fingerprint, e.rule_id, e.provider_id);
  std::set<Key> current;
  for (Finding& f : *findings) {
    if (!InBaseline(f.outcome)) continue;
    Key key{f.fingerprint, f.rule_id, f.provider_id};
    f.baseline = known.count(key) ? BaselineState::kUnchanged : BaselineState::kNew;
    current.insert(key);
  }
  std::vector<Finding> gone;
  for (const auto& e : baseline) {
    if (current.count(Key{e.fingerprint, e.rule_id, e.provider_id})) continue;
    Finding f;
    f.rule_id = e.rule_id;
    f.provider_id = e.provider_id;
    f.severity = e.severity;
    f.outcome = e.outcome;
    f.message = e.message;
    f.fingerprint = e.fingerprint;
    f.baseline = BaselineState::kAbsent;
    gone.push_back(std::move(f));
  }
  SortAbsent(&gone);
  for (auto& f : gone) absent->push_back(std::move(f));
}

void SortAbsent(std::vector<Finding>* absent) {
  std::sort(absent->begin(), absent->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.rule_id, a.provider_id, a.fingerprint) <
           std::tie(b.rule_id, b.provider_id, b.fingerprint);
  });
}

}  // namespace vendorlint
