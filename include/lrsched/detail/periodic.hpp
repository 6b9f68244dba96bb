// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/periodic.hpp
/// @brief Summing over a step range cut into equal periods (stairs, cycles): the
/// partial period at each end plus one closed form for the whole periods between.
#ifndef LRSCHED_DETAIL_PERIODIC_HPP
#define LRSCHED_DETAIL_PERIODIC_HPP

#include <cstdint>

namespace lrsched::detail {

/// Σ over [first, last), 0 <= first, for a shape made of periods of `period` >= 1
/// steps: partial(k, begin, end) sums the local offsets [begin, end) of period k,
/// whole(k0, k1) sums the whole periods k0..k1−1. Each is called at most once per
/// end, so the cost is that of the closed forms: O(1). No int64 overflow at the ends.
template <class Partial, class Whole>
long double periodic_sum(std::int64_t period, std::int64_t first, std::int64_t last,
                         Partial&& partial, Whole&& whole) noexcept {
  if (last <= first) return 0.0L;
  const std::int64_t first_period = first / period;
  const std::int64_t last_period = (last - 1) / period;
  const std::int64_t head = first % period;           // offset where the range starts
  const std::int64_t tail = (last - 1) % period + 1;  // offset where it ends
  if (first_period == last_period) return partial(first_period, head, tail);
  long double total = partial(first_period, head, period) + partial(last_period, 0, tail);
  if (last_period - first_period > 1) total += whole(first_period + 1, last_period);
  return total;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_PERIODIC_HPP
