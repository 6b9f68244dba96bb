// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file yaml.hpp
/// @brief Opt-in: configs written in YAML (LightningCLI, Hydra, timm's args.yaml, Megatron
/// argument files), in every dialect, through yaml-cpp. Link `lrsched::yaml`.
///
/// YAML text becomes the same JSON tree `lrsched::load_config` takes, so every dialect (and
/// the canonical format) reads YAML, with the numbers it would read from JSON. Plain scalars
/// resolve by the YAML 1.2 core schema, whatever the YAML version a peer's own tools use:
/// - `null`, `Null`, `NULL`, `~` and an empty value are null; `true`/`false` (also
///   `True`, `TRUE`, ...) are booleans, and `yes`, `no`, `on`, `off` are strings (YAML 1.1
///   made them booleans);
/// - `[-+]?[0-9]+` is an integer (`010` is ten; YAML 1.1 read it as octal), `0o17` octal and
///   `0x1F` hexadecimal integers; an integer beyond JSON's 64-bit range is an error;
/// - `[-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)?` is a float: `1e-3` is 0.001 (YAML
///   1.1 needs a dot, `1.0e-3`, and PyYAML reads `1e-3` as a string); `.inf`, `-.inf` and
///   `.nan` are floats, which the loaders then refuse as not finite;
/// - anything else, and every quoted or block scalar, is a string; the tags `!!str`,
///   `!!int`, `!!float`, `!!bool`, `!!null` force a type, and any other tag is an error.
/// Mapping keys are strings as written; a key given twice is an error; one document only.
///
/// Every error is a `yaml::error`, a `config_error` whose problem starts with the line and
/// column (1-based) the value was written at, and whose pointer is its key path:
/// `/scheduler/params/total_num_steps: line 7, column 5: expected a number, got "auto"`.
///
/// @code
/// auto s = lrsched::yaml::load_config(text);                     // dialect detected
/// nlohmann::ordered_json tree = lrsched::yaml::to_json(text);    // the JSON tree itself
/// std::string out = lrsched::yaml::from_json(tree);              // and back to YAML text
/// @endcode
#ifndef LRSCHED_YAML_HPP
#define LRSCHED_YAML_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/dialects.hpp>
#include <lrsched/dialects/options.hpp>
#include <lrsched/json/reader.hpp>

namespace lrsched::yaml {

/// Where a value was written: 1-based line and column.
struct position {
  int line = 1;
  int column = 1;
  friend bool operator==(const position&, const position&) = default;
};

/// @brief A bad YAML config: the key path (a JSON pointer), the line and column, and the
/// problem, which starts with `line L, column C: `.
class error : public config_error {
 public:
  error(std::string pointer, std::string problem, position where)
      : config_error(std::move(pointer), "line " + std::to_string(where.line) + ", column " +
                                             std::to_string(where.column) + ": " + problem),
        where_(where) {}

  [[nodiscard]] int line() const noexcept { return where_.line; }
  [[nodiscard]] int column() const noexcept { return where_.column; }

 private:
  position where_;
};

/// @brief YAML text as a JSON tree, with where each value was written.
class document {
 public:
  document(nlohmann::ordered_json json, std::map<std::string, position, std::less<>> positions)
      : json_(std::move(json)), positions_(std::move(positions)) {}

  /// The JSON tree the loaders take.
  [[nodiscard]] const nlohmann::ordered_json& json() const noexcept { return json_; }

  /// Where the value at `pointer` was written (its key, for a mapping's value), or, for a
  /// pointer to a value that is not there, where its nearest enclosing value was.
  [[nodiscard]] position position_of(std::string_view pointer) const {
    for (;;) {
      if (const auto it = positions_.find(pointer); it != positions_.end()) return it->second;
      const auto slash = pointer.rfind('/');
      if (pointer.empty() || slash == std::string_view::npos) return position{};
      pointer = pointer.substr(0, slash);
    }
  }

  /// `e` as a yaml::error at the line of its pointer.
  [[nodiscard]] error locate(const config_error& e) const {
    return error(e.pointer(), e.problem(), position_of(e.pointer()));
  }

