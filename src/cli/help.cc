#include "cli/help.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace vendorlint {
namespace {

constexpr const char* kTagline =
    "Checks a registry of third-party service providers against policy rules.";

constexpr const char* kExitCodes =
    "exit codes:\n"
    "  0  the gate passes (no fail at or above --fail-on), or the command succeeded\n"
    "  1  the gate fails, or a rule test does not give its expected outcome\n"
    "  2  invalid input or usage: nothing was evaluated\n";

// Words of `text` in lines of at most `width` columns, each line indented.
std::string Wrap(const std::string& text, size_t width, const std::string& indent) {
  std::istringstream words(text);
  std::string out, line, word;
  while (words >> word) {
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

std::string UsageLine(const CommandSpec& c) {
  return fmt::format("vendorlint {}{}{}", c.name, c.arguments.empty() ? "" : " " + c.arguments,
                     c.options.empty() ? "" : " [options]");
}

std::vector<const OptionSpec*> OptionsOf(const CommandSpec& c) {
  std::vector<const OptionSpec*> out;
  for (const auto& name : c.options) out.push_back(FindOption(name));
  out.push_back(FindOption("help"));
  return out;
}

// roff: backslashes and hyphens escaped; a leading `.` or `'` neutralised.
std::string Roff(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

}  // namespace

std::string OverviewHelp() {
  std::string s =
      fmt::format("usage: vendorlint <command> [options]\n\n{}\n\ncommands:\n", kTagline);
  size_t width = 0;
  for (const auto& c : Commands()) width = std::max(width, c.name.size());
  for (const auto& c : Commands()) s += fmt::format("  {:<{}}  {}\n", c.name, width, c.summary);
  s += "\nRun `vendorlint COMMAND --help` (or `vendorlint help COMMAND`) for a command's options\n"
       "and examples.\n\n"
       "options:\n"
       "  -h, --help  show this help\n"
       "  --version   show the version\n\n";
  return s + kExitCodes;
}

std::string CommandHelp(const CommandSpec& c) {
  std::string s = fmt::format("usage: {}\n\n{}\n", UsageLine(c), Wrap(c.description, 80, ""));
  std::vector<const OptionSpec*> options = OptionsOf(c);
  size_t width = 0;
  for (const OptionSpec* o : options) width = std::max(width, OptionSynopsis(*o).size());
  s += "options:\n";
  for (const OptionSpec* o : options) {
    // Help that does not fit in 80 columns continues under itself.
    std::string help = Wrap(OptionHelp(c, *o), 80, std::string(width + 4, ' '));
    s += fmt::format("  {:<{}}  {}", OptionSynopsis(*o), width, help.substr(width + 4));
  }
  if (!c.examples.empty()) {
    s += "\nexamples:\n";
    for (const auto& e : c.examples) s += fmt::format("  # {}\n  {}\n", e.what, e.command_line);
  }
  return s;
}

std::string ManPage() {
  std::string s;
  s += fmt::format(".TH VENDORLINT 1 \"\" \"vendorlint {}\" \"User Commands\"\n",
                   VENDORLINT_VERSION);
  s += ".SH NAME\nvendorlint \\- check a registry of third\\-party service providers against "
       "policy rules\n";
  s += ".SH SYNOPSIS\n.B vendorlint\n.I command\n.RI [ arguments ]\n.RI [ options ]\n";
  s += ".SH DESCRIPTION\n" + Roff(kTagline) +
       "\nEvery finding points at the exact line of the registry that causes it.\n"
       "A fact the registry does not state is unknown, and an unknown fact never passes a rule:\n"
       "it is reported for review.\n";
  s += ".SH COMMANDS\n";
  for (const auto& c : Commands()) {
    s += fmt::format(".SS \"{}\"\n{}\n.PP\n{}\n", Roff(UsageLine(c)), Roff(c.summary) + ".",
                     Roff(c.description));
    for (const OptionSpec* o : OptionsOf(c)) {
      if (o->name == "help") continue;
      s += fmt::format(".TP\n.B {}\n{}\n", Roff(OptionSynopsis(*o)), Roff(OptionHelp(c, *o)));
    }
    if (!c.examples.empty()) {
      s += ".PP\nExamples:\n.RS\n";
      for (const auto& e : c.examples)
        s += fmt::format(".PP\n{}:\n.br\n.B {}\n", Roff(e.what), Roff(e.command_line));
      s += ".RE\n";
    }
  }
  s += ".SH OPTIONS\n.TP\n.B \\-h, \\-\\-help\nshow the help of the command\n"
       ".TP\n.B \\-\\-version\nshow the version\n";
  s += ".SH \"EXIT STATUS\"\n.TP\n.B 0\nthe gate passes (no fail at or above \\-\\-fail\\-on), or "
       "the command succeeded\n.TP\n.B 1\nthe gate fails, or a rule test does not give its "
       "expected outcome\n.TP\n.B 2\ninvalid input or usage: nothing was evaluated\n";
  s += ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nwhen set and not empty, the text output is not "
       "coloured (unless \\-\\-color always)\n";
  s += ".SH \"SEE ALSO\"\nThe documentation in the project's docs/ folder: registry.md, rules.md, "
       "output.md, waivers.md, ci.md.\n";
  return s;
}

}  // namespace vendorlint
