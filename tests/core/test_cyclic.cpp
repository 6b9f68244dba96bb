// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/cyclic.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::cyclic;
using lrsched::cyclic_mode;
using lrsched::test::relative_error;

namespace {
// PyTorch 1.13 CyclicLR.get_lr, transcribed as a formula: the position in the cycle is
// 1 + t/T − ⌊1 + t/T⌋ in floating point, scaled by 1, 1/2^{cycle−1} or gamma^t.
double cyclic_formula(double base, double max, double up, double down, cyclic_mode mode,
                      double gamma, std::int64_t t) {
  const double total = up + down;
  const double ratio = up / total;
  const double cycle = std::floor(1.0 + static_cast<double>(t) / total);
  const double x = 1.0 + static_cast<double>(t) / total - cycle;
  const double factor = x <= ratio ? x / ratio : (x - 1.0) / (ratio - 1.0);
  const double height = (max - base) * factor;
  if (mode == cyclic_mode::triangular) return base + height;
  if (mode == cyclic_mode::triangular2) return base + height / std::pow(2.0, cycle - 1.0);
  return base + height * std::pow(gamma, static_cast<double>(t));
}
}  // namespace

TEST_CASE("cyclic reproduces PyTorch CyclicLR in every mode") {
  double worst = 0.0;
  for (const auto mode :
       {cyclic_mode::triangular, cyclic_mode::triangular2, cyclic_mode::exp_range}) {
    for (const auto& [up, down] :
         {std::pair<std::int64_t, std::int64_t>{10, 10}, {5, 15}, {2000, 2000}, {1, 1}, {7, 3}}) {
      const cyclic s(0.001, 0.006, up, down, mode, 0.9995);
      for (std::int64_t t = 0; t < 20 * (up + down) && t < 50'000; ++t) {
        const double expected = cyclic_formula(0.001, 0.006, static_cast<double>(up),
                                               static_cast<double>(down), mode, 0.9995, t);
        worst = std::max(worst, relative_error(s(t), expected));
      }
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("cyclic starts each cycle at base and peaks exactly at step_size_up") {
  const cyclic s(0.01, 0.1, 5, 15);
  CHECK(s(0) == 0.01);
  CHECK(s(-3) == 0.01);
  CHECK(s(5) == 0.1);
  CHECK(s(20) == 0.01);
  CHECK(s(25) == 0.1);
  const cyclic halving(0.01, 0.1, 5, 15, cyclic_mode::triangular2);
  CHECK(halving(5) == 0.1);
  CHECK(halving(25) == 0.01 + 0.09 / 2);
  CHECK(halving(45) == 0.01 + 0.09 / 4);
  // exp_range with gamma 1 is triangular.
  const cyclic flat(0.01, 0.1, 5, 15, cyclic_mode::exp_range, 1.0);
  for (std::int64_t t = 0; t < 100; ++t) CHECK(flat(t) == s(t));
}

TEST_CASE("cyclic with an empty half is a sawtooth, never dividing by zero") {
  const cyclic down_only(0.0, 1.0, 0, 4);  // peak, 3/4, 1/2, 1/4, peak, ...
  CHECK(down_only(0) == 1.0);
  CHECK(down_only(1) == 0.75);
  CHECK(down_only(3) == 0.25);
  CHECK(down_only(4) == 1.0);
  const cyclic up_only(0.0, 1.0, 4, 0);  // 0, 1/4, 1/2, 3/4, 0, ...
  CHECK(up_only(3) == 0.75);
  CHECK(up_only(4) == 0.0);
  CHECK(lrsched::sum(down_only, 0, 8) == 5.0);
  CHECK(lrsched::sum(up_only, 0, 8) == 3.0);
  const cyclic every_step(0.0, 1.0, 1, 0);  // T = 1: always the base
  CHECK(every_step(12345) == 0.0);
}

TEST_CASE("cyclic is finite and between its bounds at every extreme step") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const auto mode :
       {cyclic_mode::triangular, cyclic_mode::triangular2, cyclic_mode::exp_range}) {
    for (const auto& [up, down] : {std::pair<std::int64_t, std::int64_t>{1, 0},
                                   {0, 1},
                                   {3, 7},
                                   {max / 2, max / 2},
                                   {max, 0},
                                   {0, max}}) {
      for (const double gamma : {1e-300, 0.9999, 1.0}) {
        const cyclic s(1e-4, 1e-2, up, down, mode, gamma);
        for (const auto t : lrsched::test::extreme_steps) {
          CHECK(std::isfinite(s(t)));
          CHECK(s(t) >= 1e-4);
          CHECK(s(t) <= 1e-2);
        }
        CHECK(std::isfinite(lrsched::sum(s, 0, max)));
      }
    }
  }
  // Extreme values do not overflow max − base.
  const cyclic wide(-1.5e308, 1.5e308, 2, 2);
  CHECK(wide(1) == 0.0);
  CHECK(wide(2) == 1.5e308);
}

TEST_CASE("cyclic sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261128);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 6000; ++i) {
    const auto mode = static_cast<cyclic_mode>(i % 3);
    const double base = rng.coin() ? 0.0 : rng.log_uniform(1e-7, 1e-2);
    const double max = base + rng.log_uniform(1e-6, 1.0);
    const auto up = rng.integer(0, rng.coin() ? 10 : 3000);
    const auto down = rng.integer(up == 0 ? 1 : 0, rng.coin() ? 10 : 3000);
    // gamma from 1e-3 per step to within 1e-12 of 1.
    const double gamma = rng.coin() ? 1.0 - rng.log_uniform(1e-12, 1e-1) : rng.uniform(1e-3, 1.0);
    const cyclic s(base, max, up, down, mode, gamma);
    const auto first =
        rng.coin() ? rng.integer(-50, 20'000) : rng.integer(0, std::int64_t{1} << 40);
    const auto last = first + rng.integer(0, 8000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last, 1e-290L));
    ++cases;
  }
  CHECK(cases == 6000);
  CHECK(worst <= 1e-12);
}

