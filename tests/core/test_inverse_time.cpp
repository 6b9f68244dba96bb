// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/inverse_time.hpp>
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

using lrsched::inverse_time;
using lrsched::test::relative_error;

TEST_CASE("inverse_time starts at its init value and halves when rate times t/decay_steps is 1") {
  const inverse_time s(0.1, 0.5, 5);
  CHECK(s(0) == 0.1);
  CHECK(s(-9) == 0.1);
  CHECK(s(10) == 0.05);
  CHECK(s(1) == 0.1 / (1.0 + 0.5 * (1.0 / 5.0)));
  CHECK(s(11) < s(10));
}

TEST_CASE("inverse_time in staircase mode holds each block of decay_steps steps") {
  const inverse_time s(0.1, 0.5, 5, true);
  for (std::int64_t t = 0; t < 5; ++t) CHECK(s(t) == 0.1);
  for (std::int64_t t = 5; t < 10; ++t) CHECK(s(t) == 0.1 / 1.5);
  CHECK(s(10) == 0.05);
  CHECK(s(-1) == 0.1);
}

TEST_CASE("inverse_time with rate 0 is constant, and with decay_steps 1 decays every step") {
  const inverse_time flat(0.3, 0.0, 7);
  CHECK(flat(0) == 0.3);
  CHECK(flat(std::numeric_limits<std::int64_t>::max()) == 0.3);
  CHECK(lrsched::sum(flat, 0, 1000) == Approx(300.0).epsilon(1e-15));
  const inverse_time fast(1.0, 1.0, 1);
  CHECK(fast(3) == 0.25);
  CHECK(inverse_time(1.0, 1.0, 1, true)(3) == 0.25);
}

TEST_CASE("inverse_time is finite and positive at every extreme step") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const bool staircase : {false, true}) {
    for (const double rate : {0.0, 1e-300, 0.5, 1e300}) {
      for (const std::int64_t d : {std::int64_t{1}, std::int64_t{1000}, max}) {
        const inverse_time s(1e-3, rate, d, staircase);
        for (const auto t : lrsched::test::extreme_steps) {
          CHECK(std::isfinite(s(t)));
          CHECK(s(t) >= 0.0);
          CHECK(s(t) <= 1e-3);
        }
        CHECK(std::isfinite(lrsched::sum(s, 0, max)));
      }
    }
  }
}

TEST_CASE("inverse_time sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261126);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 4000; ++i) {
    const double init = rng.log_uniform(1e-6, 1.0);
    const double rate = rng.integer(0, 9) == 0 ? 0.0 : rng.log_uniform(1e-9, 1e6);
    const auto d = rng.coin() ? rng.integer(1, 40) : rng.integer(1, 100'000'000);
    const inverse_time s(init, rate, d, rng.coin());
    const auto first = rng.coin() ? rng.integer(-50, 500) : rng.integer(0, std::int64_t{1} << 61);
    const auto last = first + rng.integer(0, 6000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
    ++cases;
  }
  CHECK(cases == 4000);
  CHECK(worst <= 1e-12);
}

namespace {
// H_N = ln N + γ + 1/(2N) − 1/(12N²) + 1/(120N⁴) − ..., γ = 0.57721566490153286060651209...
long double harmonic(long double n) {
  const long double euler_gamma = 0.57721566490153286060651209008240243L;
  return std::log(n) + euler_gamma + 0.5L / n - 1.0L / (12.0L * n * n) +
         1.0L / (120.0L * n * n * n * n);
}
}  // namespace

TEST_CASE("inverse_time sums over a billion steps agree with the harmonic numbers") {
  // rate 1, decay_steps 1: s(t) = 1/(1 + t), so Σ_{t<N} = H_N.
  const std::int64_t n = 1'000'000'000;
  CHECK(relative_error(inverse_time(1.0, 1.0, 1).sum(0, n), harmonic(n)) <= 1e-17);
  // Staircase with blocks of 1000: each value 1/(1 + k) repeated 1000 times.
  CHECK(relative_error(inverse_time(1.0, 1.0, 1000, true).sum(0, n),
                       1000.0L * harmonic(n / 1000)) <= 1e-17);
  // A partial last block adds its steps at the last block's value.
  CHECK(relative_error(inverse_time(1.0, 1.0, 1000, true).sum(0, n + 10),
                       1000.0L * harmonic(n / 1000) + 10.0L / (1.0L + n / 1000)) <= 1e-17);
}

TEST_CASE("inverse_time sums over a billion steps are additive across any cut") {
  const std::int64_t n = 1'000'000'000;
  for (const bool staircase : {false, true}) {
    const inverse_time s(1e-3, 0.7, 3333, staircase);
    for (const std::int64_t cut : {std::int64_t{1}, std::int64_t{3332}, std::int64_t{3333},
                                   std::int64_t{3334}, n / 7, n - 1}) {
      CHECK(lrsched::test::split_error(s, 0, cut, n) <= 1e-15);
    }
  }
}

TEST_CASE("inverse_time describes itself with its constructor's parameters") {
  const auto d = inverse_time(0.1, 0.5, 5, true).describe();
  CHECK(d.kind == "inverse_time");
  REQUIRE(d.parameters.size() == 4);
  CHECK(d.parameters[0].first == "init_value");
  CHECK(std::get<double>(d.parameters[0].second) == 0.1);
  CHECK(d.parameters[1].first == "decay_rate");
  CHECK(std::get<double>(d.parameters[1].second) == 0.5);
  CHECK(d.parameters[2].first == "decay_steps");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 5);
  CHECK(d.parameters[3].first == "staircase");
  CHECK(std::get<bool>(d.parameters[3].second) == true);
}

TEST_CASE("inverse_time rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { inverse_time(1.0, 0.5, 0); }, "decay_steps",
                  "inverse_time: decay_steps must be >= 1, got 0");
  expect_rejected([] { inverse_time(1.0, -0.5, 10); }, "decay_rate",
                  "inverse_time: decay_rate must be finite and >= 0, got -0.5");
  expect_rejected([] { inverse_time(1.0, HUGE_VAL, 10, true); }, "decay_rate",
                  "inverse_time: decay_rate must be finite and >= 0, got inf");
  expect_rejected([] { inverse_time(std::nan(""), 0.5, 10); }, "init_value",
                  "inverse_time: init_value must be finite, got nan");
}
