#include "rules/evaluator.h"

#include <gtest/gtest.h>

#include "rule_fixtures.h"

namespace vendorlint {
namespace {

using testing::CompilePredicate;
using testing::CompileRuleFromText;
using testing::FormatAll;
using testing::RuleText;
using testing::TestRegistry;

constexpr const char* kAds =
    "id: ads\n"
    "name: Ads Co\n"
    "purposes: [marketing.advertising.third_party]\n"
    "data_flows:\n"
    "  - direction: shared\n"
    "    subjects: [teacher]\n"
    "    categories: [user.contact.email]\n"
    "  - direction: shared\n"
    "    subjects: [student, parent]\n"
    "    categories: [user.name]\n"
    "    qualifiers: [hashed]\n"
    "  - direction: received\n"
    "    categories: [user.device.cookie_id]\n"
    "storage:\n"
    "  stores_data: true\n"
    "  encrypted_at_rest: false\n";

// Atoms with a known value on provider `facts`.
constexpr const char* kTrue = "{field: storage.stores_data, equals: true}";
constexpr const char* kFalse = "{field: storage.encrypted_at_rest, equals: true}";
constexpr const char* kUnknown = "{field: storage.passwords_hashed, equals: true}";

class EvaluatorTest : public ::testing::Test {
 protected:
  EvaluatorTest() {
    reg_.Add(kAds);
    reg_.Add("id: facts\nstorage:\n  stores_data: true\n  encrypted_at_rest: false\n");
    ctx_.as_of = Date{2025, 12, 31};
  }
  Tri Eval(const std::string& pred, const std::string& provider,
           std::vector<Evidence>* ev = nullptr) {
    Predicate p = CompilePredicate(reg_.registry().taxonomy, pred);
    return EvaluatePredicate(p, reg_.Get(provider), reg_.registry(), ctx_, ev);
  }
  Rule MakeRule(const std::string& require, const std::string& applies_to = "",
                const std::string& extra = "") {
    Rule r;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(CompileRuleFromText(reg_.registry().taxonomy, "r",
                                    RuleText("r", require, applies_to, extra), &r, &diags))
        << FormatAll(diags);
    return r;
  }
  TestRegistry reg_;
  EvalContext ctx_;
  int counter_ = 0;
};

using PredicateKleeneTest = EvaluatorTest;

TEST_F(PredicateKleeneTest, Atoms) {
  EXPECT_EQ(Eval(kTrue, "facts"), Tri::kTrue);
  EXPECT_EQ(Eval(kFalse, "facts"), Tri::kFalse);
  EXPECT_EQ(Eval(kUnknown, "facts"), Tri::kUnknown);
}

TEST_F(PredicateKleeneTest, TruthTables) {
  const std::pair<const char*, Tri> atoms[] = {
      {kTrue, Tri::kTrue}, {kFalse, Tri::kFalse}, {kUnknown, Tri::kUnknown}};
  // The tables of docs/rules.md, row by row.
  const Tri all_of[3][3] = {{Tri::kTrue, Tri::kFalse, Tri::kUnknown},
                            {Tri::kFalse, Tri::kFalse, Tri::kFalse},
                            {Tri::kUnknown, Tri::kFalse, Tri::kUnknown}};
  const Tri any_of[3][3] = {{Tri::kTrue, Tri::kTrue, Tri::kTrue},
                            {Tri::kTrue, Tri::kFalse, Tri::kUnknown},
                            {Tri::kTrue, Tri::kUnknown, Tri::kUnknown}};
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      std::string pair = std::string("[") + atoms[a].first + ", " + atoms[b].first + "]";
      EXPECT_EQ(Eval("all_of: " + pair, "facts"), all_of[a][b]) << pair;
      EXPECT_EQ(Eval("any_of: " + pair, "facts"), any_of[a][b]) << pair;
      // The evidence-collecting path computes the same value.
      std::vector<Evidence> ev;
      EXPECT_EQ(Eval("all_of: " + pair, "facts", &ev), all_of[a][b]) << pair;
      EXPECT_EQ(Eval("any_of: " + pair, "facts", &ev), any_of[a][b]) << pair;
    }
    const Tri negated[] = {Tri::kFalse, Tri::kTrue, Tri::kUnknown};
    EXPECT_EQ(Eval(std::string("not: ") + atoms[a].first, "facts"), negated[a]);
  }
  EXPECT_EQ(Eval(std::string("all_of: [") + kTrue + ", " + kUnknown + ", " + kFalse + "]", "facts"),
            Tri::kFalse);
  EXPECT_EQ(Eval(std::string("any_of: [") + kFalse + ", " + kUnknown + ", " + kTrue + "]", "facts"),
            Tri::kTrue);
}

TEST_F(PredicateKleeneTest, ExistsIsNeverUnknown) {
  reg_.Add("id: unk\nstorage: {stores_data: unknown}\n");
  EXPECT_EQ(Eval("{field: storage.passwords_hashed, exists: true}", "facts"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: storage.passwords_hashed, exists: false}", "facts"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: storage.stores_data, exists: true}", "unk"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: data_flows, exists: true}", "facts"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: data_flows, empty: true}", "facts"), Tri::kUnknown);
  EXPECT_EQ(Eval("{field: data_flows, empty: false}", "ads"), Tri::kTrue);
  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("{field: storage.stores_data, equals: true}", "unk", &ev), Tri::kUnknown);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].message, "storage.stores_data is stated as unknown");
  EXPECT_EQ(ev[0].loc.line, 2u);
  EXPECT_EQ(ev[0].loc.column, 24u);
}

