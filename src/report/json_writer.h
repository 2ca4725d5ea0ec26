// A small streaming JSON writer: correct escaping (RFC 8259), keys in the order
// written (so output is byte-for-byte deterministic), two-space indentation.
// Used by the JSON and SARIF reports.
#ifndef VENDORLINT_REPORT_JSON_WRITER_H_
#define VENDORLINT_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

class JsonWriter {
 public:
  // Without a sink the document accumulates in str(); with one, whatever is
  // complete is passed on in blocks of about kFlushBytes, so a report of any
  // size costs a bounded buffer (call Flush() at the end).
  static constexpr size_t kFlushBytes = 1 << 16;
  explicit JsonWriter(std::ostream* sink = nullptr) : sink_(sink) {}

  // A writer for elements of an array nested `depth` levels deep in another
  // writer. Its str() is what that writer would write for the same elements
  // after an earlier one, so elements can be rendered on several threads and
  // joined with AppendElements.
  static JsonWriter ForElementsAt(size_t depth);
  // Appends elements rendered by ForElementsAt(depth()) to the array open
  // here (without the leading comma if they are its first).
  void AppendElements(std::string_view rendered);
  // How many arrays and objects are open.
  size_t depth() const { return stack_.size(); }
  // True if the innermost open array or object has no value yet.
  bool empty_here() const { return stack_.empty() || stack_.back().empty; }
  // Passes everything written so far to the sink (no-op without one).
  void Flush();

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // Inside an object: the next value's key.
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(int64_t v);
  void Bool(bool b);
  void Null();

  // Convenience for object members.
  void Member(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void Member(std::string_view key, const char* s) {
    Key(key);
    String(s);
  }
  void Member(std::string_view key, int64_t v) {
    Key(key);
    Int(v);
  }
  void MemberBool(std::string_view key, bool b) {
    Key(key);
    Bool(b);
  }

  // The document so far (since the last Flush), with a trailing newline once complete.
  const std::string& str() const { return out_; }

 private:
  void BeforeValue();
  void Newline();
  void MaybeFlush() {
    if (sink_ && out_.size() >= kFlushBytes) Flush();
  }

  std::ostream* sink_ = nullptr;
  std::string out_;
  struct Level {
    bool array;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// `s` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view s);
// The same, appended to *out.
void AppendJsonQuoted(std::string_view s, std::string* out);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_JSON_WRITER_H_
