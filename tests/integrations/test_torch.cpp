// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// lrsched/torch.hpp against a real libtorch optimizer, and libtorch's own StepLR.
#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>
#include <lrsched/torch.hpp>

#include <torch/optim/schedulers/step_lr.h>
#include <torch/optim/sgd.h>
#include <torch/torch.h>

#include <stdexcept>
#include <vector>

#include "catch.hpp"

namespace {

double group_lr(const torch::optim::Optimizer& optimizer, std::size_t group) {
  return optimizer.param_groups().at(group).options().get_lr();
}

torch::Tensor parameter() { return torch::zeros({2}, torch::requires_grad()); }

}  // namespace

TEST_CASE("torch_scheduler writes schedule(t) into every group before update t") {
  torch::optim::SGD optimizer({parameter()}, torch::optim::SGDOptions(1.0));
  const auto schedule = lrsched::warmup(10, lrsched::cosine(0.1, 0.001, 90));
  lrsched::torch_scheduler scheduler(optimizer, schedule);
  for (std::int64_t t = 0; t < 150; ++t) {
    REQUIRE(scheduler.current_step() == t);
    CHECK(group_lr(optimizer, 0) == schedule(t));
    scheduler.step();
  }
}

TEST_CASE("torch_scheduler in relative mode keeps the groups' ratios") {
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(std::vector<torch::Tensor>{parameter()},
                      std::make_unique<torch::optim::SGDOptions>(0.1));
  groups.emplace_back(std::vector<torch::Tensor>{parameter()},
                      std::make_unique<torch::optim::SGDOptions>(0.01));
  torch::optim::SGD optimizer(std::move(groups), torch::optim::SGDOptions(1.0));
  const auto factor = lrsched::linear(1.0, 0.0, 20);
  lrsched::torch_scheduler scheduler(optimizer, factor, 0, lrsched::group_lr::relative);
  for (std::int64_t t = 0; t < 25; ++t) {
    CHECK(group_lr(optimizer, 0) == factor(t) * 0.1);
    CHECK(group_lr(optimizer, 1) == factor(t) * 0.01);
    scheduler.step();
  }
}

TEST_CASE("torch_scheduler steps the same through a libtorch LRScheduler reference") {
  torch::optim::SGD optimizer({parameter()}, torch::optim::SGDOptions(1.0));
  const auto schedule = lrsched::step_decay(0.1, 3, 0.5);
  lrsched::torch_scheduler scheduler(optimizer, schedule);
  torch::optim::LRScheduler& base = scheduler;
  for (std::int64_t t = 1; t < 12; ++t) {
    base.step();
    CHECK(scheduler.current_step() == t);
    CHECK(group_lr(optimizer, 0) == schedule(t));
  }
}

TEST_CASE("a resumed torch_scheduler continues exactly where the run left off") {
  const auto schedule = lrsched::wsd(3e-4, 5, 20, 10);
  torch::optim::SGD first({parameter()}, torch::optim::SGDOptions(1.0));
  lrsched::torch_scheduler run(first, schedule);
  for (int k = 0; k < 17; ++k) run.step();
  const std::int64_t saved = run.current_step();

  torch::optim::SGD second({parameter()}, torch::optim::SGDOptions(1.0));
  lrsched::torch_scheduler resumed(second, schedule, saved);
  for (int k = 0; k < 30; ++k) {
    CHECK(group_lr(second, 0) == group_lr(first, 0));
    run.step();
    resumed.step();
  }
  resumed.set_step(3);
  CHECK(group_lr(second, 0) == schedule(3));
}

TEST_CASE("libtorch's StepLR drops one step() later than PyTorch's Python StepLR") {
  // After k calls of libtorch's step() the LR is base·gamma^floor((k − 1)/step_size): the
  // native step_decay delayed by one update. lrsched::pytorch::step_lr has Python's numbers.
  torch::optim::SGD optimizer({parameter()}, torch::optim::SGDOptions(0.1));
  torch::optim::StepLR libtorch_step_lr(optimizer, 3, 0.5);
  const auto delayed = lrsched::shift(lrsched::step_decay(0.1, 3, 0.5), 1);
  const auto python = lrsched::pytorch::step_lr(0.1, 3, 0.5);
  int differing = 0;
  for (std::int64_t k = 0; k < 20; ++k) {
    CHECK(group_lr(optimizer, 0) == delayed(k));
    if (group_lr(optimizer, 0) != python(k)) ++differing;
    libtorch_step_lr.step();
  }
  CHECK(differing == 6);  // k = 3, 6, ..., 18: one step() after each of Python's drops
}

