// Registry model v2 (issue 7, docs/registry.md): every new fact loads with its
// location, is unknown when absent, and every mistake is a located error with
// the fix or a suggestion. Also the taxonomy's `includes` and organization.yaml
// `settings`.
#include <gtest/gtest.h>

#include <filesystem>

#include "load/registry_loader.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::SourceDir;
using testing::WriteFileOrDie;

// A copy of `base` (relative to the source dir) with `files` written over it.
std::string With(const std::string& base,
                 const std::vector<std::pair<std::string, std::string>>& files) {
  std::string dir = MakeTempDir() + "/reg";
  fs::copy(SourceDir() + "/" + base, dir, fs::copy_options::recursive);
  for (const auto& [path, content] : files) WriteFileOrDie(dir + "/" + path, content);
  return dir;
}

struct Loaded {
  Registry reg;
  std::vector<std::string> errors;  // formatted, `dir/` stripped
};

Loaded Load(const std::string& dir) {
  LoadOptions o;
  o.registry_dir = dir;
  Loaded l;
  std::vector<Diagnostic> diags;
  bool ok = LoadRegistry(o, &l.reg, &diags);
  for (const auto& d : diags) {
    std::string s = d.Format();
    if (s.starts_with(dir + "/")) s = s.substr(dir.size() + 1);
    l.errors.push_back(s);
  }
  EXPECT_EQ(ok, CountErrors(diags) == 0);
  return l;
}

// Errors of a provider file `extra.yaml` in the mini registry.
std::vector<std::string> ProviderErrors(const std::string& text) {
  return Load(With("tests/load/fixtures/mini", {{"providers/extra.yaml", text}})).errors;
}

constexpr const char* kHead = "id: extra\nname: Extra\nsources: [{disclosure: example-2026}]\n";

TEST(ProviderFieldsV2, TheDoneExampleLoadsWithoutNotes) {
  const std::string fixture = ReadFileOrDie(SourceDir() + "/tests/load/fixtures/v2/voice-tutor.yaml");
  EXPECT_EQ(fixture.find("notes:"), std::string::npos);
  Loaded l = Load(With("registry", {{"providers/voice-tutor.yaml", fixture}}));
  ASSERT_EQ(l.errors, std::vector<std::string>{});
  const Provider* p = l.reg.FindProvider("voice-tutor");
  ASSERT_NE(p, nullptr);
  ASSERT_TRUE(p->entity->country.has_value());
  EXPECT_EQ(p->entity->country->value, "CN");
  EXPECT_EQ(p->entity->country->loc.line, 9u);
  EXPECT_EQ(p->entity->country->loc.column, 12u);
  ASSERT_EQ(p->locations->storage.items.size(), 1u);
  EXPECT_EQ(p->locations->storage.items[0].value, "global");
  ASSERT_TRUE(p->retention->policy && p->retention->days);
  EXPECT_EQ(p->retention->policy->value, "fixed");
  EXPECT_EQ(p->retention->days->value, 30);
  EXPECT_EQ(p->ai->trains_models.value, Tri::kTrue);
  EXPECT_EQ(p->ai->generative.value, Tri::kFalse);
  EXPECT_EQ(p->contracts->dpa.is_signed.value, Tri::kFalse);
  ASSERT_EQ(p->contracts->transfer_mechanisms.items.size(), 1u);
  EXPECT_EQ(p->contracts->transfer_mechanisms.items[0].value, "none");
  ASSERT_NE(p->PrivacyPolicy(), nullptr);
  EXPECT_EQ(p->PrivacyPolicy()->url.value, "https://voice-tutor.example.com/privacy");
  EXPECT_EQ(p->link_kinds.items.size(), 2u);
  ASSERT_EQ(p->formerly.items.size(), 1u);
  EXPECT_EQ(p->formerly.items[0].value, "Speak Buddy");
  ASSERT_TRUE(p->role.has_value());
  EXPECT_EQ(p->role->value, "processor");
  ASSERT_TRUE(p->reviewed_by.has_value());
  const DataFlow& f = p->data_flows.items[0];
  EXPECT_EQ(f.direction.value, Direction::kCollected);
  EXPECT_EQ(f.categories.items[0].value, "user.biometric.voice");
  EXPECT_EQ(f.purposes.items.size(), 2u);
  EXPECT_FALSE(f.purpose_single);
  EXPECT_EQ(f.contexts.items.size(), 1u);
}

