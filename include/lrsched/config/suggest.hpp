// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/suggest.hpp
/// @brief "Did you mean": the closest known name to a misspelt one.
#ifndef LRSCHED_CONFIG_SUGGEST_HPP
#define LRSCHED_CONFIG_SUGGEST_HPP

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lrsched::detail {

/// Optimal-string-alignment distance (insertions, deletions, substitutions and
/// adjacent transpositions, each 1), comparing letters case-insensitively.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rows: two back (for transpositions), one back, current.
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

/// The candidate a user most likely meant by `name`, if one is close enough:
/// within max(2, |name| / 3) edits, or one name containing the other (at least
/// 3 letters), e.g. "warmup" for "warmup_steps". Names longer than 64 letters
/// get no suggestion (they are not typos, and the distance is quadratic).
inline std::optional<std::string> closest_name(std::string_view name,
                                               const std::vector<std::string>& candidates) {
  if (name.empty() || name.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_score = 0;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(name, candidate);
    const bool contains = std::min(name.size(), candidate.size()) >= 3 &&
                          (candidate.find(name) != std::string::npos ||
                           name.find(candidate) != std::string_view::npos);
    const bool near = distance <= std::max<std::size_t>(2, name.size() / 3);
    if (!near && !contains) continue;
    // Containment ranks after any near spelling.
    const std::size_t score = near ? distance : distance + 1000;
    if (!best || score < best_score) {
      best = candidate;
      best_score = score;
    }
  }
  return best;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_CONFIG_SUGGEST_HPP
