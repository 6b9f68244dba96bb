// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file chain.hpp
/// @brief `chain`: pieces played one after another, each on its own local clock.
#ifndef LRSCHED_CHAIN_HPP
#define LRSCHED_CHAIN_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <lrsched/concepts.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief A schedule played for a fixed number of steps inside a `chain`.
/// Made by `for_steps`; not a schedule on its own.
template <Schedule S>
struct segment {
  S schedule;
  std::int64_t steps;
};

/// @brief Play `schedule` for `steps` steps when it is a piece of a `chain`.
/// Needed for open-ended pieces (`constant`, `exponential`) and to cut or
/// extend a finite one; a finite piece without it plays for its `length()`.
template <Schedule S>
[[nodiscard]] segment<S> for_steps(std::int64_t steps, S schedule) {
  detail::require_steps("for_steps", "steps", steps);
  return segment<S>{std::move(schedule), steps};
}

namespace detail {

template <class P>
struct piece_of {
  using type = P;
  static const P& schedule(const P& p) noexcept { return p; }
  static std::int64_t steps(const P& p) {
    if constexpr (FiniteSchedule<P>) {
      return static_cast<std::int64_t>(p.length());
    } else {
      return -1;  // open-ended: only valid as the last piece
    }
  }
};
template <class S>
struct piece_of<segment<S>> {
  using type = S;
  static const S& schedule(const segment<S>& p) noexcept { return p.schedule; }
  static std::int64_t steps(const segment<S>& p) noexcept { return p.steps; }
};
template <class P>
using piece_type = typename piece_of<std::remove_cvref_t<P>>::type;

/// A schedule with an unchecked entry: `s.at_local(t)` equals `s(t)` for 0 <= t and, when
/// the schedule is finite, t < length(); it skips the clamping and holding tests a caller
/// that already knows where t lies (a chain, a warmup) has made.
template <class S>
concept has_at_local = requires(const S& s, std::int64_t t) {
  { s.at_local(t) } -> std::convertible_to<double>;
};

/// s(t) for 0 <= t (< s.length() when finite), through `at_local` when s has it.
template <class S>
[[nodiscard]] constexpr double at_local(const S& s, std::int64_t t) noexcept {
  if constexpr (has_at_local<S>) {
    return static_cast<double>(s.at_local(t));
  } else {
    return static_cast<double>(s(t));
  }
}

/// Whether a piece played for `duration` steps stays before its own length (so a chain
/// may call its unchecked entry): always for an open-ended piece.
template <class S>
[[nodiscard]] constexpr bool plays_within_length(const S& s, std::int64_t duration) noexcept {
  if constexpr (FiniteSchedule<S>) {
    return duration <= static_cast<std::int64_t>(s.length());
  } else {
    return true;
  }
}

}  // namespace detail

/// @brief Pieces played in order: piece k covers steps [start_k, start_{k+1})
/// and sees the local step t − start_k; the last piece is open-ended.
///
/// Boundaries are exact: the step that starts a piece gets that piece's value
/// at local step 0. A zero-length piece is a no-op. Up to 8 pieces, the active piece
/// is found by comparing t with the starts in order (the cascade a hand-written function
/// would be); beyond, by binary search over the starts, O(log pieces). Only it is
/// evaluated, through its unchecked `at_local` entry when it has one and plays no longer
/// than its own length (the last piece, open-ended, through its call operator).
/// Sum: each piece's (closed-form) sum over its part of the range, O(pieces).
/// Covers optax `join_schedules`, PyTorch `SequentialLR` (native semantics),
/// and every warmup/plateau/decay recipe.
template <Schedule... S>
class chain_schedule {
 public:
  static constexpr std::size_t size = sizeof...(S);
  static_assert(size >= 1, "a chain needs at least one piece");

