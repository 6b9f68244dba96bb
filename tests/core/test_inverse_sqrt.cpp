// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/inverse_sqrt.hpp>
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

using lrsched::inverse_sqrt;
using lrsched::test::relative_error;

TEST_CASE("inverse_sqrt warms up linearly from 0 and reaches its peak at the end of the warmup") {
  const inverse_sqrt s(1e-3, 100, 400);
  CHECK(s(-5) == 0.0);
  CHECK(s(0) == 0.0);
  CHECK(s(25) == 1e-3 * 0.25);
  CHECK(s(100) == 1e-3);
  // t − w + τ grows fourfold at t = w + 3τ: the value halves.
  CHECK(relative_error(s(100 + 3 * 400), 0.5e-3) <= 1e-16);
  CHECK(s(101) < s(100));
}

TEST_CASE("inverse_sqrt without warmup starts at its peak") {
  const inverse_sqrt s(2.0, 0, 10);
  CHECK(s(0) == 2.0);
  CHECK(s(-3) == 2.0);
  CHECK(relative_error(s(30), 1.0) <= 1e-16);
  CHECK(inverse_sqrt(2.0, 0)(0) == 2.0);
  CHECK(inverse_sqrt(2.0, 0).timescale() == 1);
}

TEST_CASE(
    "inverse_sqrt's default timescale is the warmup: peak times sqrt(w/t), Megatron's curve") {
  const inverse_sqrt s(5e-4, 4000);
  CHECK(s.timescale() == 4000);
  for (std::int64_t t = 4000; t < 100'000; t += 997) {
    CHECK(relative_error(s(t), 5e-4 * std::sqrt(4000.0) / std::sqrt(static_cast<double>(t))) <=
          1e-15);
  }
}

TEST_CASE("inverse_sqrt reproduces Noam's rate with the step counted from 1") {
  // c·min(s^{-1/2}, s·w^{-3/2}) = inverse_sqrt(c/√w, w, w) at t = s.
  const double c = 1.0 / std::sqrt(512.0);  // d_model^{-1/2}
  const std::int64_t w = 4000;
  const inverse_sqrt s(c / std::sqrt(static_cast<double>(w)), w, w);
  for (std::int64_t step = 1; step < 3 * w; step += 37) {
    const auto x = static_cast<double>(step);
    const double noam =
        c * std::min(1.0 / std::sqrt(x), x * std::pow(static_cast<double>(w), -1.5));
    CHECK(relative_error(s(step), noam) <= 1e-15);
  }
}

TEST_CASE("inverse_sqrt is finite and positive at every extreme step and timescale") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const std::int64_t w : {std::int64_t{0}, std::int64_t{1}, std::int64_t{1} << 40, max}) {
    for (const std::int64_t tau : {std::int64_t{1}, std::int64_t{10'000}, max}) {
      const inverse_sqrt s(1e-3, w, tau);
      for (const auto t : lrsched::test::extreme_steps) {
        CHECK(std::isfinite(s(t)));
        CHECK(s(t) >= 0.0);
        CHECK(s(t) <= 1e-3);
      }
      CHECK(std::isfinite(lrsched::sum(s, 0, max)));
    }
  }
  CHECK(inverse_sqrt(1.0, 0, 1)(max) > 0.0);
}

TEST_CASE("inverse_sqrt sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261125);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 3000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1.0);
    const auto w = rng.coin() ? rng.integer(0, 3000) : 0;
    const auto tau = rng.coin() ? rng.integer(1, 50) : rng.integer(1, std::int64_t{1} << 50);
    const inverse_sqrt s(peak, w, tau);
    const auto first =
        rng.coin() ? rng.integer(-50, w + 100) : rng.integer(0, std::int64_t{1} << 60);
    const auto last = first + rng.integer(0, 6000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
    ++cases;
  }
  CHECK(cases == 3000);
  CHECK(worst <= 1e-12);
}

TEST_CASE("inverse_sqrt sums over a billion steps agree with the zeta(1/2) asymptotics") {
  // Σ_{u=1}^{N} u^{-1/2} = 2√N + ζ(1/2) + 1/(2√N) − 1/(24 N^{3/2}) + O(N^{-7/2}),
  // ζ(1/2) = −1.46035450880958681288949915251529801...
  const long double zeta_half = -1.46035450880958681288949915251529801L;
  for (const std::int64_t n : {std::int64_t{1'000'000'000}, std::int64_t{1} << 50}) {
    const long double root = std::sqrt(static_cast<long double>(n));
    const long double expected =
        2.0L * root + zeta_half + 0.5L / root - 1.0L / (24.0L * root * root * root);
    const inverse_sqrt s(1.0, 0, 1);                        // s(t) = (t + 1)^{-1/2}
    CHECK(relative_error(s.sum(0, n), expected) <= 1e-17);  // the long-double closed form
  }
}

TEST_CASE("inverse_sqrt sums over a billion steps are additive across any cut") {
  const std::int64_t n = 1'000'000'000;
  const inverse_sqrt s(3e-4, 2000, 50'000);
  for (const std::int64_t cut : {std::int64_t{1}, std::int64_t{1999}, std::int64_t{2000},
                                 std::int64_t{2001}, std::int64_t{123'456}, n - 1}) {
    CHECK(lrsched::test::split_error(s, 0, cut, n) <= 1e-15);
  }
  // The decay lies between its integrals: ∫_A^B f <= Σ_{u=A}^{B−1} f(u) <= f(A) + ∫_A^{B−1} f.
  const long double tau = 50'000.0L;
  const long double a = tau;
  const long double b = tau + static_cast<long double>(n - 2000);
  const long double factor = 3e-4L * std::sqrt(tau);
  const long double decay = lrsched::sum(s, 2000, n);
  CHECK(decay >= factor * 2.0L * (std::sqrt(b) - std::sqrt(a)));
  CHECK(decay <= factor * (1.0L / std::sqrt(a) + 2.0L * (std::sqrt(b - 1.0L) - std::sqrt(a))));
}

TEST_CASE("inverse_sqrt describes itself with its constructor's parameters") {
  const auto d = inverse_sqrt(1e-3, 10, 50).describe();
  CHECK(d.kind == "inverse_sqrt");
  REQUIRE(d.parameters.size() == 3);
  CHECK(d.parameters[0].first == "peak_value");
  CHECK(std::get<double>(d.parameters[0].second) == 1e-3);
  CHECK(d.parameters[1].first == "warmup_steps");
  CHECK(std::get<std::int64_t>(d.parameters[1].second) == 10);
  CHECK(d.parameters[2].first == "timescale");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 50);
  // The default timescale is written out, so the description rebuilds the schedule.
  CHECK(std::get<std::int64_t>(inverse_sqrt(1e-3, 0).describe().parameters[2].second) == 1);
}

TEST_CASE("inverse_sqrt rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { inverse_sqrt(1.0, 10, 0); }, "timescale",
                  "inverse_sqrt: timescale must be >= 1, got 0");
  expect_rejected([] { inverse_sqrt(1.0, -1, 5); }, "warmup_steps",
                  "inverse_sqrt: warmup_steps must be >= 0, got -1");
  expect_rejected([] { inverse_sqrt(1.0, -1); }, "warmup_steps",
                  "inverse_sqrt: warmup_steps must be >= 0, got -1");
  expect_rejected([] { inverse_sqrt(std::nan(""), 10, 10); }, "peak_value",
                  "inverse_sqrt: peak_value must be finite, got nan");
}