TEST_F(PredicateKleeneTest, StringsAndEnums) {
  EXPECT_EQ(Eval("{field: name, equals: Ads Co}", "ads"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: name, not_equals: Ads Co}", "ads"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: name, one_of: [X, Ads Co]}", "ads"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: name, matches: 'Ads'}", "ads"), Tri::kFalse);  // full match
  EXPECT_EQ(Eval("{field: name, matches: '(?i).*ads.*'}", "ads"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: storage.location, equals: US}", "ads"), Tri::kUnknown);
  EXPECT_EQ(Eval("{field: storage.location, matches: '.*'}", "ads"), Tri::kUnknown);
  EXPECT_EQ(Eval("{any: {in: data_flows, where: {field: direction, equals: received}}}", "ads"),
            Tri::kTrue);
  EXPECT_EQ(Eval("{all: {in: data_flows, where: {field: direction, one_of: [shared]}}}", "ads"),
            Tri::kFalse);
}

TEST_F(PredicateKleeneTest, Dates) {
  reg_.Add("id: reviewed\nlast_reviewed: 2025-01-01\n");
  // 2025-01-01 is 364 days before 2025-12-31.
  EXPECT_EQ(Eval("{field: last_reviewed, within_days: 364}", "reviewed"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: last_reviewed, within_days: 363}", "reviewed"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: last_reviewed, older_than_days: 364}", "reviewed"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: last_reviewed, older_than_days: 363}", "reviewed"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: last_reviewed, within_days: 365}", "facts"), Tri::kUnknown);
  ctx_.as_of = Date{2024, 12, 1};  // the review date lies after the as-of date
  EXPECT_EQ(Eval("{field: last_reviewed, within_days: 0}", "reviewed"), Tri::kTrue);
  std::vector<Evidence> ev;
  Eval("{field: last_reviewed, older_than_days: 0}", "reviewed", &ev);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].message, "last_reviewed is 2025-01-01, 31 days after the as-of date 2024-12-01");
}

using PredicateQuantifierTest = EvaluatorTest;

TEST_F(PredicateQuantifierTest, EmptyAndUnknownLists) {
  reg_.Add("id: empty\ndata_flows: []\nexclusions: []\n");
  const std::string where = ", where: {field: direction, equals: shared}}";
  EXPECT_EQ(Eval("any: {in: data_flows" + where, "empty"), Tri::kFalse);
  EXPECT_EQ(Eval("all: {in: data_flows" + where, "empty"), Tri::kTrue);
  EXPECT_EQ(Eval("none: {in: data_flows" + where, "empty"), Tri::kTrue);
  EXPECT_EQ(Eval("any: {in: data_flows" + where, "facts"), Tri::kUnknown);
  EXPECT_EQ(Eval("all: {in: data_flows" + where, "facts"), Tri::kUnknown);
  EXPECT_EQ(Eval("none: {in: data_flows" + where, "facts"), Tri::kUnknown);
  EXPECT_EQ(Eval("any: {in: exclusions}", "empty"), Tri::kFalse);
  EXPECT_EQ(Eval("any: {in: sources}", "empty"), Tri::kTrue);  // the default source
  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("any: {in: exclusions}", "facts", &ev), Tri::kUnknown);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].path, "exclusions");
  EXPECT_EQ(ev[0].message, "exclusions is not stated");
  EXPECT_EQ(ev[0].loc.line, 1u);  // the provider's id
  EXPECT_EQ(ev[0].loc.column, 5u);
}

TEST_F(PredicateQuantifierTest, KleeneOverRecords) {
  // Flow 2 has no subjects: unknown whether it concerns a student.
  const std::string student = "{field: subjects, includes_any: [student]}";
  const std::string teacher = "{field: subjects, includes_any: [teacher]}";
  EXPECT_EQ(Eval("any: {in: data_flows, where: " + student + "}", "ads"), Tri::kTrue);
  EXPECT_EQ(Eval("none: {in: data_flows, where: " + student + "}", "ads"), Tri::kFalse);
  EXPECT_EQ(Eval("all: {in: data_flows, where: " + student + "}", "ads"), Tri::kFalse);
  // Flow 0 is about teachers only; flow 1 does not say about whom.
  reg_.Add(
      "id: two\ndata_flows:\n  - {direction: shared, subjects: [teacher], categories: "
      "[user.name]}\n"
      "  - {direction: shared, categories: [user.name]}\n");
  EXPECT_EQ(Eval("any: {in: data_flows, where: " + student + "}", "two"), Tri::kUnknown);
  EXPECT_EQ(Eval("none: {in: data_flows, where: " + student + "}", "two"), Tri::kUnknown);
  EXPECT_EQ(Eval("all: {in: data_flows, where: " + teacher + "}", "two"), Tri::kUnknown);
  EXPECT_EQ(Eval("any: {in: data_flows, where: " + teacher + "}", "two"), Tri::kTrue);
}

TEST_F(PredicateQuantifierTest, ProviderFieldsInsideWhere) {
  EXPECT_EQ(Eval("any: {in: data_flows, where: {all_of: [{field: provider.storage.stores_data, "
                 "equals: true}, {field: direction, equals: received}]}}",
                 "ads"),
            Tri::kTrue);
}