  /// @param pieces the schedules in order.
  /// @param durations the steps each piece plays; the last entry is ignored
  ///        (the last piece is open-ended).
  chain_schedule(std::tuple<S...> pieces, const std::array<std::int64_t, size>& durations)
      : pieces_(std::move(pieces)) {
    std::int64_t start = 0;
    for (std::size_t k = 0; k < size; ++k) {
      starts_[k] = start;
      if (k + 1 == size) break;
      if (durations[k] < 0) {
        detail::reject("chain", detail::indexed_name("pieces", std::int64_t(k), ".steps"),
                       ">= 0 (an open-ended piece can only be last)", durations[k]);
      }
      if (start > std::numeric_limits<std::int64_t>::max() - durations[k]) {
        detail::reject("chain", detail::indexed_name("pieces", std::int64_t(k), ".steps"),
                       "small enough that the chain fits in int64", durations[k]);
      }
      start += durations[k];
    }
    const auto last_length = detail::optional_length(std::get<size - 1>(pieces_));
    detail::require_chain_length_fits(std::int64_t(size - 1), starts_.back(), !last_length,
                                      last_length.value_or(0));
    mark_within_length(durations, std::index_sequence_for<S...>{});
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = detail::clamp_step(step);
    if constexpr (size <= 8) {
      return evaluate_from<0>(t);
    } else {
      return evaluate(active_piece(t), t, std::index_sequence_for<S...>{});
    }
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return sum_pieces<false>(first, last, std::index_sequence_for<S...>{});
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return sum_pieces<true>(first, last, std::index_sequence_for<S...>{});
  }
  /// Σ over t = first, first + stride, ... below last: each piece's strided sum over the
  /// terms that fall in it, on its local clock. O(pieces).
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    return sum_strided_pieces(first, last, stride, std::index_sequence_for<S...>{});
  }

  /// The start of the last piece plus its length, when the last piece is finite.
  [[nodiscard]] std::int64_t length() const noexcept requires
      FiniteSchedule<std::tuple_element_t<sizeof...(S) - 1, std::tuple<S...>>> {
    return starts_.back() + static_cast<std::int64_t>(std::get<size - 1>(pieces_).length());
  }

  /// Kind "chain": parameter "steps" lists each non-final piece's duration; slot "pieces".
  [[nodiscard]] description describe() const {
    std::vector<std::int64_t> durations;
    for (std::size_t k = 0; k + 1 < size; ++k) durations.push_back(starts_[k + 1] - starts_[k]);
    std::vector<description> children;
    std::apply([&](const auto&... piece) { (children.push_back(detail::describe(piece)), ...); },
               pieces_);
    return description{"chain"}
        .with("steps", std::move(durations))
        .with_children("pieces", std::move(children));
  }

  /// The index of the piece that step `t` plays (the last piece starting at or before t).
  /// Up to 8 pieces: a branch-free count of the starts at or before t (no mispredicted
  /// branch at a piece boundary); beyond, a binary search, O(log pieces).
  [[nodiscard]] std::size_t active_piece(std::int64_t step) const noexcept {
    if constexpr (size <= 8) {
      std::size_t k = 0;
      for (std::size_t i = 1; i < size; ++i) k += static_cast<std::size_t>(starts_[i] <= step);
      return k;
    } else {
      const auto it = std::upper_bound(starts_.begin() + 1, starts_.end(), step);
      return static_cast<std::size_t>(it - starts_.begin()) - 1;
    }
  }

  [[nodiscard]] const std::tuple<S...>& pieces() const noexcept { return pieces_; }
  [[nodiscard]] const std::array<std::int64_t, size>& starts() const noexcept { return starts_; }

 private:
  /// Piece I, local step u with 0 <= u < its duration: through the unchecked entry when
  /// the piece plays no longer than its own length (or has none), else its call operator.
  template <std::size_t I>
  double evaluate_piece(std::int64_t u) const noexcept {
    const auto& piece = std::get<I>(pieces_);
    if constexpr (I + 1 == size) {
      return static_cast<double>(piece(u));  // open-ended: may be past its length
    } else if constexpr (FiniteSchedule<std::tuple_element_t<I, std::tuple<S...>>>) {
      return within_length_[I] ? detail::at_local(piece, u) : static_cast<double>(piece(u));
    } else {
      return detail::at_local(piece, u);
    }
  }

  /// Up to 8 pieces: the cascade a hand-written function would be, t < start_{I+1} tested
  /// in order (t >= start_I is known), then the piece; no search, no dispatch table.
  template <std::size_t I>
  double evaluate_from(std::int64_t t) const noexcept {
    if constexpr (I + 1 == size) {
      return evaluate_piece<I>(t - starts_[I]);
    } else {
      if (t < starts_[I + 1]) return evaluate_piece<I>(t - starts_[I]);
      return evaluate_from<I + 1>(t);
    }
  }

  template <std::size_t... I>
  double evaluate(std::size_t k, std::int64_t t, std::index_sequence<I...>) const noexcept {
    double value = 0.0;
    // Compiles to a jump table: exactly one piece is evaluated.
    (void)((k == I ? (value = evaluate_piece<I>(t - starts_[I]), true) : false) || ...);
    return value;
  }

  template <bool Squares, std::size_t... I>
  long double sum_pieces(std::int64_t first, std::int64_t last,
                         std::index_sequence<I...>) const noexcept {
    long double total = 0.0L;
    (
        [&] {
          const std::int64_t begin = std::max(first, starts_[I]);
          const std::int64_t end =
              I + 1 < size ? std::min(last, starts_[std::min(I + 1, size - 1)]) : last;
          if (begin >= end) return;
          const auto& piece = std::get<I>(pieces_);
          if constexpr (Squares) {
            total += detail::sum_of_squares_ld(piece, begin - starts_[I], end - starts_[I]);
          } else {
            total += detail::sum_ld(piece, begin - starts_[I], end - starts_[I]);
          }
        }(),
        ...);
    return total;
  }

  template <std::size_t... I>
  long double sum_strided_pieces(std::int64_t first, std::int64_t last, std::int64_t stride,
                                 std::index_sequence<I...>) const noexcept {
    long double total = 0.0L;
    (
        [&] {
          const std::int64_t end =
              I + 1 < size ? std::min(last, starts_[std::min(I + 1, size - 1)]) : last;
          const std::int64_t begin =
              detail::progression_at_or_after(first, stride, std::max(first, starts_[I]));
          if (begin >= end) return;
          total += detail::sum_strided_ld(std::get<I>(pieces_), begin - starts_[I],
                                          end - starts_[I], stride);
        }(),
        ...);
    return total;
  }

  template <std::size_t... I>
  void mark_within_length(const std::array<std::int64_t, size>& durations,
                          std::index_sequence<I...>) noexcept {
    ((within_length_[I] = detail::plays_within_length(std::get<I>(pieces_), durations[I])), ...);
  }

  std::tuple<S...> pieces_;
  std::array<std::int64_t, size> starts_{};
  std::array<bool, size> within_length_{};  // duration <= the piece's own length
};

