// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/cosine_sum.hpp
/// @brief The cosine weight w(t) = cos^{2p}(πt/(2n)) and its sums over step
/// ranges, to long-double precision: the shared math of cosine decay, cosine
/// warmup, restarts, one-cycle and warmup-stable-decay shapes.
///
/// With x = π/(2n), c(t) = ½(1 + cos(πt/n)) = cos²(t·x), w(t) = c(t)^p and
/// w̄(t) = 1 − w(t). Everything here works on 0 <= t <= n.
///
/// **Values.** `cosine_weight` computes cos(t·x) for t <= n/2 and sin((n − t)·x)
/// past it, so w keeps full relative precision as it falls to 0 at t = n;
/// `cosine_weight_complement` does the same for w̄ near t = 0 (sin² for p = 1,
/// −expm1(p·log1p(−sin²)) otherwise).
///
/// **Sums** (`cosine_weight_sum`, Σ ω(t)^r over [first, last) with ω = w or w̄,
/// r = 1 or 2):
/// - p = 1, r = 1, O(1): Σ_{u=a}^{b−1} sin²(u·x) = [g(m, x) + 2 sin(m x) sin²(c x/2)] / (2 sin x),
///   m = b − a, c = a + b − 1, g(N, x) = N sin x − sin(N x). This is the Dirichlet
///   kernel Σ cos(2ux) = sin(m x) cos(c x)/sin x with cos(c x) = 1 − 2 sin²(c x/2); both
///   terms are >= 0, so nothing cancels, and g is taken from its Taylor series
///   Σ_{k≥1} (−1)^{k+1} (N^{2k+1} − N) x^{2k+1}/(2k+1)! when N·x < 1 (terms fall by
///   >= 20×, all computed from N² − 1 = (N − 1)(N + 1) without cancellation) and
///   directly otherwise (cancellation at most 6.3×). Σ w uses u = n − t (cos² = sin²
///   of the reflected angle), Σ w̄ uses u = t. Relative error a few units of
///   long-double rounding (~1e-18) for every range and every n up to 2^63, including
///   the last steps of a decay to 0.
/// - integer p with p·r <= 24 (so every integer exponent up to 24 for sums and up to
///   12 for sums of squares): ω^r is the trigonometric polynomial F(φ) = sin^{2pr}(φ)
///   (φ = (n − t)·x, for w) or (1 − cos^{2p}(θ))^r (θ = t·x, for w̄), with its
///   cosine series from the binomial formula cos^{2q} = 4^{−q}[C(2q,q) + 2 Σ_k C(2q,q−k)
///   cos(2kθ)]. F vanishes only at angle 0. Away from 0 (φ >= asinh 1 ≈ 0.881 for
///   the sine power, θ >= 0.5 for the complement) each harmonic is summed with the
///   Dirichlet kernel: absolute error ~ m·ε, relative error <= ε/min F. Near 0 the
///   Dirichlet form cancels, so F's Taylor series (coefficients from powers of
///   alternating series, no cancellation) is summed against exact power sums
///   Σ (u x)^{2j}, taken about the centre of the range (all terms >= 0) with the
///   midpoint Euler–Maclaurin formula (exact for polynomials). Sub-ranges of at most
///   256 steps are summed term by term in long double. The two error sources meet at
///   the switch angle: the relative error is below ~ε·1.69^{pr} (ε = 5.4e-20), i.e.
///   <= 1e-17 for p·r <= 8 and <= 1e-13 for p·r <= 24.
/// - any other exponent (non-integer, or p·r > 24), and strided sums with p != 1: no
///   closed form; the midpoint Euler–Maclaurin formula, Σ F(k) = ∫F + Σ_k γ_k [F^{(2k−1)}]
///   with five corrections, the integral by 24-point Gauss–Legendre on panels graded
///   geometrically away from the end t = n (where ω^r ~ (n − t)^{2pr}), all no wider than
///   n/(4(1 + √(pr))), the derivatives exactly from (log w)' = ∓2p·tan (cot) and
///   tan' = 1 + tan². The 512 terms next to t = n, where ω^r is not smooth, and short
///   ranges are summed term by term. Bounded work (≤ ~3,000 evaluations plus 24 per panel,
///   O(log n + √(pr)) panels: ~2 ms at n = 10^18); an approximation, with relative error
///   below 1e-13 against long-double loops wherever ω changes by less than a quarter per
///   step (2pr·tan θ·π/(2n) <= 1/4; in the far tail of a very high power, 1e-13 of the
///   largest term instead).
#ifndef LRSCHED_DETAIL_COSINE_SUM_HPP
#define LRSCHED_DETAIL_COSINE_SUM_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <lrsched/detail/minmax.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched::detail {

inline constexpr long double pi_ld = 3.141592653589793238462643383279502884L;

