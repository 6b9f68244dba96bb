/// @file any_schedule.hpp
/// @brief `any_schedule`: any schedule behind one type, for schedules chosen at
/// run time (loaded from a config file, picked by a command-line flag).
#ifndef LRSCHED_ANY_SCHEDULE_HPP
#define LRSCHED_ANY_SCHEDULE_HPP

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "chain.hpp"
#include "concepts.hpp"
#include "constant.hpp"
#include "description.hpp"
#include "detail/numeric.hpp"
#include "strided_sum.hpp"
#include "sum.hpp"

namespace lrsched {

class any_schedule;

namespace detail {

/// One address per type: identifies a stored type without RTTI.
template <class T>
inline constexpr char type_tag = 0;

/// What every stored schedule offers besides evaluation (which goes through a
/// plain function pointer kept in `any_schedule` itself: one indirect call).
class any_model {
 public:
  any_model() = default;
  any_model(const any_model&) = delete;
  any_model& operator=(const any_model&) = delete;
  virtual ~any_model() = default;

  [[nodiscard]] virtual const void* object() const noexcept = 0;
  [[nodiscard]] virtual const void* tag() const noexcept = 0;
  [[nodiscard]] virtual long double sum(std::int64_t first, std::int64_t last) const noexcept = 0;
  [[nodiscard]] virtual long double sum_of_squares(std::int64_t first,
                                                   std::int64_t last) const noexcept = 0;
  [[nodiscard]] virtual long double sum_strided(std::int64_t first, std::int64_t last,
                                                std::int64_t stride) const noexcept = 0;
  [[nodiscard]] virtual std::optional<std::int64_t> length() const noexcept = 0;
  [[nodiscard]] virtual description describe() const = 0;
};

template <class S>
class any_model_for final : public any_model {
 public:
  explicit any_model_for(S schedule) : schedule_(std::move(schedule)) {}

  [[nodiscard]] const void* object() const noexcept override { return &schedule_; }
  [[nodiscard]] const void* tag() const noexcept override { return &type_tag<S>; }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept override {
    return sum_ld(schedule_, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first,
                                           std::int64_t last) const noexcept override {
    return sum_of_squares_ld(schedule_, first, last);
  }
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept override {
    return sum_strided_ld(schedule_, first, last, stride);
  }
  [[nodiscard]] std::optional<std::int64_t> length() const noexcept override {
    return optional_length(schedule_);
  }
  [[nodiscard]] description describe() const override { return detail::describe(schedule_); }

  /// Evaluation, reached through a function pointer.
  static double evaluate(const void* object, std::int64_t step) noexcept {
    return static_cast<double>((*static_cast<const S*>(object))(step));
  }

 private:
  S schedule_;
};

class finite_any_schedule;
class any_chain;
class any_product;

}  // namespace detail

/// @brief Any schedule behind one type: an immutable value with shared
/// ownership of the schedule it holds, cheap to copy, that satisfies
/// `Schedule` and `ClosedFormSum` and keeps `sum_of_squares`, the length of a
/// finite shape and `describe()`.
///
/// Evaluation is one indirect call; the summed LR is the held schedule's own
/// closed form, so a loaded chain still sums in O(pieces). Use the typed
/// schedules when the shape is known at compile time (they inline fully) and
/// `any_schedule` when it is not: a config file (`lrsched/json.hpp` returns
/// one), a command-line choice, a container of mixed schedules.
///
/// There is no empty state: an `any_schedule` is made from a schedule, and a
/// moved-from one still holds it (moving is copying a shared pointer).
///
/// @code
/// lrsched::any_schedule s = lrsched::linear(0.0, 3e-4, 2'000);
/// auto run = lrsched::any_schedule::chain({s, lrsched::constant(3e-4)});
/// double lr = run(5'000);                       // 3e-4
/// double area = lrsched::sum(run, 0, 100'000);  // closed form, O(pieces)
/// @endcode
class any_schedule {
 public:
  /// @brief Holds a copy of `schedule`. Implicit, so any schedule converts.
  // The cheap tests come first, so that asking whether some wrapper of an
  // any_schedule (a tuple element, say) is copyable never recurses into here.
  template <class S>
    requires(!std::same_as<std::remove_cvref_t<S>, any_schedule> &&
             !std::same_as<std::remove_cvref_t<S>, detail::finite_any_schedule> &&
             std::is_invocable_r_v<double, const S&, std::int64_t> && Schedule<S>)
  any_schedule(S schedule)  // NOLINT(google-explicit-constructor)
      : any_schedule(std::make_shared<const detail::any_model_for<S>>(std::move(schedule)),
                     &detail::any_model_for<S>::evaluate) {}

  any_schedule(const any_schedule&) = default;
  any_schedule& operator=(const any_schedule&) = default;
  ~any_schedule() = default;
  // No move operations: a move is a copy, so a moved-from value stays valid.

  /// @brief The learning rate at `step`: one indirect call.
  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return evaluate_(object_, step);
  }

