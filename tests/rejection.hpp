// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Checks that building a schedule throws invalid_schedule naming the parameter, with
// the exact message ("<family>: <parameter> must be ..., got <value>").
#ifndef LRSCHED_TESTS_REJECTION_HPP
#define LRSCHED_TESTS_REJECTION_HPP

#include <string>

#include <lrsched/error.hpp>

#include "catch.hpp"

namespace lrsched::test {

template <class Build>
void expect_rejected(Build build, const std::string& parameter, const std::string& message) {
  try {
    build();
    FAIL("no exception for " << parameter);
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == parameter);
    CHECK(std::string(e.what()) == message);
  }
}

}  // namespace lrsched::test

#endif  // LRSCHED_TESTS_REJECTION_HPP
