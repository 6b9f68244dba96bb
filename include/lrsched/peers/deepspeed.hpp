// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/deepspeed.hpp
/// @brief DeepSpeed's learning-rate schedules (`deepspeed/runtime/lr_schedules.py`:
/// WarmupLR, WarmupDecayLR, WarmupCosineLR, OneCycle, LRRangeTest), reproduced step for step.
///
/// Step `t` is the optimizer's learning rate after `t` calls of `scheduler.step()` on a fresh
/// scheduler, which is what a DeepSpeed engine trains update `t` with. DeepSpeed's
/// constructor writes the value for `last_batch_iteration = -1` and every `step()` first
/// advances the counter, so update `t` runs the schedule's formula at `t − 1`: the one-step
/// lag DeepSpeed users get, built here as a native `shift` by one step wherever the formula
/// at −1 equals the formula at 0. The values were checked against DeepSpeed 0.16.5.
///
/// Each constructor takes DeepSpeed's own parameter names and defaults, except that the peak
/// learning rate is always explicit: DeepSpeed's `WarmupLR` falls back to the optimizer's
/// LR and `WarmupDecayLR` to 0.001 when `warmup_max_lr` is missing, a default that has
/// silently replaced users' peaks.
#ifndef LRSCHED_PEERS_DEEPSPEED_HPP
#define LRSCHED_PEERS_DEEPSPEED_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/deepspeed.hpp>
#include <lrsched/peers/detail/peer.hpp>

