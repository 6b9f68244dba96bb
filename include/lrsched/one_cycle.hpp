// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file one_cycle.hpp
/// @brief `one_cycle`: the 1cycle policy — warm up to a peak, anneal far below the
/// start, then hold.
#ifndef LRSCHED_ONE_CYCLE_HPP
#define LRSCHED_ONE_CYCLE_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/description.hpp>
#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// How each phase of a `one_cycle` moves between its two values (PyTorch's
/// `anneal_strategy`): a half cosine (`cos`) or a straight line (`linear`).
enum class one_cycle_anneal { cos, linear };

/// @brief The strategy's canonical name: "cos" or "linear".
inline constexpr std::string_view one_cycle_anneal_names[] = {"cos", "linear"};
[[nodiscard]] constexpr std::string_view to_string(one_cycle_anneal anneal) noexcept {
  return detail::enum_name(anneal, one_cycle_anneal_names);
}

/// @brief The strategy named `name` (as `to_string` writes it), or nullopt.
[[nodiscard]] constexpr std::optional<one_cycle_anneal> one_cycle_anneal_from_string(
    std::string_view name) noexcept {
  return detail::enum_from_name<one_cycle_anneal>(name, one_cycle_anneal_names);
}

/// The shape parameters of `one_cycle`, with PyTorch OneCycleLR's defaults.
struct one_cycle_options {
  double pct_start = 0.3;  ///< fraction of total_steps spent rising, in [0, 1]
  one_cycle_anneal anneal_strategy = one_cycle_anneal::cos;
  /// initial value = max_lr / div_factor; finite, > 0, and the quotient finite
  double div_factor = 25.0;
  /// final value = initial value / final_div_factor; finite, > 0, and the quotient finite
  double final_div_factor = 1e4;
  bool three_phase = false;       ///< fall back to the initial value before the final annealing
};

