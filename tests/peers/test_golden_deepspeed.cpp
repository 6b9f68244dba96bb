// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// DeepSpeed's schedules through lrsched::deepspeed: every golden case at every recorded step
// and its summed LR, plus the behaviours the golden data only samples.
#include <lrsched/peers/deepspeed.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <string>

#include "catch.hpp"
#include "golden.hpp"
#include "rejection.hpp"
#include "support.hpp"

namespace ds = lrsched::deepspeed;
namespace golden = lrsched::test::golden;

namespace {

ds::warmup_shape warmup_type_of(const golden::golden_case& c) {
  const auto parsed = ds::parse_warmup_type(c.text_or("warmup_type", "log"));
  REQUIRE(parsed.has_value());
  return *parsed;
}

}  // namespace

TEST_CASE("lrsched::deepspeed reproduces every DeepSpeed golden case") {
  const auto file = golden::load("deepspeed.json");
  const auto tally = golden::run(
      file,
      {
          {"WarmupLR",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "deepspeed::warmup_lr",
                     ds::warmup_lr(c.number_or("warmup_min_lr", 0.0), c.number("warmup_max_lr"),
                                   c.integer_or("warmup_num_steps", 1000), warmup_type_of(c)));
           }},
          {"WarmupDecayLR",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(
                 c, "deepspeed::warmup_decay_lr",
                 ds::warmup_decay_lr(c.integer("total_num_steps"),
                                     c.number_or("warmup_min_lr", 0.0), c.number("warmup_max_lr"),
                                     c.integer_or("warmup_num_steps", 1000), warmup_type_of(c)));
           }},
          {"WarmupCosineLR",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "deepspeed::warmup_cosine_lr",
                     ds::warmup_cosine_lr(c.base(), c.integer("total_num_steps"),
                                          c.number_or("warmup_min_ratio", 0.0),
                                          c.integer_or("warmup_num_steps", 1000),
                                          c.number_or("cos_min_ratio", 0.0001), warmup_type_of(c)));
           }},
          {"OneCycle",
           [](const golden::golden_case& c, golden::tally& t) {
             ds::one_cycle_options options{
                 .decay_lr_rate = c.number_or("decay_lr_rate", 0.0),
                 .cycle_first_step_size = c.integer_or("cycle_first_step_size", 2000),
                 .cycle_first_stair_count = c.integer_or("cycle_first_stair_count", 0),
                 .decay_step_size = c.integer_or("decay_step_size", 0)};
             if (c.params.contains("cycle_second_step_size")) {
               options.cycle_second_step_size = c.integer("cycle_second_step_size");
             }
             t.check(c, "deepspeed::one_cycle",
                     ds::one_cycle(c.number("cycle_min_lr"), c.number("cycle_max_lr"), options));
           }},
          {"LRRangeTest",
           [](const golden::golden_case& c, golden::tally& t) {
             t.check(c, "deepspeed::lr_range_test",
                     ds::lr_range_test(c.number_or("lr_range_test_min_lr", 1e-3),
                                       c.integer_or("lr_range_test_step_size", 2000),
                                       c.number_or("lr_range_test_step_rate", 1.0),
                                       c.flag_or("lr_range_test_staircase", false)));
           }},
      });
  std::cout << file.system << " " << file.version << ":\n";
  tally.print(std::cout);
}

TEST_CASE("deepspeed schedules lag one step: update 0 and update 1 both get the start value") {
  const auto linear_warmup = ds::warmup_lr(1e-5, 1e-3, 50, ds::warmup_shape::linear);
  CHECK(linear_warmup(0) == 1e-5);
  CHECK(linear_warmup(1) == 1e-5);
  CHECK(linear_warmup(50) < 1e-3);  // (W − 1)/W of the way up
  CHECK(linear_warmup(51) == 1e-3);
  const auto log_warmup = ds::warmup_lr(0.0, 1e-3, 100, ds::warmup_shape::log);
  CHECK(log_warmup(0) == 0.0);
  CHECK(log_warmup(1) == 0.0);
  CHECK(lrsched::test::relative_error(log_warmup(2), 1e-3 * std::log(2.0) / std::log(100.0)) <=
        1e-15);
  CHECK(lrsched::test::relative_error(log_warmup(100), 1e-3) <= 1e-15);
}

TEST_CASE("deepspeed raises a warmup shorter than two steps to two") {
  for (const std::int64_t steps : {0, 1, 2}) {
    const auto s = ds::warmup_lr(0.0, 1.0, steps, ds::warmup_shape::linear);
    CHECK(s(1) == 0.0);
    CHECK(s(2) == 0.5);
    CHECK(s(3) == 1.0);
    const auto d = s.describe();
    CHECK(std::get<std::int64_t>(*d.find("warmup_num_steps")) == steps);
  }
}

