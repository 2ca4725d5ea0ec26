#include "util/escape.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/utf8.h"

namespace vendorlint {
namespace {

void AppendText(std::string_view s, size_t i, size_t len, char32_t cp, std::string* out) {
  if (len == 0) {
    *out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
  } else if (cp == '\n') {
    *out += "\\n";
  } else if (cp == '\r') {
    *out += "\\r";
  } else if (cp == '\t') {
    *out += "\\t";
  } else if (cp < 0x20 || cp == 0x7F) {
    *out += fmt::format("\\x{:02X}", static_cast<uint32_t>(cp));
  } else if ((cp >= 0x80 && cp <= 0x9F) || IsInvisibleFormatChar(cp)) {
    *out += fmt::format("\\u{:04X}", static_cast<uint32_t>(cp));
  } else {
    out->append(s.substr(i, len));
  }
}

std::string EscapeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(s, i, &cp);
    AppendText(s, i, len, cp, &out);
    i += len == 0 ? 1 : len;
  }
  return out;
}

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '|':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The workflow-command encoding (actions/toolkit command.ts): data escapes
// % CR LF; property values also `:` and `,`. After kText there is no CR or LF
// left, but the encoding is applied in full so that it stands on its own.
std::string EscapeGithub(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

// Characters that reorder text (bidi embeddings, overrides, isolates, marks)
// or break a line in some viewers without being a control character.
bool IsInvisibleFormatChar(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

std::string Escape(std::string_view s, Sink sink) {
  switch (sink) {
    case Sink::kText:
      return EscapeText(s);
    case Sink::kMarkdown:
      return EscapeMarkdown(EscapeText(s));
    case Sink::kGithubData:
      return EscapeGithub(EscapeText(s), false);
    case Sink::kGithubProperty:
      return EscapeGithub(EscapeText(s), true);
  }
  return EscapeText(s);
}

std::string Excerpt(std::string_view s, size_t max_code_points) {
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    if (count == max_code_points) {
      out += fmt::format("… ({} bytes)", s.size());
      break;
    }
    char32_t cp = 0;
    size_t len = DecodeUtf8(s, i, &cp);
    AppendText(s, i, len, cp, &out);
    i += len == 0 ? 1 : len;
  }
  return out;
}

std::string TruncateUtf8(std::string_view s, size_t max_bytes, size_t full_size) {
  if (s.size() <= max_bytes && full_size <= max_bytes) return std::string(s);
  std::string marker = fmt::format("… ({} bytes)", std::max(full_size, s.size()));
  size_t keep = std::min(s.size(), max_bytes > marker.size() ? max_bytes - marker.size() : 0);
  // Back up to the start of a code point.
  while (keep > 0 && keep < s.size() && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
  return std::string(s.substr(0, keep)) + marker;
}

}  // namespace vendorlint
