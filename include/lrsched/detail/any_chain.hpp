// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/any_chain.hpp
/// @brief The erased composites behind `any_schedule::chain` and `any_schedule::product`:
/// `any_chain` (pieces found by position, nested chains flattened) and `any_product`.
/// Completes any_schedule.hpp, which includes it at its end; not part of the API.
#ifndef LRSCHED_DETAIL_ANY_CHAIN_HPP
#define LRSCHED_DETAIL_ANY_CHAIN_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/chain.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/error.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

namespace detail {

/// Splices nested chains into one list of pieces and durations. A nested
/// chain in a non-final position is cut at its duration: its pieces that
/// start at or after the cut are dropped and the piece that straddles it gets
/// the remainder. Values are unchanged (every piece still sees the same local
/// step). `as_chain(piece)` returns a nested chain's (pieces, durations) as
/// a pair of pointers, or std::nullopt; `Piece` is any_schedule or description.
template <class Piece, class AsChain>
void flatten_chain(std::vector<Piece>& pieces, std::vector<std::int64_t>& durations,
                   AsChain as_chain) {
  std::vector<Piece> out_pieces;
  std::vector<std::int64_t> out_durations;
  const std::size_t n = pieces.size();
  for (std::size_t k = 0; k < n; ++k) {
    const bool last = k + 1 == n;
    const auto nested = as_chain(pieces[k]);
    if (!nested) {
      out_pieces.push_back(std::move(pieces[k]));
      if (!last) out_durations.push_back(durations[k]);
      continue;
    }
    const std::vector<Piece>& inner_pieces = *nested->first;
    const std::vector<std::int64_t>& inner_durations = *nested->second;
    std::int64_t remaining = last ? std::numeric_limits<std::int64_t>::max() : durations[k];
    for (std::size_t j = 0; j < inner_pieces.size(); ++j) {
      const bool inner_last = j + 1 == inner_pieces.size();
      const std::int64_t own = inner_last ? remaining : std::min(inner_durations[j], remaining);
      const bool cut_here = inner_last || (!last && own == remaining);
      out_pieces.push_back(inner_pieces[j]);
      if (cut_here) {
        if (!last) out_durations.push_back(remaining);
        break;
      }
      out_durations.push_back(own);
      remaining -= own;
    }
  }
  pieces = std::move(out_pieces);
  durations = std::move(out_durations);
}

/// A chain piece of a built-in leaf kind, kept by value inside `any_chain` and evaluated
/// in place (a switch on the kind and an inlined call) instead of through the piece's
/// indirect call; other pieces go through their `any_schedule`.
struct chain_leaf {
  enum class kind : unsigned char { other, constant, linear, cosine };
  /// A copy of the piece when it is of a built-in leaf kind (all trivially copyable).
  union leaf_value {
    leaf_value() noexcept : none() {}
    char none;
    lrsched::constant constant;
    lrsched::linear linear;
    lrsched::cosine cosine;
  };

  kind which = kind::other;
  bool unchecked = false;  // a non-final piece playing within its length
  leaf_value value;

  chain_leaf(const any_schedule& piece, std::int64_t duration, bool last) noexcept {
    if (const auto* c = piece.target<lrsched::constant>()) {
      which = kind::constant;
      value.constant = *c;
    } else if (const auto* l = piece.target<lrsched::linear>()) {
      which = kind::linear;
      value.linear = *l;
      unchecked = !last && duration <= l->length();
    } else if (const auto* cs = piece.target<lrsched::cosine>()) {
      which = kind::cosine;
      value.cosine = *cs;
      unchecked = !last && duration <= cs->length();
    }
  }