/// The angle per step of a cosine over `steps` steps, x = π / (2 steps); 0 when steps <= 0.
template <class Real = long double>
[[nodiscard]] Real quarter_wave_angle(std::int64_t steps) noexcept {
  return steps > 0 ? static_cast<Real>(pi_ld / (2.0L * static_cast<long double>(steps))) : Real(0);
}

/// w(t) = cos^{2p}(t·x) for 0 <= t <= steps, x = quarter_wave_angle(steps), with full
/// relative precision: past the middle it is sin^{2p}((steps − t)·x).
template <class Real>
[[nodiscard]] Real cosine_weight(std::int64_t step, std::int64_t steps, Real angle,
                                 Real exponent) noexcept {
  const Real v = step <= steps / 2 ? std::cos(angle * static_cast<Real>(step))
                                   : std::sin(angle * static_cast<Real>(steps - step));
  const Real c = v * v;
  return exponent == Real(1) ? c : std::pow(c, exponent);
}

/// w̄(t) = 1 − cos^{2p}(t·x), with full relative precision near t = 0.
template <class Real>
[[nodiscard]] Real cosine_weight_complement(std::int64_t step, std::int64_t steps, Real angle,
                                            Real exponent) noexcept {
  if (step <= steps / 2) {
    const Real v = std::sin(angle * static_cast<Real>(step));
    const Real s = v * v;
    return exponent == Real(1) ? s : -std::expm1(exponent * std::log1p(-s));
  }
  const Real u = angle * static_cast<Real>(steps - step);
  if (exponent == Real(1)) {
    const Real v = std::cos(u);
    return v * v;
  }
  const Real v = std::sin(u);  // w = (v²)^p <= 1/2 here: 1 − w does not cancel
  return Real(1) - std::pow(v * v, exponent);
}

/// A weight falling from 1 to 0 and its complement, each accurate near 0 (for the cosine,
/// w = cos²θ and w̄ = sin²θ).
template <class Real>
struct weight_pair {
  Real weight;      ///< falling from 1 (cos²θ)
  Real complement;  ///< 1 − weight, rising from 0 (sin²θ)
};

/// w and w̄ at θ = (π/2)·x^k, x = offset/length in [0, 1] (a real position: restarts whose
/// cycles do not start on whole steps, timm's k-decay), each with full relative precision
/// where it approaches 0: past θ = π/4 the reflected angle (π/2)·(1 − x^k) is formed from
/// remaining = length − offset, which the caller computes exactly (in integers or long
/// double, before any rounding to Real). One sine and one cosine.
template <class Real>
[[nodiscard]] weight_pair<Real> cosine_weight_pair(Real offset, Real remaining, Real length,
                                                   Real k = Real(1)) noexcept {
  if (offset <= Real(0)) return {Real(1), Real(0)};
  const Real x = offset / length;
  const Real rest = remaining / length;  // 1 − x
  const Real r = k == Real(1) ? x : std::pow(x, k);
  const Real r_rest = k == Real(1) ? rest : -std::expm1(k * std::log1p(-rest));
  const auto quarter = static_cast<Real>(pi_ld / 2.0L);
  if (r <= Real(0.5)) {
    const Real c = std::cos(quarter * r);
    const Real s = std::sin(quarter * r);
    return {c * c, s * s};
  }
  const Real c = std::cos(quarter * r_rest);
  const Real s = std::sin(quarter * r_rest);
  return {s * s, c * c};
}

/// g(N, x) = N sin x − sin(N x), which is >= 0; accurate for every N >= 0 and N·x <= π.
[[nodiscard]] inline long double sine_excess(long double count_n, long double angle) noexcept {
  const long double y = count_n * angle;
  if (y >= 1.0L) return count_n * std::sin(angle) - std::sin(y);
  // N x Σ_{k≥1} (−1)^{k+1} r_k/(2k+1)!, r_k = x^{2k}(N^{2k} − 1), r_{k+1} = y² r_k + x^{2k} r_1.
  const long double x2 = angle * angle;
  const long double y2 = y * y;
  const long double r1 = (count_n - 1.0L) * (count_n + 1.0L) * x2;
  long double r = r1;
  long double x_power = 1.0L;
  long double factorial = 6.0L;
  long double total = 0.0L;
  for (int k = 1; k < 40; ++k) {
    const long double term = r / factorial;
    total += (k % 2 == 1) ? term : -term;
    if (std::fabs(term) <= 1e-22L * std::fabs(total)) break;
    x_power *= x2;
    r = r * y2 + r1 * x_power;
    factorial *= static_cast<long double>((2 * k + 2) * (2 * k + 3));
  }
  return count_n * angle * total;
}

