#include "check/question_groups.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

namespace vendorlint {
namespace {

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
      g.question = SharedFieldQuestion(b.first);
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
