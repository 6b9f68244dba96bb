// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The PyTorch dialect: an optimizer and a torch.optim.lr_scheduler class as LightningCLI
// (class_path/init_args) and Hydra (_target_) configs write them, loaded as the
// PyTorch-faithful schedule. Every golden case of tests/data/pytorch.json is written in both
// forms (the mapping from the case's constructor arguments is here, in the test) and must
// give PyTorch's numbers; the classes that take Python callables or follow a metric are
// refused with a reason; bad documents get a config_error at the offending value.
#include <lrsched/dialects.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>
#include <lrsched/peers/pytorch.hpp>

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "golden.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;

namespace {

constexpr const char* module = "torch.optim.lr_scheduler.";

enum class form { lightning, hydra };

/// A scheduler object: the class and its constructor arguments, nested schedulers (the
/// golden file's {"class", "params"}) written the same way.
document scheduler(const std::string& class_name, const nlohmann::json& params, form f) {
  document args = document::object();
  for (const auto& [key, value] : params.items()) {
    if (key == "schedulers") {
      document list = document::array();
      for (const auto& s : value) {
        list.push_back(scheduler(s.at("class").get<std::string>(), s.at("params"), f));
      }
      args[key] = std::move(list);
    } else {
      args[key] = value;
    }
  }
  if (f == form::lightning) {
    return document{{"class_path", module + class_name}, {"init_args", args}};
  }
  document hydra{{"_target_", module + class_name}};
  for (auto& [key, value] : args.items()) hydra[key] = value;
  return hydra;
}

/// The optimizer (SGD with the case's LR) beside the scheduler.
document config(const golden::golden_case& c, form f) {
  const document optimizer =
      f == form::lightning
          ? document{{"class_path", "torch.optim.SGD"}, {"init_args", {{"lr", c.base()}}}}
          : document{{"_target_", "torch.optim.SGD"}, {"lr", c.base()}};
  return document{{"optimizer", optimizer}, {"lr_scheduler", scheduler(c.function, c.params, f)}};
}

golden::options tolerance_for(const golden::golden_case& c) {
  golden::options o;
  if (c.function == "OneCycleLR") {  // as test_golden_pytorch.cpp
    o.peak_ulps = 4;
    o.reason =
        "PyTorch's 1 + cos(π·pct) rounds to ~1e-16 of max_lr near min: differences "
        "within 4 ulps of max_lr count as equal";
  }
  return o;
}

/// The options of `--base-lr base`.
lrsched::load_options with_base_lr(double base) {
  lrsched::load_options options;
  options.base_lr = base;
  return options;
}

std::string base_lr_text(double base) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", base);
  return text;
}

const auto load = dialect::loader(lrsched::dialect::pytorch);

}  // namespace

TEST_CASE("every PyTorch golden case loads from LightningCLI and Hydra configs with its values") {
  const auto file = golden::load("pytorch.json");
  CHECK(file.system == "pytorch");
  golden::tally t;
  dialect::counts seen;
  std::size_t refused = 0;
  for (const auto& c : file.cases) {
    INFO(c.id);
    if (c.function == "LambdaLR" || c.function == "MultiplicativeLR") {
      dialect::expect_error([&] { return lrsched::load_config(config(c, form::lightning)); },
                            "/lr_scheduler/class_path",
                            c.function +
                                " takes a Python callable (lr_lambda); cannot be loaded "
                                "from a config");
      ++refused;
      continue;
    }
    if (c.function == "ReduceLROnPlateau") {
      dialect::expect_error([&] { return lrsched::load_config(config(c, form::hydra)); },
                            "/lr_scheduler/_target_",
                            "ReduceLROnPlateau follows a metric, not the step count");
      ++refused;
      continue;
    }
    const auto tolerance = tolerance_for(c);
    const document lightning = config(c, form::lightning);
    const auto loaded = dialect::check_document(c, t, "pytorch dialect (LightningCLI)", lightning,
                                                lrsched::dialect::pytorch, seen, {}, tolerance);
    dialect::check_cli(c, lightning, "pytorch", loaded, seen);
    dialect::check_document(c, t, "pytorch dialect (Hydra)", config(c, form::hydra),
                            lrsched::dialect::pytorch, seen, {}, tolerance);
    // The scheduler block alone, and the scheduler object alone, with the base LR given
    // as an option (--base-lr).
    const lrsched::load_options options = with_base_lr(c.base());
    const document bare{{"lr_scheduler", lightning.at("lr_scheduler")}};
    const auto bare_loaded =
        dialect::check_document(c, t, "pytorch dialect (lr_scheduler only)", bare,
                                lrsched::dialect::pytorch, seen, options, tolerance);
    dialect::check_cli(c, bare, "pytorch", bare_loaded, seen,
                       dialect::uses_base_lr(bare, lrsched::dialect::pytorch, options, bare_loaded)
                           ? std::vector<std::string>{"--base-lr", base_lr_text(c.base())}
                           : std::vector<std::string>{});
    dialect::check_document(c, t, "pytorch dialect (scheduler object alone)",
                            scheduler(c.function, c.params, form::hydra), lrsched::dialect::pytorch,
                            seen, options, tolerance);

    const auto reloaded = lrsched::from_json(lrsched::to_json(loaded));
    CHECK(fmt::format("{}", loaded) == fmt::format("{}", reloaded));
    CHECK(fmt::format("{:t}", loaded) == fmt::format("{:t}", reloaded));
  }
  std::cout << "pytorch dialect: " << seen.documents << " documents, " << seen.round_trips
            << " round trips, " << seen.cli_checked << " through lrsched eval, " << refused
            << " cases refused with a reason\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "pytorch");
  CHECK(refused == golden::count(file, "LambdaLR") + golden::count(file, "MultiplicativeLR") +
                       golden::count(file, "ReduceLROnPlateau"));
  CHECK(seen.documents == 4 * (file.cases.size() - refused));
  CHECK(t.max_step_error() <= 1e-12);
  CHECK(t.max_sum_error() <= 1e-12);
}

