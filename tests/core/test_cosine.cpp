// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::cosine;
using lrsched::test::random_source;
using lrsched::test::reference_sum;
using lrsched::test::reference_sum_of_squares;
using lrsched::test::relative_error;
using lrsched::test::sum_error;

namespace {

constexpr long double pi = 3.141592653589793238462643383279502884L;
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

/// A random range around one of the places where a closed form is most fragile:
/// anywhere (including before 0 and past the end), the start, the middle, the tail.
struct range {
  std::int64_t first;
  std::int64_t last;
};
range random_range(random_source& rng, std::int64_t steps, std::int64_t max_length) {
  std::int64_t first = 0;
  switch (rng.integer(0, 3)) {
    case 0:
      first = steps < int64_max - 100 ? rng.integer(-100, steps + 100) : rng.integer(-100, steps);
      break;
    case 1:
      first = rng.integer(-100, 100);
      break;
    case 2:
      first = steps / 2 - rng.integer(0, max_length);
      break;
    default:
      first = steps - rng.integer(0, max_length);
      break;
  }
  const std::int64_t length = rng.integer(0, max_length);
  return {first, first > int64_max - length ? int64_max : first + length};
}

/// Sums (and squares) below this leave double's normal range, where the per-step values
/// themselves lose their digits: differences smaller than it count as 0.
constexpr long double subnormal_floor = 1e-290L;

std::int64_t random_steps(random_source& rng) {
  switch (rng.integer(0, 3)) {
    case 0:
      return rng.integer(0, 10);
    case 1:
      return rng.integer(0, 20'000);
    case 2:
      return rng.integer(1, 4'000'000'000'000);
    default:
      return rng.integer(int64_max / 4, int64_max);
  }
}

/// The worst sum_error (sum and sum of squares) over `cases` cosines made by
/// make(rng, peak, end, steps), decays and (one in four) rises, each summed over a
/// random_range of up to `max_length` steps.
template <class Make>
double worst_random_sum_error(std::uint64_t seed, int cases, std::int64_t max_length, Make make) {
  random_source rng(seed);
  double worst = 0.0;
  for (int i = 0; i < cases; ++i) {
    const double peak = rng.log_uniform(1e-7, 1.0);
    const double end = rng.coin() ? 0.0 : rng.log_uniform(1e-7, 1.0);
    const auto n = random_steps(rng);
    const cosine s = rng.integer(0, 3) == 0 ? make(rng, end, peak, n) : make(rng, peak, end, n);
    const auto [first, last] = random_range(rng, n, max_length);
    worst = std::max(worst, sum_error(s, first, last, subnormal_floor));
  }
  return worst;
}

}  // namespace

TEST_CASE("cosine starts at its peak, reaches its end value exactly at its end and holds it") {
  for (const double exponent : {1.0, 2.0, 0.5, 3.7}) {
    const cosine s(3e-4, 3e-5, 1000, exponent);
    CHECK(s(0) == 3e-4);
    CHECK(s(-7) == 3e-4);
    CHECK(s(std::numeric_limits<std::int64_t>::min()) == 3e-4);
    CHECK(s(1000) == 3e-5);
    CHECK(s(1001) == 3e-5);
    CHECK(s(int64_max) == 3e-5);
    CHECK(s(999) >= 3e-5);
    CHECK(s(500) > 3e-5);
    CHECK(s(500) < 3e-4);
    CHECK(s(1) < 3e-4);
  }
  // Halfway the shape c = cos²(π/4) = 1/2.
  CHECK(cosine(3e-4, 3e-5, 100'000)(50'000) == Approx(1.65e-4).epsilon(1e-15));
  CHECK(cosine(3e-4, 3e-5, 100'000, 2.0)(50'000) == Approx(3e-5 + 2.7e-4 / 4).epsilon(1e-15));
  // A rising cosine (peak below end) is the same formula.
  const cosine rise(0.0, 1.0, 10);
  CHECK(rise(0) == 0.0);
  CHECK(rise(5) == Approx(0.5).epsilon(1e-15));
  CHECK(rise(10) == 1.0);
}

TEST_CASE("cosine is the documented formula at every step") {
  random_source rng(11);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1.0);
    const double end = rng.coin() ? 0.0 : rng.log_uniform(1e-7, 1.0);
    const auto n = rng.integer(1, 100'000);
    const double exponent = rng.coin() ? 1.0 : rng.uniform(0.2, 4.0);
    const cosine s(peak, end, n, exponent);
    const auto t = rng.integer(0, n - 1);
    const long double c =
        0.5L * (1.0L + std::cos(pi * static_cast<long double>(t) / static_cast<long double>(n)));
    const long double expected =
        end + (static_cast<long double>(peak) - end) * std::pow(c, exponent);
    // The textbook form cancels where the value nears 0 (the end of a decay to 0, the
    // start of a rise from near 0); compare with an absolute floor for that.
    worst = std::max(worst, relative_error(s(t), expected, 1e-18L * std::max(peak, end)));
  }
  INFO("worst relative error against ½(1 + cos(πt/n)): " << worst);
  CHECK(worst <= 1e-14);
}

