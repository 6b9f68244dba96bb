// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/piecewise.hpp>
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

using lrsched::knot;
using lrsched::piecewise_constant;
using lrsched::piecewise_linear;
using lrsched::test::expect_rejected;

namespace {

constexpr std::int64_t max_step = std::numeric_limits<std::int64_t>::max();

// 0, negative, or positive over several decades.
double random_value(lrsched::test::random_source& rng) {
  const double choices[] = {0.0, -rng.log_uniform(1e-6, 1.0), rng.log_uniform(1e-7, 1.0),
                            rng.log_uniform(1e-7, 1.0)};
  return choices[rng.integer(0, 3)];
}

}  // namespace

static_assert(lrsched::FiniteSchedule<piecewise_constant>);
static_assert(lrsched::ClosedFormSum<piecewise_constant>);
static_assert(lrsched::ClosedFormSumOfSquares<piecewise_constant>);
static_assert(lrsched::FiniteSchedule<piecewise_linear>);
static_assert(lrsched::ClosedFormSum<piecewise_linear>);
static_assert(lrsched::ClosedFormSumOfSquares<piecewise_linear>);

TEST_CASE("piecewise_constant switches value exactly at each boundary") {
  const piecewise_constant s({10, 20}, {1.0, 0.5, 0.25});
  CHECK(s(-1) == 1.0);
  CHECK(s(0) == 1.0);
  CHECK(s(9) == 1.0);
  CHECK(s(10) == 0.5);
  CHECK(s(19) == 0.5);
  CHECK(s(20) == 0.25);
  CHECK(s(max_step) == 0.25);
  CHECK(s.length() == 20);
  CHECK(lrsched::sum(s, 0, 30) == 10 * 1.0 + 10 * 0.5 + 10 * 0.25);
}

TEST_CASE("piecewise_constant skips a zero-length piece between equal boundaries") {
  const piecewise_constant s({10, 10, 12}, {1.0, 9.0, 0.5, 0.25});
  CHECK(s(9) == 1.0);
  CHECK(s(10) == 0.5);
  CHECK(s(12) == 0.25);
  CHECK(lrsched::sum(s, 0, 14) == 10 * 1.0 + 2 * 0.5 + 2 * 0.25);
}

TEST_CASE("piecewise_constant with a boundary at 0 gives negative steps the value of step 0") {
  const piecewise_constant s({0, 5}, {7.0, 1.0, 2.0});
  CHECK(s(0) == 1.0);
  CHECK(s(-3) == 1.0);
  CHECK(s(std::numeric_limits<std::int64_t>::min()) == 1.0);
  CHECK(lrsched::sum(s, -3, 5) == 8.0);
}

TEST_CASE("piecewise_constant without boundaries is a constant of length 0") {
  const piecewise_constant s({}, {0.3});
  CHECK(s(0) == 0.3);
  CHECK(s(max_step) == 0.3);
  CHECK(s.length() == 0);
  CHECK(lrsched::sum(s, 0, 10) == static_cast<double>(10 * 0.3L));
}

TEST_CASE("piecewise_constant handles boundaries and steps at the int64 extremes") {
  const piecewise_constant s({std::int64_t{1} << 40, max_step}, {1.0, 0.5, 0.25});
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  CHECK(s(max_step - 1) == 0.5);
  CHECK(s(max_step) == 0.25);
  const long double expected =
      1.0L * static_cast<long double>(std::int64_t{1} << 40) +
      0.5L * (static_cast<long double>(max_step) - static_cast<long double>(std::int64_t{1} << 40));
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, max_step), expected) <= 1e-15);
}

TEST_CASE("piecewise_constant sums per piece, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(31337);
  const auto build = [](lrsched::test::random_source& r) {
    auto boundaries = lrsched::test::random_sorted_steps(r, r.integer(0, 8), 3000);
    std::vector<double> values;
    for (std::size_t i = 0; i <= boundaries.size(); ++i) values.push_back(random_value(r));
    return piecewise_constant(std::move(boundaries), std::move(values));
  };
  CHECK(lrsched::test::worst_sum_error(rng, 3000, build, 3050, 4000) <= 1e-12);
}

