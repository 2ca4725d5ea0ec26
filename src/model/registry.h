// The registry model: plain structs built once by the loader (src/load/) and
// read by the rule engine (src/rules/). No YAML types appear here.
//
// Contracts:
//  - Every value carries the Location of the YAML node it came from.
//  - "Unknown" is explicit: TriFact for booleans, std::optional for scalars,
//    List::known for lists. An absent list is unknown; an empty list (`[]`) is
//    a known "none".
//  - Keys (categories, purposes, subjects, contexts) are taxonomy keys that the
//    loader has verified exist; provider references (hosted_on) resolve.
//  - Registry::providers is sorted by id. Registry::files (the run's one
//    source-file table, util/source_files.h) starts with the registry's own
//    files sorted by path; files a check run registers later (the waivers
//    file, the baseline) follow in registration order, so ids never move.
#ifndef VENDORLINT_MODEL_REGISTRY_H_
#define VENDORLINT_MODEL_REGISTRY_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/location.h"
#include "util/source_files.h"
#include "model/group.h"
#include "model/taxonomy.h"
#include "model/tri.h"

namespace vendorlint {

template <typename T>
struct Located {
  T value{};
  Location loc;
};

using LocatedString = Located<std::string>;

// A list field. known == false means the field was absent (unknown);
// loc points at the list node when known.
template <typename T>
struct List {
  bool known = false;
  Location loc;
  std::vector<T> items;
};

using KeyList = List<LocatedString>;

// Which way personal data moves, seen from the organisation.
enum class Direction : uint8_t {
  kShared,    // the organisation sends it to the provider
  kReceived,  // the provider sends it to the organisation
  kCollected,  // the provider collects it directly from users
};
const char* DirectionName(Direction d);
bool ParseDirection(std::string_view s, Direction* out);

// Qualifiers the disclosure states about a flow.
enum class Qualifier : uint8_t {
  kHashed,         // values are one-way hashed before they leave (e.g. hashed emails)
  kPseudonymised,  // identifiers replaced by pseudonyms
  kAnonymised,     // stated to be anonymous
  kAggregated,     // only aggregate or generalised figures
  kOptional,       // users opt in to this flow
  kIncidental,     // not sent by design; may occur incidentally (e.g. in tickets)
  kOnRequest,      // only when a user asks for it (e.g. a PDF export)
  kConditional,    // only in a stated circumstance (see notes), e.g. while fixing a bug
};
const char* QualifierName(Qualifier q);
bool ParseQualifier(std::string_view s, Qualifier* out);
std::vector<std::string_view> QualifierNames();
std::vector<std::string_view> DirectionNames();

struct DataFlow {
  Location loc;  // the flow's mapping node
  Located<Direction> direction;
  KeyList subjects;    // data subject keys; unknown when absent
  KeyList categories;  // data category keys; required, non-empty
  // Data-use and context keys: `purpose: k` (one, `purpose_single`) or
  // `purposes: [a, b]`; unknown when neither is written (the provider's apply).
  KeyList purposes;
  bool purpose_single = false;
  KeyList contexts;
  bool context_single = false;
  List<Located<Qualifier>> qualifiers;
  std::optional<LocatedString> description;  // what flows, in the registry's own words
  std::optional<LocatedString> source;       // disclosure id, when not the provider's own
  std::optional<LocatedString> notes;
  // How the people the data is about are informed when it was not obtained from
  // them (GDPR Art. 14); one of NoticeBasisNames(); unknown when absent.
  std::optional<LocatedString> notice_basis;

