// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file wsd.hpp
/// @brief `wsd`: warmup-stable-decay, with the decay branched off any step of the
/// stable phase without rebuilding the run.
#ifndef LRSCHED_WSD_HPP
#define LRSCHED_WSD_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>

#include <lrsched/description.hpp>
#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/geometric.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/detail/sqrt_sum.hpp>
#include <lrsched/strided_sum.hpp>

namespace lrsched {

/// @brief The shape of a WSD decay (and of its warmup, played backwards).
///
/// Each is a weight g(r) falling from g(0) = 1 to g(1) = 0 over the phase, r = k/n:
/// - `linear`: g = 1 − r.
/// - `cosine`: g = ½(1 + cos πr) = cos²(πr/2).
/// - `minus_sqrt`: g = 1 − √r (Megatron-LM's "minus_sqrt", HF's "1-sqrt").
/// - `exponential`: g = 2·0.5^r − 1 = 2^{1−r} − 1 (Megatron-LM's "exponential").
enum class wsd_shape { linear, cosine, minus_sqrt, exponential };

/// @brief The snake_case name of a shape ("linear", "cosine", "minus_sqrt", "exponential").
inline constexpr std::string_view wsd_shape_names[] = {"linear", "cosine", "minus_sqrt",
                                                       "exponential"};
[[nodiscard]] constexpr std::string_view to_string(wsd_shape shape) noexcept {
  return detail::enum_name(shape, wsd_shape_names);
}

namespace detail {

inline constexpr long double ln2_ld = 0.693147180559945309417232121458176568L;

/// g(k/n) and its complement 1 − g(k/n) of a WSD shape, each with full relative
/// precision where it approaches 0, for 0 <= k <= n, n >= 1.
[[nodiscard]] inline weight_pair<double> wsd_weights(wsd_shape shape, std::int64_t k,
                                                     std::int64_t n) noexcept {
  if (k <= 0) return {1.0, 0.0};
  if (k >= n) return {0.0, 1.0};
  const auto kk = static_cast<double>(k);
  const auto nn = static_cast<double>(n);
  switch (shape) {
    case wsd_shape::linear:
      return {static_cast<double>(n - k) / nn, kk / nn};
    case wsd_shape::cosine:
      return cosine_weight_pair(kk, static_cast<double>(n - k), nn);
    case wsd_shape::minus_sqrt: {
      // 1 − √r = (1 − r)/(1 + √r): no cancellation near r = 1.
      const double root = std::sqrt(kk / nn);
      return {static_cast<double>(n - k) / nn / (1.0 + root), root};
    }
    case wsd_shape::exponential: {
      // 2^{1−r} − 1 = expm1(ln2·(n − k)/n); 1 − g = 2 − 2^{1−r} = −2·expm1(−ln2·k/n).
      const auto ln2 = static_cast<double>(ln2_ld);
      return {std::expm1(ln2 * static_cast<double>(n - k) / nn), -2.0 * std::expm1(-ln2 * kk / nn)};
    }
  }
  return {1.0, 0.0};
}

/// Σ g and Σ (1 − g) over the progression k = k0, k0 + stride, ..., m terms, all in
/// [0, n], n >= 1.
[[nodiscard]] inline weight_pair<long double> wsd_weight_progression_sums(wsd_shape shape,
                                                                          std::int64_t k0,
                                                                          std::int64_t stride,
                                                                          std::int64_t m,
                                                                          std::int64_t n) noexcept {
  weight_pair<long double> sums{0.0L, 0.0L};
  if (m <= 0) return sums;
  const auto count_m = static_cast<long double>(m);
  const auto sigma = static_cast<long double>(stride);
  const auto nn = static_cast<long double>(n);
  const long double k_last = static_cast<long double>(k0) + (count_m - 1.0L) * sigma;
  switch (shape) {
    case wsd_shape::linear: {
      // Σ (n − k) = m (n − k_last) + σ m(m−1)/2 and Σ k = m k0 + σ m(m−1)/2, over n.
      const long double spread = sigma * count_m * (count_m - 1.0L) / 2.0L;
      sums.weight = (count_m * (nn - k_last) + spread) / nn;
      sums.complement = (count_m * static_cast<long double>(k0) + spread) / nn;
      return sums;
    }
    case wsd_shape::exponential: {
      // g = expm1(c j), j = n − k ascending from n − k_last; 1 − g = −2 expm1(−c k).
      const long double c = ln2_ld / nn;
      sums.weight = expm1_progression_sum(c * (nn - k_last), c * sigma, count_m);
      sums.complement =
          -2.0L * expm1_progression_sum(-c * static_cast<long double>(k0), -c * sigma, count_m);
      return sums;
    }
    case wsd_shape::minus_sqrt: {
      // g = (√n − √k)/√n and 1 − g = √k/√n.
      const auto sqrt_part =
          sqrt_progression_sums(nn, static_cast<long double>(k0), sigma, count_m);
      const long double root_n = std::sqrt(nn);
      sums.weight = sqrt_part.gaps / root_n;
      sums.complement = sqrt_part.roots / root_n;
      return sums;
    }
    case wsd_shape::cosine:
      sums.weight = cosine_weight_progression_sum(k0, stride, m, n, false);
      sums.complement = cosine_weight_progression_sum(k0, stride, m, n, true);
      return sums;
  }
  return sums;
}

}  // namespace detail

/// @brief The optional parts of a `wsd` schedule, with designated initializers:
/// `{.final_value = 3e-5, .decay_shape = lrsched::wsd_shape::minus_sqrt}`.
struct wsd_options {
  /// The value the decay reaches at its end and holds (Megatron's min_lr; HF's
  /// min_lr_ratio × the peak).
  double final_value = 0.0;
  /// The value at step 0, where the warmup starts (Megatron's init_lr; HF starts at
  /// min_lr_ratio × the peak).
  double warmup_start_value = 0.0;
  wsd_shape decay_shape = wsd_shape::linear;
  /// The warmup is this shape played backwards, from warmup_start_value up to the peak.
  wsd_shape warmup_shape = wsd_shape::linear;
};

/// @brief Warmup-stable-decay: a ramp up to the peak, the peak held, a decay to the final
/// value, then the final value held.
///
/// With W = warmup_steps, S = stable_steps, D = decay_steps, B = W + S (the decay start):
/// - t < W: start + (peak − start)·g_w((W − t)/W) (the warmup shape played backwards:
///   s(0) = start, reaching the peak at W);
/// - W <= t < B: peak;
/// - B <= t < B + D: final + (peak − final)·g_d((t − B)/D), written as peak·g + final·(1 − g)
///   with both weights accurate near 0, so s(B) = peak exactly and a decay to 0 keeps full
///   relative precision to its last step;
/// - t >= B + D: final.
/// Zero-length phases are skipped (D = 0 drops to the final value at B). `stable_steps =
/// wsd::forever` leaves the stable phase open: the run holds the peak at every int64
/// step until a decay is branched off with `decay_from`.
///
/// **Branching.** `decay_from(step)` returns the same run decaying from `step` on (any step
/// of the stable phase, W <= step <= B): identical values before `step`, the same decay
/// shape and length after it — the "cooldown from any checkpoint" of WSD training, with
/// no rebuilding and a closed-form sum for every branch.
///
/// Covers Megatron-LM `--lr-decay-style WSD` (B + D = lr_decay_iters, D = wsd_decay_iters,
/// `--lr-wsd-decay-style linear | cosine | exponential | minus_sqrt`, init_lr as the warmup
/// start, min_lr as the final value), HF `get_wsd_schedule` (warmup_type and decay_type
/// linear | cosine | 1-sqrt, start and final = min_lr_ratio × peak; num_cycles = 0.5),
/// MiniCPM's WSD and the cooldown schedules of scaling-law studies.
///
/// Sum: O(1) closed forms per phase, also over every `stride`-th step (`sum_strided`, for
/// schedules written in samples): linear, an arithmetic series; cosine, the Dirichlet
/// kernel of detail/cosine_sum.hpp;
/// exponential, a geometric series minus its count, in expm1 form so the terms near 0
/// keep their precision; minus_sqrt, Σ√k and Σ(√n − √k) by the midpoint Euler–Maclaurin
/// formula, the latter in a form that does not cancel where 1 − √r nears 0.
///
/// @code
/// lrsched::wsd run(3e-4, 2'000, lrsched::wsd::forever, 20'000,
///                  {.decay_shape = lrsched::wsd_shape::minus_sqrt});
/// auto cooled = run.decay_from(150'000);  // identical up to 150k, 0 from 170k on
/// @endcode
class wsd {
 public:
  /// `stable_steps` for a stable phase that never ends (until `decay_from`).
  static constexpr std::int64_t forever = std::numeric_limits<std::int64_t>::max();

