// vendorlint's entry point: argv -> Main (cli.h). Nothing else.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return vendorlint::Main(args, std::cout, std::cerr);
}
