// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/linear.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::polynomial;
using lrsched::test::relative_error;

TEST_CASE("polynomial starts at its init value, reaches its end value at its end and holds it") {
  const polynomial s(0.1, 0.001, 100, 2.0);
  CHECK(s(0) == 0.1);
  CHECK(s(-7) == 0.1);
  CHECK(s(100) == 0.001);
  CHECK(s(101) == 0.001);
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 0.001);
  // Halfway the remaining fraction is 1/2, so w = 1/4.
  CHECK(relative_error(s(50), 0.1 * 0.25 + 0.001 * 0.75) <= 1e-15);
  CHECK(s.length() == 100);
}

TEST_CASE("polynomial forms the remaining fraction as (n - t)/n, exact near the end") {
  const std::int64_t n = 1'000'000'000;
  CHECK(polynomial(1.0, 0.0, n, 2.0)(n - 1) == std::pow(1e-9, 2.0));
  CHECK(polynomial(1.0, 0.0, n, 1.0)(n - 1) == 1e-9);
  CHECK(polynomial(1.0, 0.0, n, 0.5)(n - 1) == std::sqrt(1e-9));
}

TEST_CASE("polynomial is finite at every extreme step, also with extreme lengths and powers") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const std::int64_t n : {std::int64_t{0}, std::int64_t{1}, std::int64_t{1} << 40, max}) {
    for (const double power : {0.0, 0.5, 1.0, 3.0, 1e6}) {
      const polynomial s(1e-3, 1e-6, n, power);
      for (const auto t : lrsched::test::extreme_steps) {
        CHECK(std::isfinite(s(t)));
        CHECK(s(t) >= 1e-6);
        CHECK(s(t) <= 1e-3);
      }
    }
  }
}

TEST_CASE("polynomial with degenerate parameters never divides by zero") {
  CHECK(polynomial(1.0, 2.0, 0, 2.0)(0) == 2.0);
  CHECK(polynomial(1.0, 2.0, 0, 2.0)(9) == 2.0);
  CHECK(polynomial(1.0, 2.0, 0, 2.0)(-3) == 2.0);  // t < 0 is t = 0, already past the end
  CHECK(lrsched::sum(polynomial(1.0, 2.0, 0, 2.0), 0, 3) == 6.0);
  CHECK(polynomial(1.0, 2.0, 1, 2.0)(0) == 1.0);
  CHECK(polynomial(1.0, 2.0, 1, 2.0)(1) == 2.0);
  // power 0 holds the init value for the whole decay.
  const polynomial flat(0.5, 0.1, 10, 0.0);
  CHECK(flat(9) == 0.5);
  CHECK(flat(10) == 0.1);
  CHECK(lrsched::sum(flat, 0, 12) == Approx(0.5 * 10 + 0.1 * 2).epsilon(1e-15));
}

TEST_CASE("polynomial with power 1 is the linear ramp") {
  const polynomial p(3e-4, 3e-6, 777, 1.0);
  const lrsched::linear l(3e-4, 3e-6, 777);
  for (std::int64_t t = 0; t < 800; ++t) CHECK(relative_error(p(t), l(t)) <= 1e-15);
  CHECK(relative_error(lrsched::sum(p, 0, 800), lrsched::sum(l, 0, 800)) <= 1e-15);
}

TEST_CASE("polynomial sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261124);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 4000; ++i) {
    const double init = rng.log_uniform(1e-7, 1.0);
    // Mostly decays; a quarter rise from a smaller value, a quarter decay to 0.
    const int kind = static_cast<int>(rng.integer(0, 3));
    const double end = kind == 0   ? 0.0
                       : kind == 1 ? init * rng.uniform(1.0, 4.0)
                                   : init * rng.uniform(0.0, 1.0);
    const double power =
        rng.coin() ? static_cast<double>(rng.integer(0, 12)) : rng.uniform(0.0, 12.0);
    const auto n = rng.integer(0, 6000);
    const polynomial s(init, end, n, power);
    const auto first = rng.integer(-50, n + 50);
    const auto last = first + rng.integer(0, 7000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
    ++cases;
  }
  CHECK(cases == 4000);
  CHECK(worst <= 1e-12);
}