 private:
  nlohmann::ordered_json json_;
  std::map<std::string, position, std::less<>> positions_;
};

}  // namespace lrsched::yaml

namespace lrsched::detail::yaml {

using lrsched::yaml::error;
using lrsched::yaml::position;
using json_t = nlohmann::ordered_json;
using lrsched::detail::json::child_pointer;
using lrsched::detail::json::quote_text;

inline constexpr std::string_view core_tag = "tag:yaml.org,2002:";
/// Bounds for text from outside the program: nesting, and values (aliases repeat a node).
inline constexpr int max_depth = lrsched::detail::json::max_text_depth;
inline constexpr std::size_t max_values = 1'000'000;

inline position position_from(const YAML::Mark& mark) {
  if (mark.is_null()) return position{};
  return position{mark.line + 1, mark.column + 1};
}

inline bool all_of(std::string_view text, bool (*digit)(char)) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!digit(c)) return false;
  }
  return true;
}
inline bool decimal_digit(char c) { return c >= '0' && c <= '9'; }
inline bool octal_digit(char c) { return c >= '0' && c <= '7'; }
inline bool hex_digit(char c) {
  return decimal_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

inline bool is_null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
inline std::optional<bool> bool_text(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

/// The core schema's integer forms; `std::nullopt` if `s` is not one. Throws (through
/// `fail`) when it is one but outside JSON's 64-bit range.
template <class Fail>
std::optional<json_t> integer_text(std::string_view s, Fail fail) {
  int base = 10;
  std::string_view digits = s;
  bool negative = false;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    base = s[1] == 'o' ? 8 : 16;
    digits = s.substr(2);
    if (!all_of(digits, base == 8 ? octal_digit : hex_digit)) return std::nullopt;
  } else {
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
      negative = digits[0] == '-';
      digits = digits.substr(1);
    }
    if (!all_of(digits, decimal_digit)) return std::nullopt;
  }
  std::uint64_t magnitude = 0;
  const auto [end, status] =
      std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  constexpr auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (status != std::errc() || end != digits.data() + digits.size() ||
      (negative && magnitude > limit + 1)) {
    fail("expected an integer within 64 bits (-2^63 to 2^64 - 1), got " + std::string(s));
  }
  if (negative) {
    return json_t(magnitude == limit + 1 ? std::numeric_limits<std::int64_t>::min()
                                         : -static_cast<std::int64_t>(magnitude));
  }
  if (magnitude <= limit) return json_t(static_cast<std::int64_t>(magnitude));
  return json_t(magnitude);
}

