// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file stretch.hpp
/// @brief `stretch`: a schedule run over `factor` times as many steps.
#ifndef LRSCHED_STRETCH_HPP
#define LRSCHED_STRETCH_HPP

#include <cstdint>
#include <limits>
#include <utility>

#include <lrsched/concepts.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/periodic.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief s(t) = inner(⌊t / factor⌋): every step of `inner` held for `factor` steps.
///
/// Inner step j covers steps [j·factor, (j + 1)·factor); boundaries are exact. t < 0
/// evaluates as t = 0. A finite inner of length L holds its final value from L·factor on
/// (saturating at the int64 maximum). Factor 1 is `inner` itself. Typical uses: a schedule
/// written per epoch or per optimizer update, run per micro-step or per gradient
/// accumulation step; timm's `t_in_epochs` schedules stepped per update.
///
/// Only whole factors: with a ratio num/den the blocks ⌊t·den/num⌋ have unequal lengths
/// (a Beatty pattern), and the same need — a schedule written for one batch size used with
/// another — is met exactly by the unit conversions of units.hpp (write the schedule in
/// samples, convert with `per_step` or `in_steps`).
///
/// Sum: factor × the inner closed-form sum over the whole blocks, plus the partial blocks
/// at both ends (one inner evaluation each). O(1) calls to the inner closed form.
///
/// @code
/// // A per-epoch cosine over 90 epochs of 1'251 updates each:
/// auto per_update = lrsched::stretch(per_epoch, 1'251);
/// @endcode
template <Schedule S>
class stretched {
 public:
  /// @param inner the schedule to slow down.
  /// @param factor how many steps each inner step lasts; >= 1.
  stretched(S inner, std::int64_t factor)
      : inner_(std::move(inner)),
        factor_(detail::require_positive_steps("stretch", "factor", factor)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(inner_(detail::clamp_step(step) / factor_));
  }

  /// Partial block, factor × Σ inner over the whole blocks, partial block.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return total<false>(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return total<true>(first, last);
  }

  /// factor × inner.length(), saturating at the int64 maximum.
  [[nodiscard]] std::int64_t length() const noexcept requires FiniteSchedule<S> {
    const auto inner_length = static_cast<std::int64_t>(inner_.length());
    if (inner_length > std::numeric_limits<std::int64_t>::max() / factor_) {
      return std::numeric_limits<std::int64_t>::max();
    }
    return inner_length * factor_;
  }

  /// Kind "stretch": parameter "factor", slot "schedule".
  [[nodiscard]] description describe() const {
    return description{"stretch"}
        .with("factor", factor_)
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] const S& inner() const noexcept { return inner_; }
  [[nodiscard]] std::int64_t factor() const noexcept { return factor_; }

 private:
  template <bool Squares>
  [[nodiscard]] long double inner_value(std::int64_t j) const noexcept {
    const auto v = static_cast<long double>(inner_(j));
    return Squares ? v * v : v;
  }

  template <bool Squares>
  [[nodiscard]] long double total(std::int64_t first, std::int64_t last) const noexcept {
    return detail::periodic_sum(
        factor_, first, last,
        [&](std::int64_t block, std::int64_t begin, std::int64_t end) {
          return detail::count(begin, end) * inner_value<Squares>(block);
        },
        [&](std::int64_t k0, std::int64_t k1) {
          const long double whole =
              Squares ? detail::sum_of_squares_ld(inner_, k0, k1) : detail::sum_ld(inner_, k0, k1);
          return static_cast<long double>(factor_) * whole;
        });
  }

  S inner_;
  std::int64_t factor_;
};

/// @brief `schedule` slowed down: each of its steps lasts `factor` steps.
template <Schedule S>
[[nodiscard]] stretched<S> stretch(S schedule, std::int64_t factor) {
  return stretched<S>(std::move(schedule), factor);
}

}  // namespace lrsched

#endif  // LRSCHED_STRETCH_HPP
