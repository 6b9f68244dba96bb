/// @file json/peer_kinds.hpp
/// @brief The canonical JSON kinds of the peer-faithful schedules
/// (`lrsched/peers/<peer>.hpp`): one `"<peer>.<function>"` kind per function, with the
/// fields its `describe()` reports, so every peer schedule (and every config a dialect
/// loads) has a canonical form that reloads to the same values.
#ifndef LRSCHED_JSON_PEER_KINDS_HPP
#define LRSCHED_JSON_PEER_KINDS_HPP

#include "peers/deepspeed.hpp"
#include "peers/huggingface.hpp"
#include "peers/keras.hpp"
#include "peers/megatron.hpp"
#include "peers/optax.hpp"
#include "peers/pytorch.hpp"
#include "peers/timm.hpp"
#include "registry.hpp"

namespace lrsched::config::detail {

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

}  // namespace lrsched::config::detail

#endif  // LRSCHED_JSON_PEER_KINDS_HPP
