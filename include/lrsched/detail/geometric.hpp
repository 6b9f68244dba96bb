// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/geometric.hpp
/// @brief Geometric and staircase-geometric series in long double, accurate for
/// ratios near 1: the closed-form sums of the exponential and step families.
#ifndef LRSCHED_DETAIL_GEOMETRIC_HPP
#define LRSCHED_DETAIL_GEOMETRIC_HPP

#include <cmath>
#include <cstdint>

#include <lrsched/detail/numeric.hpp>

namespace lrsched::detail {

/// q^k with q = e^{log_q}, for k >= 0. Exactly 1 at k = 0, also when q = 0 (log_q = −inf).
inline long double power_of(long double log_q, long double k) noexcept {
  return k == 0.0L ? 1.0L : std::exp(k * log_q);
}

/// Σ_{k=a}^{b−1} q^k for 0 <= a <= b, with q = e^{log_q}:
/// q^a · expm1(m·ln q) / expm1(ln q), m = b − a. Written with expm1 so that a ratio
/// within 1e-9 of 1 keeps full relative precision (1 − q^m and 1 − q would both
/// cancel); exactly m when q = 1; q = 0 (log_q = −inf) gives the single term 0^0 = 1.
inline long double geometric_sum(long double log_q, std::int64_t a, std::int64_t b) noexcept {
  if (b <= a) return 0.0L;
  const long double m = count(a, b);
  if (log_q == 0.0L) return m;
  if (std::isinf(log_q)) return a == 0 ? 1.0L : 0.0L;
  return std::exp(static_cast<long double>(a) * log_q) * std::expm1(m * log_q) / std::expm1(log_q);
}

/// Σ_{k=a}^{b−1} q^⌊k/block⌋ for 0 <= a <= b, block >= 1: the partial block at each
/// end times its value, and the whole blocks between as a geometric series in q
/// times the block length. O(1); exact counts in int64 (no overflow at int64 extremes).
inline long double staircase_sum(long double log_q, std::int64_t block, std::int64_t a,
                                 std::int64_t b) noexcept {
  if (b <= a) return 0.0L;
  const std::int64_t first_block = a / block;
  const std::int64_t last_block = (b - 1) / block;
  const auto first_power = power_of(log_q, static_cast<long double>(first_block));
  if (first_block == last_block) return count(a, b) * first_power;
  const auto head = static_cast<long double>(block - a % block);
  const auto tail = static_cast<long double>((b - 1) % block + 1);
  return head * first_power +
         static_cast<long double>(block) * geometric_sum(log_q, first_block + 1, last_block) +
         tail * power_of(log_q, static_cast<long double>(last_block));
}

/// Σ_{j=0}^{m−1} expm1(x0 + j·y) for real x0, y and a count m >= 0: a geometric series
/// minus m, for shapes that fall to 0 like 2^{1−r} − 1 (Megatron's exponential WSD decay)
/// where Σ e^{x} − m would cancel. Written as
///   [expm1(x0)·expm1(m y) + H] / expm1(y),  H = expm1(m y) − m·expm1(y) = Σ_{r≥2} y^r (m^r −
///   m)/r!,
/// in which the two terms of the numerator have the same sign (H >= 0 by convexity), and
/// H comes from its series when |m y| <= 1 (terms fall at least 3× each; m^r − m never
/// cancels by more than 2×) and directly beyond (cancellation at most ~5×). Relative
/// error a few units of long-double rounding whenever x0 and y have the same sign.
inline long double expm1_progression_sum(long double x0, long double y, long double m) noexcept {
  if (m <= 0.0L) return 0.0L;
  if (y == 0.0L || m == 1.0L) return m * std::expm1(x0);
  const long double my = m * y;
  long double excess = 0.0L;  // H
  if (std::fabs(my) <= 1.0L) {
    long double whole = my;  // (m y)^r / r!
    long double part = my;   // m·y^r / r!
    for (int r = 2; r < 64; ++r) {
      whole *= my / static_cast<long double>(r);
      part *= y / static_cast<long double>(r);
      const long double term = whole - part;
      excess += term;
      if (std::fabs(term) <= 1e-22L * std::fabs(excess)) break;
    }
  } else {
    excess = std::expm1(my) - m * std::expm1(y);
  }
  return (std::expm1(x0) * std::expm1(my) + excess) / std::expm1(y);
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_GEOMETRIC_HPP
