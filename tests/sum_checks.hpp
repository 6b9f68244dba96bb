// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Checks shared by the family tests: closed-form sums against compensated loops,
// additivity of sums over ranges too long to loop over, and random step lists.
#ifndef LRSCHED_TESTS_SUM_CHECKS_HPP
#define LRSCHED_TESTS_SUM_CHECKS_HPP

#include <algorithm>
#include <cstdint>
#include <vector>

#include <lrsched/sum.hpp>

#include "support.hpp"

namespace lrsched::test {

/// The larger relative error of lrsched::sum and lrsched::sum_of_squares over
/// [first, last) against the compensated reference loops. Absolute differences below
/// `floor` count as 0 (for terms that s(t) rounds into the subnormal range).
template <Schedule S>
double sum_error(const S& s, std::int64_t first, std::int64_t last, long double floor = 0.0L) {
  return std::max(
      relative_error(lrsched::sum(s, first, last), reference_sum(s, first, last), floor),
      relative_error(lrsched::sum_of_squares(s, first, last),
                     reference_sum_of_squares(s, first, last), floor));
}

/// The worst sum_error over `cases` schedules made by build(rng), each summed over a
/// random range [first, first + n) with first in [−50, max_first] (steps before 0
/// included) and n in [0, max_span].
template <class Build>
double worst_sum_error(random_source& rng, int cases, Build build, std::int64_t max_first,
                       std::int64_t max_span, long double floor = 0.0L) {
  double worst = 0.0;
  for (int i = 0; i < cases; ++i) {
    const auto s = build(rng);
    const auto first = rng.integer(-50, max_first);
    worst = std::max(worst, sum_error(s, first, first + rng.integer(0, max_span), floor));
  }
  return worst;
}

/// The relative error of sum(a, b) + sum(b, c) against sum(a, c), a <= b <= c: the
/// closed form must be additive over ranges far too long to loop over.
template <Schedule S>
double split_error(const S& s, std::int64_t a, std::int64_t b, std::int64_t c,
                   long double floor = 0.0L) {
  return relative_error(static_cast<long double>(lrsched::sum(s, a, b)) + lrsched::sum(s, b, c),
                        lrsched::sum(s, a, c), floor);
}

/// The worst split_error over `cases` random a <= b <= c with a in [0, max_first] and
/// c − a in [0, max_span].
template <Schedule S>
double worst_split_error(const S& s, random_source& rng, int cases, std::int64_t max_first,
                         std::int64_t max_span, long double floor = 0.0L) {
  double worst = 0.0;
  for (int i = 0; i < cases; ++i) {
    const auto a = rng.integer(0, max_first);
    const auto c = a + rng.integer(0, max_span);
    worst = std::max(worst, split_error(s, a, rng.integer(a, c), c, floor));
  }
  return worst;
}

/// `count` random steps in [0, span], sorted, about one in six repeating the one before
/// (milestones, boundaries and knot steps, with zero-length pieces).
inline std::vector<std::int64_t> random_sorted_steps(random_source& rng, std::int64_t count,
                                                     std::int64_t span) {
  std::vector<std::int64_t> steps;
  for (std::int64_t i = 0; i < count; ++i) {
    steps.push_back(!steps.empty() && rng.integer(0, 5) == 0 ? steps.back() : rng.integer(0, span));
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

}  // namespace lrsched::test

#endif  // LRSCHED_TESTS_SUM_CHECKS_HPP
