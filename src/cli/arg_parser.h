// Parses vendorlint's argv against the command table (command_table.h).
// Conventions: `vendorlint COMMAND [ARGUMENTS] [OPTIONS]`, options anywhere
// after the program name, `--opt VALUE` or `--opt=VALUE`, `-o FILE` or
// `-oFILE`, `--` ends the options. An option the command does not take, an
// empty value, a repeated single-valued option and an unknown --format are
// usage errors: one line, then where to read more.
#ifndef VENDORLINT_CLI_ARG_PARSER_H_
#define VENDORLINT_CLI_ARG_PARSER_H_

#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/command_table.h"

namespace vendorlint {

struct ParsedCommandLine {
  enum class Action { kRun, kHelp, kVersion, kError };
  Action action = Action::kRun;
  const CommandSpec* command = nullptr;  // null: none given (or unknown)
  CliOptions options;
  // kError: the one-line message, and the help to point at
  // ("vendorlint check --help" or "vendorlint --help").
  std::string error;
  std::string see;
};

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& args);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_ARG_PARSER_H_
