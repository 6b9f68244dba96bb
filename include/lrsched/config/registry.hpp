// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/registry.hpp
/// @brief The kind registry: for each schedule kind, its fields (as the
/// kind's `describe()` names them) and how to build it from their values.
///
/// The JSON reader, writer and schema are all driven by it, so a kind is
/// registered once, in a few lines, and gets loading, checking, writing and
/// its schema entry:
/// @code
/// using namespace lrsched::config;
/// kinds().add("linear", "a straight ramp, then hold",
///             [](double start, double end, std::int64_t n) { return lrsched::linear(start, end,
///             n); }, real("start_value"), real("end_value"), steps("steps"));
/// @endcode
/// The builder takes the field values in the order the fields are listed.
/// A `schedule(...)` field gives the builder either an `any_schedule` or, when
/// the loaded child has a length, a finite wrapper of it, so write that
/// parameter as `auto` and typed composites keep their `length()`.
#ifndef LRSCHED_CONFIG_REGISTRY_HPP
#define LRSCHED_CONFIG_REGISTRY_HPP

#if !defined(__cpp_exceptions) || defined(LRSCHED_NO_EXCEPTIONS)
#error "lrsched's config loaders (lrsched::json, the dialects) report bad input by throwing \
config_error and need exceptions; the core (<lrsched/lrsched.hpp>, lrsched::lrsched) and \
<lrsched/fmt.hpp> work without them"
#endif

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/description.hpp>

namespace lrsched::config {

/// @brief What a field holds, as JSON.
enum class field_type {
  flag,           ///< true or false
  integer,        ///< an integer (int64)
  steps,          ///< a non-negative integer: a count of steps (or samples, tokens)
  real,           ///< a finite number
  text,           ///< a string, possibly one of fixed choices
  steps_list,     ///< an array of non-negative integers
  real_list,      ///< an array of finite numbers
  schedule,       ///< one schedule object
  schedule_list,  ///< a non-empty array of schedule objects
};

/// @brief A field's value as read: none (an absent optional field), or one of the JSON shapes.
using argument =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::int64_t>,
                 std::vector<double>, any_schedule, std::vector<any_schedule>>;

/// @brief A field of a kind: its name, type, and whether it may be absent.
struct field {
  std::string name;
  field_type type = field_type::real;
  /// Used when the key is absent (the constructor's own default).
  std::optional<parameter_value> default_value;
  /// May be absent with no value at all (a `std::optional` constructor argument).
  bool optional = false;
  /// For `text`: the accepted strings (empty: any string).
  std::vector<std::string> choices;

  [[nodiscard]] bool required() const noexcept { return !default_value && !optional; }
};

/// @brief A field plus the conversion of its value to the builder's argument type `T`.
template <class T>
struct typed_field {
  field meta;
  std::function<T(argument&&)> take;
};

}  // namespace lrsched::config

namespace lrsched::detail::config {

// Registry helpers see the public config API (field makers, kind_registry) unqualified.
using namespace lrsched::config;

template <class T>
T take_as(argument&& value) {
  return std::get<T>(std::move(value));
}
template <class T>
std::optional<T> take_optional(argument&& value) {
  if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
  return std::get<T>(std::move(value));
}
template <class T>
typed_field<T> make(std::string name, field_type type, std::optional<parameter_value> fallback) {
  return {field{std::move(name), type, std::move(fallback), false, {}}, &take_as<T>};
}
template <class T>
typed_field<std::optional<T>> make_optional(std::string name, field_type type) {
  return {field{std::move(name), type, std::nullopt, true, {}}, &take_optional<T>};
}

/// A loaded child schedule: finite ones come wrapped so typed composites see their length.
using child_schedule = std::variant<any_schedule, detail::finite_any_schedule>;

inline child_schedule take_child(argument&& value) {
  auto schedule = std::get<any_schedule>(std::move(value));
  if (schedule.length()) return detail::finite_any_schedule(std::move(schedule));
  return schedule;
}

template <class T>
inline constexpr bool is_child = std::is_same_v<T, child_schedule>;

/// Calls `build` with the values, visiting each child so `build` sees its concrete wrapper.
template <std::size_t I, class Build, class Values, class... Done>
any_schedule call_visiting(Build& build, Values& values, Done&... done) {
  if constexpr (I == std::tuple_size_v<Values>) {
    return any_schedule(build(std::move(done)...));
  } else {
    auto& value = std::get<I>(values);
    if constexpr (is_child<std::remove_cvref_t<decltype(value)>>) {
      return std::visit(
          [&](auto& child) { return call_visiting<I + 1>(build, values, done..., child); }, value);
    } else {
      return call_visiting<I + 1>(build, values, done..., value);
    }
  }
}

}  // namespace lrsched::detail::config

