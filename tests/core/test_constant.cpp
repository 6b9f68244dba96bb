// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/constant.hpp>
#include <lrsched/sum.hpp>

#include <limits>

#include "catch.hpp"
#include "support.hpp"

TEST_CASE("constant is the same value at every step, negative steps included") {
  const lrsched::constant s(3e-4);
  for (const auto t : lrsched::test::extreme_steps) CHECK(s(t) == 3e-4);
}

TEST_CASE("constant 1e-3 for 250,000 steps sums to exactly 250") {
  CHECK(lrsched::sum(lrsched::constant(1e-3), 0, 250'000) == 250.0);
  CHECK(lrsched::sum(lrsched::constant(1e-3), 250'000) == 250.0);
}

TEST_CASE("constant sums over negative, empty and reversed ranges") {
  const lrsched::constant s(2.0);
  CHECK(lrsched::sum(s, -10, 10) == 40.0);
  CHECK(lrsched::sum(s, 5, 5) == 0.0);
  CHECK(lrsched::sum(s, 9, 3) == 0.0);
  CHECK(lrsched::sum_of_squares(s, 0, 10) == 40.0);
  const auto whole = lrsched::sum(s, std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::max());
  CHECK(whole == 2.0 * 2.0 * 9223372036854775807.5);
}

TEST_CASE("constant rejects a non-finite value and names it") {
  CHECK_THROWS_AS(lrsched::constant(std::numeric_limits<double>::quiet_NaN()),
                  lrsched::invalid_schedule);
  try {
    lrsched::constant bad(std::numeric_limits<double>::infinity());
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "value");
    CHECK(std::string(e.what()) == "constant: value must be finite, got inf");
  }
}
