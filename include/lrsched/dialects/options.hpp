// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/options.hpp
/// @brief The names of the config dialects and what a document may leave to the caller:
/// `dialect`, `load_options`, `parse_dialect`, `to_string`. Standard library only; the
/// loaders themselves are in dialects.hpp.
#ifndef LRSCHED_DIALECTS_OPTIONS_HPP
#define LRSCHED_DIALECTS_OPTIONS_HPP

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace lrsched {

/// @brief The config formats `load_config` reads.
enum class dialect {
  automatic,  ///< detect from the document's shape
  canonical,  ///< lrsched's own format (`{"kind": ...}`)
  pytorch,    ///< `{"optimizer": ..., "lr_scheduler": ...}` (LightningCLI or Hydra)
  hf,         ///< HuggingFace `TrainingArguments` fields
  deepspeed,  ///< a ds_config `{"optimizer": ..., "scheduler": ...}`
  keras,      ///< `keras.optimizers.schedules.serialize` output
  timm,       ///< a timm scheduler class and its arguments, or timm's training config keys
  megatron,   ///< Megatron-LM arguments (`lr`, `lr_decay_style`, ...)
  optax,      ///< `{"optax": "<function>", <keyword arguments>...}`
};

/// @brief What a document may leave to the command line.
struct load_options {
  /// The base learning rate when the document has none (a bare PyTorch
  /// `lr_scheduler` block), or to fill a DeepSpeed `"auto"` learning rate.
  std::optional<double> base_lr;
  /// Values for fields a document leaves as `"auto"` (DeepSpeed, as the HF
  /// Trainer fills them), by field name: `{"total_num_steps", 10000}`.
  std::map<std::string, double, std::less<>> values;
};

/// @brief The names `--dialect` accepts, in enum order (`auto` first).
inline constexpr std::pair<std::string_view, dialect> dialect_names[] = {
    {"auto", dialect::automatic}, {"canonical", dialect::canonical}, {"pytorch", dialect::pytorch},
    {"hf", dialect::hf},          {"deepspeed", dialect::deepspeed}, {"keras", dialect::keras},
    {"timm", dialect::timm},      {"megatron", dialect::megatron},   {"optax", dialect::optax},
};

/// @brief The dialect named `name` (as `--dialect` spells it, or `huggingface` for `hf`),
/// if any.
[[nodiscard]] constexpr std::optional<dialect> parse_dialect(std::string_view name) noexcept {
  if (name == "huggingface") return dialect::hf;
  for (const auto& [text, value] : dialect_names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

/// @brief The `--dialect` spelling of `d`.
[[nodiscard]] constexpr std::string_view to_string(dialect d) noexcept {
  for (const auto& [text, value] : dialect_names) {
    if (value == d) return text;
  }
  return "auto";
}

}  // namespace lrsched

#endif  // LRSCHED_DIALECTS_OPTIONS_HPP