TEST_CASE("cyclic sums over a billion steps agree with the triangle areas") {
  // Σ f over one cycle is (up − 1)/2 + (down + 1)/2 = T/2 (up, down >= 1).
  const std::int64_t up = 1999;
  const std::int64_t down = 3001;
  const std::int64_t period = up + down;
  const std::int64_t cycles = 200'000;  // 10^9 steps
  const long double base = 1e-4;        // the doubles the schedule holds
  const long double span = static_cast<long double>(1e-2) - base;
  const cyclic tri(1e-4, 1e-2, up, down);
  CHECK(relative_error(tri.sum(0, cycles * period),
                       base * cycles * period + span * cycles * (period / 2.0L)) <= 1e-17);
  // triangular2: cycle c weighs 2^{−c}: Σ_{c<C} 2^{−c} = 2 − 2^{1−C}.
  const cyclic halving(1e-4, 1e-2, up, down, cyclic_mode::triangular2);
  CHECK(relative_error(halving.sum(0, cycles * period),
                       base * cycles * period + span * (period / 2.0L) * 2.0L) <= 1e-17);
  // exp_range: additive across cuts inside and between cycles.
  const cyclic decaying(1e-4, 1e-2, up, down, cyclic_mode::exp_range, 1.0 - 1e-9);
  for (const std::int64_t cut :
       {std::int64_t{1}, up, period, 12'345 * period + 17, cycles * period - 1}) {
    CHECK(lrsched::test::split_error(decaying, 0, cut, cycles * period) <= 1e-15);
  }
}

TEST_CASE("cyclic describes itself with its constructor's parameters, the mode by name") {
  const auto d = cyclic(0.001, 0.006, 10, 20, cyclic_mode::exp_range, 0.99).describe();
  CHECK(d.kind == "cyclic");
  REQUIRE(d.parameters.size() == 6);
  CHECK(d.parameters[0].first == "base_lr");
  CHECK(std::get<double>(d.parameters[0].second) == 0.001);
  CHECK(d.parameters[1].first == "max_lr");
  CHECK(std::get<double>(d.parameters[1].second) == 0.006);
  CHECK(d.parameters[2].first == "step_size_up");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 10);
  CHECK(d.parameters[3].first == "step_size_down");
  CHECK(std::get<std::int64_t>(d.parameters[3].second) == 20);
  CHECK(d.parameters[4].first == "mode");
  CHECK(std::get<std::string>(d.parameters[4].second) == "exp_range");
  CHECK(d.parameters[5].first == "gamma");
  CHECK(std::get<double>(d.parameters[5].second) == 0.99);
  for (const auto mode :
       {cyclic_mode::triangular, cyclic_mode::triangular2, cyclic_mode::exp_range}) {
    CHECK(lrsched::cyclic_mode_from_string(lrsched::to_string(mode)) == mode);
  }
  CHECK_FALSE(lrsched::cyclic_mode_from_string("triangular3").has_value());
}

TEST_CASE("cyclic rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { cyclic(0.1, 1.0, 0, 0); }, "step_size_down",
                  "cyclic: step_size_down must be >= 1 when step_size_up is 0, got 0");
  expect_rejected([] { cyclic(0.1, 1.0, -1, 5); }, "step_size_up",
                  "cyclic: step_size_up must be >= 0, got -1");
  expect_rejected([] { cyclic(0.1, 1.0, std::numeric_limits<std::int64_t>::max(), 1); },
                  "step_size_down",
                  "cyclic: step_size_down must be <= 9223372036854775807 - step_size_up, got 1");
  expect_rejected([] { cyclic(0.1, 1.0, 5, 5, cyclic_mode::exp_range, 1.5); }, "gamma",
                  "cyclic: gamma must be in (0, 1], got 1.5");
  expect_rejected([] { cyclic(0.1, 1.0, 5, 5, cyclic_mode::exp_range, 0.0); }, "gamma",
                  "cyclic: gamma must be in (0, 1], got 0");
  expect_rejected([] { cyclic(0.1, 1.0, 5, 5, static_cast<cyclic_mode>(7)); }, "mode",
                  "cyclic: mode must be triangular, triangular2 or exp_range, got 7");
  expect_rejected([] { cyclic(0.1, std::nan(""), 5, 5); }, "max_lr",
                  "cyclic: max_lr must be finite, got nan");
}
