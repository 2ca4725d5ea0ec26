// Help texts generated from the command table: the overview (`vendorlint
// --help`), one command's help (`vendorlint CMD --help`, `vendorlint help
// CMD`), the roff man page (`vendorlint help --man`) and the shell completion
// scripts (`vendorlint completions bash|zsh`).
#ifndef VENDORLINT_CLI_HELP_H_
#define VENDORLINT_CLI_HELP_H_

#include <string>

#include "cli/command_table.h"

namespace vendorlint {

std::string OverviewHelp();
std::string CommandHelp(const CommandSpec& command);
std::string ManPage();
std::string BashCompletion();
std::string ZshCompletion();

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_HELP_H_
