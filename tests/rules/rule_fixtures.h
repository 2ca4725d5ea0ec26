// Shared fixtures for the rule engine tests: a small taxonomy shaped like
// registry/taxonomy.yaml, and helpers that build Providers, Predicates and
// Rules from YAML text through the real loader and compiler.
#ifndef VENDORLINT_TESTS_RULES_RULE_FIXTURES_H_
#define VENDORLINT_TESTS_RULES_RULE_FIXTURES_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "load/provider_loader.h"
#include "load/schema_reader.h"
#include "load/yaml_document.h"
#include "model/registry.h"
#include "model/taxonomy.h"
#include "rules/evaluator.h"
#include "rules/predicate_compiler.h"
#include "rules/rule_compiler.h"

namespace vendorlint::testing {

inline void AddEntry(Taxonomy* t, TaxonomyKind kind, const std::string& key,
                     std::vector<std::pair<std::string, Tri>> attrs = {}) {
  TaxonomyEntry e;
  e.key = key;
  e.name = key;
  for (auto& [k, v] : attrs) e.attributes[k] = v;
  t->Add(kind, std::move(e));
}

// Categories, purposes and contexts are hierarchical; subjects flat.
// `user` is personal (inherited below it), `system` is not; `visitor` says
// nothing about being a minor; `product` says nothing about student_facing.
inline Taxonomy TestTaxonomy() {
  Taxonomy t;
  t.DeclareAttribute(TaxonomyKind::kSubject, "minor");
  t.DeclareAttribute(TaxonomyKind::kSubject, "user");
  t.DeclareAttribute(TaxonomyKind::kContext, "student_facing");
  t.DeclareAttribute(TaxonomyKind::kContext, "logged_in");
  t.DeclareAttribute(TaxonomyKind::kCategory, "personal");
  t.DeclareAttribute(TaxonomyKind::kPurpose, "integral_to_service");
  using K = TaxonomyKind;
  AddEntry(&t, K::kCategory, "user", {{"personal", Tri::kTrue}});
  for (const char* k : {"user.contact", "user.contact.email", "user.contact.phone_number",
                        "user.name", "user.financial", "user.device", "user.device.cookie_id",
                        "user.content", "user.behavior", "user.unique_id"})
    AddEntry(&t, K::kCategory, k);
  AddEntry(&t, K::kCategory, "system", {{"personal", Tri::kFalse}});
  AddEntry(&t, K::kCategory, "system.operations");
  AddEntry(&t, K::kCategory, "logs");  // no attribute anywhere: unknown
  AddEntry(&t, K::kPurpose, "essential", {{"integral_to_service", Tri::kTrue}});
  for (const char* k : {"essential.service", "essential.service.storage",
                        "essential.service.hosting", "analytics", "analytics.reporting",
                        "marketing", "marketing.advertising", "marketing.advertising.third_party"})
    AddEntry(&t, K::kPurpose, k);
  AddEntry(&t, K::kSubject, "student", {{"minor", Tri::kTrue}, {"user", Tri::kTrue}});
  AddEntry(&t, K::kSubject, "parent", {{"minor", Tri::kFalse}, {"user", Tri::kTrue}});
  AddEntry(&t, K::kSubject, "teacher", {{"minor", Tri::kFalse}, {"user", Tri::kTrue}});
  AddEntry(&t, K::kSubject, "school_leader", {{"minor", Tri::kFalse}});
  AddEntry(&t, K::kSubject, "visitor");
  {
    // A person of unstated role: may be any of the four (registry/taxonomy.yaml).
    TaxonomyEntry user;
    user.key = "user";
    user.name = "user";
    user.includes = {"student", "parent", "teacher", "school_leader"};
    user.attributes = {{"minor", Tri::kUnknown}, {"user", Tri::kTrue}};
    t.Add(K::kSubject, std::move(user));
  }
  AddEntry(&t, K::kContext, "product");
  AddEntry(&t, K::kContext, "product.student_area",
           {{"student_facing", Tri::kTrue}, {"logged_in", Tri::kTrue}});
  AddEntry(&t, K::kContext, "product.teacher_area", {{"student_facing", Tri::kFalse}});
  AddEntry(&t, K::kContext, "website", {{"student_facing", Tri::kFalse}});
  return t;
}

// Parses one YAML document or fails the test.
inline yaml::Node ParseYaml(const std::string& text, const std::string& path = "test.yaml") {
  yaml::Node root;
  std::vector<Diagnostic> diags;
  bool ok = yaml::ParseDocument(path, text, yaml::Limits{}, &root, &diags);
  EXPECT_TRUE(ok) << (diags.empty() ? "" : diags[0].Format());
  return root;
}

// A registry built from provider YAML texts, one file each.
class TestRegistry {
 public:
  TestRegistry() { reg_.taxonomy = TestTaxonomy(); }

