#include "rules/evaluator.h"

#include <algorithm>

#include "util/escape.h"

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
  // Pieces are appended while the text is within the cap (plus room for one
  // code point to cut at); beyond it only the size is counted, for the marker.
  std::string out;
  size_t total = 0;
  auto append = [&](std::string_view piece) {
    total += piece.size();
    if (out.size() < kMaxMessageBytes + 4)
      out.append(piece.substr(0, kMaxMessageBytes + 4 - out.size()));
  };
  std::string_view tmpl = message_template;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find('{', pos);
    size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    append(tmpl.substr(pos, open - pos));
    std::string_view name = tmpl.substr(open + 1, close - open - 1);
    if (name == "provider.id") {
      append(provider.id.value);
    } else if (name == "provider.name") {
      append(provider.name.value);
    } else if (name == "rule.id") {
      append(rule.id);
    } else if (name == "rule.title") {
      append(rule.title);
    } else {
      append(tmpl.substr(open, close - open + 1));  // the compiler rejects these
    }
    pos = close + 1;
  }
  if (pos < tmpl.size()) append(tmpl.substr(pos));
  return TruncateUtf8(out, kMaxMessageBytes, total);
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

namespace {

// A fail or review finding's message and evidence (Evaluate's second half).
void Explain(const Rule& rule, const Provider& provider, PredicateEvaluator& pe, const Frame& f,
             bool applies_unknown, Finding* out) {
  const bool own_review_text = out->outcome == Outcome::kReview && !rule.review_message.empty();
  out->message =
      RenderMessage(own_review_text ? rule.review_message : rule.message, rule, provider);
  // Explain: the unknown facts of applies_to first (they are why a false
  // `require` is only a review), then what decided `require`.
  if (applies_unknown) pe.Eval(*rule.applies_to, f, &out->evidence);
  pe.Eval(rule.require, f, &out->evidence);
  DedupeEvidence(&out->evidence);
  if (!out->evidence.empty() && out->evidence.front().loc.valid())
    out->loc = out->evidence.front().loc;
}

Finding Start(const Rule& rule, const Provider& provider) {
  Finding out;
  out.rule_id = rule.id;
  out.provider_id = provider.id.value;
  out.severity = rule.severity;
  out.loc = provider.id.loc;
  out.message = rule.title;
  return out;
}

}  // namespace

Finding Evaluate(const Rule& rule, const Provider& provider, const Registry& registry,
                 const EvalContext& ctx) {
  Finding out = Start(rule, provider);
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
  Explain(rule, provider, pe, f, applies == Tri::kUnknown, &out);
  return out;
}

Outcome EvaluateOutcome(const Rule& rule, const Provider& provider, const Registry& registry,
                        const EvalContext& ctx) {
  PredicateEvaluator pe(registry, ctx);
  Frame f;
  f.provider = &provider;
  Tri applies = rule.applies_to ? pe.Eval(*rule.applies_to, f, nullptr) : Tri::kTrue;
  if (applies == Tri::kFalse) return Outcome::kNotApplicable;
  Tri holds = pe.Eval(rule.require, f, nullptr);
  if (holds == Tri::kTrue) return Outcome::kPass;
  return holds == Tri::kFalse && applies == Tri::kTrue ? Outcome::kFail : Outcome::kReview;
}

Finding EvaluateKnown(const Rule& rule, const Provider& provider, const Registry& registry,
                      const EvalContext& ctx, Outcome outcome) {
  if (outcome != Outcome::kFail && outcome != Outcome::kReview)
    return Evaluate(rule, provider, registry, ctx);
  Finding out = Start(rule, provider);
  out.outcome = outcome;
  PredicateEvaluator pe(registry, ctx);
  Frame f;
  f.provider = &provider;
  // A fail needs applies_to true; only a review can have it unknown.
  const bool applies_unknown = outcome == Outcome::kReview && rule.applies_to &&
                               pe.Eval(*rule.applies_to, f, nullptr) == Tri::kUnknown;
  Explain(rule, provider, pe, f, applies_unknown, &out);
  return out;
}

PairSelection SelectPairs(const RuleSet& rules, const Registry& registry,
                          const EvalFilter& filter) {
  PairSelection sel;
  for (const Rule& r : rules.rules)
    if (RuleWanted(r, filter)) sel.rules.push_back(&r);
  for (const Provider& p : registry.providers)
    if (Wanted(filter.provider_ids, p.id.value)) sel.providers.push_back(&p);
  std::sort(sel.rules.begin(), sel.rules.end(),
            [](const Rule* a, const Rule* b) { return a->id < b->id; });
  std::sort(sel.providers.begin(), sel.providers.end(),
            [](const Provider* a, const Provider* b) { return a->id.value < b->id.value; });
  return sel;
}

std::vector<Finding> EvaluateAll(const RuleSet& rules, const Registry& registry,
                                 const EvalContext& ctx, const EvalFilter& filter) {
  const PairSelection sel = SelectPairs(rules, registry, filter);
  const auto& rs = sel.rules;
  const auto& ps = sel.providers;
  // Slot i belongs to (rule i / |ps|, provider i % |ps|): the order is fixed
  // before any thread runs.
  std::vector<Finding> out(sel.size());
  if (out.empty()) return out;
  ParallelFor(rs.size(), ctx.threads, [&](size_t i) {
    for (size_t j = 0; j < ps.size(); ++j)
      out[i * ps.size() + j] = Evaluate(*rs[i], *ps[j], registry, ctx);
  });
  return out;
}

}  // namespace vendorlint