TEST_F(PredicateQuantifierTest, ExclusionAndSourceEvidence) {
  reg_.Add(
      "id: excl\n"
      "exclusions:\n"
      "  - statement: Not used in student areas.\n"
      "    contexts: [product.student_area]\n"
      "sources:\n"
      "  - {disclosure: later, section: Website Vendors}\n");
  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("none: {in: exclusions, where: {field: contexts, includes_any_with: "
                 "{student_facing: true}}}",
                 "excl", &ev),
            Tri::kFalse);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].message,
            "exclusions[0].contexts[0] is product.student_area (student_facing: true)");
  EXPECT_EQ(ev[1].path, "exclusions[0]");
  EXPECT_EQ(ev[1].message, "exclusions[0] states: \"Not used in student areas.\"");
  EXPECT_EQ(ev[1].loc, (Location{2, 3, 5}));  // excl.yaml is the third file
  ev.clear();
  EXPECT_EQ(Eval("none: {in: sources, where: {field: section, matches: 'Website.*'}}", "excl", &ev),
            Tri::kFalse);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].message, "sources[0].section is \"Website Vendors\"");
  EXPECT_EQ(ev[1].message, "sources[0] cites later, section \"Website Vendors\"");
}

using PredicateKeyListTest = EvaluatorTest;

TEST_F(PredicateKeyListTest, TaxonomyAwareMatching) {
  reg_.Add(
      "id: keys\npurposes: [marketing.advertising.third_party, essential.service]\n"
      "data_flows:\n"
      "  - {direction: shared, subjects: [student], categories: [user.contact.email, user.name]}\n"
      "  - {direction: shared, subjects: [teacher], categories: [user.contact]}\n");
  // Selects flow i by its subject, then applies `cond` to it.
  auto flow = [&](int i, const std::string& cond) {
    std::string who = i == 0 ? "student" : "teacher";
    return Eval("any: {in: data_flows, where: {all_of: [{field: subjects, includes_any: [" + who +
                    "]}, " + cond + "]}}",
                "keys");
  };
  EXPECT_EQ(flow(0, "{field: categories, includes_any: [user.contact]}"), Tri::kTrue);
  EXPECT_EQ(flow(0, "{field: categories, includes_any: [user.contact.phone_number]}"), Tri::kFalse);
  EXPECT_EQ(flow(0, "{field: categories, includes_all: [user.contact, user.name]}"), Tri::kTrue);
  EXPECT_EQ(flow(0, "{field: categories, includes_all: [user.contact, user.financial]}"),
            Tri::kFalse);
  EXPECT_EQ(flow(0, "{field: categories, only: [user.contact]}"), Tri::kFalse);
  EXPECT_EQ(flow(0, "{field: categories, only: [user]}"), Tri::kTrue);
  EXPECT_EQ(flow(0, "{field: categories, includes_none: [user.financial, system]}"), Tri::kTrue);
  // A broader registry key may or may not contain the named one.
  EXPECT_EQ(flow(1, "{field: categories, includes_any: [user.contact.email]}"), Tri::kUnknown);
  EXPECT_EQ(flow(1, "{field: categories, includes_none: [user.contact.email]}"), Tri::kUnknown);
  EXPECT_EQ(flow(1, "{field: categories, only: [user.contact.email]}"), Tri::kUnknown);
  EXPECT_EQ(flow(1, "{field: categories, includes_all: [user.contact.email]}"), Tri::kUnknown);
  EXPECT_EQ(flow(1, "{field: categories, includes_any: [user.contact]}"), Tri::kTrue);
  // Purposes: naming a purpose matches its descendants.
  EXPECT_EQ(Eval("{field: purposes, includes_any: [marketing]}", "keys"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: purposes, only: [marketing, essential]}", "keys"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: purposes, only: [marketing]}", "keys"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: purposes, includes_any: [analytics]}", "keys"), Tri::kFalse);
  EXPECT_EQ(Eval("{field: purposes, empty: false}", "keys"), Tri::kTrue);
  EXPECT_EQ(Eval("{field: purposes, includes_any: [analytics]}", "facts"), Tri::kUnknown);
  // Subjects are flat.
  EXPECT_EQ(flow(0, "{field: subjects, only: [student]}"), Tri::kTrue);
}

TEST_F(PredicateKeyListTest, QualifierLists) {
  const std::string hashed =
      "any: {in: data_flows, where: {field: qualifiers, includes_any: [hashed, aggregated]}}";
  EXPECT_EQ(Eval(hashed, "ads"), Tri::kTrue);  // flow 1 is hashed
  // Flows 0 and 2 state no qualifiers: they have none (not unknown).
  EXPECT_EQ(
      Eval("all: {in: data_flows, where: {field: qualifiers, includes_any: [hashed]}}", "ads"),
      Tri::kFalse);
  EXPECT_EQ(
      Eval("none: {in: data_flows, where: {field: qualifiers, includes_any: [aggregated]}}", "ads"),
      Tri::kTrue);
  std::vector<Evidence> ev;
  Eval("all: {in: data_flows, where: {field: qualifiers, empty: false}}", "ads", &ev);
  ASSERT_EQ(ev.size(), 4u);
  EXPECT_EQ(ev[0].message, "data_flows[0].qualifiers is empty");
  EXPECT_EQ(ev[0].loc, (Location{0, 5, 5}));  // the flow: it has no qualifiers node
  reg_.Add(
      "id: q\ndata_flows:\n  - {direction: shared, categories: [user.name], qualifiers: []}\n"
      "  - {direction: shared, categories: [user.name], qualifiers: [optional, hashed]}\n");
  EXPECT_EQ(Eval(hashed, "q"), Tri::kTrue);
  EXPECT_EQ(
      Eval("all: {in: data_flows, where: {field: qualifiers, only: [hashed, optional]}}", "q"),
      Tri::kTrue);
  EXPECT_EQ(Eval("all: {in: data_flows, where: {field: qualifiers, includes_all: [hashed]}}", "q"),
            Tri::kFalse);
}

