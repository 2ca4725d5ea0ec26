// The benchmark behind bench/run and the README's "Performance" figures.
//
//   vendorlint_bench generate N OUT_DIR   write a registry of N providers
//   vendorlint_bench run --binary PATH [--sizes 2000,20000] [--repeat 3]
//                        [--peers DIR] [--work DIR]
//
// A synthetic registry is made of copies of the real providers in registry/
// (so every provider uses the real schema and taxonomy): copy k renames each
// provider `x` to `x-k` and its hosted_on references likewise, so hosting
// chains stay inside the copy. Run from the project root.
//
// `run` prints, for each size, in one run:
//  - in-process phases, 1 and 2 threads, wall and CPU: read the bytes; the
//    parse floor (read + yaml-cpp's event parse with a handler that does
//    nothing: the cheapest any yaml-cpp loader can be); with libyaml-dev,
//    libyaml's event parse of the same bytes for comparison; load (read,
//    parse, build the model, cross-file checks); load through a warm parse
//    cache; compile the rules; evaluate as `check` does (the finding table:
//    outcomes, fingerprints, questions); the summary and the JSON report,
//    written while its findings are made again (counted, not kept);
//  - the real binary as a child process (wall, CPU, peak RSS from wait4):
//    `check --format json` cold with 1 and 2 threads, its ratio to the parse
//    floor, `validate`, and `--cache` cold, warm and warm after one provider
//    changed;
//  - the peers, when present: Python 3 + libyaml (CSafeLoader) and node +
//    js-yaml loading the same files and evaluating bench/peers/rules' three
//    rules, against vendorlint with those three rules, cold and warm.
// Medians of --repeat runs. No figure is asserted: the goals are
// ratios read off this output.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <yaml-cpp/eventhandler.h>
#ifdef VL_BENCH_LIBYAML
#include <yaml.h>
#endif

#include "check/finding_table.h"
#include "load/limited_read.h"
#include "load/registry_loader.h"
#include "report/json_report.h"
#include "report/report.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"
#include "util/parallel_for.h"

namespace fs = std::filesystem;
using namespace vendorlint;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Spit(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

// Renames every provider id `x` in `text` (its `id:` line and `hosted_on:`
// values) to `x-k`.
std::string Rename(const std::string& text, size_t k) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    for (const char* key : {"id: ", "  hosted_on: "}) {
      std::string prefix = key;
      if (line.rfind(prefix, 0) == 0) line += fmt::format("-{}", k);
    }
    out += line + "\n";
  }
  return out;
}

bool Generate(size_t n, const fs::path& out) {
  std::vector<fs::path> real;
  for (const auto& e : fs::directory_iterator("registry/providers"))
    if (e.path().extension() == ".yaml") real.push_back(e.path());
  std::sort(real.begin(), real.end());
  if (real.empty()) {
    fmt::print(stderr, "run from the project root (registry/providers not found)\n");
    return false;
  }
  fs::remove_all(out);
  fs::create_directories(out / "providers");
  fs::copy_file("registry/taxonomy.yaml", out / "taxonomy.yaml");
  fs::copy_file("registry/organization.yaml", out / "organization.yaml");
  std::vector<std::string> texts;
  for (const auto& p : real) texts.push_back(Slurp(p));
  for (size_t i = 0; i < n; ++i) {
    size_t k = i / real.size(), j = i % real.size();
    Spit(out / "providers" / fmt::format("{}-{}.yaml", real[j].stem().string(), k),
         Rename(texts[j], k));
  }
  return true;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Wall and CPU time of this process (all threads), in ms.
struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = CpuMs();
  static double CpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  }
};
struct Cost {
  double wall = 0, cpu = 0, rss_mb = 0;
  int exit_code = 0;
};
Cost Since(const Clock& c) {
  return {std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c.wall)
              .count(),
          Clock::CpuMs() - c.cpu, 0, 0};
}
Cost MedianOf(const std::vector<Cost>& v) {
  std::vector<double> w, c, r;
  for (const auto& x : v) {
    w.push_back(x.wall);
    c.push_back(x.cpu);
    r.push_back(x.rss_mb);
  }
  return {Median(w), Median(c), Median(r), v.empty() ? 0 : v.back().exit_code};
}

