// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/keras.hpp
/// @brief Keras 3's learning-rate schedules
/// (`keras/src/optimizers/schedules/learning_rate_schedule.py`), reproduced step
/// for step.
///
/// Each function is the snake_case name of a Keras schedule class
/// (`ExponentialDecay` is `keras::exponential_decay`) and takes the class's
/// `get_config()` parameters in the constructor's order, with Keras' defaults.
/// `s(t)` is `schedule(t)`, `t = optimizer.iterations` from 0, in double
/// precision (Keras computes in the dtype of `initial_learning_rate`, usually
/// float32; lrsched reproduces the float64 values). Keras differs from lrsched's
/// native conventions in two places, each reproduced here and said below:
/// `PiecewiseConstantDecay` switches one step AFTER each boundary, and
/// `CosineDecay`'s `decay_steps` does not include its warmup.
///
/// Every function returns a native composition wrapped as a peer schedule, or a
/// small dedicated type where Keras' arithmetic has no native equivalent; both
/// describe themselves as `"keras.<function>"` with Keras' parameter names.
#ifndef LRSCHED_PEERS_KERAS_HPP
#define LRSCHED_PEERS_KERAS_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/chain.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/restarts.hpp>

namespace lrsched::keras {

/// @brief Keras `ExponentialDecay`: `initial_learning_rate · decay_rate^(t /
/// decay_steps)`, with a floored exponent when `staircase`.
///
/// Same semantics as native `exponential` (which evaluates the same `init ·
/// pow(rate, p)`). A `decay_rate > 1` grows, as in Keras; the value is capped at
/// the largest double (native `exponential` needs a ceiling), where Keras' own
/// value overflows to infinity. lrsched requires `decay_rate > 0` (Keras' rate 0
/// gives the initial value at step 0, then 0; native `exponential` has no rate 0).
/// Sum: geometric series.
/// @param initial_learning_rate the value at step 0; finite.
/// @param decay_steps > 0.
/// @param decay_rate finite and > 0.
/// @param staircase decay in whole multiples of `decay_rate`; default false.
[[nodiscard]] inline auto exponential_decay(double initial_learning_rate, std::int64_t decay_steps,
                                            double decay_rate, bool staircase = false) {
  constexpr std::string_view name = "keras.exponential_decay";
  detail::require_finite(name, "initial_learning_rate", initial_learning_rate);
  if (decay_steps <= 0) detail::reject(name, "decay_steps", "> 0", decay_steps);
  detail::require_positive(name, "decay_rate", decay_rate);
  // A growing rate needs a ceiling and a positive start in native `exponential`; from 0
  // it stays 0 whatever the rate.
  const bool grows = decay_rate > 1.0 && initial_learning_rate != 0.0;
  if (grows && initial_learning_rate < 0.0) {
    detail::reject(name, "initial_learning_rate", ">= 0 when decay_rate > 1",
                   initial_learning_rate);
  }
  std::optional<double> ceiling;
  if (grows) ceiling = std::numeric_limits<double>::max();
  return detail::as_peer(
      exponential(initial_learning_rate, decay_rate > 1.0 && !grows ? 1.0 : decay_rate, decay_steps,
                  {.staircase = staircase, .end_value = ceiling}),
      description{std::string(name)}
          .with("initial_learning_rate", initial_learning_rate)
          .with("decay_steps", decay_steps)
          .with("decay_rate", decay_rate)
          .with("staircase", staircase));
}

/// @brief Keras `PiecewiseConstantDecay`: `values[0]` while `t <= boundaries[0]`,
/// `values[i]` while `boundaries[i−1] < t <= boundaries[i]`, `values.back()` after.
///
/// Differs from native lrsched at every boundary: Keras switches one step AFTER
/// the boundary (at b + 1), where PyTorch, optax and native `piecewise_constant`
/// switch AT it. Reproduced as native `piecewise_constant` with each boundary
/// moved to b + 1. lrsched requires strictly increasing boundaries (Keras' own
/// rule) and `values.size() == boundaries.size() + 1`; boundaries below 0 switch
/// at step 0, as in Keras. Sum: per piece.
/// @param boundaries strictly increasing steps.
/// @param values one more than the boundaries; finite.
[[nodiscard]] inline auto piecewise_constant_decay(std::vector<std::int64_t> boundaries,
                                                   std::vector<double> values) {
  constexpr std::string_view name = "keras.piecewise_constant_decay";
  if (values.size() != boundaries.size() + 1) {
    detail::reject(name, "values",
                   "of size boundaries.size() + 1 = " +
                       detail::format_number(static_cast<std::int64_t>(boundaries.size() + 1)),
                   static_cast<std::int64_t>(values.size()));
  }
  for (std::size_t i = 1; i < boundaries.size(); ++i) {
    if (boundaries[i] <= boundaries[i - 1]) {
      detail::reject(
          name, "boundaries[" + detail::format_number(static_cast<std::int64_t>(i)) + "]",
          "> boundaries[" + detail::format_number(static_cast<std::int64_t>(i - 1)) +
              "] = " + detail::format_number(boundaries[i - 1]) + " (strictly increasing)",
          boundaries[i]);
    }
  }
  auto peer = description{std::string(name)}.with("boundaries", boundaries).with("values", values);
  for (auto& b : boundaries) {
    // Keras switches after b: at b + 1 (which saturates at the int64 maximum).
    b = b < 0 ? 0 : (b == std::numeric_limits<std::int64_t>::max() ? b : b + 1);
  }
  return detail::as_peer(piecewise_constant(std::move(boundaries), std::move(values)),
                         std::move(peer));
}

/// @brief Keras `InverseTimeDecay`: `initial_learning_rate / (1 + decay_rate·t /
/// decay_steps)`, with ⌊t / decay_steps⌋ when `staircase`.
///
/// Same semantics as native `inverse_time(initial_learning_rate, decay_rate,
/// decay_steps, staircase)`. lrsched requires `decay_rate >= 0` (Keras divides by
/// zero, or goes negative, for a negative rate). Sum: a digamma difference, O(1).
/// @param initial_learning_rate the value at step 0; finite.
/// @param decay_steps > 0.
/// @param decay_rate finite and >= 0.
/// @param staircase decay in whole blocks of `decay_steps`; default false.
[[nodiscard]] inline auto inverse_time_decay(double initial_learning_rate, std::int64_t decay_steps,
                                             double decay_rate, bool staircase = false) {
  constexpr std::string_view name = "keras.inverse_time_decay";
  detail::require_finite(name, "initial_learning_rate", initial_learning_rate);
  if (decay_steps <= 0) detail::reject(name, "decay_steps", "> 0", decay_steps);
  detail::require_nonnegative(name, "decay_rate", decay_rate);
  return detail::as_peer(inverse_time(initial_learning_rate, decay_rate, decay_steps, staircase),
                         description{std::string(name)}
                             .with("initial_learning_rate", initial_learning_rate)
                             .with("decay_steps", decay_steps)
                             .with("decay_rate", decay_rate)
                             .with("staircase", staircase));
}

/// @brief Keras `CosineDecay`: an optional linear warmup from
/// `initial_learning_rate` to `warmup_target` over `warmup_steps`, then a cosine
/// from the warmup target (or `initial_learning_rate` without one) to `alpha`
/// times it over `decay_steps`, then held.
///
/// Differs from optax and HF: `decay_steps` does NOT include the warmup, so the
/// schedule ends at `warmup_steps + decay_steps`. Without `warmup_target` Keras
/// ignores `warmup_steps`, and so does lrsched. Native: `chain(linear(initial,
/// warmup_target, warmup_steps), cosine(warmup_target, alpha·warmup_target,
/// decay_steps))`. lrsched's cosine keeps full relative precision near its end,
/// where Keras' `1 + cos(x)` cancels (they differ there by ~1e-16 of the peak).
/// Sum: closed form per piece.
/// @param initial_learning_rate the value at step 0; finite.
/// @param decay_steps > 0 (Keras' check); the cosine's length, warmup excluded.
/// @param alpha the end value as a fraction of the peak; default 0.
/// @param warmup_target the peak the warmup reaches; none for no warmup.
/// @param warmup_steps >= 0; used only with a warmup_target.
[[nodiscard]] inline auto cosine_decay(double initial_learning_rate, std::int64_t decay_steps,
                                       double alpha = 0.0,
                                       std::optional<double> warmup_target = std::nullopt,
                                       std::int64_t warmup_steps = 0) {
  constexpr std::string_view name = "keras.cosine_decay";
  detail::require_finite(name, "initial_learning_rate", initial_learning_rate);
  if (decay_steps <= 0) detail::reject(name, "decay_steps", "> 0", decay_steps);
  detail::require_finite(name, "alpha", alpha);
  if (warmup_target) detail::require_finite(name, "warmup_target", *warmup_target);
  detail::require_steps(name, "warmup_steps", warmup_steps);
  auto peer = description{std::string(name)}
                  .with("initial_learning_rate", initial_learning_rate)
                  .with("decay_steps", decay_steps)
                  .with("alpha", alpha);
  if (warmup_target) peer.with("warmup_target", *warmup_target);
  peer.with("warmup_steps", warmup_steps);
  const double peak = warmup_target.value_or(initial_learning_rate);
  const std::int64_t warmup = warmup_target ? warmup_steps : 0;
  return detail::as_peer(chain(for_steps(warmup, linear(initial_learning_rate, peak, warmup)),
                               cosine(peak, peak * alpha, decay_steps)),
                         std::move(peer));
}

/// @brief Keras `PolynomialDecay`: `(initial − end)·(1 − t/D)^power + end` over
/// D = decay_steps, then `end_learning_rate`; with `cycle`, the decay length
/// grows instead: a dedicated type.
///
/// Without `cycle`: the same as native `polynomial(initial_learning_rate,
/// end_learning_rate, decay_steps, power)`, whose arithmetic and closed-form sum
/// this type uses.
///
/// With `cycle`, Keras replaces D by the first multiple of D at or above t (D at
/// t = 0): for (k−1)·D < t <= k·D the value is `(initial − end)·(1 − t/(k·D))^power
/// + end`. So every cycle after the first starts part-way down a longer curve (at
/// `(initial − end)·(1/k)^power + end`, not at `initial`) and reaches `end` at k·D.
/// Why a dedicated type: no native restart reproduces a cycle whose length and
/// starting height both depend on its index. Values are native `polynomial`
/// arithmetic on each cycle's curve (the remaining fraction formed as (k·D − t)/(k·D),
/// without cancellation). Sum: each whole cycle is `D·end + (initial −
/// end)·W·k^(−power)` with W = Σ_{j<D} (j/D)^power taken once from native
/// `polynomial`'s closed form, the partial cycles at both ends by native
/// `polynomial`: O(cycles in the range).
class polynomial_decay_schedule {
 public:
  /// @param initial_learning_rate the value at step 0; finite.
  /// @param decay_steps D, > 0.
  /// @param end_learning_rate finite.
  /// @param power > 0 (Keras with power 0 is a constant, including at D).
  /// @param cycle grow the decay length past D instead of holding.
  polynomial_decay_schedule(double initial_learning_rate, std::int64_t decay_steps,
                            double end_learning_rate, double power, bool cycle)
      : first_(checked(initial_learning_rate, decay_steps, end_learning_rate, power)),
        cycle_(cycle),
        cycle_weight_(polynomial(1.0, 0.0, decay_steps, power).sum(1, decay_steps + 1)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if (!cycle_ || t <= first_.steps()) return first_(t);
    const std::int64_t d = first_.steps();
    const std::int64_t k = (t - 1) / d + 1;      // t in ((k − 1)·D, k·D]
    const std::int64_t j = d - 1 - (t - 1) % d;  // k·D − t, without forming k·D
    const double n = static_cast<double>(k) * static_cast<double>(d);
    const double w = std::pow(static_cast<double>(j) / n, first_.power());
    return first_.init_value() * w + first_.end_value() * (1.0 - w);
  }

