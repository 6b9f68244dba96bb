// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Every PyTorch 1.13 golden case (tests/data/pytorch.json) through lrsched::pytorch, and
// through the native family wherever PyTorch's semantics are lrsched's own. The recorded
// `lr` column is what PyTorch users observe (the recursive, chainable updates).
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/cyclic.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/one_cycle.hpp>
#include <lrsched/peers/pytorch.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>

#include <cmath>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace pytorch = lrsched::pytorch;
using golden::golden_case;
using golden::tally;
using nlohmann::json;

namespace {

double number_or(const json& params, const char* name, double fallback) {
  return params.contains(name) ? params.at(name).get<double>() : fallback;
}
std::int64_t integer_or(const json& params, const char* name, std::int64_t fallback) {
  return params.contains(name) ? params.at(name).get<std::int64_t>() : fallback;
}

// The schedulers nested in SequentialLR / ChainedScheduler, from their recorded params.
auto constant_lr_from(double base, const json& p) {
  return pytorch::constant_lr(base, number_or(p, "factor", 1.0 / 3),
                              integer_or(p, "total_iters", 5));
}
auto linear_lr_from(double base, const json& p) {
  return pytorch::linear_lr(base, number_or(p, "start_factor", 1.0 / 3),
                            number_or(p, "end_factor", 1.0), integer_or(p, "total_iters", 5));
}
auto exponential_lr_from(double base, const json& p) {
  return pytorch::exponential_lr(base, p.at("gamma").get<double>());
}
auto step_lr_from(double base, const json& p) {
  return pytorch::step_lr(base, p.at("step_size").get<std::int64_t>(), number_or(p, "gamma", 0.1));
}

std::string classes_of(const json& schedulers) {
  std::string joined;
  for (const auto& s : schedulers) {
    joined += (joined.empty() ? "" : "+") + s.at("class").get<std::string>();
  }
  return joined;
}

// For peers whose own arithmetic rounds to a few ulps of the PEAK where the value is far
// below it: differences within 4 ulps of the case's largest LR count as equal (the raw
// relative error is still reported).
golden::options pytorch_rounding(const std::string& reason) {
  golden::options o;
  o.peak_ulps = 4;
  o.reason = reason;
  return o;
}

const std::map<std::string, golden::handler> handlers = {
    {"StepLR",
     [](const golden_case& c, tally& t) {
       const auto step_size = c.integer("step_size");
       const double gamma = c.number_or("gamma", 0.1);
       t.check(c, "pytorch::step_lr", pytorch::step_lr(c.base(), step_size, gamma));
       t.check(c, "native step_decay", lrsched::step_decay(c.base(), step_size, gamma));
     }},
    {"MultiStepLR",
     [](const golden_case& c, tally& t) {
       const auto milestones = c.param("milestones").get<std::vector<std::int64_t>>();
       const double gamma = c.number_or("gamma", 0.1);
       t.check(c, "pytorch::multi_step_lr", pytorch::multi_step_lr(c.base(), milestones, gamma));
       t.check(c, "native multistep", lrsched::multistep(c.base(), milestones, gamma));
     }},
    {"CosineAnnealingLR",
     [](const golden_case& c, tally& t) {
       const auto t_max = c.integer("T_max");
       const double eta_min = c.number_or("eta_min", 0.0);
       t.check(c, "pytorch::cosine_annealing_lr",
               pytorch::cosine_annealing_lr(c.base(), t_max, eta_min));
       // Native cosine holds eta_min after T_max; PyTorch's rises again. They coincide on
       // [0, T_max], so the native route is checked only on cases that stay there.
       if (c.steps.back() <= t_max && c.sum_steps <= t_max + 1) {
         t.check(c, "native cosine", lrsched::cosine(c.base(), eta_min, t_max));
       }
     }},
    {"OneCycleLR",
     [](const golden_case& c, tally& t) {
       REQUIRE(c.flag_or("cycle_momentum", true) == false);  // the recorded runs cycle no momentum
       const double max_lr = c.number("max_lr");
       const auto total = c.integer("total_steps");
       const double pct = c.number_or("pct_start", 0.3);
       const auto anneal = c.text_or("anneal_strategy", "cos");
       const double div = c.number_or("div_factor", 25.0);
       const double final_div = c.number_or("final_div_factor", 1e4);
       const bool three = c.flag_or("three_phase", false);
       const auto options = pytorch_rounding(
           "PyTorch's (end − start)·pct + start and 1 + cos(π·pct) round to ~1e-16 of max_lr "
           "near min (5.9e-12 of min at the last step of a linear decay to max_lr/2.5e5); "
           "lrsched is exact there: differences within 4 ulps of max_lr count as equal");
       t.check(c, "pytorch::one_cycle_lr",
               pytorch::one_cycle_lr(max_lr, total, pct, anneal, div, final_div, three), options);
       t.check(
           c, "native one_cycle",
           lrsched::one_cycle(max_lr, total,
                              {.pct_start = pct,
                               .anneal_strategy = *lrsched::one_cycle_anneal_from_string(anneal),
                               .div_factor = div,
                               .final_div_factor = final_div,
                               .three_phase = three}),
           options);
     }},
    {"PolynomialLR",
     [](const golden_case& c, tally& t) {
       const auto total_iters = c.integer_or("total_iters", 5);
       const double power = c.number_or("power", 1.0);
       t.check(c, "pytorch::polynomial_lr", pytorch::polynomial_lr(c.base(), total_iters, power));
       t.check(c, "native polynomial", lrsched::polynomial(c.base(), 0.0, total_iters, power));
     }},
    {"CosineAnnealingWarmRestarts",
     [](const golden_case& c, tally& t) {
       const auto t_0 = c.integer("T_0");
       const auto t_mult = c.integer_or("T_mult", 1);
       const double eta_min = c.number_or("eta_min", 0.0);
       t.check(c, "pytorch::cosine_annealing_warm_restarts",
               pytorch::cosine_annealing_warm_restarts(c.base(), t_0, t_mult, eta_min));
       t.check(c, "native cosine_restarts",
               lrsched::cosine_restarts(
                   c.base(), t_0,
                   {.floor_value = eta_min, .period_multiplier = static_cast<double>(t_mult)}));
       if (t_mult == 1) {
         t.check(c, "native repeat", lrsched::repeat(lrsched::cosine(c.base(), eta_min, t_0), t_0));
       }
     }},
    {"CyclicLR",
     [](const golden_case& c, tally& t) {
       REQUIRE(c.flag_or("cycle_momentum", true) == false);  // the recorded runs cycle no momentum
       const double base = c.number("base_lr");              // CyclicLR's own, not the optimizer's
       const double max_lr = c.number("max_lr");
       const auto up = c.integer_or("step_size_up", 2000);
       const auto down = c.params.contains("step_size_down")
                             ? std::optional(c.integer("step_size_down"))
                             : std::nullopt;
       const auto mode = c.text_or("mode", "triangular");
       const double gamma = c.number_or("gamma", 1.0);
       t.check(c, "pytorch::cyclic_lr", pytorch::cyclic_lr(base, max_lr, up, down, mode, gamma));
       t.check(c, "native cyclic",
               lrsched::cyclic(base, max_lr, up, down.value_or(up),
                               *lrsched::cyclic_mode_from_string(mode), gamma));
       if (mode == "triangular") {
         t.check(c, "native repeat",
                 lrsched::repeat(lrsched::chain(lrsched::linear(base, max_lr, up),
                                                lrsched::linear(max_lr, base, down.value_or(up))),
                                 up + down.value_or(up)));
       }
     }},
    {"ConstantLR",
     [](const golden_case& c, tally& t) {
       const double factor = c.number_or("factor", 1.0 / 3);
       const auto total_iters = c.integer_or("total_iters", 5);
       t.check(c, "pytorch::constant_lr", pytorch::constant_lr(c.base(), factor, total_iters));
       t.check(c, "native chain",
               lrsched::chain(lrsched::for_steps(total_iters, lrsched::constant(c.base() * factor)),
                              lrsched::constant(c.base())));
     }},
    {"LinearLR",
     [](const golden_case& c, tally& t) {
       const double start = c.number_or("start_factor", 1.0 / 3);
       const double end = c.number_or("end_factor", 1.0);
       const auto total_iters = c.integer_or("total_iters", 5);
       t.check(c, "pytorch::linear_lr", pytorch::linear_lr(c.base(), start, end, total_iters));
       t.check(c, "native linear", lrsched::linear(c.base() * start, c.base() * end, total_iters));
     }},
    {"ExponentialLR",
     [](const golden_case& c, tally& t) {
       const double gamma = c.number("gamma");
       t.check(c, "pytorch::exponential_lr", pytorch::exponential_lr(c.base(), gamma));
       t.check(c, "native exponential", lrsched::exponential(c.base(), gamma));
     }},
    {"MultiplicativeLR",
     [](const golden_case& c, tally& t) {
       // lr_lambda = lambda epoch: factor, so the LR is base_lr · factor^t.
       const auto& lambda = c.param("lr_lambda");
       REQUIRE(lambda.at("kind") == "constant_factor");
       t.check(c, "native exponential",
               lrsched::exponential(c.base(), lambda.at("factor").get<double>()));
     }},
    {"LambdaLR",
     [](const golden_case& c, tally& t) {
       const auto& lambda = c.param("lr_lambda");
       const auto kind = lambda.at("kind").get<std::string>();
       if (kind == "power") {
         // gamma ** t
         const double gamma = lambda.at("gamma").get<double>();
         t.check(c, "pytorch::lambda_lr",
                 pytorch::lambda_lr(c.base(), lrsched::exponential(1.0, gamma)));
         t.check(c, "native exponential", lrsched::exponential(c.base(), gamma));
       } else if (kind == "warmup_linear_decay") {
         // t / W, then (T − t) / (T − W) down to 0 and held there.
         const auto w = lambda.at("num_warmup_steps").get<std::int64_t>();
         const auto total = lambda.at("num_training_steps").get<std::int64_t>();
         const auto factor =
             lrsched::chain(lrsched::linear(0.0, 1.0, w), lrsched::linear(1.0, 0.0, total - w));
         t.check(c, "pytorch::lambda_lr", pytorch::lambda_lr(c.base(), factor));
         t.check(c, "native chain", c.base() * factor);
       } else if (kind == "warmup_cosine" && lambda.at("num_cycles").get<double>() == 0.5) {
         // t / W, then ½(1 + cos(π·(t − W)/(T − W))) with no clamp: it rises again after T.
         const auto w = lambda.at("num_warmup_steps").get<std::int64_t>();
         const auto decay = lambda.at("num_training_steps").get<std::int64_t>() - w;
         const auto factor = lrsched::chain(
             lrsched::linear(0.0, 1.0, w),
             lrsched::repeat(
                 lrsched::chain(lrsched::cosine(1.0, 0.0, decay), lrsched::cosine(0.0, 1.0, decay)),
                 2 * decay));
         t.check(c, "pytorch::lambda_lr", pytorch::lambda_lr(c.base(), factor));
         t.check(c, "native chain", c.base() * factor);
       } else if (kind == "warmup_inverse_sqrt") {
         // t / W, then 1 / sqrt(t / W): native inverse_sqrt's classic curve.
         const auto w = lambda.at("num_warmup_steps").get<std::int64_t>();
         t.check(c, "pytorch::lambda_lr",
                 pytorch::lambda_lr(c.base(), lrsched::inverse_sqrt(1.0, w)));
         t.check(c, "native inverse_sqrt", lrsched::inverse_sqrt(c.base(), w));
       } else {
         FAIL_CHECK("no native equivalent written for lr_lambda kind " << kind);
       }
     }},
    {"ChainedScheduler",
     [](const golden_case& c, tally& t) {
       const auto& s = c.param("schedulers");
       const auto classes = classes_of(s);
       const double base = c.base();
       if (classes == "ConstantLR+ExponentialLR") {
         t.check(c, "pytorch::chained_scheduler",
                 pytorch::chained_scheduler(constant_lr_from(base, s[0].at("params")),
                                            exponential_lr_from(base, s[1].at("params"))));
       } else if (classes == "LinearLR+StepLR") {
         t.check(c, "pytorch::chained_scheduler",
                 pytorch::chained_scheduler(linear_lr_from(base, s[0].at("params")),
                                            step_lr_from(base, s[1].at("params"))));
       } else {
         FAIL_CHECK("no composition written for " << classes);
       }
     }},
    {"SequentialLR",
     [](const golden_case& c, tally& t) {
       const auto& s = c.param("schedulers");
       const auto classes = classes_of(s);
       const auto milestone = c.param("milestones").at(0).get<std::int64_t>();
       const double base = c.base();
       if (classes == "ConstantLR+ExponentialLR") {
         const auto first = constant_lr_from(base, s[0].at("params"));
         const auto second = exponential_lr_from(base, s[1].at("params"));
         t.check(c, "pytorch::sequential_lr",
                 pytorch::sequential_lr(std::tuple{first, second}, {milestone}));
         t.check(c, "native chain",
                 lrsched::chain(lrsched::for_steps(milestone, first.native()), second.native()));
       } else if (classes == "LinearLR+CosineAnnealingLR") {
         const auto first = linear_lr_from(base, s[0].at("params"));
         const auto& p = s[1].at("params");
         const auto t_max = p.at("T_max").get<std::int64_t>();
         const double eta_min = number_or(p, "eta_min", 0.0);
         const auto second = pytorch::cosine_annealing_lr(base, t_max, eta_min);
         t.check(c, "pytorch::sequential_lr",
                 pytorch::sequential_lr(std::tuple{first, second}, {milestone}));
         REQUIRE(c.steps.back() - milestone <= t_max);  // the cosine never rises again here
         t.check(c, "native chain",
                 lrsched::chain(lrsched::for_steps(milestone, first.native()),
                                lrsched::cosine(base, eta_min, t_max)));
       } else {
         FAIL_CHECK("no composition written for " << classes);
       }
     }},
};

}  // namespace

