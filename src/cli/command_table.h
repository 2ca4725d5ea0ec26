// The one description of vendorlint's command line: every command with its
// summary, usage, options and examples. The argument parser, `--help`,
// `vendorlint help CMD`, the man page, the shell completions, the did-you-mean
// for commands and options, and the test that the docs only use options that
// exist are all generated from it, so they cannot disagree.
#ifndef VENDORLINT_CLI_COMMAND_TABLE_H_
#define VENDORLINT_CLI_COMMAND_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/cli.h"

namespace vendorlint {

// What an option's value is, for completion (files, folders, choices).
enum class ValueKind { kNone, kText, kDir, kFile, kChoice };

struct OptionSpec {
  std::string name;        // long name without `--`
  char short_name = 0;     // `-o`, or 0
  std::string value_name;  // "DIR"; empty for a flag
  std::string help;        // one line; the defaults are part of it
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> choices;  // kChoice; --format's come from the command
  bool repeatable = false;
  // Stores the value ("" for a flag). Returns an error message or "".
  std::string (*set)(CliOptions& o, const std::string& value) = nullptr;
};

struct Example {
  std::string command_line;  // "vendorlint check --format json -o findings.json"
  std::string what;          // what it does, one line
};

struct CommandSpec {
  std::string name;
  std::string summary;    // one line, for the overview
  std::string arguments;  // positional arguments for the usage line: "RULE", "[PREFIX]"
  size_t min_arguments = 0;
  size_t max_arguments = 0;
  std::string description;           // a paragraph for `CMD --help` and the man page
  std::vector<std::string> options;  // names of OptionSpecs, in help order
  std::vector<std::string> formats;  // --format's values, first is the default
  std::vector<Example> examples;
  // The values the first argument takes, for completion ("bash", "zsh"); empty: any.
  std::vector<std::string> argument_choices = {};
};

// Every command, in the order `vendorlint --help` lists them.
const std::vector<CommandSpec>& Commands();
// Every option, once each.
const std::vector<OptionSpec>& Options();

const CommandSpec* FindCommand(std::string_view name);
const OptionSpec* FindOption(std::string_view long_name);
const OptionSpec* FindShortOption(char short_name);
bool TakesOption(const CommandSpec& command, std::string_view long_name);
// The choices of `option` for `command` (--format's depend on the command).
std::vector<std::string> ChoicesFor(const CommandSpec& command, const OptionSpec& option);
// "-o, --output FILE" as help shows it.
std::string OptionSynopsis(const OptionSpec& option);
// The option's help line for `command`, with --format's values filled in.
std::string OptionHelp(const CommandSpec& command, const OptionSpec& option);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_COMMAND_TABLE_H_
