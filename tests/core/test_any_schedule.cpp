// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

using lrsched::any_schedule;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;

static_assert(lrsched::Schedule<any_schedule>);
static_assert(lrsched::ClosedFormSum<any_schedule>);
static_assert(lrsched::ClosedFormSumOfSquares<any_schedule>);
static_assert(lrsched::Describable<any_schedule>);
static_assert(!lrsched::FiniteSchedule<any_schedule>, "length is known at run time only");
static_assert(noexcept(std::declval<const any_schedule&>()(std::int64_t{0})));
static_assert(!std::is_default_constructible_v<any_schedule>, "there is no empty state");
static_assert(std::is_nothrow_copy_constructible_v<any_schedule>);

namespace {

/// Every step a test compares at: a dense start, the piece boundaries' region and int64 extremes.
std::vector<std::int64_t> probe_steps() {
  std::vector<std::int64_t> steps;
  for (std::int64_t t = -3; t < 400; ++t) steps.push_back(t);
  for (const auto t : lrsched::test::extreme_steps) steps.push_back(t);
  return steps;
}

template <class Typed>
void check_same_as_typed(const Typed& typed, const any_schedule& erased) {
  for (const auto t : probe_steps()) {
    INFO("step " << t);
    CHECK(erased(t) == typed(t));
  }
  for (const auto& [first, last] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {0, 0}, {0, 1}, {0, 250}, {7, 393}, {-20, 100}, {100, 5}, {0, std::int64_t{1} << 40}}) {
    CHECK(lrsched::sum(erased, first, last) == lrsched::sum(typed, first, last));
    CHECK(lrsched::sum_of_squares(erased, first, last) ==
          lrsched::sum_of_squares(typed, first, last));
  }
  CHECK(erased.describe() == typed.describe());
}

}  // namespace

TEST_CASE("any_schedule evaluates, sums and describes exactly as the schedule it holds") {
  SECTION("a family") {
    const linear typed(1e-3, 1e-5, 300);
    check_same_as_typed(typed, any_schedule(typed));
    CHECK(any_schedule(typed).length() == 300);
  }
  SECTION("a typed chain") {
    const auto typed = lrsched::chain(linear(0.0, 5e-5, 20), for_steps(100, constant(5e-5)),
                                      linear(5e-5, 4.5e-5, 80), constant(2.8e-5));
    check_same_as_typed(typed, any_schedule(typed));
    CHECK_FALSE(any_schedule(typed).length().has_value());
  }
  SECTION("a composite") {
    const auto typed = lrsched::shift(lrsched::scale(linear(1.0, 0.0, 50), 3e-4), 25);
    check_same_as_typed(typed, any_schedule(typed));
    CHECK(any_schedule(typed).length() == 75);
  }
}

TEST_CASE("an open-ended schedule has no length, a finite one keeps its own") {
  CHECK_FALSE(any_schedule(constant(0.1)).length().has_value());
  CHECK(any_schedule(linear(0.0, 1.0, 0)).length() == 0);
  CHECK(any_schedule(linear(0.0, 1.0, std::int64_t{1} << 62)).length() == std::int64_t{1} << 62);
}

TEST_CASE("copies share the held schedule, and a moved-from any_schedule still works") {
  any_schedule a = linear(0.0, 1.0, 10);
  const any_schedule b = a;
  REQUIRE(a.target<linear>() != nullptr);
  CHECK(a.target<linear>() == b.target<linear>());
  const any_schedule c = std::move(a);
  CHECK(a(5) == 0.5);  // NOLINT(bugprone-use-after-move): the promise under test
  CHECK(c(5) == 0.5);
  a = constant(0.25);
  CHECK(a(5) == 0.25);
  CHECK(b(5) == 0.5);
}

TEST_CASE("target gives the held schedule only for its exact type") {
  const any_schedule s = constant(0.5);
  REQUIRE(s.target<constant>() != nullptr);
  CHECK(s.target<constant>()->value() == 0.5);
  CHECK(s.target<linear>() == nullptr);
}

TEST_CASE("a user callable is held too: no closed form, so it sums by compensated loop") {
  const auto user = [](std::int64_t t) { return t < 10 ? 1.0 : 0.5; };
  const any_schedule s = user;
  CHECK(s(3) == 1.0);
  CHECK(s(30) == 0.5);
  CHECK(lrsched::sum(s, 0, 20) == 15.0);
  CHECK(s.describe().kind == "custom");
  CHECK_FALSE(s.length().has_value());
}

