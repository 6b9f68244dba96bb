// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// `lrsched loss`: fit, predict and optimize, and the one-line errors for bad inputs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "cli_runner.hpp"

namespace {

using lrsched::test::run_cli;
using lrsched::test::temporary_file;

const std::string run_header = "step,lr,loss\n";

// A small run: 1,000 steps logged every 50 after a 100-step warmup, from a known law.
std::string small_run(double end_lr) {
  std::string text = run_header;
  for (int step = 100; step <= 1000; step += 50) {
    const double lr = 3e-4 + (end_lr - 3e-4) * (step - 100) / 900.0;
    const double loss = 3.0 + 2.0 / (1.0 + step / 200.0) - 400.0 * (3e-4 - lr);
    text += std::to_string(step) + "," + std::to_string(lr) + "," + std::to_string(loss) + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("lrsched loss fit writes a law file that predict and optimize read") {
  const temporary_file a(small_run(3e-4)), b(small_run(3e-5));
  const auto fitted = run_cli({"loss", "fit", "--law", "tissue", a.path(), b.path()});
  REQUIRE(fitted.exit_code == 0);
  CHECK(fitted.out.find("\"law\": \"tissue\"") != std::string::npos);
  CHECK(fitted.out.find("\"worst_relative_error\"") != std::string::npos);
  const temporary_file law(fitted.out);
  const temporary_file schedule(
      R"({"kind": "cosine", "peak_value": 3e-4, "end_value": 0, "steps": 1000})");
  const auto predicted =
      run_cli({"loss", "predict", law.path(), schedule.path(), "--steps", "100:1000:300"});
  REQUIRE(predicted.exit_code == 0);
  CHECK(std::count(predicted.out.begin(), predicted.out.end(), '\n') == 3);
  // The same schedule as a step,lr CSV gives the same numbers.
  std::string csv = "step,lr\n";
  for (int t = 0; t < 1000; ++t) {
    char line[64];
    std::snprintf(line, sizeof line, "%d,%.17g\n", t,
                  1.5e-4 * (1.0 + std::cos(3.141592653589793 * t / 1000.0)));
    csv += line;
  }
  const temporary_file schedule_csv(csv);
  const std::string csv_path = schedule_csv.path() + ".csv";
  REQUIRE(std::rename(schedule_csv.path().c_str(), csv_path.c_str()) == 0);
  const auto from_csv =
      run_cli({"loss", "predict", law.path(), csv_path, "--steps", "100:1000:300"});
  std::rename(csv_path.c_str(), schedule_csv.path().c_str());
  CHECK(from_csv.exit_code == 0);
  std::istringstream x(from_csv.out), y(predicted.out);
  double u = 0.0, v = 0.0;
  int lines = 0;
  while (x >> u && y >> v) {
    CHECK(u == Approx(v).epsilon(1e-12));
    ++lines;
  }
  CHECK(lines == 3);
  const auto optimized = run_cli(
      {"loss", "optimize", law.path(), "--steps", "1000", "--peak", "3e-4", "--warmup", "100"});
  REQUIRE(optimized.exit_code == 0);
  CHECK(optimized.out.find("\"kind\"") != std::string::npos);
  CHECK(optimized.err.find("proposed") != std::string::npos);
  CHECK(optimized.err.find("cosine") != std::string::npos);
  CHECK(optimized.err.find("WSD") != std::string::npos);
}

TEST_CASE("lrsched loss rejects bad run files with file, line and column") {
  const auto rejects = [](const std::string& content, const std::string& where,
                          const std::string& what) {
    const temporary_file run(content);
    const auto result = run_cli({"loss", "fit", "--law", "mpl", run.path()});
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(run.path() + ":" + where + ": ") != std::string::npos);
    CHECK(result.err.find(what) != std::string::npos);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  };
  rejects("step,lr\n1,3e-4\n", "1:1", "missing column 'loss'");
  rejects(run_header + "100,3e-4,3.5\n200,abc,3.4\n", "3:5", "lr 'abc' is not a finite number");
  rejects(run_header + "100,3e-4,3.5\n300,3e-4,3.4\n200,3e-4,3.3\n", "4:1", "steps must increase");
  rejects(run_header + "100,3e-4,3.5\n100,3e-4,3.4\n", "3:1", "repeats");
  rejects(run_header + "100,-3e-4,3.5\n", "2:2", "negative learning rate");
  rejects(run_header + "100,3e-4,3.5,7\n", "2:14", "4 cells, the header has 3");
}

TEST_CASE("lrsched loss rejects a law file of the wrong kind and a bad schedule CSV") {
  const temporary_file schedule(R"({"kind": "constant", "value": 3e-4})");
  const temporary_file not_a_law(R"({"kind": "constant", "value": 3e-4})");
  auto result = run_cli({"loss", "predict", not_a_law.path(), schedule.path(), "--steps", "1:10"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(not_a_law.path() + ":1:1: not a loss law") != std::string::npos);
  const temporary_file other_law("{\n  \"law\": \"chinchilla\",\n  \"parameters\": {}\n}\n");
  result = run_cli({"loss", "predict", other_law.path(), schedule.path(), "--steps", "1:10"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(other_law.path() + ":2:3: unknown law 'chinchilla'") != std::string::npos);

  const temporary_file law(
      R"({"law": "tissue", "parameters": {"L0": 2.5, "A": 0.5, "alpha": 0.5, "C": 0.4, "momentum": 0.999}})");
  const temporary_file gap("step,lr\n0,1e-4\n2,1e-4\n");
  const std::string gap_csv = gap.path() + ".csv";
  REQUIRE(std::rename(gap.path().c_str(), gap_csv.c_str()) == 0);
  result = run_cli({"loss", "predict", law.path(), gap_csv, "--steps", "1:3"});
  std::remove(gap_csv.c_str());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(gap_csv + ":3:1: step 2 where step 1 was expected") != std::string::npos);

  result = run_cli({"loss", "fit", "--law", "chinchilla", "x.csv"});
  CHECK(result.exit_code == 2);
  result = run_cli({"loss", "fitt"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("did you mean fit?") != std::string::npos);
}
