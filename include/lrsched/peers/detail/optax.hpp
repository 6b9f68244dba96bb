// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/optax.hpp
/// @brief The machinery behind peers/optax.hpp: the peer's own factors and their sums,
/// argument checks and description helpers. Not part of the API.
#ifndef LRSCHED_PEERS_DETAIL_OPTAX_HPP
#define LRSCHED_PEERS_DETAIL_OPTAX_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/boundaries.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>

namespace lrsched::detail::optax {

using namespace lrsched::detail;

/// optax's `boundaries_and_scales` (a dict {step: scale}, applied in step order): the
/// knots (0, init_value), (b₁, init·s₁), (b₂, init·s₁·s₂), ... with the products
/// formed left to right as optax's `cumprod` does. Scales must be >= 0 (optax's own
/// check) and, for interpolation, steps >= 0.
inline std::vector<knot> scaled_knots(std::string_view function, double init_value,
                                      const std::map<std::int64_t, double>& boundaries_and_scales) {
  require_finite(function, "init_value", init_value);
  std::vector<knot> knots{{0, init_value}};
  double value = init_value;
  for (const auto& [boundary, scale] : boundaries_and_scales) {
    const auto entry = "boundaries_and_scales[" + format_number(boundary) + "]";
    if (!(scale >= 0.0) || !std::isfinite(scale)) reject(function, entry, "finite and >= 0", scale);
    value *= scale;
    if (!std::isfinite(value)) reject(function, entry, "small enough for a finite value", scale);
    knots.push_back({boundary, value});
  }
  return knots;
}

inline void require_nonnegative_boundaries(std::string_view function,
                                           const std::vector<knot>& knots) {
  for (const auto& k : knots) {
    if (k.step < 0) reject(function, "boundaries_and_scales", "keyed by steps >= 0", k.step);
  }
}

/// Cosine interpolation between knots, optax's `_cosine_interpolate`: each segment a
/// native `cosine` from one knot's value to the next (rising or falling), the last
/// knot's value held after. Built at run time, as the number of knots is.
inline any_schedule cosine_between(const std::vector<knot>& knots) {
  std::vector<any_schedule> pieces;
  std::vector<std::int64_t> steps;
  for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
    const std::int64_t length = knots[i + 1].step - knots[i].step;
    pieces.emplace_back(cosine(knots[i].value, knots[i + 1].value, length));
    steps.push_back(length);
  }
  pieces.emplace_back(constant(knots.back().value));
  return any_schedule::chain(std::move(pieces), std::move(steps));
}

/// The step optax computes as `int(pct * transition_steps)` (truncation toward zero).
inline std::int64_t truncated_step(double pct, std::int64_t transition_steps) {
  return static_cast<std::int64_t>(pct * static_cast<double>(transition_steps));
}

inline double require_fraction(std::string_view function, std::string_view parameter,
                               double value) {
  if (!(value >= 0.0 && value <= 1.0)) reject(function, parameter, "in [0, 1]", value);
  return value;
}

inline description describe_scales(description d,
                                   const std::map<std::int64_t, double>& boundaries_and_scales) {
  std::vector<std::int64_t> boundaries;
  std::vector<double> scales;
  for (const auto& [boundary, scale] : boundaries_and_scales) {
    boundaries.push_back(boundary);
    scales.push_back(scale);
  }
  return d.with("boundaries", std::move(boundaries)).with("scales", std::move(scales));
}

}  // namespace lrsched::detail::optax

#endif  // LRSCHED_PEERS_DETAIL_OPTAX_HPP
