// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file restarts.hpp
/// @brief `cosine_restarts`: cosine annealing with warm restarts (SGDR) — growing
/// cycles, decaying peaks, a floor, a cycle limit and timm's k-decay.
#ifndef LRSCHED_RESTARTS_HPP
#define LRSCHED_RESTARTS_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lrsched/description.hpp>
#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/geometric.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// @brief What `cycle_decay` shrinks from one cycle to the next.
/// - `amplitude`: the height above the floor, top_i = floor + (peak − floor)·decay^i
///   (Keras `CosineDecayRestarts` m_mul).
/// - `peak`: the peak itself, top_i = peak·decay^i, the floor unchanged (timm
///   `cycle_decay`).
enum class restart_decay { amplitude, peak };

/// @brief The snake_case name of a restart_decay ("amplitude", "peak").
inline constexpr std::string_view restart_decay_names[] = {"amplitude", "peak"};
[[nodiscard]] constexpr std::string_view to_string(restart_decay target) noexcept {
  return detail::enum_name(target, restart_decay_names);
}

/// @brief The optional parts of a `cosine_restarts` schedule, with designated
/// initializers: `{.floor_value = 1e-6, .period_multiplier = 2.0}`.
struct restart_options {
  /// The value every cycle decays to, and the value held after the cycle limit
  /// (PyTorch eta_min, timm lr_min, Keras alpha × initial_learning_rate).
  double floor_value = 0.0;
  /// Each cycle lasts this many times the one before; >= 1 (PyTorch T_mult, Keras t_mul,
  /// timm cycle_mul). Integers keep every cycle boundary exact.
  double period_multiplier = 1.0;
  /// The factor applied once per cycle, in [0, 1] (Keras m_mul, timm cycle_decay).
  double cycle_decay = 1.0;
  /// What cycle_decay shrinks: the amplitude above the floor, or the peak.
  restart_decay decay_target = restart_decay::amplitude;
  /// The number of cycles played before the floor is held; 0 = no limit (timm cycle_limit;
  /// HF's hard restarts stop after num_cycles).
  std::int64_t cycle_limit = 0;
  /// timm's k-decay: the phase within a cycle is (t_cur / T_i)^k_decay; > 0.
  double k_decay = 1.0;
  /// The first cycle lasts first_period / period_divisor steps; >= 1 and <= first_period
  /// (a cycle lasts at least one step). A fraction keeps N equal cycles over S steps exact
  /// (HF's hard restarts: first_period = S, divisor = N).
  std::int64_t period_divisor = 1;
};

