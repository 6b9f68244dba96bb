// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file step.hpp
/// @brief `step_decay` and `multistep`: the learning rate multiplied by gamma at
/// regular intervals or at given milestones.
#ifndef LRSCHED_STEP_HPP
#define LRSCHED_STEP_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/geometric.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/piecewise.hpp>

namespace lrsched {

/// @brief s(t) = init_value · gamma^⌊t / step_size⌋: a drop by gamma every step_size steps.
///
/// The first drop is AT step `step_size`; steps before 0 get init_value. gamma is in
/// [0, 1]: gamma = 0 drops to 0 at step_size and stays there, gamma = 1 is constant. A
/// growing staircase (gamma > 1) is rejected, since it would overflow at large steps:
/// write `exponential(init, rate, step_size, {.staircase = true, .end_value = cap})`.
/// Values are `init * pow(gamma, k)`, never an iterated product; far out they underflow
/// to 0, never NaN. Open-ended (not a FiniteSchedule). Covers PyTorch `StepLR`, timm
/// `StepLRScheduler` without warmup (same formula, `decay_t`/`decay_rate`), Keras
/// `ExponentialDecay(staircase=True)` and optax `exponential_decay(staircase=True)`.
/// Sum: the whole blocks as a geometric series in gamma times step_size, plus the
/// partial blocks at both ends, O(1) (sum of squares: the same in gamma²).
///
/// @code
/// lrsched::step_decay(0.1, 30, 0.1);  // 0.1 for steps 0..29, 0.01 for 30..59, ...
/// @endcode
class step_decay {
 public:
  /// @param init_value the value for steps [0, step_size); finite.
  /// @param step_size the steps between drops; >= 1.
  /// @param gamma the factor of each drop; finite, in [0, 1].
  step_decay(double init_value, std::int64_t step_size, double gamma)
      : init_(detail::require_finite("step_decay", "init_value", init_value)),
        step_size_(detail::require_positive_steps("step_decay", "step_size", step_size)),
        gamma_(gamma) {
    if (!(gamma >= 0.0 && gamma <= 1.0)) {
      detail::reject("step_decay", "gamma",
                     "in [0, 1] (a growing staircase is unbounded: use exponential with "
                     "staircase and an end_value ceiling)",
                     gamma);
    }
    log_gamma_ = std::log(static_cast<long double>(gamma_));
  }

  /// @brief The same staircase, also with gamma > 1: for peers that accept a growing
  /// staircase (PyTorch `StepLR`). Far out its values overflow to infinity.
  /// @param gamma finite and >= 0.
  [[nodiscard]] static step_decay growing(double init_value, std::int64_t step_size, double gamma) {
    step_decay s(init_value, step_size, 1.0);
    s.gamma_ = detail::require_nonnegative("step_decay", "gamma", gamma);
    s.log_gamma_ = std::log(static_cast<long double>(gamma));
    return s;
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return init_ * std::pow(gamma_, static_cast<double>(detail::clamp_step(step) / step_size_));
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return static_cast<long double>(init_) *
           detail::staircase_sum(log_gamma_, step_size_, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    const auto init = static_cast<long double>(init_);
    return init * init * detail::staircase_sum(2.0L * log_gamma_, step_size_, first, last);
  }

  [[nodiscard]] description describe() const {
    return description{"step_decay"}
        .with("init_value", init_)
        .with("step_size", step_size_)
        .with("gamma", gamma_);
  }

  [[nodiscard]] double init_value() const noexcept { return init_; }
  [[nodiscard]] std::int64_t step_size() const noexcept { return step_size_; }
  [[nodiscard]] double gamma() const noexcept { return gamma_; }

 private:
  double init_;
  std::int64_t step_size_;
  double gamma_;
  long double log_gamma_ = 0.0L;
};

/// @brief s(t) = init_value · gamma^(number of milestones <= t): a drop by gamma AT each
/// milestone.
///
/// Like PyTorch's `bisect_right`: the drop happens at the milestone step itself, and a
/// milestone listed twice drops by gamma² (PyTorch counts repeats the same way). timm's
/// `MultiStepLRScheduler` drops one step earlier (at m − 1). Steps before 0 get the value
/// of step 0 (so a milestone at 0 applies to them too). gamma >= 0; gamma > 1 is allowed
/// as long as init_value · gamma^N stays finite (N milestones). The value holds from the
/// last milestone on, so `length()` is that milestone (0 without milestones). Values are
/// `init * pow(gamma, k)`, computed once per block; the block is found by binary search,
/// O(log milestones). Covers PyTorch `MultiStepLR` and optax `piecewise_constant_schedule`
/// with equal scales. Sum: count · value per block, O(milestones).
///
/// @code
/// lrsched::multistep(0.1, {30, 60, 90}, 0.1);
/// @endcode
class multistep {
 public:
  /// @param init_value the value before the first milestone; finite.
  /// @param milestones the steps where the value drops; each >= 0, non-decreasing.
  /// @param gamma the factor of each drop; finite and >= 0.
  multistep(double init_value, std::vector<std::int64_t> milestones, double gamma)
      : init_(detail::require_finite("multistep", "init_value", init_value)),
        gamma_(detail::require_nonnegative("multistep", "gamma", gamma)),
        blocks_(block_table(init_, std::move(milestones), gamma_)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept { return blocks_(step); }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return blocks_.sum(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return blocks_.sum_of_squares(first, last);
  }

  /// The last milestone: the value holds from there on.
  [[nodiscard]] std::int64_t length() const noexcept { return blocks_.length(); }

  [[nodiscard]] description describe() const {
    return description{"multistep"}
        .with("init_value", init_)
        .with("milestones", milestones())
        .with("gamma", gamma_);
  }

  [[nodiscard]] double init_value() const noexcept { return init_; }
  [[nodiscard]] const std::vector<std::int64_t>& milestones() const noexcept {
    return blocks_.boundaries();
  }
  [[nodiscard]] double gamma() const noexcept { return gamma_; }

 private:
  // The same shape as piecewise_constant(milestones, {init·γ⁰, init·γ¹, ..., init·γᴺ}).
  static piecewise_constant block_table(double init, std::vector<std::int64_t> milestones,
                                        double gamma) {
    detail::require_sorted_steps("multistep", "milestones", milestones);
    std::vector<double> values;
    values.reserve(milestones.size() + 1);
    for (std::size_t k = 0; k <= milestones.size(); ++k) {
      values.push_back(init * std::pow(gamma, static_cast<double>(k)));
      if (!std::isfinite(values.back())) {
        detail::reject("multistep", "gamma",
                       "small enough that init_value * gamma^milestones.size() is finite", gamma);
      }
    }
    return piecewise_constant(std::move(milestones), std::move(values));
  }

  double init_;
  double gamma_;
  piecewise_constant blocks_;
};

}  // namespace lrsched

#endif  // LRSCHED_STEP_HPP