// Children are started by a launcher forked at the start of main, while this
// process is still small: a child's peak RSS (ru_maxrss) includes the memory
// of the process that forked it, up to its exec, so forking from here after
// loading 20,000 providers would report this process's size, not the child's.
struct Launcher {
  pid_t pid = -1;
  int request = -1;  // argv and output path, NUL-separated, length first
  int reply = -1;    // one Cost
};
Launcher g_launcher;

bool WriteAll(int fd, const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}
bool ReadAll(int fd, void* data, size_t n) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// In the launcher: runs argv (stdout to `out_path`, stderr to /dev/null) and
// measures wall, user + system CPU and peak RSS of that child alone.
Cost Spawn(const std::vector<std::string>& argv, const std::string& out_path) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    FILE* out = std::freopen(out_path.c_str(), "w", stdout);
    FILE* err = std::freopen("/dev/null", "w", stderr);
    if (out == nullptr || err == nullptr) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  Cost c;
  c.wall =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  c.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
  c.rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return c;
}

void StartLauncher() {
  int req[2], rep[2];
  if (pipe(req) != 0 || pipe(rep) != 0) std::exit(2);
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    close(req[1]);
    close(rep[0]);
    for (;;) {
      uint64_t n = 0;
      if (!ReadAll(req[0], &n, sizeof n)) _exit(0);
      std::string msg(n, '\0');
      if (!ReadAll(req[0], msg.data(), n)) _exit(0);
      std::vector<std::string> parts;
      for (size_t at = 0; at < msg.size();) {
        size_t end = msg.find('\0', at);
        parts.push_back(msg.substr(at, end - at));
        at = end + 1;
      }
      std::string out = parts.back();
      parts.pop_back();
      Cost c = Spawn(parts, out);
      if (!WriteAll(rep[1], &c, sizeof c)) _exit(0);
    }
  }
  close(req[0]);
  close(rep[1]);
  g_launcher = {pid, req[1], rep[0]};
}

// Runs argv as a child (through the launcher): its own wall, CPU and peak RSS.
Cost RunChild(const std::vector<std::string>& argv, const std::string& out_path = "/dev/null") {
  std::string msg;
  for (const auto& a : argv) msg += a + '\0';
  msg += out_path + '\0';
  uint64_t n = msg.size();
  Cost c;
  if (!WriteAll(g_launcher.request, &n, sizeof n) ||
      !WriteAll(g_launcher.request, msg.data(), msg.size()) ||
      !ReadAll(g_launcher.reply, &c, sizeof c)) {
    fmt::print(stderr, "the launcher died\n");
    std::exit(2);
  }
  return c;
}

Cost Repeat(int n, const std::function<Cost()>& f) {
  std::vector<Cost> v;
  for (int i = 0; i < n; ++i) v.push_back(f());
  return MedianOf(v);
}

// yaml-cpp's parser driving a handler that does nothing: the parse floor.
// Counts what is written to it and keeps nothing: a report written "to
// /dev/null" in-process, so that the phase measures making it, not a disk.
struct CountingBuf : std::streambuf {
  uintmax_t bytes = 0;
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<uintmax_t>(n);
    return n;
  }
  int_type overflow(int_type ch) override {
    if (!traits_type::eq_int_type(ch, traits_type::eof())) ++bytes;
    return traits_type::not_eof(ch);
  }
};

class NullHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

std::vector<std::string> ProviderFiles(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir / "providers"))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct Options {
  std::string binary;
  std::vector<size_t> sizes = {2000, 20000};
  int repeat = 3;
  std::string peers = "bench/peers";
  fs::path work = fs::temp_directory_path() / "vendorlint-bench";
};

void Row(const std::string& what, const Cost& c, const std::string& note = "") {
  fmt::print("| {} | {:.0f} | {:.0f} | {} | {} |\n", what, c.wall, c.cpu,
             c.rss_mb > 0 ? fmt::format("{:.0f}", c.rss_mb) : "", note);
}

