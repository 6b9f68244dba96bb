// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/pytorch.hpp
/// @brief PyTorch's `torch.optim.lr_scheduler`, reproduced step for step.
///
/// Each function is named after the PyTorch class it reproduces (`StepLR` is
/// `pytorch::step_lr`) and takes the class's own parameters, plus `base_lr`:
/// the learning rate the optimizer was built with (PyTorch's `initial_lr`).
/// `s(t)` is `optimizer.param_groups[0]['lr']` after `t` calls of
/// `scheduler.step()` on a fresh scheduler, as PyTorch 1.13 computes it with
/// its recursive ("chainable") updates; `s(0)` is the value the constructor
/// sets. The recursive updates and PyTorch's documented closed forms agree to
/// rounding (a few ulps); lrsched evaluates the closed form of the observed
/// behaviour, so there is no drift, and keeps the observed behaviour where the
/// two differ by more than rounding (each function says where).
///
/// Every function returns a native composition wrapped as a peer schedule: it
/// evaluates and sums as that composition does (closed-form sums where the
/// composition has them) and describes itself as `"pytorch.<function>"` with
/// PyTorch's parameter names. Schedulers that scale the optimizer's LR by a
/// factor (`constant_lr`, `linear_lr`, `step_lr`, ...) are `base_lr × factor`,
/// so `chained_scheduler` can multiply their factors as PyTorch composes them.
///
/// `ReduceLROnPlateau` watches a metric: see `lrsched/plateau.hpp`.
/// `LambdaLR` and `MultiplicativeLR` take Python callables: `lambda_lr` takes
/// the equivalent factor schedule; `MultiplicativeLR` with a constant factor
/// `f` is `exponential(base_lr, f)`.
#ifndef LRSCHED_PEERS_PYTORCH_HPP
#define LRSCHED_PEERS_PYTORCH_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/cyclic.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/one_cycle.hpp>
#include <lrsched/peers/detail/boundaries.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/peers/detail/pytorch.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>

