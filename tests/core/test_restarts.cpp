// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <variant>

#include "catch.hpp"
#include "rejection.hpp"
#include "support.hpp"

using lrsched::cosine_restarts;
using lrsched::restart_decay;
using lrsched::restart_options;
using lrsched::test::random_source;
using lrsched::test::reference_sum;
using lrsched::test::relative_error;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

// PyTorch CosineAnnealingWarmRestarts stepped one update at a time, as its step() does:
// T_cur += 1; past T_i it wraps and T_i *= T_mult.
std::vector<double> pytorch_warm_restarts(double base_lr, std::int64_t t_0, std::int64_t t_mult,
                                          double eta_min, std::int64_t updates) {
  std::vector<double> lr;
  std::int64_t t_cur = 0;
  std::int64_t t_i = t_0;
  for (std::int64_t i = 0; i < updates; ++i) {
    lr.push_back(eta_min + (base_lr - eta_min) *
                               (1.0 + std::cos(std::numbers::pi * static_cast<double>(t_cur) /
                                               static_cast<double>(t_i))) /
                               2.0);
    ++t_cur;
    if (t_cur >= t_i) {
      t_cur -= t_i;
      t_i *= t_mult;
    }
  }
  return lr;
}

// Keras CosineDecayRestarts.__call__ in float64.
double keras_restarts(double initial, double first_decay_steps, double t_mul, double m_mul,
                      double alpha, std::int64_t step) {
  double fraction = static_cast<double>(step) / first_decay_steps;
  double i_restart = 0.0;
  if (t_mul == 1.0) {
    i_restart = std::floor(fraction);
    fraction -= i_restart;
  } else {
    i_restart = std::floor(std::log(1.0 - fraction * (1.0 - t_mul)) / std::log(t_mul));
    const double sum_r = (1.0 - std::pow(t_mul, i_restart)) / (1.0 - t_mul);
    fraction = (fraction - sum_r) / std::pow(t_mul, i_restart);
  }
  const double cosine =
      0.5 * std::pow(m_mul, i_restart) * (1.0 + std::cos(std::numbers::pi * fraction));
  return initial * ((1.0 - alpha) * cosine + alpha);
}

// timm CosineLRScheduler._get_lr without warmup.
double timm_cosine(double base_lr, double t_initial, double lr_min, double cycle_mul,
                   double cycle_decay, std::int64_t cycle_limit, double k, std::int64_t step) {
  const auto t = static_cast<double>(step);
  double i = 0.0;
  double t_i = t_initial;
  double t_curr = 0.0;
  if (cycle_mul != 1.0) {
    i = std::floor(std::log(1.0 - t / t_initial * (1.0 - cycle_mul)) / std::log(cycle_mul));
    t_i = std::pow(cycle_mul, i) * t_initial;
    t_curr = t - (1.0 - std::pow(cycle_mul, i)) / (1.0 - cycle_mul) * t_initial;
  } else {
    i = std::floor(t / t_initial);
    t_curr = t - t_initial * i;
  }
  if (i >= static_cast<double>(cycle_limit)) return lr_min;
  const double lr_max = base_lr * std::pow(cycle_decay, i);
  return lr_min + 0.5 * (lr_max - lr_min) *
                      (1.0 + std::cos(std::numbers::pi * std::pow(t_curr, k) / std::pow(t_i, k)));
}

// HF get_cosine_with_hard_restarts_schedule_with_warmup's lambda times the base LR.
double huggingface_hard_restarts(double base_lr, std::int64_t warmup, std::int64_t total,
                                 std::int64_t cycles, std::int64_t t) {
  if (t < warmup)
    return base_lr * static_cast<double>(t) /
           static_cast<double>(std::max<std::int64_t>(1, warmup));
  const double progress = static_cast<double>(t - warmup) /
                          static_cast<double>(std::max<std::int64_t>(1, total - warmup));
  if (progress >= 1.0) return 0.0;
  return base_lr *
         std::max(0.0,
                  0.5 * (1.0 + std::cos(std::numbers::pi *
                                        std::fmod(static_cast<double>(cycles) * progress, 1.0))));
}