  /// Σ over [first, last): native closed forms per cycle, O(cycles).
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    if (!cycle_) return first_.sum(first, last);
    long double total = 0.0L;
    if (first == 0 && last > 0) {
      total += first_.init_value();
      first = 1;
    }
    if (first >= last) return total;
    const std::int64_t d = first_.steps();
    const std::int64_t k_first = (first - 1) / d + 1;
    const std::int64_t k_last = (last - 2) / d + 1;  // the cycle of step last − 1
    const long double end = first_.end_value();
    const long double span = static_cast<long double>(first_.init_value()) - end;
    // The cycle-k curve's weights Σ ((kD − t)/(kD))^power over [a, b) within cycle k.
    const auto partial = [&](std::int64_t k, std::int64_t a, std::int64_t b) {
      long double weights = 0.0L;
      if (k <= std::numeric_limits<std::int64_t>::max() / d) {
        weights = polynomial(1.0, 0.0, k * d, first_.power()).sum(a, b);
      } else {  // k·D past int64: at most one cycle this far out
        detail::compensated_sum acc;
        for (std::int64_t t = a; t < b; ++t) acc.add((static_cast<long double>((*this)(t)) - end));
        return acc.value();
      }
      return span * weights;
    };
    if (k_first == k_last)
      return total + detail::count(first, last) * end + partial(k_first, first, last);
    total += detail::count(first, last) * end;
    total += partial(k_first, first, k_first * d + 1);
    total += partial(k_last, (k_last - 1) * d + 1, last);
    detail::compensated_sum whole;
    for (std::int64_t k = k_first + 1; k < k_last; ++k) {
      whole.add(std::pow(static_cast<long double>(k), -static_cast<long double>(first_.power())));
    }
    return total + span * cycle_weight_ * whole.value();
  }

