// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/any_schedule.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/table.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

TEST_CASE("table gives values[t] at step t and holds the last value after the list") {
  const lrsched::table s({0.0, 1e-4, 3e-4, 2e-4});
  CHECK(s(-5) == 0.0);
  CHECK(s(0) == 0.0);
  CHECK(s(1) == 1e-4);
  CHECK(s(2) == 3e-4);
  CHECK(s(3) == 2e-4);
  CHECK(s(4) == 2e-4);
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 2e-4);
  CHECK(s.length() == 4);
}

TEST_CASE("table sums are the prefix sums of its values, the held tail included") {
  std::vector<double> values;
  for (int t = 0; t < 1000; ++t) values.push_back(1e-4 * (1.0 + (t % 7)) / 3.0);
  const lrsched::table s(values);
  for (const auto& [first, last] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {0, 1000}, {3, 17}, {990, 1500}, {1200, 1300}, {-10, 5}, {40, 40}, {50, 20}}) {
    long double loop = 0.0L, squares = 0.0L;
    for (std::int64_t t = first; t < last; ++t) {
      loop += s(t);
      squares += static_cast<long double>(s(t)) * s(t);
    }
    CHECK(lrsched::sum(s, first, last) == Approx(static_cast<double>(loop)).epsilon(1e-14));
    CHECK(lrsched::sum_of_squares(s, first, last) ==
          Approx(static_cast<double>(squares)).epsilon(1e-14));
  }
}

TEST_CASE("table keeps its sums and description through any_schedule, and copies share values") {
  const lrsched::table s({1.0, 2.0, 3.0});
  const lrsched::any_schedule erased(s);
  CHECK(lrsched::sum(erased, 0, 10) == 1.0 + 2.0 + 3.0 * 8);
  CHECK(erased.length() == std::optional<std::int64_t>(3));
  const auto d = erased.describe();
  CHECK(d.kind == "table");
  REQUIRE(d.find("values") != nullptr);
  CHECK(std::get<std::vector<double>>(*d.find("values")) == std::vector<double>{1.0, 2.0, 3.0});
  const lrsched::table copy = s;
  CHECK(&copy.values() == &s.values());
}

TEST_CASE("table rejects an empty list and a non-finite value, naming its index") {
  CHECK_THROWS_AS(lrsched::table(std::vector<double>{}), lrsched::invalid_schedule);
  try {
    lrsched::table bad({1.0, std::numeric_limits<double>::quiet_NaN()});
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(std::string(e.what()) == "table: values[1] must be finite, got nan");
  }
}
