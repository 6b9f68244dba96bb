// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects.hpp
/// @brief Opt-in: load the schedule configs other systems write (PyTorch
/// LightningCLI/Hydra blocks, HuggingFace TrainingArguments, DeepSpeed
/// ds_config, Keras serialize(), timm, Megatron-LM arguments, optax calls),
/// auto-detected by shape or chosen by name, each with that system's numbers.
///
/// Every dialect turns a document into the peer-faithful schedule of that
/// system (`lrsched::pytorch::cosine_annealing_lr`, ...), so the loaded schedule
/// describes itself as the peer function and `to_json` writes its canonical
/// form: `lrsched convert` shows what a DeepSpeed block *is*. Errors are
/// `config_error`s with the JSON pointer of the offending value. Link `lrsched::json`.
///
/// @code
/// auto s = lrsched::load_config(lrsched::parse_config(text));            // detected
/// auto t = lrsched::load_config(doc, lrsched::dialect::deepspeed, {.base_lr = 3e-4});
/// @endcode
#ifndef LRSCHED_DIALECTS_HPP
#define LRSCHED_DIALECTS_HPP

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/dialects/options.hpp>
#include <lrsched/json.hpp>
#include <lrsched/config/linkage.hpp>

namespace lrsched {

/// @brief The dialect a document is written in, from the keys only that dialect uses.
/// @throws config_error at "" when no dialect matches (listing what each looks for) or
///         when several do (naming them).
[[nodiscard]] LRSCHED_CONFIG_DECL dialect detect_dialect(const nlohmann::ordered_json& doc);
/// @copydoc detect_dialect(const nlohmann::ordered_json&)
[[nodiscard]] LRSCHED_CONFIG_DECL dialect detect_dialect(const nlohmann::json& doc);

/// @brief Loads a config written in dialect `d` (detected from its shape by default) into
/// the peer-faithful schedule it describes; `options` supply what the document leaves to
/// the command line (`--base-lr`, DeepSpeed's `"auto"` values).
/// @throws config_error with the JSON pointer of the first bad value.
[[nodiscard]] LRSCHED_CONFIG_DECL any_schedule load_config(const nlohmann::ordered_json& doc,
                                                           dialect d = dialect::automatic,
                                                           const load_options& options = {});
/// @copydoc load_config(const nlohmann::ordered_json&, dialect, const load_options&)
[[nodiscard]] LRSCHED_CONFIG_DECL any_schedule load_config(const nlohmann::json& doc,
                                                           dialect d = dialect::automatic,
                                                           const load_options& options = {});

}  // namespace lrsched

// The definitions: here, or (with LRSCHED_SEPARATE_COMPILATION) in the one source file
// that includes <lrsched/src.hpp>.
#ifndef LRSCHED_SEPARATE_COMPILATION
#include <lrsched/dialects/load.hpp>
#endif

#endif  // LRSCHED_DIALECTS_HPP