TEST_F(PredicateKeyListTest, AttributeMatching) {
  auto subjects = [&](const std::string& list, const std::string& cond) {
    std::string id = "s" + std::to_string(counter_++);
    reg_.Add("id: " + id + "\ndata_flows:\n  - {direction: shared, subjects: " + list +
             ", categories: [user.name]}\n");
    return Eval("any: {in: data_flows, where: {field: subjects, " + cond + "}}", id);
  };
  EXPECT_EQ(subjects("[teacher, student]", "includes_any_with: {minor: true}"), Tri::kTrue);
  EXPECT_EQ(subjects("[teacher, parent]", "includes_any_with: {minor: true}"), Tri::kFalse);
  EXPECT_EQ(subjects("[teacher, visitor]", "includes_any_with: {minor: true}"), Tri::kUnknown);
  EXPECT_EQ(subjects("[teacher, visitor]", "includes_none_with: {minor: true}"), Tri::kUnknown);
  EXPECT_EQ(subjects("[teacher, parent]", "includes_none_with: {minor: true}"), Tri::kTrue);
  EXPECT_EQ(subjects("[teacher, parent]", "only_with: {minor: false}"), Tri::kTrue);
  EXPECT_EQ(subjects("[teacher, visitor]", "only_with: {minor: false}"), Tri::kUnknown);
  EXPECT_EQ(subjects("[student, visitor]", "only_with: {minor: false}"), Tri::kFalse);
  EXPECT_EQ(subjects("[]", "only_with: {minor: false}"), Tri::kTrue);
  EXPECT_EQ(subjects("[]", "includes_any_with: {minor: true}"), Tri::kFalse);
  // Every listed attribute must match; school_leader does not state `user`.
  EXPECT_EQ(subjects("[school_leader]", "includes_any_with: {minor: false, user: true}"),
            Tri::kUnknown);
  EXPECT_EQ(subjects("[parent]", "includes_any_with: {minor: false, user: true}"), Tri::kTrue);
  EXPECT_EQ(subjects("[parent]", "includes_any_with: {minor: true, user: true}"), Tri::kFalse);

  // Hierarchical kinds inherit an unstated attribute from the nearest ancestor.
  auto categories = [&](const std::string& list, const std::string& cond) {
    std::string id = "c" + std::to_string(counter_++);
    reg_.Add("id: " + id + "\ndata_flows:\n  - {direction: shared, categories: " + list + "}\n");
    return Eval("any: {in: data_flows, where: {field: categories, " + cond + "}}", id);
  };
  EXPECT_EQ(categories("[user.contact.email]", "includes_any_with: {personal: true}"), Tri::kTrue);
  EXPECT_EQ(categories("[system.operations]", "includes_any_with: {personal: true}"), Tri::kFalse);
  EXPECT_EQ(categories("[logs]", "includes_any_with: {personal: true}"), Tri::kUnknown);
  EXPECT_EQ(categories("[system, user.name]", "only_with: {personal: true}"), Tri::kFalse);
}

TEST_F(PredicateKeyListTest, FlowPurposeAndContextDefaultToProvider) {
  reg_.Add(
      "id: defaults\npurposes: [analytics.reporting]\n"
      "data_flows:\n"
      "  - {direction: shared, categories: [user.name]}\n"
      "  - {direction: shared, categories: [user.name], purpose: essential.service, context: "
      "product.student_area}\n");
  const std::string analytics = "{field: purpose, includes_any: [analytics]}";
  EXPECT_EQ(Eval("any: {in: data_flows, where: " + analytics + "}", "defaults"), Tri::kTrue);
  EXPECT_EQ(Eval("all: {in: data_flows, where: " + analytics + "}", "defaults"), Tri::kFalse);
  // Flow 0 has no context and the provider states none: unknown; flow 1 is
  // student-facing.
  EXPECT_EQ(Eval("all: {in: data_flows, where: {field: context, includes_any_with: "
                 "{student_facing: true}}}",
                 "defaults"),
            Tri::kUnknown);
  EXPECT_EQ(Eval("any: {in: data_flows, where: {field: context, exists: false}}", "defaults"),
            Tri::kTrue);
  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("none: {in: data_flows, where: " + analytics + "}", "defaults", &ev), Tri::kFalse);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].path, "purposes[0]");  // the provider's list, not the flow's
  EXPECT_EQ(ev[0].message, "purposes[0] is analytics.reporting");
  EXPECT_EQ(ev[0].loc.line, 2u);
  EXPECT_EQ(ev[0].loc.column, 12u);
  EXPECT_EQ(ev[1].path, "data_flows[0]");
  ev.clear();
  EXPECT_EQ(Eval("all: {in: data_flows, where: {field: context, includes_any: [product]}}",
                 "defaults", &ev),
            Tri::kUnknown);
  ASSERT_GE(ev.size(), 1u);
  EXPECT_EQ(ev[0].path, "data_flows[0].context");
  EXPECT_EQ(ev[0].message,
            "data_flows[0].context is not stated, and neither are the provider's "
            "contexts");
}

using PredicateHostTest = EvaluatorTest;

