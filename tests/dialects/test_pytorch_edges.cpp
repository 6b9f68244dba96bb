// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// PyTorch 1.13's own numbers at the edges where lrsched used to differ from it or refuse
// what it accepts, through the peer-faithful constructors and the pytorch dialect; and the
// refusals where PyTorch divides by zero, crashes, or shares optimizer state in a way
// lrsched does not reproduce; and a negative learning rate refused at its pointer in every
// dialect. Every expected list is `param_groups[0]['lr']` before each
// optimizer step, recorded from torch 1.13 (Debian python3-torch) with SGD(lr, momentum=0.9)
// on one parameter.
#include <lrsched/dialects.hpp>
#include <lrsched/json.hpp>
#include <lrsched/peers/pytorch.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "recorded_steps.hpp"
#include "rejection.hpp"

namespace pytorch = lrsched::pytorch;
using lrsched::test::dialect::document;

namespace {

using lrsched::test::check_recorded_steps;

lrsched::any_schedule load(const std::string& text) {
  return lrsched::load_config(document::parse(text), lrsched::dialect::pytorch);
}

// The message of the config_error loading `text`, which must name `pointer`.
std::string refusal(const std::string& text, const std::string& pointer) {
  try {
    (void)load(text);
  } catch (const lrsched::config_error& e) {
    CHECK(e.pointer() == pointer);
    return e.what();
  }
  FAIL("accepted: " << text);
  return {};
}

const std::string sgd = R"("optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1})";
std::string config(const std::string& scheduler) {
  return "{" + sgd + R"(, "lr_scheduler": )" + scheduler + "}";
}

}  // namespace

