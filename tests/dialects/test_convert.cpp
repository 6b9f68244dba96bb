// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Writing a schedule as another system's config: the shapes written, the check by loading
// back, and the reasons for refusals. (Every golden case of every dialect is converted to
// every target by the dialect tests, through dialect_checks.hpp, which print the table.)
#include <lrsched/cosine.hpp>
#include <lrsched/dialects.hpp>
#include <lrsched/dialects/convert.hpp>
#include <lrsched/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "catch.hpp"

using json = nlohmann::ordered_json;
using lrsched::dialect;

namespace {

/// `a` and `b` agree at every step up to `last`: exactly, or (`relative` > 0, for another
/// peer's formula of the same shape) within that relative difference.
void same_values(const lrsched::any_schedule& a, const lrsched::any_schedule& b,
                 std::int64_t last, double relative = 0.0) {
  std::int64_t same = 0;
  for (std::int64_t t = 0; t <= last; ++t) {
    same += std::fabs(a(t) - b(t)) <= relative * std::max(std::fabs(a(t)), std::fabs(b(t))) ? 1
                                                                                            : 0;
  }
  CHECK(same == last + 1);
}

template <class Convert>
void expect_refusal(Convert convert, const std::string& text) {
  try {
    (void)convert();
    FAIL("expected a conversion_error saying " << text);
  } catch (const lrsched::conversion_error& e) {
    INFO(e.what());
    CHECK(e.problem().find(text) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("convert: a PyTorch scheduler as PyTorch (LightningCLI form) and as a ds_config") {
  const json hydra = json::parse(R"({
      "optimizer": {"_target_": "torch.optim.AdamW", "lr": 0.01},
      "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.CosineAnnealingLR", "T_max": 100,
                       "eta_min": 0.001}})");
  const auto source = lrsched::load_config(hydra);
  const json as_pytorch = lrsched::convert_config(hydra, dialect::pytorch);
  CHECK(as_pytorch == json::parse(R"({
      "optimizer": {"class_path": "torch.optim.SGD", "init_args": {"lr": 0.01}},
      "lr_scheduler": {"class_path": "torch.optim.lr_scheduler.CosineAnnealingLR",
                       "init_args": {"T_max": 100, "eta_min": 0.001}}})"));
  same_values(source, lrsched::load_config(as_pytorch), 300);

  const json as_deepspeed = lrsched::convert_config(hydra, dialect::deepspeed);
  CHECK(as_deepspeed == json::parse(R"({
      "optimizer": {"type": "AdamW", "params": {"lr": 0.01}},
      "scheduler": {"type": "CosineAnnealingLR", "params": {"T_max": 100, "eta_min": 0.001}}})"));
  same_values(source, lrsched::load_config(as_deepspeed), 300);

  // Another peer's function of the same shape: HF's cosine with a floor is PyTorch's
  // cosine annealing (both rise again past T_max, so they agree at every step).
  const json as_hf = lrsched::convert_config(hydra, dialect::hf);
  CHECK(as_hf == json::parse(R"({"learning_rate": 0.01, "max_steps": 100,
      "lr_scheduler_type": "cosine_with_min_lr", "lr_scheduler_kwargs": {"min_lr": 0.001}})"));
  same_values(source, lrsched::load_config(as_hf), 1000, 1e-12);
  // Megatron holds min_lr past the decay, where PyTorch's cosine rises: refused, saying where.
  expect_refusal([&] { return lrsched::convert_config(hydra, dialect::megatron); },
                 "cannot be written as a Megatron-LM config: its nearest Megatron-LM form gives "
                 "0.001 at step 101");
  // A scheduler that is no peer's shape elsewhere.
  const json step = json::parse(R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1},
      "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.StepLR", "step_size": 10}})");
  expect_refusal([&] { return lrsched::convert_config(step, dialect::hf); },
                 "cannot be written as a HuggingFace config: the schedule is "
                 "\"pytorch.step_lr\", not one of HF's get_scheduler types");
}

