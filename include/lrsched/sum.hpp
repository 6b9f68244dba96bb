// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file sum.hpp
/// @brief Summed LR: Σ s(t) over a step range, Σ s(t)², and the annealing area.
#ifndef LRSCHED_SUM_HPP
#define LRSCHED_SUM_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <lrsched/concepts.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {
namespace detail {

/// Adds the held tail of a schedule that holds its final value from some step on
/// (optional_length) to `acc`, `power` 1 or 2, and returns where the loop over the rest stops.
template <int power, Schedule S>
std::int64_t add_held_tail(compensated_sum& acc, const S& s, std::int64_t first,
                           std::int64_t last) noexcept {
  const auto hold = optional_length(s);
  if (!hold || *hold >= last) return last;
  const std::int64_t from = std::max(first, *hold);
  const auto v = static_cast<long double>(s(from));
  acc.add(count(from, last) * (power == 1 ? v : v * v));
  return from;
}

/// Σ_{t=first}^{last-1} s(t) by compensated summation in long double: O(last - first),
/// or O(length() - first) for a schedule that holds its final value from length() on.
template <Schedule S>
long double loop_sum(const S& s, std::int64_t first, std::int64_t last) noexcept {
  compensated_sum acc;
  last = add_held_tail<1>(acc, s, first, last);
  for (std::int64_t t = first; t < last; ++t) acc.add(static_cast<long double>(s(t)));
  return acc.value();
}

template <Schedule S>
long double loop_sum_of_squares(const S& s, std::int64_t first, std::int64_t last) noexcept {
  compensated_sum acc;
  last = add_held_tail<2>(acc, s, first, last);
  for (std::int64_t t = first; t < last; ++t) {
    const auto v = static_cast<long double>(s(t));
    acc.add(v * v);
  }
  return acc.value();
}

/// The summed LR in long double; what composites call on their pieces.
/// Handles any int64 range: steps below 0 evaluate as step 0.
template <Schedule S>
long double sum_ld(const S& s, std::int64_t first, std::int64_t last) noexcept {
  if (last <= first) return 0.0L;
  long double total = 0.0L;
  if (first < 0) {
    total += count(first, std::min<std::int64_t>(last, 0)) * static_cast<long double>(s(0));
    if (last <= 0) return total;
    first = 0;
  }
  if constexpr (ClosedFormSum<S>) {
    total += static_cast<long double>(s.sum(first, last));
  } else {
    total += loop_sum(s, first, last);
  }
  return total;
}

template <Schedule S>
long double sum_of_squares_ld(const S& s, std::int64_t first, std::int64_t last) noexcept {
  if (last <= first) return 0.0L;
  long double total = 0.0L;
  if (first < 0) {
    const auto v0 = static_cast<long double>(s(0));
    total += count(first, std::min<std::int64_t>(last, 0)) * v0 * v0;
    if (last <= 0) return total;
    first = 0;
  }
  if constexpr (ClosedFormSumOfSquares<S>) {
    total += static_cast<long double>(s.sum_of_squares(first, last));
  } else {
    total += loop_sum_of_squares(s, first, last);
  }
  return total;
}

}  // namespace detail

/// @brief Summed LR: Σ_{t=first}^{last-1} s(t), the area under the schedule.
///
/// Uses the schedule's closed form when it has one (every lrsched family and
/// composite does), so the cost is O(pieces), independent of `last - first`,
/// and the result is exact to rounding; otherwise it falls back to compensated
/// summation. An empty or reversed range sums to 0.
///
/// @code
/// lrsched::sum(lrsched::constant(1e-3), 0, 250'000);  // 250
/// @endcode
template <Schedule S>
[[nodiscard]] double sum(const S& s, std::int64_t first, std::int64_t last) noexcept {
  return static_cast<double>(detail::sum_ld(s, first, last));
}

/// @brief Summed LR of the first `steps` updates: `sum(s, 0, steps)`.
template <Schedule S>
[[nodiscard]] double sum(const S& s, std::int64_t steps) noexcept {
  return sum(s, 0, steps);
}

/// @brief Σ_{t=first}^{last-1} s(t)²: closed form where the schedule has one,
/// compensated summation otherwise.
template <Schedule S>
[[nodiscard]] double sum_of_squares(const S& s, std::int64_t first, std::int64_t last) noexcept {
  return static_cast<double>(detail::sum_of_squares_ld(s, first, last));
}

/// @brief The annealing area with momentum, S2 = Σ_{i=1}^{steps} m_i, where
/// m_0 = 0 and m_i = λ·m_{i−1} + (η_{i−1} − η_i), η_i = s(i).
///
/// This is the second input (after the summed LR S1) of loss-prediction laws
/// with LR annealing: it grows while the LR decays and remembers recent decay
/// with factor λ (default 0.999). Computed from the identity
/// (1 − λ)·S2 = (η_0 − η_n) − λ·m_n (n = steps), with m_n summed over the last
/// K = min(n, ⌈45 / −ln λ⌉) differences only (the older ones weigh at most
/// λ^K < 2^-64 of the total variation of η): at most K + 2 evaluations, 45'000 at
/// the default λ = 0.999, whatever `steps` is; λ = 1 (S2 = Σ (η_0 − η_i)) and λ = 0
/// (S2 = η_0 − η_n) take O(1) and the schedule's closed-form sum.
/// @throws invalid_schedule naming "momentum" unless 0 <= momentum <= 1.
template <Schedule S>
[[nodiscard]] double annealing_area(const S& s, std::int64_t steps, double momentum = 0.999) {
  if (!(momentum >= 0.0 && momentum <= 1.0)) {
    detail::reject("annealing_area", "momentum", "in [0, 1]", momentum);
  }
  if (steps <= 0) return 0.0;
  const auto first_value = static_cast<long double>(s(0));
  const auto last_value = static_cast<long double>(s(steps));
  if (momentum == 1.0) {  // m_i = η_0 − η_i
    return static_cast<double>(detail::count(0, steps) * first_value -
                               detail::sum_ld(s, 1, steps) - last_value);
  }
  const auto lambda = static_cast<long double>(momentum);
  const long double window = momentum == 0.0 ? 1.0L : std::ceil(45.0L / -std::log(lambda));
  const std::int64_t terms =
      window >= static_cast<long double>(steps) ? steps : static_cast<std::int64_t>(window);
  // m_n over the last `terms` differences, by the recurrence started from m = 0.
  long double m = 0.0L;
  const std::int64_t from = steps - terms;  // >= 0
  auto previous = static_cast<long double>(s(from));
  for (std::int64_t k = 1; k <= terms; ++k) {
    const auto current = static_cast<long double>(s(from + k));
    m = lambda * m + (previous - current);
    previous = current;
  }
  return static_cast<double>(((first_value - last_value) - lambda * m) / (1.0L - lambda));
}

}  // namespace lrsched

#endif  // LRSCHED_SUM_HPP
