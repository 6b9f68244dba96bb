// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// lrsched/torch.hpp against a real libtorch optimizer, and libtorch's own StepLR.
#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>
#include <lrsched/torch.hpp>

#include <torch/optim/schedulers/step_lr.h>
#include <torch/optim/sgd.h>
#include <torch/torch.h>

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