TEST_CASE("a document's optimizer lr wins over the base LR option, which fills in for none") {
  const char* text = R"({"optimizer": {"_target_": "torch.optim.AdamW", "lr": 0.5,
                         "weight_decay": 0.01},
                         "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.StepLR",
                                          "_partial_": true, "step_size": 2}})";
  CHECK(load(text, with_base_lr(0.25))(0) == 0.5);
  CHECK(load(R"({"optimizer": {"class_path": "torch.optim.SGD"},
                 "lr_scheduler": {"class_path": "StepLR", "init_args": {"step_size": 2}}})",
             with_base_lr(0.25))(2) == 0.25 * 0.1);
  // LightningCLI's other sections are left alone.
  CHECK(load(R"({"trainer": {"max_epochs": 3}, "model": {}, "seed_everything": 1,
                 "optimizer": {"class_path": "torch.optim.SGD", "init_args": {"lr": 1}},
                 "lr_scheduler": {"class_path": "torch.optim.lr_scheduler.ExponentialLR",
                                  "init_args": {"gamma": 0.5, "last_epoch": -1,
                                                "verbose": false}}})")(3) == 0.125);
}

TEST_CASE("OneCycleLR takes epochs times steps_per_epoch when total_steps is not given") {
  const auto by_epochs = load(R"({"lr_scheduler": {"class_path": "OneCycleLR", "init_args":
      {"max_lr": 0.1, "epochs": 4, "steps_per_epoch": 25, "total_steps": null,
       "cycle_momentum": true, "base_momentum": 0.85, "max_momentum": 0.95}}})");
  const auto typed = lrsched::pytorch::one_cycle_lr(0.1, 100);
  for (std::int64_t t = 0; t < 120; ++t) CHECK(by_epochs(t) == typed(t));
  // CyclicLR sets its own base LR: the optimizer's is not needed.
  const auto cyclic = load(R"({"lr_scheduler": {"_target_": "torch.optim.lr_scheduler.CyclicLR",
      "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 5, "scale_fn": null,
      "scale_mode": "cycle"}})");
  CHECK(cyclic(5) == 0.1);
}

TEST_CASE("ChainedSchedulers nest, and reload from canonical JSON") {
  // (A ChainedScheduler inside a SequentialLR crashes PyTorch 1.13; test_pytorch_edges.cpp.)
  const auto s = load(R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 1.0},
      "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.ChainedScheduler",
        "schedulers": [
          {"_target_": "torch.optim.lr_scheduler.LinearLR", "start_factor": 0.25,
           "total_iters": 4},
          {"class_path": "torch.optim.lr_scheduler.ChainedScheduler", "init_args": {
             "schedulers": [
               {"_target_": "torch.optim.lr_scheduler.ExponentialLR", "gamma": 0.5},
               {"_target_": "torch.optim.lr_scheduler.StepLR", "step_size": 2,
                "gamma": 0.5}]}}]}})");
  // PyTorch 1.13: 0.25, 0.21875, 0.078125, 0.05078125, 0.015625, 0.0078125, 0.001953125
  CHECK(s(0) == 0.25);
  CHECK(s(1) == 0.21875);
  CHECK(s(4) == 0.015625);
  CHECK(s(6) == 0.001953125);
  const auto canonical = lrsched::to_ordered_json(s);
  CHECK(canonical["kind"] == "pytorch.chained_scheduler");
  CHECK(canonical["schedulers"][1]["kind"] == "pytorch.chained_scheduler");
  CHECK(canonical["schedulers"][1]["schedulers"][1]["base_lr"] == 1.0);
  const auto reloaded = lrsched::from_json(canonical);
  for (std::int64_t t = 0; t < 40; ++t) CHECK(reloaded(t) == s(t));
  CHECK(lrsched::to_ordered_json(reloaded) == canonical);
}

