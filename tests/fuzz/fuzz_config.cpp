// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// libFuzzer target: the config loader in every dialect, and what a loaded schedule promises.
//
// The input is parsed with lrsched::parse_config and loaded with load_config in every dialect
// (auto-detected and each one named). Only config_error may come out of loading; anything
// else escapes and crashes the run. A loaded schedule is then evaluated and summed at steps
// that include int64's extremes (values must be finite, sums never NaN), described (fmt),
// written to canonical JSON and reloaded (which must give the same value at every step
// probed and write the same document again). Build: docs/fuzzing.md.
#include <lrsched/dialects.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>
#include <lrsched/sum.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

constexpr std::int64_t probe_steps[] = {
    int64_min,
    -1,
    0,
    1,
    2,
    10,
    100,
    1000,
    12'345,
    std::int64_t{1} << 31,
    (std::int64_t{1} << 53) + 1,
    std::int64_t{1} << 62,
    int64_max - 1,
    int64_max,
};

struct range {
  std::int64_t first, last;
};
// Some shapes (a clamp, for one) sum by a loop, so every range spans at most a few hundred
// steps at non-negative steps; the steps below 0 count as step 0 in O(1).
constexpr range probe_ranges[] = {
    {0, 100},
    {int64_min, 300},
    {int64_max - 100, int64_max},
    {std::int64_t{1} << 40, (std::int64_t{1} << 40) + 100},
};

/// A promise broken: stop here so that libFuzzer keeps the input.
[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "fuzz_config: %s\n", what);
  std::abort();
}

void exercise(const lrsched::any_schedule& s) {
  for (const auto t : probe_steps) {
    if (!std::isfinite(s(t))) broken("a value is not finite");
  }
  for (const auto [first, last] : probe_ranges) {
    if (std::isnan(lrsched::sum(s, first, last))) broken("a sum is NaN");
    if (std::isnan(lrsched::sum_of_squares(s, first, last))) broken("a sum of squares is NaN");
  }
  (void)s.length();
  const std::string line = fmt::format("{}", s);
  if (line.empty()) broken("an empty description");
  // Canonical JSON out and back: nothing may throw here.
  const nlohmann::ordered_json canonical = lrsched::to_ordered_json(s);
  const lrsched::any_schedule reloaded = lrsched::from_json(canonical);
  for (const auto t : probe_steps) {
    if (reloaded(t) != s(t)) broken("the canonical JSON reloads to other values");
  }
  if (lrsched::to_ordered_json(reloaded) != canonical) broken("the canonical JSON is not stable");
  if (fmt::format("{}", reloaded) != line) broken("the reloaded schedule describes otherwise");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<nlohmann::ordered_json> document;
  try {
    document = lrsched::parse_config(text);
  } catch (const lrsched::config_error&) {
    return 0;
  }
  // Half of the inputs (by length) also get what a command line may supply.
  lrsched::load_options options;
  if (size % 2 == 1) {
    options.base_lr = 0.01;
    options.values = {{"total_num_steps", 1000.0},
                      {"warmup_num_steps", 100.0},
                      {"warmup_max_lr", 0.02},
                      {"warmup_min_lr", 0.0},
                      {"lr", 0.005}};
  }
  // Auto-detection and each dialect by name; a detected dialect is exercised once (below,
  // by name), what auto-detection loads must describe the same.
  std::optional<std::string> detected;
  for (const auto& [name, dialect] : lrsched::dialect_names) {
    std::optional<lrsched::any_schedule> s;
    try {
      s = lrsched::load_config(*document, dialect, options);
    } catch (const lrsched::config_error&) {
      continue;
    }
    if (dialect == lrsched::dialect::automatic) {
      detected = fmt::format("{}", *s);
      continue;
    }
    exercise(*s);
    if (detected && *detected == fmt::format("{}", *s)) detected.reset();
  }
  if (detected) broken("auto-detection loads a schedule no named dialect loads");
  return 0;
}
