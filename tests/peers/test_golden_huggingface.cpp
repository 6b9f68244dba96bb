// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// HuggingFace transformers' schedule functions through lrsched::hf: every golden case at every
// recorded step and its summed LR, plus the behaviours the golden data only samples.
#include <lrsched/peers/huggingface.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <numbers>
#include <optional>
#include <string>
#include <variant>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace hf = lrsched::hf;
namespace golden = lrsched::test::golden;

namespace {

std::optional<double> optional_number(const golden::golden_case& c, const std::string& name) {
  if (!c.params.contains(name) || c.params.at(name).is_null()) return std::nullopt;
  return c.number(name);
}

hf::cosine_with_min_lr_options min_lr_options(const golden::golden_case& c) {
  return {.num_cycles = c.number_or("num_cycles", 0.5),
          .min_lr = optional_number(c, "min_lr"),
          .min_lr_rate = optional_number(c, "min_lr_rate"),
          .warmup_lr_rate = optional_number(c, "warmup_lr_rate")};
}

hf::wsd_type wsd_type_of(const golden::golden_case& c, const std::string& name,
                         const std::string& fallback) {
  const auto parsed = hf::parse_wsd_type(c.text_or(name, fallback));
  REQUIRE(parsed.has_value());
  return *parsed;
}

}  // namespace

TEST_CASE("lrsched::hf reproduces every HuggingFace golden case") {
  const auto file = golden::load("huggingface.json");
  const auto tally =
      golden::run(file, {
                            {"get_constant_schedule",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_constant_schedule",
                                       hf::get_constant_schedule(c.base()));
                             }},
                            {"get_constant_schedule_with_warmup",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_constant_schedule_with_warmup",
                                       hf::get_constant_schedule_with_warmup(
                                           c.base(), c.integer("num_warmup_steps")));
                             }},
                            {"get_linear_schedule_with_warmup",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_linear_schedule_with_warmup",
                                       hf::get_linear_schedule_with_warmup(
                                           c.base(), c.integer("num_warmup_steps"),
                                           c.integer("num_training_steps")));
                             }},
                            {"get_cosine_schedule_with_warmup",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_cosine_schedule_with_warmup",
                                       hf::get_cosine_schedule_with_warmup(
                                           c.base(), c.integer("num_warmup_steps"),
                                           c.integer("num_training_steps"),
                                           c.number_or("num_cycles", 0.5)));
                             }},
                            {"get_cosine_with_min_lr_schedule_with_warmup",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_cosine_with_min_lr_schedule_with_warmup",
                                       hf::get_cosine_with_min_lr_schedule_with_warmup(
                                           c.base(), c.integer("num_warmup_steps"),
                                           c.integer("num_training_steps"), min_lr_options(c)));
                             }},
                            {"get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
                                       hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
                                           c.base(), c.integer("num_warmup_steps"),
                                           c.integer("num_training_steps"), min_lr_options(c)));
                             }},
                            {"get_cosine_with_hard_restarts_schedule_with_warmup",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_cosine_with_hard_restarts_schedule_with_warmup",
                                       hf::get_cosine_with_hard_restarts_schedule_with_warmup(
                                           c.base(), c.integer("num_warmup_steps"),
                                           c.integer("num_training_steps"),
                                           c.number_or("num_cycles", 1.0)));
                             }},
                            {"get_polynomial_decay_schedule_with_warmup",
                             [](const golden::golden_case& c, golden::tally& t) {
                               t.check(c, "hf::get_polynomial_decay_schedule_with_warmup",
                                       hf::get_polynomial_decay_schedule_with_warmup(
                                           c.base(), c.integer("num_warmup_steps"),
                                           c.integer("num_training_steps"),
                                           c.number_or("lr_end", 1e-7), c.number_or("power", 1.0)));
                             }},
                            {"get_inverse_sqrt_schedule",
                             [](const golden::golden_case& c, golden::tally& t) {
                               std::optional<std::int64_t> timescale;
                               if (c.params.contains("timescale"))
                                 timescale = c.integer("timescale");
                               t.check(c, "hf::get_inverse_sqrt_schedule",
                                       hf::get_inverse_sqrt_schedule(
                                           c.base(), c.integer("num_warmup_steps"), timescale));
                             }},
                            {"get_wsd_schedule",
                             [](const golden::golden_case& c, golden::tally& t) {
                               hf::wsd_schedule_options options{
                                   .num_training_steps = std::nullopt,
                                   .num_stable_steps = std::nullopt,
                                   .warmup_type = wsd_type_of(c, "warmup_type", "linear"),
                                   .decay_type = wsd_type_of(c, "decay_type", "cosine"),
                                   .min_lr_ratio = c.number_or("min_lr_ratio", 0.0),
                                   .num_cycles = c.number_or("num_cycles", 0.5)};
                               if (c.params.contains("num_training_steps")) {
                                 options.num_training_steps = c.integer("num_training_steps");
                               }
                               if (c.params.contains("num_stable_steps")) {
                                 options.num_stable_steps = c.integer("num_stable_steps");
                               }
                               t.check(c, "hf::get_wsd_schedule",
                                       hf::get_wsd_schedule(c.base(), c.integer("num_warmup_steps"),
                                                            c.integer("num_decay_steps"), options));
                             }},
                        });
  std::cout << file.system << " " << file.version << ":\n";
  tally.print(std::cout);
}