namespace lrsched::pytorch {

/// @brief A PyTorch scheduler that multiplies the optimizer's LR by a factor:
/// `base_lr × factor(t)`, described as the PyTorch class.
template <Schedule Factor>
using factor_schedule = detail::peer_schedule<scaled<Factor>>;

/// @brief PyTorch `ConstantLR`: `base_lr · factor` for the first `total_iters`
/// steps, then `base_lr`.
///
/// Differs from native lrsched: nothing for `total_iters > 0` (the switch is at
/// step `total_iters`, as a chain puts it). With `total_iters == 0` PyTorch
/// applies the factor at construction and never removes it (its recursive update
/// only undoes the factor at step `total_iters`, which has already passed), so
/// the LR stays `base_lr · factor` forever; this is reproduced. With `factor == 0`
/// and `total_iters >= 1` PyTorch raises ZeroDivisionError at step `total_iters`
/// (it multiplies by 1/factor); lrsched rejects it. Native: `base_lr × chain(for_steps(total_iters,
/// constant(factor)), constant(1))`. Sum: closed form.
/// @param base_lr the optimizer's LR (PyTorch's `initial_lr`); finite.
/// @param factor in [0, 1] (PyTorch's own check), > 0 when total_iters >= 1; default 1/3.
/// @param total_iters >= 0; default 5.
[[nodiscard]] inline auto constant_lr(double base_lr, double factor = 1.0 / 3,
                                      std::int64_t total_iters = 5) {
  constexpr std::string_view name = "pytorch.constant_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::pytorch::require_unit_interval(name, "factor", factor, true);
  detail::require_steps(name, "total_iters", total_iters);
  if (factor == 0.0 && total_iters > 0) {
    detail::reject(name, "factor", "> 0 when total_iters >= 1 (PyTorch divides by zero)", factor);
  }
  const double after = total_iters == 0 ? factor : 1.0;
  return detail::pytorch::as_factor(
      chain(for_steps(total_iters, constant(factor)), constant(after)), base_lr,
      description{std::string(name)}
          .with("base_lr", base_lr)
          .with("factor", factor)
          .with("total_iters", total_iters));
}

/// @brief PyTorch `LinearLR`: the factor moves linearly from `start_factor` at
/// step 0 to `end_factor` at step `total_iters`, then holds.
///
/// Differs from native lrsched: with `total_iters == 0` PyTorch applies
/// `start_factor` at construction and its recursive update never runs, so the
/// LR stays `base_lr · start_factor` forever (native `linear` with 0 steps is
/// its end value); this is reproduced. PyTorch 1.13 accepts `start_factor == 0`
/// and then divides by zero at the first step when `total_iters >= 1`; lrsched
/// rejects that (with `total_iters == 0` the LR is 0 forever, reproduced). Native:
/// `base_lr × linear(start_factor, end_factor, total_iters)`. Sum: arithmetic
/// series.
/// @param base_lr the optimizer's LR; finite.
/// @param start_factor in [0, 1], > 0 when total_iters >= 1; default 1/3.
/// @param end_factor in [0, 1]; default 1.
/// @param total_iters >= 0; default 5.
[[nodiscard]] inline auto linear_lr(double base_lr, double start_factor = 1.0 / 3,
                                    double end_factor = 1.0, std::int64_t total_iters = 5) {
  constexpr std::string_view name = "pytorch.linear_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::pytorch::require_unit_interval(name, "start_factor", start_factor, true);
  detail::pytorch::require_unit_interval(name, "end_factor", end_factor, true);
  detail::require_steps(name, "total_iters", total_iters);
  if (start_factor == 0.0 && total_iters > 0) {
    detail::reject(name, "start_factor", "> 0 when total_iters >= 1 (PyTorch divides by zero)",
                   start_factor);
  }
  const double end = total_iters == 0 ? start_factor : end_factor;
  return detail::pytorch::as_factor(linear(start_factor, end, total_iters), base_lr,
                                    description{std::string(name)}
                                        .with("base_lr", base_lr)
                                        .with("start_factor", start_factor)
                                        .with("end_factor", end_factor)
                                        .with("total_iters", total_iters));
}

/// @brief PyTorch `StepLR`: `base_lr · gamma^⌊t / step_size⌋`.
///
/// Same semantics as native `step_decay` (the drop happens AT step k·step_size).
/// PyTorch multiplies the current LR by `gamma` at each drop; lrsched evaluates
/// the power directly (agreeing to a few ulps, without drift). lrsched requires
/// `step_size >= 1` (PyTorch divides by it) and `gamma >= 0`; a `gamma > 1` grows
/// as in PyTorch (native `step_decay` rejects it) and reaches infinity where
/// `gamma^⌊t / step_size⌋` overflows (PyTorch's product overflows where
/// `base_lr · gamma^k` does). Native: `base_lr × step_decay(1, step_size, gamma)`.
/// Sum: the whole blocks as a geometric series.
/// @param base_lr the optimizer's LR; finite.
/// @param step_size steps between drops; >= 1.
/// @param gamma the factor per drop, finite and >= 0; default 0.1.
[[nodiscard]] inline auto step_lr(double base_lr, std::int64_t step_size, double gamma = 0.1) {
  constexpr std::string_view name = "pytorch.step_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::require_positive_steps(name, "step_size", step_size);
  detail::require_nonnegative(name, "gamma", gamma);
  return detail::pytorch::as_factor(step_decay::growing(1.0, step_size, gamma), base_lr,
                                    description{std::string(name)}
                                        .with("base_lr", base_lr)
                                        .with("step_size", step_size)
                                        .with("gamma", gamma));
}

/// @brief PyTorch `MultiStepLR`: `base_lr · gamma^(number of milestones <= t)`.
///
/// Same semantics as native `multistep`: the drop happens AT each milestone, and
/// a milestone listed twice drops by gamma² (PyTorch keeps a Counter). PyTorch
/// accepts the milestones in any order (so does lrsched: they are sorted);
/// lrsched rejects negative ones (PyTorch's recursive update never reaches them,
/// while its closed form counts them). Native: `base_lr × multistep(1,
/// milestones, gamma)`. Sum: per block.
/// @param base_lr the optimizer's LR; finite.
/// @param milestones steps where the LR drops, each >= 0.
/// @param gamma the factor per drop, >= 0; default 0.1.
[[nodiscard]] inline auto multi_step_lr(double base_lr, std::vector<std::int64_t> milestones,
                                        double gamma = 0.1) {
  constexpr std::string_view name = "pytorch.multi_step_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    if (milestones[i] < 0) {
      detail::reject(name, "milestones[" + detail::format_number(std::int64_t(i)) + "]", ">= 0",
                     milestones[i]);
    }
  }
  detail::require_nonnegative(name, "gamma", gamma);
  auto peer = description{std::string(name)}
                  .with("base_lr", base_lr)
                  .with("milestones", milestones)
                  .with("gamma", gamma);
  std::sort(milestones.begin(), milestones.end());
  return detail::pytorch::as_factor(multistep(1.0, std::move(milestones), gamma), base_lr,
                                    std::move(peer));
}

