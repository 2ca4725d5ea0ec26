// Where the files a run writes go (`-o`, `--report FMT=PATH`,
// `--write-baseline`), decided from what the path names (docs/output.md,
// "Report targets"), and writing them all or none:
//
//   regular file, or nothing yet  replaced atomically: a temporary file in the
//                                 same folder, fsync, rename. An existing file
//                                 keeps its permission bits (and, best effort,
//                                 its owner); a new one gets 0644 minus umask.
//                                 Missing parent folders are created, and
//                                 removed again if the run fails.
//   character device, FIFO, socket  opened and written through, never replaced
//                                 (/dev/null stays a device).
//   /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N
//                                 written to that open descriptor, whatever it is.
//   symbolic link (to a file, or dangling)  refused: a pull request could plant
//                                 one that points at a file outside the job.
//   folder, path ending in '/', "", block device  refused.
//
// Checks run before anything is created. A run stages every file (temporary
// files written, nothing visible yet), then commits: devices are written
// first, then the temporary files are renamed into place. Any failure before
// the renames removes every temporary file and created folder and leaves the
// old reports untouched. Temporary files are also removed on SIGINT, SIGTERM
// and SIGHUP (report/signal_cleanup.h).
#ifndef VENDORLINT_REPORT_OUTPUT_FILES_H_
#define VENDORLINT_REPORT_OUTPUT_FILES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

// Whether `path` can be a report target, without creating anything. False
// with *error (a complete sentence naming the path and the fix) if not.
bool CheckOutputPath(const std::string& path, std::string* error);

// A set of files written together: all of them, or none.
class OutputFiles {
 public:
  OutputFiles();
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;
  // Aborts whatever was staged and not committed.
  ~OutputFiles();

  // Checks `path` (CheckOutputPath) and stages `content` for it: for a file,
  // writes the temporary file now. False with *error on failure; the caller
  // then calls Abort (or lets the destructor do it).
  bool Stage(const std::string& path, std::string content, std::string* error);
  // Writes the device targets, then renames every temporary file into place.
  // On failure (*error set) removes what is left; files already renamed stay.
  bool Commit(std::string* error);
  // Removes every temporary file and every folder created for them.
  void Abort();

 private:
  struct Target;  // one staged path (output_files.cc)
  struct Folder;  // a parent folder this run created
  bool CreateParents(const std::string& path, std::string* error);

  std::vector<std::unique_ptr<Target>> targets_;
  std::vector<std::unique_ptr<Folder>> folders_;
};

// Stages and commits one file: the single-report case.
bool WriteOutputFile(const std::string& path, std::string_view content, std::string* error);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_OUTPUT_FILES_H_