TEST_CASE("hf warmups start from 0 and reach base_lr at num_warmup_steps") {
  const auto linear = hf::get_linear_schedule_with_warmup(2e-5, 30, 300);
  CHECK(linear(0) == 0.0);
  CHECK(linear(15) == 2e-5 * 0.5);
  CHECK(linear(30) == 2e-5);
  CHECK(linear(300) == 0.0);
  CHECK(linear(100'000) == 0.0);
  const auto constant = hf::get_constant_schedule_with_warmup(1e-3, 10);
  CHECK(constant(0) == 0.0);
  CHECK(constant(10) == 1e-3);
  CHECK(constant(std::int64_t{1} << 40) == 1e-3);
  // No warmup: the decay starts at base_lr; T <= W drops to 0 right after the warmup.
  CHECK(hf::get_linear_schedule_with_warmup(1.0, 0, 4)(1) == 0.75);
  CHECK(hf::get_linear_schedule_with_warmup(1.0, 10, 5)(10) == 0.0);
}

TEST_CASE("hf cosine schedules rise again past num_training_steps") {
  const auto s = hf::get_cosine_schedule_with_warmup(0.1, 10, 100);
  CHECK(s(100) <= 1e-18);
  CHECK(s(101) > s(100));
  CHECK(lrsched::test::relative_error(s(190), 0.1) <= 1e-15);  // a full wave later
  const auto floor =
      hf::get_cosine_with_min_lr_schedule_with_warmup(1e-3, 0, 50, {.min_lr_rate = 0.05});
  CHECK(lrsched::test::relative_error(floor(50), 5e-5) <= 1e-15);
  CHECK(floor(60) > floor(50));
}

TEST_CASE("hf cosine_warmup_with_min_lr peaks one step before the warmup ends") {
  const auto s =
      hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(1.0, 10, 100, {.min_lr_rate = 0.1});
  CHECK(s(0) == 0.1);  // (0 + 1)/10
  CHECK(s(9) == 1.0);
  CHECK(s(10) < 1.0);  // the decay is already one step in
  CHECK(lrsched::test::relative_error(s(99), 0.1) <= 1e-15);
  const auto rated = hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
      1.0, 10, 100, {.min_lr_rate = 0.05, .warmup_lr_rate = 0.1});
  CHECK(rated(0) == 0.1);
  CHECK(rated(9) == 1.0);
  // One warmup step with a rate: HF gives the rate and never reaches the peak.
  const auto single = hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
      1.0, 1, 21, {.min_lr_rate = 0.0, .warmup_lr_rate = 0.25});
  CHECK(single(0) == 0.25);
  CHECK(lrsched::test::relative_error(single(1), 0.5 * (1.0 + std::cos(std::numbers::pi / 20.0))) <=
        1e-15);
}

TEST_CASE("hf cosine with a fractional half wave is HF's formula bit for bit, then periodic") {
  // num_cycles = 2 over 450 decay steps: a trough every 112.5 steps.
  const auto s = hf::get_cosine_schedule_with_warmup(3e-4, 50, 500, 2.0);
  const auto hf_formula = [](std::int64_t t) {
    const double progress = static_cast<double>(t - 50) / 450.0;
    return 3e-4 * std::max(0.0, 0.5 * (1.0 + std::cos(std::numbers::pi * 2.0 * 2.0 * progress)));
  };
  for (std::int64_t t = 50; t < 50 + 900; ++t) CHECK(s(t) == hf_formula(t));
  // Past 2N = 900 decay steps (four whole waves) the position is reduced exactly: the same
  // values again, within HF's own phase rounding of its unreduced formula.
  for (std::int64_t t = 950; t < 5000; ++t) {
    CHECK(s(t) == s(t - 900));
    CHECK(std::fabs(s(t) - hf_formula(t)) <= 1e-13 * 3e-4);  // phase up to ~140 rad
  }
}