  /// @param peak_value the value of the stable phase; finite.
  /// @param warmup_steps the length of the warmup; >= 0.
  /// @param stable_steps the length of the stable phase; >= 0, or `wsd::forever`.
  /// @param decay_steps the length of the decay; >= 0. warmup + stable + decay must fit
  ///        in int64 unless the stable phase is open.
  /// @param options final_value and warmup_start_value (finite), the two shapes.
  wsd(double peak_value, std::int64_t warmup_steps, std::int64_t stable_steps,
      std::int64_t decay_steps, wsd_options options = {})
      : peak_(detail::require_finite("wsd", "peak_value", peak_value)),
        warmup_steps_(detail::require_steps("wsd", "warmup_steps", warmup_steps)),
        stable_steps_(detail::require_steps("wsd", "stable_steps", stable_steps)),
        decay_steps_(detail::require_steps("wsd", "decay_steps", decay_steps)),
        final_(detail::require_finite("wsd", "final_value", options.final_value)),
        start_(detail::require_finite("wsd", "warmup_start_value", options.warmup_start_value)),
        decay_shape_(options.decay_shape),
        warmup_shape_(options.warmup_shape) {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    if (stable_steps_ == forever) {
      decay_start_ = max;
      decay_end_ = max;
      return;
    }
    if (stable_steps_ > max - warmup_steps_) {
      detail::reject("wsd", "stable_steps",
                     "small enough that warmup_steps + stable_steps fits in int64 (or "
                     "wsd::forever)",
                     stable_steps_);
    }
    decay_start_ = warmup_steps_ + stable_steps_;
    if (decay_steps_ > max - decay_start_) {
      detail::reject("wsd", "decay_steps",
                     "small enough that warmup_steps + stable_steps + decay_steps fits in int64",
                     decay_steps_);
    }
    decay_end_ = decay_start_ + decay_steps_;
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if (t < warmup_steps_) return ramp(warmup_shape_, start_, warmup_steps_ - t, warmup_steps_);
    if (!decays() || t < decay_start_) return peak_;
    if (t < decay_end_) return ramp(decay_shape_, final_, t - decay_start_, decay_steps_);
    return final_;
  }

