// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Fits the annealing-area law to two runs generated from known parameters and checks that
// the installed headers and Ceres give them back.
#include <lrsched/loss.hpp>
#include <lrsched/lrsched.hpp>

#include <cmath>
#include <cstdio>
#include <span>
#include <vector>

int main() {
  const lrsched::tissue_law truth{2.6, 0.55, 0.5, 0.45, 0.999};
  std::vector<lrsched::loss_run> runs;
  for (const double end : {3e-4, 3e-5}) {
    const lrsched::any_schedule s = lrsched::warmup(100, lrsched::linear(3e-4, end, 900));
    lrsched::loss_run run{s, {}, {}};
    for (std::int64_t t = 120; t < 1000; t += 40) run.steps.push_back(t);
    run.losses = lrsched::predict(truth, s, std::span<const std::int64_t>(run.steps));
    runs.push_back(std::move(run));
  }
  const auto fitted = lrsched::fit(std::span<const lrsched::loss_run>(runs), lrsched::tissue_law{});
  const bool ok = std::abs(fitted.law.L0 - truth.L0) < 1e-3 &&
                  std::abs(fitted.law.alpha - truth.alpha) < 1e-3 &&
                  std::abs(fitted.law.C - truth.C) < 1e-3;
  std::printf("lrsched::loss consumer: L0 %.4f alpha %.4f C %.4f: %s\n", fitted.law.L0,
              fitted.law.alpha, fitted.law.C, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
