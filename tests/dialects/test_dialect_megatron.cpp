// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The Megatron-LM dialect: its arguments (`--lr-decay-style` as "lr_decay_style"), iteration-
// and sample-based. Every golden case of tests/data/megatron.json (OptimizerParamScheduler's
// constructor arguments) is written as Megatron arguments (the mapping is here, in the test)
// and must give Megatron's numbers; bad documents get a config_error at the argument.
#include <lrsched/dialects.hpp>
#include <lrsched/peers/megatron.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "golden.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;

namespace {

/// The case's constructor arguments as Megatron's command-line arguments, counted in
/// iterations (`batch` = 0) or in samples with a global batch size of `batch`. Megatron's
/// scheduler counts samples either way; the golden case's steps are its counter.
document arguments(const golden::golden_case& c, std::int64_t batch) {
  const std::string unit = batch == 0 ? "iters" : "samples";
  const std::int64_t scale = batch == 0 ? 1 : batch;
  document doc{{"lr", c.number("max_lr")},
               {"min_lr", c.number("min_lr")},
               {"lr_warmup_init", c.number("init_lr")},
               {"lr_decay_style", c.param("lr_decay_style")},
               {"lr_warmup_" + unit, c.integer("lr_warmup_steps") * scale},
               {"lr_decay_" + unit, c.integer("lr_decay_steps") * scale},
               {"train_" + unit, c.integer("wd_incr_steps") * scale},
               {"start_weight_decay", c.number("start_wd")},
               {"end_weight_decay", c.number("end_wd")},
               {"weight_decay_incr_style", c.param("wd_incr_style")}};
  if (c.params.contains("wsd_decay_steps")) {
    doc["lr_wsd_decay_" + unit] = c.integer("wsd_decay_steps") * scale;
    doc["lr_wsd_decay_style"] = c.param("lr_wsd_decay_style");
  }
  if (batch != 0) doc["global_batch_size"] = batch;
  return doc;
}

}  // namespace

TEST_CASE("every Megatron-LM golden case loads from its arguments, by iterations and samples") {
  const auto file = golden::load("megatron.json");
  golden::tally t;
  dialect::counts seen;
  for (const auto& c : file.cases) {
    INFO(c.id);
    const document iterations = arguments(c, 0);
    const auto loaded = dialect::check_document(c, t, "megatron dialect, _iters", iterations,
                                                lrsched::dialect::megatron, seen);
    dialect::check_cli(c, iterations, "megatron", loaded, seen);
    // Samples: every count × 8, and a step consumes 8 samples: the same schedule per step.
    const document samples = arguments(c, 8);
    const auto by_samples = dialect::check_document(c, t, "megatron dialect, _samples", samples,
                                                    lrsched::dialect::megatron, seen);
    dialect::check_cli(c, samples, "megatron", by_samples, seen);
    // The decay length from train_iters, the warmup as lr_warmup_fraction of it.
    document defaults = iterations;
    defaults.erase("lr_decay_iters");
    defaults["train_iters"] = c.integer("lr_decay_steps");
    defaults.erase("lr_warmup_iters");
    defaults["lr_warmup_fraction"] = static_cast<double>(c.integer("lr_warmup_steps")) /
                                     static_cast<double>(c.integer("lr_decay_steps"));
    const double warmup = defaults["lr_warmup_fraction"].get<double>() *
                          static_cast<double>(c.integer("lr_decay_steps"));
    if (warmup == static_cast<double>(c.integer("lr_warmup_steps"))) {
      dialect::check_document(c, t, "megatron dialect, train_iters and lr_warmup_fraction",
                              defaults, lrsched::dialect::megatron, seen);
    }
  }
  std::cout << "megatron dialect: " << seen.documents << " documents from " << file.cases.size()
            << " golden cases, " << seen.round_trips << " canonical round trips, "
            << seen.cli_checked << " through lrsched eval\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "megatron");
  CHECK(seen.documents >= 2 * file.cases.size());
}

