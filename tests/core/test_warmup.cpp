// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/warmup.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::constant;
using lrsched::cosine;
using lrsched::linear;
using lrsched::warmup;
using lrsched::warmup_shape;
using lrsched::test::random_source;
using lrsched::test::reference_sum;
using lrsched::test::relative_error;
using lrsched::test::sum_error;

namespace {

constexpr long double pi = 3.141592653589793238462643383279502884L;
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr warmup_shape all_shapes[] = {warmup_shape::linear, warmup_shape::cosine,
                                       warmup_shape::exponential};

/// The ramp each shape promises, from r0 to r1 over w steps, in long double.
long double expected_ramp(warmup_shape shape, long double r0, long double r1, std::int64_t w,
                          std::int64_t t) {
  const long double fraction = static_cast<long double>(t) / static_cast<long double>(w);
  switch (shape) {
    case warmup_shape::cosine: {
      const long double s = std::sin(pi * fraction / 2.0L);
      return r0 + (r1 - r0) * s * s;
    }
    case warmup_shape::exponential:
      return r0 * std::pow(r1 / r0, fraction);
    case warmup_shape::linear:
      break;
  }
  return (r0 * static_cast<long double>(w - t) + r1 * static_cast<long double>(t)) /
         static_cast<long double>(w);
}

}  // namespace

TEST_CASE("warmup ramps from its start value and ends exactly at the schedule's start value") {
  const cosine decay(1e-3, 1e-5, 900);
  for (const auto shape : all_shapes) {
    INFO("shape " << lrsched::to_string(shape));
    const auto s = warmup(100, decay, 1e-6, shape);
    CHECK(s(0) == 1e-6);
    CHECK(s(-5) == 1e-6);
    CHECK(s(std::numeric_limits<std::int64_t>::min()) == 1e-6);
    CHECK(s(99) < 1e-3);
    CHECK(s(100) == 1e-3);
    for (std::int64_t t = 100; t < 1100; t += 7) CHECK(s(t) == decay(t - 100));
    CHECK(s(int64_max) == 1e-5);
    for (std::int64_t t = 0; t < 100; ++t) {
      CHECK(s(t + 1) >= s(t));
      CHECK(s(t) ==
            Approx(static_cast<double>(expected_ramp(shape, 1e-6L, 1e-3L, 100, t))).epsilon(1e-14));
    }
  }
  // The linear ramp from 0 is HF's t/w times the peak.
  const auto hf = warmup(8, constant(0.5));
  for (std::int64_t t = 0; t <= 8; ++t) CHECK(hf(t) == 0.5 * static_cast<double>(t) / 8.0);
}

TEST_CASE("warmup of zero steps is the schedule itself") {
  const cosine decay(1e-3, 1e-5, 50);
  for (const auto shape : all_shapes) {
    const auto s = warmup(0, decay, 0.0, shape);
    for (std::int64_t t = -3; t < 60; ++t) CHECK(s(t) == decay(t));
    CHECK(lrsched::sum(s, -10, 70) == lrsched::sum(decay, -10, 70));
    CHECK(lrsched::sum_of_squares(s, -10, 70) == lrsched::sum_of_squares(decay, -10, 70));
    CHECK(s.length() == 50);
  }
}

