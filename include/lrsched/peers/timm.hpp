// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/timm.hpp
/// @brief timm's schedulers (`timm/scheduler/`: CosineLRScheduler, StepLRScheduler,
/// MultiStepLRScheduler, PolyLRScheduler, TanhLRScheduler), reproduced step for step.
///
/// Step `t` is the value timm gives update `t`: `_get_lr(t)`, which
/// `scheduler.step_update(num_updates=t)` writes with `t_in_epochs=False`. With
/// `t_in_epochs=True` timm applies the same function to the epoch counter instead, so the
/// same schedule serves with t counting epochs (or use `stretch` to hold each epoch's value
/// for its updates). Each function takes `base_lr` (the optimizer's LR) and the class's own
/// arguments with timm's names and defaults, in an options struct for designated
/// initializers. Noise (`noise_range_t`, ...) is not reproduced: it draws random numbers.
///
/// Where timm differs from the native semantics (README, "What a schedule is"):
/// - the warmup ramps linearly from `warmup_lr_init` to base_lr over `warmup_t` steps;
///   without `warmup_prefix` (the default except for Step and MultiStep) the schedule runs on
///   the global clock underneath it, so the warmup replaces its first `warmup_t` steps
///   rather than delaying it;
/// - `MultiStepLRScheduler` decays one step early, at each `decay_t` entry minus 1;
/// - past the last cycle the cyclic shapes hold `lr_min` (not the end of their last cycle).
#ifndef LRSCHED_PEERS_TIMM_HPP
#define LRSCHED_PEERS_TIMM_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/peers/detail/timm.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/tanh.hpp>

