#include "report/json_writer.h"

#include <charconv>

#include <fmt/format.h>

#include "util/escape.h"
#include "util/utf8.h"

namespace vendorlint {

std::string JsonQuote(std::string_view s) {
  std::string out;
  AppendJsonQuoted(s, &out);
  return out;
}

void AppendJsonQuoted(std::string_view s, std::string* out_ptr) {
  std::string& out = *out_ptr;
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  // Printable ASCII other than '"' and '\\' (nearly all of a report) is
  // copied a run at a time; the rest one character at a time below.
  auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; };
  for (size_t i = 0; i < s.size(); ++i) {
    size_t run = i;
    while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      if (run == s.size()) break;
      i = run;
    }
    char ch = s[i];
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      // C1 controls, bidi controls and U+2028/2029 (line breaks to JavaScript)
      // as \u escapes: the same string, but inert in a terminal and in JS.
      char32_t cp = 0;
      size_t len = DecodeUtf8(s, i, &cp);
      if (len == 0) {
        out += "\ufffd";  // malformed UTF-8 would make the document invalid
        continue;
      }
      if ((cp >= 0x80 && cp <= 0x9F) || IsInvisibleFormatChar(cp)) {
        out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp));
      } else {
        out.append(s.substr(i, len));
      }
      i += len - 1;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

JsonWriter JsonWriter::ForElementsAt(size_t depth) {
  JsonWriter w;
  w.stack_.assign(depth, Level{true, false});
  return w;
}

void JsonWriter::AppendElements(std::string_view rendered) {
  if (rendered.empty()) return;
  if (empty_here() && rendered.front() == ',') rendered.remove_prefix(1);
  out_ += rendered;
  if (!stack_.empty()) stack_.back().empty = false;
  MaybeFlush();
}

void JsonWriter::Flush() {
  if (!sink_ || out_.empty()) return;
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

void JsonWriter::Newline() {
  out_ += '\n';
  out_.append(stack_.size() * 2, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (!stack_.back().empty) out_ += ',';
  stack_.back().empty = false;
  Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  stack_.push_back({false, true});
}

void JsonWriter::EndObject() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Newline();
  out_ += '}';
  if (stack_.empty()) out_ += '\n';
  MaybeFlush();
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  stack_.push_back({true, true});
}

void JsonWriter::EndArray() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Newline();
  out_ += ']';
  if (stack_.empty()) out_ += '\n';
  MaybeFlush();
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonQuoted(key, &out_);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonQuoted(s, &out_);
  MaybeFlush();
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, res.ptr);
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

}  // namespace vendorlint
