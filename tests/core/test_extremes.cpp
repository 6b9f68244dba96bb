// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Values, sums and queries at the edges of the legal inputs: int64 extremes, values near
// ±DBL_MAX, multipliers within ulps of 1, NaN arguments. Each case once gave a wrong answer,
// undefined behaviour or an infinity.
#include <lrsched/lrsched.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "catch.hpp"
#include "rejection.hpp"
#include "support.hpp"

using lrsched::test::expect_rejected;
using lrsched::test::reference_sum;
using lrsched::test::relative_error;

namespace {
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_CASE("a cosine over INT64_MAX steps sums its first steps without overflow") {
  for (const double exponent : {1.0, 2.0, 3.0}) {
    const lrsched::cosine s(1.0, 0.0, int64_max, exponent);
    CHECK(relative_error(lrsched::sum(s, 0, 1000), reference_sum(s, 0, 1000)) < 1e-15);
    CHECK(relative_error(lrsched::sum(s, 0, 300), reference_sum(s, 0, 300)) < 1e-15);
    CHECK(relative_error(lrsched::sum_of_squares(s, 0, 1000), 1000.0L) < 1e-15);
  }
  const lrsched::cosine rise(0.0, 1.0, int64_max);
  CHECK(relative_error(lrsched::sum(rise, 0, 1000), reference_sum(rise, 0, 1000)) < 1e-15);
}

TEST_CASE("restarts with a multiplier within ulps of 1 sum their last int64 steps as a loop") {
  for (const double multiplier : {std::nextafter(1.0, 2.0), 1.0 + 4e-16, 1.0 + 4.5e-16}) {
    for (const std::int64_t period : {1, 10, 1000, 100'000}) {
      const lrsched::cosine_restarts s(1.0, period, {.period_multiplier = multiplier});
      const std::int64_t first = int64_max - 98;
      INFO("multiplier - 1 = " << multiplier - 1.0 << ", first_period = " << period);
      CHECK(relative_error(lrsched::sum(s, first, int64_max), reference_sum(s, first, int64_max),
                           1e-300L) < 1e-12);
      CHECK(s.first_step(s.cycle_of(int64_max - 1)) <= int64_max - 1);
    }
  }
}

TEST_CASE("tanh_decay with bounds near ±1e308 sums to its values' sum") {
  const lrsched::tanh_decay s(1.0, 0.0, 1000, -1e308, 1e308);
  CHECK(s(500) == 0.5);
  CHECK(lrsched::sum(s, 0, 1000) == 500.5);
  CHECK(lrsched::sum(s, 0, 1000) == static_cast<double>(reference_sum(s, 0, 1000)));
  const lrsched::tanh_decay steep(2.0, 1.0, 10'000, -3e5, 1e5);
  CHECK(relative_error(lrsched::sum(steep, 0, 20'000), reference_sum(steep, 0, 20'000)) < 1e-15);
  CHECK(relative_error(lrsched::sum(steep, 7'000, 8'000), reference_sum(steep, 7'000, 8'000)) <
        1e-15);
}

TEST_CASE("queries take any int64 bounds and refuse a NaN target") {
  const lrsched::constant one(1.0);
  CHECK(lrsched::steps_to_reach_sum(one, 10.0, int64_min) == int64_min + 10);
  CHECK(lrsched::steps_to_reach_sum(one, 10.0, int64_max - 5) == std::nullopt);
  CHECK(lrsched::steps_to_reach_sum(one, 5.0, int64_max - 5) == int64_max);
  CHECK(lrsched::steps_to_reach_sum(one, std::nan(""), 0) == std::nullopt);
  CHECK(lrsched::steps_to_reach_sum(one, std::nan(""), int64_min) == std::nullopt);
  const lrsched::linear ramp(1.0, 0.0, 1'000);
  CHECK(lrsched::first_step_below(ramp, 0.5, int64_min, int64_max) == 501);
  CHECK(lrsched::first_step_below(ramp, 2.0, int64_min, int64_max) == int64_min);
  CHECK(lrsched::first_step_below(ramp, -1.0, int64_min, int64_max) == std::nullopt);
  CHECK(lrsched::first_step_below(ramp, std::nan(""), int64_min, int64_max) == std::nullopt);
}

TEST_CASE("linear and piecewise_linear stay finite between values near ±DBL_MAX") {
  CHECK(lrsched::linear(1e308, 1e308, 3)(1) == 1e308);
  CHECK(lrsched::linear(DBL_MAX, DBL_MAX, 7)(3) == DBL_MAX);
  CHECK(lrsched::linear(-DBL_MAX, DBL_MAX, 4)(2) == 0.0);
  const lrsched::piecewise_linear s({{0, -DBL_MAX}, {4, DBL_MAX}});
  CHECK(s(2) == 0.0);
  CHECK(s(1) == Approx(-DBL_MAX / 2).epsilon(1e-15));
  CHECK(s(3) == Approx(DBL_MAX / 2).epsilon(1e-15));
  // Values that do not overflow keep the double formula bit for bit.
  CHECK(lrsched::linear(3.0, 1.0, 3)(1) == (3.0 * 2.0 + 1.0 * 1.0) / 3.0);
}

TEST_CASE("one_cycle rejects division factors that make its values infinite") {
  expect_rejected([] { (void)lrsched::one_cycle(1e10, 100, {.div_factor = 1e-300}); },
                  "div_factor",
                  "one_cycle: div_factor must be large enough that max_lr / div_factor is "
                  "finite (max_lr = 1e+10), got 1e-300");
  expect_rejected([] { (void)lrsched::one_cycle(1.0, 100, {.div_factor = 1e-310}); },
                  "div_factor",
                  "one_cycle: div_factor must be large enough that max_lr / div_factor is "
                  "finite (max_lr = 1), got 1e-310");
  expect_rejected(
      [] { (void)lrsched::one_cycle(1e300, 100, {.div_factor = 1.0, .final_div_factor = 1e-10}); },
      "final_div_factor",
      "one_cycle: final_div_factor must be large enough that max_lr / div_factor / "
      "final_div_factor is finite (max_lr / div_factor = 1e+300), got 1e-10");
  const lrsched::one_cycle fine(1.0, 100, {.div_factor = 1e-300 * 1e10});
  CHECK(std::isfinite(lrsched::sum(fine, 0, 100)));
}

TEST_CASE("scale and products reject an overflow they can see and saturate elsewhere") {
  expect_rejected([] { (void)lrsched::scale(lrsched::constant(1e300), 1e300); }, "factor",
                  "scale: factor must be small enough that factor × schedule is finite at "
                  "step 0 (1e+300 × 1e+300), got 1e+300");
  expect_rejected([] { (void)lrsched::scale(lrsched::linear(1.0, 1e300, 10), 1e10); }, "factor",
                  "scale: factor must be small enough that factor × schedule is finite at "
                  "step 10 (1e+10 × 1e+300), got 1e+10");
  expect_rejected(
      [] { (void)lrsched::multiply(lrsched::constant(1e200), lrsched::linear(1.0, 1e200, 5)); },
      "factors",
      "product: factors must be small enough that the product is finite at step 5 "
      "(1e+200 × 1e+200), got inf");
  expect_rejected(
      [] {
        (void)lrsched::any_schedule::product({lrsched::any_schedule(lrsched::constant(1e200)),
                                              lrsched::any_schedule(lrsched::constant(1e200))});
      },
      "factors",
      "product: factors must be small enough that the product is finite at step 0 "
      "(1e+200 × 1e+200), got inf");
  // A peak between the checked steps saturates instead of overflowing.
  const auto peaked = lrsched::scale(lrsched::cyclic(0.0, 1e300, 10, 10), 1e10);
  CHECK(peaked(10) == DBL_MAX);
  const auto product = lrsched::multiply(lrsched::cyclic(0.0, 1e300, 10, 10), lrsched::constant(1e10));
  CHECK(product(10) == DBL_MAX);
  const auto erased = lrsched::any_schedule::product(
      {lrsched::any_schedule(lrsched::cyclic(0.0, 1e300, 10, 10)), lrsched::any_schedule(
                                                                   lrsched::constant(-1e10))});
  CHECK(erased(10) == -DBL_MAX);
}

TEST_CASE("fill into float saturates values beyond float's range") {
  std::vector<float> out(3);
  lrsched::fill(lrsched::linear(1e300, -1e300, 2), std::span<float>(out));
  CHECK(out[0] == std::numeric_limits<float>::max());
  CHECK(out[1] == 0.0f);
  CHECK(out[2] == std::numeric_limits<float>::lowest());
  CHECK(std::isfinite(out[0]));
}

TEST_CASE("annealing_area rejects a momentum outside [0, 1] and agrees with the recurrence") {
  const auto s = lrsched::warmup(200, lrsched::cosine(3e-4, 3e-5, 3000));
  expect_rejected([&] { (void)lrsched::annealing_area(s, 100, std::nan("")); }, "momentum",
                  "annealing_area: momentum must be in [0, 1], got nan");
  expect_rejected([&] { (void)lrsched::annealing_area(s, 100, 1.5); }, "momentum",
                  "annealing_area: momentum must be in [0, 1], got 1.5");
  for (const double momentum : {0.0, 0.5, 0.9, 0.999, 1.0}) {
    for (const std::int64_t steps : {0, 1, 150, 2999, 3500, 60'000}) {
      long double m = 0.0L;
      lrsched::detail::compensated_sum area;
      for (std::int64_t i = 1; i <= steps; ++i) {
        m = momentum * m + (static_cast<long double>(s(i - 1)) - s(i));
        area.add(m);
      }
      INFO("momentum " << momentum << ", steps " << steps);
      CHECK(relative_error(lrsched::annealing_area(s, steps, momentum), area.value(), 1e-25L) <
            1e-12);
    }
  }
  CHECK(std::isfinite(lrsched::annealing_area(s, int64_max)));
}

TEST_CASE("shift and chain reject a length past int64, naming the parameter") {
  expect_rejected([] { (void)lrsched::shift(lrsched::linear(1.0, 0.0, 10), int64_max); }, "steps",
                  "shift: steps must be small enough that steps + the schedule's length (10) "
                  "fits in int64, got 9223372036854775807");
  CHECK(lrsched::shift(lrsched::linear(1.0, 0.0, 10), int64_max - 10).length() == int64_max);
  CHECK(lrsched::shift(lrsched::constant(1.0), int64_max)(int64_max) == 1.0);
  expect_rejected(
      [] {
        (void)lrsched::chain(lrsched::for_steps(int64_max, lrsched::constant(1.0)),
                             lrsched::linear(1.0, 0.0, 10));
      },
      "pieces[1]",
      "chain: pieces[1] must be short enough that the chain's length (9223372036854775807 + "
      "10) fits in int64, got 10");
  expect_rejected(
      [] {
        (void)lrsched::any_schedule::chain(
            {lrsched::any_schedule(lrsched::constant(1.0)),
             lrsched::any_schedule(lrsched::linear(1.0, 0.0, 10))},
            {int64_max});
      },
      "pieces[1]",
      "chain: pieces[1] must be short enough that the chain's length (9223372036854775807 + "
      "10) fits in int64, got 10");
  const auto open = lrsched::chain(lrsched::for_steps(int64_max, lrsched::constant(1.0)),
                                   lrsched::constant(2.0));
  CHECK(open(int64_max) == 2.0);
}

TEST_CASE("steps_from_fraction counts a real part of a step at every total") {
  CHECK(lrsched::steps_from_fraction(0.3, 3'000'000'001) == 900'000'001);
  CHECK(lrsched::steps_from_fraction(0.3, 3'000'000'000) == 900'000'000);
  CHECK(lrsched::steps_from_fraction(0.1, 10'000'000'003) == 1'000'000'001);
  CHECK(lrsched::steps_from_fraction(0.07, 100'000'000'000) == 7'000'000'000);
  CHECK(lrsched::steps_from_fraction(0.3, 30'000'000'001) == 9'000'000'001);
}
