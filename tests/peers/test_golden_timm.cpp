// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// timm's schedulers through lrsched::timm: every golden case at every recorded step and its
// summed LR, plus the behaviours the golden data only samples.
#include <lrsched/peers/timm.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace timm = lrsched::timm;
namespace golden = lrsched::test::golden;

namespace {

// The warmup arguments every timm scheduler takes, from a golden case (timm's defaults).
template <class Options>
Options warmup_options(const golden::golden_case& c, Options o, bool warmup_prefix) {
  o.warmup_t = c.integer_or("warmup_t", 0);
  o.warmup_lr_init = c.number_or("warmup_lr_init", 0.0);
  o.warmup_prefix = c.flag_or("warmup_prefix", warmup_prefix);
  return o;
}

// The cycle and warmup arguments of timm's Cosine, Poly and Tanh schedulers.
template <class Options>
Options cyclic_options(const golden::golden_case& c, Options o) {
  o.t_initial = c.integer("t_initial");
  o.lr_min = c.number_or("lr_min", 0.0);
  o.cycle_mul = c.number_or("cycle_mul", 1.0);
  o.cycle_decay = c.number_or("cycle_decay", 1.0);
  o.cycle_limit = c.integer_or("cycle_limit", 1);
  return warmup_options(c, o, false);
}

}  // namespace

TEST_CASE("lrsched::timm reproduces every timm golden case") {
  const auto file = golden::load("timm.json");
  const auto tally = golden::run(
      file,
      {
          {"CosineLRScheduler",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "timm::cosine_lr_scheduler",
                     timm::cosine_lr_scheduler(
                         c.base(), cyclic_options(c, timm::cosine_lr_scheduler_options{
                                                         .k_decay = c.number_or("k_decay", 1.0)})));
           }},
          {"PolyLRScheduler",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "timm::poly_lr_scheduler",
                     timm::poly_lr_scheduler(
                         c.base(), cyclic_options(c, timm::poly_lr_scheduler_options{
                                                         .power = c.number_or("power", 0.5),
                                                         .k_decay = c.number_or("k_decay", 1.0)})));
           }},
          {"TanhLRScheduler",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "timm::tanh_lr_scheduler",
                     timm::tanh_lr_scheduler(c.base(),
                                             cyclic_options(c, timm::tanh_lr_scheduler_options{
                                                                   .lb = c.number_or("lb", -7.0),
                                                                   .ub = c.number_or("ub", 3.0)})));
           }},
          {"StepLRScheduler",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "timm::step_lr_scheduler",
                     timm::step_lr_scheduler(
                         c.base(), warmup_options(c,
                                                  timm::step_lr_scheduler_options{
                                                      .decay_t = c.integer("decay_t"),
                                                      .decay_rate = c.number_or("decay_rate", 1.0)},
                                                  true)));
           }},
          {"MultiStepLRScheduler",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "timm::multi_step_lr_scheduler",
                     timm::multi_step_lr_scheduler(
                         c.base(),
                         warmup_options(
                             c,
                             timm::multi_step_lr_scheduler_options{
                                 .decay_t = c.param("decay_t").get<std::vector<std::int64_t>>(),
                                 .decay_rate = c.number_or("decay_rate", 1.0)},
                             true)));
           }},
      });
  std::cout << file.system << " " << file.version << ":\n";
  tally.print(std::cout);
}

namespace {

// timm's _get_lr for the cyclic Poly scheduler, transcribed (t_in_epochs=False, no noise).
double timm_poly(double base_lr, const timm::poly_lr_scheduler_options& o, std::int64_t step) {
  auto t = static_cast<double>(step);
  const double warmup_step = (base_lr - o.warmup_lr_init) / static_cast<double>(o.warmup_t);
  if (step < o.warmup_t) return o.warmup_lr_init + t * warmup_step;
  if (o.warmup_prefix) t -= static_cast<double>(o.warmup_t);
  const auto t_initial = static_cast<double>(o.t_initial);
  double i = 0.0, t_i = t_initial, t_curr = 0.0;
  if (o.cycle_mul != 1.0) {
    i = std::floor(std::log(1.0 - t / t_initial * (1.0 - o.cycle_mul)) / std::log(o.cycle_mul));
    t_i = std::pow(o.cycle_mul, i) * t_initial;
    t_curr = t - (1.0 - std::pow(o.cycle_mul, i)) / (1.0 - o.cycle_mul) * t_initial;
  } else {
    i = std::floor(t / t_initial);
    t_curr = t - t_initial * i;
  }
  if (i >= static_cast<double>(o.cycle_limit)) return o.lr_min;
  const double lr_max = base_lr * std::pow(o.cycle_decay, i);
  return o.lr_min +
         (lr_max - o.lr_min) *
             std::pow(1.0 - std::pow(t_curr, o.k_decay) / std::pow(t_i, o.k_decay), o.power);
}

}  // namespace

