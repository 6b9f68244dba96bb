// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file json/writer.hpp
/// @brief Writing a schedule's description as canonical JSON, and the JSON
/// Schema of the canonical format, both from the kind registry.
#ifndef LRSCHED_JSON_WRITER_HPP
#define LRSCHED_JSON_WRITER_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/description.hpp>
#include <lrsched/json/reader.hpp>

namespace lrsched::detail::json {

/// A chain description's pieces and durations, or nullptr when `d` is not a chain.
struct chain_parts {
  std::vector<description>* pieces = nullptr;
  std::vector<std::int64_t>* durations = nullptr;
};
inline chain_parts parts_of_chain(description& d) {
  chain_parts parts;
  if (d.kind != "chain") return parts;
  for (auto& [name, value] : d.parameters) {
    if (name == "steps") parts.durations = std::get_if<std::vector<std::int64_t>>(&value);
  }
  for (auto& [slot, children] : d.children) {
    if (slot == "pieces") parts.pieces = &children;
  }
  const bool complete = parts.pieces != nullptr && parts.durations != nullptr &&
                        parts.durations->size() + 1 == parts.pieces->size();
  return complete ? parts : chain_parts{};
}

/// The normal form of a description: nested chains spliced into their parent
/// (values unchanged; see flatten_chain), children first.
inline void normalize(description& d) {
  for (auto& [slot, children] : d.children) {
    for (auto& child : children) normalize(child);
  }
  const chain_parts outer = parts_of_chain(d);
  if (outer.pieces == nullptr) return;
  flatten_chain(*outer.pieces, *outer.durations, [](description& piece) {
    const chain_parts inner = parts_of_chain(piece);
    using parts = std::pair<const std::vector<description>*, const std::vector<std::int64_t>*>;
    return inner.pieces != nullptr ? std::optional<parts>(parts(inner.pieces, inner.durations))
                                   : std::nullopt;
  });
}

/// Writes a (normalized) description: "kind", the parameters in order, then the children,
/// one object for a `schedule` field and an array for a `schedule_list` field.
template <class Json>
Json write(const description& d, const lrsched::config::kind_registry& registry,
           const std::string& path) {
  if (d.kind == "custom") {
    throw config_error(path,
                       "expected a schedule with a JSON form, got a user-defined schedule "
                       "without describe()");
  }
  Json j = Json::object();
  j["kind"] = d.kind;
  for (const auto& [name, value] : d.parameters) {
    std::visit([&, &key = name](const auto& v) { j[key] = v; }, value);
  }
  const lrsched::config::kind_entry* entry = registry.find(d.kind);
  for (const auto& [slot, children] : d.children) {
    const lrsched::config::field* f = entry != nullptr ? entry->find(slot) : nullptr;
    const bool single = f != nullptr ? f->type == lrsched::config::field_type::schedule
                                     : slot == "schedule" && children.size() == 1;
    const std::string slot_path = child_pointer(path, slot);
    if (single && children.size() == 1) {
      j[slot] = write<Json>(children.front(), registry, slot_path);
    } else {
      Json list = Json::array();
      for (std::size_t k = 0; k < children.size(); ++k) {
        list.push_back(write<Json>(children[k], registry, child_pointer(slot_path, k)));
      }
      j[slot] = std::move(list);
    }
  }
  return j;
}

/// The JSON Schema (draft 2020-12) fragment for one field.
inline nlohmann::ordered_json field_schema(const lrsched::config::field& f) {
  using lrsched::config::field_type;
  using oj = nlohmann::ordered_json;
  oj s = oj::object();
  switch (f.type) {
    case field_type::flag:
      s["type"] = "boolean";
      break;
    case field_type::integer:
      s["type"] = "integer";
      break;
    case field_type::steps:
      s["$ref"] = "#/$defs/steps";
      break;
    case field_type::real:
      s["type"] = "number";
      break;
    case field_type::text:
      if (f.choices.empty()) {
        s["type"] = "string";
      } else {
        s["enum"] = f.choices;
      }
      break;
    case field_type::steps_list:
      s["type"] = "array";
      s["items"] = {{"$ref", "#/$defs/steps"}};
      break;
    case field_type::real_list:
      s["type"] = "array";
      s["items"] = {{"type", "number"}};
      break;
    case field_type::schedule:
      s["$ref"] = "#/$defs/schedule";
      break;
    case field_type::schedule_list:
      s["type"] = "array";
      s["items"] = {{"$ref", "#/$defs/schedule"}};
      s["minItems"] = 1;
      break;
  }
  if (f.default_value) {
    std::visit([&](const auto& v) { s["default"] = v; }, *f.default_value);
  }
  return s;
}

inline nlohmann::ordered_json schema(const lrsched::config::kind_registry& registry) {
  using oj = nlohmann::ordered_json;
  oj one_of = oj::array();
  oj defs = oj::object();
  defs["schedule"] = {{"description", "A schedule object; \"kind\" says which."}};
  defs["steps"] = {{"description", "A count of steps (or samples, or tokens)."},
                   {"type", "integer"},
                   {"minimum", 0}};
  for (const auto& entry : registry.entries()) {
    oj properties = oj::object();
    properties["kind"] = {{"const", entry.kind}};
    oj required = oj::array({"kind"});
    for (const auto& f : entry.fields) {
      properties[f.name] = field_schema(f);
      if (f.required()) required.push_back(f.name);
    }
    defs["kind:" + entry.kind] = {{"title", entry.kind},
                                  {"description", entry.summary},
                                  {"type", "object"},
                                  {"properties", std::move(properties)},
                                  {"required", std::move(required)},
                                  {"additionalProperties", false}};
    one_of.push_back({{"$ref", "#/$defs/kind:" + entry.kind}});
  }
  defs["schedule"]["oneOf"] = std::move(one_of);
  oj s = oj::object();
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["$id"] = "https://github.com/lrsched/lrsched/blob/main/docs/schema/lrsched.schema.json";
  s["title"] = "lrsched schedule (canonical JSON)";
  s["description"] =
      "A learning-rate schedule as lrsched's loader reads it and its writer writes it. "
      "Generated from the kind registry (lrsched::json_schema()); see docs/json.md.";
  s["$ref"] = "#/$defs/schedule";
  s["$defs"] = std::move(defs);
  return s;
}

}  // namespace lrsched::detail::json

#endif  // LRSCHED_JSON_WRITER_HPP