TEST_CASE("lrsched::pytorch reproduces every PyTorch 1.13 golden case, step for step and summed") {
  const auto file = golden::load("pytorch.json");
  CHECK(file.system == "pytorch");
  const auto result = golden::run(
      file, handlers,
      {{"ReduceLROnPlateau",
        "a metric-driven controller, not a schedule: test_golden_plateau.cpp replays its cases"}});
  golden::report(std::cout, file, result);
  CHECK(result.max_step_error() <= 1e-12);
}

namespace {

// PyTorch 1.13's OneCycleLR.get_lr, transcribed independently of lrsched's type: the oracle
// for steps and parameters the golden file does not record (fractional phase ends).
double torch_one_cycle(double max_lr, std::int64_t total, double pct, bool cos, double div,
                       double final_div, bool three_phase, std::int64_t step) {
  const double initial = max_lr / div;
  const double min_lr = initial / final_div;
  struct phase {
    double end, start_lr, end_lr;
  };
  std::vector<phase> phases;
  const double steps = static_cast<double>(total);
  if (three_phase) {
    phases = {{pct * steps - 1, initial, max_lr},
              {2 * pct * steps - 2, max_lr, initial},
              {steps - 1, initial, min_lr}};
  } else {
    phases = {{pct * steps - 1, initial, max_lr}, {steps - 1, max_lr, min_lr}};
  }
  double start = 0;
  const auto x = static_cast<double>(step);
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (x <= phases[i].end || i + 1 == phases.size()) {
      const double p = (x - start) / (phases[i].end - start);
      const double a = phases[i].start_lr, b = phases[i].end_lr;
      return cos ? b + (a - b) / 2.0 * (std::cos(3.141592653589793 * p) + 1) : (b - a) * p + a;
    }
    start = phases[i].end;
  }
  return 0;
}

}  // namespace

