// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "catch.hpp"
#include "counting.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::chain;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;
using lrsched::repeat;

TEST_CASE("repeat restarts exactly at every multiple of the period") {
  const auto s = repeat(linear(1.0, 0.0, 4), 4);
  CHECK(s(0) == 1.0);
  CHECK(s(3) == 0.25);
  CHECK(s(4) == 1.0);
  CHECK(s(7) == 0.25);
  CHECK(s(400) == 1.0);
  CHECK(s(-5) == 1.0);
  for (const auto t : lrsched::test::extreme_steps) {
    CHECK(s(t) == linear(1.0, 0.0, 4)(t < 0 ? 0 : t % 4));
  }
}

TEST_CASE("repeat holds the inner's end value when the period outlasts it") {
  const auto s = repeat(linear(1.0, 0.5, 2), 5);
  CHECK(s(1) == 0.75);
  CHECK(s(2) == 0.5);
  CHECK(s(4) == 0.5);
  CHECK(s(5) == 1.0);
}

TEST_CASE("repeat with period 1 is the constant inner(0)") {
  const auto s = repeat(linear(0.3, 0.9, 10), 1);
  for (std::int64_t t = 0; t < 20; ++t) CHECK(s(t) == 0.3);
  CHECK(lrsched::sum(s, 0, 1'000'000) == Approx(0.3e6).epsilon(1e-15));
}

TEST_CASE("repeat of a finite schedule takes its length as the period") {
  const auto s = repeat(chain(linear(0.0, 1.0, 3), linear(1.0, 0.0, 5)));
  CHECK(s.period() == 8);
  CHECK(s(8) == 0.0);
  CHECK(s(11) == 1.0);
  static_assert(!lrsched::FiniteSchedule<std::remove_cvref_t<decltype(s)>>);
}

TEST_CASE("repeat sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(31337);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1.0);
    const auto up = rng.integer(0, 60);
    const auto down = rng.integer(0, 120);
    const auto period = rng.integer(1, 250);
    const auto s = repeat(chain(linear(rng.coin() ? 0.0 : peak / 7, peak, up),
                                linear(peak, rng.coin() ? 0.0 : peak / 3, down)),
                          period);
    const auto first = rng.integer(-40, 3000);
    const auto last = first + rng.integer(0, 5000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("repeat sums any number of cycles with three inner sums") {
  int calls = 0;
  const auto s =
      repeat(lrsched::test::counting_sum<linear>{linear(3e-4, 3e-5, 1000), &calls}, 1000);
  const std::int64_t cycles = std::int64_t{1} << 40;
  const double total = lrsched::sum(s, 17, cycles * 1000 + 5);
  CHECK(calls <= 3);
  // Independent: one period of the ramp is (a + b)·n/2 + (a − b)/2.
  const long double period_sum = (3e-4L + 3e-5L) * 1000.0L / 2.0L + (3e-4L - 3e-5L) / 2.0L;
  const long double expected = static_cast<long double>(cycles) * period_sum -
                               lrsched::test::reference_sum(linear(3e-4, 3e-5, 1000), 0, 17) +
                               lrsched::test::reference_sum(linear(3e-4, 3e-5, 1000), 0, 5);
  CHECK(lrsched::test::relative_error(total, expected) <= 1e-14);
}

TEST_CASE("repeat sums stay finite over the whole int64 range") {
  const auto s = repeat(linear(1.0, 0.0, 7), 10);
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  CHECK(std::isfinite(lrsched::sum(s, min, max)));
  CHECK(lrsched::sum(s, max - 1, max) == s(max - 1));
  CHECK(lrsched::sum(s, -5, 0) == 5.0);
}

TEST_CASE("repeat describes itself with its period and its cycle") {
  const auto d = repeat(constant(0.5), 12).describe();
  CHECK(d.kind == "repeat");
  REQUIRE(d.parameters.size() == 1);
  CHECK(d.parameters[0].first == "period");
  CHECK(std::get<std::int64_t>(d.parameters[0].second) == 12);
  REQUIRE(d.children.size() == 1);
  CHECK(d.children[0].first == "schedule");
  CHECK(d.children[0].second.at(0).kind == "constant");
}

TEST_CASE("repeat rejects a period below 1, naming it") {
  lrsched::test::expect_rejected([] { (void)repeat(constant(1.0), 0); }, "period",
                                 "repeat: period must be >= 1, got 0");
  lrsched::test::expect_rejected([] { (void)repeat(linear(1.0, 0.0, 0)); }, "period",
                                 "repeat: period must be >= 1, got 0");
}

TEST_CASE("repeat sums are additive over ranges far too long to loop over") {
  lrsched::test::random_source rng(62);
  const auto s = repeat(chain(linear(0.0, 1.0, 37), linear(1.0, 0.1, 50)), 100);
  CHECK(lrsched::test::worst_split_error(s, rng, 500, std::int64_t{1} << 62,
                                         std::int64_t{1} << 62) <= 1e-12);
}
