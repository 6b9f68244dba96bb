// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/huggingface.hpp
/// @brief The machinery behind peers/huggingface.hpp: the peer's own factors and their sums,
/// argument checks and description helpers. Not part of the API.
#ifndef LRSCHED_PEERS_DETAIL_HUGGINGFACE_HPP
#define LRSCHED_PEERS_DETAIL_HUGGINGFACE_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/wsd.hpp>

namespace lrsched::detail::huggingface {

using detail::count;

/// The kind of an HF peer function: "huggingface.<function>".
inline std::string kind(std::string_view function) {
  return std::string("huggingface.").append(function);
}

/// The description every HF function starts with: its kind and the optimizer's LR.
inline description base_description(std::string_view function, double base_lr) {
  const std::string name = kind(function);
  detail::require_finite(name, "base_lr", base_lr);
  return description{name}.with("base_lr", base_lr);
}

/// HF's linear warmup factor t/max(1, W) for t < W, as a chain piece of W steps: the
/// native `linear(0, 1, W)` computes (0·(W − t) + 1·t)/W, bit for bit HF's t/W.
inline segment<linear> warmup_factor(std::int64_t num_warmup_steps) {
  return for_steps(num_warmup_steps, linear(0.0, 1.0, num_warmup_steps));
}

/// @brief HF's cosine factor after the warmup, with HF's own arithmetic, at local step s:
/// max(0, ½(1 + cos(π·num_cycles·2·(s + offset)/N))·(1 − m) + m), unclamped in s.
///
/// A dedicated type because HF's wave has a real-valued period N/num_cycles: when
/// N/(2·num_cycles) is not a whole number of steps (`num_cycles=2` over 450 steps: a
/// trough every 112.5 steps) no chain of native pieces, whose boundaries sit on steps,
/// has the same values. When it is whole, HF's functions use the native `cosine_wave`.
///
/// Values are HF's arithmetic, bit for bit, over the first 2N steps. The phase is a double,
/// so after w waves HF's value carries a rounding of ~w·1e-16 of the peak; when
/// 2·num_cycles is whole (HF's usual 0.5, 1, 1.5, 2, ...) the position is reduced modulo
/// 2N, a whole number of waves, and the values stay clean at any step.
///
/// Sum: n·(m + (1 − m)/2) + (1 − m)/2·Σ cos(α(s + offset)), α = 2π·num_cycles/N. A range
/// of a period or more takes the Dirichlet kernel (the mean value is >= 1/4 of the peak
/// there, so nothing cancels); a shorter range writes ½(1 + cos θ) as sin² about the
/// trough nearest its centre and sums that with the non-negative two-term form of
/// detail/cosine_sum.hpp, accurate to long-double rounding even at a zero floor. O(1).
class cosine_factor {
 public:
  /// @param num_cycles finite, >= 0; @param decay_steps N >= 1; @param min_lr_rate m, finite
  /// and >= 0; @param offset 0, or 1 where HF counts progress from one step past the warmup.
  cosine_factor(double num_cycles, std::int64_t decay_steps, double min_lr_rate,
                std::int64_t offset)
      : num_cycles_(num_cycles),
        decay_steps_(decay_steps),
        min_lr_rate_(min_lr_rate),
        offset_(offset),
        wrap_(whole_waves_every(num_cycles, decay_steps)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    std::int64_t p = position(step);
    if (wrap_ > 0) p %= wrap_;
    const double progress = static_cast<double>(p) / static_cast<double>(decay_steps_);
    double factor = 0.5 * (1.0 + std::cos(std::numbers::pi * num_cycles_ * 2.0 * progress));
    factor = factor * (1.0 - min_lr_rate_) + min_lr_rate_;
    return std::max(0.0, factor);
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double n = count(first, last);
    const auto m = static_cast<long double>(min_lr_rate_);
    return m * n + (1.0L - m) * wave_sum(first, last);
  }

