// The reconciliation (check/reconcile.h) on the small `mini` registry and
// hand-written pages: each matching rule, its ambiguity guard, URL
// normalisation and the section comparison.
#include "check/reconcile.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "load/registry_loader.h"
#include "rules/rule_fixtures.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::FormatAll;

Registry LoadMini() {
  std::string dir = testing::MakeTempDir() + "/reg";
  fs::copy(testing::SourceDir() + "/tests/load/fixtures/mini", dir, fs::copy_options::recursive);
  testing::WriteFileOrDie(dir + "/providers/cloud-backup.yaml",
                          "id: cloud-backup\nname: Cloud Host Backup\ncontexts: [product]\n"
                          "sources:\n  - disclosure: example-2026\n");
  testing::WriteFileOrDie(dir + "/providers/mailer.yaml",
                          "id: mailer\nname: Mailer\nformerly: [Old Mailer]\n"
                          "links: [{kind: privacy_policy, url: https://mailer.example/privacy}]\n"
                          "contexts: [product]\nsources:\n  - disclosure: example-2026\n");
  LoadOptions o;
  o.registry_dir = dir;
  Registry reg;
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(LoadRegistry(o, &reg, &diags)) << FormatAll(diags);
  return reg;
}

Reconciliation ReconcileText(const Registry& reg, const std::string& markdown) {
  PublishedPage page;
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(ParsePublishedPage("p.md", markdown, &page, &diags)) << FormatAll(diags);
  return Reconcile(page, reg);
}

std::string Lines(const Reconciliation& r) {
  std::string out;
  for (const auto& d : r.drift) {
    std::string file = d.file == "p.md" ? d.file : fs::path(d.file).filename().string();
    out += file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
           DriftKindName(d.kind) + " " + d.message + "\n";
  }
  return out;
}

TEST(NormalizeUrl, OnlyTrivialDifferencesAreRemoved) {
  EXPECT_EQ(NormalizeUrl("HTTPS://Example.COM/Privacy/"), "https://example.com/Privacy");
  EXPECT_EQ(NormalizeUrl("https://example.com/a%20b%28c%29"), "https://example.com/a b(c)");
  EXPECT_EQ(NormalizeUrl("https://example.com/a%2Fb"), "https://example.com/a%2Fb");
  EXPECT_NE(NormalizeUrl("http://example.com/p"), NormalizeUrl("https://example.com/p"));
  EXPECT_EQ(NormalizeUrl("https://example.com/?q=1/"), "https://example.com/?q=1");
}

TEST(Reconcile, NameSourceRowFormerlyAndAmbiguousFirstWords) {
  Registry reg = LoadMini();
  Reconciliation r = ReconcileText(reg,
                         "| Provider | How |\n|---|---|\n"
                         "| [Cloud Host](https://cloud.example.com/privacy/) | x |\n"
                         "| DB | x |\n"
                         "| [Old Mailer](https://mailer.example/privacy) | x |\n"
                         "| Cloud | x |\n");
  EXPECT_EQ(r.rows, 4u);
  EXPECT_EQ(r.matched_rows, 3u);
  EXPECT_EQ(r.providers, 4u);
  EXPECT_EQ(Lines(r),
            "p.md:5:3 name the page names Mailer (mailer) by a former name, \"Old Mailer\" "
            "(recorded in formerly (Old Mailer))\n"
            "p.md:6:3 not_in_registry Cloud is on the page but not in the registry (no provider "
            "has this name, a source row or `formerly` naming it, or its link)\n"
            "cloud-backup.yaml:1:5 not_on_page Cloud Host Backup (cloud-backup) is in the "
            "registry but not on the page\n");
}

TEST(Reconcile, FirstWordsAndLinkMatchOnlyOneProvider) {
  Registry reg = LoadMini();
  Reconciliation r = ReconcileText(reg,
                         "| Provider |\n|---|\n"
                         "| Cloud Host Backup Service |\n"  // the closer of two names it begins with
                         "| Database |\n"                    // first words of "Database Service"
                         "| [Post](https://mailer.example/privacy) |\n"
                         "| Cloud Host |\n");
  EXPECT_EQ(Lines(r),
            "p.md:3:3 name the page names Cloud Host Backup (cloud-backup) \"Cloud Host Backup "
            "Service\" (one name begins with the other)\n"
            "p.md:4:3 name the page names Database Service (db) \"Database\" (one name begins "
            "with the other)\n"
            "p.md:5:3 name the page names Mailer (mailer) \"Post\" (same link "
            "(https://mailer.example/privacy))\n"
            "p.md:6:3 link Cloud Host has no link on the page; the registry links "
            "https://cloud.example.com/privacy\n");
}

