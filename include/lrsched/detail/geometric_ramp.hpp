// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/geometric_ramp.hpp
/// @brief Σ (α + β·j)·e^{−x·j}: a linear ramp under a geometric weight, in O(1) and
/// without cancellation for weights arbitrarily close to 1 (cyclic `exp_range`).
#ifndef LRSCHED_DETAIL_GEOMETRIC_RAMP_HPP
#define LRSCHED_DETAIL_GEOMETRIC_RAMP_HPP

#include <cmath>

#include <lrsched/detail/bernoulli.hpp>

namespace lrsched::detail {

/// The weighted mean index Σ j·e^{−xj} / Σ e^{−xj} over j = 0..m−1, for x >= 0, m >= 1:
/// 1/(e^x − 1) − m/(e^{mx} − 1). For m·x < 1 both terms are ~1/x and cancel, so it is
/// rewritten with the pole-free h(y) = 1/(e^y − 1) − 1/y + 1/2 as
/// (m − 1)/2 + h(x) − m·h(m x), where the correction is at most a sixth of the first
/// term; for m·x >= 1 the second term is at most 0.58 of the first.
inline long double geometric_mean_index(long double x, long double m) noexcept {
  const long double mx = m * x;
  if (mx >= 1.0L) return 1.0L / std::expm1(x) - m / std::expm1(mx);
  return (m - 1.0L) / 2.0L + reciprocal_expm1_smooth(x) - m * reciprocal_expm1_smooth(mx);
}

/// @brief Σ_{j=0}^{m−1} (α + β·j)·e^{−x·j} for x >= 0 and an integer-valued m >= 0.
///
/// Equals W·(α + β·μ) with W = Σ e^{−xj} = expm1(−m x)/expm1(−x) and μ the weighted
/// mean index (which lies in [0, (m − 1)/2]). A ramp that stays positive over the
/// range (α >= 0 and α + β(m − 1) >= 0) therefore never loses more than a factor ~2
/// to cancellation: ≈ 1e-18 relative.
inline long double geometric_ramp_sum(long double alpha, long double beta, long double x,
                                      long double m) noexcept {
  if (m <= 0.0L) return 0.0L;
  if (x == 0.0L) return m * alpha + beta * m * (m - 1.0L) / 2.0L;
  const long double weight = std::expm1(-m * x) / std::expm1(-x);
  return weight * (alpha + beta * geometric_mean_index(x, m));
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_GEOMETRIC_RAMP_HPP
