// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The DeepSpeed dialect: a ds_config's optimizer and scheduler. Every golden case of
// tests/data/deepspeed.json is written as a ds_config (its params as scheduler.params, the
// optimizer's LR as optimizer.params.lr) and must give DeepSpeed's numbers, also with "auto"
// values supplied when loading; PyTorch scheduler classes named as the type load as PyTorch
// builds them (checked against tests/data/pytorch.json); bad configs get a config_error at
// the field.
#include <lrsched/dialects.hpp>
#include <lrsched/peers/deepspeed.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <set>
#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "golden.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;

namespace {

/// A ds_config whose scheduler is `type` with `params`, and an AdamW at `lr`.
document ds_config(const std::string& type, const nlohmann::json& params, double lr) {
  return document{
      {"train_batch_size", 32},
      {"optimizer", {{"type", "AdamW"}, {"params", {{"lr", lr}, {"weight_decay", 0.01}}}}},
      {"scheduler", {{"type", type}, {"params", document(params)}}},
      {"zero_optimization", {{"stage", 2}}}};
}

}  // namespace

TEST_CASE("every DeepSpeed golden case loads from a ds_config with DeepSpeed's values") {
  const auto file = golden::load("deepspeed.json");
  golden::tally t;
  dialect::counts seen;
  for (const auto& c : file.cases) {
    INFO(c.id);
    const document doc = ds_config(c.raw.at("config_name").get<std::string>(), c.params, c.base());
    const auto loaded =
        dialect::check_document(c, t, "deepspeed dialect", doc, lrsched::dialect::deepspeed, seen);
    dialect::check_cli(c, doc, "deepspeed", loaded, seen);

    // "auto" as the HF Trainer writes it, supplied when loading: the optimizer's lr by the
    // base LR, every scheduler field by its name.
    document with_auto = doc;
    with_auto["optimizer"]["params"]["lr"] = "auto";
    with_auto["optimizer"]["params"]["betas"] = "auto";  // not an LR: may stay "auto"
    lrsched::load_options supplied{.base_lr = c.base(), .values = {}};
    for (const char* field : {"total_num_steps", "warmup_num_steps", "warmup_min_lr"}) {
      if (c.params.contains(field)) {
        with_auto["scheduler"]["params"][field] = "auto";
        supplied.values[field] = c.number(field);
      }
    }
    const auto from_auto =
        dialect::check_document(c, t, "deepspeed dialect, \"auto\" supplied", with_auto,
                                lrsched::dialect::deepspeed, seen, supplied);
    std::vector<std::string> extra;
    if (dialect::uses_base_lr(with_auto, lrsched::dialect::deepspeed, supplied, from_auto)) {
      extra = {"--base-lr", doc["optimizer"]["params"]["lr"].dump()};
    }
    for (const auto& [field, value] : supplied.values) {
      extra.push_back("--set");
      extra.push_back(field + "=" + document(value).dump());
    }
    dialect::check_cli(c, with_auto, "deepspeed", from_auto, seen, extra);
  }
  std::cout << "deepspeed dialect: " << seen.documents << " documents from " << file.cases.size()
            << " golden cases, " << seen.round_trips << " canonical round trips, "
            << seen.cli_checked << " through lrsched eval\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "deepspeed");
  CHECK(seen.documents == 2 * file.cases.size());
}

TEST_CASE("deepspeed: a torch.optim.lr_scheduler class as the type loads as PyTorch builds it") {
  // DeepSpeed builds any type it does not know from torch.optim.lr_scheduler with the
  // optimizer's LR. The PyTorch golden cases of classes with plain arguments, as ds_configs.
  const std::set<std::string> plain{
      "StepLR",        "MultiStepLR",  "ConstantLR",        "LinearLR",
      "ExponentialLR", "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts"};
  const auto file = golden::load("pytorch.json");
  golden::tally t;
  dialect::counts seen;
  golden::options rounding;  // as test_golden_pytorch.cpp: PyTorch rounds to ulps of the peak
  rounding.peak_ulps = 4;
  rounding.reason = "PyTorch's chainable arithmetic, within 4 ulps of the peak";
  for (const auto& c : file.cases) {
    if (plain.count(c.function) == 0) continue;
    INFO(c.id);
    dialect::check_document(c, t, "deepspeed dialect, torch type",
                            ds_config(c.function, c.params, c.base()), lrsched::dialect::deepspeed,
                            seen, {}, rounding);
  }
  std::cout << "deepspeed dialect with torch types: " << seen.documents
            << " PyTorch golden cases\n";
  t.print(std::cout);
  CHECK(seen.documents >= 20);
}

