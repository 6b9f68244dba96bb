// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file json/reader.hpp
/// @brief Reading the canonical JSON format into an `any_schedule`, with
/// errors that name the JSON pointer of the offending value.
#ifndef LRSCHED_JSON_READER_HPP
#define LRSCHED_JSON_READER_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/config/registry.hpp>
#include <lrsched/config/suggest.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/error.hpp>

namespace lrsched::detail::json {

/// How deeply schedules may nest (a chain inside a scale inside ...).
inline constexpr int max_schedule_depth = 64;
/// How deeply JSON values may nest in a document given as text.
inline constexpr int max_text_depth = 256;

/// `path` extended by one object key, escaped as RFC 6901 says (~ as ~0, / as ~1).
inline std::string child_pointer(const std::string& path, std::string_view key) {
  std::string out = path;
  out.push_back('/');
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}
inline std::string child_pointer(const std::string& path, std::size_t index) {
  return path + "/" + format_number(static_cast<std::int64_t>(index));
}

/// Quoted, escaped and shortened text of a string for a message.
inline std::string quote_text(std::string_view text) {
  constexpr std::size_t limit = 40;
  std::string shown(text.substr(0, limit));
  if (text.size() > limit) {
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0U) == 0x80U) {
      shown.pop_back();  // do not cut a UTF-8 sequence
    }
    if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0x80U) != 0U) {
      shown.pop_back();  // a lead byte left without its continuation
    }
  }
  std::string out =
      nlohmann::json(shown).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > limit) out.insert(out.size() - 1, "...");
  return out;
}

inline std::string quote_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (k > 0) out += ", ";
    out += quote_text(names[k]);
  }
  return out;
}

/// A short rendering of a JSON value for "got ...": numbers and literals as
/// written, strings quoted (and shortened), containers by their shape only.
template <class Json>
std::string got(const Json& j) {
  using value_t = nlohmann::detail::value_t;
  switch (j.type()) {
    case value_t::null:
      return "null";
    case value_t::boolean:
      return j.template get<bool>() ? "true" : "false";
    case value_t::number_integer:
      return format_number(j.template get<std::int64_t>());
    case value_t::number_unsigned: {
      char buffer[24];
      const auto result =
          std::to_chars(buffer, buffer + sizeof buffer, j.template get<std::uint64_t>());
      return std::string(buffer, result.ptr);
    }
    case value_t::number_float:
      return format_number(j.template get<double>());
    case value_t::string:
      return quote_text(j.template get_ref<const std::string&>());
    case value_t::array:
      return j.empty() ? "an empty array" : "an array";
    case value_t::object:
      return j.empty() ? "an empty object" : "an object";
    default:
      return "binary data";
  }
}

template <class Json>
[[noreturn]] void expected(const std::string& path, std::string_view what, const Json& j) {
  throw config_error(path, "expected " + std::string(what) + ", got " + got(j));
}

/// A step count: a non-negative integer, also when written as an integral
/// float (1e5); 3.5, 1e30, "10" and true are not. A float's magnitude must stay below
/// 2^53, where every integer a float can hold is the one written: 9007199254740993.0
/// parses as ...992, so it is refused rather than silently rounded (an integer literal
/// without a decimal point or exponent is exact up to 2^63).
template <class Json>
std::int64_t read_integer(const Json& j, const std::string& path, bool non_negative) {
  const std::string_view what = non_negative ? "a non-negative integer" : "an integer";
  constexpr double two_63 = 9223372036854775808.0;
  if (j.is_number_unsigned()) {
    const auto value = j.template get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      expected(path, std::string(what) + " below 2^63", j);
    }
    return static_cast<std::int64_t>(value);
  }
  if (j.is_number_integer()) {
    const auto value = j.template get<std::int64_t>();
    if (non_negative && value < 0) expected(path, what, j);
    return value;
  }
  if (j.is_number_float()) {
    const double value = j.template get<double>();
    if (!std::isfinite(value) || std::trunc(value) != value) expected(path, what, j);
    if (non_negative && value < 0.0) expected(path, what, j);
    if (value >= two_63 || value < -two_63) {
      expected(path, std::string(what) + (non_negative ? " below 2^63" : " within int64"), j);
    }
    constexpr double two_53 = 9007199254740992.0;
    if (value >= two_53 || value <= -two_53) {
      throw config_error(path, "expected " + std::string(what) +
                                   " written exactly, got the float " + got(j) +
                                   ": at or above 2^53 a number with a decimal point or an "
                                   "exponent may have been rounded; write the integer without them");
    }
    return static_cast<std::int64_t>(value);
  }
  expected(path, what, j);
}

template <class Json>
double read_real(const Json& j, const std::string& path) {
  if (!j.is_number()) expected(path, "a number", j);
  const double value = j.template get<double>();
  if (!std::isfinite(value)) expected(path, "a finite number", j);
  return value;
}

