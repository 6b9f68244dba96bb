// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/pytorch.hpp
/// @brief The canonical JSON kinds of the PyTorch-faithful schedules
/// (`lrsched/peers/pytorch.hpp`): `"pytorch.<function>"` with PyTorch's parameter names.
///
/// `SequentialLR` and `ChainedScheduler` take their schedulers from the document, so
/// they are built at run time here: `pytorch.sequential_lr` chains the loaded
/// schedulers at its milestones; `pytorch.chained_scheduler` multiplies the factors of
/// loaded multiplicative schedulers (`pytorch.step_lr`, ...) as the typed
/// `chained_scheduler` does, with the same checks and the same values.
#ifndef LRSCHED_CONFIG_PEERS_PYTORCH_HPP
#define LRSCHED_CONFIG_PEERS_PYTORCH_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/config/peers/common.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/error.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/peers/pytorch.hpp>

namespace lrsched::detail::config {

namespace pytorch_kinds {

/// A multiplicative PyTorch scheduler seen as `base_lr × factor`.
struct factor_parts {
  any_schedule factor;
  double base_lr;
};

template <class T>
bool take_factor(const any_schedule& s, std::optional<factor_parts>& out) {
  if (const T* typed = s.target<T>()) {
    out = factor_parts{any_schedule(typed->native().inner()), typed->native().factor()};
    return true;
  }
  return false;
}

/// The type `chained_scheduler` has when built from loaded schedulers.
using runtime_chained = lrsched::pytorch::factor_schedule<any_schedule>;

/// The factor and base LR of a loaded multiplicative scheduler, if it is one.
inline std::optional<factor_parts> factor_of(const any_schedule& s) {
  namespace pt = lrsched::pytorch;
  std::optional<factor_parts> out;
  (void)(take_factor<decltype(pt::step_lr(1.0, 1))>(s, out) ||
         take_factor<decltype(pt::multi_step_lr(1.0, {}))>(s, out) ||
         take_factor<decltype(pt::constant_lr(1.0))>(s, out) ||
         take_factor<decltype(pt::linear_lr(1.0))>(s, out) ||
         take_factor<decltype(pt::exponential_lr(1.0, 1.0))>(s, out) ||
         take_factor<decltype(pt::polynomial_lr(1.0))>(s, out) ||
         take_factor<runtime_chained>(s, out));
  return out;
}

/// `pytorch::sequential_lr` over loaded schedulers: scheduler k plays from milestones[k−1].
inline any_schedule sequential_lr(const std::vector<std::int64_t>& milestones,
                                  std::vector<any_schedule> schedulers) {
  constexpr std::string_view name = "pytorch.sequential_lr";
  using detail::format_number;
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const std::int64_t previous = i == 0 ? 0 : milestones[i - 1];
    if (milestones[i] <= previous) {
      detail::reject(name, "milestones[" + format_number(static_cast<std::int64_t>(i)) + "]",
                     i == 0 ? std::string(">= 1")
                            : "> milestones[" + format_number(static_cast<std::int64_t>(i - 1)) +
                                  "] = " + format_number(previous),
                     milestones[i]);
    }
  }
  std::vector<description> children;
  for (const auto& s : schedulers) children.push_back(s.describe());
  lrsched::detail::pytorch::check_sequential_children(children);
  return chain_at_boundaries(description{std::string(name)}.with("milestones", milestones),
                             "milestones", milestones, "schedulers", std::move(schedulers));
}

/// `pytorch::chained_scheduler` over loaded multiplicative schedulers sharing `base_lr`.
inline any_schedule chained_scheduler(double base_lr, const std::vector<any_schedule>& schedulers) {
  constexpr std::string_view name = "pytorch.chained_scheduler";
  detail::require_finite(name, "base_lr", base_lr);
  std::vector<any_schedule> factors;
  std::vector<description> children;
  for (std::size_t i = 0; i < schedulers.size(); ++i) {
    const auto entry = "schedulers[" + detail::format_number(static_cast<std::int64_t>(i)) + "]";
    children.push_back(schedulers[i].describe());
    auto parts = factor_of(schedulers[i]);
    if (!parts) {
      throw invalid_schedule(entry, std::string(name) + ": " + entry +
                                        " must be a multiplicative scheduler (step_lr, "
                                        "multi_step_lr, constant_lr, linear_lr, exponential_lr, "
                                        "polynomial_lr, chained_scheduler), got " +
                                        children.back().kind);
    }
    if (parts->base_lr != base_lr) {
      detail::reject(name, entry + ".base_lr",
                     "the chained_scheduler's base_lr (" + detail::format_number(base_lr) + ")",
                     parts->base_lr);
    }
    factors.push_back(std::move(parts->factor));
  }
  return any_schedule(
      detail::pytorch::as_factor(any_schedule::product(std::move(factors)), base_lr,
                                 description{std::string(name)}
                                     .with("base_lr", base_lr)
                                     .with_children("schedulers", std::move(children))));
}

}  // namespace pytorch_kinds

