// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/megatron.hpp
/// @brief Megatron-LM's `OptimizerParamScheduler` learning rate
/// (`megatron/core/optimizer_param_scheduler.py`, `get_lr`), reproduced step for step.
///
/// Step `t` is Megatron's `num_steps`: the scheduler's counter after `t` calls of
/// `step(increment=1)` (with a global batch size of 1 the `*_iters` flags are these steps;
/// Megatron's `_samples` flags count samples, the same function of a sample counter).
/// Megatron's arguments keep their names, as its constructor and `--lr-*` flags spell them.
///
/// Where Megatron differs from the native semantics (README, "What a schedule is"):
/// - the warmup includes its last step: the LR reaches `max_lr` at t = lr_warmup_steps;
/// - the decay length `lr_decay_steps` includes the warmup;
/// - past `lr_decay_steps` every style except `constant` holds `min_lr` (inverse-square-root
///   drops to it there instead of going on decaying);
/// - `constant` ignores `min_lr` and `lr_decay_steps` after the warmup.
/// Weight-decay scheduling (`start_wd`, `end_wd`, `wd_incr_*`) is not a learning rate and has
/// no counterpart here.
#ifndef LRSCHED_PEERS_MEGATRON_HPP
#define LRSCHED_PEERS_MEGATRON_HPP

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/enum_names.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/error.hpp>
#include <lrsched/inverse_sqrt.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/peers/detail/megatron.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/queries.hpp>
#include <lrsched/wsd.hpp>