TEST_CASE(
    "megatron: the issue's WSD example, Megatron's defaults, and a base LR from the options") {
  const document wsd{{"lr", 3e-4},
                     {"min_lr", 3e-5},
                     {"lr_warmup_init", 0},
                     {"lr_decay_style", "WSD"},
                     {"lr_wsd_decay_style", "minus_sqrt"},
                     {"lr_warmup_iters", 2000},
                     {"lr_decay_iters", 100000},
                     {"lr_wsd_decay_iters", 20000}};
  const auto s = lrsched::load_config(wsd);
  const auto expected = lrsched::megatron::optimizer_param_scheduler(
      {.init_lr = 0.0,
       .max_lr = 3e-4,
       .min_lr = 3e-5,
       .lr_warmup_steps = 2000,
       .lr_decay_steps = 100000,
       .lr_decay_style = lrsched::megatron::decay_style::wsd,
       .wsd_decay_steps = 20000,
       .lr_wsd_decay_style = lrsched::megatron::wsd_decay_style::minus_sqrt});
  for (std::int64_t step = 0; step <= 101000; step += 250) REQUIRE(s(step) == expected(step));
  // Megatron's defaults: linear decay, no warmup, min_lr 0; WSD anneals exponentially.
  const auto linear = lrsched::load_config(document{{"lr", 1.0}, {"train_iters", 10}});
  CHECK(linear(0) == 1.0);
  CHECK(linear(5) == 0.5);
  const auto anneal = lrsched::load_config(document{
      {"lr", 1.0}, {"lr_decay_style", "WSD"}, {"lr_decay_iters", 10}, {"lr_wsd_decay_iters", 4}});
  CHECK(anneal.describe().find("lr_wsd_decay_style") != nullptr);
  CHECK(std::get<std::string>(*anneal.describe().find("lr_wsd_decay_style")) == "exponential");
  const auto supplied = lrsched::load_config(
      document{{"lr_decay_iters", 10}}, lrsched::dialect::megatron, {.base_lr = 2.0, .values = {}});
  CHECK(supplied(0) == 2.0);
}

TEST_CASE("megatron: bad arguments get a config_error at the argument") {
  using dialect::expect_error;
  const auto load = [](const document& doc) {
    return [doc] { return lrsched::load_config(doc, lrsched::dialect::megatron); };
  };
  expect_error(load({{"lr", 1e-3}, {"lr_decay_style", "cosin"}, {"lr_decay_iters", 100}}),
               "/lr_decay_style", "did you mean \"cosine\"?");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_style", "WSD"}, {"lr_decay_iters", 100}}), "",
               "missing required key \"lr_wsd_decay_iters\"");
  expect_error(load({{"lr", 1e-3},
                     {"lr_decay_style", "WSD"},
                     {"lr_decay_iters", 100},
                     {"lr_wsd_decay_iters", 20},
                     {"lr_wsd_decay_style", "sqrt"}}),
               "/lr_wsd_decay_style", "expected one of");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_style", "linear"}}), "",
               "expected the decay's length");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_iters", 100}, {"lr_warmup_iters", 100}}),
               "/lr_warmup_iters", "lr_warmup_steps must be < lr_decay_steps (100), got 100");
  expect_error(load({{"lr", 1e-3}, {"min_lr", 1e-2}, {"lr_decay_iters", 100}}), "/min_lr",
               "min_lr must be <= max_lr (0.001), got 0.01");
  expect_error(load({{"lr", "1e-3"}, {"lr_decay_iters", 100}}), "/lr",
               "expected a number, got \"1e-3\"");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_iters", -100}}), "/lr_decay_iters",
               "expected a non-negative integer, got -100");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_iters", 100}, {"lr_decay_samples", 800}}),
               "/lr_decay_samples", "expected iteration-based arguments only");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_samples", 800}}), "",
               "missing required key \"global_batch_size\"");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_iters", 100}, {"lr_warmup_fraction", 0.015}}),
               "/lr_warmup_fraction", "a whole number of iters");
  expect_error(load({{"lr", 1e-3},
                     {"lr_decay_iters", 100},
                     {"lr_warmup_fraction", 0.1},
                     {"lr_warmup_iters", 10}}),
               "/lr_warmup_iters", "expected 0 or null when lr_warmup_fraction is set");
  expect_error(load({{"lr", 1e-3}, {"lr_decay_iters", 100}, {"lr-decay-style", "cosine"}}),
               "/lr-decay-style", "did you mean \"lr_decay_style\"?");
  expect_error(load({{"lr", 1e-3}, {"train_samples", 800}, {"rampup_batch_size", {32, 32, 1000}}}),
               "/rampup_batch_size", "not supported");
  expect_error(load({{"lr_decay_iters", 100}}), "", "missing required key \"lr\"");
}