TEST_CASE("polynomial sums short ranges far from the origin without cancellation") {
  // A prefix-sum difference would cancel ~15 digits here; the loop is the reference.
  lrsched::test::random_source rng(77);
  double worst = 0.0;
  for (int i = 0; i < 1000; ++i) {
    const auto n = rng.integer(std::int64_t{1} << 40, std::int64_t{1} << 62);
    const double power =
        rng.coin() ? static_cast<double>(rng.integer(1, 6)) : rng.uniform(0.1, 6.0);
    const polynomial s(1.0, rng.coin() ? 0.0 : 1e-3, n, power);
    const auto first = rng.integer(0, n - 5000);
    const auto last = first + rng.integer(65, 3000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("polynomial sums over a billion steps agree with Faulhaber's identities") {
  // Independent closed forms over u = 1..n: Σ u = n(n+1)/2, Σ u² = n(n+1)(2n+1)/6,
  // Σ u³ = (n(n+1)/2)², so Σ (u/n)^p has an exact value for p = 1, 2, 3.
  const std::int64_t n = 1'000'000'000;
  const long double nl = n;
  const long double expected[] = {(nl + 1) / 2, (nl + 1) * (2 * nl + 1) / (6 * nl),
                                  (nl + 1) * (nl + 1) / (4 * nl)};
  for (int p = 1; p <= 3; ++p) {
    const polynomial s(1.0, 0.0, n, p);
    CHECK(relative_error(lrsched::sum(s, 0, n), expected[p - 1]) <= 1e-15);
    CHECK(relative_error(lrsched::sum(s, 0, n + 1000), expected[p - 1]) <= 1e-15);
  }
}

TEST_CASE("polynomial sums over a billion steps are additive and within the integral bounds") {
  const std::int64_t n = 1'000'000'000;
  for (const double power : {0.5, 1.7, 2.5, 9.25}) {
    const polynomial s(2.0, 0.0, n, power);
    const double whole = lrsched::sum(s, 0, n);
    // Σ_{u=1}^{n} (u/n)^p lies between ∫_0^n and ∫_1^{n+1} of (u/n)^p, i.e.
    // n/(p+1) <= Σ <= n/(p+1) + 1 (times init = 2).
    const double integral = 2.0 * static_cast<double>(n) / (power + 1.0);
    CHECK(whole >= integral);
    CHECK(whole <= integral + 2.0);
    for (const std::int64_t cut : {std::int64_t{1}, std::int64_t{12345}, n / 3, n - 17}) {
      CHECK(lrsched::test::split_error(s, 0, cut, n) <= 1e-15);
    }
  }
}

TEST_CASE("polynomial describes itself with its constructor's parameters") {
  const auto d = polynomial(0.1, 0.01, 50, 2.5).describe();
  CHECK(d.kind == "polynomial");
  REQUIRE(d.parameters.size() == 4);
  CHECK(d.parameters[0].first == "init_value");
  CHECK(std::get<double>(d.parameters[0].second) == 0.1);
  CHECK(d.parameters[1].first == "end_value");
  CHECK(std::get<double>(d.parameters[1].second) == 0.01);
  CHECK(d.parameters[2].first == "steps");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 50);
  CHECK(d.parameters[3].first == "power");
  CHECK(std::get<double>(d.parameters[3].second) == 2.5);
}

TEST_CASE("polynomial rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { polynomial(1.0, 0.0, -5, 1.0); }, "steps",
                  "polynomial: steps must be >= 0, got -5");
  expect_rejected([] { polynomial(1.0, 0.0, 5, -1.0); }, "power",
                  "polynomial: power must be finite and >= 0, got -1");
  expect_rejected([] { polynomial(1.0, 0.0, 5, HUGE_VAL); }, "power",
                  "polynomial: power must be finite and >= 0, got inf");
  expect_rejected([] { polynomial(std::nan(""), 0.0, 5, 1.0); }, "init_value",
                  "polynomial: init_value must be finite, got nan");
  expect_rejected([] { polynomial(1.0, -HUGE_VAL, 5, 1.0); }, "end_value",
                  "polynomial: end_value must be finite, got -inf");
}
