// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/timm.hpp
/// @brief The canonical JSON kinds of the timm-faithful schedules (`lrsched/peers/timm.hpp`):
/// `"timm.<scheduler>"` with timm's constructor arguments (in update units) and defaults,
/// `base_lr` being the optimizer's LR.
#ifndef LRSCHED_CONFIG_PEERS_TIMM_HPP
#define LRSCHED_CONFIG_PEERS_TIMM_HPP

#include <cstdint>
#include <utility>
#include <vector>

#include <lrsched/config/registry.hpp>
#include <lrsched/peers/timm.hpp>

namespace lrsched::detail::config {

namespace timm_kinds {

/// `o` with the cycle and warmup arguments timm's Cosine, Poly and Tanh schedulers share.
template <class Options>
Options with_cycles(Options o, std::int64_t t_initial, double lr_min, double cycle_mul,
                    double cycle_decay, std::int64_t cycle_limit, std::int64_t warmup_t,
                    double warmup_lr_init, bool warmup_prefix) {
  o.t_initial = t_initial;
  o.lr_min = lr_min;
  o.cycle_mul = cycle_mul;
  o.cycle_decay = cycle_decay;
  o.cycle_limit = cycle_limit;
  o.warmup_t = warmup_t;
  o.warmup_lr_init = warmup_lr_init;
  o.warmup_prefix = warmup_prefix;
  return o;
}

}  // namespace timm_kinds

inline void add_timm_kinds(kind_registry& r) {
  namespace timm = lrsched::timm;
  r.add(
      "timm.cosine_lr_scheduler",
      "timm CosineLRScheduler: cosine cycles from base_lr·cycle_decay^i to lr_min, optional "
      "warmup",
      [](double base_lr, std::int64_t t_initial, double lr_min, double cycle_mul,
         double cycle_decay, std::int64_t cycle_limit, std::int64_t warmup_t, double warmup_lr_init,
         bool warmup_prefix, double k_decay) {
        timm::cosine_lr_scheduler_options o;
        o.k_decay = k_decay;
        return timm::cosine_lr_scheduler(
            base_lr, timm_kinds::with_cycles(o, t_initial, lr_min, cycle_mul, cycle_decay,
                                             cycle_limit, warmup_t, warmup_lr_init, warmup_prefix));
      },
      real("base_lr"), steps("t_initial"), real("lr_min", 0.0), real("cycle_mul", 1.0),
      real("cycle_decay", 1.0), steps("cycle_limit", 1), steps("warmup_t", 0),
      real("warmup_lr_init", 0.0), flag("warmup_prefix", false), real("k_decay", 1.0));
  r.add(
      "timm.poly_lr_scheduler",
      "timm PolyLRScheduler: lr_min + (peak - lr_min)·(1 - (t/T)^k_decay)^power per cycle, "
      "optional warmup",
      [](double base_lr, double power, std::int64_t t_initial, double lr_min, double cycle_mul,
         double cycle_decay, std::int64_t cycle_limit, std::int64_t warmup_t, double warmup_lr_init,
         bool warmup_prefix, double k_decay) {
        timm::poly_lr_scheduler_options o;
        o.power = power;
        o.k_decay = k_decay;
        return timm::poly_lr_scheduler(
            base_lr, timm_kinds::with_cycles(o, t_initial, lr_min, cycle_mul, cycle_decay,
                                             cycle_limit, warmup_t, warmup_lr_init, warmup_prefix));
      },
      real("base_lr"), real("power", 0.5), steps("t_initial"), real("lr_min", 0.0),
      real("cycle_mul", 1.0), real("cycle_decay", 1.0), steps("cycle_limit", 1),
      steps("warmup_t", 0), real("warmup_lr_init", 0.0), flag("warmup_prefix", false),
      real("k_decay", 1.0));
  r.add(
      "timm.tanh_lr_scheduler",
      "timm TanhLRScheduler: lr_min + ½(peak - lr_min)(1 - tanh(lb(1 - r) + ub·r)) per cycle, "
      "optional warmup",
      [](double base_lr, double lb, double ub, std::int64_t t_initial, double lr_min,
         double cycle_mul, double cycle_decay, std::int64_t cycle_limit, std::int64_t warmup_t,
         double warmup_lr_init, bool warmup_prefix) {
        timm::tanh_lr_scheduler_options o;
        o.lb = lb;
        o.ub = ub;
        return timm::tanh_lr_scheduler(
            base_lr, timm_kinds::with_cycles(o, t_initial, lr_min, cycle_mul, cycle_decay,
                                             cycle_limit, warmup_t, warmup_lr_init, warmup_prefix));
      },
      real("base_lr"), real("lb", -7.0), real("ub", 3.0), steps("t_initial"), real("lr_min", 0.0),
      real("cycle_mul", 1.0), real("cycle_decay", 1.0), steps("cycle_limit", 1),
      steps("warmup_t", 0), real("warmup_lr_init", 0.0), flag("warmup_prefix", false));
  r.add(
      "timm.step_lr_scheduler",
      "timm StepLRScheduler: base_lr·decay_rate^floor(t/decay_t), optional warmup",
      [](double base_lr, std::int64_t decay_t, double decay_rate, std::int64_t warmup_t,
         double warmup_lr_init, bool warmup_prefix) {
        return timm::step_lr_scheduler(base_lr, {.decay_t = decay_t,
                                                 .decay_rate = decay_rate,
                                                 .warmup_t = warmup_t,
                                                 .warmup_lr_init = warmup_lr_init,
                                                 .warmup_prefix = warmup_prefix});
      },
      real("base_lr"), steps("decay_t"), real("decay_rate", 1.0), steps("warmup_t", 0),
      real("warmup_lr_init", 0.0), flag("warmup_prefix", true));
  r.add(
      "timm.multi_step_lr_scheduler",
      "timm MultiStepLRScheduler: base_lr·decay_rate^(entries of decay_t <= t + 1), optional "
      "warmup",
      [](double base_lr, std::vector<std::int64_t> decay_t, double decay_rate,
         std::int64_t warmup_t, double warmup_lr_init, bool warmup_prefix) {
        return timm::multi_step_lr_scheduler(base_lr, {.decay_t = std::move(decay_t),
                                                       .decay_rate = decay_rate,
                                                       .warmup_t = warmup_t,
                                                       .warmup_lr_init = warmup_lr_init,
                                                       .warmup_prefix = warmup_prefix});
      },
      real("base_lr"), steps_list("decay_t"), real("decay_rate", 1.0), steps("warmup_t", 0),
      real("warmup_lr_init", 0.0), flag("warmup_prefix", true));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_TIMM_HPP
