// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The timm dialect: a scheduler class with its constructor arguments, and timm's training
// config keys as create_scheduler_v2 reads them. Every golden case of tests/data/timm.json is
// written in both forms (the mapping from the case's constructor arguments to the config keys
// is here, in the test) and must give timm's numbers; bad documents get a config_error at the
// offending key.
#include <lrsched/dialects.hpp>
#include <lrsched/peers/timm.hpp>
#include <lrsched/stretch.hpp>

#include <cstdint>
#include <iostream>
#include <numeric>
#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "golden.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;

namespace {

/// `{"class_path": "timm.scheduler.<Class>", "init_args": <the case's arguments>, "lr": ...}`.
document class_form(const golden::golden_case& c) {
  return document{{"class_path", "timm.scheduler." + c.function},
                  {"init_args", document(c.params)},
                  {"lr", c.base()}};
}

/// The training-config keys that make create_scheduler_v2 build the case's scheduler,
/// stepped per update with `updates_per_epoch` = the largest whole divisor of every time
/// argument, or stepped per epoch with one step per epoch. Every default is written out,
/// since create_scheduler_v2's differ from the classes' (cycle_decay 0.1, warmup 5 epochs).
/// Empty when the case has arguments the config cannot set (TanhLRScheduler's lb and ub).
document config_form(const golden::golden_case& c, bool per_update) {
  if (c.params.contains("lb") || c.params.contains("ub")) return {};
  const std::string& f = c.function;
  const bool steps = f == "StepLRScheduler" || f == "MultiStepLRScheduler";
  const std::string sched = f == "CosineLRScheduler" ? "cosine"
                            : f == "TanhLRScheduler" ? "tanh"
                            : f == "PolyLRScheduler" ? "poly"
                            : f == "StepLRScheduler" ? "step"
                                                     : "multistep";
  std::int64_t divisor = 0;
  const auto times = {c.integer_or("t_initial", 0), c.integer_or("warmup_t", 0)};
  for (const std::int64_t t : times) divisor = std::gcd(divisor, t);
  if (f == "StepLRScheduler") divisor = std::gcd(divisor, c.integer("decay_t"));
  if (f == "MultiStepLRScheduler") {
    for (const auto& m : c.param("decay_t")) divisor = std::gcd(divisor, m.get<std::int64_t>());
  }
  if (!per_update || divisor == 0) divisor = 1;
  document doc{{"sched", sched}, {"lr", c.base()}};
  if (per_update) {
    doc["sched_on_updates"] = true;
    doc["updates_per_epoch"] = divisor;
  }
  doc["warmup_epochs"] = c.integer_or("warmup_t", 0) / divisor;
  doc["warmup_lr"] = c.number_or("warmup_lr_init", 0.0);
  doc["warmup_prefix"] = c.flag_or("warmup_prefix", steps);
  if (f == "StepLRScheduler") {
    doc["decay_epochs"] = c.integer("decay_t") / divisor;
    doc["decay_rate"] = c.number_or("decay_rate", 1.0);
  } else if (f == "MultiStepLRScheduler") {
    document milestones = document::array();
    for (const auto& m : c.param("decay_t")) milestones.push_back(m.get<std::int64_t>() / divisor);
    doc["decay_milestones"] = milestones;
    doc["decay_rate"] = c.number_or("decay_rate", 1.0);
  } else {
    doc["epochs"] = c.integer("t_initial") / divisor;
    doc["min_lr"] = c.number_or("lr_min", 0.0);
    doc["lr_cycle_mul"] = c.number_or("cycle_mul", 1.0);
    doc["lr_cycle_decay"] = c.number_or("cycle_decay", 1.0);
    doc["lr_cycle_limit"] = c.integer_or("cycle_limit", 1);
    if (f != "TanhLRScheduler") doc["lr_k_decay"] = c.number_or("k_decay", 1.0);
    if (f == "PolyLRScheduler") doc["decay_rate"] = c.number_or("power", 0.5);
  }
  doc["cooldown_epochs"] = 10;  // lengthens the run at the final LR; changes no value
  return doc;
}

}  // namespace

