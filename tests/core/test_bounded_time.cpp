// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Every family, composite and unit conversion sums 10^18 steps, and answers a
// steps_to_reach_sum query, in bounded time: each call under 50 ms (times a documented
// factor under sanitizers and debug builds), with a finite result that is additive over
// splits of the range and agrees with a long-double loop on short ranges.
#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

using lrsched::test::reference_sum;
using lrsched::test::relative_error;

namespace {

constexpr std::int64_t far = 1'000'000'000'000'000'000;

/// The time limit of one call. Sanitizers (ASan + UBSan, built without optimization in the
/// asan preset) slow the evaluation-heavy paths (quadrature, bisection) by up to ~20×, so
/// there the limit is 20 × 50 ms: what stays bounded is the number of evaluations, which
/// the sanitizers do not change.
#if defined(__SANITIZE_ADDRESS__)
constexpr double slowdown = 20.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double slowdown = 20.0;
#else
constexpr double slowdown = 1.0;
#endif
#else
constexpr double slowdown = 1.0;
#endif
constexpr double limit_ms = 50.0 * slowdown;

template <class F>
double milliseconds(F&& f) {
  const auto began = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began)
      .count();
}

/// The slowest call measured over the whole sweep, for the report line.
double slowest_ms = 0.0;
std::string slowest_name;

void record(const std::string& name, double ms) {
  if (ms > slowest_ms) {
    slowest_ms = ms;
    slowest_name = name;
  }
}

/// Differences smaller than this count as 0 (values that reach double's subnormal range).
constexpr long double floor = 1e-290L;

