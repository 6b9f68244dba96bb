// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/enum_names.hpp
/// @brief An enumeration's spellings, one table per enum in declaration order, serving
/// both directions: `to_string` and parsing a name back.
#ifndef LRSCHED_DETAIL_ENUM_NAMES_HPP
#define LRSCHED_DETAIL_ENUM_NAMES_HPP

#include <cstddef>
#include <optional>
#include <string_view>

namespace lrsched::detail {

/// names[value] for an enum whose values are 0, 1, ..., N − 1 in declaration order;
/// "unknown" for any other value.
template <class E, std::size_t N>
[[nodiscard]] constexpr std::string_view enum_name(E value,
                                                   const std::string_view (&names)[N]) noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view("unknown");
}

/// The value spelled `name` in `names`, or nullopt.
template <class E, std::size_t N>
[[nodiscard]] constexpr std::optional<E> enum_from_name(
    std::string_view name, const std::string_view (&names)[N]) noexcept {
  for (std::size_t index = 0; index < N; ++index) {
    if (names[index] == name) return static_cast<E>(index);
  }
  return std::nullopt;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_ENUM_NAMES_HPP