TEST_CASE("convert: each peer's own kinds are written in its shape and load back") {
  const json hf = json::parse(R"({"learning_rate": 3e-4, "lr_scheduler_type": "cosine",
      "warmup_steps": 10, "max_steps": 100, "lr_scheduler_kwargs": {"num_cycles": 0.5}})");
  const json hf_written = lrsched::convert_config(hf, dialect::hf);
  CHECK(hf_written.at("lr_scheduler_type") == "cosine");
  CHECK(hf_written.at("warmup_steps") == 10);
  same_values(lrsched::load_config(hf), lrsched::load_config(hf_written, dialect::hf), 120);

  const json optax = json::parse(R"({"optax": "join_schedules", "boundaries": [10],
      "schedules": [{"optax": "linear_schedule", "init_value": 0, "end_value": 1e-3,
                     "transition_steps": 10},
                    {"optax": "piecewise_constant_schedule", "init_value": 1e-3,
                     "boundaries_and_scales": {"20": 0.5, "40": 0.1}}]})");
  const json optax_written = lrsched::convert_config(optax, dialect::optax);
  CHECK(optax_written.at("schedules").at(1).at("boundaries_and_scales") ==
        json::parse(R"({"20": 0.5, "40": 0.1})"));
  same_values(lrsched::load_config(optax), lrsched::load_config(optax_written), 100);

  // Megatron by samples: per_step of the schedule in samples, written back as samples.
  const json samples = json::parse(R"({"lr": 3e-4, "min_lr": 3e-5, "lr_decay_style": "cosine",
      "lr_warmup_samples": 2560, "lr_decay_samples": 25600, "train_samples": 25600,
      "global_batch_size": 256})");
  const json megatron_written = lrsched::convert_config(samples, dialect::megatron);
  CHECK(megatron_written.at("global_batch_size") == 256);
  CHECK(megatron_written.at("lr_decay_samples") == 25600);
  same_values(lrsched::load_config(samples), lrsched::load_config(megatron_written), 200);

  // timm stepped per epoch: the training-config keys with updates_per_epoch.
  const json timm = json::parse(R"({"sched": "cosine", "lr": 0.1, "epochs": 10,
      "warmup_epochs": 2, "warmup_lr": 0.01, "min_lr": 1e-4, "updates_per_epoch": 5})");
  const json timm_written = lrsched::convert_config(timm, dialect::timm);
  CHECK(timm_written.at("updates_per_epoch") == 5);
  CHECK(timm_written.at("sched") == "cosine");
  same_values(lrsched::load_config(timm), lrsched::load_config(timm_written), 80);

  // Keras.
  const json keras = json::parse(R"({"class_name": "ExponentialDecay", "config": {
      "initial_learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.5, "staircase": true}})");
  const json keras_written = lrsched::convert_config(keras, dialect::keras);
  CHECK(keras_written.at("module") == "keras.optimizers.schedules");
  same_values(lrsched::load_config(keras), lrsched::load_config(keras_written), 100);
}

TEST_CASE("convert: what a target cannot express is refused with the reason") {
  // lrsched's own families are no peer's config; the canonical format writes them.
  const lrsched::any_schedule native(lrsched::cosine(1e-3, 1e-5, 1000));
  for (const dialect to : {dialect::pytorch, dialect::hf, dialect::deepspeed, dialect::keras,
                           dialect::optax, dialect::timm, dialect::megatron}) {
    expect_refusal([&] { return lrsched::write_config(native, to); },
                   "the schedule is \"cosine\", not");
  }
  CHECK(lrsched::write_config(native, dialect::canonical) == lrsched::to_ordered_json(native));
  expect_refusal([&] { return lrsched::write_config(native, dialect::automatic); },
                 "expected a target dialect");
  // HF's get_scheduler cannot pass inverse_sqrt a timescale: the check by loading back
  // finds the difference and says where.
  const auto inverse_sqrt = lrsched::from_json(json::parse(R"({
      "kind": "huggingface.get_inverse_sqrt_schedule", "base_lr": 1e-3,
      "num_warmup_steps": 10, "timescale": 50})"));
  expect_refusal([&] { return lrsched::write_config(inverse_sqrt, dialect::hf); },
                 "its nearest HuggingFace form gives");
  // A DeepSpeed WarmupDecayLR whose peak came from the options is written with it.
  const json ds = json::parse(R"({"scheduler": {"type": "WarmupDecayLR",
      "params": {"total_num_steps": 100, "warmup_num_steps": 10}}})");
  const json written =
      lrsched::convert_config(ds, dialect::deepspeed, dialect::deepspeed, {.base_lr = 0.5, .values = {}});
  CHECK(written.at("scheduler").at("params").at("warmup_max_lr") == 0.5);
}