TEST_CASE("piecewise_constant sums over a billion steps agree with counting by hand") {
  const piecewise_constant s({250'000'000, 750'000'000}, {1e-3, 1e-4, 1e-5});
  const long double expected = 250'000'000 * 1e-3L + 500'000'000 * 1e-4L + 250'000'000 * 1e-5L;
  // The doubles 1e-3 etc. are not the long doubles 1e-3L: compare to 1e-15.
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 1'000'000'000), expected) <= 1e-15);
  lrsched::test::random_source rng(5);
  CHECK(lrsched::test::worst_split_error(s, rng, 200, 1'000'000'000, 1'000'000'000) <= 1e-15);
}

TEST_CASE("piecewise_constant describes its boundaries and values") {
  const auto d = piecewise_constant({10, 20}, {1.0, 0.5, 0.25}).describe();
  CHECK(d.kind == "piecewise_constant");
  REQUIRE(d.parameters.size() == 2);
  CHECK(d.parameters[0].first == "boundaries");
  CHECK(std::get<std::vector<std::int64_t>>(d.parameters[0].second) ==
        std::vector<std::int64_t>{10, 20});
  CHECK(d.parameters[1].first == "values");
  CHECK(std::get<std::vector<double>>(d.parameters[1].second) ==
        std::vector<double>{1.0, 0.5, 0.25});
}

TEST_CASE("piecewise_constant rejects bad parameters, naming them and their values") {
  expect_rejected(
      [] {
        piecewise_constant({10, 20}, {1.0, 0.5});
      },
      "values", "piecewise_constant: values must be of size boundaries.size() + 1 = 3, got 2");
  expect_rejected(
      [] {
        piecewise_constant({20, 10}, {1.0, 0.5, 0.25});
      },
      "boundaries[1]",
      "piecewise_constant: boundaries[1] must be >= boundaries[0] = 20 "
      "(non-decreasing), got 10");
  expect_rejected(
      [] {
        piecewise_constant({-1}, {1.0, 0.5});
      },
      "boundaries[0]", "piecewise_constant: boundaries[0] must be >= 0, got -1");
  expect_rejected(
      [] {
        piecewise_constant({5}, {1.0, HUGE_VAL});
      },
      "values[1]", "piecewise_constant: values[1] must be finite, got inf");
}

TEST_CASE("piecewise_linear interpolates between knots and is exact at each knot") {
  const piecewise_linear s({{0, 0.0}, {100, 1.0}, {200, 0.1}});
  CHECK(s(0) == 0.0);
  CHECK(s(50) == 0.5);
  CHECK(s(100) == 1.0);
  CHECK(s(150) == (1.0 * 50 + 0.1 * 50) / 100);
  CHECK(s(200) == 0.1);
  CHECK(s(max_step) == 0.1);
  CHECK(s(-4) == 0.0);
  CHECK(s.length() == 200);
}

TEST_CASE("piecewise_linear holds the first knot's value before it") {
  const piecewise_linear s({{10, 1.0}, {20, 0.0}});
  CHECK(s(0) == 1.0);
  CHECK(s(9) == 1.0);
  CHECK(s(10) == 1.0);
  CHECK(s(15) == 0.5);
  CHECK(s(19) == 0.1);  // (1·1 + 0·9) / 10: exact relative precision next to a zero
  CHECK(s(20) == 0.0);
  CHECK(s(25) == 0.0);
}

TEST_CASE("piecewise_linear knots at the same step make a jump where the later knot wins") {
  const piecewise_linear s({{0, 1.0}, {10, 1.0}, {10, 0.5}, {20, 0.0}});
  CHECK(s(9) == 1.0);
  CHECK(s(10) == 0.5);
  CHECK(s(15) == 0.25);
  CHECK(lrsched::sum(s, 0, 20) == static_cast<double>(lrsched::test::reference_sum(s, 0, 20)));
}

TEST_CASE("piecewise_linear with a single knot is a constant") {
  const piecewise_linear s({{7, 0.25}});
  CHECK(s(0) == 0.25);
  CHECK(s(7) == 0.25);
  CHECK(s(max_step) == 0.25);
  CHECK(s.length() == 7);
  CHECK(lrsched::sum(s, 0, 100) == 25.0);
  CHECK(lrsched::sum_of_squares(s, 0, 16) == 1.0);
}

