// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file peers/detail/peer.hpp
/// @brief What the peer-faithful constructors are built with: `peer_schedule`, a schedule
/// presented under a peer system's own name; `advanced`, a piece a peer starts part-way into
/// its shape; `one_of`, a shape chosen by a peer's string parameter.
///
/// The peer-faithful constructors (`lrsched::huggingface::get_linear_schedule_with_warmup`,
/// `lrsched::megatron::optimizer_param_scheduler`, ...) build the peer's arithmetic from native
/// families and compositions and wrap it here, so the result evaluates, sums and measures
/// exactly as the native composition does, and describes itself as the peer function with the
/// peer's parameter names ("kind" = "<peer>.<function>").
#ifndef LRSCHED_PEERS_DETAIL_PEER_HPP
#define LRSCHED_PEERS_DETAIL_PEER_HPP

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>
#include <variant>

#include <lrsched/chain.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/sum.hpp>

namespace lrsched::detail {

/// @brief `native` evaluated, summed and measured as is; described as a peer function.
///
/// The description is the one the peer-faithful constructor was called with (kind and
/// parameters as the peer names them), so a writer or formatter shows what the user wrote,
/// and `native()` shows the native composition that reproduces it.
template <Schedule Native>
class peer_schedule {
 public:
  peer_schedule(Native native,
                description peer) noexcept(std::is_nothrow_move_constructible_v<Native>)
      : native_(std::move(native)), peer_(std::move(peer)) {}

  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(native_(step));
  }
  [[nodiscard]] long double sum(std::int64_t first,
                                std::int64_t last) const noexcept requires ClosedFormSum<Native> {
    return detail::sum_ld(native_, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last)
      const noexcept requires ClosedFormSumOfSquares<Native> {
    return detail::sum_of_squares_ld(native_, first, last);
  }
  [[nodiscard]] constexpr std::int64_t length() const noexcept requires FiniteSchedule<Native> {
    return static_cast<std::int64_t>(native_.length());
  }

  [[nodiscard]] description describe() const { return peer_; }

  /// @brief The native schedule that reproduces the peer.
  [[nodiscard]] constexpr const Native& native() const noexcept { return native_; }

 private:
  Native native_;
  description peer_;
};

/// @brief s(t) = inner(t + steps): `inner` played from its own step `steps` on.
///
/// Several peers start a phase part-way into its shape: timm without `warmup_prefix` runs
/// its decay on the global clock, so the decay is already `warmup_t` steps in when the
/// warmup ends; HF's `cosine_warmup_with_min_lr` and DeepSpeed's `WarmupCosineLR` count
/// decay progress from one step past the warmup. A `chain` piece always starts at its local
/// step 0, so these pieces are advanced. Sum: the inner sum over the advanced range, closed
/// form when inner has one. Steps saturate at the int64 maximum.
template <Schedule S>
class advanced {
 public:
  advanced(S inner, std::int64_t steps)
      : inner_(std::move(inner)), steps_(require_steps("advance", "steps", steps)) {}

  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(inner_(local(step)));
  }
  [[nodiscard]] long double sum(std::int64_t first,
                                std::int64_t last) const noexcept requires ClosedFormSum<S> {
    return sum_ld(inner_, local(first), local(last)) + saturated_tail<false>(first, last);
  }
  [[nodiscard]] long double sum_of_squares(
      std::int64_t first, std::int64_t last) const noexcept requires ClosedFormSumOfSquares<S> {
    return sum_of_squares_ld(inner_, local(first), local(last)) + saturated_tail<true>(first, last);
  }
  [[nodiscard]] constexpr std::int64_t length() const noexcept requires FiniteSchedule<S> {
    const auto inner_length = static_cast<std::int64_t>(inner_.length());
    return inner_length > steps_ ? inner_length - steps_ : 0;
  }

  [[nodiscard]] description describe() const {
    return description{"advance"}
        .with("steps", steps_)
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] constexpr const S& inner() const noexcept { return inner_; }
  [[nodiscard]] constexpr std::int64_t steps() const noexcept { return steps_; }

