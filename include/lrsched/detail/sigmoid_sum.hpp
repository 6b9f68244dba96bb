// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/sigmoid_sum.hpp
/// @brief Σ σ(y0 + h·j) over j = 0..count−1, σ(y) = 1/(1 + e^{−y}), in O(1): the
/// closed-form-free sum behind tanh-shaped schedules (½(1 − tanh x) = σ(−2x)).
///
/// The progression is cut where σ saturates:
/// - y < −50: σ(y) = e^y·(1 − O(e^y)), a geometric series (relative error < 2e-22);
/// - y > 50: σ(y) = 1 − O(e^{−y}), a count (relative error < 2e-22);
/// - |y| ≤ 50: direct compensated summation when it holds at most 64 terms or the
///   step exceeds 1/4 (then it holds at most 401), otherwise Euler–Maclaurin:
///   ∫ σ = softplus differences (formed as log1p(σ(v)·expm1(u − v)), which does not
///   cancel), plus B_{2k}/(2k)!·h^{2k−1}·(σ^{(2k−1)}(end) − σ^{(2k−1)}(start)) with
///   σ^{(j)} = σ(y)σ(−y)·Q_j(σ(y)). σ is analytic within π of the real axis, so for
///   h ≤ 1/4 the twelfth correction is below 1e-22 of the sum.
/// Accuracy: ≈ 1e-18 relative, for any start, step and count.
#ifndef LRSCHED_DETAIL_SIGMOID_SUM_HPP
#define LRSCHED_DETAIL_SIGMOID_SUM_HPP

#include <algorithm>
#include <cmath>

#include <lrsched/detail/bernoulli.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched::detail {

/// σ(y) = 1/(1 + e^{−y}) without overflow and with full relative precision in both tails.
inline long double logistic(long double y) noexcept {
  if (y >= 0.0L) return 1.0L / (1.0L + std::exp(-y));
  const long double e = std::exp(y);
  return e / (1.0L + e);
}

/// softplus(v + d) − softplus(v) = ln((1 + e^{v+d})/(1 + e^v)) = log1p(σ(v)·expm1(d)), taking
/// the difference d itself so that a tiny d keeps its precision.
inline long double softplus_difference(long double v, long double d) noexcept {
  if (std::fabs(d) <= 40.0L) return std::log1p(logistic(v) * std::expm1(d));
  const auto softplus = [](long double z) {
    return z > 0.0L ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
  };
  return softplus(v + d) - softplus(v);  // they differ by at least ~40: no cancellation to fear
}

/// Q_j for j = 1..23 (row j − 1, coefficient of s^i in column i), defined by
/// σ^{(j)}(y) = σ(1 − σ)·Q_j(σ): Q_1 = 1, Q_{j+1} = (1 − 2s)·Q_j + (s − s²)·Q_j'.
struct logistic_derivative_table {
  long double coefficient[23][23]{};
};

constexpr logistic_derivative_table make_logistic_derivative_table() {
  logistic_derivative_table table;
  table.coefficient[0][0] = 1.0L;
  for (int j = 1; j < 23; ++j) {
    const long double* q = table.coefficient[j - 1];
    long double* next = table.coefficient[j];
    for (int i = 0; i < j; ++i) {  // Q_j has degree j − 1
      next[i] += q[i] + static_cast<long double>(i) * q[i];
      next[i + 1] += -2.0L * q[i] - static_cast<long double>(i) * q[i];
    }
  }
  return table;
}

inline constexpr logistic_derivative_table logistic_derivatives = make_logistic_derivative_table();

/// σ^{(j)}(y), 1 <= j <= 23.
inline long double logistic_derivative(int j, long double y) noexcept {
  const long double s = logistic(y);
  const long double* q = logistic_derivatives.coefficient[j - 1];
  long double poly = 0.0L;
  for (int i = j - 1; i >= 0; --i) poly = poly * s + q[i];
  return s * logistic(-y) * poly;
}

/// Σ_{j=0}^{count−1} σ(y0 + h·j) by Euler–Maclaurin, for 0 < h <= 1/4.
inline long double euler_maclaurin_logistic_sum(long double y0, long double h,
                                                long double count) noexcept {
  const long double y1 = y0 + h * count;
  compensated_sum total;
  total.add(softplus_difference(y0, h * count) / h);
  total.add(0.5L * (logistic(y0) - logistic(y1)));
  long double h_power = h;  // h^{2k−1}
  for (int k = 1; k <= 12; ++k) {
    const int order = 2 * k - 1;
    const long double term = bernoulli_over_factorial[k - 1] * h_power *
                             (logistic_derivative(order, y1) - logistic_derivative(order, y0));
    total.add(term);
    if (std::fabs(term) <= 1e-22L * std::fabs(total.value())) break;
    h_power *= h * h;
  }
  return total.value();
}

/// @brief Σ_{j=0}^{count−1} σ(y0 + step·j) for finite y0, step and an integer-valued count >= 0.
inline long double logistic_progression_sum(long double y0, long double step,
                                            long double count) noexcept {
  if (count <= 0.0L) return 0.0L;
  if (step == 0.0L) return count * logistic(y0);
  if (step < 0.0L) {  // the same terms in increasing order
    y0 += step * (count - 1.0L);
    step = -step;
  }
  constexpr long double saturation = 50.0L;
  // Terms [0, low) lie below −50, [low, high) in [−50, 50], [high, count) above 50.
  const long double below = (-saturation - y0) / step;  // y_j < −50 ⇔ j < below
  const long double above = (saturation - y0) / step;   // y_j <= 50 ⇔ j <= above
  const long double low = below <= 0.0L ? 0.0L : std::min(count, std::ceil(below));
  const long double high = above < 0.0L ? 0.0L : std::min(count, std::floor(above) + 1.0L);
  compensated_sum total;
  if (low > 0.0L) {  // e^{y_last}·(1 − e^{−step·low})/(1 − e^{−step}): no overflow
    const long double y_last = y0 + step * (low - 1.0L);
    total.add(std::exp(y_last) * std::expm1(-step * low) / std::expm1(-step));
  }
  if (high < count) total.add(count - high);
  if (low < high) {
    const long double middle = high - low;
    const long double start = y0 + step * low;
    if (middle <= 64.0L || step > 0.25L) {
      for (long double j = 0.0L; j < middle; j += 1.0L) total.add(logistic(start + step * j));
    } else {
      total.add(euler_maclaurin_logistic_sum(start, step, middle));
    }
  }
  return total.value();
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_SIGMOID_SUM_HPP
