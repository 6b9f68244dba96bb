// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The lrsched command, run as a program: every subcommand on the example configs against the
// library's own evaluation (values printed in the shortest round-trip form parse back to
// s(t) bit for bit), standard input, --steps-file, --format csv|json, diff, the usage errors,
// options that would have no effect, check's exit code and message, the help texts; YAML
// configs (or, in a command built without YAML, its error) and convert --to.
#include <lrsched/dialects.hpp>
#include <lrsched/dialects/convert.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/version.hpp>
#ifdef LRSCHED_CLI_YAML
#include <lrsched/yaml.hpp>
#endif

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "cli_runner.hpp"
#include "support.hpp"

using lrsched::test::cli_result;
using lrsched::test::run_cli;
using lrsched::test::temporary_file;

namespace {

std::filesystem::path configs_dir() {
  return std::filesystem::path(LRSCHED_TEST_DATA_DIR) / ".." / ".." / "examples" / "configs";
}

std::vector<std::filesystem::path> example_configs() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(configs_dir())) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The lines of `text`; every line must end in '\n'.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// The numbers the command printed, one per line, each parsed back exactly.
std::vector<double> numbers_of(const std::string& text) {
  std::vector<double> values;
  for (const auto& line : lines_of(text)) {
    char* end = nullptr;
    values.push_back(std::strtod(line.c_str(), &end));
    INFO("line '" << line << "'");
    REQUIRE(end == line.c_str() + line.size());
    REQUIRE(!line.empty());
  }
  return values;
}

/// The shortest text that reads back as `v`, as the command prints numbers.
std::string shortest(double v) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, v, std::chars_format::general).ptr;
  return {text, end};
}

/// Every output line a usage error may give: exit 2, nothing on stdout, one line on stderr
/// that names the command and contains `expected`.
void check_usage_error(const std::vector<std::string>& arguments, const std::string& expected,
                       const std::string& input = {}) {
  std::string shown;
  for (const auto& a : arguments) shown += a + " ";
  INFO("lrsched " << shown);
  const cli_result r = run_cli(arguments, input);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  REQUIRE(!r.err.empty());
  CHECK(r.err.find('\n') == r.err.size() - 1);
  CHECK(r.err.rfind("lrsched", 0) == 0);
  CHECK(r.err.find(expected) != std::string::npos);
}

constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

}  // namespace

