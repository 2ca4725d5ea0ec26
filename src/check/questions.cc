#include "check/questions.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

namespace vendorlint {
namespace {

// One question template per field of the rule language; `{name}` is the
// provider's name, `{record}` the flow (or other record) the field belongs to.
// `plural` is the question a group of the same unknown field of several
// providers shares (check/question_groups.h). Entries for one kind of record
// (`record`: an exclusion rules data out, it carries none) come before the
// field's general entry.
struct FieldQuestion {
  std::string_view record;  // "" for any, else the path's record list: "exclusions"
  std::string_view field;
  std::string_view text;
  std::string_view plural;
};
constexpr FieldQuestion kFieldQuestions[] = {
    {"exclusions", "categories", "What data does {name}'s {record} rule out?",
     "What data do these exclusions rule out?"},
    {"exclusions", "subjects", "Whose data does {name}'s {record} rule out?",
     "Whose data do these exclusions rule out?"},
    {"", "storage.encrypted_at_rest", "Does {name} encrypt stored data at rest?",
     "Do these providers encrypt stored data at rest?"},
    {"", "storage.stores_data", "Does {name} store personal data?",
     "Do these providers store personal data?"},
    {"", "storage.passwords_hashed", "Does {name} store passwords only as one-way hashes?",
     "Do these providers store passwords only as one-way hashes?"},
    {"", "storage.location", "Where does {name} store data?",
     "Where do these providers store data?"},
    {"", "storage.hosted_on", "Which provider hosts {name}?", "Which provider hosts each of these?"},
    {"", "purposes", "What does {name} use the data for (its purposes)?",
     "What do these providers use the data for (their purposes)?"},
    {"", "contexts", "Where is {name} used (its contexts)?",
     "Where are these providers used (their contexts)?"},
    {"", "data_flows", "What data does {name} receive or send (its data flows)?",
     "What data do these providers receive or send (their data flows)?"},
    {"", "exclusions", "What does the disclosure rule out for {name} (its exclusions)?",
     "What does the disclosure rule out for these providers (their exclusions)?"},
    {"", "sources", "Where do {name}'s facts come from (its sources)?",
     "Where do these providers' facts come from (their sources)?"},
    {"", "privacy_policy", "Where is {name}'s privacy policy?",
     "Where are these providers' privacy policies?"},
    {"", "last_reviewed", "When was {name} last reviewed?",
     "When were these providers last reviewed?"},
    {"", "subjects", "Whom is the data in {name}'s {record} about?",
     "Whom is the data in these flows about?"},
    {"", "categories", "What data does {name}'s {record} carry?", "What data do these flows carry?"},
    {"", "notice_basis",
     "How are the people in {name}'s {record} told about the data (its notice_basis, GDPR Art. "
     "14)?",
     "How are the people in these flows told about the data (notice_basis)?"},
    {"", "entity.country", "In which country is {name} based?",
     "In which country is each of these providers based?"},
    {"", "role", "Is {name} a processor, a sub-processor, a controller or a third party (its role)?",
     "Is each of these providers a processor, a sub-processor, a controller or a third party?"},
    {"", "locations.processing", "Where does {name} process data?",
     "Where do these providers process data?"},
    {"", "locations.storage", "Where does {name} store data?",
     "Where do these providers store data?"},
    {"", "retention.policy", "How long does {name} keep the data?",
     "How long do these providers keep the data?"},
    {"", "retention.days", "For how many days does {name} keep the data?",
     "For how many days do these providers keep the data?"},
    {"", "ai.trains_models", "Does {name} use the data to train or improve AI models?",
     "Do these providers use the data to train or improve AI models?"},
    {"", "ai.generative", "Is {name} a generative-AI service?",
     "Are these providers generative-AI services?"},
    {"", "contracts.dpa.signed", "Has {name} signed a data processing agreement?",
     "Have these providers signed a data processing agreement?"},
    // The organisation's own facts: one each, never grouped.
    {"", "organization.settings.student_data_countries",
     "To which countries may student data go (settings.student_data_countries)?", ""},
    {"", "organization.settings.countries_of_concern",
     "Which countries are of concern (settings.countries_of_concern)?", ""},
};

// The entry for `field` at `path`, or nullptr.
const FieldQuestion* FindFieldQuestion(std::string_view field, std::string_view path) {
  for (const auto& q : kFieldQuestions) {
    if (q.field != field) continue;
    const bool in_record =
        path.starts_with(q.record) && path.substr(q.record.size()).starts_with("[");
    if (!q.record.empty() && !in_record) continue;
    return &q;
  }
  return nullptr;
}

// One template per taxonomy attribute; `{key}` is the taxonomy entry.
struct AttributeQuestion {
  std::string_view attribute;
  std::string_view text;
};
constexpr AttributeQuestion kAttributeQuestions[] = {
    {"minor", "Is a {key} a minor?"},
    {"user", "Is a {key} a user of the service?"},
    {"personal", "Is {key} personal data?"},
    {"integral_to_service", "Is the purpose {key} integral to the service?"},
    {"student_facing", "Is the context {key} student-facing?"},
    {"logged_in", "Is the context {key} behind a login?"},
};

std::string Fill(std::string_view text, std::string_view name, std::string_view value) {
  std::string out(text);
  for (std::string_view ph : {std::string_view("{name}"), std::string_view("{record}"),
                              std::string_view("{key}")}) {
    size_t at = out.find(ph);
    if (at == std::string::npos) continue;
    out.replace(at, ph.size(), ph == "{name}" ? name : value);
  }
  return out;
}

// `data_flows[2]` of `data_flows[2].subjects`, or "" for a provider's own
// field (`purposes[1]` is an item of a provider field, not a record).
std::string RecordOf(std::string_view path) {
  size_t close = path.find(']');
  bool record = path.starts_with("data_flows[") || path.starts_with("exclusions[") ||
                path.starts_with("sources[");
  return !record || close == std::string_view::npos ? "" : std::string(path.substr(0, close + 1));
}

std::string FieldText(const UnknownFact& u, std::string_view name) {
  if (const FieldQuestion* q = FindFieldQuestion(u.field, u.path))
    return Fill(q->text, name, RecordOf(u.path));
  return fmt::format("What is {}'s {}?", name, u.path);
}

std::string AttributeText(const UnknownFact& u) {
  for (const auto& q : kAttributeQuestions)
    if (q.attribute == u.detail) return Fill(q.text, "", u.value);
  return fmt::format("Is {} {}?", u.value, u.detail);
}

// A broad key: one question per registry item, naming every narrower key a
// rule asked about.
std::string BroaderText(const UnknownFact& u, std::string_view name,
                        const std::set<std::string>& narrower) {
  std::string keys;
  size_t i = 0;
  for (const auto& k : narrower) {
    keys += (i == 0 ? "" : i + 1 == narrower.size() ? " or " : ", ") + k;
    ++i;
  }
  std::string record = RecordOf(u.path);
  std::string where = record.empty() ? std::string(name) : fmt::format("{}'s {}", name, record);
  // Places: a region (`global`, `EU`) may or may not cover a country.
  if (u.field.starts_with("locations.") || u.field == "entity.country")
    return fmt::format("Does {}'s {} `{}` include {}?", name, u.path, u.value, keys);
  switch (u.taxonomy_kind) {
    case TaxonomyKind::kSubject:
      // A subject that includes others (`user` includes student, parent, ...).
      return fmt::format("Does `{}` in {} include {}?", u.value, where, keys);
    case TaxonomyKind::kPurpose:
      return fmt::format("Is {} used for {}, or only for other kinds of {}?", where, keys,
                         u.value);
    case TaxonomyKind::kContext:
      return fmt::format("Is {} used in {}, or only in other kinds of {}?", where, keys, u.value);
    case TaxonomyKind::kCategory:
      break;
  }
  return fmt::format("Does {} include {}, or only other kinds of {}?", where, keys, u.value);
}


}  // namespace

QuestionBuilder::QuestionBuilder(const Registry& registry) { table_.registry_ = &registry; }

uint32_t QuestionBuilder::Intern(const std::string& s) {
  auto [it, fresh] = interned_.try_emplace(s, static_cast<uint32_t>(table_.strings_.size()));
  if (fresh) table_.strings_.push_back(s);
  return it->second;
}

void QuestionBuilder::Add(size_t i, const Finding& f) {
  if (f.outcome != Outcome::kReview) return;
  for (const Evidence& e : f.evidence) {
    const UnknownFact& u = e.unknown;
    if (u.kind == UnknownKind::kNone) continue;
    // The fact's identity, as its name (FactName) says it.
    const uint32_t next = static_cast<uint32_t>(table_.facts_.size());
    uint32_t id = next;
    if (u.kind == UnknownKind::kAttribute) {
      id = attribute_fact_
               .try_emplace({static_cast<uint32_t>(u.taxonomy_kind), Intern(u.value),
                             Intern(u.detail)},
                            next)
               .first->second;
    } else {
      auto& facts = provider_fact_[Intern(u.provider_id)];
      const uint32_t path = Intern(u.path);
      auto it = std::find_if(facts.begin(), facts.end(),
                             [&](const auto& pf) { return pf.first == path; });
      if (it == facts.end()) {
        facts.emplace_back(path, next);
      } else {
        id = it->second;
      }
    }
    const bool fresh = id == next;
    if (fresh) {
      QuestionTable::Fact fact;
      fact.provider = Intern(u.provider_id);
      fact.field = Intern(u.field);
      fact.path = Intern(u.path);
      fact.value = Intern(u.value);
      fact.detail = Intern(u.detail);
      fact.kind = u.kind;
      fact.taxonomy_kind = u.taxonomy_kind;
      fact.loc = e.loc;
      if (u.kind == UnknownKind::kAttribute) {
        if (const TaxonomyEntry* t = table_.registry_->taxonomy.Find(u.taxonomy_kind, u.value))
          fact.loc = t->loc;
      }
      table_.facts_.push_back(fact);
    }
    if (u.kind == UnknownKind::kBroaderKey) {
      QuestionTable::Fact& fact = table_.facts_[id];
      if (fact.narrower == UINT32_MAX) {
        fact.narrower = static_cast<uint32_t>(table_.narrower_.size());
        table_.narrower_.emplace_back();
      }
      auto& narrower = table_.narrower_[fact.narrower];
      for (size_t at = 0; at <= u.detail.size();) {
        size_t comma = std::min(u.detail.find(", ", at), u.detail.size());
        const uint32_t key = Intern(u.detail.substr(at, comma - at));
        if (std::find(narrower.begin(), narrower.end(), key) == narrower.end())
          narrower.push_back(key);
        at = comma + 2;
      }
    }
    QuestionTable::Fact& fact = table_.facts_[id];
    if (fact.blocks_end != i + 1) {
      fact.blocks_end = static_cast<uint32_t>(i + 1);
      blocks_.emplace_back(id, static_cast<uint32_t>(i));
    }
  }
}

QuestionTable QuestionBuilder::Finish() {
  QuestionTable& t = table_;
  provider_fact_ = {};
  attribute_fact_ = {};
  interned_ = {};
  // Each fact's blocks, contiguous and ascending (they were added in order).
  std::vector<uint32_t> count(t.facts_.size() + 1, 0);
  for (const auto& [fact, finding] : blocks_) ++count[fact + 1];
  for (size_t k = 1; k < count.size(); ++k) count[k] += count[k - 1];
  for (size_t k = 0; k < t.facts_.size(); ++k) {
    t.facts_[k].blocks_begin = count[k];
    t.facts_[k].blocks_end = count[k];
  }
  t.blocks_.assign(blocks_.size(), 0);
  std::vector<uint32_t> findings;
  findings.reserve(blocks_.size());
  for (const auto& [fact, finding] : blocks_) {
    t.blocks_[t.facts_[fact].blocks_end++] = finding;
    findings.push_back(finding);
  }
  blocks_ = {};
  std::sort(findings.begin(), findings.end());
  t.reviews_blocked_ =
      static_cast<size_t>(std::unique(findings.begin(), findings.end()) - findings.begin());
  // Most blocking first, then by fact name (bytewise). The names are made
  // once, into one buffer (not a string each), for the sort only.
  std::string names;
  std::vector<uint32_t> name_end(t.facts_.size());
  size_t total = 0;
  for (const auto& f : t.facts_) {
    std::string_view pieces[6];
    const size_t n = t.FactPieces(f, pieces);
    for (size_t p = 0; p < n; ++p) total += pieces[p].size();
  }
  names.reserve(total);
  for (size_t k = 0; k < t.facts_.size(); ++k) {
    std::string_view pieces[6];
    const size_t n = t.FactPieces(t.facts_[k], pieces);
    for (size_t p = 0; p < n; ++p) names += pieces[p];
    name_end[k] = static_cast<uint32_t>(names.size());
  }
  auto name = [&](uint32_t k) {
    const uint32_t begin = k == 0 ? 0 : name_end[k - 1];
    return std::string_view(names).substr(begin, name_end[k] - begin);
  };
  std::vector<uint32_t> count_of(t.facts_.size());
  for (size_t k = 0; k < t.facts_.size(); ++k)
    count_of[k] = t.facts_[k].blocks_end - t.facts_[k].blocks_begin;
  t.order_.resize(t.facts_.size());
  for (size_t k = 0; k < t.order_.size(); ++k) t.order_[k] = static_cast<uint32_t>(k);
  std::sort(t.order_.begin(), t.order_.end(), [&](uint32_t a, uint32_t b) {
    if (count_of[a] != count_of[b]) return count_of[a] > count_of[b];
    return name(a) < name(b);
  });
  return std::move(table_);
}

size_t QuestionTable::FactPieces(const Fact& f, std::string_view* p) const {
  if (f.kind == UnknownKind::kAttribute) {
    p[0] = "taxonomy: ";
    p[1] = TaxonomyKindNoun(f.taxonomy_kind);
    p[2] = " ";
    p[3] = strings_[f.value];
    p[4] = ": ";
    p[5] = strings_[f.detail];
    return 6;
  }
  if (strings_[f.provider].empty()) {
    p[0] = strings_[f.path];
    return 1;
  }
  p[0] = strings_[f.provider];
  p[1] = ": ";
  p[2] = strings_[f.path];
  return 3;
}

std::string QuestionTable::FactName(const Fact& f) const {
  std::string_view pieces[6];
  const size_t n = FactPieces(f, pieces);
  std::string out;
  for (size_t p = 0; p < n; ++p) out += pieces[p];
  return out;
}

UnknownFact QuestionTable::Unknown(const Fact& f) const {
  UnknownFact u;
  u.kind = f.kind;
  u.provider_id = strings_[f.provider];
  u.field = strings_[f.field];
  u.path = strings_[f.path];
  u.value = strings_[f.value];
  u.detail = strings_[f.detail];
  u.taxonomy_kind = f.taxonomy_kind;
  return u;
}

Question QuestionTable::At(size_t i) const {
  const Fact& f = facts_[order_[i]];
  Question q;
  q.fact = FactName(f);
  q.loc = f.loc;
  q.blocks.assign(blocks_.begin() + f.blocks_begin, blocks_.begin() + f.blocks_end);
  const UnknownFact u = Unknown(f);
  q.kind = u.kind;
  // A taxonomy attribute is the taxonomy's fact, whoever's flow asked.
  q.provider_id = u.kind == UnknownKind::kAttribute ? "" : u.provider_id;
  q.field = u.field;
  q.path = u.path;
  q.value = u.value;
  q.taxonomy_kind = u.taxonomy_kind;
  const Provider* prov = registry_->FindProvider(u.provider_id);
  std::string name = prov ? prov->name.value : u.provider_id;
  switch (u.kind) {
    case UnknownKind::kAttribute:
      q.question = AttributeText(u);
      break;
    case UnknownKind::kBroaderKey: {
      std::set<std::string> narrower;
      for (uint32_t k : narrower_[f.narrower]) narrower.insert(strings_[k]);
      q.question = BroaderText(u, name, narrower);
      q.narrower.assign(narrower.begin(), narrower.end());
      break;
    }
    case UnknownKind::kUnstated:
    case UnknownKind::kNone:
      q.question = FieldText(u, name);
      break;
  }
  return q;
}

std::vector<Question> QuestionTable::All() const {
  std::vector<Question> out;
  out.reserve(size());
  for (size_t i = 0; i < size(); ++i) out.push_back(At(i));
  return out;
}

std::vector<Question> BuildQuestions(const Registry& registry,
                                     const std::vector<Finding>& findings) {
  QuestionBuilder b(registry);
  for (size_t i = 0; i < findings.size(); ++i) b.Add(i, findings[i]);
  return b.Finish().All();
}
void UnstatedFailGrouper::Add(size_t i, const Finding& f) {
  if (f.outcome != Outcome::kFail || f.evidence.size() != 1) return;
  const UnknownFact& u = f.evidence[0].unknown;
  if (u.kind != UnknownKind::kUnstated || u.provider_id != f.provider_id) return;
  groups_[{f.rule_id, u.path}].push_back(i);
}

std::vector<UnstatedFailGroup> UnstatedFailGrouper::Finish() {
  std::vector<UnstatedFailGroup> out;
  for (auto& [key, idx] : groups_) {
    if (idx.size() < 2) continue;
    out.push_back({key.first, key.second, std::move(idx)});
  }
  groups_.clear();
  return out;
}

std::vector<UnstatedFailGroup> GroupUnstatedFails(const std::vector<Finding>& findings) {
  UnstatedFailGrouper g;
  for (size_t i = 0; i < findings.size(); ++i) g.Add(i, findings[i]);
  return g.Finish();
}

std::string SharedFieldQuestion(const Question& q) {
  const FieldQuestion* f = FindFieldQuestion(q.field, q.path);
  if (f != nullptr && !f->plural.empty()) return std::string(f->plural);
  return fmt::format("What is `{}` for each of these providers?", q.field);
}

size_t ReviewsWithQuestions(const std::vector<Question>& questions) {
  std::set<size_t> all;
  for (const auto& q : questions) all.insert(q.blocks.begin(), q.blocks.end());
  return all.size();
}

}  // namespace vendorlint
