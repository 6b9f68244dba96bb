// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/timm.hpp
/// @brief The machinery behind peers/timm.hpp: the peer's own factors and their sums,
/// argument checks and description helpers. Not part of the API.
#ifndef LRSCHED_PEERS_DETAIL_TIMM_HPP
#define LRSCHED_PEERS_DETAIL_TIMM_HPP

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
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/tanh.hpp>

namespace lrsched::detail::timm {

using detail::count;

/// The kind of a timm peer function: "timm.<function>".
inline std::string kind(std::string_view function) {
  return std::string("timm.").append(function);
}

/// The description every timm function starts with: its kind and the optimizer's LR.
inline description base_description(std::string_view function, double base_lr) {
  auto peer = description{kind(function)};
  detail::require_finite(peer.kind, "base_lr", base_lr);
  return peer.with("base_lr", base_lr);
}

/// Validates timm's warmup arguments and records them.
inline void warmup_arguments(description& peer, std::int64_t warmup_t, double warmup_lr_init,
                             bool warmup_prefix) {
  detail::require_steps(peer.kind, "warmup_t", warmup_t);
  detail::require_finite(peer.kind, "warmup_lr_init", warmup_lr_init);
  peer.with("warmup_t", warmup_t)
      .with("warmup_lr_init", warmup_lr_init)
      .with("warmup_prefix", warmup_prefix);
}

/// Validates the cycle arguments timm's Cosine, Poly and Tanh schedulers share, and records
/// them in timm's order.
inline void cycle_arguments(description& peer, std::int64_t t_initial, double lr_min,
                            double cycle_mul, double cycle_decay, std::int64_t cycle_limit) {
  detail::require_positive_steps(peer.kind, "t_initial", t_initial);
  detail::require_nonnegative(peer.kind, "lr_min", lr_min);
  if (!(std::isfinite(cycle_mul) && cycle_mul >= 1.0)) {
    detail::reject(peer.kind, "cycle_mul", "finite and >= 1", cycle_mul);
  }
  if (!(cycle_decay >= 0.0 && cycle_decay <= 1.0)) {
    detail::reject(peer.kind, "cycle_decay", "in [0, 1]", cycle_decay);
  }
  detail::require_positive_steps(peer.kind, "cycle_limit", cycle_limit);
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
    hold_ = detail::first_change(
        [this](std::int64_t t) {
          return cycle_of(static_cast<double>(t)) >= static_cast<double>(cycle_limit_);
        },
        guess < 9.0e18 ? static_cast<std::int64_t>(guess) : std::int64_t{1} << 62);
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
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
    return held + detail::loop_sum(*this, first, std::min(last, hold_));
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
using cyclic = detail::one_of<chain_schedule<repeated<Native>, constant>, cycles<Shape>>;

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
               detail::advanced<Main>(std::move(main), warmup_prefix ? 0 : warmup_t));
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
  return detail::as_peer(
      with_warmup(o.warmup_t, o.warmup_lr_init, target, o.warmup_prefix, std::move(main)),
      std::move(peer));
}

}  // namespace lrsched::detail::timm

#endif  // LRSCHED_PEERS_DETAIL_TIMM_HPP
