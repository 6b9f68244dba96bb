// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file lrsched.hpp
/// @brief The core umbrella: every schedule family, composition and summed-LR
/// helper. Needs only the standard library; the JSON, fmt and libtorch
/// integrations are separate opt-in headers and are never included from here.
/// The peer-faithful constructors (`lrsched::pytorch::...`, `lrsched::hf::...`) are
/// in `<lrsched/peers.hpp>` (all seven) or `<lrsched/peers/<peer>.hpp>` (one), so a
/// program that does not use them does not pay for compiling them.
#ifndef LRSCHED_LRSCHED_HPP
#define LRSCHED_LRSCHED_HPP

#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/cyclic.hpp>
#include <lrsched/description.hpp>
#include <lrsched/error.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/fill.hpp>
#include <lrsched/fraction.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/one_cycle.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/plateau.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/queries.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>
#include <lrsched/stretch.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/table.hpp>
#include <lrsched/tanh.hpp>
#include <lrsched/units.hpp>
#include <lrsched/version.hpp>
#include <lrsched/warmup.hpp>
#include <lrsched/wsd.hpp>

#endif  // LRSCHED_LRSCHED_HPP
