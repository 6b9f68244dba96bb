// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/stretch.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

#include "catch.hpp"
#include "counting.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::chain;
using lrsched::constant;
using lrsched::linear;
using lrsched::stretch;

TEST_CASE("stretch holds each inner step for factor steps, with exact block boundaries") {
  const auto inner = linear(1.0, 0.0, 4);
  const auto s = stretch(inner, 3);
  CHECK(s(0) == 1.0);
  CHECK(s(2) == 1.0);
  CHECK(s(3) == 0.75);
  CHECK(s(5) == 0.75);
  CHECK(s(6) == 0.5);
  CHECK(s(11) == 0.25);
  CHECK(s(12) == 0.0);
  CHECK(s(-4) == 1.0);
  CHECK(s.length() == 12);
  for (const auto t : lrsched::test::extreme_steps) {
    CHECK(s(t) == inner(t < 0 ? 0 : t / 3));
  }
}

TEST_CASE("stretch by 1 is the inner schedule") {
  const auto inner = chain(linear(0.0, 1.0, 5), linear(1.0, 0.2, 9));
  const auto s = stretch(inner, 1);
  for (std::int64_t t = -2; t < 20; ++t) CHECK(s(t) == inner(t));
  CHECK(lrsched::sum(s, 0, 20) == Approx(lrsched::sum(inner, 0, 20)).epsilon(1e-15));
  CHECK(s.length() == inner.length());
}

TEST_CASE("stretch saturates its length at the int64 maximum") {
  CHECK(stretch(linear(1.0, 0.0, std::int64_t{1} << 40), std::int64_t{1} << 30).length() ==
        std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("stretch sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(8086);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1.0);
    const auto s = stretch(chain(linear(0.0, peak, rng.integer(0, 50)),
                                 linear(peak, rng.coin() ? 0.0 : peak / 9, rng.integer(0, 200))),
                           rng.integer(1, 60));
    const auto first = rng.integer(-30, 4000);
    const auto last = first + rng.integer(0, 5000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("stretch sums a long range with one inner sum and two evaluations") {
  int calls = 0;
  const auto s =
      stretch(lrsched::test::counting_sum<linear>{linear(3e-4, 0.0, 100'000), &calls}, 1'251);
  const double total = lrsched::sum(s, 0, 1'251LL * 100'000);
  CHECK(calls == 1);
  // Independent: 1251 × Σ_{t<n} a(n − t)/n = 1251 · a(n + 1)/2.
  CHECK(lrsched::test::relative_error(total, 1251.0L * 3e-4L * 100'001.0L / 2.0L) <= 1e-14);
}

TEST_CASE("stretch sums stay finite over the whole int64 range") {
  const auto s = stretch(linear(1.0, 0.5, 1000), 1'000'000);
  CHECK(std::isfinite(lrsched::sum(s, std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max())));
}

TEST_CASE("stretch describes itself with its factor and its inner schedule") {
  const auto d = stretch(constant(0.5), 4).describe();
  CHECK(d.kind == "stretch");
  REQUIRE(d.parameters.size() == 1);
  CHECK(d.parameters[0].first == "factor");
  CHECK(std::get<std::int64_t>(d.parameters[0].second) == 4);
  CHECK(d.children.at(0).first == "schedule");
}

TEST_CASE("stretch rejects a factor below 1, naming it") {
  lrsched::test::expect_rejected([] { (void)stretch(constant(1.0), 0); }, "factor",
                                 "stretch: factor must be >= 1, got 0");
}

TEST_CASE("stretch sums are additive over ranges far too long to loop over") {
  lrsched::test::random_source rng(62);
  const auto s = stretch(chain(linear(0.0, 1.0, 37), linear(1.0, 0.1, 50)), 1'000);
  CHECK(lrsched::test::worst_split_error(s, rng, 500, std::int64_t{1} << 62,
                                         std::int64_t{1} << 62) <= 1e-12);
}
