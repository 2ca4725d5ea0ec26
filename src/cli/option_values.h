// Option values a naive parser accepts but vendorlint must not:
// "-1" read into an unsigned is 4294967295, and "" is no path.
// The command table (command_table.cc) checks such options here.
#ifndef VENDORLINT_CLI_OPTION_VALUES_H_
#define VENDORLINT_CLI_OPTION_VALUES_H_

#include <string>
#include <string_view>

namespace vendorlint {

// The most threads --threads accepts.
inline constexpr unsigned kMaxThreads = 1024;

// --threads N: a whole number from 0 (one per core) to kMaxThreads. False
// with *error (a sentence without the "vendorlint: error: " prefix) if not.
bool ParseThreads(std::string_view text, unsigned* out, std::string* error);

// The error for an option that names a file or folder but was given "" (an
// empty `-o ''` would otherwise mean "stdout" or "no file").
std::string EmptyPathError(std::string_view option);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_OPTION_VALUES_H_
