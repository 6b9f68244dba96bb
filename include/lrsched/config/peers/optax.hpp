// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/optax.hpp
/// @brief The canonical JSON kinds of the optax-faithful schedules
/// (`lrsched/peers/optax.hpp`): `"optax.<function>"` with optax's parameter names.
///
/// optax's `boundaries_and_scales` dict is written as two arrays, `"boundaries"` and
/// `"scales"` (as the schedules describe it). `join_schedules` and `sgdr_schedule` take
/// their schedules from the document, so they are built at run time here, with the
/// checks and values of the typed functions.
#ifndef LRSCHED_CONFIG_PEERS_OPTAX_HPP
#define LRSCHED_CONFIG_PEERS_OPTAX_HPP

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/peers/common.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/error.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/peers/optax.hpp>

namespace lrsched::detail::config {

namespace optax_kinds {

/// optax's `boundaries_and_scales` dict from its two described arrays.
inline std::map<std::int64_t, double> scales_by_boundary(
    std::string_view function, const std::vector<std::int64_t>& boundaries,
    const std::vector<double>& scales) {
  using detail::format_number;
  if (scales.size() != boundaries.size()) {
    detail::reject(function, "scales",
                   "one scale per boundary (" +
                       format_number(static_cast<std::int64_t>(boundaries.size())) + ")",
                   static_cast<std::int64_t>(scales.size()));
  }
  std::map<std::int64_t, double> out;
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    if (!out.emplace(boundaries[i], scales[i]).second) {
      detail::reject(function, "boundaries[" + format_number(static_cast<std::int64_t>(i)) + "]",
                     "a step not listed before (a dict key)", boundaries[i]);
    }
  }
  return out;
}

/// `optax::join_schedules` over loaded schedules.
inline any_schedule join_schedules(const std::vector<std::int64_t>& boundaries,
                                   std::vector<any_schedule> schedules) {
  constexpr std::string_view name = "optax.join_schedules";
  detail::require_sorted_steps(name, "boundaries", std::span<const std::int64_t>(boundaries));
  return chain_at_boundaries(description{std::string(name)}.with("boundaries", boundaries),
                             "boundaries", boundaries, "schedules", std::move(schedules));
}

/// `optax::sgdr_schedule` over loaded `optax.warmup_cosine_decay_schedule` cycles.
inline any_schedule sgdr_schedule(std::vector<any_schedule> cycles) {
  constexpr std::string_view name = "optax.sgdr_schedule";
  using cycle_type = decltype(lrsched::optax::warmup_cosine_decay_schedule(0.0, 0.0, 0, 1));
  std::vector<std::int64_t> durations;
  std::vector<description> children;
  for (std::size_t i = 0; i < cycles.size(); ++i) {
    children.push_back(cycles[i].describe());
    if (cycles[i].target<cycle_type>() == nullptr) {
      const auto entry =
          "cosine_kwargs[" + detail::format_number(static_cast<std::int64_t>(i)) + "]";
      throw invalid_schedule(entry, std::string(name) + ": " + entry +
                                        " must be an optax.warmup_cosine_decay_schedule, got " +
                                        children.back().kind);
    }
    if (i + 1 < cycles.size()) {
      durations.push_back(std::get<std::int64_t>(*children.back().find("decay_steps")));
    }
  }
  return any_schedule(detail::as_peer(
      any_schedule::chain(std::move(cycles), std::move(durations)),
      description{std::string(name)}.with_children("cosine_kwargs", std::move(children))));
}

}  // namespace optax_kinds

