// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Megatron-LM's OptimizerParamScheduler learning rate through lrsched::megatron: every golden
// case at every recorded step and its summed LR, plus the behaviours the data only samples.
#include <lrsched/peers/megatron.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <numbers>
#include <string>
#include <variant>
#include <vector>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace megatron = lrsched::megatron;
namespace golden = lrsched::test::golden;

namespace {

megatron::optimizer_param_scheduler_options options_of(const golden::golden_case& c) {
  const auto style = megatron::parse_decay_style(c.text_or("lr_decay_style", "linear"));
  REQUIRE(style.has_value());
  megatron::optimizer_param_scheduler_options o{.init_lr = c.number("init_lr"),
                                                .max_lr = c.number("max_lr"),
                                                .min_lr = c.number("min_lr"),
                                                .lr_warmup_steps = c.integer("lr_warmup_steps"),
                                                .lr_decay_steps = c.integer("lr_decay_steps"),
                                                .lr_decay_style = *style};
  if (c.params.contains("wsd_decay_steps")) o.wsd_decay_steps = c.integer("wsd_decay_steps");
  if (c.params.contains("lr_wsd_decay_style")) {
    o.lr_wsd_decay_style = megatron::parse_wsd_decay_style(c.text_or("lr_wsd_decay_style", ""));
    REQUIRE(o.lr_wsd_decay_style.has_value());
  }
  return o;
}

}  // namespace

TEST_CASE("lrsched::megatron reproduces every Megatron-LM golden case") {
  const auto file = golden::load("megatron.json");
  const auto tally =
      golden::run(file, {
                            {"OptimizerParamScheduler",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c,
                                       "megatron::optimizer_param_scheduler (" +
                                           c.text_or("lr_decay_style", "linear") + ")",
                                       megatron::optimizer_param_scheduler(options_of(c)));
                             }},
                        });
  std::cout << file.system << " " << file.version << ":\n";
  tally.print(std::cout);
}

namespace {

// Megatron's get_lr, transcribed (num_steps = t).
double megatron_get_lr(const megatron::optimizer_param_scheduler_options& o, std::int64_t t) {
  const auto n = static_cast<double>(t);
  if (o.lr_warmup_steps > 0 && t <= o.lr_warmup_steps) {
    return o.init_lr + (o.max_lr - o.init_lr) * n / static_cast<double>(o.lr_warmup_steps);
  }
  if (o.lr_decay_style == megatron::decay_style::constant) return o.max_lr;
  if (t > o.lr_decay_steps) return o.min_lr;
  if (o.lr_decay_style == megatron::decay_style::inverse_square_root) {
    const auto warmup = static_cast<double>(std::max<std::int64_t>(o.lr_warmup_steps, 1));
    const double lr = o.max_lr * std::sqrt(warmup) / std::sqrt(std::max(n, 1.0));
    return std::max(o.min_lr, lr);
  }
  const double ratio = static_cast<double>(t - o.lr_warmup_steps) /
                       static_cast<double>(o.lr_decay_steps - o.lr_warmup_steps);
  double coeff = 1.0;
  if (o.lr_decay_style == megatron::decay_style::linear) {
    coeff = 1.0 - ratio;
  } else if (o.lr_decay_style == megatron::decay_style::cosine) {
    coeff = 0.5 * (std::cos(std::numbers::pi * ratio) + 1.0);
  } else {
    const std::int64_t anneal_start = o.lr_decay_steps - *o.wsd_decay_steps;
    if (t > anneal_start) {
      const double q =
          static_cast<double>(t - anneal_start) / static_cast<double>(*o.wsd_decay_steps);
      switch (*o.lr_wsd_decay_style) {
        case megatron::wsd_decay_style::linear:
          coeff = 1.0 - q;
          break;
        case megatron::wsd_decay_style::cosine:
          coeff = 0.5 * (std::cos(std::numbers::pi * q) + 1.0);
          break;
        case megatron::wsd_decay_style::exponential:
          coeff = 2.0 * std::pow(0.5, q) - 1.0;
          break;
        case megatron::wsd_decay_style::minus_sqrt:
          coeff = 1.0 - std::sqrt(q);
          break;
      }
    }
  }
  return o.min_lr + coeff * (o.max_lr - o.min_lr);
}

std::vector<megatron::optimizer_param_scheduler_options> random_options(
    lrsched::test::random_source& rng, int count) {
  std::vector<megatron::optimizer_param_scheduler_options> all;
  for (int i = 0; i < count; ++i) {
    const double max_lr = rng.log_uniform(1e-5, 1e-2);
    const auto decay = rng.integer(1, 3000);
    megatron::optimizer_param_scheduler_options o{
        .init_lr = rng.coin() ? 0.0 : max_lr * rng.uniform(0.0, 1.0),
        .max_lr = max_lr,
        .min_lr = rng.coin() ? 0.0 : max_lr * rng.uniform(0.0, 0.5),
        .lr_warmup_steps = rng.integer(0, decay - 1),
        .lr_decay_steps = decay,
        .lr_decay_style = static_cast<megatron::decay_style>(rng.integer(0, 4))};
    o.wsd_decay_steps = rng.integer(0, o.lr_decay_steps - o.lr_warmup_steps);
    o.lr_wsd_decay_style = static_cast<megatron::wsd_decay_style>(rng.integer(0, 3));
    all.push_back(o);
  }
  return all;
}

}  // namespace