namespace {

// An optimizer with two parameter groups, initial rates 0.1 and 0.01.
torch::optim::SGD two_group_sgd() {
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(std::vector<torch::Tensor>{parameter()},
                      std::make_unique<torch::optim::SGDOptions>(0.1));
  groups.emplace_back(std::vector<torch::Tensor>{parameter()},
                      std::make_unique<torch::optim::SGDOptions>(0.01));
  return torch::optim::SGD(std::move(groups), torch::optim::SGDOptions(1.0));
}

}  // namespace

TEST_CASE("torch_scheduler with one schedule per group drives each group by its own") {
  auto optimizer = two_group_sgd();
  const lrsched::any_schedule head = lrsched::warmup(5, lrsched::cosine(1e-3, 1e-5, 20));
  const lrsched::any_schedule backbone = lrsched::constant(1e-5);
  lrsched::torch_scheduler scheduler(optimizer, std::vector<lrsched::any_schedule>{
      lrsched::warmup(5, lrsched::cosine(1e-3, 1e-5, 20)),  // group 0: the head
      lrsched::constant(1e-5)});                            // group 1: the backbone
  REQUIRE(scheduler.schedules().size() == 2);
  for (std::int64_t t = 0; t < 30; ++t) {
    CHECK(group_lr(optimizer, 0) == head(t));
    CHECK(group_lr(optimizer, 1) == backbone(t));
    CHECK(scheduler.get_last_lr() == std::vector<double>{head(t), backbone(t)});
    scheduler.step();
  }
}

TEST_CASE("torch_scheduler with per-group factors scales each group's initial rate") {
  auto optimizer = two_group_sgd();
  const auto fast = lrsched::linear(1.0, 0.0, 10);
  const auto slow = lrsched::linear(1.0, 0.5, 10);
  lrsched::torch_scheduler scheduler(optimizer, std::vector{fast, slow}, 2,
                                     lrsched::group_lr::relative);
  for (std::int64_t t = 2; t < 14; ++t) {
    CHECK(group_lr(optimizer, 0) == fast(t) * 0.1);
    CHECK(group_lr(optimizer, 1) == slow(t) * 0.01);
    scheduler.step();
  }
}

TEST_CASE("torch_scheduler rejects a schedule count that is not the group count") {
  auto optimizer = two_group_sgd();
  const std::vector<lrsched::any_schedule> three{lrsched::constant(0.1), lrsched::constant(0.2),
                                                 lrsched::constant(0.3)};
  REQUIRE_THROWS_WITH(lrsched::torch_scheduler(optimizer, three),
                      Catch::Matchers::Contains("3 schedules for an optimizer with 2 parameter groups"));
  const std::vector<lrsched::any_schedule> one{lrsched::constant(0.1)};
  REQUIRE_THROWS_AS(lrsched::torch_scheduler(optimizer, one), std::invalid_argument);
  CHECK(group_lr(optimizer, 0) == 0.1);  // untouched
  CHECK(group_lr(optimizer, 1) == 0.01);
}

TEST_CASE("get_last_lr follows every way the rates are written") {
  auto optimizer = two_group_sgd();
  const auto factor = lrsched::step_decay(1.0, 2, 0.5);
  lrsched::torch_scheduler scheduler(optimizer, factor, 0, lrsched::group_lr::relative);
  CHECK(scheduler.get_last_lr() == std::vector<double>{0.1, 0.01});
  scheduler.set_step(3);
  CHECK(scheduler.get_last_lr() == std::vector<double>{factor(3) * 0.1, factor(3) * 0.01});
  torch::optim::LRScheduler& base = scheduler;
  base.step();  // libtorch's step(): get_lrs() then libtorch writes the rates
  CHECK(scheduler.current_step() == 4);
  CHECK(scheduler.get_last_lr() ==
        std::vector<double>{group_lr(optimizer, 0), group_lr(optimizer, 1)});
  CHECK(scheduler.get_last_lr() == std::vector<double>{factor(4) * 0.1, factor(4) * 0.01});
  CHECK(factor(4) != factor(3));  // so the step above is seen
  scheduler.step();
  CHECK(scheduler.get_last_lr() == std::vector<double>{factor(5) * 0.1, factor(5) * 0.01});
}

