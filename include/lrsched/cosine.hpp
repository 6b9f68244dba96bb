// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file cosine.hpp
/// @brief `cosine`: a half-cosine from a peak value to an end value, then hold.
#ifndef LRSCHED_COSINE_HPP
#define LRSCHED_COSINE_HPP

#include <cmath>
#include <cstdint>

#include <lrsched/detail/describe_fwd.hpp>
#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/minmax.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>

namespace lrsched {

/// @brief Cosine decay (or rise) from `peak_value` at step 0 to `end_value` at step
/// `steps`, holding `end_value` from then on.
///
/// s(t) = end + (peak − end)·c(t)^exponent for 0 <= t < n, n = steps, with
/// c(t) = ½(1 + cos(πt/n)) evaluated as cos²(πt/(2n)) (and as sin²(π(n − t)/(2n))
/// past the middle), so the shape keeps full relative precision as it reaches an
/// end value of 0; s(t) = end for t >= n. s(0) = peak and s(n) = end exactly, a
/// decay never rises and a rise never falls. `steps == 0` is the constant
/// `end_value`. Covers optax `cosine_decay_schedule` (end = alpha·init_value,
/// with its exponent), Keras `CosineDecay` without warmup (end = alpha·initial),
/// and the cosine part of HF `cosine`, timm `CosineLRScheduler`, DeepSpeed
/// `WarmupCosineLR` and Megatron `cosine` (min_lr as the end value); prefix a ramp
/// with `warmup`. Sum: end·m + (peak − end)·Σ c^exponent (the non-negative
/// two-term form lo·m + |peak − end|·Σ ω), with Σ c in O(1) by the Dirichlet kernel
/// (relative error ~1e-18 on any range, see detail/cosine_sum.hpp), integer
/// exponents up to 24 by a cosine series (sums of squares up to 12), and other
/// exponents by the Euler–Maclaurin formula with a Gauss–Legendre integral (an
/// approximation: relative error below 1e-13 where the shape changes by less than a
/// quarter per step, measured against long-double loops; `approximate_sums()` says when
/// it is used); over every `stride`-th step (`sum_strided`) in O(1) for exponent 1, by
/// the same Euler–Maclaurin formula otherwise. Every sum takes at most a few thousand
/// evaluations, whatever the range.
///
/// @code
/// lrsched::cosine(3e-4, 3e-5, 100'000)(50'000);  // 1.65e-4: halfway between the two
/// @endcode
class cosine {
 public:
  /// @param peak_value the value at step 0; finite.
  /// @param end_value the value from step `steps` on; finite.
  /// @param steps the length of the decay, >= 0.
  /// @param exponent the power of the cosine shape c(t); finite and > 0 (1 = plain cosine).
  cosine(double peak_value, double end_value, std::int64_t steps, double exponent = 1.0)
      : peak_(detail::require_finite("cosine", "peak_value", peak_value)),
        end_(detail::require_finite("cosine", "end_value", end_value)),
        steps_(detail::require_steps("cosine", "steps", steps)),
        exponent_(detail::require_positive("cosine", "exponent", exponent)),
        angle_(detail::quarter_wave_angle<double>(steps)),
        decreasing_(peak_value >= end_value),
        low_(detail::min_of(peak_value, end_value)),
        high_(detail::max_of(peak_value, end_value)),
        difference_(static_cast<long double>(high_) - static_cast<long double>(low_)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    if (step >= steps_) return end_;
    if (step <= 0) return steps_ > 0 ? peak_ : end_;
    return at_local(step);
  }
  /// s(step) for 0 <= step < steps(), unchecked (a chain calls it inside the decay).
  [[nodiscard]] double at_local(std::int64_t step) const noexcept {
    if (step == 0) return peak_;
    // low + |peak − end|·ω with ω = c^p (decay) or 1 − c^p (rise): monotone in ω, never
    // overflowing (long double), and accurate where the value approaches either end.
    const double weight = decreasing_
                              ? detail::cosine_weight(step, steps_, angle_, exponent_)
                              : detail::cosine_weight_complement(step, steps_, angle_, exponent_);
    const auto value = static_cast<double>(static_cast<long double>(low_) + difference_ * weight);
    return detail::clamp_to(value, low_, high_);
  }