TEST_CASE("eval prints s(t) at every step of a range, exactly, for every example config") {
  const auto files = example_configs();
  REQUIRE(files.size() >= 10);
  for (const auto& file : files) {
    INFO(file.filename().string());
    const auto s = lrsched::parse_schedule(read_file(file));
    struct range {
      std::int64_t first, last, stride;
    };
    for (const range r :
         {range{-3, 300, 1}, range{0, 200'000, 997}, range{5, 6, 1}, range{7, 7, 1},
          range{int64_max - 30, int64_max, 7}, range{int64_min, int64_min + 3, 1}}) {
      const std::string spec =
          std::to_string(r.first) + ":" + std::to_string(r.last) + ":" + std::to_string(r.stride);
      INFO("--steps " << spec);
      const cli_result result = run_cli({"eval", file.string(), "--steps", spec});
      REQUIRE(result.exit_code == 0);
      CHECK(result.err.empty());
      const auto values = numbers_of(result.out);
      std::vector<std::int64_t> steps;
      for (std::int64_t t = r.first; t < r.last; t += r.stride) {
        steps.push_back(t);
        if (r.last - t <= r.stride) break;
      }
      REQUIRE(values.size() == steps.size());
      for (std::size_t k = 0; k < steps.size(); ++k) {
        INFO("step " << steps[k]);
        CHECK(values[k] == s(steps[k]));
      }
    }
  }
}

TEST_CASE("eval without a stride takes every step, and STRIDE may pass the end") {
  const auto file = (configs_dir() / "warmup_cosine.json").string();
  const auto s = lrsched::parse_schedule(read_file(file));
  const auto every = numbers_of(run_cli({"eval", file, "--steps", "1990:2010"}).out);
  REQUIRE(every.size() == 20);
  for (std::size_t k = 0; k < every.size(); ++k) CHECK(every[k] == s(1990 + std::int64_t(k)));
  const auto once = numbers_of(run_cli({"eval", file, "--steps=10:20:1000"}).out);
  REQUIRE(once.size() == 1);
  CHECK(once[0] == s(10));
}

TEST_CASE("eval reads the steps of --steps-file in their order, from a file or stdin") {
  const auto file = (configs_dir() / "sgdr_restarts.json").string();
  const auto s = lrsched::parse_schedule(read_file(file));
  const std::vector<std::int64_t> steps{5000, 0, -7, 1, int64_max, int64_min, 123456789, 5000};
  std::string listed = "5000 0\n\n  -7\t1\r\n" + std::to_string(int64_max) + "\n" +
                       std::to_string(int64_min) + "\n123456789\n5000";
  const temporary_file steps_file(listed);
  for (const bool from_stdin : {false, true}) {
    INFO("steps from stdin: " << from_stdin);
    const cli_result r = from_stdin ? run_cli({"eval", file, "--steps-file", "-"}, listed)
                                    : run_cli({"eval", file, "--steps-file", steps_file.path()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto values = numbers_of(r.out);
    REQUIRE(values.size() == steps.size());
    for (std::size_t k = 0; k < steps.size(); ++k) CHECK(values[k] == s(steps[k]));
  }
  SECTION("an empty steps file prints nothing") {
    const temporary_file empty("\n \n");
    const cli_result r = run_cli({"eval", file, "--steps-file", empty.path()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
  }
  SECTION("a bad step is a usage error naming its line") {
    const temporary_file bad("1\n2\n3.5\n");
    check_usage_error({"eval", file, "--steps-file", bad.path()}, "line 3");
    const temporary_file huge("99999999999999999999\n");
    check_usage_error({"eval", file, "--steps-file", huge.path()}, "line 1");
  }
}

TEST_CASE("- reads the config from standard input") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const std::string text = read_file(file);
    const cli_result from_file = run_cli({"eval", file.string(), "--steps", "0:5000:37"});
    const cli_result from_stdin = run_cli({"eval", "-", "--steps", "0:5000:37"}, text);
    REQUIRE(from_stdin.exit_code == 0);
    CHECK(from_stdin.out == from_file.out);
    CHECK(run_cli({"convert", "-"}, text).out == run_cli({"convert", file.string()}).out);
    CHECK(run_cli({"check", "-"}, text).exit_code == 0);
  }
}

TEST_CASE("sum prints the library's summed LR over --steps A:B") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const auto s = lrsched::parse_schedule(read_file(file));
    struct range {
      std::int64_t first, last;
    };
    for (const range r : {range{0, 100'000}, range{-50, 17}, range{123, 123}, range{0, 1},
                          range{1000, std::int64_t{1} << 22}}) {
      INFO("[" << r.first << ", " << r.last << ")");
      const cli_result result =
          run_cli({"sum", file.string(),
                   "--steps=" + std::to_string(r.first) + ":" + std::to_string(r.last)});
      REQUIRE(result.exit_code == 0);
      const auto values = numbers_of(result.out);
      REQUIRE(values.size() == 1);
      CHECK(values[0] == lrsched::sum(s, r.first, r.last));
      CHECK(result.out == shortest(lrsched::sum(s, r.first, r.last)) + "\n");
    }
    const auto from_zero = run_cli({"sum", file.string(), "--steps", "2500"});
    CHECK(numbers_of(from_zero.out) == std::vector<double>{lrsched::sum(s, 0, 2500)});
    // Without --steps: 0 to the schedule's length, or an error when it has no end.
    const cli_result whole = run_cli({"sum", file.string()});
    const auto length = s.length();
    if (length && *length > 0) {
      REQUIRE(whole.exit_code == 0);
      CHECK(whole.out == shortest(lrsched::sum(s, 0, *length)) + "\n");
    } else {
      CHECK(whole.exit_code == 2);
      CHECK(whole.err.find("give --steps") != std::string::npos);
    }
  }
}

TEST_CASE("convert prints the canonical JSON, which reloads to the same schedule") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const auto s = lrsched::parse_schedule(read_file(file));
    const cli_result r = run_cli({"convert", file.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto printed = nlohmann::ordered_json::parse(r.out);
    CHECK(printed == lrsched::to_ordered_json(s));
    CHECK(r.out == lrsched::to_ordered_json(s).dump(2) + "\n");
    const auto reloaded = lrsched::from_json(printed);
    for (const auto t : lrsched::test::extreme_steps) CHECK(reloaded(t) == s(t));
    for (std::int64_t t = 0; t < 200'000; t += 331) CHECK(reloaded(t) == s(t));
    // Converting the canonical form again changes nothing.
    CHECK(run_cli({"convert", "-"}, r.out).out == r.out);
  }
}

TEST_CASE("show prints the description, a plot and the summed LR over the horizon") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const auto s = lrsched::parse_schedule(read_file(file));
    const cli_result r = run_cli({"show", file.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 15);
    CHECK(lines[0] == fmt::format("{}", s));
    // The plot: 12 rows of 64 cells, an axis, the step labels.
    std::size_t plot_rows = 0;
    for (const auto& line : lines) {
      if (line.find("┤") != std::string::npos || line.find("│") != std::string::npos) ++plot_rows;
    }
    CHECK(plot_rows == 12);
    const auto length = s.length();
    const std::int64_t horizon = length && *length > 0 ? *length : -1;
    const std::string& last = lines.back();
    if (horizon > 0) {
      char expected[128];
      std::snprintf(expected, sizeof expected, "summed LR over steps [0, %lld): %.10g",
                    static_cast<long long>(horizon), lrsched::sum(s, 0, horizon));
      CHECK(last == expected);
    } else {
      CHECK(last.rfind("summed LR over steps [0, ", 0) == 0);
    }
    // --steps sets the horizon.
    const cli_result asked = run_cli({"show", file.string(), "--steps", "5000"});
    REQUIRE(asked.exit_code == 0);
    char expected[128];
    std::snprintf(expected, sizeof expected, "summed LR over steps [0, 5000): %.10g",
                  lrsched::sum(s, 0, 5000));
    CHECK(lines_of(asked.out).back() == expected);
    // --tree shows the tree view.
    const cli_result tree = run_cli({"show", file.string(), "--tree"});
    REQUIRE(tree.exit_code == 0);
    CHECK(tree.out.rfind(fmt::format("{:t}", s) + "\n", 0) == 0);
  }
}

TEST_CASE("check exits with 0 for a valid config and prints nothing") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const cli_result r = run_cli({"check", file.string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
}

TEST_CASE("an invalid config: exit code 2 and the error with its JSON pointer on stderr") {
  const std::vector<std::string> bad_documents{
      R"({"kind": "chain", "steps": [10], "pieces": [{"kind": "constant", "value": 1},
          {"kind": "linear", "start_value": 1, "end_value": 0, "stepz": 5}]})",
      R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": -5})",
      R"({"kind": "cosinus", "peak_value": 1, "end_value": 0, "steps": 10})",
      R"({"kind": "constant", "value": "high"})",
      R"({"kind": "constant", "value": 1,})",
      R"([1, 2, 3])",
      "",
      R"({"kind": "constant", "value": 1, "value": 2})",
  };
  for (const auto& text : bad_documents) {
    INFO(text);
    std::string expected;
    try {
      (void)lrsched::load_config(lrsched::parse_config(text));
      FAIL("the library accepts the document");
    } catch (const lrsched::config_error& e) {
      expected = e.what();
    }
    const temporary_file file(text);
    for (const std::string& command :
         std::vector<std::string>{"check", "eval", "sum", "convert", "show"}) {
      INFO(command);
      std::vector<std::string> arguments{command, file.path()};
      if (command == "eval") arguments.insert(arguments.end(), {"--steps", "0:10"});
      if (command == "sum") arguments.insert(arguments.end(), {"--steps", "10"});
      const cli_result r = run_cli(arguments);
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == file.path() + ": " + expected + "\n");
    }
    const cli_result piped = run_cli({"check", "-"}, text);
    CHECK(piped.exit_code == 2);
    CHECK(piped.err == "<stdin>: " + expected + "\n");
  }
  SECTION("the pointer and the problem are the library's") {
    const cli_result r = run_cli(
        {"check", "-"}, R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": -5})");
    CHECK(r.err.rfind("<stdin>: /steps: ", 0) == 0);
  }
}

