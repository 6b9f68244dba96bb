// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The README's JSON examples and the errors it quotes.
#include <lrsched/json.hpp>
#include <lrsched/sum.hpp>

#include <string>

#include "catch.hpp"
#include "support.hpp"

TEST_CASE("the README's JSON chain loads and sums to 28.5") {
  const auto lr = lrsched::parse_schedule(R"({"kind": "chain", "steps": [2000, 90000],
    "pieces": [{"kind": "linear", "start_value": 0, "end_value": 3e-4, "steps": 2000},
               {"kind": "constant", "value": 3e-4},
               {"kind": "linear", "start_value": 3e-4, "end_value": 0, "steps": 8000}]})");
  // 3e-4·1999/2 + 90000·3e-4 + 3e-4·8001/2, in exact arithmetic.
  CHECK(lrsched::test::relative_error(lrsched::sum(lr, 0, 100'000), 28.5) <= 1e-15);
  CHECK(lr(92'000) == 3e-4);
  CHECK(lr(100'000) == 0.0);
}

TEST_CASE("the README's config errors read as the README quotes them") {
  const auto message = [](const char* text) {
    try {
      (void)lrsched::parse_schedule(text);
    } catch (const lrsched::config_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message(R"({"kind": "cosine", "peak_value": 1e-3, "end_valu": 0, "steps": 100})") ==
        R"(/end_valu: unknown key for kind "cosine"; did you mean "end_value"?)");
  CHECK(message(R"({"kind": "chain", "steps": [10], "pieces": [{"kind": "constant", "value": 1},
      {"kind": "linear", "start_value": 1, "end_value": 0, "steps": -5}]})") ==
        "/pieces/1/steps: expected a non-negative integer, got -5");
}
