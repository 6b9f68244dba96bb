// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/optax.hpp
/// @brief optax's schedule functions (`optax/schedules/_schedule.py`, `_join.py`),
/// reproduced step for step.
///
/// Each function has optax's name and its parameters in optax's order, with
/// optax's defaults. `s(t)` is `schedule(t)`, `t` the number of updates already
/// applied, evaluated in double precision (JAX defaults to float32; lrsched
/// reproduces the float64 values). optax's conventions are lrsched's: update 0
/// gets f(0), boundaries switch AT the boundary step, shapes hold their final
/// value past the end, and warmup schedules count the warmup inside
/// `decay_steps`. Where optax silently degrades a parameter (a non-positive
/// `transition_steps` gives a constant, a negative `transition_begin` counts as
/// 0), the same happens here; where optax would produce NaN or an unbounded
/// value, lrsched rejects the parameter.
///
/// Every function returns a native composition wrapped as a peer schedule: it
/// evaluates and sums as that composition does (closed forms throughout) and
/// describes itself as `"optax.<function>"` with optax's parameter names.
#ifndef LRSCHED_PEERS_OPTAX_HPP
#define LRSCHED_PEERS_OPTAX_HPP

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
#include <lrsched/peers/detail/optax.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>

namespace lrsched::optax {

/// @brief optax `constant_schedule(value)`: `value` at every step. Native: `constant`.
[[nodiscard]] inline auto constant_schedule(double value) {
  constexpr std::string_view name = "optax.constant_schedule";
  return detail::as_peer(constant(detail::optax::require_finite(name, "value", value)),
                         description{std::string(name)}.with("value", value));
}

/// @brief optax `linear_schedule`: `init_value` until `transition_begin`, then a
/// straight line to `end_value` over `transition_steps` steps, then `end_value`.
///
/// Same semantics as native: `shift(linear(init_value, end_value,
/// transition_steps), transition_begin)`. As in optax, `transition_steps <= 0`
/// gives the constant `init_value` and a negative `transition_begin` counts as 0.
/// Sum: arithmetic series.
[[nodiscard]] inline auto linear_schedule(double init_value, double end_value,
                                          std::int64_t transition_steps,
                                          std::int64_t transition_begin = 0) {
  constexpr std::string_view name = "optax.linear_schedule";
  detail::optax::require_finite(name, "init_value", init_value);
  detail::optax::require_finite(name, "end_value", end_value);
  const bool ramps = transition_steps > 0;
  return detail::as_peer(
      shift(linear(init_value, ramps ? end_value : init_value, ramps ? transition_steps : 0),
            std::max<std::int64_t>(transition_begin, 0)),
      description{std::string(name)}
          .with("init_value", init_value)
          .with("end_value", end_value)
          .with("transition_steps", transition_steps)
          .with("transition_begin", transition_begin));
}

/// @brief optax `polynomial_schedule`: `init_value` until `transition_begin`, then
/// `(init − end)·(1 − (t − begin)/transition_steps)^power + end`, then `end_value`.
///
/// Same semantics as native `shift(polynomial(init_value, end_value,
/// transition_steps, power), transition_begin)`. As in optax, `transition_steps <=
/// 0` gives the constant `init_value` and a negative `transition_begin` counts as
/// 0; with `power == 0` optax's `frac ** 0` is 1 even at the end (`0.0 ** 0 == 1`),
/// so the value is `init_value` for ever (native `polynomial` would step to
/// `end_value`); lrsched requires `power >= 0` (optax gives inf or NaN below it).
/// Sum: power sums (Faulhaber for an integer power).
[[nodiscard]] inline auto polynomial_schedule(double init_value, double end_value, double power,
                                              std::int64_t transition_steps,
                                              std::int64_t transition_begin = 0) {
  constexpr std::string_view name = "optax.polynomial_schedule";
  detail::optax::require_finite(name, "init_value", init_value);
  detail::optax::require_finite(name, "end_value", end_value);
  detail::require_nonnegative(name, "power", power);
  const bool decays = transition_steps > 0 && power != 0.0;
  return detail::as_peer(shift(polynomial(init_value, decays ? end_value : init_value,
                                          decays ? transition_steps : 0, power),
                               std::max<std::int64_t>(transition_begin, 0)),
                         description{std::string(name)}
                             .with("init_value", init_value)
                             .with("end_value", end_value)
                             .with("power", power)
                             .with("transition_steps", transition_steps)
                             .with("transition_begin", transition_begin));
}

/// @brief optax `warmup_constant_schedule`: a linear warmup from `init_value` to
/// `peak_value` over `warmup_steps`, then `peak_value` (optax builds it as a
/// `linear_schedule`). Native: `linear(init_value, peak_value, warmup_steps)`.
[[nodiscard]] inline auto warmup_constant_schedule(double init_value, double peak_value,
                                                   std::int64_t warmup_steps) {
  constexpr std::string_view name = "optax.warmup_constant_schedule";
  detail::optax::require_finite(name, "init_value", init_value);
  detail::optax::require_finite(name, "peak_value", peak_value);
  const bool ramps = warmup_steps > 0;
  return detail::as_peer(
      linear(init_value, ramps ? peak_value : init_value, ramps ? warmup_steps : 0),
      description{std::string(name)}
          .with("init_value", init_value)
          .with("peak_value", peak_value)
          .with("warmup_steps", warmup_steps));
}

/// @brief optax `exponential_decay`: `init_value · decay_rate^((t − transition_begin)
/// / transition_steps)` from `transition_begin` on (floored exponent when
/// `staircase`), `init_value` before, bounded by `end_value` (a floor when
/// `decay_rate < 1`, a ceiling otherwise, applied at every step).
///
/// Same semantics as native `exponential`. As in optax, `transition_steps <= 0`
/// or `decay_rate == 0` give the constant `init_value` (and then `end_value` has
/// no effect), and a negative `transition_begin` counts as 0. lrsched rejects a
/// negative `decay_rate` (optax returns NaN) and `decay_rate > 1` without an
/// `end_value` (unbounded growth). Sum: geometric series.
[[nodiscard]] inline auto exponential_decay(double init_value, std::int64_t transition_steps,
                                            double decay_rate, std::int64_t transition_begin = 0,
                                            bool staircase = false,
                                            std::optional<double> end_value = std::nullopt) {
  constexpr std::string_view name = "optax.exponential_decay";
  detail::optax::require_finite(name, "init_value", init_value);
  if (!(decay_rate >= 0.0) || !std::isfinite(decay_rate)) {
    detail::optax::reject(name, "decay_rate", "finite and >= 0", decay_rate);
  }
  if (end_value) detail::optax::require_finite(name, "end_value", *end_value);
  if (decay_rate > 1.0 && !end_value) {
    detail::optax::reject(name, "decay_rate", "<= 1 without an end_value (the growth is unbounded)",
                          decay_rate);
  }
  auto peer = description{std::string(name)}
                  .with("init_value", init_value)
                  .with("transition_steps", transition_steps)
                  .with("decay_rate", decay_rate)
                  .with("transition_begin", transition_begin)
                  .with("staircase", staircase);
  if (end_value) peer.with("end_value", *end_value);
  if (transition_steps <= 0 || decay_rate == 0.0) {
    return detail::as_peer(exponential(init_value, 1.0, 1), std::move(peer));
  }
  return detail::as_peer(
      exponential(init_value, decay_rate, transition_steps,
                  {.staircase = staircase,
                   .transition_begin = std::max<std::int64_t>(transition_begin, 0),
                   .end_value = end_value}),
      std::move(peer));
}

/// @brief optax `cosine_decay_schedule`: `init_value · ((1 − alpha)·c(t)^exponent +
/// alpha)`, c(t) = ½(1 + cos(π·min(t, decay_steps) / decay_steps)).
///
/// Same semantics as native `cosine(init_value, alpha·init_value, decay_steps,
/// exponent)`: holds `alpha·init_value` after `decay_steps`. lrsched's cosine keeps
/// full relative precision near its end value, where optax's `1 + cos(x)` cancels;
/// the two differ there by optax's rounding (~1e-16 of `init_value`). optax requires
/// `decay_steps > 0`; lrsched also requires `exponent > 0`. Sum: closed form.
[[nodiscard]] inline auto cosine_decay_schedule(double init_value, std::int64_t decay_steps,
                                                double alpha = 0.0, double exponent = 1.0) {
  constexpr std::string_view name = "optax.cosine_decay_schedule";
  detail::optax::require_finite(name, "init_value", init_value);
  if (decay_steps <= 0) detail::optax::reject(name, "decay_steps", "> 0", decay_steps);
  detail::optax::require_finite(name, "alpha", alpha);
  detail::require_positive(name, "exponent", exponent);
  return detail::as_peer(cosine(init_value, init_value * alpha, decay_steps, exponent),
                         description{std::string(name)}
                             .with("init_value", init_value)
                             .with("decay_steps", decay_steps)
                             .with("alpha", alpha)
                             .with("exponent", exponent));
}

/// @brief optax `warmup_cosine_decay_schedule`: a linear warmup from `init_value`
/// to `peak_value` over `warmup_steps`, then a cosine from `peak_value` to
/// `end_value` ending at step `decay_steps` — which INCLUDES the warmup — then
/// `end_value`.
///
/// Same semantics as native `chain(linear(init_value, peak_value, warmup_steps),
/// cosine(peak_value, end, decay_steps − warmup_steps, exponent))`, where optax's end
/// is `peak_value · (end_value / peak_value)` (0 when `peak_value` is 0), kept
/// as optax computes it. optax requires `decay_steps > warmup_steps`; lrsched also
/// requires `warmup_steps >= 0`. Sum: closed form per piece.
[[nodiscard]] inline auto warmup_cosine_decay_schedule(double init_value, double peak_value,
                                                       std::int64_t warmup_steps,
                                                       std::int64_t decay_steps,
                                                       double end_value = 0.0,
                                                       double exponent = 1.0) {
  constexpr std::string_view name = "optax.warmup_cosine_decay_schedule";
  detail::optax::require_finite(name, "init_value", init_value);
  detail::optax::require_finite(name, "peak_value", peak_value);
  detail::require_steps(name, "warmup_steps", warmup_steps);
  if (decay_steps <= warmup_steps) {
    detail::optax::reject(name, "decay_steps",
                          "> warmup_steps (" + detail::optax::format_number(warmup_steps) +
                              "; it includes the warmup)",
                          decay_steps);
  }
  detail::optax::require_finite(name, "end_value", end_value);
  detail::require_positive(name, "exponent", exponent);
  const double alpha = peak_value == 0.0 ? 0.0 : end_value / peak_value;
  return detail::as_peer(
      chain(for_steps(warmup_steps, linear(init_value, peak_value, warmup_steps)),
            cosine(peak_value, peak_value * alpha, decay_steps - warmup_steps, exponent)),
      description{std::string(name)}
          .with("init_value", init_value)
          .with("peak_value", peak_value)
          .with("warmup_steps", warmup_steps)
          .with("decay_steps", decay_steps)
          .with("end_value", end_value)
          .with("exponent", exponent));
}

/// @brief The keyword arguments of one `sgdr_schedule` cycle: those of
/// `warmup_cosine_decay_schedule`.
struct warmup_cosine_decay_kwargs {
  double init_value = 0.0;
  double peak_value = 0.0;
  std::int64_t warmup_steps = 0;
  std::int64_t decay_steps = 0;
  double end_value = 0.0;
  double exponent = 1.0;
};

/// @brief optax `sgdr_schedule`: `warmup_cosine_decay_schedule` cycles played one
/// after another, each for its `decay_steps`.
///
/// Same semantics as native `chain` of the cycles (each on its own clock). With
/// equal cycles it is also `repeat(cycle, decay_steps)`. Sum: closed form per cycle.
/// @code
/// auto s = lrsched::optax::sgdr_schedule(
///     {{.peak_value = 1.0, .warmup_steps = 5, .decay_steps = 50},
///      {.peak_value = 0.5, .warmup_steps = 5, .decay_steps = 100}});
/// @endcode
template <std::size_t N>
[[nodiscard]] auto sgdr_schedule(const warmup_cosine_decay_kwargs (&cosine_kwargs)[N]) {
  static_assert(N >= 1, "sgdr_schedule needs at least one cycle");
  constexpr std::string_view name = "optax.sgdr_schedule";
  std::array<std::int64_t, N - 1> boundaries{};
  std::int64_t step = 0;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    step += cosine_kwargs[i].decay_steps;
    boundaries[i] = step;
  }
  auto cycles = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::tuple{warmup_cosine_decay_schedule(
        cosine_kwargs[I].init_value, cosine_kwargs[I].peak_value, cosine_kwargs[I].warmup_steps,
        cosine_kwargs[I].decay_steps, cosine_kwargs[I].end_value, cosine_kwargs[I].exponent)...};
  }
  (std::make_index_sequence<N>{});
  auto peer =
      description{std::string(name)}.with_children("cosine_kwargs", detail::describe_all(cycles));
  if constexpr (N == 1) {
    return detail::as_peer(std::get<0>(cycles), std::move(peer));
  } else {
    return detail::as_peer(detail::chain_from_boundaries(std::move(cycles), boundaries),
                           std::move(peer));
  }
}

