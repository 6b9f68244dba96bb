// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Every Keras golden case (tests/data/keras.json) through lrsched::keras, and through the
// native family wherever Keras' semantics are lrsched's own.
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/keras.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/restarts.hpp>

#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace keras = lrsched::keras;
using golden::golden_case;
using golden::tally;

namespace {

// Keras evaluates the cosine as 0.5·(1 + cos(π·p)), which cancels as p nears 1: there its
// values carry a rounding error of a fraction of an ulp of the PEAK, which is more than
// 1e-12 of a value decaying to 0 (9.5e-12 at the last step of a 1000-step decay to 0).
// lrsched's cosine is exact there (checked against a 40-digit evaluation), so step
// differences within 4 ulps of the case's peak count as equal.
golden::options cosine_to_zero() {
  golden::options o;
  o.peak_ulps = 4;
  o.reason = "Keras' 1 + cos(x) cancels near the end: differences within 4 ulps of the peak";
  return o;
}

const std::map<std::string, golden::handler> handlers = {
    {"ExponentialDecay",
     [](const golden_case& c, tally& t) {
       const double init = c.number("initial_learning_rate");
       const auto steps = c.integer("decay_steps");
       const double rate = c.number("decay_rate");
       const bool staircase = c.flag_or("staircase", false);
       t.check(c, "keras::exponential_decay",
               keras::exponential_decay(init, steps, rate, staircase));
       t.check(c, "native exponential",
               lrsched::exponential(init, rate, steps, {.staircase = staircase}));
     }},
    {"PiecewiseConstantDecay",
     [](const golden_case& c, tally& t) {
       const auto boundaries = c.param("boundaries").get<std::vector<std::int64_t>>();
       const auto values = c.param("values").get<std::vector<double>>();
       t.check(c, "keras::piecewise_constant_decay",
               keras::piecewise_constant_decay(boundaries, values));
       // Native piecewise_constant switches at b; Keras one step later.
       auto shifted = boundaries;
       for (auto& b : shifted) b += 1;
       t.check(c, "native piecewise_constant (boundaries + 1)",
               lrsched::piecewise_constant(shifted, values));
     }},
    {"PolynomialDecay",
     [](const golden_case& c, tally& t) {
       const double init = c.number("initial_learning_rate");
       const auto steps = c.integer("decay_steps");
       const double end = c.number_or("end_learning_rate", 0.0001);
       const double power = c.number_or("power", 1.0);
       const bool cycle = c.flag_or("cycle", false);
       t.check(c, "keras::polynomial_decay",
               keras::polynomial_decay(init, steps, end, power, cycle));
       if (!cycle) {
         t.check(c, "native polynomial", lrsched::polynomial(init, end, steps, power));
       }
     }},
    {"CosineDecayRestarts",
     [](const golden_case& c, tally& t) {
       const double init = c.number("initial_learning_rate");
       const auto steps = c.integer("first_decay_steps");
       const double t_mul = c.number_or("t_mul", 2.0);
       const double m_mul = c.number_or("m_mul", 1.0);
       const double alpha = c.number_or("alpha", 0.0);
       t.check(c, "keras::cosine_decay_restarts",
               keras::cosine_decay_restarts(init, steps, t_mul, m_mul, alpha));
       t.check(c, "native cosine_restarts",
               lrsched::cosine_restarts(
                   init, steps,
                   {.floor_value = alpha * init, .period_multiplier = t_mul, .cycle_decay = m_mul}),
               cosine_to_zero());
     }},
    {"InverseTimeDecay",
     [](const golden_case& c, tally& t) {
       const double init = c.number("initial_learning_rate");
       const auto steps = c.integer("decay_steps");
       const double rate = c.number("decay_rate");
       const bool staircase = c.flag_or("staircase", false);
       t.check(c, "keras::inverse_time_decay",
               keras::inverse_time_decay(init, steps, rate, staircase));
       t.check(c, "native inverse_time", lrsched::inverse_time(init, rate, steps, staircase));
     }},
    {"CosineDecay",
     [](const golden_case& c, tally& t) {
       const double init = c.number("initial_learning_rate");
       const auto steps = c.integer("decay_steps");
       const double alpha = c.number_or("alpha", 0.0);
       const bool warms_up =
           c.params.contains("warmup_target") && !c.params.at("warmup_target").is_null();
       const auto warmup = c.integer_or("warmup_steps", 0);
       if (warms_up) {
         const double target = c.number("warmup_target");
         t.check(c, "keras::cosine_decay", keras::cosine_decay(init, steps, alpha, target, warmup),
                 cosine_to_zero());
         // decay_steps excludes the warmup.
         t.check(c, "native chain",
                 lrsched::chain(lrsched::linear(init, target, warmup),
                                lrsched::cosine(target, target * alpha, steps)),
                 cosine_to_zero());
       } else {
         t.check(c, "keras::cosine_decay", keras::cosine_decay(init, steps, alpha),
                 cosine_to_zero());
         t.check(c, "native cosine", lrsched::cosine(init, init * alpha, steps), cosine_to_zero());
       }
     }},
};

}  // namespace

