// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/sum.hpp>
#include <lrsched/tanh.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::tanh_decay;
using lrsched::test::relative_error;

namespace {
// The textbook form: min + ½(max − min)(1 − tanh(lb(1 − t/n) + ub·t/n)).
double tanh_formula(double max, double min, double n, double lb, double ub, double t) {
  const double r = t / n;
  return min + 0.5 * (max - min) * (1.0 - std::tanh(lb * (1.0 - r) + ub * r));
}
}  // namespace

TEST_CASE("tanh_decay follows half of one minus tanh over [lb, ub) and holds min from its end") {
  const tanh_decay s(0.1, 1e-4, 100);
  CHECK(s.lb() == -7.0);
  CHECK(s.ub() == 3.0);
  for (std::int64_t t = 0; t < 100; ++t) {
    CHECK(relative_error(s(t), tanh_formula(0.1, 1e-4, 100, -7.0, 3.0, static_cast<double>(t))) <=
          1e-13);
  }
  CHECK(s(-4) == s(0));
  CHECK(s(0) < 0.1);
  CHECK(s(99) > 1e-4);
  CHECK(s(100) == 1e-4);
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 1e-4);
  CHECK(s.length() == 100);
}

TEST_CASE("tanh_decay keeps relative precision where 1 - tanh would round to 0") {
  // x = 30 at the last step: ½(1 − tanh 30) = σ(−60) ≈ 8.8e-27, not 0.
  const tanh_decay s(1.0, 0.0, 10, 20.0, 30.0);
  CHECK(relative_error(s(9), 1.0 / (1.0 + std::exp(2.0 * 29.0))) <= 1e-15);
  CHECK(s(9) > 0.0);
}

TEST_CASE("tanh_decay with degenerate parameters is constant or rises, never divides by zero") {
  CHECK(tanh_decay(1.0, 0.5, 0)(0) == 0.5);
  CHECK(tanh_decay(1.0, 0.5, 0)(-1) == 0.5);
  CHECK(lrsched::sum(tanh_decay(1.0, 0.5, 0), 0, 4) == 2.0);
  CHECK(tanh_decay(1.0, 0.5, 1)(0) == tanh_formula(1.0, 0.5, 1, -7.0, 3.0, 0.0));
  const tanh_decay plateau(1.0, 0.0, 50, 0.0, 0.0);
  CHECK(plateau(0) == 0.5);
  CHECK(plateau(49) == 0.5);
  const tanh_decay rising(1.0, 0.0, 50, 3.0, -7.0);
  CHECK(rising(0) < rising(49));
}

TEST_CASE("tanh_decay is finite and within its bounds at every extreme step and sweep") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const std::int64_t n : {std::int64_t{0}, std::int64_t{1}, std::int64_t{1} << 40, max}) {
    for (const double bound : {3.0, 1e3, 1e300}) {
      const tanh_decay s(1e-3, 1e-6, n, -bound, bound);
      for (const auto t : lrsched::test::extreme_steps) {
        CHECK(std::isfinite(s(t)));
        CHECK(s(t) >= 1e-6);
        CHECK(s(t) <= 1e-3);
      }
      CHECK(std::isfinite(lrsched::sum(s, 0, max)));
    }
  }
}

TEST_CASE("tanh_decay sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261127);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 4000; ++i) {
    const double max = rng.log_uniform(1e-6, 1.0);
    const double min = rng.coin() ? 0.0 : max * rng.uniform(0.0, 1.0);
    // Short decays take the direct path, long ones Euler–Maclaurin; wide sweeps saturate.
    const auto n = rng.coin() ? rng.integer(0, 200) : rng.integer(200, std::int64_t{1} << 50);
    const double lb = rng.coin() ? rng.uniform(-10.0, 0.0) : rng.uniform(-500.0, 0.0);
    const double ub = rng.coin() ? rng.uniform(0.0, 10.0) : rng.uniform(-500.0, 500.0);
    const tanh_decay s(max, min, n, lb, ub);
    const auto first = rng.coin() ? rng.integer(-50, std::min<std::int64_t>(n, 5000) + 50)
                                  : rng.integer(0, n + 50);
    const auto last = first + rng.integer(0, 6000);
    // A deep tail (x ≈ 400) is below the smallest double: s(t) gives 0 there, the sum does not.
    const long double underflow_floor = 1e-290L;
    worst = std::max(worst, lrsched::test::sum_error(s, first, last, underflow_floor));
    ++cases;
  }
  CHECK(cases == 4000);
  CHECK(worst <= 1e-12);
}

TEST_CASE("tanh_decay sums over a billion steps agree with the log-cosh integral") {
  // Σ_{t<n} f(t) = ∫_0^n f + (f(0) − f(n))/2 + O(β·max) with β = (ub − lb)/n = 1e-8,
  // and ∫_0^n ½(1 − tanh(lb + βt)) dt = ½(n − (ln cosh ub − ln cosh lb)/β).
  const std::int64_t n = 1'000'000'000;
  const long double lb = -7.0L;
  const long double ub = 3.0L;
  const long double beta = (ub - lb) / n;
  const auto log_cosh = [](long double x) { return std::log(std::cosh(x)); };
  const auto f = [](long double x) { return 0.5L * (1.0L - std::tanh(x)); };
  const long double expected =
      0.5L * (n - (log_cosh(ub) - log_cosh(lb)) / beta) + 0.5L * (f(lb) - f(ub));
  const tanh_decay s(1.0, 0.0, n);
  CHECK(relative_error(s.sum(0, n), expected) <= 1e-15);
  // Additive across any cut, including the hold.
  for (const std::int64_t cut : {std::int64_t{1}, n / 3, n - 1, n, n + 1}) {
    CHECK(lrsched::test::split_error(s, 0, cut, n + 1000) <= 1e-15);
  }
}

TEST_CASE("tanh_decay describes itself with its constructor's parameters") {
  const auto d = tanh_decay(0.1, 1e-5, 50, -6.0, 4.0).describe();
  CHECK(d.kind == "tanh_decay");
  REQUIRE(d.parameters.size() == 5);
  CHECK(d.parameters[0].first == "max_value");
  CHECK(std::get<double>(d.parameters[0].second) == 0.1);
  CHECK(d.parameters[1].first == "min_value");
  CHECK(std::get<double>(d.parameters[1].second) == 1e-5);
  CHECK(d.parameters[2].first == "steps");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 50);
  CHECK(d.parameters[3].first == "lb");
  CHECK(std::get<double>(d.parameters[3].second) == -6.0);
  CHECK(d.parameters[4].first == "ub");
  CHECK(std::get<double>(d.parameters[4].second) == 4.0);
}

TEST_CASE("tanh_decay rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { tanh_decay(1.0, 0.0, -2); }, "steps",
                  "tanh_decay: steps must be >= 0, got -2");
  expect_rejected([] { tanh_decay(1.0, 0.0, 10, -HUGE_VAL); }, "lb",
                  "tanh_decay: lb must be finite, got -inf");
  expect_rejected([] { tanh_decay(1.0, 0.0, 10, -7.0, std::nan("")); }, "ub",
                  "tanh_decay: ub must be finite, got nan");
  expect_rejected([] { tanh_decay(HUGE_VAL, 0.0, 10); }, "max_value",
                  "tanh_decay: max_value must be finite, got inf");
  expect_rejected([] { tanh_decay(1.0, std::nan(""), 10); }, "min_value",
                  "tanh_decay: min_value must be finite, got nan");
}