/// @brief optax `piecewise_constant_schedule`: `init_value` times the product of
/// every scale whose boundary is <= t.
///
/// Same semantics as native `piecewise_constant` (switches AT each boundary) with
/// values `init_value · s₁ · s₂ ⋯` formed as optax forms them. A boundary below 0
/// applies from step 0, as in optax. Scales must be >= 0 (optax's own check).
/// Sum: per piece.
/// @param boundaries_and_scales optax's dict `{step: scale}`.
[[nodiscard]] inline auto piecewise_constant_schedule(
    double init_value, const std::map<std::int64_t, double>& boundaries_and_scales = {}) {
  constexpr std::string_view name = "optax.piecewise_constant_schedule";
  const auto knots = detail::optax::scaled_knots(name, init_value, boundaries_and_scales);
  std::vector<std::int64_t> boundaries;
  std::vector<double> values{init_value};
  for (std::size_t i = 1; i < knots.size(); ++i) {
    boundaries.push_back(std::max<std::int64_t>(knots[i].step, 0));
    values.push_back(knots[i].value);
  }
  return detail::as_peer(
      piecewise_constant(std::move(boundaries), std::move(values)),
      detail::optax::describe_scales(description{std::string(name)}.with("init_value", init_value),
                                     boundaries_and_scales));
}