TEST_CASE("bad PyTorch documents name the offending value") {
  struct bad {
    const char* text;
    const char* pointer;
    const char* problem;
  };
  const bad cases[] = {
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.MultiplicativeLR", "lr_lambda": "f"}})",
       "/lr_scheduler/_target_",
       "MultiplicativeLR takes a Python callable (lr_lambda); cannot be loaded from a config"},
      {R"({"lr_scheduler": {"class_path": "lightning.pytorch.cli.ReduceLROnPlateau",
           "init_args": {"monitor": "loss"}}})",
       "/lr_scheduler/class_path",
       "ReduceLROnPlateau follows a metric, not the step count: it is not a schedule"},
      {R"({"lr_scheduler": {"class_path": "transformers.get_cosine_schedule_with_warmup"}})",
       "/lr_scheduler/class_path",
       "expected a class of torch.optim.lr_scheduler, got \"transformers.get_cosine_schedule_"},
      {R"({"lr_scheduler": {"class_path": "torch.optim.lr_scheduler.CosineAnealingLR"}})",
       "/lr_scheduler/class_path",
       "unknown torch.optim.lr_scheduler class \"CosineAnealingLR\"; did you mean "
       "\"CosineAnnealingLR\"?"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.CosineAnnealingLR", "T_maxx": 10}})",
       "/lr_scheduler/T_maxx",
       "unknown key for torch.optim.lr_scheduler.CosineAnnealingLR; did you mean \"T_max\"?"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"class_path": "torch.optim.lr_scheduler.StepLR", "init_args": {"step_size": 10,
            "base_lr": 0.1}}})",
       "/lr_scheduler/init_args/base_lr",
       "unknown key for torch.optim.lr_scheduler.StepLR: its base LR is the optimizer's lr"},
      {R"({"lr_scheduler": {"class_path": "torch.optim.lr_scheduler.StepLR",
           "init_args": {"step_size": 10}}})",
       "/lr_scheduler", "missing the base learning rate: the optimizer's lr"},
      {R"({"optimizer": {"class_path": "torch.optim.SGD", "init_args": {"lr": "0.1"}},
           "lr_scheduler": {"class_path": "StepLR", "init_args": {"step_size": 10}}})",
       "/optimizer/init_args/lr", "expected a number, got \"0.1\""},
      {R"({"optimizer": {"lr": 0.1}, "lr_scheduler": {"class_path": "StepLR"}})", "/optimizer",
       "missing required key \"class_path\" (LightningCLI) or \"_target_\" (Hydra)"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": -1}, "lr_scheduler":
           {"class_path": "StepLR"}})",
       "/optimizer/lr", "expected a learning rate >= 0, got -1"},
      {R"({"lr_scheduler": {"class_path": "StepLR", "_target_": "StepLR"}})", "/lr_scheduler",
       "expected one of \"class_path\" (LightningCLI) and \"_target_\" (Hydra), got both"},
      {R"({"lr_scheduler": {"class_path": "StepLR", "init_args": {}, "step_size": 3}})",
       "/lr_scheduler/step_size",
       "unknown key for a scheduler (LightningCLI form) (its keys: \"class_path\", "
       "\"init_args\")"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.CosineAnnealingLR", "T_max": 0}})",
       "/lr_scheduler/T_max", "pytorch.cosine_annealing_lr: T_max must be >= 1, got 0"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.StepLR", "step_size": 10, "last_epoch": 5}})",
       "/lr_scheduler/last_epoch",
       "expected -1 (a fresh scheduler; lrsched schedules start at step 0), got 5"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.SequentialLR", "milestones": [5],
            "schedulers": [{"_target_": "torch.optim.lr_scheduler.ConstantLR"},
                           {"class_path": "torch.optim.lr_scheduler.ExponentialLR",
                            "init_args": {"gamma": 0}}]}})",
       "/lr_scheduler/schedulers/1/init_args/gamma",
       "pytorch.exponential_lr: gamma must be finite and > 0, got 0"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.SequentialLR", "milestones": [5, 10],
            "schedulers": [{"_target_": "torch.optim.lr_scheduler.ConstantLR"},
                           {"_target_": "torch.optim.lr_scheduler.ExponentialLR",
                            "gamma": 0.5}]}})",
       "/lr_scheduler/milestones",
       "pytorch.sequential_lr: milestones must be one fewer than the schedulers (1), got 2"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}, "lr_scheduler":
           {"_target_": "torch.optim.lr_scheduler.ChainedScheduler",
            "schedulers": [{"_target_": "torch.optim.lr_scheduler.ConstantLR"},
                           {"_target_": "torch.optim.lr_scheduler.CosineAnnealingLR",
                            "T_max": 10}]}})",
       "/lr_scheduler/schedulers/1",
       "pytorch.chained_scheduler: schedulers[1] must be a multiplicative scheduler"},
      {R"({"lr_scheduler": {"_target_": "torch.optim.lr_scheduler.OneCycleLR", "max_lr": 0.1,
           "epochs": 10}})",
       "/lr_scheduler",
       "missing required key \"total_steps\" (or both \"epochs\" and \"steps_per_epoch\")"},
      {R"({"lr_scheduler": {"_target_": "torch.optim.lr_scheduler.OneCycleLR", "max_lr": 0.1,
           "epochs": 0, "steps_per_epoch": 10}})",
       "/lr_scheduler/epochs", "expected a positive integer, got 0"},
      {R"({"lr_scheduler": {"_target_": "torch.optim.lr_scheduler.CyclicLR", "base_lr": 0.01,
           "max_lr": 0.1, "scale_fn": "lambda x: 1.0"}})",
       "/lr_scheduler/scale_fn", "scale_fn takes a Python callable; cannot be loaded"},
      {R"({"lr_scheduler": {"_target_": "torch.optim.lr_scheduler.CyclicLR", "base_lr": 0.01,
           "max_lr": 0.1, "mode": "trianglar"}})",
       "/lr_scheduler/mode",
       "expected one of \"triangular\", \"triangular2\", \"exp_range\", got \"trianglar\"; did you "
       "mean \"triangular\"?"},
      {R"({"lr_schedular": {}, "lr_scheduler": {}})", "/lr_schedular",
       "unknown key for a PyTorch config; did you mean \"lr_scheduler\"?"},
      {R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1}})", "",
       "missing required key \"lr_scheduler\""},
      {R"({"lr_scheduler": [1]})", "/lr_scheduler",
       "expected a scheduler object with \"class_path\" or \"_target_\", got an array"},
  };
  for (const auto& b : cases) {
    INFO(b.text);
    dialect::expect_error([&] { return load(b.text); }, b.pointer, b.problem);
  }
}

