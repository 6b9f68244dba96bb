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
/// One schedule per parameter group (PyTorch's LambdaLR with a list) is a `std::vector` of
/// schedules, one for each group in order; `lrsched::any_schedule` mixes shapes:
///
/// @code
/// lrsched::torch_scheduler scheduler(optimizer, std::vector<lrsched::any_schedule>{
///     lrsched::warmup(5, lrsched::cosine(1e-3, 1e-5, 20)),  // group 0: the head
///     lrsched::constant(1e-5)});                            // group 1: the backbone
/// scheduler.get_last_lr();  // {the head's rate, the backbone's rate}, as last written
/// @endcode
///
/// `torch_plateau_scheduler` adds a `reduce_on_plateau` controller on top: `report(metric)`
/// feeds it, and its factor scales every group's schedule from then on.
///
/// Note on libtorch's own StepLR (1.13): its `step()` applies gamma when the number of
/// earlier `step()` calls is a positive multiple of `step_size`, so after k calls the LR is
/// base·gamma^⌊(k − 1)/step_size⌋ — one call later than Python's `StepLR`
/// (base·gamma^⌊k/step_size⌋). `lrsched::pytorch::step_lr` gives Python's numbers.
#ifndef LRSCHED_TORCH_HPP
#define LRSCHED_TORCH_HPP

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <torch/optim/optimizer.h>
#include <torch/optim/schedulers/lr_scheduler.h>

#include <lrsched/concepts.hpp>
#include <lrsched/plateau.hpp>

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
/// Constructed from a `std::vector` of schedules, group g follows the g-th one.
template <Schedule S>
class torch_scheduler : public torch::optim::LRScheduler {
 public:
  /// @param optimizer the optimizer to drive; it must outlive the scheduler.
  /// @param schedule the learning rate (or factor, with `group_lr::relative`) per update.
  /// @param start_step the update the optimizer is at (0 for a fresh run).
  /// @param mode `absolute`: every group gets s(t); `relative`: s(t) × the group's LR now.
  torch_scheduler(torch::optim::Optimizer& optimizer, S schedule, std::int64_t start_step = 0,
                  group_lr mode = group_lr::absolute)
      : torch_scheduler(optimizer, one(std::move(schedule)), false, start_step, mode) {}

  /// @brief One schedule per parameter group: group g gets schedules[g](t) (`absolute`) or
  /// schedules[g](t) × its LR now (`relative`).
  /// @throws std::invalid_argument if `schedules.size()` is not the number of groups.
  torch_scheduler(torch::optim::Optimizer& optimizer, std::vector<S> schedules,
                  std::int64_t start_step = 0, group_lr mode = group_lr::absolute)
      : torch_scheduler(optimizer, std::move(schedules), true, start_step, mode) {}

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
  /// @brief The schedule (of group 0, with one schedule per group).
  [[nodiscard]] const S& schedule() const noexcept { return schedules_.front(); }
  /// @brief The schedules: one serving every group, or one per group.
  [[nodiscard]] const std::vector<S>& schedules() const noexcept { return schedules_; }

  /// @brief Each group's learning rate as this scheduler last wrote it (PyTorch's
  /// `get_last_lr()`), in group order.
  [[nodiscard]] const std::vector<double>& get_last_lr() const noexcept { return last_lrs_; }

 protected:
  /// For callers holding a `torch::optim::LRScheduler&`: its `step()` asks for the rates
  /// of the next update here, then writes them.
  std::vector<double> get_lrs() override {
    ++step_;
    last_lrs_ = rates();
    return last_lrs_;
  }

 private:
  static std::vector<S> one(S schedule) {
    std::vector<S> out;
    out.push_back(std::move(schedule));
    return out;
  }

  torch_scheduler(torch::optim::Optimizer& optimizer, std::vector<S> schedules, bool per_group,
                  std::int64_t start_step, group_lr mode)
      : torch::optim::LRScheduler(optimizer),
        optimizer_(optimizer),
        schedules_(std::move(schedules)),
        step_(start_step < 0 ? 0 : start_step),
        mode_(mode) {
    const std::size_t groups = optimizer_.param_groups().size();
    if (per_group && schedules_.size() != groups) {
      throw std::invalid_argument(
          "lrsched::torch_scheduler: " + std::to_string(schedules_.size()) +
          " schedules for an optimizer with " + std::to_string(groups) +
          " parameter groups (one schedule per group)");
    }
    for (const auto& group : optimizer_.param_groups()) {
      initial_lrs_.push_back(group.options().get_lr());
    }
    write();
  }

