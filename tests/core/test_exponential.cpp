// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/exponential.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::exponential;
using lrsched::exponential_options;
using lrsched::test::expect_rejected;

namespace {

// Terms below the smallest normal double lose relative precision when s(t) rounds
// them (the closed form keeps them in long double): absolute differences below this
// floor are not compared relatively.
constexpr long double underflow_floor = 1e-300L;

}  // namespace

static_assert(lrsched::ClosedFormSum<exponential>);
static_assert(lrsched::ClosedFormSumOfSquares<exponential>);
static_assert(!lrsched::FiniteSchedule<exponential>);

TEST_CASE("exponential is init times rate to the power steps over decay_steps") {
  const exponential s(0.1, 0.9, 10);
  CHECK(s(0) == 0.1);
  CHECK(s(-5) == 0.1);
  CHECK(s(10) == 0.1 * 0.9);
  CHECK(s(20) == 0.1 * std::pow(0.9, 2.0));
  CHECK(s(5) == 0.1 * std::pow(0.9, 0.5));
  CHECK(s(7) < s(6));
}

TEST_CASE(
    "exponential with staircase and transition_begin holds, then drops a whole factor "
    "at each block boundary") {
  const exponential s(0.1, 0.5, 25, {.staircase = true, .transition_begin = 20});
  for (std::int64_t t = 0; t <= 44; ++t) CHECK(s(t) == 0.1);
  CHECK(s(45) == 0.05);
  CHECK(s(69) == 0.05);
  CHECK(s(70) == 0.025);
}

TEST_CASE("exponential with transition_begin starts decaying right after it") {
  const exponential s(1.0, 0.5, 4, {.transition_begin = 10});
  CHECK(s(10) == 1.0);
  CHECK(s(11) == std::pow(0.5, 0.25));
  CHECK(s(14) == 0.5);
}

TEST_CASE("exponential per-step form is the closed form, not an iterated product") {
  const exponential s(1.0, 0.999);
  CHECK(s.decay_steps() == 1);
  // Independent of pow: e^{t ln γ} in long double.
  const std::int64_t t = 700'000;
  const long double expected = std::exp(static_cast<long double>(t) * std::log1p(-0.001L));
  CHECK(lrsched::test::relative_error(s(t), expected) <= 1e-12);
  // A fresh evaluation at k equals the value reached by a run that evaluated every step.
  double last = 0.0;
  for (std::int64_t k = 0; k <= 5000; ++k) last = s(k);
  CHECK(last == s(5000));
}

TEST_CASE(
    "exponential end_value is a floor for decay: it takes over at the first step "
    "below it") {
  const exponential s(1.0, 0.5, 5, {.end_value = 0.01});
  // 0.5^(t/5) >= 0.01 until t/5 > log2(100) = 6.64: steps 0..33 decay, 34 on hold 0.01.
  CHECK(s(33) == std::pow(0.5, 33.0 / 5.0));
  CHECK(s(34) == 0.01);
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 0.01);
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 1000),
                                      lrsched::test::reference_sum(s, 0, 1000)) <= 1e-15);
}

TEST_CASE("exponential growth needs an end_value, which caps it") {
  const exponential s(1e-4, 1.5, 1, {.end_value = 1.0});
  CHECK(s(0) == 1e-4);
  CHECK(s(1) == 1e-4 * 1.5);
  CHECK(s(22) == 1e-4 * std::pow(1.5, 22.0));  // 0.75 < 1
  CHECK(s(23) == 1.0);                         // 1e-4 * 1.5^23 = 1.12 > 1
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 1.0);
}