namespace lrsched::deepspeed {

/// @brief The values of DeepSpeed's `warmup_type`: how the warmup rises.
enum class warmup_shape {
  log,    ///< "log": min + (max − min)·ln(i + 1)/ln(warmup_num_steps)
  linear  ///< "linear": min + (max − min)·i/warmup_num_steps
};

/// @brief DeepSpeed's spelling of a warmup type ("log", "linear").
inline constexpr std::string_view warmup_shape_names[] = {"log", "linear"};
[[nodiscard]] constexpr std::string_view to_string(warmup_shape shape) noexcept {
  return detail::enum_name(shape, warmup_shape_names);
}

/// @brief The warmup type DeepSpeed spells `name`, or nullopt (DeepSpeed itself warns and
/// falls back to "log"; a loader should report the name instead).
[[nodiscard]] constexpr std::optional<warmup_shape> parse_warmup_type(
    std::string_view name) noexcept {
  return detail::enum_from_name<warmup_shape>(name, warmup_shape_names);
}

/// @brief `OneCycle`'s optional arguments (DeepSpeed's names and defaults).
struct one_cycle_options {
  double decay_lr_rate = 0.0;                 ///< after the cycle: min/(1 + rate·k/size); >= 0
  std::int64_t cycle_first_step_size = 2000;  ///< steps up, >= 1
  std::optional<std::int64_t> cycle_second_step_size = std::nullopt;  ///< steps down (first)
  std::int64_t cycle_first_stair_count = 0;  ///< recorded; no effect in DeepSpeed 0.16.5
  std::optional<std::int64_t> cycle_second_stair_count = std::nullopt;  ///< likewise
  std::int64_t decay_step_size = 0;  ///< the decay's time scale; 0: no decay
};

/// @brief DeepSpeed `WarmupLR`: from `warmup_min_lr` up to `warmup_max_lr` over
/// `warmup_num_steps`, then hold.
///
/// lr(0) = lr(1) = warmup_min_lr (the one-step lag); for 1 <= t <= W, "log":
/// min + (max − min)·ln(t)/ln(W), "linear": min + (max − min)·(t − 1)/W; then the peak.
/// W = max(2, warmup_num_steps), as DeepSpeed raises shorter warmups. Differs from a native
/// warmup in the lag: the linear ramp reaches the peak at t = W + 1, not at W. The
/// optimizer's own LR is not used. Built as `shift(ramp, 1)`; sums in closed form.
/// @param warmup_min_lr the LR at updates 0 and 1; finite.
/// @param warmup_max_lr the peak; finite. DeepSpeed's default is the optimizer's LR: pass it.
/// @param warmup_num_steps >= 0; below 2 it counts as 2.
/// @param warmup_type `log` (DeepSpeed's default) or `linear`.
inline auto warmup_lr(double warmup_min_lr, double warmup_max_lr,
                      std::int64_t warmup_num_steps = 1000,
                      warmup_shape warmup_type = warmup_shape::log) {
  const std::string kind = detail::deepspeed::kind("warmup_lr");
  detail::require_finite(kind, "warmup_min_lr", warmup_min_lr);
  detail::require_finite(kind, "warmup_max_lr", warmup_max_lr);
  const std::int64_t steps = detail::deepspeed::effective_warmup(kind, warmup_num_steps);
  return detail::as_peer(
      lrsched::shift(detail::deepspeed::make_warmup_ramp(warmup_type == warmup_shape::log,
                                                         warmup_min_lr, warmup_max_lr, steps),
                     1),
      description{kind}
          .with("warmup_min_lr", warmup_min_lr)
          .with("warmup_max_lr", warmup_max_lr)
          .with("warmup_num_steps", warmup_num_steps)
          .with("warmup_type", std::string(to_string(warmup_type))));
}

/// @brief DeepSpeed `WarmupDecayLR`: `WarmupLR`'s warmup, then a linear decay back to
/// `warmup_min_lr` at `total_num_steps`, then hold `warmup_min_lr`.
///
/// With the one-step lag: lr(t) = WarmupLR(t) for t <= W, then
/// min + (max − min)·(T − t + 1)/(T − W) for W < t <= T + 1, then min. The decay counts
/// from the warmup's end and reaches `warmup_min_lr` at t = T + 1 (one step late, like
/// everything in DeepSpeed). `total_num_steps` <= W skips the decay: DeepSpeed then drops
/// straight to the minimum. Built as `shift(chain(ramp, linear), 1)`; sums in closed form.
/// @param total_num_steps the step the decay ends (before the lag), >= 0.
/// @param warmup_min_lr start and end value; finite. (DeepSpeed's default: 0.)
/// @param warmup_max_lr the peak; finite. (DeepSpeed's default, 0.001, is not assumed.)
inline auto warmup_decay_lr(std::int64_t total_num_steps, double warmup_min_lr,
                            double warmup_max_lr, std::int64_t warmup_num_steps = 1000,
                            warmup_shape warmup_type = warmup_shape::log) {
  const std::string kind = detail::deepspeed::kind("warmup_decay_lr");
  detail::require_steps(kind, "total_num_steps", total_num_steps);
  detail::require_finite(kind, "warmup_min_lr", warmup_min_lr);
  detail::require_finite(kind, "warmup_max_lr", warmup_max_lr);
  const std::int64_t steps = detail::deepspeed::effective_warmup(kind, warmup_num_steps);
  const std::int64_t decay_steps = std::max<std::int64_t>(0, total_num_steps - steps);
  return detail::as_peer(
      lrsched::shift(
          lrsched::chain(detail::deepspeed::make_warmup_ramp(warmup_type == warmup_shape::log,
                                                             warmup_min_lr, warmup_max_lr, steps),
                         lrsched::linear(warmup_max_lr, warmup_min_lr, decay_steps)),
          1),
      description{kind}
          .with("total_num_steps", total_num_steps)
          .with("warmup_min_lr", warmup_min_lr)
          .with("warmup_max_lr", warmup_max_lr)
          .with("warmup_num_steps", warmup_num_steps)
          .with("warmup_type", std::string(to_string(warmup_type))));
}

/// @brief DeepSpeed `WarmupCosineLR`: a warmup from `warmup_min_ratio`·base_lr to base_lr,
/// then a cosine down to `cos_min_ratio`·base_lr at `total_num_steps`, rising again after.
///
/// The one class that scales the optimizer's LR (base_lr). lr(0) = 0 (DeepSpeed's
/// constructor writes 0); for 1 <= t <= W the warmup at t − 1 (the lag), "log":
/// wm + (1 − wm)·ln(t)/ln(W), "linear": wm + (1 − wm)·(t − 1)/W; then for t > W
/// cm + (1 − cm)·½(1 + cos(π·(t − W)/(T − W))): the cosine's first step is already one step
/// in, it reaches the floor at t = T, and DeepSpeed 0.16.5 does not clamp it, so it rises
/// again (later versions hold the floor). W = max(2, warmup_num_steps). Built from the
/// native pieces (`warmup_ramp`, `cosine_wave` advanced by one step); sums in closed form.
/// @param base_lr the optimizer's LR; finite.
/// @param total_num_steps T, != W (DeepSpeed divides by T − W; below W it uses |T − W|).
inline auto warmup_cosine_lr(double base_lr, std::int64_t total_num_steps,
                             double warmup_min_ratio = 0.0, std::int64_t warmup_num_steps = 1000,
                             double cos_min_ratio = 0.0001,
                             warmup_shape warmup_type = warmup_shape::log) {
  const std::string kind = detail::deepspeed::kind("warmup_cosine_lr");
  detail::require_finite(kind, "base_lr", base_lr);
  detail::require_steps(kind, "total_num_steps", total_num_steps);
  detail::require_finite(kind, "warmup_min_ratio", warmup_min_ratio);
  const std::int64_t steps = detail::deepspeed::effective_warmup(kind, warmup_num_steps);
  detail::require_finite(kind, "cos_min_ratio", cos_min_ratio);
  if (total_num_steps == steps) {
    detail::reject(kind, "total_num_steps",
                   "!= max(2, warmup_num_steps) (DeepSpeed divides by their difference)",
                   total_num_steps);
  }
  const std::int64_t half_period =
      total_num_steps > steps ? total_num_steps - steps : steps - total_num_steps;
  return detail::as_peer(
      lrsched::scale(
          lrsched::chain(lrsched::for_steps(1, lrsched::constant(0.0)),
                         lrsched::for_steps(steps, detail::deepspeed::make_warmup_ramp(
                                                       warmup_type == warmup_shape::log,
                                                       warmup_min_ratio, 1.0, steps)),
                         detail::advanced<detail::cosine_wave>(
                             detail::make_cosine_wave(1.0, cos_min_ratio, half_period), 1)),
          base_lr),
      description{kind}
          .with("base_lr", base_lr)
          .with("total_num_steps", total_num_steps)
          .with("warmup_min_ratio", warmup_min_ratio)
          .with("warmup_num_steps", warmup_num_steps)
          .with("cos_min_ratio", cos_min_ratio)
          .with("warmup_type", std::string(to_string(warmup_type))));
}

/// @brief DeepSpeed `OneCycle` (learning rate only): linear from `cycle_min_lr` up to
/// `cycle_max_lr` over the first step size, back down over the second, then an inverse-time
/// decay from `cycle_min_lr`.
///
/// lr(t) = min + (max − min)·t/f1 for t <= f1, max − (max − min)·(t − f1)/f2 up to t = f1 +
/// f2, then min/(1 + decay_lr_rate·(t − f1 − f2)/decay_step_size), or min when either is 0.
/// DeepSpeed's formula runs on the counter plus one, so its one-step lag cancels: this is
/// lr(t) at t itself. The optimizer's own LR is not used; momentum cycling is not an LR
/// and has no counterpart. `cycle_first_stair_count` and `cycle_second_stair_count` are
/// stored by DeepSpeed 0.16.5 without changing the LR, so they are recorded and have no
/// effect here either (later versions quantize the cycle into stairs). Built as
/// `chain(linear, linear, inverse_time)`; sums in closed form.
/// @param cycle_min_lr the start, the end of the cycle and the decay's start; finite.
/// @param cycle_max_lr the peak, at t = f1; finite.
inline auto one_cycle(double cycle_min_lr, double cycle_max_lr,
                      const one_cycle_options& options = {}) {
  const std::string kind = detail::deepspeed::kind("one_cycle");
  detail::require_finite(kind, "cycle_min_lr", cycle_min_lr);
  detail::require_finite(kind, "cycle_max_lr", cycle_max_lr);
  detail::require_nonnegative(kind, "decay_lr_rate", options.decay_lr_rate);
  const std::int64_t up =
      detail::require_positive_steps(kind, "cycle_first_step_size", options.cycle_first_step_size);
  const std::int64_t down = detail::require_steps(kind, "cycle_second_step_size",
                                                  options.cycle_second_step_size.value_or(up));
  detail::require_steps(kind, "cycle_first_stair_count", options.cycle_first_stair_count);
  detail::require_steps(kind, "decay_step_size", options.decay_step_size);
  auto peer = description{kind}
                  .with("cycle_min_lr", cycle_min_lr)
                  .with("cycle_max_lr", cycle_max_lr)
                  .with("decay_lr_rate", options.decay_lr_rate)
                  .with("cycle_first_step_size", up);
  if (options.cycle_second_step_size) peer.with("cycle_second_step_size", down);
  peer.with("cycle_first_stair_count", options.cycle_first_stair_count);
  if (options.cycle_second_stair_count) {
    peer.with("cycle_second_stair_count", detail::require_steps(kind, "cycle_second_stair_count",
                                                                *options.cycle_second_stair_count));
  }
  peer.with("decay_step_size", options.decay_step_size);
  // DeepSpeed skips the decay when either decay_step_size or decay_lr_rate is 0.
  const bool decays = options.decay_step_size != 0 && options.decay_lr_rate != 0.0;
  return detail::as_peer(
      lrsched::chain(lrsched::linear(cycle_min_lr, cycle_max_lr, up),
                     lrsched::for_steps(down, lrsched::linear(cycle_max_lr, cycle_min_lr, down)),
                     lrsched::inverse_time(cycle_min_lr, decays ? options.decay_lr_rate : 0.0,
                                           decays ? options.decay_step_size : 1)),
      std::move(peer));
}

/// @brief DeepSpeed `LRRangeTest`: the LR grows without end from `lr_range_test_min_lr`,
/// by `lr_range_test_step_rate`·min every `lr_range_test_step_size` steps.
///
/// lr(t) = min·(1 + rate·t/size), or min·(1 + rate·⌊t/size⌋) with the staircase. DeepSpeed's
/// one-step lag cancels here (its formula uses the counter plus one), so this is the formula
/// at t itself. Unbounded by design (a range test runs until the loss diverges); values cap
/// at the largest double. Sums in closed form.
inline auto lr_range_test(double lr_range_test_min_lr = 1e-3,
                          std::int64_t lr_range_test_step_size = 2000,
                          double lr_range_test_step_rate = 1.0,
                          bool lr_range_test_staircase = false) {
  const std::string kind = detail::deepspeed::kind("lr_range_test");
  detail::require_nonnegative(kind, "lr_range_test_min_lr", lr_range_test_min_lr);
  detail::require_positive_steps(kind, "lr_range_test_step_size", lr_range_test_step_size);
  detail::require_nonnegative(kind, "lr_range_test_step_rate", lr_range_test_step_rate);
  return detail::as_peer(
      detail::deepspeed::range_test_growth(lr_range_test_min_lr, lr_range_test_step_size,
                                           lr_range_test_step_rate, lr_range_test_staircase),
      description{kind}
          .with("lr_range_test_min_lr", lr_range_test_min_lr)
          .with("lr_range_test_step_size", lr_range_test_step_size)
          .with("lr_range_test_step_rate", lr_range_test_step_rate)
          .with("lr_range_test_staircase", lr_range_test_staircase));
}

}  // namespace lrsched::deepspeed

#endif  // LRSCHED_PEERS_DEEPSPEED_HPP
