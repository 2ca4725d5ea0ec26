#include "report/sarif_rules.h"

#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace vendorlint {
namespace sarif::internal {
namespace {

// GitHub warns above this many characters (UTF-16 code units) in
// shortDescription/fullDescription and cuts the text itself.
constexpr size_t kMaxDescriptionChars = 1024;

// GitHub turns properties["security-severity"] into critical (>= 9.0), high
// (7.0-8.9), medium (4.0-6.9) and low (0.1-3.9). Our rules protect personal
// (often children's) data, so they are security rules: an error rule is high,
// a warning medium, a note low. None is critical: vendorlint reads what the
// registry states, it does not observe a breach.
const char* SecuritySeverityOf(Severity s) {
  switch (s) {
    case Severity::kError:
      return "8.0";
    case Severity::kWarning:
      return "5.0";
    case Severity::kNote:
      return "2.0";
  }
  return "5.0";
}

// UTF-16 code units of UTF-8 text, as GitHub (JavaScript) counts characters.
size_t Utf16Length(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

// `s` cut at a word boundary to at most `max` UTF-16 code units, with an
// ellipsis when cut. The full text is still in the rule's help.
std::string Shorten(const std::string& s, size_t max) {
  if (Utf16Length(s) <= max) return s;
  size_t units = 0, cut = 0, last_space = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    size_t w = c >= 0xF0 ? 2 : 1;
    if (units + w > max - 1) break;  // room for the ellipsis (one unit)
    units += w;
    if (c == ' ') last_space = i;
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cut = i + len;
  }
  if (last_space > 0) cut = last_space;
  return TrimRight(std::string_view(s).substr(0, cut)) + "\u2026";
}

// Markdown link text: brackets and backslashes would end or break the link.
std::string MarkdownLinkText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A Markdown link destination; <...> keeps parentheses and spaces inside it.
std::string MarkdownLinkTarget(std::string_view url) {
  if (url.find_first_of("() ") == std::string_view::npos) return std::string(url);
  return fmt::format("<{}>", url);
}

std::string JoinParagraphs(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

bool IsWebUrl(std::string_view url) {
  return (url.starts_with("https://") || url.starts_with("http://")) &&
         url.find_first_of(" \t\n\"<>") == std::string_view::npos;
}

std::string HelpText(const Rule& rule) {
  std::vector<std::string> parts;
  if (!rule.description.empty()) parts.push_back(TrimRight(rule.description));
  if (!rule.rationale.empty()) parts.push_back("Why: " + TrimRight(rule.rationale));
  if (!rule.remediation.empty()) parts.push_back("How to fix: " + TrimRight(rule.remediation));
  if (!rule.references.empty()) {
    std::string refs = "References:";
    for (const Reference& r : rule.references) {
      refs += "\n- " + r.title;
      if (!r.citation.empty()) refs += " (" + r.citation + ")";
      if (!r.url.empty()) refs += ": " + r.url;
    }
    parts.push_back(refs);
  }
  if (parts.empty()) return rule.title.empty() ? rule.id : rule.title;
  return JoinParagraphs(parts);
}

// The rule texts are written as Markdown already (`field` spans), so they are
// copied as they are; only the reference links are built here.
std::string HelpMarkdown(const Rule& rule) {
  std::vector<std::string> parts;
  if (!rule.description.empty()) parts.push_back(TrimRight(rule.description));
  if (!rule.rationale.empty()) parts.push_back("## Why\n\n" + TrimRight(rule.rationale));
  if (!rule.remediation.empty()) parts.push_back("## How to fix\n\n" + TrimRight(rule.remediation));
  if (!rule.references.empty()) {
    std::string refs = "## References\n";
    for (const Reference& r : rule.references) {
      refs += "\n- ";
      refs += r.url.empty()
                  ? r.title
                  : fmt::format("[{}]({})", MarkdownLinkText(r.title), MarkdownLinkTarget(r.url));
      if (!r.citation.empty()) refs += ": " + r.citation;
    }
    parts.push_back(refs);
  }
  if (parts.empty()) return rule.title.empty() ? rule.id : rule.title;
  return JoinParagraphs(parts);
}

}  // namespace

const char* LevelOf(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "warning";
}

std::string TrimRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

void WriteText(JsonWriter* w, std::string_view key, std::string_view text) {
  w->Key(key);
  w->BeginObject();
  w->Member("text", text);
  w->EndObject();
}

void WriteRule(JsonWriter* w, const Rule& rule) {
  w->BeginObject();
  w->Member("id", rule.id);
  w->Member("name", SarifRuleName(rule.id));
  std::string title = rule.title.empty() ? rule.id : TrimRight(rule.title);
  WriteText(w, "shortDescription", Shorten(title, kMaxDescriptionChars));
  std::string description = rule.description.empty() ? title : TrimRight(rule.description);
  WriteText(w, "fullDescription", Shorten(description, kMaxDescriptionChars));
  // GitHub requires help.text even when it shows help.markdown.
  w->Key("help");
  w->BeginObject();
  w->Member("text", HelpText(rule));
  w->Member("markdown", HelpMarkdown(rule));
  w->EndObject();
  for (const Reference& r : rule.references) {
    if (IsWebUrl(r.url)) {
      w->Member("helpUri", r.url);
      break;
    }
  }
  w->Key("defaultConfiguration");
  w->BeginObject();
  w->Member("level", LevelOf(rule.severity));
  w->EndObject();
  w->Key("properties");
  w->BeginObject();
  w->Key("tags");
  w->BeginArray();
  for (const std::string& t : rule.tags) w->String(t);
  w->EndArray();
  // A fail is decided by stated registry facts, not by heuristics.
  w->Member("precision", "high");
  w->Member("security-severity", SecuritySeverityOf(rule.severity));
  w->EndObject();
  w->EndObject();
}

}  // namespace sarif::internal

std::string SarifRuleName(std::string_view rule_id) {
  std::string out;
  bool start = true;
  for (char c : rule_id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

}  // namespace vendorlint
