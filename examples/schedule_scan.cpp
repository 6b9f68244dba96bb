// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// A scan of 25 schedules for one 250,000-step run, drawn together, with a markdown table of
// each one's summed learning rate (the area under the curve; a constant 1e-3 sums to 250).
//
//   schedule_scan [OUT.svg]     writes the chart (default schedule_scan.svg), prints the table
//
// Every schedule except the constant reference starts with the same 3,000-step linear
// warmup; the summed LRs are closed forms, not loops over 250,000 steps.
#include <lrsched/lrsched.hpp>

#include <chart/chart.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
  using namespace lrsched;
  constexpr std::int64_t run_steps = 250'000;
  constexpr std::int64_t warmup_steps = 3'000;
  constexpr std::int64_t after_warmup = run_steps - warmup_steps;
  const auto warm = [](auto schedule) { return any_schedule(warmup(warmup_steps, schedule)); };

  const std::vector<std::pair<std::string, any_schedule>> scan = {
      {"constant 1e-3 (reference)", any_schedule(constant(1e-3))},
      {"cosine 1e-3 → 0", warm(cosine(1e-3, 0.0, after_warmup))},
      {"cosine 1e-3 → 1e-5", warm(cosine(1e-3, 1e-5, after_warmup))},
      {"cosine 1e-3 → 1e-4", warm(cosine(1e-3, 1e-4, after_warmup))},
      {"cosine 6e-4 → 0", warm(cosine(6e-4, 0.0, after_warmup))},
      {"cosine 6e-4 → 6e-5", warm(cosine(6e-4, 6e-5, after_warmup))},
      {"cosine 3e-4 → 3e-5", warm(cosine(3e-4, 3e-5, after_warmup))},
      {"linear 1e-3 → 0", warm(linear(1e-3, 0.0, after_warmup))},
      {"linear 1e-3 → 1e-4", warm(linear(1e-3, 1e-4, after_warmup))},
      {"linear 6e-4 → 0", warm(linear(6e-4, 0.0, after_warmup))},
      {"linear 3e-4 → 3e-5", warm(linear(3e-4, 3e-5, after_warmup))},
      {"exponential 1e-3, half every 25k", warm(exponential(1e-3, 0.5, 25'000))},
      {"exponential 1e-3, half every 50k", warm(exponential(1e-3, 0.5, 50'000))},
      {"exponential 1e-3, half every 100k", warm(exponential(1e-3, 0.5, 100'000))},
      {"exponential 6e-4, half every 40k", warm(exponential(6e-4, 0.5, 40'000))},
      {"plateau 150k, cosine 1e-3 → 0",
       warm(chain(for_steps(147'000, constant(1e-3)), cosine(1e-3, 0.0, 100'000)))},
      {"plateau 200k, linear 1e-3 → 0",
       warm(chain(for_steps(197'000, constant(1e-3)), linear(1e-3, 0.0, 50'000)))},
      {"plateau 100k, cosine 6e-4 → 6e-5",
       warm(chain(for_steps(97'000, constant(6e-4)), cosine(6e-4, 6e-5, 150'000)))},
      {"wsd 1e-3, 1−√r decay 50k", any_schedule(wsd(1e-3, warmup_steps, 197'000, 50'000,
                                                    {.decay_shape = wsd_shape::minus_sqrt}))},
      {"inverse_sqrt 1e-3", any_schedule(inverse_sqrt(1e-3, warmup_steps))},
      {"multistep 1e-3, ×0.1 at 125k, 200k", warm(multistep(1e-3, {122'000, 197'000}, 0.1))},
      {"polynomial 1e-3 → 0, power 2", warm(polynomial(1e-3, 0.0, after_warmup, 2.0))},
      {"polynomial 1e-3 → 0, power 0.5", warm(polynomial(1e-3, 0.0, after_warmup, 0.5))},
      {"tanh 1e-3 → 1e-5", warm(tanh_decay(1e-3, 1e-5, after_warmup))},
      {"cosine restarts 1e-3, period 50k",
       warm(cosine_restarts(1e-3, 50'000, {.floor_value = 1e-5}))},
  };

  lrsched_chart::chart picture;
  picture.title = "25 schedules for a 250,000-step run (3,000-step warmup)";
  picture.width = 1000;
  picture.height = 560;
  picture.panels.push_back({"learning rate", lrsched_chart::scale::linear, {}});
  const auto steps = lrsched_chart::sample_steps(0, run_steps, 1001);
  for (const auto& [name, schedule] : scan) {
    picture.panels[0].series.push_back(lrsched_chart::sample(schedule, name, steps));
  }
  const std::string out = argc > 1 ? argv[1] : "schedule_scan.svg";
  if (!lrsched_chart::save_or_report(picture, out, "schedule_scan")) return 1;

  std::printf("| schedule | summed LR over 250,000 steps | of constant 1e-3 |\n");
  std::printf("| --- | ---: | ---: |\n");
  const double reference = sum(constant(1e-3), 0, run_steps);  // 250
  for (const auto& [name, schedule] : scan) {
    const double total = sum(schedule, 0, run_steps);
    std::printf("| %s | %.4f | %.1f %% |\n", name.c_str(), total, 100.0 * total / reference);
  }
  return 0;
}
