// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/deepspeed.hpp
/// @brief The machinery behind peers/deepspeed.hpp: the peer's own factors and their sums,
/// argument checks and description helpers. Not part of the API.
#ifndef LRSCHED_PEERS_DETAIL_DEEPSPEED_HPP
#define LRSCHED_PEERS_DETAIL_DEEPSPEED_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/inverse_time.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/peer.hpp>

namespace lrsched::detail::deepspeed {

using detail::count;
using detail::reject;

/// The kind of a DeepSpeed peer function: "deepspeed.<function>".
inline std::string kind(std::string_view function) {
  return std::string("deepspeed.").append(function);
}

/// DeepSpeed raises a warmup shorter than 2 steps to 2 (`max(2, warmup_num_steps)`).
inline std::int64_t effective_warmup(std::string_view kind_name, std::int64_t warmup_num_steps) {
  detail::require_steps(kind_name, "warmup_num_steps", warmup_num_steps);
  return std::max<std::int64_t>(2, warmup_num_steps);
}

/// Σ_{i=first}^{last−1} ln(i + 1) = ln(last!) − ln(first!) for 0 <= first <= last, accurate
/// to a few ulps of long double at any int64 range: a loop over the first 32 terms, then the
/// difference of Stirling's series written so that nothing cancels,
///   ln b! − ln a! = m·ln b + (a + ½)·log1p(m/a) − m − m/(12ab) + (b⁻³ − a⁻³)/360 ... ,
/// m = b − a, whose truncation error below 1/(1680·a⁷) is under 1e-14 for a >= 32.
inline long double sum_log_successors(std::int64_t first, std::int64_t last) noexcept {
  constexpr std::int64_t series_from = 32;
  if (last <= first) return 0.0L;
  detail::compensated_sum head;
  for (; first < last && first < series_from; ++first) {
    head.add(std::log(static_cast<long double>(first) + 1.0L));
  }
  if (first == last) return head.value();
  const auto a = static_cast<long double>(first);
  const auto b = static_cast<long double>(last);
  const long double m = count(first, last);
  const long double a3 = a * a * a;
  const long double b3 = b * b * b;
  const long double stirling = m * std::log(b) + (a + 0.5L) * std::log1p(m / a) - m -
                               m / (12.0L * a * b) - (1.0L / b3 - 1.0L / a3) / 360.0L +
                               (1.0L / (b3 * b * b) - 1.0L / (a3 * a * a)) / 1260.0L;
  return head.value() + stirling;
}

/// @brief DeepSpeed's logarithmic warmup as a native piece:
/// s(i) = start + (end − start)·(ln(i + 1)/ln(steps)) for 0 <= i < steps, then
/// start + (end − start) (DeepSpeed's factor 1.0).
///
/// No native family rises logarithmically. The factor is DeepSpeed's own arithmetic,
/// `(1/ln(steps))·ln(i + 1)`, so values agree to the last bit or two. It reaches `end` at
/// i = steps − 1 already. Sum: n·start + (end − start)/ln(steps)·Σ ln(i + 1), the last sum
/// in closed form (`sum_log_successors`), so O(1) at any range.
class log_warmup {
 public:
  /// @param steps DeepSpeed's effective `warmup_num_steps`, >= 2.
  log_warmup(double start_value, double end_value, std::int64_t steps)
      : start_(start_value),
        delta_(end_value - start_value),
        inverse_log_(1.0 / std::log(static_cast<double>(steps))),
        steps_(steps) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t i = detail::clamp_step(step);
    if (i >= steps_) return start_ + delta_ * 1.0;
    return start_ + delta_ * (inverse_log_ * std::log(static_cast<double>(i + 1)));
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const std::int64_t ramp_end = std::min(last, steps_);
    long double total = 0.0L;
    if (first < ramp_end) {
      total +=
          count(first, ramp_end) * static_cast<long double>(start_) +
          static_cast<long double>(delta_) * inverse_log_ * sum_log_successors(first, ramp_end);
    }
    total += count(std::max(first, steps_), last) * static_cast<long double>(start_ + delta_);
    return total;
  }

  [[nodiscard]] std::int64_t length() const noexcept { return steps_; }

  [[nodiscard]] description describe() const {
    return description{kind("log_warmup")}
        .with("start_value", start_)
        .with("end_value", start_ + delta_)
        .with("steps", steps_);
  }

 private:
  double start_;
  double delta_;
  double inverse_log_;
  std::int64_t steps_;
};

/// @brief DeepSpeed's LR range test growth: min_lr·(1 + step_rate·x), x = t/step_size
/// (continuous) or ⌊t/step_size⌋ (staircase), without end.
///
/// No native family grows without bound (a `linear` ramp holds its end value), and the
/// staircase grows arithmetically where the native staircases are geometric. Values are
/// DeepSpeed's arithmetic, capped at the largest double so no int64 step overflows. Sum:
/// arithmetic series (continuous) or whole stairs plus partial ones (staircase), O(1).
class range_test_growth {
 public:
  range_test_growth(double min_lr, std::int64_t step_size, double step_rate, bool staircase)
      : min_lr_(min_lr), step_size_(step_size), step_rate_(step_rate), staircase_(staircase) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    const double interval = staircase_ ? static_cast<double>(t / step_size_)
                                       : static_cast<double>(t) / static_cast<double>(step_size_);
    return std::min(min_lr_ * (1.0 + step_rate_ * interval), detail::max_finite);
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double intervals = staircase_ ? stairs_below(last) - stairs_below(first)
                                             : detail::sum_of_steps(first, last) / step_size_;
    return static_cast<long double>(min_lr_) *
           (count(first, last) + static_cast<long double>(step_rate_) * intervals);
  }

  [[nodiscard]] description describe() const {
    return description{kind("range_test_growth")}
        .with("min_lr", min_lr_)
        .with("step_size", step_size_)
        .with("step_rate", step_rate_)
        .with("staircase", staircase_);
  }

 private:
  /// Σ_{t=0}^{n−1} ⌊t/size⌋ = size·q(q − 1)/2 + q·r, with n = q·size + r.
  [[nodiscard]] long double stairs_below(std::int64_t n) const noexcept {
    const auto q = static_cast<long double>(n / step_size_);
    const auto r = static_cast<long double>(n % step_size_);
    return static_cast<long double>(step_size_) * q * (q - 1.0L) / 2.0L + q * r;
  }

  double min_lr_;
  std::int64_t step_size_;
  double step_rate_;
  bool staircase_;
};

/// DeepSpeed's warmup from `start` to `end` over `steps` (>= 2) before the lag: the log
/// ramp, or a native linear one. Both hold `end` afterwards.
using warmup_ramp = detail::one_of<log_warmup, linear>;

inline warmup_ramp make_warmup_ramp(bool logarithmic, double start, double end,
                                    std::int64_t steps) {
  if (logarithmic) return log_warmup(start, end, steps);
  return linear(start, end, steps);
}

}  // namespace lrsched::detail::deepspeed

#endif  // LRSCHED_PEERS_DETAIL_DEEPSPEED_HPP
