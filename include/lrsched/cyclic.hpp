// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file cyclic.hpp
/// @brief `cyclic`: triangular cycles between a base and a maximum learning rate.
#ifndef LRSCHED_CYCLIC_HPP
#define LRSCHED_CYCLIC_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/description.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/geometric.hpp>
#include <lrsched/detail/geometric_ramp.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/periodic.hpp>

namespace lrsched {

/// How the amplitude of a `cyclic` schedule shrinks (PyTorch CyclicLR's `mode`).
/// - `triangular`: constant amplitude.
/// - `triangular2`: halved every cycle (scaled by 2^{−c} in cycle c = 0, 1, ...).
/// - `exp_range`: scaled by gamma^t at step t (per iteration, not per cycle).
enum class cyclic_mode { triangular, triangular2, exp_range };

/// @brief The mode's canonical name: "triangular", "triangular2" or "exp_range".
inline constexpr std::string_view cyclic_mode_names[] = {"triangular", "triangular2", "exp_range"};
[[nodiscard]] constexpr std::string_view to_string(cyclic_mode mode) noexcept {
  return detail::enum_name(mode, cyclic_mode_names);
}

/// @brief The mode named `name` (as `to_string` writes it), or nullopt.
[[nodiscard]] constexpr std::optional<cyclic_mode> cyclic_mode_from_string(
    std::string_view name) noexcept {
  return detail::enum_from_name<cyclic_mode>(name, cyclic_mode_names);
}

/// @brief Cyclical learning rates: each cycle of T = up + down steps rises linearly
/// from `base_lr` to `max_lr` over `step_size_up` steps and falls back over
/// `step_size_down` steps; the amplitude (max − base) is scaled per `mode`.
///
/// With c = ⌊t/T⌋ and k = t mod T: f = k/up for k < up, f = (T − k)/down otherwise
/// (so f = 1 exactly at k = up), and s(t) = base + (max − base)·f·scale(t), scale =
/// 1, 2^{−c} or gamma^t. Periodic: it repeats forever instead of holding a final
/// value; finite at every int64 step. Degenerate halves are legal: up = 0 starts each
/// cycle at the peak and falls (a sawtooth down), down = 0 rises and restarts at base
/// without reaching the peak (a sawtooth up). max < base is allowed (inverted cycles).
///
/// Covers PyTorch `CyclicLR` (1.13) for its three modes, with the same parameters
/// (`step_size_down` = `step_size_up` when PyTorch's is None). PyTorch computes the
/// position as 1 + t/T − ⌊1 + t/T⌋ in floating point; the exact integer k/T here
/// agrees with it to ~1e-14 relative over the first cycles (≤ 1.7e-15 on the PyTorch
/// 1.13 reference values), and PyTorch's own rounding drifts by ~1e-16·t/T beyond.
/// Its custom `scale_fn` is not a parameter: multiply a triangular cycle by another
/// schedule instead. Also TensorFlow Addons `CyclicalLearningRate` with its
/// triangular policies (up = down = step_size).
///
/// Sum: count·base + (max − base)·Σ f·scale in O(1): within a cycle the rising and
/// falling halves are arithmetic series (under the geometric weight gamma^k for
/// `exp_range`, summed as a weighted ramp without cancellation even for gamma within
/// 1e-12 of 1); the whole cycles between the partial ones are a constant times their
/// count (triangular) or a geometric series in 1/2 (triangular2) or gamma^T
/// (exp_range). ≈ 1e-18 relative when max >= base >= 0; with max < base the
/// subtraction can lose up to count·|base|/|sum| of that.
class cyclic {
 public:
  /// @param base_lr the lower end of each cycle (the value at its first step); finite.
  /// @param max_lr the upper end (reached at local step `step_size_up` when unscaled); finite.
  /// @param step_size_up steps of the rising half, >= 0.
  /// @param step_size_down steps of the falling half, >= 0; up + down >= 1.
  /// @param mode how the amplitude shrinks.
  /// @param gamma the per-step factor of `exp_range`, in (0, 1]; validated in every mode.
  cyclic(double base_lr, double max_lr, std::int64_t step_size_up, std::int64_t step_size_down,
         cyclic_mode mode = cyclic_mode::triangular, double gamma = 1.0)
      : base_(detail::require_finite("cyclic", "base_lr", base_lr)),
        max_(detail::require_finite("cyclic", "max_lr", max_lr)),
        up_(detail::require_steps("cyclic", "step_size_up", step_size_up)),
        down_(detail::require_steps("cyclic", "step_size_down", step_size_down)),
        mode_(mode),
        gamma_(gamma) {
    if (down_ > std::numeric_limits<std::int64_t>::max() - up_) {
      detail::reject("cyclic", "step_size_down", "<= 9223372036854775807 - step_size_up", down_);
    }
    if (up_ + down_ == 0)
      detail::reject("cyclic", "step_size_down", ">= 1 when step_size_up is 0", down_);
    if (to_string(mode_) == "unknown") {
      detail::reject("cyclic", "mode", "triangular, triangular2 or exp_range",
                     static_cast<std::int64_t>(mode_));
    }
    if (!(gamma_ > 0.0 && gamma_ <= 1.0)) detail::reject("cyclic", "gamma", "in (0, 1]", gamma_);
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    const std::int64_t period = up_ + down_;
    const std::int64_t k = t % period;
    const double fraction = k < up_ ? static_cast<double>(k) / static_cast<double>(up_)
                                    : static_cast<double>(period - k) / static_cast<double>(down_);
    double scale = 1.0;
    if (mode_ == cyclic_mode::triangular2) {
      scale = std::ldexp(1.0, -static_cast<int>(std::min<std::int64_t>(t / period, 2000)));
    } else if (mode_ == cyclic_mode::exp_range) {
      scale = std::pow(gamma_, static_cast<double>(t));
    }
    // In long double, so that max − base cannot overflow; the result lies between them.
    const long double base = base_;
    return static_cast<double>(base + (static_cast<long double>(max_) - base) * fraction * scale);
  }

