// The table of source files that Locations name: one path per file, interned
// once. Location::file is an index into the table of the value's owner
// (Registry::files for the registry, waivers and baseline of a run;
// RuleSet::files for rules), so a location always resolves to its own file.
//
// Why one table rather than one per loader: an index is only meaningful
// against the table that issued it. When every file of a run (registry files,
// waivers file, baseline) is registered in the same table, a waiver's or a
// baseline entry's location prints its own path instead of whatever file 0
// of another table happens to be.
//
// Ownership: a plain value that owns its paths. Ids are stable: a path keeps
// its id for the life of the table (nothing is removed or reordered).
// Thread-safety: const methods may run concurrently; Intern may not run
// concurrently with anything else (loaders intern before they go parallel).
#ifndef VENDORLINT_UTIL_SOURCE_FILES_H_
#define VENDORLINT_UTIL_SOURCE_FILES_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

class SourceFiles {
 public:
  SourceFiles() = default;
  // A table with these paths as ids 0, 1, ... (fixtures build tables so).
  SourceFiles(std::initializer_list<std::string> paths);  // NOLINT(google-explicit-constructor)

  // The id of `path`, registering it at the end if it is new. Paths are
  // compared exactly as given (no normalisation: `./a` and `a` differ).
  uint32_t Intern(std::string_view path);
  // The id of `path`, or nullopt if it was never registered.
  std::optional<uint32_t> Find(std::string_view path) const;

  // The path of `id`; throws std::out_of_range for an id this table did not
  // issue (a Location from another table is a bug, not a silent misprint).
  const std::string& at(size_t id) const { return paths_.at(id); }
  const std::string& operator[](size_t id) const { return paths_[id]; }
  size_t size() const { return paths_.size(); }
  bool empty() const { return paths_.empty(); }
  const std::vector<std::string>& paths() const { return paths_; }
  auto begin() const { return paths_.begin(); }
  auto end() const { return paths_.end(); }

  // Registers `path` (Intern without the id), for callers that build a
  // table path by path.
  void push_back(std::string_view path) { Intern(path); }

 private:
  std::vector<std::string> paths_;
  std::map<std::string, uint32_t, std::less<>> ids_;
};

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_SOURCE_FILES_H_
