// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Every family kind loads to exactly the schedule its C++ constructor makes: the
// same value at every probe step, the same sums and the same description.
#include <lrsched/cosine.hpp>
#include <lrsched/cyclic.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/json.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/one_cycle.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>
#include <lrsched/stretch.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/tanh.hpp>
#include <lrsched/units.hpp>
#include <lrsched/warmup.hpp>
#include <lrsched/wsd.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

using lrsched::any_schedule;

namespace {

template <class Typed>
void check_loads_as(const char* text, const Typed& typed) {
  INFO(text);
  const any_schedule loaded = lrsched::parse_schedule(text);
  for (std::int64_t t = -2; t < 3000; t += 7) REQUIRE(loaded(t) == typed(t));
  for (const auto t : lrsched::test::extreme_steps) REQUIRE(loaded(t) == typed(t));
  for (const auto& [first, last] :
       std::vector<std::pair<std::int64_t, std::int64_t>>{{0, 100}, {13, 2900}, {0, 1'000'000}}) {
    CHECK(lrsched::sum(loaded, first, last) == lrsched::sum(typed, first, last));
  }
  CHECK(loaded.describe() == typed.describe());
  CHECK(loaded.length() == lrsched::detail::optional_length(typed));
  // And the written form reloads to the same schedule.
  const any_schedule reloaded = lrsched::from_json(lrsched::to_json(loaded));
  for (std::int64_t t = -2; t < 3000; t += 7) REQUIRE(reloaded(t) == typed(t));
}

void check_error(const char* text, const std::string& pointer, const std::string& problem) {
  INFO(text);
  try {
    (void)lrsched::parse_schedule(text);
    FAIL("expected config_error");
  } catch (const lrsched::config_error& e) {
    CHECK(e.pointer() == pointer);
    CHECK(e.problem() == problem);
  }
}

}  // namespace

TEST_CASE("cosine loads with its exponent defaulting to 1") {
  check_loads_as(R"({"kind": "cosine", "peak_value": 1e-3, "end_value": 1e-5, "steps": 1000})",
                 lrsched::cosine(1e-3, 1e-5, 1000));
  check_loads_as(
      R"({"kind": "cosine", "peak_value": 1e-3, "end_value": 1e-5, "steps": 1000, "exponent": 2})",
      lrsched::cosine(1e-3, 1e-5, 1000, 2.0));
}

TEST_CASE("exponential loads with staircase, transition_begin and end_value optional") {
  check_loads_as(R"({"kind": "exponential", "init_value": 0.1, "decay_rate": 0.5,
                     "decay_steps": 250})",
                 lrsched::exponential(0.1, 0.5, 250));
  check_loads_as(
      R"({"kind": "exponential", "init_value": 0.1, "decay_rate": 0.5,
                     "decay_steps": 250, "staircase": true, "transition_begin": 20,
                     "end_value": 0.01})",
      lrsched::exponential(0.1, 0.5, 250,
                           {.staircase = true, .transition_begin = 20, .end_value = 0.01}));
  // Written back, an absent end_value stays absent.
  const auto written = lrsched::to_ordered_json(lrsched::exponential(0.1, 0.5, 250));
  CHECK_FALSE(written.contains("end_value"));
  CHECK(written["staircase"] == false);
}

TEST_CASE("step_decay and multistep load") {
  check_loads_as(R"({"kind": "step_decay", "init_value": 0.1, "step_size": 300, "gamma": 0.5})",
                 lrsched::step_decay(0.1, 300, 0.5));
  check_loads_as(R"({"kind": "multistep", "init_value": 0.1, "milestones": [100, 100, 2000],
                     "gamma": 0.1})",
                 lrsched::multistep(0.1, {100, 100, 2000}, 0.1));
}

TEST_CASE("piecewise tables load") {
  check_loads_as(R"({"kind": "piecewise_constant", "boundaries": [100, 500],
                     "values": [1e-3, 5e-4, 1e-4]})",
                 lrsched::piecewise_constant({100, 500}, {1e-3, 5e-4, 1e-4}));
  check_loads_as(
      R"({"kind": "piecewise_linear", "steps": [0, 200, 900, 900, 2000],
                     "values": [0, 3e-4, 3e-4, 1e-4, 0]})",
      lrsched::piecewise_linear({{0, 0.0}, {200, 3e-4}, {900, 3e-4}, {900, 1e-4}, {2000, 0.0}}));
}