TEST_CASE("pytorch::one_cycle_lr places fractional phase ends where PyTorch does") {
  using one_cycle_type = decltype(pytorch::one_cycle_lr(1.0, 10));
  lrsched::test::random_source rng(1301);
  double worst_value = 0.0, worst_sum = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const auto total = rng.integer(1, 400);
    const double pct = rng.uniform(0.0, 1.0);
    if (pct * static_cast<double>(total) == 1.0) continue;  // PyTorch divides by zero at step 0
    const bool cos = rng.coin(), three = rng.coin();
    const double max_lr = rng.log_uniform(1e-5, 1.0), div = rng.uniform(1.5, 50.0),
                 final_div = rng.log_uniform(1.0, 1e5);
    const one_cycle_type s =
        pytorch::one_cycle_lr(max_lr, total, pct, cos ? "cos" : "linear", div, final_div, three);
    for (std::int64_t t = 0; t < total; ++t) {
      // PyTorch's end + (start − end)/2·(1 + cos(π·p)) rounds to ~1e-16 of max_lr near the
      // bottom of a long decay; lrsched's cosine does not, so differences within 4 ulps of
      // max_lr count as equal.
      worst_value = std::max(
          worst_value, lrsched::test::relative_error(
                           s(t), torch_one_cycle(max_lr, total, pct, cos, div, final_div, three, t),
                           4 * std::numeric_limits<double>::epsilon() * max_lr));
    }
    CHECK(s(total + 5) == s(total - 1));  // held past the end (PyTorch raises there)
    const auto first = rng.integer(-3, total + 3);
    const auto last = first + rng.integer(0, total + 10);
    worst_sum = std::max(
        worst_sum, lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                 lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst_value <= 1e-12);
  CHECK(worst_sum <= 1e-12);
  // pct_start·T = 1: PyTorch raises ZeroDivisionError at step 0; lrsched rejects it.
  CHECK_THROWS_AS(pytorch::one_cycle_lr(0.1, 10, 0.1), lrsched::invalid_schedule);
}

