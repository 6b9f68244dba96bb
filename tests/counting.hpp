// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// A schedule wrapper that counts the calls to its closed-form sums, for tests that a
// composite sums in O(pieces) or O(cycles) calls, independent of the number of steps.
#ifndef LRSCHED_TESTS_COUNTING_HPP
#define LRSCHED_TESTS_COUNTING_HPP

#include <cstdint>

#include <lrsched/concepts.hpp>

namespace lrsched::test {

template <ClosedFormSum S>
struct counting_sum {
  S shape;
  int* sum_calls;  ///< incremented by every call of sum()

  double operator()(std::int64_t step) const noexcept { return static_cast<double>(shape(step)); }
  long double sum(std::int64_t first, std::int64_t last) const noexcept {
    ++*sum_calls;
    return shape.sum(first, last);
  }
};

}  // namespace lrsched::test

#endif  // LRSCHED_TESTS_COUNTING_HPP
