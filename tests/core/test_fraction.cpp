// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/error.hpp>
#include <lrsched/fraction.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "catch.hpp"
#include "rejection.hpp"

using lrsched::steps_from_fraction;

TEST_CASE("a decimal fraction of a run that is whole gives that many steps") {
  CHECK(0.07 * 100 > 7.0);  // the product a bare ceiling would round up to 8
  CHECK(steps_from_fraction(0.07, 100) == 7);
  CHECK(steps_from_fraction(0.1, 1'000) == 100);
  CHECK(steps_from_fraction(0.03, 100'000) == 3'000);
  CHECK(steps_from_fraction(0.3, 10) == 3);
  CHECK(steps_from_fraction(0.0, 12'345) == 0);
  CHECK(steps_from_fraction(1.0, 12'345) == 12'345);
  CHECK(steps_from_fraction(0.5, 0) == 0);
}

TEST_CASE("any real part of a step beyond rounding counts as a step") {
  CHECK(steps_from_fraction(0.333, 10) == 4);
  CHECK(steps_from_fraction(0.01, 150) == 2);
  CHECK(steps_from_fraction(1e-6, 10) == 1);
}

TEST_CASE("every percentage of every run length up to 2000 rounds as a person would") {
  int checked = 0;
  for (int percent = 0; percent <= 100; ++percent) {
    const double fraction = percent / 100.0;
    for (std::int64_t total = 0; total <= 2'000; total += 7) {
      // Exact integer arithmetic: ceil(percent·total / 100).
      const std::int64_t expected = (percent * total + 99) / 100;
      CHECK(steps_from_fraction(fraction, total) == expected);
      ++checked;
    }
  }
  CHECK(checked == 101 * 286);
}

TEST_CASE("long runs keep whole products whole") {
  CHECK(steps_from_fraction(0.01, std::int64_t{1} << 40) == (std::int64_t{1} << 40) / 100 + 1);
  CHECK(steps_from_fraction(0.25, std::int64_t{1} << 62) == std::int64_t{1} << 60);
  CHECK(steps_from_fraction(1.0, std::numeric_limits<std::int64_t>::max()) ==
        std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("steps_from_fraction rejects fractions outside [0, 1] and negative totals") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)steps_from_fraction(-0.1, 10); }, "fraction",
                  "steps_from_fraction: fraction must be in [0, 1], got -0.1");
  expect_rejected([] { (void)steps_from_fraction(1.5, 10); }, "fraction",
                  "steps_from_fraction: fraction must be in [0, 1], got 1.5");
  expect_rejected([] { (void)steps_from_fraction(std::nan(""), 10); }, "fraction",
                  "steps_from_fraction: fraction must be in [0, 1], got nan");
  expect_rejected([] { (void)steps_from_fraction(0.5, -1); }, "total_steps",
                  "steps_from_fraction: total_steps must be >= 0, got -1");
}