TEST_CASE("deepspeed warmup_decay_lr decays to warmup_min_lr one step after total_num_steps") {
  const auto s = ds::warmup_decay_lr(200, 1e-5, 1e-3, 20, ds::warmup_shape::linear);
  CHECK(s(21) == 1e-3);
  CHECK(s(200) > 1e-5);
  CHECK(s(201) == 1e-5);
  CHECK(s(1'000'000) == 1e-5);
  // total_num_steps at or below the warmup: straight down to the minimum after the warmup.
  const auto short_total = ds::warmup_decay_lr(5, 0.0, 1.0, 10, ds::warmup_shape::linear);
  CHECK(short_total(10) == 0.9);
  CHECK(short_total(11) == 0.0);
}

TEST_CASE("deepspeed warmup_cosine_lr starts at 0 and its cosine rises again past the end") {
  const auto s = ds::warmup_cosine_lr(3e-4, 500, 0.1, 50, 0.01, ds::warmup_shape::linear);
  CHECK(s(0) == 0.0);
  CHECK(lrsched::test::relative_error(s(1), 3e-4 * 0.1) <= 1e-15);
  CHECK(s(50) < 3e-4);  // the linear warmup at t − 1 = 49 of 50
  CHECK(s(51) < s(50) + 3e-4 * 0.02);
  CHECK(lrsched::test::relative_error(s(500), 3e-4 * 0.01) <= 1e-13);
  CHECK(s(501) > s(500));
}

TEST_CASE("deepspeed one_cycle peaks after the first step size and decays as inverse time") {
  const auto s = ds::one_cycle(
      1e-4, 1e-3, {.decay_lr_rate = 0.1, .cycle_first_step_size = 100, .decay_step_size = 50});
  CHECK(s(0) == 1e-4);
  CHECK(s(100) == 1e-3);
  CHECK(s(200) == 1e-4);
  CHECK(s(250) == 1e-4 / (1.0 + 0.1 * 1.0));
  const auto flat =
      ds::one_cycle(1e-3, 1e-2, {.cycle_first_step_size = 50, .cycle_second_step_size = 150});
  CHECK(flat(200) == 1e-3);
  CHECK(flat(std::int64_t{1} << 40) == 1e-3);
}

TEST_CASE("deepspeed lr_range_test grows without end, continuously or in stairs") {
  const auto smooth = ds::lr_range_test(1e-4, 100, 1.0, false);
  CHECK(smooth(0) == 1e-4);
  CHECK(smooth(100) == 2e-4);
  CHECK(smooth(250) == 1e-4 * (1.0 + 2.5));
  const auto stairs = ds::lr_range_test(1e-3, 50, 5.0, true);
  CHECK(stairs(49) == 1e-3);
  CHECK(stairs(50) == 1e-3 * 6.0);
  CHECK(stairs(149) == 1e-3 * 11.0);
  for (const auto t : lrsched::test::extreme_steps) {
    CHECK(std::isfinite(smooth(t)));
    CHECK(std::isfinite(stairs(t)));
  }
  CHECK(std::isfinite(ds::lr_range_test(1e300, 1, 1e300)(std::int64_t{1} << 62)));
}

TEST_CASE("the sum of ln(i + 1) over a range matches a compensated loop at any offset") {
  lrsched::test::random_source rng(5150);
  double worst = 0.0;
  for (int i = 0; i < 3000; ++i) {
    const std::int64_t first =
        rng.coin() ? rng.integer(0, 100) : rng.integer(0, std::int64_t{1} << 50);
    const std::int64_t last = first + rng.integer(0, 2000);
    lrsched::detail::compensated_sum reference;
    for (std::int64_t k = first; k < last; ++k)
      reference.add(std::log(static_cast<long double>(k) + 1.0L));
    worst = std::max(worst, lrsched::test::relative_error(
                                lrsched::detail::deepspeed::sum_log_successors(first, last), reference.value()));
  }
  CHECK(worst <= 1e-15);
  // ln(10!) in closed form.
  CHECK(lrsched::test::relative_error(lrsched::detail::deepspeed::sum_log_successors(0, 10),
                                      std::log(3628800.0L)) <= 1e-17);
  CHECK(lrsched::detail::deepspeed::sum_log_successors(7, 7) == 0.0L);
}