/// Σ_{j=0}^{m−1} sin²(centre + (j − (m−1)/2)·step): m angles `step` apart around `centre`
/// (any real centre, so the angles need not be multiples of the step), for m·step <= π:
/// [g(m, step) + 2 sin(m step) sin²(centre)] / (2 sin step) — the Dirichlet kernel with
/// cos(2·centre) = 1 − 2 sin²(centre), two non-negative terms.
[[nodiscard]] inline long double sine_squared_progression_sum(long double count_m,
                                                              long double centre,
                                                              long double step) noexcept {
  if (count_m <= 0.0L) return 0.0L;
  const long double half = std::sin(centre);
  if (count_m == 1.0L) return half * half;
  return (sine_excess(count_m, step) + 2.0L * std::sin(count_m * step) * half * half) /
         (2.0L * std::sin(step));
}

/// Σ_{u=first}^{last−1} sin²(u·x) for 0 <= first <= last, (last − first)·x <= π and
/// (first + last − 1)·x <= π: the progression around the centre c·x/2, c = first + last − 1.
[[nodiscard]] inline long double sine_squared_sum(std::int64_t first, std::int64_t last,
                                                  long double angle) noexcept {
  if (last <= first) return 0.0L;
  const long double c = static_cast<long double>(first) + static_cast<long double>(last) - 1.0L;
  return sine_squared_progression_sum(count(first, last), c * angle / 2.0L, angle);
}

/// Σ_{q=0}^{m−1} ω(k0 + q·stride) for the plain cosine weight (exponent 1), ω = w = cos²(k x)
/// or w̄ = sin²(k x), every k in [0, steps]: the squared sines of an arithmetic progression
/// of angles around the middle term (measured from `steps` for w), O(1).
[[nodiscard]] inline long double cosine_weight_progression_sum(std::int64_t k0, std::int64_t stride,
                                                               std::int64_t terms,
                                                               std::int64_t steps,
                                                               bool complement) noexcept {
  if (terms <= 0) return 0.0L;
  const long double angle = quarter_wave_angle(steps);
  const long double middle = static_cast<long double>(k0) + static_cast<long double>(terms - 1) *
                                                                static_cast<long double>(stride) /
                                                                2.0L;
  const long double centre = complement ? middle : static_cast<long double>(steps) - middle;
  return sine_squared_progression_sum(static_cast<long double>(terms), centre * angle,
                                      static_cast<long double>(stride) * angle);
}

/// Σ_{t=first}^{last−1} cos(k·2x·t) for k >= 1 with 0 < k·x < π: the Dirichlet kernel
/// sin(k m x) cos(k c x) / sin(k x), m = last − first, c = first + last − 1.
[[nodiscard]] inline long double harmonic_sum(std::int64_t first, std::int64_t last, int k,
                                              long double angle) noexcept {
  if (last <= first) return 0.0L;
  const long double kx = static_cast<long double>(k) * angle;
  const long double m = count(first, last);
  const long double c = static_cast<long double>(first) + static_cast<long double>(last) - 1.0L;
  return std::sin(kx * m) * std::cos(kx * c) / std::sin(kx);
}

// ---------------------------------------------------------------- integer powers

/// Largest p·r (exponent times 1 or 2 for squares) summed in closed form.
inline constexpr int max_closed_form_power = 24;
/// Sub-ranges up to this many steps near the zero of a power are summed term by term.
inline constexpr std::int64_t term_by_term_steps = 256;

inline constexpr std::size_t series_length = 65;
/// Coefficients of a power series in z = φ² (an even function of φ), truncated.
using even_series = std::array<long double, series_length>;

/// Product of two truncated series. For the alternating series used here every
/// product term of a coefficient has the same sign, so nothing cancels.
[[nodiscard]] inline even_series series_product(const even_series& a,
                                                const even_series& b) noexcept {
  even_series c{};
  for (std::size_t i = 0; i < series_length; ++i) {
    for (std::size_t j = 0; i + j < series_length; ++j) c[i + j] += a[i] * b[j];
  }
  return c;
}

[[nodiscard]] inline even_series series_power(even_series base, int exponent) noexcept {
  even_series result{};
  result[0] = 1.0L;
  while (exponent > 0) {
    if (exponent % 2 == 1) result = series_product(result, base);
    exponent /= 2;
    if (exponent > 0) base = series_product(base, base);
  }
  return result;
}

/// sin²(φ)/φ² = Σ_i (−1)^i 2^{2i+1} z^i / (2i+2)!.
[[nodiscard]] inline even_series sinc_squared_series() noexcept {
  even_series s{};
  long double term = 1.0L;
  for (std::size_t i = 0; i < series_length; ++i) {
    s[i] = i % 2 == 0 ? term : -term;
    const auto k = static_cast<long double>(i);
    term *= 4.0L / ((2.0L * k + 3.0L) * (2.0L * k + 4.0L));
  }
  return s;
}