/// The core schema's float forms; `std::nullopt` if `s` is not one.
template <class Fail>
std::optional<json_t> float_text(std::string_view s, Fail fail) {
  std::string_view body = s;
  double sign = 1.0;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    sign = body[0] == '-' ? -1.0 : 1.0;
    body = body.substr(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    return json_t(sign * std::numeric_limits<double>::infinity());
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    return json_t(std::numeric_limits<double>::quiet_NaN());
  }
  // [0-9]* ( . [0-9]* )? ( [eE] [-+]? [0-9]+ )?, with a digit before or after the dot.
  std::size_t k = 0;
  std::size_t mantissa_digits = 0;
  while (k < body.size() && decimal_digit(body[k])) ++k, ++mantissa_digits;
  if (k < body.size() && body[k] == '.') {
    ++k;
    while (k < body.size() && decimal_digit(body[k])) ++k, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return std::nullopt;
  if (k < body.size() && (body[k] == 'e' || body[k] == 'E')) {
    ++k;
    if (k < body.size() && (body[k] == '-' || body[k] == '+')) ++k;
    const std::size_t start = k;
    while (k < body.size() && decimal_digit(body[k])) ++k;
    if (k == start) return std::nullopt;
  }
  if (k != body.size()) return std::nullopt;
  double value = 0.0;
  const auto [end, status] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (status != std::errc() || end != body.data() + body.size()) {
    fail("expected a number within double range, got " + std::string(s));
  }
  return json_t(sign * value);
}

/// Turns a yaml-cpp node graph into JSON, recording where each value was written.
class converter {
 public:
  json_t convert(const YAML::Node& node, const std::string& pointer, position where, int depth) {
    if (++values_ > max_values) {
      throw error(pointer, "expected at most " + std::to_string(max_values) +
                               " values (aliases repeat what they name), got more", where);
    }
    if (depth > max_depth) {
      throw error(pointer, "expected at most " + std::to_string(max_depth) +
                               " levels of nesting, got more", where);
    }
    positions_.emplace(pointer, where);
    const std::string& tag = node.Tag();
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        if (!tag.empty() && tag != "?" && tag != "!" && tag != std::string(core_tag) + "null") {
          throw error(pointer, "expected no tag or !!null on a null, got " + quote_text(tag),
                      where);
        }
        return json_t();
      case YAML::NodeType::Scalar:
        return scalar(node, pointer, where);
      case YAML::NodeType::Sequence: {
        check_collection_tag(tag, "seq", pointer, where);
        json_t out = json_t::array();
        std::size_t index = 0;
        for (const auto& item : node) {
          out.push_back(convert(item, child_pointer(pointer, index), position_from(item.Mark()),
                                depth + 1));
          ++index;
        }
        return out;
      }
      case YAML::NodeType::Map: {
        check_collection_tag(tag, "map", pointer, where);
        json_t out = json_t::object();
        for (const auto& entry : node) {
          const position key_at = position_from(entry.first.Mark());
          if (!entry.first.IsScalar() && !entry.first.IsNull()) {
            throw error(pointer, "expected a scalar as a mapping key, got a " +
                                     std::string(entry.first.IsMap() ? "mapping" : "sequence"),
                        key_at);
          }
          const std::string key = entry.first.IsNull() ? std::string() : entry.first.Scalar();
          const std::string child = child_pointer(pointer, key);
          if (out.contains(key)) {
            throw error(child, "duplicate key (each key may appear once per mapping)", key_at);
          }
          out[key] = convert(entry.second, child, key_at, depth + 1);
        }
        return out;
      }
    }
    return json_t();
  }

  std::map<std::string, position, std::less<>> take_positions() { return std::move(positions_); }

 private:
  static void check_collection_tag(const std::string& tag, std::string_view kind,
                                   const std::string& pointer, position where) {
    if (tag.empty() || tag == "?" || tag == "!" || tag == std::string(core_tag) + std::string(kind))
      return;
    throw error(pointer, "unsupported tag " + quote_text(tag) + " (expected none or !!" +
                             std::string(kind) + ")", where);
  }

  static json_t scalar(const YAML::Node& node, const std::string& pointer, position where) {
    const std::string& text = node.Scalar();
    const std::string& tag = node.Tag();
    const auto fail = [&](const std::string& problem) { throw error(pointer, problem, where); };
    if (tag == "!") return json_t(text);  // quoted or block: a string
    if (tag == "?" || tag.empty()) {      // plain: the core schema decides
      if (is_null_text(text)) return json_t();
      if (const auto b = bool_text(text)) return json_t(*b);
      if (auto i = integer_text(text, fail)) return *i;
      if (auto f = float_text(text, fail)) return *f;
      return json_t(text);
    }
    if (tag.rfind(core_tag, 0) != 0) {
      fail("unsupported tag " + quote_text(tag) +
           " (expected none, or !!str, !!int, !!float, !!bool or !!null)");
    }
    const std::string_view type = std::string_view(tag).substr(core_tag.size());
    const auto mismatch = [&] {
      fail("expected a value of !!" + std::string(type) + ", got " + quote_text(text));
    };
    if (type == "str") return json_t(text);
    if (type == "null") {
      if (!is_null_text(text)) mismatch();
      return json_t();
    }
    if (type == "bool") {
      const auto b = bool_text(text);
      if (!b) mismatch();
      return json_t(*b);
    }
    if (type == "int") {
      auto i = integer_text(text, fail);
      if (!i) mismatch();
      return *i;
    }
    if (type == "float") {
      if (auto i = integer_text(text, fail)) return json_t(i->template get<double>());
      auto f = float_text(text, fail);
      if (!f) mismatch();
      return *f;
    }
    fail("unsupported tag " + quote_text(tag) +
         " (expected none, or !!str, !!int, !!float, !!bool or !!null)");
    return json_t();
  }

  std::map<std::string, position, std::less<>> positions_;
  std::size_t values_ = 0;
};