TEST(ProviderFieldsV2, AbsentFactsAreUnknown) {
  Loaded l = Load(With("tests/load/fixtures/mini", {{"providers/extra.yaml", kHead}}));
  ASSERT_EQ(l.errors, std::vector<std::string>{});
  const Provider& p = *l.reg.FindProvider("extra");
  EXPECT_FALSE(p.formerly.known);
  EXPECT_FALSE(p.entity->loc.valid());
  EXPECT_FALSE(p.entity->country.has_value());
  EXPECT_FALSE(p.role.has_value());
  EXPECT_FALSE(p.locations->processing.known);
  EXPECT_FALSE(p.locations->storage.known);
  EXPECT_FALSE(p.retention->policy.has_value());
  EXPECT_EQ(p.ai->trains_models.value, Tri::kUnknown);
  EXPECT_EQ(p.ai->generative.value, Tri::kUnknown);
  EXPECT_EQ(p.contracts->dpa.is_signed.value, Tri::kUnknown);
  EXPECT_FALSE(p.contracts->transfer_mechanisms.known);
  EXPECT_FALSE(p.links.known);
  EXPECT_EQ(p.PrivacyPolicy(), nullptr);
  EXPECT_FALSE(p.reviewed_by.has_value());
}

TEST(ProviderFieldsV2, KnownNoneAndSingularForms) {
  Loaded l = Load(With("tests/load/fixtures/mini",
                       {{"providers/extra.yaml",
                         std::string(kHead) +
                             "locations: {storage: [], processing: [EU, EEA, US]}\n"
                             "retention: {policy: none}\n"
                             "data_flows:\n"
                             "  - {direction: shared, categories: [user.name], purpose: essential, "
                             "context: product}\n"
                             "exclusions:\n"
                             "  - {statement: No ads., categories: [user.name], notes: Row 3.}\n"}}));
  ASSERT_EQ(l.errors, std::vector<std::string>{});
  const Provider& p = *l.reg.FindProvider("extra");
  EXPECT_TRUE(p.locations->storage.known);
  EXPECT_TRUE(p.locations->storage.items.empty());
  EXPECT_EQ(p.locations->processing.items.size(), 3u);
  EXPECT_FALSE(p.retention->days.has_value());
  const DataFlow& f = p.data_flows.items[0];
  EXPECT_TRUE(f.purpose_single);
  EXPECT_TRUE(f.context_single);
  EXPECT_EQ(f.purposes.items[0].value, "essential");
  ASSERT_TRUE(p.exclusions.items[0].notes.has_value());
  EXPECT_EQ(p.exclusions.items[0].notes->value, "Row 3.");
}

TEST(ProviderFieldsV2, PrivacyPolicyKeyIsRejectedWithTheFix) {
  EXPECT_EQ(ProviderErrors(std::string(kHead) + "privacy_policy: https://example.com/privacy\n"),
            std::vector<std::string>{
                "providers/extra.yaml:4:1: error: `privacy_policy` is no longer a key; write it "
                "as links: [{kind: privacy_policy, url: https://example.com/privacy}]"});
}

