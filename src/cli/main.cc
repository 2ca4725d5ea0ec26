// vendorlint's entry point: argv -> CliOptions -> RunCli. Nothing else.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/cli.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  vendorlint::CliOptions o;
  po::options_description opts;
  opts.add_options()("help,h", "")("version", "")("registry", po::value(&o.registry_dir))(
      "rules", po::value(&o.rules_dir))("taxonomy", po::value(&o.taxonomy))(
      "threads", po::value(&o.threads))(
      "format", po::value(&o.format))("output,o", po::value(&o.output))(
      "fail-on", po::value(&o.fail_on))("strict", po::bool_switch(&o.strict))(
      "as-of", po::value(&o.as_of))("rule", po::value(&o.rule_ids)->composing())(
      "provider", po::value(&o.provider_ids)->composing())("color", po::value(&o.color))(
      "report", po::value(&o.reports)->composing())("waivers", po::value(&o.waivers))(
      "no-waivers", po::bool_switch(&o.no_waivers))("warn-expiring", po::value(&o.warn_expiring))(
      "baseline", po::value(&o.baseline))("write-baseline", po::value(&o.write_baseline))(
      "category", po::value(&o.category))("include-passes", po::bool_switch(&o.include_passes))(
      "markdown-link-base", po::value(&o.markdown_link_base))("command", po::value(&o.command))(
      "args", po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add("command", 1).add("args", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "vendorlint: error: " << e.what() << "\n\n" << vendorlint::Usage();
    return vendorlint::kExitInvalid;
  }
  o.rules_given = vm.count("rules") > 0;
  if (vm.count("help")) {
    std::cout << vendorlint::Usage();
    return vendorlint::kExitPass;
  }
  if (vm.count("version")) {
    std::cout << vendorlint::VersionString() << "\n";
    return vendorlint::kExitPass;
  }
  if (vm.count("args")) {
    auto args = vm["args"].as<std::vector<std::string>>();
    if (o.command == "explain" && args.size() == 1) {
      o.rule = args[0];
    } else {
      std::cerr << "vendorlint: error: unexpected argument '" << args[0] << "'\n\n"
                << vendorlint::Usage();
      return vendorlint::kExitInvalid;
    }
  }
  return vendorlint::RunCli(o, std::cout, std::cerr);
}
