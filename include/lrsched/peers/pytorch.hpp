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

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "../chain.hpp"
#include "../compose.hpp"
#include "../concepts.hpp"
#include "../constant.hpp"
#include "../description.hpp"
#include "../detail/blocks.hpp"
#include "../detail/boundaries.hpp"
#include "../detail/numeric.hpp"
#include "../detail/peer.hpp"
#include "../exponential.hpp"
#include "../linear.hpp"

namespace lrsched::pytorch {

/// @brief A PyTorch scheduler that multiplies the optimizer's LR by a factor:
/// `base_lr × factor(t)`, described as the PyTorch class.
template <Schedule Factor>
using factor_schedule = detail::peer_schedule<scaled<Factor>>;

namespace detail {

inline double require_base_lr(std::string_view function, double base_lr) {
  return lrsched::detail::require_finite(function, "base_lr", base_lr);
}

inline double require_unit_interval(std::string_view function, std::string_view parameter,
                                    double value, bool allow_zero) {
  const bool ok = allow_zero ? (value >= 0.0 && value <= 1.0) : (value > 0.0 && value <= 1.0);
  if (!ok)
    lrsched::detail::reject(function, parameter, allow_zero ? "in [0, 1]" : "in (0, 1]", value);
  return value;
}

template <Schedule Factor>
factor_schedule<Factor> as_factor(Factor factor, double base_lr, description peer) {
  return lrsched::detail::as_peer(scaled<Factor>(std::move(factor), base_lr), std::move(peer));
}

// left · right · ..., left to right, as nested `product`s.
template <Schedule Left, Schedule Right, Schedule... Rest>
auto fold_product_onto(Left left, Right right, Rest... rest);
template <Schedule First, Schedule... Rest>
auto fold_product(First first, Rest... rest) {
  if constexpr (sizeof...(Rest) == 0) {
    return first;
  } else {
    return fold_product_onto(std::move(first), std::move(rest)...);
  }
}
template <Schedule Left, Schedule Right, Schedule... Rest>
auto fold_product_onto(Left left, Right right, Rest... rest) {
  return fold_product(multiply(std::move(left), std::move(right)), std::move(rest)...);
}

// The kinds whose PyTorch update multiplies the current LR by a factor, which is
// what ChainedScheduler composes.
inline bool is_chainable(const std::string& kind) {
  static constexpr std::string_view kinds[] = {"pytorch.step_lr",          "pytorch.multi_step_lr",
                                               "pytorch.constant_lr",      "pytorch.linear_lr",
                                               "pytorch.exponential_lr",   "pytorch.polynomial_lr",
                                               "pytorch.chained_scheduler"};
  for (const auto k : kinds) {
    if (kind == k) return true;
  }
  return false;
}

}  // namespace detail

/// @brief PyTorch `ConstantLR`: `base_lr · factor` for the first `total_iters`
/// steps, then `base_lr`.
///
/// Differs from native lrsched: nothing for `total_iters > 0` (the switch is at
/// step `total_iters`, as a chain puts it). With `total_iters == 0` PyTorch
/// applies the factor at construction and never removes it (its recursive update
/// only undoes the factor at step `total_iters`, which has already passed), so
/// the LR stays `base_lr · factor` forever; this is reproduced. With `factor == 0`
/// PyTorch raises ZeroDivisionError at step `total_iters`; lrsched gives `base_lr`
/// there (PyTorch's closed form). Native: `base_lr × chain(for_steps(total_iters,
/// constant(factor)), constant(1))`. Sum: closed form.
/// @param base_lr the optimizer's LR (PyTorch's `initial_lr`); finite.
/// @param factor in [0, 1] (PyTorch's own check); default 1/3.
/// @param total_iters >= 0; default 5.
[[nodiscard]] inline auto constant_lr(double base_lr, double factor = 1.0 / 3,
                                      std::int64_t total_iters = 5) {
  constexpr std::string_view name = "pytorch.constant_lr";
  detail::require_base_lr(name, base_lr);
  detail::require_unit_interval(name, "factor", factor, true);
  lrsched::detail::require_steps(name, "total_iters", total_iters);
  const double after = total_iters == 0 ? factor : 1.0;
  return detail::as_factor(chain(for_steps(total_iters, constant(factor)), constant(after)),
                           base_lr,
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
/// and then divides by zero at the first step; lrsched rejects it. Native:
/// `base_lr × linear(start_factor, end_factor, total_iters)`. Sum: arithmetic
/// series.
/// @param base_lr the optimizer's LR; finite.
/// @param start_factor in (0, 1]; default 1/3.
/// @param end_factor in [0, 1]; default 1.
/// @param total_iters >= 0; default 5.
[[nodiscard]] inline auto linear_lr(double base_lr, double start_factor = 1.0 / 3,
                                    double end_factor = 1.0, std::int64_t total_iters = 5) {
  constexpr std::string_view name = "pytorch.linear_lr";
  detail::require_base_lr(name, base_lr);
  detail::require_unit_interval(name, "start_factor", start_factor, false);
  detail::require_unit_interval(name, "end_factor", end_factor, true);
  lrsched::detail::require_steps(name, "total_iters", total_iters);
  const double end = total_iters == 0 ? start_factor : end_factor;
  return detail::as_factor(linear(start_factor, end, total_iters), base_lr,
                           description{std::string(name)}
                               .with("base_lr", base_lr)
                               .with("start_factor", start_factor)
                               .with("end_factor", end_factor)
                               .with("total_iters", total_iters));
}

/// @brief PyTorch `StepLR`: `base_lr · gamma^⌊t / step_size⌋`.
///
/// Same semantics as native (the drop happens AT step k·step_size). PyTorch
/// multiplies the current LR by `gamma` at each drop; lrsched evaluates the
/// power directly (agreeing to a few ulps, without drift). lrsched requires
/// `step_size >= 1` (PyTorch divides by it) and `0 < gamma <= 1` (a growing
/// step schedule is unbounded). Native: `base_lr × exponential(1, gamma,
/// step_size, {.staircase = true})`. Sum: per block, a geometric series.
/// @param base_lr the optimizer's LR; finite.
/// @param step_size steps between drops; >= 1.
/// @param gamma the factor per drop, in (0, 1]; default 0.1.
[[nodiscard]] inline auto step_lr(double base_lr, std::int64_t step_size, double gamma = 0.1) {
  constexpr std::string_view name = "pytorch.step_lr";
  detail::require_base_lr(name, base_lr);
  lrsched::detail::require_positive_steps(name, "step_size", step_size);
  detail::require_unit_interval(name, "gamma", gamma, false);
  return detail::as_factor(exponential(1.0, gamma, step_size, {.staircase = true}), base_lr,
                           description{std::string(name)}
                               .with("base_lr", base_lr)
                               .with("step_size", step_size)
                               .with("gamma", gamma));
}

/// @brief PyTorch `ExponentialLR`: `base_lr · gamma^t`.
///
/// Same semantics as native `exponential(base_lr, gamma)`; PyTorch multiplies by
/// `gamma` at every step, lrsched evaluates the power (no drift). lrsched
/// requires `0 < gamma <= 1`. Sum: geometric series.
/// @param base_lr the optimizer's LR; finite.
/// @param gamma the factor per step, in (0, 1].
[[nodiscard]] inline auto exponential_lr(double base_lr, double gamma) {
  constexpr std::string_view name = "pytorch.exponential_lr";
  detail::require_base_lr(name, base_lr);
  detail::require_unit_interval(name, "gamma", gamma, false);
  return detail::as_factor(
      exponential(1.0, gamma), base_lr,
      description{std::string(name)}.with("base_lr", base_lr).with("gamma", gamma));
}

/// @brief PyTorch `LambdaLR`: `base_lr × lr_lambda(t)`, with the Python callable
/// written as a factor schedule (`lr_lambda(0)` is the factor at construction).
///
/// Same semantics as native `base_lr * lr_lambda`. Sum: `lr_lambda`'s own, scaled.
/// Not chainable: in a `ChainedScheduler` PyTorch's LambdaLR overwrites the LR.
template <Schedule Factor>
[[nodiscard]] auto lambda_lr(double base_lr, Factor lr_lambda) {
  constexpr std::string_view name = "pytorch.lambda_lr";
  detail::require_base_lr(name, base_lr);
  auto peer = description{std::string(name)}
                  .with("base_lr", base_lr)
                  .with_child("lr_lambda", lrsched::detail::describe(lr_lambda));
  return lrsched::detail::as_peer(scaled<Factor>(std::move(lr_lambda), base_lr), std::move(peer));
}

/// @brief PyTorch `SequentialLR`: scheduler k plays from `milestones[k−1]`, on
/// its own clock restarted at 0 there.
///
/// PyTorch restarts the next scheduler with `step(0)` at its milestone (its
/// closed form at epoch 0, i.e. its initial value) and steps it recursively from
/// there, which is exactly native `chain` with local steps. The schedulers must
/// be built with the same `base_lr` (they share one optimizer in PyTorch).
/// PyTorch checks only the number of milestones; lrsched also requires them
/// strictly increasing and >= 1 (other lists make PyTorch's result depend on
/// what the skipped schedulers did to the optimizer). Sum: piece by piece.
/// @param schedulers the pieces, e.g. `std::tuple{pytorch::linear_lr(...), ...}`.
/// @param milestones one fewer than the schedulers.
template <Schedule... S>
[[nodiscard]] auto sequential_lr(std::tuple<S...> schedulers,
                                 const std::array<std::int64_t, sizeof...(S) - 1>& milestones) {
  static_assert(sizeof...(S) >= 2, "SequentialLR needs at least two schedulers");
  constexpr std::string_view name = "pytorch.sequential_lr";
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const auto entry = "milestones[" + lrsched::detail::format_number(std::int64_t(i)) + "]";
    const std::int64_t previous = i == 0 ? 0 : milestones[i - 1];
    if (milestones[i] <= previous) {
      lrsched::detail::reject(name, entry,
                              i == 0 ? std::string(">= 1")
                                     : "> milestones[" +
                                           lrsched::detail::format_number(std::int64_t(i - 1)) +
                                           "] = " + lrsched::detail::format_number(previous),
                              milestones[i]);
    }
  }
  auto peer =
      description{std::string(name)}
          .with("milestones", std::vector<std::int64_t>(milestones.begin(), milestones.end()))
          .with_children("schedulers", lrsched::detail::describe_all(schedulers));
  return lrsched::detail::as_peer(
      lrsched::detail::chain_from_boundaries(std::move(schedulers), milestones), std::move(peer));
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
    const auto entry = "schedulers[" + lrsched::detail::format_number(std::int64_t(i)) + "]";
    if (!detail::is_chainable(children[i].kind)) {
      throw invalid_schedule(entry, std::string(name) + ": " + entry +
                                        " must be a multiplicative "
                                        "scheduler (step_lr, multi_step_lr, constant_lr, "
                                        "linear_lr, exponential_lr, polynomial_lr), got " +
                                        children[i].kind);
    }
    if (bases[i] != bases[0]) {
      lrsched::detail::reject(
          name, entry + ".base_lr",
          "the base_lr of schedulers[0] (" + lrsched::detail::format_number(bases[0]) + ")",
          bases[i]);
    }
  }
  return detail::as_factor(detail::fold_product(schedulers.native().inner()...), bases[0],
                           description{std::string(name)}
                               .with("base_lr", bases[0])
                               .with_children("schedulers", std::move(children)));
}

}  // namespace lrsched::pytorch

#endif  // LRSCHED_PEERS_PYTORCH_HPP
