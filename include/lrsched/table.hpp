// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file table.hpp
/// @brief `table`: a learning rate given step by step (a logged run, a replayed schedule).
#ifndef LRSCHED_TABLE_HPP
#define LRSCHED_TABLE_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched {

/// @brief s(t) = values[t] for 0 <= t < n, values[n − 1] from n on (n = values.size()).
///
/// Replays a schedule recorded step by step, e.g. the learning rates a training run logged.
/// Sums are exact prefix sums (built once with compensated summation in long double), so
/// `sum` is O(1) at any range. The values are shared between copies: copying a table is
/// cheap and never copies the list. No peer has it as a family; PyTorch's `LambdaLR` over a
/// Python list is the nearest.
class table {
 public:
  /// @param values at least one; every value finite.
  explicit table(std::vector<double> values) {
    if (values.empty()) detail::reject("table", "values", "non-empty (size >= 1)", std::int64_t{0});
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!std::isfinite(values[i])) {
        detail::reject("table",
                       "values[" + detail::format_number(static_cast<std::int64_t>(i)) + "]",
                       "finite", values[i]);
      }
    }
    auto data = std::make_shared<table_data>();
    data->prefix.reserve(values.size() + 1);
    data->prefix_squares.reserve(values.size() + 1);
    detail::compensated_sum total;
    detail::compensated_sum squares;
    data->prefix.push_back(0.0L);
    data->prefix_squares.push_back(0.0L);
    for (const double v : values) {
      const auto x = static_cast<long double>(v);
      total.add(x);
      squares.add(x * x);
      data->prefix.push_back(total.value());
      data->prefix_squares.push_back(squares.value());
    }
    data->values = std::move(values);
    data_ = std::move(data);
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const auto& values = data_->values;
    const std::int64_t t = detail::clamp_step(step);
    return t < size() ? values[static_cast<std::size_t>(t)] : values.back();
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return total(data_->prefix, data_->values.back(), first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    const double held = data_->values.back();
    return total(data_->prefix_squares, held * held, first, last);
  }

  /// The number of values: the last one holds from step length() − 1 on, so length() is
  /// where the schedule has stopped changing.
  [[nodiscard]] std::int64_t length() const noexcept { return size(); }

  /// Kind "table": the per-step "values".
  [[nodiscard]] description describe() const {
    return description{"table"}.with("values", data_->values);
  }

  [[nodiscard]] const std::vector<double>& values() const noexcept { return data_->values; }

 private:
  struct table_data {
    std::vector<double> values;
    std::vector<long double> prefix;          // prefix[i] = Σ_{t<i} values[t]
    std::vector<long double> prefix_squares;  // prefix_squares[i] = Σ_{t<i} values[t]²
  };

  [[nodiscard]] std::int64_t size() const noexcept {
    return static_cast<std::int64_t>(data_->values.size());
  }

  /// Σ over [first, last) of the tabulated quantity, `held` per step from size() on.
  [[nodiscard]] long double total(const std::vector<long double>& prefix, double held,
                                  std::int64_t first, std::int64_t last) const noexcept {
    if (last <= first) return 0.0L;
    const std::int64_t n = size();
    const std::int64_t inside_first = std::min(first, n);
    const std::int64_t inside_last = std::min(last, n);
    const long double inside = prefix[static_cast<std::size_t>(inside_last)] -
                               prefix[static_cast<std::size_t>(inside_first)];
    return inside +
           detail::count(std::max(first, n), std::max(last, n)) * static_cast<long double>(held);
  }

  std::shared_ptr<const table_data> data_;
};

}  // namespace lrsched

#endif  // LRSCHED_TABLE_HPP