TEST_CASE("polynomial, inverse_sqrt, inverse_time and tanh_decay load") {
  check_loads_as(R"({"kind": "polynomial", "init_value": 1e-3, "end_value": 1e-5, "steps": 2000,
                     "power": 2})",
                 lrsched::polynomial(1e-3, 1e-5, 2000, 2.0));
  check_loads_as(R"({"kind": "inverse_sqrt", "peak_value": 7e-4, "warmup_steps": 400})",
                 lrsched::inverse_sqrt(7e-4, 400));
  check_loads_as(R"({"kind": "inverse_sqrt", "peak_value": 7e-4, "warmup_steps": 400,
                     "timescale": 50})",
                 lrsched::inverse_sqrt(7e-4, 400, 50));
  check_loads_as(R"({"kind": "inverse_time", "init_value": 0.1, "decay_rate": 0.5,
                     "decay_steps": 100})",
                 lrsched::inverse_time(0.1, 0.5, 100));
  check_loads_as(R"({"kind": "inverse_time", "init_value": 0.1, "decay_rate": 0.5,
                     "decay_steps": 100, "staircase": true})",
                 lrsched::inverse_time(0.1, 0.5, 100, true));
  check_loads_as(R"({"kind": "tanh_decay", "max_value": 0.01, "min_value": 1e-5, "steps": 2000})",
                 lrsched::tanh_decay(0.01, 1e-5, 2000));
  check_loads_as(R"({"kind": "tanh_decay", "max_value": 0.01, "min_value": 1e-5, "steps": 2000,
                     "lb": -6, "ub": 4})",
                 lrsched::tanh_decay(0.01, 1e-5, 2000, -6.0, 4.0));
}

TEST_CASE("cosine_restarts, cyclic, one_cycle and wsd load with their defaults") {
  check_loads_as(R"({"kind": "cosine_restarts", "peak_value": 0.1, "first_period": 100})",
                 lrsched::cosine_restarts(0.1, 100));
  check_loads_as(R"({"kind": "cosine_restarts", "peak_value": 0.1, "first_period": 100,
                     "floor_value": 1e-4, "period_multiplier": 1.5, "cycle_decay": 0.5,
                     "decay_target": "peak", "cycle_limit": 4, "k_decay": 2,
                     "period_divisor": 3})",
                 lrsched::cosine_restarts(0.1, 100,
                                          {.floor_value = 1e-4,
                                           .period_multiplier = 1.5,
                                           .cycle_decay = 0.5,
                                           .decay_target = lrsched::restart_decay::peak,
                                           .cycle_limit = 4,
                                           .k_decay = 2.0,
                                           .period_divisor = 3}));
  check_loads_as(R"({"kind": "cyclic", "base_lr": 1e-4, "max_lr": 1e-2, "step_size_up": 200,
                     "step_size_down": 100})",
                 lrsched::cyclic(1e-4, 1e-2, 200, 100));
  check_loads_as(R"({"kind": "cyclic", "base_lr": 1e-4, "max_lr": 1e-2, "step_size_up": 200,
                     "step_size_down": 100, "mode": "exp_range", "gamma": 0.999})",
                 lrsched::cyclic(1e-4, 1e-2, 200, 100, lrsched::cyclic_mode::exp_range, 0.999));
  check_loads_as(R"({"kind": "one_cycle", "max_lr": 0.1, "total_steps": 2000})",
                 lrsched::one_cycle(0.1, 2000));
  check_loads_as(R"({"kind": "one_cycle", "max_lr": 0.1, "total_steps": 2000, "pct_start": 0.25,
                     "anneal_strategy": "linear", "div_factor": 10, "final_div_factor": 100,
                     "three_phase": true})",
                 lrsched::one_cycle(0.1, 2000,
                                    {.pct_start = 0.25,
                                     .anneal_strategy = lrsched::one_cycle_anneal::linear,
                                     .div_factor = 10.0,
                                     .final_div_factor = 100.0,
                                     .three_phase = true}));
  check_loads_as(R"({"kind": "wsd", "peak_value": 3e-4, "warmup_steps": 200,
                     "stable_steps": 1500, "decay_steps": 800})",
                 lrsched::wsd(3e-4, 200, 1500, 800));
  check_loads_as(R"({"kind": "wsd", "peak_value": 3e-4, "warmup_steps": 200,
                     "stable_steps": 1500, "decay_steps": 800, "final_value": 3e-5,
                     "warmup_start_value": 1e-6, "decay_shape": "minus_sqrt",
                     "warmup_shape": "cosine"})",
                 lrsched::wsd(3e-4, 200, 1500, 800,
                              {.final_value = 3e-5,
                               .warmup_start_value = 1e-6,
                               .decay_shape = lrsched::wsd_shape::minus_sqrt,
                               .warmup_shape = lrsched::wsd_shape::cosine}));
  check_loads_as(R"({"kind": "wsd", "peak_value": 3e-4, "warmup_steps": 200,
                     "stable_steps": 9223372036854775807, "decay_steps": 800})",
                 lrsched::wsd(3e-4, 200, lrsched::wsd::forever, 800));
}