TEST_F(PredicateHostTest, HostAndChains) {
  reg_.Add("id: atlas\nstorage: {stores_data: true, hosted_on: cloud}\n");
  reg_.Add("id: cloud\nstorage: {stores_data: true, hosted_on: metal}\n");
  reg_.Add("id: metal\nstorage: {encrypted_at_rest: true}\n");
  reg_.Add("id: ghostly\nstorage: {hosted_on: ghost}\n");
  const std::string enc = "{field: storage.encrypted_at_rest, equals: true}";
  EXPECT_EQ(Eval("host: {where: " + enc + "}", "atlas"), Tri::kUnknown);  // cloud does not say
  EXPECT_EQ(Eval("host: {where: " + enc + ", chain: true}", "atlas"), Tri::kTrue);
  EXPECT_EQ(Eval("host: {where: " + enc + "}", "cloud"), Tri::kTrue);
  EXPECT_EQ(Eval("host: {where: " + enc + "}", "metal"), Tri::kFalse);  // no host
  EXPECT_EQ(Eval("not: {host: {where: " + enc + "}}", "metal"), Tri::kTrue);
  EXPECT_EQ(Eval("host: {where: " + enc + "}", "ghostly"), Tri::kUnknown);
  EXPECT_EQ(Eval("any_of: [" + enc + ", {host: {where: " + enc + "}}]", "metal"), Tri::kTrue);

  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("host: {where: " + enc + ", chain: true}", "atlas", &ev), Tri::kTrue);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].path, "host[cloud].host[metal].storage.encrypted_at_rest");
  EXPECT_EQ(ev[0].message, "host[cloud].host[metal].storage.encrypted_at_rest is true");
  EXPECT_EQ(reg_.registry().FilePath(ev[0].loc), "registry/providers/metal.yaml");
  EXPECT_EQ(ev[1].path, "host[cloud].storage.hosted_on");
  EXPECT_EQ(ev[1].message, "host[cloud].storage.hosted_on names metal (metal Inc)");

  ev.clear();
  EXPECT_EQ(Eval("host: {where: " + enc + "}", "metal", &ev), Tri::kFalse);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].message, "storage.hosted_on is not stated: there is no host");
  ev.clear();
  EXPECT_EQ(Eval("host: {where: " + enc + "}", "ghostly", &ev), Tri::kUnknown);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].message, "storage.hosted_on names `ghost`, which is not in the registry");
}

TEST_F(PredicateHostTest, CyclesEnd) {
  // The loader rejects hosting cycles; the evaluator must not hang on one.
  reg_.Add("id: a\nstorage: {hosted_on: b}\n");
  reg_.Add("id: b\nstorage: {hosted_on: a}\n");
  const std::string enc = "{field: storage.encrypted_at_rest, equals: true}";
  EXPECT_EQ(Eval("host: {where: " + enc + ", chain: true}", "a"), Tri::kUnknown);
  EXPECT_EQ(Eval("host: {where: {field: id, equals: zzz}, chain: true}", "a"), Tri::kFalse);
  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("host: {where: {field: id, equals: zzz}, chain: true}", "a", &ev), Tri::kFalse);
  EXPECT_EQ(ev.size(), 2u);  // b's id and the link a -> b
  // A nested host inside host.where also terminates.
  EXPECT_EQ(Eval("host: {where: {host: {where: {field: id, equals: a}}}, chain: true}", "a"),
            Tri::kTrue);
}

using EvaluatorOutcomeTest = EvaluatorTest;

TEST_F(EvaluatorOutcomeTest, OutcomeTable) {
  const char* atoms[] = {kTrue, kFalse, kUnknown};
  // [applies_to][require], as in docs/rules.md.
  const Outcome table[3][3] = {
      {Outcome::kPass, Outcome::kFail, Outcome::kReview},
      {Outcome::kNotApplicable, Outcome::kNotApplicable, Outcome::kNotApplicable},
      {Outcome::kPass, Outcome::kReview, Outcome::kReview}};
  for (int a = 0; a < 3; ++a) {
    for (int r = 0; r < 3; ++r) {
      Rule rule = MakeRule(std::string("  ") + atoms[r], std::string("  ") + atoms[a]);
      Finding f = Evaluate(rule, reg_.Get("facts"), reg_.registry(), ctx_);
      EXPECT_EQ(f.outcome, table[a][r]) << a << "," << r;
      bool explained = f.outcome == Outcome::kFail || f.outcome == Outcome::kReview;
      EXPECT_EQ(!f.evidence.empty(), explained) << a << "," << r;
    }
    Rule no_applies = MakeRule(std::string("  ") + atoms[a]);
    EXPECT_EQ(Evaluate(no_applies, reg_.Get("facts"), reg_.registry(), ctx_).outcome, table[0][a]);
  }
}