void Phases(const Options& o, const fs::path& dir, unsigned threads, Cost* floor_out,
            Cost* read_out) {
  auto files = ProviderFiles(dir);
  auto read = [&] {
    Clock c;
    ParallelFor(files.size(), threads, [&](size_t i) { (void)Slurp(files[i]); });
    return Since(c);
  };
  // As the loader reads: the providers folder resolved and opened once, each
  // file opened in it without following a link, size limit, one read; the
  // least any run (warm or cold) does per file.
  yaml::Limits read_limits;
  read_limits.root = dir.string();
  read_limits.resolved_root = fs::canonical(dir).string();
  yaml::OpenedFolder providers_folder((dir / "providers").string(), &read_limits);
  auto checked_read = [&] {
    Clock c;
    ParallelFor(files.size(), threads, [&](size_t i) {
      std::string bytes;
      std::vector<Diagnostic> diags;
      (void)yaml::ReadFileLimited(files[i], read_limits, &bytes, &diags);
    });
    return Since(c);
  };
  auto floor = [&] {
    Clock c;
    ParallelFor(files.size(), threads, [&](size_t i) {
      std::istringstream in(Slurp(files[i]));
      YAML::Parser parser(in);
      NullHandler h;
      while (parser.HandleNextDocument(h)) {
      }
    });
    return Since(c);
  };
  const fs::path cache = o.work / "phase-cache";
  fs::remove_all(cache);
  Registry reg;
  auto load = [&](const std::string& cache_dir) {
    Clock c;
    LoadOptions lo;
    lo.registry_dir = dir.string();
    lo.threads = threads;
    lo.cache_dir = cache_dir;
    reg = Registry{};
    std::vector<Diagnostic> diags;
    if (!LoadRegistry(lo, &reg, &diags)) {
      for (const auto& d : diags) fmt::print(stderr, "{}\n", d.Format());
      std::exit(2);
    }
    return Since(c);
  };
  Cost r = Repeat(o.repeat, read), cr = Repeat(o.repeat, checked_read);
  Cost f = Repeat(o.repeat, floor);
#ifdef VL_BENCH_LIBYAML
  // libyaml's event parser on the same bytes: what the floor would be with
  // the other parser Debian ships (not the one vendorlint uses).
  auto libyaml = [&] {
    Clock c;
    ParallelFor(files.size(), threads, [&](size_t i) {
      const std::string bytes = Slurp(files[i]);
      yaml_parser_t parser;
      yaml_parser_initialize(&parser);
      yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(bytes.data()),
                                   bytes.size());
      yaml_event_t event;
      bool done = false;
      while (!done && yaml_parser_parse(&parser, &event)) {
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
      }
      yaml_parser_delete(&parser);
    });
    return Since(c);
  };
  Cost ly = Repeat(o.repeat, libyaml);
#endif
  Cost l = Repeat(o.repeat, [&] { return load(""); });
  load(cache.string());  // fills the cache
  Cost warm = Repeat(o.repeat, [&] { return load(cache.string()); });
  RuleSet rules;
  Cost compile = Repeat(o.repeat, [&] {
    Clock c;
    rules = RuleSet{};
    std::vector<Diagnostic> diags;
    if (!LoadRules("rules", reg.taxonomy, yaml::Limits{}, &rules, &diags, threads)) std::exit(2);
    return Since(c);
  });
  // Evaluation and the JSON report as `check` does them: a compact table of
  // outcomes built on every thread (fingerprints, questions), then the
  // report written while its findings are made again in batches.
  Date as_of;
  Date::Parse("2026-11-22", &as_of);
  FindingTableInput input;
  input.rules = &rules;
  input.registry = &reg;
  input.ctx = EvalContext{as_of, threads};
  std::optional<FindingTable> table;
  Cost eval = Repeat(o.repeat, [&] {
    Clock c;
    table.reset();
    std::vector<Diagnostic> notes;
    table.emplace(FindingTable::Build(input, &notes));
    return Since(c);
  });
  QuestionTable questions = table->TakeQuestions();
  Report report;
  report.registry = &reg;
  report.rules = &rules;
  report.as_of = as_of;
  report.table = &*table;
  report.question_table = &questions;
  report.unstated_fails = table->TakeUnstatedFails();
  uintmax_t json_bytes = 0;
  Cost json = Repeat(o.repeat, [&] {
    Clock c;
    report.summary = table->Summarise(report.policy);
    CountingBuf counted;
    std::ostream out(&counted);
    WriteJsonReport(report, out);
    out.flush();
    json_bytes = counted.bytes;
    return Since(c);
  });
  std::string t = fmt::format("{} thread{}", threads, threads == 1 ? "" : "s");
  Row("read the bytes, " + t, r);
  Row("read the bytes as the loader does (link and size checks), " + t, cr);
  Row("parse floor (read + yaml-cpp events), " + t, f);
