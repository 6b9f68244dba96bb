// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file version.hpp
/// @brief The library version. This header is the single source of truth:
/// the top-level CMakeLists.txt reads these three numbers for its project() call,
/// so a plain `-I include` build and an installed package agree.
#ifndef LRSCHED_VERSION_HPP
#define LRSCHED_VERSION_HPP

#define LRSCHED_VERSION_MAJOR 0
#define LRSCHED_VERSION_MINOR 1
#define LRSCHED_VERSION_PATCH 0

/// MAJOR * 10000 + MINOR * 100 + PATCH, for preprocessor comparisons.
#define LRSCHED_VERSION \
  (LRSCHED_VERSION_MAJOR * 10000 + LRSCHED_VERSION_MINOR * 100 + LRSCHED_VERSION_PATCH)

#endif  // LRSCHED_VERSION_HPP
