#include "report/report.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>

#include <fmt/format.h>

namespace vendorlint {

bool ParseFailOn(std::string_view s, GatePolicy* out) {
  out->fail_on_none = false;
  if (s == "error") {
    out->fail_on = Severity::kError;
  } else if (s == "warning") {
    out->fail_on = Severity::kWarning;
  } else if (s == "note") {
    out->fail_on = Severity::kNote;
  } else if (s == "none") {
    out->fail_on_none = true;
  } else {
    return false;
  }
  return true;
}

bool FailsGate(const Finding& f, const GatePolicy& policy) {
  if (policy.fail_on_none) return false;
  // A finding the baseline already records is accepted debt, not a new failure.
  if (f.baseline == BaselineState::kUnchanged) return false;
  bool failing = f.outcome == Outcome::kFail || (policy.strict && f.outcome == Outcome::kReview);
  // Severity enum order is error < warning < note: "at or above" is <=.
  return failing && f.severity <= policy.fail_on;
}

ReportSummary ComputeSummary(const Registry& registry, const RuleSet& rules,
                             const std::vector<Finding>& findings, const GatePolicy& policy) {
  ReportSummary s;
  // EvaluateAll yields one finding per evaluated (rule, provider) pair, so the
  // findings say what --rule / --provider selected. Without findings (an empty
  // registry) nothing was selected away.
  std::set<std::string_view> rule_ids, provider_ids;
  for (const auto& f : findings) {
    rule_ids.insert(f.rule_id);
    provider_ids.insert(f.provider_id);
  }
  s.providers = findings.empty() ? registry.providers.size() : provider_ids.size();
  s.rules = findings.empty() ? rules.rules.size() : rule_ids.size();
  for (const auto& f : findings) {
    ++s.counts[static_cast<size_t>(f.outcome)];
    if (FailsGate(f, policy)) s.gate_pass = false;
  }
  return s;
}

std::string_view Report::LineText(const Location& loc) const {
  if (loc.file >= file_lines.size() || loc.line == 0) return {};
  const auto& lines = file_lines[loc.file];
  return loc.line <= lines.size() ? std::string_view(lines[loc.line - 1]) : std::string_view();
}

void LoadSourceLines(Report* report) {
  report->file_lines.assign(report->registry->files.size(), {});
  for (size_t i = 0; i < report->registry->files.size(); ++i) {
    std::ifstream in(report->registry->files[i], std::ios::binary);
    if (!in) continue;
    auto& lines = report->file_lines[i];
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
    }
  }
}

bool WriteFileAtomically(const std::string& path, std::string_view content, std::string* error) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  // CI jobs write reports into folders of their own (reports/...): create them.
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) {
    *error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    return false;
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
      close(fd);
      unlink(tmpl.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  fchmod(fd, 0644);
  if (fsync(fd) != 0 || close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
    *error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    unlink(tmpl.c_str());
    return false;
  }
  return true;
}

}  // namespace vendorlint
