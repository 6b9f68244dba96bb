// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/keras.hpp
/// @brief The canonical JSON kinds of the Keras-faithful schedules
/// (`lrsched/peers/keras.hpp`): `"keras.<function>"` with the parameter names of Keras'
/// `get_config()`.
#ifndef LRSCHED_CONFIG_PEERS_KERAS_HPP
#define LRSCHED_CONFIG_PEERS_KERAS_HPP

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <lrsched/config/registry.hpp>
#include <lrsched/peers/keras.hpp>

namespace lrsched::detail::config {

/// Registers every `keras.<function>` kind.
inline void add_keras_kinds(kind_registry& r) {
  namespace ks = lrsched::keras;
  r.add(
      "keras.exponential_decay",
      "Keras ExponentialDecay: initial_learning_rate * decay_rate^(t / decay_steps)",
      [](double initial_learning_rate, std::int64_t decay_steps, double decay_rate,
         bool staircase) {
        return ks::exponential_decay(initial_learning_rate, decay_steps, decay_rate, staircase);
      },
      real("initial_learning_rate"), integer("decay_steps"), real("decay_rate"),
      flag("staircase", false));
  r.add(
      "keras.piecewise_constant_decay",
      "Keras PiecewiseConstantDecay: values[i] up to and including boundaries[i]",
      [](std::vector<std::int64_t> boundaries, std::vector<double> values) {
        return ks::piecewise_constant_decay(std::move(boundaries), std::move(values));
      },
      steps_list("boundaries"), real_list("values"));
  r.add(
      "keras.inverse_time_decay",
      "Keras InverseTimeDecay: initial_learning_rate / (1 + decay_rate * t / decay_steps)",
      [](double initial_learning_rate, std::int64_t decay_steps, double decay_rate,
         bool staircase) {
        return ks::inverse_time_decay(initial_learning_rate, decay_steps, decay_rate, staircase);
      },
      real("initial_learning_rate"), integer("decay_steps"), real("decay_rate"),
      flag("staircase", false));
  r.add(
      "keras.cosine_decay",
      "Keras CosineDecay: an optional warmup to warmup_target, then a cosine over decay_steps "
      "(warmup excluded) to alpha times the peak",
      [](double initial_learning_rate, std::int64_t decay_steps, double alpha,
         std::optional<double> warmup_target, std::int64_t warmup_steps) {
        return ks::cosine_decay(initial_learning_rate, decay_steps, alpha, warmup_target,
                                warmup_steps);
      },
      real("initial_learning_rate"), integer("decay_steps"), real("alpha", 0.0),
      optional_real("warmup_target"), integer("warmup_steps", 0));
  r.add(
      "keras.polynomial_decay",
      "Keras PolynomialDecay: (initial - end)(1 - t / decay_steps)^power + end, or cycling",
      [](double initial_learning_rate, std::int64_t decay_steps, double end_learning_rate,
         double power, bool cycle) {
        return ks::polynomial_decay(initial_learning_rate, decay_steps, end_learning_rate, power,
                                    cycle);
      },
      real("initial_learning_rate"), integer("decay_steps"), real("end_learning_rate", 0.0001),
      real("power", 1.0), flag("cycle", false));
  r.add(
      "keras.cosine_decay_restarts",
      "Keras CosineDecayRestarts: SGDR cycles of first_decay_steps * t_mul^i steps, peaks "
      "scaled by m_mul^i",
      [](double initial_learning_rate, std::int64_t first_decay_steps, double t_mul, double m_mul,
         double alpha) {
        return ks::cosine_decay_restarts(initial_learning_rate, first_decay_steps, t_mul, m_mul,
                                         alpha);
      },
      real("initial_learning_rate"), integer("first_decay_steps"), real("t_mul", 2.0),
      real("m_mul", 1.0), real("alpha", 0.0));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_KERAS_HPP
