// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/one_cycle.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "catch.hpp"
#include "rejection.hpp"
#include "sum_checks.hpp"
#include "support.hpp"

using lrsched::one_cycle;
using lrsched::one_cycle_anneal;
using lrsched::one_cycle_options;
using lrsched::test::relative_error;

namespace {
// PyTorch 1.13 OneCycleLR.get_lr, transcribed: phase ends pct·n − 1 (, 2·pct·n − 2), n − 1;
// the first phase whose end is >= t, p = (t − start)/(end − start), start = previous end.
double pytorch_formula(double max_lr, std::int64_t n, const one_cycle_options& o, std::int64_t t) {
  const double initial = max_lr / o.div_factor;
  const double min = initial / o.final_div_factor;
  struct knot {
    double end, from, to;
  };
  const auto total = static_cast<double>(n);
  std::vector<knot> phases;
  phases.push_back({o.pct_start * total - 1.0, initial, max_lr});
  if (o.three_phase) {
    phases.push_back({2.0 * o.pct_start * total - 2.0, max_lr, initial});
    phases.push_back({total - 1.0, initial, min});
  } else {
    phases.push_back({total - 1.0, max_lr, min});
  }
  double start = 0.0;
  const auto x = static_cast<double>(t);
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (x <= phases[i].end || i + 1 == phases.size()) {
      const double pct = (x - start) / (phases[i].end - start);
      const auto& [end, from, to] = phases[i];
      if (o.anneal_strategy == one_cycle_anneal::linear) return (to - from) * pct + from;
      return to + (from - to) / 2.0 * (std::cos(std::numbers::pi * pct) + 1.0);
    }
    start = phases[i].end;
  }
  return 0.0;
}

std::vector<one_cycle_options> option_grid() {
  std::vector<one_cycle_options> grid;
  for (const double pct : {0.3, 0.25, 0.5, 0.123}) {
    for (const auto anneal : {one_cycle_anneal::cos, one_cycle_anneal::linear}) {
      for (const bool three : {false, true}) {
        grid.push_back({.pct_start = pct,
                        .anneal_strategy = anneal,
                        .div_factor = pct == 0.25 ? 10.0 : 25.0,
                        .final_div_factor = pct == 0.25 ? 100.0 : 1e4,
                        .three_phase = three});
      }
    }
  }
  return grid;
}
}  // namespace