/// Registers every `pytorch.<function>` kind.
inline void add_pytorch_kinds(kind_registry& r) {
  namespace pt = lrsched::pytorch;
  r.add(
      "pytorch.constant_lr", "PyTorch ConstantLR: base_lr * factor for total_iters steps",
      [](double base_lr, double factor, std::int64_t total_iters) {
        return pt::constant_lr(base_lr, factor, total_iters);
      },
      real("base_lr"), real("factor", 1.0 / 3), integer("total_iters", 5));
  r.add(
      "pytorch.linear_lr",
      "PyTorch LinearLR: base_lr times a factor moving from start_factor to end_factor",
      [](double base_lr, double start_factor, double end_factor, std::int64_t total_iters) {
        return pt::linear_lr(base_lr, start_factor, end_factor, total_iters);
      },
      real("base_lr"), real("start_factor", 1.0 / 3), real("end_factor", 1.0),
      integer("total_iters", 5));
  r.add(
      "pytorch.step_lr", "PyTorch StepLR: base_lr * gamma^floor(t / step_size)",
      [](double base_lr, std::int64_t step_size, double gamma) {
        return pt::step_lr(base_lr, step_size, gamma);
      },
      real("base_lr"), integer("step_size"), real("gamma", 0.1));
  r.add(
      "pytorch.multi_step_lr", "PyTorch MultiStepLR: base_lr * gamma at each milestone",
      [](double base_lr, std::vector<std::int64_t> milestones, double gamma) {
        return pt::multi_step_lr(base_lr, std::move(milestones), gamma);
      },
      real("base_lr"), steps_list("milestones"), real("gamma", 0.1));
  r.add(
      "pytorch.exponential_lr", "PyTorch ExponentialLR: base_lr * gamma^t",
      [](double base_lr, double gamma) { return pt::exponential_lr(base_lr, gamma); },
      real("base_lr"), real("gamma"));
  r.add(
      "pytorch.polynomial_lr", "PyTorch PolynomialLR: base_lr * (1 - t / total_iters)^power",
      [](double base_lr, std::int64_t total_iters, double power) {
        return pt::polynomial_lr(base_lr, total_iters, power);
      },
      real("base_lr"), integer("total_iters", 5), real("power", 1.0));
  r.add(
      "pytorch.cosine_annealing_lr",
      "PyTorch CosineAnnealingLR: a cosine between base_lr and eta_min with period 2 T_max",
      [](double base_lr, std::int64_t t_max, double eta_min) {
        return pt::cosine_annealing_lr(base_lr, t_max, eta_min);
      },
      real("base_lr"), integer("T_max"), real("eta_min", 0.0));
  r.add(
      "pytorch.cosine_annealing_warm_restarts",
      "PyTorch CosineAnnealingWarmRestarts: cosine cycles of T_0 * T_mult^i steps",
      [](double base_lr, std::int64_t t_0, std::int64_t t_mult, double eta_min) {
        return pt::cosine_annealing_warm_restarts(base_lr, t_0, t_mult, eta_min);
      },
      real("base_lr"), integer("T_0"), integer("T_mult", 1), real("eta_min", 0.0));
  r.add(
      "pytorch.one_cycle_lr", "PyTorch OneCycleLR's learning rate",
      [](double max_lr, std::int64_t total_steps, double pct_start,
         const std::string& anneal_strategy, double div_factor, double final_div_factor,
         bool three_phase) {
        return pt::one_cycle_lr(max_lr, total_steps, pct_start, anneal_strategy, div_factor,
                                final_div_factor, three_phase);
      },
      real("max_lr"), integer("total_steps"), real("pct_start", 0.3),
      text_choice("anneal_strategy", {"cos", "linear"}, "cos"), real("div_factor", 25.0),
      real("final_div_factor", 1e4), flag("three_phase", false));
  r.add(
      "pytorch.cyclic_lr", "PyTorch CyclicLR's learning rate: cycles between base_lr and max_lr",
      [](double base_lr, double max_lr, std::int64_t step_size_up,
         std::optional<std::int64_t> step_size_down, const std::string& mode, double gamma) {
        return pt::cyclic_lr(base_lr, max_lr, step_size_up, step_size_down, mode, gamma);
      },
      real("base_lr"), real("max_lr"), integer("step_size_up", 2000),
      optional_steps("step_size_down"),
      text_choice("mode", {"triangular", "triangular2", "exp_range"}, "triangular"),
      real("gamma", 1.0));
  r.add(
      "pytorch.lambda_lr", "PyTorch LambdaLR: base_lr times the factor schedule lr_lambda",
      [](double base_lr, auto lr_lambda) { return pt::lambda_lr(base_lr, std::move(lr_lambda)); },
      real("base_lr"), schedule("lr_lambda"));
  r.add(
      "pytorch.sequential_lr",
      "PyTorch SequentialLR: scheduler k from milestones[k-1] on, on its own clock",
      [](const std::vector<std::int64_t>& milestones, std::vector<any_schedule> schedulers) {
        return pytorch_kinds::sequential_lr(milestones, std::move(schedulers));
      },
      steps_list("milestones"), schedules("schedulers"));
  r.add(
      "pytorch.chained_scheduler",
      "PyTorch ChainedScheduler: base_lr times the product of multiplicative schedulers' factors",
      [](double base_lr, const std::vector<any_schedule>& schedulers) {
        return pytorch_kinds::chained_scheduler(base_lr, schedulers);
      },
      real("base_lr"), schedules("schedulers"));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_PYTORCH_HPP
