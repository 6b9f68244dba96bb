// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Edges where a peer-faithful constructor used to refuse what the peer accepts or give
// other numbers: Keras ExponentialDecay with a growing rate, optax polynomial_schedule with
// power 0 and Megatron WSD without an anneal. The expected values are the peers' formulas
// evaluated in Python float64 (Keras: `initial_learning_rate * decay_rate ** (step /
// decay_steps)`; optax: `(init - end) * (1 - clip(count, 0, T) / T) ** power + end`,
// where `0.0 ** 0 == 1`; Megatron 0.20
// `get_lr`: the warmup through W, coeff 1 while num_steps <= D - wsd_decay_steps, min_lr
// once num_steps > D).
#include <lrsched/peers/keras.hpp>
#include <lrsched/peers/megatron.hpp>
#include <lrsched/peers/optax.hpp>

#include <cstdint>
#include <limits>
#include <vector>

#include "catch.hpp"
#include "recorded_steps.hpp"

using lrsched::test::check_recorded_steps;

TEST_CASE("keras::exponential_decay grows with decay_rate > 1, as Keras does") {
  // ExponentialDecay(0.1, decay_steps=2, decay_rate=1.5)
  check_recorded_steps(lrsched::keras::exponential_decay(0.1, 2, 1.5),
                       {0.1, 0.1224744871391589, 0.15000000000000002, 0.18371173070873836, 0.225});
  // staircase=True
  check_recorded_steps(lrsched::keras::exponential_decay(0.1, 2, 1.5, true),
                       {0.1, 0.1, 0.15000000000000002, 0.15000000000000002, 0.225});
  // From 0 it stays 0; far out it is capped at the largest double where Keras overflows.
  CHECK(lrsched::keras::exponential_decay(0.0, 2, 1.5)(1000) == 0.0);
  CHECK(lrsched::keras::exponential_decay(0.1, 1, 2.0)(100000) ==
        std::numeric_limits<double>::max());
}

TEST_CASE("megatron WSD with lr_wsd_decay_iters 0 holds max_lr through lr_decay_iters") {
  namespace mg = lrsched::megatron;
  const auto s = mg::optimizer_param_scheduler({.init_lr = 0.0,
                                                .max_lr = 1.0,
                                                .min_lr = 0.1,
                                                .lr_warmup_steps = 2,
                                                .lr_decay_steps = 6,
                                                .lr_decay_style = mg::decay_style::wsd,
                                                .wsd_decay_steps = 0,
                                                .lr_wsd_decay_style = mg::wsd_decay_style::linear});
  check_recorded_steps(s, {0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 0.1, 0.1});
  CHECK(s(1'000'000) == 0.1);
}

TEST_CASE("optax::polynomial_schedule with power 0 is init_value for ever (0.0 ** 0 == 1)") {
  check_recorded_steps(lrsched::optax::polynomial_schedule(1.0, 0.1, 0.0, 4, 2),
                       {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0});
  CHECK(lrsched::optax::polynomial_schedule(1.0, 0.1, 0.0, 4)(1'000'000) == 1.0);
}
