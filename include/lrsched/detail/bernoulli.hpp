// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/bernoulli.hpp
/// @brief The coefficients B_{2k}/(2k)! shared by the Euler–Maclaurin sums and the
/// series of 1/(e^y − 1).
#ifndef LRSCHED_DETAIL_BERNOULLI_HPP
#define LRSCHED_DETAIL_BERNOULLI_HPP

#include <cmath>

namespace lrsched::detail {

/// B_{2k}/(2k)! for k = 1..12 (B_2 = 1/6, B_4 = −1/30, ...), as exact ratios rounded once.
/// They are the coefficients of the Euler–Maclaurin formula and of
/// y/(e^y − 1) = 1 − y/2 + Σ_k (B_{2k}/(2k)!) y^{2k}.
inline constexpr long double bernoulli_over_factorial[12] = {
    1.0L / 12.0L,
    -1.0L / 720.0L,
    1.0L / 30240.0L,
    -1.0L / 1209600.0L,
    1.0L / 47900160.0L,
    -691.0L / 1307674368000.0L,
    1.0L / 74724249600.0L,
    -3617.0L / 10670622842880000.0L,
    43867.0L / 5109094217170944000.0L,
    -174611.0L / 802857662698291200000.0L,
    77683.0L / 14101100039391805440000.0L,
    -236364091.0L / 1693824136731743669452800000.0L,
};

/// h(y) = 1/(e^y − 1) − 1/y + 1/2 = Σ_k (B_{2k}/(2k)!) y^{2k−1}: the smooth part of
/// 1/(e^y − 1), free of the 1/y pole. Series for |y| < 1 (radius 2π; twelve terms
/// reach long-double rounding), direct formula beyond, where nothing cancels badly.
inline long double reciprocal_expm1_smooth(long double y) noexcept {
  if (std::fabs(y) < 1.0L) {
    const long double y2 = y * y;
    long double power = y;
    long double total = 0.0L;
    for (const long double c : bernoulli_over_factorial) {
      total += c * power;
      power *= y2;
    }
    return total;
  }
  return 1.0L / std::expm1(y) - 1.0L / y + 0.5L;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_BERNOULLI_HPP
