// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Fits of the Multi-Power Law to the real runs in tests/data/loss-curves/mpl/: each model
// size on its three runs, and leave one run out (fit on two, predict the third).
#include <cstdio>
#include <ctime>
#include <span>
#include <string>
#include <vector>

// After mpl_runs.hpp: Ceres's headers bring glog, whose CHECK would replace Catch's.
#include "loss/mpl_runs.hpp"
// clang-format off
#include "catch.hpp"
// clang-format on

namespace {

std::vector<lrsched::loss_run> runs_of(const std::string& size) {
  std::vector<lrsched::loss_run> runs;
  for (const auto& shape : lrsched_test::mpl_shapes())
    runs.push_back(lrsched_test::mpl_run(size, shape));
  return runs;
}

void fit_all_three(const std::string& size) {
  const auto runs = runs_of(size);
  const std::clock_t began_cpu = std::clock();
  const auto fitted =
      lrsched::fit(std::span<const lrsched::loss_run>(runs), lrsched::multi_power_law{});
  const double cpu_seconds = static_cast<double>(std::clock() - began_cpu) / CLOCKS_PER_SEC;
  const auto& law = fitted.law;
  std::printf(
      "%s: fit on 3 runs in %.2f s, %.2f s CPU (%d starts, %d iterations): L0 %.4f A %.4f alpha "
      "%.4f "
      "B %.1f C %.4f beta %.4f gamma %.4f\n",
      size.c_str(), fitted.seconds, cpu_seconds, fitted.starts, fitted.iterations, law.L0, law.A,
      law.alpha, law.B, law.C, law.beta, law.gamma);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& e = fitted.runs[r];
    std::printf("  %-15s worst %.3f%%  mean %.3f%%\n", lrsched_test::mpl_shapes()[r].c_str(),
                100 * e.worst_relative, 100 * e.mean_relative);
    // The logged loss is one run's training loss, noisy at 0.1-0.5 %: the fit should sit in
    // the noise on average, with single points off by up to about twice its upper end.
    CHECK(e.mean_relative < 0.002);
    CHECK(e.worst_relative < 0.012);
  }
  CHECK(cpu_seconds < 20.0);  // CPU time: the wall time depends on what else the machine runs
}

void leave_one_out(const std::string& size) {
  const auto runs = runs_of(size);
  for (std::size_t out = 0; out < runs.size(); ++out) {
    std::vector<lrsched::loss_run> kept;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (r != out) kept.push_back(runs[r]);
    }
    const auto fitted =
        lrsched::fit(std::span<const lrsched::loss_run>(kept), lrsched::multi_power_law{});
    const auto e = lrsched::relative_error(fitted.law, runs[out]);
    std::printf("%s: fit without %-15s (%.2f s): predicted worst %.3f%%  mean %.3f%%\n",
                size.c_str(), lrsched_test::mpl_shapes()[out].c_str(), fitted.seconds,
                100 * e.worst_relative, 100 * e.mean_relative);
    // Two schedules leave the law's decay terms less pinned than three; the paper reports
    // about 0.1-0.2 % mean and under 1 % worst error on held-out schedules. A held-out run
    // whose shape no training run shows (the only decays in the other two) gets twice that.
    CHECK(e.mean_relative < 0.01);
    CHECK(e.worst_relative < 0.03);
  }
}

}  // namespace

TEST_CASE("the Multi-Power Law fitted on the 25M runs reproduces them") {
  fit_all_three("25M");
}
TEST_CASE("the Multi-Power Law fitted on the 100M runs reproduces them") {
  fit_all_three("100M");
}
TEST_CASE("the Multi-Power Law fitted on the 400M runs reproduces them") {
  fit_all_three("400M");
}
// One size only: the fits on constant + cosine need the most iterations (up to a minute on
// a busy 2-core machine); docs/loss.md lists all three sizes.
TEST_CASE("100M: fitted on two runs, the law predicts the third") {
  leave_one_out("100M");
}
