// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/units.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "catch.hpp"
#include "rejection.hpp"
#include "support.hpp"

using lrsched::batch_ramp;
using lrsched::chain;
using lrsched::constant;
using lrsched::cosine;
using lrsched::for_steps;
using lrsched::in_steps;
using lrsched::linear;
using lrsched::per_step;

namespace {

constexpr auto max_step = std::numeric_limits<std::int64_t>::max();

// Megatron-LM's rampup rule, stepped update by update as its training loop does:
// the batch of an update depends on the samples consumed before it.
struct megatron_simulation {
  std::vector<std::int64_t> consumed;  // before each update
  std::vector<std::int64_t> batch;

  megatron_simulation(std::int64_t start, std::int64_t increment, std::int64_t rampup,
                      std::int64_t global, std::int64_t updates) {
    const double per_increment =
        static_cast<double>(rampup) / static_cast<double>((global - start) / increment);
    std::int64_t c = 0;
    for (std::int64_t i = 0; i < updates; ++i) {
      const std::int64_t b =
          c > rampup ? global
                     : start + static_cast<std::int64_t>(static_cast<double>(c) / per_increment) *
                                   increment;
      consumed.push_back(c);
      batch.push_back(b);
      c += b;
    }
  }
};

}  // namespace

TEST_CASE("per_step evaluates a sample schedule at the samples consumed before each step") {
  const auto in_samples = chain(linear(0.0, 5e-5, 2'000'000), constant(5e-5));
  const auto s = per_step(in_samples, 512);
  CHECK(s(0) == 0.0);
  CHECK(s(1) == in_samples(512));
  CHECK(s(3906) == in_samples(3906 * 512));  // 1'999'872 samples: still warming up
  CHECK(s(3906) < 5e-5);
  CHECK(s(3907) == 5e-5);
  CHECK(s(-3) == 0.0);
  CHECK(s.samples(10) == 5120);
  CHECK(s.samples(max_step) == max_step);
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
}

namespace {

// A 4-phase schedule written in samples: linear warmup to 5e-5 over 2M samples, plateau to
// 45M, cosine to 4.5e-5 by 53M, 2.8e-5 to 56M, then 0.9e-5.
auto four_phase_in_samples() {
  return chain(linear(0.0, 5e-5, 2'000'000), for_steps(43'000'000, constant(5e-5)),
               cosine(5e-5, 4.5e-5, 8'000'000), for_steps(3'000'000, constant(2.8e-5)),
               constant(0.9e-5));
}

}  // namespace