  [[nodiscard]] description describe() const {
    return description{kind("cosine_factor")}
        .with("num_cycles", num_cycles_)
        .with("decay_steps", decay_steps_)
        .with("min_lr_rate", min_lr_rate_)
        .with("offset", offset_);
  }

 private:
  /// 2N when 2·num_cycles is a whole number k: cos(πk·p/N) repeats every 2N steps, so
  /// positions reduce modulo 2N exactly. Else 0: the phase grows without reduction.
  static std::int64_t whole_waves_every(double num_cycles, std::int64_t decay_steps) noexcept {
    const double k = 2.0 * num_cycles;
    const bool whole = k == std::floor(k) && k <= 0x1p52;
    return whole && decay_steps <= std::numeric_limits<std::int64_t>::max() / 2 ? 2 * decay_steps
                                                                                : 0;
  }

  [[nodiscard]] std::int64_t position(std::int64_t step) const noexcept {
    const std::int64_t s = detail::clamp_step(step);
    return s > std::numeric_limits<std::int64_t>::max() - offset_ ? s : s + offset_;
  }

  /// Σ ½(1 + cos(2β·x)) = Σ cos²(β·x) over x = first + offset ... last − 1 + offset,
  /// β = π·num_cycles/N.
  [[nodiscard]] long double wave_sum(std::int64_t first, std::int64_t last) const noexcept {
    const long double n = count(first, last);
    if (n == 0.0L) return 0.0L;
    // At whole steps x, cos²(βx) only depends on β modulo π, and on π − β as on β: reduce
    // the cycles per step r = num_cycles/N to [0, ½].
    long double cycles_per_step =
        static_cast<long double>(num_cycles_) / static_cast<long double>(decay_steps_);
    cycles_per_step -= std::floor(cycles_per_step);
    cycles_per_step = std::min(cycles_per_step, 1.0L - cycles_per_step);
    if (cycles_per_step == 0.0L) return n;  // the factor is 1 at every step
    const long double beta = detail::pi_ld * cycles_per_step;
    const long double period = 1.0L / cycles_per_step;  // steps per wave, >= 2
    // Whole waves repeat every wrap_ steps: start within the first 2N steps, where the
    // phases below stay small and exact.
    const std::int64_t first_position = position(first);
    const auto start =
        static_cast<long double>(wrap_ > 0 ? first_position % wrap_ : first_position);
    if (n >= period) {
      // Dirichlet kernel: Σ cos(2βx) = sin(nβ)·cos(β(2·start + n − 1))/sin β.
      return 0.5L * n + 0.5L * std::sin(n * beta) * std::cos(beta * (2.0L * start + n - 1.0L)) /
                            std::sin(beta);
    }
    // cos²(βx) = sin²(β(x − x_k)) about the trough x_k = (k + ½)·period nearest the centre.
    const long double centre = start + (n - 1.0L) / 2.0L;
    const long double trough = (std::round(centre / period - 0.5L) + 0.5L) * period;
    return detail::sine_squared_progression_sum(n, beta * (centre - trough), beta);
  }

