#include "rules/rule_compiler.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "util/did_you_mean.h"
#include "util/parallel_for.h"
#include "load/limited_read.h"
#include "rules/predicate_compiler.h"
#include "util/escape.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRuleSuffix = ".yaml";
constexpr std::string_view kTestSuffix = ".test.yaml";

bool ReadRequiredString(SchemaContext* ctx, MappingReader* m, std::string_view key,
                        std::string* out) {
  const yaml::Node* n = m->Require(key);
  if (n == nullptr) return false;
  LocatedString s;
  if (!ReadString(ctx, *n, key, &s)) return false;
  *out = std::move(s.value);
  return true;
}

bool ReadReferences(SchemaContext* ctx, const yaml::Node& n, std::vector<Reference>* out) {
  if (!n.IsSequence() || n.items.empty()) {
    ctx->Error(n, n.IsSequence() ? std::string("`references` needs at least one reference")
                                 : std::string("`references` must be a list of {title, url, "
                                               "citation} mappings"));
    return false;
  }
  bool ok = true;
  for (const auto& item : n.items) {
    size_t before = ctx->errors();
    MappingReader m(ctx, item, "reference", KeyNames(ReferenceKeyTable()));
    if (!m.is_mapping()) {
      ok = false;
      continue;
    }
    Reference ref;
    ok = ReadRequiredString(ctx, &m, "title", &ref.title) && ok;
    if (const yaml::Node* url = m.Require("url")) {
      LocatedString s;
      if (ReadUrl(ctx, *url, "url", &s)) ref.url = s.value;
    }
    if (const yaml::Node* cite = m.Find("citation")) {
      LocatedString s;
      if (ReadString(ctx, *cite, "citation", &s)) ref.citation = s.value;
    }
    ok = ok && ctx->errors() == before;
    out->push_back(std::move(ref));
  }
  return ok;
}

bool ReadTags(SchemaContext* ctx, const yaml::Node& n, std::vector<std::string>* out) {
  if (!n.IsSequence() || n.items.empty()) {
    ctx->Error(n, n.IsSequence() ? std::string("`tags` needs at least one tag")
                                 : std::string("`tags` must be a list of tags like `coppa`"));
    return false;
  }
  bool ok = true;
  for (const auto& item : n.items) {
    LocatedString tag;
    if (!ReadId(ctx, item, "tag", &tag)) {
      ok = false;
      continue;
    }
    if (std::find(out->begin(), out->end(), tag.value) != out->end()) {
      ctx->Error(item, fmt::format("tag `{}` is listed twice", Excerpt(tag.value)));
      ok = false;
      continue;
    }
    out->push_back(tag.value);
  }
  return ok;
}

// Checks `{placeholder}`s in a message template.
bool CheckMessage(SchemaContext* ctx, const yaml::Node& n, const std::string& text,
                  std::string_view key) {
  if (text.find('\n') != std::string::npos) {
    ctx->Error(n, fmt::format("`{}` must be one line", key));
    return false;
  }
  bool ok = true;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) {
      ctx->Error(n, fmt::format("`{}` has a `{{` without a closing `}}`", key));
      return false;
    }
    std::string name = text.substr(open + 1, close - open - 1);
    const auto& known = MessagePlaceholders();
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string hint = DidYouMeanSuffix(name, known);
    if (hint.empty()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "{" : ", {") + k + "}";
      hint = fmt::format(" (available: {})", list);
    }
    ctx->Error(n, fmt::format("unknown placeholder `{{{}}}` in `{}`{}", name, key, hint));
    ok = false;
  }
  return ok;
}

std::string StemOf(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  if (name.ends_with(kRuleSuffix)) name.resize(name.size() - kRuleSuffix.size());
  return name;
}

}  // namespace