TEST_CASE("pytorch::one_cycle_lr and cyclic_lr reject what PyTorch rejects") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)pytorch::one_cycle_lr(0.1, 0); }, "total_steps",
                  "pytorch.one_cycle_lr: total_steps must be >= 1, got 0");
  expect_rejected([] { (void)pytorch::one_cycle_lr(0.1, 100, 1.5); }, "pct_start",
                  "pytorch.one_cycle_lr: pct_start must be in [0, 1], got 1.5");
  expect_rejected([] { (void)pytorch::one_cycle_lr(0.1, 100, 0.3, "cosine"); }, "anneal_strategy",
                  "pytorch.one_cycle_lr: anneal_strategy must be \"cos\" or \"linear\", got "
                  "\"cosine\"");
  expect_rejected([] { (void)pytorch::cyclic_lr(0.001, 0.1, 10, std::nullopt, "triangle"); },
                  "mode",
                  "pytorch.cyclic_lr: mode must be \"triangular\", \"triangular2\" or "
                  "\"exp_range\", got \"triangle\"");
  const auto d = pytorch::one_cycle_lr(0.1, 100, 0.25, "linear", 10.0, 100.0, true).describe();
  CHECK(d.kind == "pytorch.one_cycle_lr");
  CHECK(*d.find("anneal_strategy") == lrsched::parameter_value(std::string("linear")));
  CHECK(*d.find("three_phase") == lrsched::parameter_value(true));
  // step_size_down defaults to step_size_up, and is described only when given.
  const auto c = pytorch::cyclic_lr(0.001, 0.006, 10);
  CHECK(c(10) == 0.006);
  CHECK(c(20) == 0.001);
  CHECK(c.describe().find("step_size_down") == nullptr);
}