  bool Has(Qualifier q) const;
};

struct Storage {
  Location loc;  // the `storage` mapping, when present
  TriFact stores_data;        // stores personal data at all
  TriFact encrypted_at_rest;  // all stored personal data encrypted at rest
  TriFact passwords_hashed;   // passwords stored as one-way hashes
  std::optional<LocatedString> location;   // where, in words (region, country)
  std::optional<LocatedString> hosted_on;  // id of another registered provider
  std::optional<LocatedString> notes;
};

// Something the disclosure says the provider does NOT get or is NOT used for.
// Each non-empty list narrows the statement: "no <categories> about
// <subjects>, in <contexts>, in <direction>".
struct Exclusion {
  Location loc;
  LocatedString statement;  // own words, required
  std::optional<Located<Direction>> direction;
  KeyList subjects;
  KeyList categories;
  KeyList contexts;
  std::optional<LocatedString> notes;
};

// Where a provider's facts come from.
struct Source {
  Location loc;
  LocatedString disclosure;  // id from organization.yaml
  std::optional<LocatedString> section;
  std::optional<LocatedString> row;  // how the row names the provider
};

// The provider's legal entity.
struct Entity {
  Location loc;  // the `entity` mapping, when present
  std::optional<LocatedString> legal_name;
  std::optional<LocatedString> country;  // ISO 3166-1 alpha-2, headquarters
  std::optional<LocatedString> statement;
};

// Where data is processed and stored: ISO 3166-1 alpha-2 codes or the regions
// EU, EEA, global (model/country.h). `[]` is a known "none".
struct Locations {
  Location loc;
  KeyList processing;
  KeyList storage;
  std::optional<LocatedString> statement;
};

struct Retention {
  Location loc;
  std::optional<LocatedString> policy;  // fixed | none | as_needed
  std::optional<Located<int64_t>> days;  // > 0, only with fixed
  std::optional<LocatedString> statement;
};

struct Ai {
  Location loc;
  TriFact trains_models;  // uses the data to train or improve models
  TriFact generative;     // is a generative-AI service
  std::optional<LocatedString> statement;
};

struct Dpa {
  Location loc;
  TriFact is_signed;
  std::optional<Located<Date>> date;
  std::optional<LocatedString> url;
};

struct Contracts {
  Location loc;
  Dpa dpa;
  KeyList transfer_mechanisms;  // scc | adequacy | dpf | bcr | derogation | none
  std::optional<LocatedString> statement;
};

struct Link {
  Location loc;
  LocatedString kind;  // privacy_policy | terms | dpa | security | subprocessors | other
  LocatedString url;
};

// The vocabularies of the v2 enumerations, in documentation order.
std::span<const std::string_view> RoleNames();
std::span<const std::string_view> RetentionPolicyNames();
// A data flow's `notice_basis` (GDPR Art. 14): provided | exempt_disproportionate |
// exempt_law | exempt_secrecy | already_informed.
std::span<const std::string_view> NoticeBasisNames();
std::span<const std::string_view> TransferMechanismNames();
std::span<const std::string_view> LinkKindNames();

// The groups entity, locations, retention, ai, contracts and storage are
// held out of line (model/group.h): read them with `->`, write with Mutable().
struct Provider {
  Location loc;  // start of the document
  uint32_t file = 0;
  LocatedString id;
  LocatedString name;
  KeyList formerly;  // previous names or ids
  Group<Entity> entity;
  std::optional<LocatedString> role;  // processor | sub_processor | controller | third_party
  Group<Locations> locations;
  Group<Retention> retention;
  Group<Ai> ai;
  Group<Contracts> contracts;
  List<Link> links;
  KeyList link_kinds;  // the links' kinds, in order (for rules); known with `links`
  KeyList contexts;
  KeyList purposes;
  std::optional<LocatedString> summary;
  std::optional<Located<Date>> last_reviewed;  // last compliance review
  std::optional<LocatedString> reviewed_by;
  List<DataFlow> data_flows;
  Group<Storage> storage;
  List<Exclusion> exclusions;
  List<Source> sources;
  std::optional<LocatedString> notes;

  // The first link of kind privacy_policy (v1's `privacy_policy` field), or nullptr.
  const Link* PrivacyPolicy() const;
};

struct Disclosure {
  Location loc;
  LocatedString id;
  LocatedString title;
  std::optional<LocatedString> edition;
  std::optional<LocatedString> source_document;
  std::optional<LocatedString> url;
  std::optional<LocatedString> notes;
};

struct OrganizationContext {
  Location loc;
  LocatedString key;  // taxonomy context key
  LocatedString name;
  std::optional<LocatedString> description;
};

// organization.yaml `settings`. Absent settings take their documented defaults.
struct OrganizationSettings {
  Location loc;
  KeyList student_data_countries;  // unknown when absent: rules give review
  KeyList countries_of_concern;    // default: DefaultCountriesOfConcern(), loc invalid
  Located<int64_t> max_waiver_days{365, {}};
};

struct Organization {
  uint32_t file = 0;
  Location loc;
  LocatedString name;
  std::vector<Disclosure> disclosures;
  std::vector<OrganizationContext> contexts;
  OrganizationSettings settings;
  std::optional<LocatedString> notes;
};

struct Registry {
  SourceFiles files;  // Location::file of every registry, waiver and baseline value indexes this
  Organization organization;
  Taxonomy taxonomy;
  std::vector<Provider> providers;  // sorted by id

  const Provider* FindProvider(std::string_view id) const;
  const std::string& FilePath(const Location& loc) const { return files.at(loc.file); }
  size_t FlowCount() const;
};

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_REGISTRY_H_