TEST_CASE("piecewise_linear equals a chain of linear ramps, step for step") {
  const piecewise_linear s({{0, 0.0}, {2'000, 3e-4}, {90'000, 3e-4}, {100'000, 3e-5}});
  const auto c =
      lrsched::chain(lrsched::linear(0.0, 3e-4, 2'000), lrsched::linear(3e-4, 3e-4, 88'000),
                     lrsched::linear(3e-4, 3e-5, 10'000));
  for (std::int64_t t = 0; t < 101'000; t += 7) CHECK(s(t) == c(t));
  for (const std::int64_t t : {1'999, 2'000, 2'001, 89'999, 90'000, 99'999, 100'000}) {
    CHECK(s(t) == c(t));
  }
}

TEST_CASE("piecewise_linear is finite at every extreme int64 step") {
  const piecewise_linear s({{0, 1.0}, {std::int64_t{1} << 53, 0.0}, {max_step, 1.0}});
  for (const auto t : lrsched::test::extreme_steps) {
    CHECK(std::isfinite(s(t)));
    CHECK(s(t) >= 0.0);
    CHECK(s(t) <= 1.0);
  }
  CHECK(s(max_step) == 1.0);
  CHECK(std::isfinite(lrsched::sum(s, 0, max_step)));
  CHECK(std::isfinite(lrsched::sum_of_squares(s, 0, max_step)));
}

TEST_CASE("piecewise_linear sums per segment, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(271828);
  const auto build = [](lrsched::test::random_source& r) {
    std::vector<knot> knots;
    for (const auto step : lrsched::test::random_sorted_steps(r, r.integer(1, 8), 3000)) {
      knots.push_back({step, random_value(r)});
    }
    return piecewise_linear(std::move(knots));
  };
  CHECK(lrsched::test::worst_sum_error(rng, 3000, build, 3050, 4000) <= 1e-12);
}

TEST_CASE(
    "piecewise_linear sums over a billion steps agree with the trapezoid rule per "
    "segment") {
  // Σ_{u<n} (a (n − u) + b u) / n = (a + b) n / 2 + (a − b) / 2 for each segment.
  const auto trapezoid = [](long double a, long double b, long double n) {
    return (a + b) * n / 2.0L + (a - b) / 2.0L;
  };
  const piecewise_linear s({{0, 0.0}, {10'000'000, 3e-4}, {1'000'000'000, 3e-5}});
  const long double expected = trapezoid(0.0L, 3e-4, 10'000'000.0L) +
                               trapezoid(3e-4, 3e-5, 990'000'000.0L) + 1'000'000'000.0L * 3e-5;
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 2'000'000'000), expected) <= 1e-14);
  lrsched::test::random_source rng(6);
  CHECK(lrsched::test::worst_split_error(s, rng, 200, 1'000'000'000, 1'000'000'000) <= 1e-14);
}

TEST_CASE("piecewise_linear describes its knots as parallel steps and values") {
  const auto d = piecewise_linear({{0, 0.0}, {10, 1.0}, {10, 0.5}}).describe();
  CHECK(d.kind == "piecewise_linear");
  REQUIRE(d.parameters.size() == 2);
  CHECK(d.parameters[0].first == "steps");
  CHECK(std::get<std::vector<std::int64_t>>(d.parameters[0].second) ==
        std::vector<std::int64_t>{0, 10, 10});
  CHECK(d.parameters[1].first == "values");
  CHECK(std::get<std::vector<double>>(d.parameters[1].second) ==
        std::vector<double>{0.0, 1.0, 0.5});
}

TEST_CASE("piecewise_linear rejects bad knots, naming them and their values") {
  expect_rejected([] { piecewise_linear(std::vector<knot>{}); }, "knots",
                  "piecewise_linear: knots must be non-empty (size >= 1), got 0");
  expect_rejected(
      [] {
        piecewise_linear({{10, 1.0}, {5, 0.5}});
      },
      "knots[1].step",
      "piecewise_linear: knots[1].step must be >= knots[0].step = 10 "
      "(non-decreasing), got 5");
  expect_rejected(
      [] {
        piecewise_linear({{-2, 1.0}});
      },
      "knots[0].step", "piecewise_linear: knots[0].step must be >= 0, got -2");
  expect_rejected(
      [] {
        piecewise_linear({{0, 1.0}, {5, std::nan("")}});
      },
      "knots[1].value", "piecewise_linear: knots[1].value must be finite, got nan");
}