TEST_CASE("cosine decays monotonically and a rising cosine rises monotonically") {
  std::int64_t checked = 0;
  std::int64_t violations = 0;
  const auto check_window = [&](const cosine& decay, const cosine& rise, std::int64_t from,
                                std::int64_t to) {
    for (std::int64_t t = from; t < to; ++t) {
      ++checked;
      if (decay(t + 1) > decay(t) || rise(t + 1) < rise(t)) ++violations;
    }
  };
  for (const double exponent : {1.0, 2.0, 0.5, 3.7}) {
    for (const std::int64_t n : {1, 2, 3, 7, 1000, 99'991}) {
      check_window(cosine(1e-3, 1e-5, n, exponent), cosine(1e-5, 1e-3, n, exponent), -1, n + 1);
    }
    // Windows at the start, the middle (where the evaluation switches from cos to sin)
    // and the end of very long schedules.
    for (const std::int64_t n : {std::int64_t{1'000'000'000}, std::int64_t{1} << 40, int64_max}) {
      const cosine decay(1e-3, 0.0, n, exponent);
      const cosine rise(0.0, 1e-3, n, exponent);
      check_window(decay, rise, 0, 3000);
      check_window(decay, rise, n / 2 - 1500, n / 2 + 1500);
      check_window(decay, rise, n - 3000, n - 1);
    }
  }
  INFO(violations << " of " << checked << " steps out of order");
  CHECK(checked > 100'000);
  CHECK(violations == 0);
}

TEST_CASE("cosine keeps full relative precision where it approaches either end value") {
  const std::int64_t n = 1'000'000'000;
  const auto x = static_cast<double>(pi / (2.0L * static_cast<long double>(n)));
  const double expected = std::sin(x) * std::sin(x);
  // One step before the end of a decay to 0: c = sin²(π/2n) ~ 2.5e-18.
  CHECK(cosine(1.0, 0.0, n)(n - 1) == Approx(expected).epsilon(1e-15));
  CHECK(cosine(1.0, 0.0, n, 3.0)(n - 1) == Approx(std::pow(expected, 3.0)).epsilon(1e-14));
  // One step into a rise from 0 (a cosine warmup): 1 − c = sin²(π/2n).
  CHECK(cosine(0.0, 1.0, n)(1) == Approx(expected).epsilon(1e-15));
  CHECK(cosine(0.0, 1.0, n, 2.0)(1) == Approx(2.0 * expected).epsilon(1e-14));
}

TEST_CASE("cosine is finite at every extreme step, for every extreme length") {
  for (const auto n : {std::int64_t{0}, std::int64_t{1}, std::int64_t{2}, std::int64_t{1} << 31,
                       std::int64_t{1} << 53, int64_max - 1, int64_max}) {
    for (const double exponent : {1.0, 2.0, 0.3, 50.0}) {
      const cosine decay(1.0, 0.0, n, exponent);
      const cosine rise(-1e300, 1e300, n, exponent);
      for (const auto t : lrsched::test::extreme_steps) {
        CHECK(std::isfinite(decay(t)));
        CHECK(decay(t) >= 0.0);
        CHECK(decay(t) <= 1.0);
        CHECK(std::isfinite(rise(t)));
      }
    }
  }
}

TEST_CASE("cosine with zero, one or two steps never divides by zero") {
  const cosine zero(1.0, 0.25, 0);
  CHECK(zero(0) == 0.25);
  CHECK(zero(5) == 0.25);
  CHECK(zero.length() == 0);
  CHECK(lrsched::sum(zero, 0, 4) == 1.0);
  CHECK(lrsched::sum_of_squares(zero, -2, 2) == 0.25);

  const cosine one(1.0, 0.25, 1);
  CHECK(one(0) == 1.0);
  CHECK(one(1) == 0.25);
  CHECK(lrsched::sum(one, 0, 3) == 1.5);

  const cosine two(1.0, 0.0, 2);
  CHECK(two(0) == 1.0);
  CHECK(two(1) == Approx(0.5).epsilon(1e-15));
  CHECK(two(2) == 0.0);
  for (const double exponent : {1.0, 2.0, 0.5}) {
    for (const std::int64_t n : {0, 1, 2}) {
      const cosine s(1.0, 0.1, n, exponent);
      CHECK(std::isfinite(lrsched::sum(s, -3, 5)));
      CHECK(relative_error(lrsched::sum(s, -3, 5), reference_sum(s, -3, 5)) <= 1e-15);
      CHECK(relative_error(lrsched::sum_of_squares(s, -3, 5), reference_sum_of_squares(s, -3, 5)) <=
            1e-15);
    }
  }
}

TEST_CASE("cosine sums in closed form, matching a compensated loop on random ranges") {
  // Exponent 1: the O(1) Dirichlet-kernel form; squares use the cosine series.
  const int cases = 4000;
  const double worst = worst_random_sum_error(
      20261124, cases, 5000,
      [](random_source&, double peak, double end, std::int64_t n) { return cosine(peak, end, n); });
  WARN("cosine, exponent 1: worst relative error of sum and sum of squares "
       << worst << " over " << cases << " random ranges");
  CHECK(worst <= 1e-12);
}

TEST_CASE(
    "cosine with an integer exponent sums by its cosine series, matching a compensated loop") {
  const int cases = 3000;
  const double worst_sum = worst_random_sum_error(
      424242, cases, 3000, [](random_source& rng, double peak, double end, std::int64_t n) {
        return cosine(peak, end, n, static_cast<double>(rng.integer(2, 24)));
      });
  // Sums of squares in closed form up to exponent 12 (sum_error checks both).
  const double worst_squares = worst_random_sum_error(
      4242, cases, 3000, [](random_source& rng, double peak, double end, std::int64_t n) {
        return cosine(peak, end, n, static_cast<double>(rng.integer(2, 12)));
      });
  WARN("cosine, exponents 2..24: worst relative error of the sum "
       << worst_sum << "; exponents 2..12, sum and sum of squares " << worst_squares << " over "
       << cases << " random ranges each");
  CHECK(worst_sum <= 1e-12);
  CHECK(worst_squares <= 1e-12);
}

TEST_CASE("cosine with a non-integer exponent sums by compensated summation") {
  const double worst = worst_random_sum_error(
      99, 2000, 1000, [](random_source& rng, double peak, double end, std::int64_t n) {
        return cosine(peak, end, n, rng.uniform(0.1, 6.0));
      });
  INFO("worst relative error " << worst);
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine with a non-integer or large exponent sums long ranges by Euler-Maclaurin") {
  // Ranges of up to 60,000 steps: past the 1,024 steps summed term by term.
  const double worst = worst_random_sum_error(
      7, 300, 60'000, [](random_source& rng, double peak, double end, std::int64_t n) {
        const double exponent = rng.coin() ? rng.uniform(0.1, 6.0) : rng.uniform(24.0, 40.0);
        return cosine(peak, end, n, exponent);
      });
  WARN("cosine, non-integer exponents: worst relative error " << worst);
  CHECK(worst <= 1e-12);
  CHECK(cosine(1.0, 0.0, 100, 2.5).approximate_sums());
  CHECK(cosine(1.0, 0.0, 100, 13.0).approximate_sums());
  CHECK_FALSE(cosine(1.0, 0.0, 100, 12.0).approximate_sums());
  CHECK_FALSE(cosine(1.0, 0.0, 100).approximate_sums());
}

TEST_CASE("cosine strided sums with any exponent match a strided loop") {
  random_source rng(31337);
  double worst = 0.0;
  for (int i = 0; i < 200; ++i) {
    const double exponent = rng.coin() ? rng.uniform(0.1, 8.0) : 2.0;
    const std::int64_t n = rng.integer(1, 3'000'000);
    const cosine s = rng.coin() ? cosine(1.0, 0.0, n, exponent) : cosine(1e-5, 3e-4, n, exponent);
    const std::int64_t stride = rng.integer(1, 64);
    const std::int64_t first = rng.integer(0, n);
    const std::int64_t last = first + stride * rng.integer(0, 40'000);
    lrsched::detail::compensated_sum loop;
    for (std::int64_t t = first; t < last; t += stride) loop.add(s(t));
    worst = std::max(worst, relative_error(lrsched::sum_strided(s, first, last, stride),
                                           loop.value(), subnormal_floor));
  }
  WARN("cosine strided sums: worst relative error " << worst);
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine sums over a billion steps agree with exact identities") {
  // With x = π/(2n): Σ_{t=0}^{n−1} cos(πt/n) = 1, because the terms t and n − t cancel
  // (cos(π − a) = −cos a) and t = n/2 contributes cos(π/2) = 0, leaving t = 0. Hence
  //   Σ cos²(t x) = n/2 + ½·1 = (n + 1)/2,
  //   Σ cos⁴(t x) = Σ (3 + 4 cos(πt/n) + cos(2πt/n))/8 = (3n + 4)/8   (n >= 2,
  //   Σ_{t<n} cos(2πt/n) = 0), and Σ sin²(t x) = n − (n + 1)/2 = (n − 1)/2.
  const std::int64_t n = 1'000'000'000;
  const long double nl = n;
  const double peak = 3e-4;
  const double end = 3e-5;
  CHECK(relative_error(lrsched::sum(cosine(1.0, 0.0, n), 0, n), (nl + 1) / 2) <= 1e-15);
  CHECK(relative_error(lrsched::sum(cosine(peak, end, n), 0, n),
                       end * nl + (static_cast<long double>(peak) - end) * (nl + 1) / 2) <= 1e-15);
  CHECK(relative_error(lrsched::sum(cosine(1.0, 0.0, n, 2.0), 0, n), (3 * nl + 4) / 8) <= 1e-15);
  CHECK(relative_error(lrsched::sum_of_squares(cosine(1.0, 0.0, n), 0, n), (3 * nl + 4) / 8) <=
        1e-15);
  CHECK(relative_error(lrsched::sum(cosine(0.0, 1.0, n), 0, n), (nl - 1) / 2) <= 1e-15);
  // Past the end the schedule holds: n more steps of the end value.
  CHECK(relative_error(lrsched::sum(cosine(1.0, 0.25, n), 0, 2 * n),
                       0.25L * nl + 0.75L * (nl + 1) / 2 + 0.25L * nl) <= 1e-15);
}

TEST_CASE("cosine sums over the tail of a billion-step decay match a compensated loop") {
  const std::int64_t n = 1'000'000'000;
  double worst = 0.0;
  for (const double exponent : {1.0, 2.0, 5.0}) {
    const cosine decay(1.0, 0.0, n, exponent);
    const cosine rise(0.0, 1.0, n, exponent);
    for (const std::int64_t length : {1, 2, 3, 17, 300, 5000, 100'000}) {
      worst = std::max(worst, sum_error(decay, n - length, n + 5, subnormal_floor));
      worst = std::max(worst, sum_error(rise, 0, length, subnormal_floor));
    }
  }
  INFO("worst relative error " << worst);
  CHECK(worst <= 1e-12);
}

TEST_CASE("cosine sums over adjacent ranges add up to the sum over their union") {
  random_source rng(31337);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const std::int64_t n = rng.integer(1, 1'000'000'000'000);
    const double exponent = rng.coin() ? 1.0 : static_cast<double>(rng.integer(2, 6));
    const cosine s(1.0, rng.coin() ? 0.0 : 1e-3, n, exponent);
    worst = std::max(worst, lrsched::test::worst_split_error(s, rng, 1, n / 2, n / 2 + 1));
  }
  WARN("cosine: worst relative gap between sum(a, c) and sum(a, b) + sum(b, c): " << worst);
  CHECK(worst <= 1e-13);
}

TEST_CASE("cosine rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { return cosine(1.0, 0.0, -5); }, "steps",
                  "cosine: steps must be >= 0, got -5");
  expect_rejected([] { return cosine(1.0, 0.0, 5, 0.0); }, "exponent",
                  "cosine: exponent must be finite and > 0, got 0");
  expect_rejected([] { return cosine(1.0, 0.0, 5, -1.5); }, "exponent",
                  "cosine: exponent must be finite and > 0, got -1.5");
  expect_rejected([] { return cosine(HUGE_VAL, 0.0, 5); }, "peak_value",
                  "cosine: peak_value must be finite, got inf");
  const auto parameter_of = [](auto make) -> std::string {
    try {
      make();
    } catch (const lrsched::invalid_schedule& e) {
      return e.parameter();
    }
    return "";
  };
  CHECK(parameter_of([] { return cosine(std::nan(""), 0.0, 5); }) == "peak_value");
  CHECK(parameter_of([] { return cosine(1.0, HUGE_VAL, 5); }) == "end_value");
  CHECK(parameter_of([] { return cosine(1.0, 0.0, 5, -1.0); }) == "exponent");
  CHECK(parameter_of([] { return cosine(1.0, 0.0, 5, HUGE_VAL); }) == "exponent");
  CHECK(parameter_of([] { return cosine(1.0, 0.0, 5, std::nan("")); }) == "exponent");
}

TEST_CASE("cosine describes itself with its constructor's parameters") {
  const auto d = cosine(3e-4, 3e-5, 1000, 2.0).describe();
  CHECK(d.kind == "cosine");
  REQUIRE(d.parameters.size() == 4);
  CHECK(d.parameters[0].first == "peak_value");
  CHECK(std::get<double>(d.parameters[0].second) == 3e-4);
  CHECK(d.parameters[1].first == "end_value");
  CHECK(std::get<double>(d.parameters[1].second) == 3e-5);
  CHECK(d.parameters[2].first == "steps");
  CHECK(std::get<std::int64_t>(d.parameters[2].second) == 1000);
  CHECK(d.parameters[3].first == "exponent");
  CHECK(std::get<double>(d.parameters[3].second) == 2.0);
  CHECK(d.children.empty());
}

TEST_CASE("cosine is a finite schedule with a closed-form sum that chains by its length") {
  static_assert(lrsched::FiniteSchedule<cosine>);
  static_assert(lrsched::ClosedFormSum<cosine>);
  static_assert(lrsched::ClosedFormSumOfSquares<cosine>);
  const auto s = lrsched::chain(cosine(1e-3, 1e-4, 100), lrsched::constant(5e-5));
  CHECK(s(99) > 1e-4);
  CHECK(s(100) == 5e-5);
  CHECK(relative_error(lrsched::sum(s, -10, 300), reference_sum(s, -10, 300)) <= 1e-14);
}