TEST_CASE("one_cycle reproduces PyTorch OneCycleLR on every step up to total_steps - 1") {
  // PyTorch's interpolation rounds to ~1e-16·max_lr where the value nears its floor; the
  // native form is exact there, so differences below 1e-16·max_lr are not counted.
  double worst = 0.0;
  for (const auto& o : option_grid()) {
    for (const std::int64_t n : {100, 150, 200, 300, 1000, 4567}) {
      const one_cycle s(0.1, n, o);
      for (std::int64_t t = 0; t < n; ++t) {
        worst = std::max(worst, relative_error(s(t), pytorch_formula(0.1, n, o, t), 1e-17L));
      }
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE(
    "one_cycle starts at max_lr/div_factor, peaks, ends at its min at total_steps - 1 and holds") {
  const one_cycle s(0.1, 100);  // phase ends 29 (pct 0.3 · 100 − 1) and 99
  CHECK(s(0) == 0.1 / 25.0);
  CHECK(s(-8) == s(0));
  CHECK(s.initial_lr() == 0.1 / 25.0);
  CHECK(s.min_lr() == 0.1 / 25.0 / 1e4);
  CHECK(relative_error(s(29), 0.1) <= 1e-15);  // 29 / 29.000000000000004 of the way
  CHECK(s(28) < s(29));
  CHECK(s(30) < s(29));
  CHECK(s(99) == s.min_lr());
  CHECK(s(100) == s.min_lr());
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == s.min_lr());
  CHECK(s.length() == 100);
  // Three phases come back to the initial value at step 2·pct·n − 2 = 58.
  const one_cycle three(0.1, 100, {.three_phase = true});
  CHECK(relative_error(three(58), 0.1 / 25.0) <= 1e-15);
  CHECK(three(99) == three.min_lr());
}

TEST_CASE("one_cycle with degenerate parameters never divides by zero") {
  CHECK(one_cycle(1.0, 0)(0) == 1.0 / 25.0 / 1e4);
  CHECK(one_cycle(1.0, 0)(7) == 1.0 / 25.0 / 1e4);
  CHECK(lrsched::sum(one_cycle(1.0, 0), 0, 2) == 2.0 * (1.0 / 25.0 / 1e4));
  CHECK(one_cycle(1.0, 1)(0) == 1.0 / 25.0 / 1e4);
  // pct_start·n = 1: the rise ends at step 0, which is the peak.
  const one_cycle instant(1.0, 10, {.pct_start = 0.1});
  CHECK(instant(0) == 1.0);
  CHECK(instant(9) == instant.min_lr());
  // pct_start = 0: the rise ends at step −1; the decay runs from the peak there to 10 (11 steps).
  const one_cycle no_rise(1.0, 11, {.pct_start = 0.0, .anneal_strategy = one_cycle_anneal::linear});
  CHECK(relative_error(no_rise(0), 1.0 - (1.0 - no_rise.min_lr()) / 11.0) <= 1e-15);
  // pct_start = 1: the whole run rises; the final value held is the peak.
  const one_cycle all_rise(1.0, 10, {.pct_start = 1.0});
  CHECK(all_rise(9) == 1.0);
  CHECK(all_rise(1000) == 1.0);
  // Three phases with pct_start > 1/2: the fall back to initial never completes.
  const one_cycle long_rise(1.0, 10, {.pct_start = 0.8, .three_phase = true});
  CHECK(long_rise(9) > long_rise.initial_lr());
  CHECK(long_rise(10) == long_rise(9));
  for (const auto& s : {instant, no_rise, all_rise, long_rise}) {
    CHECK(relative_error(lrsched::sum(s, 0, 30), lrsched::test::reference_sum(s, 0, 30)) <= 1e-15);
  }
}

TEST_CASE("one_cycle is finite and between its extremes at every extreme step") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const auto& o : option_grid()) {
    for (const std::int64_t n : {std::int64_t{1}, std::int64_t{2}, std::int64_t{1} << 40, max}) {
      const one_cycle s(3e-4, n, o);
      for (const auto t : lrsched::test::extreme_steps) {
        CHECK(std::isfinite(s(t)));
        CHECK(s(t) >= s.min_lr());
        CHECK(s(t) <= 3e-4);
      }
      CHECK(std::isfinite(lrsched::sum(s, 0, max)));
    }
  }
}

