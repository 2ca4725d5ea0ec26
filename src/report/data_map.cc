#include "report/data_map.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <fmt/format.h>

namespace vendorlint {
namespace {

// A DOT double-quoted string: only `"` and `\` need escaping (a backslash
// would otherwise start a Graphviz escape such as \N). Newlines become \n.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t')) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Text inside an HTML-like label.
std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

bool IsStudent(std::string_view subject) { return KeyIsUnder(subject, "student"); }

// One edge: the flows of one provider in one direction about one subject.
struct EdgeKey {
  Direction direction;
  std::string subject;  // "" when the flow does not say
  bool operator<(const EdgeKey& o) const {
    return direction != o.direction ? direction < o.direction : subject < o.subject;
  }
};

std::string SubjectLabel(const Taxonomy& t, std::string_view key) {
  if (key.empty()) return "subjects not stated";
  const TaxonomyEntry* e = t.Find(TaxonomyKind::kSubject, key);
  return e && !e->name.empty() ? e->name : std::string(key);
}

// The last part of a category key ("user.contact.email" -> "email"): the map
// is read at a glance; the report's provider section has the full keys.
std::string ShortCategory(std::string_view key) {
  size_t dot = key.rfind('.');
  return std::string(dot == std::string_view::npos ? key : key.substr(dot + 1));
}

// Graphviz's default id discipline uses the address of each name's string as
// the object's id, and orders subgraphs (hence the SVG's clusters) by id: the
// output changed with the heap layout from run to run. This one numbers names
// in the order the DOT text introduces them, which DataMapDot sorts.
struct IdState {
  std::map<std::string, IDTYPE, std::less<>> ids;
  std::vector<std::unique_ptr<std::string>> names;  // names[i] has id 2 * (i + 1)
  IDTYPE anonymous = 1;                             // odd ids, as Graphviz's own
};

struct DeterministicDisc {
  Agdisc_t disc;  // first: Graphviz hands back a pointer to it
  IdState* state;
};

void* IdOpen(Agraph_t*, Agdisc_t* disc) { return reinterpret_cast<DeterministicDisc*>(disc)->state; }

long IdMap(void* state, int, char* str, IDTYPE* id, int createflag) {
  auto* s = static_cast<IdState*>(state);
  if (str == nullptr) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(std::string_view(str));
  if (it != s->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!createflag) return 0;
  s->names.push_back(std::make_unique<std::string>(str));
  *id = 2 * static_cast<IDTYPE>(s->names.size());
  s->ids.emplace(*s->names.back(), *id);
  return 1;
}

long IdAlloc(void*, int, IDTYPE) { return 0; }  // ids are never chosen by the caller
void IdFree(void*, int, IDTYPE) {}
char* IdPrint(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1]->data();
}
void IdClose(void*) {}
void IdRegister(void*, int, void*) {}

Agiddisc_t kDeterministicIds = {IdOpen, IdMap, IdAlloc, IdFree, IdPrint, IdClose, IdRegister};

}  // namespace

std::string DataMapDot(const Registry& reg) {
  std::string org = reg.organization.name.value.empty() ? "Organisation" : reg.organization.name.value;
  std::string out =
      "digraph data_map {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.15, ranksep=1.2];\n"
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", "
      "fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\", fontcolor=\"#333333\"];\n";
  out += fmt::format(
      "  organisation [label={}, shape=box, style=\"filled,bold\", fillcolor=\"#dde6f3\"];\n",
      Quote(org));

  // Group: 0 student data, 1 other subjects, 2 subjects not stated, 3 no flows.
  std::vector<std::vector<const Provider*>> groups(4);
  std::map<std::string, std::map<EdgeKey, std::set<std::string>>> edges;  // by provider id
  for (const Provider& p : reg.providers) {
    auto& mine = edges[p.id.value];
    bool student = false, stated = false;
    for (const DataFlow& f : p.data_flows.items) {
      std::vector<std::string> subjects;
      if (f.subjects.known && !f.subjects.items.empty()) {
        for (const auto& s : f.subjects.items) subjects.push_back(s.value);
      } else {
        subjects.push_back("");
      }
      for (const auto& s : subjects) {
        student = student || IsStudent(s);
        stated = stated || !s.empty();
        auto& cats = mine[EdgeKey{f.direction.value, s}];
        for (const auto& c : f.categories.items) cats.insert(ShortCategory(c.value));
      }
    }
    int g = p.data_flows.items.empty() ? 3 : student ? 0 : stated ? 1 : 2;
    groups[static_cast<size_t>(g)].push_back(&p);
  }
  static const char* const kGroupLabel[] = {"Receive or send data about students",
                                            "Personal data about other people",
                                            "Whom the data is about is not stated",
                                            "No data flows recorded"};
  static const char* const kGroupColour[] = {"#fdecea", "#f4f6f8", "#fff8e1", "#f4f6f8"};
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].empty()) continue;
    out += fmt::format("  subgraph cluster_{} {{\n    label={}; style=\"rounded,filled\"; "
                       "fillcolor=\"{}\"; color=\"#bbbbbb\";\n",
                       g, Quote(kGroupLabel[g]), kGroupColour[g]);
    for (const Provider* p : groups[g]) {
      std::string name = p->name.value.empty() ? p->id.value : p->name.value;
      out += fmt::format("    {} [label={}{}];\n", Quote("p:" + p->id.value), Quote(name),
                         g == 0 ? ", color=\"#c62828\", penwidth=2" : "");
    }
    out += "  }\n";
  }
  // One edge per provider and direction; its label has a line per subject,
  // students' in red (an HTML-like label, so its text is XML-escaped).
  for (const auto& [id, by_key] : edges) {
    std::map<Direction, std::pair<std::string, bool>> by_direction;  // label rows, student
    for (const auto& [key, cats] : by_key) {
      bool student = IsStudent(key.subject);
      std::string row = Xml(SubjectLabel(reg.taxonomy, key.subject)) + ": ";
      size_t n = 0;
      for (const auto& c : cats) row += (n++ == 0 ? "" : ", ") + Xml(c);
      if (student) row = "<font color=\"#c62828\"><b>" + row + "</b></font>";
      auto& [rows, any_student] = by_direction[key.direction];
      if (rows.empty() && key.direction == Direction::kCollected) rows = "collected from users<br/>";  // the rows follow
      rows += (rows.empty() || rows.ends_with("<br/>") ? "" : "<br/>") + row;
      any_student = any_student || student;
    }
    std::string node = Quote("p:" + id);
    for (const auto& [direction, entry] : by_direction) {
      const auto& [rows, student] = entry;
      std::string attrs = "label=<" + rows + ">";
      if (student) attrs += ", color=\"#c62828\", penwidth=2";
      if (direction == Direction::kCollected) attrs += ", style=dashed";
      // Received data points at the organisation; shared and collected data
      // (collected from the organisation's users) at the provider.
      if (direction == Direction::kReceived) {
        out += fmt::format("  {} -> organisation [{}];\n", node, attrs);
      } else {
        out += fmt::format("  organisation -> {} [{}];\n", node, attrs);
      }
    }
  }
  out += "}\n";
  return out;
}

