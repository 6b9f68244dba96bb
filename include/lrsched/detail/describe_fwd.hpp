// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/describe_fwd.hpp
/// @brief Declares `description` and `detail::describe` without defining them, so that a
/// family's `describe()` (a member template, `template <class D = description> D describe()
/// const`) costs its header nothing: the description and its std::string, std::vector
/// and std::variant are only needed where `describe()` is called, which includes
/// `<lrsched/description.hpp>` (or the umbrella `<lrsched/lrsched.hpp>`).
#ifndef LRSCHED_DETAIL_DESCRIBE_FWD_HPP
#define LRSCHED_DETAIL_DESCRIBE_FWD_HPP

namespace lrsched {

struct description;

namespace detail {
/// The description of any schedule: its own, or an opaque one for user types
/// (defined in description.hpp).
template <class S>
description describe(const S& s);
}  // namespace detail

}  // namespace lrsched

#endif  // LRSCHED_DETAIL_DESCRIBE_FWD_HPP