 private:
  static constexpr std::int64_t max_step = std::numeric_limits<std::int64_t>::max();

  [[nodiscard]] constexpr std::int64_t local(std::int64_t step) const noexcept {
    const std::int64_t t = clamp_step(step);
    return t > max_step - steps_ ? max_step : t + steps_;
  }
  /// Steps whose advanced position saturated at the int64 maximum all take inner(max).
  template <bool Squares>
  [[nodiscard]] long double saturated_tail(std::int64_t first, std::int64_t last) const noexcept {
    const std::int64_t begin = std::max(first, max_step - steps_);
    if (begin >= last) return 0.0L;
    const auto value = static_cast<long double>(inner_(max_step));
    return count(begin, last) * (Squares ? value * value : value);
  }

  S inner_;
  std::int64_t steps_;
};

/// @brief One of several schedule types, chosen at run time: a peer function whose shape
/// depends on a string parameter (Megatron's `lr_decay_style`, DeepSpeed's `warmup_type`,
/// HF's WSD `decay_type`) is one C++ type whatever the string says.
///
/// Evaluates, sums and measures as the alternative it holds (one `std::visit`, a jump
/// table); the closed-form sum is kept when every alternative has one. Describes itself as
/// the alternative it holds.
template <Schedule... S>
class one_of {
 public:
  template <class Alternative>
    requires(std::is_same_v<std::remove_cvref_t<Alternative>, S> || ...)
  one_of(Alternative&& alternative)  // NOLINT(google-explicit-constructor): a choice of S...
      : held_(std::forward<Alternative>(alternative)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return std::visit([step](const auto& s) { return static_cast<double>(s(step)); }, held_);
  }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept
      requires(ClosedFormSum<S>&&...) {
    return std::visit([=](const auto& s) { return sum_ld(s, first, last); }, held_);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept
      requires(ClosedFormSumOfSquares<S>&&...) {
    return std::visit([=](const auto& s) { return sum_of_squares_ld(s, first, last); }, held_);
  }
  [[nodiscard]] std::int64_t length() const noexcept requires(FiniteSchedule<S>&&...) {
    return std::visit([](const auto& s) { return static_cast<std::int64_t>(s.length()); }, held_);
  }

  [[nodiscard]] description describe() const {
    return std::visit([](const auto& s) { return detail::describe(s); }, held_);
  }

  [[nodiscard]] const std::variant<S...>& held() const noexcept { return held_; }

 private:
  std::variant<S...> held_;
};

/// @brief The cosine that does not stop at its floor: from `peak` down to `floor` over
/// `half_period` steps, back up over as many, and so on, for ever.
///
/// s(t) = floor + (peak − floor)·½(1 + cos(πt/half_period)). HF's cosine schedules,
/// DeepSpeed's `WarmupCosineLR` and PyTorch's `CosineAnnealingLR` evaluate this formula
/// without clamping, so past the end of the decay they rise again. Built as
/// `repeat(chain(cosine(peak, floor, h), cosine(floor, peak, h)), 2h)`: native values
/// (accurate to the last bit near a zero floor) and a closed-form sum.
/// @param half_period h >= 1.
using cosine_wave = repeated<chain_schedule<cosine, cosine>>;

[[nodiscard]] inline cosine_wave make_cosine_wave(double peak, double floor,
                                                  std::int64_t half_period) {
  require_positive_steps("cosine_wave", "half_period", half_period);
  if (half_period > std::numeric_limits<std::int64_t>::max() / 2) {
    reject("cosine_wave", "half_period", "<= 2^62", half_period);
  }
  return repeat(chain(cosine(peak, floor, half_period), cosine(floor, peak, half_period)),
                2 * half_period);
}

/// @brief Wraps `native` as the peer function described by `peer`.
template <Schedule Native>
[[nodiscard]] peer_schedule<Native> as_peer(Native native, description peer) {
  return peer_schedule<Native>(std::move(native), std::move(peer));
}

}  // namespace lrsched::detail

#endif  // LRSCHED_PEERS_DETAIL_PEER_HPP
