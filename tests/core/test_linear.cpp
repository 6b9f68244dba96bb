// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <string>

#include "catch.hpp"
#include "support.hpp"

using lrsched::linear;

TEST_CASE("linear reaches its end value exactly at its end and holds it") {
  const linear s(0.1, 0.001, 100);
  CHECK(s(0) == 0.1);
  CHECK(s(100) == 0.001);
  CHECK(s(101) == 0.001);
  CHECK(s(-7) == 0.1);
  CHECK(s(50) == (0.1 * 50 + 0.001 * 50) / 100);
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
}

TEST_CASE("linear decays to zero with full relative precision near the end") {
  const linear s(1.0, 0.0, 1'000'000'000);
  CHECK(s(999'999'999) == 1e-9);
}

TEST_CASE("linear with zero or one step never divides by zero") {
  CHECK(linear(1.0, 2.0, 0)(0) == 2.0);
  CHECK(linear(1.0, 2.0, 0)(5) == 2.0);
  CHECK(linear(1.0, 2.0, 1)(0) == 1.0);
  CHECK(linear(1.0, 2.0, 1)(1) == 2.0);
  CHECK(lrsched::sum(linear(1.0, 2.0, 0), 0, 3) == 6.0);
}

TEST_CASE("linear sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261123);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const double a = rng.log_uniform(1e-7, 1.0);
    const double b = rng.coin() ? 0.0 : rng.log_uniform(1e-7, 1.0);
    const auto n = rng.integer(0, 5000);
    const linear s(a, b, n);
    const auto first = rng.integer(-50, n + 50);
    const auto last = first + rng.integer(0, 6000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::sum_of_squares(s, first, last),
                                lrsched::test::reference_sum_of_squares(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("linear sums over a billion steps agree with the trapezoid identity") {
  // Independent closed form: Σ_{t<n} (a (n-t) + b t)/n = (a + b) n / 2 + (a - b) / 2.
  const double a = 3e-4, b = 3e-5;
  const std::int64_t n = 1'000'000'000;
  const long double expected = (static_cast<long double>(a) + b) * n / 2.0L + (a - b) / 2.0L;
  CHECK(lrsched::test::relative_error(lrsched::sum(linear(a, b, n), 0, n), expected) <= 1e-15);
}

TEST_CASE("linear rejects bad parameters, naming them") {
  try {
    linear bad(1.0, 0.0, -5);
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "steps");
    CHECK(std::string(e.what()) == "linear: steps must be >= 0, got -5");
  }
  CHECK_THROWS_AS(linear(std::nan(""), 0.0, 5), lrsched::invalid_schedule);
  CHECK_THROWS_AS(linear(0.0, HUGE_VAL, 5), lrsched::invalid_schedule);
}