TEST_CASE("deepspeed: DeepSpeed's defaults fill what the params leave out") {
  // WarmupLR: warmup_min_lr 0, warmup_max_lr the optimizer's LR, 1000 log steps.
  const auto warmup = lrsched::load_config(ds_config("WarmupLR", nlohmann::json::object(), 0.5));
  const auto expected = lrsched::deepspeed::warmup_lr(0.0, 0.5);
  for (std::int64_t step = 0; step < 1100; step += 7) REQUIRE(warmup(step) == expected(step));
  // WarmupDecayLR without warmup_max_lr: DeepSpeed would peak at 0.001 whatever the
  // optimizer's LR; no hidden peak, so the base LR supplied when loading sets it, or the
  // missing peak is an error naming it and the optimizer's lr.
  const nlohmann::json decay_params{{"total_num_steps", 3000}, {"warmup_type", "linear"}};
  dialect::expect_error(
      [&] { return lrsched::load_config(ds_config("WarmupDecayLR", decay_params, 0.5)); },
      "/scheduler/params",
      "missing required key \"warmup_max_lr\" (the peak LR): DeepSpeed's WarmupDecayLR would "
      "use 0.001 and ignore the optimizer's lr");
  const auto decay =
      lrsched::load_config(ds_config("WarmupDecayLR", decay_params, 0.5),
                           lrsched::dialect::automatic, {.base_lr = 0.25, .values = {}});
  CHECK(decay(1001) == 0.25);
  // No optimizer section: the base LR supplied.
  const auto cosine = lrsched::load_config(
      document{{"scheduler", {{"type", "WarmupCosineLR"}, {"params", {{"total_num_steps", 100}}}}}},
      lrsched::dialect::deepspeed, {.base_lr = 2.0, .values = {}});
  CHECK(cosine.describe().find("base_lr") != nullptr);
  CHECK(std::get<double>(*cosine.describe().find("base_lr")) == 2.0);
}

TEST_CASE("deepspeed: bad ds_configs get a config_error at the field") {
  using dialect::expect_error;
  const auto load = [](const document& doc, lrsched::load_options options = {}) {
    return
        [doc, options] { return lrsched::load_config(doc, lrsched::dialect::deepspeed, options); };
  };
  const nlohmann::json cosine_params{{"total_num_steps", 1000}, {"warmup_num_steps", 100}};
  expect_error(load(ds_config("WarmupCosineLRR", cosine_params, 1e-3)), "/scheduler/type",
               "did you mean \"WarmupCosineLR\"?");
  expect_error(load(ds_config("WarmupCosineLR", {{"total_num_steps", "auto"}}, 1e-3)),
               "/scheduler/params/total_num_steps",
               "expected a number, got \"auto\": the HuggingFace Trainer fills \"auto\" in at run "
               "time; write the number here, or give a value for \"total_num_steps\" supplied "
               "when loading (the command line's --set total_num_steps=...)");
  document lr_auto = ds_config("WarmupCosineLR", cosine_params, 1e-3);
  lr_auto["optimizer"]["params"]["lr"] = "auto";
  expect_error(load(lr_auto), "/optimizer/params/lr", "a base LR supplied when loading");
  expect_error(load(ds_config("WarmupLR", {{"warmup_type", "exp"}}, 1e-3)),
               "/scheduler/params/warmup_type", "expected one of \"log\", \"linear\"");
  expect_error(load(ds_config("WarmupLR", {{"warmup_num_step", 10}}, 1e-3)),
               "/scheduler/params/warmup_num_step", "did you mean \"warmup_num_steps\"?");
  expect_error(load(ds_config("WarmupCosineLR",
                              {{"total_num_steps", 100}, {"warmup_num_steps", 100}}, 1e-3)),
               "/scheduler/params/total_num_steps", "(DeepSpeed divides by their difference)");
  expect_error(load(ds_config("WarmupCosineLR", {{"warmup_num_steps", 100}}, 1e-3)),
               "/scheduler/params", "missing required key \"total_num_steps\"");
  expect_error(
      load(ds_config("OneCycle",
                     {{"cycle_min_lr", 1e-4}, {"cycle_max_lr", 1e-3}, {"last_batch_iteration", 10}},
                     1e-3)),
      "/scheduler/params/last_batch_iteration", "expected -1");
  expect_error(load(ds_config("LambdaLR", {{"lr_lambda", "x"}}, 1e-3)), "/scheduler/type",
               "Python callable");
  expect_error(load(ds_config("StepLR", {{"step_sizee", 10}}, 1e-3)),
               "/scheduler/params/step_sizee", "did you mean \"step_size\"?");
  expect_error(
      load(document{{"scheduler", {{"type", "WarmupCosineLR"}, {"params", cosine_params}}}}), "",
      "expected the optimizer's LR at /optimizer/params/lr");
  expect_error(load(document{{"scheduler", {{"params", cosine_params}}}}), "/scheduler",
               "missing required key \"type\"");
  document unknown = ds_config("WarmupLR", nlohmann::json::object(), 1e-3);
  unknown["zero_optimisation"] = document::object();
  expect_error(load(unknown), "/zero_optimisation", "did you mean \"zero_optimization\"?");
  expect_error(load(ds_config("WarmupLR", {{"warmup_max_lr", {1e-3, 2e-3}}}, 1e-3)),
               "/scheduler/params/warmup_max_lr", "expected a number, got an array");
}
