#include "cli/option_values.h"

#include <charconv>

#include <fmt/format.h>

namespace vendorlint {

bool ParseThreads(std::string_view text, unsigned* out, std::string* error) {
  unsigned n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n > kMaxThreads) {
    *error = fmt::format("--threads must be a whole number from 0 (one per core) to {}, not '{}'",
                         kMaxThreads, text);
    return false;
  }
  *out = n;
  return true;
}

std::string EmptyPathError(std::string_view option) {
  return fmt::format("{} needs a path, not an empty string", option);
}

}  // namespace vendorlint