namespace lrsched::megatron {

/// @brief The values of Megatron's `lr_decay_style`.
enum class decay_style {
  constant,             ///< "constant": max_lr after the warmup, for ever
  linear,               ///< "linear": linear from max_lr to min_lr
  cosine,               ///< "cosine": half cosine from max_lr to min_lr
  inverse_square_root,  ///< "inverse-square-root": max_lr·√W/√t, floored at min_lr
  wsd                   ///< "WSD": hold max_lr, then anneal over wsd_decay_steps
};

/// @brief The values of Megatron's `lr_wsd_decay_style`: the anneal of a WSD schedule,
/// as a coefficient of r = fraction of `wsd_decay_steps` done.
enum class wsd_decay_style {
  linear,       ///< "linear": 1 − r
  cosine,       ///< "cosine": ½(1 + cos πr)
  exponential,  ///< "exponential": 2·0.5^r − 1
  minus_sqrt    ///< "minus_sqrt": 1 − √r
};

/// @brief Megatron's spelling of a decay style ("constant", "linear", "cosine",
/// "inverse-square-root", "WSD").
inline constexpr std::string_view decay_style_names[] = {"constant", "linear", "cosine",
                                                         "inverse-square-root", "WSD"};
[[nodiscard]] constexpr std::string_view to_string(decay_style style) noexcept {
  return detail::enum_name(style, decay_style_names);
}

/// @brief Megatron's spelling of a WSD anneal ("linear", "cosine", "exponential",
/// "minus_sqrt").
inline constexpr std::string_view wsd_decay_style_names[] = {"linear", "cosine", "exponential",
                                                             "minus_sqrt"};
[[nodiscard]] constexpr std::string_view to_string(wsd_decay_style style) noexcept {
  return detail::enum_name(style, wsd_decay_style_names);
}

/// @brief The decay style Megatron spells `name`, or nullopt.
[[nodiscard]] constexpr std::optional<decay_style> parse_decay_style(
    std::string_view name) noexcept {
  return detail::enum_from_name<decay_style>(name, decay_style_names);
}

/// @brief The WSD anneal Megatron spells `name`, or nullopt.
[[nodiscard]] constexpr std::optional<wsd_decay_style> parse_wsd_decay_style(
    std::string_view name) noexcept {
  return detail::enum_from_name<wsd_decay_style>(name, wsd_decay_style_names);
}

/// @brief The learning-rate arguments of Megatron's `OptimizerParamScheduler`, with its
/// names, for designated initializers:
/// `{.max_lr = 3e-4, .min_lr = 3e-5, .lr_warmup_steps = 2000, .lr_decay_steps = 100000,
///   .lr_decay_style = megatron::decay_style::cosine}`.
struct optimizer_param_scheduler_options {
  double init_lr = 0.0;              ///< the LR at step 0 of the warmup (`--lr-warmup-init`)
  double max_lr = 0.0;               ///< the peak (`--lr`); > 0
  double min_lr = 0.0;               ///< the floor (`--min-lr`); in [0, max_lr]
  std::int64_t lr_warmup_steps = 0;  ///< W, >= 0 and < lr_decay_steps
  std::int64_t lr_decay_steps = 0;   ///< D, > 0, including the warmup
  decay_style lr_decay_style = decay_style::linear;                  ///< Megatron's default
  std::optional<std::int64_t> wsd_decay_steps = std::nullopt;        ///< WSD only, >= 0
  std::optional<wsd_decay_style> lr_wsd_decay_style = std::nullopt;  ///< WSD only
};

/// @brief Megatron-LM `OptimizerParamScheduler.get_lr`: a linear warmup from `init_lr` to
/// `max_lr` over `lr_warmup_steps` (W), then the `lr_decay_style` down to `min_lr` at
/// `lr_decay_steps` (D), then `min_lr`.
///
/// Warmup, 0 <= t <= W (when W > 0): init + (max − init)·t/W. Then, with r = (t − W)/(D − W):
/// - constant: max_lr for ever (min_lr and D unused);
/// - linear: min + (max − min)·(1 − r); cosine: min + (max − min)·½(1 + cos πr);
/// - inverse-square-root: max(min_lr, max_lr·√max(W, 1)/√max(t, 1));
/// - WSD: max_lr until A = D − wsd_decay_steps, then min + (max − min)·g(q),
///   q = (t − A)/wsd_decay_steps, g by `lr_wsd_decay_style` (1 − q, ½(1 + cos πq),
///   2·0.5^q − 1, 1 − √q); with wsd_decay_steps = 0, max_lr through D, min_lr after;
/// and min_lr past D for every style but constant. The native `wsd` for every style but
/// inverse-square-root, which is `chain(linear, inverse_sqrt, constant(min_lr))`; all sum
/// in closed form.
/// @param options Megatron's arguments; `wsd_decay_steps` and `lr_wsd_decay_style` are
///        required with WSD (Megatron asserts) and recorded, unused, with other styles.
/// @throws invalid_schedule on what Megatron asserts (min_lr >= 0, max_lr >= min_lr,
///         init_lr <= max_lr, lr_decay_steps > 0, lr_warmup_steps < lr_decay_steps), for
///         max_lr <= 0, and for a WSD anneal longer than the steps after the warmup
///         (Megatron would start it part-way).
inline auto optimizer_param_scheduler(const optimizer_param_scheduler_options& options) {
  const auto& o = options;
  const std::string kind(detail::megatron::kind);
  detail::require_finite(kind, "init_lr", o.init_lr);
  detail::require_positive(kind, "max_lr", o.max_lr);
  detail::require_nonnegative(kind, "min_lr", o.min_lr);
  if (o.min_lr > o.max_lr) {
    detail::reject(kind, "min_lr", "<= max_lr (" + detail::format_number(o.max_lr) + ")", o.min_lr);
  }
  if (o.init_lr > o.max_lr) {
    detail::reject(kind, "init_lr", "<= max_lr (" + detail::format_number(o.max_lr) + ")",
                   o.init_lr);
  }
  detail::require_positive_steps(kind, "lr_decay_steps", o.lr_decay_steps);
  detail::require_steps(kind, "lr_warmup_steps", o.lr_warmup_steps);
  if (o.lr_warmup_steps >= o.lr_decay_steps) {
    detail::reject(kind, "lr_warmup_steps",
                   "< lr_decay_steps (" + detail::format_number(o.lr_decay_steps) + ")",
                   o.lr_warmup_steps);
  }
  auto peer = description{kind}
                  .with("init_lr", o.init_lr)
                  .with("max_lr", o.max_lr)
                  .with("min_lr", o.min_lr)
                  .with("lr_warmup_steps", o.lr_warmup_steps)
                  .with("lr_decay_steps", o.lr_decay_steps)
                  .with("lr_decay_style", std::string(to_string(o.lr_decay_style)));
  if (o.wsd_decay_steps) {
    detail::require_steps(kind, "wsd_decay_steps", *o.wsd_decay_steps);
    peer.with("wsd_decay_steps", *o.wsd_decay_steps);
  }
  if (o.lr_wsd_decay_style) {
    peer.with("lr_wsd_decay_style", std::string(to_string(*o.lr_wsd_decay_style)));
  }
  const std::int64_t after_warmup = o.lr_decay_steps - o.lr_warmup_steps;
  wsd_options phases{.final_value = o.min_lr, .warmup_start_value = o.init_lr};
  const auto native = [&]() -> detail::megatron::schedule {
    switch (o.lr_decay_style) {
      case decay_style::constant:
        return wsd(o.max_lr, o.lr_warmup_steps, wsd::forever, 0, phases);
      case decay_style::linear:
        phases.decay_shape = wsd_shape::linear;
        return wsd(o.max_lr, o.lr_warmup_steps, 0, after_warmup, phases);
      case decay_style::cosine:
        phases.decay_shape = wsd_shape::cosine;
        return wsd(o.max_lr, o.lr_warmup_steps, 0, after_warmup, phases);
      case decay_style::inverse_square_root:
        return detail::megatron::make_inverse_square_root(o);
      case decay_style::wsd:
        break;
    }
    if (!o.wsd_decay_steps) {
      detail::raise_invalid("wsd_decay_steps",
                            kind + ": wsd_decay_steps must be set when lr_decay_style is WSD");
    }
    if (!o.lr_wsd_decay_style) {
      detail::raise_invalid("lr_wsd_decay_style",
                            kind + ": lr_wsd_decay_style must be set when lr_decay_style is WSD");
    }
    if (*o.wsd_decay_steps > after_warmup) {
      detail::reject(
          kind, "wsd_decay_steps",
          "<= lr_decay_steps - lr_warmup_steps (" + detail::format_number(after_warmup) + ")",
          *o.wsd_decay_steps);
    }
    switch (*o.lr_wsd_decay_style) {
      case wsd_decay_style::linear:
        phases.decay_shape = wsd_shape::linear;
        break;
      case wsd_decay_style::cosine:
        phases.decay_shape = wsd_shape::cosine;
        break;
      case wsd_decay_style::exponential:
        phases.decay_shape = wsd_shape::exponential;
        break;
      case wsd_decay_style::minus_sqrt:
        phases.decay_shape = wsd_shape::minus_sqrt;
        break;
    }
    // With no anneal Megatron keeps max_lr through lr_decay_steps (t <= D − 0), then
    // min_lr: the stable phase ends one step later than an anneal of 0 steps would.
    const std::int64_t stable =
        *o.wsd_decay_steps == 0 ? after_warmup + 1 : after_warmup - *o.wsd_decay_steps;
    return wsd(o.max_lr, o.lr_warmup_steps, stable, *o.wsd_decay_steps, phases);
  };
  return detail::as_peer(native(), std::move(peer));
}

}  // namespace lrsched::megatron

#endif  // LRSCHED_PEERS_MEGATRON_HPP