TEST_CASE("a file that cannot be read exits with 1") {
  const cli_result r = run_cli({"check", "/nonexistent/lrsched/config.json"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("/nonexistent/lrsched/config.json: cannot open file") != std::string::npos);
  const auto file = (configs_dir() / "step_decay.json").string();
  const cli_result steps = run_cli({"eval", file, "--steps-file", "/nonexistent/steps.txt"});
  CHECK(steps.exit_code == 1);
  CHECK(steps.out.empty());
}

TEST_CASE("every usage error exits with 2 and one line on stderr") {
  const std::string file = (configs_dir() / "step_decay.json").string();
  check_usage_error({}, "missing COMMAND");
  check_usage_error({"evl", file}, "unknown command evl (did you mean eval?)");
  check_usage_error({"--frobnicate"}, "unknown option --frobnicate");
  check_usage_error({"help", "nothing"}, "no command 'nothing'");
  check_usage_error({"eval", file, "--stps", "0:1"},
                    "unknown option --stps (did you mean --steps?)");
  check_usage_error({"eval", file, "-x"}, "unknown option -x");
  check_usage_error({"eval", file, "--steps"}, "option --steps needs a value");
  check_usage_error({"eval", file, "--steps", "0:1", "--steps", "0:2"}, "more than once");
  check_usage_error({"show", file, "--tree=yes"}, "option --tree takes no value");
  check_usage_error({"eval", "--steps", "0:1"}, "missing FILE");
  check_usage_error({"eval", file, file, "--steps", "0:1"}, "expected one FILE, got 2");
  check_usage_error({"eval", file}, "missing --steps");
  check_usage_error({"eval", file, "--steps", "0:1", "--steps-file", file}, "not both");
  check_usage_error({"eval", "-", "--steps-file", "-"}, "cannot both be standard input");
  check_usage_error({"eval", file, "--steps", "five"}, "--steps must be an integer step");
  check_usage_error({"eval", file, "--steps", "-5"}, "--steps N must not be negative");
  check_usage_error({"eval", file, "--steps", "a:5"}, "--steps start must be an integer");
  check_usage_error({"eval", file, "--steps", "0:5x"}, "--steps end must be an integer");
  check_usage_error({"eval", file, "--steps", "0:5:"}, "--steps stride must be an integer");
  check_usage_error({"eval", file, "--steps", "0:5:0"}, "--steps stride must be positive");
  check_usage_error({"eval", file, "--steps", "0:5:-1"}, "--steps stride must be positive");
  check_usage_error({"eval", file, "--steps", "10:5"}, "must not be below its start");
  check_usage_error({"eval", file, "--steps", "0:99999999999999999999"}, "--steps end");
  check_usage_error({"sum", file, "--steps", "1e5"}, "--steps must be an integer step");
  check_usage_error({"sum", file, "--steps", "x:5"}, "--steps start must be an integer");
  check_usage_error({"sum", file, "--steps", "10:5"}, "must not be below its start");
  check_usage_error({"sum", file, "--steps", "0:10:2"}, "no STRIDE");
  check_usage_error({"sum", file, "--from", "0", "--to", "5"}, "--steps A:B");
  check_usage_error({"sum", file, "--steps", "5", "--format", "xml"},
                    "--format must be text, csv or json");
  check_usage_error({"show", file, "--steps", "0"}, "holds no step");
  check_usage_error({"show", file, "--steps", "ten"}, "--steps must be an integer");
  check_usage_error({"convert", file, "--dialect", "deepspeeed"},
                    "unknown dialect 'deepspeeed' (did you mean deepspeed?)");
  check_usage_error({"check", file, "--base-lr", "fast"}, "--base-lr must be a finite number");
  check_usage_error({"check", file, "--base-lr", "nan"}, "--base-lr must be a finite number");
  check_usage_error({"check", file, "--base-lr", "1e999"}, "--base-lr must be a finite number");
  check_usage_error({"check", file, "--set", "total_num_steps"}, "--set must be KEY=VALUE");
  check_usage_error({"check", file, "--set", "=5"}, "--set must be KEY=VALUE");
  check_usage_error({"check", file, "--set", "warmup_num_steps=soon"},
                    "--set warmup_num_steps must be a finite number");
  check_usage_error({"convert", file, "--steps", "0:1"}, "unknown option --steps");
  // Each message points to the help of its command.
  const cli_result r = run_cli({"sum", file, "--steps", "x"});
  CHECK(r.err.find("see lrsched sum --help") != std::string::npos);
}

TEST_CASE("--help: a short overview, and each command's options") {
  const cli_result overview = run_cli({"--help"});
  CHECK(overview.exit_code == 0);
  CHECK(overview.err.empty());
  CHECK(overview.out.rfind("usage: lrsched COMMAND", 0) == 0);
  CHECK(lines_of(overview.out).size() <= 25);
  for (const std::string& command :
       std::vector<std::string>{"show", "eval", "sum", "convert", "check"}) {
    INFO(command);
    CHECK(overview.out.find("  " + command + " ") != std::string::npos);
    const cli_result help = run_cli({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.err.empty());
    CHECK(help.out.rfind("usage: lrsched " + command + " FILE", 0) == 0);
    CHECK(lines_of(help.out).size() <= 30);
    for (const std::string& option :
         std::vector<std::string>{"--dialect auto|canonical|pytorch", "--base-lr X", "--set KEY=VALUE", "--help"}) {
      CHECK(help.out.find(option) != std::string::npos);
    }
    CHECK(run_cli({command, "-h"}).out == help.out);
    CHECK(run_cli({"help", command}).out == help.out);
    // --help wins over everything else on the line.
    CHECK(run_cli({command, "--help", "no-such-file"}).exit_code == 0);
  }
  CHECK(run_cli({"eval", "--help"}).out.find("--steps A:B[:STRIDE]") != std::string::npos);
  CHECK(run_cli({"eval", "--help"}).out.find("--steps-file F") != std::string::npos);
  CHECK(run_cli({"sum", "--help"}).out.find("--steps A:B") != std::string::npos);
  CHECK(run_cli({"show", "--help"}).out.find("--steps A:B") != std::string::npos);
  for (const std::string& command : std::vector<std::string>{"eval", "sum", "diff"}) {
    CHECK(run_cli({command, "--help"}).out.find("--format text|csv|json") != std::string::npos);
  }
  CHECK(run_cli({"-h"}).out == overview.out);
  CHECK(run_cli({"help"}).out == overview.out);
  // --version, which help2man reads for the man page.
  const cli_result version = run_cli({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == fmt::format("lrsched {}.{}.{}\n", LRSCHED_VERSION_MAJOR,
                                   LRSCHED_VERSION_MINOR, LRSCHED_VERSION_PATCH));
}

TEST_CASE("numbers print in the shortest form that reads back exactly") {
  const std::string config = R"({"kind": "constant", "value": 0.0003})";
  const cli_result values = run_cli({"eval", "-", "--steps", "2"}, config);
  REQUIRE(values.exit_code == 0);
  CHECK(values.out == "0.0003\n0.0003\n");
  const cli_result total = run_cli({"sum", "-", "--steps", "0:3"}, config);
  CHECK(total.out == shortest(lrsched::sum(lrsched::constant(0.0003), 0, 3)) + "\n");
  CHECK(total.out.size() < 20);
  const cli_result small = run_cli({"eval", "-", "--steps", "1"},
                                   R"({"kind": "constant", "value": 1.5e-05})");
  CHECK(small.out == "1.5e-05\n");
}

TEST_CASE("--steps N means 0:N, and ranges reach the int64 limits without overflow") {
  const auto file = (configs_dir() / "sgdr_restarts.json").string();
  const auto s = lrsched::parse_schedule(read_file(file));
  const auto five = numbers_of(run_cli({"eval", file, "--steps", "5"}).out);
  REQUIRE(five.size() == 5);
  for (std::size_t k = 0; k < 5; ++k) CHECK(five[k] == s(static_cast<std::int64_t>(k)));
  CHECK(run_cli({"eval", file, "--steps", "0"}).out.empty());

  const cli_result whole = run_cli(
      {"eval", file, "--steps=-9223372036854775808:9223372036854775807:4611686018427387904"});
  REQUIRE(whole.exit_code == 0);
  const auto four = numbers_of(whole.out);
  const std::int64_t quarter = std::int64_t{1} << 62;
  const std::vector<std::int64_t> steps{int64_min, int64_min + quarter, 0, quarter};
  REQUIRE(four.size() == steps.size());
  for (std::size_t k = 0; k < steps.size(); ++k) CHECK(four[k] == s(steps[k]));

  const cli_result last = run_cli({"eval", file, "--format", "csv", "--steps",
                                   std::to_string(int64_max - 1) + ":" +
                                       std::to_string(int64_max) + ":" +
                                       std::to_string(int64_max)});
  CHECK(last.out == "step,lr\n" + std::to_string(int64_max - 1) + "," + shortest(s(int64_max - 1)) +
                        "\n");
}

TEST_CASE("eval and sum print CSV and JSON with --format") {
  const auto file = (configs_dir() / "warmup_cosine.json").string();
  const auto s = lrsched::parse_schedule(read_file(file));
  const cli_result csv = run_cli({"eval", file, "--steps", "0:3000:700", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  const auto rows = lines_of(csv.out);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0] == "step,lr");
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const std::int64_t t = 700 * static_cast<std::int64_t>(k - 1);
    CHECK(rows[k] == std::to_string(t) + "," + shortest(s(t)));
  }
  const cli_result json = run_cli({"eval", file, "--steps", "0:3000:700", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  const auto array = nlohmann::json::parse(json.out);
  REQUIRE(array.size() == 5);
  for (std::size_t k = 0; k < array.size(); ++k) {
    CHECK(array[k]["step"].get<std::int64_t>() == 700 * static_cast<std::int64_t>(k));
    CHECK(array[k]["lr"].get<double>() == s(array[k]["step"].get<std::int64_t>()));
  }
  CHECK(nlohmann::json::parse(run_cli({"eval", file, "--steps", "0", "--format", "json"}).out) ==
        nlohmann::json::array());

  const double total = lrsched::sum(s, 10, 5000);
  CHECK(run_cli({"sum", file, "--steps", "10:5000", "--format", "csv"}).out ==
        "first,last,sum\n10,5000," + shortest(total) + "\n");
  const auto summed =
      nlohmann::json::parse(run_cli({"sum", file, "--steps", "10:5000", "--format", "json"}).out);
  CHECK(summed["first"] == 10);
  CHECK(summed["last"] == 5000);
  CHECK(summed["sum"].get<double>() == total);
}

TEST_CASE("diff: where two configs differ, exit 0 when they agree and 1 when not") {
  const temporary_file a(R"({"kind": "linear", "start_value": 1, "end_value": 0, "steps": 10})");
  const temporary_file b(R"({"kind": "linear", "start_value": 1, "end_value": 0.5, "steps": 20})");
  const auto sa = lrsched::parse_schedule(read_file(a.path()));
  const auto sb = lrsched::parse_schedule(read_file(b.path()));
  // The same schedule in another dialect's words is no difference.
  const auto native = configs_dir() / "native";
  const cli_result converted = run_cli({"convert", (native / "huggingface_cosine.json").string()});
  const temporary_file canonical(converted.out);
  const cli_result same = run_cli(
      {"diff", (native / "huggingface_cosine.json").string(), canonical.path(), "--steps", "30000"});
  CHECK(same.exit_code == 0);
  CHECK(same.out.find("identical at every step compared") != std::string::npos);

  SECTION("default range: 0 to the longer length, inclusive") {
    const cli_result r = run_cli({"diff", a.path(), b.path(), "--format", "json"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    const auto d = nlohmann::json::parse(r.out);
    CHECK(d["steps"]["first"] == 0);
    CHECK(d["steps"]["last"] == 21);
    CHECK(d["steps"]["count"] == 21);
    CHECK(d["identical"] == false);
    double max_absolute = 0;
    std::int64_t max_absolute_step = -1;
    double max_relative = 0;
    std::int64_t first = -1;
    for (std::int64_t t = 0; t <= 20; ++t) {
      const double x = sa(t);
      const double y = sb(t);
      if (x == y) continue;
      if (first < 0) first = t;
      if (std::abs(x - y) > max_absolute) {
        max_absolute = std::abs(x - y);
        max_absolute_step = t;
      }
      max_relative = std::max(max_relative, std::abs(x - y) / std::max(std::abs(x), std::abs(y)));
    }
    CHECK(d["first_difference"] == first);
    CHECK(d["max_absolute"]["value"].get<double>() == max_absolute);
    CHECK(d["max_absolute"]["step"] == max_absolute_step);
    CHECK(d["max_relative"]["value"].get<double>() == max_relative);
    CHECK(max_relative == 1.0);  // a is 0 from step 10 on
    CHECK(d["sum"]["difference"].get<double>() ==
          lrsched::sum(sa, 0, 21) - lrsched::sum(sb, 0, 21));
  }
  SECTION("--steps, text and csv") {
    const cli_result text = run_cli({"diff", a.path(), b.path(), "--steps", "0:1"});
    CHECK(text.exit_code == 0);  // both start at 1
    const cli_result csv = run_cli({"diff", a.path(), b.path(), "--steps", "0:10:3", "--format", "csv"});
    CHECK(csv.exit_code == 1);
    const auto rows = lines_of(csv.out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].rfind("first,last,stride,count,first_difference,", 0) == 0);
    CHECK(rows[1].rfind("0,10,3,4,3,", 0) == 0);
    const cli_result lines = run_cli({"diff", a.path(), b.path()});
    CHECK(lines.out.find("first difference at step 1: " + shortest(sa(1)) + " vs " +
                         shortest(sb(1))) != std::string::npos);
  }
  SECTION("trouble exits with 2, as diff(1) does") {
    CHECK(run_cli({"diff", a.path(), "/nonexistent/lrsched.json"}).exit_code == 2);
    check_usage_error({"diff", a.path()}, "expected two FILEs, got 1");
    check_usage_error({"diff", a.path(), (configs_dir() / "step_decay.json").string()},
                      "has no end");
    check_usage_error({"diff", a.path(), b.path(), "--steps", "0:1000000000000"},
                      "diff compares at most");
  }
}

TEST_CASE("--set and --base-lr refuse what they cannot apply, naming it") {
  const auto native = configs_dir() / "native";
  const std::string huggingface = (native / "huggingface_cosine.json").string();
  const std::string canonical = (configs_dir() / "step_decay.json").string();
  // The config sets max_steps and its learning rate itself; a canonical config takes neither.
  check_usage_error({"check", huggingface, "--set", "max_steps=5000"}, "--set max_steps");
  check_usage_error({"check", huggingface, "--base-lr", "0.1"}, "--base-lr");
  check_usage_error({"eval", canonical, "--steps", "3", "--set", "no_such_field=1"},
                    "--set no_such_field");
  check_usage_error({"check", canonical, "--base-lr", "0.1"}, "--base-lr");
  check_usage_error({"check", canonical, "--set", "a=1", "--set", "a=2"},
                    "--set a given more than once");
  // Numbers are decimal: no hexadecimal (strtod's 0x10 is 16).
  check_usage_error({"check", huggingface, "--set", "k=0x10"}, "--set k must be a finite number");
  check_usage_error({"check", huggingface, "--base-lr", "0x1p-3"}, "--base-lr must be a finite");

  // What a config leaves out is still filled.
  const std::string open_ended = R"({"learning_rate": 3e-4, "lr_scheduler_type": "linear"})";
  lrsched::load_options options;
  options.values["max_steps"] = 100;
  const auto expected = lrsched::load_config(lrsched::parse_config(open_ended),
                                             lrsched::dialect::hf, options);
  const cli_result filled = run_cli({"eval", "-", "--steps", "0:100:7", "--set", "max_steps=100"},
                                    open_ended);
  REQUIRE(filled.exit_code == 0);
  const auto values = numbers_of(filled.out);
  REQUIRE(values.size() == 15);
  for (std::size_t k = 0; k < values.size(); ++k) {
    CHECK(values[k] == expected(7 * static_cast<std::int64_t>(k)));
  }
  const std::string automatic =
      R"({"scheduler": {"type": "WarmupLR",
          "params": {"warmup_max_lr": "auto", "warmup_num_steps": "auto"}}})";
  CHECK(run_cli({"check", "-", "--base-lr", "0.001", "--set", "warmup_num_steps=20"}, automatic)
            .exit_code == 0);
  // --set fills warmup_max_lr, so --base-lr has nothing left to fill.
  check_usage_error({"check", "-", "--base-lr", "0.001", "--set", "warmup_num_steps=20", "--set",
                     "warmup_max_lr=0.002"},
                    "--base-lr has no effect", automatic);
}

TEST_CASE("messages escape control bytes of what they quote") {
  const std::string file = (configs_dir() / "step_decay.json").string();
  const temporary_file binary("1\n\x01\x02\x7f\x1b[31m\n");
  const cli_result r = run_cli({"eval", file, "--steps-file", binary.path()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("line 2") != std::string::npos);
  CHECK(r.err.find("'\\x01\\x02\\x7f\\x1b[31m'") != std::string::npos);
  for (std::size_t k = 0; k + 1 < r.err.size(); ++k) {
    INFO("byte " << k);
    CHECK(static_cast<unsigned char>(r.err[k]) >= 0x20);
    CHECK(r.err[k] != '\x7f');
  }
  check_usage_error({"eval", file, "--steps", "1\n2"}, "'1\\x0a2'");
  check_usage_error({"check", file, "--set", "a\tb=1"}, "--set a\\x09b has no effect");
}

// --------------------------------------------------------------- YAML and convert --to
namespace {

/// A file at a path of the temporary directory ending in `name` (so its extension counts),
/// holding `content`, removed when this goes out of scope.
class named_file {
 public:
  named_file(const std::string& name, const std::string& content) {
    const temporary_file unique;  // a fresh name to build on
    path_ = unique.path() + "-" + name;
    std::ofstream(path_, std::ios::binary) << content;
  }
  named_file(const named_file&) = delete;
  named_file& operator=(const named_file&) = delete;
  ~named_file() { std::remove(path_.c_str()); }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

/// `a` and `b` agree within a relative 1e-12 (what convert checks a written config to).
bool close_values(double a, double b) {
  return a == b || std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

/// The learning rates `lrsched eval` prints for `arguments` (a FILE and input options).
std::vector<double> evaluated(std::vector<std::string> arguments, const std::string& steps,
                              const std::string& input = {}) {
  arguments.insert(arguments.begin(), "eval");
  arguments.insert(arguments.end(), {"--steps", steps});
  const cli_result r = run_cli(arguments, input);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return numbers_of(r.out);
}

const std::string ds_config_yaml = (std::filesystem::path(LRSCHED_TEST_DATA_DIR) / "yaml" /
                                    "ds_config.yaml").string();
// A PyTorch cosine annealing (Hydra's _target_ form), which HF's cosine_with_min_lr also is.
constexpr const char* torch_cosine_json = R"({
    "optimizer": {"_target_": "torch.optim.AdamW", "lr": 0.01},
    "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.CosineAnnealingLR", "T_max": 100,
                     "eta_min": 0.001}})";

// tests/data/yaml/ds_config.yaml as JSON.
constexpr const char* ds_config_json = R"({"train_batch_size": 256,
  "optimizer": {"type": "AdamW", "params": {"lr": 6e-4, "weight_decay": 0.1}},
  "scheduler": {"type": "WarmupDecayLR", "params": {"warmup_min_lr": 0, "warmup_max_lr": 6e-4,
    "warmup_num_steps": 2000, "total_num_steps": 20000, "warmup_type": "linear"}},
  "zero_optimization": {"stage": 2}})";

}  // namespace