/// cos²(θ) = 1 + Σ_{i≥1} (−1)^i 2^{2i−1} z^i / (2i)!: cos²(θ) = 1 − θ²·sin²(θ)/θ².
[[nodiscard]] inline even_series cosine_squared_series() noexcept {
  const even_series sinc2 = sinc_squared_series();
  even_series c{};
  c[0] = 1.0L;
  for (std::size_t i = 1; i < series_length; ++i) c[i] = -sinc2[i - 1];
  return c;
}

/// Coefficients γ_k of the midpoint Euler–Maclaurin formula, (z/2)/sinh(z/2) = Σ γ_k z^{2k}
/// (γ_k = B_{2k}(½)/(2k)!), by inverting Σ_j z^{2j} / (4^j (2j+1)!).
inline constexpr std::size_t midpoint_terms = 24;
constexpr std::array<long double, midpoint_terms> make_midpoint_coefficients() {
  std::array<long double, midpoint_terms> s{};
  std::array<long double, midpoint_terms> g{};
  long double term = 1.0L;
  for (std::size_t j = 0; j < midpoint_terms; ++j) {
    s[j] = term;
    const auto k = static_cast<long double>(j);
    term /= 4.0L * (2.0L * k + 2.0L) * (2.0L * k + 3.0L);
  }
  g[0] = 1.0L;
  for (std::size_t k = 1; k < midpoint_terms; ++k) {
    long double acc = 0.0L;
    for (std::size_t j = 1; j <= k; ++j) acc += s[j] * g[k - j];
    g[k] = -acc;
  }
  return g;
}
inline constexpr std::array<long double, midpoint_terms> midpoint_coefficients =
    make_midpoint_coefficients();

/// Σ_{u=first}^{last−1} Σ_i coefficient_i (u x)^{2(shift+i)} for a range with more than
/// term_by_term_steps steps and (last − 1)·x below 1: Σ_u (u x)^{2j} = Σ_l C(2j,2l) Y^{2j−2l} Z_l
/// about the centre Y = (first + last − 1) x / 2, where Z_l = x^{2l} Σ_v v^{2l} over the
/// symmetric offsets v comes from the midpoint Euler–Maclaurin formula. All terms >= 0.
[[nodiscard]] inline long double power_series_sum(std::int64_t first, std::int64_t last,
                                                  long double angle, int shift,
                                                  const even_series& coefficient) noexcept {
  constexpr int max_power = max_closed_form_power + static_cast<int>(series_length);
  const long double half_width = count(first, last) / 2.0L;
  const long double centre =
      (static_cast<long double>(first) + static_cast<long double>(last) - 1.0L) * angle / 2.0L;
  const long double half_angle = half_width * angle;
  std::array<long double, max_power + 1> z{};        // Z_l
  std::array<long double, max_power + 1> centre2{};  // Y^{2l}
  centre2[0] = 1.0L;
  long double half_power = half_angle;  // (h x)^{2l+1}
  const long double inverse_h2 = 1.0L / (half_width * half_width);
  for (int l = 0; l <= max_power; ++l) {
    if (l > 0)
      centre2[static_cast<std::size_t>(l)] =
          centre2[static_cast<std::size_t>(l - 1)] * centre * centre;
    // Σ_k γ_k (2l)!/(2l−2k+1)! h^{−2k}
    long double factor = 1.0L / static_cast<long double>(2 * l + 1);
    long double inner = factor;
    long double h_power = 1.0L;
    for (int k = 1; k <= l && k < static_cast<int>(midpoint_terms); ++k) {
      factor *= static_cast<long double>((2 * l - 2 * k + 3) * (2 * l - 2 * k + 2));
      h_power *= inverse_h2;
      const long double term =
          midpoint_coefficients[static_cast<std::size_t>(k)] * factor * h_power;
      inner += term;
      if (std::fabs(term) <= 1e-24L * std::fabs(inner)) break;
    }
    z[static_cast<std::size_t>(l)] = 2.0L * half_power * inner / angle;
    half_power *= half_angle * half_angle;
  }
  compensated_sum total;
  int negligible = 0;
  for (std::size_t i = 0; i < series_length; ++i) {
    const int j = shift + static_cast<int>(i);
    if (j > max_power) break;
    // P_j = Σ_l C(2j, 2l) Y^{2j−2l} Z_l
    long double power_sum = 0.0L;
    long double binomial = 1.0L;
    for (int l = 0; l <= j; ++l) {
      power_sum +=
          binomial * centre2[static_cast<std::size_t>(j - l)] * z[static_cast<std::size_t>(l)];
      binomial *= static_cast<long double>((2 * j - 2 * l) * (2 * j - 2 * l - 1)) /
                  static_cast<long double>((2 * l + 1) * (2 * l + 2));
    }
    const long double term = coefficient[i] * power_sum;
    total.add(term);
    negligible = std::fabs(term) <= 1e-23L * std::fabs(total.value()) ? negligible + 1 : 0;
    if (negligible == 2) break;
  }
  return total.value();
}

