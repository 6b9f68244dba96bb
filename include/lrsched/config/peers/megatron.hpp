// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/peers/megatron.hpp
/// @brief The canonical JSON kind of Megatron-LM's `OptimizerParamScheduler` learning rate
/// (`lrsched/peers/megatron.hpp`): `"megatron.optimizer_param_scheduler"` with the
/// constructor's names (steps are Megatron's `num_steps`).
#ifndef LRSCHED_CONFIG_PEERS_MEGATRON_HPP
#define LRSCHED_CONFIG_PEERS_MEGATRON_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <lrsched/config/registry.hpp>
#include <lrsched/peers/megatron.hpp>

namespace lrsched::detail::config {

inline void add_megatron_kinds(kind_registry& r) {
  namespace mg = lrsched::megatron;
  // lr_wsd_decay_style: one of Megatron's anneal names, or absent (styles other than WSD).
  typed_field<std::optional<mg::wsd_decay_style>> wsd_style{
      field{"lr_wsd_decay_style", field_type::text, std::nullopt, true, {}},
      [](argument&& value) -> std::optional<mg::wsd_decay_style> {
        if (const auto* name = std::get_if<std::string>(&value)) {
          return mg::parse_wsd_decay_style(*name);
        }
        return std::nullopt;
      }};
  for (const auto style : {mg::wsd_decay_style::linear, mg::wsd_decay_style::cosine,
                           mg::wsd_decay_style::exponential, mg::wsd_decay_style::minus_sqrt}) {
    wsd_style.meta.choices.emplace_back(mg::to_string(style));
  }
  r.add(
      "megatron.optimizer_param_scheduler",
      "Megatron-LM OptimizerParamScheduler.get_lr: warmup from init_lr to max_lr (inclusive), "
      "then lr_decay_style down to min_lr at lr_decay_steps, then min_lr",
      [](double init_lr, double max_lr, double min_lr, std::int64_t lr_warmup_steps,
         std::int64_t lr_decay_steps, mg::decay_style lr_decay_style,
         std::optional<std::int64_t> wsd_decay_steps,
         std::optional<mg::wsd_decay_style> lr_wsd_decay_style) {
        return mg::optimizer_param_scheduler({.init_lr = init_lr,
                                              .max_lr = max_lr,
                                              .min_lr = min_lr,
                                              .lr_warmup_steps = lr_warmup_steps,
                                              .lr_decay_steps = lr_decay_steps,
                                              .lr_decay_style = lr_decay_style,
                                              .wsd_decay_steps = wsd_decay_steps,
                                              .lr_wsd_decay_style = lr_wsd_decay_style});
      },
      real("init_lr", 0.0), real("max_lr"), real("min_lr", 0.0), steps("lr_warmup_steps", 0),
      steps("lr_decay_steps"),
      choice("lr_decay_style",
             {mg::decay_style::constant, mg::decay_style::linear, mg::decay_style::cosine,
              mg::decay_style::inverse_square_root, mg::decay_style::wsd},
             mg::decay_style::linear),
      optional_steps("wsd_decay_steps"), std::move(wsd_style));
}

}  // namespace lrsched::detail::config

#endif  // LRSCHED_CONFIG_PEERS_MEGATRON_HPP
