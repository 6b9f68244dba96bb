// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/keras.hpp
/// @brief The Keras dialect: what `keras.optimizers.schedules.serialize` writes,
/// `{"module": "keras.optimizers.schedules", "class_name": "CosineDecay", "config": {...},
/// "registered_name": null}`, or the older `{"class_name": ..., "config": {...}}`, loaded as
/// the Keras-faithful schedule (`lrsched/peers/keras.hpp`).
///
/// `config` holds the class's `get_config()` values; its `"name"` is accepted and ignored,
/// and a `null` `warmup_target` means no warmup, as in Keras (a `warmup_steps` other than 0
/// is then an error: Keras would ignore it).
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_KERAS_HPP
#define LRSCHED_DIALECTS_KERAS_HPP

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/dialects/arguments.hpp>
#include <lrsched/dialects/common.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view keras_looks_for =
    "keras: \"class_name\" and \"config\" keys (keras.optimizers.schedules.serialize)";

inline bool looks_like_keras(const document& doc) {
  return doc.is_object() && doc.contains("class_name") && doc.contains("config");
}

namespace keras_dialect {

/// Keras' schedule classes and the kinds that reproduce them.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 6> classes{{
    {"ExponentialDecay", "keras.exponential_decay"},
    {"PiecewiseConstantDecay", "keras.piecewise_constant_decay"},
    {"PolynomialDecay", "keras.polynomial_decay"},
    {"InverseTimeDecay", "keras.inverse_time_decay"},
    {"CosineDecay", "keras.cosine_decay"},
    {"CosineDecayRestarts", "keras.cosine_decay_restarts"},
}};

inline any_schedule load(const document& doc) {
  require_object(doc, "", "an object {\"class_name\": ..., \"config\": {...}}");
  check_keys(doc, "", {"module", "class_name", "config", "registered_name"},
             "a serialized Keras schedule");
  if (const auto it = doc.find("module"); it != doc.end()) {
    const auto& module = text_at(*it, "/module", "a string naming a Keras module");
    bool keras_module = false;
    for (const std::string_view prefix : {"keras", "tf_keras", "tensorflow"}) {
      keras_module = keras_module || module.rfind(prefix, 0) == 0;
    }
    if (!keras_module) {
      throw config_error(
          "/module",
          "expected a Keras module (\"keras.optimizers.schedules\"), got " + quote_text(module));
    }
  }
  for (const char* key : {"class_name", "config"}) {
    if (!doc.contains(key)) {
      throw config_error("", "missing required key " + quote_text(key) +
                                 " (a serialized Keras schedule has class_name and config)");
    }
  }
  const auto class_it = doc.find("class_name");
  std::string class_name =
      text_at(*class_it, "/class_name", "a string naming a Keras schedule class");
  if (const auto dot = class_name.rfind('.'); dot != std::string::npos) {
    class_name.erase(0, dot + 1);  // "keras.optimizers.schedules.CosineDecay"
  }
  std::vector<std::string> names;
  std::string kind;
  for (const auto& [keras_name, lrsched_kind] : classes) {
    names.emplace_back(keras_name);
    if (keras_name == class_name) kind = lrsched_kind;
  }
  if (kind.empty()) {
    if (const auto suggestion = closest_name(class_name, names)) {
      throw config_error("/class_name", "unknown Keras schedule class " + quote_text(class_name) +
                                            "; did you mean " + quote_text(*suggestion) + "?");
    }
    throw config_error("/class_name", "unknown Keras schedule class " + quote_text(class_name) +
                                          "; only Keras' built-in schedules can be loaded (" +
                                          quote_list(names) +
                                          "), not a custom LearningRateSchedule");
  }
  if (const auto it = doc.find("registered_name"); it != doc.end() && !it->is_null()) {
    const auto& registered = text_at(*it, "/registered_name", "null or a string");
    if (registered != class_name && registered != class_it->get<std::string>()) {
      throw config_error("/registered_name",
                         "expected null (a built-in Keras schedule), got " +
                             quote_text(registered) +
                             ": a custom registered schedule's code is not in the config");
    }
  }
  const auto& config = doc.at("config");
  require_object(config, "/config", "an object of the schedule's get_config() values");
  document args = config;
  if (const auto it = args.find("name"); it != args.end()) {
    if (!it->is_null() && !it->is_string()) expected("/config/name", "a string or null", *it);
    args.erase(it);
  }
  std::vector<std::string> allowed = field_names(kind);
  allowed.emplace_back("name");
  check_keys(args, "/config", allowed, kind);
  if (kind == "keras.cosine_decay" && !given(args, "warmup_target")) {
    refuse_without_effect(args, "/config", "warmup_steps", 0,
                          "without a warmup_target Keras' CosineDecay has no warmup");
  }
  drop_nulls(args, {"warmup_target"});
  return read_kind(kind, std::move(args), "/config", 1);
}

}  // namespace keras_dialect

/// Loads a serialized Keras schedule (see the file comment).
inline any_schedule load_keras(const document& doc, const load_options& /*options*/) {
  return keras_dialect::load(doc);
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_KERAS_HPP