  /// Σ over [first, last): partial cycles at the ends, whole cycles as one series.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double base = base_;
    return detail::count(first, last) * base +
           (static_cast<long double>(max_) - base) * shape_sum(first, last);
  }

  [[nodiscard]] description describe() const {
    description d{"cyclic"};
    d.parameters.reserve(6);  // built in place: no variant moves
    d.parameters.emplace_back("base_lr", base_);
    d.parameters.emplace_back("max_lr", max_);
    d.parameters.emplace_back("step_size_up", up_);
    d.parameters.emplace_back("step_size_down", down_);
    d.parameters.emplace_back("mode", std::string(to_string(mode_)));
    d.parameters.emplace_back("gamma", gamma_);
    return d;
  }

  [[nodiscard]] double base_lr() const noexcept { return base_; }
  [[nodiscard]] double max_lr() const noexcept { return max_; }
  [[nodiscard]] std::int64_t step_size_up() const noexcept { return up_; }
  [[nodiscard]] std::int64_t step_size_down() const noexcept { return down_; }
  [[nodiscard]] cyclic_mode mode() const noexcept { return mode_; }
  [[nodiscard]] double gamma() const noexcept { return gamma_; }

 private:
  /// Σ f(k_t)·scale(t) over [first, last). With the per-step weight e^{−x·k} inside a
  /// cycle and the per-cycle weight e^{−x_cycle·c}: triangular (0, 0), triangular2
  /// (0, ln 2), exp_range (−ln gamma, −T·ln gamma).
  [[nodiscard]] long double shape_sum(std::int64_t first, std::int64_t last) const noexcept {
    const std::int64_t period = up_ + down_;
    long double x = 0.0L;
    long double x_cycle = 0.0L;
    if (mode_ == cyclic_mode::triangular2) {
      x_cycle = std::numbers::ln2_v<long double>;
    } else if (mode_ == cyclic_mode::exp_range) {
      x = -std::log(static_cast<long double>(gamma_));
      x_cycle = x * static_cast<long double>(period);
    }
    const auto within = [&](std::int64_t begin, std::int64_t end) {
      return cycle_part(begin, end, x);
    };
    const long double whole_cycle = within(0, period);
    return detail::periodic_sum(
        period, first, last,
        [&](std::int64_t c, std::int64_t begin, std::int64_t end) {
          return detail::power_of(-x_cycle, static_cast<long double>(c)) * within(begin, end);
        },
        [&](std::int64_t c0, std::int64_t c1) {
          return whole_cycle * detail::geometric_sum(-x_cycle, c0, c1);
        });
  }

  /// Σ_{k=begin}^{end−1} f(k)·e^{−x·k} within one cycle, 0 <= begin <= end <= T.
  [[nodiscard]] long double cycle_part(std::int64_t begin, std::int64_t end,
                                       long double x) const noexcept {
    long double total = 0.0L;
    const std::int64_t rise_end = std::min(end, up_);
    if (begin < rise_end) {  // Σ k/up
      total += detail::power_of(-x, static_cast<long double>(begin)) *
               detail::geometric_ramp_sum(static_cast<long double>(begin), 1.0L, x,
                                          detail::count(begin, rise_end)) /
               static_cast<long double>(up_);
    }
    const std::int64_t fall_begin = std::max(begin, up_);
    if (fall_begin < end) {  // Σ (T − k)/down
      total += detail::power_of(-x, static_cast<long double>(fall_begin)) *
               detail::geometric_ramp_sum(static_cast<long double>(up_ + down_ - fall_begin), -1.0L,
                                          x, detail::count(fall_begin, end)) /
               static_cast<long double>(down_);
    }
    return total;
  }

  double base_;
  double max_;
  std::int64_t up_;
  std::int64_t down_;
  cyclic_mode mode_;
  double gamma_;
};

}  // namespace lrsched

#endif  // LRSCHED_CYCLIC_HPP