TEST_CASE("torch_plateau_scheduler reduces the rate when the metric stalls") {
  torch::optim::SGD optimizer({parameter()}, torch::optim::SGDOptions(1.0));
  const auto shape = lrsched::cosine(0.1, 0.001, 1'000);
  lrsched::torch_plateau_scheduler scheduler(optimizer, shape,
    lrsched::reduce_on_plateau({.factor = 0.5, .patience = 2}));
  // PyTorch's rule: reduce when the bad reports (no relative improvement of 1e-4 on the
  // best) exceed patience = 2, then count again from zero. Bad at t = 3, 4, 5 -> halve at 5;
  // 6, 7, 8 -> halve at 8; 0.7 improves at 9; 10, 11, 12 -> halve at 12.
  const std::vector<double> loss{1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8,
                                 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7};
  const std::vector<double> scale_after{1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25,
                                        0.125, 0.125};
  for (std::size_t t = 0; t < loss.size(); ++t) {
    const auto step = static_cast<std::int64_t>(t);
    const double before = t == 0 ? 1.0 : scale_after[t - 1];
    REQUIRE(scheduler.current_step() == step);
    CHECK(group_lr(optimizer, 0) == before * shape(step));
    const bool reduced = scheduler.report(loss[t]);
    CHECK(reduced == (scale_after[t] != before));
    CHECK(scheduler.plateau().scale() == scale_after[t]);
    CHECK(group_lr(optimizer, 0) == scale_after[t] * shape(step));  // this update already
    CHECK(scheduler.get_last_lr() == std::vector<double>{scale_after[t] * shape(step)});
    scheduler.step();
    CHECK(group_lr(optimizer, 0) == scale_after[t] * shape(step + 1));
  }
}

TEST_CASE("torch_plateau_scheduler holds min_lr and skips a reduction it cannot make") {
  auto optimizer = two_group_sgd();
  lrsched::torch_plateau_scheduler scheduler(
      optimizer, std::vector{lrsched::constant(0.1), lrsched::constant(0.04)},
      lrsched::reduce_on_plateau({.factor = 0.5, .patience = 0, .min_lr = 0.03}));
  // patience 0: every report after the first is bad. Group 0 decides: 0.1 -> 0.05 -> 0.03
  // (0.025 floored); then 0.03 cannot drop, so the third bad report changes nothing.
  CHECK_FALSE(scheduler.report(1.0));
  CHECK(scheduler.report(1.0));
  CHECK(scheduler.get_last_lr() == std::vector<double>{0.05, 0.03});  // 0.02 floored too
  CHECK(scheduler.report(1.0));
  CHECK(scheduler.get_last_lr() == std::vector<double>{0.03, 0.03});
  CHECK_FALSE(scheduler.report(1.0));
  CHECK(scheduler.plateau().state().reductions == 2);
  CHECK(group_lr(optimizer, 0) == 0.03);
  CHECK(group_lr(optimizer, 1) == 0.03);
}

TEST_CASE("a torch_plateau_scheduler resumed from its saved state continues the run") {
  const auto shape = lrsched::linear(0.2, 0.0, 50);
  const lrsched::plateau_options options{.factor = 0.5, .patience = 1};
  torch::optim::SGD first({parameter()}, torch::optim::SGDOptions(1.0));
  lrsched::torch_plateau_scheduler run(first, shape, lrsched::reduce_on_plateau(options));
  for (int k = 0; k < 6; ++k) {
    run.report(1.0);
    run.step();
  }
  REQUIRE(run.plateau().state().reductions > 0);
  torch::optim::SGD second({parameter()}, torch::optim::SGDOptions(1.0));
  lrsched::torch_plateau_scheduler resumed(
      second, shape, lrsched::reduce_on_plateau(options, run.plateau().state()),
      run.current_step());
  for (int k = 0; k < 10; ++k) {
    CHECK(group_lr(second, 0) == group_lr(first, 0));
    CHECK(run.report(1.0) == resumed.report(1.0));
    run.step();
    resumed.step();
  }
}