TEST_CASE("warmup loads with a linear ramp from 0 unless told otherwise") {
  const lrsched::cosine decay(3e-4, 3e-5, 2000);
  check_loads_as(R"({"kind": "warmup", "warmup_steps": 200, "schedule":
                     {"kind": "cosine", "peak_value": 3e-4, "end_value": 3e-5, "steps": 2000}})",
                 lrsched::warmup(200, decay));
  check_loads_as(R"({"kind": "warmup", "warmup_steps": 200, "start_value": 1e-6,
                     "shape": "exponential", "schedule":
                     {"kind": "cosine", "peak_value": 3e-4, "end_value": 3e-5, "steps": 2000}})",
                 lrsched::warmup(200, decay, 1e-6, lrsched::warmup_shape::exponential));
}

TEST_CASE("repeat and stretch load; repeat's period defaults to the schedule's length") {
  const lrsched::linear saw(1e-3, 0.0, 100);
  check_loads_as(R"({"kind": "repeat", "schedule":
                     {"kind": "linear", "start_value": 1e-3, "end_value": 0, "steps": 100}})",
                 lrsched::repeat(saw));
  check_loads_as(R"({"kind": "repeat", "period": 150, "schedule":
                     {"kind": "linear", "start_value": 1e-3, "end_value": 0, "steps": 100}})",
                 lrsched::repeat(saw, 150));
  check_loads_as(R"({"kind": "stretch", "factor": 3, "schedule":
                     {"kind": "linear", "start_value": 1e-3, "end_value": 0, "steps": 100}})",
                 lrsched::stretch(saw, 3));
}

TEST_CASE("per_step and in_steps load, and sum over the samples in closed form") {
  const auto in_samples = lrsched::chain(lrsched::linear(0.0, 5e-5, 20'000),
                                         lrsched::for_steps(430'000, lrsched::constant(5e-5)),
                                         lrsched::cosine(5e-5, 4.5e-5, 80'000));
  check_loads_as(R"({"kind": "per_step", "samples_per_step": 64, "schedule": {"kind": "chain",
                     "steps": [20000, 430000], "pieces": [
                       {"kind": "linear", "start_value": 0, "end_value": 5e-5, "steps": 20000},
                       {"kind": "constant", "value": 5e-5},
                       {"kind": "cosine", "peak_value": 5e-5, "end_value": 4.5e-5, "steps": 80000}]}})",
                 lrsched::per_step(in_samples, 64));
  check_loads_as(R"({"kind": "in_steps", "batch_sizes": [8, 16], "until_samples": [1000, 5000],
                     "final_batch_size": 32, "schedule": {"kind": "chain",
                     "steps": [20000, 430000], "pieces": [
                       {"kind": "linear", "start_value": 0, "end_value": 5e-5, "steps": 20000},
                       {"kind": "constant", "value": 5e-5},
                       {"kind": "cosine", "peak_value": 5e-5, "end_value": 4.5e-5, "steps": 80000}]}})",
                 lrsched::in_steps(in_samples, lrsched::batch_ramp({{8, 1000}, {16, 5000}}, 32)));
}

