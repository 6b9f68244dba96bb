/// @file dialects/load.hpp
/// @brief The dispatcher: `detect_dialect` and `load_config` (declared in dialects.hpp).
/// dialects.hpp includes this file itself unless `LRSCHED_SEPARATE_COMPILATION` is
/// defined; then <lrsched/src.hpp> does, once.
#ifndef LRSCHED_DIALECTS_LOAD_HPP
#define LRSCHED_DIALECTS_LOAD_HPP

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "../any_schedule.hpp"
#include "../dialects.hpp"
#include "../json.hpp"
#include "../json/error.hpp"
#include "../json/linkage.hpp"
#include "../json/reader.hpp"
#include "learning_rates.hpp"

// One line per dialect in each of: the includes, detect_dialect's table, load_config's switch.
// Each dialects/<name>.hpp defines, in lrsched::detail::dialects, looks_like_<name>(doc),
// <name>_looks_for (what detection looks for) and load_<name>(doc, options).
#include "deepspeed.hpp"
#include "hf.hpp"
#include "keras.hpp"
#include "megatron.hpp"
#include "optax.hpp"
#include "pytorch.hpp"
#include "timm.hpp"

namespace lrsched {

namespace detail::dialects {
/// One dialect's verdict on a document, and what it looks for (for the error when none matches).
struct detection {
  dialect which;
  bool matches;
  std::string_view looks_for;
};
}  // namespace detail::dialects

LRSCHED_CONFIG_DECL dialect detect_dialect(const nlohmann::ordered_json& doc) {
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

LRSCHED_CONFIG_DECL dialect detect_dialect(const nlohmann::json& doc) {
  return detect_dialect(nlohmann::ordered_json(doc));
}

LRSCHED_CONFIG_DECL any_schedule load_config(const nlohmann::ordered_json& doc, dialect d,
                                             const load_options& options) {
  namespace dd = detail::dialects;
  const dialect chosen = d == dialect::automatic ? detect_dialect(doc) : d;
  if (chosen != dialect::canonical) dd::reject_negative_learning_rates(doc, "");
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

LRSCHED_CONFIG_DECL any_schedule load_config(const nlohmann::json& doc, dialect d,
                                             const load_options& options) {
  return load_config(nlohmann::ordered_json(doc), d, options);
}

}  // namespace lrsched

#endif  // LRSCHED_DIALECTS_LOAD_HPP
