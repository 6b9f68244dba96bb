// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file piecewise.hpp
/// @brief `piecewise_constant` and `piecewise_linear`: schedules given by a list
/// of steps and values.
#ifndef LRSCHED_PIECEWISE_HPP
#define LRSCHED_PIECEWISE_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/linear.hpp>

namespace lrsched {

/// @brief Constant pieces: values[i] from boundaries[i−1] (inclusive) up to boundaries[i].
///
/// s(t) = values[k], k = the number of boundaries <= t: the value switches AT each
/// boundary, as in PyTorch and optax (Keras `PiecewiseConstantDecay` switches one step
/// later, at b + 1). Equal boundaries make a zero-length piece, whose value is never
/// used. Before the first boundary: values[0]; from the last one on: values.back(),
/// so `length()` is the last boundary (0 without boundaries). The piece is found by
/// binary search, O(log pieces). Covers optax `piecewise_constant_schedule` (there,
/// with multiplicative scales: values[k] = init · Π scales), Keras
/// `PiecewiseConstantDecay` (shifted one step), and any table of LRs.
/// Sum (and sum of squares): count · value per piece, O(pieces).
///
/// @code
/// lrsched::piecewise_constant({1'000, 2'000}, {1e-3, 1e-4, 1e-5});
/// @endcode
class piecewise_constant {
 public:
  /// @param boundaries the steps where the value changes; each >= 0, non-decreasing.
  /// @param values boundaries.size() + 1 finite values.
  piecewise_constant(std::vector<std::int64_t> boundaries, std::vector<double> values)
      : boundaries_(std::move(boundaries)), values_(std::move(values)) {
    detail::require_sorted_steps("piecewise_constant", "boundaries", boundaries_);
    if (values_.size() != boundaries_.size() + 1) {
      detail::reject("piecewise_constant", "values",
                     "of size boundaries.size() + 1 = " +
                         detail::format_number(static_cast<std::int64_t>(boundaries_.size() + 1)),
                     static_cast<std::int64_t>(values_.size()));
    }
    for (std::size_t i = 0; i < values_.size(); ++i) {
      if (!std::isfinite(values_[i])) {
        detail::reject("piecewise_constant",
                       "values[" + detail::format_number(static_cast<std::int64_t>(i)) + "]",
                       "finite", values_[i]);
      }
    }
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return values_[detail::block_of(boundaries_, detail::clamp_step(step))];
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return total<1>(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return total<2>(first, last);
  }

  /// The last boundary: the value holds from there on.
  [[nodiscard]] std::int64_t length() const noexcept {
    return boundaries_.empty() ? 0 : boundaries_.back();
  }

  [[nodiscard]] description describe() const {
    return description{"piecewise_constant"}
        .with("boundaries", boundaries_)
        .with("values", values_);
  }

  [[nodiscard]] const std::vector<std::int64_t>& boundaries() const noexcept { return boundaries_; }
  [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }

 private:
  template <int Power>
  [[nodiscard]] long double total(std::int64_t first, std::int64_t last) const noexcept {
    long double result = 0.0L;
    detail::for_each_block(boundaries_, first, last,
                           [&](std::size_t i, std::int64_t begin, std::int64_t end) {
                             const auto v = static_cast<long double>(values_[i]);
                             result += detail::count(begin, end) * (Power == 1 ? v : v * v);
                           });
    return result;
  }

  std::vector<std::int64_t> boundaries_;
  std::vector<double> values_;
};

/// @brief One point of a `piecewise_linear` schedule: the value at a step.
struct knot {
  std::int64_t step;
  double value;
};

/// @brief Straight lines between knots: the first knot's value before it, the last
/// knot's value from it on.
///
/// Between knots (s₀, v₀) and (s₁, v₁), s(t) = (v₀·(s₁ − t) + v₁·(t − s₀)) / (s₁ − s₀),
/// the two-product form of `linear`: exact at both knots and keeping full relative
/// precision near a zero. Knots with equal steps make a jump: the later knot wins at that
/// step. A single knot is a constant. `length()` is the last knot's step. The segment is
/// found by binary search, O(log knots). Covers optax `piecewise_interpolate_schedule`
/// ('linear'), warmup–stable–decay tables, and any hand-drawn schedule.
/// Sum: an arithmetic series per segment; sum of squares: Faulhaber per segment
/// (both from `linear`), O(knots).
///
/// @code
/// lrsched::piecewise_linear({{0, 0.0}, {2'000, 3e-4}, {90'000, 3e-4}, {100'000, 3e-5}});
/// @endcode
class piecewise_linear {
 public:
  /// @param knots at least one; steps >= 0 and non-decreasing; values finite.
  explicit piecewise_linear(std::vector<knot> knots) : knots_(std::move(knots)) {
    if (knots_.empty()) {
      detail::reject("piecewise_linear", "knots", "non-empty (size >= 1)", std::int64_t{0});
    }
    steps_.reserve(knots_.size());
    for (std::size_t i = 0; i < knots_.size(); ++i) {
      steps_.push_back(knots_[i].step);
      if (!std::isfinite(knots_[i].value)) {
        detail::reject("piecewise_linear",
                       "knots[" + detail::format_number(static_cast<std::int64_t>(i)) + "].value",
                       "finite", knots_[i].value);
      }
    }
    detail::require_sorted_steps("piecewise_linear", "knots", steps_, ".step");
    segments_.reserve(knots_.size() - 1);
    for (std::size_t i = 0; i + 1 < knots_.size(); ++i) {
      segments_.emplace_back(knots_[i].value, knots_[i + 1].value,
                             knots_[i + 1].step - knots_[i].step);
    }
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    const std::size_t i = detail::block_of(steps_, t);
    if (i == 0) return knots_.front().value;
    if (i == knots_.size()) return knots_.back().value;
    return segments_[i - 1](t - steps_[i - 1]);
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return total<false>(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return total<true>(first, last);
  }

  /// The last knot's step: the value holds from there on.
  [[nodiscard]] std::int64_t length() const noexcept { return knots_.back().step; }

  /// Kind "piecewise_linear": the knots as two parallel lists, "steps" and "values".
  [[nodiscard]] description describe() const {
    std::vector<double> values;
    values.reserve(knots_.size());
    for (const auto& k : knots_) values.push_back(k.value);
    return description{"piecewise_linear"}.with("steps", steps_).with("values", std::move(values));
  }

  [[nodiscard]] const std::vector<knot>& knots() const noexcept { return knots_; }

 private:
  template <bool Squares>
  [[nodiscard]] long double total(std::int64_t first, std::int64_t last) const noexcept {
    long double result = 0.0L;
    detail::for_each_block(
        steps_, first, last, [&](std::size_t i, std::int64_t begin, std::int64_t end) {
          if (i == 0 || i == knots_.size()) {
            const auto v =
                static_cast<long double>(i == 0 ? knots_.front().value : knots_.back().value);
            result += detail::count(begin, end) * (Squares ? v * v : v);
            return;
          }
          const auto& segment = segments_[i - 1];
          const std::int64_t origin = steps_[i - 1];
          result += Squares ? segment.sum_of_squares(begin - origin, end - origin)
                            : segment.sum(begin - origin, end - origin);
        });
    return result;
  }

  std::vector<knot> knots_;
  std::vector<std::int64_t> steps_;  // knots_[i].step, for the binary search
  std::vector<linear> segments_;     // segments_[i] runs from knot i to knot i + 1
};

}  // namespace lrsched

#endif  // LRSCHED_PIECEWISE_HPP
