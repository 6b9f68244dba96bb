// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/common.hpp
/// @brief Field makers shared by the peer kinds (config/peers/<peer>.hpp).
#ifndef LRSCHED_CONFIG_PEERS_COMMON_HPP
#define LRSCHED_CONFIG_PEERS_COMMON_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/peers/detail/peer.hpp>

namespace lrsched::detail::config {

/// A text field limited to `choices`, handed to the builder as the string itself (for peer
/// functions that take their option as a string, e.g. PyTorch's `anneal_strategy`).
inline typed_field<std::string> text_choice(std::string name, std::vector<std::string> choices,
                                            std::string fallback) {
  std::vector<std::pair<std::string, std::string>> names;
  names.reserve(choices.size());
  for (auto& c : choices) names.emplace_back(c, c);
  return choice<std::string>(std::move(name), std::move(names), std::move(fallback));
}

/// Loaded schedules played one after another, piece k from `boundaries[k−1]` on (on its own
/// clock), described as the peer function `peer` with the pieces under `slot`: SequentialLR,
/// join_schedules. The caller checks the boundaries' order; this checks their number
/// (`boundaries_name`: one fewer than the pieces).
inline any_schedule chain_at_boundaries(description peer, std::string_view boundaries_name,
                                        const std::vector<std::int64_t>& boundaries,
                                        const std::string& slot, std::vector<any_schedule> pieces) {
  using detail::format_number;
  if (boundaries.size() + 1 != pieces.size()) {
    detail::reject(peer.kind, boundaries_name,
                   "one fewer than the " + slot + " (" +
                       format_number(static_cast<std::int64_t>(pieces.size()) - 1) + ")",
                   static_cast<std::int64_t>(boundaries.size()));
  }
  std::vector<std::int64_t> durations;
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    durations.push_back(boundaries[i] - (i == 0 ? 0 : boundaries[i - 1]));
  }
  std::vector<description> children;
  for (const auto& piece : pieces) children.push_back(piece.describe());
  peer.with_children(slot, std::move(children));
  return any_schedule(detail::as_peer(any_schedule::chain(std::move(pieces), std::move(durations)),
                                      std::move(peer)));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_COMMON_HPP
