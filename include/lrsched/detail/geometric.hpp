/// @file detail/geometric.hpp
/// @brief Geometric and staircase-geometric series in long double, accurate for
/// ratios near 1: the closed-form sums of the exponential and step families.
#ifndef LRSCHED_DETAIL_GEOMETRIC_HPP
#define LRSCHED_DETAIL_GEOMETRIC_HPP

#include <cmath>
#include <cstdint>

#include "numeric.hpp"

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

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_GEOMETRIC_HPP
