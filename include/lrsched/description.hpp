// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file description.hpp
/// @brief A plain, standard-library-only description of a schedule's structure:
/// its kind, its parameters and its child schedules.
///
/// Every lrsched schedule has `description describe() const`. The JSON writer,
/// the fmt formatter and the `lrsched` command are all built on it, so they
/// always agree, and `any_schedule` keeps it through type erasure. It is not
/// on the hot path (it allocates).
#ifndef LRSCHED_DESCRIPTION_HPP
#define LRSCHED_DESCRIPTION_HPP

#include <concepts>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace lrsched {

/// @brief One parameter value: a flag, a step count, a real, a name, or a list.
using parameter_value = std::variant<bool, std::int64_t, double, std::string,
                                     std::vector<std::int64_t>, std::vector<double>>;

/// @brief The structure of a schedule.
///
/// `kind` is the canonical name (`"cosine"`, `"chain"`, `"pytorch.cosine_annealing"`);
/// `parameters` are in canonical order with the names the constructor uses;
/// `children` are named slots of child schedules (`"schedule"` for one inner
/// schedule, `"pieces"` for a chain's ordered list).
struct description {
  description() = default;
  explicit description(std::string kind_name) : kind(std::move(kind_name)) {}

  std::string kind;
  std::vector<std::pair<std::string, parameter_value>> parameters;
  std::vector<std::pair<std::string, std::vector<description>>> children;

  /// @brief Append a parameter; returns *this for chaining.
  ///
  /// The value is converted into the parameter_value in place, in the vector's element:
  /// passing a parameter_value by value would move a variant whose active member GCC
  /// cannot follow, and g++ 12 at -O2 then reports its vector members as "maybe
  /// uninitialized" in the caller's code.
  template <class T>
    requires std::constructible_from<parameter_value, T>
  description& with(std::string name, T&& value) {
    parameters.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::move(name)),
                            std::forward_as_tuple(std::forward<T>(value)));
    return *this;
  }
  /// @brief Append a named slot holding one child.
  description& with_child(std::string slot, description child) {
    std::vector<description> one;
    one.push_back(std::move(child));
    children.emplace_back(std::move(slot), std::move(one));
    return *this;
  }
  /// @brief Append a named slot holding an ordered list of children.
  description& with_children(std::string slot, std::vector<description> list) {
    children.emplace_back(std::move(slot), std::move(list));
    return *this;
  }

  /// @brief The parameter named `name`, or nullptr.
  [[nodiscard]] const parameter_value* find(const std::string& name) const noexcept {
    for (const auto& [key, value] : parameters) {
      if (key == name) return &value;
    }
    return nullptr;
  }

  friend bool operator==(const description&, const description&) = default;
};

/// @brief A schedule that can describe itself.
template <class S>
concept Describable = requires(const S& s) {
  { s.describe() } -> std::convertible_to<description>;
};

namespace detail {
/// The description of any schedule: its own, or an opaque one for user types.
template <class S>
description describe(const S& s) {
  if constexpr (Describable<S>) {
    return s.describe();
  } else {
    return description{"custom"};
  }
}
}  // namespace detail

}  // namespace lrsched

#endif  // LRSCHED_DESCRIPTION_HPP
