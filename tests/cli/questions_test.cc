// Everyday questions, through the binary: `providers --where` and its
// shortcuts, `taxonomy [PREFIX]`, and `explain RULE --provider ID`. Exact
// outputs on the small loader fixture, run from the project root.
#include <gtest/gtest.h>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::MakeTempDir;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

const char kMini[] = "tests/load/fixtures/mini";

testing::RunResult RunMini(std::vector<std::string> args) {
  args.push_back("--registry");
  args.push_back(kMini);
  return RunVendorlint(args, SourceDir());
}

TEST(Questions, WhereAnswersYesNoOrUnknownWithEvidence) {
  auto r = RunMini({"providers", "--where",
                    "{any: {in: data_flows, where: {field: subjects, includes_any: [student]}}}"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "where: {any: {in: data_flows, where: {field: subjects, includes_any: [student]}}}\n"
            "\n"
            "yes      cloud\n"
            "         - data_flows[0].subjects[0] is student "
            "(tests/load/fixtures/mini/providers/cloud.yaml:8:16)\n"
            "         - data_flows[0] shares user.contact.email, user.name (about student, "
            "parent) with Cloud Host (tests/load/fixtures/mini/providers/cloud.yaml:7:5)\n"
            "unknown  db\n"
            "         - data_flows[0].subjects is not stated "
            "(tests/load/fixtures/mini/providers/db.yaml:6:5)\n"
            "         - data_flows[0] shares user (subjects not stated; incidental) with Database "
            "Service (tests/load/fixtures/mini/providers/db.yaml:6:5)\n"
            "\n"
            "2 providers: 1 yes, 0 no, 1 unknown\n");
}

TEST(Questions, ShortcutsPerDirectionAndHosting) {
  auto r = RunMini({"providers", "--receives-student-data", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "provider,answer,evidence\n"
            "cloud,yes,\"data_flows[0].direction is \"\"shared\"\" "
            "(tests/load/fixtures/mini/providers/cloud.yaml:7:16); data_flows[0].subjects[0] is "
            "student (tests/load/fixtures/mini/providers/cloud.yaml:8:16); data_flows[0] shares "
            "user.contact.email, user.name (about student, parent) with Cloud Host "
            "(tests/load/fixtures/mini/providers/cloud.yaml:7:5)\"\n"
            "db,unknown,data_flows[0].subjects is not stated "
            "(tests/load/fixtures/mini/providers/db.yaml:6:5); data_flows[0] shares user "
            "(subjects not stated; incidental) with Database Service "
            "(tests/load/fixtures/mini/providers/db.yaml:6:5)\n");
  // CSV quoting: the evidence fields hold commas and quotes.
  ASSERT_NE(r.out.find(",\"data_flows[0].direction"), std::string::npos);

  r = RunMini({"providers", "--sends-student-data"});
  EXPECT_TRUE(r.out.ends_with("2 providers: 0 yes, 2 no, 0 unknown\n")) << r.out;
  EXPECT_TRUE(r.out.starts_with(
      "where: {any: {in: data_flows, where: {all_of: [{field: direction, equals: received}, "
      "{field: subjects, includes_any: [student]}]}}}\n"))
      << r.out;

  r = RunMini({"providers", "--hosted-on", "cloud", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\n"
            "  \"where\": \"{host: {chain: true, where: {field: id, equals: cloud}}}\",\n"
            "  \"counts\": {\n"
            "    \"yes\": 1,\n"
            "    \"no\": 1,\n"
            "    \"unknown\": 0\n"
            "  },\n"
            "  \"providers\": [\n"
            "    {\n"
            "      \"id\": \"db\",\n"
            "      \"answer\": \"yes\",\n"
            "      \"evidence\": [\n"
            "        {\n"
            "          \"path\": \"host[cloud].id\",\n"
            "          \"message\": \"host[cloud].id is \\\"cloud\\\"\",\n"
            "          \"file\": \"tests/load/fixtures/mini/providers/cloud.yaml\",\n"
            "          \"line\": 1,\n"
            "          \"column\": 5\n"
            "        },\n"
            "        {\n"
            "          \"path\": \"storage.hosted_on\",\n"
            "          \"message\": \"storage.hosted_on names cloud (Cloud Host)\",\n"
            "          \"file\": \"tests/load/fixtures/mini/providers/db.yaml\",\n"
            "          \"line\": 10,\n"
            "          \"column\": 14\n"
            "        }\n"
            "      ]\n"
            "    },\n"
            "    {\n"
            "      \"id\": \"cloud\",\n"
            "      \"answer\": \"no\",\n"
            "      \"evidence\": [\n"
            "        {\n"
            "          \"path\": \"storage.hosted_on\",\n"
            "          \"message\": \"storage.hosted_on is not stated: there is no host\",\n"
            "          \"file\": \"tests/load/fixtures/mini/providers/cloud.yaml\",\n"
            "          \"line\": 11,\n"
            "          \"column\": 3\n"
            "        }\n"
            "      ]\n"
            "    }\n"
            "  ]\n"
            "}\n");
  // Combined questions are all_of.
  r = RunMini({"providers", "--hosted-on", "cloud", "--receives-student-data"});
  EXPECT_TRUE(r.out.starts_with(
      "where: {all_of: [{any: {in: data_flows, where: {all_of: [{field: direction, equals: "
      "shared}, {field: subjects, includes_any: [student]}]}}}, {host: {chain: true, where: "
      "{field: id, equals: cloud}}}]}\n"))
      << r.out;
  EXPECT_TRUE(r.out.ends_with("2 providers: 0 yes, 1 no, 1 unknown\n")) << r.out;
}

TEST(Questions, WhereErrorsAreLocatedInThePredicate) {
  auto r = RunMini({"providers", "--where",
                    "{any: {in: data_flows, where: {field: subjects, includes_any: [studnet]}}}"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "--where:1:64: error: unknown data subject \"studnet\" in `includes_any`; did you mean "
            "`student`? (new keys go in taxonomy.yaml under `data_subjects`)\n"
            "vendorlint: 1 error in --where; nothing was evaluated\n");
  r = RunMini({"providers", "--as-of", "2026-01-01"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: --as-of only matters with --where or a shortcut (date "
            "conditions)\n");
  r = RunMini({"providers", "--hosted-on", "clod"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: unknown provider `clod`; did you mean `cloud`?\n");
}

TEST(Questions, TheRealRegistryAnswersWhoGetsStudentData) {
  auto r = RunVendorlint({"providers", "--receives-student-data", "--format", "json"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Pdfcrowd is sent a student's report; Blueshift students' product events;
  // SendGrid only adults' contact details.
  EXPECT_NE(r.out.find("      \"id\": \"pdfcrowd\",\n      \"answer\": \"yes\",\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("      \"id\": \"blueshift\",\n      \"answer\": \"yes\",\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("      \"id\": \"sendgrid\",\n      \"answer\": \"no\",\n"),
            std::string::npos)
      << r.out;
}

TEST(Questions, TaxonomyPrintsATree) {
  auto r = RunMini({"taxonomy", "user"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "data_categories:\n"
            "  user  User data (personal: true)\n"
            "    user.contact  Contact data\n"
            "      user.contact.email  Email address\n"
            "    user.name  Name\n");
  r = RunMini({"taxonomy"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\ndata_subjects:\n  parent  Parent (minor: false, user: true)\n"),
            std::string::npos)
      << r.out;
  r = RunMini({"taxonomy", "product.student_area", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\n"
            "  \"data_categories\": [],\n"
            "  \"purposes\": [],\n"
            "  \"data_subjects\": [],\n"
            "  \"contexts\": [\n"
            "    {\n"
            "      \"key\": \"product.student_area\",\n"
            "      \"name\": \"Student areas\",\n"
            "      \"description\": \"\",\n"
            "      \"origin\": \"vendorlint\",\n"
            "      \"attributes\": {\n"
            "        \"student_facing\": \"true\"\n"
            "      }\n"
            "    }\n"
            "  ]\n"
            "}\n");
  r = RunMini({"taxonomy", "usr"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: no taxonomy key `usr`; did you mean `user`?\n");
}

class ExplainProvider : public ::testing::Test {
 protected:
  void SetUp() override {
    rules_ = MakeTempDir();
    const std::string head =
        "title: Stored data is encrypted\n"
        "severity: error\n"
        "description: A provider that stores data encrypts it.\n"
        "rationale: Lost disks.\n"
        "references:\n"
        "  - title: A reference\n"
        "    url: https://example.com/ref\n"
        "tags: [security]\n"
        "remediation: Record the provider's encryption at rest.\n";
    WriteFileOrDie(rules_ + "/stored-data-encrypted.yaml",
                   "id: stored-data-encrypted\n" + head +
                       "applies_to: {field: storage.stores_data, equals: true}\n"
                       "require: {field: storage.encrypted_at_rest, equals: true}\n");
    WriteFileOrDie(rules_ + "/unencrypted.yaml",
                   "id: unencrypted\n" + head +
                       "applies_to: {field: storage.stores_data, equals: true}\n"
                       "require: {field: storage.encrypted_at_rest, equals: false}\n");
  }
  testing::RunResult Explain(const std::string& rule, const std::string& provider) {
    return RunMini({"explain", rule, "--provider", provider, "--rules", rules_});
  }
  std::string rules_;
};

TEST_F(ExplainProvider, PassReviewFailAndNotApplicable) {
  auto r = Explain("stored-data-encrypted", "cloud");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "stored-data-encrypted for cloud: pass\n"
      "\n"
      "applies_to: true\n"
      "  - storage.stores_data is true (tests/load/fixtures/mini/providers/cloud.yaml:11:16)\n"
      "require: true\n"
      "  - storage.encrypted_at_rest is true "
      "(tests/load/fixtures/mini/providers/cloud.yaml:12:22)\n"
      "\n"
      "pass: require holds\n");
  r = Explain("stored-data-encrypted", "db");
  EXPECT_EQ(
      r.out,
      "stored-data-encrypted for db: review\n"
      "\n"
      "applies_to: unknown\n"
      "  - storage.stores_data is not stated (tests/load/fixtures/mini/providers/db.yaml:10:3)\n"
      "require: unknown\n"
      "  - storage.encrypted_at_rest is not stated "
      "(tests/load/fixtures/mini/providers/db.yaml:10:3)\n"
      "\n"
      "review: require is unknown: the registry does not state a fact it depends on\n"
      "\n"
      "Remediation:\n"
      "  Record the provider's encryption at rest.\n");
  r = Explain("unencrypted", "cloud");
  EXPECT_TRUE(r.out.starts_with("unencrypted for cloud: fail\n")) << r.out;
  EXPECT_NE(r.out.find("\nfail: the rule applies and require does not hold\n"), std::string::npos)
      << r.out;
  // Not applicable: a rule whose applies_to is false says why.
  WriteFileOrDie(rules_ + "/unencrypted.yaml",
                 "id: unencrypted\ntitle: T\nseverity: error\ndescription: D\nrationale: R\n"
                 "references:\n  - title: A reference\n    url: https://example.com/ref\n"
                 "tags: [security]\nremediation: X\n"
                 "applies_to: {field: storage.stores_data, equals: false}\n"
                 "require: {field: storage.encrypted_at_rest, equals: false}\n");
  r = Explain("unencrypted", "cloud");
  EXPECT_EQ(
      r.out,
      "unencrypted for cloud: not_applicable\n"
      "\n"
      "applies_to: false\n"
      "  - storage.stores_data is true (tests/load/fixtures/mini/providers/cloud.yaml:11:16)\n"
      "require: not evaluated\n"
      "\n"
      "not_applicable: applies_to is false, so the rule does not apply to this provider\n");
  r = Explain("unencrypted", "clod");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: unknown provider `clod`; did you mean `cloud`?\n");
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// `--outside-allowed-countries`: yes for a provider based in a country the
// organisation does not allow, no for one stated to stay inside, unknown
// while a place is not stated.
TEST(Questions, OutsideAllowedCountriesShortcut) {
  std::string dir = testing::CopyProject();
  const std::string org = dir + "/registry/organization.yaml";
  testing::WriteFileOrDie(org, testing::ReadFileOrDie(org) +
                                   "settings:\n  student_data_countries: [US]\n");
  const std::string algolia = dir + "/registry/providers/algolia.yaml";
  testing::WriteFileOrDie(algolia, testing::ReadFileOrDie(algolia) + "entity: {country: CN}\n");
  const std::string stripe = dir + "/registry/providers/stripe.yaml";
  testing::WriteFileOrDie(stripe, testing::ReadFileOrDie(stripe) +
                                      "entity: {country: US}\n"
                                      "locations: {processing: [US], storage: [US]}\n");
  auto r = testing::RunVendorlint({"providers", "--outside-allowed-countries", "--format", "csv"},
                                  dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nalgolia,yes,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nstripe,no,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\naws,unknown,"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vendorlint
