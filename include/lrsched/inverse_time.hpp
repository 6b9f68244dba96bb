// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file inverse_time.hpp
/// @brief `inverse_time`: decay as 1/(1 + rate·t/decay_steps), smooth or in stairs.
#ifndef LRSCHED_INVERSE_TIME_HPP
#define LRSCHED_INVERSE_TIME_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/periodic.hpp>
#include <lrsched/detail/power_sum.hpp>

namespace lrsched {

/// @brief Inverse-time decay: s(t) = init / (1 + rate·p), p = t/decay_steps, or
/// p = ⌊t/decay_steps⌋ with `staircase`.
///
/// s(0) = init; the value halves when rate·p reaches 1 and decays towards 0
/// forever (open-ended, finite at every int64 step since the denominator is ≥ 1).
/// `decay_rate == 0` is the constant `init_value`. The staircase index is an exact
/// integer division. Covers Keras `InverseTimeDecay` (and TF1
/// `inverse_time_decay`) exactly, also in staircase mode. optax has no such
/// schedule.
///
/// Sum: with c = decay_steps/rate, Σ s(t) = init·c·Σ 1/(t + c) = init·c·(ψ(b + c) −
/// ψ(a + c)), a digamma difference. detail::power_sum (exponent −1) adds the terms
/// with t + c < 32 directly and takes the rest from the asymptotic expansion of ψ
/// written in differences (log1p of the ratio, then B_{2k} corrections), accurate to
/// long-double rounding (≈ 1e-18 relative), O(1). Staircase: whole blocks of
/// `decay_steps` equal values, summed as init·Σ 1/(1 + rate·k) (the same harmonic-
/// number form over the block index k), plus the partial block at each end.
class inverse_time {
 public:
  /// @param init_value the value at step 0; finite.
  /// @param decay_rate how much the denominator grows per `decay_steps`; finite and >= 0.
  /// @param decay_steps the step count that adds `decay_rate` to the denominator, >= 1.
  /// @param staircase decay in whole blocks of `decay_steps` steps.
  inverse_time(double init_value, double decay_rate, std::int64_t decay_steps,
               bool staircase = false)
      : init_(detail::require_finite("inverse_time", "init_value", init_value)),
        rate_(detail::require_nonnegative("inverse_time", "decay_rate", decay_rate)),
        decay_steps_(detail::require_positive_steps("inverse_time", "decay_steps", decay_steps)),
        staircase_(staircase) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    const double progress = staircase_ ? static_cast<double>(t / decay_steps_)
                                       : static_cast<double>(t) / static_cast<double>(decay_steps_);
    return init_ / (1.0 + rate_ * progress);
  }

  /// Σ over [first, last): a digamma difference, per block in staircase mode.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return static_cast<long double>(init_) * reciprocal_sum(first, last, 1);
  }

  /// Σ s(t)² over [first, last): the same with 1/(1 + rate·p)² (a trigamma difference).
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    const long double init = init_;
    return init * init * reciprocal_sum(first, last, 2);
  }

  [[nodiscard]] description describe() const {
    description d{"inverse_time"};
    d.parameters.reserve(4);  // built in place: no variant moves
    d.parameters.emplace_back("init_value", init_);
    d.parameters.emplace_back("decay_rate", rate_);
    d.parameters.emplace_back("decay_steps", decay_steps_);
    d.parameters.emplace_back("staircase", staircase_);
    return d;
  }

  [[nodiscard]] double init_value() const noexcept { return init_; }
  [[nodiscard]] double decay_rate() const noexcept { return rate_; }
  [[nodiscard]] std::int64_t decay_steps() const noexcept { return decay_steps_; }
  [[nodiscard]] bool staircase() const noexcept { return staircase_; }

 private:
  /// Σ_{t=first}^{last−1} (1 + rate·p(t))^{−power}, power 1 or 2.
  [[nodiscard]] long double reciprocal_sum(std::int64_t first, std::int64_t last,
                                           int power) const noexcept {
    if (last <= first) return 0.0L;
    if (rate_ == 0.0) return detail::count(first, last);
    if (!staircase_) {
      // (1 + rate·t/D)^{−1} = ((t + c)/c)^{−1} with c = D/rate.
      const long double c = static_cast<long double>(decay_steps_) / rate_;
      return detail::power_sum(-power, static_cast<long double>(first) + c,
                               detail::count(first, last), c);
    }
    // Blocks k = ⌊t/D⌋ of equal values; whole blocks as one power sum over k.
    const long double c = 1.0L / static_cast<long double>(rate_);
    return detail::periodic_sum(
        decay_steps_, first, last,
        [&](std::int64_t k, std::int64_t begin, std::int64_t end) {
          return detail::count(begin, end) *
                 std::pow(1.0L + static_cast<long double>(rate_) * static_cast<long double>(k),
                          static_cast<long double>(-power));
        },
        [&](std::int64_t k0, std::int64_t k1) {
          return static_cast<long double>(decay_steps_) *
                 detail::power_sum(-power, static_cast<long double>(k0) + c, detail::count(k0, k1),
                                   c);
        });
  }

  double init_;
  double rate_;
  std::int64_t decay_steps_;
  bool staircase_;
};

}  // namespace lrsched

#endif  // LRSCHED_INVERSE_TIME_HPP
