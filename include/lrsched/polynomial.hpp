// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file polynomial.hpp
/// @brief `polynomial`: decay along a power of the remaining fraction, then hold.
#ifndef LRSCHED_POLYNOMIAL_HPP
#define LRSCHED_POLYNOMIAL_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/power_sum.hpp>

namespace lrsched {

/// @brief Polynomial decay from `init_value` to `end_value` over `steps` steps,
/// holding `end_value` from then on.
///
/// s(t) = init·w + end·(1 − w), w = ((n − t)/n)^power, for 0 ≤ t < n (n = steps);
/// s(t) = end for t ≥ n. The remaining fraction is formed as (n − t)/n, never as
/// 1 − t/n, so it keeps full precision near the end; the convex form keeps a
/// decay to 0 at full relative precision. `power == 1` is `linear`; `power == 0` holds
/// `init_value` for n steps; `steps == 0` is the constant `end_value`.
///
/// Covers optax `polynomial_schedule` (with `transition_begin` as a `chain`
/// prefix), PyTorch `PolynomialLR` (init = base LR, end = 0), Keras
/// `PolynomialDecay` without `cycle`, timm `PolyLRScheduler`'s shape and HF
/// `get_polynomial_decay_schedule_with_warmup` after its warmup.
///
/// Sum: count·end + (init − end)·Σ (u/n)^power over u = n − t (detail::power_sum).
/// For an integer power the Euler–Maclaurin series terminates and equals Faulhaber's
/// formula: exact, evaluated in differences that do not cancel on short ranges far
/// from the origin. For a non-integer power the same series is the asymptotic
/// Hurwitz-zeta expansion, used only where it converges to long-double rounding, with
/// the few small-u terms added directly. Both are accurate to ≈ 1e-18 relative for a
/// decay (init ≥ end ≥ 0); a rising shape (end > init) can lose up to
/// |end|·count/|sum| of that relative precision in the subtraction.
///
/// @code
/// lrsched::polynomial s(1e-3, 1e-5, 10'000, 2.0);
/// s(0);       // 1e-3
/// s(10'000);  // 1e-5
/// @endcode
class polynomial {
 public:
  /// @param init_value the value at step 0; finite.
  /// @param end_value the value from step `steps` on; finite.
  /// @param steps the length of the decay, >= 0.
  /// @param power the exponent of the remaining fraction; finite and >= 0.
  polynomial(double init_value, double end_value, std::int64_t steps, double power)
      : init_(detail::require_finite("polynomial", "init_value", init_value)),
        end_(detail::require_finite("polynomial", "end_value", end_value)),
        steps_(detail::require_steps("polynomial", "steps", steps)),
        power_(detail::require_nonnegative("polynomial", "power", power)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if (t >= steps_) return end_;
    if (t == 0) return init_;
    const double remaining =
        static_cast<double>(steps_ - t) / static_cast<double>(steps_);  // (n − t)/n
    const double w = std::pow(remaining, power_);
    return init_ * w + end_ * (1.0 - w);
  }

  /// Σ over [first, last): the power sum over the decay, then the held end value.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double end = end_;
    long double total = detail::count(std::max(first, steps_), last) * end;
    const std::int64_t decay_end = std::min(last, steps_);
    if (first < decay_end) {
      const long double span = static_cast<long double>(init_) - end;
      total += detail::count(first, decay_end) * end + span * weight_sum(first, decay_end, 1.0L);
    }
    return total;
  }

  /// Σ s(t)² over [first, last): (end + Δ·w)² expanded into power sums of w and w².
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    const long double end = end_;
    long double total = detail::count(std::max(first, steps_), last) * end * end;
    const std::int64_t decay_end = std::min(last, steps_);
    if (first < decay_end) {
      const long double span = static_cast<long double>(init_) - end;
      total += detail::count(first, decay_end) * end * end +
               2.0L * end * span * weight_sum(first, decay_end, 1.0L) +
               span * span * weight_sum(first, decay_end, 2.0L);
    }
    return total;
  }

  [[nodiscard]] description describe() const {
    description d{"polynomial"};
    d.parameters.reserve(4);  // built in place: no variant moves
    d.parameters.emplace_back("init_value", init_);
    d.parameters.emplace_back("end_value", end_);
    d.parameters.emplace_back("steps", steps_);
    d.parameters.emplace_back("power", power_);
    return d;
  }

  [[nodiscard]] std::int64_t length() const noexcept { return steps_; }
  [[nodiscard]] double init_value() const noexcept { return init_; }
  [[nodiscard]] double end_value() const noexcept { return end_; }
  [[nodiscard]] std::int64_t steps() const noexcept { return steps_; }
  [[nodiscard]] double power() const noexcept { return power_; }

 private:
  /// Σ_{t=first}^{last−1} w(t)^multiple for 0 ≤ first < last ≤ n, with u = n − t
  /// running over [n − last + 1, n − first].
  [[nodiscard]] long double weight_sum(std::int64_t first, std::int64_t last,
                                       long double multiple) const noexcept {
    const auto n = static_cast<long double>(steps_);
    return detail::power_sum(multiple * static_cast<long double>(power_),
                             static_cast<long double>(steps_ - last) + 1.0L,
                             detail::count(first, last), n);
  }

  double init_;
  double end_;
  std::int64_t steps_;
  double power_;
};

}  // namespace lrsched

#endif  // LRSCHED_POLYNOMIAL_HPP
