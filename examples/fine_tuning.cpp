// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// A small libtorch training run whose learning rate comes from lrsched: a two-layer MLP fits
// a generated regression task (fixed seed, nothing downloaded) with AdamW, 10 steps of
// linear warmup then a linear decay to 0, written into the optimizer by
// lrsched::torch_scheduler. It records the learning rate the optimizer used and the training
// loss at every step, the validation loss every 10 steps, and draws both panels.
//
//   fine_tuning [OUT.svg]     writes the chart (default fine_tuning.svg), prints a summary
#include <lrsched/lrsched.hpp>
#include <lrsched/torch.hpp>

#include <torch/torch.h>

#include <chart/chart.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {

/// y = sin(x·a) + 0.5 (x·b)² + noise, a and b of norm about 1: smooth, non-linear,
/// learnable by a small MLP.
struct regression_task {
  torch::Tensor a;
  torch::Tensor b;

  explicit regression_task(std::int64_t features)
      : a(torch::randn({features, 1}) / std::sqrt(static_cast<double>(features))),
        b(torch::randn({features, 1}) / std::sqrt(static_cast<double>(features))) {}

  [[nodiscard]] std::pair<torch::Tensor, torch::Tensor> draw(std::int64_t rows) const {
    const torch::Tensor x = torch::randn({rows, a.size(0)});
    const torch::Tensor y =
        torch::sin(x.matmul(a)) + 0.5 * x.matmul(b).pow(2) + 0.05 * torch::randn({rows, 1});
    return {x, y};
  }
};

}  // namespace

int main(int argc, char** argv) {
  torch::manual_seed(7);
  constexpr std::int64_t features = 16;
  constexpr std::int64_t batch = 64;
  constexpr std::int64_t total_steps = 400;
  constexpr std::int64_t warmup_steps = 10;
  constexpr std::int64_t validate_every = 10;
  constexpr double peak_lr = 3e-3;

  const regression_task task(features);
  const auto [train_x, train_y] = task.draw(4'096);
  const auto [valid_x, valid_y] = task.draw(1'024);

  torch::nn::Sequential model(torch::nn::Linear(features, 64), torch::nn::ReLU(),
                              torch::nn::Linear(64, 64), torch::nn::ReLU(),
                              torch::nn::Linear(64, 1));
  torch::optim::AdamW optimizer(model->parameters(),
                                torch::optim::AdamWOptions(peak_lr).weight_decay(1e-4));
  const auto schedule =
      lrsched::warmup(warmup_steps, lrsched::linear(peak_lr, 0.0, total_steps - warmup_steps));
  lrsched::torch_scheduler scheduler(optimizer, schedule);

  // Looks: the LR dark blue, the batch losses a light solid line, validation dark triangles.
  lrsched_chart::series lr{"learning rate", {}, {}, lrsched_chart::style::line, 0};
  lrsched_chart::series train{"training loss (batch)", {}, {}, lrsched_chart::style::line, 4};
  lrsched_chart::series valid{"validation loss", {}, {}, lrsched_chart::style::points, 3};
  const auto validate = [&](std::int64_t step) {
    torch::NoGradGuard no_grad;
    model->eval();
    valid.x.push_back(static_cast<double>(step));
    valid.y.push_back(torch::mse_loss(model->forward(valid_x), valid_y).item<double>());
    model->train();
  };

  for (std::int64_t step = 0; step < total_steps; ++step) {
    if (step % validate_every == 0) validate(step);
    const torch::Tensor rows = torch::randint(train_x.size(0), {batch}, torch::kLong);
    optimizer.zero_grad();
    const torch::Tensor loss =
        torch::mse_loss(model->forward(train_x.index({rows})), train_y.index({rows}));
    loss.backward();
    // The rate this update uses: schedule(step), written by the scheduler beforehand.
    lr.x.push_back(static_cast<double>(step));
    lr.y.push_back(optimizer.param_groups().front().options().get_lr());
    optimizer.step();
    scheduler.step();
    train.x.push_back(static_cast<double>(step));
    train.y.push_back(loss.item<double>());
  }
  validate(total_steps);

  lrsched_chart::chart picture;
  picture.title = "an MLP trained with 10 warmup steps, then a linear decay (AdamW)";
  picture.panels.push_back({"learning rate", lrsched_chart::scale::linear, {lr}});
  picture.panels.push_back({"MSE loss (log)", lrsched_chart::scale::log, {train, valid}});
  const std::string out = argc > 1 ? argv[1] : "fine_tuning.svg";
  if (!lrsched_chart::save_or_report(picture, out, "fine_tuning")) return 1;
  std::printf("%s: %lld steps, validation loss %.4f at step 0, %.4f at step %lld\n", out.c_str(),
              static_cast<long long>(total_steps), valid.y.front(), valid.y.back(),
              static_cast<long long>(total_steps));
  std::printf("summed LR over the run: %.6f (the schedule's closed form), peak %.4g\n",
              lrsched::sum(schedule, 0, total_steps), schedule(warmup_steps));
  return 0;
}
