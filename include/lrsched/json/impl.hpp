// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file json/impl.hpp
/// @brief The definitions of json.hpp's functions. json.hpp includes this file itself
/// unless `LRSCHED_SEPARATE_COMPILATION` is defined; then <lrsched/src.hpp> does, once.
#ifndef LRSCHED_JSON_IMPL_HPP
#define LRSCHED_JSON_IMPL_HPP

#include <string_view>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/kinds.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/description.hpp>
#include <lrsched/json.hpp>
#include <lrsched/config/linkage.hpp>
#include <lrsched/json/reader.hpp>
#include <lrsched/json/writer.hpp>

namespace lrsched {

LRSCHED_CONFIG_DECL any_schedule from_json(const nlohmann::json& document) {
  return detail::json::reader<nlohmann::json>(config::kinds()).read(document, "", 1);
}

LRSCHED_CONFIG_DECL any_schedule from_json(const nlohmann::ordered_json& document) {
  return detail::json::reader<nlohmann::ordered_json>(config::kinds()).read(document, "", 1);
}

LRSCHED_CONFIG_DECL nlohmann::ordered_json parse_config(std::string_view text) {
  return detail::json::parse_text<nlohmann::ordered_json>(text);
}

LRSCHED_CONFIG_DECL any_schedule parse_schedule(std::string_view text) {
  return from_json(parse_config(text));
}

LRSCHED_CONFIG_DECL nlohmann::ordered_json to_ordered_json(description d) {
  detail::json::normalize(d);
  return detail::json::write<nlohmann::ordered_json>(d, config::kinds(), "");
}

LRSCHED_CONFIG_DECL nlohmann::ordered_json json_schema() {
  return detail::json::schema(config::kinds());
}

}  // namespace lrsched

#endif  // LRSCHED_JSON_IMPL_HPP
