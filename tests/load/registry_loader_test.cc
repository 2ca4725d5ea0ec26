// The registry loader: valid registries load into the model with locations;
// every invalid input gives exact, located diagnostics; nothing depends on the
// thread count.
#include "load/registry_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/format.h>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::SourceDir;
using testing::WriteFileOrDie;

std::string MiniDir() { return SourceDir() + "/tests/load/fixtures/mini"; }

// Copies the mini registry to a temp dir, applying `files` (relative path ->
// content; empty content removes the file).
std::string MiniWith(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string dir = MakeTempDir() + "/reg";
  fs::copy(MiniDir(), dir, fs::copy_options::recursive);
  for (const auto& [path, content] : files) {
    if (content.empty()) {
      fs::remove(dir + "/" + path);
    } else {
      WriteFileOrDie(dir + "/" + path, content);
    }
  }
  return dir;
}

// Loads `dir` and returns the diagnostics formatted, with `dir/` stripped.
std::vector<std::string> Errors(const std::string& dir, unsigned threads = 0) {
  LoadOptions o;
  o.registry_dir = dir;
  o.threads = threads;
  Registry reg;
  std::vector<Diagnostic> diags;
  bool ok = LoadRegistry(o, &reg, &diags);
  std::vector<std::string> out;
  for (const auto& d : diags) {
    std::string s = d.Format();
    if (s.starts_with(dir + "/")) s = s.substr(dir.size() + 1);
    out.push_back(s);
  }
  EXPECT_EQ(ok, CountErrors(diags) == 0);
  return out;
}

const char kGoodProvider[] = "id: extra\nname: Extra\nsources:\n  - disclosure: example-2026\n";

TEST(RegistryLoader, LoadsTheMiniRegistryWithLocations) {
  LoadOptions o;
  o.registry_dir = MiniDir();
  Registry reg;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadRegistry(o, &reg, &diags)) << (diags.empty() ? "" : diags[0].Format());
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(reg.providers.size(), 2u);
  const Provider& cloud = reg.providers[0];
  EXPECT_EQ(cloud.id.value, "cloud");
  EXPECT_EQ(reg.FilePath(cloud.id.loc), MiniDir() + "/providers/cloud.yaml");
  EXPECT_EQ(cloud.storage->encrypted_at_rest.value, Tri::kTrue);
  EXPECT_EQ(cloud.storage->encrypted_at_rest.loc.line, 12u);
  EXPECT_EQ(cloud.storage->encrypted_at_rest.loc.column, 22u);
  ASSERT_EQ(cloud.data_flows.items.size(), 1u);
  const DataFlow& f = cloud.data_flows.items[0];
  EXPECT_EQ(f.direction.value, Direction::kShared);
  ASSERT_EQ(f.subjects.items.size(), 2u);
  EXPECT_EQ(f.subjects.items[1].value, "parent");
  EXPECT_EQ(f.subjects.items[1].loc.line, 8u);
  EXPECT_EQ(f.subjects.items[1].loc.column, 25u);

  const Provider& db = reg.providers[1];
  // Absent facts are unknown, never false.
  EXPECT_EQ(db.storage->encrypted_at_rest.value, Tri::kUnknown);
  EXPECT_FALSE(db.storage->encrypted_at_rest.loc.valid());
  EXPECT_FALSE(db.data_flows.items[0].subjects.known);
  EXPECT_FALSE(db.links.known);
  EXPECT_EQ(db.PrivacyPolicy(), nullptr);
  EXPECT_TRUE(db.data_flows.items[0].Has(Qualifier::kIncidental));
  ASSERT_TRUE(db.storage->hosted_on.has_value());
  EXPECT_EQ(db.storage->hosted_on->value, "cloud");
  EXPECT_EQ(reg.organization.disclosures[0].id.value, "example-2026");
  EXPECT_EQ(reg.FlowCount(), 2u);
}