namespace {
constexpr std::string_view kSeverities[] = {"error", "warning", "note"};
constexpr KeySpec kReferenceKeys[] = {
    {"title", true, KeyShape::kString, "The document's title."},
    {"url", true, KeyShape::kString, "http(s) URL of the document."},
    {"citation", false, KeyShape::kString, "The section or paragraph (`16 CFR 312.8`)."},
};
constexpr KeySpec kRuleKeys[] = {
    {"id", true, KeyShape::kString, "Lowercase words joined by '-', equal to the file name."},
    {"title", true, KeyShape::kString, "One line: what the rule requires."},
    {"severity", true, KeyShape::kString, "error | warning | note.", kSeverities},
    {"description", true, KeyShape::kString, "What the rule checks."},
    {"rationale", true, KeyShape::kString, "Why it matters."},
    {"references", true, KeyShape::kMappingList, "Where the requirement comes from; non-empty.",
     {}, kReferenceKeys},
    {"tags", true, KeyShape::kStringList, "Tags for --tag (`coppa`); non-empty."},
    {"remediation", true, KeyShape::kString, "How to fix a fail."},
    {"waivable", false, KeyShape::kBoolean, "Whether a waiver may accept a fail (default true)."},
    {"applies_to", false, KeyShape::kPredicate, "A predicate: the providers the rule is about."},
    {"require", true, KeyShape::kPredicate, "A predicate every provider it applies to must meet."},
    {"message", false, KeyShape::kString, "One line for a fail, with {provider.name} etc."},
    {"review_message", false, KeyShape::kString,
     "One line for a review (default: `message`), so that a review never reads as a fail."},
};
}  // namespace

std::span<const KeySpec> RuleKeyTable() { return kRuleKeys; }
std::span<const KeySpec> ReferenceKeyTable() { return kReferenceKeys; }

const std::vector<std::string>& RuleKeys() {
  static const std::vector<std::string> keys = KeyNames(kRuleKeys);
  return keys;
}

const std::vector<std::string>& MessagePlaceholders() {
  static const std::vector<std::string> names = {"provider.id", "provider.name", "rule.id",
                                                 "rule.title"};
  return names;
}

bool CompileRule(SchemaContext* ctx, const yaml::Node& root, const Taxonomy& taxonomy,
                 const std::string& expected_id, Rule* out) {
  size_t before = ctx->errors();
  MappingReader m(ctx, root, "rule", RuleKeys());
  if (!m.is_mapping()) return false;

  if (const yaml::Node* id = m.Require("id")) {
    LocatedString s;
    if (ReadId(ctx, *id, "id", &s)) {
      out->id = s.value;
      out->loc = s.loc;
      if (!expected_id.empty() && s.value != expected_id) {
        ctx->Error(*id, fmt::format("rule id `{}` must equal the file name `{}` (without .yaml)",
                                    s.value, expected_id));
      }
    }
  }
  ReadRequiredString(ctx, &m, "title", &out->title);
  if (const yaml::Node* sev = m.Require("severity")) {
    size_t i = 0;
    if (ReadEnum(ctx, *sev, "severity", {std::begin(kSeverities), std::end(kSeverities)}, &i))
      out->severity = static_cast<Severity>(i);
  }
  ReadRequiredString(ctx, &m, "description", &out->description);
  ReadRequiredString(ctx, &m, "rationale", &out->rationale);
  if (const yaml::Node* refs = m.Require("references"))
    ReadReferences(ctx, *refs, &out->references);
  if (const yaml::Node* tags = m.Require("tags")) ReadTags(ctx, *tags, &out->tags);
  ReadRequiredString(ctx, &m, "remediation", &out->remediation);
  if (const yaml::Node* w = m.Find("waivable")) ReadBool(ctx, *w, "waivable", &out->waivable);

  PredicateCompiler pc(ctx, taxonomy);
  if (const yaml::Node* a = m.Find("applies_to")) {
    out->applies_to.emplace();
    pc.Compile(*a, Scope::kProvider, &*out->applies_to);
  }
  if (const yaml::Node* r = m.Require("require")) pc.Compile(*r, Scope::kProvider, &out->require);
  out->uses_dates = pc.uses_dates();

  out->message = "{rule.title}";
  if (const yaml::Node* msg = m.Find("message")) {
    LocatedString s;
    if (ReadString(ctx, *msg, "message", &s) && CheckMessage(ctx, *msg, s.value, "message"))
      out->message = s.value;
  }
  out->review_message = out->message;
  if (const yaml::Node* msg = m.Find("review_message")) {
    LocatedString s;
    if (ReadString(ctx, *msg, "review_message", &s) &&
        CheckMessage(ctx, *msg, s.value, "review_message"))
      out->review_message = s.value;
  }
  return ctx->errors() == before;
}