TEST_CASE("one_cycle sums in closed form, matching a compensated loop on random ranges") {
  lrsched::test::random_source rng(20261129);
  double worst = 0.0;
  int cases = 0;
  for (int i = 0; i < 4000; ++i) {
    const one_cycle_options o{
        .pct_start = rng.coin() ? rng.uniform(0.0, 1.0) : rng.uniform(0.0, 0.5),
        .anneal_strategy = rng.coin() ? one_cycle_anneal::cos : one_cycle_anneal::linear,
        .div_factor = rng.log_uniform(1.0, 1e3),
        .final_div_factor = rng.log_uniform(1.0, 1e6),
        .three_phase = rng.coin()};
    const auto n = rng.coin() ? rng.integer(0, 50) : rng.integer(0, std::int64_t{1} << 45);
    const one_cycle s(rng.log_uniform(1e-5, 1.0), n, o);
    const auto first = rng.coin() ? rng.integer(-50, std::min<std::int64_t>(n, 20'000) + 50)
                                  : rng.integer(0, n + 50);
    const auto last = first + rng.integer(0, 6000);
    worst = std::max(worst, lrsched::test::sum_error(s, first, last));
    ++cases;
  }
  CHECK(cases == 4000);
  CHECK(worst <= 1e-12);
}

TEST_CASE("one_cycle sums over a billion steps agree with the phase areas") {
  // pct_start·n = 2.5e8 exactly: the rise covers t = 0..L0 (L0 = 2.5e8 − 1), the decay
  // t = L0+1..n−1 (L1 = n − 1 − L0 steps). Over whole half-cosines Σ_{k=1}^{L} cos(πk/L) = −1
  // and Σ_{k=0}^{L} cos(πk/L) = 0, so the areas are plain arithmetic:
  const std::int64_t n = 1'000'000'000;
  const long double l0 = 249'999'999.0L;
  const long double l1 = static_cast<long double>(n) - 1.0L - l0;
  for (const auto anneal : {one_cycle_anneal::cos, one_cycle_anneal::linear}) {
    const one_cycle s(1.0, n, {.pct_start = 0.25, .anneal_strategy = anneal});
    const long double initial = s.initial_lr();
    const long double min = s.min_lr();
    const long double rise = (l0 + 1.0L) * (initial + 1.0L) / 2.0L;
    const long double decay = anneal == one_cycle_anneal::cos
                                  ? l1 * min + (1.0L - min) * (l1 - 1.0L) / 2.0L
                                  : l1 * 1.0L + (min - 1.0L) * (l1 + 1.0L) / 2.0L;
    CHECK(relative_error(s.sum(0, n), rise + decay) <= 1e-16);
    CHECK(relative_error(s.sum(0, n + 1000), rise + decay + 1000.0L * min) <= 1e-16);
    for (const std::int64_t cut :
         {std::int64_t{1}, std::int64_t{249'999'999}, std::int64_t{250'000'000}, n / 3, n - 1}) {
      CHECK(lrsched::test::split_error(s, 0, cut, n) <= 1e-15);
    }
  }
}

TEST_CASE("one_cycle describes itself with its constructor's parameters, options flattened") {
  const auto d = one_cycle(0.05, 300,
                           {.pct_start = 0.25,
                            .anneal_strategy = one_cycle_anneal::linear,
                            .div_factor = 10.0,
                            .final_div_factor = 100.0,
                            .three_phase = true})
                     .describe();
  CHECK(d.kind == "one_cycle");
  REQUIRE(d.parameters.size() == 7);
  CHECK(d.parameters[0].first == "max_lr");
  CHECK(std::get<double>(d.parameters[0].second) == 0.05);
  CHECK(d.parameters[1].first == "total_steps");
  CHECK(std::get<std::int64_t>(d.parameters[1].second) == 300);
  CHECK(d.parameters[2].first == "pct_start");
  CHECK(std::get<double>(d.parameters[2].second) == 0.25);
  CHECK(d.parameters[3].first == "anneal_strategy");
  CHECK(std::get<std::string>(d.parameters[3].second) == "linear");
  CHECK(d.parameters[4].first == "div_factor");
  CHECK(std::get<double>(d.parameters[4].second) == 10.0);
  CHECK(d.parameters[5].first == "final_div_factor");
  CHECK(std::get<double>(d.parameters[5].second) == 100.0);
  CHECK(d.parameters[6].first == "three_phase");
  CHECK(std::get<bool>(d.parameters[6].second) == true);
  for (const auto anneal : {one_cycle_anneal::cos, one_cycle_anneal::linear}) {
    CHECK(lrsched::one_cycle_anneal_from_string(lrsched::to_string(anneal)) == anneal);
  }
  CHECK_FALSE(lrsched::one_cycle_anneal_from_string("cosine").has_value());
}

TEST_CASE("one_cycle rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { one_cycle(0.1, -1); }, "total_steps",
                  "one_cycle: total_steps must be >= 0, got -1");
  expect_rejected([] { one_cycle(0.1, 100, {.pct_start = 1.5}); }, "pct_start",
                  "one_cycle: pct_start must be in [0, 1], got 1.5");
  expect_rejected([] { one_cycle(0.1, 100, {.pct_start = std::nan("")}); }, "pct_start",
                  "one_cycle: pct_start must be in [0, 1], got nan");
  expect_rejected([] { one_cycle(0.1, 100, {.div_factor = 0.0}); }, "div_factor",
                  "one_cycle: div_factor must be finite and > 0, got 0");
  expect_rejected([] { one_cycle(0.1, 100, {.final_div_factor = -1.0}); }, "final_div_factor",
                  "one_cycle: final_div_factor must be finite and > 0, got -1");
  expect_rejected(
      [] { one_cycle(0.1, 100, {.anneal_strategy = static_cast<one_cycle_anneal>(5)}); },
      "anneal_strategy", "one_cycle: anneal_strategy must be cos or linear, got 5");
  expect_rejected([] { one_cycle(HUGE_VAL, 100); }, "max_lr",
                  "one_cycle: max_lr must be finite, got inf");
}