TEST(RegistryLoader, UnknownKeySuggestsTheClosest) {
  auto dir = MiniWith({{"providers/extra.yaml",
                        std::string(kGoodProvider) + "storage:\n  encrypted_at_reset: true\n"}});
  EXPECT_EQ(Errors(dir), std::vector<std::string>{
                             "providers/extra.yaml:6:3: error: unknown key `encrypted_at_reset` in "
                             "storage; did you mean `encrypted_at_rest`?"});
}

TEST(RegistryLoader, UnknownKeyWithoutNearMatchListsTheKeys) {
  auto dir = MiniWith(
      {{"providers/extra.yaml", std::string(kGoodProvider) + "storage:\n  colour: blue\n"}});
  EXPECT_EQ(Errors(dir),
            std::vector<std::string>{
                "providers/extra.yaml:6:3: error: unknown key `colour` in storage (expected one "
                "of: stores_data, encrypted_at_rest, passwords_hashed, location, hosted_on, "
                "notes)"});
}

TEST(RegistryLoader, WrongTypesAndBadValues) {
  auto dir = MiniWith({{"providers/extra.yaml",
                        "id: extra\n"
                        "name: [a, b]\n"
                        "links: [{kind: privacy_policy, url: ftp://example.com/p}]\n"
                        "last_reviewed: 2023-02-29\n"
                        "storage:\n"
                        "  encrypted_at_rest: yes\n"
                        "  stores_data: \"true\"\n"
                        "  passwords_hashed:\n"
                        "sources:\n  - disclosure: example-2026\n"}});
  EXPECT_EQ(
      Errors(dir),
      (std::vector<std::string>{
          "providers/extra.yaml:2:7: error: `name` must be a string, not a list",
          "providers/extra.yaml:3:37: error: `url` is not a valid URL (it must start "
          "with https:// or http://): \"ftp://example.com/p\"",
          "providers/extra.yaml:4:16: error: `last_reviewed` must be a real calendar date written "
          "YYYY-MM-DD, not \"2023-02-29\"",
          "providers/extra.yaml:6:22: error: `encrypted_at_rest` must be true, false or unknown, "
          "not \"yes\"",
          "providers/extra.yaml:7:16: error: `stores_data` must be true, false or unknown, not "
          "\"true\" (a quoted string)",
          "providers/extra.yaml:8:3: error: `passwords_hashed` has no value; expected true, false "
          "or unknown (remove the key to leave it unknown)",
      }));
}

TEST(RegistryLoader, TaxonomyKeysMustExist) {
  auto dir = MiniWith(
      {{"providers/extra.yaml", std::string(kGoodProvider) +
                                    "purposes: [marketing.advertsing]\n"
                                    "data_flows:\n"
                                    "  - direction: sent\n"
                                    "    subjects: [studnet]\n"
                                    "    categories: [user.contact.emial, user.name, user.name]\n"
                                    "    context: intranet\n"}});
  EXPECT_EQ(
      Errors(dir),
      (std::vector<std::string>{
          "providers/extra.yaml:5:12: error: unknown purpose \"marketing.advertsing\" in "
          "`purposes`; did you mean `marketing.advertising`? (new keys go in taxonomy.yaml under "
          "`purposes`)",
          "providers/extra.yaml:7:16: error: `direction` must be one of shared, received, "
          "collected, not \"sent\"",
          "providers/extra.yaml:8:16: error: unknown data subject \"studnet\" in `subjects`; did "
          "you mean `student`? (new keys go in taxonomy.yaml under `data_subjects`)",
          "providers/extra.yaml:9:18: error: unknown data category \"user.contact.emial\" in "
          "`categories`; did you mean `user.contact.email`? (new keys go in taxonomy.yaml under "
          "`data_categories`)",
          "providers/extra.yaml:9:49: error: data category \"user.name\" is listed twice in "
          "`categories`",
          "providers/extra.yaml:10:14: error: unknown context \"intranet\" in `context`",
      }));
}

TEST(RegistryLoader, IdMustMatchFileNameAndBeUnique) {
  auto dir = MiniWith(
      {{"providers/extra.yaml", "id: cloud\nname: X\nsources:\n  - disclosure: example-2026\n"}});
  EXPECT_EQ(Errors(dir),
            (std::vector<std::string>{
                "providers/extra.yaml:1:5: error: duplicate provider id `cloud` (also in " + dir +
                    "/providers/cloud.yaml:1)",
                "providers/extra.yaml:1:5: error: provider id `cloud` does not match its file "
                "name `extra.yaml`; rename the file or set `id: extra`",
            }));
}