TEST_CASE("any_schedule::chain plays pieces on local clocks with exact boundaries") {
  const auto s =
      any_schedule::chain({linear(0.0, 1.0, 10), constant(0.7), linear(0.5, 0.1, 20)}, {10, 5});
  CHECK(s(-3) == 0.0);
  CHECK(s(9) == 0.9);
  CHECK(s(10) == 0.7);
  CHECK(s(14) == 0.7);
  CHECK(s(15) == 0.5);
  CHECK(s(35) == 0.1);
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 0.1);
  CHECK(s.length() == 35);
  const auto d = s.describe();
  CHECK(d.kind == "chain");
  REQUIRE(d.find("steps") != nullptr);
  CHECK(std::get<std::vector<std::int64_t>>(*d.find("steps")) == std::vector<std::int64_t>{10, 5});
}

TEST_CASE("any_schedule::chain equals the typed chain at every step and in every sum") {
  const auto typed =
      lrsched::chain(linear(0.0, 5e-5, 20), for_steps(0, constant(9.0)),
                     for_steps(100, constant(5e-5)), linear(5e-5, 4.5e-5, 80), constant(2.8e-5));
  const auto erased = any_schedule::chain({linear(0.0, 5e-5, 20), constant(9.0), constant(5e-5),
                                           linear(5e-5, 4.5e-5, 80), constant(2.8e-5)},
                                          {20, 0, 100, 80});
  check_same_as_typed(typed, erased);
}

TEST_CASE("any_schedule::chain takes natural lengths and rejects an open-ended inner piece") {
  const auto s = any_schedule::chain({linear(0.0, 1.0, 4), linear(1.0, 0.5, 6), constant(0.5)});
  CHECK(s(4) == 1.0);
  CHECK(s(10) == 0.5);
  try {
    (void)any_schedule::chain({linear(0.0, 1.0, 4), constant(1.0), constant(0.5)});
    FAIL("expected invalid_schedule");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "pieces[1]");
    CHECK(std::string(e.what()) ==
          "chain: piece 1 (constant) is open-ended, so the chain needs its duration in steps");
  }
}

TEST_CASE("any_schedule::chain validates durations with the parameter named") {
  const auto expect = [](std::vector<std::int64_t> steps, const std::string& parameter,
                         const std::string& message) {
    try {
      (void)any_schedule::chain({constant(1.0), constant(2.0), constant(3.0)}, std::move(steps));
      FAIL("expected invalid_schedule");
    } catch (const lrsched::invalid_schedule& e) {
      CHECK(e.parameter() == parameter);
      CHECK(std::string(e.what()) == message);
    }
  };
  expect({1}, "steps", "chain: steps must be one duration per piece but the last (2), got 1");
  expect({1, 2, 3}, "steps", "chain: steps must be one duration per piece but the last (2), got 3");
  expect({4, -1}, "steps[1]", "chain: steps[1] must be >= 0, got -1");
  expect({std::numeric_limits<std::int64_t>::max(), 1}, "steps[1]",
         "chain: steps[1] must be small enough that the chain fits in int64, got 1");
  CHECK_THROWS_AS(any_schedule::chain({}, {}), lrsched::invalid_schedule);
}

TEST_CASE("a chain of one piece is that piece") {
  const auto s = any_schedule::chain({linear(1.0, 0.0, 8)}, {});
  REQUIRE(s.target<linear>() != nullptr);
  CHECK(s(4) == 0.5);
}

TEST_CASE("nested run-time chains flatten into one chain with the same values") {
  const auto inner =
      any_schedule::chain({linear(0.0, 1.0, 4), linear(1.0, 0.5, 6), constant(0.5)}, {4, 6});
  SECTION("in the middle, cut at the outer duration") {
    const auto nested = any_schedule::chain({constant(2.0), inner, constant(0.1)}, {3, 7});
    const auto typed = lrsched::chain(
        for_steps(3, constant(2.0)),
        for_steps(7, lrsched::chain(linear(0.0, 1.0, 4), linear(1.0, 0.5, 6), constant(0.5))),
        constant(0.1));
    for (std::int64_t t = 0; t < 30; ++t) CHECK(nested(t) == typed(t));
    CHECK(lrsched::sum(nested, 0, 30) == Approx(lrsched::sum(typed, 0, 30)).epsilon(1e-15));
    const auto d = nested.describe();
    CHECK(std::get<std::vector<std::int64_t>>(*d.find("steps")) ==
          std::vector<std::int64_t>{3, 4, 3});
    REQUIRE(d.children.size() == 1);
    CHECK(d.children[0].second.size() == 4);  // constant, linear, linear (cut), constant
  }
  SECTION("last, kept whole") {
    const auto nested = any_schedule::chain({constant(2.0), inner}, {3});
    const auto d = nested.describe();
    CHECK(std::get<std::vector<std::int64_t>>(*d.find("steps")) ==
          std::vector<std::int64_t>{3, 4, 6});
    for (std::int64_t t = 0; t < 30; ++t) CHECK(nested(t) == (t < 3 ? 2.0 : inner(t - 3)));
  }
  SECTION("cut to zero length") {
    const auto nested = any_schedule::chain({inner, constant(0.1)}, {0});
    for (std::int64_t t = 0; t < 30; ++t) CHECK(nested(t) == 0.1);
  }
}

