/// @file peers/keras.hpp
/// @brief Keras 3's learning-rate schedules
/// (`keras/src/optimizers/schedules/learning_rate_schedule.py`), reproduced step
/// for step.
///
/// Each function is the snake_case name of a Keras schedule class
/// (`ExponentialDecay` is `keras::exponential_decay`) and takes the class's
/// `get_config()` parameters in the constructor's order, with Keras' defaults.
/// `s(t)` is `schedule(t)`, `t = optimizer.iterations` from 0, in double
/// precision (Keras computes in the dtype of `initial_learning_rate`, usually
/// float32; lrsched reproduces the float64 values). Keras differs from lrsched's
/// native conventions in two places, each reproduced here and said below:
/// `PiecewiseConstantDecay` switches one step AFTER each boundary, and
/// `CosineDecay`'s `decay_steps` does not include its warmup.
///
/// Every function returns a native composition wrapped as a peer schedule, or a
/// small dedicated type where Keras' arithmetic has no native equivalent; both
/// describe themselves as `"keras.<function>"` with Keras' parameter names.
#ifndef LRSCHED_PEERS_KERAS_HPP
#define LRSCHED_PEERS_KERAS_HPP

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "../concepts.hpp"
#include "../description.hpp"
#include "../detail/numeric.hpp"
#include "../detail/peer.hpp"
#include "../exponential.hpp"

namespace lrsched::keras {

/// @brief Keras `ExponentialDecay`: `initial_learning_rate · decay_rate^(t /
/// decay_steps)`, with a floored exponent when `staircase`.
///
/// Same semantics as native `exponential` (which evaluates the same `init ·
/// pow(rate, p)`). lrsched requires `0 < decay_rate <= 1`: Keras accepts a
/// growing rate, which is unbounded. Sum: geometric series.
/// @param initial_learning_rate the value at step 0; finite.
/// @param decay_steps > 0.
/// @param decay_rate in (0, 1].
/// @param staircase decay in whole multiples of `decay_rate`; default false.
[[nodiscard]] inline auto exponential_decay(double initial_learning_rate, std::int64_t decay_steps,
                                            double decay_rate, bool staircase = false) {
  constexpr std::string_view name = "keras.exponential_decay";
  detail::require_finite(name, "initial_learning_rate", initial_learning_rate);
  if (decay_steps <= 0) detail::reject(name, "decay_steps", "> 0", decay_steps);
  if (!(decay_rate > 0.0 && decay_rate <= 1.0)) {
    detail::reject(name, "decay_rate", "in (0, 1]", decay_rate);
  }
  return detail::as_peer(
      exponential(initial_learning_rate, decay_rate, decay_steps, {.staircase = staircase}),
      description{std::string(name)}
          .with("initial_learning_rate", initial_learning_rate)
          .with("decay_steps", decay_steps)
          .with("decay_rate", decay_rate)
          .with("staircase", staircase));
}

}  // namespace lrsched::keras

#endif  // LRSCHED_PEERS_KERAS_HPP