TEST(RegistryLoader, ReferencesMustResolve) {
  auto dir = MiniWith({{"providers/extra.yaml",
                        "id: extra\nname: X\nstorage:\n  hosted_on: clod\n"
                        "sources:\n  - disclosure: example-2025\n"}});
  EXPECT_EQ(Errors(dir),
            (std::vector<std::string>{
                "providers/extra.yaml:4:14: error: `hosted_on` names unknown provider `clod`; did "
                "you mean `cloud`?",
                "providers/extra.yaml:6:17: error: unknown disclosure `example-2025`; "
                "organization.yaml declares: example-2026; did you mean `example-2026`?",
            }));
}

TEST(RegistryLoader, HostingCyclesAreRejected) {
  auto dir = MiniWith({{"providers/a.yaml",
                        "id: a\nname: A\nstorage: {hosted_on: b}\nsources: [{disclosure: "
                        "example-2026}]\n"},
                       {"providers/b.yaml",
                        "id: b\nname: B\nstorage: {hosted_on: a}\nsources: [{disclosure: "
                        "example-2026}]\n"}});
  EXPECT_EQ(Errors(dir),
            (std::vector<std::string>{
                "providers/a.yaml:3:22: error: hosting chain starting at `a` loops back to itself",
                "providers/b.yaml:3:22: error: hosting chain starting at `b` loops back to itself",
            }));
}

TEST(RegistryLoader, MissingRequiredKeysAndEmptyLists) {
  auto dir = MiniWith({{"providers/extra.yaml",
                        "id: extra\nsources: []\ndata_flows:\n  - direction: shared\n"
                        "    categories: []\nexclusions:\n  - statement: none\n"}});
  EXPECT_EQ(Errors(dir),
            (std::vector<std::string>{
                "providers/extra.yaml:1:1: error: missing required key `name` in provider",
                "providers/extra.yaml:2:10: error: `sources` must name at least one disclosure "
                "the facts come from",
                "providers/extra.yaml:5:17: error: `categories` must name at least one data "
                "category",
                "providers/extra.yaml:7:5: error: an exclusion must name at least one of "
                "`subjects`, `categories` or `contexts`",
            }));
}

TEST(RegistryLoader, ReportsErrorsInEveryFileSorted) {
  auto dir = MiniWith({{"providers/b.yaml", "id: b\nname: B\nsources: [{disclosure: x}]\nfoo: 1\n"},
                       {"providers/a.yaml", "id: a\nname: A\n"},
                       {"providers/c.yml", "id: c\n"}});
  EXPECT_EQ(Errors(dir),
            (std::vector<std::string>{
                "providers/a.yaml:1:1: error: missing required key `sources` in provider",
                "providers/b.yaml:3:24: error: unknown disclosure `x`; organization.yaml "
                "declares: example-2026",
                "providers/b.yaml:4:1: error: unknown key `foo` in provider (expected one of: id, "
                "name, formerly, entity, role, links, contexts, purposes, summary, last_reviewed, "
                "reviewed_by, data_flows, storage, locations, retention, ai, contracts, "
                "exclusions, sources, notes)",
                "providers/c.yml: error: provider files must end in `.yaml`; rename it to "
                "`c.yaml`",
            }));
}

TEST(RegistryLoader, TaxonomyErrorsStopBeforeProviders) {
  auto dir =
      MiniWith({{"taxonomy.yaml",
                 "attributes: {data_subjects: [minor]}\n"
                 "data_categories:\n  - {key: user.contact, name: C}\n  - {key: User, name: U}\n"
                 "purposes: []\n"
                 "data_subjects:\n  - {key: student, name: S, attributes: {minr: true}}\n"
                 "  - {key: student, name: S2}\n"
                 "contexts: []\n"}});
  EXPECT_EQ(Errors(dir),
            (std::vector<std::string>{
                "taxonomy.yaml:3:5: error: data category `user.contact` has no parent: add `user` "
                "to `data_categories`",
                "taxonomy.yaml:4:11: error: data category key \"User\" must be lowercase words "
                "joined by '_', separated by '.'",
                "taxonomy.yaml:7:42: error: unknown key `minr` in attributes of `student`; did you "
                "mean `minor`?",
                "taxonomy.yaml:8:11: error: data subject `student` is defined twice (first at line "
                "7)",
            }));
}