/// Registers every `optax.<function>` kind.
inline void add_optax_kinds(kind_registry& r) {
  namespace ox = lrsched::optax;
  r.add(
      "optax.constant_schedule", "optax constant_schedule: value at every step",
      [](double value) { return ox::constant_schedule(value); }, real("value"));
  r.add(
      "optax.linear_schedule",
      "optax linear_schedule: init_value, from transition_begin a line to end_value over "
      "transition_steps",
      [](double init_value, double end_value, std::int64_t transition_steps,
         std::int64_t transition_begin) {
        return ox::linear_schedule(init_value, end_value, transition_steps, transition_begin);
      },
      real("init_value"), real("end_value"), integer("transition_steps"),
      integer("transition_begin", 0));
  r.add(
      "optax.polynomial_schedule",
      "optax polynomial_schedule: (init - end)(1 - (t - begin) / transition_steps)^power + end",
      [](double init_value, double end_value, double power, std::int64_t transition_steps,
         std::int64_t transition_begin) {
        return ox::polynomial_schedule(init_value, end_value, power, transition_steps,
                                       transition_begin);
      },
      real("init_value"), real("end_value"), real("power"), integer("transition_steps"),
      integer("transition_begin", 0));
  r.add(
      "optax.warmup_constant_schedule",
      "optax warmup_constant_schedule: a linear warmup to peak_value, then peak_value",
      [](double init_value, double peak_value, std::int64_t warmup_steps) {
        return ox::warmup_constant_schedule(init_value, peak_value, warmup_steps);
      },
      real("init_value"), real("peak_value"), integer("warmup_steps"));
  r.add(
      "optax.exponential_decay",
      "optax exponential_decay: init_value * decay_rate^((t - transition_begin) / "
      "transition_steps), optionally bounded by end_value",
      [](double init_value, std::int64_t transition_steps, double decay_rate,
         std::int64_t transition_begin, bool staircase, std::optional<double> end_value) {
        return ox::exponential_decay(init_value, transition_steps, decay_rate, transition_begin,
                                     staircase, end_value);
      },
      real("init_value"), integer("transition_steps"), real("decay_rate"),
      integer("transition_begin", 0), flag("staircase", false), optional_real("end_value"));
  r.add(
      "optax.cosine_decay_schedule",
      "optax cosine_decay_schedule: a cosine from init_value to alpha * init_value",
      [](double init_value, std::int64_t decay_steps, double alpha, double exponent) {
        return ox::cosine_decay_schedule(init_value, decay_steps, alpha, exponent);
      },
      real("init_value"), integer("decay_steps"), real("alpha", 0.0), real("exponent", 1.0));
  r.add(
      "optax.warmup_cosine_decay_schedule",
      "optax warmup_cosine_decay_schedule: a linear warmup, then a cosine to end_value ending "
      "at decay_steps (warmup included)",
      [](double init_value, double peak_value, std::int64_t warmup_steps, std::int64_t decay_steps,
         double end_value, double exponent) {
        return ox::warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps,
                                                end_value, exponent);
      },
      real("init_value"), real("peak_value"), integer("warmup_steps"), integer("decay_steps"),
      real("end_value", 0.0), real("exponent", 1.0));
  r.add(
      "optax.sgdr_schedule",
      "optax sgdr_schedule: warmup_cosine_decay_schedule cycles, one after another",
      [](std::vector<any_schedule> cosine_kwargs) {
        return optax_kinds::sgdr_schedule(std::move(cosine_kwargs));
      },
      schedules("cosine_kwargs"));
  r.add(
      "optax.piecewise_constant_schedule",
      "optax piecewise_constant_schedule: init_value times every scale whose boundary has passed",
      [](double init_value, const std::vector<std::int64_t>& boundaries,
         const std::vector<double>& scales) {
        return ox::piecewise_constant_schedule(
            init_value, optax_kinds::scales_by_boundary("optax.piecewise_constant_schedule",
                                                        boundaries, scales));
      },
      real("init_value"), steps_list("boundaries"), real_list("scales"));
  r.add(
      "optax.piecewise_interpolate_schedule",
      "optax piecewise_interpolate_schedule: linear or cosine segments between the scaled knots",
      [](const std::string& interpolate_type, double init_value,
         const std::vector<std::int64_t>& boundaries, const std::vector<double>& scales) {
        return ox::piecewise_interpolate_schedule(
            interpolate_type, init_value,
            optax_kinds::scales_by_boundary("optax.piecewise_interpolate_schedule", boundaries,
                                            scales));
      },
      text_choice("interpolate_type", {"linear", "cosine"}, "linear"), real("init_value"),
      steps_list("boundaries"), real_list("scales"));
  r.add(
      "optax.linear_onecycle_schedule",
      "optax linear_onecycle_schedule: straight lines up to peak_value and down",
      [](std::int64_t transition_steps, double peak_value, double pct_start, double pct_final,
         double div_factor, double final_div_factor) {
        return ox::linear_onecycle_schedule(transition_steps, peak_value, pct_start, pct_final,
                                            div_factor, final_div_factor);
      },
      integer("transition_steps"), real("peak_value"), real("pct_start", 0.3),
      real("pct_final", 0.85), real("div_factor", 25.0), real("final_div_factor", 1e4));
  r.add(
      "optax.cosine_onecycle_schedule",
      "optax cosine_onecycle_schedule: half-cosines up to peak_value and down",
      [](std::int64_t transition_steps, double peak_value, double pct_start, double div_factor,
         double final_div_factor) {
        return ox::cosine_onecycle_schedule(transition_steps, peak_value, pct_start, div_factor,
                                            final_div_factor);
      },
      integer("transition_steps"), real("peak_value"), real("pct_start", 0.3),
      real("div_factor", 25.0), real("final_div_factor", 1e4));
  r.add(
      "optax.join_schedules",
      "optax join_schedules: schedule k from boundaries[k-1] on, fed the steps since then",
      [](const std::vector<std::int64_t>& boundaries, std::vector<any_schedule> schedules) {
        return optax_kinds::join_schedules(boundaries, std::move(schedules));
      },
      steps_list("boundaries"), schedules("schedules"));
  r.add(
      "optax.warmup_exponential_decay_schedule",
      "optax warmup_exponential_decay_schedule: a linear warmup, then exponential_decay",
      [](double init_value, double peak_value, std::int64_t warmup_steps,
         std::int64_t transition_steps, double decay_rate, std::int64_t transition_begin,
         bool staircase, std::optional<double> end_value) {
        return ox::warmup_exponential_decay_schedule(init_value, peak_value, warmup_steps,
                                                     transition_steps, decay_rate, transition_begin,
                                                     staircase, end_value);
      },
      real("init_value"), real("peak_value"), integer("warmup_steps"), integer("transition_steps"),
      real("decay_rate"), integer("transition_begin", 0), flag("staircase", false),
      optional_real("end_value"));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_OPTAX_HPP