TEST_CASE("nested SequentialLR is refused past 64 levels, at the level that is too deep") {
  document s{{"_target_", "torch.optim.lr_scheduler.ConstantLR"}};
  for (int level = 0; level < 70; ++level) {
    s = document{{"_target_", "torch.optim.lr_scheduler.SequentialLR"},
                 {"milestones", document::array({1})},
                 {"schedulers",
                  document::array({s, {{"_target_", "torch.optim.lr_scheduler.ConstantLR"}}})}};
  }
  const document doc{{"optimizer", {{"_target_", "torch.optim.SGD"}, {"lr", 0.1}}},
                     {"lr_scheduler", s}};
  std::string pointer = "/lr_scheduler";
  for (int level = 0; level < 64; ++level) pointer += "/schedulers/0";
  dialect::expect_error([&] { return lrsched::load_config(doc); }, pointer,
                        "expected at most 64 levels of nested schedules, got more");
}

TEST_CASE("a PyTorch config is detected by lr_scheduler or a torch scheduler class") {
  using lrsched::detect_dialect;
  using lrsched::parse_config;
  CHECK(detect_dialect(parse_config(R"({"lr_scheduler": {}})")) == lrsched::dialect::pytorch);
  CHECK(detect_dialect(
            parse_config(R"({"_target_": "torch.optim.lr_scheduler.StepLR", "step_size": 3})")) ==
        lrsched::dialect::pytorch);
  CHECK(detect_dialect(parse_config(R"({"class_path": "torch.optim.lr_scheduler.StepLR"})")) ==
        lrsched::dialect::pytorch);
  dialect::expect_error(
      [] { return detect_dialect(parse_config(R"({"class_path": "my.Scheduler"})")); }, "",
      "pytorch: an \"lr_scheduler\" key, or a torch.optim.lr_scheduler \"class_path\"");
}
