#include "cli/command_table.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/option_values.h"
#include "report/formats.h"
#include "util/date.h"

namespace vendorlint {
namespace {

template <typename T>
std::string ParseWhole(const std::string& name, const std::string& value, T* out) {
  T v{};
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size())
    return fmt::format("--{} takes a whole number, not '{}'", name, value);
  *out = v;
  return "";
}

std::vector<OptionSpec> MakeOptions() {
  using K = ValueKind;
  return {
      {"registry",
       0,
       "DIR",
       "registry folder (default: registry)",
       K::kDir,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.registry_dir = v;
         return std::string();
       }},
      {"rules",
       0,
       "DIR",
       "rules folder (default: ./rules, else the installed share/vendorlint/rules)",
       K::kDir,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.rules_dir = v;
         o.rules_given = true;
         return std::string();
       }},
      {"taxonomy",
       0,
       "FILE",
       "taxonomy (default: <registry>/taxonomy.yaml, else the installed "
       "share/vendorlint/taxonomy.yaml)",
       K::kFile,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.taxonomy = v;
         return std::string();
       }},
      {"threads",
       0,
       "N",
       "threads for loading and checking, 0 to 1024 (default 0: one per core)",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         std::string error;
         if (!ParseThreads(v, &o.threads, &error)) return error;
         return std::string();
       }},
      {"cache",
       0,
       "DIR",
       "reuse parsed provider files kept in DIR (auto: ~/.cache/vendorlint; off; "
       "default: $VENDORLINT_CACHE, else off)",
       K::kDir,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.cache = v;
         o.cache_given = true;
         return std::string();
       }},
      {"format",
       0,
       "FMT",
       "output format",
       K::kChoice,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.format = v;
         return std::string();
       }},
      {"output",
       'o',
       "FILE",
       "write the report to FILE instead of stdout (devices and FIFOs are written "
       "through; links are refused)",
       K::kFile,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.output = v;
         return std::string();
       }},
      {"report",
       0,
       "FMT=FILE",
       "also write a report in FMT to FILE (repeatable)",
       K::kText,
       {},
       true,
       [](CliOptions& o, const std::string& v) {
         o.reports.push_back(v);
         return std::string();
       }},
      {"fail-on",
       0,
       "LEVEL",
       "error | warning | note | none (default: error)",
       K::kChoice,
       {"error", "warning", "note", "none"},
       false,
       [](CliOptions& o, const std::string& v) {
         o.fail_on = v;
         return std::string();
       }},
      {"strict",
       0,
       "",
       "count `review` outcomes as failures for the gate",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.strict = true;
         return std::string();
       }},
      {"as-of",
       0,
       "DATE",
       "evaluate date rules as of DATE, YYYY-MM-DD (default: today, UTC)",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         Date d;
         if (!Date::Parse(v, &d))
           return fmt::format("--as-of must be a date written YYYY-MM-DD, not '{}'", v);
         o.as_of = v;
         return std::string();
       }},
      {"rule",
       0,
       "ID",
       "only this rule (repeatable)",
       K::kText,
       {},
       true,
       [](CliOptions& o, const std::string& v) {
         o.rule_ids.push_back(v);
         return std::string();
       }},
      {"provider",
       0,
       "ID",
       "only this provider (repeatable)",
       K::kText,
       {},
       true,
       [](CliOptions& o, const std::string& v) {
         o.provider_ids.push_back(v);
         return std::string();
       }},
      {"tag",
       0,
       "TAG",
       "only rules with this tag (repeatable)",
       K::kText,
       {},
       true,
       [](CliOptions& o, const std::string& v) {
         o.tags.push_back(v);
         return std::string();
       }},
      {"color",
       0,
       "WHEN",
       "auto | always | never (default: auto; NO_COLOR disables)",
       K::kChoice,
       {"auto", "always", "never"},
       false,
       [](CliOptions& o, const std::string& v) {
         o.color = v;
         return std::string();
       }},
      {"waivers",
       0,
       "FILE",
       "waivers to apply (default: <registry>/waivers.yaml if present)",
       K::kFile,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.waivers = v;
         return std::string();
       }},
      {"no-waivers",
       0,
       "",
       "ignore waivers (audits)",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.no_waivers = true;
         return std::string();
       }},
      {"warn-expiring",
       0,
       "N",
       "warn about waivers expiring within N days (default: 30)",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         return ParseWhole("warn-expiring", v, &o.warn_expiring);
       }},
      {"baseline",
       0,
       "FILE",
       "fail the gate only on findings that are not in FILE",
       K::kFile,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.baseline = v;
         return std::string();
       }},
      {"write-baseline",
       0,
       "FILE",
       "record the current findings in FILE",
       K::kFile,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.write_baseline = v;
         return std::string();
       }},
      {"category",
       0,
       "ID",
       "SARIF automationDetails.id, e.g. vendorlint/nightly/",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.category = v;
         return std::string();
       }},
      {"verbose",
       0,
       "",
       "text: every finding with every evidence item (default: the gate's failures first, "
       "other fails one line each, the top 10 questions)",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.verbose = true;
         return std::string();
       }},
      {"quiet",
       0,
       "",
       "text: only the verdict and the findings that fail the gate",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.quiet = true;
         return std::string();
       }},
      {"include-passes",
       0,
       "",
       "no longer accepted: passes go to --report sarif-dashboard=PATH (code scanning would "
       "open them as alerts)",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.include_passes = true;
         return std::string();
       }},
      {"markdown-link-base",
       0,
       "URL",
       "Markdown: prefix for links to registry lines (default: from GITHUB_SERVER_URL, "
       "GITHUB_REPOSITORY and GITHUB_SHA, or CI_PROJECT_URL and CI_COMMIT_SHA; else relative)",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.markdown_link_base = v;
         return std::string();
       }},
      {"where",
       0,
       "PREDICATE",
       "answer a rule-language predicate (YAML flow syntax) for every provider",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.where = v;
         return std::string();
       }},
      {"receives-student-data",
       0,
       "",
       "shortcut: a data flow we share with the provider is about students",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.receives_student_data = true;
         return std::string();
       }},
      {"sends-student-data",
       0,
       "",
       "shortcut: a data flow the provider sends us is about students",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.sends_student_data = true;
         return std::string();
       }},
      {"outside-allowed-countries",
       0,
       "",
       "shortcut: the provider is based, processes or stores data outside organization.yaml's "
       "settings.student_data_countries",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.outside_allowed_countries = true;
         return std::string();
       }},
      {"hosted-on",
       0,
       "ID",
       "shortcut: the provider's hosting chain includes provider ID",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         o.hosted_on = v;
         return std::string();
       }},
      {"base",
       0,
       "REF",
       "compare with the registry at git revision REF (read through git, no checkout); "
       "check also takes a folder",
       K::kText,
       {},
       false,
       [](CliOptions& o, const std::string& v) {
         if (v.empty() || v.front() == '-') return fmt::format("--base takes a git revision, not '{}'", v);
         o.base = v;
         return std::string();
       }},
      {"cosmetic",
       0,
       "",
       "also list cosmetic changes (order, notes, descriptions, statements)",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.cosmetic = true;
         return std::string();
       }},
      {"fail-on-impact",
       0,
       "LEVEL",
       "exit 1 when a change has this impact or higher: high | medium | low",
       K::kChoice,
       {"high", "medium", "low"},
       false,
       [](CliOptions& o, const std::string& v) {
         o.fail_on_impact = v;
         return std::string();
       }},
      {"man",
       0,
       "",
       "print vendorlint's man page (roff) instead",
       K::kNone,
       {},
       false,
       [](CliOptions& o, const std::string&) {
         o.man = true;
         return std::string();
       }},
      {"help", 'h', "", "show this help", K::kNone, {}, false, nullptr},
  };
}

