// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
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

#include <lrsched/chain.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

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
  /// does for typed pieces. Evaluation finds the piece by a count of the starts
  /// (up to 8 pieces) or a binary search, then evaluates a constant, linear or
  /// cosine piece in place and any other piece through one more indirect call;
  /// nested chains are flattened, so a chain of chains costs the same. One piece is returned as itself.
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

/// A typed `chain` can take `any_schedule` pieces: a finite one plays for its length.
template <>
struct piece_of<any_schedule> {
  using type = any_schedule;
  static const any_schedule& schedule(const any_schedule& p) noexcept { return p; }
  static std::int64_t steps(const any_schedule& p) noexcept { return p.length().value_or(-1); }
};

}  // namespace detail

}  // namespace lrsched

// The erased chain and product behind any_schedule::chain and any_schedule::product.
#include <lrsched/detail/any_chain.hpp>

#endif  // LRSCHED_ANY_SCHEDULE_HPP
