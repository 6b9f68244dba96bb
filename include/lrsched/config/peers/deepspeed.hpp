// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/deepspeed.hpp
/// @brief The canonical JSON kinds of the DeepSpeed-faithful schedules
/// (`lrsched/peers/deepspeed.hpp`): `"deepspeed.<class>"` with DeepSpeed's parameter names
/// and defaults (the peak LRs are always explicit, as in the C++ constructors).
#ifndef LRSCHED_CONFIG_PEERS_DEEPSPEED_HPP
#define LRSCHED_CONFIG_PEERS_DEEPSPEED_HPP

#include <cstdint>
#include <optional>

#include <lrsched/config/registry.hpp>
#include <lrsched/peers/deepspeed.hpp>

namespace lrsched::detail::config {

inline void add_deepspeed_kinds(kind_registry& r) {
  namespace ds = lrsched::deepspeed;
  const auto warmup_type = [] {
    return choice("warmup_type", {ds::warmup_shape::log, ds::warmup_shape::linear},
                  ds::warmup_shape::log);
  };
  r.add(
      "deepspeed.warmup_lr",
      "DeepSpeed WarmupLR: warmup_min_lr up to warmup_max_lr (log or linear, one step late), "
      "then hold",
      [](double warmup_min_lr, double warmup_max_lr, std::int64_t warmup_num_steps,
         ds::warmup_shape shape) {
        return ds::warmup_lr(warmup_min_lr, warmup_max_lr, warmup_num_steps, shape);
      },
      real("warmup_min_lr"), real("warmup_max_lr"), steps("warmup_num_steps", 1000), warmup_type());
  r.add(
      "deepspeed.warmup_decay_lr",
      "DeepSpeed WarmupDecayLR: WarmupLR's warmup, then linear back to warmup_min_lr at "
      "total_num_steps",
      [](std::int64_t total_num_steps, double warmup_min_lr, double warmup_max_lr,
         std::int64_t warmup_num_steps, ds::warmup_shape shape) {
        return ds::warmup_decay_lr(total_num_steps, warmup_min_lr, warmup_max_lr, warmup_num_steps,
                                   shape);
      },
      steps("total_num_steps"), real("warmup_min_lr"), real("warmup_max_lr"),
      steps("warmup_num_steps", 1000), warmup_type());
  r.add(
      "deepspeed.warmup_cosine_lr",
      "DeepSpeed WarmupCosineLR: warmup_min_ratio·base_lr up to base_lr, then a cosine to "
      "cos_min_ratio·base_lr at total_num_steps (unclamped)",
      [](double base_lr, std::int64_t total_num_steps, double warmup_min_ratio,
         std::int64_t warmup_num_steps, double cos_min_ratio, ds::warmup_shape shape) {
        return ds::warmup_cosine_lr(base_lr, total_num_steps, warmup_min_ratio, warmup_num_steps,
                                    cos_min_ratio, shape);
      },
      real("base_lr"), steps("total_num_steps"), real("warmup_min_ratio", 0.0),
      steps("warmup_num_steps", 1000), real("cos_min_ratio", 0.0001), warmup_type());
  r.add(
      "deepspeed.one_cycle",
      "DeepSpeed OneCycle (learning rate): up over the first step size, down over the second, "
      "then an inverse-time decay",
      [](double cycle_min_lr, double cycle_max_lr, double decay_lr_rate,
         std::int64_t cycle_first_step_size, std::optional<std::int64_t> cycle_second_step_size,
         std::int64_t cycle_first_stair_count, std::optional<std::int64_t> cycle_second_stair_count,
         std::int64_t decay_step_size) {
        return ds::one_cycle(cycle_min_lr, cycle_max_lr,
                             {.decay_lr_rate = decay_lr_rate,
                              .cycle_first_step_size = cycle_first_step_size,
                              .cycle_second_step_size = cycle_second_step_size,
                              .cycle_first_stair_count = cycle_first_stair_count,
                              .cycle_second_stair_count = cycle_second_stair_count,
                              .decay_step_size = decay_step_size});
      },
      real("cycle_min_lr"), real("cycle_max_lr"), real("decay_lr_rate", 0.0),
      steps("cycle_first_step_size", 2000), optional_steps("cycle_second_step_size"),
      steps("cycle_first_stair_count", 0), optional_steps("cycle_second_stair_count"),
      steps("decay_step_size", 0));
  r.add(
      "deepspeed.lr_range_test",
      "DeepSpeed LRRangeTest: lr_range_test_min_lr·(1 + rate·t/size), continuous or staircase",
      [](double min_lr, std::int64_t step_size, double step_rate, bool staircase) {
        return ds::lr_range_test(min_lr, step_size, step_rate, staircase);
      },
      real("lr_range_test_min_lr", 1e-3), steps("lr_range_test_step_size", 2000),
      real("lr_range_test_step_rate", 1.0), flag("lr_range_test_staircase", false));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_DEEPSPEED_HPP
