// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/load.hpp
/// @brief The dispatcher: `detect_dialect` and `load_config` (declared in dialects.hpp).
/// dialects.hpp includes this file itself unless `LRSCHED_SEPARATE_COMPILATION` is
/// defined; then <lrsched/src.hpp> does, once.
#ifndef LRSCHED_DIALECTS_LOAD_HPP
#define LRSCHED_DIALECTS_LOAD_HPP

#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/config/linkage.hpp>
#include <lrsched/dialects.hpp>
#include <lrsched/dialects/deepspeed.hpp>
#include <lrsched/dialects/huggingface.hpp>
#include <lrsched/dialects/keras.hpp>
#include <lrsched/dialects/learning_rates.hpp>
#include <lrsched/dialects/megatron.hpp>
#include <lrsched/dialects/optax.hpp>
#include <lrsched/dialects/options.hpp>
#include <lrsched/dialects/pytorch.hpp>
#include <lrsched/dialects/timm.hpp>
#include <lrsched/json.hpp>
#include <lrsched/json/reader.hpp>

namespace lrsched {

namespace detail::dialects {

inline constexpr std::string_view canonical_looks_for = "canonical: a \"kind\" key";
[[nodiscard]] inline bool looks_like_canonical(const document& doc) {
  return doc.contains("kind");
}
[[nodiscard]] inline any_schedule load_canonical(const document& doc, const load_options&) {
  return from_json(doc);
}

/// One row per dialect: how detection recognises it and how it loads. Each
/// dialects/<name>.hpp defines looks_like_<name>(doc), <name>_looks_for (what detection
/// looks for, for the error that lists them) and load_<name>(doc, options). Detection
/// tries the rows in this order; its messages list them in this order.
struct dialect_entry {
  dialect id;
  bool (*looks_like)(const document&);
  std::string_view looks_for;
  any_schedule (*load)(const document&, const load_options&);
};
inline constexpr dialect_entry dialect_table[] = {
    {dialect::canonical, looks_like_canonical, canonical_looks_for, load_canonical},
    {dialect::pytorch, looks_like_pytorch, pytorch_looks_for, load_pytorch},
    {dialect::keras, looks_like_keras, keras_looks_for, load_keras},
    {dialect::optax, looks_like_optax, optax_looks_for, load_optax},
    {dialect::hf, looks_like_hf, hf_looks_for, load_hf},
    {dialect::deepspeed, looks_like_deepspeed, deepspeed_looks_for, load_deepspeed},
    {dialect::timm, looks_like_timm, timm_looks_for, load_timm},
    {dialect::megatron, looks_like_megatron, megatron_looks_for, load_megatron},
};

/// Every dialect that `dialect_names` spells, but `auto`, has exactly one row.
[[nodiscard]] consteval bool table_covers_every_dialect() {
  for (const auto& [name, id] : dialect_names) {
    int rows = 0;
    for (const auto& entry : dialect_table) rows += entry.id == id ? 1 : 0;
    if (rows != (id == dialect::automatic ? 0 : 1)) return false;
  }
  return std::size(dialect_table) + 1 == std::size(dialect_names);
}
static_assert(table_covers_every_dialect(),
              "every dialect needs one name in dialects/options.hpp and one row here");

}  // namespace detail::dialects

LRSCHED_CONFIG_DECL dialect detect_dialect(const nlohmann::ordered_json& doc) {
  if (!doc.is_object()) detail::json::expected("", "a config object", doc);
  std::string matched, looked_for;
  std::optional<dialect> found;
  for (const auto& entry : detail::dialects::dialect_table) {
    looked_for += (looked_for.empty() ? "" : "; ") + std::string(entry.looks_for);
    if (!entry.looks_like(doc)) continue;
    matched += (matched.empty() ? "" : " and ") + std::string(to_string(entry.id));
    if (found) {
      throw config_error("", "ambiguous config: it looks like " + matched +
                                 "; choose one with the dialect option (--dialect)");
    }
    found = entry.id;
  }
  if (!found) {
    throw config_error(
        "", "expected a config in a known dialect, found none of its keys (" + looked_for + ")");
  }
  return *found;
}

LRSCHED_CONFIG_DECL dialect detect_dialect(const nlohmann::json& doc) {
  return detect_dialect(nlohmann::ordered_json(doc));
}

LRSCHED_CONFIG_DECL any_schedule load_config(const nlohmann::ordered_json& doc, dialect d,
                                             const load_options& options) {
  const dialect chosen = d == dialect::automatic ? detect_dialect(doc) : d;
  if (chosen != dialect::canonical) {
    detail::dialects::reject_negative_learning_rates(doc, "");
  }
  for (const auto& entry : detail::dialects::dialect_table) {
    if (entry.id == chosen) return entry.load(doc, options);
  }
  throw config_error(
      "", "unknown dialect " + std::to_string(static_cast<int>(chosen)));  // not an enumerator
}

LRSCHED_CONFIG_DECL any_schedule load_config(const nlohmann::json& doc, dialect d,
                                             const load_options& options) {
  return load_config(nlohmann::ordered_json(doc), d, options);
}

}  // namespace lrsched

#endif  // LRSCHED_DIALECTS_LOAD_HPP
