// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file tanh.hpp
/// @brief `tanh_decay`: a hyperbolic-tangent decay between two values, then hold.
#ifndef LRSCHED_TANH_HPP
#define LRSCHED_TANH_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/sigmoid_sum.hpp>

namespace lrsched {

/// @brief Hyperbolic-tangent decay from about `max_value` to `min_value` over `steps`
/// steps, holding `min_value` from then on.
///
/// s(t) = min + (max − min)·½(1 − tanh x), x = lb·(1 − t/n) + ub·t/n, for
/// 0 ≤ t < n (n = steps); s(t) = min for t ≥ n. The curve sweeps tanh over
/// [lb, ub): with the defaults lb = −7, ub = 3 it starts 8e-7·(max − min) below max
/// and ends at step n − 1 about 0.25 % of (max − min) above min, then steps down to
/// min exactly at n. ½(1 − tanh x) is evaluated as σ(−2x) = 1/(1 + e^{2x}), and the
/// value as max·σ(−2x) + min·σ(2x): both weights keep full relative precision in
/// the tails (where 1 − tanh x would round to 0). `steps == 0` is the constant min;
/// lb == ub is a constant plateau until n; lb > ub gives a rising curve.
///
/// Covers timm `TanhLRScheduler` within one cycle (max = base LR × cycle decay,
/// min = `lr_min`, steps = `t_initial`, `lb`, `ub`; past the last cycle timm drops
/// to `lr_min`, as here). Its warmup and restarts are compositions
/// (`warmup`, `repeat`). Agrees with timm's own arithmetic to ~1e-14 relative.
///
/// Sum: max·Σσ(−2x_t) + min·Σσ(2x_t) + (held steps)·min, with no elementary
/// closed form; detail::logistic_progression_sum handles the saturated tails
/// (|x| > 25) as geometric series and counts, and the rest by Euler–Maclaurin
/// (softplus differences plus twelve derivative corrections) when the per-step
/// change of x is at most 1/8, by a compensated loop of at most 401 terms
/// otherwise. Accurate to ≈ 1e-18 relative for |lb|, |ub| up to ~10³ (beyond, the
/// rounding of x itself, ~1e-16·|x|, dominates), O(1).
class tanh_decay {
 public:
  /// @param max_value the value approached at the start; finite.
  /// @param min_value the value from step `steps` on; finite.
  /// @param steps the length of the decay, >= 0.
  /// @param lb where the sweep of tanh starts; finite.
  /// @param ub where it ends; finite.
  tanh_decay(double max_value, double min_value, std::int64_t steps, double lb = -7.0,
             double ub = 3.0)
      : max_(detail::require_finite("tanh_decay", "max_value", max_value)),
        min_(detail::require_finite("tanh_decay", "min_value", min_value)),
        steps_(detail::require_steps("tanh_decay", "steps", steps)),
        lb_(detail::require_finite("tanh_decay", "lb", lb)),
        ub_(detail::require_finite("tanh_decay", "ub", ub)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if (t >= steps_) return min_;
    const double progress = static_cast<double>(t) / static_cast<double>(steps_);
    const double x = lb_ * (1.0 - progress) + ub_ * progress;
    const double upper = 1.0 / (1.0 + std::exp(2.0 * x));   // σ(−2x) = ½(1 − tanh x)
    const double lower = 1.0 / (1.0 + std::exp(-2.0 * x));  // σ(2x) = ½(1 + tanh x)
    return max_ * upper + min_ * lower;
  }

  /// Σ over [first, last): two sums of logistic progressions, then the held min. On a
  /// steep curve (x moving by more than 1/8 per step) the few steps where tanh is not
  /// saturated are summed from operator() itself, so the sum agrees with the values even
  /// where x's own rounding decides a step (|lb|, |ub| near 1e308).
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double min = min_;
    long double total = detail::count(std::max(first, steps_), last) * min;
    const std::int64_t decay_end = std::min(last, steps_);
    if (first >= decay_end) return total;
    const long double slope =
        (static_cast<long double>(ub_) - static_cast<long double>(lb_)) / steps_;
    if (!(std::fabs(slope) > 0.125L)) return total + logistic_part(first, decay_end, slope);
    // |x| <= 30 only within `reach` steps of the zero crossing, widened by the rounding of
    // x in double (< 2^-50·max(|lb|, |ub|)): at most ~240 + 2^-47·steps steps.
    const long double rounding = std::ldexp(std::fmax(std::fabs(lb_), std::fabs(ub_)), -50);
    const long double reach = (30.0L + rounding) / std::fabs(slope) + 2.0L;
    const long double crossing = -static_cast<long double>(lb_) / slope;
    const auto clip = [&](long double t) {
      return static_cast<std::int64_t>(std::clamp(t, static_cast<long double>(first),
                                                  static_cast<long double>(decay_end)));
    };
    const std::int64_t lo = clip(std::floor(crossing - reach));
    const std::int64_t hi = clip(std::ceil(crossing + reach) + 1.0L);
    detail::compensated_sum acc;
    acc.add(logistic_part(first, lo, slope));
    for (std::int64_t t = lo; t < hi; ++t) acc.add(static_cast<long double>((*this)(t)));
    acc.add(logistic_part(hi, decay_end, slope));
    return total + acc.value();
  }

  [[nodiscard]] description describe() const {
    description d{"tanh_decay"};
    d.parameters.reserve(5);  // built in place: no variant moves
    d.parameters.emplace_back("max_value", max_);
    d.parameters.emplace_back("min_value", min_);
    d.parameters.emplace_back("steps", steps_);
    d.parameters.emplace_back("lb", lb_);
    d.parameters.emplace_back("ub", ub_);
    return d;
  }

  [[nodiscard]] std::int64_t length() const noexcept { return steps_; }
  [[nodiscard]] double max_value() const noexcept { return max_; }
  [[nodiscard]] double min_value() const noexcept { return min_; }
  [[nodiscard]] std::int64_t steps() const noexcept { return steps_; }
  [[nodiscard]] double lb() const noexcept { return lb_; }
  [[nodiscard]] double ub() const noexcept { return ub_; }

 private:
  // max·Σσ(−2x_t) + min·Σσ(2x_t) over [first, last) within the decay, x_t = lb + slope·t.
  [[nodiscard]] long double logistic_part(std::int64_t first, std::int64_t last,
                                          long double slope) const noexcept {
    if (first >= last) return 0.0L;
    const long double x0 = static_cast<long double>(lb_) + slope * static_cast<long double>(first);
    const long double n = detail::count(first, last);
    return static_cast<long double>(max_) *
               detail::logistic_progression_sum(-2.0L * x0, -2.0L * slope, n) +
           static_cast<long double>(min_) *
               detail::logistic_progression_sum(2.0L * x0, 2.0L * slope, n);
  }

  double max_;
  double min_;
  std::int64_t steps_;
  double lb_;
  double ub_;
};

}  // namespace lrsched

#endif  // LRSCHED_TANH_HPP
