// The command-line program as a library function: main.cc hands argv to Main,
// which parses it against the command table (command_table.h) into CliOptions
// and calls RunCli.
//
// Exit codes (a contract, see docs/output.md):
//   0  the gate passes (or the command succeeded)
//   1  the gate fails: findings at or above --fail-on, or rule-test mismatches
//   2  invalid input or usage; nothing was evaluated
#ifndef VENDORLINT_CLI_CLI_H_
#define VENDORLINT_CLI_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace vendorlint {

inline constexpr int kExitPass = 0;
inline constexpr int kExitFail = 1;
inline constexpr int kExitInvalid = 2;

struct CliOptions {
  std::string command;  // validate | providers | check | rules | explain | test
  std::string registry_dir = "registry";
  std::string rules_dir = "rules";
  bool rules_given = false;  // --rules was on the command line
  // --taxonomy FILE; empty: looked up (see inputs.h).
  std::string taxonomy;
  unsigned threads = 0;  // 0: one per core
  // --cache DIR | auto | off as given (cache_given: on the command line);
  // ResolveInputs turns it, or $VENDORLINT_CACHE, into cache_dir ("": none).
  std::string cache;
  bool cache_given = false;
  std::string cache_dir;
  // Where the rules and the taxonomy came from, for `validate` (set by
  // ResolveInputs): "--rules", "./rules", "installed", ...
  std::string rules_source;
  std::string taxonomy_source;

  // check
  std::string format = "text";       // text | json | sarif | junit | github | markdown
  std::string output;                // empty: stdout
  std::vector<std::string> reports;  // FORMAT=PATH, written beside stdout
  std::string fail_on = "error";
  bool strict = false;
  std::string as_of;  // YYYY-MM-DD; empty: today (UTC)
  std::vector<std::string> rule_ids;
  std::vector<std::string> provider_ids;
  std::vector<std::string> tags;  // only rules with one of these tags
  // waivers: empty path means <registry>/waivers.yaml when that file exists
  std::string waivers;
  bool no_waivers = false;
  int warn_expiring = 30;  // days
  // baselines
  std::string baseline;        // fail the gate only on findings not in it
  std::string write_baseline;  // record the current findings
  // SARIF
  std::string category;  // automationDetails.id, e.g. vendorlint/nightly/
  bool include_passes = false;
  // text: --verbose lists every finding, --quiet only the gate's failures
  bool verbose = false;
  bool quiet = false;
  std::string markdown_link_base;
  // diff
  std::string base;            // --base REF: the registry at a git revision
  bool cosmetic = false;       // list cosmetic changes too
  std::string fail_on_impact;  // high | medium | low; empty: exit 0 whatever changed
  // explain
  std::string rule;
  // Positional arguments after the command (explain's RULE, help's COMMAND ...).
  std::vector<std::string> arguments;
  bool man = false;  // help --man
  // providers: a question in the rule language, and its named shortcuts
  std::string where;
  bool receives_student_data = false;
  bool sends_student_data = false;
  bool outside_allowed_countries = false;
  std::string hosted_on;
  // Colour: "auto" (a terminal and NO_COLOR unset), "always", "never".
  std::string color = "auto";
  // Set by `check --format github`: invalid-input diagnostics (exit 2) are also
  // written here as ::error workflow commands, so that they annotate the diff.
  std::ostream* annotations = nullptr;
};

// The overview printed by `vendorlint --help`.
std::string Usage();
std::string VersionString();

// The whole program: parses `args` (argv without the program name) against
// the command table and runs the command.
int Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunCli(const CliOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_CLI_H_
