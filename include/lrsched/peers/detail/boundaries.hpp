// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/boundaries.hpp
/// @brief Chains given the way peers give them: schedules plus the absolute steps
/// where each next one takes over (optax `join_schedules` boundaries, PyTorch
/// `SequentialLR` milestones).
#ifndef LRSCHED_PEERS_DETAIL_BOUNDARIES_HPP
#define LRSCHED_PEERS_DETAIL_BOUNDARIES_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include <lrsched/chain.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/description.hpp>

namespace lrsched::detail {

/// The descriptions of a tuple's schedules, in order: a peer's list of child schedules.
template <class... S>
std::vector<description> describe_all(const std::tuple<S...>& schedules) {
  std::vector<description> children;
  children.reserve(sizeof...(S));
  std::apply([&](const auto&... s) { (children.push_back(detail::describe(s)), ...); }, schedules);
  return children;
}

/// A chain whose piece k (k >= 1) starts at the absolute step boundaries[k − 1] and sees
/// the steps since then. The caller checks the boundaries (non-decreasing, >= 0) and
/// words the error in its peer's terms.
template <Schedule... S>
chain_schedule<S...> chain_from_boundaries(
    std::tuple<S...> schedules, const std::array<std::int64_t, sizeof...(S) - 1>& boundaries) {
  std::array<std::int64_t, sizeof...(S)> durations{};
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    durations[i] = boundaries[i] - (i == 0 ? 0 : boundaries[i - 1]);
  }
  return chain_schedule<S...>(std::move(schedules), durations);
}

}  // namespace lrsched::detail

#endif  // LRSCHED_PEERS_DETAIL_BOUNDARIES_HPP