TEST_CASE("PolynomialLR with power 0 holds base_lr: PyTorch's 0.0 ** 0 == 1") {
  // PolynomialLR(total_iters=3, power=0), lr 0.1
  const std::vector<double> torch{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
  check_recorded_steps(pytorch::polynomial_lr(0.1, 3, 0.0), torch);
  check_recorded_steps(load(config(R"({"_target_": "torch.optim.lr_scheduler.PolynomialLR",
                              "total_iters": 3, "power": 0.0})")),
                       torch);
}

TEST_CASE("Growing factors PyTorch accepts: StepLR, ExponentialLR, MultiStepLR with gamma > 1") {
  // StepLR(step_size=2, gamma=1.5), lr 0.01
  check_recorded_steps(pytorch::step_lr(0.01, 2, 1.5),
                       {0.01, 0.01, 0.015, 0.015, 0.0225, 0.0225, 0.03375, 0.03375});
  // ExponentialLR(gamma=1.1), lr 0.01
  check_recorded_steps(pytorch::exponential_lr(0.01, 1.1),
                       {0.01, 0.011000000000000001, 0.012100000000000001, 0.013310000000000002,
                        0.014641000000000003, 0.016105100000000004});
  // MultiStepLR([2, 4, 4], gamma=2), lr 0.01
  check_recorded_steps(pytorch::multi_step_lr(0.01, {2, 4, 4}, 2.0),
                       {0.01, 0.01, 0.02, 0.02, 0.08, 0.08});
  // The native families keep their rule: a growing staircase needs a ceiling.
  CHECK_THROWS_AS(lrsched::step_decay(0.01, 2, 1.5), lrsched::invalid_schedule);
  // Far out PyTorch's product overflows to inf; lrsched stays finite: the largest double.
  CHECK(pytorch::step_lr(0.01, 1, 2.0)(5000) == std::numeric_limits<double>::max());
}

TEST_CASE("CyclicLR ignores gamma outside exp_range, as PyTorch does") {
  // CyclicLR(0.01, 0.1, 2, mode triangular, gamma=2), lr 0.1
  const std::vector<double> torch{0.01, 0.05500000000000001, 0.1, 0.05500000000000001,
                                  0.01, 0.05500000000000001};
  check_recorded_steps(pytorch::cyclic_lr(0.01, 0.1, 2, std::nullopt, "triangular", 2.0), torch);
  // A config that writes such a gamma loses it: the dialect says so instead.
  CHECK_THROWS_WITH(
      load(config(R"({"_target_": "torch.optim.lr_scheduler.CyclicLR", "base_lr": 0.01,
                              "max_lr": 0.1, "step_size_up": 2, "gamma": 2.0})")),
      Catch::Contains("/lr_scheduler/gamma: this argument has no effect here"));
  CHECK_THROWS_AS(pytorch::cyclic_lr(0.01, 0.1, 2, std::nullopt, "exp_range", 2.0),
                  lrsched::invalid_schedule);
}

TEST_CASE("LinearLR with start_factor 0 and total_iters 0 is 0 forever, as in PyTorch") {
  check_recorded_steps(pytorch::linear_lr(0.1, 0.0, 1.0, 0), {0.0, 0.0, 0.0, 0.0});
}

TEST_CASE("SequentialLR: a CyclicLR first sets every later scheduler's base LR") {
  // SequentialLR([CyclicLR(0.02, 0.1, 2), ExponentialLR(0.5)], [4]), lr 0.1
  const std::vector<double> torch{0.02, 0.06, 0.1, 0.06, 0.02, 0.01, 0.005, 0.0025};
  check_recorded_steps(load(config(R"({"_target_": "torch.optim.lr_scheduler.SequentialLR",
      "milestones": [4], "schedulers": [
        {"_target_": "torch.optim.lr_scheduler.CyclicLR", "base_lr": 0.02, "max_lr": 0.1,
         "step_size_up": 2},
        {"_target_": "torch.optim.lr_scheduler.ExponentialLR", "gamma": 0.5}]})")),
                       torch);
  // The typed constructor checks the shared base instead.
  const auto cyclic = pytorch::cyclic_lr(0.02, 0.1, 2);
  check_recorded_steps(
      pytorch::sequential_lr(std::tuple{cyclic, pytorch::exponential_lr(0.02, 0.5)}, {4}), torch);
  lrsched::test::expect_rejected(
      [&] {
        (void)pytorch::sequential_lr(std::tuple{cyclic, pytorch::exponential_lr(0.1, 0.5)}, {4});
      },
      "schedulers[1].base_lr",
      "pytorch.sequential_lr: schedulers[1].base_lr must be the shared base LR 0.02 (one "
      "optimizer; a CyclicLR first sets it to its base_lr), got 0.1");
}

TEST_CASE("SequentialLR: a later ConstantLR with total_iters 0 loses its factor at step(0)") {
  // SequentialLR([ExponentialLR(0.5), ConstantLR(0.25, 0)], [3]), lr 0.1
  const std::vector<double> torch{0.1, 0.05, 0.025, 0.1, 0.1, 0.1};
  check_recorded_steps(load(config(R"({"_target_": "torch.optim.lr_scheduler.SequentialLR",
      "milestones": [3], "schedulers": [
        {"_target_": "torch.optim.lr_scheduler.ExponentialLR", "gamma": 0.5},
        {"_target_": "torch.optim.lr_scheduler.ConstantLR", "factor": 0.25,
         "total_iters": 0}]})")),
                       torch);
  lrsched::test::expect_rejected(
      [] {
        (void)pytorch::sequential_lr(
            std::tuple{pytorch::exponential_lr(0.1, 0.5), pytorch::constant_lr(0.1, 0.25, 0)}, {3});
      },
      "schedulers[1]",
      "pytorch.sequential_lr: schedulers[1] is a ConstantLR with total_iters 0: PyTorch "
      "restarts it with step(0), which undoes its factor (base_lr from its milestone on); "
      "write factor 1");
}

TEST_CASE("Refused where PyTorch divides by zero, crashes or shares state not reproduced") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)pytorch::one_cycle_lr(0.1, 10, 0.1); }, "pct_start",
                  "pytorch.one_cycle_lr: pct_start must be other than 1 / total_steps (PyTorch "
                  "divides by zero at step 0), got 0.1");
  expect_rejected([] { (void)pytorch::cyclic_lr(0.01, 0.1, 0, 4); }, "step_size_up",
                  "pytorch.cyclic_lr: step_size_up must be >= 1 (PyTorch divides by zero at "
                  "step 0), got 0");
  expect_rejected([] { (void)pytorch::constant_lr(0.1, 0.0, 3); }, "factor",
                  "pytorch.constant_lr: factor must be > 0 when total_iters >= 1 (PyTorch "
                  "divides by zero), got 0");
  const std::string exponential = R"({"_target_": "torch.optim.lr_scheduler.ExponentialLR",
                                      "gamma": 0.5})";
  const auto sequential = [&](const std::string& second) {
    return config(R"({"_target_": "torch.optim.lr_scheduler.SequentialLR", "milestones": [3],
                      "schedulers": [)" +
                  exponential + ", " + second + "]}");
  };
  CHECK_THAT(refusal(sequential(R"({"_target_": "torch.optim.lr_scheduler.LinearLR",
                                    "total_iters": 0})"),
                     "/lr_scheduler/schedulers/1"),
             Catch::Contains("has total_iters 0: PyTorch divides by zero restarting it"));
  CHECK_THAT(refusal(sequential(R"({"_target_": "torch.optim.lr_scheduler.ChainedScheduler",
                                    "schedulers": [)" +
                                exponential + "]}"),
                     "/lr_scheduler/schedulers/1"),
             Catch::Contains("crashes in PyTorch 1.13 inside SequentialLR"));
  CHECK_THAT(refusal(sequential(R"({"_target_": "torch.optim.lr_scheduler.OneCycleLR",
                                    "max_lr": 0.1, "total_steps": 10})"),
                     "/lr_scheduler/schedulers/1"),
             Catch::Contains("OneCycleLR inside SequentialLR: it writes initial_lr"));
}