/// @brief optax `piecewise_interpolate_schedule`: the knots (0, init_value), (b₁,
/// init·s₁), (b₂, init·s₁·s₂), ... joined by straight lines (`"linear"`) or
/// half-cosines (`"cosine"`), the last value held after.
///
/// Same semantics as native `piecewise_linear` over those knots (`"linear"`) or a
/// chain of native `cosine` pieces between them (`"cosine"`, rising or falling). A
/// boundary at 0 replaces the initial value from step 0 on, as in optax. lrsched
/// requires boundaries >= 0 (optax's result is not meaningful below 0). lrsched's
/// cosine keeps full relative precision near each knot, where optax's `1 + cos(x)`
/// cancels; they differ there by optax's rounding (~1e-16 of the segment's height).
/// Sum: per segment, closed form.
/// @param interpolate_type `"linear"` or `"cosine"`.
/// @param boundaries_and_scales optax's dict `{step: scale}`.
[[nodiscard]] inline auto piecewise_interpolate_schedule(
    std::string_view interpolate_type, double init_value,
    const std::map<std::int64_t, double>& boundaries_and_scales = {}) {
  constexpr std::string_view name = "optax.piecewise_interpolate_schedule";
  if (interpolate_type != "linear" && interpolate_type != "cosine") {
    detail::raise_invalid("interpolate_type",
                          std::string(name) +
                              ": interpolate_type must be \"linear\" or \"cosine\", got \"" +
                              std::string(interpolate_type) + "\"");
  }
  auto knots = detail::optax::scaled_knots(name, init_value, boundaries_and_scales);
  detail::optax::require_nonnegative_boundaries(name, knots);
  auto peer =
      detail::optax::describe_scales(description{std::string(name)}
                                         .with("interpolate_type", std::string(interpolate_type))
                                         .with("init_value", init_value),
                                     boundaries_and_scales);
  using shape = detail::one_of<piecewise_linear, any_schedule>;
  return detail::as_peer(interpolate_type == "linear" ? shape(piecewise_linear(std::move(knots)))
                                                      : shape(detail::optax::cosine_between(knots)),
                         std::move(peer));
}