  // Adds a provider; `name` and `sources` are filled in when absent.
  void Add(std::string text) {
    if (text.find("\nname:") == std::string::npos && !text.starts_with("name:"))
      text += "\nname: " + IdOf(text) + " Inc";
    if (text.find("sources:") == std::string::npos) text += "\nsources: [{disclosure: test}]";
    std::string path = "registry/providers/" + IdOf(text) + ".yaml";
    uint32_t file = static_cast<uint32_t>(reg_.files.size());
    reg_.files.push_back(path);
    yaml::Node root = ParseYaml(text, path);
    std::vector<Diagnostic> diags;
    SchemaContext ctx(path, file, &diags);
    Provider p;
    EXPECT_TRUE(ReadProvider(&ctx, root, reg_.taxonomy, "", &p))
        << (diags.empty() ? "" : diags[0].Format());
    p.file = file;
    reg_.providers.push_back(std::move(p));
    std::sort(reg_.providers.begin(), reg_.providers.end(),
              [](const Provider& a, const Provider& b) { return a.id.value < b.id.value; });
  }

  const Provider& Get(const std::string& id) const {
    const Provider* p = reg_.FindProvider(id);
    if (p == nullptr) throw std::runtime_error("no provider " + id);
    return *p;
  }
  Registry& registry() { return reg_; }
  const Registry& registry() const { return reg_; }

 private:
  static std::string IdOf(const std::string& text) {
    size_t at = text.find("id: ");
    if (at == std::string::npos) throw std::runtime_error("fixture provider without id");
    size_t end = text.find_first_of("\n,}", at);
    return text.substr(at + 4, end - at - 4);
  }
  Registry reg_;
};

// Compiles a predicate at provider scope; on errors fills *diags (if given)
// or fails the test.
inline Predicate CompilePredicate(const Taxonomy& tax, const std::string& text,
                                  std::vector<Diagnostic>* diags = nullptr) {
  std::vector<Diagnostic> local;
  std::vector<Diagnostic>* d = diags ? diags : &local;
  yaml::Node root = ParseYaml(text, "rule.yaml");
  SchemaContext ctx("rule.yaml", 0, d);
  PredicateCompiler pc(&ctx, tax);
  Predicate p;
  bool ok = pc.Compile(root, Scope::kProvider, &p);
  if (diags == nullptr) EXPECT_TRUE(ok) << (local.empty() ? "" : local[0].Format());
  return p;
}

// A complete rule file around `applies_to` and `require` snippets (already
// indented by two spaces), for compile and outcome tests.
inline std::string RuleText(const std::string& id, const std::string& require,
                            const std::string& applies_to = "", const std::string& extra = "") {
  std::string s = "id: " + id +
                  "\n"
                  "title: A test rule\n"
                  "severity: error\n"
                  "description: Tests.\n"
                  "rationale: Tests.\n"
                  "references:\n"
                  "  - {title: Test, url: 'https://example.org/rule', citation: 16 CFR 312.2}\n"
                  "tags: [test]\n"
                  "remediation: Fix it.\n";
  if (!applies_to.empty()) s += "applies_to:\n" + applies_to + "\n";
  s += "require:\n" + require + "\n" + extra;
  return s;
}

inline bool CompileRuleFromText(const Taxonomy& tax, const std::string& id, const std::string& text,
                                Rule* out, std::vector<Diagnostic>* diags) {
  return CompileRuleText("rules/test/" + id + ".yaml", text, 0, tax, yaml::Limits{}, out, diags);
}

inline std::string FormatAll(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += d.Format() + "\n";
  return out;
}

}  // namespace vendorlint::testing

#endif  // VENDORLINT_TESTS_RULES_RULE_FIXTURES_H_
