#include "check/finding_table.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "check/fingerprint.h"
#include "util/ordered_pipeline.h"
#include "util/parallel_for.h"

namespace vendorlint {
namespace {

// Findings per unit of parallel work when a writer asks for them; pairs per
// unit in Build (about a third become findings); and how many units each
// thread may run ahead of the one being handed on: those units' findings are
// all that exist at once (a few MB whatever the registry size).
constexpr size_t kChunk = 64;
constexpr size_t kBuildChunk = 256;
constexpr size_t kChunksAhead = 4;

bool InBaseline(Outcome o) {
  return o == Outcome::kFail || o == Outcome::kReview || o == Outcome::kWaived;
}

// Cuts [0, n) into ranges holding at most kChunk indices whose outcome (per
// `outcome_of`) is in `which`: range c is [starts[c], starts[c + 1]). One
// scan of the outcomes; the indices themselves are picked again by whoever
// makes the range's findings, so nothing proportional to n is held.
std::vector<size_t> ChunkStarts(size_t n, OutcomeSet which,
                                const std::function<Outcome(size_t)>& outcome_of) {
  std::vector<size_t> starts = {0};
  size_t in_chunk = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!InSet(which, outcome_of(i))) continue;
    if (in_chunk == kChunk) {
      starts.push_back(i);
      in_chunk = 0;
    }
    ++in_chunk;
  }
  starts.push_back(n);
  return starts;
}

}  // namespace