#ifdef LRSCHED_CLI_YAML
TEST_CASE("a YAML config reads as its JSON twin, by its name or --input-format yaml") {
  const temporary_file json(ds_config_json);
  const auto from_json = evaluated({json.path()}, "0:25000:7");
  REQUIRE(from_json.size() > 3000);
  CHECK(evaluated({ds_config_yaml}, "0:25000:7") == from_json);
  std::string yaml_text = read_file(ds_config_yaml);
  CHECK(evaluated({"-", "--input-format", "yaml"}, "0:25000:7", yaml_text) == from_json);
  const named_file yml("config.YML", yaml_text);
  CHECK(evaluated({yml.path()}, "0:25000:7") == from_json);
  // Every command reads it: convert gives the JSON twin's canonical form.
  CHECK(run_cli({"convert", ds_config_yaml}).out == run_cli({"convert", json.path()}).out);
  CHECK(run_cli({"check", ds_config_yaml}).exit_code == 0);
  CHECK(run_cli({"diff", ds_config_yaml, json.path()}).exit_code == 0);
  // A JSON file named *.yaml reads too (JSON's flow syntax is YAML), but YAML named *.json
  // is JSON, and --input-format json says so of a .yaml file.
  const named_file json_named_yaml("twin.yaml", ds_config_json);
  CHECK(evaluated({json_named_yaml.path()}, "0:25000:7") == from_json);
  const temporary_file yaml_unnamed(yaml_text);
  CHECK(run_cli({"check", yaml_unnamed.path()}).exit_code == 2);
  CHECK(run_cli({"check", ds_config_yaml, "--input-format", "json"}).exit_code == 2);
  check_usage_error({"check", ds_config_yaml, "--input-format", "yml"},
                    "--input-format must be json or yaml, got 'yml'");
}

