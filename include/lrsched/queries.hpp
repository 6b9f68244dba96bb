// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file queries.hpp
/// @brief Inverse queries: when does the LR fall below a value, and when does
/// the summed LR reach a budget? Both bisect over closed forms: O(log steps)
/// evaluations (or closed-form sums), never a scan.
#ifndef LRSCHED_QUERIES_HPP
#define LRSCHED_QUERIES_HPP

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

#include <lrsched/concepts.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief The first step t in [first, last) with s(t) < threshold, or nullopt.
///
/// Bisection: exact when s is non-increasing on [first, last) (any decay, a
/// chain after its warmup). For a schedule that rises and falls, search from
/// the step where it starts to fall. O(log(last − first)) evaluations.
template <Schedule S>
[[nodiscard]] std::optional<std::int64_t> first_step_below(const S& s, double threshold,
                                                           std::int64_t first,
                                                           std::int64_t last) noexcept {
  if (last <= first) return std::nullopt;
  if (static_cast<double>(s(first)) < threshold) return first;
  if (!(static_cast<double>(s(last - 1)) < threshold)) return std::nullopt;
  // Invariant: s(lo) >= threshold, s(hi) < threshold.
  std::int64_t lo = first;
  std::int64_t hi = last - 1;
  while (detail::distance(lo, hi) > 1) {
    const std::int64_t mid = detail::midpoint(lo, hi);
    if (static_cast<double>(s(mid)) < threshold) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

/// @brief The number of steps n >= first such that Σ_{t=first}^{n-1} s(t)
/// first reaches `target` (the smallest n with sum(s, first, n) >= target), or
/// nullopt if the summed LR never gets there before int64's end (e.g. a decay
/// to 0 whose total area is smaller than the target) or the target is NaN.
/// A target <= 0 is reached at `first`. Any int64 `first` is valid.
///
/// Needs s(t) >= 0 (the running sum is then non-decreasing). Exponential
/// search for a bracket, then bisection: O(log n) closed-form sums.
template <Schedule S>
[[nodiscard]] std::optional<std::int64_t> steps_to_reach_sum(const S& s, double target,
                                                             std::int64_t first = 0) noexcept {
  if (std::isnan(target)) return std::nullopt;  // no sum reaches NaN
  if (!(target > 0.0)) return first;
  const auto goal = static_cast<long double>(target);
  constexpr std::int64_t end_of_time = std::numeric_limits<std::int64_t>::max();
  std::uint64_t span = 1;
  std::int64_t hi = first;
  for (;;) {
    hi = span >= detail::distance(first, end_of_time) ? end_of_time
                                                      : detail::advance(first, span);
    if (detail::sum_ld(s, first, hi) >= goal) break;
    if (hi == end_of_time) return std::nullopt;
    span = span > std::numeric_limits<std::uint64_t>::max() / 2
               ? std::numeric_limits<std::uint64_t>::max()
               : span * 2;
  }
  // Invariant: sum(first, lo) < target <= sum(first, hi).
  std::int64_t lo = first;
  while (detail::distance(lo, hi) > 1) {
    const std::int64_t mid = detail::midpoint(lo, hi);
    if (detail::sum_ld(s, first, mid) >= goal) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

}  // namespace lrsched

#endif  // LRSCHED_QUERIES_HPP
