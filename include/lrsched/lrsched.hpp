/// @file lrsched.hpp
/// @brief The core umbrella: every schedule family, composition and summed-LR
/// helper. Needs only the standard library; the JSON, fmt and libtorch
/// integrations are separate opt-in headers and are never included from here.
#ifndef LRSCHED_LRSCHED_HPP
#define LRSCHED_LRSCHED_HPP

#include "any_schedule.hpp"
#include "chain.hpp"
#include "compose.hpp"
#include "concepts.hpp"
#include "constant.hpp"
#include "cosine.hpp"
#include "cyclic.hpp"
#include "description.hpp"
#include "error.hpp"
#include "exponential.hpp"
#include "fill.hpp"
#include "fraction.hpp"
#include "inverse_sqrt.hpp"
#include "inverse_time.hpp"
#include "linear.hpp"
#include "one_cycle.hpp"
#include "peers/deepspeed.hpp"
#include "peers/huggingface.hpp"
#include "peers/keras.hpp"
#include "peers/megatron.hpp"
#include "peers/optax.hpp"
#include "peers/pytorch.hpp"
#include "peers/timm.hpp"
#include "piecewise.hpp"
#include "plateau.hpp"
#include "polynomial.hpp"
#include "queries.hpp"
#include "repeat.hpp"
#include "restarts.hpp"
#include "step.hpp"
#include "stretch.hpp"
#include "strided_sum.hpp"
#include "sum.hpp"
#include "tanh.hpp"
#include "units.hpp"
#include "version.hpp"
#include "warmup.hpp"
#include "wsd.hpp"

#endif  // LRSCHED_LRSCHED_HPP