TEST_CASE("megatron follows get_lr for every style, including min_lr past lr_decay_steps") {
  lrsched::test::random_source rng(2024);
  double worst = 0.0;
  for (const auto& o : random_options(rng, 500)) {
    const auto s = megatron::optimizer_param_scheduler(o);
    for (std::int64_t t = 0; t < o.lr_decay_steps + 50; t += 1 + t / 100) {
      // Megatron's own 1 − r and ½(1 + cos) lose a few ulps of max_lr near a zero floor.
      worst = std::max(
          worst, lrsched::test::relative_error(s(t), megatron_get_lr(o, t), 4e-16 * o.max_lr));
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("megatron's warmup includes its last step and constant ignores min_lr") {
  const auto s =
      megatron::optimizer_param_scheduler({.init_lr = 1e-6,
                                           .max_lr = 1e-3,
                                           .min_lr = 1e-5,
                                           .lr_warmup_steps = 10,
                                           .lr_decay_steps = 100,
                                           .lr_decay_style = megatron::decay_style::constant});
  CHECK(s(0) == 1e-6);
  CHECK(s(10) == 1e-3);
  CHECK(s(100) == 1e-3);
  CHECK(s(std::int64_t{1} << 60) == 1e-3);
}

TEST_CASE(
    "megatron inverse-square-root floors at min_lr and, without warmup, starts one step late") {
  const auto s = megatron::optimizer_param_scheduler(
      {.max_lr = 1.0,
       .min_lr = 0.1,
       .lr_warmup_steps = 4,
       .lr_decay_steps = 1000,
       .lr_decay_style = megatron::decay_style::inverse_square_root});
  CHECK(s(4) == 1.0);
  CHECK(lrsched::test::relative_error(s(16), 0.5) <= 1e-15);
  CHECK(s(399) > 0.1);
  CHECK(s(401) == 0.1);
  CHECK(s(1001) == 0.1);
  const auto no_warmup = megatron::optimizer_param_scheduler(
      {.max_lr = 1.0,
       .min_lr = 0.0,
       .lr_decay_steps = 100,
       .lr_decay_style = megatron::decay_style::inverse_square_root});
  CHECK(no_warmup(0) == 1.0);
  CHECK(no_warmup(1) == 1.0);
  CHECK(lrsched::test::relative_error(no_warmup(4), 0.5) <= 1e-15);
  CHECK(no_warmup(101) == 0.0);
}

TEST_CASE("megatron schedules sum in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(77);
  double worst = 0.0;
  for (const auto& o : random_options(rng, 1500)) {
    const auto s = megatron::optimizer_param_scheduler(o);
    const auto first = rng.integer(-10, o.lr_decay_steps + 100);
    const auto last = first + rng.integer(0, 4000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("megatron schedules are finite at every int64 step") {
  lrsched::test::random_source rng(5);
  for (const auto& o : random_options(rng, 50)) {
    const auto s = megatron::optimizer_param_scheduler(o);
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  }
}

TEST_CASE("megatron schedules describe themselves with Megatron's argument names") {
  const auto d = megatron::optimizer_param_scheduler(
                     {.max_lr = 1e-3,
                      .min_lr = 1e-5,
                      .lr_warmup_steps = 10,
                      .lr_decay_steps = 100,
                      .lr_decay_style = megatron::decay_style::wsd,
                      .wsd_decay_steps = 20,
                      .lr_wsd_decay_style = megatron::wsd_decay_style::minus_sqrt})
                     .describe();
  CHECK(d.kind == "megatron.optimizer_param_scheduler");
  std::vector<std::string> names;
  for (const auto& [name, value] : d.parameters) names.push_back(name);
  CHECK(names == std::vector<std::string>{"init_lr", "max_lr", "min_lr", "lr_warmup_steps",
                                          "lr_decay_steps", "lr_decay_style", "wsd_decay_steps",
                                          "lr_wsd_decay_style"});
  CHECK(std::get<std::string>(*d.find("lr_decay_style")) == "WSD");
  CHECK(std::get<std::string>(*d.find("lr_wsd_decay_style")) == "minus_sqrt");
  CHECK(megatron::parse_decay_style("inverse-square-root") ==
        megatron::decay_style::inverse_square_root);
  CHECK(!megatron::parse_decay_style("exponential").has_value());
}

TEST_CASE("megatron schedules reject what Megatron asserts, naming the argument") {
  using lrsched::test::expect_rejected;
  expect_rejected(
      [] {
        (void)megatron::optimizer_param_scheduler(
            {.max_lr = 1e-3, .lr_warmup_steps = 100, .lr_decay_steps = 100});
      },
      "lr_warmup_steps",
      "megatron.optimizer_param_scheduler: lr_warmup_steps must be < lr_decay_steps (100), got "
      "100");
  expect_rejected(
      [] {
        (void)megatron::optimizer_param_scheduler(
            {.max_lr = 1e-3, .min_lr = 1e-2, .lr_decay_steps = 100});
      },
      "min_lr", "megatron.optimizer_param_scheduler: min_lr must be <= max_lr (0.001), got 0.01");
  expect_rejected(
      [] {
        (void)megatron::optimizer_param_scheduler({.max_lr = 1e-3,
                                                   .lr_decay_steps = 100,
                                                   .lr_decay_style = megatron::decay_style::wsd,
                                                   .wsd_decay_steps = 20});
      },
      "lr_wsd_decay_style",
      "megatron.optimizer_param_scheduler: lr_wsd_decay_style must be set when lr_decay_style "
      "is WSD");
  expect_rejected([] { (void)megatron::optimizer_param_scheduler({.lr_decay_steps = 10}); },
                  "max_lr",
                  "megatron.optimizer_param_scheduler: max_lr must be finite and > 0, got 0");
}