/// @brief Build a chain from pieces: `for_steps(n, s)` segments or finite
/// schedules (which play for their `length()`); the last piece may be any
/// schedule and is open-ended. `chain(s)` is `s` itself.
///
/// @code
/// auto wsd = lrsched::chain(lrsched::linear(0.0, 3e-4, 2'000),            // warmup
///                           lrsched::for_steps(80'000, lrsched::constant(3e-4)),
///                           lrsched::linear(3e-4, 0.0, 18'000));           // decay
/// @endcode
template <class... P>
[[nodiscard]] auto chain(P... pieces) {
  if constexpr (sizeof...(P) == 1) {
    using only = std::tuple_element_t<0, std::tuple<detail::piece_type<P>...>>;
    return only(detail::piece_of<P>::schedule(pieces)...);
  } else {
    static_assert((Schedule<detail::piece_type<P>> && ...),
                  "every chain piece must be a Schedule or a for_steps(...) segment");
    std::array<std::int64_t, sizeof...(P)> durations{detail::piece_of<P>::steps(pieces)...};
    return chain_schedule<detail::piece_type<P>...>(
        std::tuple<detail::piece_type<P>...>(detail::piece_of<P>::schedule(pieces)...), durations);
  }
}

}  // namespace lrsched

#endif  // LRSCHED_CHAIN_HPP
