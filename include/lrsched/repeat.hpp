// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file repeat.hpp
/// @brief `repeat`: any schedule made periodic.
#ifndef LRSCHED_REPEAT_HPP
#define LRSCHED_REPEAT_HPP

#include <cstdint>
#include <utility>

#include <lrsched/concepts.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/periodic.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief s(t) = inner(t mod period): the first `period` steps of a schedule, played
/// over and over.
///
/// Step 0 of every cycle (t = k·period) gets inner(0): the restart is exact. t < 0
/// evaluates as t = 0. Periodic by definition, so it never holds a final value and is
/// not a FiniteSchedule (play it for a fixed number of steps with `for_steps`). Period 1
/// is the constant inner(0). Covers SGDR with identical cycles built from any shape
/// (optax `sgdr_schedule` with equal cycles is `repeat(warmup + cosine, decay_steps)`),
/// and cyclic triangles (`repeat(chain(up, down), up + down)`, the shape of PyTorch
/// `CyclicLR` in triangular mode).
///
/// Sum: the partial cycles at both ends plus (whole cycles) × (the inner sum over one
/// period): three calls to the inner closed form, O(1) in the number of cycles (the
/// inner falls back to compensated summation over at most three periods when it has
/// no closed form).
///
/// @code
/// auto cyclic = lrsched::repeat(lrsched::linear(1e-3, 1e-4, 500), 500);  // saw-tooth
/// @endcode
template <Schedule S>
class repeated {
 public:
  /// @param inner the schedule played in each cycle, from its own step 0.
  /// @param period the steps per cycle; >= 1.
  repeated(S inner, std::int64_t period)
      : inner_(std::move(inner)),
        period_(detail::require_positive_steps("repeat", "period", period)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(inner_(detail::clamp_step(step) % period_));
  }

  /// Partial cycle, whole cycles × one period's sum, partial cycle.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return total<false>(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return total<true>(first, last);
  }

  /// Kind "repeat": parameter "period", slot "schedule".
  [[nodiscard]] description describe() const {
    return description{"repeat"}
        .with("period", period_)
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] const S& inner() const noexcept { return inner_; }
  [[nodiscard]] std::int64_t period() const noexcept { return period_; }

 private:
  template <bool Squares>
  [[nodiscard]] long double inner_sum(std::int64_t a, std::int64_t b) const noexcept {
    if constexpr (Squares) {
      return detail::sum_of_squares_ld(inner_, a, b);
    } else {
      return detail::sum_ld(inner_, a, b);
    }
  }

  template <bool Squares>
  [[nodiscard]] long double total(std::int64_t first, std::int64_t last) const noexcept {
    return detail::periodic_sum(
        period_, first, last,
        [&](std::int64_t, std::int64_t begin, std::int64_t end) {
          return inner_sum<Squares>(begin, end);
        },
        [&](std::int64_t k0, std::int64_t k1) {
          return detail::count(k0, k1) * inner_sum<Squares>(0, period_);
        });
  }

  S inner_;
  std::int64_t period_;
};

/// @brief `schedule` played over and over, `period` steps per cycle.
template <Schedule S>
[[nodiscard]] repeated<S> repeat(S schedule, std::int64_t period) {
  return repeated<S>(std::move(schedule), period);
}

/// @brief A finite schedule played over and over, one cycle per `length()` (>= 1).
template <FiniteSchedule S>
[[nodiscard]] repeated<S> repeat(S schedule) {
  const auto period = static_cast<std::int64_t>(schedule.length());
  return repeated<S>(std::move(schedule), period);
}

}  // namespace lrsched

#endif  // LRSCHED_REPEAT_HPP
