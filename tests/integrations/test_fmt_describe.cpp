// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// fmt::format("{}", s) and "{:t}" for typed schedules and any_schedule: exact text.
#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/cyclic.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/one_cycle.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>
#include <lrsched/stretch.hpp>
#include <lrsched/tanh.hpp>
#include <lrsched/units.hpp>
#include <lrsched/warmup.hpp>
#include <lrsched/wsd.hpp>

#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "catch.hpp"

using lrsched::any_schedule;
using lrsched::constant;
using lrsched::cosine;
using lrsched::for_steps;
using lrsched::linear;

TEST_CASE("the four-phase schedule reads as its pieces, durations only where not implied") {
  const auto s = lrsched::chain(linear(0.0, 5e-5, 2000), for_steps(43'000, constant(5e-5)),
                                cosine(5e-5, 4.5e-5, 8000), for_steps(3000, constant(2.8e-5)),
                                constant(0.9e-5));
  const std::string expected =
      "chain(linear(0 → 5e-05, 2000 steps), constant(5e-05) for 43000 steps, "
      "cosine(5e-05 → 4.5e-05, 8000 steps), constant(2.8e-05) for 3000 steps, constant(9e-06))";
  CHECK(fmt::format("{}", s) == expected);
  CHECK(fmt::format("{}", any_schedule(s)) == expected);
  CHECK(fmt::format("{:t}", s) ==
        "chain\n"
        "├─ [0, 2000) linear(0 → 5e-05, 2000 steps)\n"
        "├─ [2000, 45000) constant(5e-05)\n"
        "├─ [45000, 53000) cosine(5e-05 → 4.5e-05, 8000 steps)\n"
        "├─ [53000, 56000) constant(2.8e-05)\n"
        "└─ [56000, ∞) constant(9e-06)");
}

TEST_CASE("a piece cut short or played longer than its own length shows its duration") {
  const auto s = lrsched::chain(for_steps(1500, linear(0.0, 1e-3, 2000)), constant(1e-3));
  CHECK(fmt::format("{}", s) ==
        "chain(linear(0 → 0.001, 2000 steps) for 1500 steps, constant(0.001))");
}

TEST_CASE("each family has its own one-line form") {
  CHECK(fmt::format("{}", constant(3e-4)) == "constant(0.0003)");
  CHECK(fmt::format("{}", linear(1.0, 0.0, 100)) == "linear(1 → 0, 100 steps)");
  CHECK(fmt::format("{}", cosine(1e-3, 1e-5, 1000)) == "cosine(0.001 → 1e-05, 1000 steps)");
  CHECK(fmt::format("{}", cosine(1e-3, 1e-5, 1000, 2.0)) ==
        "cosine(0.001 → 1e-05, 1000 steps, exponent 2)");
  CHECK(fmt::format("{}", lrsched::exponential(0.1, 0.5, 250)) ==
        "exponential(0.1 × 0.5 per 250 steps)");
  CHECK(fmt::format("{}", lrsched::exponential(
                              0.1, 0.5, 250,
                              {.staircase = true, .transition_begin = 20, .end_value = 1e-4})) ==
        "exponential(0.1 × 0.5 per 250 steps, staircase, after 20 steps, bounded by 0.0001)");
  CHECK(fmt::format("{}", lrsched::step_decay(0.1, 30, 0.5)) ==
        "step_decay(0.1 × 0.5 every 30 steps)");
  CHECK(fmt::format("{}", lrsched::multistep(0.1, {30, 80}, 0.1)) ==
        "multistep(0.1 × 0.1 at [30, 80])");
  CHECK(fmt::format("{}", lrsched::piecewise_constant({100}, {1e-3, 1e-4})) ==
        "piecewise_constant([0.001, 0.0001] split at [100])");
  CHECK(fmt::format("{}", lrsched::piecewise_linear({{0, 0.0}, {10, 1.0}})) ==
        "piecewise_linear([0, 1] at [0, 10])");
}

TEST_CASE("decays, cycles and restarts have their own one-line forms, defaults left out") {
  CHECK(fmt::format("{}", lrsched::polynomial(1e-3, 0.0, 500, 2.0)) ==
        "polynomial(0.001 → 0, 500 steps, power 2)");
  CHECK(fmt::format("{}", lrsched::inverse_sqrt(7e-4, 4000)) ==
        "inverse_sqrt(0.0007 after 4000 steps of warmup, timescale 4000)");
  CHECK(fmt::format("{}", lrsched::inverse_time(0.1, 0.5, 100)) ==
        "inverse_time(0.1 / (1 + 0.5 per 100 steps))");
  CHECK(fmt::format("{}", lrsched::inverse_time(0.1, 0.5, 100, true)) ==
        "inverse_time(0.1 / (1 + 0.5 per 100 steps), staircase)");
  CHECK(fmt::format("{}", lrsched::tanh_decay(0.01, 1e-5, 200)) ==
        "tanh_decay(0.01 → 1e-05, 200 steps)");
  CHECK(fmt::format("{}", lrsched::tanh_decay(0.01, 1e-5, 200, -6.0, 3.0)) ==
        "tanh_decay(0.01 → 1e-05, 200 steps, lb -6)");
  CHECK(fmt::format("{}", lrsched::cosine_restarts(0.1, 1000)) ==
        "cosine_restarts(0.1 → 0, first period 1000 steps)");
  CHECK(fmt::format("{}", lrsched::cosine_restarts(0.1, 1000,
                                                   {.floor_value = 1e-4,
                                                    .period_multiplier = 2.0,
                                                    .cycle_decay = 0.5,
                                                    .decay_target = lrsched::restart_decay::peak,
                                                    .cycle_limit = 5})) ==
        "cosine_restarts(0.1 → 0.0001, first period 1000 steps, periods × 2, peak × 0.5 per "
        "cycle, 5 cycles)");
  CHECK(fmt::format("{}", lrsched::cyclic(1e-4, 1e-2, 2000, 1000)) ==
        "cyclic(triangular, 0.0001 ↔ 0.01, 2000 steps up, 1000 steps down)");
  CHECK(fmt::format("{}", lrsched::one_cycle(0.1, 10'000)) ==
        "one_cycle(up to 0.1 over 0.3 of 10000 steps, cos, div_factor 25, final_div_factor 10000)");
  CHECK(fmt::format("{}", lrsched::wsd(3e-4, 2000, 78'000, 20'000,
                                       {.final_value = 3e-5,
                                        .decay_shape = lrsched::wsd_shape::minus_sqrt})) ==
        "wsd(0 → 0.0003 in 2000 steps (linear), held 78000 steps, → 3e-05 in 20000 steps "
        "(minus_sqrt))");
}

TEST_CASE("each combinator reads around its children") {
  const linear ramp(1.0, 0.0, 100);
  CHECK(fmt::format("{}", lrsched::warmup(50, cosine(3e-4, 3e-5, 1000))) ==
        "warmup(linear, 50 steps from 0, then cosine(0.0003 → 3e-05, 1000 steps))");
  CHECK(fmt::format("{}", 3e-4 * ramp) == "0.0003 × linear(1 → 0, 100 steps)");
  CHECK(fmt::format("{}", constant(0.1) * ramp) == "(constant(0.1) × linear(1 → 0, 100 steps))");
  CHECK(fmt::format("{}", any_schedule::product({constant(2.0), ramp, ramp})) ==
        "(constant(2) × linear(1 → 0, 100 steps) × linear(1 → 0, 100 steps))");
  CHECK(fmt::format("{}", lrsched::clamp(ramp, 0.1, 0.9)) ==
        "clamp(linear(1 → 0, 100 steps) to [0.1, 0.9])");
  CHECK(fmt::format("{}", lrsched::shift(ramp, 25)) ==
        "shift(linear(1 → 0, 100 steps) by 25 steps)");
  CHECK(fmt::format("{}", lrsched::repeat(ramp)) ==
        "repeat(linear(1 → 0, 100 steps) every 100 steps)");
  CHECK(fmt::format("{}", lrsched::stretch(ramp, 4)) ==
        "stretch(linear(1 → 0, 100 steps), 4× slower)");
}

TEST_CASE("inside a unit conversion the steps are samples") {
  const auto in_samples = lrsched::chain(linear(0.0, 5e-5, 2'000'000), constant(5e-5));
  CHECK(fmt::format("{}", lrsched::per_step(in_samples, 512)) ==
        "per_step(chain(linear(0 → 5e-05, 2000000 samples), constant(5e-05)), 512 samples per "
        "step)");
  CHECK(fmt::format(
            "{}", lrsched::in_steps(linear(1.0, 0.0, 1000), lrsched::batch_ramp({{8, 100}}, 16))) ==
        "in_steps(linear(1 → 0, 1000 samples), batch sizes [8] until [100] samples, then 16)");
  CHECK(fmt::format("{:t}", lrsched::per_step(in_samples, 512)) ==
        "per_step(samples_per_step=512)\n"
        "└─ chain\n"
        "   ├─ [0, 2000000) linear(0 → 5e-05, 2000000 samples)\n"
        "   └─ [2000000, ∞) constant(5e-05)");
}

TEST_CASE("the tree view nests combinators and names slots only when there are several") {
  const auto s = lrsched::clamp(lrsched::shift(2e-3 * linear(1.0, 0.0, 1000), 100), 1e-5, 1e-3);
  CHECK(fmt::format("{:t}", s) ==
        "clamp(lo=1e-05, hi=0.001)\n"
        "└─ shift(steps=100)\n"
        "   └─ scale(factor=0.002)\n"
        "      └─ linear(1 → 0, 1000 steps)");
  CHECK(fmt::format("{:t}", constant(0.1) * lrsched::chain(linear(0.0, 1.0, 5), constant(1.0))) ==
        "product\n"
        "├─ constant(0.1)\n"
        "└─ chain\n"
        "   ├─ [0, 5) linear(0 → 1, 5 steps)\n"
        "   └─ [5, ∞) constant(1)");
  lrsched::description two_slots{"user.mix"};
  two_slots.with("weight", 0.5)
      .with_child("first", constant(1.0).describe())
      .with_child("second", constant(2.0).describe());
  CHECK(fmt::format("{:t}", two_slots) ==
        "user.mix(weight=0.5)\n"
        "├─ first: constant(1)\n"
        "└─ second: constant(2)");
}

namespace {
/// A schedule of the user's own, with a description but no template.
struct halving {
  double value;
  std::int64_t every;
  double operator()(std::int64_t t) const noexcept {
    return value / static_cast<double>(std::int64_t{1} << ((t < 0 ? 0 : t) / every % 60));
  }
  lrsched::description describe() const {
    return lrsched::description{"user.halving"}
        .with("value", value)
        .with("every", every)
        .with("staircase", true)
        .with("name", std::string("h"))
        .with("at", std::vector<double>{0.5, 0.25});
  }
};
}  // namespace

TEST_CASE("a kind without a template prints its parameters by name") {
  CHECK(fmt::format("{}", halving{1.0, 10}) ==
        "user.halving(value=1, every=10, staircase=true, name=h, at=[0.5, 0.25])");
  CHECK(fmt::format("{}", lrsched::scale(halving{1.0, 10}, 2.0)) ==
        "2 × user.halving(value=1, every=10, staircase=true, name=h, at=[0.5, 0.25])");
  lrsched::description nested{"user.outer"};
  nested.with_child("schedule", constant(1.0).describe())
      .with_children("pieces", {constant(2.0).describe()});
  CHECK(fmt::format("{}", nested) == "user.outer(schedule=constant(1), pieces=[constant(2)])");
}

TEST_CASE("a typed schedule and its any_schedule print the same") {
  const auto typed = lrsched::warmup(100, lrsched::chain(cosine(1e-3, 1e-4, 900), constant(1e-4)));
  const any_schedule erased = typed;
  CHECK(fmt::format("{}", typed) == fmt::format("{}", erased));
  CHECK(fmt::format("{:t}", typed) == fmt::format("{:t}", erased));
  CHECK(fmt::format("{:>5}", 1) == "    1");  // other formatters are untouched
}

TEST_CASE("a format spec other than t is an error") {
  CHECK_THROWS_AS(fmt::format(fmt::runtime("{:x}"), constant(1.0)), fmt::format_error);
}
