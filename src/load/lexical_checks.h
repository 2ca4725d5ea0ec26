// Line- and token-level checks that run on a YAML file before (and after)
// yaml-cpp sees it, for what yaml-cpp 0.7 gets wrong: it lets some syntax
// errors pass and reads flow collections whole before we can bound them.
// They assume a file that passed CheckBytes (byte_checks.h). Internal to the
// YAML front end (yaml_document.cc).
#ifndef VENDORLINT_LOAD_LEXICAL_CHECKS_H_
#define VENDORLINT_LOAD_LEXICAL_CHECKS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "load/byte_checks.h"

namespace vendorlint::yaml::internal {

// Directives (`%YAML`, `%TAG`, reserved ones) can only stand at the start of
// the stream or after a document end marker `...`, before the next content.
// Reports every such `%` line; `%` anywhere else is content, not a directive.
void FindDirectives(const LineIndex& lines, std::vector<Problem>* out);

// yaml-cpp reads a whole flow collection into memory before the first event
// reaches our handler (a megabyte of `[` costs it 250 MB). This lexical pass
// reports flow collections nested deeper than `max_depth` or with more than
// `max_nodes` entries before yaml-cpp runs. It only ever under-counts, so it
// never rejects a document that is within the limits.
void CheckFlowLimits(std::string_view text, const LineIndex& lines, size_t max_depth,
                     size_t max_nodes, std::vector<Problem>* out);

// What the parser saw, for the checks that yaml-cpp 0.7 does not do itself.
// Offsets index the text given to yaml-cpp.
struct ParseFacts {
  struct BlockScalar {
    size_t offset = 0;       // the `|` or `>`
    int parent_indent = -1;  // indentation of the collection that holds it
  };
  std::vector<size_t> quoted_scalars;  // each starts with `"` or `'`
  std::vector<BlockScalar> block_scalars;
  std::vector<size_t> flow_collections;  // each starts with `[` or `{`
  std::vector<size_t> block_keys;        // keys of block mappings
  bool block_root = false;               // the root is a block mapping or block sequence
  uint32_t root_line = 0;
  size_t root_offset = 0;
};

// Lexical checks on a document yaml-cpp accepted, for mistakes it lets pass:
// unterminated quoted strings, invalid escapes, comments glued to a token
// (`"a"#b`, `[a]#b`, `|#b`), leading blank lines of a block scalar with more
// spaces than its text, and in a document whose root is a block collection,
// tab indentation and lines at column 1 that are neither keys nor entries;
// directives after a root flow collection or quoted scalar. Every rule is one
// that the YAML 1.2 spec makes an error.
void CheckAfterParse(std::string_view text, const LineIndex& lines, const ParseFacts& facts,
                     std::vector<Problem>* out);

}  // namespace vendorlint::yaml::internal

#endif  // VENDORLINT_LOAD_LEXICAL_CHECKS_H_
