// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file compose.hpp
/// @brief Value-level composition: scale, product, clamp and shift.
///
/// Every composite is itself a `Schedule` with a concrete type, so a composed
/// expression is inlined as if written by hand. Sums stay closed-form where
/// the algebra allows (scale, shift, a product with a `constant`); a general
/// product or a clamp has no closed form and sums by compensated summation.
#ifndef LRSCHED_COMPOSE_HPP
#define LRSCHED_COMPOSE_HPP

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/detail/describe_fwd.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

namespace detail {
/// The steps where a composite can check its values at construction: step 0 and, for a
/// schedule that holds from some step on, that step (its value from there to int64's end).
template <Schedule S>
std::vector<std::int64_t> known_steps(const S& s) {
  std::vector<std::int64_t> steps{0};
  if (const auto hold = optional_length(s); hold && *hold > 0) steps.push_back(*hold);
  return steps;
}
}  // namespace detail

/// @brief s(t) = factor · inner(t). Sum: factor · Σ inner. The shape of the
/// factor-style peers (PyTorch `LambdaLR`, HF lambdas): `base_lr * factor_schedule`.
/// A factor that overflows the value at step 0 or at the hold is rejected naming
/// "factor"; anywhere else the value saturates at ±DBL_MAX (it is never infinite).
template <Schedule S>
class scaled {
 public:
  scaled(S inner, double factor)
      : inner_(std::move(inner)), factor_(detail::require_finite("scale", "factor", factor)) {
    for (const std::int64_t step : detail::known_steps(inner_)) {
      detail::require_finite_product("scale", "factor", "factor × schedule", step, factor_,
                                     static_cast<double>(inner_(step)), factor_);
    }
  }

  /// factor·inner(t), saturated to ±DBL_MAX where it would overflow between the steps
  /// checked at construction.
  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return detail::saturated_product(factor_, static_cast<double>(inner_(step)));
  }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return static_cast<long double>(factor_) * detail::sum_ld(inner_, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    const auto f = static_cast<long double>(factor_);
    return f * f * detail::sum_of_squares_ld(inner_, first, last);
  }
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    return static_cast<long double>(factor_) * detail::sum_strided_ld(inner_, first, last, stride);
  }
  [[nodiscard]] constexpr std::int64_t length() const noexcept requires FiniteSchedule<S> {
    return inner_.length();
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"scale"}
        .with("factor", factor_)
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] constexpr const S& inner() const noexcept { return inner_; }
  [[nodiscard]] constexpr double factor() const noexcept { return factor_; }

 private:
  S inner_;
  double factor_;
};

namespace detail {
template <class S>
concept finite_or_constant = FiniteSchedule<S> || std::same_as<S, constant>;
template <class S>
constexpr std::int64_t length_or_zero(const S& s) noexcept {
  if constexpr (FiniteSchedule<S>) {
    return static_cast<std::int64_t>(s.length());
  } else {
    return 0;  // a constant holds from the start
  }
}
}  // namespace detail

/// @brief s(t) = left(t) · right(t). A product with a `constant` on either
/// side keeps the closed-form sum; any other product sums by compensated
/// summation (there is no closed form for a product of two general shapes), over
/// the steps before it holds its final value when both factors are finite.
/// Factors whose product overflows at step 0 or where either holds are rejected naming
/// "factors"; anywhere else the value saturates at ±DBL_MAX.
template <Schedule L, Schedule R>
class product {
 public:
  product(L left, R right) : left_(std::move(left)), right_(std::move(right)) {
    auto steps = detail::known_steps(left_);
    const auto more = detail::known_steps(right_);
    steps.insert(steps.end(), more.begin(), more.end());
    for (const std::int64_t step : steps) {
      const auto a = static_cast<double>(left_(step));
      const auto b = static_cast<double>(right_(step));
      detail::require_finite_product("product", "factors", "the product", step, a, b, a * b);
    }
  }

  /// left(t)·right(t), saturated to ±DBL_MAX where it would overflow between the steps
  /// checked at construction.
  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return detail::saturated_product(static_cast<double>(left_(step)),
                                     static_cast<double>(right_(step)));
  }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    if constexpr (std::same_as<L, constant>) {
      return static_cast<long double>(left_.value()) * detail::sum_ld(right_, first, last);
    } else if constexpr (std::same_as<R, constant>) {
      return static_cast<long double>(right_.value()) * detail::sum_ld(left_, first, last);
    } else {
      return detail::loop_sum(*this, first, last);
    }
  }
  /// Σ s² in closed form when one factor is a `constant`: c² times the other's.
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept
      requires(std::same_as<L, constant> || std::same_as<R, constant>) {
    if constexpr (std::same_as<L, constant>) {
      const auto c = static_cast<long double>(left_.value());
      return c * c * detail::sum_of_squares_ld(right_, first, last);
    } else {
      const auto c = static_cast<long double>(right_.value());
      return c * c * detail::sum_of_squares_ld(left_, first, last);
    }
  }
  /// Strided sums exist when one factor is a `constant` (the closed form of the other).
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept
      requires(std::same_as<L, constant> || std::same_as<R, constant>) {
    if constexpr (std::same_as<L, constant>) {
      return static_cast<long double>(left_.value()) *
             detail::sum_strided_ld(right_, first, last, stride);
    } else {
      return static_cast<long double>(right_.value()) *
             detail::sum_strided_ld(left_, first, last, stride);
    }
  }

  /// Holds from the longer factor's length on, when each factor is finite or a `constant`.
  [[nodiscard]] constexpr std::int64_t length() const noexcept
      requires(detail::finite_or_constant<L>&& detail::finite_or_constant<R> &&
               !(std::same_as<L, constant> && std::same_as<R, constant>)) {
    return std::max(detail::length_or_zero(left_), detail::length_or_zero(right_));
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"product"}.with_children(
        "factors", {detail::describe(left_), detail::describe(right_)});
  }

  [[nodiscard]] constexpr const L& left() const noexcept { return left_; }
  [[nodiscard]] constexpr const R& right() const noexcept { return right_; }

 private:
  L left_;
  R right_;
};