  /// The piece's value at local step u >= 0 (u < its duration unless it is the last).
  [[nodiscard]] double operator()(const any_schedule& piece, std::int64_t u) const noexcept {
    switch (which) {
      case kind::constant:
        return value.constant.at_local(u);
      case kind::linear:
        return unchecked ? value.linear.at_local(u) : value.linear(u);
      case kind::cosine:
        return unchecked ? value.cosine.at_local(u) : value.cosine(u);
      case kind::other:
        break;
    }
    return piece(u);
  }
};

/// The erased chain node behind `any_schedule::chain`: pieces, their starts, the
/// active piece found by a count (up to 8 pieces) or a binary search, then evaluated in
/// place when it is a constant, linear or cosine piece, else through one indirect call.
class any_chain {
 public:
  any_chain(std::vector<any_schedule> pieces, std::vector<std::int64_t> durations)
      : pieces_(std::move(pieces)), durations_(std::move(durations)) {
    if (pieces_.empty()) raise_invalid("pieces", "chain: pieces must not be empty");
    if (durations_.size() + 1 != pieces_.size()) {
      reject("chain", "steps",
             "one duration per piece but the last (" +
                 format_number(static_cast<std::int64_t>(pieces_.size() - 1)) + ")",
             static_cast<std::int64_t>(durations_.size()));
    }
    starts_.reserve(pieces_.size());
    std::int64_t start = 0;
    for (std::size_t k = 0; k < durations_.size(); ++k) {
      starts_.push_back(start);
      const std::string parameter = "steps[" + format_number(static_cast<std::int64_t>(k)) + "]";
      if (durations_[k] < 0) reject("chain", parameter, ">= 0", durations_[k]);
      if (start > std::numeric_limits<std::int64_t>::max() - durations_[k]) {
        reject("chain", parameter, "small enough that the chain fits in int64", durations_[k]);
      }
      start += durations_[k];
    }
    starts_.push_back(start);
    const auto last_length = pieces_.back().length();
    require_chain_length_fits(static_cast<std::int64_t>(pieces_.size() - 1), start, !last_length,
                              last_length.value_or(0));
    leaves_.reserve(pieces_.size());
    for (std::size_t k = 0; k < pieces_.size(); ++k) {
      const bool last = k + 1 == pieces_.size();
      leaves_.emplace_back(pieces_[k], last ? 0 : durations_[k], last);
    }
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = clamp_step(step);
    const auto k = active_piece(t);
    return leaves_[k](pieces_[k], t - starts_[k]);
  }

  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return sum_pieces(
        first, last, 1,
        [](const any_schedule& piece, std::int64_t a, std::int64_t b) { return piece.sum(a, b); });
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return sum_pieces(first, last, 1,
                      [](const any_schedule& piece, std::int64_t a, std::int64_t b) {
                        return piece.sum_of_squares(a, b);
                      });
  }
  /// Each piece's strided sum over the terms that fall in it, on its local clock.
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    return sum_pieces(first, last, stride,
                      [stride](const any_schedule& piece, std::int64_t a, std::int64_t b) {
                        return piece.sum_strided(a, b, stride);
                      });
  }

  /// The start of the last piece plus its length, when the last piece is finite.
  [[nodiscard]] std::optional<std::int64_t> length() const noexcept {
    const auto tail = pieces_.back().length();
    if (!tail || *tail > std::numeric_limits<std::int64_t>::max() - starts_.back()) {
      return std::nullopt;
    }
    return starts_.back() + *tail;
  }

  /// Kind "chain", as the typed chain describes itself.
  [[nodiscard]] description describe() const {
    std::vector<description> children;
    children.reserve(pieces_.size());
    for (const auto& piece : pieces_) children.push_back(piece.describe());
    return description{"chain"}
        .with("steps", durations_)
        .with_children("pieces", std::move(children));
  }

  /// Up to 8 pieces: a branch-free count of the starts at or before `step`; beyond, a
  /// binary search.
  [[nodiscard]] std::size_t active_piece(std::int64_t step) const noexcept {
    const std::size_t n = starts_.size();  // one start per piece
    if (n <= 8) {
      std::size_t k = 0;
      for (std::size_t i = 1; i < n; ++i) k += static_cast<std::size_t>(starts_[i] <= step);
      return k;
    }
    const auto it = std::upper_bound(starts_.begin() + 1, starts_.end(), step);
    return static_cast<std::size_t>(it - starts_.begin()) - 1;
  }
  [[nodiscard]] const std::vector<any_schedule>& pieces() const noexcept { return pieces_; }
  [[nodiscard]] const std::vector<std::int64_t>& durations() const noexcept { return durations_; }
  [[nodiscard]] const std::vector<std::int64_t>& starts() const noexcept { return starts_; }

 private:
  /// Σ of `piece_sum(piece, local_begin, local_end)` over the pieces the terms first,
  /// first + stride, ... below last fall in; local_begin is the piece's first term.
  template <class PieceSum>
  long double sum_pieces(std::int64_t first, std::int64_t last, std::int64_t stride,
                         PieceSum piece_sum) const noexcept {
    long double total = 0.0L;
    const std::size_t n = pieces_.size();
    for (std::size_t k = first <= 0 ? 0 : active_piece(first); k < n; ++k) {
      const std::int64_t end = k + 1 < n ? std::min(last, starts_[k + 1]) : last;
      const std::int64_t begin =
          progression_at_or_after(first, stride, std::max(first, starts_[k]));
      if (begin >= last) break;
      if (begin >= end) continue;
      total += piece_sum(pieces_[k], begin - starts_[k], end - starts_[k]);
    }
    return total;
  }

  std::vector<any_schedule> pieces_;
  std::vector<std::int64_t> durations_;
  std::vector<std::int64_t> starts_;  // one per piece
  std::vector<chain_leaf> leaves_;    // one per piece
};