/// @brief Cosine annealing with warm restarts: cycle i lasts T_i = T_0·mult^i steps and
/// falls as a half-cosine from top_i to the floor; then the next cycle restarts at its top.
///
/// With u the position in cycle i (0 <= u < T_i) and x = u / T_i:
///   s(t) = floor + (top_i − floor)·cos²(π x^k / 2) = top_i·cos²θ + floor·sin²θ,
///   top_i = floor + (peak − floor)·decay^i (amplitude) or peak·decay^i (peak),
/// T_0 = first_period / period_divisor, cycle i starting at T_0·(mult^i − 1)/(mult − 1)
/// (T_0·i when mult = 1). The first step of every cycle gets exactly top_i. Cycle
/// boundaries are exact integer arithmetic for an integer multiplier (up to 2^64 scaled
/// steps); a real multiplier places them as timm and Keras do, at
/// T_0(1 − mult^i)/(1 − mult) with i = ⌊log(1 − t(1 − mult)/T_0)/log mult⌋, checked
/// against the neighbouring starts. After `cycle_limit` cycles the floor holds; without
/// a limit the restarts go on at every int64 step (so the schedule is periodic, not a
/// FiniteSchedule; `length()` is the start of the hold when there is a limit). Values are
/// evaluated as cos²θ and sin²θ with the angle reflected past the middle, so a cycle that
/// falls to a floor of 0 keeps full relative precision to its last step.
///
/// Covers PyTorch `CosineAnnealingWarmRestarts` (T_0, T_mult, eta_min), Keras
/// `CosineDecayRestarts` (first_decay_steps, t_mul, m_mul with decay_target amplitude,
/// floor = alpha·initial), timm `CosineLRScheduler` cycles (t_initial, cycle_mul,
/// cycle_decay with decay_target peak, lr_min, cycle_limit, k_decay; its warmup is a
/// `chain` piece), HF `cosine_with_hard_restarts` (first_period = training − warmup
/// steps, period_divisor = num_cycles, cycle_limit = num_cycles, after a warmup piece) and
/// optax `sgdr_schedule` with equal cosine cycles (without their warmups; with them use
/// `repeat`).
///
/// Sum: O(cycles) closed forms — each cycle's part is top_i·Σcos²θ + floor·Σsin²θ, both
/// sums of squared sines over an arithmetic progression of angles (the Dirichlet kernel
/// of detail/cosine_sum.hpp). With mult = 1 the whole cycles fall into at most
/// N/gcd(first_period, N) (N = period_divisor) alignments, each summed once with the
/// decay as a geometric series, so any number of equal cycles costs O(N/gcd). With
/// k_decay != 1 there is no closed form: each cycle is summed by compensated summation,
/// O(steps).
///
/// @code
/// lrsched::cosine_restarts sgdr(0.1, 10, {.floor_value = 1e-3, .period_multiplier = 2});
/// sgdr(10);  // 0.1: the second cycle starts
/// @endcode
class cosine_restarts {
 public:
  /// @param peak_value the value at the start of the first cycle; finite.
  /// @param first_period the length of the first cycle, in steps (over period_divisor); >= 1.
  /// @param options floor, multiplier, per-cycle decay, cycle limit, k-decay, divisor.
  cosine_restarts(double peak_value, std::int64_t first_period, restart_options options = {})
      : peak_(detail::require_finite("cosine_restarts", "peak_value", peak_value)),
        first_period_(
            detail::require_positive_steps("cosine_restarts", "first_period", first_period)),
        options_(validate(options, first_period)),
        multiplier_(static_cast<long double>(options.period_multiplier)),
        integer_multiplier_(options.period_multiplier == std::floor(options.period_multiplier)),
        log_multiplier_(std::log(multiplier_)),
        log_decay_(std::log(static_cast<long double>(options.cycle_decay))),
        scaled_period_(static_cast<long double>(first_period)),
        divisor_(static_cast<long double>(options.period_divisor)) {
    if (multiplier_ != 1.0L) {
      // The cycle starts and lengths within int64 steps (at most table_limit of them),
      // so evaluation finds its cycle by binary search instead of logarithms.
      for (std::int64_t i = 0; i <= table_limit; ++i) {
        starts_.push_back(start_formula(i));
        lengths_.push_back(length_formula(i));
        if (!(starts_.back() / divisor_ < 9.3e18L)) break;
      }
    }
    // Where the floor starts to hold: the first step of the cycle after the last one.
    if (options_.cycle_limit > 0) {
      hold_start_ = first_step(options_.cycle_limit);
      holds_ = hold_start_ != std::numeric_limits<std::int64_t>::max();
    }
    if (multiplier_ == 1.0L) {
      const std::int64_t n = options_.period_divisor;
      alignments_ = n / std::gcd(first_period_, n);
    }
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if (holds_ && t >= hold_start_) return options_.floor_value;
    const auto at = locate(t);
    // The offsets from the cycle's start and to its end are exact; the cosine is in double.
    const long double length = cycle_length(at.cycle);
    const auto w = detail::cosine_weight_pair(static_cast<double>(at.offset),
                                              static_cast<double>(length - at.offset),
                                              static_cast<double>(length), options_.k_decay);
    return static_cast<double>(top(at.cycle)) * w.weight + options_.floor_value * w.complement;
  }

