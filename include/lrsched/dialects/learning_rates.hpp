// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/learning_rates.hpp
/// @brief The check every dialect shares: a negative learning rate is refused at the
/// pointer where it is written, whatever the peer would do with it (every torch
/// optimizer rejects lr < 0, and no peer's schedule means one).
///
/// Included by `lrsched/dialects/load.hpp`; not on its own.
#ifndef LRSCHED_DIALECTS_LEARNING_RATES_HPP
#define LRSCHED_DIALECTS_LEARNING_RATES_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <lrsched/dialects/common.hpp>

namespace lrsched::detail::dialects {

/// The keys the peers' configs write a learning rate under (optimizer LRs, peaks, floors
/// and warmup starts), and Keras' `values` (PiecewiseConstantDecay's list of LRs).
inline constexpr std::array<std::string_view, 26> learning_rate_keys{"lr",
                                                                     "learning_rate",
                                                                     "base_lr",
                                                                     "max_lr",
                                                                     "min_lr",
                                                                     "eta_min",
                                                                     "init_lr",
                                                                     "lr_warmup_init",
                                                                     "lr_min",
                                                                     "warmup_lr",
                                                                     "warmup_lr_init",
                                                                     "lr_end",
                                                                     "initial_learning_rate",
                                                                     "end_learning_rate",
                                                                     "warmup_target",
                                                                     "init_value",
                                                                     "peak_value",
                                                                     "end_value",
                                                                     "warmup_min_lr",
                                                                     "warmup_max_lr",
                                                                     "cycle_min_lr",
                                                                     "cycle_max_lr",
                                                                     "lr_range_test_min_lr",
                                                                     "values",
                                                                     "min_lr_rate",
                                                                     "warmup_lr_rate"};

inline bool is_learning_rate_key(const std::string& key) {
  for (const auto k : learning_rate_keys) {
    if (key == k) return true;
  }
  return false;
}

/// Throws a config_error at the first negative learning rate in `j` (at `path`).
inline void reject_negative_learning_rates(const document& j, const std::string& path) {
  const auto check = [](const document& value, const std::string& where) {
    if (value.is_number() && value < 0) expected(where, "a learning rate >= 0", value);
  };
  if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      reject_negative_learning_rates(j[i], child_pointer(path, i));
    }
    return;
  }
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string where = child_pointer(path, it.key());
    if (is_learning_rate_key(it.key())) {
      check(*it, where);
      if (it.key() == "values" && it->is_array()) {
        for (std::size_t i = 0; i < it->size(); ++i) check((*it)[i], child_pointer(where, i));
      }
    }
    reject_negative_learning_rates(*it, where);
  }
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_LEARNING_RATES_HPP
