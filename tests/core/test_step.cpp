// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/exponential.hpp>
#include <lrsched/step.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::multistep;
using lrsched::step_decay;
using lrsched::test::expect_rejected;

namespace {

constexpr std::int64_t max_step = std::numeric_limits<std::int64_t>::max();

// Absolute differences below this are subnormal-rounding noise of s(t), not compared.
constexpr long double underflow_floor = 1e-300L;

// 0, 1, within 1e-9 of 1, or in between.
double random_gamma(lrsched::test::random_source& rng) {
  const double choices[] = {0.0, 1.0, 1.0 - std::pow(10.0, -rng.uniform(3.0, 9.0)),
                            rng.uniform(0.01, 0.99), rng.uniform(0.01, 0.99)};
  return choices[rng.integer(0, 4)];
}

}  // namespace

static_assert(lrsched::ClosedFormSum<step_decay>);
static_assert(lrsched::ClosedFormSumOfSquares<step_decay>);
static_assert(!lrsched::FiniteSchedule<step_decay>);
static_assert(lrsched::ClosedFormSum<multistep>);
static_assert(lrsched::ClosedFormSumOfSquares<multistep>);
static_assert(lrsched::FiniteSchedule<multistep>);

TEST_CASE("step_decay drops by gamma exactly at each multiple of step_size") {
  const step_decay s(0.1, 30, 0.1);
  CHECK(s(-1) == 0.1);
  CHECK(s(0) == 0.1);
  CHECK(s(29) == 0.1);
  CHECK(s(30) == 0.1 * 0.1);  // 0.010000000000000002, as timm and PyTorch give
  CHECK(s(59) == 0.1 * 0.1);
  CHECK(s(60) == 0.1 * std::pow(0.1, 2.0));
  CHECK(lrsched::sum(s, 0, 90) ==
        static_cast<double>(30 * (0.1L + 0.1L * 0.1 + 0.1L * std::pow(0.1, 2.0))));
}

TEST_CASE(
    "step_decay with step_size 1 is the per-step exponential; with step_size k, the "
    "staircase exponential") {
  const step_decay every(0.05, 1, 0.97);
  const lrsched::exponential per_step(0.05, 0.97);
  const step_decay blocks(0.05, 30, 0.97);
  const lrsched::exponential staircase(0.05, 0.97, 30, {.staircase = true});
  for (std::int64_t t = 0; t < 3000; ++t) {
    CHECK(every(t) == per_step(t));
    CHECK(blocks(t) == staircase(t));
  }
  CHECK(lrsched::sum(every, 0, 3000) == lrsched::sum(per_step, 0, 3000));
}