/// @brief optax `linear_onecycle_schedule`: straight lines through (0, peak/div),
/// (⌊pct_start·T⌋, peak), (⌊pct_final·T⌋, peak/div) and (T, peak/div/final_div),
/// then held, T = transition_steps.
///
/// optax builds it as `piecewise_interpolate_schedule("linear", peak_value /
/// div_factor, {int(pct_start·T): div_factor, int(pct_final·T): 1/div_factor, T:
/// 1/final_div_factor})` — a dict, so coinciding steps keep the later scale — and so
/// does lrsched. The peak is at ⌊pct_start·T⌋, where PyTorch's OneCycleLR peaks at
/// pct_start·T − 1. Native: `piecewise_linear`. lrsched requires `transition_steps >
/// 0` (optax's check), fractions in [0, 1] and positive divisors. Sum: per segment.
[[nodiscard]] inline auto linear_onecycle_schedule(std::int64_t transition_steps, double peak_value,
                                                   double pct_start = 0.3, double pct_final = 0.85,
                                                   double div_factor = 25.0,
                                                   double final_div_factor = 1e4) {
  constexpr std::string_view name = "optax.linear_onecycle_schedule";
  if (transition_steps <= 0)
    detail::optax::reject(name, "transition_steps", "> 0", transition_steps);
  detail::optax::require_finite(name, "peak_value", peak_value);
  detail::optax::require_fraction(name, "pct_start", pct_start);
  detail::optax::require_fraction(name, "pct_final", pct_final);
  detail::require_positive(name, "div_factor", div_factor);
  detail::require_positive(name, "final_div_factor", final_div_factor);
  std::map<std::int64_t, double> scales;
  scales[detail::optax::truncated_step(pct_start, transition_steps)] = div_factor;
  scales[detail::optax::truncated_step(pct_final, transition_steps)] = 1.0 / div_factor;
  scales[transition_steps] = 1.0 / final_div_factor;
  return detail::as_peer(
      piecewise_linear(detail::optax::scaled_knots(name, peak_value / div_factor, scales)),
      description{std::string(name)}
          .with("transition_steps", transition_steps)
          .with("peak_value", peak_value)
          .with("pct_start", pct_start)
          .with("pct_final", pct_final)
          .with("div_factor", div_factor)
          .with("final_div_factor", final_div_factor));
}