TEST(RegistryLoader, MissingFilesAreReported) {
  auto dir = MiniWith({{"organization.yaml", ""}});
  auto errors = Errors(dir);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("organization.yaml: error: cannot read file")) << errors[0];
  std::string nope = MakeTempDir() + "/nope";
  LoadOptions o;
  o.registry_dir = nope;
  Registry reg;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadRegistry(o, &reg, &diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].Format(), nope + ": error: registry folder not found (use --registry DIR)");
}

TEST(RegistryLoader, ResultsDoNotDependOnThreadCount) {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 40; ++i) {
    files.push_back({"providers/p" + std::to_string(i) + ".yaml",
                     "id: p" + std::to_string(i) + "\nname: P\nsources: [{disclosure: e}]\n" +
                         (i % 3 == 0 ? "bogus: 1\n" : "")});
  }
  auto dir = MiniWith(files);
  auto one = Errors(dir, 1);
  EXPECT_EQ(one.size(), 40u + 14u);
  EXPECT_EQ(one, Errors(dir, 2));
  EXPECT_EQ(one, Errors(dir, 8));
}

TEST(RegistryLoader, CapsTheNumberOfErrors) {
  std::string many = std::string(kGoodProvider);
  for (int i = 0; i < 300; ++i) many += "k" + std::to_string(i) + ": 1\n";
  auto dir = MiniWith({{"providers/extra.yaml", many}});
  LoadOptions o;
  o.registry_dir = dir;
  Registry reg;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadRegistry(o, &reg, &diags));
  ASSERT_EQ(diags.size(), 201u);
  EXPECT_EQ(diags.back().Format(), "vendorlint: error: too many errors: 100 more not shown");
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// The provider example in docs/registry.md must stay valid against the real
// taxonomy: it is what analysts copy.
TEST(RegistryLoader, DocumentedProviderExampleIsValid) {
  std::string doc = ReadFileOrDie(SourceDir() + "/docs/registry.md");
  size_t section = doc.find("## Provider files");
  ASSERT_NE(section, std::string::npos);
  size_t begin = doc.find("```yaml\n", section);
  ASSERT_NE(begin, std::string::npos);
  begin += 8;
  size_t end = doc.find("```", begin);
  std::string example = doc.substr(begin, end - begin);

  std::string dir = MakeTempDir() + "/reg";
  fs::copy(SourceDir() + "/registry", dir, fs::copy_options::recursive);
  WriteFileOrDie(dir + "/providers/mongodb-atlas.yaml", example);
  EXPECT_EQ(Errors(dir), std::vector<std::string>{});
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// The provider-file count bound (200,000 by default; the binary test of the
// byte bound is in tests/cli/resource_limits_test.cc, and 200,001 files would
// take seconds to create): exceeded, the registry is refused from the listing.
TEST(RegistryLoader, ProviderFileCountIsBounded) {
  std::string dir = MiniWith({{"providers/zz-extra.yaml", kGoodProvider}});
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir + "/providers"))
    if (e.path().extension() == ".yaml") ++files;
  LoadOptions o;
  o.registry_dir = dir;
  o.max_provider_files = files - 1;
  Registry reg;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadRegistry(o, &reg, &diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].Format(), fmt::format("{}/providers: error: {} provider files; the limit is "
                                           "{} (split the registry)",
                                           dir, files, files - 1));
  EXPECT_EQ(LoadOptions{}.max_provider_files, 200000u);
  EXPECT_EQ(LoadOptions{}.max_registry_bytes, uint64_t{512} << 20);
}

}  // namespace
}  // namespace vendorlint