TEST_CASE("every example config, written as YAML, evaluates as its JSON") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const named_file yaml("example.yaml",
                          lrsched::yaml::from_json(nlohmann::ordered_json::parse(read_file(file))));
    CHECK(evaluated({yaml.path()}, "-50:30000:13") == evaluated({file.string()}, "-50:30000:13"));
  }
}

TEST_CASE("an error in a YAML config names its key path, line and column") {
  std::string text = read_file(ds_config_yaml);
  const std::string from = "total_num_steps: 20000", to = "total_num_steps: -5";
  REQUIRE(text.find(from) != std::string::npos);
  const std::size_t at = text.find(from);
  text.replace(at, from.size(), to);
  const auto line = std::to_string(std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n') + 1);
  const std::string where = "/scheduler/params/total_num_steps: line " + line + ", column 5: ";
  const named_file bad("bad.yaml", text);
  for (const std::string& command : std::vector<std::string>{"check", "convert", "show"}) {
    INFO(command);
    const cli_result r = run_cli({command, bad.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind(bad.path() + ": " + where, 0) == 0);
    CHECK(r.err.find('\n') == r.err.size() - 1);
  }
  SECTION("and a syntax error its line") {
    const named_file broken("broken.yaml", "scheduler:\n  type: [WarmupLR\n  params: {}\n");
    const cli_result r = run_cli({"check", broken.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(": line ") != std::string::npos);
    CHECK(r.err.find("invalid YAML") != std::string::npos);
  }
  SECTION("from standard input too") {
    const cli_result r = run_cli({"check", "-", "--input-format", "yaml"}, text);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("<stdin>: " + where, 0) == 0);
  }
}

TEST_CASE("convert --format yaml writes YAML that loads back to the same schedule") {
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    const cli_result r = run_cli({"convert", file.string(), "--format", "yaml"});
    REQUIRE(r.exit_code == 0);
    CHECK(lrsched::yaml::to_json(r.out) ==
          nlohmann::ordered_json::parse(run_cli({"convert", file.string()}).out));
    const named_file written("written.yaml", r.out);
    CHECK(evaluated({written.path()}, "0:30000:17") == evaluated({file.string()}, "0:30000:17"));
  }
}
#else
TEST_CASE("without YAML support a YAML config is one clear error") {
  const cli_result r = run_cli({"check", ds_config_yaml});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "lrsched check: " + ds_config_yaml +
                     ": this lrsched was built without YAML support (lrsched::yaml, from "
                     "yaml-cpp)\n");
  const temporary_file json(ds_config_json);
  const cli_result yaml_out = run_cli({"convert", json.path(), "--format", "yaml"});
  CHECK(yaml_out.exit_code == 1);
  CHECK(yaml_out.err.find("built without YAML support") != std::string::npos);
}
#endif