#ifdef VL_BENCH_LIBYAML
  Row("for comparison: read + libyaml events, " + t, ly,
      fmt::format("{:.1f}x faster than yaml-cpp", f.wall / ly.wall));
#endif
  Row("load (read, parse, build the model), " + t, l,
      fmt::format("{:.2f}x the floor; model {:.0f} ms", l.wall / f.wall, l.wall - f.wall));
  Row("load through a warm `--cache`, " + t, warm,
      fmt::format("{:.2f}x reading the bytes, {:.2f}x the loader's reads (CPU: {:.2f}x, {:.2f}x)",
                  warm.wall / r.wall, warm.wall / cr.wall, warm.cpu / r.cpu, warm.cpu / cr.cpu));
  Row("compile the rules, " + t, compile);
  Row(fmt::format("evaluate ({} pairs: outcomes, fingerprints, questions), {}", table->size(), t),
      eval);
  Row("summary and JSON report (findings made again), " + t, json,
      fmt::format("{:.0f} MB of JSON, {:.0f} MB/s", static_cast<double>(json_bytes) / 1e6,
                  static_cast<double>(json_bytes) / 1e3 / json.wall));
  *floor_out = f;
  *read_out = r;
  fs::remove_all(cache);
}

bool PeerAvailable(const std::vector<std::string>& argv) {
  std::vector<std::string> check = argv;
  check.push_back("--check");
  return RunChild(check).exit_code == 0;
}

