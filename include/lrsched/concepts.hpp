// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file concepts.hpp
/// @brief The `Schedule` concept and the optional capabilities a schedule may offer.
#ifndef LRSCHED_CONCEPTS_HPP
#define LRSCHED_CONCEPTS_HPP

#include <concepts>
#include <cstdint>
#include <optional>

namespace lrsched {

/// @brief A learning-rate schedule: a pure function from an optimizer step to a
/// learning rate.
///
/// `s(t)` is the learning rate used by update `t` (0-based). It must be a pure
/// function of `t`: same `t`, same value, on any thread, after any resume.
/// lrsched's own schedules are also `noexcept`, allocation-free on evaluation,
/// evaluate `t < 0` as `t = 0` and never return NaN or infinity.
///
/// Satisfied by every family (`constant`, `linear`, `cosine`, ...), every
/// composite (`chain`, `warmup`, products, ...), `any_schedule`, and any
/// copyable callable `double(std::int64_t) const`, e.g. a lambda.
template <class S>
concept Schedule = std::copy_constructible<S> && requires(const S& s, std::int64_t t) {
  { s(t) } -> std::convertible_to<double>;
};

/// @brief A schedule that knows its own summed LR in closed form.
///
/// `s.sum(first, last)` returns Σ_{t=first}^{last-1} s(t) for
/// `0 <= first <= last`, in O(1) or O(pieces), independent of `last - first`.
/// `lrsched::sum` uses it when present and falls back to compensated
/// summation otherwise. Satisfied by every lrsched family and composite that
/// has a closed form.
template <class S>
concept ClosedFormSum = Schedule<S> && requires(const S& s, std::int64_t first, std::int64_t last) {
  { s.sum(first, last) } -> std::convertible_to<long double>;
};

/// @brief A schedule that knows Σ s(t)² in closed form (same contract as ClosedFormSum).
template <class S>
concept ClosedFormSumOfSquares = Schedule<S> &&
    requires(const S& s, std::int64_t first, std::int64_t last) {
  { s.sum_of_squares(first, last) } -> std::convertible_to<long double>;
};

/// @brief A schedule with a natural length: it changes during [0, length()) and
/// holds its final value from `length()` on.
///
/// `chain` uses the length of a non-final piece when no explicit duration is
/// given. Satisfied by `linear`, `cosine`, `piecewise_linear`, `warmup`, ...;
/// not by open-ended shapes such as `constant` or an unbounded `exponential`.
template <class S>
concept FiniteSchedule = Schedule<S> && requires(const S& s) {
  { s.length() } -> std::convertible_to<std::int64_t>;
};

namespace detail {

/// The length of a schedule as an optional: its `length()` when it has one (a
/// `FiniteSchedule`, or a run-time `std::optional` length such as `any_schedule`'s). The
/// schedule holds its final value from there on, so summation loops stop there.
template <class S>
constexpr std::optional<std::int64_t> optional_length(const S& s) noexcept {
  if constexpr (FiniteSchedule<S>) {
    return static_cast<std::int64_t>(s.length());
  } else if constexpr (requires {
                         { s.length() } -> std::same_as<std::optional<std::int64_t>>;
                       }) {
    return s.length();
  } else {
    return std::nullopt;
  }
}

}  // namespace detail

}  // namespace lrsched

#endif  // LRSCHED_CONCEPTS_HPP