  /// @brief Σ_{t=first}^{last-1} s(t) by the held schedule's closed form.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return model_->sum(first, last);
  }
  /// @brief Σ_{t=first}^{last-1} s(t)² by the held schedule's closed form when it has one.
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return model_->sum_of_squares(first, last);
  }
  /// @brief Σ s(t) over t = first, first + stride, ... below last (a schedule written in
  /// samples, used through `per_step` or `in_steps`): the held schedule's closed form
  /// when it has one.
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    return model_->sum_strided(first, last, stride);
  }
  /// @brief The held schedule's `length()` if it is finite, else `std::nullopt`.
  ///
  /// An optional rather than a number, so `any_schedule` is not a
  /// `FiniteSchedule` at compile time; `any_schedule::chain` and the typed
  /// `chain` read it at run time.
  [[nodiscard]] std::optional<std::int64_t> length() const noexcept { return model_->length(); }

  /// @brief The held schedule's description (kind, parameters, children).
  [[nodiscard]] description describe() const { return model_->describe(); }

  /// @brief The held schedule if its type is exactly `T`, else nullptr.
  template <class T>
  [[nodiscard]] const T* target() const noexcept {
    return model_->tag() == &detail::type_tag<T> ? static_cast<const T*>(object_) : nullptr;
  }

  /// @brief Pieces played in order, each for the matching entry of `steps`
  /// (one duration per piece but the last, which is open-ended), as `chain`
  /// does for typed pieces. Evaluation finds the piece by binary search and
  /// makes one more indirect call; nested chains are flattened, so a chain of
  /// chains costs the same. One piece is returned as itself.
  /// @throws invalid_schedule if `pieces` is empty, `steps` has the wrong
  ///         size, a duration is negative, or the total overflows int64.
  [[nodiscard]] static any_schedule chain(std::vector<any_schedule> pieces,
                                          std::vector<std::int64_t> steps);

  /// @brief Pieces played in order for their natural `length()`; the last is
  /// open-ended.
  /// @throws invalid_schedule (parameter `pieces[k]`) if a piece other than
  ///         the last has no length.
  [[nodiscard]] static any_schedule chain(std::vector<any_schedule> pieces);

  /// @brief The pointwise product of `factors`, left to right. Keeps the
  /// closed-form sum when all factors but one are `constant`s.
  /// @throws invalid_schedule if `factors` is empty.
  [[nodiscard]] static any_schedule product(std::vector<any_schedule> factors);

 private:
  using evaluate_fn = double (*)(const void*, std::int64_t) noexcept;

  any_schedule(std::shared_ptr<const detail::any_model> model, evaluate_fn evaluate) noexcept
      : model_(std::move(model)), object_(model_->object()), evaluate_(evaluate) {}

  friend class detail::finite_any_schedule;

  std::shared_ptr<const detail::any_model> model_;
  const void* object_;
  evaluate_fn evaluate_;
};

namespace detail {

/// An `any_schedule` known to be finite: a `FiniteSchedule` at compile time,
/// so typed composites built around a loaded schedule (`scaled`, `shifted`,
/// ...) keep their `length()` when the loaded schedule has one. Converting it
/// back to `any_schedule` unwraps it.
class finite_any_schedule {
 public:
  /// @pre `schedule.length()` has a value.
  explicit finite_any_schedule(any_schedule schedule) noexcept
      : schedule_(std::move(schedule)), length_(schedule_.length().value_or(0)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept { return schedule_(step); }
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    return schedule_.sum(first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last) const noexcept {
    return schedule_.sum_of_squares(first, last);
  }
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    return schedule_.sum_strided(first, last, stride);
  }
  [[nodiscard]] std::int64_t length() const noexcept { return length_; }
  [[nodiscard]] description describe() const { return schedule_.describe(); }

  [[nodiscard]] const any_schedule& schedule() const noexcept { return schedule_; }
  operator const any_schedule&() const noexcept { return schedule_; }  // NOLINT

 private:
  any_schedule schedule_;
  std::int64_t length_;
};

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

/// The erased chain node behind `any_schedule::chain`: pieces, their starts,
/// binary search, one indirect call into the active piece.
class any_chain {
 public:
  any_chain(std::vector<any_schedule> pieces, std::vector<std::int64_t> durations)
      : pieces_(std::move(pieces)), durations_(std::move(durations)) {
    if (pieces_.empty()) throw invalid_schedule("pieces", "chain: pieces must not be empty");
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
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = clamp_step(step);
    const auto k = active_piece(t);
    return pieces_[k](t - starts_[k]);
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
};

/// The erased n-ary product behind `any_schedule::product`.
class any_product {
 public:
  explicit any_product(std::vector<any_schedule> factors) : factors_(std::move(factors)) {
    if (factors_.empty()) throw invalid_schedule("factors", "product: factors must not be empty");
    for (std::size_t k = 0; k < factors_.size(); ++k) {
      if (const auto* c = factors_[k].target<constant>()) {
        coefficient_ *= c->value();
      } else {
        varying_.push_back(k);
      }
    }
  }

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    // Left to right, as the typed product nests: ((f0 · f1) · f2) ...
    double value = factors_.front()(step);
    for (std::size_t k = 1; k < factors_.size(); ++k) value *= factors_[k](step);
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

/// A typed `chain` can take `any_schedule` pieces: a finite one plays for its length.
template <>
struct piece_of<any_schedule> {
  using type = any_schedule;
  static const any_schedule& schedule(const any_schedule& p) noexcept { return p; }
  static std::int64_t steps(const any_schedule& p) noexcept { return p.length().value_or(-1); }
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
      throw invalid_schedule("pieces[" + index + "]",
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

#endif  // LRSCHED_ANY_SCHEDULE_HPP
