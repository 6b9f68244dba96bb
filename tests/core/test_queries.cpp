// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/queries.hpp>
#include <lrsched/sum.hpp>

#include "catch.hpp"
#include "support.hpp"

using lrsched::chain;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;

TEST_CASE("first_step_below finds the exact crossing of a decay") {
  const linear decay(1.0, 0.0, 1000);
  // s(t) = (1000 - t)/1000 < 0.25  <=>  t > 750
  CHECK(lrsched::first_step_below(decay, 0.25, 0, 2000) == 751);
  CHECK(lrsched::first_step_below(decay, 2.0, 0, 10) == 0);
  CHECK_FALSE(lrsched::first_step_below(decay, -1.0, 0, 2000).has_value());
  CHECK_FALSE(lrsched::first_step_below(decay, 0.5, 10, 10).has_value());
}

TEST_CASE("first_step_below agrees with a scan on random decays") {
  lrsched::test::random_source rng(11);
  for (int i = 0; i < 500; ++i) {
    const auto s = chain(for_steps(rng.integer(0, 50), constant(1.0)),
                         linear(1.0, rng.uniform(0.0, 0.5), rng.integer(1, 400)));
    const double threshold = rng.uniform(0.4, 1.1);
    std::optional<std::int64_t> scanned;
    for (std::int64_t t = 0; t < 600; ++t) {
      if (s(t) < threshold) {
        scanned = t;
        break;
      }
    }
    CHECK(lrsched::first_step_below(s, threshold, 0, 600) == scanned);
  }
}

TEST_CASE("steps_to_reach_sum finds the smallest horizon with that summed LR") {
  // A constant 1e-3 reaches a summed LR of 250 after exactly 250,000 steps.
  CHECK(lrsched::steps_to_reach_sum(constant(1e-3), 250.0) == 250'000);
  const auto wsd =
      chain(linear(0.0, 3e-4, 2000), for_steps(80'000, constant(3e-4)), linear(3e-4, 0.0, 18'000));
  const auto n = lrsched::steps_to_reach_sum(wsd, 20.0);
  REQUIRE(n.has_value());
  CHECK(lrsched::sum(wsd, 0, *n) >= 20.0);
  CHECK(lrsched::sum(wsd, 0, *n - 1) < 20.0);
  // A decay to zero has a finite area: a larger budget is never reached.
  CHECK_FALSE(lrsched::steps_to_reach_sum(linear(1.0, 0.0, 100), 1000.0).has_value());
  CHECK(lrsched::steps_to_reach_sum(constant(1.0), 0.0, 7) == 7);
}

TEST_CASE("steps_to_reach_sum works far out in int64") {
  // 0.25 and 1e18 are exact in binary, so the answer is exactly 4e18 steps.
  const auto n = lrsched::steps_to_reach_sum(constant(0.25), 1e18);
  REQUIRE(n.has_value());
  CHECK(*n == 4'000'000'000'000'000'000);
  CHECK_FALSE(lrsched::steps_to_reach_sum(constant(0.25), 1e19).has_value());
}
