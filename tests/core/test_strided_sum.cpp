// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/strided_sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

#include "catch.hpp"
#include "support.hpp"

using lrsched::chain;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;

namespace {

// The reference: every term of the progression, compensated, in long double.
template <class S>
long double progression_reference(const S& s, std::int64_t first, std::int64_t last,
                                  std::int64_t stride) {
  lrsched::detail::compensated_sum acc;
  for (std::int64_t t = first; t < last; t += stride) acc.add(static_cast<long double>(s(t)));
  return acc.value();
}

}  // namespace

static_assert(lrsched::ClosedFormStridedSum<constant>);
static_assert(lrsched::ClosedFormStridedSum<linear>);
static_assert(lrsched::ClosedFormStridedSum<lrsched::chain_schedule<linear, constant>>);
static_assert(lrsched::ClosedFormStridedSum<lrsched::scaled<linear>>);
static_assert(lrsched::ClosedFormStridedSum<lrsched::shifted<linear>>);
static_assert(lrsched::ClosedFormStridedSum<lrsched::product<constant, linear>>);
static_assert(!lrsched::ClosedFormStridedSum<lrsched::product<linear, linear>>);
static_assert(lrsched::ClosedFormStridedSum<lrsched::cosine>);

TEST_CASE("progression counts are exact at int64 extremes") {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  using lrsched::detail::progression_count;
  CHECK(progression_count(0, 10, 3) == 4);  // 0 3 6 9
  CHECK(progression_count(0, 9, 3) == 3);
  CHECK(progression_count(5, 5, 1) == 0);
  CHECK(progression_count(7, 5, 1) == 0);
  CHECK(progression_count(min, max, 1) == std::numeric_limits<std::uint64_t>::max());
  CHECK(progression_count(0, max, max) == 1);
  CHECK(lrsched::detail::progression_at_or_after(3, 5, 11) == 13);
  CHECK(lrsched::detail::progression_at_or_after(3, 5, 2) == 3);
  CHECK(lrsched::detail::progression_at_or_after(0, max, 1) == max);
  CHECK(lrsched::detail::progression_at_or_after(1, max, 2) == max);  // 1 + max does not fit
}

TEST_CASE("a stride of 1 is the ordinary sum") {
  const auto s = chain(linear(0.0, 1.0, 10), for_steps(5, constant(0.7)), linear(0.5, 0.1, 20));
  for (std::int64_t first = -3; first < 40; first += 7) {
    CHECK(lrsched::sum_strided(s, first, first + 33, 1) ==
          Approx(lrsched::sum(s, first, first + 33)).epsilon(1e-15));
  }
}

TEST_CASE("strided sums of constants, ramps and chains match every term added up") {
  lrsched::test::random_source rng(4242);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1e-1);
    const auto warm = rng.integer(0, 400);
    const auto hold = rng.integer(0, 600);
    const auto decay = rng.integer(0, 800);
    const auto s =
        chain(linear(rng.coin() ? 0.0 : peak / 10, peak, warm), for_steps(hold, constant(peak)),
              linear(peak, rng.coin() ? 0.0 : peak * rng.uniform(0.0, 1.0), decay),
              0.5 * lrsched::shift(linear(peak, 0.0, 50), rng.integer(0, 30)));
    const auto first = rng.integer(-100, 2000);
    const auto last = first + rng.integer(0, 4000);
    const auto stride = rng.coin() ? rng.integer(1, 8) : rng.integer(1, 700);
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::detail::sum_strided_ld(s, first, last, stride),
                                progression_reference(s, first, last, stride)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("a product of two shapes sums strided by the compensated fallback") {
  const auto p = linear(0.0, 1.0, 100) * linear(1.0, 0.0, 100);
  CHECK(lrsched::sum_strided(p, 3, 180, 7) ==
        Approx(static_cast<double>(progression_reference(p, 3, 180, 7))).epsilon(1e-15));
}

TEST_CASE("strided sums stay finite and exact at the int64 extremes") {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  const auto s = chain(linear(1.0, 0.5, 1000), constant(0.25));
  CHECK(lrsched::sum_strided(s, 0, max, max / 4) == 1.0 + 4 * 0.25);  // 0, k, 2k, 3k, 4k < max
  CHECK(lrsched::sum_strided(s, 0, max, max / 4 + 1) == 1.0 + 3 * 0.25);
  CHECK(lrsched::sum_strided(s, -10, 0, 3) == 4.0);  // -10 -7 -4 -1 evaluate as step 0
  CHECK(lrsched::sum_strided(s, 5, 5, 2) == 0.0);
  CHECK(lrsched::sum_strided(s, 0, 10, 0) == 0.0);
  CHECK(std::isfinite(lrsched::sum_strided(s, std::numeric_limits<std::int64_t>::min(), max, 1)));
}

TEST_CASE("strided cosine sums match every term added up, decays and rises, to the last step") {
  lrsched::test::random_source rng(1729);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1e-1);
    const double end = rng.coin() ? 0.0 : peak * rng.uniform(0.0, 2.0);
    const auto steps = rng.coin() ? rng.integer(0, 3000) : rng.integer(0, std::int64_t{1} << 40);
    const double exponent = rng.integer(0, 4) == 0 ? rng.uniform(0.5, 3.0) : 1.0;
    const lrsched::cosine s(peak, end, steps, exponent);
    const auto stride = rng.integer(1, 1000);
    const auto first = rng.coin() ? rng.integer(-50, 3000) : steps - rng.integer(0, 3000 * stride);
    const auto last = first + rng.integer(0, 3000) * stride;
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::detail::sum_strided_ld(s, first, last, stride),
                                progression_reference(s, first, last, stride), 1e-290L));
  }
  CHECK(worst <= 1e-12);
}