cosine_restarts random_restarts(random_source& rng) {
  const double peak = rng.log_uniform(1e-5, 1.0);
  const auto kind = rng.integer(0, 3);
  restart_options o;
  o.floor_value = rng.coin() ? 0.0 : peak * rng.uniform(0.0, 0.5);
  o.period_multiplier = kind == 0   ? 1.0
                        : kind == 1 ? static_cast<double>(rng.integer(2, 4))
                                    : rng.uniform(1.0, 3.0);
  o.cycle_decay = rng.coin() ? 1.0 : rng.uniform(0.0, 1.0);
  o.decay_target = rng.coin() ? restart_decay::peak : restart_decay::amplitude;
  o.cycle_limit = rng.coin() ? 0 : rng.integer(1, 20);
  o.k_decay = rng.integer(0, 5) == 0 ? rng.uniform(0.3, 3.0) : 1.0;
  const auto first_period = rng.integer(1, 300);
  o.period_divisor = rng.coin() ? 1 : rng.integer(1, std::min<std::int64_t>(9, first_period));
  return cosine_restarts(peak, first_period, o);
}

}  // namespace

TEST_CASE("every cycle starts exactly at its top and falls towards the floor") {
  const cosine_restarts s(0.1, 10, {.floor_value = 1e-3, .period_multiplier = 2});
  for (const std::int64_t start : {0, 10, 30, 70, 150}) {
    CHECK(s(start) == 0.1);
    CHECK(s(start + 1) < 0.1);
  }
  CHECK(s(9) > 1e-3);
  CHECK(s(9) < s(8));
  CHECK(s(-4) == 0.1);
  CHECK(s.cycle_of(29) == 1);
  CHECK(s.cycle_of(30) == 2);
  CHECK(s.first_step(3) == 70);
  CHECK_FALSE(s.length().has_value());
}

TEST_CASE("the cycle decay shrinks the amplitude above the floor, or the peak") {
  const cosine_restarts amplitude(1.0, 4, {.floor_value = 0.2, .cycle_decay = 0.5});
  CHECK(amplitude(0) == 1.0);
  CHECK(amplitude(4) == Approx(0.2 + 0.8 * 0.5).epsilon(1e-15));
  CHECK(amplitude(8) == Approx(0.2 + 0.8 * 0.25).epsilon(1e-15));
  const cosine_restarts peak(
      1.0, 4, {.floor_value = 0.2, .cycle_decay = 0.5, .decay_target = restart_decay::peak});
  CHECK(peak(4) == 0.5);
  CHECK(peak(8) == 0.25);
}

