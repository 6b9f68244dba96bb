// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/kinds.hpp
/// @brief The built-in kinds of the canonical JSON format: every lrsched
/// family and combinator, with the fields its `describe()` reports, and the definition of
/// `config::kinds()` (declared in json.hpp), which registers them and the peers' kinds.
#ifndef LRSCHED_CONFIG_KINDS_HPP
#define LRSCHED_CONFIG_KINDS_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <lrsched/config/linkage.hpp>
#include <lrsched/config/peer_kinds.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/lrsched.hpp>  // every family and combinator: a new one needs only its row here

namespace lrsched::detail::config {

inline void add_builtin_kinds(kind_registry& r) {
  // The defaults of optional fields are the options structs' own (one definition each).
  constexpr exponential_options exponential_defaults{};
  constexpr restart_options restart_defaults{};
  constexpr one_cycle_options one_cycle_defaults{};
  constexpr wsd_options wsd_defaults{};
  // Families.
  r.add(
      "constant", "the same value at every step", [](double value) { return constant(value); },
      real("value"));
  r.add(
      "linear", "a straight ramp from start_value to end_value over steps, then hold",
      [](double start_value, double end_value, std::int64_t n) {
        return linear(start_value, end_value, n);
      },
      real("start_value"), real("end_value"), steps("steps"));

  r.add(
      "cosine",
      "half-cosine from peak_value to end_value over steps (optional exponent), then hold",
      [](double peak_value, double end_value, std::int64_t n, double exponent) {
        return cosine(peak_value, end_value, n, exponent);
      },
      real("peak_value"), real("end_value"), steps("steps"), real("exponent", 1.0));
  r.add(
      "exponential",
      "init_value * decay_rate^((t - transition_begin) / decay_steps), continuous or staircase, "
      "optionally bounded by end_value",
      [](double init_value, double decay_rate, std::int64_t decay_steps, bool staircase,
         std::int64_t transition_begin, std::optional<double> end_value) {
        return exponential(
            init_value, decay_rate, decay_steps,
            {.staircase = staircase, .transition_begin = transition_begin, .end_value = end_value});
      },
      real("init_value"), real("decay_rate"), steps("decay_steps"),
      flag("staircase", exponential_defaults.staircase),
      steps("transition_begin", exponential_defaults.transition_begin), optional_real("end_value"));
  r.add(
      "step_decay", "init_value times gamma once every step_size steps",
      [](double init_value, std::int64_t step_size, double gamma) {
        return step_decay(init_value, step_size, gamma);
      },
      real("init_value"), steps("step_size"), real("gamma"));
  r.add(
      "multistep", "init_value times gamma at each milestone (repeated milestones compound)",
      [](double init_value, std::vector<std::int64_t> milestones, double gamma) {
        return multistep(init_value, std::move(milestones), gamma);
      },
      real("init_value"), steps_list("milestones"), real("gamma"));
  r.add(
      "piecewise_constant",
      "values[0] before boundaries[0], values[k] from boundaries[k-1] on (one more value than "
      "boundaries)",
      [](std::vector<std::int64_t> boundaries, std::vector<double> values) {
        return piecewise_constant(std::move(boundaries), std::move(values));
      },
      steps_list("boundaries"), real_list("values"));
  r.add(
      "piecewise_linear", "straight lines between the knots (steps[k], values[k])",
      [](const std::vector<std::int64_t>& knot_steps, const std::vector<double>& values) {
        if (values.size() != knot_steps.size()) {
          detail::reject("piecewise_linear", "values",
                         "one value per step (" +
                             detail::format_number(static_cast<std::int64_t>(knot_steps.size())) +
                             ")",
                         static_cast<std::int64_t>(values.size()));
        }
        std::vector<knot> knots;
        knots.reserve(values.size());
        for (std::size_t k = 0; k < values.size(); ++k) knots.push_back({knot_steps[k], values[k]});
        return piecewise_linear(std::move(knots));
      },
      steps_list("steps"), real_list("values"));
  r.add(
      "table", "values[t] at step t, the last value held after the list (a replayed run)",
      [](std::vector<double> values) { return table(std::move(values)); }, real_list("values"));

  r.add(
      "polynomial", "init_value to end_value along ((steps - t) / steps)^power, then hold",
      [](double init_value, double end_value, std::int64_t n, double power) {
        return polynomial(init_value, end_value, n, power);
      },
      real("init_value"), real("end_value"), steps("steps"), real("power"));
  r.add(
      "inverse_sqrt",
      "linear warmup to peak_value, then peak_value * sqrt(timescale / (t - warmup_steps + "
      "timescale)) (timescale default: max(warmup_steps, 1))",
      [](double peak_value, std::int64_t warmup_steps, std::optional<std::int64_t> timescale) {
        return timescale ? inverse_sqrt(peak_value, warmup_steps, *timescale)
                         : inverse_sqrt(peak_value, warmup_steps);
      },
      real("peak_value"), steps("warmup_steps"), optional_steps("timescale"));
  r.add(
      "inverse_time", "init_value / (1 + decay_rate * t / decay_steps), continuous or staircase",
      [](double init_value, double decay_rate, std::int64_t decay_steps, bool staircase) {
        return inverse_time(init_value, decay_rate, decay_steps, staircase);
      },
      real("init_value"), real("decay_rate"), steps("decay_steps"), flag("staircase", false));
  r.add(
      "tanh_decay", "max_value to min_value along tanh swept from lb to ub over steps (timm)",
      [](double max_value, double min_value, std::int64_t n, double lb, double ub) {
        return tanh_decay(max_value, min_value, n, lb, ub);
      },
      real("max_value"), real("min_value"), steps("steps"), real("lb", -7.0), real("ub", 3.0));
  r.add(
      "cosine_restarts",
      "cosine cycles from peak_value to floor_value, each period_multiplier times longer, "
      "cycle_decay per cycle, cycle_limit cycles (0: no limit), timm's k_decay",
      [](double peak_value, std::int64_t first_period, double floor_value, double period_multiplier,
         double cycle_decay, restart_decay decay_target, std::int64_t cycle_limit, double k_decay,
         std::int64_t period_divisor) {
        return cosine_restarts(peak_value, first_period,
                               {.floor_value = floor_value,
                                .period_multiplier = period_multiplier,
                                .cycle_decay = cycle_decay,
                                .decay_target = decay_target,
                                .cycle_limit = cycle_limit,
                                .k_decay = k_decay,
                                .period_divisor = period_divisor});
      },
      real("peak_value"), steps("first_period"), real("floor_value", restart_defaults.floor_value),
      real("period_multiplier", restart_defaults.period_multiplier),
      real("cycle_decay", restart_defaults.cycle_decay),
      choice("decay_target", {restart_decay::amplitude, restart_decay::peak},
             restart_defaults.decay_target),
      steps("cycle_limit", restart_defaults.cycle_limit), real("k_decay", restart_defaults.k_decay),
      steps("period_divisor", restart_defaults.period_divisor));
  r.add(
      "cyclic", "triangular cycles between base_lr and max_lr (PyTorch CyclicLR's modes)",
      [](double base_lr, double max_lr, std::int64_t up, std::int64_t down, cyclic_mode mode,
         double gamma) { return cyclic(base_lr, max_lr, up, down, mode, gamma); },
      real("base_lr"), real("max_lr"), steps("step_size_up"), steps("step_size_down"),
      choice("mode", {cyclic_mode::triangular, cyclic_mode::triangular2, cyclic_mode::exp_range},
             cyclic_mode::triangular),
      real("gamma", 1.0));
  r.add(
      "one_cycle",
      "PyTorch OneCycleLR's phases: up to max_lr over pct_start of total_steps, then down to "
      "max_lr / div_factor / final_div_factor",
      [](double max_lr, std::int64_t total_steps, double pct_start, one_cycle_anneal anneal,
         double div_factor, double final_div_factor, bool three_phase) {
        return one_cycle(max_lr, total_steps,
                         {.pct_start = pct_start,
                          .anneal_strategy = anneal,
                          .div_factor = div_factor,
                          .final_div_factor = final_div_factor,
                          .three_phase = three_phase});
      },
      real("max_lr"), steps("total_steps"), real("pct_start", one_cycle_defaults.pct_start),
      choice("anneal_strategy", {one_cycle_anneal::cos, one_cycle_anneal::linear},
             one_cycle_defaults.anneal_strategy),
      real("div_factor", one_cycle_defaults.div_factor),
      real("final_div_factor", one_cycle_defaults.final_div_factor),
      flag("three_phase", one_cycle_defaults.three_phase));
  r.add(
      "wsd",
      "warmup-stable-decay: warmup_steps up to peak_value, held for stable_steps, decay_steps "
      "down to final_value, each ramp linear, cosine, minus_sqrt or exponential",
      [](double peak_value, std::int64_t warmup_steps, std::int64_t stable_steps,
         std::int64_t decay_steps, double final_value, double warmup_start_value,
         wsd_shape decay_shape, wsd_shape warmup_shape) {
        return wsd(peak_value, warmup_steps, stable_steps, decay_steps,
                   {.final_value = final_value,
                    .warmup_start_value = warmup_start_value,
                    .decay_shape = decay_shape,
                    .warmup_shape = warmup_shape});
      },
      real("peak_value"), steps("warmup_steps"), steps("stable_steps"), steps("decay_steps"),
      real("final_value", wsd_defaults.final_value),
      real("warmup_start_value", wsd_defaults.warmup_start_value),
      choice("decay_shape",
             {wsd_shape::linear, wsd_shape::cosine, wsd_shape::minus_sqrt, wsd_shape::exponential},
             wsd_defaults.decay_shape),
      choice("warmup_shape",
             {wsd_shape::linear, wsd_shape::cosine, wsd_shape::minus_sqrt, wsd_shape::exponential},
             wsd_defaults.warmup_shape));

  // Combinators.
  r.add(
      "warmup",
      "a warmup_steps ramp (linear, cosine or exponential) from start_value to the schedule's "
      "first value, then the schedule",
      [](std::int64_t warmup_steps, double start_value, warmup_shape shape, auto inner) {
        return lrsched::warmup(warmup_steps, std::move(inner), start_value, shape);
      },
      steps("warmup_steps"), real("start_value", 0.0),
      choice("shape", {warmup_shape::linear, warmup_shape::cosine, warmup_shape::exponential},
             warmup_shape::linear),
      schedule("schedule"));
  r.add(
      "chain",
      "pieces played in order, each on its own clock; steps lists the duration of every piece "
      "but the last (default: each piece's own length)",
      [](std::optional<std::vector<std::int64_t>> durations, std::vector<any_schedule> pieces) {
        return durations ? any_schedule::chain(std::move(pieces), std::move(*durations))
                         : any_schedule::chain(std::move(pieces));
      },
      optional_steps_list("steps"), schedules("pieces"));
  r.add(
      "product", "the pointwise product of the factors",
      [](std::vector<any_schedule> factors) { return any_schedule::product(std::move(factors)); },
      schedules("factors"));
  r.add(
      "scale", "factor times the schedule",
      [](double factor, auto inner) { return lrsched::scale(std::move(inner), factor); },
      real("factor"), schedule("schedule"));
  r.add(
      "clamp", "the schedule limited to [lo, hi]",
      [](double lo, double hi, auto inner) { return lrsched::clamp(std::move(inner), lo, hi); },
      real("lo"), real("hi"), schedule("schedule"));
  r.add(
      "shift", "the schedule delayed by steps, holding its first value until then",
      [](std::int64_t n, auto inner) { return lrsched::shift(std::move(inner), n); },
      steps("steps"), schedule("schedule"));
  r.add(
      "repeat",
      "the schedule played over and over, period steps per cycle (default: its own length)",
      [](std::optional<std::int64_t> period, auto inner) {
        if (period) return lrsched::repeat(std::move(inner), *period);
        if constexpr (FiniteSchedule<decltype(inner)>) {
          return lrsched::repeat(std::move(inner));
        } else {
          throw invalid_schedule("period",
                                 "repeat: period is required when the schedule is open-ended");
          return lrsched::repeat(std::move(inner), 1);  // the type of the other branches
        }
      },
      optional_steps("period"), schedule("schedule"));
  r.add(
      "stretch", "the schedule slowed down: each of its steps lasts factor steps",
      [](std::int64_t factor, auto inner) { return lrsched::stretch(std::move(inner), factor); },
      steps("factor"), schedule("schedule"));

  // Units: a schedule written in samples (or tokens) used from a loop that counts steps.
  r.add(
      "per_step", "a schedule in samples (or tokens), samples_per_step of them per step",
      [](std::int64_t samples_per_step, auto inner) {
        return lrsched::per_step(std::move(inner), samples_per_step);
      },
      steps("samples_per_step"), schedule("schedule"));
  r.add(
      "in_steps",
      "a schedule in samples under a batch-size ramp: batch_sizes[k] samples per step while "
      "fewer than until_samples[k] are consumed, then final_batch_size",
      [](const std::vector<std::int64_t>& batch_sizes,
         const std::vector<std::int64_t>& until_samples, std::int64_t final_batch_size,
         auto inner) {
        if (until_samples.size() != batch_sizes.size()) {
          detail::reject("in_steps", "until_samples",
                         "one threshold per batch size (" +
                             detail::format_number(static_cast<std::int64_t>(batch_sizes.size())) +
                             ")",
                         static_cast<std::int64_t>(until_samples.size()));
        }
        std::vector<batch_ramp::stage> stages;
        stages.reserve(batch_sizes.size());
        for (std::size_t k = 0; k < batch_sizes.size(); ++k) {
          stages.push_back({batch_sizes[k], until_samples[k]});
        }
        return lrsched::in_steps(std::move(inner), batch_ramp(std::move(stages), final_batch_size));
      },
      steps_list("batch_sizes"), steps_list("until_samples"), steps("final_batch_size"),
      schedule("schedule"));
}

}  // namespace lrsched::detail::config

namespace lrsched::config {

LRSCHED_CONFIG_DECL kind_registry& kinds() {
  static kind_registry registry = [] {
    kind_registry r;
    detail::config::add_builtin_kinds(r);
    detail::config::add_peer_kinds(r);
    return r;
  }();
  return registry;
}

}  // namespace lrsched::config

#endif  // LRSCHED_CONFIG_KINDS_HPP
