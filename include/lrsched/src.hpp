// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file src.hpp
/// @brief The config loader's definitions, for a program built with
/// `LRSCHED_SEPARATE_COMPILATION`: include this file in exactly one of its source files.
///
/// By default json.hpp and dialects.hpp are header-only, and every source file that
/// includes them compiles the kind registry and the dialects again. With the macro
/// defined for the whole program (every source file, e.g. as a CMake compile definition),
/// they only declare those functions, and this file defines them once:
/// @code
/// // lrsched_config.cpp, the only file that includes src.hpp
/// #include <lrsched/src.hpp>
/// @endcode
/// Mixing the two modes in one program breaks the one-definition rule.
#ifndef LRSCHED_SRC_HPP
#define LRSCHED_SRC_HPP

#ifndef LRSCHED_SEPARATE_COMPILATION
#error "lrsched/src.hpp is for programs that define LRSCHED_SEPARATE_COMPILATION (see its comment)"
#endif

#include <lrsched/dialects.hpp>
#include <lrsched/dialects/convert.hpp>
#include <lrsched/dialects/load.hpp>
#include <lrsched/json.hpp>
#include <lrsched/json/impl.hpp>

#endif  // LRSCHED_SRC_HPP
