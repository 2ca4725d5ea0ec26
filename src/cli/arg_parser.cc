#include "cli/arg_parser.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "report/formats.h"
#include "util/did_you_mean.h"

namespace vendorlint {
namespace {

using Action = ParsedCommandLine::Action;

bool IsOptionToken(const std::string& a) { return a.size() > 1 && a[0] == '-'; }

// The OptionSpec an option token names (`--format`, `--format=json`, `-o`,
// `-ofile`), or null.
const OptionSpec* OptionOf(const std::string& token) {
  if (token.starts_with("--")) return FindOption(token.substr(2, token.find('=') - 2));
  return FindShortOption(token[1]);
}

// The first argument that is not an option or an option's value: the command.
size_t CommandIndex(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return i + 1 < args.size() ? i + 1 : args.size();
    if (!IsOptionToken(a)) return i;
    const OptionSpec* o = OptionOf(a);
    const bool inline_value = a.find('=') != std::string::npos || (a[1] != '-' && a.size() > 2);
    if (o != nullptr && !o->value_name.empty() && !inline_value) ++i;
  }
  return args.size();
}

bool WantsHelp(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// "a, b or c" (conjunction "or"), "a, b and c" ("and").
std::string List(const std::vector<std::string>& items, const char* conjunction = "or") {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i)
    s += (i == 0 ? "" : i + 1 == items.size() ? fmt::format(" {} ", conjunction) : ", ") + items[i];
  return s;
}

class Parser {
 public:
  explicit Parser(const std::vector<std::string>& args) : args_(args) {}

  ParsedCommandLine Run() {
    const size_t at = CommandIndex(args_);
    if (at < args_.size()) {
      result_.command = FindCommand(args_[at]);
      if (result_.command == nullptr) return UnknownCommand(args_[at]);
      result_.options.command = result_.command->name;
    }
    if (WantsHelp(args_)) {
      result_.action = Action::kHelp;
      return result_;
    }
    for (size_t i = 0; i < args_.size(); ++i) {
      if (i == at) continue;
      const std::string& a = args_[i];
      if (a == "--") {
        for (size_t j = i + 1; j < args_.size(); ++j)
          if (j != at) positional_.push_back(args_[j]);
        break;
      }
      if (!IsOptionToken(a)) {
        positional_.push_back(a);
        continue;
      }
      if (a == "--version") {
        result_.action = Action::kVersion;
        return result_;
      }
      if (!Option(&i)) return result_;
    }
    if (result_.command == nullptr) return Fail("no command given");
    if (!Positionals() || !CheckFormat() || !CheckOutput()) return result_;
    return result_;
  }

 private:
  ParsedCommandLine& Fail(std::string message) {
    result_.action = Action::kError;
    result_.error = std::move(message);
    result_.see = result_.command != nullptr
                      ? fmt::format("vendorlint {} --help", result_.command->name)
                      : "vendorlint --help";
    return result_;
  }

  ParsedCommandLine& UnknownCommand(const std::string& name) {
    std::vector<std::string> names;
    for (const auto& c : Commands()) names.push_back(c.name);
    std::string guess = ClosestMatch(name, names);
    return Fail(fmt::format("unknown command {}{}", Quote(name),
                            guess.empty() ? "" : fmt::format("; did you mean {}?", Quote(guess))));
  }