TEST_CASE("convert --to writes another system's config that evaluates as the original") {
  struct pair {
    std::filesystem::path file;
    std::string to;
  };
  const std::filesystem::path native = configs_dir() / "native";
  const std::filesystem::path yaml = std::filesystem::path(LRSCHED_TEST_DATA_DIR) / "yaml";
  const temporary_file ds_json(ds_config_json);
  const temporary_file pytorch_cosine(torch_cosine_json);
  const temporary_file keras(R"({"class_name": "ExponentialDecay", "config": {
      "initial_learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.5, "staircase": true}})");
  const temporary_file timm(R"({"sched": "cosine", "lr": 0.1, "epochs": 10,
      "warmup_epochs": 2, "warmup_lr": 0.01, "min_lr": 1e-4, "updates_per_epoch": 5})");
  const temporary_file optax(R"({"optax": "join_schedules", "boundaries": [10],
      "schedules": [{"optax": "linear_schedule", "init_value": 0, "end_value": 1e-3,
                     "transition_steps": 10},
                    {"optax": "piecewise_constant_schedule", "init_value": 1e-3,
                     "boundaries_and_scales": {"20": 0.5, "40": 0.1}}]})");
  std::vector<pair> pairs{
      {native / "deepspeed_warmup_cosine.json", "deepspeed"},
      {native / "deepspeed_warmup_cosine.json", "canonical"},
      {native / "huggingface_cosine.json", "hf"},
      {native / "huggingface_cosine.json", "canonical"},
      {ds_json.path(), "deepspeed"},
      {pytorch_cosine.path(), "pytorch"},
      {pytorch_cosine.path(), "deepspeed"},
      {pytorch_cosine.path(), "huggingface"},  // the long name of hf
      {keras.path(), "keras"},
      {timm.path(), "timm"},
      {optax.path(), "optax"},
  };
