// `vendorlint providers --where PREDICATE` and its named shortcuts: a
// question about the registry asked in the rule language, answered per
// provider with yes, no or unknown and the facts that decide it. The
// predicate goes through the same compiler and evaluator as a rule's
// `require`, so the answers are the ones a rule would get.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "load/yaml_document.h"
#include "report/json_writer.h"
#include "rules/evaluator.h"
#include "rules/predicate_compiler.h"

namespace vendorlint {
namespace {

struct Answer {
  const Provider* provider = nullptr;
  Tri value = Tri::kUnknown;
  std::vector<Evidence> evidence;
};

const char* AnswerName(Tri t) {
  switch (t) {
    case Tri::kTrue:
      return "yes";
    case Tri::kFalse:
      return "no";
    case Tri::kUnknown:
      break;
  }
  return "unknown";
}

int Rank(Tri t) { return t == Tri::kTrue ? 0 : t == Tri::kUnknown ? 1 : 2; }

std::string StudentFlows(const char* direction) {
  return fmt::format(
      "{{any: {{in: data_flows, where: {{all_of: [{{field: direction, equals: {}}}, "
      "{{field: subjects, includes_any: [student]}}]}}}}}}",
      direction);
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

std::string WherePredicateText(const CliOptions& o) {
  std::vector<std::string> parts;
  if (!o.where.empty()) parts.push_back(o.where);
  if (o.receives_student_data) parts.push_back(StudentFlows("shared"));
  if (o.sends_student_data) parts.push_back(StudentFlows("received"));
  // The negation of the allowed-countries rule's requirement: yes when a
  // stated country or place is outside, unknown while one is not stated.
  if (o.outside_allowed_countries)
    parts.push_back(
        "{not: {all_of: ["
        "{field: entity.country, one_of: organization.settings.student_data_countries}, "
        "{field: locations.processing, only: organization.settings.student_data_countries}, "
        "{field: locations.storage, only: organization.settings.student_data_countries}]}}");
  if (!o.hosted_on.empty())
    parts.push_back(
        fmt::format("{{host: {{chain: true, where: {{field: id, equals: {}}}}}}}", o.hosted_on));
  if (parts.size() == 1) return parts[0];
  std::string all;
  for (const auto& p : parts) all += (all.empty() ? "" : ", ") + p;
  return parts.empty() ? "" : "{all_of: [" + all + "]}";
}

int RunProvidersWhere(const CliOptions& o, Registry& reg, std::ostream& out, std::ostream& err) {
  if (!o.hosted_on.empty()) {
    std::vector<std::string> ids;
    for (const auto& p : reg.providers) ids.push_back(p.id.value);
    if (!CheckSelection({o.hosted_on}, ids, "provider", err)) return kExitInvalid;
  }
  const std::string text = WherePredicateText(o);
  // The predicate is a document of its own, named "--where" in messages.
  std::vector<Diagnostic> diags;
  yaml::Node root;
  Predicate predicate;
  const uint32_t file_id = static_cast<uint32_t>(reg.files.size());
  reg.files.push_back("--where");
  if (yaml::ParseDocument("--where", text, yaml::Limits{}, &root, &diags)) {
    SchemaContext ctx("--where", file_id, &diags);
    PredicateCompiler compiler(&ctx, reg.taxonomy);
    compiler.Compile(root, Scope::kProvider, &predicate);
  }
  if (CountErrors(diags) > 0) {
    ReportInvalidInput(diags, "--where", err);
    return kExitInvalid;
  }
  Date as_of = Date::Today();
  if (!o.as_of.empty() && !Date::Parse(o.as_of, &as_of))
    return UsageError(err,
                      fmt::format("--as-of must be a date written YYYY-MM-DD, not '{}'", o.as_of));
  EvalContext ctx{as_of, 1};
  std::vector<Answer> answers;
  for (const auto& p : reg.providers) {
    Answer a;
    a.provider = &p;
    a.value = EvaluatePredicate(predicate, p, reg, ctx, &a.evidence);
    answers.push_back(std::move(a));
  }
  std::stable_sort(answers.begin(), answers.end(),
                   [](const Answer& a, const Answer& b) { return Rank(a.value) < Rank(b.value); });
  size_t counts[3] = {0, 0, 0};
  for (const auto& a : answers) ++counts[Rank(a.value)];
  auto where = [&](const Location& l) {
    return fmt::format("{}:{}:{}", reg.files.at(l.file), l.line, l.column);
  };

  if (o.format == "json") {
    JsonWriter w;
    w.BeginObject();
    w.Member("where", text);
    w.Key("counts");
    w.BeginObject();
    w.Member("yes", static_cast<int64_t>(counts[0]));
    w.Member("no", static_cast<int64_t>(counts[2]));
    w.Member("unknown", static_cast<int64_t>(counts[1]));
    w.EndObject();
    w.Key("providers");
    w.BeginArray();
    for (const auto& a : answers) {
      w.BeginObject();
      w.Member("id", a.provider->id.value);
      w.Member("answer", AnswerName(a.value));
      w.Key("evidence");
      w.BeginArray();
      for (const auto& e : a.evidence) {
        w.BeginObject();
        w.Member("path", e.path.Format());
        w.Member("message", e.message);
        w.Member("file", reg.files.at(e.loc.file));
        w.Member("line", static_cast<int64_t>(e.loc.line));
        w.Member("column", static_cast<int64_t>(e.loc.column));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << w.str();
  } else if (o.format == "csv") {
    out << "provider,answer,evidence\n";
    for (const auto& a : answers) {
      std::string ev;
      for (const auto& e : a.evidence)
        ev += fmt::format("{}{} ({})", ev.empty() ? "" : "; ", e.message, where(e.loc));
      out << fmt::format("{},{},{}\n", Csv(a.provider->id.value), AnswerName(a.value), Csv(ev));
    }
  } else {
    out << "where: " << text << "\n\n";
    for (const auto& a : answers) {
      out << fmt::format("{:<8} {}\n", AnswerName(a.value), a.provider->id.value);
      for (const auto& e : a.evidence)
        out << fmt::format("         - {} ({})\n", e.message, where(e.loc));
    }
    out << fmt::format("\n{} providers: {} yes, {} no, {} unknown\n", answers.size(), counts[0],
                       counts[2], counts[1]);
  }
  return kExitPass;
}

}  // namespace vendorlint
