// The command-line conventions, through the binary: per-command help, one-line
// usage errors with did-you-mean, options a command does not take, empty
// values, --format honoured or rejected, the -o FORMAT hint, and the man page
// and completions generated from the command table.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "cli/command_table.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::BinaryPath;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

std::string Mini() { return SourceDir() + "/tests/load/fixtures/mini"; }

// Runs `command` with sh; returns stdout (stderr joined when asked) and sets *status.
std::string Shell(const std::string& command, int* status) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  *status = pclose(p);
  return out;
}

void ExpectUsageError(const std::vector<std::string>& args, const std::string& message,
                      const std::string& see) {
  auto r = RunVendorlint(args, SourceDir());
  EXPECT_EQ(r.exit_code, 2) << message;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "vendorlint: error: " + message + "\nsee `" + see + "`\n");
}

TEST(CommandLine, OverviewListsEveryCommandWithItsSummary) {
  auto r = RunVendorlint({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "usage: vendorlint <command> [options]\n"
            "\n"
            "Checks a registry of third-party service providers against policy rules.\n"
            "\n"
            "commands:\n"
            "  check        evaluate the rules against the registry (the CI gate)\n"
            "  validate     load and check the registry, the rules, their tests and the waivers\n"
            "  providers    print a table of the registry's providers\n"
            "  rules        list the rules\n"
            "  explain      print a rule's description, rationale, references and remediation\n"
            "  taxonomy     print the taxonomy's keys with descriptions and attributes\n"
      "  map          draw the data map: who gets which personal data (SVG or DOT)\n"
      "  export       write records for auditors: ropa or subprocessors\n"
            "  render       write the public service-providers page from the registry\n"
            "  reconcile    report where a published providers page has drifted from the registry\n"
      "  schema       print a JSON Schema of a kind of file, for editors\n"
            "  test         run every rule's tests (rules/**/<id>.test.yaml)\n"
      "  diff         what changed for privacy between two registries\n"
            "  help         show help for a command, or the man page\n"
            "  completions  print a shell completion script (bash or zsh)\n"
            "\n"
            "Run `vendorlint COMMAND --help` (or `vendorlint help COMMAND`) for a command's "
            "options\nand examples.\n"
            "\n"
            "options:\n"
            "  -h, --help  show this help\n"
            "  --version   show the version\n"
            "\n"
            "exit codes:\n"
            "  0  the gate passes (no fail at or above --fail-on), or the command succeeded\n"
            "  1  the gate fails, or a rule test does not give its expected outcome\n"
            "  2  invalid input or usage: nothing was evaluated; or a report or standard\n"
            "     output could not be written\n");
  EXPECT_EQ(RunVendorlint({"help"}).out, r.out);
  EXPECT_EQ(RunVendorlint({"-h"}).out, r.out);
}

TEST(CommandLine, CommandHelpShowsItsOptionsAndExamples) {
  auto r = RunVendorlint({"providers", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "usage: vendorlint providers [options]\n"
            "\n"
            "Prints each provider with its contexts, purposes, whom the data we share with it\n"
            "is about, whom the data it sends us is about, and whether it encrypts data at\n"
            "rest. With --where or a shortcut, answers a question for every provider instead:\n"
            "yes, no or unknown, with the facts that decide it (several are combined with\n"
            "all_of).\n"
            "\n"
            "options:\n"
            "  --registry DIR               registry folder (default: registry)\n"
            "  --threads N                  threads for loading and checking, 0 to 1024\n"
            "                               (default 0: one per core)\n"
            "  --cache DIR                  reuse parsed provider files kept in DIR (auto:\n"
            "                               ~/.cache/vendorlint; off; default:\n"
            "                               $VENDORLINT_CACHE, else off)\n"
            "  --format FMT                 output format: text | json | csv (default: text)\n"
            "  --where PREDICATE            answer a rule-language predicate (YAML flow\n"
            "                               syntax) for every provider\n"
            "  --receives-student-data      shortcut: a data flow we share with the provider\n"
            "                               is about students\n"
            "  --sends-student-data         shortcut: a data flow the provider sends us is\n"
            "                               about students\n"
            "  --outside-allowed-countries  shortcut: the provider is based, processes or\n"
            "                               stores data outside organization.yaml's\n"
            "                               settings.student_data_countries\n"
            "  --hosted-on ID               shortcut: the provider's hosting chain includes\n"
            "                               provider ID\n"
            "  --as-of DATE                 evaluate date rules as of DATE, YYYY-MM-DD\n"
            "                               (default: today, UTC)\n"
            "  -h, --help                   show this help\n"
            "\n"
            "examples:\n"
            "  # the table\n"
            "  vendorlint providers\n"
            "  # the same as JSON\n"
            "  vendorlint providers --format json\n"
            "  # who gets data about students from us\n"
            "  vendorlint providers --receives-student-data --format json\n"
            "  # any flow about students, in either direction\n"
            "  vendorlint providers --where '{any: {in: data_flows, where: {field: subjects, includes_any: [student]}}}'\n"
            "  # who runs on AWS, directly or through a host\n"
            "  vendorlint providers --hosted-on aws\n"
            "  # who is based, processes or stores data outside the allowed countries\n"
            "  vendorlint providers --outside-allowed-countries\n");
  // The same text three ways; --help wins over other arguments.
  EXPECT_EQ(RunVendorlint({"help", "providers"}).out, r.out);
  EXPECT_EQ(RunVendorlint({"providers", "--bogus", "-h"}).out, r.out);

  auto check = RunVendorlint({"check", "--help"});
  EXPECT_TRUE(check.out.starts_with("usage: vendorlint check [options]\n")) << check.out;
  EXPECT_NE(check.out.find("\n  --tag TAG                 only rules with this tag (repeatable)\n"),
            std::string::npos);
  // A help line that does not fit in 80 columns continues under itself.
  EXPECT_NE(check.out.find("  --format FMT              output format: text | json | sarif | "
                           "sarif-dashboard\n                            | junit | github | "
                           "markdown | html (default: text)\n"),
            std::string::npos)
      << check.out;
  for (size_t start = 0, end; (end = check.out.find('\n', start)) != std::string::npos;
       start = end + 1)
    EXPECT_LE(end - start, 80u) << check.out.substr(start, end - start);
  EXPECT_TRUE(RunVendorlint({"explain", "--help"})
                  .out.starts_with("usage: vendorlint explain RULE [options]\n"));
}

TEST(CommandLine, DidYouMeanForCommandsAndOptions) {
  ExpectUsageError({"chekc"}, "unknown command 'chekc'; did you mean 'check'?",
                   "vendorlint --help");
  ExpectUsageError({"help", "chekc"}, "unknown command 'chekc'; did you mean 'check'?",
                   "vendorlint --help");
  ExpectUsageError({"check", "--formt", "json"},
                   "unknown option '--formt' for check; did you mean '--format'?",
                   "vendorlint check --help");
  ExpectUsageError({"--regsitry"}, "unknown option '--regsitry'; did you mean '--registry'?",
                   "vendorlint --help");
  ExpectUsageError({"check", "-x"}, "unknown option '-x'", "vendorlint check --help");
}

TEST(CommandLine, OptionsACommandDoesNotTakeAreRejected) {
  ExpectUsageError({"validate", "--format", "json"},
                   "validate does not take --format (only check, providers, taxonomy, map, export, "
                   "render, reconcile and diff do)",
                   "vendorlint validate --help");
  ExpectUsageError({"rules", "--as-of", "2026-01-01"},
                   "rules does not take --as-of (only check, providers and explain do)",
                   "vendorlint rules --help");
  ExpectUsageError({"providers", "--rules", "rules"},
                   "providers does not take --rules (only check, validate, rules, explain and "
                   "test do)",
                   "vendorlint providers --help");
}

TEST(CommandLine, EmptyMissingRepeatedAndMalformedValuesAreRejected) {
  ExpectUsageError({"check", "--as-of", ""}, "--as-of needs a value (DATE), not an empty string",
                   "vendorlint check --help");
  ExpectUsageError({"check", "--rules="}, "--rules needs a value (DIR), not an empty string",
                   "vendorlint check --help");
  ExpectUsageError({"validate", "--registry", ""},
                   "--registry needs a value (DIR), not an empty string",
                   "vendorlint validate --help");
  ExpectUsageError({"explain", ""}, "explain needs RULE, not an empty string",
                   "vendorlint explain --help");
  ExpectUsageError({"check", "--registry"}, "--registry needs a value (DIR)",
                   "vendorlint check --help");
  ExpectUsageError({"check", "--strict=yes"}, "--strict takes no value", "vendorlint check --help");
  ExpectUsageError({"check", "--fail-on", "note", "--fail-on=error"},
                   "--fail-on is given twice; give it once", "vendorlint check --help");
  ExpectUsageError({"check", "--threads", "two"}, "--threads must be a whole number from 0 (one per core) to 1024, not 'two'",
                   "vendorlint check --help");
  ExpectUsageError({"explain"}, "explain needs RULE: vendorlint explain RULE",
                   "vendorlint explain --help");
  ExpectUsageError({"completions"}, "completions needs SHELL: vendorlint completions SHELL",
                   "vendorlint completions --help");
}

TEST(CommandLine, FormatIsHonouredOrRejected) {
  auto r = RunVendorlint({"providers", "--registry", Mini(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\n"
            "  \"providers\": [\n"
            "    {\n"
            "      \"id\": \"cloud\",\n"
            "      \"name\": \"Cloud Host\",\n"
            "      \"contexts\": [\n"
            "        \"product\"\n"
            "      ],\n"
            "      \"purposes\": [\n"
            "        \"essential.service.storage\"\n"
            "      ],\n"
            "      \"shared_about\": {\n"
            "        \"subjects\": [\n"
            "          \"parent\",\n"
            "          \"student\"\n"
            "        ],\n"
            "        \"complete\": true\n"
            "      },\n"
            "      \"received_about\": {\n"
            "        \"subjects\": [],\n"
            "        \"complete\": true\n"
            "      },\n"
            "      \"encrypted_at_rest\": \"true\"\n"
            "    },\n"
            "    {\n"
            "      \"id\": \"db\",\n"
            "      \"name\": \"Database Service\",\n"
            "      \"contexts\": [\n"
            "        \"product\"\n"
            "      ],\n"
            "      \"purposes\": [\n"
            "        \"essential.service.storage\"\n"
            "      ],\n"
            "      \"shared_about\": {\n"
            "        \"subjects\": [],\n"
            "        \"complete\": false\n"
            "      },\n"
            "      \"received_about\": {\n"
            "        \"subjects\": [],\n"
            "        \"complete\": true\n"
            "      },\n"
            "      \"encrypted_at_rest\": \"unknown\"\n"
            "    }\n"
            "  ]\n"
            "}\n");
  r = RunVendorlint({"providers", "--registry", Mini(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "id,contexts,purposes,shared_about,received_about,encrypted_at_rest\n"
            "cloud,product,essential.service.storage,parent; student,none,true\n"
            "db,product,essential.service.storage,unknown,none,unknown\n");
  ExpectUsageError({"providers", "--format", "sarif"},
                   "--format for providers must be text, json or csv, not 'sarif'",
                   "vendorlint providers --help");
  ExpectUsageError({"check", "--format", "jsno"},
                   "--format for check must be text, json, sarif, sarif-dashboard, junit, github, "
                   "markdown or html, not 'jsno'; did you mean `json`?",
                   "vendorlint check --help");
}

TEST(CommandLine, OutputNamedLikeAFormatGetsAHint) {
  std::string dir = MakeTempDir();
  const std::string reg = SourceDir() + "/registry", rules = SourceDir() + "/rules";
  auto r = RunVendorlint({"check", "--registry", reg, "--rules", rules, "-o", "json"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: -o json would write the report to a new file named 'json'; did "
            "you mean --format json? (for a file of that name, write -o ./json)\n"
            "see `vendorlint check --help`\n");
  EXPECT_FALSE(fs::exists(dir + "/json"));
  ExpectUsageError({"check", "--output=sarif"},
                   "--output sarif would write the report to a new file named 'sarif'; did you "
                   "mean --format sarif? (for a file of that name, write --output ./sarif)",
                   "vendorlint check --help");
  // A file of that name that exists already is what the user meant.
  WriteFileOrDie(dir + "/json", "old\n");
  r = RunVendorlint({"check", "--registry", reg, "--rules", rules, "--as-of", "2026-11-22", "-o",
                     "json", "--fail-on", "none"},
                    dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFileOrDie(dir + "/json"), "old\n");
}

TEST(CommandLine, TagSelectsRules) {
  auto r = RunVendorlint({"check", "--as-of", "2026-11-22", "--provider", "aws", "--tag", "coppa"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      r.out.ends_with("1 providers, 14 rules: 1 pass, 0 fail, 9 review, 0 waived, 4 not "
                      "applicable; gate: PASS (--fail-on error)\n"))
      << r.out;
  r = RunVendorlint({"check", "--tag", "copa"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: unknown tag `copa`; did you mean `coppa`?\n");
}

TEST(CommandLine, ManPageRendersFromTheTable) {
  auto r = RunVendorlint({"help", "--man"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(
      r.out.starts_with(".TH VENDORLINT 1 \"\" \"vendorlint 0.1.0\" \"User Commands\"\n"
                        ".SH NAME\n"))
      << r.out;
  for (const auto& c : Commands())
    EXPECT_NE(r.out.find(".SS \"vendorlint " + c.name), std::string::npos) << c.name;
  EXPECT_NE(r.out.find(".TP\n.B \\-\\-tag TAG\nonly rules with this tag (repeatable)\n"),
            std::string::npos);
  EXPECT_NE(r.out.find(".SH \"EXIT STATUS\"\n"), std::string::npos);
  ExpectUsageError({"help", "--man", "check"}, "help --man takes no command",
                   "vendorlint help --help");
  int status = -1;
  if (Shell("command -v man >/dev/null 2>&1", &status), status != 0)
    GTEST_SKIP() << "man-db is not installed: the page's structure is checked above";
  std::string page = MakeTempDir() + "/vendorlint.1";
  WriteFileOrDie(page, r.out);
  std::string text =
      Shell("MANWIDTH=80 man --warnings -l " + page + " 2>" + page + ".err | col -b", &status);
  EXPECT_EQ(status, 0) << text;
  EXPECT_EQ(ReadFileOrDie(page + ".err"), "") << "man or groff warned about the page";
  // Justified text: compare with runs of blanks as one space.
  text = std::regex_replace(text, std::regex("[ \t]+"), " ");
  EXPECT_NE(text.find("vendorlint - check a registry of third-party service providers"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("vendorlint check [options]"), std::string::npos) << text;
}

TEST(CommandLine, BashCompletionCompletesCommandsOptionsAndValues) {
  auto r = RunVendorlint({"completions", "bash"});
  EXPECT_EQ(r.exit_code, 0);
  std::string script = MakeTempDir() + "/vendorlint.bash";
  WriteFileOrDie(script, r.out);
  int status = -1;
  std::string syntax = Shell("bash -n " + script + " 2>&1", &status);
  EXPECT_EQ(status, 0) << syntax;
  auto complete = [&](const std::string& words, int cword) {
    int st = -1;
    std::string out = Shell("bash -c 'source " + script + "; COMP_WORDS=(" + words +
                                "); COMP_CWORD=" + std::to_string(cword) +
                                "; _vendorlint; echo \"${COMPREPLY[*]}\"' 2>&1",
                            &st);
    EXPECT_EQ(st, 0) << out;
    return out;
  };
  EXPECT_EQ(complete("vendorlint ch", 1), "check\n");
  EXPECT_EQ(complete("vendorlint c", 1), "check completions\n");
  EXPECT_EQ(complete("vendorlint check --fo", 2), "--format\n");
  EXPECT_EQ(complete("vendorlint check --format \"\"", 3),
            "text json sarif sarif-dashboard junit github markdown html\n");
  EXPECT_EQ(complete("vendorlint providers --format \"\"", 3), "text json csv\n");
  EXPECT_EQ(complete("vendorlint check --fail-on w", 3), "warning\n");
  EXPECT_EQ(complete("vendorlint validate --fo", 2), "\n");  // validate takes no --format
  EXPECT_EQ(complete("vendorlint help ex", 2), "explain export\n");
  EXPECT_EQ(complete("vendorlint completions z", 2), "zsh\n");
  EXPECT_EQ(complete("vendorlint re", 1), "render reconcile\n");
  EXPECT_EQ(complete("vendorlint render --format \"\"", 3), "markdown html\n");
  EXPECT_EQ(complete("vendorlint reconcile --format \"\"", 3), "text json\n");
}

TEST(CommandLine, ZshCompletionHasEveryCommandAndOption) {
  auto r = RunVendorlint({"completions", "zsh"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.starts_with("#compdef vendorlint\n")) << r.out;
  EXPECT_TRUE(r.out.ends_with("_vendorlint \"$@\"\n"));
  for (const auto& c : Commands()) {
    EXPECT_NE(r.out.find("    '" + c.name + ":"), std::string::npos) << c.name;
    EXPECT_NE(r.out.find("\n    " + c.name + ")\n"), std::string::npos) << c.name;
  }
  EXPECT_NE(r.out.find("'--format[output format - text | json (default - text)]:FMT:(text json)'"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("'*--tag[only rules with this tag (repeatable)]:TAG:'"), std::string::npos);
  int status = -1;
  if (Shell("command -v zsh >/dev/null 2>&1", &status), status == 0) {
    std::string script = MakeTempDir() + "/_vendorlint";
    WriteFileOrDie(script, r.out);
    std::string syntax = Shell("zsh -n " + script + " 2>&1", &status);
    EXPECT_EQ(status, 0) << syntax;
  }
  ExpectUsageError({"completions", "fish"}, "no completions for shell 'fish'; use bash or zsh",
                   "vendorlint completions --help");
}

}  // namespace
}  // namespace vendorlint
