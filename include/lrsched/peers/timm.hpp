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
/// Where timm differs from the native semantics (DESIGN.md):
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

#include "../chain.hpp"
#include "../compose.hpp"
#include "../constant.hpp"
#include "../description.hpp"
#include "../detail/blocks.hpp"
#include "../detail/numeric.hpp"
#include "../detail/peer.hpp"
#include "../linear.hpp"
#include "../polynomial.hpp"
#include "../repeat.hpp"
#include "../restarts.hpp"
#include "../step.hpp"
#include "../sum.hpp"
#include "../tanh.hpp"

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

namespace detail {

using lrsched::detail::count;

/// The kind of a timm peer function: "timm.<function>".
inline std::string kind(std::string_view function) {
  return std::string("timm.").append(function);
}

/// The description every timm function starts with: its kind and the optimizer's LR.
inline description base_description(std::string_view function, double base_lr) {
  auto peer = description{kind(function)};
  lrsched::detail::require_finite(peer.kind, "base_lr", base_lr);
  return peer.with("base_lr", base_lr);
}

/// Validates timm's warmup arguments and records them.
inline void warmup_arguments(description& peer, std::int64_t warmup_t, double warmup_lr_init,
                             bool warmup_prefix) {
  lrsched::detail::require_steps(peer.kind, "warmup_t", warmup_t);
  lrsched::detail::require_finite(peer.kind, "warmup_lr_init", warmup_lr_init);
  peer.with("warmup_t", warmup_t)
      .with("warmup_lr_init", warmup_lr_init)
      .with("warmup_prefix", warmup_prefix);
}

/// Validates the cycle arguments timm's Cosine, Poly and Tanh schedulers share, and records
/// them in timm's order.
inline void cycle_arguments(description& peer, std::int64_t t_initial, double lr_min,
                            double cycle_mul, double cycle_decay, std::int64_t cycle_limit) {
  lrsched::detail::require_positive_steps(peer.kind, "t_initial", t_initial);
  lrsched::detail::require_nonnegative(peer.kind, "lr_min", lr_min);
  if (!(std::isfinite(cycle_mul) && cycle_mul >= 1.0)) {
    lrsched::detail::reject(peer.kind, "cycle_mul", "finite and >= 1", cycle_mul);
  }
  if (!(cycle_decay >= 0.0 && cycle_decay <= 1.0)) {
    lrsched::detail::reject(peer.kind, "cycle_decay", "in [0, 1]", cycle_decay);
  }
  lrsched::detail::require_positive_steps(peer.kind, "cycle_limit", cycle_limit);
  peer.with("t_initial", t_initial)
      .with("lr_min", lr_min)
      .with("cycle_mul", cycle_mul)
      .with("cycle_decay", cycle_decay)
      .with("cycle_limit", cycle_limit);
}

/// @brief timm's cycle arithmetic around a shape, with timm's own formulas: cycle i of
/// t_initial·cycle_mul^i steps at peak base_lr·cycle_decay^i, `lr_min` from cycle
/// `cycle_limit` on.
///
/// i = ⌊log(1 − t/T·(1 − mul))/log(mul)⌋, T_i = mul^i·T and t_cur = t − (1 − mul^i)/(1 −
/// mul)·T for mul != 1; i = t div T and t_cur = t − i·T for mul = 1; then
/// `shape(base_lr·cycle_decay^i, t_cur, T_i)`. A dedicated type for the timm options no
/// native piece has: `k_decay` for Poly, cycles whose peaks decay (`cycle_decay`) or whose
/// lengths grow (`cycle_mul`) for Poly and Tanh; the plain cases use `repeat` of the native
/// shape instead. Sum: compensated summation over the steps before the hold (timm's
/// shapes have no closed form with these options), then count × lr_min: O(steps played).
template <class Shape>
class cycles {
 public:
  cycles(double base_lr, std::int64_t t_initial, double lr_min, double cycle_mul,
         double cycle_decay, std::int64_t cycle_limit, Shape shape)
      : base_lr_(base_lr),
        t_initial_(t_initial),
        lr_min_(lr_min),
        cycle_mul_(cycle_mul),
        cycle_decay_(cycle_decay),
        cycle_limit_(cycle_limit),
        shape_(shape) {
    // The first step in cycle_limit or later: timm's cycle index is monotone in t.
    const double guess = cycle_mul == 1.0
                             ? static_cast<double>(t_initial) * static_cast<double>(cycle_limit)
                             : static_cast<double>(t_initial) *
                                   (std::pow(cycle_mul, static_cast<double>(cycle_limit)) - 1.0) /
                                   (cycle_mul - 1.0);
    hold_ = lrsched::detail::first_change(
        [this](std::int64_t t) {
          return cycle_of(static_cast<double>(t)) >= static_cast<double>(cycle_limit_);
        },
        guess < 9.0e18 ? static_cast<std::int64_t>(guess) : std::int64_t{1} << 62);
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = lrsched::detail::clamp_step(step);
    if (t >= hold_) return lr_min_;
    const auto tt = static_cast<double>(t);
    const double i = cycle_of(tt);
    double t_i = static_cast<double>(t_initial_);
    double t_curr = 0.0;
    if (cycle_mul_ != 1.0) {
      t_i = std::pow(cycle_mul_, i) * static_cast<double>(t_initial_);
      t_curr = tt - (1.0 - std::pow(cycle_mul_, i)) / (1.0 - cycle_mul_) *
                        static_cast<double>(t_initial_);
    } else {
      t_curr = static_cast<double>(t - t_initial_ * static_cast<std::int64_t>(i));
    }
    return shape_(base_lr_ * std::pow(cycle_decay_, i), t_curr, t_i);
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double held =
        count(std::max(first, hold_), last) * static_cast<long double>(lr_min_);
    return held + lrsched::detail::loop_sum(*this, first, std::min(last, hold_));
  }

