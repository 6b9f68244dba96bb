// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The demo's four-phase schedule (examples/demo.cpp, examples/configs/four_phase_in_samples.json)
// drawn against the samples seen, as it is written, while the run counts optimizer steps of
// 512 samples: the learning rate and, below it, the summed LR so far.
//
//   four_phase_samples [OUT.svg]     writes the chart (default four_phase_samples.svg)
#include <lrsched/lrsched.hpp>

#include <chart/chart.hpp>

#include <cstdint>
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  using namespace lrsched;
  constexpr std::int64_t million = 1'000'000;
  const auto in_samples = chain(linear(0.0, 5e-5, 2 * million),            // warmup
                                for_steps(43 * million, constant(5e-5)),   // plateau
                                cosine(5e-5, 4.5e-5, 8 * million),         // smooth decay
                                for_steps(3 * million, constant(2.8e-5)),  // first drop
                                constant(0.9e-5));                         // second drop
  constexpr std::int64_t samples_per_step = 512;
  const auto per_update = per_step(in_samples, samples_per_step);
  constexpr std::int64_t run_steps = 60 * million / samples_per_step;

  lrsched_chart::chart picture;
  picture.title = "four phases written in samples, run at 512 samples per step";
  picture.x_title = "samples";
  picture.x_range = {0.0, 60.0 * million};
  const auto steps = lrsched_chart::sample_steps(0, run_steps, 1001);
  const double x_per_step = static_cast<double>(samples_per_step);
  picture.panels.push_back({"learning rate", lrsched_chart::scale::linear, {}});
  picture.panels[0].series.push_back(
      lrsched_chart::sample(per_update, "per optimizer step", steps, x_per_step));
  picture.panels.push_back({"summed LR", lrsched_chart::scale::linear, {}});
  picture.panels[1].series.push_back(
      lrsched_chart::sample_running_sum(per_update, "per optimizer step", steps, x_per_step));
  // The phases' boundaries, in samples, as points on the curve.
  lrsched_chart::series boundaries{"phase boundaries", {}, {}, lrsched_chart::style::points, -1};
  for (const std::int64_t samples : {2 * million, 45 * million, 53 * million, 56 * million}) {
    const std::int64_t step = samples / samples_per_step;
    boundaries.x.push_back(static_cast<double>(step) * x_per_step);
    boundaries.y.push_back(per_update(step));
  }
  picture.panels[0].series.push_back(boundaries);

  const std::string out = argc > 1 ? argv[1] : "four_phase_samples.svg";
  if (!lrsched_chart::save_or_report(picture, out, "four_phase_samples")) return 1;
  std::printf("%s: %lld steps of %lld samples, summed LR %.10g\n", out.c_str(),
              static_cast<long long>(run_steps), static_cast<long long>(samples_per_step),
              sum(per_update, 0, run_steps));
  return 0;
}
