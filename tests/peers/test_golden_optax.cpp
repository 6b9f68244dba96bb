// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Every optax golden case (tests/data/optax.json) through lrsched::optax, and through the
// native family wherever optax's semantics are lrsched's own (which is almost everywhere:
// optax switches at boundaries, holds past the end and counts warmup inside decay_steps).
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/optax.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>

#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace optax = lrsched::optax;
using golden::golden_case;
using golden::tally;
using nlohmann::json;

namespace {

std::optional<double> optional_number(const golden_case& c, const char* name) {
  if (!c.params.contains(name) || c.params.at(name).is_null()) return std::nullopt;
  return c.number(name);
}

std::map<std::int64_t, double> boundaries_and_scales(const golden_case& c) {
  std::map<std::int64_t, double> scales;
  for (const auto& [key, scale] : c.param("boundaries_and_scales").items()) {
    scales[std::stoll(key)] = scale.get<double>();
  }
  return scales;
}

const std::map<std::string, golden::handler> handlers = {
    {"constant_schedule",
     [](const golden_case& c, tally& t) {
       t.check(c, "optax::constant_schedule", optax::constant_schedule(c.number("value")));
       t.check(c, "native constant", lrsched::constant(c.number("value")));
     }},
    {"linear_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const double end = c.number("end_value");
       const auto steps = c.integer("transition_steps");
       const auto begin = c.integer_or("transition_begin", 0);
       t.check(c, "optax::linear_schedule", optax::linear_schedule(init, end, steps, begin));
       t.check(c, "native linear (shifted)",
               lrsched::shift(lrsched::linear(init, end, steps), begin));
     }},
    {"polynomial_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const double end = c.number("end_value");
       const double power = c.number("power");
       const auto steps = c.integer("transition_steps");
       const auto begin = c.integer_or("transition_begin", 0);
       t.check(c, "optax::polynomial_schedule",
               optax::polynomial_schedule(init, end, power, steps, begin));
       t.check(c, "native polynomial (shifted)",
               lrsched::shift(lrsched::polynomial(init, end, steps, power), begin));
     }},
    {"warmup_constant_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const double peak = c.number("peak_value");
       const auto steps = c.integer("warmup_steps");
       t.check(c, "optax::warmup_constant_schedule",
               optax::warmup_constant_schedule(init, peak, steps));
       t.check(c, "native linear", lrsched::linear(init, peak, steps));
     }},
    {"exponential_decay",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const auto steps = c.integer("transition_steps");
       const double rate = c.number("decay_rate");
       const auto begin = c.integer_or("transition_begin", 0);
       const bool staircase = c.flag_or("staircase", false);
       const auto end = optional_number(c, "end_value");
       t.check(c, "optax::exponential_decay",
               optax::exponential_decay(init, steps, rate, begin, staircase, end));
       t.check(c, "native exponential",
               lrsched::exponential(
                   init, rate, steps,
                   {.staircase = staircase, .transition_begin = begin, .end_value = end}));
     }},
    {"warmup_exponential_decay_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const double peak = c.number("peak_value");
       const auto warmup = c.integer("warmup_steps");
       const auto steps = c.integer("transition_steps");
       const double rate = c.number("decay_rate");
       const auto begin = c.integer_or("transition_begin", 0);
       const bool staircase = c.flag_or("staircase", false);
       const auto end = optional_number(c, "end_value");
       t.check(c, "optax::warmup_exponential_decay_schedule",
               optax::warmup_exponential_decay_schedule(init, peak, warmup, steps, rate, begin,
                                                        staircase, end));
       t.check(c, "native chain",
               lrsched::chain(
                   lrsched::linear(init, peak, warmup),
                   lrsched::exponential(
                       peak, rate, steps,
                       {.staircase = staircase, .transition_begin = begin, .end_value = end})));
     }},
    {"cosine_decay_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const auto steps = c.integer("decay_steps");
       const double alpha = c.number_or("alpha", 0.0);
       const double exponent = c.number_or("exponent", 1.0);
       t.check(c, "optax::cosine_decay_schedule",
               optax::cosine_decay_schedule(init, steps, alpha, exponent));
       t.check(c, "native cosine", lrsched::cosine(init, init * alpha, steps, exponent));
     }},
    {"warmup_cosine_decay_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const double peak = c.number("peak_value");
       const auto warmup = c.integer("warmup_steps");
       const auto decay = c.integer("decay_steps");
       const double end = c.number_or("end_value", 0.0);
       const double exponent = c.number_or("exponent", 1.0);
       t.check(c, "optax::warmup_cosine_decay_schedule",
               optax::warmup_cosine_decay_schedule(init, peak, warmup, decay, end, exponent));
       t.check(c, "native chain",
               lrsched::chain(lrsched::linear(init, peak, warmup),
                              lrsched::cosine(peak, end, decay - warmup, exponent)));
     }},
    {"sgdr_schedule",
     [](const golden_case& c, tally& t) {
       const auto& cycles = c.param("cosine_kwargs");
       const auto kwargs = [&](std::size_t i) {
         const auto& k = cycles.at(i);
         return optax::warmup_cosine_decay_kwargs{k.at("init_value").get<double>(),
                                                  k.at("peak_value").get<double>(),
                                                  k.at("warmup_steps").get<std::int64_t>(),
                                                  k.at("decay_steps").get<std::int64_t>(),
                                                  k.value("end_value", 0.0),
                                                  k.value("exponent", 1.0)};
       };
       const auto cycle = [](const optax::warmup_cosine_decay_kwargs& k) {
         return lrsched::chain(lrsched::linear(k.init_value, k.peak_value, k.warmup_steps),
                               lrsched::cosine(k.peak_value, k.end_value,
                                               k.decay_steps - k.warmup_steps, k.exponent));
       };
       if (cycles.size() == 3) {
         t.check(c, "optax::sgdr_schedule",
                 optax::sgdr_schedule({kwargs(0), kwargs(1), kwargs(2)}));
         REQUIRE((cycles[0] == cycles[1] && cycles[1] == cycles[2]));
         // Equal cycles: the same cycle repeated.
         t.check(c, "native repeat", lrsched::repeat(cycle(kwargs(0)), kwargs(0).decay_steps));
       } else if (cycles.size() == 2) {
         t.check(c, "optax::sgdr_schedule", optax::sgdr_schedule({kwargs(0), kwargs(1)}));
         t.check(c, "native chain",
                 lrsched::chain(lrsched::for_steps(kwargs(0).decay_steps, cycle(kwargs(0))),
                                cycle(kwargs(1))));
       } else {
         FAIL_CHECK("no composition written for " << cycles.size() << " cycles");
       }
     }},
    {"piecewise_constant_schedule",
     [](const golden_case& c, tally& t) {
       const double init = c.number("init_value");
       const auto scales = boundaries_and_scales(c);
       t.check(c, "optax::piecewise_constant_schedule",
               optax::piecewise_constant_schedule(init, scales));
       std::vector<std::int64_t> boundaries;
       std::vector<double> values{init};
       for (const auto& [b, scale] : scales) {
         boundaries.push_back(b);
         values.push_back(values.back() * scale);
       }
       t.check(c, "native piecewise_constant", lrsched::piecewise_constant(boundaries, values));
     }},
    {"piecewise_interpolate_schedule",
     [](const golden_case& c, tally& t) {
       const auto type = c.text_or("interpolate_type", "");
       const double init = c.number("init_value");
       const auto scales = boundaries_and_scales(c);
       t.check(c, "optax::piecewise_interpolate_schedule",
               optax::piecewise_interpolate_schedule(type, init, scales));
       if (type == "linear") {
         std::vector<lrsched::knot> knots{{0, init}};
         for (const auto& [b, scale] : scales) knots.push_back({b, knots.back().value * scale});
         t.check(c, "native piecewise_linear", lrsched::piecewise_linear(knots));
       }
     }},
    {"linear_onecycle_schedule",
     [](const golden_case& c, tally& t) {
       const auto steps = c.integer("transition_steps");
       const double peak = c.number("peak_value");
       const double pct_start = c.number_or("pct_start", 0.3);
       const double pct_final = c.number_or("pct_final", 0.85);
       const double div = c.number_or("div_factor", 25.0);
       const double final_div = c.number_or("final_div_factor", 1e4);
       t.check(c, "optax::linear_onecycle_schedule",
               optax::linear_onecycle_schedule(steps, peak, pct_start, pct_final, div, final_div));
       const double low = peak / div;
       const auto up = static_cast<std::int64_t>(pct_start * static_cast<double>(steps));
       const auto down = static_cast<std::int64_t>(pct_final * static_cast<double>(steps));
       t.check(c, "native piecewise_linear",
               lrsched::piecewise_linear({{0, low},
                                          {up, low * div},
                                          {down, low * div / div},
                                          {steps, low * div / div / final_div}}));
     }},
    {"cosine_onecycle_schedule",
     [](const golden_case& c, tally& t) {
       const auto steps = c.integer("transition_steps");
       const double peak = c.number("peak_value");
       const double pct_start = c.number_or("pct_start", 0.3);
       const double div = c.number_or("div_factor", 25.0);
       const double final_div = c.number_or("final_div_factor", 1e4);
       t.check(c, "optax::cosine_onecycle_schedule",
               optax::cosine_onecycle_schedule(steps, peak, pct_start, div, final_div));
       const double low = peak / div;
       const auto up = static_cast<std::int64_t>(pct_start * static_cast<double>(steps));
       t.check(
           c, "native chain",
           lrsched::chain(lrsched::cosine(low, low * div, up),
                          lrsched::cosine(low * div, low * div / (div * final_div), steps - up)));
     }},
    {"join_schedules",
     [](const golden_case& c, tally& t) {
       const auto& pieces = c.param("schedules");
       const auto& boundaries = c.param("boundaries");
       std::string functions;
       for (const auto& p : pieces)
         functions += (functions.empty() ? "" : "+") + p.at("function").get<std::string>();
       if (functions == "constant_schedule+constant_schedule+constant_schedule") {
         const auto value = [&](std::size_t k) {
           return pieces[k].at("params").at("value").get<double>();
         };
         t.check(
             c, "optax::join_schedules",
             optax::join_schedules(
                 std::tuple{optax::constant_schedule(value(0)), optax::constant_schedule(value(1)),
                            optax::constant_schedule(value(2))},
                 {boundaries[0].get<std::int64_t>(), boundaries[1].get<std::int64_t>()}));
       } else if (functions == "linear_schedule+cosine_decay_schedule") {
         const auto& w = pieces[0].at("params");
         const auto& d = pieces[1].at("params");
         const auto warmup = optax::linear_schedule(
             w.at("init_value").get<double>(), w.at("end_value").get<double>(),
             w.at("transition_steps").get<std::int64_t>(), w.value("transition_begin", 0));
         const auto decay = optax::cosine_decay_schedule(
             d.at("init_value").get<double>(), d.at("decay_steps").get<std::int64_t>(),
             d.value("alpha", 0.0), d.value("exponent", 1.0));
         const auto boundary = boundaries[0].get<std::int64_t>();
         t.check(c, "optax::join_schedules",
                 optax::join_schedules(std::tuple{warmup, decay}, {boundary}));
         t.check(c, "native chain",
                 lrsched::chain(lrsched::for_steps(boundary, warmup.native()), decay.native()));
       } else {
         FAIL_CHECK("no composition written for " << functions);
       }
     }},
};

}  // namespace