/// @brief PyTorch `ExponentialLR`: `base_lr · gamma^t`.
///
/// Same semantics as native `exponential(base_lr, gamma)`; PyTorch multiplies by
/// `gamma` at every step, lrsched evaluates the power (no drift). A `gamma > 1`
/// grows as in PyTorch; the factor `gamma^t` is capped at the largest double
/// (native `exponential` needs that ceiling), which only matters where PyTorch's
/// LR is itself beyond ~1e308 · min(1, base_lr). lrsched requires `gamma > 0`
/// (PyTorch's `gamma == 0` gives 0 from step 1 on; native `exponential` has no
/// such rate). Sum: geometric series.
/// @param base_lr the optimizer's LR; finite.
/// @param gamma the factor per step, finite and > 0.
[[nodiscard]] inline auto exponential_lr(double base_lr, double gamma) {
  constexpr std::string_view name = "pytorch.exponential_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::require_positive(name, "gamma", gamma);
  return detail::pytorch::as_factor(
      gamma > 1.0 ? exponential(1.0, gamma, 1, {.end_value = std::numeric_limits<double>::max()})
                  : exponential(1.0, gamma),
      base_lr, description{std::string(name)}.with("base_lr", base_lr).with("gamma", gamma));
}

/// @brief PyTorch `PolynomialLR`: `base_lr · (1 − min(t, total_iters)/total_iters)^power`.
///
/// Same semantics as native `polynomial` (reaching 0 at `total_iters`, then
/// holding it); PyTorch multiplies by the ratio of consecutive factors, lrsched
/// evaluates the power (agreeing to a few ulps). With `total_iters == 0` PyTorch
/// never changes the LR (its closed form would divide by zero): `base_lr`
/// forever, reproduced. With `power == 0` PyTorch's factor at `total_iters` is
/// `0.0 ** 0 == 1`: `base_lr` forever, reproduced (native `polynomial` with power 0
/// steps down to its end value at `steps`). lrsched requires `power >= 0`. Native:
/// `base_lr × polynomial(1, 0, total_iters, power)`. Sum: power sums (Faulhaber for an
/// integer power).
/// @param base_lr the optimizer's LR; finite.
/// @param total_iters >= 0; default 5.
/// @param power >= 0; default 1.
[[nodiscard]] inline auto polynomial_lr(double base_lr, std::int64_t total_iters = 5,
                                        double power = 1.0) {
  constexpr std::string_view name = "pytorch.polynomial_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::require_steps(name, "total_iters", total_iters);
  detail::require_nonnegative(name, "power", power);
  const bool holds = total_iters == 0 || power == 0.0;
  return detail::pytorch::as_factor(polynomial(1.0, holds ? 1.0 : 0.0, total_iters, power), base_lr,
                                    description{std::string(name)}
                                        .with("base_lr", base_lr)
                                        .with("total_iters", total_iters)
                                        .with("power", power));
}

