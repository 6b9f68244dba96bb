// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/huggingface.hpp
/// @brief The canonical JSON kinds of the HuggingFace-faithful schedules
/// (`lrsched/peers/huggingface.hpp`): `"huggingface.<function>"` with HF's parameter names
/// and defaults, `base_lr` being the optimizer's LR.
#ifndef LRSCHED_CONFIG_PEERS_HUGGINGFACE_HPP
#define LRSCHED_CONFIG_PEERS_HUGGINGFACE_HPP

#include <cstdint>
#include <optional>

#include <lrsched/config/registry.hpp>
#include <lrsched/peers/huggingface.hpp>

namespace lrsched::detail::config {

inline void add_huggingface_kinds(kind_registry& r) {
  namespace hf = lrsched::huggingface;
  r.add(
      "huggingface.get_constant_schedule", "HF get_constant_schedule: base_lr at every step",
      [](double base_lr) { return hf::get_constant_schedule(base_lr); }, real("base_lr"));
  r.add(
      "huggingface.get_constant_schedule_with_warmup",
      "HF get_constant_schedule_with_warmup: base_lr·t/W from 0, then base_lr",
      [](double base_lr, std::int64_t num_warmup_steps) {
        return hf::get_constant_schedule_with_warmup(base_lr, num_warmup_steps);
      },
      real("base_lr"), steps("num_warmup_steps"));
  r.add(
      "huggingface.get_linear_schedule_with_warmup",
      "HF get_linear_schedule_with_warmup: warmup from 0, linear decay to 0 at "
      "num_training_steps",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps) {
        return hf::get_linear_schedule_with_warmup(base_lr, num_warmup_steps, num_training_steps);
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_training_steps"));
  r.add(
      "huggingface.get_cosine_schedule_with_warmup",
      "HF get_cosine_schedule_with_warmup: warmup from 0, num_cycles cosine waves (unclamped)",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps,
         double num_cycles) {
        return hf::get_cosine_schedule_with_warmup(base_lr, num_warmup_steps, num_training_steps,
                                                   num_cycles);
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_training_steps"),
      real("num_cycles", 0.5));
  r.add(
      "huggingface.get_cosine_with_hard_restarts_schedule_with_warmup",
      "HF get_cosine_with_hard_restarts_schedule_with_warmup: warmup from 0, num_cycles half "
      "cosines restarting at base_lr, then 0",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps,
         double num_cycles) {
        return hf::get_cosine_with_hard_restarts_schedule_with_warmup(
            base_lr, num_warmup_steps, num_training_steps, num_cycles);
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_training_steps"),
      real("num_cycles", 1.0));
  r.add(
      "huggingface.get_polynomial_decay_schedule_with_warmup",
      "HF get_polynomial_decay_schedule_with_warmup: warmup from 0, polynomial decay to lr_end",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps,
         double lr_end, double power) {
        return hf::get_polynomial_decay_schedule_with_warmup(base_lr, num_warmup_steps,
                                                             num_training_steps, lr_end, power);
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_training_steps"), real("lr_end", 1e-7),
      real("power", 1.0));
  r.add(
      "huggingface.get_inverse_sqrt_schedule",
      "HF get_inverse_sqrt_schedule: warmup from 0, then base_lr/sqrt((t - W + timescale)/"
      "timescale)",
      [](double base_lr, std::int64_t num_warmup_steps, std::optional<std::int64_t> timescale) {
        return hf::get_inverse_sqrt_schedule(base_lr, num_warmup_steps, timescale);
      },
      real("base_lr"), steps("num_warmup_steps"), optional_steps("timescale"));
  r.add(
      "huggingface.get_cosine_with_min_lr_schedule_with_warmup",
      "HF get_cosine_with_min_lr_schedule_with_warmup: warmup from 0, cosine waves down to "
      "min_lr (or min_lr_rate·base_lr)",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps,
         double num_cycles, std::optional<double> min_lr_rate, std::optional<double> min_lr) {
        return hf::get_cosine_with_min_lr_schedule_with_warmup(
            base_lr, num_warmup_steps, num_training_steps,
            {.num_cycles = num_cycles, .min_lr = min_lr, .min_lr_rate = min_lr_rate});
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_training_steps"),
      real("num_cycles", 0.5), optional_real("min_lr_rate"), optional_real("min_lr"));
  r.add(
      "huggingface.get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
      "HF get_cosine_with_min_lr_schedule_with_warmup_lr_rate: a warmup that peaks one step "
      "early (from warmup_lr_rate), then the cosine to the floor",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps,
         double num_cycles, std::optional<double> min_lr_rate, std::optional<double> min_lr,
         std::optional<double> warmup_lr_rate) {
        return hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
            base_lr, num_warmup_steps, num_training_steps,
            {.num_cycles = num_cycles,
             .min_lr = min_lr,
             .min_lr_rate = min_lr_rate,
             .warmup_lr_rate = warmup_lr_rate});
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_training_steps"),
      real("num_cycles", 0.5), optional_real("min_lr_rate"), optional_real("min_lr"),
      optional_real("warmup_lr_rate"));
  r.add(
      "huggingface.get_wsd_schedule",
      "HF get_wsd_schedule: warmup from min_lr_ratio·base_lr, hold base_lr, decay back",
      [](double base_lr, std::int64_t num_warmup_steps, std::int64_t num_decay_steps,
         std::optional<std::int64_t> num_training_steps,
         std::optional<std::int64_t> num_stable_steps, hf::wsd_type warmup_type,
         hf::wsd_type decay_type, double min_lr_ratio, double num_cycles) {
        return hf::get_wsd_schedule(base_lr, num_warmup_steps, num_decay_steps,
                                    {.num_training_steps = num_training_steps,
                                     .num_stable_steps = num_stable_steps,
                                     .warmup_type = warmup_type,
                                     .decay_type = decay_type,
                                     .min_lr_ratio = min_lr_ratio,
                                     .num_cycles = num_cycles});
      },
      real("base_lr"), steps("num_warmup_steps"), steps("num_decay_steps"),
      optional_steps("num_training_steps"), optional_steps("num_stable_steps"),
      choice("warmup_type",
             {hf::wsd_type::linear, hf::wsd_type::cosine, hf::wsd_type::one_minus_sqrt},
             hf::wsd_type::linear),
      choice("decay_type",
             {hf::wsd_type::linear, hf::wsd_type::cosine, hf::wsd_type::one_minus_sqrt},
             hf::wsd_type::cosine),
      real("min_lr_ratio", 0.0), real("num_cycles", 0.5));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_HUGGINGFACE_HPP