TEST(ProviderFieldsV2, EveryMistakeIsLocatedWithASuggestion) {
  EXPECT_EQ(
      ProviderErrors("id: extra\n"
                     "name: Extra\n"
                     "formerly: [Old Name, Old Name]\n"
                     "entity: {legal_name: Extra Ltd, country: China, contry: CN}\n"
                     "role: processer\n"
                     "locations:\n"
                     "  processing: [Global, cn, US, US]\n"
                     "  storage: EU\n"
                     "retention: {policy: fixed}\n"
                     "ai: {trains_models: yes, generative: unknown}\n"
                     "contracts:\n"
                     "  dpa: {signd: true, url: ftp://x.example.com}\n"
                     "  transfer_mechanisms: [sccs]\n"
                     "links:\n"
                     "  - {kind: privacy, url: https://example.com/p}\n"
                     "  - {kind: terms}\n"
                     "data_flows:\n"
                     "  - direction: collected\n"
                     "    categories: [user.name]\n"
                     "    purpose: essential\n"
                     "    purposes: [essential]\n"
                     "    context: product\n"
                     "    contexts: [product, website]\n"
                     "sources: [{disclosure: example-2026}]\n"),
      (std::vector<std::string>{
          "providers/extra.yaml:3:22: error: \"Old Name\" is listed twice in `formerly`",
          "providers/extra.yaml:4:42: error: unknown country \"China\" in `entity.country`: write "
          "an ISO 3166-1 alpha-2 code in upper case; did you mean `CN` (China)?",
          "providers/extra.yaml:4:49: error: unknown key `contry` in entity; did you mean "
          "`country`?",
          "providers/extra.yaml:5:7: error: `role` must be one of processor, sub_processor, "
          "controller, third_party, not \"processer\"; did you mean `processor`?",
          "providers/extra.yaml:7:16: error: unknown country \"Global\" in "
          "`locations.processing`: write an ISO 3166-1 alpha-2 code in upper case or one of EU, "
          "EEA, global; did you mean `global`?",
          "providers/extra.yaml:7:24: error: unknown country \"cn\" in `locations.processing`: "
          "write an ISO 3166-1 alpha-2 code in upper case or one of EU, EEA, global; did you "
          "mean `CN`?",
          "providers/extra.yaml:7:32: error: \"US\" is listed twice in `locations.processing`",
          "providers/extra.yaml:8:12: error: `locations.storage` must be a list of countries or "
          "regions, like [US, EU]",
          "providers/extra.yaml:9:21: error: `retention.policy: fixed` needs `days`: how many "
          "days the data is kept",
          "providers/extra.yaml:10:21: error: `ai.trains_models` must be true, false or unknown, "
          "not \"yes\"",
          "providers/extra.yaml:12:9: error: unknown key `signd` in contracts.dpa; did you mean "
          "`signed`?",
          "providers/extra.yaml:12:27: error: `contracts.dpa.url` is not a valid URL (it must "
          "start with https:// or http://): \"ftp://x.example.com\"",
          "providers/extra.yaml:13:25: error: `contracts.transfer_mechanisms` items must be one "
          "of scc, adequacy, dpf, bcr, derogation, none, not \"sccs\"; did you mean `scc`?",
          "providers/extra.yaml:15:12: error: `kind` must be one of privacy_policy, terms, dpa, "
          "security, subprocessors, other, not \"privacy\"",
          "providers/extra.yaml:16:5: error: missing required key `url` in link",
          "providers/extra.yaml:21:5: error: a data flow has either `purpose` (one) or "
          "`purposes` (a list), not both; move `purpose` into the `purposes` list",
          "providers/extra.yaml:23:5: error: a data flow has either `context` (one) or "
          "`contexts` (a list), not both; move `context` into the `contexts` list",
      }));
}

TEST(ProviderFieldsV2, RetentionDaysGoWithFixedOnly) {
  EXPECT_EQ(ProviderErrors(std::string(kHead) + "retention: {policy: none, days: 3}\n"),
            std::vector<std::string>{
                "providers/extra.yaml:4:27: error: `retention.days` applies only to `policy: "
                "fixed`, not to `policy: none`; remove `days` or change the policy"});
  EXPECT_EQ(ProviderErrors(std::string(kHead) + "retention: {policy: fixed, days: 0}\n"),
            std::vector<std::string>{
                "providers/extra.yaml:4:34: error: `retention.days` must be a number of days from "
                "1 to 365000, not 0; for zero data retention write `policy: none`"});
  EXPECT_EQ(ProviderErrors(std::string(kHead) + "retention: {days: 30}\n"),
            std::vector<std::string>{
                "providers/extra.yaml:4:13: error: `retention.days` needs `policy: fixed` beside "
                "it"});
}

TEST(ProviderFieldsV2, TheEntityCountryIsOneCountry) {
  EXPECT_EQ(ProviderErrors(std::string(kHead) + "entity: {country: global}\n"),
            std::vector<std::string>{
                "providers/extra.yaml:4:19: error: `entity.country` is one country, not the "
                "region \"global\": write its ISO 3166-1 alpha-2 code; regions belong in "
                "`locations`"});
}

TEST(TaxonomyIncludes, NameExistingSubjects) {
  std::string tax = ReadFileOrDie(SourceDir() + "/tests/load/fixtures/mini/taxonomy.yaml");
  const std::string anchor = "data_subjects:\n";
  size_t at = tax.find(anchor);
  ASSERT_NE(at, std::string::npos);
  tax.insert(at + anchor.size(),
             "  - {key: user, name: User, includes: [student, parnet, user, student]}\n");
  Loaded l = Load(With("tests/load/fixtures/mini", {{"taxonomy.yaml", tax}}));
  const std::string line = std::to_string(std::count(tax.begin(), tax.begin() + static_cast<long>(at), '\n') + 2);
  EXPECT_EQ(l.errors,
            (std::vector<std::string>{
                "taxonomy.yaml:" + line +
                    ":49: error: `includes` of `user` names unknown data subject \"parnet\"; did "
                    "you mean `parent`?",
                "taxonomy.yaml:" + line + ":57: error: data subject `user` cannot include itself",
                "taxonomy.yaml:" + line +
                    ":63: error: data subject `student` is listed twice in `includes`",
            }));
}

