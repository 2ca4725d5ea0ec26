#include "report/report.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace vendorlint {

std::string_view Report::LineText(const Location& loc) const {
  if (loc.line == 0) return {};
  if (loc.file < file_text.size() && !file_text[loc.file].line_start.empty()) {
    const FileText& f = file_text[loc.file];
    if (loc.line + 1 > f.line_start.size()) return {};
    const size_t begin = f.line_start[loc.line - 1];
    std::string_view line =
        std::string_view(f.text).substr(begin, f.line_start[loc.line] - 1 - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }
  if (loc.file >= file_lines.size()) return {};
  const auto& lines = file_lines[loc.file];
  return loc.line <= lines.size() ? std::string_view(lines[loc.line - 1]) : std::string_view();
}

void Report::ForEachFinding(OutcomeSet which,
                            const std::function<void(size_t, const Finding&)>& fn) const {
  if (table) return table->ForEach(which, fn);
  for (size_t i = 0; i < findings.size(); ++i)
    if (InSet(which, findings[i].outcome)) fn(i, findings[i]);
}

FindingVerdict Report::VerdictAt(size_t i) const {
  if (!table) return VerdictOf(findings[i]);
  Finding f;
  f.outcome = table->outcome(i);
  f.severity = table->severity(i);
  f.baseline = table->baseline(i);
  return VerdictOf(f);
}

void Report::ForEachFindingAt(std::span<const size_t> indices,
                              const std::function<void(size_t, const Finding&)>& fn) const {
  if (table) return table->ForEach(indices, fn);
  for (size_t i : indices) fn(i, findings[i]);
}

std::vector<Finding> Report::FindingsAt(std::span<const size_t> indices) const {
  std::vector<size_t> order(indices.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return indices[a] < indices[b]; });
  std::vector<size_t> ascending(indices.size());
  for (size_t k = 0; k < order.size(); ++k) ascending[k] = indices[order[k]];
  std::vector<Finding> out(indices.size());
  size_t next = 0;
  ForEachFindingAt(ascending, [&](size_t, const Finding& f) { out[order[next++]] = f; });
  return out;
}

void Report::RenderFindings(OutcomeSet which,
                            const std::function<std::string(std::span<const Finding>)>& render,
                            const std::function<void(const std::string&)>& emit) const {
  if (table) return table->RenderChunks(which, render, emit);
  // Held findings: runs of wanted ones, each rendered in one piece.
  size_t i = 0;
  while (i < findings.size()) {
    if (!InSet(which, findings[i].outcome)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < findings.size() && InSet(which, findings[end].outcome)) ++end;
    emit(render(std::span<const Finding>(findings.data() + i, end - i)));
    i = end;
  }
}

std::vector<RunPlace> PlacesInRuleRuns(const Report& r, std::span<const size_t> indices) {
  std::vector<RunPlace> places(indices.size());
  size_t start = 0;
  for (size_t k = 0; k <= indices.size(); ++k) {
    if (k < indices.size() && r.RuleIdOf(indices[k]) == r.RuleIdOf(indices[start])) continue;
    for (size_t j = start; j < k; ++j) places[j] = RunPlace{j - start + 1, k - start};
    start = k;
  }
  return places;
}

void LoadSourceLines(Report* report) {
  const auto& files = report->registry->files;
  report->file_text.assign(files.size(), {});
  for (size_t i = 0; i < files.size(); ++i) {
    std::ifstream in(files[static_cast<uint32_t>(i)], std::ios::binary);
    if (!in) continue;
    Report::FileText& f = report->file_text[i];
    f.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // Lines as std::getline splits them; the last entry is one past the end
    // of the last line's break (real or not).
    size_t pos = 0;
    bool ended = false;
    while (pos < f.text.size()) {
      f.line_start.push_back(static_cast<uint32_t>(pos));
      size_t nl = f.text.find('\n', pos);
      if (nl == std::string::npos) {
        f.line_start.push_back(static_cast<uint32_t>(f.text.size() + 1));
        ended = true;
        break;
      }
      pos = nl + 1;
    }
    if (!ended) f.line_start.push_back(static_cast<uint32_t>(f.text.size()));
    f.line_start.shrink_to_fit();
  }
}

}  // namespace vendorlint