TEST_CASE("hf cosine factors sum in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(1202);
  double worst = 0.0;
  for (int i = 0; i < 4000; ++i) {
    // HF's own phase rounding grows with the waves elapsed unless 2·num_cycles is whole
    // (then positions reduce exactly): far ranges only for whole 2·num_cycles.
    const bool whole = rng.coin();
    const double cycles =
        whole ? 0.5 * static_cast<double>(rng.integer(0, 8)) : rng.uniform(0.0, 6.0);
    const auto decay = rng.integer(1, 3000);
    const double floor = rng.coin() ? 0.0 : rng.uniform(0.0, 0.5);
    const auto offset = rng.integer(0, 1);
    const auto s = lrsched::detail::huggingface::make_cosine_decay(cycles, decay, floor, offset);
    const std::int64_t first =
        whole && rng.coin() ? rng.integer(0, std::int64_t{1} << 40) : rng.integer(0, 4 * decay);
    const std::int64_t last = first + rng.integer(0, rng.coin() ? 50 : 5000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("hf schedules describe themselves with HF's function and parameter names") {
  const auto d =
      hf::get_cosine_with_min_lr_schedule_with_warmup(1e-3, 10, 100, {.min_lr = 1e-6}).describe();
  CHECK(d.kind == "huggingface.get_cosine_with_min_lr_schedule_with_warmup");
  REQUIRE(d.parameters.size() == 5);
  CHECK(d.parameters[0].first == "base_lr");
  CHECK(d.parameters[1].first == "num_warmup_steps");
  CHECK(d.parameters[2].first == "num_training_steps");
  CHECK(d.parameters[3].first == "num_cycles");
  CHECK(d.parameters[4].first == "min_lr");
  CHECK(std::get<double>(d.parameters[4].second) == 1e-6);
  CHECK(hf::get_constant_schedule(1.0).describe().kind == "huggingface.get_constant_schedule");
}

TEST_CASE("hf schedules reject bad parameters, naming HF's parameter") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)hf::get_linear_schedule_with_warmup(1e-3, -1, 100); },
                  "num_warmup_steps",
                  "huggingface.get_linear_schedule_with_warmup: num_warmup_steps must be >= 0, "
                  "got -1");
  expect_rejected([] { (void)hf::get_cosine_schedule_with_warmup(1e-3, 0, 100, -0.5); },
                  "num_cycles",
                  "huggingface.get_cosine_schedule_with_warmup: num_cycles must be finite and "
                  ">= 0, got -0.5");
  expect_rejected(
      [] { (void)hf::get_cosine_with_min_lr_schedule_with_warmup(1e-3, 0, 100, {}); },
      "min_lr_rate",
      "huggingface.get_cosine_with_min_lr_schedule_with_warmup: one of min_lr or min_lr_rate "
      "must be set");
  expect_rejected(
      [] {
        (void)hf::get_cosine_with_min_lr_schedule_with_warmup(1e-3, 0, 100,
                                                              {.min_lr = 1e-6, .min_lr_rate = 0.1});
      },
      "min_lr",
      "huggingface.get_cosine_with_min_lr_schedule_with_warmup: min_lr must be unset when "
      "min_lr_rate is set, got 1e-06");
  CHECK_THROWS_AS(hf::get_constant_schedule(std::nan("")), lrsched::invalid_schedule);
}

TEST_CASE("hf wsd starts at min_lr_ratio, holds base_lr, and decays back to it") {
  const auto s = hf::get_wsd_schedule(
      1e-3, 10, 30,
      {.num_stable_steps = 50, .decay_type = hf::wsd_type::linear, .min_lr_ratio = 0.1});
  CHECK(s(0) == 1e-4);
  CHECK(s(10) == 1e-3);
  CHECK(s(59) == 1e-3);
  CHECK(lrsched::test::relative_error(s(60 + 15), 1e-3 * (0.1 + 0.9 * 0.5)) <= 1e-15);
  CHECK(s(90) == 1e-4);
  CHECK(s(std::int64_t{1} << 50) == 1e-4);
}