TEST_F(EvaluatorOutcomeTest, FailEvidencePointsAtTheExactNode) {
  Rule rule = MakeRule(
      "  none:\n"
      "    in: data_flows\n"
      "    where:\n"
      "      all_of:\n"
      "        - {field: direction, equals: shared}\n"
      "        - {field: subjects, includes_any_with: {minor: true}}\n",
      "  {field: purposes, includes_any: [marketing.advertising]}",
      "message: '{provider.name} gets data about minors ({rule.id}, {provider.id})'\n");
  Finding f = Evaluate(rule, reg_.Get("ads"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kFail);
  EXPECT_EQ(f.rule_id, "r");
  EXPECT_EQ(f.provider_id, "ads");
  EXPECT_EQ(f.message, "Ads Co gets data about minors (r, ads)");
  ASSERT_EQ(f.evidence.size(), 3u);
  EXPECT_EQ(f.evidence[0].path, "data_flows[1].direction");
  EXPECT_EQ(f.evidence[0].message, "data_flows[1].direction is \"shared\"");
  EXPECT_EQ(f.evidence[1].path, "data_flows[1].subjects[0]");
  EXPECT_EQ(f.evidence[1].message, "data_flows[1].subjects[0] is student (minor: true)");
  EXPECT_EQ(f.evidence[1].loc, (Location{0, 9, 16}));
  EXPECT_EQ(f.evidence[2].path, "data_flows[1]");
  EXPECT_EQ(f.evidence[2].message,
            "data_flows[1] shares user.name (about student, parent; hashed) with Ads Co");
  EXPECT_EQ(f.evidence[2].loc, (Location{0, 8, 5}));
  EXPECT_EQ(f.loc, f.evidence[0].loc);
}

TEST_F(EvaluatorOutcomeTest, MostSpecificNodeFirst) {
  Rule rule = MakeRule(
      "  none:\n"
      "    in: data_flows\n"
      "    where: {field: subjects, includes_any: [student]}\n");
  Finding f = Evaluate(rule, reg_.Get("ads"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kFail);
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.evidence[0].path, "data_flows[1].subjects[0]");
  EXPECT_EQ(f.loc, (Location{0, 9, 16}));
}

TEST_F(EvaluatorOutcomeTest, ReviewNamesTheUnstatedFacts) {
  reg_.Add("id: nostorage\n");
  Rule rule = MakeRule("  {field: storage.passwords_hashed, equals: true}");
  Finding f = Evaluate(rule, reg_.Get("facts"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kReview);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].path, "storage.passwords_hashed");
  EXPECT_EQ(f.evidence[0].message, "storage.passwords_hashed is not stated");
  EXPECT_EQ(f.loc, (Location{1, 3, 3}));  // the `storage` mapping of facts.yaml
  f = Evaluate(rule, reg_.Get("nostorage"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kReview);
  EXPECT_EQ(f.loc, reg_.Get("nostorage").id.loc);  // no storage: the provider's id

  // Flow 2 of ads states no subjects.
  Rule students = MakeRule(
      "  none: {in: data_flows, where: {field: subjects, includes_any: [parent, school_leader]}}");
  reg_.Add(
      "id: partial\ndata_flows:\n  - {direction: shared, subjects: [teacher], categories: "
      "[user.name]}\n  - {direction: received, categories: [user.name]}\n");
  f = Evaluate(students, reg_.Get("partial"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kReview);
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.evidence[0].path, "data_flows[1].subjects");
  EXPECT_EQ(f.evidence[0].message, "data_flows[1].subjects is not stated");
  EXPECT_EQ(f.evidence[0].loc.line, 4u);  // the flow
  EXPECT_EQ(f.evidence[1].message,
            "data_flows[1] receives user.name (subjects not stated) from partial Inc");
}

TEST_F(EvaluatorOutcomeTest, UnknownApplicabilityComesFirst) {
  Rule rule = MakeRule(std::string("  ") + kFalse, std::string("  ") + kUnknown);
  Finding f = Evaluate(rule, reg_.Get("facts"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kReview);
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.evidence[0].message, "storage.passwords_hashed is not stated");
  EXPECT_EQ(f.evidence[1].message, "storage.encrypted_at_rest is false");
}

TEST_F(EvaluatorOutcomeTest, PassAndNotApplicableUseTheTitle) {
  Rule rule = MakeRule(std::string("  ") + kTrue, "", "message: 'bad {provider.id}'\n");
  Finding f = Evaluate(rule, reg_.Get("facts"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kPass);
  EXPECT_EQ(f.message, "A test rule");
  EXPECT_TRUE(f.evidence.empty());
  EXPECT_EQ(f.loc, reg_.Get("facts").id.loc);
}

TEST_F(EvaluatorOutcomeTest, FailAndReviewHaveTheirOwnText) {
  reg_.Add("id: yes\nstorage: {encrypted_at_rest: false}\n");
  reg_.Add("id: maybe\nstorage: {stores_data: true}\n");
  Rule r;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(CompileRuleFromText(
      reg_.registry().taxonomy, "t",
      RuleText("t", "  {field: storage.encrypted_at_rest, equals: true}", "",
               "message: '{provider.id} does not encrypt'\n"
               "review_message: '{provider.id} is not known to encrypt'\n"),
      &r, &diags))
      << FormatAll(diags);
  Finding fail = Evaluate(r, *reg_.registry().FindProvider("yes"), reg_.registry(), ctx_);
  Finding review = Evaluate(r, *reg_.registry().FindProvider("maybe"), reg_.registry(), ctx_);
  EXPECT_EQ(fail.outcome, Outcome::kFail);
  EXPECT_EQ(fail.message, "yes does not encrypt");
  EXPECT_EQ(review.outcome, Outcome::kReview);
  EXPECT_EQ(review.message, "maybe is not known to encrypt");
  // Without review_message a review uses message.
  Rule plain;
  std::vector<Diagnostic> plain_diags;
  ASSERT_TRUE(CompileRuleFromText(
      reg_.registry().taxonomy, "t",
      RuleText("t", "  {field: storage.encrypted_at_rest, equals: true}", "",
               "message: '{provider.id} does not encrypt'\n"),
      &plain, &plain_diags))
      << FormatAll(plain_diags);
  review = Evaluate(plain, *reg_.registry().FindProvider("maybe"), reg_.registry(), ctx_);
  EXPECT_EQ(review.message, "maybe does not encrypt");
}

TEST_F(EvaluatorOutcomeTest, EvaluateAllIsSortedFilteredAndThreadIndependent) {
  for (int i = 0; i < 20; ++i) {
    reg_.Add("id: p" + std::to_string(100 + i) + "\nstorage: {encrypted_at_rest: " +
             (i % 3 == 0   ? "true"
              : i % 3 == 1 ? "false"
                           : "unknown") +
             "}\n");
  }
  RuleSet set;
  for (const char* id : {"zz", "aa", "mm"}) {
    Rule r;
    std::vector<Diagnostic> diags;
    ASSERT_TRUE(CompileRuleFromText(
        reg_.registry().taxonomy, id,
        RuleText(id,
                 "  any_of: [{field: storage.encrypted_at_rest, equals: true}, {host: {where: "
                 "{field: storage.encrypted_at_rest, equals: true}}}]"),
        &r, &diags));
    if (std::string(id) == "mm") r.tags = {"special"};
    set.rules.push_back(std::move(r));
  }
  std::sort(set.rules.begin(), set.rules.end(),
            [](const Rule& a, const Rule& b) { return a.id < b.id; });
  auto dump = [](const std::vector<Finding>& fs) {
    std::string s;
    for (const auto& f : fs) {
      s += f.rule_id + " " + f.provider_id + " " + OutcomeName(f.outcome) + "\n";
      for (const auto& e : f.evidence) s += "  " + e.path + ": " + e.message + "\n";
    }
    return s;
  };
  EvalContext one = ctx_, many = ctx_;
  one.threads = 1;
  many.threads = 8;
  std::vector<Finding> a = EvaluateAll(set, reg_.registry(), one);
  std::vector<Finding> b = EvaluateAll(set, reg_.registry(), many);
  ASSERT_EQ(a.size(), 3 * reg_.registry().providers.size());
  EXPECT_EQ(dump(a), dump(b));
  for (size_t i = 1; i < a.size(); ++i) {
    EXPECT_TRUE(std::tie(a[i - 1].rule_id, a[i - 1].provider_id) <
                std::tie(a[i].rule_id, a[i].provider_id));
  }
  EvalFilter filter;
  filter.tags = {"special"};
  filter.provider_ids = {"p101", "p100"};
  std::vector<Finding> c = EvaluateAll(set, reg_.registry(), many, filter);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].rule_id, "mm");
  EXPECT_EQ(c[0].provider_id, "p100");
  EXPECT_EQ(c[0].outcome, Outcome::kPass);
  EXPECT_EQ(c[1].outcome, Outcome::kFail);
}

