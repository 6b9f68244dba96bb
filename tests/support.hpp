// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Helpers shared by the tests: relative error, reference sums, seeded randomness.
#ifndef LRSCHED_TESTS_SUPPORT_HPP
#define LRSCHED_TESTS_SUPPORT_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <lrsched/concepts.hpp>
#include <lrsched/detail/numeric.hpp>

namespace lrsched::test {

/// |a - b| / max(|a|, |b|), and 0 when both are 0. With `floor`, absolute
/// differences below it count as 0 (for values that are exactly 0 in one system).
inline double relative_error(long double a, long double b, long double floor = 0.0L) {
  const long double diff = std::fabs(a - b);
  if (diff <= floor) return 0.0;
  const long double scale = std::max(std::fabs(a), std::fabs(b));
  return scale == 0.0L ? 0.0 : static_cast<double>(diff / scale);
}

/// The reference summed LR: a plain loop in long double with compensation.
template <Schedule S>
long double reference_sum(const S& s, std::int64_t first, std::int64_t last) {
  detail::compensated_sum acc;
  for (std::int64_t t = first; t < last; ++t) acc.add(static_cast<long double>(s(t)));
  return acc.value();
}

template <Schedule S>
long double reference_sum_of_squares(const S& s, std::int64_t first, std::int64_t last) {
  detail::compensated_sum acc;
  for (std::int64_t t = first; t < last; ++t) {
    const auto v = static_cast<long double>(s(t));
    acc.add(v * v);
  }
  return acc.value();
}

/// A reproducible generator: each test seeds its own, so a failure replays.
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : engine_(seed) {}
  double uniform(double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(engine_);
  }
  /// log-uniform in [lo, hi], lo > 0: learning rates span decades.
  double log_uniform(double lo, double hi) { return std::exp(uniform(std::log(lo), std::log(hi))); }
  std::int64_t integer(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(engine_);
  }
  bool coin() { return integer(0, 1) == 1; }

 private:
  std::mt19937_64 engine_;
};

/// Steps where int64 arithmetic is most likely to go wrong.
inline constexpr std::int64_t extreme_steps[] = {
    std::numeric_limits<std::int64_t>::min(),
    std::numeric_limits<std::int64_t>::min() + 1,
    -1,
    0,
    1,
    (std::int64_t{1} << 31) - 1,
    std::int64_t{1} << 31,
    std::int64_t{1} << 32,
    std::int64_t{1} << 40,
    std::int64_t{1} << 53,
    (std::int64_t{1} << 53) + 1,
    std::int64_t{1} << 62,
    std::numeric_limits<std::int64_t>::max() - 1,
    std::numeric_limits<std::int64_t>::max(),
};

}  // namespace lrsched::test

#endif  // LRSCHED_TESTS_SUPPORT_HPP