std::vector<CommandSpec> MakeCommands() {
  const std::vector<std::string> loading = {"registry", "rules", "taxonomy", "threads"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = loading;
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
  };
  return {
      {"check",
       "evaluate the rules against the registry (the CI gate)",
       "",
       0,
       0,
       "Loads the registry and the rules, applies waivers and a baseline, evaluates every rule "
       "for every provider and writes the report. Exits 1 when a fail at or above --fail-on "
       "remains.",
       with({"cache", "format", "output", "report", "fail-on", "strict", "as-of", "rule", "provider",
             "tag", "color", "verbose", "quiet", "waivers", "no-waivers", "warn-expiring",
             "baseline", "base", "write-baseline", "category", "include-passes",
             "markdown-link-base"}),
       ReportFormatNames(),
       {{"vendorlint check", "the gate: evaluate rules/ against registry/"},
        {"vendorlint check --format json -o findings.json --as-of 2026-11-22",
         "JSON to a file, date rules as of a fixed day"},
        {"vendorlint check --format github --report sarif=vendorlint.sarif",
         "annotations on stdout and a SARIF file beside them"},
        {"vendorlint check --rule personal-data-encrypted-at-rest --provider aws",
         "one rule for one provider"},
        {"vendorlint check --tag coppa", "only the rules tagged coppa"},
        {"vendorlint check --verbose", "every finding with every evidence item"},
        {"vendorlint check --base origin/main --format markdown",
         "a pull request's comment: its high-impact changes and new findings first"}}},
      {"validate",
       "load and check the registry, the rules, their tests and the waivers",
       "",
       0,
       0,
       "Loads everything `check` and `test` would load: the registry, the rules, every rule's "
       "test file (<id>.test.yaml beside the rule), the waivers file and a baseline given with "
       "--baseline. Prints a summary; exits 2 on the first invalid input, with every error in it.",
       with({"cache", "waivers", "no-waivers", "baseline"}),
       {},
       {{"vendorlint validate", "check edits to registry/ and rules/ before a pull request"},
        {"vendorlint validate --baseline registry/baseline.yaml", "also read a baseline"}}},
      {"providers",
       "print a table of the registry's providers",
       "",
       0,
       0,
       "Prints each provider with its contexts, purposes, whom the data we share with it is "
       "about, whom the data it sends us is about, and whether it encrypts data at rest. With "
       "--where or a shortcut, answers a "
       "question for every provider instead: yes, no or unknown, with the facts that decide it "
       "(several are combined with all_of).",
       {"registry", "threads", "cache", "format", "where", "receives-student-data",
        "sends-student-data", "outside-allowed-countries", "hosted-on", "as-of"},
       {"text", "json", "csv"},
       {{"vendorlint providers", "the table"},
        {"vendorlint providers --format json", "the same as JSON"},
        {"vendorlint providers --receives-student-data --format json",
         "who gets data about students from us"},
        {"vendorlint providers --where '{any: {in: data_flows, where: {field: subjects, "
         "includes_any: [student]}}}'",
         "any flow about students, in either direction"},
        {"vendorlint providers --hosted-on aws", "who runs on AWS, directly or through a host"},
        {"vendorlint providers --outside-allowed-countries",
         "who is based, processes or stores data outside the allowed countries"}}},
      {"rules",
       "list the rules",
       "",
       0,
       0,
       "Prints every rule's id, severity and title.",
       with({}),
       {},
       {{"vendorlint rules", "every rule of rules/"}}},
      {"explain",
       "print a rule's description, rationale, references and remediation",
       "RULE",
       1,
       1,
       "Prints what RULE checks, why, where the requirement comes from and how to fix a fail. "
       "With --provider, shows how the rule was decided for that provider instead: applies_to "
       "and require, each true, false or unknown, with the facts that decide them.",
       with({"cache", "provider", "as-of"}),
       {},
       {{"vendorlint explain personal-data-encrypted-at-rest", "one rule in full"},
        {"vendorlint explain no-student-data-to-marketing-vendors --provider blueshift",
         "why the rule fails for Blueshift"}}},
      {"taxonomy",
       "print the taxonomy's keys with descriptions and attributes",
       "[PREFIX]",
       0,
       1,
       "Prints the data categories, purposes, data subjects and contexts of "
       "<registry>/taxonomy.yaml, or only the keys under PREFIX (`user.contact`).",
       {"registry", "format"},
       {"text", "json"},
       {{"vendorlint taxonomy", "every key"},
        {"vendorlint taxonomy user.contact", "the keys under user.contact"}}},
      {"map",
       "draw the data map: who gets which personal data (SVG or DOT)",
       "",
       0,
       0,
       "Writes the data map of the HTML report on its own: the organisation, each provider and "
       "the personal data flowing to and from it, a line per data subject, providers grouped by "
       "whom the data is about, data about students in red. DOT is sorted (the same registry "
       "gives the same bytes); SVG is laid out by Graphviz's library and loads nothing.",
       {"registry", "taxonomy", "threads", "cache", "format", "output"},
       {"svg", "dot"},
       {{"vendorlint map -o data-map.svg", "the map as SVG"},
        {"vendorlint map --format dot", "the Graphviz source, to edit or lay out otherwise"}}},
      {"export",
       "write records for auditors: ropa or subprocessors",
       "WHAT",
       1,
       1,
       "ropa: the records of processing activities (GDPR Art. 30(1) and (2)), a row per "
       "provider and data flow: processor, purposes, categories of data subjects and of data, "
       "recipients, transfers to third countries and their safeguards, retention, security "
       "measures; as csv or xlsx. subprocessors: the sub-processor list (SCC Annex IV): name, "
       "legal entity, country, processing locations, purpose, categories of data, DPA; as csv, "
       "json or markdown. What the registry does not state is written \"not stated\", never "
       "left blank. CSV follows RFC 4180; a cell starting with = + - or @ gets a leading ' so "
       "that a spreadsheet does not run it as a formula.",
       {"registry", "taxonomy", "threads", "cache", "format", "output"},
       {"csv", "xlsx", "json", "markdown"},
       {{"vendorlint export ropa --format xlsx -o ropa.xlsx", "the RoPA as a spreadsheet"},
        {"vendorlint export subprocessors --format markdown", "the sub-processor list to publish"}}},
      {"render",
       "write the public service-providers page from the registry",
       "",
       0,
       0,
       "Writes the public \"Third Party Service Providers\" page from the registry: an "
       "introduction, a table per section (a top-level context of organization.yaml) with each "
       "provider's privacy-policy link, how it is used and what is shared with it, received from "
       "it or collected by it, in sentences generated from the facts and followed by the "
       "registry's descriptions; then every data category with who receives it, about whom and "
       "where it is stored. What the registry does not state is written \"not stated\". HTML is "
       "one self-contained page. `vendorlint reconcile` reads either form back.",
       {"registry", "taxonomy", "threads", "format", "output"},
       {"markdown", "html"},
       {{"vendorlint render -o providers.md", "the page as Markdown"},
        {"vendorlint render --format html -o providers.html", "the page as one HTML file"}}},
      {"reconcile",
       "report where a published providers page has drifted from the registry",
       "PAGE",
       1,
       1,
       "Reads PAGE, a published service-providers page (a Markdown table whose first column "
       "names the provider, or a page `vendorlint render` wrote), and reports each drift with "
       "its line: providers on the page but not in the registry and the reverse, former or "
       "other names, links that differ (http and https apart), providers under another section. "
       "Rows match providers by name, a source row, `formerly`, the link, or first words. Exits "
       "0 when there is no drift, 1 when there is, 2 when PAGE or the registry is invalid.",
       {"registry", "taxonomy", "threads", "format"},
       {"text", "json"},
       {{"vendorlint render -o providers.md && vendorlint reconcile providers.md",
         "a rendered page reconciles clean"},
        {"vendorlint reconcile published.md --format json", "the drift as JSON"}}},
      {"schema",
       "print a JSON Schema of a kind of file, for editors",
       "KIND",
       1,
       1,
       "Prints the JSON Schema (draft-07) of KIND: provider, rule, rule-test, waivers, taxonomy, "
       "organization or baseline, generated from the tables the loaders read with, with the keys of "
       "<registry>/taxonomy.yaml as the values editors offer. schemas/ holds them for the "
       "project's registry; name one in a file's first line, `# yaml-language-server: "
       "$schema=PATH`, for checks and completion as you type (docs/registry.md, \"Editor "
       "support\").",
       {"registry", "taxonomy"},
       {},
       {{"vendorlint schema provider > schemas/provider.schema.json",
         "regenerate the provider schema"},
        {"vendorlint schema rule-test --registry tests/fixtures/registry-earlier",
         "the rule test schema with another registry's taxonomy keys"}},
       SchemaKinds()},
      {"test",
       "run every rule's tests (rules/**/<id>.test.yaml)",
       "",
       0,
       0,
       "Runs each rule's test cases and reports every case whose outcome differs from the one "
       "it expects. Exits 1 when one does.",
       with({"rule"}),
       {},
       {{"vendorlint test", "every rule's tests"},
        {"vendorlint test --rule personal-data-encrypted-at-rest", "one rule's tests"}}},
      {"diff",
       "what changed for privacy between two registries",
       "[OLD NEW]",
       0,
       2,
       "Compares registry folder OLD with NEW (or, with --base REF, the --registry folder at git "
       "revision REF with the working tree) fact by fact: providers added, removed or renamed, "
       "flows added or removed, subjects, categories, purposes and contexts widened or narrowed, "
       "protections dropped, locations, entity, role, retention, storage, contracts and links "
       "changed. Each change has an impact (high, medium, low) and its reason. Exits 1 when "
       "--fail-on-impact is given and a change reaches it.",
       {"registry", "taxonomy", "threads", "cache", "base", "format", "output", "cosmetic",
        "fail-on-impact", "markdown-link-base"},
       {"text", "markdown", "json"},
       {{"vendorlint diff tests/fixtures/registry-earlier registry",
         "what changed between two editions"},
        {"vendorlint diff --base origin/main --format markdown",
         "a pull request's privacy impact, as a comment"},
        {"vendorlint diff --base HEAD~1 --format json --fail-on-impact high",
         "JSON, and exit 1 on a high-impact change"}}},
      {"help",
       "show help for a command, or the man page",
       "[COMMAND]",
       0,
       1,
       "Prints the help of COMMAND (the same as `vendorlint COMMAND --help`), or the overview.",
       {"man"},
       {},
       {{"vendorlint help check", "check's options and examples"},
        {"vendorlint help --man > vendorlint.1", "the man page, for `man -l vendorlint.1`"}}},
      {"completions",
       "print a shell completion script (bash or zsh)",
       "SHELL",
       1,
       1,
       "Prints a completion script for SHELL, bash or zsh, generated from the same command "
       "table as this help.",
       {},
       {},
       {{"source <(vendorlint completions bash)", "complete commands and options in bash"},
        {"vendorlint completions zsh > ~/.zfunc/_vendorlint", "install for zsh"}},
       {"bash", "zsh"}},
  };
}

}  // namespace