  [[nodiscard]] description describe() const {
    return description{"keras.polynomial_decay"}
        .with("initial_learning_rate", first_.init_value())
        .with("decay_steps", first_.steps())
        .with("end_learning_rate", first_.end_value())
        .with("power", first_.power())
        .with("cycle", cycle_);
  }

  [[nodiscard]] double initial_learning_rate() const noexcept { return first_.init_value(); }
  [[nodiscard]] std::int64_t decay_steps() const noexcept { return first_.steps(); }
  [[nodiscard]] double end_learning_rate() const noexcept { return first_.end_value(); }
  [[nodiscard]] double power() const noexcept { return first_.power(); }
  [[nodiscard]] bool cycle() const noexcept { return cycle_; }
  /// The first cycle (all of the schedule without `cycle`) as a native polynomial.
  [[nodiscard]] const polynomial& first_cycle() const noexcept { return first_; }

 private:
  static polynomial checked(double initial, std::int64_t decay_steps, double end, double power) {
    constexpr std::string_view name = "keras.polynomial_decay";
    detail::require_finite(name, "initial_learning_rate", initial);
    if (decay_steps <= 0) detail::reject(name, "decay_steps", "> 0", decay_steps);
    detail::require_finite(name, "end_learning_rate", end);
    detail::require_positive(name, "power", power);
    return polynomial(initial, end, decay_steps, power);
  }

