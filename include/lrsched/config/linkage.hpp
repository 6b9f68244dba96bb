// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/linkage.hpp
/// @brief How the config loader's functions are linked.
///
/// Header-only by default: they are `inline` and defined in every source file that
/// includes json.hpp or dialects.hpp. With `LRSCHED_SEPARATE_COMPILATION` defined for the
/// whole program, the headers only declare them, and the one source file that includes
/// <lrsched/src.hpp> defines them: the kind registry and the dialects are compiled once.
#ifndef LRSCHED_CONFIG_LINKAGE_HPP
#define LRSCHED_CONFIG_LINKAGE_HPP

#ifdef LRSCHED_SEPARATE_COMPILATION
#define LRSCHED_CONFIG_DECL
#else
#define LRSCHED_CONFIG_DECL inline
#endif

#endif  // LRSCHED_CONFIG_LINKAGE_HPP