TEST_CASE("a run-time chain sums piece by piece, matching a compensated loop") {
  lrsched::test::random_source rng(11);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 3000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1e-2);
    std::vector<any_schedule> pieces;
    std::vector<std::int64_t> steps;
    const auto n = rng.integer(1, 7);
    for (std::int64_t k = 0; k < n; ++k) {
      if (rng.coin()) {
        pieces.emplace_back(linear(peak * rng.uniform(0.0, 1.0), peak * rng.uniform(0.0, 1.0),
                                   rng.integer(0, 200)));
      } else {
        pieces.emplace_back(constant(peak * rng.uniform(0.0, 1.0)));
      }
      if (k + 1 < n) steps.push_back(rng.integer(0, 300));
    }
    const auto s = any_schedule::chain(std::move(pieces), std::move(steps));
    const auto first = rng.integer(-10, 1500);
    const auto last = first + rng.integer(0, 1500);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::sum_of_squares(s, first, last),
                                lrsched::test::reference_sum_of_squares(s, first, last)));
    ++cases;
  }
  CHECK(cases == 3000);
  CHECK(worst <= 1e-12);
}

TEST_CASE("a typed chain of any_schedule pieces uses their run-time lengths") {
  const any_schedule warm = linear(0.0, 1.0, 10);
  const any_schedule hold = constant(1.0);
  const auto s = lrsched::chain(warm, hold);
  CHECK(s(5) == 0.5);
  CHECK(s(50) == 1.0);
  CHECK_THROWS_AS(lrsched::chain(hold, warm), lrsched::invalid_schedule);
}

TEST_CASE("any_schedule::product multiplies left to right and keeps the sum closed-form") {
  const auto p = any_schedule::product({constant(3e-4), linear(0.0, 1.0, 100), constant(0.5)});
  const auto typed =
      lrsched::multiply(lrsched::multiply(constant(3e-4), linear(0.0, 1.0, 100)), constant(0.5));
  for (std::int64_t t = -2; t < 150; ++t) CHECK(p(t) == typed(t));
  CHECK(p.length() == 100);
  CHECK(lrsched::test::relative_error(
            lrsched::sum(p, 0, std::int64_t{1} << 50),
            1.5e-4L * (static_cast<long double>(std::int64_t{1} << 50) - 50.0L)) <= 1e-15);
  CHECK(lrsched::test::relative_error(lrsched::sum_of_squares(p, 0, 150),
                                      lrsched::test::reference_sum_of_squares(p, 0, 150)) <= 1e-12);
  const auto d = p.describe();
  CHECK(d.kind == "product");
  CHECK(d.children.at(0).first == "factors");
  CHECK(d.children.at(0).second.size() == 3);
}

TEST_CASE("a product of two varying factors sums by compensated loop") {
  const auto p = any_schedule::product({linear(1.0, 0.0, 50), linear(0.0, 1.0, 50)});
  CHECK(lrsched::test::relative_error(lrsched::sum(p, 0, 80),
                                      lrsched::test::reference_sum(p, 0, 80)) <= 1e-15);
  CHECK(p.length() == 50);
  CHECK_FALSE(any_schedule::product({constant(1.0), constant(2.0)}).length().has_value());
  CHECK(lrsched::sum(any_schedule::product({constant(2.0), constant(3.0)}), 0, 10) == 60.0);
  CHECK_THROWS_AS(any_schedule::product({}), lrsched::invalid_schedule);
}

TEST_CASE("a finite any_schedule keeps its length through typed composites") {
  const any_schedule loaded = linear(1.0, 0.0, 40);
  const lrsched::detail::finite_any_schedule finite(loaded);
  const auto shifted = lrsched::shift(finite, 10);
  static_assert(lrsched::FiniteSchedule<decltype(shifted)>);
  CHECK(shifted.length() == 50);
  CHECK(any_schedule(shifted).length() == 50);
  const any_schedule back = finite;
  CHECK(back.target<linear>() == loaded.target<linear>());
}

TEST_CASE("values stay finite at int64 extremes through chains and products") {
  const auto s = any_schedule::chain(
      {linear(0.0, 1e-3, 1000), any_schedule::product({constant(2.0), linear(1e-3, 0.0, 1000)})},
      {1000});
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 0.0);
}