FindingTable FindingTable::Build(const FindingTableInput& in,
                                 std::vector<Diagnostic>* waiver_notes) {
  FindingTable t;
  t.in_ = in;
  t.pairs_ = SelectPairs(*in.rules, *in.registry, in.filter);
  const size_t n = t.pairs_.size();
  t.records_.resize(n);
  static const std::vector<Waiver> kNoWaivers;
  WaiverMatcher matcher(in.waivers ? *in.waivers : kNoWaivers, in.ctx.as_of);
  QuestionBuilder questions(*in.registry);
  UnstatedFailGrouper groups;
  const unsigned threads = in.ctx.threads;  // 0: one per core, as ParallelFor takes it

  // Evaluate and fingerprint on every thread, chunk by chunk; merge
  // (waivers, questions, groups) in index order on whichever thread finds the
  // next chunk done (util/ordered_pipeline.h). Only fails and reviews become
  // findings: a pass or a not-applicable pair is its outcome and hash, which
  // no waiver, question or group reads. At most kChunksAhead chunks per
  // thread are in flight, so a few hundred findings exist at once whatever
  // the registry's size.
  struct Made {
    size_t index;
    Finding finding;
  };
  std::vector<std::vector<Made>> made((n + kBuildChunk - 1) / kBuildChunk);
  OrderedPipeline(
      made.size(), threads, kChunksAhead,
      [&](size_t c) {
        const size_t from = c * kBuildChunk;
        const size_t to = std::min(n, from + kBuildChunk);
        for (size_t i = from; i < to; ++i) {
          const Rule& rule = t.RuleOf(i);
          const Provider& provider = t.ProviderOf(i);
          Record& r = t.records_[i];
          const Outcome o = EvaluateOutcome(rule, provider, *in.registry, in.ctx);
          r.original = o;
          r.outcome = o;
          if (o == Outcome::kFail || o == Outcome::kReview) {
            Finding f = EvaluateKnown(rule, provider, *in.registry, in.ctx, o);
            r.hash = FingerprintHash(*in.registry, f);
            made[c].push_back(Made{i, std::move(f)});
          } else {
            r.hash = FingerprintHashWithoutEvidence(rule.id, provider.id.value);
          }
        }
      },
      [&](size_t c) {
        for (auto& [i, f] : made[c]) {
          Record& r = t.records_[i];
          if (in.waivers) {
            int wi = matcher.Match(f);
            if (wi >= 0) {
              matcher.Apply(static_cast<size_t>(wi), &f);
              r.waiver = wi;
            }
          }
          r.outcome = f.outcome;
          questions.Add(i, f);
          groups.Add(i, f);
        }
        std::vector<Made>().swap(made[c]);  // `= {}` would keep the capacity
      });

  if (in.waivers) {
    const auto& rs = t.pairs_.rules;
    const auto& ps = t.pairs_.providers;
    matcher.Notes(
        in.warn_expiring_days,
        [&](std::string_view rule, std::string_view provider) {
          return std::any_of(rs.begin(), rs.end(), [&](const Rule* r) { return r->id == rule; }) &&
                 std::any_of(ps.begin(), ps.end(),
                             [&](const Provider* p) { return p->id.value == provider; });
        },
        waiver_notes);
  }
  // Three independent tails, side by side: the questions, the groups of
  // unstated fails, and fingerprint collisions. One finding per pair, so
  // equal fingerprints need a 64-bit collision: check cheaply first. The n-th
  // finding (in index order, i.e. rule id then provider id, as
  // AssignFingerprints orders them) with a hash gets "-n".
  ParallelFor(3, threads, [&](size_t task) {
    if (task == 0) {
      t.questions_ = questions.Finish();
      return;
    }
    if (task == 1) {
      t.unstated_fails_ = groups.Finish();
      return;
    }
    // Sorted one slice of the top bits at a time, so that an eighth of the
    // hashes is copied at once, not all of them (23 MB at 100,000 providers).
    // Slices come in ascending order, so `repeated` is sorted.
    constexpr unsigned kSliceBits = 3;
    std::vector<uint64_t> repeated;
    std::vector<uint64_t> slice;
    slice.reserve(n / 8 + n / 32);
    for (uint64_t part = 0; part < (uint64_t{1} << kSliceBits); ++part) {
      slice.clear();
      for (size_t i = 0; i < n; ++i)
        if ((t.records_[i].hash >> (64 - kSliceBits)) == part) slice.push_back(t.records_[i].hash);
      std::sort(slice.begin(), slice.end());
      for (size_t i = 1; i < slice.size(); ++i)
        if (slice[i] == slice[i - 1] && (repeated.empty() || repeated.back() != slice[i]))
          repeated.push_back(slice[i]);
    }
    std::vector<uint64_t>().swap(slice);
    if (repeated.empty()) return;
    std::map<uint64_t, uint32_t> seen;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t h = t.records_[i].hash;
      if (!std::binary_search(repeated.begin(), repeated.end(), h)) continue;
      uint32_t k = ++seen[h];
      if (k > 1) t.suffixes_[i] = k;
    }
  });

  return t;
}

std::string FindingTable::fingerprint(size_t i) const {
  auto it = suffixes_.find(i);
  return FormatFingerprint(records_[i].hash, it == suffixes_.end() ? 0 : it->second);
}

std::string FindingTable::message(size_t i) const {
  const Record& r = records_[i];
  const Rule& rule = RuleOf(i);
  if (r.original != Outcome::kFail && r.original != Outcome::kReview) return rule.title;
  // As Evaluate words it, and ApplyWaiver for an expired waiver.
  const Provider& provider = ProviderOf(i);
  const bool own_review_text = r.original == Outcome::kReview && !rule.review_message.empty();
  std::string message =
      RenderMessage(own_review_text ? rule.review_message : rule.message, rule, provider);
  if (r.waiver >= 0) {
    const Waiver& w = (*in_.waivers)[static_cast<size_t>(r.waiver)];
    if (w.expires.value.DaysSinceEpoch() < in_.ctx.as_of.DaysSinceEpoch())
      message += " (waiver expired on " + w.expires.value.ToString() + ")";
  }
  return message;
}

