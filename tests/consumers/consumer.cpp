// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The program every consumer project builds, whichever way it got lrsched: it computes
// with a schedule and exits non-zero on a wrong value, so a consumer that compiles against
// the wrong or incomplete headers fails.
//   LRSCHED_CONSUMER_EXPECTED_VERSION  "M.m.p" the build system found (CMake, pkg-config)
//   LRSCHED_CONSUMER_COMPONENTS        defined when linked against lrsched::json and
//                                      lrsched::fmt: their dependencies must come along, and
//                                      the config loader must load a schedule
//   LRSCHED_CONSUMER_JSON_COMPILED     1: lrsched::json must be the compiled library (its
//                                      headers only declare the loader); 0: header-only
#include <lrsched/lrsched.hpp>

#include <cmath>
#include <cstdio>
#include <string>

#if defined(LRSCHED_CONSUMER_COMPONENTS)
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#if __has_include(<lrsched/json.hpp>)
#include <lrsched/json.hpp>
#endif
#if __has_include(<lrsched/fmt.hpp>)
#include <lrsched/fmt.hpp>
#endif
#endif

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "consumer: FAILED %s\n", what);
    ++failures;
  }
}

bool close(double value, double expected) {
  return std::fabs(value - expected) <= 1e-14 * std::fabs(expected);
}

}  // namespace

int main() {
  // Warmup-stable-decay: 2,000 warmup steps to 3e-4, 80,000 at 3e-4, 18,000 decaying to 0.
  const auto wsd = lrsched::chain(lrsched::linear(0.0, 3e-4, 2'000),
                                  lrsched::for_steps(80'000, lrsched::constant(3e-4)),
                                  lrsched::linear(3e-4, 0.0, 18'000));
  check(close(wsd(1'000), 1.5e-4), "the warmup midpoint is half the peak");
  check(wsd(50'000) == 3e-4, "the stable phase holds the peak");
  check(wsd(100'000) == 0.0 && wsd(1'000'000) == 0.0, "the decay ends at 0 and holds");
  // Σ warmup = 3e-4·1999/2, Σ stable = 80,000·3e-4 = 24, Σ decay = 3e-4·18001/2: 27 in all.
  const double total = lrsched::sum(wsd, 0, 100'000);
  check(std::fabs(total - 27.0) <= 1e-12 * 27.0, "the summed LR of 100,000 steps is 27");

  const std::string header_version = std::to_string(LRSCHED_VERSION_MAJOR) + "." +
                                     std::to_string(LRSCHED_VERSION_MINOR) + "." +
                                     std::to_string(LRSCHED_VERSION_PATCH);
#if defined(LRSCHED_CONSUMER_EXPECTED_VERSION)
  check(header_version == LRSCHED_CONSUMER_EXPECTED_VERSION,
        "the header's version is the package's version");
#endif

#if defined(LRSCHED_CONSUMER_COMPONENTS)
  check(fmt::format("{:.6f}", total) == "27.000000", "fmt formats the summed LR");
  const nlohmann::json report = {{"summed_lr", total}};
  check(report.at("summed_lr").get<double>() == total, "nlohmann_json holds the summed LR");
  // The same schedule from its canonical JSON, through the loader (compiled or inline).
  const auto loaded = lrsched::from_json(lrsched::to_json(wsd));
  check(loaded(1'000) == wsd(1'000) && loaded(99'000) == wsd(99'000),
        "the config loader reloads the schedule");
  check(lrsched::sum(loaded, 0, 100'000) == total, "the reloaded schedule sums the same");
#endif
#if defined(LRSCHED_CONSUMER_JSON_COMPILED)
#if LRSCHED_CONSUMER_JSON_COMPILED != defined(LRSCHED_SEPARATE_COMPILATION)
#error "lrsched::json is not in the mode (compiled or header-only) this consumer expects"
#endif
#endif

  std::printf("lrsched %s: summed LR %.15g over 100000 steps, %d failure(s)\n",
              header_version.c_str(), total, failures);
  return failures == 0 ? 0 : 1;
}