TEST_CASE("step_decay with gamma 0 drops to 0 and stays there; with gamma 1 it is constant") {
  const step_decay to_zero(0.1, 10, 0.0);
  CHECK(to_zero(9) == 0.1);
  CHECK(to_zero(10) == 0.0);
  CHECK(to_zero(max_step) == 0.0);
  CHECK(lrsched::sum(to_zero, 0, 1'000) == static_cast<double>(10 * 0.1L));
  CHECK(lrsched::sum(to_zero, 5, 1'000) == static_cast<double>(5 * 0.1L));
  CHECK(lrsched::sum(to_zero, 10, 1'000) == 0.0);
  const step_decay flat(0.1, 10, 1.0);
  CHECK(flat(max_step) == 0.1);
  CHECK(lrsched::sum(flat, 0, 1'000) == static_cast<double>(1'000 * 0.1L));
}

TEST_CASE("step_decay is finite at every extreme int64 step and never NaN far out") {
  for (const step_decay& s :
       {step_decay(0.1, 1, 0.5), step_decay(0.1, 1, 0.9999999), step_decay(1.0, max_step, 0.5),
        step_decay(-1.0, 3, 0.1), step_decay(1.0, 7, 0.0)}) {
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
    CHECK(std::isfinite(lrsched::sum(s, 0, max_step)));
    CHECK(std::isfinite(lrsched::sum(s, std::numeric_limits<std::int64_t>::min(), max_step)));
    CHECK(std::isfinite(lrsched::sum_of_squares(s, 0, max_step)));
  }
  CHECK(step_decay(1.0, max_step, 0.5)(max_step - 1) == 1.0);
  CHECK(step_decay(1.0, max_step, 0.5)(max_step) == 0.5);
}

TEST_CASE("step_decay sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(4242);
  const auto build = [](lrsched::test::random_source& r) {
    const double init = r.coin() ? r.log_uniform(1e-7, 1.0) : -r.log_uniform(1e-7, 1.0);
    return step_decay(init, r.integer(1, r.coin() ? 5 : 700), random_gamma(r));
  };
  CHECK(lrsched::test::worst_sum_error(rng, 3000, build, 4000, 5000, underflow_floor) <= 1e-12);
}

TEST_CASE("step_decay sums over a billion steps agree with the geometric series of blocks") {
  // Σ = step_size · init · (1 − γ^blocks) / (1 − γ), with 1 − γ exact and γ^blocks by powl.
  const std::int64_t n = 1'000'000'000;
  for (const double gamma : {0.999, 0.9999999, 0.5}) {
    for (const std::int64_t size : {1, 1'000, 1'000'000}) {
      const double init = 1e-3;
      const long double blocks = static_cast<long double>(n / size);
      const long double expected = static_cast<long double>(size) * init *
                                   (1.0L - std::pow(static_cast<long double>(gamma), blocks)) /
                                   (1.0L - gamma);
      CHECK(lrsched::test::relative_error(lrsched::sum(step_decay(init, size, gamma), 0, n),
                                          expected) <= 1e-12);
    }
  }
  lrsched::test::random_source rng(17);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const step_decay s(1e-2, rng.integer(1, 1'000'000), 1.0 - std::pow(10.0, -rng.uniform(1, 9)));
    worst = std::max(worst, lrsched::test::worst_split_error(s, rng, 1, 1'000'000'000,
                                                             1'000'000'000'000, underflow_floor));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("step_decay describes itself with its constructor's parameters") {
  const auto d = step_decay(0.1, 30, 0.5).describe();
  CHECK(d.kind == "step_decay");
  REQUIRE(d.parameters.size() == 3);
  CHECK(d.parameters[0].first == "init_value");
  CHECK(std::get<double>(d.parameters[0].second) == 0.1);
  CHECK(d.parameters[1].first == "step_size");
  CHECK(std::get<std::int64_t>(d.parameters[1].second) == 30);
  CHECK(d.parameters[2].first == "gamma");
  CHECK(std::get<double>(d.parameters[2].second) == 0.5);
}

TEST_CASE("step_decay rejects bad parameters, naming them and their values") {
  expect_rejected([] { step_decay(0.1, 0, 0.5); }, "step_size",
                  "step_decay: step_size must be >= 1, got 0");
  expect_rejected([] { step_decay(0.1, 10, 1.5); }, "gamma",
                  "step_decay: gamma must be in [0, 1] (a growing staircase is unbounded: use "
                  "exponential with staircase and an end_value ceiling), got 1.5");
  expect_rejected([] { step_decay(0.1, 10, -0.1); }, "gamma",
                  "step_decay: gamma must be in [0, 1] (a growing staircase is unbounded: use "
                  "exponential with staircase and an end_value ceiling), got -0.1");
  expect_rejected([] { step_decay(HUGE_VAL, 10, 0.5); }, "init_value",
                  "step_decay: init_value must be finite, got inf");
  CHECK_THROWS_AS(step_decay(0.1, 10, std::nan("")), lrsched::invalid_schedule);
}

TEST_CASE("multistep drops by gamma exactly at each milestone") {
  const multistep s(0.1, {30, 60}, 0.1);
  CHECK(s(0) == 0.1);
  CHECK(s(29) == 0.1);
  CHECK(s(30) == 0.1 * 0.1);
  CHECK(s(59) == 0.1 * 0.1);
  CHECK(s(60) == 0.1 * std::pow(0.1, 2.0));
  CHECK(s(max_step) == 0.1 * std::pow(0.1, 2.0));
  CHECK(s.length() == 60);
}

TEST_CASE("multistep compounds a repeated milestone, as PyTorch does") {
  const multistep s(1.0, {10, 10, 20}, 0.5);
  CHECK(s(9) == 1.0);
  CHECK(s(10) == 0.25);
  CHECK(s(19) == 0.25);
  CHECK(s(20) == 0.125);
}

TEST_CASE(
    "multistep with a milestone at 0 applies it from the start, negative steps "
    "included") {
  const multistep s(1.0, {0, 5}, 0.5);
  CHECK(s(-7) == 0.5);
  CHECK(s(0) == 0.5);
  CHECK(s(5) == 0.25);
}

TEST_CASE("multistep without milestones is a constant of length 0") {
  const multistep s(0.3, {}, 0.1);
  CHECK(s(0) == 0.3);
  CHECK(s(max_step) == 0.3);
  CHECK(s.length() == 0);
}

TEST_CASE("multistep allows gamma 0 and gamma above 1 while the value stays finite") {
  const multistep zero(0.1, {5}, 0.0);
  CHECK(zero(4) == 0.1);
  CHECK(zero(5) == 0.0);
  const multistep grow(1e-3, {10, 20}, 10.0);
  CHECK(grow(10) == 1e-3 * 10.0);
  CHECK(grow(20) == 1e-3 * std::pow(10.0, 2.0));
}

TEST_CASE("multistep is finite at every extreme int64 step") {
  const multistep s(0.1, {1, std::int64_t{1} << 40, max_step}, 0.5);
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  CHECK(s(max_step - 1) == 0.1 * std::pow(0.5, 2.0));
  CHECK(s(max_step) == 0.1 * std::pow(0.5, 3.0));
  CHECK(std::isfinite(lrsched::sum(s, 0, max_step)));
}

TEST_CASE("multistep sums per block, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(8080);
  const auto build = [](lrsched::test::random_source& r) {
    auto milestones = lrsched::test::random_sorted_steps(r, r.integer(0, 8), 3000);
    const double gamma = r.integer(0, 5) == 0 ? r.uniform(1.0, 3.0) : random_gamma(r);
    return multistep(r.log_uniform(1e-7, 1.0), std::move(milestones), gamma);
  };
  CHECK(lrsched::test::worst_sum_error(rng, 3000, build, 3050, 4000) <= 1e-12);
}

TEST_CASE("multistep sums over a billion steps agree with counting blocks by hand") {
  const double init = 0.1, gamma = 0.1;
  const multistep s(init, {300'000'000, 600'000'000, 900'000'000}, gamma);
  long double expected = 0.0L;
  for (int k = 0; k < 3; ++k) expected += 300'000'000.0L * init * std::pow(gamma, double(k));
  expected += 100'000'000.0L * init * std::pow(gamma, 3.0);
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 1'000'000'000), expected) <= 1e-15);
  lrsched::test::random_source rng(18);
  CHECK(lrsched::test::worst_split_error(s, rng, 200, 1'000'000'000, 1'000'000'000) <= 1e-15);
}

TEST_CASE("multistep describes itself with its constructor's parameters") {
  const auto d = multistep(0.1, {30, 60}, 0.5).describe();
  CHECK(d.kind == "multistep");
  REQUIRE(d.parameters.size() == 3);
  CHECK(d.parameters[0].first == "init_value");
  CHECK(std::get<double>(d.parameters[0].second) == 0.1);
  CHECK(d.parameters[1].first == "milestones");
  CHECK(std::get<std::vector<std::int64_t>>(d.parameters[1].second) ==
        std::vector<std::int64_t>{30, 60});
  CHECK(d.parameters[2].first == "gamma");
  CHECK(std::get<double>(d.parameters[2].second) == 0.5);
}

TEST_CASE("multistep rejects bad parameters, naming them and their values") {
  expect_rejected(
      [] {
        multistep(0.1, {30, 60, 45}, 0.1);
      },
      "milestones[2]",
      "multistep: milestones[2] must be >= milestones[1] = 60 (non-decreasing), "
      "got 45");
  expect_rejected(
      [] {
        multistep(0.1, {-1, 60}, 0.1);
      },
      "milestones[0]", "multistep: milestones[0] must be >= 0, got -1");
  expect_rejected([] { multistep(0.1, {30}, -0.5); }, "gamma",
                  "multistep: gamma must be finite and >= 0, got -0.5");
  expect_rejected(
      [] {
        multistep(1.0, {10, 20}, 1e200);
      },
      "gamma",
      "multistep: gamma must be small enough that init_value * "
      "gamma^milestones.size() is finite, got 1e+200");
  CHECK_THROWS_AS(multistep(std::nan(""), {1}, 0.5), lrsched::invalid_schedule);
}
