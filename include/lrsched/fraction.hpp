// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file fraction.hpp
/// @brief `steps_from_fraction`: a fraction of a run (a warmup ratio) as a whole number of steps.
#ifndef LRSCHED_FRACTION_HPP
#define LRSCHED_FRACTION_HPP

#include <cmath>
#include <cstdint>

#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// @brief The number of steps in `fraction` of `total_steps`: ⌈fraction·total_steps⌉, except
/// that a product within the representation error of `fraction` (total_steps times one ulp
/// of it) of a whole number is that whole number.
///
/// A fraction written in decimal is rarely a double: 0.07 is stored as 0.0700000000000000067,
/// so 0.07 × 100 comes out as 7.000000000000001 and a bare ceiling gives 8 warmup steps where
/// the user meant 7 (what HF's `warmup_ratio` does; its peer-faithful loader keeps HF's
/// ceiling). Here a product that is whole up to the representation error of the fraction
/// counts as whole; any real part of a step beyond that counts as a step (0.333 × 10 → 4,
/// 0.3 × 3'000'000'001 → 900'000'001), at every total.
/// @param fraction in [0, 1].
/// @param total_steps >= 0.
/// @throws invalid_schedule naming the parameter for a fraction outside [0, 1] or NaN, or a
/// negative total.
[[nodiscard]] inline std::int64_t steps_from_fraction(double fraction, std::int64_t total_steps) {
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    detail::reject("steps_from_fraction", "fraction", "in [0, 1]", fraction);
  }
  detail::require_steps("steps_from_fraction", "total_steps", total_steps);
  const long double product = static_cast<long double>(fraction) * total_steps;
  const long double nearest = std::nearbyint(product);
  // The decimal the caller wrote lies within half an ulp of `fraction`, so its product with
  // the total lies within total·ulp/2 of `fraction`'s; add the long-double rounding of the
  // product (< 2^-63 relative). Anything further from a whole number is a real part of a step.
  const long double ulp = std::nextafter(fraction, 2.0) - fraction;
  const long double tolerance =
      static_cast<long double>(total_steps) * ulp + std::fabs(product) * 0x1p-62L;
  if (std::fabs(product - nearest) <= tolerance) return static_cast<std::int64_t>(nearest);
  return static_cast<std::int64_t>(std::ceil(product));
}

}  // namespace lrsched

#endif  // LRSCHED_FRACTION_HPP