Finding FindingTable::Light(size_t i) const {
  const Record& r = records_[i];
  const Rule& rule = RuleOf(i);
  const Provider& provider = ProviderOf(i);
  Finding f;
  f.rule_id = rule.id;
  f.provider_id = provider.id.value;
  f.severity = rule.severity;
  f.outcome = r.outcome;
  f.loc = provider.id.loc;
  f.message = message(i);
  f.fingerprint = fingerprint(i);
  f.baseline = r.baseline;
  return f;
}

Finding FindingTable::Materialise(size_t i) const {
  const Record& r = records_[i];
  if (r.original != Outcome::kFail && r.original != Outcome::kReview) return Light(i);
  Finding f = EvaluateKnown(RuleOf(i), ProviderOf(i), *in_.registry, in_.ctx, r.original);
  if (r.waiver >= 0) ApplyWaiver((*in_.waivers)[static_cast<size_t>(r.waiver)], in_.ctx.as_of, &f);
  f.fingerprint = fingerprint(i);
  f.baseline = r.baseline;
  return f;
}

void FindingTable::ForEach(OutcomeSet which,
                           const std::function<void(size_t, const Finding&)>& fn) const {
  const std::vector<size_t> starts =
      ChunkStarts(size(), which, [&](size_t i) { return records_[i].outcome; });
  std::vector<std::vector<std::pair<size_t, Finding>>> made(starts.size() - 1);
  OrderedPipeline(
      made.size(), in_.ctx.threads, kChunksAhead,
      [&](size_t c) {
        for (size_t i = starts[c]; i < starts[c + 1]; ++i)
          if (InSet(which, records_[i].outcome)) made[c].emplace_back(i, Materialise(i));
      },
      [&](size_t c) {
        for (const auto& [i, f] : made[c]) fn(i, f);
        std::vector<std::pair<size_t, Finding>>().swap(made[c]);
      });
}

void FindingTable::ForEach(std::span<const size_t> indices,
                           const std::function<void(size_t, const Finding&)>& fn) const {
  std::vector<std::vector<Finding>> made((indices.size() + kChunk - 1) / kChunk);
  OrderedPipeline(
      made.size(), in_.ctx.threads, kChunksAhead,
      [&](size_t c) {
        const size_t to = std::min(indices.size(), (c + 1) * kChunk);
        for (size_t k = c * kChunk; k < to; ++k) made[c].push_back(Materialise(indices[k]));
      },
      [&](size_t c) {
        for (size_t k = 0; k < made[c].size(); ++k) fn(indices[c * kChunk + k], made[c][k]);
        std::vector<Finding>().swap(made[c]);
      });
}

void FindingTable::RenderChunks(OutcomeSet which,
                                const std::function<std::string(std::span<const Finding>)>& render,
                                const std::function<void(const std::string&)>& emit) const {
  const std::vector<size_t> starts =
      ChunkStarts(size(), which, [&](size_t i) { return records_[i].outcome; });
  std::vector<std::string> text(starts.size() - 1);
  OrderedPipeline(
      text.size(), in_.ctx.threads, kChunksAhead,
      [&](size_t c) {
        std::vector<Finding> made;
        for (size_t i = starts[c]; i < starts[c + 1]; ++i)
          if (InSet(which, records_[i].outcome)) made.push_back(Materialise(i));
        if (!made.empty()) text[c] = render(made);
      },
      [&](size_t c) {
        if (!text[c].empty()) emit(text[c]);
        std::string().swap(text[c]);
      });
}

std::vector<Finding> FindingTable::BaselineFindings() const {
  std::vector<Finding> out;
  for (size_t i = 0; i < size(); ++i)
    if (InBaseline(records_[i].outcome)) out.push_back(Light(i));
  return out;
}