TEST_CASE("a loaded chain sums over every stride-th step in closed form") {
  const auto s = lrsched::parse_schedule(R"({"kind": "chain", "steps": [300, 0, 500], "pieces": [
      {"kind": "linear", "start_value": 0, "end_value": 1e-3, "steps": 300},
      {"kind": "constant", "value": 9},
      {"kind": "constant", "value": 1e-3},
      {"kind": "product", "factors": [{"kind": "constant", "value": 0.5},
        {"kind": "linear", "start_value": 1e-3, "end_value": 0, "steps": 700}]}]})");
  static_assert(lrsched::ClosedFormStridedSum<any_schedule>);
  lrsched::test::random_source rng(5);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const auto first = rng.integer(-50, 2000);
    const auto last = first + rng.integer(0, 2500);
    const auto stride = rng.integer(1, 97);
    lrsched::detail::compensated_sum reference;
    for (std::int64_t t = first; t < last; t += stride) reference.add(s(t));
    worst = std::max(
        worst, lrsched::test::relative_error(
                   lrsched::detail::sum_strided_ld(s, first, last, stride), reference.value()));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("family kinds report constructor errors at the parameter") {
  check_error(R"({"kind": "cosine", "peak_value": 1, "end_value": 0, "steps": 10, "exponent": -1})",
              "/exponent", "cosine: exponent must be finite and > 0, got -1");
  check_error(R"({"kind": "exponential", "init_value": 0.1, "decay_rate": 0.5, "decay_steps": 0})",
              "/decay_steps", "exponential: decay_steps must be >= 1, got 0");
  check_error(R"({"kind": "exponential", "init_value": 0.1, "decay_rate": 2, "decay_steps": 5})",
              "/decay_rate",
              "exponential: decay_rate must be <= 1 without an end_value (a growing exponential is "
              "unbounded; give end_value as its ceiling), got 2");
  check_error(R"({"kind": "exponential", "init_value": 0.1, "decay_rate": 0.5, "decay_steps": 5,
                  "staircase": "yes"})",
              "/staircase", "expected true or false, got \"yes\"");
  check_error(R"({"kind": "multistep", "init_value": 0.1, "milestones": [300, 200], "gamma": 0.1})",
              "/milestones/1",
              "multistep: milestones[1] must be >= milestones[0] = 300 (non-decreasing), got 200");
  check_error(R"({"kind": "piecewise_linear", "steps": [0, 10], "values": [1]})", "/values",
              "piecewise_linear: values must be one value per step (2), got 1");
  check_error(R"({"kind": "piecewise_constant", "boundaries": [10], "values": [1, "2"]})",
              "/values/1", "expected a number, got \"2\"");
  check_error(
      R"({"kind": "warmup", "warmup_steps": 10, "shape": "cosin",
                  "schedule": {"kind": "constant", "value": 1}})",
      "/shape",
      "expected one of \"linear\", \"cosine\", \"exponential\", got \"cosin\"; did you mean "
      "\"cosine\"?");
  check_error(R"({"kind": "warmup", "warmup_steps": 10, "shape": 1,
                  "schedule": {"kind": "constant", "value": 1}})",
              "/shape", "expected one of \"linear\", \"cosine\", \"exponential\", got 1");
  check_error(R"({"kind": "cyclic", "base_lr": 1e-4, "max_lr": 1e-2, "step_size_up": 0,
                  "step_size_down": 0})",
              "/step_size_down",
              "cyclic: step_size_down must be >= 1 when step_size_up is 0, got 0");
  check_error(R"({"kind": "one_cycle", "max_lr": 0.1, "total_steps": 100, "pct_start": 1.5})",
              "/pct_start", "one_cycle: pct_start must be in [0, 1], got 1.5");
  check_error(R"({"kind": "wsd", "peak_value": 3e-4, "warmup_steps": 2, "stable_steps": 3,
                  "decay_steps": 4, "decay_shape": "1-sqrt"})",
              "/decay_shape",
              "expected one of \"linear\", \"cosine\", \"minus_sqrt\", \"exponential\", got "
              "\"1-sqrt\"");
  check_error(R"({"kind": "repeat", "schedule": {"kind": "constant", "value": 1}})", "",
              "repeat: period is required when the schedule is open-ended");
  check_error(R"({"kind": "stretch", "factor": 0, "schedule": {"kind": "constant", "value": 1}})",
              "/factor", "stretch: factor must be >= 1, got 0");
  check_error(R"({"kind": "in_steps", "batch_sizes": [8, 16], "until_samples": [100],
                  "final_batch_size": 32, "schedule": {"kind": "constant", "value": 1}})",
              "/until_samples",
              "in_steps: until_samples must be one threshold per batch size (2), got 1");
  check_error(R"({"kind": "in_steps", "batch_sizes": [8, 0], "until_samples": [100, 200],
                  "final_batch_size": 32, "schedule": {"kind": "constant", "value": 1}})",
              "", "batch_ramp: stages[1].batch_size must be >= 1, got 0");
}