TEST(Reconcile, SectionsAreComparedOnlyOnASectionedPage) {
  Registry reg = LoadMini();
  const std::string rows = "| Cloud Host | x |\n| DB | x |\n| Mailer | x |\n| Cloud Host Backup | x |\n";
  Reconciliation flat = ReconcileText(reg, "| Provider | How |\n|---|---|\n" + rows);
  EXPECT_EQ(Lines(flat),
            "p.md:3:3 link Cloud Host has no link on the page; the registry links "
            "https://cloud.example.com/privacy\n"
            "p.md:5:3 link Mailer has no link on the page; the registry links "
            "https://mailer.example/privacy\n");
  Reconciliation by_key =
      ReconcileText(reg, "## product\n\n| Provider | How |\n|---|---|\n" + rows + "\n## Elsewhere\n\n"
               "| Provider |\n|---|\n| DB |\n");
  EXPECT_EQ(Lines(by_key),
            "p.md:5:3 link Cloud Host has no link on the page; the registry links "
            "https://cloud.example.com/privacy\n"
            "p.md:7:3 link Mailer has no link on the page; the registry links "
            "https://mailer.example/privacy\n"
            "p.md:10:4 section section \"Elsewhere\" is not a section of the registry (its "
            "sections: \"Example Services\")\n");
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// Deterministic mutations of real pages (a rendered Markdown page, a rendered
// HTML page, and the structure characters the readers key on): reading and
// reconciling never crash, every diagnostic points inside the page, and a
// page that reads gives drift items inside it or the registry. The ASan build
// runs this too.
TEST(Reconcile, MutatedPagesNeverCrash) {
  Registry reg = LoadMini();
  const std::string markdown =
      "# T\n\n## Example Services\n\n| Provider | How | What |\n|---|---|---|\n"
      "| [Cloud Host](https://cloud.example.com/privacy) | x \\| y | z |\n"
      "| [Snake\\_Case](<https://a.example/(b)>) (link: terms) | x | y |\n| DB | x | y |\n";
  const std::string html =
      "<!DOCTYPE html>\n<html><body><h1>T</h1>\n<h2>Example Services</h2>\n<table>\n"
      "<thead><tr><th>Provider</th><th>How</th></tr></thead><tbody>\n"
      "<tr><td><a class=\"url\" href=\"https://cloud.example.com/privacy\">Cloud Host</a></td>"
      "<td>x</td></tr>\n<tr><td>DB</td><td>y</td></tr>\n</tbody></table>\n</body></html>\n";
  const std::string alphabet = "|[]()<>\\\n#-: \"&;/ahtdr";
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  size_t read = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string page = (i % 2 == 0) ? markdown : html;
    int edits = 1 + static_cast<int>(next() % 8);
    for (int e = 0; e < edits && !page.empty(); ++e) {
      size_t at = next() % page.size();
      switch (next() % 4) {
        case 0: page[at] = alphabet[next() % alphabet.size()]; break;
        case 1: page.insert(at, 1, alphabet[next() % alphabet.size()]); break;
        case 2: page.erase(at, 1 + next() % 6); break;
        default: page.resize(at); break;
      }
    }
    size_t lines = 1;
    for (char c : page) lines += c == '\n' ? 1 : 0;
    PublishedPage p;
    std::vector<Diagnostic> diags;
    bool ok = ParsePublishedPage("p.md", page, &p, &diags);
    for (const auto& d : diags) {
      ASSERT_FALSE(d.message.empty());
      ASSERT_TRUE(d.line == 0 ? d.column == 0 : (d.line <= lines && d.column >= 1))
          << d.Format() << "\n" << page;
    }
    ASSERT_EQ(ok, diags.empty()) << page;
    if (!ok) continue;
    ++read;
    Reconciliation r = Reconcile(p, reg);
    for (const auto& d : r.drift) {
      ASSERT_FALSE(d.message.empty());
      if (d.file == "p.md") ASSERT_TRUE(d.line >= 1 && d.line <= lines) << d.message << "\n" << page;
    }
  }
  EXPECT_GT(read, 500u);  // the mutations leave many pages readable
}

}  // namespace
}  // namespace vendorlint