int Run(const Options& o) {
  fmt::print("vendorlint bench: {} (median of {} runs); {} cores\n", o.binary, o.repeat,
             std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  const std::vector<std::string> python = {"python3", o.peers + "/peer.py"};
  const std::vector<std::string> node = {"node", o.peers + "/peer.js"};
  const bool has_python = PeerAvailable(python);
  const bool has_node = PeerAvailable(node);
  if (!has_python) fmt::print("(python3 with yaml.CSafeLoader not found: Python peer skipped)\n");
  if (!has_node) fmt::print("(node with js-yaml not found: node peer skipped; bench/run installs it)\n");
  for (size_t n : o.sizes) {
    fs::path dir = o.work / fmt::format("n{}", n);
    if (!Generate(n, dir)) return 2;
    uintmax_t bytes = 0;
    for (const auto& f : ProviderFiles(dir)) bytes += fs::file_size(f);
    fmt::print("\n### {} providers ({:.1f} MB of YAML)\n\n", n, static_cast<double>(bytes) / 1e6);
    fmt::print("| what | wall ms | CPU ms | peak RSS MB | note |\n|---|---:|---:|---:|---|\n");
    Cost floor1, floor2, read1, read2;
    Phases(o, dir, 1, &floor1, &read1);
    Phases(o, dir, 2, &floor2, &read2);

    const std::string reg = dir.string();
    auto check = [&](unsigned threads, const std::string& rules, std::vector<std::string> extra) {
      std::vector<std::string> argv = {o.binary,       "check",     "--registry", reg,
                                       "--rules",      rules,       "--format",   "json",
                                       "-o",           "/dev/null", "--as-of",    "2026-11-22",
                                       "--threads",    std::to_string(threads)};
      argv.insert(argv.end(), extra.begin(), extra.end());
      return RunChild(argv);
    };
    Cost c1 = Repeat(o.repeat, [&] { return check(1, "rules", {}); });
    Cost c2 = Repeat(o.repeat, [&] { return check(2, "rules", {}); });
    Row("`check --format json` cold, 1 thread", c1,
        fmt::format("{:.2f}x the parse floor", c1.wall / floor1.wall));
    Row("`check --format json` cold, 2 threads", c2,
        fmt::format("{:.2f}x the parse floor; {:.2f}x faster than 1 thread", c2.wall / floor2.wall,
                    c1.wall / c2.wall));
    Cost v = Repeat(o.repeat, [&] {
      return RunChild({o.binary, "validate", "--registry", reg, "--rules", "rules"});
    });
    Row("`validate`, 2 threads", v);
    const std::string cache = (o.work / "cache").string();
    fs::remove_all(cache);
    Cost cold = check(2, "rules", {"--cache", cache});
    Cost warm = Repeat(o.repeat, [&] { return check(2, "rules", {"--cache", cache}); });
    Row("`check --cache` cold (fills it), 2 threads", cold);
    Row("`check --cache` warm, 2 threads", warm,
        fmt::format("{:.2f}x reading the bytes; {:.2f}x faster than cold", warm.wall / read2.wall,
                    c2.wall / warm.wall));
    // One provider changes, as in a pull request (and changes back).
    const std::string changed = ProviderFiles(dir).front();
    const std::string original = Slurp(changed);
    std::vector<Cost> one;
    for (int i = 0; i < o.repeat; ++i) {
      Spit(changed, original + fmt::format("notes: changed {}\n", i));
      one.push_back(check(2, "rules", {"--cache", cache}));
    }
    Spit(changed, original);
    Row("`check --cache` warm, one provider changed", MedianOf(one));

    // The peers: three equivalent rules on the same files.
    const std::string rules3 = o.peers + "/rules";
    Cost v3 = Repeat(o.repeat, [&] { return check(2, rules3, {}); });
    Row("vendorlint, 3 rules, cold, 2 threads", v3);
    Cost v3w = Repeat(o.repeat, [&] { return check(2, rules3, {"--cache", cache}); });
    Row("vendorlint, 3 rules, warm `--cache`, 2 threads", v3w);
    for (const auto& [name, argv, has] :
         {std::tuple{"Python 3 + libyaml (CSafeLoader), 3 rules", python, has_python},
          std::tuple{"node + js-yaml, 3 rules", node, has_node}}) {
      if (!has) continue;
      std::vector<std::string> a = argv;
      a.push_back(reg);
      Cost p = Repeat(o.repeat, [&] { return RunChild(a); });
      Row(name, p,
          fmt::format("vendorlint cold is {:.2f}x faster, warm {:.2f}x", p.wall / v3.wall,
                      p.wall / v3w.wall));
    }
    fs::remove_all(cache);
    fs::remove_all(dir);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "generate") {
    return Generate(std::stoul(args[1]), args[2]) ? 0 : 2;
  }
  if (!args.empty() && args[0] == "run") {
    StartLauncher();
    Options o;
    for (size_t i = 1; i + 1 < args.size(); i += 2) {
      if (args[i] == "--sizes") {
        o.sizes.clear();
        std::stringstream ss(args[i + 1]);
        std::string item;
        while (std::getline(ss, item, ',')) o.sizes.push_back(std::stoul(item));
      } else if (args[i] == "--repeat") {
        o.repeat = std::max(1, std::stoi(args[i + 1]));
      } else if (args[i] == "--binary") {
        o.binary = fs::absolute(args[i + 1]).string();
      } else if (args[i] == "--peers") {
        o.peers = args[i + 1];
      } else if (args[i] == "--work") {
        o.work = args[i + 1];
      }
    }
    if (!o.binary.empty()) return Run(o);
  }
  fmt::print(stderr,
             "usage: vendorlint_bench generate N OUT_DIR\n"
             "       vendorlint_bench run --binary PATH [--sizes 2000,20000] [--repeat 3] "
             "[--peers DIR] [--work DIR]\n");
  return 2;
}
