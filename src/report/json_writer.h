// A small streaming JSON writer: correct escaping (RFC 8259), keys in the order
// written (so output is byte-for-byte deterministic), two-space indentation.
// Used by the JSON and SARIF reports.
#ifndef VENDORLINT_REPORT_JSON_WRITER_H_
#define VENDORLINT_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

class JsonWriter {
 public:
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

  // The document so far, with a trailing newline once complete.
  const std::string& str() const { return out_; }

 private:
  void BeforeValue();
  void Newline();

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

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_JSON_WRITER_H_