/// @brief PyTorch `CosineAnnealingLR`: `eta_min + (base_lr − eta_min)·(1 +
/// cos(π·t / T_max)) / 2` at EVERY step.
///
/// Differs from native lrsched past the end: PyTorch does not hold `eta_min`
/// after `T_max` steps; the cosine goes back up, reaching `base_lr` again at
/// 2·T_max, with period 2·T_max (its recursive update keeps following the same
/// curve). This is reproduced. For the native "decay, then hold" use
/// `cosine(base_lr, eta_min, T_max)`. Native: `repeat(chain(cosine(base_lr,
/// eta_min, T_max), cosine(eta_min, base_lr, T_max)), 2·T_max)`. lrsched requires
/// `T_max >= 1` (PyTorch divides by it). Sum: closed form per half period, O(1).
/// Near `eta_min` lrsched's cosine keeps full relative precision where PyTorch's
/// `1 + cos(x)` cancels, so the two differ there by PyTorch's rounding (~1e-16
/// of `base_lr − eta_min`).
/// @param base_lr the optimizer's LR, the top of the curve; finite.
/// @param T_max half the period; >= 1.
/// @param eta_min the bottom of the curve; finite; default 0.
[[nodiscard]] inline auto cosine_annealing_lr(double base_lr, std::int64_t T_max,
                                              double eta_min = 0.0) {
  constexpr std::string_view name = "pytorch.cosine_annealing_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::require_positive_steps(name, "T_max", T_max);
  detail::require_finite(name, "eta_min", eta_min);
  if (T_max > std::numeric_limits<std::int64_t>::max() / 2) {
    detail::reject(name, "T_max", "<= 2^62 (the period 2·T_max must fit in int64)", T_max);
  }
  return detail::as_peer(detail::make_cosine_wave(base_lr, eta_min, T_max),
                         description{std::string(name)}
                             .with("base_lr", base_lr)
                             .with("T_max", T_max)
                             .with("eta_min", eta_min));
}

/// @brief PyTorch `CosineAnnealingWarmRestarts`: cycle i lasts T_0·T_mult^i steps and
/// falls as `eta_min + (base_lr − eta_min)·(1 + cos(π·T_cur/T_i))/2`, restarting at
/// `base_lr`.
///
/// Same semantics as native `cosine_restarts(base_lr, T_0, {.floor_value = eta_min,
/// .period_multiplier = T_mult})` (integer cycle boundaries, exact). PyTorch's own
/// checks: `T_0 >= 1` and an integer `T_mult >= 1`. Sum: closed form per cycle,
/// O(cycles).
/// @param base_lr the optimizer's LR, each cycle's top; finite.
/// @param T_0 the first cycle's length; >= 1.
/// @param T_mult each cycle's length over the previous one's; >= 1; default 1.
/// @param eta_min the floor; finite; default 0.
[[nodiscard]] inline auto cosine_annealing_warm_restarts(double base_lr, std::int64_t T_0,
                                                         std::int64_t T_mult = 1,
                                                         double eta_min = 0.0) {
  constexpr std::string_view name = "pytorch.cosine_annealing_warm_restarts";
  detail::pytorch::require_base_lr(name, base_lr);
  detail::require_positive_steps(name, "T_0", T_0);
  detail::require_positive_steps(name, "T_mult", T_mult);
  detail::require_finite(name, "eta_min", eta_min);
  return detail::as_peer(
      cosine_restarts(base_lr, T_0,
                      {.floor_value = eta_min, .period_multiplier = static_cast<double>(T_mult)}),
      description{std::string(name)}
          .with("base_lr", base_lr)
          .with("T_0", T_0)
          .with("T_mult", T_mult)
          .with("eta_min", eta_min));
}

