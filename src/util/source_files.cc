#include "util/source_files.h"

namespace vendorlint {

SourceFiles::SourceFiles(std::initializer_list<std::string> paths) {
  for (const auto& p : paths) Intern(p);
}

uint32_t SourceFiles::Intern(std::string_view path) {
  if (auto it = ids_.find(path); it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(paths_.size());
  paths_.emplace_back(path);
  ids_.emplace(std::string(path), id);
  return id;
}

std::optional<uint32_t> SourceFiles::Find(std::string_view path) const {
  if (auto it = ids_.find(path); it != ids_.end()) return it->second;
  return std::nullopt;
}

}  // namespace vendorlint