// GCC says __SANITIZE_ADDRESS__, clang __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define VL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VL_ASAN 1
#endif
#endif
#if defined(VL_ASAN)
// Graphviz 2.42 leaks inside itself whatever its caller does: the plugin
// configuration gvContext reads (gvconfig), the dot layout's virtual and
// auxiliary edges of clustered graphs (class1/class2), the HTML-label parser;
// and its text-layout plugin leaves fontconfig's and pango's caches behind.
// LeakSanitizer asks the program for these suppressions (by library: the
// distribution's libraries have no frame pointers, so stacks stop there);
// the function exists only in sanitizer builds.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libgvplugin_dot_layout.so\n"
         "leak:libgvplugin_core.so\n"
         "leak:libgvplugin_pango.so\n"
         "leak:libfontconfig.so\n"
         "leak:libpango\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n"
         "leak:libcairo.so\n";
}
// The suppressions are expected: do not list them on stderr, which tests
// compare exactly.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

bool RenderDotToSvg(const std::string& dot, std::string* svg, std::string* error) {
  // One context for the process, never freed: Graphviz 2.42's pango plugin
  // keeps a pointer into the font cache of the context it last measured text
  // in, so a second context (two HTML reports in one run) read freed memory.
  static GVC_t* const gvc = gvContext();
  if (gvc == nullptr) {
    *error = "Graphviz could not start (gvContext failed)";
    return false;
  }
  IdState ids;
  DeterministicDisc disc{{&AgMemDisc, &kDeterministicIds, &AgIoDisc}, &ids};
  std::string source = dot;  // fmemopen takes a writable buffer
  FILE* in = fmemopen(source.data(), source.size(), "r");
  Agraph_t* g = in == nullptr ? nullptr : agread(in, &disc.disc);
  if (in != nullptr) std::fclose(in);
  if (g == nullptr) {
    *error = "Graphviz could not read the data map's DOT";
    return false;
  }
  bool ok = gvLayout(gvc, g, "dot") == 0;
  char* data = nullptr;
  unsigned int length = 0;  // Graphviz 2.42's type
  ok = ok && gvRenderData(gvc, g, "svg", &data, &length) == 0;
  if (ok) {
    std::string text(data, length);
    // Inline SVG needs no prolog, and the DOCTYPE names a DTD by URL.
    size_t start = text.find("<svg");
    if (start != std::string::npos) text.erase(0, start);
    // Graphviz writes node names in comments; drop them so that no input
    // text sits in a comment it could end.
    for (size_t at = text.find("<!--"); at != std::string::npos; at = text.find("<!--", at)) {
      size_t end = text.find("-->", at);
      size_t stop = end == std::string::npos ? text.size() : end + 3;
      if (stop < text.size() && text[stop] == '\n') ++stop;
      text.erase(at, stop - at);
    }
    *svg = std::move(text);
  } else {
    *error = "Graphviz could not lay out the data map (is the dot layout plugin installed?)";
  }
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  return ok;
}

bool DataMapSvg(const Registry& registry, std::string* svg, std::string* error) {
  return RenderDotToSvg(DataMapDot(registry), svg, error);
}

}  // namespace vendorlint
