// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file json.hpp
/// @brief Opt-in: schedules to and from canonical JSON (nlohmann_json), with
/// errors that name the JSON pointer of the offending value.
///
/// The format is one object per schedule: its `"kind"`, its parameters under
/// the names its `describe()` uses, and its children in named slots
/// (`"schedule"`: one object, `"pieces"` / `"factors"`: arrays):
/// @code{.json}
/// {"kind": "chain", "steps": [2000],
///  "pieces": [{"kind": "linear", "start_value": 0, "end_value": 3e-4, "steps": 2000},
///             {"kind": "constant", "value": 3e-4}]}
/// @endcode
/// Unknown keys are errors (with a "did you mean"), so are missing required
/// keys; a key may be left out only where the C++ constructor has a default.
/// See docs/json.md for every kind and docs/schema/lrsched.schema.json for the
/// JSON Schema. Link `lrsched::json`.
///
/// Header-only by default. A program that includes this header in many source files can
/// compile the loader once instead: define `LRSCHED_SEPARATE_COMPILATION` for the whole
/// program and include <lrsched/src.hpp> in one source file (docs/json.md).
///
/// @code
/// auto s = lrsched::parse_schedule(R"({"kind": "constant", "value": 1e-3})");
/// double lr = s(100);
/// nlohmann::json doc = lrsched::to_json(s);  // the canonical form
/// @endcode
#ifndef LRSCHED_JSON_HPP
#define LRSCHED_JSON_HPP

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/description.hpp>
#include <lrsched/config/linkage.hpp>
#include <lrsched/json/plateau.hpp>

namespace lrsched {

namespace config {
/// @brief The registry the JSON loader uses: the built-in kinds, the peer-faithful
/// `"<peer>.<function>"` kinds (config/peer_kinds.hpp), plus any a program adds (add them
/// at start-up, before loading on several threads).
LRSCHED_CONFIG_DECL kind_registry& kinds();
}  // namespace config

/// @brief Loads a schedule from its canonical JSON form.
/// @throws config_error naming the JSON pointer of the first bad value.
[[nodiscard]] LRSCHED_CONFIG_DECL any_schedule from_json(const nlohmann::json& document);
/// @copydoc from_json(const nlohmann::json&)
[[nodiscard]] LRSCHED_CONFIG_DECL any_schedule from_json(const nlohmann::ordered_json& document);

/// @brief Parses JSON text strictly (no duplicate keys, bounded nesting) into a document,
/// for loaders of any format built on this one.
/// @throws config_error for invalid JSON (the message gives line and column).
[[nodiscard]] LRSCHED_CONFIG_DECL nlohmann::ordered_json parse_config(std::string_view text);

/// @brief Parses JSON text and loads the schedule it describes.
/// @throws config_error for invalid JSON or an invalid schedule.
[[nodiscard]] LRSCHED_CONFIG_DECL any_schedule parse_schedule(std::string_view text);

/// @brief The canonical JSON of a description: nested chains flattened,
/// parameters and children under their description names, in order.
/// @throws config_error if it contains a user-defined schedule without `describe()`.
[[nodiscard]] LRSCHED_CONFIG_DECL nlohmann::ordered_json to_ordered_json(description d);

/// @brief The canonical JSON of any schedule, keys in canonical order
/// (`"kind"`, then the parameters, then the children): what `lrsched convert` prints.
template <Schedule S>
[[nodiscard]] nlohmann::ordered_json to_ordered_json(const S& schedule) {
  return to_ordered_json(detail::describe(schedule));
}

/// @brief The canonical JSON of any schedule. Reloading it with `from_json`
/// gives a schedule with the same value at every step, and writing that one
/// gives the same document.
/// @throws config_error if it contains a user-defined schedule without `describe()`.
template <Schedule S>
[[nodiscard]] nlohmann::json to_json(const S& schedule) {
  return nlohmann::json(to_ordered_json(detail::describe(schedule)));
}

/// @brief The JSON Schema (draft 2020-12) of the canonical format, generated
/// from the registered kinds; docs/schema/lrsched.schema.json is its output.
[[nodiscard]] LRSCHED_CONFIG_DECL nlohmann::ordered_json json_schema();

/// @brief nlohmann's hook, found by argument-dependent lookup:
/// `nlohmann::json j = lrsched::linear(0.0, 1e-3, 100);`.
template <class BasicJson, Schedule S>
  requires Describable<S>
void to_json(BasicJson& j, const S& schedule) {
  j = BasicJson(to_ordered_json(schedule.describe()));
}

}  // namespace lrsched

/// `j.get<lrsched::any_schedule>()` and `nlohmann::json j = any;` (any_schedule
/// has no default constructor, so it gets a serializer rather than the plain hooks).
template <>
struct nlohmann::adl_serializer<lrsched::any_schedule> {
  static lrsched::any_schedule from_json(const nlohmann::json& j) { return lrsched::from_json(j); }
  static lrsched::any_schedule from_json(const nlohmann::ordered_json& j) {
    return lrsched::from_json(j);
  }
  template <class BasicJson>
  static void to_json(BasicJson& j, const lrsched::any_schedule& schedule) {
    lrsched::to_json(j, schedule);
  }
};

// The definitions: here, or (with LRSCHED_SEPARATE_COMPILATION) in the one source file
// that includes <lrsched/src.hpp>.
#ifndef LRSCHED_SEPARATE_COMPILATION
#include <lrsched/json/impl.hpp>
#endif

#endif  // LRSCHED_JSON_HPP
