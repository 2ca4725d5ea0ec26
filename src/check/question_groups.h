// Say it once, for people: the questions (check/questions.h) that ask the same
// thing of several providers -- "How long does X keep the data?" for twenty
// providers, "Does `user` in X's data_flows[0] include student?" for ten
// flows -- grouped into one question with the providers listed. The text,
// Markdown and HTML reports print the groups; JSON and SARIF keep every
// question (each fact has its own place to answer it).
#ifndef VENDORLINT_CHECK_QUESTION_GROUPS_H_
#define VENDORLINT_CHECK_QUESTION_GROUPS_H_

#include <functional>
#include <string>
#include <vector>

#include "check/questions.h"

namespace vendorlint {

struct QuestionGroup {
  // The members' question when there is one member; otherwise the question
  // they share: "How long do these providers keep the data?".
  std::string question;
  std::vector<size_t> members;  // indices into the questions, by provider id, then path
  std::vector<size_t> blocks;   // the review findings any member blocks, ascending
};

// Groups questions about the same unstated field of different providers, and
// broad-key questions about the same key and field, when at least two share
// one; a taxonomy attribute or an organisation setting is one fact already
// and stays alone. Ordered by how many findings each group blocks (most
// first), then by its first member's rank. Deterministic.
std::vector<QuestionGroup> GroupQuestions(const std::vector<Question>& questions);

// The same for `count` questions made one at a time by `at` (a QuestionTable
// of a large registry is never held as Question values). Calls `at` once per
// question, in order.
std::vector<QuestionGroup> GroupQuestions(size_t count,
                                          const std::function<Question(size_t)>& at);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_QUESTION_GROUPS_H_