bool FindingTable::CheckBaselineLabels(const std::vector<BaselineEntry>& baseline,
                                       const std::string& path,
                                       std::vector<Diagnostic>* diags) const {
  // Only findings whose hash an entry's fingerprint starts with can carry it.
  std::vector<uint64_t> wanted;
  for (const BaselineEntry& e : baseline) {
    uint64_t h = 0;
    auto [end, ec] =
        std::from_chars(e.fingerprint.data(),
                        e.fingerprint.data() + std::min<size_t>(16, e.fingerprint.size()), h, 16);
    if (ec == std::errc()) wanted.push_back(h);
  }
  std::sort(wanted.begin(), wanted.end());
  std::vector<Finding> candidates;
  for (size_t i = 0; i < size(); ++i) {
    if (!std::binary_search(wanted.begin(), wanted.end(), records_[i].hash)) continue;
    Finding f;
    f.rule_id = rule_id(i);
    f.provider_id = provider_id(i);
    f.fingerprint = fingerprint(i);
    candidates.push_back(std::move(f));
  }
  return vendorlint::CheckBaselineLabels(baseline, candidates, path, diags);
}

void FindingTable::ApplyBaseline(const std::vector<BaselineEntry>& baseline,
                                 std::vector<Finding>* absent) {
  std::vector<size_t> index;
  std::vector<Finding> listed;
  for (size_t i = 0; i < size(); ++i) {
    if (!InBaseline(records_[i].outcome)) continue;
    index.push_back(i);
    Finding f;
    f.rule_id = rule_id(i);
    f.provider_id = provider_id(i);
    f.outcome = records_[i].outcome;
    f.fingerprint = fingerprint(i);
    listed.push_back(std::move(f));
  }
  vendorlint::ApplyBaseline(baseline, &listed, absent);
  for (size_t k = 0; k < listed.size(); ++k) records_[index[k]].baseline = listed[k].baseline;
}

std::vector<FindingTable::BaselineKey> FindingTable::BaselineKeys() const {
  std::vector<BaselineKey> keys;
  for (size_t i = 0; i < size(); ++i) {
    if (!InBaseline(records_[i].outcome)) continue;
    auto it = suffixes_.find(i);
    keys.push_back(BaselineKey{records_[i].hash, it == suffixes_.end() ? 0 : it->second,
                               rule_id(i), provider_id(i), i});
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

void FindingTable::ApplyBaseline(const FindingTable& base, std::vector<Finding>* absent) {
  // As ApplyBaseline(BaselineOf(base's findings), ...) does it: equal keys
  // are equal fingerprints (FormatFingerprint is one-to-one), rule and provider.
  const std::vector<BaselineKey> known = base.BaselineKeys();
  const std::vector<BaselineKey> current = BaselineKeys();
  for (const BaselineKey& k : current) {
    records_[k.index].baseline = std::binary_search(known.begin(), known.end(), k)
                                     ? BaselineState::kUnchanged
                                     : BaselineState::kNew;
  }
  std::vector<Finding> gone;
  for (const BaselineKey& k : known) {
    if (std::binary_search(current.begin(), current.end(), k)) continue;
    Finding f = base.Light(k.index);
    f.loc = Location{};
    f.baseline = BaselineState::kAbsent;
    gone.push_back(std::move(f));
  }
  SortAbsent(&gone);
  for (Finding& f : gone) absent->push_back(std::move(f));
}

ReportSummary FindingTable::Summarise(const GatePolicy& policy) const {
  ReportSummary s;
  // Without findings (an empty registry) nothing was selected away.
  s.providers = size() == 0 ? in_.registry->providers.size() : pairs_.providers.size();
  s.rules = size() == 0 ? in_.rules->rules.size() : pairs_.rules.size();
  Finding f;
  for (size_t i = 0; i < size(); ++i) {
    ++s.counts[static_cast<size_t>(records_[i].outcome)];
    f.outcome = records_[i].outcome;
    f.severity = severity(i);
    f.baseline = records_[i].baseline;
    if (DecideFinding(f, policy, false).fails_gate) s.gate_pass = false;
  }
  return s;
}

}  // namespace vendorlint