/// @brief s(t) = min(max(inner(t), lo), hi). Sums by compensated summation.
template <Schedule S>
class clamped {
 public:
  clamped(S inner, double lo, double hi)
      : inner_(std::move(inner)),
        lo_(detail::require_finite("clamp", "lo", lo)),
        hi_(detail::require_finite("clamp", "hi", hi)) {
    if (hi_ < lo_) detail::reject("clamp", "hi", detail::quoting(">= lo (", lo_, ")"), hi_);
  }

  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return std::clamp(static_cast<double>(inner_(step)), lo_, hi_);
  }
  [[nodiscard]] constexpr std::int64_t length() const noexcept requires FiniteSchedule<S> {
    return inner_.length();
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"clamp"}.with("lo", lo_).with("hi", hi_).with_child(
        "schedule", detail::describe(inner_));
  }

  [[nodiscard]] constexpr const S& inner() const noexcept { return inner_; }
  [[nodiscard]] constexpr double lo() const noexcept { return lo_; }
  [[nodiscard]] constexpr double hi() const noexcept { return hi_; }

 private:
  S inner_;
  double lo_;
  double hi_;
};

/// @brief Delay: s(t) = inner(t − steps), and inner(0) before `steps`.
/// Sum: the inner sum over the shifted range (closed form when inner has one).
template <Schedule S>
class shifted {
 public:
  shifted(S inner, std::int64_t steps)
      : inner_(std::move(inner)), steps_(detail::require_steps("shift", "steps", steps)) {
    // length() = steps + inner's length must be an int64 step.
    const auto inner_length = detail::optional_length(inner_);
    if (inner_length && *inner_length > std::numeric_limits<std::int64_t>::max() - steps_) {
      detail::reject("shift", "steps",
                     "small enough that steps + the schedule's length (" +
                         detail::format_number(*inner_length) + ") fits in int64",
                     steps_);
    }
  }

  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(inner_(step > steps_ ? step - steps_ : 0));
  }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return detail::sum_ld(inner_, first - steps_, last - steps_);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return detail::sum_of_squares_ld(inner_, first - steps_, last - steps_);
  }
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    return detail::sum_strided_ld(inner_, first - steps_, last - steps_, stride);
  }
  [[nodiscard]] constexpr std::int64_t length() const noexcept requires FiniteSchedule<S> {
    return steps_ + inner_.length();
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"shift"}
        .with("steps", steps_)
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] constexpr const S& inner() const noexcept { return inner_; }
  [[nodiscard]] constexpr std::int64_t steps() const noexcept { return steps_; }

 private:
  S inner_;
  std::int64_t steps_;
};

/// @brief `factor · s` as a schedule.
template <Schedule S>
[[nodiscard]] scaled<S> scale(S s, double factor) {
  return scaled<S>(std::move(s), factor);
}

/// @brief `s` limited to [lo, hi].
template <Schedule S>
[[nodiscard]] clamped<S> clamp(S s, double lo, double hi) {
  return clamped<S>(std::move(s), lo, hi);
}

/// @brief `s` delayed by `steps`: it holds `s(0)` until then.
template <Schedule S>
[[nodiscard]] shifted<S> shift(S s, std::int64_t steps) {
  return shifted<S>(std::move(s), steps);
}

/// @brief Pointwise product of two schedules.
template <Schedule L, Schedule R>
[[nodiscard]] product<L, R> multiply(L left, R right) {
  return product<L, R>(std::move(left), std::move(right));
}

/// @name Arithmetic that reads like math: `peak * shape`, `shape * 0.5`, `a * b`.
/// Found by argument-dependent lookup on lrsched's types.
/// @{
template <Schedule S>
  requires(!std::is_arithmetic_v<S>)
[[nodiscard]] scaled<S> operator*(S s, double factor) {
  return scaled<S>(std::move(s), factor);
}
template <Schedule S>
  requires(!std::is_arithmetic_v<S>)
[[nodiscard]] scaled<S> operator*(double factor, S s) {
  return scaled<S>(std::move(s), factor);
}
template <Schedule L, Schedule R>
  requires(!std::is_arithmetic_v<L> && !std::is_arithmetic_v<R>)
[[nodiscard]] product<L, R> operator*(L left, R right) {
  return product<L, R>(std::move(left), std::move(right));
}
/// @}

}  // namespace lrsched

#endif  // LRSCHED_COMPOSE_HPP