/// @brief PyTorch `OneCycleLR` (its learning rate; momentum cycling is not part of a
/// schedule): from max_lr/div_factor up to `max_lr`, (three_phase: back down to
/// max_lr/div_factor,) then down to that over final_div_factor.
///
/// Same semantics as native `one_cycle`, which places the phase ends where PyTorch
/// does: at the real steps pct_start·T − 1 (the peak), 2·pct_start·T − 2 (three
/// phases) and T − 1, T = total_steps, each step's fraction measured from the previous
/// end even when it falls between steps; so the peak is at pct_start·T − 1, where
/// optax's one-cycle peaks at ⌊pct_start·T⌋. Past the end: PyTorch accepts one more
/// step (t = T, continuing the last curve past its end) and raises after; lrsched
/// holds the value of step T − 1 from T − 1 on. With pct_start·T = 1 PyTorch divides
/// by zero at step 0 (its constructor raises); lrsched rejects it. lrsched's cosine keeps full
/// relative precision near min, where PyTorch's `1 + cos(x)` cancels (they differ
/// there by ~1e-16 of max_lr). Sum: closed form per phase, O(1).
/// @param max_lr the peak; finite.
/// @param total_steps T, >= 1 (PyTorch's own check); its `epochs × steps_per_epoch`
///        form is the same with T = epochs · steps_per_epoch.
/// @param pct_start the fraction of T spent rising, in [0, 1]; default 0.3.
/// @param anneal_strategy "cos" or "linear"; default "cos".
/// @param div_factor initial = max_lr / div_factor; > 0; default 25.
/// @param final_div_factor min = initial / final_div_factor; > 0; default 1e4.
/// @param three_phase rise, fall back to the initial value, then decay to min.
[[nodiscard]] inline auto one_cycle_lr(double max_lr, std::int64_t total_steps,
                                       double pct_start = 0.3,
                                       std::string_view anneal_strategy = "cos",
                                       double div_factor = 25.0, double final_div_factor = 1e4,
                                       bool three_phase = false) {
  constexpr std::string_view name = "pytorch.one_cycle_lr";
  detail::require_finite(name, "max_lr", max_lr);
  detail::require_positive_steps(name, "total_steps", total_steps);
  if (!(pct_start >= 0.0 && pct_start <= 1.0)) {
    detail::reject(name, "pct_start", "in [0, 1]", pct_start);
  }
  if (pct_start * static_cast<double>(total_steps) == 1.0) {
    detail::reject(name, "pct_start",
                   "other than 1 / total_steps (PyTorch divides by zero at step 0)", pct_start);
  }
  const auto anneal = one_cycle_anneal_from_string(anneal_strategy);
  if (!anneal) {
    detail::raise_invalid("anneal_strategy", std::string(name) +
                                                 ": anneal_strategy must be \"cos\" or "
                                                 "\"linear\", got \"" +
                                                 std::string(anneal_strategy) + "\"");
  }
  detail::require_positive(name, "div_factor", div_factor);
  detail::require_positive(name, "final_div_factor", final_div_factor);
  return detail::as_peer(one_cycle(max_lr, total_steps,
                                   {.pct_start = pct_start,
                                    .anneal_strategy = *anneal,
                                    .div_factor = div_factor,
                                    .final_div_factor = final_div_factor,
                                    .three_phase = three_phase}),
                         description{std::string(name)}
                             .with("max_lr", max_lr)
                             .with("total_steps", total_steps)
                             .with("pct_start", pct_start)
                             .with("anneal_strategy", std::string(anneal_strategy))
                             .with("div_factor", div_factor)
                             .with("final_div_factor", final_div_factor)
                             .with("three_phase", three_phase));
}

