#include "load/yaml_document.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "load/byte_checks.h"
#include "load/limited_read.h"
#include "load/lexical_checks.h"
#include "load/syntax_hints.h"

namespace vendorlint::yaml {

Node::Node() = default;

const char* NodeKindName(NodeKind k) {
  switch (k) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kScalar:
      return "scalar";
    case NodeKind::kSequence:
      return "sequence";
    case NodeKind::kMapping:
      return "mapping";
  }
  return "null";
}

namespace {

using internal::LineIndex;

// Thrown from the event handler to stop yaml-cpp early (limits, too many
// errors, a second document). Never escapes ParseDocument.
struct StopParsing {};

// Collects Diagnostics for one file, up to Limits::max_errors errors.
class Reporter {
 public:
  Reporter(std::string_view path, const LineIndex& lines, size_t max_errors,
           std::vector<Diagnostic>* diags)
      : path_(path), lines_(lines), max_errors_(std::max<size_t>(max_errors, 1)), diags_(diags) {}

  // Returns false (after adding a note, once) when the cap has been reached.
  bool At(size_t offset, std::string message) {
    LineIndex::Position p = lines_.At(offset);
    return Add(p.line, p.column, std::move(message));
  }
  bool Add(uint32_t line, uint32_t column, std::string message) {
    if (errors_ >= max_errors_) {
      if (!capped_) {
        capped_ = true;
        diags_->push_back({std::string(path_), 0, 0, Severity::kNote,
                           fmt::format("too many errors; stopped after {}", max_errors_)});
      }
      return false;
    }
    ++errors_;
    diags_->push_back({std::string(path_), line, column, Severity::kError, std::move(message)});
    return true;
  }
  size_t errors() const { return errors_; }

