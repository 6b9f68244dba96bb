/// @file peers/huggingface.hpp
/// @brief HuggingFace transformers' schedule functions (`src/transformers/optimization.py`),
/// reproduced step for step: `lrsched::huggingface` (alias `lrsched::hf`).
///
/// Each HF function returns a PyTorch `LambdaLR` whose learning rate after `t` calls of
/// `scheduler.step()` is `base_lr · lr_lambda(t)`, `base_lr` being the optimizer's LR. Here
/// each function takes `base_lr` in place of the optimizer, then HF's own arguments with
/// HF's names and defaults, and returns `base_lr × factor`, the factor built from native
/// families with HF's arithmetic, so the values agree with HF's to the last bit or two and
/// sum in closed form. `last_epoch` has no counterpart: resuming is evaluating at the step.
///
/// Where HF differs from the native semantics (DESIGN.md):
/// - warmups start at 0: lr(0) = 0 (except `get_cosine_with_min_lr_schedule_with_warmup_lr_rate`
///   and `get_wsd_schedule`), and a warmup of W steps reaches the peak at step W;
/// - the decay length `num_training_steps` includes the warmup;
/// - the cosine schedules do not hold their floor: past `num_training_steps` they rise again.
#ifndef LRSCHED_PEERS_HUGGINGFACE_HPP
#define LRSCHED_PEERS_HUGGINGFACE_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <optional>
#include <string>
#include <string_view>

#include "../chain.hpp"
#include "../compose.hpp"
#include "../constant.hpp"
#include "../cosine.hpp"
#include "../description.hpp"
#include "../detail/cosine_sum.hpp"
#include "../detail/numeric.hpp"
#include "../detail/peer.hpp"
#include "../inverse_sqrt.hpp"
#include "../linear.hpp"
#include "../polynomial.hpp"
#include "../repeat.hpp"
#include "../restarts.hpp"
#include "../wsd.hpp"

