// Standard output that cannot fail silently. Every command writes its result
// through std::cout; a full disk (`> /dev/full`), a closed stdout (`>&-`) or a
// reader that went away (EPIPE with SIGPIPE ignored) would otherwise lose or
// truncate the report and still exit 0. With a StandardOutput in main, every
// write goes straight to descriptor 1 through a checked buffer, and Finish
// turns the first failure into
//   vendorlint: error: cannot write to standard output: <strerror>
// on stderr and exit code 2.
//
// It also makes sure descriptors 0, 1 and 2 are open: a closed one is filled
// with /dev/null opened the wrong way round (read-only for 1 and 2), so that a
// report file opened later cannot become "standard output" and writes to it
// still fail with EBADF, as they would on the closed descriptor.
#ifndef VENDORLINT_CLI_STANDARD_OUTPUT_H_
#define VENDORLINT_CLI_STANDARD_OUTPUT_H_

#include <iosfwd>
#include <memory>
#include <streambuf>

namespace vendorlint {

class StandardOutput {
 public:
  // Fills closed standard descriptors and installs the checked buffer on
  // std::cout.
  StandardOutput();
  StandardOutput(const StandardOutput&) = delete;
  StandardOutput& operator=(const StandardOutput&) = delete;
  // Restores std::cout's own buffer.
  ~StandardOutput();

  // Flushes std::cout. If any write to standard output failed, prints the
  // error on `err` and returns 2 (kExitInvalid); otherwise returns
  // `exit_code`.
  int Finish(int exit_code, std::ostream& err);

 private:
  std::unique_ptr<std::streambuf> buffer_;
  std::streambuf* previous_ = nullptr;
};

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_STANDARD_OUTPUT_H_
