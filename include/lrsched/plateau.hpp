// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file plateau.hpp
/// @brief `reduce_on_plateau`: a controller that watches a metric and scales any
/// schedule down when the metric stops improving.
///
/// It is the one stateful piece of lrsched and therefore not a schedule: it
/// yields a multiplier (`scale()`), and `lr(s, t)` applies it to any schedule
/// (PyTorch's ReduceLROnPlateau can only scale a constant). Its whole state is
/// the plain struct `plateau_state`: save it with a checkpoint, construct a
/// controller from it, and the run continues identically.
#ifndef LRSCHED_PLATEAU_HPP
#define LRSCHED_PLATEAU_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include <lrsched/concepts.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// Whether a lower (`min`, a loss) or a higher (`max`, an accuracy) metric is better.
enum class plateau_mode { min, max };

/// How `threshold` measures a significant improvement: relative to the best
/// value so far, or in the metric's own units.
enum class plateau_threshold { rel, abs };

/// Whose trigger rule to follow; they differ in small but visible ways.
/// - `pytorch`: torch.optim.lr_scheduler.ReduceLROnPlateau (1.13): reduce when
///   the number of bad updates *exceeds* `patience`; `min_lr` is an absolute
///   floor; a reduction smaller than `eps` is skipped.
/// - `keras`: keras.callbacks.ReduceLROnPlateau: reduce when the number of bad
///   updates *reaches* `patience`; a bad update during cooldown does not count;
///   `threshold` is Keras' `min_delta` (absolute).
/// - `optax`: optax.contrib.reduce_on_plateau: improvement means
///   v < (1 − rtol)·best − atol (min mode); reduce when the plateau count
///   reaches `patience`; the scale is floored at `min_scale`; metrics can be
///   averaged over `accumulation_size` calls first.
enum class plateau_rule { pytorch, keras, optax };

/// Parameters, with PyTorch's defaults.
struct plateau_options {
  plateau_mode mode = plateau_mode::min;
  double factor = 0.1;         ///< multiplier per reduction, in (0, 1)
  std::int64_t patience = 10;  ///< bad updates tolerated
  double threshold = 1e-4;     ///< significance of an improvement (rtol for optax)
  plateau_threshold threshold_mode = plateau_threshold::rel;
  std::int64_t cooldown = 0;           ///< updates to wait after a reduction
  double min_lr = 0.0;                 ///< absolute floor of the learning rate (pytorch, keras)
  double min_scale = 0.0;              ///< floor of the multiplier (optax)
  double eps = 1e-8;                   ///< smallest reduction applied (pytorch)
  double atol = 0.0;                   ///< optax's absolute tolerance
  std::int64_t accumulation_size = 1;  ///< optax: metrics averaged per decision
  plateau_rule rule = plateau_rule::pytorch;
};

/// The controller's complete state: plain data, safe to copy into a checkpoint.
struct plateau_state {
  double best = std::numeric_limits<double>::infinity();  ///< best metric seen (−inf in max mode)
  std::int64_t bad_updates = 0;        ///< updates since the last significant improvement
  std::int64_t cooldown_counter = 0;   ///< updates of cooldown left
  std::int64_t updates = 0;            ///< metrics seen
  std::int64_t reductions = 0;         ///< reductions applied so far
  double scale = 1.0;                  ///< current multiplier
  double accumulated = 0.0;            ///< optax: running mean of the pending metrics
  std::int64_t accumulated_count = 0;  ///< optax: metrics in that mean

  friend bool operator==(const plateau_state&, const plateau_state&) = default;
};

/// @brief Reduce-on-plateau as a controller that composes with any schedule.
///
/// @code
/// lrsched::reduce_on_plateau plateau({.factor = 0.5, .patience = 2});
/// const auto shape = lrsched::warmup(500, lrsched::cosine(3e-4, 3e-5, 100'000));
/// for (std::int64_t step = 0; step < steps; ++step) {
///   optimizer.set_lr(plateau.lr(shape, step));
///   ...
///   if (step % eval_every == 0) plateau.update(validation_loss, shape, step);
/// }
/// @endcode
class reduce_on_plateau {
 public:
  explicit reduce_on_plateau(plateau_options options = {}) : options_(validate(options)) {
    state_.best = initial_best();
  }
  /// Resume from a saved state.
  reduce_on_plateau(plateau_options options, const plateau_state& state)
      : options_(validate(options)), state_(state) {}

  /// @brief Feed one metric. `current_lr` is the learning rate in use now
  /// (`lr(s, t)`); the PyTorch and Keras rules compare it with `min_lr`.
  /// @return true when this call reduced the learning rate.
  bool update(double metric, double current_lr) noexcept {
    ++state_.updates;
    if (options_.rule == plateau_rule::optax) return update_optax(metric);
    const bool better = is_better(metric);
    if (options_.rule == plateau_rule::pytorch) {
      if (better) {
        state_.best = metric;
        state_.bad_updates = 0;
      } else {
        ++state_.bad_updates;
      }
      if (state_.cooldown_counter > 0) {
        --state_.cooldown_counter;
        state_.bad_updates = 0;
      }
      if (state_.bad_updates > options_.patience) {
        const bool reduced = reduce_if_worth_it(current_lr);
        state_.cooldown_counter = options_.cooldown;
        state_.bad_updates = 0;
        return reduced;
      }
      return false;
    }
    // keras
    const bool in_cooldown = state_.cooldown_counter > 0;
    if (in_cooldown) {
      --state_.cooldown_counter;
      state_.bad_updates = 0;
    }
    if (better) {
      state_.best = metric;
      state_.bad_updates = 0;
    } else if (state_.cooldown_counter == 0) {
      ++state_.bad_updates;
      if (state_.bad_updates >= options_.patience) {
        bool reduced = false;
        if (current_lr > options_.min_lr) reduced = reduce_if_worth_it(current_lr);
        state_.cooldown_counter = options_.cooldown;
        state_.bad_updates = 0;
        return reduced;
      }
    }
    return false;
  }

