// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/units.hpp>
#include <lrsched/wsd.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <variant>

#include "catch.hpp"
#include "rejection.hpp"
#include "support.hpp"

using lrsched::wsd;
using lrsched::wsd_shape;
using lrsched::test::random_source;
using lrsched::test::reference_sum;
using lrsched::test::relative_error;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::array<wsd_shape, 4> all_shapes = {wsd_shape::linear, wsd_shape::cosine,
                                                 wsd_shape::minus_sqrt, wsd_shape::exponential};

// The decay coefficient of Megatron-LM's get_lr for lr_decay_style WSD, r in [0, 1].
double megatron_coefficient(wsd_shape shape, double r) {
  switch (shape) {
    case wsd_shape::linear:
      return 1.0 - r;
    case wsd_shape::cosine:
      return 0.5 * (std::cos(std::numbers::pi * r) + 1.0);
    case wsd_shape::exponential:
      return 2.0 * std::pow(0.5, r) - 1.0;
    case wsd_shape::minus_sqrt:
      return 1.0 - std::sqrt(r);
  }
  return 0.0;
}

// Megatron-LM's WSD learning rate at num_steps = t (optimizer_param_scheduler.get_lr).
double megatron_wsd(double init_lr, double max_lr, double min_lr, std::int64_t warmup,
                    std::int64_t decay_steps, std::int64_t wsd_decay_steps, wsd_shape style,
                    std::int64_t t) {
  if (warmup > 0 && t <= warmup) {
    return init_lr + (max_lr - init_lr) * static_cast<double>(t) / static_cast<double>(warmup);
  }
  if (t > decay_steps) return min_lr;
  const std::int64_t anneal_start = decay_steps - wsd_decay_steps;
  const double coefficient =
      t <= anneal_start ? 1.0
                        : megatron_coefficient(style, static_cast<double>(t - anneal_start) /
                                                          static_cast<double>(wsd_decay_steps));
  return min_lr + coefficient * (max_lr - min_lr);
}

// HF transformers' _get_wsd_scheduler_lambda times the base LR (num_cycles = 0.5).
double huggingface_wsd(double base_lr, std::int64_t warmup, std::int64_t stable, std::int64_t decay,
                       wsd_shape warmup_type, wsd_shape decay_type, double min_lr_ratio,
                       std::int64_t t) {
  const auto factor_of = [](wsd_shape type, double progress, bool rising) {
    switch (type) {
      case wsd_shape::linear:
        return rising ? progress : 1.0 - progress;
      case wsd_shape::cosine:
        return rising ? 0.5 * (1.0 - std::cos(std::numbers::pi * progress))
                      : 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
      default:  // "1-sqrt"
        return rising ? 1.0 - std::sqrt(1.0 - progress) : 1.0 - std::sqrt(progress);
    }
  };
  if (t < warmup) {
    const double progress =
        static_cast<double>(t) / static_cast<double>(std::max<std::int64_t>(1, warmup));
    const double factor = factor_of(warmup_type, progress, true);
    return base_lr * std::max(0.0, factor * (1.0 - min_lr_ratio) + min_lr_ratio);
  }
  if (t < warmup + stable) return base_lr;
  if (t < warmup + stable + decay) {
    const double progress = static_cast<double>(t - warmup - stable) /
                            static_cast<double>(std::max<std::int64_t>(1, decay));
    const double factor = factor_of(decay_type, progress, false);
    return base_lr * std::max(0.0, factor * (1.0 - min_lr_ratio) + min_lr_ratio);
  }
  return base_lr * min_lr_ratio;
}

wsd random_wsd(random_source& rng, wsd_shape decay_shape, std::int64_t max_decay) {
  const double peak = rng.log_uniform(1e-6, 1.0);
  return wsd(peak, rng.integer(0, 2000), rng.integer(0, 2000), rng.integer(0, max_decay),
             {.final_value = rng.coin() ? 0.0 : peak * rng.uniform(0.0, 1.0),
              .warmup_start_value = rng.coin() ? 0.0 : peak * rng.uniform(0.0, 0.5),
              .decay_shape = decay_shape,
              .warmup_shape = all_shapes[static_cast<std::size_t>(rng.integer(0, 3))]});
}

}  // namespace

