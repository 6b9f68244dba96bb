// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/plateau.hpp>

#include <string>
#include <vector>

#include "catch.hpp"

using lrsched::plateau_mode;
using lrsched::plateau_options;
using lrsched::plateau_rule;
using lrsched::reduce_on_plateau;

TEST_CASE("plateau reduces after more than `patience` bad updates under the PyTorch rule") {
  reduce_on_plateau plateau({.factor = 0.5, .patience = 2});
  const lrsched::constant base(0.1);
  CHECK_FALSE(plateau.update(1.0, base, 0));  // best = 1
  CHECK_FALSE(plateau.update(1.0, base, 1));  // bad 1
  CHECK_FALSE(plateau.update(1.0, base, 2));  // bad 2
  CHECK(plateau.update(1.0, base, 3));        // bad 3 > 2: reduce
  CHECK(plateau.lr(base, 4) == 0.05);
  CHECK(plateau.state().reductions == 1);
}

TEST_CASE("plateau under the Keras and optax rules reduces when the count reaches patience") {
  for (const auto rule : {plateau_rule::keras, plateau_rule::optax}) {
    reduce_on_plateau plateau({.factor = 0.5, .patience = 2, .rule = rule});
    CHECK_FALSE(plateau.update(1.0, 1.0));
    CHECK_FALSE(plateau.update(1.0, 1.0));
    CHECK(plateau.update(1.0, 1.0));
    CHECK(plateau.scale() == 0.5);
  }
}

TEST_CASE("plateau scales a decaying schedule, which PyTorch's controller cannot") {
  reduce_on_plateau plateau({.factor = 0.1, .patience = 0});
  const lrsched::linear shape(1e-3, 1e-4, 100);
  (void)plateau.update(2.0, shape, 0);
  CHECK(plateau.update(3.0, shape, 10));
  CHECK(plateau.lr(shape, 50) == 0.1 * shape(50));
}

TEST_CASE("plateau honours min_lr and skips reductions smaller than eps") {
  reduce_on_plateau plateau({.factor = 0.5, .patience = 0, .min_lr = 0.03});
  const lrsched::constant base(0.1);
  (void)plateau.update(1.0, base, 0);
  CHECK(plateau.update(1.0, base, 1));  // 0.1 -> 0.05
  CHECK(plateau.update(1.0, base, 2));  // 0.05 -> max(0.025, 0.03) = 0.03
  CHECK(plateau.lr(base, 3) == 0.03);
  CHECK_FALSE(plateau.update(1.0, base, 3));  // already at the floor
  CHECK(plateau.lr(base, 4) == 0.03);
}

TEST_CASE("a plateau controller restored from its saved state continues identically") {
  const std::vector<double> metrics{5,   4,   4.5, 4.2, 4.1, 4.3, 4.4,
                                    3.9, 4.0, 4.0, 4.1, 4.2, 4.2, 4.3};
  const plateau_options options{.factor = 0.5, .patience = 1, .cooldown = 2};
  reduce_on_plateau continuous(options);
  reduce_on_plateau first_half(options);
  for (std::size_t i = 0; i < 7; ++i) {
    (void)continuous.update(metrics[i], 0.1 * continuous.scale());
    (void)first_half.update(metrics[i], 0.1 * first_half.scale());
  }
  const lrsched::plateau_state saved = first_half.state();
  reduce_on_plateau resumed(options, saved);
  for (std::size_t i = 7; i < metrics.size(); ++i) {
    (void)continuous.update(metrics[i], 0.1 * continuous.scale());
    (void)resumed.update(metrics[i], 0.1 * resumed.scale());
    CHECK(resumed.state() == continuous.state());
  }
  CHECK(continuous.state().reductions >= 2);
}

TEST_CASE("plateau rejects bad options, naming them") {
  try {
    reduce_on_plateau bad({.factor = 1.5});
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "factor");
    CHECK(std::string(e.what()) == "reduce_on_plateau: factor must be in (0, 1), got 1.5");
  }
  CHECK_THROWS_AS(reduce_on_plateau({.patience = -1}), lrsched::invalid_schedule);
  CHECK_THROWS_AS(reduce_on_plateau({.mode = plateau_mode::max, .rule = plateau_rule::optax}),
                  lrsched::invalid_schedule);
}