TEST_F(EvaluatorOutcomeTest, RenderMessage) {
  Rule rule = MakeRule(std::string("  ") + kTrue);
  EXPECT_EQ(RenderMessage("{provider.name} ({provider.id}) breaks {rule.title} [{rule.id}]", rule,
                          reg_.Get("ads")),
            "Ads Co (ads) breaks A test rule [r]");
  EXPECT_EQ(RenderMessage("plain } text", rule, reg_.Get("ads")), "plain } text");
}

// `user` includes student, parent, teacher and school_leader: a question
// about students is unknown for it, never true or false (issue 7 §2).
TEST_F(EvaluatorTest, ABroaderSubjectThatIncludesTheAskedOneIsUnknown) {
  reg_.Add(
      "id: chat\ndata_flows:\n  - direction: shared\n    subjects: [user]\n"
      "    categories: [user.content]\n");
  const std::string any = "any: {in: data_flows, where: ";
  EXPECT_EQ(Eval(any + "{field: subjects, includes_any: [student]}}", "chat"), Tri::kUnknown);
  EXPECT_EQ(Eval(any + "{field: subjects, includes_all: [student]}}", "chat"), Tri::kUnknown);
  EXPECT_EQ(Eval(any + "{field: subjects, includes_none: [student]}}", "chat"), Tri::kUnknown);
  EXPECT_EQ(Eval(any + "{field: subjects, only: [parent, teacher]}}", "chat"), Tri::kUnknown);
  EXPECT_EQ(Eval(any + "{field: subjects, includes_any_with: {minor: true}}}", "chat"),
            Tri::kUnknown);
  // It is not another subject it does not include, and it is itself.
  EXPECT_EQ(Eval(any + "{field: subjects, includes_any: [visitor]}}", "chat"), Tri::kFalse);
  EXPECT_EQ(Eval(any + "{field: subjects, includes_any: [user]}}", "chat"), Tri::kTrue);

  // A student rule on such a flow gives review, not fail or pass.
  Rule r = MakeRule(
      "  none: {in: data_flows, where: {field: subjects, includes_any: [student]}}");
  Finding f = Evaluate(r, reg_.Get("chat"), reg_.registry(), ctx_);
  EXPECT_EQ(f.outcome, Outcome::kReview);
  ASSERT_FALSE(f.evidence.empty());
  EXPECT_EQ(f.evidence[0].path, "data_flows[0].subjects[0]");
  EXPECT_EQ(f.evidence[0].message,
            "data_flows[0].subjects[0] is user, which is broader than student: it may or may not "
            "include it");
}

// `organization.settings.<name>` stands for the setting's list: places are
// matched by coverage, and an unstated setting is unknown (a question).
TEST_F(EvaluatorTest, OrganizationSettingsOperand) {
  reg_.Add(
      "id: tutor\n"
      "entity: {country: DE}\n"
      "locations: {storage: [global], processing: [DE, US]}\n");
  const char* kCountry = "{field: entity.country, one_of: organization.settings.student_data_countries}";
  const char* kProcessing =
      "{field: locations.processing, only: organization.settings.student_data_countries}";
  const char* kConcern =
      "{field: locations.storage, includes_none: organization.settings.countries_of_concern}";
  // Default settings: student_data_countries unknown; countries of concern the 28 CFR 202 list.
  reg_.registry().organization.settings = OrganizationSettings{};
  reg_.registry().organization.settings.countries_of_concern.known = true;
  reg_.registry().organization.settings.countries_of_concern.items = {{"CN", {}}, {"RU", {}}};
  std::vector<Evidence> ev;
  EXPECT_EQ(Eval(kCountry, "tutor", &ev), Tri::kUnknown);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].message, "organization.settings.student_data_countries is not stated");
  EXPECT_EQ(ev[0].unknown.kind, UnknownKind::kUnstated);
  EXPECT_EQ(Eval(kConcern, "tutor"), Tri::kUnknown);  // global may include CN
  KeyList& allowed = reg_.registry().organization.settings.student_data_countries;
  allowed.known = true;
  allowed.items = {{"US", {}}, {"EU", {}}};
  EXPECT_EQ(Eval(kCountry, "tutor"), Tri::kTrue);     // DE is in the EU
  EXPECT_EQ(Eval(kProcessing, "tutor"), Tri::kTrue);  // DE and US
  ev.clear();
  allowed.items = {{"US", {}}};
  EXPECT_EQ(Eval(kCountry, "tutor", &ev), Tri::kFalse);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].message, "entity.country is \"DE\"");
  EXPECT_EQ(ev[1].message, "organization.settings.student_data_countries is [US]");
  EXPECT_EQ(Eval(kProcessing, "tutor"), Tri::kFalse);
  allowed.items.clear();  // nothing allowed
  EXPECT_EQ(Eval(kProcessing, "tutor"), Tri::kFalse);
}

