// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file exponential.hpp
/// @brief `exponential`: continuous or staircase exponential decay, optionally
/// delayed and bounded.
#ifndef LRSCHED_EXPONENTIAL_HPP
#define LRSCHED_EXPONENTIAL_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/geometric.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// @brief The optional parts of an `exponential` schedule, written with designated
/// initializers: `{.staircase = true, .transition_begin = 20, .end_value = 1e-5}`.
struct exponential_options {
  /// Decay in whole multiples of `decay_rate`, once every `decay_steps` steps.
  bool staircase = false;
  /// Hold `init_value` until this step (>= 0); the decay starts from it.
  std::int64_t transition_begin = 0;
  /// A floor when `decay_rate < 1`, a ceiling when `decay_rate >= 1`; required
  /// when `decay_rate > 1` (the growth would otherwise overflow).
  std::optional<double> end_value = std::nullopt;
};

/// @brief Exponential decay: init_value · decay_rate^p, p = (t − transition_begin) / decay_steps.
///
/// s(t) = init for t <= B (B = transition_begin); s(t) = init · rate^p for t > B, with
/// p = (t − B) / decay_steps, floored when `staircase`. With an `end_value` e, the value
/// is max(s, e) when rate < 1 and min(s, e) when rate >= 1, at every step (also before
/// B). Every value is the closed form `init * pow(rate, p)`, never an iterated product, so
/// there is no drift. Open-ended: not a FiniteSchedule (it approaches its bound, or 0,
/// without holding a final value from a fixed step on). Never NaN or infinite at any int64
/// step: a rate below 1 underflows to 0 (or the floor); a rate above 1 needs an end_value.
///
/// Covers optax `exponential_decay` (same parameters and clipping; optax treats rate 0 as
/// constant, lrsched rejects it), Keras `ExponentialDecay` (B = 0, no bound), PyTorch
/// `ExponentialLR` (`exponential(base_lr, gamma)`), timm/PyTorch `StepLR` as a staircase
/// (see also `step_decay`).
///
/// Sum: a geometric series in q = rate^{1/decay_steps}, Σ_{k=a}^{b−1} q^k =
/// q^a·expm1(m ln q)/expm1(ln q), accurate for rates within 1e-9 of 1; staircase: the
/// whole blocks as a geometric series in rate times the block length, plus the partial
/// blocks at both ends. With an end_value the range is split at the step where the bound
/// takes over (found once at construction from a logarithm, then settled by evaluating
/// s itself, so the sum agrees with s(t) at every step). O(1).
///
/// @code
/// lrsched::exponential(0.1, 0.5, 25, {.staircase = true, .transition_begin = 20});
/// lrsched::exponential(3e-4, 0.999);  // per-step gamma, PyTorch ExponentialLR shape
/// @endcode
class exponential {
 public:
  /// @param init_value the value up to `transition_begin`; finite (> 0 when decay_rate > 1).
  /// @param decay_rate the factor per `decay_steps` steps; finite and > 0.
  /// @param decay_steps the steps over which the value is multiplied by decay_rate; >= 1.
  /// @param options staircase, transition_begin (>= 0) and end_value (finite).
  exponential(double init_value, double decay_rate, std::int64_t decay_steps,
              exponential_options options = {})
      : exponential(init_value, decay_rate, "decay_rate", decay_steps, options) {}