TEST_CASE("warmup as long as the whole run, or of one or two steps, never divides by zero") {
  for (const auto shape : all_shapes) {
    INFO("shape " << lrsched::to_string(shape));
    // warmup == total: the decay after it has zero steps and holds its end value.
    const auto whole = warmup(100, cosine(1e-3, 1e-4, 0), 1e-6, shape);
    CHECK(whole(100) == 1e-4);
    CHECK(whole(1'000) == 1e-4);
    CHECK(whole.length() == 100);
    for (const std::int64_t w : {1, 2}) {
      const auto s = warmup(w, cosine(1e-3, 1e-4, 0), 1e-6, shape);
      CHECK(s(0) == 1e-6);
      CHECK(s(w) == 1e-4);
      CHECK(relative_error(lrsched::sum(s, -3, 6), reference_sum(s, -3, 6)) <= 1e-15);
    }
    for (const auto t : lrsched::test::extreme_steps) {
      CHECK(std::isfinite(whole(t)));
      CHECK(std::isfinite(warmup(int64_max - 10, cosine(1.0, 0.0, 10), 1e-9, shape)(t)));
    }
  }
}

TEST_CASE("warmup sums in closed form, matching a compensated loop on random ranges") {
  random_source rng(2027);
  double worst = 0.0;
  const int cases = 3000;
  for (int i = 0; i < cases; ++i) {
    const auto shape = all_shapes[rng.integer(0, 2)];
    // Linear ramps stay below a million steps here: `linear`'s sum of squares takes Σt² as
    // a difference of cubic prefix sums, which loses ~ε·w/m over m steps of a w-step ramp.
    const std::int64_t longest = shape == warmup_shape::linear ? 1'000'000 : 1'000'000'000'000;
    const std::int64_t w = rng.coin() ? rng.integer(0, 5000) : rng.integer(0, longest);
    const std::int64_t n = rng.integer(0, 1'000'000'000'000);
    const double peak = rng.log_uniform(1e-6, 1.0);
    const double start = rng.coin() ? peak * rng.log_uniform(1e-4, 1.0) : 0.0;
    const auto s =
        warmup(w, cosine(peak, peak * rng.uniform(0.0, 0.5), n),
               shape == warmup_shape::exponential ? std::max(start, 1e-9) : start, shape);
    // Anywhere, the start, the end of the ramp, the start of the decay, its tail.
    const std::int64_t anchors[] = {rng.integer(-100, 100), w, w + n / 2, w + n,
                                    rng.integer(0, w + n + 100)};
    const std::int64_t first = anchors[rng.integer(0, 4)] - rng.integer(0, 3000);
    const std::int64_t last = first + rng.integer(0, 6000);
    worst = std::max(worst, sum_error(s, first, last));
  }
  // Other inner schedules, through the same code path.
  for (int i = 0; i < 500; ++i) {
    const auto shape = all_shapes[rng.integer(0, 2)];
    const auto w = rng.integer(0, 3000);
    const double start = rng.log_uniform(1e-6, 1e-3);
    const auto a = warmup(w, linear(1e-3, 1e-5, rng.integer(0, 3000)), start, shape);
    const auto b = warmup(w, constant(rng.log_uniform(1e-5, 1.0)), start, shape);
    const auto first = rng.integer(-100, 4000);
    const auto last = first + rng.integer(0, 4000);
    worst = std::max({worst, sum_error(a, first, last), sum_error(b, first, last)});
  }
  WARN("warmup: worst relative error of sum and sum of squares "
       << worst << " over " << cases + 1000 << " random ranges");
  CHECK(worst <= 1e-12);
}

TEST_CASE("warmup sums over a billion steps agree with exact identities") {
  // Σ_{t<w} t/w = (w − 1)/2; Σ_{t<w} sin²(πt/(2w)) = w − (w + 1)/2 = (w − 1)/2 (see
  // test_cosine.cpp: Σ_{t<w} cos²(πt/(2w)) = (w + 1)/2); a geometric ramp from a to b sums
  // to a(q^w − 1)/(q − 1) = (b − a)/(q − 1) with q = (b/a)^{1/w}, q − 1 = expm1(ln(b/a)/w).
  // After the ramp, a cosine from 1 to 0 over n steps sums to (n + 1)/2.
  const std::int64_t w = 1'000'000'000;
  const std::int64_t n = 3'000'000'000;
  const long double wl = w;
  const long double decay = (static_cast<long double>(n) + 1) / 2;
  const cosine tail(1.0, 0.0, n);
  CHECK(relative_error(lrsched::sum(warmup(w, tail), 0, w + n), (wl - 1) / 2 + decay) <= 1e-15);
  CHECK(relative_error(lrsched::sum(warmup(w, tail, 0.0, warmup_shape::cosine), 0, w + n),
                       (wl - 1) / 2 + decay) <= 1e-15);
  const long double a = 1e-4;
  const long double geometric = (1.0L - a) / std::expm1(std::log(1.0L / a) / wl);
  CHECK(relative_error(lrsched::sum(warmup(w, tail, 1e-4, warmup_shape::exponential), 0, w + n),
                       geometric + decay) <= 1e-15);
  // A million-step exponential ramp against the loop.
  const auto shorter = warmup(1'000'000, tail, 1e-4, warmup_shape::exponential);
  CHECK(relative_error(lrsched::sum(shorter, 0, 1'000'000), reference_sum(shorter, 0, 1'000'000)) <=
        1e-13);
}

TEST_CASE("warmup sums over adjacent ranges add up to the sum over their union") {
  random_source rng(77);
  double worst = 0.0;
  for (const auto shape : all_shapes) {
    for (int i = 0; i < 300; ++i) {
      const std::int64_t w = rng.integer(0, 1'000'000'000'000);
      const auto s = warmup(w, cosine(1e-3, 1e-5, rng.integer(0, 1'000'000'000'000)), 1e-7, shape);
      worst = std::max(worst, lrsched::test::worst_split_error(s, rng, 3, w, 2 * w + 10));
    }
  }
  WARN("warmup: worst relative gap between sum(a, c) and sum(a, b) + sum(b, c): " << worst);
  CHECK(worst <= 1e-13);
}

TEST_CASE("warmup composes: inside a chain, around a chain, scaled") {
  const auto wcd = warmup(100, cosine(1e-3, 1e-5, 900));
  static_assert(lrsched::FiniteSchedule<decltype(wcd)>);
  static_assert(!lrsched::FiniteSchedule<lrsched::warmed_up<constant>>);
  CHECK(wcd.length() == 1000);
  const auto run = lrsched::chain(wcd, lrsched::for_steps(500, constant(1e-5)),
                                  warmup(50, cosine(5e-4, 0.0, 450), 1e-5, warmup_shape::cosine));
  CHECK(run(0) == 0.0);
  CHECK(run(100) == 1e-3);
  CHECK(run(999) == wcd(999));
  CHECK(run(1000) == 1e-5);
  CHECK(run(1500) == 1e-5);
  CHECK(run(1550) == 5e-4);
  CHECK(run(2000) == 0.0);
  CHECK(run.length() == 2000);
  const auto around = warmup(10, lrsched::chain(linear(1.0, 0.5, 10), constant(0.5)), 0.1);
  CHECK(around(10) == 1.0);
  CHECK(around(20) == 0.5);
  const auto scaled = 2.0 * wcd;
  CHECK(scaled(100) == 2e-3);
  double worst = 0.0;
  random_source rng(5);
  for (int i = 0; i < 500; ++i) {
    const auto first = rng.integer(-50, 2100);
    const auto last = first + rng.integer(0, 2500);
    worst = std::max({worst, sum_error(run, first, last), sum_error(around, first, last),
                      sum_error(scaled, first, last)});
  }
  INFO("worst relative error " << worst);
  CHECK(worst <= 1e-12);
}

TEST_CASE("warmup rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { return warmup(-1, constant(1.0)); }, "warmup_steps",
                  "warmup: warmup_steps must be >= 0, got -1");
  expect_rejected([] { return warmup(10, constant(1.0), HUGE_VAL); }, "start_value",
                  "warmup: start_value must be finite, got inf");
  expect_rejected([] { return warmup(10, constant(1e-3), 0.0, warmup_shape::exponential); },
                  "start_value",
                  "warmup: start_value must be > 0, with the schedule's start value (0.001) > 0 "
                  "too, for an exponential ramp, got 0");
  expect_rejected([] { return warmup(10, constant(1e-3), -1e-6, warmup_shape::exponential); },
                  "start_value",
                  "warmup: start_value must be > 0, with the schedule's start value (0.001) > 0 "
                  "too, for an exponential ramp, got -1e-06");
  expect_rejected([] { return warmup(10, constant(0.0), 1e-6, warmup_shape::exponential); },
                  "start_value",
                  "warmup: start_value must be > 0, with the schedule's start value (0) > 0 "
                  "too, for an exponential ramp, got 1e-06");
  expect_rejected([] { return warmup(int64_max, cosine(1.0, 0.0, 10)); }, "warmup_steps",
                  "warmup: warmup_steps must be small enough that warmup plus schedule fits in "
                  "int64, got 9223372036854775807");
  expect_rejected([] { return warmup(10, [](std::int64_t) { return std::nan(""); }); }, "schedule",
                  "warmup: schedule must be finite at step 0 (the ramp's target), got nan");
}

TEST_CASE("warmup describes itself with its parameters and its schedule") {
  const auto d = warmup(100, cosine(1e-3, 1e-5, 900), 1e-6, warmup_shape::exponential).describe();
  CHECK(d.kind == "warmup");
  REQUIRE(d.parameters.size() == 3);
  CHECK(d.parameters[0].first == "warmup_steps");
  CHECK(std::get<std::int64_t>(d.parameters[0].second) == 100);
  CHECK(d.parameters[1].first == "start_value");
  CHECK(std::get<double>(d.parameters[1].second) == 1e-6);
  CHECK(d.parameters[2].first == "shape");
  CHECK(std::get<std::string>(d.parameters[2].second) == "exponential");
  REQUIRE(d.children.size() == 1);
  CHECK(d.children[0].first == "schedule");
  REQUIRE(d.children[0].second.size() == 1);
  CHECK(d.children[0].second[0] == cosine(1e-3, 1e-5, 900).describe());
  CHECK(lrsched::to_string(warmup_shape::linear) == "linear");
  CHECK(lrsched::to_string(warmup_shape::cosine) == "cosine");
}
