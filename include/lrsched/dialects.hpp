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

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "any_schedule.hpp"
#include "json.hpp"
#include "json/error.hpp"
#include "json/linkage.hpp"

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
inline constexpr std::array<std::pair<std::string_view, dialect>, 9> dialect_names{{
    {"auto", dialect::automatic},
    {"canonical", dialect::canonical},
    {"pytorch", dialect::pytorch},
    {"hf", dialect::hf},
    {"deepspeed", dialect::deepspeed},
    {"keras", dialect::keras},
    {"timm", dialect::timm},
    {"megatron", dialect::megatron},
    {"optax", dialect::optax},
}};

/// @brief The dialect named `name` (as `--dialect` spells it), if any.
[[nodiscard]] constexpr std::optional<dialect> parse_dialect(std::string_view name) noexcept {
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
#include "dialects/load.hpp"
#endif

#endif  // LRSCHED_DIALECTS_HPP