  /// @brief The per-step form s(t) = init_value · gamma^t (decay_steps = 1).
  /// @param gamma the factor per step; finite, > 0 and <= 1.
  exponential(double init_value, double gamma) : exponential(init_value, gamma, "gamma", 1, {}) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const double raw = unbounded(detail::clamp_step(step));
    if (!end_) return raw;
    return rate_ < 1.0 ? std::max(raw, *end_) : std::min(raw, *end_);
  }

  /// Σ over [first, last): geometric (or staircase) series, split where the bound takes over.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return total(first, last, 1);
  }
  /// Σ s(t)²: the same series with the rate squared.
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return total(first, last, 2);
  }

  [[nodiscard]] description describe() const {
    auto d = description{"exponential"}
                 .with("init_value", init_)
                 .with("decay_rate", rate_)
                 .with("decay_steps", decay_steps_)
                 .with("staircase", staircase_)
                 .with("transition_begin", transition_begin_);
    if (end_) d.with("end_value", *end_);
    return d;
  }

  [[nodiscard]] double init_value() const noexcept { return init_; }
  [[nodiscard]] double decay_rate() const noexcept { return rate_; }
  [[nodiscard]] std::int64_t decay_steps() const noexcept { return decay_steps_; }
  [[nodiscard]] bool staircase() const noexcept { return staircase_; }
  [[nodiscard]] std::int64_t transition_begin() const noexcept { return transition_begin_; }
  [[nodiscard]] std::optional<double> end_value() const noexcept { return end_; }
  [[nodiscard]] exponential_options options() const noexcept {
    return {staircase_, transition_begin_, end_};
  }

 private:
  exponential(double init_value, double decay_rate, std::string_view rate_name,
              std::int64_t decay_steps, const exponential_options& options)
      : init_(detail::require_finite("exponential", "init_value", init_value)),
        rate_(detail::require_positive("exponential", rate_name, decay_rate)),
        decay_steps_(detail::require_positive_steps("exponential", "decay_steps", decay_steps)),
        staircase_(options.staircase),
        transition_begin_(
            detail::require_steps("exponential", "transition_begin", options.transition_begin)),
        end_(options.end_value),
        log_rate_(std::log(static_cast<long double>(decay_rate))) {
    if (end_) detail::require_finite("exponential", "end_value", *end_);
    if (rate_ > 1.0) {
      if (!end_) {
        detail::reject("exponential", rate_name,
                       "<= 1 without an end_value (a growing exponential is unbounded; give "
                       "end_value as its ceiling)",
                       rate_);
      }
      if (!(init_ > 0.0)) {
        detail::reject("exponential", "init_value", "> 0 when decay_rate > 1", init_);
      }
    }
    if (end_) {
      bound_at_start_ = bounded(0);
      crossing_ = detail::first_change(
          [this](std::int64_t t) { return bounded(t) != bound_at_start_; }, crossing_estimate());
    }
  }

  // init · rate^p without the bound: what optax computes before clipping.
  [[nodiscard]] double unbounded(std::int64_t t) const noexcept {
    if (t <= transition_begin_) return init_;
    const std::int64_t k = t - transition_begin_;
    const double p = staircase_ ? static_cast<double>(k / decay_steps_)
                                : static_cast<double>(k) / static_cast<double>(decay_steps_);
    return init_ * std::pow(rate_, p);
  }

  // Whether s(t) is the bound itself. Monotone in t, because the unbounded value is.
  [[nodiscard]] bool bounded(std::int64_t t) const noexcept {
    const double raw = unbounded(t);
    return rate_ < 1.0 ? raw <= *end_ : raw >= *end_;
  }

  // Where init·rate^p meets end_value: p* = ln(end/init) / ln(rate).
  [[nodiscard]] std::int64_t crossing_estimate() const noexcept {
    const double ratio = *end_ / init_;
    if (!(ratio > 0.0) || rate_ == 1.0) return transition_begin_;
    double p = std::log(ratio) / std::log(rate_);
    if (staircase_) p = std::ceil(p);
    const double t = static_cast<double>(transition_begin_) + p * static_cast<double>(decay_steps_);
    if (!(t > 0.0)) return 0;
    if (t >= 9.2e18) return std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(t);
  }

  // Σ s(t)^power over [first, last), power 1 or 2.
  [[nodiscard]] long double total(std::int64_t first, std::int64_t last, int power) const noexcept {
    if (!end_) return unbounded_total(first, last, power);
    const std::int64_t split = std::clamp(crossing_, first, last);
    const auto part = [&](std::int64_t a, std::int64_t b, bool bound) {
      if (!bound) return unbounded_total(a, b, power);
      const auto e = static_cast<long double>(*end_);
      return detail::count(a, b) * (power == 1 ? e : e * e);
    };
    return part(first, split, bound_at_start_) + part(split, last, !bound_at_start_);
  }

  [[nodiscard]] long double unbounded_total(std::int64_t first, std::int64_t last,
                                            int power) const noexcept {
    if (last <= first) return 0.0L;
    const auto init = static_cast<long double>(init_);
    const long double scale = power == 1 ? init : init * init;
    // Steps before transition_begin hold init; from it on, k = t − B counts decay steps.
    long double result = detail::count(first, std::min(last, transition_begin_)) * scale;
    const std::int64_t k_first = std::max(first, transition_begin_) - transition_begin_;
    const std::int64_t k_last = last - transition_begin_;
    if (k_first < k_last) {
      const long double log_rate = power * log_rate_;
      result += scale * (staircase_ ? detail::staircase_sum(log_rate, decay_steps_, k_first, k_last)
                                    : detail::geometric_sum(
                                          log_rate / static_cast<long double>(decay_steps_),
                                          k_first, k_last));
    }
    return result;
  }

  double init_;
  double rate_;
  std::int64_t decay_steps_;
  bool staircase_;
  std::int64_t transition_begin_;
  std::optional<double> end_;
  long double log_rate_;
  // With an end_value: whether s(0) is the bound, and the first step where that flips
  // (int64 max when it never does).
  bool bound_at_start_ = false;
  std::int64_t crossing_ = std::numeric_limits<std::int64_t>::max();
};

}  // namespace lrsched

#endif  // LRSCHED_EXPONENTIAL_HPP
