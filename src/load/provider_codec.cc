#include "load/provider_codec.h"

#include <limits>
#include <optional>
#include <type_traits>

#include "util/utf8.h"

namespace vendorlint {
namespace {

// Each struct is written by one Io function that both encoder and decoder run,
// so that the two cannot disagree on the order of fields. A field added to a
// model struct must be added here: FieldCount below fails the build until the
// count written next to each struct is updated (and kEntryFormat in
// parse_cache.cc is bumped, so that older entries are not misread).
struct AnyField {
  template <class T>
  constexpr operator T&&() const noexcept;  // NOLINT(google-explicit-constructor)
};
template <class T, class... A>
constexpr size_t FieldCount() {
  if constexpr (requires { T{A{}..., AnyField{}}; }) {
    return FieldCount<T, A..., AnyField>();
  } else {
    return sizeof...(A);
  }
}
static_assert(FieldCount<Location>() == 3);
static_assert(FieldCount<TriFact>() == 2);
static_assert(FieldCount<Date>() == 3);
static_assert(FieldCount<LocatedString>() == 2);
static_assert(FieldCount<KeyList>() == 3);
static_assert(FieldCount<DataFlow>() == 13);
static_assert(FieldCount<Storage>() == 7);
static_assert(FieldCount<Exclusion>() == 7);
static_assert(FieldCount<Source>() == 4);
static_assert(FieldCount<Entity>() == 4);
static_assert(FieldCount<Locations>() == 4);
static_assert(FieldCount<Retention>() == 4);
static_assert(FieldCount<Ai>() == 4);
static_assert(FieldCount<Dpa>() == 4);
static_assert(FieldCount<Contracts>() == 4);
static_assert(FieldCount<Link>() == 3);
static_assert(FieldCount<Provider>() == 23);
static_assert(FieldCount<Diagnostic>() == 5);

// The largest value of each enumeration (its values are 0..max).
constexpr uint64_t kMaxDirection = static_cast<uint64_t>(Direction::kCollected);
constexpr uint64_t kMaxQualifier = static_cast<uint64_t>(Qualifier::kConditional);
constexpr uint64_t kMaxTri = static_cast<uint64_t>(Tri::kUnknown);
constexpr uint64_t kMaxSeverity = static_cast<uint64_t>(Severity::kNote);

// Integers are LEB128 varints (most values are small line and column
// numbers: one byte each), signed ones zigzag-encoded.
class Writer {
 public:
  static constexpr bool kReading = false;
  Writer(uint32_t file_id, std::string* out) : file_id_(file_id), out_(out) {}
  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }

  void U(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  template <class T>
  void Num(T& v) {
    static_assert(std::is_unsigned_v<T>);
    U(v);
  }
  void Int(int64_t& v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Int(int& v) {
    int64_t w = v;
    Int(w);
  }
  void Bool(bool& b) { U(b ? 1 : 0); }
  template <class E>
  void Enum(E& e, uint64_t) {
    U(static_cast<uint64_t>(e));
  }
  void Str(std::string& s) {
    U(s.size());
    out_->append(s);
  }
  // "This file" (1) or no file (0); a Location in another file cannot be
  // stored path-independently.
  void File(uint32_t& f) {
    if (f == file_id_) {
      U(1);
    } else if (f == 0) {
      U(0);
    } else {
      ok_ = false;
    }
  }
  size_t Count(size_t n) {
    U(n);
    return n;
  }

 private:
  uint32_t file_id_;
  std::string* out_;
  bool ok_ = true;
};

class Reader {
 public:
  static constexpr bool kReading = true;
  Reader(uint32_t file_id, std::string_view in) : file_id_(file_id), in_(in) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == in_.size(); }
  void Fail() { ok_ = false; }

  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) break;
      auto byte = static_cast<uint8_t>(in_[pos_++]);
      // The tenth byte may carry only the top bit.
      if (shift == 63 && byte > 1) break;
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  template <class T>
  void Num(T& v) {
    static_assert(std::is_unsigned_v<T>);
    uint64_t u = U();
    if (u > std::numeric_limits<T>::max()) ok_ = false;
    v = static_cast<T>(u);
  }
  void Int(int64_t& v) {
    uint64_t u = U();
    v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  void Int(int& v) {
    int64_t w = 0;
    Int(w);
    if (w < std::numeric_limits<int>::min() || w > std::numeric_limits<int>::max()) ok_ = false;
    v = static_cast<int>(w);
  }
  void Bool(bool& b) {
    uint64_t u = U();
    if (u > 1) ok_ = false;
    b = u == 1;
  }
  template <class E>
  void Enum(E& e, uint64_t max) {
    uint64_t u = U();
    if (u > max) ok_ = false;
    e = ok_ ? static_cast<E>(u) : E{};
  }
  void Str(std::string& s) {
    uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    std::string_view text = in_.substr(pos_, n);
    // The loader only produces valid UTF-8, and the writers rely on it.
    for (size_t i = 0; i < text.size();) {
      if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII, most of it
        ++i;
        continue;
      }
      char32_t cp = 0;
      size_t len = DecodeUtf8(text, i, &cp);
      if (len == 0) {
        ok_ = false;
        return;
      }
      i += len;
    }
    s.assign(text);
    pos_ += n;
  }
  void File(uint32_t& f) {
    uint64_t u = U();
    if (u > 1) ok_ = false;
    f = u == 1 ? file_id_ : 0;
  }
  // A count of items: each item takes at least one byte, so a count over the
  // bytes left is a lie (and must not size an allocation).
  size_t Count(size_t) {
    uint64_t n = U();
    if (n > in_.size() - pos_) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }

