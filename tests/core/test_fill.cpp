// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/fill.hpp>
#include <lrsched/linear.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "catch.hpp"

namespace {
const auto schedule =
    lrsched::chain(lrsched::linear(0.0, 1e-3, 100), lrsched::cosine(1e-3, 1e-5, 1'000));
}

TEST_CASE("fill writes s(first + i) for every entry, as double or float") {
  std::vector<double> table(2'000);
  lrsched::fill(schedule, std::span<double>(table));
  for (std::size_t i = 0; i < table.size(); ++i) {
    CHECK(table[i] == schedule(static_cast<std::int64_t>(i)));
  }
  std::vector<float> floats(500);
  lrsched::fill(schedule, std::span<float>(floats), 700);
  for (std::size_t i = 0; i < floats.size(); ++i) {
    CHECK(floats[i] == static_cast<float>(schedule(700 + static_cast<std::int64_t>(i))));
  }
}

TEST_CASE("fill with a stride samples every stride-th step") {
  std::vector<double> table(50);
  lrsched::fill(schedule, std::span<double>(table), 3, 25);
  for (std::size_t i = 0; i < table.size(); ++i) {
    CHECK(table[i] == schedule(3 + 25 * static_cast<std::int64_t>(i)));
  }
}

TEST_CASE("fill saturates at the int64 maximum instead of overflowing") {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  std::vector<double> table(4, -1.0);
  lrsched::fill(schedule, std::span<double>(table), max - 1, max / 2);
  for (const double value : table) CHECK(value == 1e-5);
  std::vector<double> empty;
  lrsched::fill(schedule, std::span<double>(empty));
  CHECK(empty.empty());
}
