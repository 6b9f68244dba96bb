// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file json/plateau.hpp
/// @brief `plateau_state` (the reduce-on-plateau controller's whole state) to and from
/// JSON, for a checkpoint:
/// @code{.json}
/// {"best": 0.412, "bad_updates": 3, "cooldown_counter": 0, "updates": 40, "reductions": 1,
///  "scale": 0.1, "accumulated": 0.0, "accumulated_count": 0}
/// @endcode
/// Every member is written, and reading requires every one of them (no default fills a
/// checkpoint's gap) and refuses any other key. A best metric that is still infinite (no
/// metric seen yet) is written as the string `"inf"` or `"-inf"`, which JSON numbers cannot
/// hold. Reading a written state gives an equal state (`==`), so a controller built from it
/// continues identically. Errors are `config_error`s naming the JSON pointer.
///
/// @code
/// nlohmann::json saved = plateau.state();                     // to_json, found by ADL
/// lrsched::reduce_on_plateau resumed(options, saved.get<lrsched::plateau_state>());
/// @endcode
#ifndef LRSCHED_JSON_PLATEAU_HPP
#define LRSCHED_JSON_PLATEAU_HPP

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <lrsched/config/error.hpp>
#include <lrsched/config/suggest.hpp>
#include <lrsched/json/reader.hpp>
#include <lrsched/plateau.hpp>

namespace lrsched {

namespace detail::json {

/// The members of `plateau_state`, in declaration order: the JSON keys.
inline constexpr std::string_view plateau_keys[] = {
    "best",       "bad_updates", "cooldown_counter", "updates",
    "reductions", "scale",       "accumulated",      "accumulated_count"};

/// A double that may be infinite: a number, or "inf" / "-inf".
template <class Json>
Json extended_real(double value) {
  if (std::isinf(value)) return Json(value > 0 ? "inf" : "-inf");
  return Json(value);
}

template <class Json>
double read_extended_real(const Json& j, const std::string& path) {
  if (j.is_string()) {
    const auto& text = j.template get_ref<const typename Json::string_t&>();
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
    expected(path, "a number, \"inf\" or \"-inf\"", j);
  }
  return read_real(j, path);
}

}  // namespace detail::json

/// @brief The JSON of a controller's state (see the file comment).
/// @throws config_error if a member other than `best` is not finite (no controller makes one).
template <class Json = nlohmann::ordered_json>
[[nodiscard]] Json plateau_state_to_json(const plateau_state& state) {
  for (const auto& [name, value] : {std::pair<const char*, double>{"scale", state.scale},
                                    std::pair<const char*, double>{"accumulated",
                                                                   state.accumulated}}) {
    if (!std::isfinite(value)) {
      throw config_error(std::string("/") + name,
                         "expected a finite number, got " + detail::format_number(value));
    }
  }
  if (std::isnan(state.best)) throw config_error("/best", "expected a number, got NaN");
  Json j = Json::object();
  j["best"] = detail::json::extended_real<Json>(state.best);
  j["bad_updates"] = state.bad_updates;
  j["cooldown_counter"] = state.cooldown_counter;
  j["updates"] = state.updates;
  j["reductions"] = state.reductions;
  j["scale"] = state.scale;
  j["accumulated"] = state.accumulated;
  j["accumulated_count"] = state.accumulated_count;
  return j;
}

/// @brief A controller's state from its JSON (see the file comment).
/// @throws config_error at the first missing, unknown or bad member.
template <class Json>
[[nodiscard]] plateau_state plateau_state_from_json(const Json& j) {
  namespace dj = detail::json;
  if (!j.is_object()) dj::expected("", "an object (a plateau_state)", j);
  std::vector<std::string> names;
  for (const auto key : dj::plateau_keys) names.emplace_back(key);
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const auto& name : names) known = known || name == it.key();
    if (known) continue;
    const std::string where = dj::child_pointer("", it.key());
    const auto suggestion = detail::closest_name(it.key(), names);
    throw config_error(where, "unknown key for a plateau_state" +
                                  (suggestion ? "; did you mean " + dj::quote_text(*suggestion) + "?"
                                              : " (its keys: " + dj::quote_list(names) + ")"));
  }
  for (const auto& name : names) {
    if (!j.contains(name)) {
      throw config_error("", "missing required key " + dj::quote_text(name) +
                                 " (a plateau_state has every member written)");
    }
  }
  const auto count = [&](const char* key) {
    return dj::read_integer(j.at(key), dj::child_pointer("", key), true);
  };
  plateau_state state;
  state.best = dj::read_extended_real(j.at("best"), "/best");
  state.bad_updates = count("bad_updates");
  state.cooldown_counter = count("cooldown_counter");
  state.updates = count("updates");
  state.reductions = count("reductions");
  state.scale = dj::read_real(j.at("scale"), "/scale");
  if (state.scale < 0.0) dj::expected("/scale", "a scale >= 0", j.at("scale"));
  state.accumulated = dj::read_real(j.at("accumulated"), "/accumulated");
  state.accumulated_count = count("accumulated_count");
  return state;
}

/// nlohmann's hooks, found by argument-dependent lookup: `nlohmann::json j = state;` and
/// `j.get<lrsched::plateau_state>()`.
template <class BasicJson>
void to_json(BasicJson& j, const plateau_state& state) {
  j = plateau_state_to_json<BasicJson>(state);
}
template <class BasicJson>
void from_json(const BasicJson& j, plateau_state& state) {
  state = plateau_state_from_json(j);
}

}  // namespace lrsched

#endif  // LRSCHED_JSON_PLATEAU_HPP
