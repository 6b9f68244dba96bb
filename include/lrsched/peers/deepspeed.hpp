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

#include "../chain.hpp"
#include "../compose.hpp"
#include "../constant.hpp"
#include "../description.hpp"
#include "../detail/numeric.hpp"
#include "../detail/peer.hpp"
#include "../inverse_time.hpp"
#include "../linear.hpp"

namespace lrsched::deepspeed {

/// @brief The values of DeepSpeed's `warmup_type`: how the warmup rises.
enum class warmup_shape {
  log,    ///< "log": min + (max − min)·ln(i + 1)/ln(warmup_num_steps)
  linear  ///< "linear": min + (max − min)·i/warmup_num_steps
};

/// @brief DeepSpeed's spelling of a warmup type ("log", "linear").
[[nodiscard]] constexpr std::string_view to_string(warmup_shape shape) noexcept {
  return shape == warmup_shape::log ? "log" : "linear";
}

/// @brief The warmup type DeepSpeed spells `name`, or nullopt (DeepSpeed itself warns and
/// falls back to "log"; a loader should report the name instead).
[[nodiscard]] constexpr std::optional<warmup_shape> parse_warmup_type(
    std::string_view name) noexcept {
  if (name == "log") return warmup_shape::log;
  if (name == "linear") return warmup_shape::linear;
  return std::nullopt;
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

namespace detail {

using lrsched::detail::count;
using lrsched::detail::reject;

/// The kind of a DeepSpeed peer function: "deepspeed.<function>".
inline std::string kind(std::string_view function) {
  return std::string("deepspeed.").append(function);
}

/// DeepSpeed raises a warmup shorter than 2 steps to 2 (`max(2, warmup_num_steps)`).
inline std::int64_t effective_warmup(std::string_view kind_name, std::int64_t warmup_num_steps) {
  lrsched::detail::require_steps(kind_name, "warmup_num_steps", warmup_num_steps);
  return std::max<std::int64_t>(2, warmup_num_steps);
}

/// Σ_{i=first}^{last−1} ln(i + 1) = ln(last!) − ln(first!) for 0 <= first <= last, accurate
/// to a few ulps of long double at any int64 range: a loop over the first 32 terms, then the
/// difference of Stirling's series written so that nothing cancels,
///   ln b! − ln a! = m·ln b + (a + ½)·log1p(m/a) − m − m/(12ab) + (b⁻³ − a⁻³)/360 ... ,
/// m = b − a, whose truncation error below 1/(1680·a⁷) is under 1e-14 for a >= 32.
inline long double sum_log_successors(std::int64_t first, std::int64_t last) noexcept {
  constexpr std::int64_t series_from = 32;
  if (last <= first) return 0.0L;
  lrsched::detail::compensated_sum head;
  for (; first < last && first < series_from; ++first) {
    head.add(std::log(static_cast<long double>(first) + 1.0L));
  }
  if (first == last) return head.value();
  const auto a = static_cast<long double>(first);
  const auto b = static_cast<long double>(last);
  const long double m = count(first, last);
  const long double a3 = a * a * a;
  const long double b3 = b * b * b;
  const long double stirling = m * std::log(b) + (a + 0.5L) * std::log1p(m / a) - m -
                               m / (12.0L * a * b) - (1.0L / b3 - 1.0L / a3) / 360.0L +
                               (1.0L / (b3 * b * b) - 1.0L / (a3 * a * a)) / 1260.0L;
  return head.value() + stirling;
}

/// @brief DeepSpeed's logarithmic warmup as a native piece:
/// s(i) = start + (end − start)·(ln(i + 1)/ln(steps)) for 0 <= i < steps, then
/// start + (end − start) (DeepSpeed's factor 1.0).
///
/// No native family rises logarithmically. The factor is DeepSpeed's own arithmetic,
/// `(1/ln(steps))·ln(i + 1)`, so values agree to the last bit or two. It reaches `end` at
/// i = steps − 1 already. Sum: n·start + (end − start)/ln(steps)·Σ ln(i + 1), the last sum
/// in closed form (`sum_log_successors`), so O(1) at any range.
class log_warmup {
 public:
  /// @param steps DeepSpeed's effective `warmup_num_steps`, >= 2.
  log_warmup(double start_value, double end_value, std::int64_t steps)
      : start_(start_value),
        delta_(end_value - start_value),
        inverse_log_(1.0 / std::log(static_cast<double>(steps))),
        steps_(steps) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t i = lrsched::detail::clamp_step(step);
    if (i >= steps_) return start_ + delta_ * 1.0;
    return start_ + delta_ * (inverse_log_ * std::log(static_cast<double>(i + 1)));
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const std::int64_t ramp_end = std::min(last, steps_);
    long double total = 0.0L;
    if (first < ramp_end) {
      total +=
          count(first, ramp_end) * static_cast<long double>(start_) +
          static_cast<long double>(delta_) * inverse_log_ * sum_log_successors(first, ramp_end);
    }
    total += count(std::max(first, steps_), last) * static_cast<long double>(start_ + delta_);
    return total;
  }

  [[nodiscard]] std::int64_t length() const noexcept { return steps_; }

  [[nodiscard]] description describe() const {
    return description{kind("log_warmup")}
        .with("start_value", start_)
        .with("end_value", start_ + delta_)
        .with("steps", steps_);
  }

 private:
  double start_;
  double delta_;
  double inverse_log_;
  std::int64_t steps_;
};

/// @brief DeepSpeed's LR range test growth: min_lr·(1 + step_rate·x), x = t/step_size
/// (continuous) or ⌊t/step_size⌋ (staircase), without end.
///
/// No native family grows without bound (a `linear` ramp holds its end value), and the
/// staircase grows arithmetically where the native staircases are geometric. Values are
/// DeepSpeed's arithmetic, capped at the largest double so no int64 step overflows. Sum:
/// arithmetic series (continuous) or whole stairs plus partial ones (staircase), O(1).
class range_test_growth {
 public:
  range_test_growth(double min_lr, std::int64_t step_size, double step_rate, bool staircase)
      : min_lr_(min_lr), step_size_(step_size), step_rate_(step_rate), staircase_(staircase) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = lrsched::detail::clamp_step(step);
    const double interval = staircase_ ? static_cast<double>(t / step_size_)
                                       : static_cast<double>(t) / static_cast<double>(step_size_);
    return std::min(min_lr_ * (1.0 + step_rate_ * interval), lrsched::detail::max_finite);
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double intervals = staircase_
                                      ? stairs_below(last) - stairs_below(first)
                                      : lrsched::detail::sum_of_steps(first, last) / step_size_;
    return static_cast<long double>(min_lr_) *
           (count(first, last) + static_cast<long double>(step_rate_) * intervals);
  }

  [[nodiscard]] description describe() const {
    return description{kind("range_test_growth")}
        .with("min_lr", min_lr_)
        .with("step_size", step_size_)
        .with("step_rate", step_rate_)
        .with("staircase", staircase_);
  }

 private:
  /// Σ_{t=0}^{n−1} ⌊t/size⌋ = size·q(q − 1)/2 + q·r, with n = q·size + r.
  [[nodiscard]] long double stairs_below(std::int64_t n) const noexcept {
    const auto q = static_cast<long double>(n / step_size_);
    const auto r = static_cast<long double>(n % step_size_);
    return static_cast<long double>(step_size_) * q * (q - 1.0L) / 2.0L + q * r;
  }

  double min_lr_;
  std::int64_t step_size_;
  double step_rate_;
  bool staircase_;
};

/// DeepSpeed's warmup from `start` to `end` over `steps` (>= 2) before the lag: the log
/// ramp, or a native linear one. Both hold `end` afterwards.
using warmup_ramp = lrsched::detail::one_of<log_warmup, linear>;

inline warmup_ramp make_warmup_ramp(warmup_shape shape, double start, double end,
                                    std::int64_t steps) {
  if (shape == warmup_shape::log) return log_warmup(start, end, steps);
  return linear(start, end, steps);
}

}  // namespace detail

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
  const std::string kind = detail::kind("warmup_lr");
  lrsched::detail::require_finite(kind, "warmup_min_lr", warmup_min_lr);
  lrsched::detail::require_finite(kind, "warmup_max_lr", warmup_max_lr);
  const std::int64_t steps = detail::effective_warmup(kind, warmup_num_steps);
  return lrsched::detail::as_peer(
      lrsched::shift(detail::make_warmup_ramp(warmup_type, warmup_min_lr, warmup_max_lr, steps), 1),
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
  const std::string kind = detail::kind("warmup_decay_lr");
  lrsched::detail::require_steps(kind, "total_num_steps", total_num_steps);
  lrsched::detail::require_finite(kind, "warmup_min_lr", warmup_min_lr);
  lrsched::detail::require_finite(kind, "warmup_max_lr", warmup_max_lr);
  const std::int64_t steps = detail::effective_warmup(kind, warmup_num_steps);
  const std::int64_t decay_steps = std::max<std::int64_t>(0, total_num_steps - steps);
  return lrsched::detail::as_peer(
      lrsched::shift(
          lrsched::chain(detail::make_warmup_ramp(warmup_type, warmup_min_lr, warmup_max_lr, steps),
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
  const std::string kind = detail::kind("warmup_cosine_lr");
  lrsched::detail::require_finite(kind, "base_lr", base_lr);
  lrsched::detail::require_steps(kind, "total_num_steps", total_num_steps);
  lrsched::detail::require_finite(kind, "warmup_min_ratio", warmup_min_ratio);
  const std::int64_t steps = detail::effective_warmup(kind, warmup_num_steps);
  lrsched::detail::require_finite(kind, "cos_min_ratio", cos_min_ratio);
  if (total_num_steps == steps) {
    lrsched::detail::reject(kind, "total_num_steps",
                            "!= max(2, warmup_num_steps) (DeepSpeed divides by their difference)",
                            total_num_steps);
  }
  const std::int64_t half_period =
      total_num_steps > steps ? total_num_steps - steps : steps - total_num_steps;
  return lrsched::detail::as_peer(
      lrsched::scale(
          lrsched::chain(
              lrsched::for_steps(1, lrsched::constant(0.0)),
              lrsched::for_steps(
                  steps, detail::make_warmup_ramp(warmup_type, warmup_min_ratio, 1.0, steps)),
              lrsched::detail::advanced<lrsched::detail::cosine_wave>(
                  lrsched::detail::make_cosine_wave(1.0, cos_min_ratio, half_period), 1)),
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
  const std::string kind = detail::kind("one_cycle");
  lrsched::detail::require_finite(kind, "cycle_min_lr", cycle_min_lr);
  lrsched::detail::require_finite(kind, "cycle_max_lr", cycle_max_lr);
  lrsched::detail::require_nonnegative(kind, "decay_lr_rate", options.decay_lr_rate);
  const std::int64_t up = lrsched::detail::require_positive_steps(kind, "cycle_first_step_size",
                                                                  options.cycle_first_step_size);
  const std::int64_t down = lrsched::detail::require_steps(
      kind, "cycle_second_step_size", options.cycle_second_step_size.value_or(up));
  lrsched::detail::require_steps(kind, "cycle_first_stair_count", options.cycle_first_stair_count);
  lrsched::detail::require_steps(kind, "decay_step_size", options.decay_step_size);
  auto peer = description{kind}
                  .with("cycle_min_lr", cycle_min_lr)
                  .with("cycle_max_lr", cycle_max_lr)
                  .with("decay_lr_rate", options.decay_lr_rate)
                  .with("cycle_first_step_size", up);
  if (options.cycle_second_step_size) peer.with("cycle_second_step_size", down);
  peer.with("cycle_first_stair_count", options.cycle_first_stair_count);
  if (options.cycle_second_stair_count) {
    peer.with("cycle_second_stair_count",
              lrsched::detail::require_steps(kind, "cycle_second_stair_count",
                                             *options.cycle_second_stair_count));
  }
  peer.with("decay_step_size", options.decay_step_size);
  // DeepSpeed skips the decay when either decay_step_size or decay_lr_rate is 0.
  const bool decays = options.decay_step_size != 0 && options.decay_lr_rate != 0.0;
  return lrsched::detail::as_peer(
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
  const std::string kind = detail::kind("lr_range_test");
  lrsched::detail::require_nonnegative(kind, "lr_range_test_min_lr", lr_range_test_min_lr);
  lrsched::detail::require_positive_steps(kind, "lr_range_test_step_size", lr_range_test_step_size);
  lrsched::detail::require_nonnegative(kind, "lr_range_test_step_rate", lr_range_test_step_rate);
  return lrsched::detail::as_peer(
      detail::range_test_growth(lr_range_test_min_lr, lr_range_test_step_size,
                                lr_range_test_step_rate, lr_range_test_staircase),
      description{kind}
          .with("lr_range_test_min_lr", lr_range_test_min_lr)
          .with("lr_range_test_step_size", lr_range_test_step_size)
          .with("lr_range_test_step_rate", lr_range_test_step_rate)
          .with("lr_range_test_staircase", lr_range_test_staircase));
}

}  // namespace lrsched::deepspeed

#endif  // LRSCHED_PEERS_DEEPSPEED_HPP