  /// Σ over [first, last): low·m + |peak − end|·Σ ω on the decay, then the held end value.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    long double total = 0.0L;
    const std::int64_t decay_end = detail::min_of(last, steps_);
    if (first < decay_end) {
      const long double weights =
          detail::cosine_weight_sum(first, decay_end, steps_, exponent_, 1, !decreasing_);
      total +=
          static_cast<long double>(low_) * detail::count(first, decay_end) + difference_ * weights;
    }
    total += detail::count(detail::max_of(first, steps_), last) * static_cast<long double>(end_);
    return total;
  }

  /// Σ over t = first, first + stride, ... below last: low·m + |peak − end|·Σ ω over the
  /// decay's terms (in O(1) for exponent 1, term by term otherwise), then the held end value.
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    const auto terms = static_cast<std::int64_t>(detail::progression_count(first, last, stride));
    const auto decay_terms =
        static_cast<std::int64_t>(detail::progression_count(first, detail::min_of(last, steps_), stride));
    long double total =
        static_cast<long double>(terms - decay_terms) * static_cast<long double>(end_);
    if (decay_terms == 0) return total;
    long double weights = 0.0L;
    if (exponent_ == 1.0) {
      weights =
          detail::cosine_weight_progression_sum(first, stride, decay_terms, steps_, !decreasing_);
    } else {
      weights = detail::cosine_weight_progression_any_exponent(
          first, stride, decay_terms, steps_, static_cast<long double>(exponent_), 1,
          !decreasing_);
    }
    return total + static_cast<long double>(low_) * static_cast<long double>(decay_terms) +
           difference_ * weights;
  }

  /// Σ s(t)² over [first, last): low²·m + 2·low·|peak − end|·Σ ω + (peak − end)²·Σ ω².
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    long double total = 0.0L;
    const std::int64_t decay_end = detail::min_of(last, steps_);
    if (first < decay_end) {
      const auto low = static_cast<long double>(low_);
      const long double weights =
          detail::cosine_weight_sum(first, decay_end, steps_, exponent_, 1, !decreasing_);
      const long double squares =
          detail::cosine_weight_sum(first, decay_end, steps_, exponent_, 2, !decreasing_);
      total += low * low * detail::count(first, decay_end) + 2.0L * low * difference_ * weights +
               difference_ * difference_ * squares;
    }
    const auto e = static_cast<long double>(end_);
    total += detail::count(detail::max_of(first, steps_), last) * e * e;
    return total;
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"cosine"}
        .with("peak_value", peak_)
        .with("end_value", end_)
        .with("steps", steps_)
        .with("exponent", exponent_);
  }

  /// True when `sum` or `sum_of_squares` may use the Euler–Maclaurin approximation
  /// (an exponent that is not an integer, or above 12 for sums of squares and above 24
  /// for sums) rather than a closed form. `sum_strided` uses it for every exponent but 1.
  [[nodiscard]] bool approximate_sums() const noexcept {
    return exponent_ != std::floor(exponent_) ||
           2.0 * exponent_ > static_cast<double>(detail::max_closed_form_power);
  }

  [[nodiscard]] constexpr std::int64_t length() const noexcept { return steps_; }
  [[nodiscard]] constexpr double peak_value() const noexcept { return peak_; }
  [[nodiscard]] constexpr double end_value() const noexcept { return end_; }
  [[nodiscard]] constexpr std::int64_t steps() const noexcept { return steps_; }
  [[nodiscard]] constexpr double exponent() const noexcept { return exponent_; }

 private:
  double peak_;
  double end_;
  std::int64_t steps_;
  double exponent_;
  double angle_;  // π / (2 steps)
  bool decreasing_;
  double low_;
  double high_;
  long double difference_;  // high − low, exact enough and never overflowing
};

}  // namespace lrsched

#endif  // LRSCHED_COSINE_HPP
