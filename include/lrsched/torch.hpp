// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file torch.hpp
/// @brief Opt-in: drive a libtorch optimizer's learning rates from any lrsched schedule.
///
/// libtorch's schedulers (`torch::optim::StepLR`, the only one it ships) update the
/// optimizer's learning rates through hidden state: each `step()` reads the current LR and
/// multiplies it. An lrsched schedule is a pure function of the step, so here the whole
/// state is one integer, and resuming a run is setting it:
///
/// @code
/// #include <lrsched/lrsched.hpp>
/// #include <lrsched/torch.hpp>
///
/// torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(3e-4));
/// lrsched::torch_scheduler scheduler(optimizer,
///     lrsched::warmup(2'000, lrsched::cosine(3e-4, 3e-5, 98'000)));
/// for (std::int64_t step = 0; step < 100'000; ++step) {
///   // update `step` trains with schedule(step): the scheduler wrote it already
///   ... loss.backward(); optimizer.step();
///   scheduler.step();
/// }
/// @endcode
///
/// `torch_scheduler` derives from `torch::optim::LRScheduler`, so it goes wherever
/// libtorch expects one. Needs libtorch (CMake: `find_package(Torch)`, link `torch`); no
/// CMake target of lrsched's carries that dependency, include this header where you
/// already use libtorch.
///
/// Note on libtorch's own StepLR (1.13): its `step()` applies gamma when the number of
/// earlier `step()` calls is a positive multiple of `step_size`, so after k calls the LR is
/// base·gamma^⌊(k − 1)/step_size⌋ — one call later than Python's `StepLR`
/// (base·gamma^⌊k/step_size⌋). `lrsched::pytorch::step_lr` gives Python's numbers.
#ifndef LRSCHED_TORCH_HPP
#define LRSCHED_TORCH_HPP

#include <cstdint>
#include <utility>
#include <vector>

#include <torch/optim/optimizer.h>
#include <torch/optim/schedulers/lr_scheduler.h>

#include <lrsched/concepts.hpp>

namespace lrsched {

/// @brief How a schedule's value becomes each parameter group's learning rate.
enum class group_lr {
  /// Every group gets s(t): the schedule gives learning rates (lrsched's families).
  absolute,
  /// Group g gets s(t) × its learning rate at construction: the schedule gives factors
  /// (like PyTorch's LambdaLR), so groups keep their ratios.
  relative,
};

/// @brief Writes `lr` into every parameter group of `optimizer`.
inline void set_learning_rate(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

/// @brief Writes s(step) into every parameter group of `optimizer` (absolute rates).
template <Schedule S>
void apply_schedule(torch::optim::Optimizer& optimizer, const S& schedule, std::int64_t step) {
  set_learning_rate(optimizer, static_cast<double>(schedule(step)));
}

/// @brief A libtorch scheduler whose learning rate at update t is schedule(t).
///
/// The constructor writes schedule(start_step) into the optimizer, so the first
/// `optimizer.step()` trains with it; each `step()` then advances to the next update and
/// writes its value. `current_step()` is the update the optimizer's LRs are set for;
/// `set_step(t)` jumps there (resuming from a checkpoint is `set_step(saved_step)`).
template <Schedule S>
class torch_scheduler : public torch::optim::LRScheduler {
 public:
  /// @param optimizer the optimizer to drive; it must outlive the scheduler.
  /// @param schedule the learning rate (or factor, with `group_lr::relative`) per update.
  /// @param start_step the update the optimizer is at (0 for a fresh run).
  /// @param mode `absolute`: every group gets s(t); `relative`: s(t) × the group's LR now.
  torch_scheduler(torch::optim::Optimizer& optimizer, S schedule, std::int64_t start_step = 0,
                  group_lr mode = group_lr::absolute)
      : torch::optim::LRScheduler(optimizer),
        optimizer_(optimizer),
        schedule_(std::move(schedule)),
        step_(start_step < 0 ? 0 : start_step),
        mode_(mode) {
    for (const auto& group : optimizer_.param_groups()) {
      initial_lrs_.push_back(group.options().get_lr());
    }
    write();
  }

  /// @brief Moves to the next update and writes its learning rate (libtorch's `step()`
  /// is not virtual, so this hides it: call it through this type).
  void step() {
    ++step_;
    write();
  }

  /// @brief Jumps to update `step` (>= 0) and writes its learning rate.
  void set_step(std::int64_t step) {
    step_ = step < 0 ? 0 : step;
    write();
  }

  /// @brief The update whose learning rate the optimizer holds.
  [[nodiscard]] std::int64_t current_step() const noexcept { return step_; }
  [[nodiscard]] const S& schedule() const noexcept { return schedule_; }

 protected:
  /// For callers holding a `torch::optim::LRScheduler&`: its `step()` asks for the rates
  /// of the next update here, then writes them.
  std::vector<double> get_lrs() override {
    ++step_;
    return rates();
  }

 private:
  [[nodiscard]] std::vector<double> rates() const {
    const auto value = static_cast<double>(schedule_(step_));
    std::vector<double> out;
    out.reserve(initial_lrs_.size());
    for (const double initial : initial_lrs_) {
      out.push_back(mode_ == group_lr::relative ? value * initial : value);
    }
    return out;
  }

  void write() {
    const std::vector<double> lrs = rates();
    auto& groups = optimizer_.param_groups();
    for (std::size_t g = 0; g < groups.size() && g < lrs.size(); ++g) {
      groups[g].options().set_lr(lrs[g]);
    }
  }

  torch::optim::Optimizer& optimizer_;
  S schedule_;
  std::int64_t step_;
  group_lr mode_;
  std::vector<double> initial_lrs_;
};

}  // namespace lrsched

#endif  // LRSCHED_TORCH_HPP
