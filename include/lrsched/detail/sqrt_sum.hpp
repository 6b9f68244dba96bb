// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/sqrt_sum.hpp
/// @brief Σ √t and Σ (√n − √t) over an arithmetic progression of t, in O(1): the sums of
/// the minus_sqrt shape (wsd.hpp).
#ifndef LRSCHED_DETAIL_SQRT_SUM_HPP
#define LRSCHED_DETAIL_SQRT_SUM_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>

#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched::detail {

/// Σ √t and Σ (√n − √t) over t = t0, t0 + σ, ..., m terms (t0 >= 0, σ >= 1, n >= 1):
/// the sums of the minus_sqrt shape. Short progressions and the terms below 64σ (at most
/// 64) are added one by one; the rest by the midpoint Euler–Maclaurin formula
///   Σ_q f(q) = ∫_{−½}^{m−½} f + Σ_k γ_k·(f^{(2k−1)}(m − ½) − f^{(2k−1)}(−½)),
/// f(q) = √(t0 + qσ), γ_k = detail::midpoint_coefficients, whose terms fall at least
/// ~1000× each from t >= 64σ. The integral of √n − √t is (u_b − u_a)·[√n(α + β) −
/// ⅔(α² + αβ + β²)] (u = √t, α = √n − u_a, β = √n − u_b), free of cancellation from
/// t >= n/4 on, where √n − √t nears 0; below n/4, √n·m − ∫√t loses at most a factor 2.
struct sqrt_sums {
  long double roots = 0.0L;  ///< Σ √t
  long double gaps = 0.0L;   ///< Σ (√n − √t)
};

/// The Euler–Maclaurin part of sqrt_progression_sums: `count` terms from t_first >= 64σ,
/// all on one side of n/4 (`high`: t >= n/4).
[[nodiscard]] inline sqrt_sums sqrt_euler_maclaurin(long double n, long double t_first,
                                                    long double sigma, long double count,
                                                    bool high) noexcept {
  const long double root_n = std::sqrt(n);
  const long double lo = t_first - sigma / 2.0L;
  const long double hi = t_first + (count - 0.5L) * sigma;
  const long double u_lo = std::sqrt(lo);
  const long double u_hi = std::sqrt(hi);
  // (1/σ)∫√t = ⅔·count·(lo + u_lo·u_hi + hi)/(u_lo + u_hi), as hi − lo = count·σ.
  const long double root_integral = 2.0L / 3.0L * count * (lo + u_lo * u_hi + hi) / (u_lo + u_hi);
  long double gap_integral = root_n * count - root_integral;
  if (high) {
    const long double alpha = (n - lo) / (root_n + u_lo);
    const long double beta = (n - hi) / (root_n + u_hi);
    gap_integral =
        count / (u_lo + u_hi) *
        (root_n * (alpha + beta) - 2.0L / 3.0L * (alpha * alpha + alpha * beta + beta * beta));
  }
  // f^{(r)} = σ^r·c_r·t^{1/2−r}, c_1 = ½, c_{r+2} = c_r·(½ − r)(−½ − r), r odd.
  long double corrections = 0.0L;
  long double derivative_hi = sigma / (2.0L * u_hi);
  long double derivative_lo = sigma / (2.0L * u_lo);
  const long double step_hi = sigma * sigma / (hi * hi);
  const long double step_lo = sigma * sigma / (lo * lo);
  for (std::size_t k = 1; k < midpoint_terms; ++k) {
    const long double term = midpoint_coefficients[k] * (derivative_hi - derivative_lo);
    corrections += term;
    if (std::fabs(term) <= 1e-22L * root_integral) break;
    const auto r = static_cast<long double>(2 * k - 1);
    derivative_hi *= step_hi * (0.5L - r) * (-0.5L - r);
    derivative_lo *= step_lo * (0.5L - r) * (-0.5L - r);
  }
  return {root_integral + corrections, gap_integral - corrections};
}

[[nodiscard]] inline sqrt_sums sqrt_progression_sums(long double n, long double t0,
                                                     long double sigma, long double m) noexcept {
  constexpr long double direct_terms = 64.0L;
  const long double root_n = std::sqrt(n);
  compensated_sum roots;
  compensated_sum gaps;
  const auto add_directly = [&](long double from, long double terms) {
    for (long double q = 0.0L; q < terms; q += 1.0L) {
      const long double t = from + q * sigma;
      const long double root = std::sqrt(t);
      roots.add(root);
      gaps.add((n - t) / (root_n + root));  // √n − √t without cancellation
    }
  };
  if (m <= 2.0L * direct_terms) {
    add_directly(t0, m);
    return {roots.value(), gaps.value()};
  }
  // Terms below 64σ one by one (at most 64 of them).
  const long double head =
      t0 >= direct_terms * sigma ? 0.0L : std::ceil((direct_terms * sigma - t0) / sigma);
  add_directly(t0, head);
  const long double first = t0 + head * sigma;
  const long double rest = m - head;
  // Below n/4 and from n/4 on.
  const long double quarter = n / 4.0L;
  const long double low =
      first >= quarter ? 0.0L : std::min(rest, std::ceil((quarter - first) / sigma));
  for (const auto& [from, terms, high] :
       {std::tuple{first, low, false}, std::tuple{first + low * sigma, rest - low, true}}) {
    if (terms <= 0.0L) continue;
    if (terms <= 8.0L) {
      add_directly(from, terms);
      continue;
    }
    const auto part = sqrt_euler_maclaurin(n, from, sigma, terms, high);
    roots.add(part.roots);
    gaps.add(part.gaps);
  }
  return {roots.value(), gaps.value()};
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_SQRT_SUM_HPP