  /// @brief Feed one metric observed while training with `schedule` at `step`.
  template <Schedule S>
  bool update(double metric, const S& schedule, std::int64_t step) noexcept {
    return update(metric, lr(schedule, step));
  }

  /// @brief The learning rate to use: scale · s(t), floored at `min_lr` once
  /// a reduction has happened.
  template <Schedule S>
  [[nodiscard]] double lr(const S& schedule, std::int64_t step) const noexcept {
    const double value = state_.scale * static_cast<double>(schedule(step));
    return state_.reductions > 0 ? std::max(value, options_.min_lr) : value;
  }

  [[nodiscard]] double scale() const noexcept { return state_.scale; }
  [[nodiscard]] const plateau_state& state() const noexcept { return state_; }
  [[nodiscard]] const plateau_options& options() const noexcept { return options_; }

 private:
  static plateau_options validate(const plateau_options& o) {
    constexpr auto family = "reduce_on_plateau";
    if (!(o.factor > 0.0 && o.factor < 1.0))
      detail::reject(family, "factor", "in (0, 1)", o.factor);
    if (o.patience < 0) detail::reject(family, "patience", ">= 0", o.patience);
    detail::require_nonnegative(family, "threshold", o.threshold);
    if (o.cooldown < 0) detail::reject(family, "cooldown", ">= 0", o.cooldown);
    detail::require_nonnegative(family, "min_lr", o.min_lr);
    detail::require_nonnegative(family, "min_scale", o.min_scale);
    detail::require_nonnegative(family, "eps", o.eps);
    detail::require_nonnegative(family, "atol", o.atol);
    if (o.accumulation_size < 1) {
      detail::reject(family, "accumulation_size", ">= 1", o.accumulation_size);
    }
    if (o.rule == plateau_rule::optax && o.mode != plateau_mode::min) {
      detail::reject(family, "mode", "min with the optax rule (optax minimizes), got max", 0.0);
    }
    return o;
  }

  [[nodiscard]] double initial_best() const noexcept {
    return options_.mode == plateau_mode::min ? std::numeric_limits<double>::infinity()
                                              : -std::numeric_limits<double>::infinity();
  }

  [[nodiscard]] bool is_better(double metric) const noexcept {
    const double best = state_.best;
    const double t = options_.threshold;
    if (options_.rule == plateau_rule::keras) {  // min_delta, absolute
      return options_.mode == plateau_mode::min ? metric < best - t : metric > best + t;
    }
    if (options_.mode == plateau_mode::min) {
      return options_.threshold_mode == plateau_threshold::rel ? metric < best * (1.0 - t)
                                                               : metric < best - t;
    }
    return options_.threshold_mode == plateau_threshold::rel ? metric > best * (t + 1.0)
                                                             : metric > best + t;
  }

  bool reduce_if_worth_it(double current_lr) noexcept {
    const double reduced_lr = std::max(current_lr * options_.factor, options_.min_lr);
    if (options_.rule == plateau_rule::pytorch && !(current_lr - reduced_lr > options_.eps)) {
      return false;
    }
    state_.scale *= options_.factor;
    ++state_.reductions;
    return true;
  }

  bool update_optax(double metric) noexcept {
    const auto n = static_cast<double>(state_.accumulated_count);
    state_.accumulated = (n * state_.accumulated + metric) / (n + 1.0);
    ++state_.accumulated_count;
    if (state_.accumulated_count < options_.accumulation_size) return false;
    const double value = state_.accumulated;
    state_.accumulated = 0.0;
    state_.accumulated_count = 0;
    const double rtol =
        options_.threshold_mode == plateau_threshold::rel ? options_.threshold : 0.0;
    const double atol =
        options_.atol +
        (options_.threshold_mode == plateau_threshold::abs ? options_.threshold : 0.0);
    const bool improved = value < (1.0 - rtol) * state_.best - atol;
    if (improved) state_.best = value;
    const std::int64_t plateau = improved ? 0 : state_.bad_updates + 1;
    if (state_.cooldown_counter > 0) {
      state_.bad_updates = 0;
      --state_.cooldown_counter;
      return false;
    }
    if (plateau == options_.patience) {
      state_.bad_updates = 0;
      state_.scale = std::max(state_.scale * options_.factor, options_.min_scale);
      ++state_.reductions;
      state_.cooldown_counter = options_.cooldown;
      return true;
    }
    state_.bad_updates = plateau;
    return false;
  }

  plateau_options options_;
  plateau_state state_;
};

}  // namespace lrsched

#endif  // LRSCHED_PLATEAU_HPP