TEST_CASE("timm poly with k-decay, decaying and growing cycles follows timm's arithmetic") {
  const std::vector<timm::poly_lr_scheduler_options> cases = {
      {.t_initial = 40, .power = 2.0, .lr_min = 1e-5, .cycle_decay = 0.5, .cycle_limit = 3},
      {.t_initial = 30,
       .power = 0.5,
       .lr_min = 0.0,
       .cycle_mul = 1.5,
       .cycle_limit = 4,
       .warmup_t = 5,
       .warmup_lr_init = 1e-4},
      {.t_initial = 50,
       .power = 1.0,
       .lr_min = 1e-4,
       .cycle_mul = 2.0,
       .cycle_decay = 0.8,
       .cycle_limit = 3,
       .warmup_t = 10,
       .warmup_lr_init = 1e-5,
       .warmup_prefix = true,
       .k_decay = 2.0},
  };
  for (const auto& options : cases) {
    const auto s = timm::poly_lr_scheduler(1e-2, options);
    double worst = 0.0;
    for (std::int64_t t = 0; t < 600; ++t) {
      worst = std::max(worst, lrsched::test::relative_error(s(t), timm_poly(1e-2, options, t)));
    }
    CHECK(worst <= 1e-15);
    CHECK(s(1'000'000) == options.lr_min);
    CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 700),
                                        lrsched::test::reference_sum(s, 0, 700)) <= 1e-15);
  }
}

TEST_CASE("timm poly with a k-decay so large that T_i^k overflows stays finite and falling") {
  // 90^170 is beyond double (timm raises OverflowError); found by the config fuzzer, which
  // summed NaN here. The fraction is then (t/T_i)^k: ~0 early, 1 at the end of the cycle.
  const auto s = timm::poly_lr_scheduler(1e-2, {.t_initial = 90,
                                                .power = 0.5,
                                                .lr_min = 1e-4,
                                                .warmup_t = 10,
                                                .warmup_lr_init = 1e-5,
                                                .warmup_prefix = true,
                                                .k_decay = 170.0});
  double previous = s(10);
  CHECK(previous == 1e-2);
  for (std::int64_t t = 11; t <= 100; ++t) {
    INFO("step " << t);
    const double value = s(t);
    REQUIRE(std::isfinite(value));
    CHECK(value <= previous);
    CHECK(value >= 1e-4);
    previous = value;
  }
  // t_cur = t - 10: (50/90)^170 is far below double's resolution of 1; (89/90)^170 = 0.15.
  CHECK(s(60) == Approx(1e-2).epsilon(1e-15));
  CHECK(
      s(99) ==
      Approx(1e-4 + (1e-2 - 1e-4) * std::sqrt(1.0 - std::pow(89.0 / 90.0, 170.0))).epsilon(1e-13));
  CHECK(s(100) == 1e-4);
  CHECK(std::isfinite(lrsched::sum(s, 0, 1000)));
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 1000),
                                      lrsched::test::reference_sum(s, 0, 1000)) <= 1e-15);
}

TEST_CASE("timm tanh gives update 0 timm's _get_lr(0), a hair below base_lr") {
  const auto s = timm::tanh_lr_scheduler(0.1, {.t_initial = 100});
  CHECK(s(0) < 0.1);
  CHECK(lrsched::test::relative_error(s(0), 0.1 * 0.5 * (1.0 - std::tanh(-7.0))) <= 1e-15);
  CHECK(s(100) == 0.0);
}