namespace lrsched {
namespace huggingface {

/// @brief The values of HF `get_wsd_schedule`'s `warmup_type` and `decay_type`.
enum class wsd_type {
  linear,         ///< "linear"
  cosine,         ///< "cosine"
  one_minus_sqrt  ///< "1-sqrt"
};

/// @brief HF's spelling of a WSD phase type ("linear", "cosine", "1-sqrt").
[[nodiscard]] constexpr std::string_view to_string(wsd_type type) noexcept {
  switch (type) {
    case wsd_type::linear:
      return "linear";
    case wsd_type::cosine:
      return "cosine";
    case wsd_type::one_minus_sqrt:
      break;
  }
  return "1-sqrt";
}

/// @brief The WSD phase type HF spells `name`, or nullopt (HF raises ValueError).
[[nodiscard]] constexpr std::optional<wsd_type> parse_wsd_type(std::string_view name) noexcept {
  for (const auto type : {wsd_type::linear, wsd_type::cosine, wsd_type::one_minus_sqrt}) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

/// @brief `get_wsd_schedule`'s keyword arguments (HF's names and defaults). Give
/// `num_training_steps` or `num_stable_steps`; with both, HF uses `num_stable_steps`.
struct wsd_schedule_options {
  std::optional<std::int64_t> num_training_steps = std::nullopt;  ///< W + S + D
  std::optional<std::int64_t> num_stable_steps = std::nullopt;    ///< S, >= 0
  wsd_type warmup_type = wsd_type::linear;
  wsd_type decay_type = wsd_type::cosine;
  double min_lr_ratio = 0.0;  ///< start and end of the run over base_lr, >= 0
  double num_cycles = 0.5;    ///< waves of a cosine decay, >= 0
};

namespace detail {

using lrsched::detail::count;

/// The kind of an HF peer function: "huggingface.<function>".
inline std::string kind(std::string_view function) {
  return std::string("huggingface.").append(function);
}

/// The description every HF function starts with: its kind and the optimizer's LR.
inline description base_description(std::string_view function, double base_lr) {
  const std::string name = kind(function);
  lrsched::detail::require_finite(name, "base_lr", base_lr);
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
    const std::int64_t s = lrsched::detail::clamp_step(step);
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
    const long double beta = lrsched::detail::pi_ld * cycles_per_step;
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
    return lrsched::detail::sine_squared_progression_sum(n, beta * (centre - trough), beta);
  }

  double num_cycles_;
  std::int64_t decay_steps_;
  double min_lr_rate_;
  std::int64_t offset_;
  std::int64_t wrap_;
};

/// The decay after HF's warmup: the native `cosine_wave` (advanced by `offset`) when the
/// wave's half period N/(2·num_cycles) is a whole number of steps, else `cosine_factor`.
using cosine_decay =
    lrsched::detail::one_of<lrsched::detail::advanced<lrsched::detail::cosine_wave>, cosine_factor>;

inline cosine_decay make_cosine_decay(double num_cycles, std::int64_t decay_steps,
                                      double min_lr_rate, std::int64_t offset) {
  const double half_period =
      num_cycles > 0.0 ? static_cast<double>(decay_steps) / (2.0 * num_cycles) : 0.0;
  const bool whole =
      half_period >= 1.0 && half_period <= 0x1p61 && half_period == std::floor(half_period);
  if (whole) {
    return lrsched::detail::advanced<lrsched::detail::cosine_wave>(
        lrsched::detail::make_cosine_wave(1.0, min_lr_rate, static_cast<std::int64_t>(half_period)),
        offset);
  }
  return cosine_factor(num_cycles, decay_steps, min_lr_rate, offset);
}

/// Validates HF's warmup and training steps and a cosine's `num_cycles`, records them, and
/// returns the decay length N = max(1, T − W) HF divides by.
inline std::int64_t cosine_decay_steps(description& peer, std::int64_t num_warmup_steps,
                                       std::int64_t num_training_steps, double num_cycles) {
  lrsched::detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  lrsched::detail::require_steps(peer.kind, "num_training_steps", num_training_steps);
  lrsched::detail::require_nonnegative(peer.kind, "num_cycles", num_cycles);
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
    lrsched::detail::reject(peer.kind, "min_lr", "unset when min_lr_rate is set", *options.min_lr);
  }
  if (options.min_lr_rate) {
    const double rate =
        lrsched::detail::require_nonnegative(peer.kind, "min_lr_rate", *options.min_lr_rate);
    peer.with("min_lr_rate", rate);
    return rate;
  }
  if (!options.min_lr) {
    throw invalid_schedule("min_lr_rate", peer.kind + ": one of min_lr or min_lr_rate must be set");
  }
  const double min_lr = lrsched::detail::require_nonnegative(peer.kind, "min_lr", *options.min_lr);
  if (!(base_lr > 0.0)) {
    lrsched::detail::reject(peer.kind, "base_lr", "> 0 when min_lr is given", base_lr);
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
    const double p = progress(lrsched::detail::clamp_step(step));
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
    const long double angle = lrsched::detail::pi_ld * cycles / (2.0L * n_steps);  // x
    for (std::int64_t cycle = cycle_of(first); first < last; ++cycle) {
      const std::int64_t cycle_end = std::min(last, cycle_start(cycle + 1));
      if (first < cycle_end) {
        // value = cos²(πφ/2), φ = c·s/N − cycle, = sin²(x·u), u = (cycle + 1)·N/c − s.
        const long double n = count(first, cycle_end);
        const long double centre =
            (static_cast<long double>(cycle) + 1.0L) * n_steps / cycles -
            (static_cast<long double>(first) + static_cast<long double>(cycle_end) - 1.0L) / 2.0L;
        total += lrsched::detail::sine_squared_progression_sum(n, angle * centre, angle);
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
using hard_restarts = lrsched::detail::one_of<cosine_restarts, hard_restarts_factor>;

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
using wsd_factor = lrsched::detail::one_of<wsd, chain_schedule<wsd, cosine_decay, constant>>;

}  // namespace detail

/// @brief HF `get_constant_schedule`: the optimizer's LR at every step.
///
/// lr(t) = base_lr · 1. The same as the native `constant(base_lr)`; here for symmetry with
/// HF's names (`lr_scheduler_type="constant"`).
/// @param base_lr the optimizer's LR; finite.
inline auto get_constant_schedule(double base_lr) {
  auto peer = detail::base_description("get_constant_schedule", base_lr);
  return lrsched::detail::as_peer(scale(constant(1.0), base_lr), std::move(peer));
}

/// @brief HF `get_constant_schedule_with_warmup`: a linear warmup from 0, then the
/// optimizer's LR (`lr_scheduler_type="constant_with_warmup"`).
///
/// lr(t) = base_lr · t/W for t < W, base_lr after. lr(0) = 0, unlike a native warmup that
/// starts from a given value; the peak is reached at t = W. Sum: arithmetic series.
/// @param num_warmup_steps W >= 0; 0 is the constant schedule.
inline auto get_constant_schedule_with_warmup(double base_lr, std::int64_t num_warmup_steps) {
  auto peer = detail::base_description("get_constant_schedule_with_warmup", base_lr);
  lrsched::detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  peer.with("num_warmup_steps", num_warmup_steps);
  return lrsched::detail::as_peer(
      scale(chain(detail::warmup_factor(num_warmup_steps), constant(1.0)), base_lr),
      std::move(peer));
}

/// @brief HF `get_linear_schedule_with_warmup` (`lr_scheduler_type="linear"`): a linear
/// warmup from 0 over W steps, then a linear decay to 0 at `num_training_steps`, then 0.
///
/// lr(t) = base_lr · t/W for t < W, base_lr · (T − t)/(T − W) for W <= t < T, 0 from T on.
/// T includes the warmup. When T <= W, HF drops to 0 right after the warmup; so does this.
/// Sum: arithmetic series per piece.
/// @param num_warmup_steps W >= 0.
/// @param num_training_steps T >= 0.
inline auto get_linear_schedule_with_warmup(double base_lr, std::int64_t num_warmup_steps,
                                            std::int64_t num_training_steps) {
  auto peer = detail::base_description("get_linear_schedule_with_warmup", base_lr);
  lrsched::detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  lrsched::detail::require_steps(peer.kind, "num_training_steps", num_training_steps);
  peer.with("num_warmup_steps", num_warmup_steps).with("num_training_steps", num_training_steps);
  const std::int64_t decay_steps = std::max<std::int64_t>(0, num_training_steps - num_warmup_steps);
  return lrsched::detail::as_peer(
      scale(chain(detail::warmup_factor(num_warmup_steps), linear(1.0, 0.0, decay_steps)), base_lr),
      std::move(peer));
}

/// @brief HF `get_cosine_schedule_with_warmup` (`lr_scheduler_type="cosine"`): a linear
/// warmup from 0, then `num_cycles` cosine waves between the optimizer's LR and 0.
///
/// lr(t) = base_lr·t/W for t < W, then base_lr·½(1 + cos(2π·num_cycles·(t − W)/N)),
/// N = max(1, T − W). With the default half wave the LR reaches 0 at T; HF does not clamp,
/// so past T it rises again (a native `cosine` holds its end value). Sum: closed form.
/// @param num_warmup_steps W >= 0. @param num_training_steps T >= 0, including the warmup.
/// @param num_cycles waves over the decay, finite and >= 0; 0.5 is one half wave down.
inline auto get_cosine_schedule_with_warmup(double base_lr, std::int64_t num_warmup_steps,
                                            std::int64_t num_training_steps,
                                            double num_cycles = 0.5) {
  auto peer = detail::base_description("get_cosine_schedule_with_warmup", base_lr);
  const std::int64_t decay_steps =
      detail::cosine_decay_steps(peer, num_warmup_steps, num_training_steps, num_cycles);
  return lrsched::detail::as_peer(
      scale(chain(detail::warmup_factor(num_warmup_steps),
                  detail::make_cosine_decay(num_cycles, decay_steps, 0.0, 0)),
            base_lr),
      std::move(peer));
}

/// @brief HF `get_cosine_with_hard_restarts_schedule_with_warmup`
/// (`lr_scheduler_type="cosine_with_restarts"`): a linear warmup from 0, then `num_cycles`
/// half cosines from base_lr to 0, each restarting at base_lr, then 0.
///
/// lr(t) = base_lr·t/W for t < W; base_lr·½(1 + cos(π·((num_cycles·(t − W)/N) mod 1)))
/// for W <= t < T, N = max(1, T − W); 0 from T on. Cycles last N/num_cycles steps, which
/// need not be whole: HF restarts at the first step past each boundary. Sum: closed form,
/// O(cycles).
/// @param num_cycles > 0 and <= N (HF's default: 1).
inline auto get_cosine_with_hard_restarts_schedule_with_warmup(double base_lr,
                                                               std::int64_t num_warmup_steps,
                                                               std::int64_t num_training_steps,
                                                               double num_cycles = 1.0) {
  auto peer =
      detail::base_description("get_cosine_with_hard_restarts_schedule_with_warmup", base_lr);
  const std::int64_t decay_steps =
      detail::cosine_decay_steps(peer, num_warmup_steps, num_training_steps, num_cycles);
  if (!(num_cycles > 0.0 && num_cycles <= static_cast<double>(decay_steps))) {
    lrsched::detail::reject(peer.kind, "num_cycles",
                            "> 0 and <= max(1, num_training_steps - num_warmup_steps) (" +
                                lrsched::detail::format_number(decay_steps) + ")",
                            num_cycles);
  }
  return lrsched::detail::as_peer(scale(chain(detail::warmup_factor(num_warmup_steps),
                                              detail::make_hard_restarts(num_cycles, decay_steps)),
                                        base_lr),
                                  std::move(peer));
}

/// @brief HF `get_polynomial_decay_schedule_with_warmup` (`lr_scheduler_type="polynomial"`):
/// a linear warmup from 0, then a polynomial decay from base_lr to `lr_end` at T, then
/// `lr_end`.
///
/// lr(t) = base_lr·t/W for t < W; (base_lr − lr_end)·(1 − (t − W)/(T − W))^power + lr_end
/// for W <= t <= T; lr_end after. T includes the warmup. With power 0 HF holds base_lr
/// through t = T and drops at T + 1; so does this. Sum: closed form (Faulhaber for an
/// integer power).
/// @param num_warmup_steps W >= 0. @param num_training_steps T >= 0, T != W (HF divides by
/// T − W at step W). @param lr_end finite, < base_lr (HF's check). @param power finite, >= 0.
inline auto get_polynomial_decay_schedule_with_warmup(double base_lr, std::int64_t num_warmup_steps,
                                                      std::int64_t num_training_steps,
                                                      double lr_end = 1e-7, double power = 1.0) {
  auto peer = detail::base_description("get_polynomial_decay_schedule_with_warmup", base_lr);
  lrsched::detail::require_positive(peer.kind, "base_lr", base_lr);  // HF divides by it
  lrsched::detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  lrsched::detail::require_steps(peer.kind, "num_training_steps", num_training_steps);
  if (num_training_steps == num_warmup_steps) {
    lrsched::detail::reject(peer.kind, "num_training_steps",
                            "!= num_warmup_steps (HF divides by their difference)",
                            num_training_steps);
  }
  lrsched::detail::require_finite(peer.kind, "lr_end", lr_end);
  if (!(lr_end < base_lr)) {
    lrsched::detail::reject(peer.kind, "lr_end",
                            "< base_lr (" + lrsched::detail::format_number(base_lr) + ")", lr_end);
  }
  lrsched::detail::require_nonnegative(peer.kind, "power", power);
  peer.with("num_warmup_steps", num_warmup_steps)
      .with("num_training_steps", num_training_steps)
      .with("lr_end", lr_end)
      .with("power", power);
  // HF's factor is ((base_lr − lr_end)·r^power + lr_end)/base_lr, r = 1 − (t − W)/(T − W),
  // and lr_end/base_lr past T. At t = T, 0^0 = 1: power 0 holds one step longer.
  const std::int64_t decay_steps = std::max<std::int64_t>(0, num_training_steps - num_warmup_steps);
  return lrsched::detail::as_peer(
      scale(
          chain(detail::warmup_factor(num_warmup_steps),
                polynomial(1.0, lr_end / base_lr,
                           power == 0.0 && decay_steps > 0 ? decay_steps + 1 : decay_steps, power)),
          base_lr),
      std::move(peer));
}

/// @brief HF `get_inverse_sqrt_schedule` (`lr_scheduler_type="inverse_sqrt"`): a linear
/// warmup from 0, then base_lr/√((t − W + τ)/τ).
///
/// lr(t) = base_lr·t/W for t < W, base_lr·1/√((t + τ − W)/τ) after: base_lr at t = W,
/// decaying towards 0 for ever. τ = `timescale`, by default W, or 10 000 without a warmup.
/// The native `inverse_sqrt(base_lr, W, τ)`, whose arithmetic is HF's; sum in closed form.
/// @param num_warmup_steps W >= 0. @param timescale τ >= 1, or HF's default.
inline auto get_inverse_sqrt_schedule(double base_lr, std::int64_t num_warmup_steps,
                                      std::optional<std::int64_t> timescale = std::nullopt) {
  auto peer = detail::base_description("get_inverse_sqrt_schedule", base_lr);
  lrsched::detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  peer.with("num_warmup_steps", num_warmup_steps);
  if (timescale) {
    lrsched::detail::require_positive_steps(peer.kind, "timescale", *timescale);
    peer.with("timescale", *timescale);
  }
  const std::int64_t tau = timescale.value_or(num_warmup_steps > 0 ? num_warmup_steps : 10'000);
  return lrsched::detail::as_peer(inverse_sqrt(base_lr, num_warmup_steps, tau), std::move(peer));
}

/// @brief The floor of HF's `get_cosine_with_min_lr_schedule_with_warmup` and
/// `..._lr_rate`: give `min_lr` (an LR) or `min_lr_rate` (a fraction of `base_lr`), not both.
struct cosine_with_min_lr_options {
  double num_cycles = 0.5;                              ///< waves over the decay, >= 0
  std::optional<double> min_lr = std::nullopt;          ///< the floor as an LR, >= 0
  std::optional<double> min_lr_rate = std::nullopt;     ///< the floor over base_lr, >= 0
  std::optional<double> warmup_lr_rate = std::nullopt;  ///< `..._lr_rate` only: see there
};

/// @brief HF `get_cosine_with_min_lr_schedule_with_warmup` (`"cosine_with_min_lr"`): as
/// `get_cosine_schedule_with_warmup`, the waves running between base_lr and the floor.
///
/// lr(t) = base_lr·t/W for t < W, then base_lr·(m + (1 − m)·½(1 + cos(2π·num_cycles·(t −
/// W)/N))), m = min_lr_rate or min_lr/base_lr, N = max(1, T − W). Unclamped: past T it
/// rises again. Sum: closed form.
/// @param options num_cycles and exactly one of min_lr, min_lr_rate (warmup_lr_rate unset).
inline auto get_cosine_with_min_lr_schedule_with_warmup(double base_lr,
                                                        std::int64_t num_warmup_steps,
                                                        std::int64_t num_training_steps,
                                                        const cosine_with_min_lr_options& options) {
  auto peer = detail::base_description("get_cosine_with_min_lr_schedule_with_warmup", base_lr);
  if (options.warmup_lr_rate) {
    lrsched::detail::reject(
        peer.kind, "warmup_lr_rate",
        "unset (it belongs to get_cosine_with_min_lr_schedule_with_warmup_lr_rate)",
        *options.warmup_lr_rate);
  }
  const std::int64_t decay_steps =
      detail::cosine_decay_steps(peer, num_warmup_steps, num_training_steps, options.num_cycles);
  const double floor = detail::min_lr_rate(peer, base_lr, options);
  return lrsched::detail::as_peer(
      scale(chain(detail::warmup_factor(num_warmup_steps),
                  detail::make_cosine_decay(options.num_cycles, decay_steps, floor, 0)),
            base_lr),
      std::move(peer));
}

/// @brief HF `get_cosine_with_min_lr_schedule_with_warmup_lr_rate`
/// (`"cosine_warmup_with_min_lr"`): a warmup that starts above 0 and peaks one step early,
/// then the cosine to the floor, counted from one step past the warmup.
///
/// Warmup, t < W: without `warmup_lr_rate` the factor is (t + 1)/W; with it, r + (1 −
/// r)·t/max(1, W − 1); both reach 1 at t = W − 1 (for W = 1 with a rate, HF gives r).
/// Decay, t >= W: m + (1 − m)·½(1 + cos(2π·num_cycles·(t − W + 1)/N)), N = max(1, T − W):
/// the first decay step is already one step into the wave and the floor comes at T − 1.
/// Unclamped: past it the LR rises again. Sum: closed form.
/// @param options num_cycles, exactly one of min_lr and min_lr_rate, and warmup_lr_rate
///        (finite, >= 0) or nothing.
inline auto get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
    double base_lr, std::int64_t num_warmup_steps, std::int64_t num_training_steps,
    const cosine_with_min_lr_options& options) {
  auto peer =
      detail::base_description("get_cosine_with_min_lr_schedule_with_warmup_lr_rate", base_lr);
  const std::int64_t decay_steps =
      detail::cosine_decay_steps(peer, num_warmup_steps, num_training_steps, options.num_cycles);
  const double floor = detail::min_lr_rate(peer, base_lr, options);
  // Without a rate: HF's (t + 1)/W is the native linear(0, 1, W) one step on, bit for bit.
  // With one: r + (1 − r)·t/max(1, W − 1), the native linear(r, 1, max(1, W − 1)).
  lrsched::detail::advanced<linear> warmup(linear(0.0, 1.0, num_warmup_steps), 1);
  if (options.warmup_lr_rate) {
    const double rate =
        lrsched::detail::require_nonnegative(peer.kind, "warmup_lr_rate", *options.warmup_lr_rate);
    peer.with("warmup_lr_rate", rate);
    warmup = lrsched::detail::advanced<linear>(
        linear(rate, 1.0, std::max<std::int64_t>(1, num_warmup_steps - 1)), 0);
  }
  return lrsched::detail::as_peer(
      scale(chain(for_steps(num_warmup_steps, warmup),
                  detail::make_cosine_decay(options.num_cycles, decay_steps, floor, 1)),
            base_lr),
      std::move(peer));
}

/// @brief HF `get_wsd_schedule` (`lr_scheduler_type="warmup_stable_decay"`): warmup from
/// min_lr_ratio·base_lr, hold base_lr, decay back to min_lr_ratio·base_lr, hold that.
///
/// Factor m + (1 − m)·f with m = min_lr_ratio: the warmup f runs over t/W ("linear": t/W,
/// "cosine": ½(1 − cos(πt/W)), "1-sqrt": 1 − √(1 − t/W)), the stable phase is 1, the decay
/// over q = (t − W − S)/D ("linear": 1 − q, "cosine": ½(1 + cos(2π·num_cycles·q)),
/// "1-sqrt": 1 − √q), then m. Unlike HF's other warmups this one starts at m, not at 0.
/// The native `wsd` (a cosine decay with num_cycles 0.5 is its cosine shape); a cosine
/// decay with other num_cycles is HF's wave, cut at the end of the decay. S is
/// `num_stable_steps`, or num_training_steps − W − D, which must not be negative (HF would
/// start the decay part-way through; a run shorter than its warmup and decay is rejected
/// here). Sum: closed form.
/// @param num_warmup_steps W >= 0. @param num_decay_steps D >= 0.
inline auto get_wsd_schedule(double base_lr, std::int64_t num_warmup_steps,
                             std::int64_t num_decay_steps, const wsd_schedule_options& options) {
  auto peer = detail::base_description("get_wsd_schedule", base_lr);
  lrsched::detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  lrsched::detail::require_steps(peer.kind, "num_decay_steps", num_decay_steps);
  peer.with("num_warmup_steps", num_warmup_steps).with("num_decay_steps", num_decay_steps);
  std::int64_t stable_steps = 0;
  if (options.num_training_steps) {
    lrsched::detail::require_steps(peer.kind, "num_training_steps", *options.num_training_steps);
    peer.with("num_training_steps", *options.num_training_steps);
  }
  if (options.num_stable_steps) {
    stable_steps =
        lrsched::detail::require_steps(peer.kind, "num_stable_steps", *options.num_stable_steps);
    peer.with("num_stable_steps", stable_steps);
  } else if (options.num_training_steps) {
    stable_steps = *options.num_training_steps - num_warmup_steps - num_decay_steps;
    if (stable_steps < 0) {
      lrsched::detail::reject(
          peer.kind, "num_training_steps",
          ">= num_warmup_steps + num_decay_steps (" +
              lrsched::detail::format_number(num_warmup_steps + num_decay_steps) + ")",
          *options.num_training_steps);
    }
  } else {
    throw invalid_schedule(
        "num_training_steps",
        peer.kind + ": one of num_training_steps or num_stable_steps must be set");
  }
  const double floor =
      lrsched::detail::require_nonnegative(peer.kind, "min_lr_ratio", options.min_lr_ratio);
  lrsched::detail::require_nonnegative(peer.kind, "num_cycles", options.num_cycles);
  peer.with("warmup_type", std::string(to_string(options.warmup_type)))
      .with("decay_type", std::string(to_string(options.decay_type)))
      .with("min_lr_ratio", floor)
      .with("num_cycles", options.num_cycles);
  const auto shape = [](wsd_type type) {
    switch (type) {
      case wsd_type::linear:
        return wsd_shape::linear;
      case wsd_type::cosine:
        return wsd_shape::cosine;
      case wsd_type::one_minus_sqrt:
        break;
    }
    return wsd_shape::minus_sqrt;
  };
  const wsd_options phases{.final_value = floor,
                           .warmup_start_value = floor,
                           .decay_shape = shape(options.decay_type),
                           .warmup_shape = shape(options.warmup_type)};
  detail::wsd_factor factor = wsd(1.0, num_warmup_steps, stable_steps, num_decay_steps, phases);
  if (options.decay_type == wsd_type::cosine && options.num_cycles != 0.5 && num_decay_steps > 0) {
    // The warmup and stable phase (the native wsd with its stable phase open), HF's cosine
    // wave for the D decay steps, then the floor.
    factor = chain(for_steps(num_warmup_steps + stable_steps,
                             wsd(1.0, num_warmup_steps, wsd::forever, 0, phases)),
                   for_steps(num_decay_steps, detail::make_cosine_decay(options.num_cycles,
                                                                        num_decay_steps, floor, 0)),
                   constant(floor));
  }
  return lrsched::detail::as_peer(scale(std::move(factor), base_lr), std::move(peer));
}

}  // namespace huggingface

/// @brief Short name: `lrsched::hf::get_linear_schedule_with_warmup(...)`.
namespace hf = huggingface;

}  // namespace lrsched

#endif  // LRSCHED_PEERS_HUGGINGFACE_HPP
