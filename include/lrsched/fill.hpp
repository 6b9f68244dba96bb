// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file fill.hpp
/// @brief `fill`: a table of a schedule's values, e.g. for a GPU trainer to upload once.
#ifndef LRSCHED_FILL_HPP
#define LRSCHED_FILL_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

#include <lrsched/concepts.hpp>

namespace lrsched {
namespace detail {

/// `value` converted to T, values beyond T's finite range clamped to its largest finite
/// value of that sign (NaN passes through).
template <std::floating_point T>
[[nodiscard]] constexpr T saturate(double value) noexcept {
  constexpr auto largest = static_cast<double>(std::numeric_limits<T>::max());
  if (value > largest) return std::numeric_limits<T>::max();
  if (value < -largest) return std::numeric_limits<T>::lowest();
  return static_cast<T>(value);
}

}  // namespace detail

/// @brief Writes s(first_step + i·stride) into out[i] for every i, as `double` or `float`.
///
/// Steps past the int64 maximum saturate there (a schedule holds its final value long
/// before), so any table size and stride is safe. `stride` must be >= 1 (smaller strides
/// are taken as 1). Values are exactly what `s(t)` returns, converted to T (rounded to
/// nearest); a value beyond T's range (above FLT_MAX for `float`) saturates to T's largest
/// finite value of its sign, so the table never holds an infinity.
///
/// @code
/// std::vector<float> lr(100'000);
/// lrsched::fill(schedule, std::span<float>(lr));   // lr[t] = schedule(t)
/// @endcode
template <Schedule S, std::floating_point T>
void fill(const S& s, std::span<T> out, std::int64_t first_step = 0,
          std::int64_t stride = 1) noexcept(noexcept(s(first_step))) {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  if (stride < 1) stride = 1;
  std::int64_t step = first_step;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = detail::saturate<T>(static_cast<double>(s(step)));
    step = step > max - stride ? max : step + stride;
  }
}

}  // namespace lrsched

#endif  // LRSCHED_FILL_HPP