/// A float as YAML text that reads back as the same float: the shortest round-trip digits,
/// with a ".0" where they would read as an integer.
inline std::string float_text_of(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  char buffer[40];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string out(buffer, result.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

inline void emit(YAML::Emitter& out, const json_t& j) {
  switch (j.type()) {
    case json_t::value_t::object:
      out << YAML::BeginMap;
      for (auto it = j.begin(); it != j.end(); ++it) {
        out << YAML::Key << it.key() << YAML::Value;
        emit(out, it.value());
      }
      out << YAML::EndMap;
      break;
    case json_t::value_t::array:
      out << YAML::BeginSeq;
      for (const auto& item : j) emit(out, item);
      out << YAML::EndSeq;
      break;
    case json_t::value_t::string:
      out << YAML::DoubleQuoted << j.get_ref<const std::string&>();
      break;
    case json_t::value_t::boolean:
      out << (j.get<bool>() ? "true" : "false");
      break;
    case json_t::value_t::number_integer:
      out << std::to_string(j.get<std::int64_t>());
      break;
    case json_t::value_t::number_unsigned:
      out << std::to_string(j.get<std::uint64_t>());
      break;
    case json_t::value_t::number_float:
      out << float_text_of(j.get<double>());
      break;
    default:
      out << YAML::Null;
      break;
  }
}

}  // namespace lrsched::detail::yaml

namespace lrsched::yaml {

/// @brief Parses YAML text (one document) into a JSON tree with each value's position.
/// @throws error for invalid YAML, an unsupported tag, a duplicate key, or more than one
///         document.
[[nodiscard]] inline document parse(std::string_view text) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    throw error("", "invalid YAML: " + e.msg, detail::yaml::position_from(e.mark));
  }
  if (documents.size() > 1) {
    throw error("", "expected one YAML document, got " + std::to_string(documents.size()),
                detail::yaml::position_from(documents[1].Mark()));
  }
  detail::yaml::converter c;
  const YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
  const position where = documents.empty() ? position{} : detail::yaml::position_from(root.Mark());
  auto json = c.convert(root, "", where, 1);
  return document(std::move(json), c.take_positions());
}

/// @brief YAML text as the JSON tree `lrsched::load_config` takes (see the file comment).
/// @throws error as `parse` does.
[[nodiscard]] inline nlohmann::ordered_json to_json(std::string_view text) {
  return parse(text).json();
}

/// @brief A JSON tree as YAML text (block style, keys and strings double-quoted, floats in
/// their shortest round-trip form): `to_json(from_json(j)) == j` for every finite `j`.
[[nodiscard]] inline std::string from_json(const nlohmann::ordered_json& j) {
  YAML::Emitter out;
  detail::yaml::emit(out, j);
  std::string text = out.c_str();
  text.push_back('\n');
  return text;
}

/// @brief Loads a YAML config in dialect `d` (detected by default) as
/// `lrsched::load_config` loads its JSON tree.
/// @throws error naming the key path, line and column of the first bad value.
[[nodiscard]] inline any_schedule load_config(std::string_view text,
                                              dialect d = dialect::automatic,
                                              const load_options& options = {}) {
  const document doc = parse(text);
  try {
    return lrsched::load_config(doc.json(), d, options);
  } catch (const error&) {
    throw;
  } catch (const config_error& e) {
    throw doc.locate(e);
  }
}

}  // namespace lrsched::yaml

#endif  // LRSCHED_YAML_HPP