  polynomial first_;
  bool cycle_;
  long double cycle_weight_;  // W = Σ_{j<D} (j/D)^power
};

/// @brief Keras `PolynomialDecay`; see `polynomial_decay_schedule`.
[[nodiscard]] inline polynomial_decay_schedule polynomial_decay(double initial_learning_rate,
                                                                std::int64_t decay_steps,
                                                                double end_learning_rate = 0.0001,
                                                                double power = 1.0,
                                                                bool cycle = false) {
  return {initial_learning_rate, decay_steps, end_learning_rate, power, cycle};
}

/// @brief Keras `CosineDecayRestarts`, with Keras' own arithmetic: SGDR cycles,
/// the i-th lasting `first_decay_steps·t_mul^i` steps and falling from
/// `initial·(alpha + (1 − alpha)·m_mul^i)` to `alpha·initial`.
///
/// Keras finds the cycle of step t as i = ⌊log(1 − (t/D)(1 − t_mul)) / log(t_mul)⌋
/// (D = first_decay_steps; ⌊t/D⌋ when t_mul = 1), the fraction within it as
/// ((t/D) − (1 − t_mul^i)/(1 − t_mul)) / t_mul^i, and the value as
/// `initial·((1 − alpha)·½·m_mul^i·(1 + cos(π·fraction)) + alpha)`; m_mul shrinks
/// the height above the floor, not the floor.
///
/// Why a dedicated type: Keras' floating-point logarithm lands one cycle short at
/// some exact cycle starts (t_mul = 3, D = 5: log(243)/log(3) = 4.999…, so step 605
/// gets cycle 4 at fraction 1, i.e. the floor, where the exact cycle 5 restarts at its
/// top); a Keras user observes that, and native `cosine_restarts`, which places every
/// cycle start exactly, does not. Values therefore follow Keras' arithmetic step by
/// step. The sum is native `cosine_restarts(initial, D, {.floor_value = alpha·initial,
/// .period_multiplier = t_mul, .cycle_decay = m_mul})`'s closed form, O(cycles), plus
/// the difference at the steps next to each cycle start, where the two can disagree.
/// Away from those steps they agree to rounding (Keras' 1 + cos(x) cancels near each
/// cycle's end, by ~1e-16 of the peak). lrsched requires `t_mul >= 1` and `0 <= m_mul
/// <= 1` (Keras also accepts shrinking cycles and growing peaks).
class cosine_decay_restarts_schedule {
 public:
  /// @param initial_learning_rate the first cycle's top; finite.
  /// @param first_decay_steps the first cycle's length D; > 0.
  /// @param t_mul each cycle's length over the previous one's; finite and >= 1.
  /// @param m_mul each cycle's height above the floor over the previous one's; in [0, 1].
  /// @param alpha the floor as a fraction of initial_learning_rate; finite.
  cosine_decay_restarts_schedule(double initial_learning_rate, std::int64_t first_decay_steps,
                                 double t_mul, double m_mul, double alpha)
      : native_(checked(initial_learning_rate, first_decay_steps, t_mul, m_mul, alpha)),
        initial_(initial_learning_rate),
        first_(first_decay_steps),
        t_mul_(t_mul),
        m_mul_(m_mul),
        alpha_(alpha) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    double fraction = static_cast<double>(detail::clamp_step(step)) / static_cast<double>(first_);
    double restart = 0.0;
    if (t_mul_ == 1.0) {
      restart = std::floor(fraction);
      fraction -= restart;
    } else {
      restart = std::floor(std::log(1.0 - fraction * (1.0 - t_mul_)) / std::log(t_mul_));
      const double sum_r = (1.0 - std::pow(t_mul_, restart)) / (1.0 - t_mul_);
      fraction = (fraction - sum_r) / std::pow(t_mul_, restart);
    }
    const double cosine =
        0.5 * std::pow(m_mul_, restart) * (1.0 + std::cos(3.141592653589793 * fraction));
    return initial_ * ((1 - alpha_) * cosine + alpha_);
  }

  /// Σ over [first, last): the native closed form plus the differences next to each cycle
  /// start. O(cycles).
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    long double total = native_.sum(first, last);
    if (t_mul_ == 1.0 || first >= last) return total;  // t/D is exact: no misplaced start
    // Cycle i starts at D·(t_mul^i − 1)/(t_mul − 1); begin a cycle or two before `first`.
    const long double d = static_cast<long double>(first_);
    const long double m = t_mul_;
    const long double begin_index =
        std::floor(std::log1p(static_cast<long double>(first) * (m - 1.0L) / d) / std::log(m));
    std::int64_t checked_up_to = first;  // steps below this are done
    for (long double i = std::max(0.0L, begin_index - 2.0L);; i += 1.0L) {
      const long double start = d * std::expm1(i * std::log(m)) / (m - 1.0L);
      if (start >= static_cast<long double>(last) + 1.0L) break;
      const long double lowest = std::floor(start) - 1.0L;
      if (lowest + 2.0L < static_cast<long double>(checked_up_to)) continue;
      const std::int64_t from = std::max(checked_up_to, static_cast<std::int64_t>(lowest));
      const std::int64_t to = std::min(last, static_cast<std::int64_t>(lowest) + 3);
      for (std::int64_t t = from; t < to; ++t) {
        total += static_cast<long double>((*this)(t)) - static_cast<long double>(native_(t));
      }
      checked_up_to = std::max(checked_up_to, to);
      if (checked_up_to >= last) break;
    }
    return total;
  }

  [[nodiscard]] description describe() const {
    return description{std::string(name)}
        .with("initial_learning_rate", initial_)
        .with("first_decay_steps", first_)
        .with("t_mul", t_mul_)
        .with("m_mul", m_mul_)
        .with("alpha", alpha_);
  }

  [[nodiscard]] double initial_learning_rate() const noexcept { return initial_; }
  [[nodiscard]] std::int64_t first_decay_steps() const noexcept { return first_; }
  [[nodiscard]] double t_mul() const noexcept { return t_mul_; }
  [[nodiscard]] double m_mul() const noexcept { return m_mul_; }
  [[nodiscard]] double alpha() const noexcept { return alpha_; }
  /// The native schedule with exact cycle starts that this one follows.
  [[nodiscard]] const cosine_restarts& native() const noexcept { return native_; }

 private:
  static constexpr std::string_view name = "keras.cosine_decay_restarts";

  static cosine_restarts checked(double initial, std::int64_t first_decay_steps, double t_mul,
                                 double m_mul, double alpha) {
    detail::require_finite(name, "initial_learning_rate", initial);
    if (first_decay_steps <= 0) detail::reject(name, "first_decay_steps", "> 0", first_decay_steps);
    if (!(t_mul >= 1.0) || !std::isfinite(t_mul))
      detail::reject(name, "t_mul", "finite and >= 1", t_mul);
    if (!(m_mul >= 0.0 && m_mul <= 1.0)) detail::reject(name, "m_mul", "in [0, 1]", m_mul);
    detail::require_finite(name, "alpha", alpha);
    return cosine_restarts(initial, first_decay_steps,
                           {.floor_value = alpha * initial,
                            .period_multiplier = t_mul,
                            .cycle_decay = m_mul,
                            .decay_target = restart_decay::amplitude});
  }

  cosine_restarts native_;
  double initial_;
  std::int64_t first_;
  double t_mul_;
  double m_mul_;
  double alpha_;
};

/// @brief Keras `CosineDecayRestarts`; see `cosine_decay_restarts_schedule`.
[[nodiscard]] inline cosine_decay_restarts_schedule cosine_decay_restarts(
    double initial_learning_rate, std::int64_t first_decay_steps, double t_mul = 2.0,
    double m_mul = 1.0, double alpha = 0.0) {
  return {initial_learning_rate, first_decay_steps, t_mul, m_mul, alpha};
}

}  // namespace lrsched::keras

#endif  // LRSCHED_PEERS_KERAS_HPP
