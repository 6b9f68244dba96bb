// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file constant.hpp
/// @brief `constant`: the same learning rate at every step.
#ifndef LRSCHED_CONSTANT_HPP
#define LRSCHED_CONSTANT_HPP

#include <cstdint>

#include <lrsched/detail/describe_fwd.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>

namespace lrsched {

/// @brief s(t) = value for every t.
///
/// Sum: (last − first)·value. Covers PyTorch's plain optimizer LR, optax
/// `constant_schedule`, HF `constant`, Megatron `constant` (after warmup).
/// As a factor, `constant(1.0)` is the identity of the product.
class constant {
 public:
  /// @param value the learning rate; must be finite.
  explicit constant(double value) : value_(detail::require_finite("constant", "value", value)) {}

  [[nodiscard]] constexpr double operator()(std::int64_t /*step*/) const noexcept { return value_; }
  [[nodiscard]] constexpr double at_local(std::int64_t /*step*/) const noexcept { return value_; }

  [[nodiscard]] constexpr long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return detail::count(first, last) * static_cast<long double>(value_);
  }
  [[nodiscard]] constexpr long double sum_of_squares(std::int64_t first,
                                                     std::int64_t last) const noexcept {
    const auto v = static_cast<long double>(value_);
    return detail::count(first, last) * v * v;
  }
  /// Σ over t = first, first + stride, ... below last: the number of terms times the value.
  [[nodiscard]] constexpr long double sum_strided(std::int64_t first, std::int64_t last,
                                                  std::int64_t stride) const noexcept {
    return static_cast<long double>(detail::progression_count(first, last, stride)) *
           static_cast<long double>(value_);
  }

  template <class D = description>
  [[nodiscard]] D describe() const {
    return D{"constant"}.with("value", value_);
  }

  [[nodiscard]] constexpr double value() const noexcept { return value_; }

 private:
  double value_;
};

}  // namespace lrsched

#endif  // LRSCHED_CONSTANT_HPP
