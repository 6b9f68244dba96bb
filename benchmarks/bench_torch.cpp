// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// One scheduler step against libtorch's C++ API (built only where find_package(Torch)
// succeeds):
//   torch/StepLR/<groups>            torch::optim::StepLR::step(): computes the new LRs
//                                    (a std::vector of the groups' current LRs, times gamma
//                                    at a drop) and writes them into the optimizer's param
//                                    groups
//   lrsched/step_lr/<groups>         lrsched::pytorch::step_lr evaluated at the step, the
//                                    value written into every param group the same way
//                                    (OptimizerOptions::set_lr)
//   lrsched/any_hybrid/<groups>      the same with examples/demo.cpp's four-phase schedule
//                                    in samples behind an any_schedule
// with an SGD optimizer over 1 and 4 param groups (one 1-element tensor each). The step
// counter is a run-time value and the write goes through libtorch's virtual set_lr, so
// nothing is folded. Before timing, the LRs libtorch writes over the first 3·step_size
// steps are checked against lrsched's values.
#include <benchmark/benchmark.h>

#include <torch/optim/schedulers/step_lr.h>
#include <torch/optim/sgd.h>

#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr double base_lr = 0.1;
// A drop every 10^5 steps: the LR stays far from subnormal numbers over the ~10^7 steps
// a benchmark runs.
constexpr unsigned step_size = 100'000;
constexpr double drop_factor = 0.5;

/// An SGD optimizer with `groups` param groups of one 1-element tensor each.
struct optimizer_fixture {
  std::vector<torch::Tensor> tensors;
  std::unique_ptr<torch::optim::SGD> sgd;
  explicit optimizer_fixture(std::int64_t groups) {
    std::vector<torch::optim::OptimizerParamGroup> param_groups;
    for (std::int64_t g = 0; g < groups; ++g) {
      tensors.push_back(torch::zeros({1}, torch::requires_grad()));
      param_groups.emplace_back(std::vector<torch::Tensor>{tensors.back()});
    }
    sgd = std::make_unique<torch::optim::SGD>(param_groups, torch::optim::SGDOptions(base_lr));
  }
  [[nodiscard]] double lr() const { return sgd->param_groups().front().options().get_lr(); }
};

template <class S>
void write_lr(torch::optim::Optimizer& optimizer, const S& schedule, std::int64_t step) {
  const double lr = schedule(step);
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

void torch_step_lr(benchmark::State& state) {
  optimizer_fixture fixture(state.range(0));
  torch::optim::StepLR scheduler(*fixture.sgd, step_size, drop_factor);
  for (auto _ : state) scheduler.step();
  benchmark::DoNotOptimize(fixture.lr());
  state.SetItemsProcessed(state.iterations());
}

template <class S>
void lrsched_step(benchmark::State& state, const S& schedule) {
  optimizer_fixture fixture(state.range(0));
  std::int64_t step = 0;
  for (auto _ : state) write_lr(*fixture.sgd, schedule, ++step);
  benchmark::DoNotOptimize(fixture.lr());
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
  volatile double gamma_source = drop_factor;
  volatile std::int64_t size_source = step_size;
  const auto step_lr = lrsched::pytorch::step_lr(base_lr, size_source, gamma_source);
  {
    // libtorch's LRScheduler::step() asks for the new LRs with its step count from before
    // the call, so after k calls the optimizer holds base·gamma^⌊(k − 1)/step_size⌋:
    // lrsched's step_lr at step k − 1 (Python's StepLR holds step k's value after k calls).
    optimizer_fixture fixture(2);
    torch::optim::StepLR scheduler(*fixture.sgd, step_size, drop_factor);
    for (std::int64_t k = 1; k <= 3 * static_cast<std::int64_t>(step_size); ++k) {
      scheduler.step();
      const double expected = step_lr(k - 1);
      if (std::fabs(fixture.lr() - expected) > 1e-15 * expected) {
        std::fprintf(stderr, "bench_torch: after %lld steps libtorch holds %.17g, lrsched %.17g\n",
                     static_cast<long long>(k), fixture.lr(), expected);
        return 1;
      }
    }
    std::fprintf(stderr,
                 "bench_torch: libtorch's StepLR and lrsched's step_lr agree over %u steps\n",
                 3 * step_size);
  }
  const lrsched::any_schedule hybrid =
      lrsched::per_step(lrsched::chain(lrsched::linear(0.0, 5e-5, 2'000'000),
                                       lrsched::for_steps(43'000'000, lrsched::constant(5e-5)),
                                       lrsched::cosine(5e-5, 4.5e-5, 8'000'000),
                                       lrsched::for_steps(3'000'000, lrsched::constant(2.8e-5)),
                                       lrsched::constant(0.9e-5)),
                        std::int64_t{512});

  benchmark::RegisterBenchmark("torch/StepLR", torch_step_lr)->Arg(1)->Arg(4);
  benchmark::RegisterBenchmark("lrsched/step_lr",
                               [&](benchmark::State& s) { lrsched_step(s, step_lr); })
      ->Arg(1)
      ->Arg(4);
  benchmark::RegisterBenchmark("lrsched/any_hybrid",
                               [&](benchmark::State& s) { lrsched_step(s, hybrid); })
      ->Arg(1)
      ->Arg(4);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