TEST_CASE("lrsched::keras reproduces every Keras golden case, step for step and summed") {
  const auto file = golden::load("keras.json");
  CHECK(file.system == "keras");
  const auto result = golden::run(file, handlers);
  golden::report(std::cout, file, result);
  CHECK(result.max_step_error() <= 1e-12);
}

TEST_CASE("keras::polynomial_decay with cycle follows Keras' growing decay length") {
  lrsched::test::random_source rng(3141);
  double worst_value = 0.0, worst_sum = 0.0;
  for (int i = 0; i < 1500; ++i) {
    const double init = rng.log_uniform(1e-5, 1.0);
    const double end = rng.coin() ? 0.0 : init * rng.uniform(0.0, 0.5);
    const auto steps = rng.integer(1, 60);
    const double power =
        rng.coin() ? static_cast<double>(rng.integer(1, 3)) : rng.uniform(0.2, 4.0);
    const auto s = keras::polynomial_decay(init, steps, end, power, true);
    for (std::int64_t t = 0; t < 8 * steps; t += 1 + t / 50) {
      // Keras: decay_steps · ceil(t / decay_steps) (decay_steps at t = 0).
      const double multiple =
          t == 0 ? 1.0 : std::ceil(static_cast<double>(t) / static_cast<double>(steps));
      const double p = static_cast<double>(t) / (static_cast<double>(steps) * multiple);
      const double keras_value = (init - end) * std::pow(1 - p, power) + end;
      worst_value =
          std::max(worst_value, lrsched::test::relative_error(s(t), keras_value, 1e-15 * init));
    }
    const auto first = rng.integer(-5, 5 * steps);
    const auto last = first + rng.integer(0, 40 * steps);
    worst_sum = std::max(
        worst_sum, lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                 lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst_value <= 1e-12);
  CHECK(worst_sum <= 1e-12);
  // Each cycle ends at the end value and the next starts part-way down a longer curve.
  const auto s = keras::polynomial_decay(1.0, 10, 0.1, 1.0, true);
  CHECK(s(0) == 1.0);
  CHECK(s(10) == 0.1);
  CHECK(s(20) == 0.1);
  CHECK(s(11) == Approx(0.9 * (1 - 11.0 / 20) + 0.1));
  CHECK(keras::polynomial_decay(1.0, 10, 0.1, 1.0, false)(1'000) == 0.1);
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
}

TEST_CASE("keras::piecewise_constant_decay switches one step after each boundary") {
  const auto s = keras::piecewise_constant_decay({10, 20}, {1.0, 0.5, 0.1});
  CHECK(s(10) == 1.0);
  CHECK(s(11) == 0.5);
  CHECK(s(20) == 0.5);
  CHECK(s(21) == 0.1);
  CHECK(lrsched::sum(s, 0, 30) == Approx(11 * 1.0 + 10 * 0.5 + 9 * 0.1));
  CHECK(keras::piecewise_constant_decay({-4, 3}, {1.0, 0.5, 0.1})(0) == 0.5);  // t > -4 from 0
  using lrsched::test::expect_rejected;
  expect_rejected(
      [] {
        (void)keras::piecewise_constant_decay({10, 10}, {1.0, 0.5, 0.1});
      },
      "boundaries[1]",
      "keras.piecewise_constant_decay: boundaries[1] must be > boundaries[0] = 10 "
      "(strictly increasing), got 10");
  expect_rejected([] { (void)keras::piecewise_constant_decay({10}, {1.0}); }, "values",
                  "keras.piecewise_constant_decay: values must be of size boundaries.size() + 1 "
                  "= 2, got 1");
}

TEST_CASE(
    "keras::cosine_decay's decay_steps excludes the warmup, and ignores warmup_steps "
    "without a warmup_target") {
  const auto s = keras::cosine_decay(0.0, 100, 0.1, 1.0, 20);
  CHECK(s(0) == 0.0);
  CHECK(s(10) == Approx(0.5));
  CHECK(s(20) == 1.0);
  CHECK(s(120) == Approx(0.1));
  CHECK(s(119) > s(120));
  const auto plain = keras::cosine_decay(1.0, 100, 0.0, std::nullopt, 20);
  CHECK(plain(0) == 1.0);
  CHECK(plain(100) == 0.0);
  CHECK(plain.describe().kind == "keras.cosine_decay");
  CHECK(plain.describe().find("warmup_target") == nullptr);
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)keras::cosine_decay(1.0, 0); }, "decay_steps",
                  "keras.cosine_decay: decay_steps must be > 0, got 0");
  expect_rejected([] { (void)keras::exponential_decay(1.0, 10, 0.0); }, "decay_rate",
                  "keras.exponential_decay: decay_rate must be finite and > 0, got 0");
}