TEST_CASE("a 4-phase sample schedule at 512 samples per step switches at the right steps") {
  const auto in_samples = four_phase_in_samples();
  static_assert(lrsched::ClosedFormStridedSum<decltype(in_samples)>);
  const auto s = per_step(in_samples, 512);
  CHECK(s(0) == 0.0);
  CHECK(s(3'906) < 5e-5);  // 1'999'872 samples
  CHECK(s(3'907) == 5e-5);
  CHECK(s(87'890) == 5e-5);  // 44'999'680 samples: still on the plateau
  CHECK(s(87'891) == in_samples(45'000'192));
  CHECK(s(87'891) < 5e-5);
  CHECK(s(103'515) > 4.5e-5);  // 52'999'680 samples: the cosine's last steps
  CHECK(s(103'516) == 2.8e-5);
  CHECK(s(109'374) == 2.8e-5);
  CHECK(s(109'375) == 0.9e-5);  // exactly 56M samples
  CHECK(s(std::numeric_limits<std::int64_t>::max()) == 0.9e-5);
}

TEST_CASE("the 4-phase sample schedule sums exactly per step, in closed form") {
  const auto s = per_step(four_phase_in_samples(), 512);
  for (const auto& [first, last] : {std::pair<std::int64_t, std::int64_t>{0, 120'000},
                                    {3'000, 4'000},
                                    {87'000, 104'000},
                                    {103'515, 103'517},
                                    {100'000, 109'376}}) {
    CHECK(lrsched::test::relative_error(lrsched::sum(s, first, last),
                                        lrsched::test::reference_sum(s, first, last)) <= 1e-13);
  }
  // With Megatron's batch ramp in front, 32 → 512 over the first 4M samples.
  const auto ramped =
      in_steps(four_phase_in_samples(), batch_ramp::megatron(32, 32, 4'000'000, 512));
  const auto steps = ramped.ramp().steps_for(56'000'000) + 1'000;
  CHECK(lrsched::test::relative_error(lrsched::sum(ramped, 0, steps),
                                      lrsched::test::reference_sum(ramped, 0, steps)) <= 1e-13);
}

TEST_CASE("per_step's length is the first step at or past the sample length") {
  CHECK(per_step(linear(1.0, 0.0, 2'000'000), 512).length() == 3907);
  CHECK(per_step(linear(1.0, 0.0, 2'048'000), 512).length() == 4000);
  CHECK(per_step(linear(1.0, 0.0, 0), 512).length() == 0);
}

TEST_CASE("per_step sums exactly, matching a compensated loop over steps") {
  lrsched::test::random_source rng(512);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const double peak = rng.log_uniform(1e-6, 1e-2);
    const auto warm = rng.integer(0, 50'000);
    const auto hold = rng.integer(0, 200'000);
    const auto decay = rng.integer(0, 300'000);
    const auto in_samples = chain(
        linear(0.0, peak, warm), for_steps(hold, constant(peak)),
        linear(peak, rng.coin() ? 0.0 : peak * rng.uniform(0.0, 1.0), decay), constant(peak / 100));
    const auto s = per_step(in_samples, rng.integer(1, 2048));
    const auto first = rng.integer(-20, 1500);
    const auto last = first + rng.integer(0, 3000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("per_step inside per_step converts samples to tokens and steps to samples") {
  const auto in_tokens = chain(linear(0.0, 3e-4, 1'000'000), linear(3e-4, 3e-5, 9'000'000));
  const auto s = per_step(per_step(in_tokens, 2048), 64);  // 2048 tokens per sample
  CHECK(s(7) == in_tokens(7 * 64 * 2048));
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 200),
                                      lrsched::test::reference_sum(s, 0, 200)) <= 1e-14);
}

TEST_CASE("per_step sums saturate at the int64 maximum instead of overflowing") {
  const auto s = per_step(chain(linear(1.0, 0.5, 1000), constant(0.25)), std::int64_t{1} << 40);
  CHECK(s(std::int64_t{1} << 30) == 0.25);
  CHECK(lrsched::sum(s, max_step - 10, max_step) == 10 * 0.25);
  CHECK(std::isfinite(lrsched::sum(s, std::numeric_limits<std::int64_t>::min(), max_step)));
  CHECK(lrsched::sum(s, 0, 3) == 1.0 + 0.25 + 0.25);
}

TEST_CASE("a batch_ramp counts the samples consumed before each step") {
  // 4 per step below 10 samples, 8 per step below 40, then 16.
  const batch_ramp ramp({{4, 10}, {8, 40}}, 16);
  const std::int64_t expected[] = {0, 4, 8, 12, 20, 28, 36, 44, 60};
  for (std::int64_t step = 0; step < 9; ++step) CHECK(ramp.samples(step) == expected[step]);
  CHECK(ramp.batch_size(2) == 4);  // 8 consumed: still below 10
  CHECK(ramp.batch_size(3) == 8);
  CHECK(ramp.batch_size(7) == 16);
  CHECK(ramp.samples(-1) == 0);
  CHECK(ramp.samples(max_step) == max_step);
  CHECK(ramp.steps_for(0) == 0);
  CHECK(ramp.steps_for(9) == 3);
  CHECK(ramp.steps_for(12) == 3);
  CHECK(ramp.steps_for(13) == 4);
  CHECK(ramp.steps_for(61) == 9);
}

TEST_CASE("a batch_ramp skips a stage whose threshold has already been passed") {
  const batch_ramp ramp({{100, 150}, {8, 180}, {64, 1000}}, 1);
  CHECK(ramp.samples(2) == 200);  // two steps of 100 pass both 150 and 180
  CHECK(ramp.batch_size(2) == 64);
  CHECK(ramp.blocks().size() == 3);
}

TEST_CASE("batch_ramp::megatron switches batch size at the same steps as Megatron-LM") {
  struct config {
    std::int64_t start, increment, rampup, global;
  };
  for (const auto& c : {config{32, 32, 4'900'000, 1024}, config{16, 16, 1'000'000, 1536},
                        config{10, 7, 1'234'567, 73}, config{512, 512, 3, 2048},
                        config{8, 8, 100, 8}, config{1, 1, 999'983, 400}}) {
    const auto ramp = batch_ramp::megatron(c.start, c.increment, c.rampup, c.global);
    const std::int64_t updates = 30'000;
    const megatron_simulation run(c.start, c.increment, c.rampup, c.global, updates);
    std::int64_t mismatches = 0;
    for (std::int64_t i = 0; i < updates; ++i) {
      if (ramp.samples(i) != run.consumed[static_cast<std::size_t>(i)] ||
          ramp.batch_size(i) != run.batch[static_cast<std::size_t>(i)]) {
        ++mismatches;
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("batch_ramp::megatron with nothing to ramp is a fixed batch") {
  CHECK(batch_ramp::megatron(1024, 32, 0, 1024) == batch_ramp(1024));
  CHECK(batch_ramp::megatron(32, 32, 0, 1024) == batch_ramp(1024));
  CHECK(batch_ramp::megatron(64, 8, 1'000, 64).stages().empty());
}

TEST_CASE("steps_for inverts samples") {
  const auto ramp = batch_ramp::megatron(32, 32, 4'900'000, 1024);
  lrsched::test::random_source rng(99);
  for (int i = 0; i < 2000; ++i) {
    const auto x = rng.integer(1, 60'000'000);
    const auto step = ramp.steps_for(x);
    CHECK(ramp.samples(step) >= x);
    CHECK(ramp.samples(step - 1) < x);
  }
}

TEST_CASE("in_steps follows the batch ramp and sums exactly") {
  lrsched::test::random_source rng(2024);
  double worst = 0.0;
  for (int i = 0; i < 1500; ++i) {
    const double peak = rng.log_uniform(1e-6, 1e-2);
    const auto in_samples = chain(
        linear(0.0, peak, rng.integer(0, 40'000)),
        for_steps(rng.integer(0, 80'000), constant(peak)),
        linear(peak, rng.coin() ? 0.0 : peak / 10, rng.integer(0, 200'000)), constant(peak / 10));
    const auto start = rng.integer(1, 16);
    const auto increment = rng.integer(1, 16);
    const auto global = start + increment * rng.integer(0, 12);
    const auto ramp = batch_ramp::megatron(start, increment, rng.integer(0, 100'000), global);
    const auto s = in_steps(in_samples, ramp);
    const auto first = rng.integer(-20, 5000);
    const auto last = first + rng.integer(0, 8000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("in_steps holds from the first step past the schedule's sample length") {
  const auto ramp = batch_ramp::megatron(32, 32, 4'900'000, 1024);
  const auto s = in_steps(linear(1.0, 0.0, 53'000'000), ramp);
  const auto end = s.length();
  CHECK(ramp.samples(end) >= 53'000'000);
  CHECK(ramp.samples(end - 1) < 53'000'000);
  CHECK(s(end) == 0.0);
  CHECK(s(end - 1) > 0.0);
  for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
}

TEST_CASE("unit conversions describe themselves with every parameter") {
  const auto d = per_step(constant(1.0), 512).describe();
  CHECK(d.kind == "per_step");
  CHECK(d.parameters.at(0).first == "samples_per_step");
  CHECK(std::get<std::int64_t>(d.parameters.at(0).second) == 512);
  CHECK(d.children.at(0).first == "schedule");
  const auto e = in_steps(constant(1.0), batch_ramp({{4, 10}, {8, 40}}, 16)).describe();
  CHECK(e.kind == "in_steps");
  CHECK(std::get<std::vector<std::int64_t>>(*e.find("batch_sizes")) ==
        std::vector<std::int64_t>{4, 8});
  CHECK(std::get<std::vector<std::int64_t>>(*e.find("until_samples")) ==
        std::vector<std::int64_t>{10, 40});
  CHECK(std::get<std::int64_t>(*e.find("final_batch_size")) == 16);
}

TEST_CASE("unit conversions reject bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)per_step(constant(1.0), 0); }, "samples_per_step",
                  "per_step: samples_per_step must be >= 1, got 0");
  expect_rejected([] { (void)batch_ramp(0); }, "final_batch_size",
                  "batch_ramp: final_batch_size must be >= 1, got 0");
  expect_rejected(
      [] {
        (void)batch_ramp({{4, 10}, {0, 20}}, 8);
      },
      "stages[1].batch_size", "batch_ramp: stages[1].batch_size must be >= 1, got 0");
  expect_rejected(
      [] {
        (void)batch_ramp({{4, 10}, {8, 5}}, 8);
      },
      "stages[1].until_samples",
      "batch_ramp: stages[1].until_samples must be >= stages[0].until_samples = 10 "
      "(non-decreasing), got 5");
  expect_rejected([] { (void)batch_ramp::megatron(64, 32, 1000, 32); }, "start_batch_size",
                  "batch_ramp: start_batch_size must be <= global_batch_size (32), got 64");
  expect_rejected([] { (void)batch_ramp::megatron(32, 48, 1000, 1024); }, "batch_size_increment",
                  "batch_ramp: batch_size_increment must be a divisor of global_batch_size − "
                  "start_batch_size (992), got 48");
  expect_rejected([] { (void)batch_ramp::megatron(32, 32, -1, 1024); }, "rampup_samples",
                  "batch_ramp: rampup_samples must be >= 0, got -1");
}