template <class Json>
void require_array(const Json& j, const std::string& path, std::string_view what) {
  if (!j.is_array()) expected(path, what, j);
}

/// Reads one schedule object and everything below it.
template <class Json>
class reader {
 public:
  explicit reader(const lrsched::config::kind_registry& registry) : registry_(registry) {}

  any_schedule read(const Json& j, const std::string& path, int depth) const {
    if (depth > max_schedule_depth) {
      throw config_error(path, "expected at most " +
                                   format_number(std::int64_t{max_schedule_depth}) +
                                   " levels of nested schedules, got more");
    }
    if (!j.is_object()) expected(path, "a schedule object", j);
    const auto kind_it = j.find("kind");
    if (kind_it == j.end()) {
      throw config_error(path,
                         "missing required key \"kind\" (every schedule object names its kind)");
    }
    const std::string kind_path = child_pointer(path, "kind");
    if (!kind_it->is_string()) expected(kind_path, "a string naming the schedule's kind", *kind_it);
    const auto& kind = kind_it->template get_ref<const std::string&>();
    const lrsched::config::kind_entry* entry = registry_.find(kind);
    if (entry == nullptr) {
      const auto names = registry_.names();
      if (const auto suggestion = closest_name(kind, names)) {
        throw config_error(kind_path, "unknown kind " + quote_text(kind) + "; did you mean " +
                                          quote_text(*suggestion) + "?");
      }
      throw config_error(kind_path, "unknown kind " + quote_text(kind) +
                                        "; no known kind is close (docs/json.md lists them)");
    }
    check_keys(j, path, *entry);

    std::vector<lrsched::config::argument> values;
    values.reserve(entry->fields.size());
    for (const auto& f : entry->fields) {
      const auto it = j.find(f.name);
      if (it == j.end()) {
        if (f.default_value) {
          values.push_back(std::visit([](const auto& v) { return lrsched::config::argument(v); },
                                      *f.default_value));
        } else if (f.optional) {
          values.emplace_back(std::monostate{});
        } else {
          throw config_error(
              path, "missing required key " + quote_text(f.name) + " for kind " + quote_text(kind));
        }
        continue;
      }
      values.push_back(read_field(f, *it, child_pointer(path, f.name), depth));
    }
    return build(*entry, values, j, path);
  }

 private:
  void check_keys(const Json& j, const std::string& path,
                  const lrsched::config::kind_entry& entry) const {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& key = it.key();
      if (key == "kind" || entry.find(key) != nullptr) continue;
      std::vector<std::string> keys;
      for (const auto& f : entry.fields) keys.push_back(f.name);
      const std::string key_path = child_pointer(path, key);
      if (const auto suggestion = closest_name(key, keys)) {
        throw config_error(key_path, "unknown key for kind " + quote_text(entry.kind) +
                                         "; did you mean " + quote_text(*suggestion) + "?");
      }
      throw config_error(key_path, "unknown key for kind " + quote_text(entry.kind) +
                                       " (its keys: " + quote_list(keys) + ")");
    }
  }

  lrsched::config::argument read_field(const lrsched::config::field& f, const Json& j,
                                       const std::string& path, int depth) const {
    using lrsched::config::field_type;
    switch (f.type) {
      case field_type::flag:
        if (!j.is_boolean()) expected(path, "true or false", j);
        return j.template get<bool>();
      case field_type::integer:
        return read_integer(j, path, false);
      case field_type::steps:
        return read_integer(j, path, true);
      case field_type::real:
        return read_real(j, path);
      case field_type::text: {
        if (!j.is_string()) {
          expected(path, f.choices.empty() ? "a string" : "one of " + quote_list(f.choices), j);
        }
        const auto& value = j.template get_ref<const std::string&>();
        if (!f.choices.empty() &&
            std::find(f.choices.begin(), f.choices.end(), value) == f.choices.end()) {
          std::string problem = "expected one of " + quote_list(f.choices) + ", got " + got(j);
          if (const auto suggestion = closest_name(value, f.choices)) {
            problem += "; did you mean " + quote_text(*suggestion) + "?";
          }
          throw config_error(path, problem);
        }
        return value;
      }
      case field_type::steps_list: {
        require_array(j, path, "an array of non-negative integers");
        std::vector<std::int64_t> out;
        out.reserve(j.size());
        for (std::size_t k = 0; k < j.size(); ++k) {
          out.push_back(read_integer(j[k], child_pointer(path, k), true));
        }
        return out;
      }
      case field_type::real_list: {
        require_array(j, path, "an array of numbers");
        std::vector<double> out;
        out.reserve(j.size());
        for (std::size_t k = 0; k < j.size(); ++k)
          out.push_back(read_real(j[k], child_pointer(path, k)));
        return out;
      }
      case field_type::schedule:
        return read(j, path, depth + 1);
      case field_type::schedule_list: {
        if (!j.is_array() || j.empty()) expected(path, "a non-empty array of schedules", j);
        std::vector<any_schedule> out;
        out.reserve(j.size());
        for (std::size_t k = 0; k < j.size(); ++k)
          out.push_back(read(j[k], child_pointer(path, k), depth + 1));
        return out;
      }
    }
    return std::monostate{};
  }

  /// Runs the kind's builder; a constructor's invalid_schedule becomes a config_error
  /// at the parameter it names (`steps[2]` is `/steps/2`), or at the object.
  static any_schedule build(const lrsched::config::kind_entry& entry,
                            std::vector<lrsched::config::argument>& values, const Json& j,
                            const std::string& path) {
    try {
      return entry.build(values);
    } catch (const invalid_schedule& e) {
      throw config_error(parameter_pointer(entry, j, path, e.parameter()), e.what());
    } catch (const std::invalid_argument& e) {
      throw config_error(path, e.what());
    } catch (const std::out_of_range& e) {
      throw config_error(path, e.what());
    }
  }

  /// `name`, `name[k]` or `name[k].sub` as a pointer below `path`, when `name` is a key present
  /// in the object; otherwise the object's own pointer.
  static std::string parameter_pointer(const lrsched::config::kind_entry& entry, const Json& j,
                                       const std::string& path, std::string_view parameter) {
    const std::size_t bracket = parameter.find_first_of("[.");
    const std::string_view name = parameter.substr(0, bracket);
    if (entry.find(name) == nullptr || !j.contains(std::string(name))) return path;
    std::string out = child_pointer(path, name);
    std::string_view rest =
        bracket == std::string_view::npos ? std::string_view{} : parameter.substr(bracket);
    while (!rest.empty()) {
      if (rest.front() == '[') {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos) break;
        out += "/";
        out += rest.substr(1, close - 1);
        rest.remove_prefix(close + 1);
      } else if (rest.front() == '.') {
        rest.remove_prefix(1);
        const std::size_t next = rest.find_first_of("[.");
        out = child_pointer(out, rest.substr(0, next));
        rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next);
      } else {
        break;
      }
    }
    return out;
  }

  const lrsched::config::kind_registry& registry_;
};