// The v2 facts are rule fields (issue 7 §2): each reads what the registry
// states and is unknown when absent.
TEST_F(EvaluatorTest, RegistryV2FactsAreRuleFields) {
  reg_.Add(
      "id: tutor\n"
      "formerly: [Old Tutor]\n"
      "entity: {country: CN}\n"
      "role: processor\n"
      "locations: {storage: [global], processing: [DE]}\n"
      "retention: {policy: fixed, days: 30}\n"
      "ai: {trains_models: true}\n"
      "contracts: {dpa: {signed: false}, transfer_mechanisms: [scc]}\n"
      "links: [{kind: terms, url: 'https://t.example.com/t'}, "
      "{kind: privacy_policy, url: 'https://t.example.com/p'}]\n"
      "data_flows:\n"
      "  - {direction: collected, subjects: [student], categories: [user.content], "
      "purposes: [essential.service, analytics]}\n");
  const std::pair<const char*, Tri> cases[] = {
      {"{field: entity.country, equals: CN}", Tri::kTrue},
      {"{field: entity.country, one_of: [RU, VE]}", Tri::kFalse},
      {"{field: role, equals: processor}", Tri::kTrue},
      {"{field: formerly, includes_any: [Old Tutor]}", Tri::kTrue},
      // `global` may or may not include CN; DE lies in the EU and the EEA.
      {"{field: locations.storage, includes_any: [CN]}", Tri::kUnknown},
      {"{field: locations.storage, includes_none: [CN, RU]}", Tri::kUnknown},
      {"{field: locations.processing, includes_any: [EU]}", Tri::kTrue},
      {"{field: locations.processing, only: [EEA]}", Tri::kTrue},
      {"{field: locations.processing, includes_any: [US]}", Tri::kFalse},
      {"{field: retention.policy, equals: fixed}", Tri::kTrue},
      {"{field: retention.days, equals: 30}", Tri::kTrue},
      {"{field: retention.days, one_of: [7, 14]}", Tri::kFalse},
      {"{field: ai.trains_models, equals: true}", Tri::kTrue},
      {"{field: ai.generative, equals: true}", Tri::kUnknown},
      {"{field: contracts.dpa.signed, equals: true}", Tri::kFalse},
      {"{field: contracts.transfer_mechanisms, includes_any: [scc, dpf]}", Tri::kTrue},
      {"{field: links, includes_all: [privacy_policy, terms]}", Tri::kTrue},
      {"{field: privacy_policy, equals: 'https://t.example.com/p'}", Tri::kTrue},
      {"any: {in: data_flows, where: {field: direction, equals: collected}}", Tri::kTrue},
      {"any: {in: data_flows, where: {field: purposes, includes_any: [analytics]}}", Tri::kTrue},
  };
  for (const auto& [pred, want] : cases) {
    EXPECT_EQ(Eval(pred, "tutor"), want) << pred;
    std::vector<Evidence> ev;
    EXPECT_EQ(Eval(pred, "tutor", &ev), want) << pred;
  }
  // Absent: unknown, never false.
  for (const char* pred :
       {"{field: entity.country, equals: CN}", "{field: locations.storage, includes_any: [CN]}",
        "{field: retention.days, equals: 30}", "{field: ai.trains_models, equals: false}",
        "{field: contracts.transfer_mechanisms, includes_any: [scc]}",
        "{field: privacy_policy, matches: 'https://.*'}", "{field: role, equals: processor}"})
    EXPECT_EQ(Eval(pred, "facts"), Tri::kUnknown) << pred;

  std::vector<Evidence> ev;
  EXPECT_EQ(Eval("{field: locations.storage, includes_none: [CN]}", "tutor", &ev), Tri::kUnknown);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].path, "locations.storage[0]");
  EXPECT_EQ(ev[0].message,
            "locations.storage[0] is global, which is broader than CN: it may or may not include "
            "it");
  ev.clear();
  EXPECT_EQ(Eval("any: {in: data_flows, where: {field: purposes, includes_any: [analytics]}}",
                 "tutor", &ev),
            Tri::kTrue);
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0].path, "data_flows[0].purposes[1]");

  // Issue 7's example through a rule: a China-headquartered provider that
  // collects students' data fails a countries-of-concern rule.
  Rule r = MakeRule(
      "  not:\n    all_of:\n      - {field: entity.country, one_of: [CN, HK, MO, CU, IR, KP, RU, "
      "VE]}\n      - any: {in: data_flows, where: {field: subjects, includes_any: [student]}}");
  EXPECT_EQ(Evaluate(r, reg_.Get("tutor"), reg_.registry(), ctx_).outcome, Outcome::kFail);
}

}  // namespace
}  // namespace vendorlint