TEST_CASE("PyTorch quirks with total_iters = 0 are reproduced: the factor is never undone") {
  // ConstantLR / LinearLR apply their start factor at construction and only undo it at
  // step total_iters, which has passed; PolynomialLR never changes the LR.
  for (const std::int64_t t : {0, 1, 7, 1'000'000}) {
    CHECK(pytorch::constant_lr(0.1, 0.5, 0)(t) == 0.1 * 0.5);
    CHECK(pytorch::linear_lr(0.1, 0.25, 1.0, 0)(t) == 0.1 * 0.25);
    CHECK(pytorch::polynomial_lr(0.1, 0, 2.0)(t) == 0.1);
  }
  CHECK(lrsched::sum(pytorch::constant_lr(0.1, 0.5, 0), 0, 10) == Approx(0.5));
}

TEST_CASE("pytorch::cosine_annealing_lr rises again after T_max with period 2·T_max") {
  const auto s = pytorch::cosine_annealing_lr(0.1, 50, 0.001);
  for (std::int64_t t = 0; t < 400; ++t) {
    const double closed =
        0.001 +
        (0.1 - 0.001) * (1 + std::cos(3.141592653589793 * static_cast<double>(t) / 50.0)) / 2;
    CHECK(lrsched::test::relative_error(s(t), closed) <= 1e-13);
  }
  CHECK(s(50) == 0.001);
  CHECK(s(100) == 0.1);
  CHECK(s(1'000'000'000'000) == 0.1);
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 17, 1017),
                                      lrsched::test::reference_sum(s, 17, 1017)) <= 1e-12);
}