 private:
  std::string_view path_;
  const LineIndex& lines_;
  size_t max_errors_;
  std::vector<Diagnostic>* diags_;
  size_t errors_ = 0;
  bool capped_ = false;
};

// `s` starts with a plain null (`~`, `null`, `Null`, `NULL`) token.
bool StartsWithNullLiteral(std::string_view s) {
  for (std::string_view lit : {"~", "null", "Null", "NULL"}) {
    if (s.substr(0, lit.size()) == lit &&
        (s.size() == lit.size() ||
         std::string_view(" \t\r\n,]}#:").find(s[lit.size()]) != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

// Builds a yaml::Node tree from yaml-cpp's events, enforcing our rules as it
// goes. Stops yaml-cpp (by throwing StopParsing) on a limit or a 2nd document.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const LineIndex& lines, const Limits& limits,
              Reporter* reporter)
      : text_(text), lines_(lines), limits_(limits), reporter_(reporter) {
    stack_.reserve(static_cast<size_t>(std::clamp(limits.max_depth, 0, 64)) + 1);
  }

  int documents() const { return documents_; }
  size_t first_document_offset() const { return first_document_offset_; }
  size_t second_document_offset() const { return second_document_offset_; }
  bool has_root() const { return has_root_; }
  // The document has no content at all (`---` or `...` alone).
  bool root_is_empty() const { return root_is_empty_; }
  Node TakeRoot() { return std::move(root_); }
  const internal::ParseFacts& facts() const { return facts_; }
  // Where the innermost open collection starts, if any.
  std::optional<size_t> innermost_collection() const {
    if (stack_.empty()) return std::nullopt;
    return stack_.back().offset;
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents_;
    if (documents_ == 1) {
      first_document_offset_ = Offset(mark);
      return;
    }
    second_document_offset_ = Offset(mark);
    throw StopParsing{};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const size_t offset = Offset(mark);
    CheckProperties(offset, anchor, CharAt(offset) == '!');
    Node node = MakeNode(NodeKind::kNull, offset);
    // yaml-cpp gives an empty node (`key:`) the position of the next token.
    const bool empty = !StartsWithNullLiteral(text_.substr(offset));
    Add(std::move(node), offset, empty);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    const size_t offset = Offset(mark);
    Error(offset, "aliases are not allowed; write the value out in full");
    Add(MakeNode(NodeKind::kNull, offset), offset, false);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const size_t offset = Offset(mark);
    // yaml-cpp reports plain scalars with tag "?" and quoted or block ones
    // with "!"; a scalar with the explicit non-specific tag `! x` also gets
    // "!", but its mark is at the `!`.
    const char c = CharAt(offset);
    const bool quoted_start = c == '"' || c == '\'' || c == '|' || c == '>';
    const bool tagged =
        (tag != "?" && tag != "!") || c == '!' || (tag == "!" && !quoted_start && c != '&');
    CheckProperties(offset, anchor, tagged);
    Node node = MakeNode(NodeKind::kScalar, offset);
    node.quoted = tag == "!";
    node.scalar = value;
    if (std::string bad = internal::CheckScalarValue(value); !bad.empty()) {
      Error(offset, "escape sequence produces " + bad);
    }
    if (c == '"' || c == '\'') facts_.quoted_scalars.push_back(offset);
    // A plain `-` is the block sequence indicator; as a value yaml-cpp keeps
    // it (`[-]`), YAML does not.
    if (tag == "?" && (value == "-" || value.rfind("- ", 0) == 0)) {
      Error(offset, "`-` cannot start a plain scalar; quote it");
    }
    Add(std::move(node), offset, false);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    StartCollection(mark, tag, anchor, style, NodeKind::kSequence);
  }
  void OnSequenceEnd() override { EndCollection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    StartCollection(mark, tag, anchor, style, NodeKind::kMapping);
  }
  void OnMapEnd() override { EndCollection(); }

 private:
  struct Frame {
    Node node;
    size_t offset = 0;
    YAML::EmitterStyle::value style = YAML::EmitterStyle::Default;
    Node key;
    size_t key_offset = 0;
    bool has_key = false;
    std::unordered_map<std::string, uint32_t> first_line;  // mappings: key -> line
  };

  size_t Offset(const YAML::Mark& mark) const {
    if (mark.pos < 0) return text_.size();
    return std::min(static_cast<size_t>(mark.pos), text_.size());
  }
  char CharAt(size_t offset) const { return offset < text_.size() ? text_[offset] : '\0'; }

  void Error(size_t offset, std::string message) {
    if (!reporter_->At(offset, std::move(message))) throw StopParsing{};
  }

  void CheckProperties(size_t offset, YAML::anchor_t anchor, bool tagged) {
    if (anchor != YAML::NullAnchor)
      Error(offset, "anchors are not allowed; write the value out in full");
    if (tagged) Error(offset, "tags are not allowed; quote the value if it must be a string");
  }

  Node MakeNode(NodeKind kind, size_t offset) {
    if (++nodes_ > limits_.max_nodes) {
      Error(offset, fmt::format("more than {} YAML nodes", limits_.max_nodes));
      throw StopParsing{};
    }
    Node node;
    node.kind = kind;
    LineIndex::Position p = lines_.At(offset);
    node.line = p.line;
    node.column = p.column;
    return node;
  }

  void StartCollection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style, NodeKind kind) {
    const size_t offset = Offset(mark);
    if (stack_.size() >= static_cast<size_t>(std::max(limits_.max_depth, 0))) {
      Error(offset, fmt::format("nesting deeper than {} levels", limits_.max_depth));
      throw StopParsing{};
    }
    CheckProperties(offset, anchor, tag != "?" || CharAt(offset) == '!');
    if (style == YAML::EmitterStyle::Flow) facts_.flow_collections.push_back(offset);
    Frame frame;
    frame.node = MakeNode(kind, offset);
    frame.offset = offset;
    frame.style = style;
    stack_.push_back(std::move(frame));
  }

  void EndCollection() {
    if (stack_.empty()) return;  // cannot happen with yaml-cpp's event order
    Node node = std::move(stack_.back().node);
    const size_t offset = stack_.back().offset;
    const bool block = stack_.back().style == YAML::EmitterStyle::Block;
    stack_.pop_back();
    if (stack_.empty()) {
      facts_.block_root = block;
      facts_.root_line = node.line;
    }
    Add(std::move(node), offset, false);
  }

  // `offset`: where yaml-cpp put the node; `empty`: a null that is not spelled.
  void Add(Node node, size_t offset, bool empty) {
    const char c = CharAt(offset);
    const bool block_scalar = node.kind == NodeKind::kScalar && (c == '|' || c == '>');
    if (stack_.empty()) {
      if (block_scalar) facts_.block_scalars.push_back({offset, -1});
      root_is_empty_ = empty && node.kind == NodeKind::kNull;
      facts_.root_offset = offset;
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& frame = stack_.back();
    if (frame.node.kind == NodeKind::kSequence) {
      if (empty && frame.style == YAML::EmitterStyle::Flow) {
        Error(offset, "empty entry in a flow sequence");
      }
      if (block_scalar) {
        facts_.block_scalars.push_back({offset, static_cast<int>(frame.node.column) - 1});
      }
      frame.node.items.push_back(std::move(node));
      return;
    }
    if (!frame.has_key) {
      CheckKey(&frame, node, empty);
      if (frame.style == YAML::EmitterStyle::Block) facts_.block_keys.push_back(offset);
      frame.key = std::move(node);
      frame.key_offset = offset;
      frame.has_key = true;
      return;
    }
    if (empty && node.kind == NodeKind::kNull) {
      // yaml-cpp makes a line without `:` (`key` alone) a key with a null
      // value at the key's own position; YAML only allows that in flow maps.
      if (offset == frame.key_offset && frame.style == YAML::EmitterStyle::Block &&
          frame.key.kind == NodeKind::kScalar) {
        Error(offset, fmt::format("missing `:` after `{}`", internal::Printable(frame.key.scalar)));
      }
      node.line = frame.key.line;
      node.column = frame.key.column;
    }
    if (block_scalar) {
      facts_.block_scalars.push_back({offset, static_cast<int>(frame.key.column) - 1});
    }
    frame.node.entries.emplace_back(std::move(frame.key), std::move(node));
    frame.key = Node();
    frame.has_key = false;
  }

  void CheckKey(Frame* frame, const Node& key, bool empty) {
    switch (key.kind) {
      case NodeKind::kNull:
        AddError(key, empty ? "mapping key is missing" : "mapping keys must not be null");
        return;
      case NodeKind::kSequence:
      case NodeKind::kMapping:
        AddError(key, "mapping keys must be scalars");
        return;
      case NodeKind::kScalar:
        break;
    }
    auto [it, inserted] = frame->first_line.try_emplace(key.scalar, key.line);
    if (!inserted) {
      AddError(key, fmt::format("duplicate key `{}` (first at line {})",
                                internal::Printable(key.scalar), it->second));
    }
  }

  void AddError(const Node& at, std::string message) {
    if (!reporter_->Add(at.line, at.column, std::move(message))) throw StopParsing{};
  }

  std::string_view text_;
  const LineIndex& lines_;
  const Limits& limits_;
  Reporter* reporter_;
  std::vector<Frame> stack_;
  Node root_;
  bool has_root_ = false;
  bool root_is_empty_ = false;
  internal::ParseFacts facts_;
  int documents_ = 0;
  size_t nodes_ = 0;
  size_t first_document_offset_ = 0;
  size_t second_document_offset_ = 0;
};

// The token at `offset` for a message: up to the next blank, at most 20 code points.
std::string TokenAt(std::string_view text, size_t offset) {
  std::string_view rest = text.substr(std::min(offset, text.size()));
  size_t end = rest.find_first_of(" \t\r\n");
  return internal::Printable(rest.substr(0, end), 20);
}

std::string YamlCppMessage(const YAML::Exception& e) {
  if (e.msg.rfind(YAML::ErrorMsg::UNKNOWN_ANCHOR, 0) == 0)
    return "aliases are not allowed; write the value out in full";
  return "YAML syntax error: " + e.msg;
}

bool ParseText(std::string_view text, const LineIndex& lines, const Limits& limits,
               Reporter* reporter, Node* root) {
  TreeBuilder builder(text, lines, limits, reporter);
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  try {
    if (!parser.HandleNextDocument(builder)) {
      reporter->Add(0, 0, "file is empty");
      return false;
    }
    // One more call, never a loop: yaml-cpp can return the same unparsable
    // token as a new "document" forever (e.g. for the input `,`). The handler
    // stops at the second document's start.
    parser.HandleNextDocument(builder);
  } catch (const StopParsing&) {
  } catch (const YAML::DeepRecursion&) {
    // Only when Limits::max_depth is above yaml-cpp's own limit. Its mark is
    // wherever the scanner got to; the innermost collection is more useful.
    const std::optional<size_t> at = builder.innermost_collection();
    const std::string message = "nesting too deep for the YAML parser";
    if (at) {
      reporter->At(*at, message);
    } else {
      reporter->Add(0, 0, message);
    }
    return false;
  } catch (const YAML::Exception& e) {
    internal::Problem hint;
    if (e.mark.is_null() || e.mark.pos < 0) {
      reporter->Add(0, 0, YamlCppMessage(e));
    } else if (internal::ExplainSyntaxError(text, lines, static_cast<size_t>(e.mark.pos),
                                            &hint)) {
      reporter->Add(hint.line, hint.column, hint.message);
    } else {
      reporter->At(static_cast<size_t>(e.mark.pos), YamlCppMessage(e));
    }
    return false;
  }
  if (builder.documents() > 1) {
    const size_t offset = builder.second_document_offset();
    const std::string_view rest = text.substr(offset);
    if (rest.substr(0, 3) == "---") {
      reporter->At(offset, "more than one document; put each document in a file of its own");
    } else if (offset == builder.first_document_offset()) {
      reporter->At(offset, fmt::format("unexpected `{}`", TokenAt(text, offset)));
    } else {
      reporter->At(offset, fmt::format("unexpected `{}` after the end of the document",
                                       TokenAt(text, offset)));
    }
    return false;
  }
  if (!builder.has_root()) return false;  // stopped early; errors are reported
  if (builder.root_is_empty()) {
    reporter->Add(0, 0, "file is empty");
    return false;
  }
  std::vector<internal::Problem> problems;
  internal::CheckAfterParse(text, lines, builder.facts(), &problems);
  for (const internal::Problem& p : problems) reporter->Add(p.line, p.column, p.message);
  *root = builder.TakeRoot();
  return reporter->errors() == 0;
}

bool ParseDocumentImpl(std::string_view path, std::string_view bytes, const Limits& limits,
                       Node* root, std::vector<Diagnostic>* diags) {
  if (bytes.size() > limits.max_bytes) {
    diags->push_back(
        {std::string(path), 0, 0, Severity::kError, TooLargeMessage(limits, bytes.size())});
    return false;
  }
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a leading BOM
  const LineIndex lines(text);
  Reporter reporter(path, lines, limits.max_errors, diags);

  std::vector<internal::Problem> problems;
  const size_t max_errors = std::max<size_t>(limits.max_errors, 1);
  const size_t total = internal::CheckBytes(text, max_errors, &problems);
  if (total == 0) internal::FindDirectives(lines, &problems);
  if (problems.empty()) {
    internal::CheckFlowLimits(text, lines, static_cast<size_t>(std::max(limits.max_depth, 0)),
                              limits.max_nodes, &problems);
  }
  for (const internal::Problem& p : problems) reporter.Add(p.line, p.column, p.message);
  if (total > problems.size()) {
    diags->push_back({std::string(path), 0, 0, Severity::kNote,
                      fmt::format("{} more byte-level errors not shown", total - problems.size())});
  }
  if (!problems.empty()) return false;

  return ParseText(text, lines, limits, &reporter, root);
}

}  // namespace

bool ParseDocument(std::string_view path, std::string_view bytes, const Limits& limits, Node* root,
                   std::vector<Diagnostic>* diags) {
  const size_t before = diags->size();
  std::string failure;
  try {
    if (ParseDocumentImpl(path, bytes, limits, root, diags)) return true;
    if (diags->size() > before) return false;
    failure = "YAML document rejected";  // defensive: never fail silently
  } catch (const std::bad_alloc&) {
    failure = "out of memory while parsing";
  } catch (const std::exception& e) {
    failure = std::string("internal error while parsing: ") + e.what();
  } catch (...) {
    failure = "internal error while parsing";
  }
  diags->push_back({std::string(path), 0, 0, Severity::kError, failure});
  return false;
}

bool ParseFile(const std::string& path, const Limits& limits, Node* root,
               std::vector<Diagnostic>* diags) {
  std::string bytes;
  if (!ReadFileLimited(path, limits, &bytes, diags)) return false;
  return ParseDocument(path, bytes, limits, root, diags);
}

}  // namespace vendorlint::yaml
