#include "cli/cli.h"

#include <ostream>

#include <fmt/format.h>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/help.h"

namespace vendorlint {
namespace {

int RunHelp(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.man) {
    if (!o.arguments.empty()) {
      err << "vendorlint: error: help --man takes no command\nsee `vendorlint help --help`\n";
      return kExitInvalid;
    }
    out << ManPage();
    return kExitPass;
  }
  if (o.arguments.empty()) {
    out << OverviewHelp();
    return kExitPass;
  }
  // `vendorlint help chekc` gets the same answer as `vendorlint chekc`.
  ParsedCommandLine p = ParseCommandLine({o.arguments[0], "--help"});
  if (p.action == ParsedCommandLine::Action::kError) {
    err << fmt::format("vendorlint: error: {}\nsee `{}`\n", p.error, p.see);
    return kExitInvalid;
  }
  out << CommandHelp(*p.command);
  return kExitPass;
}

int RunCompletions(const CliOptions& o, std::ostream& out, std::ostream& err) {
  const std::string& shell = o.arguments.at(0);
  if (shell == "bash") {
    out << BashCompletion();
  } else if (shell == "zsh") {
    out << ZshCompletion();
  } else {
    err << fmt::format(
        "vendorlint: error: no completions for shell '{}'; use bash or zsh\n"
        "see `vendorlint completions --help`\n",
        shell);
    return kExitInvalid;
  }
  return kExitPass;
}

}  // namespace

std::string VersionString() { return fmt::format("vendorlint {}", VENDORLINT_VERSION); }

std::string Usage() { return OverviewHelp(); }

int Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ParsedCommandLine p = ParseCommandLine(args);
  switch (p.action) {
    case ParsedCommandLine::Action::kError:
      err << fmt::format("vendorlint: error: {}\nsee `{}`\n", p.error, p.see);
      return kExitInvalid;
    case ParsedCommandLine::Action::kHelp:
      out << (p.command == nullptr ? OverviewHelp() : CommandHelp(*p.command));
      return kExitPass;
    case ParsedCommandLine::Action::kVersion:
      out << VersionString() << "\n";
      return kExitPass;
    case ParsedCommandLine::Action::kRun:
      break;
  }
  return RunCli(p.options, out, err);
}

int RunCli(const CliOptions& options, std::ostream& out, std::ostream& err) {
  CliOptions o = options;
  ResolveInputs(&o, InstalledShareDir());
  if (o.command.empty()) {
    err << "vendorlint: error: no command given\nsee `vendorlint --help`\n";
    return kExitInvalid;
  }
  if (o.command == "validate") return RunValidate(o, out, err);
  if (o.command == "providers") return RunProviders(o, out, err);
  if (o.command == "check") return RunCheck(o, out, err);
  if (o.command == "rules") return RunRules(o, out, err);
  if (o.command == "explain") return RunExplain(o, out, err);
  if (o.command == "test") return RunTest(o, out, err);
  if (o.command == "taxonomy") return RunTaxonomy(o, out, err);
  if (o.command == "diff") return RunDiff(o, out, err);
  if (o.command == "map") return RunMap(o, out, err);
  if (o.command == "export") return RunExport(o, out, err);
  if (o.command == "render") return RunRender(o, out, err);
  if (o.command == "reconcile") return RunReconcile(o, out, err);
  if (o.command == "schema") return RunSchema(o, out, err);
  if (o.command == "help") return RunHelp(o, out, err);
  if (o.command == "completions") return RunCompletions(o, out, err);
  err << fmt::format("vendorlint: error: unknown command '{}'\nsee `vendorlint --help`\n",
                     o.command);
  return kExitInvalid;
}

}  // namespace vendorlint