TEST_CASE("pytorch composites check what PyTorch would reject or silently mis-compose") {
  using lrsched::test::expect_rejected;
  const auto a = pytorch::step_lr(0.1, 10, 0.5);
  const auto b = pytorch::exponential_lr(0.2, 0.9);
  expect_rejected([&] { (void)pytorch::chained_scheduler(a, b); }, "schedulers[1].base_lr",
                  "pytorch.chained_scheduler: schedulers[1].base_lr must be the base_lr of "
                  "schedulers[0] (0.1), got 0.2");
  const auto lambda = pytorch::lambda_lr(0.1, lrsched::constant(0.5));
  try {
    (void)pytorch::chained_scheduler(a, lambda);
    FAIL("LambdaLR accepted in a ChainedScheduler");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "schedulers[1]");
  }
  expect_rejected(
      [&] {
        (void)pytorch::sequential_lr(std::tuple{a, a, a}, {10, 10});
      },
      "milestones[1]", "pytorch.sequential_lr: milestones[1] must be > milestones[0] = 10, got 10");
  expect_rejected(
      [&] {
        (void)pytorch::sequential_lr(std::tuple{a, a}, {0});
      },
      "milestones[0]", "pytorch.sequential_lr: milestones[0] must be >= 1, got 0");
  const auto chained = pytorch::chained_scheduler(a, pytorch::multi_step_lr(0.1, {30, 5, 5}));
  CHECK(chained(4) == 0.1);
  CHECK(chained(5) == Approx(0.1 * 0.1 * 0.1));         // a milestone listed twice: gamma²
  CHECK(chained(12) == Approx(0.1 * 0.5 * 0.1 * 0.1));  // times StepLR's own drop at 10
  const auto d = chained.describe();
  CHECK(d.kind == "pytorch.chained_scheduler");
  REQUIRE(d.children.size() == 1);
  CHECK(d.children[0].second.size() == 2);
  CHECK(d.children[0].second[1].kind == "pytorch.multi_step_lr");
  expect_rejected([] { (void)pytorch::linear_lr(0.1, 0.0); }, "start_factor",
                  "pytorch.linear_lr: start_factor must be > 0 when total_iters >= 1 (PyTorch "
                  "divides by zero), got 0");
  expect_rejected([] { (void)pytorch::cosine_annealing_lr(0.1, 0); }, "T_max",
                  "pytorch.cosine_annealing_lr: T_max must be >= 1, got 0");
  expect_rejected(
      [] {
        (void)pytorch::multi_step_lr(0.1, {3, -1});
      },
      "milestones[1]", "pytorch.multi_step_lr: milestones[1] must be >= 0, got -1");
}
