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
struct FieldQuestion {
  std::string_view field;
  std::string_view text;
};
constexpr FieldQuestion kFieldQuestions[] = {
    {"storage.encrypted_at_rest", "Does {name} encrypt stored data at rest?"},
    {"storage.stores_data", "Does {name} store personal data?"},
    {"storage.passwords_hashed", "Does {name} store passwords only as one-way hashes?"},
    {"storage.location", "Where does {name} store data?"},
    {"storage.hosted_on", "Which provider hosts {name}?"},
    {"purposes", "What does {name} use the data for (its purposes)?"},
    {"contexts", "Where is {name} used (its contexts)?"},
    {"data_flows", "What data does {name} receive or send (its data flows)?"},
    {"exclusions", "What does the disclosure rule out for {name} (its exclusions)?"},
    {"sources", "Where do {name}'s facts come from (its sources)?"},
    {"privacy_policy", "Where is {name}'s privacy policy?"},
    {"last_reviewed", "When was {name} last reviewed?"},
    {"subjects", "Whom is the data in {name}'s {record} about?"},
    {"categories", "What data does {name}'s {record} carry?"},
    {"entity.country", "In which country is {name} based?"},
    {"role", "Is {name} a processor, a sub-processor, a controller or a third party (its role)?"},
    {"locations.processing", "Where does {name} process data?"},
    {"locations.storage", "Where does {name} store data?"},
    {"retention.policy", "How long does {name} keep the data?"},
    {"retention.days", "For how many days does {name} keep the data?"},
    {"ai.trains_models", "Does {name} use the data to train or improve AI models?"},
    {"ai.generative", "Is {name} a generative-AI service?"},
    {"contracts.dpa.signed", "Has {name} signed a data processing agreement?"},
    {"organization.settings.student_data_countries",
     "To which countries may student data go (settings.student_data_countries)?"},
    {"organization.settings.countries_of_concern",
     "Which countries are of concern (settings.countries_of_concern)?"},
};

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
  for (const auto& q : kFieldQuestions)
    if (q.field == u.field) return Fill(q.text, name, RecordOf(u.path));
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

struct Pending {
  Question q;
  UnknownFact first;
  std::set<std::string> narrower;
};

}  // namespace

struct QuestionBuilder::State {
  std::map<std::string, Pending> by_fact;
};

QuestionBuilder::QuestionBuilder(const Registry& registry)
    : registry_(registry), state_(new State) {}
QuestionBuilder::~QuestionBuilder() { delete state_; }

void QuestionBuilder::Add(size_t i, const Finding& f) {
  if (f.outcome != Outcome::kReview) return;
  auto& by_fact = state_->by_fact;
  for (const Evidence& e : f.evidence) {
    const UnknownFact& u = e.unknown;
    if (u.kind == UnknownKind::kNone) continue;
    std::string fact;
    Location loc = e.loc;
    if (u.kind == UnknownKind::kAttribute) {
      fact = fmt::format("taxonomy: {} {}: {}", TaxonomyKindNoun(u.taxonomy_kind), u.value,
                         u.detail);
      if (const TaxonomyEntry* t = registry_.taxonomy.Find(u.taxonomy_kind, u.value))
        loc = t->loc;
    } else {
      fact = u.provider_id.empty() ? u.path : fmt::format("{}: {}", u.provider_id, u.path);
    }
    auto [it, fresh] = by_fact.try_emplace(fact);
    Pending& p = it->second;
    if (fresh) {
      p.q.fact = fact;
      p.q.loc = loc;
      p.first = u;
    }
    if (u.kind == UnknownKind::kBroaderKey) {
      for (size_t at = 0; at <= u.detail.size();) {
        size_t comma = std::min(u.detail.find(", ", at), u.detail.size());
        p.narrower.insert(u.detail.substr(at, comma - at));
        at = comma + 2;
      }
    }
    if (p.q.blocks.empty() || p.q.blocks.back() != i) p.q.blocks.push_back(i);
  }
}

std::vector<Question> QuestionBuilder::Finish() {
  std::vector<Question> out;
  for (auto& [fact, p] : state_->by_fact) {
    const Provider* prov = registry_.FindProvider(p.first.provider_id);
    std::string name = prov ? prov->name.value : p.first.provider_id;
    switch (p.first.kind) {
      case UnknownKind::kAttribute:
        p.q.question = AttributeText(p.first);
        break;
      case UnknownKind::kBroaderKey:
        p.q.question = BroaderText(p.first, name, p.narrower);
        break;
      case UnknownKind::kUnstated:
      case UnknownKind::kNone:
        p.q.question = FieldText(p.first, name);
        break;
    }
    out.push_back(std::move(p.q));
  }
  state_->by_fact.clear();
  std::stable_sort(out.begin(), out.end(), [](const Question& a, const Question& b) {
    return a.blocks.size() > b.blocks.size();
  });
  return out;
}

std::vector<Question> BuildQuestions(const Registry& registry,
                                     const std::vector<Finding>& findings) {
  QuestionBuilder b(registry);
  for (size_t i = 0; i < findings.size(); ++i) b.Add(i, findings[i]);
  return b.Finish();
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

size_t ReviewsWithQuestions(const std::vector<Question>& questions) {
  std::set<size_t> all;
  for (const auto& q : questions) all.insert(q.blocks.begin(), q.blocks.end());
  return all.size();
}

}  // namespace vendorlint