TEST_CASE("every timm golden case loads from a scheduler class and from config keys") {
  const auto file = golden::load("timm.json");
  golden::tally t;
  dialect::counts seen;
  std::size_t config_cases = 0;
  for (const auto& c : file.cases) {
    INFO(c.id);
    const document by_class = class_form(c);
    const auto loaded = dialect::check_document(c, t, "timm dialect, class_path", by_class,
                                                lrsched::dialect::timm, seen);
    dialect::check_cli(c, by_class, "timm", loaded, seen);
    const document per_update = config_form(c, true);
    if (per_update.is_null()) continue;
    ++config_cases;
    const auto from_config = dialect::check_document(
        c, t, "timm dialect, config stepped per update", per_update, lrsched::dialect::timm, seen);
    dialect::check_cli(c, per_update, "timm", from_config, seen);
    dialect::check_document(c, t, "timm dialect, config stepped per epoch", config_form(c, false),
                            lrsched::dialect::timm, seen);
  }
  std::cout << "timm dialect: " << seen.documents << " documents from " << file.cases.size()
            << " golden cases (" << config_cases << " also as config keys), " << seen.round_trips
            << " canonical round trips, " << seen.cli_checked << " through lrsched eval\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "timm");
  CHECK(config_cases + 1 == file.cases.size());  // all but Tanh with lb/ub
}

TEST_CASE("timm: a config stepped per epoch holds each epoch's LR for updates_per_epoch updates") {
  const document per_epoch{{"sched", "cosine"},     {"lr", 0.1},         {"epochs", 10},
                           {"warmup_epochs", 2},    {"warmup_lr", 0.01}, {"min_lr", 1e-4},
                           {"updates_per_epoch", 7}};
  const auto s = lrsched::load_config(per_epoch);
  const auto epochs = lrsched::timm::cosine_lr_scheduler(
      0.1,
      {.t_initial = 10, .lr_min = 1e-4, .cycle_decay = 0.1, .warmup_t = 2, .warmup_lr_init = 0.01});
  for (std::int64_t update = 0; update < 100; ++update) REQUIRE(s(update) == epochs(update / 7));
  // timm's create_scheduler_v2 defaults: 100 epochs, a 5-epoch warmup from 1e-5, floor 0.
  const auto defaults = lrsched::load_config(document{{"sched", "cosine"}, {"lr", 0.5}});
  const auto expected = lrsched::timm::cosine_lr_scheduler(
      0.5, {.t_initial = 100, .cycle_decay = 0.1, .warmup_t = 5, .warmup_lr_init = 1e-5});
  for (std::int64_t epoch = 0; epoch < 120; ++epoch) REQUIRE(defaults(epoch) == expected(epoch));
  // The base LR may come from the options; decay_epochs may be a fraction of an epoch's worth.
  const auto step = lrsched::load_config(document{{"sched", "step"},
                                                  {"decay_epochs", 2.5},
                                                  {"warmup_epochs", 0},
                                                  {"sched_on_updates", true},
                                                  {"updates_per_epoch", 4}},
                                         lrsched::dialect::timm, {.base_lr = 1.0, .values = {}});
  CHECK(step(9) == 1.0);
  CHECK(step(10) == 0.1);
}

