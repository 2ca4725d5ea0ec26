#include "report/finding_text.h"

namespace vendorlint {

std::string EvidenceText(const Evidence& e) {
  const std::string path = e.path.Format();
  std::string_view m = e.message;
  if (!path.empty() && m.size() > path.size() && m.substr(0, path.size()) == path &&
      (m[path.size()] == ' ' || m[path.size()] == ':')) {
    m.remove_prefix(path.size());
    while (!m.empty() && (m.front() == ' ' || m.front() == ':')) m.remove_prefix(1);
  }
  return std::string(m);
}

std::string FirstSentence(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (s.empty() || s.back() == ' ')) continue;
    s += c;
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    if ((s[k] == '.' || s[k] == '!' || s[k] == '?') && s[k + 1] == ' ') return s.substr(0, k + 1);
  }
  return s;
}

}  // namespace vendorlint
