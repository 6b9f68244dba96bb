// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/megatron.hpp
/// @brief The machinery behind peers/megatron.hpp: the peer's own factors and their sums,
/// argument checks and description helpers. Not part of the API.
#ifndef LRSCHED_PEERS_DETAIL_MEGATRON_HPP
#define LRSCHED_PEERS_DETAIL_MEGATRON_HPP

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/error.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/queries.hpp>
#include <lrsched/wsd.hpp>

namespace lrsched::detail::megatron {

inline constexpr std::string_view kind = "megatron.optimizer_param_scheduler";

/// Megatron's inverse-square-root style: the warmup (init_lr to max_lr, including step W),
/// then max_lr·√τ/√t with τ = max(W, 1) — with no warmup step 0 is max_lr·1/√1 too, so the
/// decay starts a step late — floored at min_lr, and min_lr past lr_decay_steps.
using inverse_square_root = chain_schedule<linear, constant, inverse_sqrt, constant>;

/// The style as native pieces: every style but inverse-square-root is a native `wsd`
/// (constant: an open stable phase; linear and cosine: no stable phase; WSD: a stable phase
/// up to lr_decay_steps − wsd_decay_steps).
using schedule = detail::one_of<wsd, inverse_square_root>;

template <class Options>  // megatron::optimizer_param_scheduler_options
schedule make_inverse_square_root(const Options& o) {
  const std::int64_t warmup = o.lr_warmup_steps;
  const std::int64_t first = std::max<std::int64_t>(warmup, 1);  // the first decay step
  const inverse_sqrt decay(o.max_lr, 0, first);
  // Megatron's max(min_lr, lr) until lr_decay_steps: the decay holds until it drops below
  // min_lr (found on its own values, so the switch agrees with them) or until the end.
  const std::int64_t until_end = o.lr_decay_steps - first + 1;
  const std::int64_t length = first_step_below(decay, o.min_lr, 0, until_end).value_or(until_end);
  return chain(linear(o.init_lr, o.max_lr, warmup),
               for_steps(warmup == 0 ? 1 : 0, constant(o.max_lr)), for_steps(length, decay),
               constant(o.min_lr));
}

}  // namespace lrsched::detail::megatron

#endif  // LRSCHED_PEERS_DETAIL_MEGATRON_HPP