  [[nodiscard]] std::vector<double> rates() const {
    const bool shared = schedules_.size() == 1;
    const auto first = static_cast<double>(schedules_.front()(step_));
    std::vector<double> out;
    out.reserve(initial_lrs_.size());
    for (std::size_t g = 0; g < initial_lrs_.size(); ++g) {
      const double value = shared || g == 0 ? first : static_cast<double>(schedules_[g](step_));
      out.push_back(mode_ == group_lr::relative ? value * initial_lrs_[g] : value);
    }
    return out;
  }

  void write() {
    last_lrs_ = rates();
    auto& groups = optimizer_.param_groups();
    for (std::size_t g = 0; g < groups.size() && g < last_lrs_.size(); ++g) {
      groups[g].options().set_lr(last_lrs_[g]);
    }
  }

  torch::optim::Optimizer& optimizer_;
  std::vector<S> schedules_;
  std::int64_t step_;
  group_lr mode_;
  std::vector<double> initial_lrs_;
  std::vector<double> last_lrs_;
};

namespace detail {

/// A schedule seen through a `reduce_on_plateau`: t ↦ plateau.lr(schedule, t), so it
/// follows the controller's reductions as they happen.
template <Schedule S>
struct plateau_scaled {
  const reduce_on_plateau* plateau;
  S schedule;
  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return plateau->lr(schedule, step);
  }
};

/// Holds the controller ahead of the scheduler that reads it (bases are built in order).
struct plateau_holder {
  reduce_on_plateau controller;
};

}  // namespace detail

/// @brief `torch_scheduler` whose schedules are scaled by a `reduce_on_plateau` controller.
///
/// Group g holds plateau.lr(s_g, t) = max(scale · s_g(t), min_lr) (min_lr once a reduction
/// happened; times the group's initial LR with `group_lr::relative`). `report(metric)`
/// feeds one metric to the controller, which decides on group 0's value at the current
/// update, and rewrites the groups' rates, so a reduction applies from the update the
/// optimizer is about to take. Stepping is `torch_scheduler`'s.
///
/// @code
/// lrsched::torch_plateau_scheduler scheduler(optimizer, shape,
///     lrsched::reduce_on_plateau({.factor = 0.5, .patience = 2}));
/// // per update: optimizer.step(); scheduler.step(); after an evaluation:
/// const bool reduced = scheduler.report(loss[t]);  // true when it reduced the rates
/// @endcode
template <Schedule S>
class torch_plateau_scheduler : private detail::plateau_holder,
                                public torch_scheduler<detail::plateau_scaled<S>> {
  using base = torch_scheduler<detail::plateau_scaled<S>>;

 public:
  /// @param plateau the controller, fresh or resumed from a saved `plateau_state`.
  torch_plateau_scheduler(torch::optim::Optimizer& optimizer, S schedule,
                          reduce_on_plateau plateau, std::int64_t start_step = 0,
                          group_lr mode = group_lr::absolute)
      : detail::plateau_holder{plateau},
        base(optimizer, detail::plateau_scaled<S>{&controller, std::move(schedule)},
             start_step, mode) {}

  /// @brief One schedule per parameter group, all scaled by the one controller.
  /// @throws std::invalid_argument if `schedules.size()` is not the number of groups.
  torch_plateau_scheduler(torch::optim::Optimizer& optimizer, std::vector<S> schedules,
                          reduce_on_plateau plateau, std::int64_t start_step = 0,
                          group_lr mode = group_lr::absolute)
      : detail::plateau_holder{plateau},
        base(optimizer, scaled(&controller, std::move(schedules)), start_step, mode) {}

  torch_plateau_scheduler(const torch_plateau_scheduler&) = delete;
  torch_plateau_scheduler& operator=(const torch_plateau_scheduler&) = delete;
  ~torch_plateau_scheduler() = default;

  /// @brief Feeds one metric (a validation loss, say) observed at the current update and
  /// rewrites the groups' rates. @return true when this report reduced the learning rate.
  bool report(double metric) {
    const bool reduced = controller.update(metric, this->schedule()(this->current_step()));
    this->set_step(this->current_step());
    return reduced;
  }

  /// @brief The controller: its `scale()` and its `state()` to save with a checkpoint.
  [[nodiscard]] const reduce_on_plateau& plateau() const noexcept { return controller; }

 private:
  static std::vector<detail::plateau_scaled<S>> scaled(const reduce_on_plateau* plateau,
                                                       std::vector<S> schedules) {
    std::vector<detail::plateau_scaled<S>> out;
    out.reserve(schedules.size());
    for (auto& s : schedules) out.push_back({plateau, std::move(s)});
    return out;
  }
};

}  // namespace lrsched

#endif  // LRSCHED_TORCH_HPP