  double num_cycles_;
  std::int64_t decay_steps_;
  double min_lr_rate_;
  std::int64_t offset_;
  std::int64_t wrap_;
};

/// The decay after HF's warmup: the native `cosine_wave` (advanced by `offset`) when the
/// wave's half period N/(2·num_cycles) is a whole number of steps, else `cosine_factor`.
using cosine_decay = detail::one_of<detail::advanced<detail::cosine_wave>, cosine_factor>;

inline cosine_decay make_cosine_decay(double num_cycles, std::int64_t decay_steps,
                                      double min_lr_rate, std::int64_t offset) {
  const double half_period =
      num_cycles > 0.0 ? static_cast<double>(decay_steps) / (2.0 * num_cycles) : 0.0;
  const bool whole =
      half_period >= 1.0 && half_period <= 0x1p61 && half_period == std::floor(half_period);
  if (whole) {
    return detail::advanced<detail::cosine_wave>(
        detail::make_cosine_wave(1.0, min_lr_rate, static_cast<std::int64_t>(half_period)), offset);
  }
  return cosine_factor(num_cycles, decay_steps, min_lr_rate, offset);
}

/// Validates HF's warmup and training steps and a cosine's `num_cycles`, records them, and
/// returns the decay length N = max(1, T − W) HF divides by.
inline std::int64_t cosine_decay_steps(description& peer, std::int64_t num_warmup_steps,
                                       std::int64_t num_training_steps, double num_cycles) {
  detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  detail::require_steps(peer.kind, "num_training_steps", num_training_steps);
  detail::require_nonnegative(peer.kind, "num_cycles", num_cycles);
  peer.with("num_warmup_steps", num_warmup_steps)
      .with("num_training_steps", num_training_steps)
      .with("num_cycles", num_cycles);
  return std::max<std::int64_t>(1, num_training_steps - num_warmup_steps);
}

/// HF's floor as a fraction of base_lr: `min_lr_rate`, or `min_lr / base_lr`; exactly one
/// of the two must be given. Records the one given.
template <class Options>
double min_lr_rate(description& peer, double base_lr, const Options& options) {
  if (options.min_lr && options.min_lr_rate) {
    detail::reject(peer.kind, "min_lr", "unset when min_lr_rate is set", *options.min_lr);
  }
  if (options.min_lr_rate) {
    const double rate = detail::require_nonnegative(peer.kind, "min_lr_rate", *options.min_lr_rate);
    peer.with("min_lr_rate", rate);
    return rate;
  }
  if (!options.min_lr) {
    detail::raise_invalid("min_lr_rate", peer.kind + ": one of min_lr or min_lr_rate must be set");
  }
  const double min_lr = detail::require_nonnegative(peer.kind, "min_lr", *options.min_lr);
  if (!(base_lr > 0.0)) {
    detail::reject(peer.kind, "base_lr", "> 0 when min_lr is given", base_lr);
  }
  peer.with("min_lr", min_lr);
  return min_lr / base_lr;
}

/// @brief HF's hard-restarts factor after the warmup, with HF's own arithmetic, at local
/// step s: ½(1 + cos(π·((num_cycles·s/N) mod 1))) while s/N < 1, then 0.
///
/// A dedicated type because HF's cycles last N/num_cycles steps, a real number: 100 steps
/// in 3 cycles restart at 33⅓ and 66⅔, between steps, which no chain of native pieces
/// (whose boundaries sit on steps) reproduces; and because HF finds the cycle of a step
/// with its own rounding, which can put a cycle's first step at the end of the previous one
/// (value 0 instead of 1). When the cycles are whole and HF's rounding puts every restart
/// on its step, HF's function uses the native `cosine_restarts` instead.
///
/// Sum: per cycle, with the cycle boundaries HF's arithmetic gives, the value written as
/// sin² about the cycle's end, a Dirichlet-kernel sum without cancellation
/// (`sine_squared_progression_sum`); O(cycles met).
class hard_restarts_factor {
 public:
  /// @param num_cycles > 0 and <= decay_steps (a cycle lasts at least one step).
  /// @param decay_steps N >= 1.
  hard_restarts_factor(double num_cycles, std::int64_t decay_steps)
      : num_cycles_(num_cycles), decay_steps_(decay_steps), end_(decay_steps) {
    // The first step HF counts as done (s/N >= 1 in double); N itself below 2^53.
    while (end_ > 0 && progress(end_ - 1) >= 1.0) --end_;
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const double p = progress(detail::clamp_step(step));
    if (p >= 1.0) return 0.0;
    return std::max(0.0,
                    0.5 * (1.0 + std::cos(std::numbers::pi * std::fmod(num_cycles_ * p, 1.0))));
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    last = std::min(last, end_);
    long double total = 0.0L;
    if (first >= last) return total;
    const auto n_steps = static_cast<long double>(decay_steps_);
    const auto cycles = static_cast<long double>(num_cycles_);
    const long double angle = detail::pi_ld * cycles / (2.0L * n_steps);  // x
    for (std::int64_t cycle = cycle_of(first); first < last; ++cycle) {
      const std::int64_t cycle_end = std::min(last, cycle_start(cycle + 1));
      if (first < cycle_end) {
        // value = cos²(πφ/2), φ = c·s/N − cycle, = sin²(x·u), u = (cycle + 1)·N/c − s.
        const long double n = count(first, cycle_end);
        const long double centre =
            (static_cast<long double>(cycle) + 1.0L) * n_steps / cycles -
            (static_cast<long double>(first) + static_cast<long double>(cycle_end) - 1.0L) / 2.0L;
        total += detail::sine_squared_progression_sum(n, angle * centre, angle);
      }
      first = std::max(first, cycle_end);
    }
    return total;
  }

