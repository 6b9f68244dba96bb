// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
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
/// Where HF differs from the native semantics (README, "What a schedule is"):
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

#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/cosine_sum.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/huggingface.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/wsd.hpp>

namespace lrsched {
namespace huggingface {

/// @brief The values of HF `get_wsd_schedule`'s `warmup_type` and `decay_type`.
enum class wsd_type {
  linear,         ///< "linear"
  cosine,         ///< "cosine"
  one_minus_sqrt  ///< "1-sqrt"
};

/// @brief HF's spelling of a WSD phase type ("linear", "cosine", "1-sqrt").
inline constexpr std::string_view wsd_type_names[] = {"linear", "cosine", "1-sqrt"};
[[nodiscard]] constexpr std::string_view to_string(wsd_type type) noexcept {
  return detail::enum_name(type, wsd_type_names);
}

/// @brief The WSD phase type HF spells `name`, or nullopt (HF raises ValueError).
[[nodiscard]] constexpr std::optional<wsd_type> parse_wsd_type(std::string_view name) noexcept {
  return detail::enum_from_name<wsd_type>(name, wsd_type_names);
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

/// @brief HF `get_constant_schedule`: the optimizer's LR at every step.
///
/// lr(t) = base_lr · 1. The same as the native `constant(base_lr)`; here for symmetry with
/// HF's names (`lr_scheduler_type="constant"`).
/// @param base_lr the optimizer's LR; finite.
inline auto get_constant_schedule(double base_lr) {
  auto peer = detail::huggingface::base_description("get_constant_schedule", base_lr);
  return detail::as_peer(scale(constant(1.0), base_lr), std::move(peer));
}

/// @brief HF `get_constant_schedule_with_warmup`: a linear warmup from 0, then the
/// optimizer's LR (`lr_scheduler_type="constant_with_warmup"`).
///
/// lr(t) = base_lr · t/W for t < W, base_lr after. lr(0) = 0, unlike a native warmup that
/// starts from a given value; the peak is reached at t = W. Sum: arithmetic series.
/// @param num_warmup_steps W >= 0; 0 is the constant schedule.
inline auto get_constant_schedule_with_warmup(double base_lr, std::int64_t num_warmup_steps) {
  auto peer = detail::huggingface::base_description("get_constant_schedule_with_warmup", base_lr);
  detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  peer.with("num_warmup_steps", num_warmup_steps);
  return detail::as_peer(
      scale(chain(detail::huggingface::warmup_factor(num_warmup_steps), constant(1.0)), base_lr),
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
  auto peer = detail::huggingface::base_description("get_linear_schedule_with_warmup", base_lr);
  detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  detail::require_steps(peer.kind, "num_training_steps", num_training_steps);
  peer.with("num_warmup_steps", num_warmup_steps).with("num_training_steps", num_training_steps);
  const std::int64_t decay_steps = std::max<std::int64_t>(0, num_training_steps - num_warmup_steps);
  return detail::as_peer(scale(chain(detail::huggingface::warmup_factor(num_warmup_steps),
                                     linear(1.0, 0.0, decay_steps)),
                               base_lr),
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
  auto peer = detail::huggingface::base_description("get_cosine_schedule_with_warmup", base_lr);
  const std::int64_t decay_steps = detail::huggingface::cosine_decay_steps(
      peer, num_warmup_steps, num_training_steps, num_cycles);
  return detail::as_peer(
      scale(chain(detail::huggingface::warmup_factor(num_warmup_steps),
                  detail::huggingface::make_cosine_decay(num_cycles, decay_steps, 0.0, 0)),
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
  auto peer = detail::huggingface::base_description(
      "get_cosine_with_hard_restarts_schedule_with_warmup", base_lr);
  const std::int64_t decay_steps = detail::huggingface::cosine_decay_steps(
      peer, num_warmup_steps, num_training_steps, num_cycles);
  if (!(num_cycles > 0.0 && num_cycles <= static_cast<double>(decay_steps))) {
    detail::reject(peer.kind, "num_cycles",
                   "> 0 and <= max(1, num_training_steps - num_warmup_steps) (" +
                       detail::format_number(decay_steps) + ")",
                   num_cycles);
  }
  return detail::as_peer(
      scale(chain(detail::huggingface::warmup_factor(num_warmup_steps),
                  detail::huggingface::make_hard_restarts(num_cycles, decay_steps)),
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
  auto peer =
      detail::huggingface::base_description("get_polynomial_decay_schedule_with_warmup", base_lr);
  detail::require_positive(peer.kind, "base_lr", base_lr);  // HF divides by it
  detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  detail::require_steps(peer.kind, "num_training_steps", num_training_steps);
  if (num_training_steps == num_warmup_steps) {
    detail::reject(peer.kind, "num_training_steps",
                   "!= num_warmup_steps (HF divides by their difference)", num_training_steps);
  }
  detail::require_finite(peer.kind, "lr_end", lr_end);
  if (!(lr_end < base_lr)) {
    detail::reject(peer.kind, "lr_end", "< base_lr (" + detail::format_number(base_lr) + ")",
                   lr_end);
  }
  detail::require_nonnegative(peer.kind, "power", power);
  peer.with("num_warmup_steps", num_warmup_steps)
      .with("num_training_steps", num_training_steps)
      .with("lr_end", lr_end)
      .with("power", power);
  // HF's factor is ((base_lr − lr_end)·r^power + lr_end)/base_lr, r = 1 − (t − W)/(T − W),
  // and lr_end/base_lr past T. At t = T, 0^0 = 1: power 0 holds one step longer.
  const std::int64_t decay_steps = std::max<std::int64_t>(0, num_training_steps - num_warmup_steps);
  return detail::as_peer(
      scale(
          chain(detail::huggingface::warmup_factor(num_warmup_steps),
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
  auto peer = detail::huggingface::base_description("get_inverse_sqrt_schedule", base_lr);
  detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  peer.with("num_warmup_steps", num_warmup_steps);
  if (timescale) {
    detail::require_positive_steps(peer.kind, "timescale", *timescale);
    peer.with("timescale", *timescale);
  }
  const std::int64_t tau = timescale.value_or(num_warmup_steps > 0 ? num_warmup_steps : 10'000);
  return detail::as_peer(inverse_sqrt(base_lr, num_warmup_steps, tau), std::move(peer));
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
  auto peer =
      detail::huggingface::base_description("get_cosine_with_min_lr_schedule_with_warmup", base_lr);
  if (options.warmup_lr_rate) {
    detail::reject(peer.kind, "warmup_lr_rate",
                   "unset (it belongs to get_cosine_with_min_lr_schedule_with_warmup_lr_rate)",
                   *options.warmup_lr_rate);
  }
  const std::int64_t decay_steps = detail::huggingface::cosine_decay_steps(
      peer, num_warmup_steps, num_training_steps, options.num_cycles);
  const double floor = detail::huggingface::min_lr_rate(peer, base_lr, options);
  return detail::as_peer(scale(chain(detail::huggingface::warmup_factor(num_warmup_steps),
                                     detail::huggingface::make_cosine_decay(options.num_cycles,
                                                                            decay_steps, floor, 0)),
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
  auto peer = detail::huggingface::base_description(
      "get_cosine_with_min_lr_schedule_with_warmup_lr_rate", base_lr);
  const std::int64_t decay_steps = detail::huggingface::cosine_decay_steps(
      peer, num_warmup_steps, num_training_steps, options.num_cycles);
  const double floor = detail::huggingface::min_lr_rate(peer, base_lr, options);
  // Without a rate: HF's (t + 1)/W is the native linear(0, 1, W) one step on, bit for bit.
  // With one: r + (1 − r)·t/max(1, W − 1), the native linear(r, 1, max(1, W − 1)).
  detail::advanced<linear> warmup(linear(0.0, 1.0, num_warmup_steps), 1);
  if (options.warmup_lr_rate) {
    const double rate =
        detail::require_nonnegative(peer.kind, "warmup_lr_rate", *options.warmup_lr_rate);
    peer.with("warmup_lr_rate", rate);
    warmup = detail::advanced<linear>(
        linear(rate, 1.0, std::max<std::int64_t>(1, num_warmup_steps - 1)), 0);
  }
  return detail::as_peer(scale(chain(for_steps(num_warmup_steps, warmup),
                                     detail::huggingface::make_cosine_decay(options.num_cycles,
                                                                            decay_steps, floor, 1)),
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
  auto peer = detail::huggingface::base_description("get_wsd_schedule", base_lr);
  detail::require_steps(peer.kind, "num_warmup_steps", num_warmup_steps);
  detail::require_steps(peer.kind, "num_decay_steps", num_decay_steps);
  peer.with("num_warmup_steps", num_warmup_steps).with("num_decay_steps", num_decay_steps);
  std::int64_t stable_steps = 0;
  if (options.num_training_steps) {
    detail::require_steps(peer.kind, "num_training_steps", *options.num_training_steps);
    peer.with("num_training_steps", *options.num_training_steps);
  }
  if (options.num_stable_steps) {
    stable_steps = detail::require_steps(peer.kind, "num_stable_steps", *options.num_stable_steps);
    peer.with("num_stable_steps", stable_steps);
  } else if (options.num_training_steps) {
    stable_steps = *options.num_training_steps - num_warmup_steps - num_decay_steps;
    if (stable_steps < 0) {
      detail::reject(peer.kind, "num_training_steps",
                     ">= num_warmup_steps + num_decay_steps (" +
                         detail::format_number(num_warmup_steps + num_decay_steps) + ")",
                     *options.num_training_steps);
    }
  } else {
    detail::raise_invalid(
        "num_training_steps",
        peer.kind + ": one of num_training_steps or num_stable_steps must be set");
  }
  const double floor = detail::require_nonnegative(peer.kind, "min_lr_ratio", options.min_lr_ratio);
  detail::require_nonnegative(peer.kind, "num_cycles", options.num_cycles);
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
  detail::huggingface::wsd_factor factor =
      wsd(1.0, num_warmup_steps, stable_steps, num_decay_steps, phases);
  if (options.decay_type == wsd_type::cosine && options.num_cycles != 0.5 && num_decay_steps > 0) {
    // The warmup and stable phase (the native wsd with its stable phase open), HF's cosine
    // wave for the D decay steps, then the floor.
    factor = chain(for_steps(num_warmup_steps + stable_steps,
                             wsd(1.0, num_warmup_steps, wsd::forever, 0, phases)),
                   for_steps(num_decay_steps, detail::huggingface::make_cosine_decay(
                                                  options.num_cycles, num_decay_steps, floor, 0)),
                   constant(floor));
  }
  return detail::as_peer(scale(std::move(factor), base_lr), std::move(peer));
}

}  // namespace huggingface

/// @brief Short name: `lrsched::hf::get_linear_schedule_with_warmup(...)`.
namespace hf = huggingface;

}  // namespace lrsched

#endif  // LRSCHED_PEERS_HUGGINGFACE_HPP