#ifdef LRSCHED_CLI_YAML
  pairs.push_back({yaml / "lightning_cli.yaml", "deepspeed"});
  pairs.push_back({yaml / "hydra.yaml", "pytorch"});
  pairs.push_back({yaml / "megatron_args.yaml", "megatron"});
#endif
  const std::vector<std::string> ranges{"0:5000", "-20:400000:97"};
  for (const auto& [file, to] : pairs) {
    INFO(file.filename().string() << " --to " << to);
    std::vector<std::vector<double>> original;
    for (const auto& steps : ranges) original.push_back(evaluated({file.string()}, steps));
    for (const std::string& format : std::vector<std::string>{"json", "yaml"}) {
      INFO("--format " << format);
      const cli_result r = run_cli({"convert", file.string(), "--to", to, "--format", format});
      INFO("stderr: " << r.err);
      REQUIRE(r.exit_code == 0);
      CHECK(r.err.empty());
#ifndef LRSCHED_CLI_YAML
      if (format == "yaml") continue;
#endif
      const temporary_file written(r.out);
      const std::vector<std::string> read_back{written.path(), "--dialect", to,
                                               "--input-format", format};
      for (std::size_t range = 0; range < ranges.size(); ++range) {
        const auto& want = original[range];
        const auto got = evaluated(read_back, ranges[range]);
        REQUIRE(got.size() == want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
          INFO("value " << k << " of --steps " << ranges[range]);
          CHECK(close_values(got[k], want[k]));
        }
      }
      if (to == "canonical" && format == "json") {
        CHECK(nlohmann::ordered_json::parse(r.out) ==
              nlohmann::ordered_json::parse(run_cli({"convert", file.string()}).out));
      }
    }
  }
}