bool CompileRuleText(const std::string& path, std::string_view text, uint32_t file_id,
                     const Taxonomy& taxonomy, const yaml::Limits& limits, Rule* out,
                     std::vector<Diagnostic>* diags) {
  yaml::Node root;
  if (!yaml::ParseDocument(path, text, limits, &root, diags)) return false;
  SchemaContext ctx(path, file_id, diags);
  out->path = path;
  return CompileRule(&ctx, root, taxonomy, StemOf(path), out);
}

std::vector<std::string> FindRuleFiles(const std::string& rules_dir,
                                       std::vector<Diagnostic>* diags) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(rules_dir, ec)) {
    diags->push_back(Diagnostic{rules_dir, 0, 0, Severity::kError, "rules directory not found"});
    return files;
  }
  fs::recursive_directory_iterator it(rules_dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    std::string path = it->path().string();
    if (name.ends_with(kTestSuffix)) continue;
    if (name.ends_with(kRuleSuffix)) {
      files.push_back(path);
    } else if (name.ends_with(".yml")) {
      diags->push_back(Diagnostic{path, 0, 0, Severity::kError,
                                  "rule and test files must end in .yaml, not .yml"});
    }
  }
  if (ec) {
    diags->push_back(Diagnostic{rules_dir, 0, 0, Severity::kError,
                                fmt::format("cannot list the rules directory: {}", ec.message())});
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool LoadRules(const std::string& rules_dir, const Taxonomy& taxonomy,
               const yaml::Limits& given_limits, RuleSet* out, std::vector<Diagnostic>* diags,
               unsigned threads) {
  // Every rule file must resolve inside the rules folder.
  yaml::Limits limits = given_limits;
  if (limits.root.empty()) limits.root = rules_dir;
  std::vector<Diagnostic> local;
  std::vector<std::string> files = FindRuleFiles(rules_dir, &local);
  bool ok = CountErrors(local) == 0;

  struct Slot {
    Rule rule;
    bool ok = false;
    std::vector<Diagnostic> diags;
  };
  std::vector<Slot> slots(files.size());
  ParallelFor(files.size(), threads, [&](size_t i) {
    Slot& s = slots[i];
    std::string text;
    if (!yaml::ReadFileLimited(files[i], limits, &text, &s.diags)) return;
    s.ok = CompileRuleText(files[i], text, static_cast<uint32_t>(i), taxonomy, limits, &s.rule,
                           &s.diags);
  });

  out->files = SourceFiles{};
  for (const auto& f : files) out->files.Intern(f);  // ids = positions in the sorted list
  out->rules.clear();
  std::map<std::string, const Rule*, std::less<>> first;  // id -> first file defining it
  for (Slot& s : slots) {
    local.insert(local.end(), s.diags.begin(), s.diags.end());
    if (!s.ok) {
      ok = false;
      continue;
    }
    auto [it, inserted] = first.emplace(s.rule.id, &s.rule);
    if (!inserted) {
      const Rule& prev = *it->second;
      local.push_back(
          Diagnostic{s.rule.path, s.rule.loc.line, s.rule.loc.column, Severity::kError,
                     fmt::format("duplicate rule id `{}` (also defined at {}:{}:{})", s.rule.id,
                                 prev.path, prev.loc.line, prev.loc.column)});
      ok = false;
    }
  }
  for (Slot& s : slots) {
    if (!s.ok) continue;
    auto it = first.find(s.rule.id);
    if (it->second == &s.rule) out->rules.push_back(std::move(s.rule));
  }
  std::sort(out->rules.begin(), out->rules.end(),
            [](const Rule& a, const Rule& b) { return a.id < b.id; });
  SortDiagnostics(&local);
  diags->insert(diags->end(), local.begin(), local.end());
  return ok;
}

}  // namespace vendorlint
