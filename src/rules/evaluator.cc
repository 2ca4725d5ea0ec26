#include "rules/evaluator.h"

#include <algorithm>

#include "util/parallel_for.h"
#include "rules/predicate_eval.h"

namespace vendorlint {
namespace {

bool Wanted(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

bool RuleWanted(const Rule& r, const EvalFilter& filter) {
  if (!Wanted(filter.rule_ids, r.id)) return false;
  if (filter.tags.empty()) return true;
  return std::any_of(r.tags.begin(), r.tags.end(),
                     [&](const std::string& t) { return Wanted(filter.tags, t); });
}

}  // namespace

std::string RenderMessage(const std::string& message_template, const Rule& rule,
                          const Provider& provider) {
  std::string out;
  size_t pos = 0;
  while (pos < message_template.size()) {
    size_t open = message_template.find('{', pos);
    size_t close = open == std::string::npos ? open : message_template.find('}', open);
    if (close == std::string::npos) break;
    out.append(message_template, pos, open - pos);
    std::string_view name(message_template.data() + open + 1, close - open - 1);
    if (name == "provider.id") {
      out += provider.id.value;
    } else if (name == "provider.name") {
      out += provider.name.value;
    } else if (name == "rule.id") {
      out += rule.id;
    } else if (name == "rule.title") {
      out += rule.title;
    } else {
      out.append(message_template, open, close - open + 1);  // the compiler rejects these
    }
    pos = close + 1;
  }
  if (pos < message_template.size()) out.append(message_template, pos);
  return out;
}

Tri EvaluatePredicate(const Predicate& predicate, const Provider& provider,
                      const Registry& registry, const EvalContext& ctx,
                      std::vector<Evidence>* evidence) {
  PredicateEvaluator pe(registry, ctx);
  Frame f;
  f.provider = &provider;
  Tri r = pe.Eval(predicate, f, evidence);
  if (evidence) DedupeEvidence(evidence);
  return r;
}

Finding Evaluate(const Rule& rule, const Provider& provider, const Registry& registry,
                 const EvalContext& ctx) {
  Finding out;
  out.rule_id = rule.id;
  out.provider_id = provider.id.value;
  out.severity = rule.severity;
  out.loc = provider.id.loc;
  out.message = rule.title;

  PredicateEvaluator pe(registry, ctx);
  Frame f;
  f.provider = &provider;
  Tri applies = rule.applies_to ? pe.Eval(*rule.applies_to, f, nullptr) : Tri::kTrue;
  if (applies == Tri::kFalse) {
    out.outcome = Outcome::kNotApplicable;
    return out;
  }
  Tri holds = pe.Eval(rule.require, f, nullptr);
  if (holds == Tri::kTrue) {
    out.outcome = Outcome::kPass;
    return out;
  }
  out.outcome = holds == Tri::kFalse && applies == Tri::kTrue ? Outcome::kFail : Outcome::kReview;
  const bool own_review_text = out.outcome == Outcome::kReview && !rule.review_message.empty();
  out.message =
      RenderMessage(own_review_text ? rule.review_message : rule.message, rule, provider);
  // Explain: the unknown facts of applies_to first (they are why a false
  // `require` is only a review), then what decided `require`.
  if (applies == Tri::kUnknown) pe.Eval(*rule.applies_to, f, &out.evidence);
  pe.Eval(rule.require, f, &out.evidence);
  DedupeEvidence(&out.evidence);
  if (!out.evidence.empty() && out.evidence.front().loc.valid()) out.loc = out.evidence.front().loc;
  return out;
}

std::vector<Finding> EvaluateAll(const RuleSet& rules, const Registry& registry,
                                 const EvalContext& ctx, const EvalFilter& filter) {
  std::vector<const Rule*> rs;
  for (const Rule& r : rules.rules)
    if (RuleWanted(r, filter)) rs.push_back(&r);
  std::vector<const Provider*> ps;
  for (const Provider& p : registry.providers)
    if (Wanted(filter.provider_ids, p.id.value)) ps.push_back(&p);
  std::sort(rs.begin(), rs.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
  std::sort(ps.begin(), ps.end(),
            [](const Provider* a, const Provider* b) { return a->id.value < b->id.value; });

  // Slot i belongs to (rule i / |ps|, provider i % |ps|): the order is fixed
  // before any thread runs.
  std::vector<Finding> out(rs.size() * ps.size());
  if (out.empty()) return out;
  ParallelFor(rs.size(), ctx.threads, [&](size_t i) {
    for (size_t j = 0; j < ps.size(); ++j)
      out[i * ps.size() + j] = Evaluate(*rs[i], *ps[j], registry, ctx);
  });
  return out;
}

}  // namespace vendorlint
