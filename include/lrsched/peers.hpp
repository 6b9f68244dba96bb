// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers.hpp
/// @brief Every peer-faithful constructor: schedules named after PyTorch, optax, Keras,
/// HuggingFace, timm, DeepSpeed and Megatron-LM functions, with their numbers step for
/// step (docs/peers.md). Standard library only, like the core; kept out of
/// `<lrsched/lrsched.hpp>` because most programs need one peer at most
/// (`<lrsched/peers/pytorch.hpp>`, ...).
#ifndef LRSCHED_PEERS_HPP
#define LRSCHED_PEERS_HPP

#include <lrsched/peers/deepspeed.hpp>
#include <lrsched/peers/huggingface.hpp>
#include <lrsched/peers/keras.hpp>
#include <lrsched/peers/megatron.hpp>
#include <lrsched/peers/optax.hpp>
#include <lrsched/peers/pytorch.hpp>
#include <lrsched/peers/timm.hpp>

#endif  // LRSCHED_PEERS_HPP