/// @brief The 1cycle policy: from initial = max_lr/div_factor up to `max_lr`, then
/// down to min = initial/final_div_factor at step total_steps − 1, holding min after.
///
/// The phases end at the (real) steps b₁ = pct_start·n − 1 and b_last = n − 1
/// (n = total_steps), with b₂ = 2·pct_start·n − 2 in between when `three_phase`
/// (initial → max → initial → min, else initial → max → min). Step t belongs to the
/// first phase whose end is >= t; with s its start (the previous end, 0 for the
/// first) and e its end, p = (t − s)/(e − s) and
///   cos:    s(t) = start·cos²(πp/2) + end·sin²(πp/2)   (= end + (start − end)(1 + cos πp)/2)
///   linear: s(t) = start·(1 − p) + end·p,
/// with 1 − p formed as (e − t)/(e − s), so the value keeps full relative precision
/// down to min (PyTorch's end + (start − end)(1 + cos πp)/2 rounds to within
/// ~1e-16·max_lr there: relative differences up to ~1e-11 in the last steps of long
/// runs, ≤ 1e-13 elsewhere). For t >= n − 1 the value is that of step n − 1 (min, or
/// the last phase end reached), and `length()` is n. A phase of zero length is
/// skipped (its end value applies at its one step), so pct_start·n = 1 puts the peak
/// at step 0 instead of dividing by zero; n = 0 is the constant min.
///
/// Covers PyTorch `OneCycleLR` (1.13) step for step on [0, n − 1] with the same
/// parameters (its `total_steps`, or epochs × steps_per_epoch), except that past
/// n − 1 it holds instead of overshooting at step n and raising after; optax
/// `cosine_onecycle_schedule` / `linear_onecycle_schedule` are nearby shapes with
/// other phase ends (2 or 3 interpolations keyed on `transition_steps`). Momentum
/// cycling is not part of a learning-rate schedule.
///
/// Sum: per phase in O(1): linear phases as arithmetic series of the two weights;
/// cosine phases as two sums of squared sines of an arithmetic progression of angles
/// (detail::sine_squared_progression_sum, the Dirichlet kernel written without
/// cancellation), then the held value times the held steps. ≈ 1e-18 relative.
class one_cycle {
 public:
  /// @param max_lr the peak value; finite.
  /// @param total_steps n, >= 0: the value reaches its final one at step n − 1.
  /// @param options pct_start, anneal_strategy, div_factor, final_div_factor, three_phase.
  one_cycle(double max_lr, std::int64_t total_steps, one_cycle_options options = {})
      : max_lr_(detail::require_finite("one_cycle", "max_lr", max_lr)),
        total_(detail::require_steps("one_cycle", "total_steps", total_steps)),
        options_(options) {
    const double pct = options_.pct_start;
    if (!(pct >= 0.0 && pct <= 1.0)) detail::reject("one_cycle", "pct_start", "in [0, 1]", pct);
    if (to_string(options_.anneal_strategy) == "unknown") {
      detail::reject("one_cycle", "anneal_strategy", "cos or linear",
                     static_cast<std::int64_t>(options_.anneal_strategy));
    }
    detail::require_positive("one_cycle", "div_factor", options_.div_factor);
    detail::require_positive("one_cycle", "final_div_factor", options_.final_div_factor);
    initial_lr_ = max_lr_ / options_.div_factor;
    if (!std::isfinite(initial_lr_)) {
      detail::reject("one_cycle", "div_factor",
                     "large enough that max_lr / div_factor is finite (max_lr = " +
                         detail::format_number(max_lr_) + ")",
                     options_.div_factor);
    }
    min_lr_ = initial_lr_ / options_.final_div_factor;
    if (!std::isfinite(min_lr_)) {
      detail::reject("one_cycle", "final_div_factor",
                     "large enough that max_lr / div_factor / final_div_factor is finite "
                     "(max_lr / div_factor = " +
                         detail::format_number(initial_lr_) + ")",
                     options_.final_div_factor);
    }
    const auto n = static_cast<double>(total_);
    const double rise_end = pct * n - 1.0;
    const double last_end = static_cast<double>(total_ - (total_ > 0 ? 1 : 0));
    if (options_.three_phase) {
      phase_count_ = 3;
      phases_ = {phase{rise_end, initial_lr_, max_lr_},
                 phase{2.0 * pct * n - 2.0, max_lr_, initial_lr_},
                 phase{last_end, initial_lr_, min_lr_}};
    } else {
      phase_count_ = 2;
      phases_ = {phase{rise_end, initial_lr_, max_lr_}, phase{last_end, max_lr_, min_lr_}, phase{}};
    }
    final_value_ = total_ == 0 ? min_lr_ : value_at(total_ - 1);
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    return total_ == 0 || t >= total_ - 1 ? final_value_ : value_at(t);
  }