template <class S>
void check_bounded(const std::string& name, const S& s) {
  INFO(name);
  double total = 0.0;
  const double sum_ms = milliseconds([&] { total = lrsched::sum(s, 0, far); });
  record(name + " sum", sum_ms);
  CHECK(std::isfinite(total));
  CHECK(sum_ms < limit_ms);
  if constexpr (lrsched::ClosedFormSumOfSquares<S>) {
    double squares = 0.0;
    const double squares_ms =
        milliseconds([&] { squares = lrsched::sum_of_squares(s, 0, far); });
    record(name + " sum_of_squares", squares_ms);
    CHECK(std::isfinite(squares));
    CHECK(squares_ms < limit_ms);
  }
  if constexpr (lrsched::ClosedFormStridedSum<S>) {
    double strided = 0.0;
    const double strided_ms =
        milliseconds([&] { strided = lrsched::sum_strided(s, 3, far, 1'000); });
    record(name + " sum_strided", strided_ms);
    CHECK(std::isfinite(strided));
    CHECK(strided_ms < limit_ms);
    lrsched::detail::compensated_sum loop;
    for (std::int64_t t = 3; t < 3 + 1'000 * 3'000; t += 1'000) loop.add(s(t));
    CHECK(relative_error(lrsched::sum_strided(s, 3, 3 + 1'000 * 3'000, 1'000), loop.value(),
                         floor) < 1e-12);
  }
  // Additivity over [0, 10^18) split anywhere.
  for (const std::int64_t b : {std::int64_t{1}, std::int64_t{4'097}, std::int64_t{123'456'789},
                               far / 3, far - 7}) {
    INFO("split at " << b);
    const long double parts =
        static_cast<long double>(lrsched::sum(s, 0, b)) + lrsched::sum(s, b, far);
    CHECK(relative_error(parts, total, floor) < 1e-12);
  }
  // Short ranges against a long-double loop: the start, a middle, the far end.
  for (const std::int64_t a : {std::int64_t{0}, std::int64_t{99'000}, far / 2, far - 3'000}) {
    INFO("loop over [" << a << ", " << a + 3'000 << ")");
    CHECK(relative_error(lrsched::sum(s, a, a + 3'000), reference_sum(s, a, a + 3'000), floor) <
          1e-12);
  }
  // A budget reached after about a million steps (or anywhere: the query is bounded too).
  const double target = lrsched::sum(s, 0, 1'000'000) * 0.75;
  if (target > 0.0) {
    std::optional<std::int64_t> reached;
    const double query_ms = milliseconds([&] { reached = lrsched::steps_to_reach_sum(s, target); });
    record(name + " steps_to_reach_sum", query_ms);
    CHECK(query_ms < limit_ms);
    REQUIRE(reached.has_value());
    CHECK(lrsched::detail::sum_ld(s, 0, *reached) >= target);
    CHECK(lrsched::detail::sum_ld(s, 0, *reached - 1) < target);
  }
}

}  // namespace

TEST_CASE("every family sums 10^18 steps and answers a query in bounded time") {
  using namespace lrsched;
  check_bounded("constant", constant(3e-4));
  check_bounded("linear", linear(1e-3, 1e-5, far / 2));
  check_bounded("cosine", cosine(1e-3, 1e-5, far / 2));
  check_bounded("cosine exponent 2", cosine(1e-3, 1e-5, far / 2, 2.0));
  check_bounded("cosine exponent 2.5", cosine(1e-3, 1e-5, far / 2, 2.5));
  check_bounded("cosine exponent 30", cosine(1e-3, 0.0, far / 2, 30.0));
  check_bounded("cosine rise exponent 0.7", cosine(1e-5, 1e-3, far / 2, 0.7));
  check_bounded("exponential", exponential(1e-3, 0.5, 1'000'000));
  check_bounded("exponential staircase",
                exponential(1e-3, 0.9, 777, {.staircase = true, .end_value = 1e-6}));
  check_bounded("step_decay", step_decay(1e-3, 1'000, 0.999));
  check_bounded("multistep", multistep(1e-3, {10, 1'000'000, far / 4}, 0.1));
  check_bounded("polynomial 2", polynomial(1e-3, 1e-6, far / 3, 2.0));
  check_bounded("polynomial 0.5", polynomial(1e-3, 1e-6, far / 3, 0.5));
  check_bounded("inverse_sqrt", inverse_sqrt(1e-3, 1'000));
  check_bounded("inverse_time", inverse_time(1e-3, 0.5, 1'000));
  check_bounded("piecewise_constant", piecewise_constant({10, 5'000, far / 2}, {3, 2, 1, 0.5}));
  check_bounded("piecewise_linear",
                piecewise_linear({{0, 0.0}, {2'000, 3e-4}, {far / 2, 3e-4}, {far, 3e-5}}));
  check_bounded("one_cycle", one_cycle(1e-3, far / 2));
  check_bounded("one_cycle linear three-phase",
                one_cycle(1e-3, far / 2,
                          {.anneal_strategy = one_cycle_anneal::linear, .three_phase = true}));
  check_bounded("cyclic triangular", cyclic(1e-4, 1e-3, 2'000, 3'000));
  check_bounded("cyclic triangular2", cyclic(1e-4, 1e-3, 2'000, 2'000, cyclic_mode::triangular2));
  check_bounded("cyclic exp_range",
                cyclic(1e-4, 1e-3, 2'000, 2'000, cyclic_mode::exp_range, 0.999999));
  check_bounded("cosine_restarts", cosine_restarts(1e-3, 10'000, {.floor_value = 1e-5}));
  check_bounded("cosine_restarts multiplier 2",
                cosine_restarts(1e-3, 10'000, {.period_multiplier = 2.0, .cycle_decay = 0.9}));
  check_bounded("cosine_restarts multiplier 1.5",
                cosine_restarts(1e-3, 10'000, {.period_multiplier = 1.5}));
  check_bounded("cosine_restarts divisor 7",
                cosine_restarts(1e-3, 10'003, {.cycle_decay = 0.99, .period_divisor = 7}));
  check_bounded("tanh_decay", tanh_decay(1e-3, 1e-5, far / 2));
  check_bounded("wsd", wsd(1e-3, 2'000, far / 2, far / 4, {.final_value = 1e-5}));
  check_bounded("wsd cosine", wsd(1e-3, 2'000, 1'000'000, far / 4,
                                  {.decay_shape = wsd_shape::cosine}));
  check_bounded("table", table({3.0, 2.0, 1.0, 0.5}));
}

TEST_CASE("every composite sums 10^18 steps and answers a query in bounded time") {
  using namespace lrsched;
  check_bounded("warmup linear", warmup(2'000, cosine(1e-3, 1e-5, far / 2)));
  check_bounded("warmup cosine",
                warmup(2'000, exponential(1e-3, 0.5, 100'000), 0.0, warmup_shape::cosine));
  check_bounded("warmup exponential",
                warmup(2'000, constant(1e-3), 1e-6, warmup_shape::exponential));
  check_bounded("chain", chain(linear(0.0, 1e-3, 2'000), for_steps(far / 4, constant(1e-3)),
                               cosine(1e-3, 0.0, far / 2)));
  check_bounded("repeat", repeat(cosine(1e-3, 1e-5, 9'999)));
  check_bounded("repeat of a chain",
                repeat(chain(linear(0.0, 1e-3, 100), cosine(1e-3, 0.0, 900)), 1'000));
  check_bounded("stretch", stretch(cosine(1e-3, 1e-5, far / 20), 7));
  check_bounded("scale", scale(cosine(1.0, 0.01, far / 2), 1e-3));
  check_bounded("product with a constant", multiply(constant(0.5), cosine(1e-3, 1e-5, far / 2)));
  check_bounded("shift", shift(cosine(1e-3, 1e-5, far / 2), 12'345));
  check_bounded("any_schedule chain",
                any_schedule::chain({any_schedule(linear(0.0, 1e-3, 2'000)),
                                     any_schedule(cosine(1e-3, 1e-5, far / 2))}));
}

TEST_CASE("every unit conversion sums 10^18 steps and answers a query in bounded time") {
  using namespace lrsched;
  check_bounded("per_step linear", per_step(linear(1e-3, 1e-5, far), 256));
  check_bounded("per_step cosine", per_step(cosine(1e-3, 1e-5, far), 256));
  check_bounded("in_steps cosine", in_steps(cosine(1e-3, 1e-5, far),
                                            batch_ramp::megatron(32, 32, 1'000'000, 1'024)));
  check_bounded("in_steps linear, fixed batch", in_steps(linear(1e-3, 0.0, far), batch_ramp(512)));
}

TEST_CASE("peer-faithful schedules sum 10^18 steps and answer a query in bounded time") {
  using namespace lrsched;
  check_bounded("pytorch cosine_annealing_lr", pytorch::cosine_annealing_lr(0.1, far / 2, 1e-4));
  check_bounded("huggingface linear with warmup",
                huggingface::get_linear_schedule_with_warmup(3e-4, 2'000, far / 2));
  check_bounded("optax cosine_decay_schedule exponent 1.5",
                optax::cosine_decay_schedule(1e-3, far / 2, 0.1, 1.5));
}

TEST_CASE("the slowest call of the sweep") {
  WARN("slowest call: " << slowest_name << ", " << slowest_ms << " ms (limit " << limit_ms
                        << " ms)");
  CHECK(slowest_ms < limit_ms);
}