TEST_CASE("timm tanh without warmup_prefix aims its warmup at the tanh value at warmup_t") {
  const auto s = timm::tanh_lr_scheduler(
      0.1, {.t_initial = 100, .warmup_t = 10, .warmup_lr_init = 1e-4, .warmup_prefix = false});
  const double at_warmup_end = 0.1 * 0.5 * (1.0 - std::tanh(-7.0 * 0.9 + 3.0 * 0.1));
  CHECK(lrsched::test::relative_error(s(10), at_warmup_end) <= 1e-14);
  CHECK(lrsched::test::relative_error(s(5), 1e-4 + 5.0 * (at_warmup_end - 1e-4) / 10.0) <= 1e-14);
}

TEST_CASE("timm tanh with decaying and growing cycles follows timm's arithmetic") {
  const timm::tanh_lr_scheduler_options options{.t_initial = 20,
                                                .lb = -6.0,
                                                .ub = 4.0,
                                                .lr_min = 1e-6,
                                                .cycle_mul = 1.5,
                                                .cycle_decay = 0.7,
                                                .cycle_limit = 4};
  const auto s = timm::tanh_lr_scheduler(1e-2, options);
  for (std::int64_t t = 0; t < 300; ++t) {
    const auto tt = static_cast<double>(t);
    const double i = std::floor(std::log(1.0 - tt / 20.0 * (1.0 - 1.5)) / std::log(1.5));
    const double t_i = std::pow(1.5, i) * 20.0;
    const double t_curr = tt - (1.0 - std::pow(1.5, i)) / (1.0 - 1.5) * 20.0;
    const double tr = t_curr / t_i;
    const double expected = i >= 4.0 ? 1e-6
                                     : 1e-6 + 0.5 * (1e-2 * std::pow(0.7, i) - 1e-6) *
                                                  (1.0 - std::tanh(-6.0 * (1.0 - tr) + 4.0 * tr));
    CHECK(lrsched::test::relative_error(s(t), expected) <= 1e-15);
  }
}

TEST_CASE("timm multistep decays one step before each milestone") {
  const auto s = timm::multi_step_lr_scheduler(0.1, {.decay_t = {30, 60}, .decay_rate = 0.1});
  CHECK(s(28) == 0.1);
  CHECK(s(29) == 0.1 * std::pow(0.1, 1.0));
  CHECK(s(59) == 0.1 * std::pow(0.1, 2.0));
}

TEST_CASE("timm warmup without warmup_prefix replaces the first steps of the schedule") {
  const timm::step_lr_scheduler_options base{
      .decay_t = 10, .decay_rate = 0.5, .warmup_t = 5, .warmup_lr_init = 1e-4};
  auto prefixed = base;
  prefixed.warmup_prefix = true;
  auto overlaid = base;
  overlaid.warmup_prefix = false;
  const auto a = timm::step_lr_scheduler(1e-2, prefixed);
  const auto b = timm::step_lr_scheduler(1e-2, overlaid);
  CHECK(a(0) == 1e-4);
  CHECK(b(0) == 1e-4);
  CHECK(a(14) == 1e-2);  // the decay's clock started at 5
  CHECK(a(15) == 1e-2 * 0.5);
  CHECK(b(9) == 1e-2);  // the decay's clock is the global one
  CHECK(b(10) == 1e-2 * 0.5);
}