  [[nodiscard]] std::int64_t length() const noexcept { return hold_; }

  [[nodiscard]] description describe() const {
    return description{kind("cycles")}
        .with("base_lr", base_lr_)
        .with("t_initial", t_initial_)
        .with("lr_min", lr_min_)
        .with("cycle_mul", cycle_mul_)
        .with("cycle_decay", cycle_decay_)
        .with("cycle_limit", cycle_limit_)
        .with_child("shape", shape_.describe());
  }

 private:
  /// timm's cycle index, as a double (it feeds pow()).
  [[nodiscard]] double cycle_of(double t) const noexcept {
    const auto t_initial = static_cast<double>(t_initial_);
    if (cycle_mul_ == 1.0) return std::floor(t / t_initial);
    return std::floor(std::log(1.0 - t / t_initial * (1.0 - cycle_mul_)) / std::log(cycle_mul_));
  }

  double base_lr_;
  std::int64_t t_initial_;
  double lr_min_;
  double cycle_mul_;
  double cycle_decay_;
  std::int64_t cycle_limit_;
  Shape shape_;
  std::int64_t hold_ = 0;
};

/// timm's polynomial: lr_min + (lr_max − lr_min)·(1 − t_cur^k/T_i^k)^power.
struct poly_shape {
  double lr_min;
  double power;
  double k_decay;
  [[nodiscard]] double operator()(double lr_max, double t_curr, double t_i) const noexcept {
    // timm's t_cur^k / T_i^k (its rounding), unless T_i^k overflows (Python raises
    // OverflowError there): then the same fraction as (t_cur / T_i)^k, never inf / inf.
    const double whole = std::pow(t_i, k_decay);
    const double elapsed =
        std::isfinite(whole) ? std::pow(t_curr, k_decay) / whole : std::pow(t_curr / t_i, k_decay);
    return lr_min + (lr_max - lr_min) * std::pow(1.0 - elapsed, power);
  }
  [[nodiscard]] description describe() const {
    return description{kind("poly_shape")}
        .with("lr_min", lr_min)
        .with("power", power)
        .with("k_decay", k_decay);
  }
};

/// timm's tanh: lr_min + ½(lr_max − lr_min)(1 − tanh(lb·(1 − r) + ub·r)), r = t_cur/T_i.
struct tanh_shape {
  double lr_min;
  double lb;
  double ub;
  [[nodiscard]] double operator()(double lr_max, double t_curr, double t_i) const noexcept {
    const double tr = t_curr / t_i;
    return lr_min + 0.5 * (lr_max - lr_min) * (1.0 - std::tanh(lb * (1.0 - tr) + ub * tr));
  }
  [[nodiscard]] description describe() const {
    return description{kind("tanh_shape")}.with("lr_min", lr_min).with("lb", lb).with("ub", ub);
  }
};

/// timm's Poly and Tanh cycles: `repeat` of the native shape for `cycle_limit` whole equal
/// cycles with equal peaks, then lr_min; timm's own cycle arithmetic otherwise.
template <class Native, class Shape>
using cyclic = lrsched::detail::one_of<chain_schedule<repeated<Native>, constant>, cycles<Shape>>;

template <class Options, class Native, class Shape>
cyclic<Native, Shape> make_cyclic(double base_lr, const Options& o, bool plain_shape, Native native,
                                  Shape shape) {
  const bool plain = plain_shape && o.cycle_mul == 1.0 && o.cycle_decay == 1.0 &&
                     o.cycle_limit <= std::numeric_limits<std::int64_t>::max() / o.t_initial;
  if (plain) {
    return chain(for_steps(o.cycle_limit * o.t_initial, repeat(std::move(native), o.t_initial)),
                 constant(o.lr_min));
  }
  return cycles<Shape>(base_lr, o.t_initial, o.lr_min, o.cycle_mul, o.cycle_decay, o.cycle_limit,
                       shape);
}

/// timm's warmup in front of `main`: warmup_lr_init + t·(target − warmup_lr_init)/warmup_t
/// for t < warmup_t (the native linear ramp), then `main` from its step 0 with
/// `warmup_prefix`, or from its step warmup_t without it (timm's global clock).
template <Schedule Main>
auto with_warmup(std::int64_t warmup_t, double warmup_lr_init, double target, bool warmup_prefix,
                 Main main) {
  return chain(for_steps(warmup_t, linear(warmup_lr_init, target, warmup_t)),
               lrsched::detail::advanced<Main>(std::move(main), warmup_prefix ? 0 : warmup_t));
}

/// Validates and records the cycle and warmup arguments timm's Cosine, Poly and Tanh
/// schedulers share.
template <class Options>
void cyclic_arguments(description& peer, const Options& o) {
  cycle_arguments(peer, o.t_initial, o.lr_min, o.cycle_mul, o.cycle_decay, o.cycle_limit);
  warmup_arguments(peer, o.warmup_t, o.warmup_lr_init, o.warmup_prefix);
}

/// `main` behind timm's warmup (aimed at `target`), described as `peer`.
template <class Options, Schedule Main>
auto as_timm(description peer, const Options& o, double target, Main main) {
  return lrsched::detail::as_peer(
      with_warmup(o.warmup_t, o.warmup_lr_init, target, o.warmup_prefix, std::move(main)),
      std::move(peer));
}

}  // namespace detail

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
  auto peer = detail::base_description("cosine_lr_scheduler", base_lr);
  detail::cyclic_arguments(peer, options);
  lrsched::detail::require_positive(peer.kind, "k_decay", options.k_decay);
  peer.with("k_decay", options.k_decay);
  return detail::as_timm(std::move(peer), options, base_lr,
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
/// `detail::cycles`), summed step by step. timm's default power is 0.5.
inline auto poly_lr_scheduler(double base_lr, const poly_lr_scheduler_options& options) {
  auto peer = detail::base_description("poly_lr_scheduler", base_lr);
  lrsched::detail::require_nonnegative(peer.kind, "power", options.power);
  peer.with("power", options.power);
  detail::cyclic_arguments(peer, options);
  lrsched::detail::require_positive(peer.kind, "k_decay", options.k_decay);
  peer.with("k_decay", options.k_decay);
  return detail::as_timm(
      std::move(peer), options, base_lr,
      detail::make_cyclic(base_lr, options, options.k_decay == 1.0,
                          polynomial(base_lr, options.lr_min, options.t_initial, options.power),
                          detail::poly_shape{options.lr_min, options.power, options.k_decay}));
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
  auto peer = detail::base_description("tanh_lr_scheduler", base_lr);
  lrsched::detail::require_finite(peer.kind, "lb", options.lb);
  lrsched::detail::require_finite(peer.kind, "ub", options.ub);
  if (!(options.lb < options.ub)) {
    lrsched::detail::reject(
        peer.kind, "lb", "< ub (" + lrsched::detail::format_number(options.ub) + ")", options.lb);
  }
  peer.with("lb", options.lb).with("ub", options.ub);
  detail::cyclic_arguments(peer, options);
  lrsched::detail::require_nonnegative(peer.kind, "warmup_lr_init", options.warmup_lr_init);
  auto main = detail::make_cyclic(
      base_lr, options, true,
      tanh_decay(base_lr, options.lr_min, options.t_initial, options.lb, options.ub),
      detail::tanh_shape{options.lr_min, options.lb, options.ub});
  // timm aims the warmup at the schedule's own value at warmup_t unless it is a prefix.
  const double target = options.warmup_prefix ? base_lr : main(options.warmup_t);
  return detail::as_timm(std::move(peer), options, target, std::move(main));
}

/// @brief timm `StepLRScheduler`: base_lr·decay_rate^⌊t/decay_t⌋, after an optional warmup.
///
/// The native `step_decay`, after timm's warmup. With `warmup_prefix` (timm's default
/// here) the first decay comes at warmup_t + decay_t; without it, at decay_t. Sum: closed
/// form (geometric series over the stairs).
inline auto step_lr_scheduler(double base_lr, const step_lr_scheduler_options& options) {
  auto peer = detail::base_description("step_lr_scheduler", base_lr);
  lrsched::detail::require_positive_steps(peer.kind, "decay_t", options.decay_t);
  if (!(options.decay_rate >= 0.0 && options.decay_rate <= 1.0)) {
    lrsched::detail::reject(peer.kind, "decay_rate", "in [0, 1]", options.decay_rate);
  }
  peer.with("decay_t", options.decay_t).with("decay_rate", options.decay_rate);
  detail::warmup_arguments(peer, options.warmup_t, options.warmup_lr_init, options.warmup_prefix);
  return detail::as_timm(std::move(peer), options, base_lr,
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
  auto peer = detail::base_description("multi_step_lr_scheduler", base_lr);
  lrsched::detail::require_sorted_steps(peer.kind, "decay_t", options.decay_t);
  lrsched::detail::require_nonnegative(peer.kind, "decay_rate", options.decay_rate);
  peer.with("decay_t", options.decay_t).with("decay_rate", options.decay_rate);
  detail::warmup_arguments(peer, options.warmup_t, options.warmup_lr_init, options.warmup_prefix);
  std::vector<std::int64_t> milestones;
  milestones.reserve(options.decay_t.size());
  for (const std::int64_t m : options.decay_t)
    milestones.push_back(std::max<std::int64_t>(0, m - 1));
  return detail::as_timm(std::move(peer), options, base_lr,
                         multistep(base_lr, std::move(milestones), options.decay_rate));
}

}  // namespace lrsched::timm

#endif  // LRSCHED_PEERS_TIMM_HPP