  /// Σ over [first, last): per cycle top_i·Σcos² + floor·Σsin², whole equal cycles
  /// grouped by alignment; the held floor after the cycle limit.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    if (last <= first) return 0.0L;
    const auto floor = static_cast<long double>(options_.floor_value);
    long double total = detail::count(std::max(first, hold_start_), last) * floor;
    last = std::min(last, hold_start_);
    if (first >= last) return total;
    const auto from = locate(first);
    const std::int64_t first_cycle = from.cycle;
    const std::int64_t last_cycle = cycle_of(last - 1);
    if (first_cycle == last_cycle)
      return total + cycle_part(first_cycle, from.offset, last - first);
    total += cycle_part(first_cycle, from.offset, first_step(first_cycle + 1) - first);
    total += cycle_part(last_cycle, first_offset(last_cycle), last - first_step(last_cycle));
    const std::int64_t whole = last_cycle - first_cycle - 1;
    if (whole > 0 && multiplier_ == 1.0L && whole > 2 * alignments_) {
      total += equal_cycles(first_cycle + 1, last_cycle);
    } else {
      for (std::int64_t i = first_cycle + 1; i < last_cycle; ++i) total += whole_cycle(i);
    }
    return total;
  }

  /// The first step of the held floor when there is a cycle limit, else nothing.
  [[nodiscard]] std::optional<std::int64_t> length() const noexcept {
    if (options_.cycle_limit == 0) return std::nullopt;
    return hold_start_;  // the int64 maximum when the limit lies beyond int64
  }

  /// The cycle that step t plays (0-based); the cycle limit does not cap it.
  [[nodiscard]] std::int64_t cycle_of(std::int64_t step) const noexcept {
    return locate(detail::clamp_step(step)).cycle;
  }

  /// The first step of cycle i: ⌈start_i⌉ (the int64 maximum if it lies beyond int64).
  [[nodiscard]] std::int64_t first_step(std::int64_t cycle) const noexcept {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    const std::int64_t n = options_.period_divisor;
    if (multiplier_ == 1.0L) {
      // ⌈i·P/N⌉ = (i / N)·P + ⌈(i mod N)·P / N⌉, in int64 (P·N fits, see validate).
      const std::int64_t whole = cycle / n;
      const std::int64_t part = ((cycle % n) * first_period_ + n - 1) / n;
      if (whole > (max - part) / first_period_) return max;
      return whole * first_period_ + part;
    }
    // ⌈start⌉ settled against the exact scaled steps; a start whose first step lies past the
    // int64 maximum (2^63 − 1) reports the maximum.
    constexpr long double past_int64 = 9223372036854775808.0L;  // 2^63
    const long double target = cycle_start(cycle);
    const long double up = std::ceil(target / divisor_);
    if (!(up < past_int64)) return max;
    auto t = static_cast<std::int64_t>(up);
    while (t > 0 && scaled(t - 1) >= target) --t;
    while (t < max && scaled(t) < target) ++t;
    return t;
  }

  /// Kind "cosine_restarts": peak_value, first_period, then the options in order.
  [[nodiscard]] description describe() const {
    return description{"cosine_restarts"}
        .with("peak_value", peak_)
        .with("first_period", first_period_)
        .with("floor_value", options_.floor_value)
        .with("period_multiplier", options_.period_multiplier)
        .with("cycle_decay", options_.cycle_decay)
        .with("decay_target", std::string(to_string(options_.decay_target)))
        .with("cycle_limit", options_.cycle_limit)
        .with("k_decay", options_.k_decay)
        .with("period_divisor", options_.period_divisor);
  }

  [[nodiscard]] double peak_value() const noexcept { return peak_; }
  [[nodiscard]] std::int64_t first_period() const noexcept { return first_period_; }
  [[nodiscard]] const restart_options& options() const noexcept { return options_; }

 private:
  static restart_options validate(const restart_options& o, std::int64_t first_period) {
    constexpr auto family = "cosine_restarts";
    detail::require_finite(family, "floor_value", o.floor_value);
    if (!(std::isfinite(o.period_multiplier) && o.period_multiplier >= 1.0)) {
      detail::reject(family, "period_multiplier", "finite and >= 1", o.period_multiplier);
    }
    if (!(o.cycle_decay >= 0.0 && o.cycle_decay <= 1.0)) {
      detail::reject(family, "cycle_decay", "in [0, 1]", o.cycle_decay);
    }
    detail::require_steps(family, "cycle_limit", o.cycle_limit);
    detail::require_positive(family, "k_decay", o.k_decay);
    detail::require_positive_steps(family, "period_divisor", o.period_divisor);
    if (o.period_divisor > first_period) {
      detail::reject(family, "period_divisor",
                     "<= first_period (" + detail::format_number(first_period) +
                         "): a cycle lasts at least one step",
                     o.period_divisor);
    }
    if (o.period_divisor > std::numeric_limits<std::int64_t>::max() / first_period) {
      detail::reject(family, "period_divisor",
                     "small enough that first_period × period_divisor fits in int64",
                     o.period_divisor);
    }
    return o;
  }

  // Steps in units of 1/period_divisor, where cycle starts and lengths are integers for an
  // integer multiplier: exact while below 2^64.
  [[nodiscard]] long double scaled(std::int64_t t) const noexcept {
    return static_cast<long double>(t) * divisor_;
  }

  // Scaled start of cycle i: P·(m^i − 1)/(m − 1), P·i for m = 1.
  [[nodiscard]] long double start_formula(std::int64_t i) const noexcept {
    const auto ii = static_cast<long double>(i);
    if (multiplier_ == 1.0L) return scaled_period_ * ii;
    if (integer_multiplier_) {
      return scaled_period_ *
             ((detail::integer_power(multiplier_, i) - 1.0L) / (multiplier_ - 1.0L));
    }
    return scaled_period_ * (std::expm1(ii * log_multiplier_) / (multiplier_ - 1.0L));
  }

  // Scaled length of cycle i: P·m^i.
  [[nodiscard]] long double length_formula(std::int64_t i) const noexcept {
    if (multiplier_ == 1.0L) return scaled_period_;
    if (integer_multiplier_) return scaled_period_ * detail::integer_power(multiplier_, i);
    return scaled_period_ * std::exp(static_cast<long double>(i) * log_multiplier_);
  }

  [[nodiscard]] long double cycle_start(std::int64_t i) const noexcept {
    return static_cast<std::size_t>(i) < starts_.size() ? starts_[static_cast<std::size_t>(i)]
                                                        : start_formula(i);
  }
  [[nodiscard]] long double cycle_length(std::int64_t i) const noexcept {
    return static_cast<std::size_t>(i) < lengths_.size() ? lengths_[static_cast<std::size_t>(i)]
                                                         : length_formula(i);
  }

  [[nodiscard]] long double decay_power(std::int64_t i) const noexcept {
    return detail::power_of(log_decay_, static_cast<long double>(i));
  }

  // The value at the start of cycle i.
  [[nodiscard]] long double top(std::int64_t i) const noexcept {
    const auto floor = static_cast<long double>(options_.floor_value);
    const auto peak = static_cast<long double>(peak_);
    if (options_.cycle_decay == 1.0) return peak;
    if (options_.decay_target == restart_decay::peak) return peak * decay_power(i);
    return floor + (peak - floor) * decay_power(i);
  }

  // A step's cycle and its offset from the cycle's start, in units of 1/period_divisor.
  struct position {
    std::int64_t cycle;
    long double offset;
  };

  // With mult = 1 in integers at every int64 step: t·N = i·P + offset. Otherwise from the
  // logarithm's estimate, settled against the neighbouring starts; the offset is exact
  // while t·N < 2^64.
  [[nodiscard]] position locate(std::int64_t t) const noexcept {
    if (multiplier_ == 1.0L) {
      const std::int64_t n = options_.period_divisor;
      const std::int64_t within = (t % first_period_) * n;  // < P·N, which fits
      return {(t / first_period_) * n + within / first_period_,
              static_cast<long double>(within % first_period_)};
    }
    const long double u = scaled(t);
    if (!starts_.empty() && u < starts_.back()) {
      const auto above = std::upper_bound(starts_.begin(), starts_.end(), u);
      const auto i = static_cast<std::int64_t>(above - starts_.begin()) - 1;
      return {i, u - starts_[static_cast<std::size_t>(i)]};
    }
    const long double estimate =
        std::log1p(u * (multiplier_ - 1.0L) / scaled_period_) / log_multiplier_;
    auto i = static_cast<std::int64_t>(std::clamp(std::floor(estimate), 0.0L, 9.0e18L));
    while (i > 0 && cycle_start(i) > u) --i;
    while (cycle_start(i + 1) <= u) ++i;
    return {i, u - cycle_start(i)};
  }

  // The offset of cycle i's first step from the cycle's start, in [0, N).
  [[nodiscard]] long double first_offset(std::int64_t i) const noexcept {
    if (multiplier_ == 1.0L) {
      const std::int64_t n = options_.period_divisor;
      return static_cast<long double>((n - (i % n) * first_period_ % n) % n);
    }
    return scaled(first_step(i)) - cycle_start(i);
  }

  // Σ cos²θ and Σ sin²θ over `count` steps of cycle i, the first at `offset` from its start.
  [[nodiscard]] detail::weight_pair<long double> cycle_weights(std::int64_t i, long double offset,
                                                               std::int64_t count) const noexcept {
    const long double length = cycle_length(i);
    if (options_.k_decay != 1.0 || count <= 2) {
      detail::compensated_sum weight;
      detail::compensated_sum complement;
      for (std::int64_t j = 0; j < count; ++j) {
        const long double at = offset + static_cast<long double>(j) * divisor_;
        const auto w =
            detail::cosine_weight_pair(static_cast<double>(at), static_cast<double>(length - at),
                                       static_cast<double>(length), options_.k_decay);
        weight.add(w.weight);
        complement.add(w.complement);
      }
      return {weight.value(), complement.value()};
    }
    // θ_j = (π/2)(offset + j·N)/length: an arithmetic progression of angles, its centre
    // measured from the cycle's start for sin² and from its end for cos².
    const long double middle = offset + (static_cast<long double>(count) - 1.0L) * divisor_ / 2.0L;
    const long double quarter = detail::pi_ld / 2.0L / length;
    const long double step_angle = quarter * divisor_;
    const auto n = static_cast<long double>(count);
    return {detail::sine_squared_progression_sum(n, quarter * (length - middle), step_angle),
            detail::sine_squared_progression_sum(n, quarter * middle, step_angle)};
  }

  [[nodiscard]] long double cycle_part(std::int64_t i, long double offset,
                                       std::int64_t count) const noexcept {
    if (count <= 0) return 0.0L;
    const auto w = cycle_weights(i, offset, count);
    return top(i) * w.weight + static_cast<long double>(options_.floor_value) * w.complement;
  }

  [[nodiscard]] detail::weight_pair<long double> whole_cycle_weights(
      std::int64_t i) const noexcept {
    return cycle_weights(i, first_offset(i), first_step(i + 1) - first_step(i));
  }

  [[nodiscard]] long double whole_cycle(std::int64_t i) const noexcept {
    const auto w = whole_cycle_weights(i);
    return top(i) * w.weight + static_cast<long double>(options_.floor_value) * w.complement;
  }

  // Whole cycles [i1, i2) of equal length (mult = 1): cycles with equal i mod g
  // (g = alignments_) cover the same steps relative to their start, so each alignment is
  // summed once and weighted by Σ top_i over its cycles (a geometric series in decay^g).
  [[nodiscard]] long double equal_cycles(std::int64_t i1, std::int64_t i2) const noexcept {
    const auto floor = static_cast<long double>(options_.floor_value);
    const auto peak = static_cast<long double>(peak_);
    // top_i = base + scale·decay^i
    long double base = 0.0L;
    long double scale = peak;
    if (options_.cycle_decay == 1.0) {
      base = peak;
      scale = 0.0L;
    } else if (options_.decay_target == restart_decay::amplitude) {
      base = floor;
      scale = peak - floor;
    }
    const std::int64_t g = alignments_;
    long double total = 0.0L;
    for (std::int64_t r = 0; r < g && i1 + r < i2; ++r) {
      const std::int64_t i = i1 + r;
      const auto w = whole_cycle_weights(i);
      const std::int64_t cycles = (i2 - i - 1) / g + 1;
      long double tops = base * static_cast<long double>(cycles);
      if (scale != 0.0L) {
        tops += scale * decay_power(i) *
                detail::geometric_sum(static_cast<long double>(g) * log_decay_, 0, cycles);
      }
      total += tops * w.weight + floor * static_cast<long double>(cycles) * w.complement;
    }
    return total;
  }

  double peak_;
  std::int64_t first_period_;
  restart_options options_;
  long double multiplier_;
  bool integer_multiplier_;
  long double log_multiplier_;
  long double log_decay_;
  long double scaled_period_;  // first_period: the first cycle's length in scaled units
  long double divisor_;
  bool holds_ = false;  // a cycle limit that ends within int64
  std::int64_t hold_start_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t alignments_ = 1;
  // mult != 1: the scaled starts and lengths of the first cycles, up to the first that
  // starts beyond int64 steps (4097 entries at most: multipliers below ~1.01 compute the
  // rest from the formula).
  static constexpr std::int64_t table_limit = 4096;
  std::vector<long double> starts_;
  std::vector<long double> lengths_;
};

}  // namespace lrsched

#endif  // LRSCHED_RESTARTS_HPP
