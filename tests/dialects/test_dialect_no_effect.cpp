// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// No hidden defaults, no ignored input: in every dialect, an argument the peer would ignore
// in the configuration written is an error naming it (its own default value, which a full
// argument dump writes whatever the configuration, says nothing and passes), and a peak LR
// is never made up.
#include <lrsched/dialects.hpp>

#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"

namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;
using dialect::expect_error;

namespace {

auto load(document doc, lrsched::dialect d) {
  return [doc, d] { return lrsched::load_config(doc, d); };
}

}  // namespace

TEST_CASE("hf: warmup for lr_scheduler_type constant, and warmup_ratio under warmup_steps") {
  const auto hf = lrsched::dialect::hf;
  const document constant{{"learning_rate", 1e-3}, {"lr_scheduler_type", "constant"}};
  document steps = constant;
  steps["warmup_steps"] = 100;
  expect_error(load(steps, hf), "/warmup_steps",
               "this argument has no effect here: HF's get_scheduler gives lr_scheduler_type "
               "\"constant\" no warmup (\"constant_with_warmup\" has one); expected it left out "
               "or 0, got 100");
  document ratio = constant;
  ratio["max_steps"] = 1000;
  ratio["warmup_ratio"] = 0.1;
  expect_error(load(ratio, hf), "/warmup_ratio", "no warmup");
  // A TrainingArguments dump writes warmup_steps 0 and warmup_ratio 0.0 for every type.
  document dump = constant;
  dump["warmup_steps"] = 0;
  dump["warmup_ratio"] = 0.0;
  CHECK(lrsched::load_config(dump, hf)(5) == 1e-3);

  const document both{{"learning_rate", 1e-3},
                      {"lr_scheduler_type", "linear"},
                      {"max_steps", 1000},
                      {"warmup_steps", 10},
                      {"warmup_ratio", 0.5}};
  expect_error(load(both, hf), "/warmup_ratio", "a positive warmup_steps overrides warmup_ratio");
}

TEST_CASE("megatron: WSD arguments without WSD, min_lr when constant, warmup init without one") {
  const auto megatron = lrsched::dialect::megatron;
  const document cosine{{"lr", 3e-4},
                        {"min_lr", 3e-5},
                        {"lr_decay_style", "cosine"},
                        {"lr_warmup_iters", 100},
                        {"train_iters", 1000}};
  document anneal = cosine;
  anneal["lr_wsd_decay_iters"] = 200;
  expect_error(load(anneal, megatron), "/lr_wsd_decay_iters",
               "only lr_decay_style \"WSD\" anneals, and this one is \"cosine\"");
  document style = cosine;
  style["lr_wsd_decay_style"] = "linear";
  expect_error(load(style, megatron), "/lr_wsd_decay_style", "only lr_decay_style \"WSD\"");
  // Megatron's defaults, as an argument dump writes them.
  document dump = cosine;
  dump["lr_wsd_decay_style"] = "exponential";
  dump["lr_wsd_decay_iters"] = nullptr;
  dump["lr_warmup_init"] = 0.0;
  CHECK(lrsched::load_config(dump, megatron)(100) == 3e-4);

  document constant = cosine;
  constant["lr_decay_style"] = "constant";
  expect_error(load(constant, megatron), "/min_lr", "never reaches min_lr");
  document no_warmup = cosine;
  no_warmup["lr_warmup_iters"] = 0;
  no_warmup["lr_warmup_init"] = 1e-6;
  expect_error(load(no_warmup, megatron), "/lr_warmup_init", "the warmup is 0 iters");
}

TEST_CASE("keras: CosineDecay's warmup_steps without a warmup_target") {
  const document doc{
      {"class_name", "CosineDecay"},
      {"config",
       {{"initial_learning_rate", 0.1}, {"decay_steps", 10}, {"warmup_steps", 5},
        {"warmup_target", nullptr}}}};
  expect_error(load(doc, lrsched::dialect::keras), "/config/warmup_steps",
               "without a warmup_target Keras' CosineDecay has no warmup");
  document zero = doc;
  zero["config"]["warmup_steps"] = 0;  // what get_config() writes without a warmup
  CHECK(lrsched::load_config(zero, lrsched::dialect::keras)(0) == 0.1);
}

TEST_CASE("pytorch: OneCycleLR's epochs beside total_steps, CyclicLR's gamma and scale_mode") {
  const auto pytorch = lrsched::dialect::pytorch;
  const document one_cycle{{"optimizer", {{"_target_", "torch.optim.SGD"}, {"lr", 0.1}}},
                           {"lr_scheduler",
                            {{"_target_", "torch.optim.lr_scheduler.OneCycleLR"},
                             {"max_lr", 0.1},
                             {"total_steps", 100},
                             {"epochs", 10},
                             {"steps_per_epoch", 20}}}};
  expect_error(load(one_cycle, pytorch), "/lr_scheduler/epochs",
               "PyTorch's OneCycleLR uses total_steps when it is given");
  document cyclic{{"optimizer", {{"_target_", "torch.optim.SGD"}, {"lr", 0.1}}},
                  {"lr_scheduler",
                   {{"_target_", "torch.optim.lr_scheduler.CyclicLR"},
                    {"base_lr", 0.01},
                    {"max_lr", 0.1},
                    {"step_size_up", 10},
                    {"gamma", 0.99}}}};
  expect_error(load(cyclic, pytorch), "/lr_scheduler/gamma",
               "PyTorch's CyclicLR uses gamma only in mode \"exp_range\"");
  cyclic["lr_scheduler"]["gamma"] = 1.0;
  cyclic["lr_scheduler"]["scale_mode"] = "iterations";
  expect_error(load(cyclic, pytorch), "/lr_scheduler/scale_mode",
               "takes the scale mode from mode (\"triangular\")");
  // What a LightningCLI dump writes for the defaults loads.
  cyclic["lr_scheduler"]["scale_mode"] = "cycle";
  CHECK(lrsched::load_config(cyclic, pytorch)(10) == 0.1);
  cyclic["lr_scheduler"]["mode"] = "exp_range";
  cyclic["lr_scheduler"]["gamma"] = 0.99;
  cyclic["lr_scheduler"]["scale_mode"] = "iterations";
  CHECK(lrsched::load_config(cyclic, pytorch)(10) < 0.1);
}
