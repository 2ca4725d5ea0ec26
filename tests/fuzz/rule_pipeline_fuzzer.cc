// libFuzzer target for everything after the YAML front end: the fuzz bytes are
// a rule file, compiled against the real registry's taxonomy and, when it
// compiles, evaluated against the real registry (loaded once) and rendered
// through all six writers. Any input must give diagnostics or reports, never a
// crash, hang, leak or sanitizer report; and whatever the input, diagnostics
// are one line each and no writer lets input start a line of its own (a
// GitHub workflow command). Run it with ci/fuzz.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "load/registry_loader.h"
#include "report/formats.h"
#include "report/report.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"

#ifndef VL_SOURCE_DIR
#error "VL_SOURCE_DIR must name the source tree (tests/fuzz/CMakeLists.txt sets it)"
#endif

namespace {

using namespace vendorlint;  // NOLINT: a fuzz target, not a library

const Registry& RealRegistry() {
  static const Registry* reg = [] {
    auto* r = new Registry;
    LoadOptions o;
    o.registry_dir = std::string(VL_SOURCE_DIR) + "/registry";
    o.threads = 1;
    std::vector<Diagnostic> diags;
    if (!LoadRegistry(o, r, &diags)) std::abort();  // the project's registry is valid
    return r;
  }();
  return *reg;
}

void CheckOneLine(std::string_view s) {
  if (s.find('\n') != std::string_view::npos || s.find('\r') != std::string_view::npos)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Registry& reg = RealRegistry();
  // The file name decides the expected id: seeds say `id: fuzz`.
  const std::string path = "rules/fuzz.yaml";
  Rule rule;
  std::vector<Diagnostic> diags;
  const bool ok = CompileRuleText(path, input, 0, reg.taxonomy, yaml::Limits{}, &rule, &diags);
  if (!ok && CountErrors(diags) == 0) std::abort();  // a failure always says why
  for (const Diagnostic& d : diags) CheckOneLine(d.Format());
  if (!ok) return 0;

  RuleSet rules;
  rules.files = {path};
  rules.rules.push_back(std::move(rule));
  EvalContext ctx;
  if (!Date::Parse("2026-11-22", &ctx.as_of)) std::abort();
  Report report;
  report.registry = &reg;
  report.rules = &rules;
  report.findings = EvaluateAll(rules, reg, ctx);
  report.as_of = ctx.as_of;
  report.summary = ComputeSummary(reg, rules, report.findings, report.policy);
  report.start_time_utc = report.end_time_utc = "2026-11-22T00:00:00Z";
  for (const Finding& f : report.findings)
    if (f.message.size() > kMaxMessageBytes) std::abort();
  for (const std::string& format : ReportFormatNames()) {
    // The HTML report's data map is laid out by Graphviz from the registry,
    // which is fixed here: it would cost a layout per input and test nothing
    // the fuzz input reaches. Its findings sections use the same escaping as
    // the tests of html_report check.
    if (format == "html") continue;
    const std::string out = RenderReport(format, report, RenderOptions{});
    if (out.empty()) std::abort();
    if (format == "github") {
      // Every line is one of ours: a command the writer started.
      size_t start = 0;
      while (start < out.size()) {
        if (out.compare(start, 2, "::") != 0) std::abort();
        size_t nl = out.find('\n', start);
        start = nl == std::string::npos ? out.size() : nl + 1;
      }
    }
  }
  return 0;
}