/// @brief PyTorch `CyclicLR` (its learning rate; momentum cycling is not part of a
/// schedule): triangles between `base_lr` and `max_lr`, rising for `step_size_up`
/// steps and falling for `step_size_down` (= `step_size_up` when not given).
///
/// Same semantics as native `cyclic`: mode "triangular" keeps the amplitude,
/// "triangular2" halves it every cycle, "exp_range" scales it by gamma^t. CyclicLR's
/// `base_lr` is its own parameter: it overwrites the optimizer's LR at construction.
/// PyTorch locates step t in its cycle as 1 + t/T − ⌊1 + t/T⌋ in floating point; native
/// `cyclic` uses the exact integer position, so they agree to PyTorch's rounding. A
/// custom `scale_fn` is not a parameter: multiply a triangular cycle by a schedule
/// instead. PyTorch reads `gamma` only in mode "exp_range", so only there lrsched
/// requires `0 < gamma <= 1` (a growing or vanishing amplitude, which PyTorch
/// accepts, is refused); the other modes ignore it, as PyTorch does. PyTorch
/// divides by zero at step 0 when `step_size_up == 0`; lrsched rejects it. Sum:
/// closed form, O(1).
/// @param base_lr the bottom of each cycle; finite.
/// @param max_lr the top of the first cycle; finite.
/// @param step_size_up steps rising; default 2000.
/// @param step_size_down steps falling; default `step_size_up`.
/// @param mode "triangular", "triangular2" or "exp_range"; default "triangular".
/// @param gamma exp_range's factor per step; default 1.
[[nodiscard]] inline auto cyclic_lr(double base_lr, double max_lr, std::int64_t step_size_up = 2000,
                                    std::optional<std::int64_t> step_size_down = std::nullopt,
                                    std::string_view mode = "triangular", double gamma = 1.0) {
  constexpr std::string_view name = "pytorch.cyclic_lr";
  detail::require_finite(name, "base_lr", base_lr);
  detail::require_finite(name, "max_lr", max_lr);
  if (step_size_up < 1) {
    detail::reject(name, "step_size_up", ">= 1 (PyTorch divides by zero at step 0)", step_size_up);
  }
  const std::int64_t down = step_size_down.value_or(step_size_up);
  detail::require_steps(name, "step_size_down", down);
  const auto shape = cyclic_mode_from_string(mode);
  if (!shape) {
    detail::raise_invalid("mode", std::string(name) +
                                      ": mode must be \"triangular\", \"triangular2\" or "
                                      "\"exp_range\", got \"" +
                                      std::string(mode) + "\"");
  }
  const bool exp_range = *shape == cyclic_mode::exp_range;
  if (exp_range && !(gamma > 0.0 && gamma <= 1.0)) {
    detail::reject(name, "gamma", "in (0, 1] in mode exp_range", gamma);
  }
  detail::require_finite(name, "gamma", gamma);
  auto peer = description{std::string(name)}
                  .with("base_lr", base_lr)
                  .with("max_lr", max_lr)
                  .with("step_size_up", step_size_up);
  if (step_size_down) peer.with("step_size_down", *step_size_down);
  peer.with("mode", std::string(mode)).with("gamma", gamma);
  return detail::as_peer(
      cyclic(base_lr, max_lr, step_size_up, down, *shape, exp_range ? gamma : 1.0),
      std::move(peer));
}

/// @brief PyTorch `LambdaLR`: `base_lr × lr_lambda(t)`, with the Python callable
/// written as a factor schedule (`lr_lambda(0)` is the factor at construction).
///
/// Same semantics as native `base_lr * lr_lambda`. Sum: `lr_lambda`'s own, scaled.
/// Not chainable: in a `ChainedScheduler` PyTorch's LambdaLR overwrites the LR.
template <Schedule Factor>
[[nodiscard]] auto lambda_lr(double base_lr, Factor lr_lambda) {
  constexpr std::string_view name = "pytorch.lambda_lr";
  detail::pytorch::require_base_lr(name, base_lr);
  auto peer = description{std::string(name)}
                  .with("base_lr", base_lr)
                  .with_child("lr_lambda", detail::describe(lr_lambda));
  return detail::as_peer(scaled<Factor>(std::move(lr_lambda), base_lr), std::move(peer));
}

