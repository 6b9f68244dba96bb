// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

using lrsched::chain;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;

TEST_CASE("chain boundaries are exact: a piece's first step gets its local step 0") {
  const auto s = chain(linear(0.0, 1.0, 10), for_steps(5, constant(0.7)), linear(0.5, 0.1, 20));
  CHECK(s(9) == 0.9);
  CHECK(s(10) == 0.7);
  CHECK(s(14) == 0.7);
  CHECK(s(15) == 0.5);
  CHECK(s(35) == 0.1);
  CHECK(s(1'000'000) == 0.1);
  CHECK(s(-3) == 0.0);
  CHECK(s.length() == 35);
}

TEST_CASE("a zero-length piece is a no-op") {
  const auto with_empty = chain(linear(0.0, 1.0, 4), for_steps(0, constant(9.0)),
                                for_steps(3, constant(0.5)), constant(0.25));
  const auto without = chain(linear(0.0, 1.0, 4), for_steps(3, constant(0.5)), constant(0.25));
  for (std::int64_t t = -2; t < 12; ++t) CHECK(with_empty(t) == without(t));
  CHECK(lrsched::sum(with_empty, 0, 12) == lrsched::sum(without, 0, 12));
}

TEST_CASE("chain of one piece is that piece") {
  const auto one = chain(linear(1.0, 0.0, 8));
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(one)>, linear>);
  CHECK(one(4) == 0.5);
}

TEST_CASE("nested chains evaluate like the flat chain") {
  const auto inner = chain(linear(0.0, 1.0, 4), linear(1.0, 0.5, 6));
  const auto nested = chain(inner, constant(0.5));
  const auto flat = chain(linear(0.0, 1.0, 4), linear(1.0, 0.5, 6), constant(0.5));
  for (std::int64_t t = 0; t < 20; ++t) CHECK(nested(t) == flat(t));
  CHECK(lrsched::sum(nested, 0, 20) == lrsched::sum(flat, 0, 20));
}

TEST_CASE("chain sums piece by piece, matching a compensated loop") {
  lrsched::test::random_source rng(7);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1e-2);
    const auto warm = rng.integer(0, 300);
    const auto hold = rng.integer(0, 500);
    const auto decay = rng.integer(0, 700);
    const auto s = chain(linear(0.0, peak, warm), for_steps(hold, constant(peak)),
                         linear(peak, peak * rng.uniform(0.0, 1.0), decay));
    const auto first = rng.integer(-10, 1600);
    const auto last = first + rng.integer(0, 1600);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::sum_of_squares(s, first, last),
                                lrsched::test::reference_sum_of_squares(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("warmup, constant plateau and linear decay to zero (WSD) in one expression") {
  const double peak = 3e-4;
  const auto wsd =
      chain(linear(0.0, peak, 2'000), for_steps(80'000, constant(peak)), linear(peak, 0.0, 18'000));
  CHECK(wsd(0) == 0.0);
  CHECK(wsd(2'000) == peak);
  CHECK(wsd(81'999) == peak);
  CHECK(wsd(100'000) == 0.0);
  // Σ = warmup triangle + plateau + decay triangle, each by the trapezoid identity.
  const long double expected =
      peak * 2'000 / 2.0L - peak / 2.0L + peak * 80'000.0L + peak * 18'000 / 2.0L + peak / 2.0L;
  CHECK(lrsched::test::relative_error(lrsched::sum(wsd, 0, 100'000), expected) <= 1e-14);
}

TEST_CASE("chain stays finite at int64 extremes and rejects overflowing durations") {
  const auto s = chain(for_steps(std::int64_t{1} << 62, constant(1.0)), linear(1.0, 0.0, 10));
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  CHECK(s(std::int64_t{1} << 62) == 1.0);
  CHECK(s((std::int64_t{1} << 62) + 10) == 0.0);
  try {
    (void)chain(for_steps(std::int64_t{1} << 62, constant(1.0)),
                for_steps(std::int64_t{1} << 62, constant(1.0)), constant(0.0));
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "pieces[1].steps");
  }
  CHECK_THROWS_AS(for_steps(-1, constant(1.0)), lrsched::invalid_schedule);
}

TEST_CASE("a chain describes its pieces and their durations") {
  const auto s = chain(linear(0.0, 1.0, 10), for_steps(5, constant(0.7)), constant(0.1));
  const auto d = s.describe();
  CHECK(d.kind == "chain");
  REQUIRE(d.find("steps") != nullptr);
  CHECK(std::get<std::vector<std::int64_t>>(*d.find("steps")) == std::vector<std::int64_t>{10, 5});
  REQUIRE(d.children.size() == 1);
  CHECK(d.children[0].first == "pieces");
  REQUIRE(d.children[0].second.size() == 3);
  CHECK(d.children[0].second[0].kind == "linear");
  CHECK(d.children[0].second[2] == constant(0.1).describe());
}