namespace lrsched::timm {

/// @brief `StepLRScheduler`'s arguments (timm's names and defaults).
struct step_lr_scheduler_options {
  std::int64_t decay_t = 0;     ///< steps between decays, >= 1
  double decay_rate = 1.0;      ///< the factor of each decay, in [0, 1]
  std::int64_t warmup_t = 0;    ///< warmup steps, >= 0
  double warmup_lr_init = 0.0;  ///< the LR at step 0 of the warmup
  bool warmup_prefix = true;    ///< the decay's clock starts after the warmup
};

/// @brief `MultiStepLRScheduler`'s arguments (timm's names and defaults).
struct multi_step_lr_scheduler_options {
  std::vector<std::int64_t> decay_t;  ///< the milestones, each >= 0, non-decreasing
  double decay_rate = 1.0;            ///< the factor of each decay, >= 0
  std::int64_t warmup_t = 0;          ///< warmup steps, >= 0
  double warmup_lr_init = 0.0;        ///< the LR at step 0 of the warmup
  bool warmup_prefix = true;          ///< the decay's clock starts after the warmup
};

/// @brief `CosineLRScheduler`'s arguments (timm's names and defaults).
struct cosine_lr_scheduler_options {
  std::int64_t t_initial = 0;    ///< the first cycle's length, >= 1
  double lr_min = 0.0;           ///< the floor, and the value after the last cycle; >= 0
  double cycle_mul = 1.0;        ///< each cycle this many times longer; >= 1
  double cycle_decay = 1.0;      ///< each cycle's peak this many times the last; in [0, 1]
  std::int64_t cycle_limit = 1;  ///< cycles played before lr_min holds; >= 1
  std::int64_t warmup_t = 0;     ///< warmup steps, >= 0
  double warmup_lr_init = 0.0;   ///< the LR at step 0 of the warmup
  bool warmup_prefix = false;    ///< the cycles' clock starts after the warmup
  double k_decay = 1.0;          ///< the phase within a cycle is (t/T_i)^k_decay; > 0
};

/// @brief `PolyLRScheduler`'s arguments (timm's names and defaults).
struct poly_lr_scheduler_options {
  std::int64_t t_initial = 0;    ///< the first cycle's length, >= 1
  double power = 0.5;            ///< the exponent of the remaining fraction; >= 0
  double lr_min = 0.0;           ///< the floor, and the value after the last cycle; >= 0
  double cycle_mul = 1.0;        ///< each cycle this many times longer; >= 1
  double cycle_decay = 1.0;      ///< each cycle's peak this many times the last; in [0, 1]
  std::int64_t cycle_limit = 1;  ///< cycles played before lr_min holds; >= 1
  std::int64_t warmup_t = 0;     ///< warmup steps, >= 0
  double warmup_lr_init = 0.0;   ///< the LR at step 0 of the warmup
  bool warmup_prefix = false;    ///< the cycles' clock starts after the warmup
  double k_decay = 1.0;          ///< the remaining fraction is 1 − (t/T_i)^k_decay; > 0
};

/// @brief `TanhLRScheduler`'s arguments (timm's names and defaults).
struct tanh_lr_scheduler_options {
  std::int64_t t_initial = 0;    ///< the first cycle's length, >= 1
  double lb = -7.0;              ///< where the sweep of tanh starts; < ub
  double ub = 3.0;               ///< where it ends
  double lr_min = 0.0;           ///< the floor, and the value after the last cycle; >= 0
  double cycle_mul = 1.0;        ///< each cycle this many times longer; >= 1
  double cycle_decay = 1.0;      ///< each cycle's peak this many times the last; in [0, 1]
  std::int64_t cycle_limit = 1;  ///< cycles played before lr_min holds; >= 1
  std::int64_t warmup_t = 0;     ///< warmup steps, >= 0
  double warmup_lr_init = 0.0;   ///< the LR at step 0 of the warmup, >= 0
  bool warmup_prefix = false;    ///< the cycles' clock starts after the warmup
};

/// @brief timm `CosineLRScheduler`: cosine cycles from base_lr·cycle_decay^i down to
/// `lr_min`, cycle i lasting t_initial·cycle_mul^i steps, `lr_min` after `cycle_limit`
/// cycles; an optional warmup in front.
///
/// lr = lr_min + ½(base_lr·cycle_decay^i − lr_min)(1 + cos(π·(t_cur/T_i)^k_decay)), timm's
/// cycle arithmetic for a real `cycle_mul`. The native `cosine_restarts` (decay target
/// `peak`), after timm's warmup; without `warmup_prefix` the cycles run on the global clock
/// under the warmup. Sum: closed form, O(cycles) (with k_decay != 1, compensated summation
/// within the cycles).
inline auto cosine_lr_scheduler(double base_lr, const cosine_lr_scheduler_options& options) {
  auto peer = detail::timm::base_description("cosine_lr_scheduler", base_lr);
  detail::timm::cyclic_arguments(peer, options);
  detail::require_positive(peer.kind, "k_decay", options.k_decay);
  peer.with("k_decay", options.k_decay);
  return detail::timm::as_timm(std::move(peer), options, base_lr,
                               cosine_restarts(base_lr, options.t_initial,
                                               {.floor_value = options.lr_min,
                                                .period_multiplier = options.cycle_mul,
                                                .cycle_decay = options.cycle_decay,
                                                .decay_target = restart_decay::peak,
                                                .cycle_limit = options.cycle_limit,
                                                .k_decay = options.k_decay}));
}

/// @brief timm `PolyLRScheduler`: lr_min + (base_lr·cycle_decay^i − lr_min)·(1 −
/// (t_cur/T_i)^k_decay)^power in cycle i, `lr_min` after `cycle_limit` cycles; an optional
/// warmup in front.
///
/// With whole equal cycles (cycle_mul 1, cycle_decay 1, k_decay 1) this is the native
/// `repeat(polynomial(base_lr, lr_min, t_initial, power), t_initial)` for `cycle_limit`
/// cycles, then `lr_min`: closed-form sums. Otherwise timm's own cycle arithmetic (see
/// `detail::timm::cycles`), summed step by step. timm's default power is 0.5.
inline auto poly_lr_scheduler(double base_lr, const poly_lr_scheduler_options& options) {
  auto peer = detail::timm::base_description("poly_lr_scheduler", base_lr);
  detail::require_nonnegative(peer.kind, "power", options.power);
  peer.with("power", options.power);
  detail::timm::cyclic_arguments(peer, options);
  detail::require_positive(peer.kind, "k_decay", options.k_decay);
  peer.with("k_decay", options.k_decay);
  return detail::timm::as_timm(
      std::move(peer), options, base_lr,
      detail::timm::make_cyclic(
          base_lr, options, options.k_decay == 1.0,
          polynomial(base_lr, options.lr_min, options.t_initial, options.power),
          detail::timm::poly_shape{options.lr_min, options.power, options.k_decay}));
}

/// @brief timm `TanhLRScheduler`: lr_min + ½(base_lr·cycle_decay^i − lr_min)(1 − tanh(lb·(1 −
/// r) + ub·r)) in cycle i, r = t_cur/T_i, `lr_min` after `cycle_limit` cycles; an optional
/// warmup in front.
///
/// Step 0 is timm's `_get_lr(0)`, a hair below base_lr (tanh(lb) is not exactly −1: with
/// lb = −7, base_lr·(1 − 8.3e-7)). timm's constructor writes base_lr itself into the
/// optimizer, so in a timm loop the very first update, before any `step_update`, trains
/// with base_lr; from then on the values are these. Without `warmup_prefix` timm's warmup
/// aims at the tanh value at step warmup_t, not at base_lr (the other schedulers aim at
/// base_lr). With whole equal cycles the native `repeat(tanh_decay)` (closed-form sums);
/// with `cycle_mul` or `cycle_decay` other than 1, timm's cycle arithmetic.
inline auto tanh_lr_scheduler(double base_lr, const tanh_lr_scheduler_options& options) {
  auto peer = detail::timm::base_description("tanh_lr_scheduler", base_lr);
  detail::require_finite(peer.kind, "lb", options.lb);
  detail::require_finite(peer.kind, "ub", options.ub);
  if (!(options.lb < options.ub)) {
    detail::reject(peer.kind, "lb", "< ub (" + detail::format_number(options.ub) + ")", options.lb);
  }
  peer.with("lb", options.lb).with("ub", options.ub);
  detail::timm::cyclic_arguments(peer, options);
  detail::require_nonnegative(peer.kind, "warmup_lr_init", options.warmup_lr_init);
  auto main = detail::timm::make_cyclic(
      base_lr, options, true,
      tanh_decay(base_lr, options.lr_min, options.t_initial, options.lb, options.ub),
      detail::timm::tanh_shape{options.lr_min, options.lb, options.ub});
  // timm aims the warmup at the schedule's own value at warmup_t unless it is a prefix.
  const double target = options.warmup_prefix ? base_lr : main(options.warmup_t);
  return detail::timm::as_timm(std::move(peer), options, target, std::move(main));
}

/// @brief timm `StepLRScheduler`: base_lr·decay_rate^⌊t/decay_t⌋, after an optional warmup.
///
/// The native `step_decay`, after timm's warmup. With `warmup_prefix` (timm's default
/// here) the first decay comes at warmup_t + decay_t; without it, at decay_t. Sum: closed
/// form (geometric series over the stairs).
inline auto step_lr_scheduler(double base_lr, const step_lr_scheduler_options& options) {
  auto peer = detail::timm::base_description("step_lr_scheduler", base_lr);
  detail::require_positive_steps(peer.kind, "decay_t", options.decay_t);
  if (!(options.decay_rate >= 0.0 && options.decay_rate <= 1.0)) {
    detail::reject(peer.kind, "decay_rate", "in [0, 1]", options.decay_rate);
  }
  peer.with("decay_t", options.decay_t).with("decay_rate", options.decay_rate);
  detail::timm::warmup_arguments(peer, options.warmup_t, options.warmup_lr_init,
                                 options.warmup_prefix);
  return detail::timm::as_timm(std::move(peer), options, base_lr,
                               step_decay(base_lr, options.decay_t, options.decay_rate));
}

/// @brief timm `MultiStepLRScheduler`: base_lr·decay_rate^k, k = the number of `decay_t`
/// entries <= t + 1, after an optional warmup.
///
/// timm counts with `bisect_right(decay_t, t + 1)`, so each decay lands one step before
/// its entry: at m − 1, where PyTorch's `MultiStepLR` and the native `multistep` drop at m.
/// Built as the native `multistep` with milestones m − 1 (an entry at 0 stays at 0: it
/// applies from the start either way). Sum: per block, closed form.
inline auto multi_step_lr_scheduler(double base_lr,
                                    const multi_step_lr_scheduler_options& options) {
  auto peer = detail::timm::base_description("multi_step_lr_scheduler", base_lr);
  detail::require_sorted_steps(peer.kind, "decay_t", options.decay_t);
  detail::require_nonnegative(peer.kind, "decay_rate", options.decay_rate);
  peer.with("decay_t", options.decay_t).with("decay_rate", options.decay_rate);
  detail::timm::warmup_arguments(peer, options.warmup_t, options.warmup_lr_init,
                                 options.warmup_prefix);
  std::vector<std::int64_t> milestones;
  milestones.reserve(options.decay_t.size());
  for (const std::int64_t m : options.decay_t)
    milestones.push_back(std::max<std::int64_t>(0, m - 1));
  return detail::timm::as_timm(std::move(peer), options, base_lr,
                               multistep(base_lr, std::move(milestones), options.decay_rate));
}

}  // namespace lrsched::timm

#endif  // LRSCHED_PEERS_TIMM_HPP