TEST_CASE("convert --to refuses a schedule the system cannot express: the reason, exit 1") {
  const auto file = (configs_dir() / "warmup_cosine.json").string();
  const temporary_file pytorch_cosine(torch_cosine_json);
  struct refused {
    std::string file;
    std::string to;
    lrsched::dialect target;
  };
  for (const auto& [path, to, target] :
       std::vector<refused>{{file, "deepspeed", lrsched::dialect::deepspeed},
                            {file, "pytorch", lrsched::dialect::pytorch},
                            {pytorch_cosine.path(), "megatron", lrsched::dialect::megatron}}) {
    INFO(path << " --to " << to);
    std::string reason;
    try {
      (void)lrsched::convert_config(lrsched::parse_config(read_file(path)), target);
      FAIL("the library writes it");
    } catch (const lrsched::conversion_error& e) {
      reason = e.problem();
    }
    for (const std::string& format : std::vector<std::string>{"json", "yaml"}) {
      const cli_result r = run_cli({"convert", path, "--to", to, "--format", format});
      INFO("stderr: " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      CHECK(r.err == "lrsched convert: " + path + ": " + reason + "\n");
    }
  }
  check_usage_error({"convert", file, "--to", "deepspeeed"},
                    "unknown dialect 'deepspeeed' (did you mean deepspeed?)");
  check_usage_error({"convert", file, "--to", "auto"}, "unknown dialect 'auto'");
  check_usage_error({"convert", file, "--format", "csv"}, "--format must be json or yaml");
}
