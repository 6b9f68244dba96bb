// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <optional>

#include "catch.hpp"
#include "support.hpp"

using lrsched::constant;
using lrsched::linear;

TEST_CASE("scaling multiplies values and the closed-form sum") {
  const auto factor = linear(0.1, 1.0, 9);
  const auto s = 0.5 * factor;
  const auto t = factor * 0.5;
  CHECK(s(3) == 0.5 * factor(3));
  CHECK(t(3) == s(3));
  CHECK(lrsched::sum(s, 0, 20) == Approx(0.5 * lrsched::sum(factor, 0, 20)).epsilon(1e-15));
  CHECK(s.length() == 9);
}

TEST_CASE("multiplying by constant(1) is the identity") {
  const auto base = linear(0.3, 0.01, 17);
  const auto same = constant(1.0) * base;
  for (std::int64_t t = -1; t < 30; ++t) CHECK(same(t) == base(t));
  CHECK(lrsched::sum(same, 0, 30) == lrsched::sum(base, 0, 30));
}

TEST_CASE("a product of two shapes multiplies pointwise and sums by the fallback") {
  const auto p = linear(0.0, 1.0, 10) * linear(1.0, 0.0, 10);
  CHECK(p(5) == 0.25);
  CHECK(lrsched::sum(p, 0, 11) == Approx(lrsched::test::reference_sum(p, 0, 11)));
}

TEST_CASE("clamp bounds values and rejects an inverted range") {
  const auto c = lrsched::clamp(linear(0.0, 1.0, 10), 0.2, 0.6);
  CHECK(c(0) == 0.2);
  CHECK(c(4) == 0.4);
  CHECK(c(9) == 0.6);
  try {
    (void)lrsched::clamp(constant(1.0), 1.0, 0.5);
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "hi");
  }
}

TEST_CASE("shift delays a schedule, holding its first value, and shifts its sum") {
  const auto base = linear(1.0, 0.0, 10);
  const auto s = lrsched::shift(base, 5);
  CHECK(s(0) == 1.0);
  CHECK(s(5) == 1.0);
  CHECK(s(10) == base(5));
  CHECK(s.length() == 15);
  CHECK(lrsched::sum(s, 0, 20) == Approx(lrsched::test::reference_sum(s, 0, 20)).epsilon(1e-15));
  CHECK(std::isfinite(s(std::numeric_limits<std::int64_t>::max())));
  CHECK(std::isfinite(s(std::numeric_limits<std::int64_t>::min())));
}

TEST_CASE("composing never changes the children") {
  const auto base = linear(0.2, 0.1, 4);
  const auto before = base(2);
  const auto composite = lrsched::chain(base, lrsched::shift(base * 2.0, 3));
  (void)composite(100);
  CHECK(base(2) == before);
}

TEST_CASE("a product of finite shapes holds from its length and sums the held tail at once") {
  const auto p = linear(0.0, 1.0, 1000) * lrsched::cosine(1.0, 0.1, 3000);
  STATIC_REQUIRE(lrsched::FiniteSchedule<decltype(p)>);
  REQUIRE(p.length() == 3000);
  const double held = p(3000);
  for (const std::int64_t t :
       {std::int64_t{3001}, std::int64_t{1'000'000}, std::int64_t{1} << 50}) {
    CHECK(p(t) == held);
  }
  // A loop over 10^15 steps would never finish: the held tail is one term.
  const std::int64_t last = 1'000'000'000'000'000;
  const long double head = lrsched::test::reference_sum(p, 10, 3000);
  const long double tail = static_cast<long double>(last - 3000) * held;
  CHECK(lrsched::test::relative_error(lrsched::detail::sum_ld(p, 10, last), head + tail) <= 1e-15);
  const long double head2 = lrsched::test::reference_sum_of_squares(p, 10, 3000);
  CHECK(lrsched::test::relative_error(
            lrsched::detail::sum_of_squares_ld(p, 10, last),
            head2 + static_cast<long double>(last - 3000) * held * held) <= 1e-15);
  // Entirely inside the held part, and a range that ends before it (the plain loop).
  CHECK(lrsched::sum(p, 5000, 9000) == 4000 * held);
  CHECK(lrsched::sum(p, 0, 2000) == static_cast<double>(lrsched::test::reference_sum(p, 0, 2000)));

  // Strided: the terms 7, 20, 33, ... below 3000 one by one, the rest at once.
  lrsched::detail::compensated_sum strided_head;
  std::int64_t t = 7;
  for (; t < 3000; t += 13) strided_head.add(static_cast<long double>(p(t)));
  const auto held_terms = static_cast<long double>((last - t + 12) / 13);
  CHECK(lrsched::test::relative_error(lrsched::detail::sum_strided_ld(p, 7, last, 13),
                                      strided_head.value() + held_terms * held) <= 1e-15);

  // The same through a clamp, a constant factor and type erasure.
  const auto c = lrsched::clamp(p, 0.05, 0.5);
  CHECK(lrsched::test::relative_error(lrsched::detail::sum_ld(c, 0, last),
                                      lrsched::test::reference_sum(c, 0, 3000) +
                                          static_cast<long double>(last - 3000) * c(3000)) <=
        1e-15);
  CHECK((constant(2.0) * linear(1.0, 0.0, 17)).length() == 17);
  const lrsched::any_schedule erased(p);
  REQUIRE(erased.length() == std::optional<std::int64_t>(3000));
  CHECK(lrsched::test::relative_error(lrsched::detail::sum_ld(erased, 10, last), head + tail) <=
        1e-15);
}
