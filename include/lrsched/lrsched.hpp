/// @file lrsched.hpp
/// @brief The core umbrella: every schedule family, composition and summed-LR
/// helper. Needs only the standard library; the JSON, fmt and libtorch
/// integrations are separate opt-in headers and are never included from here.
/// The peer-faithful constructors (`lrsched::pytorch::...`, `lrsched::hf::...`) are
/// in `<lrsched/peers.hpp>` (all seven) or `<lrsched/peers/<peer>.hpp>` (one), so a
/// program that does not use them does not pay for compiling them.
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
#include "table.hpp"
#include "tanh.hpp"
#include "units.hpp"
#include "version.hpp"
#include "warmup.hpp"
#include "wsd.hpp"

#endif  // LRSCHED_LRSCHED_HPP