/// @brief optax `cosine_onecycle_schedule`: half-cosines from peak/div up to `peak_value`
/// at ⌊pct_start·T⌋ and down to peak/(div·final_div) at T, then held.
///
/// optax builds it as `piecewise_interpolate_schedule("cosine", peak_value /
/// div_factor, {int(pct_start·T): div_factor, T: 1/(div_factor·final_div_factor)})`,
/// and so does lrsched. The peak is at ⌊pct_start·T⌋ (PyTorch's OneCycleLR: at
/// pct_start·T − 1). Native: a chain of `cosine` pieces. lrsched keeps full relative
/// precision as the cosine reaches its small final value, where optax's `1 + cos(x)`
/// cancels (they differ there by ~1e-16 of `peak_value`). Sum: per segment.
[[nodiscard]] inline auto cosine_onecycle_schedule(std::int64_t transition_steps, double peak_value,
                                                   double pct_start = 0.3, double div_factor = 25.0,
                                                   double final_div_factor = 1e4) {
  constexpr std::string_view name = "optax.cosine_onecycle_schedule";
  if (transition_steps <= 0)
    detail::optax::reject(name, "transition_steps", "> 0", transition_steps);
  detail::optax::require_finite(name, "peak_value", peak_value);
  detail::optax::require_fraction(name, "pct_start", pct_start);
  detail::require_positive(name, "div_factor", div_factor);
  detail::require_positive(name, "final_div_factor", final_div_factor);
  std::map<std::int64_t, double> scales;
  scales[detail::optax::truncated_step(pct_start, transition_steps)] = div_factor;
  scales[transition_steps] = 1.0 / (div_factor * final_div_factor);
  return detail::as_peer(detail::optax::cosine_between(
                             detail::optax::scaled_knots(name, peak_value / div_factor, scales)),
                         description{std::string(name)}
                             .with("transition_steps", transition_steps)
                             .with("peak_value", peak_value)
                             .with("pct_start", pct_start)
                             .with("div_factor", div_factor)
                             .with("final_div_factor", final_div_factor));
}

