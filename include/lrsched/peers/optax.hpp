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
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "../chain.hpp"
#include "../compose.hpp"
#include "../concepts.hpp"
#include "../constant.hpp"
#include "../description.hpp"
#include "../detail/blocks.hpp"
#include "../detail/boundaries.hpp"
#include "../detail/numeric.hpp"
#include "../detail/peer.hpp"
#include "../exponential.hpp"
#include "../linear.hpp"

namespace lrsched::optax {

/// @brief optax `constant_schedule(value)`: `value` at every step. Native: `constant`.
[[nodiscard]] inline auto constant_schedule(double value) {
  constexpr std::string_view name = "optax.constant_schedule";
  return detail::as_peer(constant(detail::require_finite(name, "value", value)),
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
  detail::require_finite(name, "init_value", init_value);
  detail::require_finite(name, "end_value", end_value);
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

/// @brief optax `warmup_constant_schedule`: a linear warmup from `init_value` to
/// `peak_value` over `warmup_steps`, then `peak_value` (optax builds it as a
/// `linear_schedule`). Native: `linear(init_value, peak_value, warmup_steps)`.
[[nodiscard]] inline auto warmup_constant_schedule(double init_value, double peak_value,
                                                   std::int64_t warmup_steps) {
  constexpr std::string_view name = "optax.warmup_constant_schedule";
  detail::require_finite(name, "init_value", init_value);
  detail::require_finite(name, "peak_value", peak_value);
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
  detail::require_finite(name, "init_value", init_value);
  if (!(decay_rate >= 0.0) || !std::isfinite(decay_rate)) {
    detail::reject(name, "decay_rate", "finite and >= 0", decay_rate);
  }
  if (end_value) detail::require_finite(name, "end_value", *end_value);
  if (decay_rate > 1.0 && !end_value) {
    detail::reject(name, "decay_rate", "<= 1 without an end_value (the growth is unbounded)",
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
  detail::require_finite(name, "init_value", init_value);
  detail::require_finite(name, "peak_value", peak_value);
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