TEST_CASE("exponential is finite at every extreme int64 step") {
  const exponential shapes[] = {
      exponential(0.1, 0.9, 10),
      exponential(0.1, 0.9999999),
      exponential(1.0, 1e-300, 1),
      exponential(0.1, 0.5, 3, {.staircase = true, .transition_begin = 1'000}),
      exponential(0.1, 0.5, 3, {.end_value = 1e-5}),
      exponential(1e-6, 1e300, 1, {.end_value = 1.0}),
      exponential(1e-6, 1.0000001, 7, {.staircase = true, .end_value = 1e10}),
      exponential(-2.0, 0.5, 2, {.end_value = -1.0}),
      exponential(0.5, 1.0, 1, {.end_value = 0.25}),
  };
  for (const auto& s : shapes) {
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
    CHECK(std::isfinite(lrsched::sum(s, 0, std::numeric_limits<std::int64_t>::max())));
    CHECK(std::isfinite(lrsched::sum(s, std::numeric_limits<std::int64_t>::min(),
                                     std::numeric_limits<std::int64_t>::max())));
    CHECK(std::isfinite(lrsched::sum_of_squares(s, 0, std::numeric_limits<std::int64_t>::max())));
  }
}

TEST_CASE("exponential end_value bounds steps before transition_begin too, as optax does") {
  const exponential above(0.1, 0.5, 10, {.transition_begin = 100, .end_value = 0.2});
  CHECK(above(0) == 0.2);
  CHECK(above(1'000) == 0.2);
  const exponential ceiling(0.1, 1.0, 10, {.end_value = 0.05});  // rate 1: a ceiling
  CHECK(ceiling(0) == 0.05);
  // A negative value decaying towards 0 from below: the floor binds first, then lets go.
  const exponential negative(-1.0, 0.5, 1, {.end_value = -0.3});
  CHECK(negative(0) == -0.3);
  CHECK(negative(1) == -0.3);
  CHECK(negative(2) == -0.25);
  CHECK(lrsched::sum(negative, 0, 10) ==
        static_cast<double>(lrsched::test::reference_sum(negative, 0, 10)));
}

TEST_CASE("exponential sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261124);
  double worst = 0.0;
  int cases = 0;
  int straddling = 0;
  for (int i = 0; i < 4000; ++i) {
    const double init = rng.coin() || i % 7 != 0 ? rng.log_uniform(1e-7, 1.0) : -0.5;
    // Rates in (0, 1), within 1e-9 of 1, exactly 1, and growing.
    const double rates[] = {rng.uniform(0.05, 0.999), 1.0 - std::pow(10.0, -rng.uniform(3.0, 9.0)),
                            1.0, 1.0 + std::pow(10.0, -rng.uniform(0.0, 7.0)),
                            rng.log_uniform(1e-3, 0.5)};
    double rate = rates[rng.integer(0, 4)];
    if (init < 0.0 && rate > 1.0) rate = 1.0 / rate;
    exponential_options options;
    options.staircase = rng.coin();
    options.transition_begin = rng.coin() ? 0 : rng.integer(0, 400);
    const auto decay_steps = rng.integer(1, rng.coin() ? 5 : 500);
    if (rate > 1.0 || rng.coin()) {
      // A bound crossed somewhere in the tested range (or not at all).
      const double factor =
          std::pow(rate, rng.uniform(0.0, 6000.0 / static_cast<double>(decay_steps)));
      options.end_value = rng.integer(0, 9) == 0 ? init : init * std::min(factor, 1e250);
    }
    const exponential s(init, rate, decay_steps, options);
    const auto first = rng.integer(-50, 4000);
    const auto last = first + rng.integer(0, 5000);
    if (options.end_value && last - first > 1 &&
        (s(first) == *options.end_value) != (s(last - 1) == *options.end_value)) {
      ++straddling;  // the range holds both decaying and bounded steps
    }
    worst = std::max(worst, lrsched::test::sum_error(s, first, last, underflow_floor));
    ++cases;
  }
  CHECK(cases == 4000);
  CHECK(straddling >= 400);
  CHECK(worst <= 1e-12);
}

TEST_CASE(
    "exponential sums over a billion steps agree with the infinite series minus its "
    "tail") {
  // Σ_{t<n} a q^t = a (1 − q^n) / (1 − q): 1 − q is exact for a double q near 1, q^n by
  // powl — a different route from the expm1 form the schedule uses.
  const std::int64_t n = 1'000'000'000;
  for (const double q : {0.9999999, 0.99999999, 0.999999999, 0.9}) {
    const double a = 3e-4;
    const long double limit = a / (1.0L - q);
    const long double expected = limit - limit * std::pow(static_cast<long double>(q), n);
    CHECK(lrsched::test::relative_error(lrsched::sum(exponential(a, q), 0, n), expected) <= 1e-12);
  }
  // Staircase: blocks of 1000 steps, each a whole factor; Σ = 1000 a (1 − r^{n/1000}) / (1 − r).
  const double r = 0.999;
  const long double blocks = static_cast<long double>(n) / 1000.0L;
  const long double staircase =
      1000.0L * 3e-4 * (1.0L - std::pow(static_cast<long double>(r), blocks)) / (1.0L - r);
  CHECK(lrsched::test::relative_error(
            lrsched::sum(exponential(3e-4, r, 1000, {.staircase = true}), 0, n), staircase) <=
        1e-12);
}

TEST_CASE(
    "exponential with an end_value sums over a billion steps: decay up to the crossing, "
    "then the floor") {
  const double a = 1e-3, q = 0.99999995, floor = 1e-5;
  const exponential s(a, q, 1, {.end_value = floor});
  // The crossing found here by bisection on s itself, independently of the schedule's search.
  std::int64_t lo = 0, hi = 1'000'000'000;
  while (hi - lo > 1) {
    const auto mid = lo + (hi - lo) / 2;
    (s(mid) == floor && a * std::pow(q, static_cast<double>(mid)) <= floor ? hi : lo) = mid;
  }
  const long double limit = a / (1.0L - q);
  const long double decay = limit - limit * std::pow(static_cast<long double>(q), hi);
  const long double expected = decay + static_cast<long double>(1'000'000'000 - hi) * floor;
  CHECK(hi < 1'000'000'000);
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 1'000'000'000), expected) <= 1e-12);
}

TEST_CASE("exponential sums are additive over huge ranges split at random steps") {
  lrsched::test::random_source rng(99);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const double rate =
        rng.coin() ? 1.0 - std::pow(10.0, -rng.uniform(4.0, 9.0)) : rng.uniform(0.5, 0.9999);
    exponential_options options{.staircase = rng.coin(),
                                .transition_begin = rng.integer(0, 1'000'000),
                                .end_value = std::nullopt};
    if (rng.coin()) options.end_value = rng.log_uniform(1e-12, 1e-3);
    const exponential s(1e-2, rate, rng.integer(1, 100'000), options);
    worst = std::max(worst, lrsched::test::worst_split_error(s, rng, 1, 1'000'000'000,
                                                             1'000'000'000'000, underflow_floor));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("exponential describes itself with its constructor's parameters") {
  const auto d =
      exponential(0.1, 0.5, 25, {.staircase = true, .transition_begin = 20, .end_value = 1e-3})
          .describe();
  CHECK(d.kind == "exponential");
  REQUIRE(d.parameters.size() == 6);
  CHECK(d.parameters[0].first == "init_value");
  CHECK(std::get<double>(d.parameters[0].second) == 0.1);
  CHECK(d.parameters[1].first == "decay_rate");
  CHECK(std::get<double>(d.parameters[1].second) == 0.5);
  CHECK(d.parameters[2].first == "decay_steps");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 25);
  CHECK(d.parameters[3].first == "staircase");
  CHECK(std::get<bool>(d.parameters[3].second) == true);
  CHECK(d.parameters[4].first == "transition_begin");
  CHECK(std::get<std::int64_t>(d.parameters[4].second) == 20);
  CHECK(d.parameters[5].first == "end_value");
  CHECK(std::get<double>(d.parameters[5].second) == 1e-3);
  CHECK(exponential(0.1, 0.9).describe().find("end_value") == nullptr);
}

TEST_CASE("exponential rejects bad parameters, naming them and their values") {
  expect_rejected([] { exponential(0.1, 0.0, 10); }, "decay_rate",
                  "exponential: decay_rate must be finite and > 0, got 0");
  expect_rejected([] { exponential(0.1, -0.5, 10); }, "decay_rate",
                  "exponential: decay_rate must be finite and > 0, got -0.5");
  expect_rejected([] { exponential(0.1, 0.5, 0); }, "decay_steps",
                  "exponential: decay_steps must be >= 1, got 0");
  expect_rejected([] { exponential(0.1, 0.5, 10, {.transition_begin = -1}); }, "transition_begin",
                  "exponential: transition_begin must be >= 0, got -1");
  expect_rejected([] { exponential(0.1, 1.01, 10); }, "decay_rate",
                  "exponential: decay_rate must be <= 1 without an end_value (a growing "
                  "exponential is unbounded; give end_value as its ceiling), got 1.01");
  expect_rejected([] { exponential(0.1, 1.01); }, "gamma",
                  "exponential: gamma must be <= 1 without an end_value (a growing "
                  "exponential is unbounded; give end_value as its ceiling), got 1.01");
  expect_rejected([] { exponential(0.0, 2.0, 1, {.end_value = 1.0}); }, "init_value",
                  "exponential: init_value must be > 0 when decay_rate > 1, got 0");
  expect_rejected([] { exponential(0.1, 0.5, 1, {.end_value = HUGE_VAL}); }, "end_value",
                  "exponential: end_value must be finite, got inf");
  CHECK_THROWS_AS(exponential(std::nan(""), 0.5, 1), lrsched::invalid_schedule);
  CHECK_THROWS_AS(exponential(0.1, std::nan("")), lrsched::invalid_schedule);
  CHECK_THROWS_AS(exponential(0.1, HUGE_VAL, 1, {.end_value = 1.0}), lrsched::invalid_schedule);
}