TEST_CASE("A negative learning rate is refused at its pointer (torch optimizers reject it)") {
  CHECK_THAT(refusal(R"({"optimizer": {"_target_": "torch.optim.SGD", "lr": -0.1},
                         "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.StepLR",
                                          "step_size": 3}})",
                     "/optimizer/lr"),
             Catch::Contains("a learning rate >= 0"));
  CHECK_THAT(refusal(config(R"({"_target_": "torch.optim.lr_scheduler.CyclicLR",
                                "base_lr": -0.01, "max_lr": 0.1})"),
                     "/lr_scheduler/base_lr"),
             Catch::Contains("a learning rate >= 0"));
  CHECK_THAT(refusal(config(R"({"_target_": "torch.optim.lr_scheduler.OneCycleLR",
                                "max_lr": -0.1, "total_steps": 10})"),
                     "/lr_scheduler/max_lr"),
             Catch::Contains("a learning rate >= 0"));
}

TEST_CASE("Every dialect refuses a negative learning rate at its pointer") {
  const auto refused = [](lrsched::dialect d, const std::string& text, const std::string& pointer) {
    try {
      (void)lrsched::load_config(document::parse(text), d);
      FAIL("accepted: " << text);
    } catch (const lrsched::config_error& e) {
      CHECK(e.pointer() == pointer);
      CHECK(e.problem() == "expected a learning rate >= 0, got -0.1");
    }
  };
  refused(lrsched::dialect::hf,
          R"({"lr_scheduler_type": "linear", "learning_rate": -0.1, "max_steps": 100})",
          "/learning_rate");
  refused(lrsched::dialect::keras,
          R"({"class_name": "PiecewiseConstantDecay", "config": {"boundaries": [10],
              "values": [0.1, -0.1]}})",
          "/config/values/1");
  refused(lrsched::dialect::keras,
          R"({"class_name": "ExponentialDecay", "config": {"initial_learning_rate": -0.1,
              "decay_steps": 10, "decay_rate": 0.5}})",
          "/config/initial_learning_rate");
  refused(lrsched::dialect::optax,
          R"({"optax": "cosine_decay_schedule", "init_value": -0.1, "decay_steps": 100})",
          "/init_value");
  refused(lrsched::dialect::timm, R"({"sched": "cosine", "lr": -0.1, "epochs": 10})", "/lr");
  refused(lrsched::dialect::deepspeed,
          R"({"scheduler": {"type": "WarmupLR", "params": {"warmup_min_lr": -0.1,
              "warmup_max_lr": 0.1, "warmup_num_steps": 10}}})",
          "/scheduler/params/warmup_min_lr");
  refused(lrsched::dialect::megatron,
          R"({"lr": 0.1, "min_lr": -0.1, "lr_decay_style": "linear", "lr_decay_iters": 100})",
          "/min_lr");
  refused(lrsched::dialect::pytorch,
          R"({"lr_scheduler": {"class_path": "torch.optim.lr_scheduler.CyclicLR",
              "init_args": {"base_lr": -0.1, "max_lr": 0.1}}})",
          "/lr_scheduler/init_args/base_lr");
}