/// The erased n-ary product behind `any_schedule::product`.
class any_product {
 public:
  explicit any_product(std::vector<any_schedule> factors) : factors_(std::move(factors)) {
    if (factors_.empty()) raise_invalid("factors", "product: factors must not be empty");
    for (std::size_t k = 0; k < factors_.size(); ++k) {
      if (const auto* c = factors_[k].target<constant>()) {
        coefficient_ *= c->value();
      } else {
        varying_.push_back(k);
      }
    }
    // The product must be finite where it can be known ahead: step 0 and where factors hold.
    std::vector<std::int64_t> steps{0};
    for (const auto& factor : factors_) {
      if (const auto hold = factor.length(); hold && *hold > 0) steps.push_back(*hold);
    }
    for (const std::int64_t step : steps) {
      double value = factors_.front()(step);
      for (std::size_t k = 1; k < factors_.size(); ++k) {
        const double next = factors_[k](step);
        require_finite_product("product", "factors", "the product", step, value, next,
                               value * next);
        value *= next;
      }
    }
  }

  /// Left to right, as the typed product nests: ((f0 · f1) · f2) ..., each product
  /// saturated to ±DBL_MAX where it would overflow between the steps checked at construction.
  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    double value = factors_.front()(step);
    for (std::size_t k = 1; k < factors_.size(); ++k) {
      value = saturated_product(value, factors_[k](step));
    }
    return value;
  }

  /// Closed form when at most one factor varies: the constants' product times its sum.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    if (varying_.empty()) return count(first, last) * coefficient_;
    if (varying_.size() == 1) return coefficient_ * factors_[varying_[0]].sum(first, last);
    return loop_sum(*this, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    const long double c2 = coefficient_ * coefficient_;
    if (varying_.empty()) return count(first, last) * c2;
    if (varying_.size() == 1) return c2 * factors_[varying_[0]].sum_of_squares(first, last);
    return loop_sum_of_squares(*this, first, last);
  }
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    if (varying_.empty()) {
      return static_cast<long double>(progression_count(first, last, stride)) * coefficient_;
    }
    if (varying_.size() == 1) {
      return coefficient_ * factors_[varying_[0]].sum_strided(first, last, stride);
    }
    return loop_sum_strided(*this, first, last, stride);
  }

  /// Holds from the longest varying factor's length on, when every varying factor is finite.
  [[nodiscard]] std::optional<std::int64_t> length() const noexcept {
    if (varying_.empty()) return std::nullopt;  // constants are open-ended
    std::int64_t longest = 0;
    for (const auto k : varying_) {
      const auto factor_length = factors_[k].length();
      if (!factor_length) return std::nullopt;
      longest = std::max(longest, *factor_length);
    }
    return longest;
  }

  [[nodiscard]] description describe() const {
    std::vector<description> children;
    children.reserve(factors_.size());
    for (const auto& factor : factors_) children.push_back(factor.describe());
    return description{"product"}.with_children("factors", std::move(children));
  }

  [[nodiscard]] const std::vector<any_schedule>& factors() const noexcept { return factors_; }

 private:
  std::vector<any_schedule> factors_;
  std::vector<std::size_t> varying_;  // indices of the non-constant factors
  long double coefficient_ = 1.0L;    // product of the constant factors
};

}  // namespace detail

inline any_schedule any_schedule::chain(std::vector<any_schedule> pieces,
                                        std::vector<std::int64_t> steps) {
  if (pieces.size() == 1 && steps.empty()) return std::move(pieces.front());
  // Validate the outer durations before splicing (the node validates the result too).
  detail::any_chain outer(pieces, steps);
  detail::flatten_chain(pieces, steps, [](const any_schedule& piece) {
    const auto* nested = piece.target<detail::any_chain>();
    return nested ? std::optional(std::pair(&nested->pieces(), &nested->durations()))
                  : std::nullopt;
  });
  return any_schedule(detail::any_chain(std::move(pieces), std::move(steps)));
}

inline any_schedule any_schedule::chain(std::vector<any_schedule> pieces) {
  std::vector<std::int64_t> steps;
  for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
    const auto piece_length = pieces[k].length();
    if (!piece_length) {
      const std::string index = detail::format_number(static_cast<std::int64_t>(k));
      detail::raise_invalid("pieces[" + index + "]",
                            "chain: piece " + index + " (" + pieces[k].describe().kind +
                                ") is open-ended, so the chain needs its duration in steps");
    }
    steps.push_back(*piece_length);
  }
  return chain(std::move(pieces), std::move(steps));
}

inline any_schedule any_schedule::product(std::vector<any_schedule> factors) {
  if (factors.size() == 1) return std::move(factors.front());
  return any_schedule(detail::any_product(std::move(factors)));
}

}  // namespace lrsched

#endif  // LRSCHED_DETAIL_ANY_CHAIN_HPP