/// @brief PyTorch `SequentialLR`: scheduler k plays from `milestones[k−1]`, on
/// its own clock restarted at 0 there.
///
/// PyTorch restarts the next scheduler with `step(0)` at its milestone (its
/// closed form at epoch 0) and steps it recursively from there, which is native
/// `chain` with local steps, except where the schedulers' shared optimizer state
/// shows, which lrsched refuses with the reason: a later `ConstantLR` with
/// `total_iters == 0` (step(0) undoes its factor: PyTorch gives `base_lr` from its
/// milestone on; write factor 1), a later `LinearLR`/`PolynomialLR` with
/// `total_iters == 0` (PyTorch divides by zero), a `OneCycleLR` among several
/// schedulers (it writes its own LRs into the shared param group), a nested
/// `ChainedScheduler` or later `SequentialLR` (PyTorch 1.13 crashes) and a nested
/// `SequentialLR` first (PyTorch steps its first scheduler once more). The schedulers
/// share `base_lr` (one optimizer); a `CyclicLR` first makes its `base_lr` every
/// later scheduler's base, as PyTorch does. PyTorch checks only the number of
/// milestones; lrsched also requires them strictly increasing and >= 1 (other
/// lists make PyTorch's result depend on what the skipped schedulers did to the
/// optimizer). Sum: piece by piece.
/// @param schedulers the pieces, e.g. `std::tuple{pytorch::linear_lr(...), ...}`.
/// @param milestones one fewer than the schedulers.
template <Schedule... S>
[[nodiscard]] auto sequential_lr(std::tuple<S...> schedulers,
                                 const std::array<std::int64_t, sizeof...(S) - 1>& milestones) {
  static_assert(sizeof...(S) >= 2, "SequentialLR needs at least two schedulers");
  constexpr std::string_view name = "pytorch.sequential_lr";
  detail::pytorch::check_sequential_children(detail::describe_all(schedulers));
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const auto entry = "milestones[" + detail::format_number(std::int64_t(i)) + "]";
    const std::int64_t previous = i == 0 ? 0 : milestones[i - 1];
    if (milestones[i] <= previous) {
      detail::reject(name, entry,
                     i == 0 ? std::string(">= 1")
                            : "> milestones[" + detail::format_number(std::int64_t(i - 1)) +
                                  "] = " + detail::format_number(previous),
                     milestones[i]);
    }
  }
  auto peer =
      description{std::string(name)}
          .with("milestones", std::vector<std::int64_t>(milestones.begin(), milestones.end()))
          .with_children("schedulers", detail::describe_all(schedulers));
  return detail::as_peer(detail::chain_from_boundaries(std::move(schedulers), milestones),
                         std::move(peer));
}

/// @brief PyTorch `ChainedScheduler`: every scheduler steps in turn on the same
/// optimizer, so their factors multiply: `base_lr × Π factor_k(t)`.
///
/// PyTorch 1.13's constructor does not step: the LR at step 0 is what the
/// schedulers' own constructors left, the product of their factors at 0, and
/// each `step()` multiplies the LR by every scheduler's ratio factor(t) /
/// factor(t − 1). That is the product of the factors, which is what lrsched
/// evaluates. Only multiplicative schedulers compose this way (`step_lr`,
/// `multi_step_lr`, `constant_lr`, `linear_lr`, `exponential_lr`,
/// `polynomial_lr`, and chained schedulers of them); the others overwrite the LR
/// in PyTorch and are rejected. All must share `base_lr`. Sum: a product of
/// general shapes has no closed form, so it sums by compensated summation,
/// O(steps).
template <Schedule... F>
[[nodiscard]] auto chained_scheduler(factor_schedule<F>... schedulers) {
  static_assert(sizeof...(F) >= 1, "ChainedScheduler needs at least one scheduler");
  constexpr std::string_view name = "pytorch.chained_scheduler";
  std::vector<description> children{schedulers.describe()...};
  const double bases[] = {schedulers.native().factor()...};
  for (std::size_t i = 0; i < children.size(); ++i) {
    const auto entry = "schedulers[" + detail::format_number(std::int64_t(i)) + "]";
    if (!detail::pytorch::is_chainable(children[i].kind)) {
      detail::raise_invalid(entry, std::string(name) + ": " + entry +
                                       " must be a multiplicative "
                                       "scheduler (step_lr, multi_step_lr, constant_lr, "
                                       "linear_lr, exponential_lr, polynomial_lr), got " +
                                       children[i].kind);
    }
    if (bases[i] != bases[0]) {
      detail::reject(name, entry + ".base_lr",
                     "the base_lr of schedulers[0] (" + detail::format_number(bases[0]) + ")",
                     bases[i]);
    }
  }
  return detail::pytorch::as_factor(detail::pytorch::fold_product(schedulers.native().inner()...),
                                    bases[0],
                                    description{std::string(name)}
                                        .with("base_lr", bases[0])
                                        .with_children("schedulers", std::move(children)));
}

}  // namespace lrsched::pytorch

#endif  // LRSCHED_PEERS_PYTORCH_HPP