TEST_CASE("after the cycle limit the floor holds") {
  const cosine_restarts s(0.1, 50, {.floor_value = 1e-4, .period_multiplier = 2, .cycle_limit = 3});
  REQUIRE(s.length().has_value());
  CHECK(*s.length() == 350);
  CHECK(s(349) > 1e-4);
  CHECK(s(350) == 1e-4);
  CHECK(s(int64_max) == 1e-4);
  CHECK(lrsched::sum(s, 350, 1'350) == Approx(0.1).epsilon(1e-14));
}

TEST_CASE("degenerate cycles of one step restart at every step") {
  const cosine_restarts every_step(0.5, 1, {.cycle_decay = 0.5});
  CHECK(every_step(0) == 0.5);
  CHECK(every_step(3) == 0.5 / 8);
  CHECK(lrsched::sum(every_step, 0, 1'000'000) == Approx(1.0).epsilon(1e-15));
  const cosine_restarts thirds(1.0, 3, {.floor_value = 0.1, .period_divisor = 3});
  for (std::int64_t t = 0; t < 10; ++t) CHECK(thirds(t) == 1.0);
  const cosine_restarts three_halves(1.0, 3, {.period_divisor = 2});  // cycles of 1.5 steps
  CHECK(three_halves(0) == 1.0);
  CHECK(three_halves(1) == Approx(0.25).epsilon(1e-15));  // two thirds in: cos²(π/3)
  CHECK(three_halves(2) == Approx(0.75).epsilon(1e-15));  // a third into cycle 1: cos²(π/6)
  CHECK(three_halves(3) == 1.0);
}

TEST_CASE("cosine_restarts reproduces PyTorch's CosineAnnealingWarmRestarts") {
  double worst = 0.0;
  for (const auto& [t_0, t_mult, eta_min] : {std::tuple{10, 1, 0.0}, std::tuple{10, 2, 1e-3},
                                             std::tuple{5, 3, 1e-4}, std::tuple{1, 2, 0.0}}) {
    const cosine_restarts s(
        0.05, t_0, {.floor_value = eta_min, .period_multiplier = static_cast<double>(t_mult)});
    const auto expected = pytorch_warm_restarts(0.05, t_0, t_mult, eta_min, 2'000);
    for (std::size_t t = 0; t < expected.size(); ++t) {
      worst = std::max(worst,
                       relative_error(s(static_cast<std::int64_t>(t)), expected[t], 1e-15L * 0.05));
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine_restarts reproduces Keras' CosineDecayRestarts") {
  double worst = 0.0;
  for (const auto& [first, t_mul, m_mul, alpha] :
       {std::tuple{10, 2.0, 0.5, 0.0}, std::tuple{20, 1.0, 1.0, 0.1},
        std::tuple{100, 2.0, 1.0, 0.0}, std::tuple{7, 1.5, 0.8, 0.05}}) {
    const double initial = 0.1;
    const cosine_restarts s(initial, first,
                            {.floor_value = alpha * initial,
                             .period_multiplier = t_mul,
                             .cycle_decay = m_mul,
                             .decay_target = restart_decay::amplitude});
    for (std::int64_t t = 0; t < 3'000; ++t) {
      worst = std::max(worst,
                       relative_error(s(t), keras_restarts(initial, first, t_mul, m_mul, alpha, t),
                                      1e-15L * initial));
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine_restarts reproduces timm's cycles, cycle decay, cycle limit and k-decay") {
  double worst = 0.0;
  for (const auto& [t_initial, mul, decay, limit, k] :
       {std::tuple{50, 2.0, 0.5, 3, 1.0}, std::tuple{30, 1.0, 0.8, 2, 0.5},
        std::tuple{100, 1.0, 1.0, 1, 2.0}, std::tuple{40, 1.5, 0.9, 4, 1.0},
        std::tuple{25, 3.0, 0.7, 3, 1.5}}) {
    const double base = 0.01;
    const double lr_min = 1e-5;
    const cosine_restarts s(base, t_initial,
                            {.floor_value = lr_min,
                             .period_multiplier = mul,
                             .cycle_decay = decay,
                             .decay_target = restart_decay::peak,
                             .cycle_limit = limit,
                             .k_decay = k});
    for (std::int64_t t = 0; t < 2'000; ++t) {
      worst = std::max(
          worst, relative_error(s(t), timm_cosine(base, t_initial, lr_min, mul, decay, limit, k, t),
                                1e-15L * base));
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine_restarts after a warmup reproduces HF's hard restarts") {
  double worst = 0.0;
  for (const auto& [warmup, total, cycles] :
       {std::tuple{10, 110, 3}, std::tuple{0, 100, 1}, std::tuple{0, 90, 2}, std::tuple{5, 50, 4},
        std::tuple{100, 10'000, 7}}) {
    const double base = 0.1;
    const auto s = lrsched::chain(
        lrsched::linear(0.0, base, warmup),
        cosine_restarts(base, total - warmup, {.cycle_limit = cycles, .period_divisor = cycles}));
    for (std::int64_t t = 0; t < total + 50; ++t) {
      worst = std::max(
          worst, relative_error(s(t), huggingface_hard_restarts(base, warmup, total, cycles, t),
                                1e-15L * base));
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine_restarts sums in closed form, matching a compensated loop") {
  random_source rng(5150);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const auto s = random_restarts(rng);
    const auto first = rng.integer(-10, 3000);
    const auto last = first + rng.integer(0, 12'000);
    worst = std::max(worst, relative_error(lrsched::sum(s, first, last),
                                           reference_sum(s, first, last), 1e-290L));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("a restart schedule sums a million steps in O(cycles), matching a compensated loop") {
  for (const double multiplier : {1.0, 2.0, 1.37}) {
    const cosine_restarts s(3e-4, 997,
                            {.floor_value = 3e-6,
                             .period_multiplier = multiplier,
                             .cycle_decay = 0.9,
                             .period_divisor = 3});
    CHECK(relative_error(lrsched::sum(s, 0, 1'000'000), reference_sum(s, 0, 1'000'000)) <= 1e-14);
    CHECK(relative_error(lrsched::sum(s, 123, 1'000'000), reference_sum(s, 123, 1'000'000)) <=
          1e-14);
  }
}

TEST_CASE("a multiplier just above 1 places thousands of cycles consistently") {
  // Beyond the first 4096 cycles the starts come from the formula instead of the table.
  const cosine_restarts s(
      1e-3, 10, {.floor_value = 1e-5, .period_multiplier = 1.0005, .cycle_decay = 0.9995});
  for (const std::int64_t t : {0, 9, 10, 134'000, 136'000, 250'000, 299'999}) {
    const auto cycle = s.cycle_of(t);
    CHECK(s.first_step(cycle) <= t);
    CHECK(s.first_step(cycle + 1) > t);
  }
  CHECK(relative_error(lrsched::sum(s, 100'000, 300'000), reference_sum(s, 100'000, 300'000)) <=
        1e-13);
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
}

TEST_CASE("equal cycles sum at any count: split sums over 2^62 steps agree") {
  random_source rng(1);
  for (int i = 0; i < 200; ++i) {
    const auto first_period = rng.integer(50, 1000);
    const cosine_restarts s(1.0, first_period,
                            {.floor_value = rng.coin() ? 0.0 : 0.01,
                             .cycle_decay = rng.coin() ? 1.0 : 0.999,
                             .period_divisor = rng.integer(1, 50)});
    const std::int64_t end = std::int64_t{1} << 62;
    const auto middle = rng.integer(0, end);
    CHECK(relative_error(
              static_cast<long double>(lrsched::sum(s, 0, middle)) + lrsched::sum(s, middle, end),
              lrsched::sum(s, 0, end)) <= 1e-12);
  }
}

TEST_CASE("cosine_restarts is finite at every int64 step and over the whole range") {
  random_source rng(64);
  for (int i = 0; i < 200; ++i) {
    const auto s = random_restarts(rng);
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
    if (s.options().k_decay == 1.0 && s.options().period_multiplier >= 1.2) {
      CHECK(std::isfinite(lrsched::sum(s, std::numeric_limits<std::int64_t>::min(), int64_max)));
    }
  }
}

TEST_CASE("cosine_restarts describes itself with every parameter") {
  const auto d = cosine_restarts(0.1, 10,
                                 {.floor_value = 1e-4,
                                  .period_multiplier = 2.0,
                                  .cycle_decay = 0.5,
                                  .decay_target = restart_decay::peak,
                                  .cycle_limit = 3,
                                  .k_decay = 2.0,
                                  .period_divisor = 1})
                     .describe();
  CHECK(d.kind == "cosine_restarts");
  const char* names[] = {"peak_value",        "first_period", "floor_value",
                         "period_multiplier", "cycle_decay",  "decay_target",
                         "cycle_limit",       "k_decay",      "period_divisor"};
  REQUIRE(d.parameters.size() == 9);
  for (std::size_t i = 0; i < 9; ++i) CHECK(d.parameters[i].first == names[i]);
  CHECK(std::get<std::string>(*d.find("decay_target")) == "peak");
  CHECK(std::get<std::int64_t>(*d.find("cycle_limit")) == 3);
}

TEST_CASE("cosine_restarts rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)cosine_restarts(NAN, 10); }, "peak_value",
                  "cosine_restarts: peak_value must be finite, got nan");
  expect_rejected([] { (void)cosine_restarts(0.1, 0); }, "first_period",
                  "cosine_restarts: first_period must be >= 1, got 0");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.floor_value = INFINITY}); }, "floor_value",
                  "cosine_restarts: floor_value must be finite, got inf");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.period_multiplier = 0.5}); },
                  "period_multiplier",
                  "cosine_restarts: period_multiplier must be finite and >= 1, got 0.5");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.cycle_decay = 1.5}); }, "cycle_decay",
                  "cosine_restarts: cycle_decay must be in [0, 1], got 1.5");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.cycle_limit = -1}); }, "cycle_limit",
                  "cosine_restarts: cycle_limit must be >= 0, got -1");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.k_decay = 0.0}); }, "k_decay",
                  "cosine_restarts: k_decay must be finite and > 0, got 0");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.period_divisor = 0}); }, "period_divisor",
                  "cosine_restarts: period_divisor must be >= 1, got 0");
  expect_rejected([] { (void)cosine_restarts(0.1, 10, {.period_divisor = 11}); }, "period_divisor",
                  "cosine_restarts: period_divisor must be <= first_period (10): a cycle lasts at "
                  "least one step, got 11");
}