TEST_CASE("hf wsd with a cosine decay of several waves follows HF's formula") {
  // num_cycles = 1.5: the decay goes down, up and down again before dropping to the floor.
  const double m = 0.05;
  const auto s = hf::get_wsd_schedule(
      2e-4, 5, 40, {.num_training_steps = 100, .min_lr_ratio = m, .num_cycles = 1.5});
  for (std::int64_t t = 0; t < 130; ++t) {
    double factor = 1.0;
    if (t < 5) {
      factor = static_cast<double>(t) / 5.0 * (1.0 - m) + m;
    } else if (t >= 60 && t < 100) {
      const double q = static_cast<double>(t - 60) / 40.0;
      factor = 0.5 * (1.0 + std::cos(std::numbers::pi * 1.5 * 2.0 * q)) * (1.0 - m) + m;
    } else if (t >= 100) {
      factor = m;
    }
    CHECK(lrsched::test::relative_error(s(t), 2e-4 * factor) <= 1e-14);
  }
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 130),
                                      lrsched::test::reference_sum(s, 0, 130)) <= 1e-15);
}

TEST_CASE(
    "hf inverse_sqrt decays from base_lr at the warmup's end, its timescale defaulting "
    "to the warmup or 10000") {
  const auto s = hf::get_inverse_sqrt_schedule(1e-3, 100);
  CHECK(s(0) == 0.0);
  CHECK(s(100) == 1e-3);
  CHECK(lrsched::test::relative_error(s(400), 1e-3 / std::sqrt(4.0)) <= 1e-15);
  const auto no_warmup = hf::get_inverse_sqrt_schedule(1e-3, 0);
  CHECK(no_warmup(0) == 1e-3);
  CHECK(lrsched::test::relative_error(no_warmup(30'000), 1e-3 / 2.0) <= 1e-15);
  CHECK(hf::get_inverse_sqrt_schedule(1e-3, 10, 50).describe().find("timescale") != nullptr);
  CHECK(hf::get_inverse_sqrt_schedule(1e-3, 10).describe().find("timescale") == nullptr);
}

TEST_CASE(
    "hf polynomial decay reaches lr_end at num_training_steps, and with power 0 one "
    "step later") {
  const auto s = hf::get_polynomial_decay_schedule_with_warmup(1e-3, 20, 200, 1e-4, 2.0);
  CHECK(s(20) == 1e-3);
  CHECK(lrsched::test::relative_error(s(200), 1e-4) <= 1e-15);
  CHECK(lrsched::test::relative_error(s(10'000), 1e-4) <= 1e-15);
  const auto flat = hf::get_polynomial_decay_schedule_with_warmup(1.0, 0, 10, 0.5, 0.0);
  CHECK(flat(10) == 1.0);  // HF: 0^0 = 1 at t = T
  CHECK(flat(11) == 0.5);
}

TEST_CASE("hf schedules sum in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(90210);
  double worst = 0.0;
  const auto record = [&](const auto& s, std::int64_t first, std::int64_t last) {
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  };
  for (int i = 0; i < 800; ++i) {
    const double lr = rng.log_uniform(1e-6, 1e-1);
    const auto warm = rng.integer(0, 200);
    const auto total = warm + rng.integer(1, 2000);
    const double cycles = rng.coin() ? 0.5 : rng.uniform(0.1, 3.0);
    const auto first = rng.integer(-10, 3000);
    const auto last = first + rng.integer(0, 3000);
    record(hf::get_linear_schedule_with_warmup(lr, warm, total), first, last);
    record(hf::get_cosine_schedule_with_warmup(lr, warm, total, cycles), first, last);
    record(hf::get_cosine_with_min_lr_schedule_with_warmup(
               lr, warm, total, {.num_cycles = cycles, .min_lr_rate = rng.uniform(0, 0.3)}),
           first, last);
    record(hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
               lr, warm, total,
               {.num_cycles = cycles, .min_lr_rate = 0.1, .warmup_lr_rate = rng.uniform(0, 1)}),
           first, last);
    record(hf::get_polynomial_decay_schedule_with_warmup(lr, warm, total, lr * rng.uniform(0, 0.5),
                                                         static_cast<double>(rng.integer(1, 4))),
           first, last);
    record(hf::get_inverse_sqrt_schedule(
               lr, warm,
               rng.coin() ? std::nullopt : std::optional<std::int64_t>(rng.integer(1, 5000))),
           first, last);
    record(hf::get_cosine_with_hard_restarts_schedule_with_warmup(
               lr, warm, total,
               rng.coin() ? static_cast<double>(rng.integer(1, 6)) : rng.uniform(0.2, 6.0)),
           first, last);
    const auto decay = rng.integer(0, 500);
    record(hf::get_wsd_schedule(lr, warm, decay,
                                {.num_stable_steps = rng.integer(0, 500),
                                 .warmup_type = static_cast<hf::wsd_type>(rng.integer(0, 2)),
                                 .decay_type = static_cast<hf::wsd_type>(rng.integer(0, 2)),
                                 .min_lr_ratio = rng.uniform(0.0, 0.2),
                                 .num_cycles = cycles}),
           first, last);
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("hf hard restarts restart at the first step past each cycle boundary") {
  // 100 decay steps in 3 cycles: boundaries at 33 1/3 and 66 2/3.
  const auto s = hf::get_cosine_with_hard_restarts_schedule_with_warmup(1.0, 0, 100, 3.0);
  const auto hf_formula = [](std::int64_t t) {
    const double progress = static_cast<double>(t) / 100.0;
    return progress >= 1.0
               ? 0.0
               : 0.5 * (1.0 + std::cos(std::numbers::pi * std::fmod(3.0 * progress, 1.0)));
  };
  // HF's ½(1 + cos x) loses a few ulps of the peak near each trough: compare above that.
  for (std::int64_t t = 0; t < 120; ++t) {
    CHECK(lrsched::test::relative_error(s(t), hf_formula(t), 1e-15) <= 1e-14);
  }
  CHECK(s(33) < 0.01);
  CHECK(s(34) > 0.99);
  CHECK(s(100) == 0.0);
}

TEST_CASE("hf hard restarts keep HF's rounding where it puts a restart in the previous cycle") {
  // 49 cycles of one step: HF computes (1/49)·49 = 0.9999999999999999, so step 1 is the end
  // of cycle 0 (value 0), not the start of cycle 1 (value 1). Steps 3 and 5 do restart.
  const auto s = hf::get_cosine_with_hard_restarts_schedule_with_warmup(1.0, 0, 49, 49.0);
  CHECK(s(0) == 1.0);
  CHECK(s(1) <= 1e-30);
  CHECK(s(2) <= 1e-30);
  CHECK(s(3) == 1.0);
  CHECK(s(5) == 1.0);
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 49),
                                      lrsched::test::reference_sum(s, 0, 49)) <= 1e-12);
}

TEST_CASE("hf hard restarts sum in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(7717);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const auto decay = rng.integer(1, 5000);
    const double cycles =
        rng.coin() ? static_cast<double>(rng.integer(1, 12)) : rng.uniform(0.05, 12.0);
    if (cycles > static_cast<double>(decay)) continue;
    const auto s = lrsched::detail::huggingface::make_hard_restarts(cycles, decay);
    const auto first = rng.integer(0, decay + 10);
    const auto last = first + rng.integer(0, rng.coin() ? 40 : 6000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("hf schedules are finite at every int64 step") {
  const auto finite_everywhere = [](const auto& s) {
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  };
  finite_everywhere(hf::get_linear_schedule_with_warmup(1e-3, 10, 100));
  finite_everywhere(hf::get_cosine_schedule_with_warmup(1e-3, 10, 100, 0.5));
  finite_everywhere(hf::get_cosine_schedule_with_warmup(1e-3, 10, 100, 1.7));
  finite_everywhere(hf::get_cosine_with_hard_restarts_schedule_with_warmup(1e-3, 5, 50, 4.0));
  finite_everywhere(hf::get_cosine_with_hard_restarts_schedule_with_warmup(1e-3, 5, 50, 2.5));
  finite_everywhere(hf::get_polynomial_decay_schedule_with_warmup(1e-3, 10, 100, 0.0, 3.0));
  finite_everywhere(
      hf::get_cosine_with_min_lr_schedule_with_warmup_lr_rate(1e-3, 10, 100, {.min_lr_rate = 0.1}));
  finite_everywhere(hf::get_wsd_schedule(1e-3, 10, 20, {.num_stable_steps = 30}));
  finite_everywhere(hf::get_inverse_sqrt_schedule(1e-3, 0));
}
