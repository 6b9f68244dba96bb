// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file loss.hpp
/// @brief Opt-in: loss-curve laws of the learning-rate schedule, their prediction for any
/// schedule and their fitting to logged runs (target lrsched::loss, which brings Ceres
/// Solver). Never included by lrsched.hpp.
///
/// @code
/// lrsched::loss_run run{schedule, steps, losses};
/// auto fitted = lrsched::fit(std::span(&run, 1), lrsched::multi_power_law{});
/// auto curve = lrsched::predict(fitted.law, other_schedule, steps);
/// @endcode
#ifndef LRSCHED_LOSS_HPP
#define LRSCHED_LOSS_HPP

#include <lrsched/loss/fit.hpp>
#include <lrsched/loss/law.hpp>
#include <lrsched/loss/search.hpp>

#endif  // LRSCHED_LOSS_HPP