TEST_CASE(
    "keras::cosine_decay_restarts places every cycle start where Keras does, even where "
    "Keras' logarithm lands one cycle short") {
  // Keras' CosineDecayRestarts.__call__, transcribed (in double).
  const auto keras_value = [](double init, double first, double t_mul, double m_mul, double alpha,
                              std::int64_t step) {
    double fraction = static_cast<double>(step) / first;
    double restart = 0;
    if (t_mul == 1.0) {
      restart = std::floor(fraction);
      fraction -= restart;
    } else {
      restart = std::floor(std::log(1.0 - fraction * (1.0 - t_mul)) / std::log(t_mul));
      const double sum_r = (1.0 - std::pow(t_mul, restart)) / (1.0 - t_mul);
      fraction = (fraction - sum_r) / std::pow(t_mul, restart);
    }
    const double cosine =
        0.5 * std::pow(m_mul, restart) * (1.0 + std::cos(3.141592653589793 * fraction));
    return init * ((1 - alpha) * cosine + alpha);
  };
  lrsched::test::random_source rng(2718);
  double worst = 0.0, worst_sum = 0.0;
  for (int i = 0; i < 300; ++i) {
    const double init = rng.log_uniform(1e-4, 1.0);
    const auto first = rng.integer(1, 40);
    const double t_mul =
        rng.coin() ? static_cast<double>(rng.integer(1, 3)) : rng.uniform(1.05, 3.0);
    const double m_mul = rng.uniform(0.3, 1.0);
    const double alpha = rng.coin() ? 0.0 : rng.uniform(0.0, 0.3);
    const auto s = keras::cosine_decay_restarts(init, first, t_mul, m_mul, alpha);
    for (std::int64_t t = 0; t < 1500; ++t) {
      const double expected = keras_value(init, static_cast<double>(first), t_mul, m_mul, alpha, t);
      worst = std::max(worst, lrsched::test::relative_error(s(t), expected));
    }
    const auto a = rng.integer(0, 500), b = a + rng.integer(0, 3000);
    worst_sum =
        std::max(worst_sum, lrsched::test::relative_error(lrsched::sum(s, a, b),
                                                          lrsched::test::reference_sum(s, a, b)));
  }
  CHECK(worst == 0.0);  // Keras' arithmetic, misplaced cycle starts included
  CHECK(worst_sum <= 1e-12);
  // t_mul = 3, D = 5: cycle 5 starts at 605, but log(243)/log(3) < 5 in double, so Keras
  // gives step 605 the floor (the end of cycle 4) instead of cycle 5's top.
  const auto s = keras::cosine_decay_restarts(1.0, 5, 3.0, 0.5, 0.1);
  CHECK(s(605) == Approx(0.1).epsilon(1e-15));
  CHECK(s.native()(605) == Approx(0.1 + 0.9 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5));
  CHECK(lrsched::sum(s, 600, 610) - lrsched::sum(s.native(), 600, 610) ==
        Approx(s(605) - s.native()(605)));
}