TEST_CASE("lrsched::optax reproduces every optax golden case, step for step and summed") {
  const auto file = golden::load("optax.json");
  CHECK(file.system == "optax");
  const auto result = golden::run(file, handlers);
  golden::report(std::cout, file, result);
  CHECK(result.max_step_error() <= 1e-12);
}

TEST_CASE("optax's silent degradations are reproduced: constants and clamped begins") {
  const auto flat = optax::linear_schedule(0.5, 0.1, 0, 7);
  const auto flat_poly = optax::polynomial_schedule(0.5, 0.1, 2.0, -3);
  const auto no_decay = optax::exponential_decay(0.5, 10, 0.0, 0, false, 0.2);
  for (const std::int64_t t : {0, 5, 100, 1'000'000}) {
    CHECK(flat(t) == 0.5);       // transition_steps <= 0: init_value forever
    CHECK(flat_poly(t) == 0.5);  // same for polynomial_schedule
    CHECK(no_decay(t) == 0.5);   // decay_rate == 0: init_value, end_value ignored
  }
  const auto early = optax::linear_schedule(1.0, 0.0, 10, -5);  // begin < 0 counts as 0
  CHECK(early(0) == 1.0);
  CHECK(early(5) == 0.5);
  CHECK(optax::piecewise_constant_schedule(1.0, {{-3, 0.5}, {4, 0.1}})(0) == 0.5);
  CHECK(optax::piecewise_constant_schedule(2.0)(9) == 2.0);
}