TEST_CASE("timm: bad documents get a config_error at the key") {
  using dialect::expect_error;
  const auto load = [](const document& doc) {
    return [doc] { return lrsched::load_config(doc, lrsched::dialect::timm); };
  };
  const document cosine_args{{"t_initial", 100}};
  expect_error(load({{"class_path", "timm.scheduler.CosineLRSchedular"},
                     {"init_args", cosine_args},
                     {"lr", 0.1}}),
               "/class_path", "did you mean \"CosineLRScheduler\"?");
  expect_error(
      load({{"class_path", "torch.optim.lr_scheduler.StepLR"}, {"init_args", cosine_args}}),
      "/class_path", "expected a class of timm.scheduler");
  expect_error(load({{"class_path", "timm.scheduler.PlateauLRScheduler"},
                     {"init_args", document::object()},
                     {"lr", 0.1}}),
               "/class_path", "cannot be loaded from a config");
  expect_error(
      load({{"class_path", "timm.scheduler.CosineLRScheduler"}, {"init_args", cosine_args}}), "",
      "expected the optimizer's LR as \"lr\"");
  expect_error(load({{"class_path", "timm.scheduler.CosineLRScheduler"},
                     {"init_args", {{"t_initial", 100}, {"lr_mn", 1e-5}}},
                     {"lr", 0.1}}),
               "/init_args/lr_mn", "did you mean \"lr_min\"?");
  expect_error(load({{"class_path", "timm.scheduler.CosineLRScheduler"},
                     {"init_args", {{"t_initial", 0}}},
                     {"lr", 0.1}}),
               "/init_args/t_initial", "t_initial must be >= 1, got 0");
  expect_error(load({{"class_path", "timm.scheduler.CosineLRScheduler"},
                     {"init_args", {{"t_initial", 100}, {"noise_range_t", 50}}},
                     {"lr", 0.1}}),
               "/init_args/noise_range_t", "noise is not supported");
  expect_error(load({{"sched", "cosine"}, {"lr", 0.1}, {"lr_noise", 0.4}}), "/lr_noise",
               "noise is not supported");
  expect_error(load({{"sched", "cosin"}, {"lr", 0.1}}), "/sched", "did you mean \"cosine\"?");
  expect_error(load({{"sched", "plateau"}, {"lr", 0.1}}), "/sched",
               "cannot be loaded from a config");
  expect_error(load({{"sched", "wsd"}, {"lr", 0.1}}), "/sched", "no timm-faithful schedule");
  expect_error(load({{"sched", "cosine"}, {"lr", 0.1}, {"sched_on_updates", true}}), "",
               "missing required key \"updates_per_epoch\"");
  expect_error(load({{"sched", "cosine"}, {"lr", 0.1}, {"epochs", 2.5}}), "/epochs",
               "expected a whole, non-negative number of steps, got 2.5");
  // timm divides by a fractional decay_t as a float; lrsched's step counts are whole, so such
  // a config is refused where it is written (docs/peers.md lists the refusal).
  expect_error(load({{"sched", "step"}, {"lr", 0.1}, {"epochs", 10}, {"decay_epochs", 2.5}}),
               "/decay_epochs", "expected a whole, non-negative number of steps, got 2.5");
  expect_error(load({{"class_path", "timm.scheduler.StepLRScheduler"},
                     {"init_args", {{"decay_t", 2.5}}},
                     {"lr", 0.1}}),
               "/init_args/decay_t", "expected a non-negative integer, got 2.5");
  expect_error(load({{"sched", "cosine"},
                     {"lr", 0.1},
                     {"epochs", 3},
                     {"sched_on_updates", true},
                     {"updates_per_epoch", 0}}),
               "/updates_per_epoch", "expected a positive integer");
  expect_error(load({{"sched", "cosine"}, {"lr", 0.1}, {"lr_cycle_decay", 2.0}}), "/lr_cycle_decay",
               "cycle_decay must be in [0, 1], got 2");
  expect_error(load({{"sched", "cosine"}, {"lr", 0.1}, {"warmup_epoch", 3}}), "/warmup_epoch",
               "did you mean \"warmup_epochs\"?");
  expect_error(load({{"sched", "multistep"}, {"lr", 0.1}, {"decay_milestones", {30, -60}}}),
               "/decay_milestones/1", "expected a whole, non-negative number of steps, got -60");
  expect_error(load({{"sched", "cosine"}, {"lr", nullptr}}), "/lr",
               "expected the optimizer's LR as \"lr\"");
  // A document with the keys of two systems is not guessed at.
  expect_error(
      [] {
        return lrsched::load_config(document{{"sched", "cosine"}, {"learning_rate", 0.1}});
      },
      "", "ambiguous config: it looks like hf and timm");
}