  /// Σ over [first, last): each phase's closed form on its steps, then the held value.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const std::int64_t hold_begin = total_ == 0 ? 0 : total_ - 1;
    long double total =
        detail::count(std::max(first, hold_begin), last) * static_cast<long double>(final_value_);
    // Phase i holds the integer steps in (max of the earlier ends, its end], below n − 1.
    std::int64_t lower = 0;
    double start = 0.0;
    for (int i = 0; i < phase_count_; ++i) {
      const phase& p = phases_[static_cast<std::size_t>(i)];
      const std::int64_t upper =
          i == phase_count_ - 1 ? hold_begin : steps_through(p.end, hold_begin);
      const std::int64_t begin = std::max(first, lower);
      const std::int64_t end = std::min(last, upper);
      if (begin < end) total += phase_sum(p, start, begin, end);
      lower = std::max(lower, upper);
      start = p.end;
    }
    return total;
  }

  [[nodiscard]] description describe() const {
    description d{"one_cycle"};
    d.parameters.reserve(7);  // built in place: no variant moves
    d.parameters.emplace_back("max_lr", max_lr_);
    d.parameters.emplace_back("total_steps", total_);
    d.parameters.emplace_back("pct_start", options_.pct_start);
    d.parameters.emplace_back("anneal_strategy", std::string(to_string(options_.anneal_strategy)));
    d.parameters.emplace_back("div_factor", options_.div_factor);
    d.parameters.emplace_back("final_div_factor", options_.final_div_factor);
    d.parameters.emplace_back("three_phase", options_.three_phase);
    return d;
  }

  [[nodiscard]] std::int64_t length() const noexcept { return total_; }
  [[nodiscard]] double max_lr() const noexcept { return max_lr_; }
  [[nodiscard]] std::int64_t total_steps() const noexcept { return total_; }
  [[nodiscard]] const one_cycle_options& options() const noexcept { return options_; }
  /// @brief max_lr / div_factor: the value at step 0.
  [[nodiscard]] double initial_lr() const noexcept { return initial_lr_; }
  /// @brief initial_lr / final_div_factor: the value at step total_steps − 1.
  [[nodiscard]] double min_lr() const noexcept { return min_lr_; }

 private:
  struct phase {
    double end = 0.0;  ///< the real step where the phase ends (inclusive)
    double start_value = 0.0;
    double end_value = 0.0;
  };

  /// 1 + ⌊end⌋ clipped to [0, limit]: the first integer step past a phase end.
  static std::int64_t steps_through(double end, std::int64_t limit) noexcept {
    const long double next = std::floor(static_cast<long double>(end)) + 1.0L;
    if (next <= 0.0L) return 0;
    if (next >= static_cast<long double>(limit)) return limit;
    return static_cast<std::int64_t>(next);
  }

  /// The value at 0 <= t <= n − 1: the first phase whose end is >= t.
  [[nodiscard]] double value_at(std::int64_t t) const noexcept {
    const auto x = static_cast<double>(t);
    double start = 0.0;
    for (int i = 0; i < phase_count_; ++i) {
      const phase& p = phases_[static_cast<std::size_t>(i)];
      if (x <= p.end || i == phase_count_ - 1) return interpolate(p, start, x);
      start = p.end;
    }
    return final_value_;  // not reached
  }

  [[nodiscard]] double interpolate(const phase& p, double start, double x) const noexcept {
    const double length = p.end - start;
    if (!(length > 0.0)) return p.end_value;
    const double done = (x - start) / length;  // p
    const double left = (p.end - x) / length;  // 1 − p, without cancellation
    if (options_.anneal_strategy == one_cycle_anneal::linear) {
      return p.start_value * left + p.end_value * done;
    }
    const double quarter = std::numbers::pi / 2.0;
    const double rising = std::sin(quarter * done);   // sin(πp/2)
    const double falling = std::sin(quarter * left);  // cos(πp/2)
    return p.start_value * (falling * falling) + p.end_value * (rising * rising);
  }

  /// Σ of phase p (starting at the real step `start`) over the integer steps [begin, end).
  [[nodiscard]] long double phase_sum(const phase& p, double start, std::int64_t begin,
                                      std::int64_t end) const noexcept {
    const long double m = detail::count(begin, end);
    const long double length = static_cast<long double>(p.end) - start;
    const long double from = p.start_value;
    const long double to = p.end_value;
    if (!(length > 0.0L)) return m * to;
    // The mean step of the range, measured from the phase's start and from its end.
    const long double middle =
        (static_cast<long double>(begin) + static_cast<long double>(end) - 1.0L) / 2.0L;
    const long double done = middle - start;
    const long double left = static_cast<long double>(p.end) - middle;
    if (options_.anneal_strategy == one_cycle_anneal::linear) {
      return m * (from * left + to * done) / length;
    }
    // Σ sin²(θ_t), θ_t = (π/2)(t − s)/L, an arithmetic progression of angles, and
    // Σ cos²(θ_t) = Σ sin²(π/2 − θ_t), the same progression reflected.
    const long double step = detail::pi_ld / (2.0L * length);
    return from * detail::sine_squared_progression_sum(m, left * step, step) +
           to * detail::sine_squared_progression_sum(m, done * step, step);
  }

  double max_lr_;
  std::int64_t total_;
  one_cycle_options options_;
  double initial_lr_ = 0.0;
  double min_lr_ = 0.0;
  std::array<phase, 3> phases_{};
  int phase_count_ = 2;
  double final_value_ = 0.0;
};

}  // namespace lrsched

#endif  // LRSCHED_ONE_CYCLE_HPP