 private:
  uint32_t file_id_;
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

template <class Ar>
void Io(Ar& a, Location& l) {
  a.File(l.file);
  a.Num(l.line);
  a.Num(l.column);
}

template <class Ar>
void Io(Ar& a, std::string& s) {
  a.Str(s);
}

template <class Ar>
void Io(Ar& a, int64_t& v) {
  a.Int(v);
}

template <class Ar>
void Io(Ar& a, Date& d) {
  a.Int(d.year);
  a.Int(d.month);
  a.Int(d.day);
  // Rules count days between dates: only real days (as the loader accepts
  // them) are read back.
  if (Ar::kReading && a.ok()) {
    Date check;
    if (!Date::Parse(d.ToString(), &check) || check != d) a.Fail();
  }
}

template <class Ar>
void Io(Ar& a, Direction& d) {
  a.Enum(d, kMaxDirection);
}

template <class Ar>
void Io(Ar& a, Qualifier& q) {
  a.Enum(q, kMaxQualifier);
}

template <class Ar>
void Io(Ar& a, TriFact& t) {
  a.Enum(t.value, kMaxTri);
  Io(a, t.loc);
}

template <class Ar, class T>
void Io(Ar& a, Located<T>& v) {
  Io(a, v.value);
  Io(a, v.loc);
}

template <class Ar, class T>
void Io(Ar& a, std::optional<T>& v) {
  bool has = v.has_value();
  a.Bool(has);
  if (!has || !a.ok()) return;
  if (Ar::kReading) v.emplace();
  Io(a, *v);
}

// A group made by the loader is stored as made; an absent one stays unmade
// when read back, so a warm model is the size of a cold one.
template <class Ar, class T>
void Io(Ar& a, Group<T>& g) {
  bool has = g.made();
  a.Bool(has);
  if (!has || !a.ok()) return;
  Io(a, g.Mutable());
}

// Items are appended one at a time, so a lying count stops at the first item
// that runs out of bytes instead of allocating for all of them.
template <class Ar, class T>
void Io(Ar& a, std::vector<T>& v) {
  size_t n = a.Count(v.size());
  for (size_t i = 0; i < n && a.ok(); ++i) {
    if (Ar::kReading) v.emplace_back();
    Io(a, v[i]);
  }
}

template <class Ar, class T>
void Io(Ar& a, List<T>& l) {
  a.Bool(l.known);
  Io(a, l.loc);
  Io(a, l.items);
}

template <class Ar>
void Io(Ar& a, DataFlow& f) {
  Io(a, f.loc);
  Io(a, f.direction);
  Io(a, f.subjects);
  Io(a, f.categories);
  Io(a, f.purposes);
  a.Bool(f.purpose_single);
  Io(a, f.contexts);
  a.Bool(f.context_single);
  Io(a, f.qualifiers);
  Io(a, f.description);
  Io(a, f.source);
  Io(a, f.notes);
  Io(a, f.notice_basis);
}

template <class Ar>
void Io(Ar& a, Storage& s) {
  Io(a, s.loc);
  Io(a, s.stores_data);
  Io(a, s.encrypted_at_rest);
  Io(a, s.passwords_hashed);
  Io(a, s.location);
  Io(a, s.hosted_on);
  Io(a, s.notes);
}

template <class Ar>
void Io(Ar& a, Exclusion& e) {
  Io(a, e.loc);
  Io(a, e.statement);
  Io(a, e.direction);
  Io(a, e.subjects);
  Io(a, e.categories);
  Io(a, e.contexts);
  Io(a, e.notes);
}

template <class Ar>
void Io(Ar& a, Source& s) {
  Io(a, s.loc);
  Io(a, s.disclosure);
  Io(a, s.section);
  Io(a, s.row);
}

template <class Ar>
void Io(Ar& a, Entity& e) {
  Io(a, e.loc);
  Io(a, e.legal_name);
  Io(a, e.country);
  Io(a, e.statement);
}

template <class Ar>
void Io(Ar& a, Locations& l) {
  Io(a, l.loc);
  Io(a, l.processing);
  Io(a, l.storage);
  Io(a, l.statement);
}

template <class Ar>
void Io(Ar& a, Retention& r) {
  Io(a, r.loc);
  Io(a, r.policy);
  Io(a, r.days);
  Io(a, r.statement);
}

template <class Ar>
void Io(Ar& a, Ai& x) {
  Io(a, x.loc);
  Io(a, x.trains_models);
  Io(a, x.generative);
  Io(a, x.statement);
}

template <class Ar>
void Io(Ar& a, Dpa& d) {
  Io(a, d.loc);
  Io(a, d.is_signed);
  Io(a, d.date);
  Io(a, d.url);
}

template <class Ar>
void Io(Ar& a, Contracts& c) {
  Io(a, c.loc);
  Io(a, c.dpa);
  Io(a, c.transfer_mechanisms);
  Io(a, c.statement);
}

template <class Ar>
void Io(Ar& a, Link& l) {
  Io(a, l.loc);
  Io(a, l.kind);
  Io(a, l.url);
}

template <class Ar>
void Io(Ar& a, Provider& p) {
  Io(a, p.loc);
  a.File(p.file);
  Io(a, p.id);
  Io(a, p.name);
  Io(a, p.formerly);
  Io(a, p.entity);
  Io(a, p.role);
  Io(a, p.locations);
  Io(a, p.retention);
  Io(a, p.ai);
  Io(a, p.contracts);
  Io(a, p.links);
  Io(a, p.link_kinds);
  Io(a, p.contexts);
  Io(a, p.purposes);
  Io(a, p.summary);
  Io(a, p.last_reviewed);
  Io(a, p.reviewed_by);
  Io(a, p.data_flows);
  Io(a, p.storage);
  Io(a, p.exclusions);
  Io(a, p.sources);
  Io(a, p.notes);
}

// A diagnostic's file is the entry's own path, neither stored nor read.
template <class Ar>
void Io(Ar& a, Diagnostic& d) {
  a.Num(d.line);
  a.Num(d.column);
  a.Enum(d.severity, kMaxSeverity);
  a.Str(d.message);
}

}  // namespace

bool EncodeProviderResult(const Provider& p, const std::vector<Diagnostic>& diags,
                          const std::string& path, uint32_t file_id, std::string* out) {
  // File id 0 would make "this file" and "no file" the same number.
  if (file_id == 0) return false;
  for (const auto& d : diags)
    if (d.file != path || d.message.find(path) != std::string::npos) return false;
  Writer w(file_id, out);
  // The Io functions take non-const references so that one function serves
  // both directions; the Writer only reads through them.
  auto& provider = const_cast<Provider&>(p);                        // NOLINT
  auto& diagnostics = const_cast<std::vector<Diagnostic>&>(diags);  // NOLINT
  Io(w, provider);
  Io(w, diagnostics);
  return w.ok();
}

bool DecodeProviderResult(std::string_view bytes, const std::string& path, uint32_t file_id,
                          Provider* p, std::vector<Diagnostic>* diags) {
  if (file_id == 0) return false;
  Reader r(file_id, bytes);
  Provider provider;
  std::vector<Diagnostic> read;
  Io(r, provider);
  Io(r, read);
  if (!r.ok() || !r.AtEnd()) return false;
  for (auto& d : read) d.file = path;
  *p = std::move(provider);
  diags->insert(diags->end(), std::make_move_iterator(read.begin()),
                std::make_move_iterator(read.end()));
  return true;
}

}  // namespace vendorlint