/// An even trigonometric polynomial F(φ) = Σ_k harmonic_k cos(2kφ) = φ^{2·shift} Σ_i series_i
/// φ^{2i}, with F(0) = 0, summed at φ = u·x.
struct vanishing_trig_polynomial {
  int degree = 0;
  std::array<long double, 2 * max_closed_form_power + 1> harmonic{};
  int shift = 0;
  even_series series{};
  long double series_limit = 0.0L;  ///< below this angle the Taylor series is used
};

/// Cosine coefficients of cos^{2q}(θ): 4^{−q} C(2q, q) and 2·4^{−q} C(2q, q − k).
[[nodiscard]] inline std::array<long double, 2 * max_closed_form_power + 1> cosine_power_harmonics(
    int q) noexcept {
  std::array<long double, 2 * max_closed_form_power + 1> a{};
  // C(2q, q − k) / 4^q from k = q (1/4^q) downwards: C(2q, j+1) = C(2q, j)(2q − j)/(j + 1).
  long double binomial = std::ldexp(1.0L, -2 * q);  // C(2q, 0)/4^q
  for (int j = 0; j <= q; ++j) {
    const int k = q - j;
    a[static_cast<std::size_t>(k)] = k == 0 ? binomial : 2.0L * binomial;
    binomial *= static_cast<long double>(2 * q - j) / static_cast<long double>(j + 1);
  }
  return a;
}

/// sin^{2q}(φ): harmonics (−1)^k a_k of cos^{2q}; series φ^{2q} (sin²φ/φ²)^q.
[[nodiscard]] inline vanishing_trig_polynomial sine_power_polynomial(int q) noexcept {
  vanishing_trig_polynomial f;
  f.degree = q;
  f.harmonic = cosine_power_harmonics(q);
  for (int k = 1; k <= q; k += 2) f.harmonic[static_cast<std::size_t>(k)] *= -1.0L;
  f.shift = q;
  f.series = series_power(sinc_squared_series(), q);
  f.series_limit = 0.881373587019543025232609L;  // asinh(1): where sinh φ = 1
  return f;
}

/// (1 − cos^{2p}(θ))^r for r = 1 or 2.
[[nodiscard]] inline vanishing_trig_polynomial complement_power_polynomial(int p, int r) noexcept {
  vanishing_trig_polynomial f;
  const auto single = cosine_power_harmonics(p);
  if (r == 1) {
    f.degree = p;
    for (int k = 0; k <= p; ++k)
      f.harmonic[static_cast<std::size_t>(k)] = -single[static_cast<std::size_t>(k)];
    f.harmonic[0] += 1.0L;
  } else {  // 1 − 2 cos^{2p} + cos^{4p}
    f.degree = 2 * p;
    f.harmonic = cosine_power_harmonics(2 * p);
    for (int k = 0; k <= p; ++k)
      f.harmonic[static_cast<std::size_t>(k)] -= 2.0L * single[static_cast<std::size_t>(k)];
    f.harmonic[0] += 1.0L;
  }
  // (1 − cos^{2p})/z, then its r-th power; coefficient 0 of cos^{2p} is exactly 1.
  const even_series cosine_power = series_power(cosine_squared_series(), p);
  even_series reduced{};
  for (std::size_t i = 0; i + 1 < series_length; ++i) reduced[i] = -cosine_power[i + 1];
  f.shift = r;
  f.series = series_power(reduced, r);
  f.series_limit = 0.5L;
  return f;
}

/// Σ_{u=first}^{last−1} F(u x) for 0 <= first <= last with last·x <= π/2 + x: Taylor
/// series below F's series limit (term by term when short), Dirichlet kernels above.
template <class Term>
[[nodiscard]] long double vanishing_polynomial_sum(const vanishing_trig_polynomial& f,
                                                   std::int64_t first, std::int64_t last,
                                                   long double angle, const Term& term) noexcept {
  const auto by_terms = [&](std::int64_t a, std::int64_t b) {
    compensated_sum acc;
    for (std::int64_t u = a; u < b; ++u) acc.add(term(u));
    return acc.value();
  };
  if (last - first <= term_by_term_steps) return by_terms(first, last);
  const auto series_end = static_cast<std::int64_t>(std::ceil(f.series_limit / angle));
  const std::int64_t split = detail::clamp_to(series_end, first, last);
  long double total = 0.0L;
  if (first < split) {
    total += split - first <= term_by_term_steps
                 ? by_terms(first, split)
                 : power_series_sum(first, split, angle, f.shift, f.series);
  }
  if (split < last) {
    total += f.harmonic[0] * count(split, last);
    for (int k = 1; k <= f.degree; ++k) {
      total += f.harmonic[static_cast<std::size_t>(k)] * harmonic_sum(split, last, k, angle);
    }
  }
  return total;
}

// ---------------------------------------------------------------- any exponent

