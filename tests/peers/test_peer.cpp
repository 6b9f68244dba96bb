// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The building blocks of the peer-faithful constructors: peer_schedule, advanced, one_of.
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <variant>

#include "catch.hpp"
#include "support.hpp"

using lrsched::chain;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;
using lrsched::detail::advanced;
using lrsched::detail::as_peer;
using lrsched::detail::one_of;

TEST_CASE("a peer schedule evaluates and sums as its native schedule and describes the peer") {
  const auto native = chain(linear(0.0, 1e-3, 10), linear(1e-3, 0.0, 90));
  const auto peer = as_peer(native, lrsched::description{"somepeer.some_function"}
                                        .with("base_lr", 1e-3)
                                        .with("num_warmup_steps", std::int64_t{10}));
  for (std::int64_t t = -3; t < 120; ++t) CHECK(peer(t) == native(t));
  CHECK(lrsched::sum(peer, 5, 117) == lrsched::sum(native, 5, 117));
  CHECK(lrsched::sum_of_squares(peer, 0, 100) == lrsched::sum_of_squares(native, 0, 100));
  CHECK(peer.length() == 100);
  const auto d = peer.describe();
  CHECK(d.kind == "somepeer.some_function");
  REQUIRE(d.parameters.size() == 2);
  CHECK(d.parameters[0].first == "base_lr");
  CHECK(std::get<std::int64_t>(d.parameters[1].second) == 10);
  CHECK(peer.native().describe() == native.describe());
}

TEST_CASE("an advanced schedule plays its inner schedule from a later step") {
  const linear inner(1.0, 0.0, 100);
  const advanced<linear> s(inner, 7);
  CHECK(s(0) == inner(7));
  CHECK(s(-5) == inner(7));
  CHECK(s(50) == inner(57));
  CHECK(s(93) == 0.0);
  CHECK(s.length() == 93);
  CHECK(advanced<linear>(inner, 300).length() == 0);
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  CHECK(s(max) == 0.0);
  CHECK(std::isfinite(lrsched::sum(s, max - 20, max)));
  CHECK_THROWS_AS(advanced<linear>(inner, -1), lrsched::invalid_schedule);
}

TEST_CASE("an advanced schedule sums in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(4401);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const auto n = rng.integer(0, 400);
    const auto inner = chain(linear(0.0, rng.log_uniform(1e-6, 1.0), rng.integer(0, 50)),
                             linear(rng.log_uniform(1e-6, 1.0), 0.0, n));
    const advanced<decltype(inner)> s(inner, rng.integer(0, 500));
    const auto first = rng.integer(-20, 600);
    const auto last = first + rng.integer(0, 700);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::sum_of_squares(s, first, last),
                                lrsched::test::reference_sum_of_squares(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("an advanced schedule near the int64 end sums every step as the inner value there") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const advanced<linear> s(linear(2.0, 1.0, max), 10);
  // The last 10 steps all evaluate the inner schedule at int64 max.
  CHECK(s(max - 3) == s(max));
  CHECK(lrsched::test::relative_error(lrsched::sum(s, max - 30, max),
                                      lrsched::test::reference_sum(s, max - 30, max)) <= 1e-15);
}

TEST_CASE("one_of evaluates, sums and describes the alternative it holds") {
  using ramp = one_of<linear, decltype(chain(for_steps(5, constant(0.5)), constant(1.0)))>;
  const ramp a = linear(0.0, 1.0, 10);
  const ramp b = chain(for_steps(5, constant(0.5)), constant(1.0));
  CHECK(a(5) == 0.5);
  CHECK(b(4) == 0.5);
  CHECK(b(5) == 1.0);
  CHECK(lrsched::sum(a, 0, 20) == lrsched::sum(linear(0.0, 1.0, 10), 0, 20));
  CHECK(lrsched::sum(b, 0, 20) == 17.5);
  CHECK(a.describe().kind == "linear");
  CHECK(b.describe().kind == "chain");
  CHECK(a.held().index() == 0);
  CHECK(b.held().index() == 1);
}

TEST_CASE("cosine_wave falls to its floor and rises again, summing in closed form") {
  const auto wave = lrsched::detail::make_cosine_wave(1.0, 0.1, 50);
  CHECK(wave(0) == 1.0);
  CHECK(wave(50) == 0.1);
  CHECK(wave(100) == 1.0);
  CHECK(wave(1'000'000 * 100) == 1.0);
  for (std::int64_t t = 0; t < 300; ++t) {
    const double expected =
        0.1 + 0.9 * 0.5 * (1.0 + std::cos(std::numbers::pi * static_cast<double>(t) / 50.0));
    CHECK(lrsched::test::relative_error(wave(t), expected) <= 1e-14);
  }
  lrsched::test::random_source rng(88);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const auto s = lrsched::detail::make_cosine_wave(rng.log_uniform(1e-5, 1.0),
                                                     rng.coin() ? 0.0 : rng.log_uniform(1e-8, 1e-5),
                                                     rng.integer(1, 500));
    const auto first = rng.coin() ? rng.integer(0, 2000) : rng.integer(0, std::int64_t{1} << 50);
    const auto last = first + rng.integer(0, 3000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
  CHECK_THROWS_AS(lrsched::detail::make_cosine_wave(1.0, 0.0, 0), lrsched::invalid_schedule);
}
