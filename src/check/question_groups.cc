#include "check/question_groups.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

namespace vendorlint {
namespace {

// The shared question of a group about one unstated field; the per-provider
// wording is in questions.cc.
struct PluralQuestion {
  std::string_view field;
  std::string_view text;
};
constexpr PluralQuestion kPluralQuestions[] = {
    {"storage.encrypted_at_rest", "Do these providers encrypt stored data at rest?"},
    {"storage.stores_data", "Do these providers store personal data?"},
    {"storage.passwords_hashed", "Do these providers store passwords only as one-way hashes?"},
    {"storage.location", "Where do these providers store data?"},
    {"storage.hosted_on", "Which provider hosts each of these?"},
    {"purposes", "What do these providers use the data for (their purposes)?"},
    {"contexts", "Where are these providers used (their contexts)?"},
    {"data_flows", "What data do these providers receive or send (their data flows)?"},
    {"exclusions", "What does the disclosure rule out for these providers (their exclusions)?"},
    {"sources", "Where do these providers' facts come from (their sources)?"},
    {"privacy_policy", "Where are these providers' privacy policies?"},
    {"last_reviewed", "When were these providers last reviewed?"},
    {"subjects", "Whom is the data in these flows about?"},
    {"categories", "What data do these flows carry?"},
    {"notice_basis", "How are the people in these flows told about the data (notice_basis)?"},
    {"entity.country", "In which country is each of these providers based?"},
    {"role",
     "Is each of these providers a processor, a sub-processor, a controller or a third party?"},
    {"locations.processing", "Where do these providers process data?"},
    {"locations.storage", "Where do these providers store data?"},
    {"retention.policy", "How long do these providers keep the data?"},
    {"retention.days", "For how many days do these providers keep the data?"},
    {"ai.trains_models", "Do these providers use the data to train or improve AI models?"},
    {"ai.generative", "Are these providers generative-AI services?"},
    {"contracts.dpa.signed", "Have these providers signed a data processing agreement?"},
};

// "a, b or c"; past `max` keys, the first ones and how many more.
std::string KeyList(const std::set<std::string>& keys, size_t max) {
  std::string out;
  size_t i = 0;
  for (const auto& k : keys) {
    if (i == max && keys.size() > max + 1) {
      return fmt::format("{} or {} more kinds the rules ask about", out, keys.size() - max);
    }
    out += (i == 0 ? "" : i + 1 == keys.size() ? " or " : ", ") + k;
    ++i;
  }
  return out;
}

std::string UnstatedText(const Question& q) {
  if (q.path.starts_with("exclusions[")) {
    if (q.field == "categories") return "What data do these exclusions rule out?";
    if (q.field == "subjects") return "Whose data do these exclusions rule out?";
  }
  for (const auto& p : kPluralQuestions)
    if (p.field == q.field) return std::string(p.text);
  return fmt::format("What is `{}` for each of these providers?", q.field);
}

std::string BroaderText(const Question& q, const std::set<std::string>& narrower) {
  const std::string keys = KeyList(narrower, 4);
  if (q.field.starts_with("locations.") || q.field == "entity.country")
    return fmt::format("Does `{}` include {} for these providers?", q.value, keys);
  switch (q.taxonomy_kind) {
    case TaxonomyKind::kSubject:
      return fmt::format("Does `{}` in these flows include {}?", q.value, keys);
    case TaxonomyKind::kPurpose:
      return fmt::format("Are these providers used for {}, or only for other kinds of {}?", keys,
                         q.value);
    case TaxonomyKind::kContext:
      return fmt::format("Are these providers used in {}, or only in other kinds of {}?", keys,
                         q.value);
    case TaxonomyKind::kCategory:
      break;
  }
  return fmt::format("Do these flows carry {}, or only other kinds of {}?", keys, q.value);
}

// What makes two questions the same question about different providers;
// "" for one that stays alone.
std::string GroupKey(const Question& q) {
  if (q.provider_id.empty()) return "";
  switch (q.kind) {
    case UnknownKind::kUnstated:
      // A flow's categories and an exclusion's are different questions.
      return fmt::format("unstated\n{}\n{}", q.path.substr(0, q.path.find('[')), q.field);
    case UnknownKind::kBroaderKey:
      return fmt::format("broader\n{}\n{}\n{}", q.field, static_cast<int>(q.taxonomy_kind),
                         q.value);
    case UnknownKind::kAttribute:
    case UnknownKind::kNone:
      break;
  }
  return "";
}

}  // namespace

std::vector<QuestionGroup> GroupQuestions(size_t count,
                                          const std::function<Question(size_t)>& at) {
  struct Building {
    QuestionGroup group;
    Question first;  // the first member in the questions' order
    std::set<std::string> narrower;
    std::vector<std::string> sort_keys;  // per member: provider id, then path
  };
  std::vector<Building> groups;
  std::map<std::string, size_t> by_key;
  for (size_t i = 0; i < count; ++i) {
    Question q = at(i);
    std::string key = GroupKey(q);
    size_t g = groups.size();
    if (!key.empty()) g = by_key.try_emplace(key, g).first->second;
    if (g == groups.size()) {
      groups.emplace_back();
      groups.back().first = q;
    }
    Building& b = groups[g];
    b.group.members.push_back(i);
    b.group.blocks.insert(b.group.blocks.end(), q.blocks.begin(), q.blocks.end());
    b.narrower.insert(q.narrower.begin(), q.narrower.end());
    b.sort_keys.push_back(q.provider_id + '\0' + q.path);
  }
  std::vector<QuestionGroup> out;
  out.reserve(groups.size());
  for (Building& b : groups) {
    QuestionGroup& g = b.group;
    // A reader scans the providers of a group by name.
    std::vector<size_t> order(g.members.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return b.sort_keys[x] < b.sort_keys[y]; });
    std::vector<size_t> members;
    members.reserve(order.size());
    for (size_t k : order) members.push_back(g.members[k]);
    g.members = std::move(members);
    std::sort(g.blocks.begin(), g.blocks.end());
    g.blocks.erase(std::unique(g.blocks.begin(), g.blocks.end()), g.blocks.end());
    if (g.members.size() == 1) {
      g.question = b.first.question;
    } else if (b.first.kind == UnknownKind::kBroaderKey) {
      g.question = BroaderText(b.first, b.narrower);
    } else {
      g.question = UnstatedText(b.first);
    }
    out.push_back(std::move(g));
  }
  // Groups were made in the questions' order, so ties keep it.
  std::stable_sort(out.begin(), out.end(), [](const QuestionGroup& a, const QuestionGroup& b) {
    return a.blocks.size() > b.blocks.size();
  });
  return out;
}

std::vector<QuestionGroup> GroupQuestions(const std::vector<Question>& questions) {
  return GroupQuestions(questions.size(), [&](size_t i) { return questions[i]; });
}

}  // namespace vendorlint