  // Parses the option at args_[*i] (and its value); false after Fail.
  bool Option(size_t* i) {
    const std::string& a = args_[*i];
    std::string name, value;
    bool has_value = false;
    if (a.starts_with("--")) {
      size_t eq = a.find('=');
      name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      if (eq != std::string::npos) {
        value = a.substr(eq + 1);
        has_value = true;
      }
    } else {
      const OptionSpec* s = FindShortOption(a[1]);
      if (s == nullptr) {
        Fail(fmt::format("unknown option {}", Quote(a)));
        return false;
      }
      name = s->name;
      if (a.size() > 2) {
        value = a.substr(2);
        has_value = true;
      }
    }
    const OptionSpec* spec = FindOption(name);
    const std::string shown = a.starts_with("--") ? "--" + name : a.substr(0, 2);
    if (spec == nullptr || (result_.command != nullptr && !TakesOption(*result_.command, name))) {
      UnknownOption(name, spec);
      return false;
    }
    if (spec->value_name.empty()) {
      if (has_value) {
        Fail(fmt::format("{} takes no value", shown));
        return false;
      }
    } else if (!has_value) {
      if (*i + 1 >= args_.size()) {
        Fail(fmt::format("{} needs a value ({})", shown, spec->value_name));
        return false;
      }
      value = args_[++*i];
    }
    if (!spec->value_name.empty() && value.empty()) {
      Fail(fmt::format("{} needs a value ({}), not an empty string", shown, spec->value_name));
      return false;
    }
    if (!spec->repeatable && !seen_.insert(spec->name).second) {
      Fail(fmt::format("--{} is given twice; give it once", spec->name));
      return false;
    }
    // --format's values depend on the command (CheckFormat); the others' do not.
    if (spec->kind == ValueKind::kChoice && !spec->choices.empty() &&
        std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end()) {
      Fail(fmt::format("--{} must be {}, not {}{}", spec->name, List(spec->choices), Quote(value),
                       DidYouMeanSuffix(value, spec->choices)));
      return false;
    }
    if (spec->set != nullptr) {
      std::string error = spec->set(result_.options, value);
      if (!error.empty()) {
        Fail(error);
        return false;
      }
    }
    if (spec->name == "output") output_spelling_ = shown;
    return true;
  }

  void UnknownOption(const std::string& name, const OptionSpec* spec) {
    if (result_.command == nullptr) {
      std::vector<std::string> names;
      for (const auto& o : Options()) names.push_back(o.name);
      std::string guess = ClosestMatch(name, names);
      Fail(fmt::format("unknown option '--{}'{}", name,
                       guess.empty() ? "" : fmt::format("; did you mean '--{}'?", guess)));
      return;
    }
    const CommandSpec& cmd = *result_.command;
    if (spec != nullptr) {
      std::vector<std::string> takers;
      for (const auto& c : Commands())
        if (TakesOption(c, name) && name != "help") takers.push_back(c.name);
      Fail(fmt::format("{} does not take --{} (only {} do{})", cmd.name, name, List(takers, "and"),
                       takers.size() == 1 ? "es" : ""));
      return;
    }
    std::vector<std::string> names = cmd.options;
    names.push_back("help");
    std::string guess = ClosestMatch(name, names);
    Fail(fmt::format("unknown option '--{}' for {}{}", name, cmd.name,
                     guess.empty() ? "" : fmt::format("; did you mean '--{}'?", guess)));
  }

  bool Positionals() {
    const CommandSpec& cmd = *result_.command;
    if (positional_.size() < cmd.min_arguments) {
      Fail(fmt::format("{} needs {}: vendorlint {} {}", cmd.name, cmd.arguments, cmd.name,
                       cmd.arguments));
      return false;
    }
    if (positional_.size() > cmd.max_arguments) {
      Fail(fmt::format("unexpected argument {}", Quote(positional_[cmd.max_arguments])));
      return false;
    }
    for (const auto& p : positional_) {
      if (p.empty()) {
        Fail(fmt::format("{} needs {}, not an empty string", cmd.name, cmd.arguments));
        return false;
      }
    }
    result_.options.arguments = positional_;
    if (cmd.name == "explain") result_.options.rule = positional_[0];
    return true;
  }

  bool CheckFormat() {
    const CommandSpec& cmd = *result_.command;
    if (cmd.formats.empty()) return true;
    if (!seen_.count("format")) {
      result_.options.format = cmd.formats.front();
      return true;
    }
    const std::string& f = result_.options.format;
    for (const auto& ok : cmd.formats)
      if (ok == f) return true;
    Fail(fmt::format("--format for {} must be {}, not {}{}", cmd.name, List(cmd.formats), Quote(f),
                     DidYouMeanSuffix(f, cmd.formats)));
    return false;
  }

  // `check -o json` would write a text report to a file named `json`.
  bool CheckOutput() {
    const std::string& path = result_.options.output;
    if (path.empty() || !IsReportFormat(path)) return true;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return true;
    Fail(
        fmt::format("{} {} would write the report to a new file named '{}'; did you mean "
                    "--format {}? (for a file of that name, write {} ./{})",
                    output_spelling_, path, path, path, output_spelling_, path));
    return false;
  }

  const std::vector<std::string>& args_;
  ParsedCommandLine result_;
  std::vector<std::string> positional_;
  std::set<std::string> seen_;
  std::string output_spelling_ = "--output";
};

}  // namespace

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& args) {
  return Parser(args).Run();
}

}  // namespace vendorlint
