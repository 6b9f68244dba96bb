// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The README's examples, with the values it prints: if one changes, so must the README.
#include <lrsched/lrsched.hpp>

#include <cmath>
#include <cstdio>
#include <string>

#include "catch.hpp"
#include "support.hpp"

namespace {

std::string printed(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace

TEST_CASE("the README's first example prints what the README says") {
  const auto lr = lrsched::warmup(2'000, lrsched::cosine(3e-4, 3e-5, 98'000));
  CHECK(printed("%g", lr(1'000)) == "0.00015");
  CHECK(printed("%g", lr(50'000)) == "0.000169327");
  CHECK(printed("%.6f", lrsched::sum(lr, 0, 100'000)) == "16.469985");
  CHECK(lrsched::test::relative_error(lrsched::sum(lr, 0, 100'000),
                                      lrsched::test::reference_sum(lr, 0, 100'000)) <= 1e-12);
}

TEST_CASE("the README's four-phase schedule in samples runs per step of 512 samples") {
  using namespace lrsched;
  const auto in_samples = chain(linear(0.0, 5e-5, 2'000'000), for_steps(43'000'000, constant(5e-5)),
                                cosine(5e-5, 4.5e-5, 8'000'000),
                                for_steps(3'000'000, constant(2.8e-5)), constant(0.9e-5));
  const auto lr = per_step(in_samples, 512);
  CHECK(lr(0) == 0.0);
  CHECK(lr(45'000'000 / 512) == 5e-5);      // sample 44,999,680: still on the plateau
  CHECK(lr(53'000'000 / 512 + 1) == 2.8e-5);  // sample 53,000,192: first drop
  CHECK(lr(56'000'000 / 512 + 1) == 0.9e-5);
  const std::int64_t steps = 60'000'000 / 512;
  CHECK(lrsched::test::relative_error(sum(lr, 0, steps),
                                      lrsched::test::reference_sum(lr, 0, steps)) <= 1e-12);
}

TEST_CASE("the README's late WSD decay branches off the stable phase") {
  using namespace lrsched;
  const auto run = wsd(3e-4, 2'000, wsd::forever, 20'000, {.decay_shape = wsd_shape::minus_sqrt});
  const auto cooled = run.decay_from(80'000);
  CHECK(cooled(79'999) == 3e-4);
  CHECK(cooled(80'000) == 3e-4);
  CHECK(cooled(100'000) == 0.0);
  // Halfway through the decay the 1 - sqrt(r) weight is 1 - sqrt(1/2).
  CHECK(lrsched::test::relative_error(cooled(90'000), 3e-4 * (1.0 - std::sqrt(0.5))) <= 1e-15);
  for (std::int64_t t = 0; t < 80'000; t += 997) CHECK(cooled(t) == run(t));
}

TEST_CASE("the README's constructor error names the parameter and the value") {
  try {
    (void)lrsched::cosine(1.0, 0.0, -3);
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(std::string(e.what()) == "cosine: steps must be >= 0, got -3");
    CHECK(e.parameter() == "steps");
  }
}