const std::vector<OptionSpec>& Options() {
  static const std::vector<OptionSpec> options = MakeOptions();
  return options;
}

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> commands = MakeCommands();
  return commands;
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const auto& c : Commands())
    if (c.name == name) return &c;
  return nullptr;
}

const OptionSpec* FindOption(std::string_view long_name) {
  for (const auto& o : Options())
    if (o.name == long_name) return &o;
  return nullptr;
}

const OptionSpec* FindShortOption(char short_name) {
  for (const auto& o : Options())
    if (o.short_name != 0 && o.short_name == short_name) return &o;
  return nullptr;
}

bool TakesOption(const CommandSpec& command, std::string_view long_name) {
  if (long_name == "help") return true;
  return std::find(command.options.begin(), command.options.end(), long_name) !=
         command.options.end();
}

std::vector<std::string> ChoicesFor(const CommandSpec& command, const OptionSpec& option) {
  return option.name == "format" ? command.formats : option.choices;
}

std::string OptionSynopsis(const OptionSpec& option) {
  std::string s = option.short_name != 0 ? fmt::format("-{}, ", option.short_name) : "";
  s += "--" + option.name;
  if (!option.value_name.empty()) s += " " + option.value_name;
  return s;
}

std::string OptionHelp(const CommandSpec& command, const OptionSpec& option) {
  if (option.name == "format") {
    std::string list;
    for (const auto& f : command.formats) list += (list.empty() ? "" : " | ") + f;
    return fmt::format("output format: {} (default: {})", list, command.formats.front());
  }
  return option.help;
}

}  // namespace vendorlint