/// The pointer of the value being parsed, for errors found while parsing text.
class text_path {
 public:
  void open(bool object) {
    bump();
    frames_.push_back(frame{object, {}, {}, -1});
  }
  void close() {
    if (!frames_.empty()) frames_.pop_back();
  }
  /// Records a key of the innermost object; false if the object already has it.
  bool key(std::string name) {
    if (frames_.empty()) return true;
    frames_.back().key = name;
    return frames_.back().keys.insert(std::move(name)).second;
  }
  void value() { bump(); }
  /// The number of open objects and arrays.
  [[nodiscard]] std::size_t depth() const noexcept { return frames_.size(); }

  /// The pointer of the current value: with `inside`, of the key or element being read in
  /// the innermost container; without, of that container itself.
  [[nodiscard]] std::string pointer(bool inside = true) const {
    std::string out;
    const std::size_t n = inside || frames_.empty() ? frames_.size() : frames_.size() - 1;
    for (std::size_t k = 0; k < n; ++k) {
      const frame& f = frames_[k];
      out = f.object
                ? child_pointer(out, f.key)
                : child_pointer(out, static_cast<std::size_t>(std::max<std::int64_t>(f.index, 0)));
    }
    return out;
  }

 private:
  struct frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    std::int64_t index;
  };
  void bump() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }
  std::vector<frame> frames_;
};

/// Parses JSON text strictly: syntax errors, duplicate keys (which a plain parser would
/// silently resolve to the last one) and nesting deeper than max_text_depth are config_errors.
template <class Json>
Json parse_text(std::string_view text) {
  text_path where;
  const typename Json::parser_callback_t callback =
      [&where](int /*depth*/, typename Json::parse_event_t event, Json& parsed) {
        using event_t = typename Json::parse_event_t;
        switch (event) {
          case event_t::object_start:
          case event_t::array_start:
            where.open(event == event_t::object_start);
            if (where.depth() > static_cast<std::size_t>(max_text_depth)) {
              throw config_error(where.pointer(false),
                                 "expected at most " + format_number(std::int64_t{max_text_depth}) +
                                     " levels of nesting, got more");
            }
            break;
          case event_t::key:
            if (!where.key(parsed.template get<std::string>())) {
              throw config_error(where.pointer(),
                                 "duplicate key (each key may appear once per object)");
            }
            break;
          case event_t::object_end:
          case event_t::array_end:
            where.close();
            break;
          case event_t::value:
            where.value();
            break;
        }
        return true;
      };
  try {
    return Json::parse(text.begin(), text.end(), callback);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e400
    std::string message = e.what();
    const auto bracket = message.find("] ");
    if (bracket != std::string::npos) message.erase(0, bracket + 2);
    throw config_error("", "invalid JSON: " + message);
  }
}

}  // namespace lrsched::detail::json

#endif  // LRSCHED_JSON_READER_HPP
