// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/minmax.hpp
/// @brief `min_of`, `max_of`, `clamp_to`: std::min, std::max and std::clamp for two or
/// three values, with the same results (the same comparisons in the same order, so NaN
/// and equal arguments behave alike), without `<algorithm>`, whose C++20 ranges cost a
/// family header more to compile than the family itself.
#ifndef LRSCHED_DETAIL_MINMAX_HPP
#define LRSCHED_DETAIL_MINMAX_HPP

namespace lrsched::detail {

/// std::min(a, b): b if b < a, else a.
template <class T>
[[nodiscard]] constexpr const T& min_of(const T& a, const T& b) noexcept {
  return b < a ? b : a;
}

/// std::max(a, b): b if a < b, else a.
template <class T>
[[nodiscard]] constexpr const T& max_of(const T& a, const T& b) noexcept {
  return a < b ? b : a;
}

/// std::clamp(v, lo, hi): lo if v < lo, hi if hi < v, else v.
template <class T>
[[nodiscard]] constexpr const T& clamp_to(const T& v, const T& lo, const T& hi) noexcept {
  return v < lo ? lo : hi < v ? hi : v;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_MINMAX_HPP
