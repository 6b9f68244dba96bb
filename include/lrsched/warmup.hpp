// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file warmup.hpp
/// @brief `warmup`: a ramp in front of any schedule, ending at that schedule's start value.
#ifndef LRSCHED_WARMUP_HPP
#define LRSCHED_WARMUP_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <lrsched/concepts.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/geometric.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief The shape of a warmup ramp from its start value r₀ to the target r₁ over w steps.
enum class warmup_shape {
  linear,       ///< (r₀·(w − t) + r₁·t)/w, the exact two-product form of `linear`
  cosine,       ///< r₀ + (r₁ − r₀)·sin²(πt/(2w)): a `cosine` from r₀ to r₁
  exponential,  ///< r₀·(r₁/r₀)^{t/w}: constant ratio per step; needs r₀ > 0 and r₁ > 0
};

/// @brief The snake_case name of a warmup shape: "linear", "cosine" or "exponential".
inline constexpr std::string_view warmup_shape_names[] = {"linear", "cosine", "exponential"};
[[nodiscard]] constexpr std::string_view to_string(warmup_shape shape) noexcept {
  return detail::enum_name(shape, warmup_shape_names);
}

namespace detail {

/// start·(target/start)^{t/steps} for 0 <= t < steps, then target; start, target > 0.
/// Evaluated as start·e^{λt}, λ = log1p((target − start)/start)/steps; summed as a
/// geometric series with expm1 (detail::geometric_sum), exact to rounding for any rate.
class exponential_ramp {
 public:
  exponential_ramp(double start, double target, std::int64_t steps) noexcept
      : start_(start),
        target_(target),
        steps_(steps),
        log_rate_(steps > 0 ? std::log1p((static_cast<long double>(target) - start) / start) /
                                  static_cast<long double>(steps)
                            : 0.0L) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    if (step >= steps_) return target_;
    if (step <= 0) return start_;
    const auto value = static_cast<double>(static_cast<long double>(start_) *
                                           std::exp(log_rate_ * static_cast<long double>(step)));
    return std::clamp(value, std::min(start_, target_), std::max(start_, target_));
  }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return power_sum(1, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return power_sum(2, first, last);
  }

 private:
  /// Σ s(t)^k over [first, last), 0 <= first: start^k Σ e^{kλt} on the ramp, then target^k.
  [[nodiscard]] long double power_sum(int k, std::int64_t first, std::int64_t last) const noexcept {
    const auto start = static_cast<long double>(start_);
    const auto target = static_cast<long double>(target_);
    const long double start_k = k == 1 ? start : start * start;
    const long double target_k = k == 1 ? target : target * target;
    const std::int64_t ramp_end = std::min(last, steps_);
    long double total = 0.0L;
    if (first < ramp_end) {
      total += start_k * geometric_sum(static_cast<long double>(k) * log_rate_, first, ramp_end);
    }
    return total + count(std::max(first, steps_), last) * target_k;
  }

  double start_;
  double target_;
  std::int64_t steps_;
  long double log_rate_;
};

}  // namespace detail

/// @brief A warmup ramp of `warmup_steps` steps from `start_value` to `schedule(0)`,
/// then `schedule` on its own clock: s(t) = ramp(t) for t < w, schedule(t − w) for t >= w.
///
/// The ramp ends exactly where the schedule starts (s(w) = schedule(0)), the rule
/// of HF `get_*_schedule_with_warmup`, timm's `warmup_t`/`warmup_lr_init`, optax
/// `warmup_cosine_decay_schedule`, Keras `CosineDecay(warmup_target, warmup_steps)`
/// and Megatron's `lr_warmup_*`; their decay then runs for (total − warmup) steps. Shapes (see
/// `warmup_shape`): linear (the default; with start 0 it is HF's t/w), cosine, exponential.
/// `warmup_steps
/// == 0` is the schedule itself; steps before 0 evaluate as step 0. Sum: the ramp
/// in closed form (arithmetic series, the Dirichlet-kernel cosine sum, or a geometric
/// series) plus the schedule's own sum over the shifted range.
///
/// @code
/// // 2'000 linear warmup steps from 0 to 3e-4, then a cosine decay over 98'000 steps.
/// auto s = lrsched::warmup(2'000, lrsched::cosine(3e-4, 3e-5, 98'000));
/// @endcode
template <Schedule S>
class warmed_up {
 public:
  /// @param warmup_steps the length of the ramp, >= 0.
  /// @param schedule the schedule played after the ramp; its value at step 0 is the
  ///        ramp's target and must be finite.
  /// @param start_value the value at step 0; finite; > 0 (like the target) for an
  ///        exponential ramp of at least one step.
  /// @param shape the ramp's shape.
  warmed_up(std::int64_t warmup_steps, S schedule, double start_value = 0.0,
            warmup_shape shape = warmup_shape::linear)
      : warmup_steps_(detail::require_steps("warmup", "warmup_steps", warmup_steps)),
        schedule_(std::move(schedule)),
        start_(detail::require_finite("warmup", "start_value", start_value)),
        shape_(shape),
        ramp_(make_ramp(warmup_steps_, static_cast<double>(schedule_(0)), start_, shape_)) {
    if constexpr (FiniteSchedule<S>) {
      const auto inner = static_cast<std::int64_t>(schedule_.length());
      if (inner > std::numeric_limits<std::int64_t>::max() - warmup_steps_) {
        detail::reject("warmup", "warmup_steps",
                       "small enough that warmup plus schedule fits in int64", warmup_steps_);
      }
    }
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if (t >= warmup_steps_) return static_cast<double>(schedule_(t - warmup_steps_));
    return std::visit([t](const auto& ramp) { return ramp(t); }, ramp_);
  }

