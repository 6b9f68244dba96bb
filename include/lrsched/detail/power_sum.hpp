// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/power_sum.hpp
/// @brief Σ ((first + j)/scale)^q over j = 0..count−1 for any real q, in O(1): the
/// discrete sums behind polynomial (q = power), inverse-square-root (q = −1/2) and
/// inverse-time decay (q = −1, −2).
///
/// Method (Euler–Maclaurin, written in differences so nothing cancels):
///   Σ_{u=A}^{B−1} f(u) = ∫_A^B f + (f(A) − f(B))/2
///                        + Σ_{k≥1} B_{2k}/(2k)! · (f^{(2k−1)}(B) − f^{(2k−1)}(A)),
/// with f(u) = (u/scale)^q and f^{(j)}(u) = q(q−1)…(q−j+1)·(u/scale)^q·u^{−j}.
/// - For a non-negative integer q the series stops by itself (the falling factorial
///   reaches 0): it is then Faulhaber's formula, exact, not an approximation.
///   Otherwise it is the asymptotic expansion of the Hurwitz zeta difference
///   ζ(−q, A) − ζ(−q, B); it is used only from u ≥ max(32, 2|q|), where each of its
///   (at most twelve) terms is at least ~40× smaller than the last, so the
///   truncation error is below long-double rounding.
/// - The integral and the half-term are evaluated as y^e − x^e = x^e·expm1(e·log1p(gap/x)),
///   so a short range far from the origin (A = 10^18, B = A + 100) keeps full
///   relative precision instead of subtracting two huge prefix sums.
/// - Terms below max(32, 2|q|) are added one by one (from the largest end, stopping
///   once they no longer change the result), and ranges of at most 64 terms are
///   summed directly, all with compensated summation.
/// Accuracy: a few units of long-double rounding (≈ 1e-18 relative) for every q
/// used by lrsched; tests check ≤ 1e-12 against compensated loops.
#ifndef LRSCHED_DETAIL_POWER_SUM_HPP
#define LRSCHED_DETAIL_POWER_SUM_HPP

#include <algorithm>
#include <cmath>

#include <lrsched/detail/bernoulli.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched::detail {

/// y^e − x^e for 0 < x and y = x + gap, gap ≥ 0, without cancelling when gap ≪ x.
inline long double pow_difference(long double x, long double gap, long double e) noexcept {
  if (e == 0.0L || gap == 0.0L) return 0.0L;
  const long double z = e * std::log1p(gap / x);  // e·ln(y/x)
  if (std::fabs(z) <= 1.0L) return std::pow(x, e) * std::expm1(z);
  return std::pow(x + gap, e) - std::pow(x, e);  // the two differ by a factor ≥ e: no cancellation
}

/// Σ_{j=0}^{count−1} ((a + j)/scale)^q by Euler–Maclaurin, for a ≥ max(32, 2|q|).
inline long double euler_maclaurin_power_sum(long double q, long double a, long double count,
                                             long double scale) noexcept {
  const long double b = a + count;
  const long double x = a / scale;
  const long double gap = count / scale;
  compensated_sum total;
  if (q == -1.0L) {
    total.add(scale * std::log1p(count / a));
  } else {
    total.add(scale / (q + 1.0L) * pow_difference(x, gap, q + 1.0L));
  }
  total.add(-0.5L * pow_difference(x, gap, q));
  // f^{(2k−1)}(u) = falling·(u/scale)^q·u^{−(2k−1)}, falling = q(q−1)…(q−2k+2).
  long double falling = q;
  long double derivative_a = std::pow(x, q) / a;
  long double derivative_b = std::pow(b / scale, q) / b;
  const long double step_a = 1.0L / (a * a);
  const long double step_b = 1.0L / (b * b);
  for (int k = 1; k <= 12; ++k) {
    const long double term =
        bernoulli_over_factorial[k - 1] * falling * (derivative_b - derivative_a);
    total.add(term);
    if (falling == 0.0L || std::fabs(term) <= 1e-22L * std::fabs(total.value())) break;
    falling *= (q - static_cast<long double>(2 * k - 1)) * (q - static_cast<long double>(2 * k));
    derivative_a *= step_a;
    derivative_b *= step_b;
  }
  return total.value();
}

/// @brief Σ_{j=0}^{count−1} ((first + j)/scale)^q for first > 0, scale > 0 and an
/// integer-valued count ≥ 0 (all as long double so int64 ranges stay exact).
inline long double power_sum(long double q, long double first, long double count,
                             long double scale) noexcept {
  if (count <= 0.0L) return 0.0L;
  if (q == 0.0L) return count;
  const auto term = [&](long double u) { return std::pow(u / scale, q); };
  compensated_sum total;
  if (count <= 64.0L) {
    for (long double j = 0.0L; j < count; j += 1.0L) total.add(term(first + j));
    return total.value();
  }
  // Below `start` the asymptotic series converges too slowly: add those terms directly.
  const long double start = std::max(32.0L, 2.0L * std::fabs(q));
  long double a = first;
  long double remaining = count;
  if (a < start) {
    const long double head = std::min(remaining, std::ceil(start - a));
    // Walk from the largest term (top for q > 0, bottom for q < 0); the terms shrink
    // at least geometrically, so stop once one no longer registers.
    for (long double j = 0.0L; j < head; j += 1.0L) {
      const long double value = term(q > 0.0L ? a + head - 1.0L - j : a + j);
      total.add(value);
      if (value <= 1e-24L * total.value()) break;
    }
    a += head;
    remaining -= head;
  }
  if (remaining > 0.0L) total.add(euler_maclaurin_power_sum(q, a, remaining, scale));
  return total.value();
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_POWER_SUM_HPP
