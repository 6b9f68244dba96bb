// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file inverse_sqrt.hpp
/// @brief `inverse_sqrt`: linear warmup to a peak, then decay as 1/√t.
#ifndef LRSCHED_INVERSE_SQRT_HPP
#define LRSCHED_INVERSE_SQRT_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/power_sum.hpp>

namespace lrsched {

/// @brief Linear warmup from 0 to `peak_value` over `warmup_steps` steps, then
/// inverse-square-root decay with time scale `timescale`.
///
/// s(t) = peak·t/w for 0 ≤ t < w, and s(t) = peak·√(τ/(t − w + τ)) for t ≥ w
/// (w = warmup_steps, τ = timescale), so s(w) = peak exactly and the decay halves
/// the value when t − w + τ has grown fourfold. Open-ended: it decays towards 0
/// forever and is finite at every int64 step. The two-argument constructor takes
/// τ = max(w, 1), the classic curve peak·√(w/t) after the warmup.
///
/// Peers (all factors times the base LR):
/// - HF `get_inverse_sqrt_schedule(num_warmup_steps=w, timescale=τ)`: exactly this,
///   1/√((t + shift)/τ) with shift = τ − w; HF's default τ is w, or 10 000 when w = 0.
/// - Megatron `inverse-square-root`: max_lr·√w/√t after a warmup of w steps, i.e.
///   τ = w. Megatron's warmup starts at `init_lr` and includes step w
///   (`chain(linear(init_lr, max_lr, w), inverse_sqrt(max_lr, 0, w))`), and it
///   floors the decay at `min_lr` (a `clamp`).
/// - Noam ("Attention is all you need"), fairseq `inverse_sqrt`:
///   c·min(s^{−1/2}, s·w^{−3/2}) with s counted from 1 is inverse_sqrt(c/√w, w, w)
///   at t = s.
/// - optax-style `rsqrt` with a shift k: init·√(k/(t + k)) is inverse_sqrt(init, 0, k).
///
/// Sum: Σ t and Σ t² (Faulhaber, exact) over the warmup; over the decay peak·Σ (u/τ)^{−1/2},
/// u = t − w + τ, which has no elementary closed form: detail::power_sum adds the
/// terms with u < 32 directly and takes the rest from the Euler–Maclaurin
/// (Hurwitz ζ(1/2, ·) difference) expansion, accurate to long-double rounding
/// (≈ 1e-18 relative) on any range, O(1).
class inverse_sqrt {
 public:
  /// @param peak_value the value at step `warmup_steps`; finite.
  /// @param warmup_steps the length of the linear warmup from 0, >= 0.
  /// @param timescale τ, >= 1: the decay is peak·√(τ/(t − w + τ)).
  inverse_sqrt(double peak_value, std::int64_t warmup_steps, std::int64_t timescale)
      : peak_(detail::require_finite("inverse_sqrt", "peak_value", peak_value)),
        warmup_(detail::require_steps("inverse_sqrt", "warmup_steps", warmup_steps)),
        timescale_(detail::require_positive_steps("inverse_sqrt", "timescale", timescale)) {}

  /// @brief The classic curve: τ = max(warmup_steps, 1), i.e. peak·√(w/t) after the warmup.
  inverse_sqrt(double peak_value, std::int64_t warmup_steps)
      : inverse_sqrt(peak_value, warmup_steps,
                     std::max<std::int64_t>(
                         detail::require_steps("inverse_sqrt", "warmup_steps", warmup_steps), 1)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    if (step <= 0) return warmup_ > 0 ? 0.0 : peak_;
    if (step < warmup_) return peak_ * (static_cast<double>(step) / static_cast<double>(warmup_));
    const auto tau = static_cast<double>(timescale_);
    const auto shifted =
        static_cast<double>(static_cast<long double>(step - warmup_) + timescale_);  // t − w + τ
    return peak_ * (1.0 / std::sqrt(shifted / tau));
  }

  /// Σ over [first, last): power sums of t/w on the warmup and of (u/τ)^{−1/2} on the decay.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return warmup_part(first, last, 1) + decay_part(first, last, 1);
  }

  /// Σ s(t)² over [first, last): Σ t² on the warmup and peak²·Σ τ/u on the decay.
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return warmup_part(first, last, 2) + decay_part(first, last, 2);
  }

  [[nodiscard]] description describe() const {
    description d{"inverse_sqrt"};
    d.parameters.reserve(3);  // built in place: no variant moves
    d.parameters.emplace_back("peak_value", peak_);
    d.parameters.emplace_back("warmup_steps", warmup_);
    d.parameters.emplace_back("timescale", timescale_);
    return d;
  }

  [[nodiscard]] double peak_value() const noexcept { return peak_; }
  [[nodiscard]] std::int64_t warmup_steps() const noexcept { return warmup_; }
  [[nodiscard]] std::int64_t timescale() const noexcept { return timescale_; }

 private:
  /// Σ (peak·t/w)^power over the warmup steps of [first, last), power 1 or 2 (t = 0 adds 0).
  [[nodiscard]] long double warmup_part(std::int64_t first, std::int64_t last,
                                        int power) const noexcept {
    const std::int64_t begin = std::max<std::int64_t>(first, 1);
    const std::int64_t end = std::min(last, warmup_);
    if (begin >= end) return 0.0L;
    const long double peak = peak_;
    return (power == 1 ? peak : peak * peak) *
           detail::power_sum(power, static_cast<long double>(begin), detail::count(begin, end),
                             static_cast<long double>(warmup_));
  }

  /// peak^power·Σ (u/τ)^{−power/2}, u = t − w + τ, over the decay steps of [first, last).
  [[nodiscard]] long double decay_part(std::int64_t first, std::int64_t last,
                                       int power) const noexcept {
    const std::int64_t begin = std::max(first, warmup_);
    if (begin >= last) return 0.0L;
    const long double peak = peak_;
    const long double tau = static_cast<long double>(timescale_);
    const long double scale = power == 1 ? peak : peak * peak;
    return scale * detail::power_sum(-0.5L * power, static_cast<long double>(begin - warmup_) + tau,
                                     detail::count(begin, last), tau);
  }

  double peak_;
  std::int64_t warmup_;
  std::int64_t timescale_;
};

}  // namespace lrsched

#endif  // LRSCHED_INVERSE_SQRT_HPP