  [[nodiscard]] description describe() const {
    return description{kind("hard_restarts_factor")}
        .with("num_cycles", num_cycles_)
        .with("decay_steps", decay_steps_);
  }

  /// The first step HF puts in cycle j: near ⌈j·N/c⌉, settled by HF's own arithmetic; the
  /// first step HF counts as past the end for j >= num_cycles.
  [[nodiscard]] std::int64_t cycle_start(std::int64_t cycle) const noexcept {
    const long double estimate =
        std::ceil(static_cast<long double>(cycle) * static_cast<long double>(decay_steps_) /
                  static_cast<long double>(num_cycles_));
    if (estimate >= static_cast<long double>(end_)) return end_;
    auto s = static_cast<std::int64_t>(estimate);
    while (s > 0 && cycle_of(s - 1) >= cycle) --s;
    while (s < end_ && cycle_of(s) < cycle) ++s;
    return s;
  }

 private:
  [[nodiscard]] double progress(std::int64_t s) const noexcept {
    return static_cast<double>(s) / static_cast<double>(decay_steps_);
  }
  /// The cycle HF puts step s in: ⌊num_cycles·(s/N)⌋ in double.
  [[nodiscard]] std::int64_t cycle_of(std::int64_t s) const noexcept {
    return static_cast<std::int64_t>(std::floor(num_cycles_ * progress(s)));
  }
  double num_cycles_;
  std::int64_t decay_steps_;
  std::int64_t end_;
};

/// HF's hard restarts after the warmup: the native `cosine_restarts` (N steps in
/// num_cycles equal cycles, then 0) when num_cycles is whole and HF's rounding starts every
/// cycle on the step the native one does, else `hard_restarts_factor`.
using hard_restarts = detail::one_of<cosine_restarts, hard_restarts_factor>;

inline hard_restarts make_hard_restarts(double num_cycles, std::int64_t decay_steps) {
  hard_restarts_factor hf_arithmetic(num_cycles, decay_steps);
  if (num_cycles != std::floor(num_cycles) || decay_steps > (std::int64_t{1} << 53)) {
    return hf_arithmetic;
  }
  const auto cycles = static_cast<std::int64_t>(num_cycles);
  cosine_restarts native(1.0, decay_steps,
                         {.floor_value = 0.0, .cycle_limit = cycles, .period_divisor = cycles});
  for (std::int64_t cycle = 1; cycle <= cycles; ++cycle) {
    if (native.first_step(cycle) != hf_arithmetic.cycle_start(cycle)) return hf_arithmetic;
  }
  return native;
}

/// HF's WSD factor: the native `wsd`, or (a cosine decay with num_cycles other than 0.5)
/// the native warmup and stable phase, HF's cosine wave over the decay, then the floor.
using wsd_factor = detail::one_of<wsd, chain_schedule<wsd, cosine_decay, constant>>;

}  // namespace lrsched::detail::huggingface

#endif  // LRSCHED_PEERS_DETAIL_HUGGINGFACE_HPP