namespace lrsched::config {

/// @name Field makers: one per JSON shape; a second argument is the constructor's default.
/// @{
inline typed_field<double> real(std::string name) {
  return detail::config::make<double>(std::move(name), field_type::real, std::nullopt);
}
inline typed_field<double> real(std::string name, double fallback) {
  return detail::config::make<double>(std::move(name), field_type::real, fallback);
}
inline typed_field<std::optional<double>> optional_real(std::string name) {
  return detail::config::make_optional<double>(std::move(name), field_type::real);
}
inline typed_field<std::int64_t> steps(std::string name) {
  return detail::config::make<std::int64_t>(std::move(name), field_type::steps, std::nullopt);
}
inline typed_field<std::int64_t> steps(std::string name, std::int64_t fallback) {
  return detail::config::make<std::int64_t>(std::move(name), field_type::steps, fallback);
}
inline typed_field<std::optional<std::int64_t>> optional_steps(std::string name) {
  return detail::config::make_optional<std::int64_t>(std::move(name), field_type::steps);
}
inline typed_field<std::int64_t> integer(std::string name) {
  return detail::config::make<std::int64_t>(std::move(name), field_type::integer, std::nullopt);
}
inline typed_field<std::int64_t> integer(std::string name, std::int64_t fallback) {
  return detail::config::make<std::int64_t>(std::move(name), field_type::integer, fallback);
}
inline typed_field<bool> flag(std::string name) {
  return detail::config::make<bool>(std::move(name), field_type::flag, std::nullopt);
}
inline typed_field<bool> flag(std::string name, bool fallback) {
  return detail::config::make<bool>(std::move(name), field_type::flag, fallback);
}
inline typed_field<std::string> text(std::string name) {
  return detail::config::make<std::string>(std::move(name), field_type::text, std::nullopt);
}
inline typed_field<std::vector<std::int64_t>> steps_list(std::string name) {
  return detail::config::make<std::vector<std::int64_t>>(std::move(name), field_type::steps_list,
                                                         std::nullopt);
}
inline typed_field<std::optional<std::vector<std::int64_t>>> optional_steps_list(std::string name) {
  return detail::config::make_optional<std::vector<std::int64_t>>(std::move(name),
                                                                  field_type::steps_list);
}
inline typed_field<std::vector<double>> real_list(std::string name) {
  return detail::config::make<std::vector<double>>(std::move(name), field_type::real_list,
                                                   std::nullopt);
}
/// One child schedule; the builder's parameter should be `auto` (see the file comment).
inline typed_field<detail::config::child_schedule> schedule(std::string name) {
  return {field{std::move(name), field_type::schedule, std::nullopt, false, {}},
          &detail::config::take_child};
}
inline typed_field<std::vector<any_schedule>> schedules(std::string name) {
  return detail::config::make<std::vector<any_schedule>>(std::move(name), field_type::schedule_list,
                                                         std::nullopt);
}
/// A string naming one of an enum's values: `choice<mode>("mode", {{"triangular",
/// mode::triangular}, ...})`.
template <class E>
typed_field<E> choice(std::string name, std::vector<std::pair<std::string, E>> names,
                      std::optional<E> fallback = std::nullopt) {
  field meta{std::move(name), field_type::text, std::nullopt, false, {}};
  for (const auto& [text_value, value] : names) {
    meta.choices.push_back(text_value);
    if (fallback && value == *fallback) meta.default_value = text_value;
  }
  return {std::move(meta), [names = std::move(names)](argument&& value) {
            const auto& chosen = std::get<std::string>(value);
            for (const auto& [text_value, enum_value] : names) {
              if (text_value == chosen) return enum_value;
            }
            return names.front().second;  // unreachable: the reader checked the choices
          }};
}
/// A string naming one of an enum's values, each named by the family's `to_string(E)`:
/// `choice("mode", {cyclic_mode::triangular, cyclic_mode::exp_range}, cyclic_mode::triangular)`.
template <class E>
typed_field<E> choice(std::string name, std::initializer_list<E> values,
                      std::type_identity_t<std::optional<E>> fallback = std::nullopt) {
  std::vector<std::pair<std::string, E>> names;
  for (const E value : values) names.emplace_back(std::string(to_string(value)), value);
  return choice<E>(std::move(name), std::move(names), fallback);
}
/// @}

/// @brief One registered kind.
struct kind_entry {
  std::string kind;
  std::string summary;
  std::vector<field> fields;
  /// Builds the schedule from one value per field, in field order.
  std::function<any_schedule(std::vector<argument>&)> build;

  [[nodiscard]] const field* find(std::string_view name) const noexcept {
    for (const auto& f : fields) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
};

/// @brief The kinds a loader knows, in registration order.
///
/// Not synchronized: add kinds at start-up, before loading on several threads.
class kind_registry {
 public:
  /// @brief Registers `kind`: `build(values...)` makes the schedule from the
  /// values of `fields`, in order. Returns *this.
  /// @throws std::logic_error if `kind` is already registered.
  template <class Build, class... T>
  kind_registry& add(std::string kind, std::string summary, Build build, typed_field<T>... fields) {
    if (find(kind) != nullptr) throw std::logic_error("lrsched: kind registered twice: " + kind);
    kind_entry entry{std::move(kind), std::move(summary), {fields.meta...}, {}};
    entry.build = [build = std::move(build), takes = std::make_tuple(std::move(fields.take)...)](
                      std::vector<argument>& values) mutable -> any_schedule {
      return std::apply(
          [&](auto&... take) {
            return convert(build, values, std::index_sequence_for<T...>{}, take...);
          },
          takes);
    };
    entries_.push_back(std::move(entry));
    return *this;
  }

  /// @brief The entry for `kind`, or nullptr.
  [[nodiscard]] const kind_entry* find(std::string_view kind) const noexcept {
    for (const auto& entry : entries_) {
      if (entry.kind == kind) return &entry;
    }
    return nullptr;
  }

  [[nodiscard]] const std::vector<kind_entry>& entries() const noexcept { return entries_; }

  /// @brief Every registered kind's name, in registration order.
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& entry : entries_) out.push_back(entry.kind);
    return out;
  }

 private:
  template <class Build, std::size_t... I, class... Take>
  static any_schedule convert(Build& build, std::vector<argument>& values,
                              std::index_sequence<I...>, Take&... take) {
    auto typed = std::make_tuple(take(std::move(values[I]))...);
    return detail::config::call_visiting<0>(build, typed);
  }

  std::vector<kind_entry> entries_;
};

}  // namespace lrsched::config

#endif  // LRSCHED_CONFIG_REGISTRY_HPP