/// @brief optax `join_schedules`: schedule k plays from `boundaries[k−1]` on, fed
/// the steps since that boundary.
///
/// Same semantics as native `chain`. optax accepts any boundaries (a later
/// schedule wins wherever its boundary has passed); lrsched requires them
/// non-decreasing and >= 0, where both agree. Sum: piece by piece.
/// @param schedules the pieces, e.g. `std::tuple{optax::linear_schedule(...), ...}`.
/// @param boundaries one fewer than the schedules, in steps.
template <Schedule... S>
[[nodiscard]] auto join_schedules(std::tuple<S...> schedules,
                                  const std::array<std::int64_t, sizeof...(S) - 1>& boundaries) {
  static_assert(sizeof...(S) >= 2, "join_schedules needs at least two schedules");
  constexpr std::string_view name = "optax.join_schedules";
  detail::require_sorted_steps(name, "boundaries", std::span<const std::int64_t>(boundaries));
  auto peer =
      description{std::string(name)}
          .with("boundaries", std::vector<std::int64_t>(boundaries.begin(), boundaries.end()))
          .with_children("schedules", detail::describe_all(schedules));
  return detail::as_peer(detail::chain_from_boundaries(std::move(schedules), boundaries),
                         std::move(peer));
}

/// @brief optax `warmup_exponential_decay_schedule`: a linear warmup from
/// `init_value` to `peak_value` over `warmup_steps`, then `exponential_decay`
/// from `peak_value` on the steps since the warmup.
///
/// Same semantics as native `chain(linear(...), exponential(...))`; the
/// exponential's `transition_begin` counts from the end of the warmup, as in
/// optax. `warmup_steps` must be >= 0. Sum: closed form per piece.
[[nodiscard]] inline auto warmup_exponential_decay_schedule(
    double init_value, double peak_value, std::int64_t warmup_steps, std::int64_t transition_steps,
    double decay_rate, std::int64_t transition_begin = 0, bool staircase = false,
    std::optional<double> end_value = std::nullopt) {
  constexpr std::string_view name = "optax.warmup_exponential_decay_schedule";
  detail::optax::require_finite(name, "init_value", init_value);
  detail::optax::require_finite(name, "peak_value", peak_value);
  detail::require_steps(name, "warmup_steps", warmup_steps);
  auto decay = exponential_decay(peak_value, transition_steps, decay_rate, transition_begin,
                                 staircase, end_value);
  auto peer = description{std::string(name)}
                  .with("init_value", init_value)
                  .with("peak_value", peak_value)
                  .with("warmup_steps", warmup_steps)
                  .with("transition_steps", transition_steps)
                  .with("decay_rate", decay_rate)
                  .with("transition_begin", transition_begin)
                  .with("staircase", staircase);
  if (end_value) peer.with("end_value", *end_value);
  return detail::as_peer(
      chain(for_steps(warmup_steps, linear(init_value, peak_value, warmup_steps)), decay.native()),
      std::move(peer));
}

}  // namespace lrsched::optax

#endif  // LRSCHED_PEERS_OPTAX_HPP