TEST_CASE("wsd phases meet exactly at their boundaries, for every shape") {
  for (const auto shape : all_shapes) {
    const wsd s(3e-4, 100, 800, 100,
                {.final_value = 3e-5,
                 .warmup_start_value = 1e-6,
                 .decay_shape = shape,
                 .warmup_shape = shape});
    CHECK(s(-5) == 1e-6);
    CHECK(s(0) == 1e-6);
    CHECK(s(1) > 1e-6);
    CHECK(s(99) < 3e-4);
    CHECK(s(100) == 3e-4);
    CHECK(s(899) == 3e-4);
    CHECK(s(900) == 3e-4);
    CHECK(s(901) < 3e-4);
    CHECK(s(999) > 3e-5);
    CHECK(s(1000) == 3e-5);
    CHECK(s(int64_max) == 3e-5);
    CHECK(s.length() == 1000);
    CHECK(s.decay_start() == 900);
    for (std::int64_t t = 1; t < 1000; ++t) {
      if (t < 100) CHECK(s(t) >= s(t - 1));
      if (t > 900) CHECK(s(t) <= s(t - 1));
    }
  }
}

TEST_CASE("wsd decays to zero with full relative precision at its last step") {
  // 1 − g(r) cancels in the textbook forms; here the last decay step keeps its digits.
  const std::int64_t n = 1'000'000'000;
  CHECK(relative_error(wsd(1.0, 0, 0, n)(n - 1), 1e-9L) <= 1e-15);
  CHECK(relative_error(wsd(1.0, 0, 0, n, {.decay_shape = wsd_shape::cosine})(n - 1),
                       std::pow(std::sin(std::numbers::pi / 2e9), 2)) <= 1e-14);
  CHECK(relative_error(wsd(1.0, 0, 0, n, {.decay_shape = wsd_shape::minus_sqrt})(n - 1),
                       1e-9L / (1.0L + std::sqrt(1.0L - 1e-9L))) <= 1e-15);
  CHECK(relative_error(wsd(1.0, 0, 0, n, {.decay_shape = wsd_shape::exponential})(n - 1),
                       std::expm1(std::log(2.0L) * 1e-9L)) <= 1e-15);
}

TEST_CASE("wsd with zero-length phases skips them") {
  const wsd no_warmup(1.0, 0, 5, 10, {.final_value = 0.5});
  CHECK(no_warmup(0) == 1.0);
  const wsd no_stable(1.0, 4, 0, 10, {.final_value = 0.5});
  CHECK(no_stable(4) == 1.0);
  CHECK(no_stable(5) < 1.0);
  const wsd no_decay(1.0, 4, 6, 0, {.final_value = 0.5});
  CHECK(no_decay(9) == 1.0);
  CHECK(no_decay(10) == 0.5);
  CHECK(no_decay.length() == 10);
  const wsd nothing(1.0, 0, 0, 0, {.final_value = 0.5});
  CHECK(nothing(0) == 0.5);
  CHECK(lrsched::sum(nothing, 0, 10) == 5.0);
  const wsd one_step(1.0, 1, 0, 1, {.final_value = 0.5});
  CHECK(one_step(0) == 0.0);
  CHECK(one_step(1) == 1.0);
  CHECK(one_step(2) == 0.5);
}