/// Nodes and weights of 24-point Gauss–Legendre quadrature on [−1, 1], by Newton's
/// method on the Legendre polynomial (computed once).
inline constexpr std::size_t gauss_points = 24;
struct gauss_rule {
  std::array<long double, gauss_points> node{};
  std::array<long double, gauss_points> weight{};
};
[[nodiscard]] inline gauss_rule make_gauss_rule() noexcept {
  gauss_rule rule;
  constexpr int n = static_cast<int>(gauss_points);
  for (int i = 0; i < n; ++i) {
    long double x = std::cos(pi_ld * (static_cast<long double>(i) + 0.75L) /
                             (static_cast<long double>(n) + 0.5L));
    long double derivative = 1.0L;
    for (int iteration = 0; iteration < 100; ++iteration) {
      long double p0 = 1.0L;
      long double p1 = x;
      for (int k = 2; k <= n; ++k) {
        const long double p2 = ((2.0L * k - 1.0L) * x * p1 - (k - 1.0L) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = n * (x * p1 - p0) / (x * x - 1.0L);
      const long double dx = p1 / derivative;
      x -= dx;
      if (std::fabs(dx) <= 1e-21L) break;
    }
    rule.node[static_cast<std::size_t>(i)] = x;
    rule.weight[static_cast<std::size_t>(i)] = 2.0L / ((1.0L - x * x) * derivative * derivative);
  }
  return rule;
}
[[nodiscard]] inline const gauss_rule& gauss_legendre() noexcept {
  static const gauss_rule rule = make_gauss_rule();
  return rule;
}

/// The cosine weight ω(τ)^power (ω = w or w̄) and its first `orders` derivatives in τ at a
/// real step τ in [−½, steps], for any exponent p > 0: w = cos^{2p}(τx) on the first half
/// and sin^{2p}((steps − τ)x) on the second, whose logarithmic derivative is ∓2p·tan or
/// ±2p·cot of the angle; higher derivatives follow from tan' = 1 + tan² and Leibniz's rule.
class cosine_weight_jet {
 public:
  static constexpr int max_order = 11;

  cosine_weight_jet(std::int64_t steps, long double exponent, int power, bool complement)
      : steps_int_(steps),
        steps_(static_cast<long double>(steps)),
        angle_(quarter_wave_angle(steps)),
        exponent_(exponent),
        power_(power),
        complement_(complement) {}

  /// A real step given by its distance from the start (τ) or, past the middle, from the
  /// end (steps − τ), each formed exactly by the caller: the angle keeps full precision
  /// even where τ itself would not (steps near 2^63).
  struct position {
    long double distance;
    bool from_end;
  };

  /// The position of the real step `step` + `offset` (|offset| < 2^61), exact.
  [[nodiscard]] position at(std::int64_t step, long double offset) const noexcept {
    const long double from_start = static_cast<long double>(step) + offset;
    if (from_start <= steps_ / 2.0L) return {from_start, false};
    return {static_cast<long double>(steps_int_ - step) - offset, true};
  }

  /// ω^power at a position (full relative precision).
  [[nodiscard]] long double value(position where) const noexcept {
    return values(where, 0)[0];
  }

  /// ω^power and its derivatives in τ up to `orders` at a position.
  [[nodiscard]] std::array<long double, max_order + 1> values(position where,
                                                              int orders) const noexcept {
    const bool first_half = !where.from_end;
    const long double angle = where.distance * angle_;
    const long double sine = std::sin(angle);
    const long double cosine = std::cos(angle);
    // The weight w, its complement, and g = tan θ (first half) or cot φ (second half).
    long double w = 0.0L;
    long double wbar = 0.0L;
    if (first_half) {
      const long double log_w = exponent_ * std::log1p(-sine * sine);
      w = std::exp(log_w);
      wbar = -std::expm1(log_w);
    } else {
      w = std::pow(sine * sine, exponent_);
      wbar = 1.0L - w;
    }
    std::array<long double, max_order + 1> d{};
    d[0] = w;
    if (orders > 0 && w > 0.0L) {
      const long double g = first_half ? sine / cosine : cosine / sine;
      const long double kappa = first_half ? -2.0L * exponent_ : 2.0L * exponent_;
      const long double sigma = first_half ? 1.0L : -1.0L;
      const long double chain = first_half ? angle_ : -angle_;  // dθ/dτ or dφ/dτ
      // L_k = P_k(g), the k-th derivative of log w in the angle; P_1 = κ g,
      // P_{k+1}(g) = σ (1 + g²) P_k'(g).
      std::array<long double, max_order + 2> poly{};
      poly[1] = kappa;
      std::array<long double, max_order + 1> log_derivative{};
      for (int k = 1; k <= orders; ++k) {
        long double at = 0.0L;
        for (int i = k; i >= 0; --i) at = at * g + poly[static_cast<std::size_t>(i)];
        log_derivative[static_cast<std::size_t>(k)] = at;
        std::array<long double, max_order + 2> next{};
        for (int i = 1; i <= k; ++i) {
          const long double c = sigma * i * poly[static_cast<std::size_t>(i)];
          next[static_cast<std::size_t>(i - 1)] += c;
          next[static_cast<std::size_t>(i + 1)] += c;
        }
        poly = next;
      }
      // w^{(m+1)} = Σ_j C(m, j) L_{j+1} w^{(m−j)}, in the angle; then in τ.
      for (int m = 0; m < orders; ++m) {
        long double total = 0.0L;
        long double binomial = 1.0L;
        for (int j = 0; j <= m; ++j) {
          total += binomial * log_derivative[static_cast<std::size_t>(j + 1)] *
                   d[static_cast<std::size_t>(m - j)];
          binomial = binomial * (m - j) / (j + 1);
        }
        d[static_cast<std::size_t>(m + 1)] = total;
      }
      long double scale = 1.0L;
      for (int m = 1; m <= orders; ++m) {
        scale *= chain;
        d[static_cast<std::size_t>(m)] *= scale;
      }
    }
    if (complement_) {
      d[0] = wbar;
      for (int m = 1; m <= orders; ++m) d[static_cast<std::size_t>(m)] = -d[static_cast<std::size_t>(m)];
    }
    if (power_ == 1) return d;
    std::array<long double, max_order + 1> squared{};  // Leibniz: (ω²)^{(m)}
    for (int m = 0; m <= orders; ++m) {
      long double total = 0.0L;
      long double binomial = 1.0L;
      for (int j = 0; j <= m; ++j) {
        total += binomial * d[static_cast<std::size_t>(j)] * d[static_cast<std::size_t>(m - j)];
        binomial = binomial * (m - j) / (j + 1);
      }
      squared[static_cast<std::size_t>(m)] = total;
    }
    return squared;
  }

  /// ∫ ω^power over τ in [from, to] (from <= to, both in [−steps/2, steps]): Gauss–Legendre
  /// on panels that grow geometrically away from the start and the end (where ω^power
  /// behaves like a power of the distance), each at most steps/(4(1 + √(p·power))) long.
  [[nodiscard]] long double integral(position from, position to) const noexcept {
    const long double middle = steps_ / 2.0L;
    compensated_sum total;
    if (!from.from_end) {
      long double lo = from.distance;
      if (lo < 0.0L) {  // ω is even about τ = 0
        integrate_graded(0.0L, min_of(-lo, middle), false, total);
        lo = 0.0L;
      }
      integrate_graded(lo, to.from_end ? middle : to.distance, false, total);
    }
    if (to.from_end) {
      integrate_graded(to.distance, from.from_end ? from.distance : steps_ - middle, true, total);
    }
    return total.value();
  }

 private:
  // Panels on the distances [near, far] from the start (or the end), graded away from the end.
  void integrate_graded(long double near, long double far, bool from_end,
                        compensated_sum& total) const noexcept {
    if (!(near < far)) return;
    const gauss_rule& rule = gauss_legendre();
    // The shape is a bump of width ~steps/√p for a large exponent: no panel wider than that.
    const long double widest =
        max_of(1.0L, steps_ / (4.0L * (1.0L + std::sqrt(exponent_ * power_))));
    // Near the end ω^power ~ distance^{2p·power}, not smooth at 0 for a non-integer p:
    // consecutive panels grow by the factor `ratio`, so that the power changes by at most
    // e^48 over a panel, a shape 24 Gauss points (exact to degree 47) integrate to
    // long-double precision. Near the start ω is an even analytic function of the angle:
    // panels of the widest size.
    const long double ratio =
        from_end ? std::exp(min_of(0.7L, 24.0L / (exponent_ * power_))) : 0.0L;
    long double lo = near;
    while (lo < far) {
      long double hi = from_end ? max_of(lo * ratio, lo + 1.0L) : lo + widest;
      hi = min_of(min_of(hi, lo + widest), far);
      const long double half = (hi - lo) / 2.0L;
      const long double centre = (hi + lo) / 2.0L;
      long double panel = 0.0L;
      for (std::size_t i = 0; i < gauss_points; ++i) {
        panel += rule.weight[i] * value({centre + half * rule.node[i], from_end});
      }
      total.add(panel * half);
      lo = hi;
    }
  }

  std::int64_t steps_int_;
  long double steps_;
  long double angle_;
  long double exponent_;
  int power_;
  bool complement_;
};

/// Σ_{k=0}^{terms−1} ω(first + k·stride)^power for any exponent, the steps within
/// [0, steps], by the midpoint Euler–Maclaurin formula in k: (1/stride)·∫ ω^power over
/// [first − stride/2, first + (K − ½)·stride] plus five derivative corrections
/// γ_k (B_{2k}(½)/(2k)!) [F^{(2k−1)}] at the two ends (F(k) = ω(first + k·stride)). The
/// terms within `near_end` strides of `steps`, where ω^power behaves like
/// (steps − t)^{2p·power} and is not smooth for a non-integer exponent, and progressions of
/// at most 2·near_end terms, are summed term by term. At most ~3,000 evaluations plus
/// 24 per quadrature panel (O(log steps + √p) panels). Accuracy: see cosine_weight_sum.
[[nodiscard]] inline long double cosine_weight_progression_any_exponent(
    std::int64_t first, std::int64_t stride, std::int64_t terms, std::int64_t steps,
    long double exponent, int power, bool complement) noexcept {
  constexpr std::int64_t near_end = 512;
  const cosine_weight_jet jet(steps, exponent, power, complement);
  const auto by_terms = [&](std::int64_t a, std::int64_t b) {
    compensated_sum acc;
    for (std::int64_t k = a; k < b; ++k) acc.add(jet.value(jet.at(first + k * stride, 0.0L)));
    return acc.value();
  };
  if (terms <= 2 * near_end) return by_terms(0, terms);
  // Terms k < smooth lie at least near_end strides before `steps`.
  const long double room = (static_cast<long double>(steps) - static_cast<long double>(first)) /
                               static_cast<long double>(stride) -
                           static_cast<long double>(near_end);
  const auto smooth = static_cast<std::int64_t>(
      clamp_to(std::ceil(room), 0.0L, static_cast<long double>(terms)));
  compensated_sum total;
  total.add(by_terms(smooth, terms));
  if (smooth <= 2 * near_end) {
    total.add(by_terms(0, smooth));
    return total.value();
  }
  // k = −½ and k = smooth − ½, as steps.
  const auto h = static_cast<long double>(stride);
  const auto a = jet.at(first, -h / 2.0L);
  const auto b = jet.at(first + smooth * stride, -h / 2.0L);
  total.add(jet.integral(a, b) / h);
  constexpr int corrections = 5;
  const auto at_a = jet.values(a, 2 * corrections - 1);
  const auto at_b = jet.values(b, 2 * corrections - 1);
  long double h_power = h;  // stride^{2k−1}: dF/dk = stride·dω/dτ
  for (int k = 1; k <= corrections; ++k) {
    const auto order = static_cast<std::size_t>(2 * k - 1);
    total.add(midpoint_coefficients[static_cast<std::size_t>(k)] * h_power *
              (at_b[order] - at_a[order]));
    h_power *= h * h;
  }
  return total.value();
}

/// Σ_{t=first}^{last−1} ω(t)^power with ω = w (complement false) or w̄ = 1 − w, for
/// 0 <= first <= last <= steps, steps >= 1, power 1 or 2. See the file comment for the
/// method and its accuracy.
[[nodiscard]] inline long double cosine_weight_sum(std::int64_t first, std::int64_t last,
                                                   std::int64_t steps, double exponent,
                                                   int power = 1,
                                                   bool complement = false) noexcept {
  if (last <= first) return 0.0L;
  if (first == 0 && !complement) {
    // w(0) = 1 exactly; the reflected range below starts at u = steps − first + 1, which
    // must not overflow for steps = INT64_MAX.
    return 1.0L + cosine_weight_sum(1, last, steps, exponent, power, complement);
  }
  const long double angle = quarter_wave_angle(steps);
  if (exponent == 1.0 && power == 1) {
    return complement ? sine_squared_sum(first, last, angle)
                      : sine_squared_sum(steps - last + 1, steps - first + 1, angle);
  }
  const auto p = static_cast<long double>(exponent);
  const auto weight_at = [&](std::int64_t t) {
    const long double v = complement ? cosine_weight_complement(t, steps, angle, p)
                                     : cosine_weight(t, steps, angle, p);
    return power == 1 ? v : v * v;
  };
  const bool closed_form = exponent == std::floor(exponent) &&
                           exponent * power <= static_cast<double>(max_closed_form_power);
  if (!closed_form) {
    return cosine_weight_progression_any_exponent(first, 1, last - first, steps, p, power,
                                                  complement);
  }
  if (last - first <= term_by_term_steps) {
    compensated_sum acc;
    for (std::int64_t t = first; t < last; ++t) acc.add(weight_at(t));
    return acc.value();
  }
  const int integer_exponent = static_cast<int>(exponent);
  if (complement) {
    return vanishing_polynomial_sum(complement_power_polynomial(integer_exponent, power), first,
                                    last, angle, weight_at);
  }
  // w(t)^power = sin^{2·p·power}(u x) with u = steps − t.
  return vanishing_polynomial_sum(sine_power_polynomial(integer_exponent * power), steps - last + 1,
                                  steps - first + 1, angle,
                                  [&](std::int64_t u) { return weight_at(steps - u); });
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_COSINE_SUM_HPP
