/// @file peers.hpp
/// @brief Every peer-faithful constructor: schedules named after PyTorch, optax, Keras,
/// HuggingFace, timm, DeepSpeed and Megatron-LM functions, with their numbers step for
/// step (docs/peers.md). Standard library only, like the core; kept out of
/// `<lrsched/lrsched.hpp>` because most programs need one peer at most
/// (`<lrsched/peers/pytorch.hpp>`, ...).
#ifndef LRSCHED_PEERS_HPP
#define LRSCHED_PEERS_HPP

#include "peers/deepspeed.hpp"
#include "peers/huggingface.hpp"
#include "peers/keras.hpp"
#include "peers/megatron.hpp"
#include "peers/optax.hpp"
#include "peers/pytorch.hpp"
#include "peers/timm.hpp"

#endif  // LRSCHED_PEERS_HPP
