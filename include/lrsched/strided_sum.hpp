// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file strided_sum.hpp
/// @brief Summed LR over an arithmetic progression of steps, Σ s(first + k·stride):
/// what a schedule written in samples or tokens sums to when a training loop
/// visits every `stride`-th sample (see units.hpp).
#ifndef LRSCHED_STRIDED_SUM_HPP
#define LRSCHED_STRIDED_SUM_HPP

#include <concepts>
#include <cstdint>
#include <limits>

#include <lrsched/concepts.hpp>
#include <lrsched/detail/minmax.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// @brief A schedule that sums over an arithmetic progression of steps in closed form.
///
/// `s.sum_strided(first, last, stride)` returns Σ s(t) over t = first, first + stride,
/// first + 2·stride, ... below `last`, for `0 <= first <= last` and `stride >= 1`, in
/// O(1) or O(pieces) like `sum`. With stride 1 it is `sum(first, last)`. Satisfied by
/// `constant`, `linear`, `chain` and the value compositions (`scale`, `shift`, a product
/// with a constant), whatever their pieces; a piece without it falls back to compensated
/// summation over the progression's terms, so the result is the same, only slower.
template <class S>
concept ClosedFormStridedSum = Schedule<S> &&
    requires(const S& s, std::int64_t first, std::int64_t last, std::int64_t stride) {
  { s.sum_strided(first, last, stride) } -> std::convertible_to<long double>;
};

namespace detail {

/// The number of terms first, first + stride, ... below last: ⌈(last − first)/stride⌉
/// for first <= last (0 otherwise), with no int64 overflow for any arguments.
constexpr std::uint64_t progression_count(std::int64_t first, std::int64_t last,
                                          std::int64_t stride) noexcept {
  if (last <= first || stride < 1) return 0;
  const std::uint64_t span = static_cast<std::uint64_t>(last) - static_cast<std::uint64_t>(first);
  return (span - 1) / static_cast<std::uint64_t>(stride) + 1;
}

/// The first term of first, first + stride, ... that is >= begin (first itself when
/// first >= begin); int64 max when that term would not fit in int64.
constexpr std::int64_t progression_at_or_after(std::int64_t first, std::int64_t stride,
                                               std::int64_t begin) noexcept {
  if (begin <= first) return first;
  const std::uint64_t skip = progression_count(first, begin, stride);  // terms below begin
  const std::uint64_t room = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) -
                             static_cast<std::uint64_t>(first);
  if (skip > room / static_cast<std::uint64_t>(stride))
    return std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(first) +
                                   skip * static_cast<std::uint64_t>(stride));
}

/// Σ s(t) over the progression by compensated summation: O(number of terms).
template <Schedule S>
long double loop_sum_strided(const S& s, std::int64_t first, std::int64_t last,
                             std::int64_t stride) noexcept {
  compensated_sum acc;
  // A schedule that holds its final value from some step on: the held terms in one.
  if (const auto hold = optional_length(s); hold && stride >= 1) {
    const std::int64_t from = progression_at_or_after(first, stride, *hold);
    if (from < last) {
      acc.add(static_cast<long double>(progression_count(from, last, stride)) *
              static_cast<long double>(s(from)));
      last = from;
    }
  }
  const std::uint64_t terms = progression_count(first, last, stride);
  std::int64_t t = first;
  for (std::uint64_t k = 0; k < terms; ++k) {
    acc.add(static_cast<long double>(s(t)));
    if (k + 1 < terms) t += stride;  // the term after the last may not fit in int64
  }
  return acc.value();
}

/// Σ s(t) over t = first, first + stride, ... below last, for any int64 first and last
/// and stride >= 1: terms below 0 evaluate as s(0); the rest use the schedule's closed
/// form when it has one. What composites call on their pieces.
template <Schedule S>
long double sum_strided_ld(const S& s, std::int64_t first, std::int64_t last,
                           std::int64_t stride) noexcept {
  if (last <= first || stride < 1) return 0.0L;
  long double total = 0.0L;
  if (first < 0) {
    const std::uint64_t below_zero =
        detail::min_of(progression_count(first, 0, stride), progression_count(first, last, stride));
    total += static_cast<long double>(below_zero) * static_cast<long double>(s(0));
    first = progression_at_or_after(first, stride, 0);
    if (first >= last) return total;
  }
  if constexpr (ClosedFormStridedSum<S>) {
    total += static_cast<long double>(s.sum_strided(first, last, stride));
  } else {
    total += loop_sum_strided(s, first, last, stride);
  }
  return total;
}

}  // namespace detail

/// @brief Σ s(t) over t = first, first + stride, ... below `last` (stride >= 1; an
/// empty range or a stride below 1 sums to 0). Closed form when the schedule has one.
template <Schedule S>
[[nodiscard]] double sum_strided(const S& s, std::int64_t first, std::int64_t last,
                                 std::int64_t stride) noexcept {
  return static_cast<double>(detail::sum_strided_ld(s, first, last, stride));
}

}  // namespace lrsched

#endif  // LRSCHED_STRIDED_SUM_HPP