  /// Σ over [first, last): the ramp's closed form on [0, w), the schedule's sum after it.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return split_sum<false>(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return split_sum<true>(first, last);
  }

  /// The ramp plus the schedule's length, when the schedule is finite.
  [[nodiscard]] std::int64_t length() const noexcept requires FiniteSchedule<S> {
    return warmup_steps_ + static_cast<std::int64_t>(schedule_.length());
  }

  /// Kind "warmup": parameters warmup_steps, start_value, shape; slot "schedule".
  [[nodiscard]] description describe() const {
    return description{"warmup"}
        .with("warmup_steps", warmup_steps_)
        .with("start_value", start_)
        .with("shape", std::string(to_string(shape_)))
        .with_child("schedule", detail::describe(schedule_));
  }

  [[nodiscard]] std::int64_t warmup_steps() const noexcept { return warmup_steps_; }
  [[nodiscard]] double start_value() const noexcept { return start_; }
  [[nodiscard]] warmup_shape shape() const noexcept { return shape_; }
  [[nodiscard]] const S& schedule() const noexcept { return schedule_; }

 private:
  using ramp_type = std::variant<linear, cosine, detail::exponential_ramp>;

  static ramp_type make_ramp(std::int64_t steps, double target, double start, warmup_shape shape) {
    if (!std::isfinite(target)) {
      detail::reject("warmup", "schedule", "finite at step 0 (the ramp's target)", target);
    }
    switch (shape) {
      case warmup_shape::cosine:
        return cosine(start, target, steps);
      case warmup_shape::exponential:
        if (steps > 0 && !(start > 0.0 && target > 0.0)) {
          detail::reject("warmup", "start_value",
                         detail::quoting("> 0, with the schedule's start value (", target,
                                         ") > 0 too, for an exponential ramp"),
                         start);
        }
        return detail::exponential_ramp(start, target, steps);
      case warmup_shape::linear:
        break;
    }
    return linear(start, target, steps);
  }

  template <bool Squares>
  [[nodiscard]] long double split_sum(std::int64_t first, std::int64_t last) const noexcept {
    long double total = 0.0L;
    const std::int64_t ramp_end = std::min(last, warmup_steps_);
    if (first < ramp_end) {
      total += std::visit(
          [&](const auto& ramp) -> long double {
            if constexpr (Squares) {
              return ramp.sum_of_squares(first, ramp_end);
            } else {
              return ramp.sum(first, ramp_end);
            }
          },
          ramp_);
    }
    if (last > warmup_steps_) {
      const std::int64_t begin = std::max(first, warmup_steps_) - warmup_steps_;
      if constexpr (Squares) {
        total += detail::sum_of_squares_ld(schedule_, begin, last - warmup_steps_);
      } else {
        total += detail::sum_ld(schedule_, begin, last - warmup_steps_);
      }
    }
    return total;
  }

  std::int64_t warmup_steps_;
  S schedule_;
  double start_;
  warmup_shape shape_;
  ramp_type ramp_;
};

/// @brief Prefix `schedule` with a `warmup_steps` ramp from `start_value` to
/// `schedule(0)`; see `warmed_up`.
template <Schedule S>
[[nodiscard]] warmed_up<S> warmup(std::int64_t warmup_steps, S schedule, double start_value = 0.0,
                                  warmup_shape shape = warmup_shape::linear) {
  return warmed_up<S>(warmup_steps, std::move(schedule), start_value, shape);
}

}  // namespace lrsched

#endif  // LRSCHED_WARMUP_HPP
