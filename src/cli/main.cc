// vendorlint's entry point: argv -> Main (cli.h), through a checked standard
// output (a failed write to stdout is an error, exit 2). Nothing else.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/standard_output.h"

int main(int argc, char** argv) {
  vendorlint::StandardOutput standard_output;
  std::vector<std::string> args(argv + 1, argv + argc);
  return standard_output.Finish(vendorlint::Main(args, std::cout, std::cerr), std::cerr);
}
