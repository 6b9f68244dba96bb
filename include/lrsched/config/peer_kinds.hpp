// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peer_kinds.hpp
/// @brief The canonical JSON kinds of the peer-faithful schedules
/// (`lrsched/peers/<peer>.hpp`): one `"<peer>.<function>"` kind per function, with the
/// fields its `describe()` reports, so every peer schedule (and every config a dialect
/// loads) has a canonical form that reloads to the same values.
#ifndef LRSCHED_CONFIG_PEER_KINDS_HPP
#define LRSCHED_CONFIG_PEER_KINDS_HPP

#include <lrsched/config/peers/deepspeed.hpp>
#include <lrsched/config/peers/huggingface.hpp>
#include <lrsched/config/peers/keras.hpp>
#include <lrsched/config/peers/megatron.hpp>
#include <lrsched/config/peers/optax.hpp>
#include <lrsched/config/peers/pytorch.hpp>
#include <lrsched/config/peers/timm.hpp>
#include <lrsched/config/registry.hpp>

namespace lrsched::detail::config {

/// Registers the kinds of every peer, one call per peer.
inline void add_peer_kinds(kind_registry& r) {
  add_pytorch_kinds(r);
  add_optax_kinds(r);
  add_keras_kinds(r);
  add_huggingface_kinds(r);
  add_timm_kinds(r);
  add_deepspeed_kinds(r);
  add_megatron_kinds(r);
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEER_KINDS_HPP
