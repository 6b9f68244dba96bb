// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The core umbrella must not pull in any optional dependency, nor iostream.
#include <lrsched/lrsched.hpp>

#if defined(NLOHMANN_JSON_VERSION_MAJOR)
#error "lrsched/lrsched.hpp must not include nlohmann/json"
#endif
#if defined(FMT_VERSION)
#error "lrsched/lrsched.hpp must not include fmt"
#endif
#if defined(_GLIBCXX_IOSTREAM) || defined(_LIBCPP_IOSTREAM)
#error "lrsched/lrsched.hpp must not include <iostream>"
#endif

#include "catch.hpp"

TEST_CASE("the core umbrella compiles with the standard library alone") {
  const auto s = lrsched::chain(lrsched::linear(0.0, 1.0, 10), lrsched::constant(1.0));
  CHECK(s(5) == 0.5);
  CHECK(LRSCHED_VERSION ==
        LRSCHED_VERSION_MAJOR * 10000 + LRSCHED_VERSION_MINOR * 100 + LRSCHED_VERSION_PATCH);
}
