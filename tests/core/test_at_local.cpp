// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The unchecked entry `at_local` and the evaluation paths that use it: a family's
// at_local equals its call operator inside its run; a chain evaluates a piece through it
// only while the piece plays within its own length (a longer for_steps still holds the
// piece's end value); the erased chain's in-place constant/linear/cosine pieces agree bit
// for bit with the typed chain. Also the error's parameter() comparisons.
#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/error.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/warmup.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

template <class S>
void check_at_local_inside(const S& s, std::int64_t length) {
  for (std::int64_t t = 0; t < length; t += 1 + length / 97) {
    INFO("t = " << t);
    CHECK(same_bits(s.at_local(t), s(t)));
  }
  CHECK(same_bits(s.at_local(length - 1), s(length - 1)));
}

}  // namespace

TEST_CASE("at_local equals the call operator inside the run") {
  check_at_local_inside(lrsched::linear(0.1, 3e-4, 1'000), 1'000);
  check_at_local_inside(lrsched::linear(3e-4, 0.0, 7), 7);
  check_at_local_inside(lrsched::cosine(3e-4, 3e-5, 1'001), 1'001);
  check_at_local_inside(lrsched::cosine(1e-5, 1e-3, 50, 2.0), 50);  // a rise, exponent 2
  check_at_local_inside(lrsched::constant(0.25), 100);
  CHECK(lrsched::linear(0.1, 0.2, 10).at_local(0) == 0.1);
  CHECK(lrsched::cosine(0.3, 0.1, 10).at_local(0) == 0.3);
}

TEST_CASE("a chain piece played longer than its length holds, shorter is cut") {
  // for_steps(20, linear over 10): local steps 10..19 hold the end value (through the
  // call operator, not at_local, which is only valid below the length).
  const auto longer = lrsched::chain(lrsched::for_steps(20, lrsched::linear(0.0, 1.0, 10)),
                                     lrsched::constant(0.5));
  for (std::int64_t t = 10; t < 20; ++t) CHECK(longer(t) == 1.0);
  CHECK(longer(20) == 0.5);
  CHECK(longer(5) == 0.5);  // 0.5 from the ramp's middle
  const auto shorter = lrsched::chain(lrsched::for_steps(4, lrsched::linear(0.0, 1.0, 10)),
                                      lrsched::constant(0.5));
  CHECK(shorter(3) == lrsched::linear(0.0, 1.0, 10)(3));
  CHECK(shorter(4) == 0.5);
  const auto cosine_longer = lrsched::chain(lrsched::for_steps(30, lrsched::cosine(1.0, 0.2, 8)),
                                            lrsched::constant(0.0));
  for (std::int64_t t = 8; t < 30; ++t) CHECK(cosine_longer(t) == 0.2);
}

TEST_CASE("chains of up to 8 pieces and longer ones agree with each piece at every boundary") {
  std::vector<lrsched::any_schedule> pieces;
  std::vector<std::int64_t> durations;
  for (int k = 0; k < 12; ++k) {
    pieces.emplace_back(lrsched::linear(0.1 * k, 0.1 * (k + 1), 5 + k));
    durations.push_back(5 + k);
  }
  durations.pop_back();
  const auto erased_long = lrsched::any_schedule::chain(pieces, durations);
  std::int64_t start = 0;
  for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
    for (std::int64_t u : {std::int64_t{0}, std::int64_t{1}, durations[k] - 1}) {
      CHECK(same_bits(erased_long(start + u), pieces[k](u)));
    }
    start += durations[k];
  }
  CHECK(erased_long(std::numeric_limits<std::int64_t>::max()) == pieces.back()(16));
}

TEST_CASE("the erased chain's in-place pieces agree with the typed chain bit for bit") {
  const auto typed = lrsched::chain(
      lrsched::linear(0.0, 3e-4, 2'000), lrsched::for_steps(8'000, lrsched::constant(3e-4)),
      lrsched::for_steps(5'000, lrsched::cosine(3e-4, 3e-5, 5'000)),
      lrsched::for_steps(3'000, lrsched::cosine(3e-5, 1e-5, 1'000)),  // longer: holds
      lrsched::for_steps(1'000, lrsched::linear(1e-5, 0.0, 4'000)),   // shorter: cut
      lrsched::linear(1e-5, 0.0, 500));
  const auto erased = lrsched::any_schedule::chain(
      {lrsched::linear(0.0, 3e-4, 2'000), lrsched::constant(3e-4),
       lrsched::cosine(3e-4, 3e-5, 5'000), lrsched::cosine(3e-5, 1e-5, 1'000),
       lrsched::linear(1e-5, 0.0, 4'000), lrsched::linear(1e-5, 0.0, 500)},
      {2'000, 8'000, 5'000, 3'000, 1'000});
  const std::int64_t boundaries[] = {0, 2'000, 10'000, 15'000, 16'000, 18'000, 19'000, 19'500};
  for (const std::int64_t b : boundaries) {
    for (const std::int64_t t : {b - 1, b, b + 1, b + 7}) {
      INFO("t = " << t);
      CHECK(same_bits(typed(t), erased(t)));
    }
  }
  for (std::int64_t t = -5; t < 21'000; t += 37) CHECK(same_bits(typed(t), erased(t)));
  CHECK(same_bits(typed(std::numeric_limits<std::int64_t>::max()),
                  erased(std::numeric_limits<std::int64_t>::max())));
  CHECK(same_bits(typed(std::numeric_limits<std::int64_t>::min()), 0.0));
}

TEST_CASE("warmup evaluates each ramp shape inside the ramp like the ramp itself") {
  const auto target = lrsched::constant(2e-3);
  for (const auto shape : {lrsched::warmup_shape::linear, lrsched::warmup_shape::cosine,
                           lrsched::warmup_shape::exponential}) {
    const auto w = lrsched::warmup(100, target, 1e-5, shape);
    CHECK(w(0) == 1e-5);
    CHECK(w(-4) == 1e-5);
    CHECK(w(100) == 2e-3);
    for (std::int64_t t = 1; t < 100; ++t) {
      CHECK(w(t) > 1e-5);
      CHECK(w(t) < 2e-3);
    }
  }
}

TEST_CASE("invalid_schedule's parameter() compares with and converts to strings") {
  try {
    (void)lrsched::linear(0.0, 1.0, -3);
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "steps");
    CHECK(e.parameter() == std::string("steps"));
    CHECK(e.parameter() == std::string_view("steps"));
    CHECK_FALSE(e.parameter() == "step");
    CHECK_FALSE(e.parameter() == "stepsx");
    const std::string copy = e.parameter();
    CHECK(copy == "steps");
    CHECK(std::string(e.what()) == "linear: steps must be >= 0, got -3");
  }
}

TEST_CASE("a message longer than the buffer is cut and ends in ...") {
  const std::string long_text(2'000, 'x');
  const lrsched::invalid_schedule e("p", long_text);
  const std::string message = e.what();
  CHECK(message.size() == 511);
  CHECK(message.substr(508) == "...");
  CHECK(message.substr(0, 10) == "xxxxxxxxxx");
}
