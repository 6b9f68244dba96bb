// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Checks a schedule against values recorded from a peer, step by step from step 0.
#ifndef LRSCHED_TESTS_RECORDED_STEPS_HPP
#define LRSCHED_TESTS_RECORDED_STEPS_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include "catch.hpp"

namespace lrsched::test {

/// `s(t) == expected[t]` within 1e-15 relative at every t (the peer may multiply step by
/// step where lrsched takes a power).
template <class S>
void check_recorded_steps(const S& s, const std::vector<double>& expected) {
  for (std::size_t t = 0; t < expected.size(); ++t) {
    INFO("step " << t);
    CHECK(s(static_cast<std::int64_t>(t)) == Approx(expected[t]).epsilon(1e-15).margin(0));
  }
}

}  // namespace lrsched::test

#endif  // LRSCHED_TESTS_RECORDED_STEPS_HPP