TEST_CASE("timm schedules sum in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(6060);
  double worst = 0.0;
  const auto record = [&](const auto& s, std::int64_t first, std::int64_t last) {
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  };
  for (int i = 0; i < 600; ++i) {
    const double lr = rng.log_uniform(1e-5, 1e-1);
    const auto warm = rng.integer(0, 50);
    const bool prefix = rng.coin();
    const double init = lr * rng.uniform(0.0, 0.5);
    const double floor = rng.coin() ? 0.0 : lr * rng.uniform(0.0, 0.1);
    const auto period = rng.integer(1, 300);
    const auto first = rng.integer(-5, 1500);
    const auto last = first + rng.integer(0, 1500);
    record(timm::cosine_lr_scheduler(
               lr, {.t_initial = period,
                    .lr_min = floor,
                    .cycle_mul = rng.coin() ? 1.0 : static_cast<double>(rng.integer(1, 3)),
                    .cycle_decay = rng.uniform(0.3, 1.0),
                    .cycle_limit = rng.integer(1, 5),
                    .warmup_t = warm,
                    .warmup_lr_init = init,
                    .warmup_prefix = prefix}),
           first, last);
    record(timm::poly_lr_scheduler(lr, {.t_initial = period,
                                        .power = static_cast<double>(rng.integer(1, 3)),
                                        .lr_min = floor,
                                        .cycle_limit = rng.integer(1, 4),
                                        .warmup_t = warm,
                                        .warmup_lr_init = init,
                                        .warmup_prefix = prefix}),
           first, last);
    record(timm::tanh_lr_scheduler(lr, {.t_initial = period,
                                        .lr_min = floor,
                                        .cycle_limit = rng.integer(1, 4),
                                        .warmup_t = warm,
                                        .warmup_lr_init = init,
                                        .warmup_prefix = prefix}),
           first, last);
    record(timm::step_lr_scheduler(lr, {.decay_t = period,
                                        .decay_rate = rng.uniform(0.1, 1.0),
                                        .warmup_t = warm,
                                        .warmup_lr_init = init,
                                        .warmup_prefix = prefix}),
           first, last);
    record(timm::multi_step_lr_scheduler(
               lr, {.decay_t = {period, period + rng.integer(0, 200), period + 300},
                    .decay_rate = rng.uniform(0.1, 1.0),
                    .warmup_t = warm,
                    .warmup_lr_init = init,
                    .warmup_prefix = prefix}),
           first, last);
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("timm schedules describe themselves with timm's parameter names") {
  const auto d = timm::cosine_lr_scheduler(1e-3, {.t_initial = 100, .lr_min = 1e-5}).describe();
  CHECK(d.kind == "timm.cosine_lr_scheduler");
  std::vector<std::string> names;
  for (const auto& [name, value] : d.parameters) names.push_back(name);
  CHECK(names == std::vector<std::string>{"base_lr", "t_initial", "lr_min", "cycle_mul",
                                          "cycle_decay", "cycle_limit", "warmup_t",
                                          "warmup_lr_init", "warmup_prefix", "k_decay"});
}

TEST_CASE("timm schedules reject bad parameters, naming timm's parameter") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)timm::cosine_lr_scheduler(1e-3, {}); }, "t_initial",
                  "timm.cosine_lr_scheduler: t_initial must be >= 1, got 0");
  expect_rejected([] { (void)timm::poly_lr_scheduler(1e-3, {.t_initial = 10, .cycle_mul = 0.5}); },
                  "cycle_mul",
                  "timm.poly_lr_scheduler: cycle_mul must be finite and >= 1, got 0.5");
  expect_rejected([] { (void)timm::tanh_lr_scheduler(1e-3, {.t_initial = 10, .lb = 3.0}); }, "lb",
                  "timm.tanh_lr_scheduler: lb must be < ub (3), got 3");
  expect_rejected([] { (void)timm::step_lr_scheduler(1e-3, {.decay_t = 10, .decay_rate = 2}); },
                  "decay_rate", "timm.step_lr_scheduler: decay_rate must be in [0, 1], got 2");
  expect_rejected(
      [] {
        (void)timm::multi_step_lr_scheduler(1e-3, {.decay_t = {20, 10}});
      },
      "decay_t[1]",
      "timm.multi_step_lr_scheduler: decay_t[1] must be >= decay_t[0] = 20 (non-decreasing), "
      "got 10");
}

TEST_CASE("timm schedules are finite at every int64 step") {
  const auto finite_everywhere = [](const auto& s) {
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  };
  finite_everywhere(timm::cosine_lr_scheduler(
      1e-3, {.t_initial = 50, .cycle_mul = 1.5, .cycle_limit = 1'000'000, .warmup_t = 5}));
  finite_everywhere(timm::poly_lr_scheduler(
      1e-3, {.t_initial = 50, .cycle_mul = 1.5, .cycle_decay = 0.5, .cycle_limit = 40}));
  finite_everywhere(timm::tanh_lr_scheduler(1e-3, {.t_initial = 50, .cycle_limit = 3}));
  finite_everywhere(timm::tanh_lr_scheduler(1e-3, {.t_initial = 50, .cycle_mul = 2.0}));
  finite_everywhere(timm::step_lr_scheduler(1e-3, {.decay_t = 1, .decay_rate = 0.5}));
  finite_everywhere(timm::multi_step_lr_scheduler(1e-3, {.decay_t = {0, 10}, .decay_rate = 0.5}));
}
