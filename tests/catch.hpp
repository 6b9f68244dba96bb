// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// One include for Catch2 v2 (Debian 12's 2.13) and v3: the build defines
// LRSCHED_CATCH2_V3 when it found v3. Tests are written once against the
// macros both versions share.
#ifndef LRSCHED_TESTS_CATCH_HPP
#define LRSCHED_TESTS_CATCH_HPP

#if defined(LRSCHED_CATCH2_V3)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#else
#include <catch2/catch.hpp>
#endif

#endif  // LRSCHED_TESTS_CATCH_HPP