TEST_CASE("wsd reproduces Megatron-LM's WSD styles") {
  struct config {
    std::int64_t warmup, decay_iters, wsd_decay_iters;
    double init, max, min;
  };
  double worst = 0.0;
  for (const auto style : all_shapes) {
    for (const auto& c : {config{10, 100, 20, 0.0, 1e-3, 1e-5}, config{0, 100, 25, 0.0, 3e-4, 3e-5},
                          config{2000, 500'000, 50'000, 1e-7, 3e-4, 0.0},
                          config{7, 1'000, 993, 1e-6, 1e-3, 1e-4}}) {
      const wsd s(c.max, c.warmup, c.decay_iters - c.wsd_decay_iters - c.warmup, c.wsd_decay_iters,
                  {.final_value = c.min, .warmup_start_value = c.init, .decay_shape = style});
      for (std::int64_t t = 0; t <= c.decay_iters + 10; t += 1 + c.decay_iters / 5000) {
        const double expected = megatron_wsd(c.init, c.max, c.min, c.warmup, c.decay_iters,
                                             c.wsd_decay_iters, style, t);
        worst = std::max(worst, relative_error(s(t), expected, 1e-15L * c.max));
      }
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("wsd reproduces HF's get_wsd_schedule warmup and decay types") {
  double worst = 0.0;
  const std::array<wsd_shape, 3> hf_types = {wsd_shape::linear, wsd_shape::cosine,
                                             wsd_shape::minus_sqrt};
  for (const auto warmup_type : hf_types) {
    for (const auto decay_type : hf_types) {
      for (const double ratio : {0.0, 0.1}) {
        const double base = 1e-3;
        const wsd s(base, 20, 50, 40,
                    {.final_value = ratio * base,
                     .warmup_start_value = ratio * base,
                     .decay_shape = decay_type,
                     .warmup_shape = warmup_type});
        for (std::int64_t t = 0; t < 130; ++t) {
          worst = std::max(
              worst, relative_error(
                         s(t), huggingface_wsd(base, 20, 50, 40, warmup_type, decay_type, ratio, t),
                         1e-15L * base));
        }
      }
    }
  }
  CHECK(worst <= 1e-12);
}

TEST_CASE("wsd sums in closed form for every shape, matching a compensated loop") {
  random_source rng(20240601);
  for (const auto shape : all_shapes) {
    double worst = 0.0;
    for (int i = 0; i < 1500; ++i) {
      const wsd s = random_wsd(rng, shape, rng.coin() ? 300 : 30'000);
      const auto first = rng.integer(-20, s.length() + 20);
      const auto last = first + rng.integer(0, 40'000);
      worst = std::max(worst, relative_error(lrsched::sum(s, first, last),
                                             reference_sum(s, first, last), 1e-290L));
    }
    INFO("shape " << to_string(shape));
    CHECK(worst <= 1e-12);
  }
}

TEST_CASE("wsd strided sums match every term added up, for every shape") {
  random_source rng(77);
  for (const auto shape : all_shapes) {
    double worst = 0.0;
    for (int i = 0; i < 1500; ++i) {
      const wsd s = random_wsd(rng, shape, 30'000);
      const auto first = rng.integer(-20, s.length() + 20);
      const auto last = first + rng.integer(0, 200'000);
      const auto stride = rng.integer(1, 1024);
      lrsched::detail::compensated_sum expected;
      for (std::int64_t t = first; t < last; t += stride) expected.add(s(t));
      worst = std::max(worst, relative_error(lrsched::sum_strided(s, first, last, stride),
                                             expected.value(), 1e-290L));
    }
    INFO("shape " << to_string(shape));
    CHECK(worst <= 1e-12);
  }
}

TEST_CASE("wsd sums the last steps of a long decay to zero without cancellation") {
  for (const auto shape : all_shapes) {
    for (const std::int64_t n :
         {std::int64_t{1'000'000}, std::int64_t{1} << 40, std::int64_t{1} << 61}) {
      const wsd s(3e-4, 0, 0, n, {.decay_shape = shape});
      for (const std::int64_t tail : {1, 2, 65, 5'000}) {
        INFO("shape " << to_string(shape) << " steps " << n << " tail " << tail);
        CHECK(relative_error(lrsched::sum(s, n - tail, n), reference_sum(s, n - tail, n)) <= 1e-13);
        CHECK(relative_error(lrsched::sum(s, 0, tail), reference_sum(s, 0, tail)) <= 1e-13);
        CHECK(relative_error(lrsched::sum(s, n / 3, n / 3 + tail),
                             reference_sum(s, n / 3, n / 3 + tail)) <= 1e-13);
      }
    }
  }
}

TEST_CASE("whole decays sum to independent closed forms over a trillion steps") {
  // Σ_{k<n} g(k/n) for a decay from 1 to 0, from formulas that share nothing with wsd's:
  // linear and cosine (n + 1)/2; exponential 1/(1 − 2^{−1/n}) − n = n(1/ln2 − 1) + ½ +
  // ln2/(12n) − ...; minus_sqrt n − Σ√k/√n = n/3 + ½ − ζ(−½)/√n − 1/(24n) + O(n^{−5/2})
  // (the Hurwitz zeta asymptotics of Σ√k, ζ(−½) = −0.2078862249773545660...).
  const long double ln2 = std::log(2.0L);
  const long double zeta = -0.2078862249773545660173067253970493022262L;
  for (const std::int64_t n : {std::int64_t{1'000'000}, std::int64_t{1'000'000'000'000}}) {
    const auto nn = static_cast<long double>(n);
    const auto total = [&](wsd_shape shape) {
      return wsd(1.0, 0, 0, n, {.decay_shape = shape}).sum(0, n);
    };
    CHECK(relative_error(total(wsd_shape::linear), (nn + 1.0L) / 2.0L) <= 1e-17);
    CHECK(relative_error(total(wsd_shape::cosine), (nn + 1.0L) / 2.0L) <= 1e-17);
    CHECK(relative_error(total(wsd_shape::exponential),
                         nn * (1.0L / ln2 - 1.0L) + 0.5L + ln2 / (12.0L * nn)) <= 1e-17);
    CHECK(relative_error(total(wsd_shape::minus_sqrt),
                         nn / 3.0L + 0.5L - zeta / std::sqrt(nn) - 1.0L / (24.0L * nn)) <= 1e-17);
  }
}

TEST_CASE("a wsd run of a million steps sums in O(pieces), matching a compensated loop") {
  for (const auto shape : all_shapes) {
    const wsd s(3e-4, 20'000, 700'000, 280'000,
                {.final_value = 3e-6,
                 .warmup_start_value = 0.0,
                 .decay_shape = shape,
                 .warmup_shape = wsd_shape::linear});
    CHECK(relative_error(lrsched::sum(s, 0, 1'000'000), reference_sum(s, 0, 1'000'000)) <= 1e-14);
    // Over 2^62 steps the same four closed forms answer at once.
    const long double whole = lrsched::sum(s, 0, std::int64_t{1} << 62);
    CHECK(relative_error(whole, lrsched::sum(s, 0, 1'000'000) +
                                    3e-6L * static_cast<long double>((std::int64_t{1} << 62) -
                                                                     1'000'000)) <= 1e-15);
  }
}

TEST_CASE("decay_from branches a decay off any step of the stable phase") {
  const wsd run(3e-4, 2'000, wsd::forever, 20'000,
                {.final_value = 0.0, .decay_shape = wsd_shape::minus_sqrt});
  CHECK_FALSE(run.decays());
  CHECK(run(int64_max) == 3e-4);
  CHECK(run.length() == int64_max);
  for (const std::int64_t branch :
       {std::int64_t{2'000}, std::int64_t{150'000}, std::int64_t{1} << 50}) {
    const wsd cooled = run.decay_from(branch);
    const wsd built(3e-4, 2'000, branch - 2'000, 20'000,
                    {.final_value = 0.0, .decay_shape = wsd_shape::minus_sqrt});
    for (const std::int64_t t : {std::int64_t{0}, std::int64_t{1'999}, branch - 1, branch,
                                 branch + 1, branch + 19'999, branch + 20'000, int64_max}) {
      CHECK(cooled(t) == built(t));
      if (t < branch) CHECK(cooled(t) == run(t));
    }
    CHECK(cooled.length() == branch + 20'000);
    CHECK(lrsched::sum(cooled, 0, branch) == lrsched::sum(run, 0, branch));
  }
  const wsd short_cooldown = run.decay_from(10'000, 500);
  CHECK(short_cooldown(10'499) > 0.0);
  CHECK(short_cooldown(10'500) == 0.0);
  // A planned decay can be brought forward, not postponed.
  const wsd planned(1.0, 10, 100, 50);
  CHECK(planned.decay_from(110)(109) == 1.0);
  lrsched::test::expect_rejected([&] { (void)planned.decay_from(111); }, "step",
                                 "wsd: step must be <= the decay start (110) to branch a decay off "
                                 "the stable phase, got 111");
  lrsched::test::expect_rejected([&] { (void)planned.decay_from(9); }, "step",
                                 "wsd: step must be >= warmup_steps (10) to branch a decay off the "
                                 "stable phase, got 9");
}

TEST_CASE("wsd is finite at every int64 step and sums over the whole range") {
  for (const auto shape : all_shapes) {
    const wsd s(1.0, 1'000, std::int64_t{1} << 61, std::int64_t{1} << 61,
                {.final_value = 0.0, .decay_shape = shape, .warmup_shape = shape});
    for (const auto t : lrsched::test::extreme_steps) CHECK(std::isfinite(s(t)));
    CHECK(std::isfinite(lrsched::sum(s, std::numeric_limits<std::int64_t>::min(), int64_max)));
  }
}

TEST_CASE("wsd describes itself with every parameter, shapes by name") {
  const auto d = wsd(3e-4, 10, 20, 30,
                     {.final_value = 1e-5,
                      .warmup_start_value = 1e-6,
                      .decay_shape = wsd_shape::exponential,
                      .warmup_shape = wsd_shape::cosine})
                     .describe();
  CHECK(d.kind == "wsd");
  REQUIRE(d.parameters.size() == 8);
  const char* names[] = {"peak_value",  "warmup_steps",       "stable_steps", "decay_steps",
                         "final_value", "warmup_start_value", "decay_shape",  "warmup_shape"};
  for (std::size_t i = 0; i < 8; ++i) CHECK(d.parameters[i].first == names[i]);
  CHECK(std::get<std::string>(*d.find("decay_shape")) == "exponential");
  CHECK(std::get<std::string>(*d.find("warmup_shape")) == "cosine");
  CHECK(std::get<std::int64_t>(*d.find("stable_steps")) == 20);
  CHECK(to_string(wsd_shape::minus_sqrt) == "minus_sqrt");
}

TEST_CASE("wsd rejects bad parameters, naming them") {
  using lrsched::test::expect_rejected;
  expect_rejected([] { (void)wsd(NAN, 1, 1, 1); }, "peak_value",
                  "wsd: peak_value must be finite, got nan");
  expect_rejected([] { (void)wsd(1.0, -1, 1, 1); }, "warmup_steps",
                  "wsd: warmup_steps must be >= 0, got -1");
  expect_rejected([] { (void)wsd(1.0, 1, -2, 1); }, "stable_steps",
                  "wsd: stable_steps must be >= 0, got -2");
  expect_rejected([] { (void)wsd(1.0, 1, 1, -3); }, "decay_steps",
                  "wsd: decay_steps must be >= 0, got -3");
  expect_rejected([] { (void)wsd(1.0, 1, 1, 1, {.final_value = INFINITY}); }, "final_value",
                  "wsd: final_value must be finite, got inf");
  expect_rejected([] { (void)wsd(1.0, 1, 1, 1, {.warmup_start_value = NAN}); },
                  "warmup_start_value", "wsd: warmup_start_value must be finite, got nan");
  expect_rejected([] { (void)wsd(1.0, 10, int64_max - 5, 1); }, "stable_steps",
                  "wsd: stable_steps must be small enough that warmup_steps + stable_steps fits "
                  "in int64 (or wsd::forever), got 9223372036854775802");
  expect_rejected([] { (void)wsd(1.0, 10, 10, int64_max - 5); }, "decay_steps",
                  "wsd: decay_steps must be small enough that warmup_steps + stable_steps + "
                  "decay_steps fits in int64, got 9223372036854775802");
}

TEST_CASE("a wsd written in samples sums exactly per optimizer step") {
  // Megatron-style: warmup and decay in samples, a batch ramp in front.
  const wsd in_samples(3e-4, 2'000'000, 40'000'000, 10'000'000,
                       {.final_value = 3e-5, .decay_shape = wsd_shape::minus_sqrt});
  const auto s =
      lrsched::in_steps(in_samples, lrsched::batch_ramp::megatron(32, 32, 4'000'000, 512));
  const std::int64_t steps = s.length() + 100;
  CHECK(relative_error(lrsched::sum(s, 0, steps), reference_sum(s, 0, steps)) <= 1e-13);
}
