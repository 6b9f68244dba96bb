// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/blocks.hpp
/// @brief Sorted step lists (milestones, boundaries, knots): validation, which
/// block a step falls in, visiting the blocks of a range, and the first step
/// where a monotone condition changes.
#ifndef LRSCHED_DETAIL_BLOCKS_HPP
#define LRSCHED_DETAIL_BLOCKS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

#include <lrsched/detail/numeric.hpp>

namespace lrsched::detail {

/// Checks that every step is >= 0 and >= the one before it (equal steps are allowed).
/// The error names the entry: `<name>[i]<suffix>`, e.g. `milestones[2]` or `knots[1].step`.
inline void require_sorted_steps(std::string_view family, std::string_view name,
                                 std::span<const std::int64_t> steps,
                                 std::string_view suffix = "") {
  const auto entry = [&](std::size_t i) {
    std::string text(name);
    text.append("[").append(format_number(static_cast<std::int64_t>(i))).append("]");
    return text.append(suffix);
  };
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] < 0) reject(family, entry(i), ">= 0", steps[i]);
    if (i > 0 && steps[i] < steps[i - 1]) {
      reject(family, entry(i),
             ">= " + entry(i - 1) + " = " + format_number(steps[i - 1]) + " (non-decreasing)",
             steps[i]);
    }
  }
}

/// The block that step t falls in: the number of boundaries <= t (Python's
/// bisect_right), so a block starts AT its boundary. O(log n).
inline std::size_t block_of(std::span<const std::int64_t> boundaries, std::int64_t t) noexcept {
  return static_cast<std::size_t>(std::upper_bound(boundaries.begin(), boundaries.end(), t) -
                                  boundaries.begin());
}

/// Calls visit(i, begin, end) for every block i that meets [first, last), in order,
/// with the non-empty overlap [begin, end). Block i covers [boundaries[i−1],
/// boundaries[i]), the first block starting at −inf and the last ending at +inf;
/// zero-length blocks (equal boundaries) are skipped. O(log n + blocks visited).
template <class Visit>
void for_each_block(std::span<const std::int64_t> boundaries, std::int64_t first, std::int64_t last,
                    Visit&& visit) {
  if (last <= first) return;
  for (std::size_t i = block_of(boundaries, first); i <= boundaries.size(); ++i) {
    const std::int64_t begin = i == 0 ? first : std::max(first, boundaries[i - 1]);
    if (begin >= last) break;
    const std::int64_t end = i == boundaries.size() ? last : std::min(last, boundaries[i]);
    if (begin < end) visit(i, begin, end);
  }
}

/// The first step c in [0, int64 max] where changed(c) holds, for a predicate that
/// is false at 0 and flips at most once (false on [0, c), true from c on); int64 max
/// when it never flips below that. Gallops out from `guess` (e.g. a logarithm's
/// estimate) and bisects: O(log |c − guess|) evaluations, so the answer agrees
/// exactly with the evaluated values, not with the estimate.
template <class Changed>
std::int64_t first_change(Changed changed, std::int64_t guess) noexcept {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const auto grow = [](std::int64_t step) { return step > max / 2 ? max : 2 * step; };
  std::int64_t lo = 0;  // invariant: !changed(lo)
  std::int64_t hi = 0;  // invariant: changed(hi)
  guess = std::clamp<std::int64_t>(guess, 0, max);
  if (guess == 0 || !changed(guess)) {
    lo = guess;
    for (std::int64_t step = 1;; step = grow(step)) {
      if (lo > max - step) {
        if (!changed(max)) return max;
        hi = max;
        break;
      }
      if (changed(lo + step)) {
        hi = lo + step;
        break;
      }
      lo += step;
    }
  } else {
    hi = guess;
    for (std::int64_t step = 1;; step = grow(step)) {
      if (hi <= step) break;  // lo = 0
      if (!changed(hi - step)) {
        lo = hi - step;
        break;
      }
      hi -= step;
    }
  }
  while (hi - lo > 1) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    (changed(mid) ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_BLOCKS_HPP