TEST(TaxonomyIncludes, TheUserSubjectOfBothRegistriesIncludesTheFour) {
  for (const char* dir : {"registry", "tests/fixtures/registry-earlier"}) {
    Loaded l = Load(SourceDir() + "/" + dir);
    ASSERT_EQ(l.errors, std::vector<std::string>{}) << dir;
    const TaxonomyEntry* user = l.reg.taxonomy.Find(TaxonomyKind::kSubject, "user");
    ASSERT_NE(user, nullptr) << dir;
    EXPECT_EQ(user->includes,
              (std::vector<std::string>{"student", "parent", "teacher", "school_leader"}));
    EXPECT_EQ(user->Attribute("minor"), Tri::kUnknown);
  }
}

TEST(OrganizationSettings, DefaultsWhenAbsent) {
  Loaded l = Load(SourceDir() + "/tests/load/fixtures/mini");
  ASSERT_EQ(l.errors, std::vector<std::string>{});
  const OrganizationSettings& s = l.reg.organization.settings;
  EXPECT_FALSE(s.student_data_countries.known);
  std::vector<std::string> concern;
  for (const auto& c : s.countries_of_concern.items) concern.push_back(c.value);
  EXPECT_EQ(concern, (std::vector<std::string>{"CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"}));
  EXPECT_EQ(s.max_waiver_days.value, 365);
}

TEST(OrganizationSettings, ReadAndChecked) {
  const std::string org = ReadFileOrDie(SourceDir() + "/tests/load/fixtures/mini/organization.yaml");
  Loaded ok = Load(With("tests/load/fixtures/mini",
                        {{"organization.yaml",
                          org + "settings:\n  student_data_countries: [US, EU]\n"
                                "  countries_of_concern: [CN]\n  max_waiver_days: 90\n"}}));
  ASSERT_EQ(ok.errors, std::vector<std::string>{});
  const OrganizationSettings& s = ok.reg.organization.settings;
  EXPECT_EQ(s.student_data_countries.items.size(), 2u);
  EXPECT_EQ(s.countries_of_concern.items.size(), 1u);
  EXPECT_EQ(s.max_waiver_days.value, 90);

  Loaded bad = Load(With("tests/load/fixtures/mini",
                         {{"organization.yaml",
                           org + "settings:\n  student_data_countries: [USA]\n"
                                 "  max_waiver_days: 0\n  max_waiver_dayz: 1\n"}}));
  EXPECT_EQ(bad.errors,
            (std::vector<std::string>{
                "organization.yaml:9:28: error: unknown country \"USA\" in "
                "`settings.student_data_countries`: write an ISO 3166-1 alpha-2 code in upper case "
                "or one of EU, EEA, global; did you mean `US` (United States)?",
                "organization.yaml:10:20: error: `settings.max_waiver_days` must be a number of "
                "days from 1 to 36500, not 0",
                "organization.yaml:11:3: error: unknown key `max_waiver_dayz` in settings; did you "
                "mean `max_waiver_days`?",
            }));
}

// GDPR Art. 14: how the people data is about are informed when it was not
// obtained from them. A flow's notice_basis loads with its location; absent is
// unknown; a value outside the vocabulary is a located error with a suggestion.
TEST(ProviderFieldsV2, AFlowsNoticeBasis) {
  Loaded l = Load(With("tests/load/fixtures/mini",
                       {{"providers/extra.yaml", std::string(kHead) +
                                                     "data_flows:\n"
                                                     "  - direction: received\n"
                                                     "    categories: [user.name]\n"
                                                     "    notice_basis: exempt_law\n"
                                                     "  - direction: received\n"
                                                     "    categories: [user.name]\n"}}));
  ASSERT_EQ(l.errors, std::vector<std::string>{});
  const Provider& p = *l.reg.FindProvider("extra");
  ASSERT_EQ(p.data_flows.items.size(), 2u);
  ASSERT_TRUE(p.data_flows.items[0].notice_basis.has_value());
  EXPECT_EQ(p.data_flows.items[0].notice_basis->value, "exempt_law");
  EXPECT_EQ(p.data_flows.items[0].notice_basis->loc.line, 7u);
  EXPECT_EQ(p.data_flows.items[0].notice_basis->loc.column, 19u);
  EXPECT_FALSE(p.data_flows.items[1].notice_basis.has_value());

  EXPECT_EQ(ProviderErrors(std::string(kHead) +
                           "data_flows:\n"
                           "  - direction: received\n"
                           "    categories: [user.name]\n"
                           "    notice_basis: exempt_dispropotionate\n"),
            std::vector<std::string>{
                "providers/extra.yaml:7:19: error: `notice_basis` must be one of provided, "
                "exempt_disproportionate, exempt_law, exempt_secrecy, already_informed, not "
                "\"exempt_dispropotionate\"; did you mean `exempt_disproportionate`?"});
}

}  // namespace
}  // namespace vendorlint
