// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file linear.hpp
/// @brief `linear`: a straight ramp between two values, then hold.
#ifndef LRSCHED_LINEAR_HPP
#define LRSCHED_LINEAR_HPP

#include <cstdint>

#include <lrsched/detail/describe_fwd.hpp>
#include <lrsched/detail/minmax.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>

namespace lrsched {

/// @brief A linear ramp from `start_value` at step 0 to `end_value` at step
/// `steps`, holding `end_value` from then on.
///
/// s(t) = (start·(n − t) + end·t) / n for 0 ≤ t < n, with n = steps; s(t) = end
/// for t ≥ n. The two-product form is exact at both ends and keeps full
/// relative precision when a ramp decays to 0; where the products overflow double
/// (values near ±DBL_MAX) it is evaluated in long double, so every value is finite. `steps == 0` is the constant
/// `end_value`. Sum: arithmetic series (also `sum_strided`). Covers linear
/// warmup and linear decay: PyTorch `LinearLR` (times the base LR), optax
/// `linear_schedule`, HF `linear`, Keras `PolynomialDecay(power=1)`,
/// DeepSpeed `WarmupDecayLR`'s pieces, Megatron `linear`.
class linear {
 public:
  /// @param start_value the value at step 0; finite.
  /// @param end_value the value from step `steps` on; finite.
  /// @param steps the length of the ramp, >= 0.
  linear(double start_value, double end_value, std::int64_t steps)
      : start_(detail::require_finite("linear", "start_value", start_value)),
        end_(detail::require_finite("linear", "end_value", end_value)),
        steps_(detail::require_steps("linear", "steps", steps)) {}

  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    if (step >= steps_ || steps_ == 0) return end_;
    if (step <= 0) return start_;
    const auto t = static_cast<double>(step);
    const auto remaining = static_cast<double>(steps_ - step);
    const double value = (start_ * remaining + end_ * t) / static_cast<double>(steps_);
    // The products overflow double only for values near ±DBL_MAX (the value itself lies
    // between start and end, so it is finite): redo those in long double.
    if (value - value == 0.0) return value;
    return static_cast<double>((static_cast<long double>(start_) * remaining +
                                static_cast<long double>(end_) * t) /
                               static_cast<long double>(steps_));
  }
  /// s(step) for 0 <= step < steps(), unchecked (a chain calls it inside the ramp).
  [[nodiscard]] constexpr double at_local(std::int64_t step) const noexcept {
    if (step == 0) return start_;
    const auto t = static_cast<double>(step);
    const auto remaining = static_cast<double>(steps_ - step);
    return (start_ * remaining + end_ * t) / static_cast<double>(steps_);
  }

  /// Σ over [first, last): arithmetic series on the ramp, then the held end value.
  [[nodiscard]] constexpr long double sum(std::int64_t first, std::int64_t last) const noexcept {
    long double total = 0.0L;
    const std::int64_t ramp_end = detail::min_of(last, steps_);
    if (first < ramp_end) {
      // Σ (start (n - t) + end t) / n = (start Σ(n - t) + end Σt) / n; both sums are of
      // non-negative terms, formed directly (no difference of prefix sums).
      const long double n = static_cast<long double>(steps_);
      const long double m = detail::count(first, ramp_end);
      const auto lo = static_cast<long double>(first);
      const auto hi = static_cast<long double>(ramp_end - 1);
      const long double sum_t = m * (lo + hi) / 2.0L;
      const long double sum_rest = m * ((n - lo) + (n - hi)) / 2.0L;
      total +=
          (static_cast<long double>(start_) * sum_rest + static_cast<long double>(end_) * sum_t) /
          n;
    }
    total += detail::count(detail::max_of(first, steps_), last) * static_cast<long double>(end_);
    return total;
  }

  /// Σ over t = first, first + stride, ... below last: the ramp's terms as an arithmetic
  /// series in t, then the held end value times the number of later terms.
  [[nodiscard]] constexpr long double sum_strided(std::int64_t first, std::int64_t last,
                                                  std::int64_t stride) const noexcept {
    const std::uint64_t terms = detail::progression_count(first, last, stride);
    const std::uint64_t ramp_terms =
        detail::progression_count(first, detail::min_of(last, steps_), stride);
    long double total =
        static_cast<long double>(terms - ramp_terms) * static_cast<long double>(end_);
    if (ramp_terms > 0) {
      // t_k = first + k·stride, k < m: Σ t_k = m·first + stride·m(m−1)/2 and
      // Σ (n − t_k) = m·(n − t_{m−1}) + stride·m(m−1)/2, both sums of non-negative terms.
      const auto m = static_cast<long double>(ramp_terms);
      const long double spread = static_cast<long double>(stride) * m * (m - 1.0L) / 2.0L;
      const long double last_term =
          static_cast<long double>(first) + (m - 1.0L) * static_cast<long double>(stride);
      const long double n = static_cast<long double>(steps_);
      const long double sum_t = m * static_cast<long double>(first) + spread;
      const long double sum_rest = m * (n - last_term) + spread;
      total +=
          (static_cast<long double>(start_) * sum_rest + static_cast<long double>(end_) * sum_t) /
          n;
    }
    return total;
  }

  /// Σ s(t)² over [first, last): a quadratic in t summed with Faulhaber's formulas.
  [[nodiscard]] constexpr long double sum_of_squares(std::int64_t first,
                                                     std::int64_t last) const noexcept {
    long double total = 0.0L;
    const std::int64_t ramp_end = detail::min_of(last, steps_);
    if (first < ramp_end) {
      // About the range's centre c: s(t) = s(c) + b (t − c) with b = (end − start) / n, and
      // the cross term vanishes, so Σ s² = m·s(c)² + b²·m(m² − 1)/12: no cancellation.
      const long double n = static_cast<long double>(steps_);
      const long double m = detail::count(first, ramp_end);
      const long double c =
          (static_cast<long double>(first) + static_cast<long double>(ramp_end - 1)) / 2.0L;
      const long double centre =
          (static_cast<long double>(start_) * (n - c) + static_cast<long double>(end_) * c) / n;
      const long double b = (static_cast<long double>(end_) - start_) / n;
      total += m * centre * centre + b * b * m * (m * m - 1.0L) / 12.0L;
    }
    const auto e = static_cast<long double>(end_);
    total += detail::count(detail::max_of(first, steps_), last) * e * e;
    return total;
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"linear"}
        .with("start_value", start_)
        .with("end_value", end_)
        .with("steps", steps_);
  }

  [[nodiscard]] constexpr std::int64_t length() const noexcept { return steps_; }
  [[nodiscard]] constexpr double start_value() const noexcept { return start_; }
  [[nodiscard]] constexpr double end_value() const noexcept { return end_; }
  [[nodiscard]] constexpr std::int64_t steps() const noexcept { return steps_; }

 private:
  double start_;
  double end_;
  std::int64_t steps_;
};

}  // namespace lrsched

#endif  // LRSCHED_LINEAR_HPP
