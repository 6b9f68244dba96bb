// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The main demo: a four-phase schedule written in samples, used from a loop that
// counts optimizer steps, with its summed learning rate in closed form.
//
//   warmup   0 → 5e-5 over the first 2M samples
//   plateau  5e-5 until 45M samples
//   decay    cosine 5e-5 → 4.5e-5 until 53M samples
//   drops    2.8e-5 until 56M samples, then 0.9e-5 to the end of the run (60M)
//
// Build and run: bash tools/demo.sh
#include <lrsched/lrsched.hpp>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {

constexpr std::int64_t million = 1'000'000;

// One text row of a terminal plot: `width` columns, a '#' bar for value / peak.
std::string bar(double value, double peak, int width) {
  const int filled = static_cast<int>(value / peak * width + 0.5);
  return std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(width - filled), ' ');
}

}  // namespace

int main() {
  using namespace lrsched;

  // The schedule in samples: one expression, a concrete type, no allocation.
  const auto in_samples = chain(linear(0.0, 5e-5, 2 * million),            // warmup
                                for_steps(43 * million, constant(5e-5)),   // plateau
                                cosine(5e-5, 4.5e-5, 8 * million),         // smooth decay
                                for_steps(3 * million, constant(2.8e-5)),  // first drop
                                constant(0.9e-5));                         // second drop
  constexpr std::int64_t run_samples = 60 * million;

  // The training loop counts optimizer steps of 512 samples each.
  constexpr std::int64_t batch = 512;
  const auto per_update = per_step(in_samples, batch);
  constexpr std::int64_t run_steps = run_samples / batch;

  std::printf("lrsched %d.%d.%d demo: a four-phase schedule in samples, %" PRId64
              " samples per step\n\n",
              LRSCHED_VERSION_MAJOR, LRSCHED_VERSION_MINOR, LRSCHED_VERSION_PATCH, batch);

  std::printf("%12s %10s  %-13s %s\n", "samples", "step", "lr", "");
  for (const std::int64_t samples :
       {std::int64_t{0}, 1 * million, 2 * million, 20 * million, 45 * million, 47 * million,
        49 * million, 51 * million, 53 * million, 55 * million, 56 * million, 59 * million}) {
    const std::int64_t step = samples / batch;
    std::printf("%12" PRId64 " %10" PRId64 "  %-13.6g |%s|\n", samples, step, per_update(step),
                bar(per_update(step), 5e-5, 40).c_str());
  }

  // Summed LR: closed form, piece by piece, whatever the number of steps; and the same
  // sum as a plain loop over every step. Each timed as the best of five runs.
  using clock = std::chrono::steady_clock;
  double total = 0.0;
  long double loop = 0.0L;
  double closed_us = 1e300;
  double loop_us = 1e300;
  for (int run = 0; run < 5; ++run) {
    const auto t0 = clock::now();
    total = sum(per_update, 0, run_steps);
    const auto t1 = clock::now();
    loop = 0.0L;
    for (std::int64_t t = 0; t < run_steps; ++t) loop += per_update(t);
    const auto t2 = clock::now();
    closed_us = std::min(closed_us, std::chrono::duration<double, std::micro>(t1 - t0).count());
    loop_us = std::min(loop_us, std::chrono::duration<double, std::micro>(t2 - t1).count());
  }
  std::printf("\nsummed LR over %" PRId64 " steps, closed form: %.12g  (%.2f us)\n", run_steps,
              total, closed_us);
  std::printf("summed LR over %" PRId64 " steps, plain loop:  %.12Lg  (%.0f us)\n", run_steps, loop,
              loop_us);
  std::printf("summed LR per sample over %" PRId64 " samples:  %.12g\n", run_samples,
              sum(in_samples, 0, run_samples));

  // When is half of the run's total learning rate spent?
  if (const auto half = steps_to_reach_sum(per_update, total / 2.0)) {
    std::printf("half of the summed LR is spent after step %" PRId64 " (%" PRId64 " samples)\n",
                *half, *half * batch);
  }
  return 0;
}