TEST_CASE("deepspeed schedules sum in closed form, matching a compensated loop") {
  lrsched::test::random_source rng(31337);
  double worst = 0.0;
  const auto record = [&](const auto& s, std::int64_t first, std::int64_t last) {
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  };
  for (int i = 0; i < 1500; ++i) {
    const double lo = rng.coin() ? 0.0 : rng.log_uniform(1e-7, 1e-4);
    const double hi = lo + rng.log_uniform(1e-5, 1e-1);
    const auto warm = rng.integer(0, 400);
    const auto total = rng.integer(0, 1200);
    const auto type = rng.coin() ? ds::warmup_shape::log : ds::warmup_shape::linear;
    const auto first = rng.integer(-10, 1500);
    const auto last = first + rng.integer(0, 1500);
    record(ds::warmup_lr(lo, hi, warm, type), first, last);
    record(ds::warmup_decay_lr(total, lo, hi, warm, type), first, last);
    record(ds::lr_range_test(hi, rng.integer(1, 300), rng.uniform(0.0, 10.0), rng.coin()), first,
           last);
    record(ds::warmup_cosine_lr(hi, warm + 2 + rng.integer(1, 800), rng.uniform(0.0, 0.5), warm,
                                rng.coin() ? 0.0 : rng.uniform(0.0, 0.2), type),
           first, last);
    record(ds::one_cycle(lo, hi,
                         {.decay_lr_rate = rng.coin() ? 0.0 : rng.uniform(0.0, 2.0),
                          .cycle_first_step_size = rng.integer(1, 300),
                          .cycle_second_step_size = rng.integer(0, 300),
                          .decay_step_size = rng.integer(0, 100)}),
           first, last);
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("deepspeed schedules describe themselves with DeepSpeed's parameter names") {
  const auto d = ds::warmup_decay_lr(1000, 0.0, 1e-3, 100, ds::warmup_shape::log).describe();
  CHECK(d.kind == "deepspeed.warmup_decay_lr");
  REQUIRE(d.parameters.size() == 5);
  CHECK(d.parameters[0].first == "total_num_steps");
  CHECK(d.parameters[1].first == "warmup_min_lr");
  CHECK(d.parameters[2].first == "warmup_max_lr");
  CHECK(d.parameters[3].first == "warmup_num_steps");
  CHECK(d.parameters[4].first == "warmup_type");
  CHECK(std::get<std::string>(d.parameters[4].second) == "log");
  CHECK(ds::lr_range_test().describe().kind == "deepspeed.lr_range_test");
  CHECK(ds::warmup_lr(0.0, 1.0).describe().kind == "deepspeed.warmup_lr");
  CHECK(ds::warmup_cosine_lr(1e-3, 100).describe().kind == "deepspeed.warmup_cosine_lr");
  const auto cycle = ds::one_cycle(1e-4, 1e-3, {.cycle_second_step_size = 500}).describe();
  CHECK(cycle.kind == "deepspeed.one_cycle");
  CHECK(std::get<std::int64_t>(*cycle.find("cycle_second_step_size")) == 500);
  CHECK(cycle.find("cycle_second_stair_count") == nullptr);
}

TEST_CASE("deepspeed schedules reject bad parameters, naming DeepSpeed's parameter") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)ds::warmup_lr(0.0, 1e-3, -4); }, "warmup_num_steps",
                  "deepspeed.warmup_lr: warmup_num_steps must be >= 0, got -4");
  expect_rejected([] { (void)ds::lr_range_test(1e-3, 0); }, "lr_range_test_step_size",
                  "deepspeed.lr_range_test: lr_range_test_step_size must be >= 1, got 0");
  expect_rejected([] { (void)ds::warmup_cosine_lr(1e-3, 100, 0.0, 100); }, "total_num_steps",
                  "deepspeed.warmup_cosine_lr: total_num_steps must be != max(2, "
                  "warmup_num_steps) (DeepSpeed divides by their difference), got 100");
  expect_rejected([] { (void)ds::one_cycle(1e-4, 1e-3, {.decay_lr_rate = -0.1}); }, "decay_lr_rate",
                  "deepspeed.one_cycle: decay_lr_rate must be finite and >= 0, got -0.1");
  CHECK_THROWS_AS(ds::warmup_lr(0.0, std::nan("")), lrsched::invalid_schedule);
  CHECK_THROWS_AS(ds::warmup_decay_lr(-1, 0.0, 1.0), lrsched::invalid_schedule);
  CHECK(!ds::parse_warmup_type("exp").has_value());
  CHECK(ds::parse_warmup_type("linear") == ds::warmup_shape::linear);
}

TEST_CASE("deepspeed schedules are finite at every int64 step") {
  const auto finite_everywhere = [](const auto& s) {
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
  };
  finite_everywhere(ds::warmup_lr(0.0, 1e-3, 100, ds::warmup_shape::log));
  finite_everywhere(ds::warmup_decay_lr(1000, 0.0, 1e-3, 100, ds::warmup_shape::linear));
  finite_everywhere(ds::warmup_cosine_lr(1e-3, 1000, 0.0, 100, 0.0, ds::warmup_shape::log));
  finite_everywhere(ds::one_cycle(1e-4, 1e-3, {.decay_lr_rate = 5.0, .decay_step_size = 1}));
}