  /// Σ over [first, last): one closed form per phase.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return sum_strided(first, last, 1);
  }

  /// Σ over t = first, first + stride, ... below last: one closed form per phase.
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    long double total = 0.0L;
    const auto phase = [&](std::int64_t begin, std::int64_t end, auto&& add) {
      const std::int64_t from =
          detail::progression_at_or_after(first, stride, std::max(first, begin));
      const std::int64_t to = std::min(last, end);
      if (from >= to) return;
      add(from, static_cast<std::int64_t>(detail::progression_count(from, to, stride)));
    };
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    phase(0, warmup_steps_, [&](std::int64_t from, std::int64_t terms) {
      // k = W − t runs down from W − from; as a progression it starts at its smallest.
      const std::int64_t k_low = warmup_steps_ - (from + (terms - 1) * stride);
      total += ramp_sum(warmup_shape_, start_, k_low, stride, terms, warmup_steps_);
    });
    phase(warmup_steps_, decays() ? decay_start_ : max, [&](std::int64_t, std::int64_t terms) {
      total += static_cast<long double>(terms) * static_cast<long double>(peak_);
    });
    if (!decays()) return total;
    phase(decay_start_, decay_end_, [&](std::int64_t from, std::int64_t terms) {
      total += ramp_sum(decay_shape_, final_, from - decay_start_, stride, terms, decay_steps_);
    });
    phase(decay_end_, max, [&](std::int64_t, std::int64_t terms) {
      total += static_cast<long double>(terms) * static_cast<long double>(final_);
    });
    return total;
  }

  /// @brief The same run with its decay starting at `step` (same decay length, shape and
  /// final value): identical values before `step`.
  /// @throws invalid_schedule unless warmup_steps <= step <= decay_start().
  [[nodiscard]] wsd decay_from(std::int64_t step) const { return decay_from(step, decay_steps_); }

  /// @brief The same run with a decay of `decay_steps` steps starting at `step`.
  /// @throws invalid_schedule unless warmup_steps <= step <= decay_start(), or if
  ///         decay_steps < 0 or step + decay_steps does not fit in int64.
  [[nodiscard]] wsd decay_from(std::int64_t step, std::int64_t decay_steps) const {
    if (step < warmup_steps_) {
      detail::reject("wsd", "step",
                     ">= warmup_steps (" + detail::format_number(warmup_steps_) +
                         ") to branch a decay off the stable phase",
                     step);
    }
    if (step > decay_start_) {
      detail::reject("wsd", "step",
                     "<= the decay start (" + detail::format_number(decay_start_) +
                         ") to branch a decay off the stable phase",
                     step);
    }
    return wsd(peak_, warmup_steps_, step - warmup_steps_, decay_steps, options());
  }

  /// The end of the decay, from where the final value holds; the int64 maximum when the
  /// stable phase is open.
  [[nodiscard]] std::int64_t length() const noexcept { return decay_end_; }

  /// Kind "wsd": peak_value, warmup_steps, stable_steps, decay_steps, final_value,
  /// warmup_start_value, decay_shape, warmup_shape.
  [[nodiscard]] description describe() const {
    return description{"wsd"}
        .with("peak_value", peak_)
        .with("warmup_steps", warmup_steps_)
        .with("stable_steps", stable_steps_)
        .with("decay_steps", decay_steps_)
        .with("final_value", final_)
        .with("warmup_start_value", start_)
        .with("decay_shape", std::string(to_string(decay_shape_)))
        .with("warmup_shape", std::string(to_string(warmup_shape_)));
  }

  [[nodiscard]] double peak_value() const noexcept { return peak_; }
  [[nodiscard]] std::int64_t warmup_steps() const noexcept { return warmup_steps_; }
  [[nodiscard]] std::int64_t stable_steps() const noexcept { return stable_steps_; }
  [[nodiscard]] std::int64_t decay_steps() const noexcept { return decay_steps_; }
  [[nodiscard]] double final_value() const noexcept { return final_; }
  [[nodiscard]] double warmup_start_value() const noexcept { return start_; }
  [[nodiscard]] wsd_shape decay_shape() const noexcept { return decay_shape_; }
  [[nodiscard]] wsd_shape warmup_shape() const noexcept { return warmup_shape_; }
  [[nodiscard]] wsd_options options() const noexcept {
    return {final_, start_, decay_shape_, warmup_shape_};
  }
  /// The first step of the decay (the int64 maximum when the stable phase is open).
  [[nodiscard]] std::int64_t decay_start() const noexcept { return decay_start_; }
  /// Whether the stable phase ends.
  [[nodiscard]] bool decays() const noexcept { return stable_steps_ != forever; }

 private:
  // The phase from the peak (k = 0) to `bottom` (k = n): peak·g + bottom·(1 − g).
  [[nodiscard]] double ramp(wsd_shape shape, double bottom, std::int64_t k,
                            std::int64_t n) const noexcept {
    if (k <= 0) return peak_;
    if (k >= n) return bottom;
    const auto w = detail::wsd_weights(shape, k, n);
    return peak_ * w.weight + bottom * w.complement;
  }

  [[nodiscard]] long double ramp_sum(wsd_shape shape, double bottom, std::int64_t k0,
                                     std::int64_t stride, std::int64_t terms,
                                     std::int64_t n) const noexcept {
    const auto sums = detail::wsd_weight_progression_sums(shape, k0, stride, terms, n);
    return static_cast<long double>(peak_) * sums.weight +
           static_cast<long double>(bottom) * sums.complement;
  }

  double peak_;
  std::int64_t warmup_steps_;
  std::int64_t stable_steps_;
  std::int64_t decay_steps_;
  double final_;
  double start_;
  wsd_shape decay_shape_;
  wsd_shape warmup_shape_;
  std::int64_t decay_start_ = 0;
  std::int64_t decay_end_ = 0;
};

}  // namespace lrsched

#endif  // LRSCHED_WSD_HPP
