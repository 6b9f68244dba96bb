// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/lrsched.hpp>

#include <cstdint>
#include <functional>
#include <string>

#include "catch.hpp"

namespace {
struct returns_string {
  std::string operator()(std::int64_t) const { return "x"; }
};
struct not_const {
  double operator()(std::int64_t) { return 1.0; }
};
struct with_sum {
  double operator()(std::int64_t) const noexcept { return 2.0; }
  long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return 2.0L * static_cast<long double>(last - first);
  }
};
}  // namespace

// Positive and negative checks for every concept.
static_assert(lrsched::Schedule<lrsched::constant>);
static_assert(lrsched::Schedule<lrsched::linear>);
static_assert(lrsched::Schedule<std::function<double(std::int64_t)>>);
static_assert(lrsched::Schedule<double (*)(std::int64_t)>);
static_assert(!lrsched::Schedule<double>);
static_assert(!lrsched::Schedule<returns_string>);
static_assert(!lrsched::Schedule<not_const>);
static_assert(lrsched::ClosedFormSum<lrsched::constant>);
static_assert(lrsched::ClosedFormSum<lrsched::linear>);
static_assert(lrsched::ClosedFormSum<with_sum>);
static_assert(!lrsched::ClosedFormSum<std::function<double(std::int64_t)>>);
static_assert(lrsched::FiniteSchedule<lrsched::linear>);
static_assert(!lrsched::FiniteSchedule<lrsched::constant>);
static_assert(!lrsched::FiniteSchedule<with_sum>);

TEST_CASE("a lambda is a schedule and sums by the compensated fallback") {
  const auto half = [](std::int64_t) { return 0.5; };
  static_assert(lrsched::Schedule<decltype(half)>);
  static_assert(!lrsched::ClosedFormSum<decltype(half)>);
  CHECK(lrsched::sum(half, 0, 1000) == 500.0);
}

TEST_CASE("a user type's own closed-form sum is used") {
  CHECK(lrsched::sum(with_sum{}, 0, std::int64_t{1} << 40) ==
        2.0 * static_cast<double>(std::int64_t{1} << 40));
}