TEST_CASE("optax interpolation builds its knots as optax does, dict semantics included") {
  // A boundary at 0 replaces the initial value from step 0.
  const auto zero = optax::piecewise_interpolate_schedule("linear", 1.0, {{0, 0.5}, {10, 0.0}});
  CHECK(zero(0) == 0.5);
  CHECK(zero(5) == 0.25);
  CHECK(zero(10) == 0.0);
  const auto cos = optax::piecewise_interpolate_schedule("cosine", 1.0, {{10, 3.0}});
  CHECK(cos(0) == 1.0);
  CHECK(cos(5) == Approx(2.0));
  CHECK(cos(10) == 3.0);
  CHECK(cos(99) == 3.0);
  CHECK(lrsched::test::relative_error(lrsched::sum(cos, 0, 40),
                                      lrsched::test::reference_sum(cos, 0, 40)) <= 1e-15);
  // pct_start·T and pct_final·T truncate to the same step: optax's dict keeps the later scale.
  const auto merged = optax::linear_onecycle_schedule(10, 1.0, 0.55, 0.59, 4.0, 2.0);
  CHECK(merged(0) == 0.25);
  CHECK(merged(5) == 0.25 * 0.25);  // int(5.5) == int(5.9) == 5: scale 1/div, not div
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)optax::piecewise_interpolate_schedule("cubic", 1.0); },
                  "interpolate_type",
                  "optax.piecewise_interpolate_schedule: interpolate_type must be \"linear\" or "
                  "\"cosine\", got \"cubic\"");
  expect_rejected(
      [] {
        (void)optax::piecewise_constant_schedule(1.0, {{5, -0.5}});
      },
      "boundaries_and_scales[5]",
      "optax.piecewise_constant_schedule: boundaries_and_scales[5] must be finite and "
      ">= 0, got -0.5");
  expect_rejected([] { (void)optax::warmup_cosine_decay_schedule(0.0, 1.0, 10, 10); },
                  "decay_steps",
                  "optax.warmup_cosine_decay_schedule: decay_steps must be > warmup_steps (10; it "
                  "includes the warmup), got 10");
  expect_rejected(
      [] {
        (void)optax::join_schedules(
            std::tuple{optax::constant_schedule(1.0), optax::constant_schedule(2.0),
                       optax::constant_schedule(3.0)},
            {20, 10});
      },
      "boundaries[1]",
      "optax.join_schedules: boundaries[1] must be >= boundaries[0] = 20 (non-decreasing), got 10");
}

TEST_CASE("optax peers describe themselves with optax's names") {
  const auto s = optax::sgdr_schedule({{.peak_value = 1.0, .warmup_steps = 5, .decay_steps = 50},
                                       {.peak_value = 0.5, .warmup_steps = 5, .decay_steps = 100}});
  const auto d = s.describe();
  CHECK(d.kind == "optax.sgdr_schedule");
  REQUIRE(d.children.size() == 1);
  CHECK(d.children[0].first == "cosine_kwargs");
  REQUIRE(d.children[0].second.size() == 2);
  CHECK(d.children[0].second[1].kind == "optax.warmup_cosine_decay_schedule");
  CHECK(*d.children[0].second[1].find("decay_steps") ==
        lrsched::parameter_value(std::int64_t{100}));
  CHECK(s(50) == 0.0);  // the second cycle starts at its own init_value
  CHECK(s(55) == 0.5);  // and peaks after its warmup
  CHECK(optax::exponential_decay(1.0, 10, 0.5).describe().kind == "optax.exponential_decay");
}
