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

// ------------------------------------------------------------------ the dispatcher
// One line per dialect in each of: the includes, detect_dialect's table, load_config's switch.
// Each dialects/<name>.hpp defines, in lrsched::detail::dialects, looks_like_<name>(doc),
// <name>_looks_for (what detection looks for) and load_<name>(doc, options).
#include "dialects/deepspeed.hpp"
#include "dialects/hf.hpp"
#include "dialects/keras.hpp"
#include "dialects/megatron.hpp"
#include "dialects/optax.hpp"
#include "dialects/pytorch.hpp"
#include "dialects/timm.hpp"

namespace lrsched {

namespace detail::dialects {
/// One dialect's verdict on a document, and what it looks for (for the error when none matches).
struct detection {
  dialect which;
  bool matches;
  std::string_view looks_for;
};
}  // namespace detail::dialects

/// @brief The dialect a document is written in, from the keys only that dialect uses.
/// @throws config_error at "" when no dialect matches (listing what each looks for) or
///         when several do (naming them).
[[nodiscard]] inline dialect detect_dialect(const nlohmann::ordered_json& doc) {
  if (!doc.is_object()) detail::json::expected("", "a config object", doc);
  namespace dd = detail::dialects;
  const dd::detection detections[] = {
      {dialect::canonical, doc.contains("kind"), "canonical: a \"kind\" key"},
      {dialect::pytorch, dd::looks_like_pytorch(doc), dd::pytorch_looks_for},
      {dialect::keras, dd::looks_like_keras(doc), dd::keras_looks_for},
      {dialect::optax, dd::looks_like_optax(doc), dd::optax_looks_for},
      {dialect::hf, dd::looks_like_hf(doc), dd::hf_looks_for},
      {dialect::deepspeed, dd::looks_like_deepspeed(doc), dd::deepspeed_looks_for},
      {dialect::timm, dd::looks_like_timm(doc), dd::timm_looks_for},
      {dialect::megatron, dd::looks_like_megatron(doc), dd::megatron_looks_for},
  };
  std::string matched, looked_for;
  std::optional<dialect> found;
  for (const auto& d : detections) {
    looked_for += (looked_for.empty() ? "" : "; ") + std::string(d.looks_for);
    if (!d.matches) continue;
    matched += (matched.empty() ? "" : " and ") + std::string(to_string(d.which));
    if (found) {
      throw config_error("", "ambiguous config: it looks like " + matched +
                                 "; choose one with the dialect option (--dialect)");
    }
    found = d.which;
  }
  if (!found) {
    throw config_error(
        "", "expected a config in a known dialect, found none of its keys (" + looked_for + ")");
  }
  return *found;
}

/// @copydoc detect_dialect(const nlohmann::ordered_json&)
[[nodiscard]] inline dialect detect_dialect(const nlohmann::json& doc) {
  return detect_dialect(nlohmann::ordered_json(doc));
}

/// @brief Loads a config written in dialect `d` (detected from its shape by default) into
/// the peer-faithful schedule it describes; `options` supply what the document leaves to
/// the command line (`--base-lr`, DeepSpeed's `"auto"` values).
/// @throws config_error with the JSON pointer of the first bad value.
[[nodiscard]] inline any_schedule load_config(const nlohmann::ordered_json& doc,
                                              dialect d = dialect::automatic,
                                              const load_options& options = {}) {
  namespace dd = detail::dialects;
  const dialect chosen = d == dialect::automatic ? detect_dialect(doc) : d;
  switch (chosen) {
    case dialect::automatic:  // detect_dialect never returns it
    case dialect::canonical:
      return from_json(doc);
    case dialect::pytorch:
      return dd::load_pytorch(doc, options);
    case dialect::keras:
      return dd::load_keras(doc, options);
    case dialect::optax:
      return dd::load_optax(doc, options);
    case dialect::hf:
      return dd::load_hf(doc, options);
    case dialect::deepspeed:
      return dd::load_deepspeed(doc, options);
    case dialect::timm:
      return dd::load_timm(doc, options);
    case dialect::megatron:
      return dd::load_megatron(doc, options);
    default:
      break;
  }
  throw config_error(
      "", "the " + std::string(to_string(chosen)) + " dialect is not available in this version");
}

/// @copydoc load_config(const nlohmann::ordered_json&, dialect, const load_options&)
[[nodiscard]] inline any_schedule load_config(const nlohmann::json& doc,
                                              dialect d = dialect::automatic,
                                              const load_options& options = {}) {
  return load_config(nlohmann::ordered_json(doc), d, options);
}

}  // namespace lrsched

#endif  // LRSCHED_DIALECTS_HPP
