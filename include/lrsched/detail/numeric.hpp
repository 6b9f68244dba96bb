// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file detail/numeric.hpp
/// @brief Internals shared by the families: step clamping, compensated sums,
/// parameter validation and number formatting for error messages (in fixed buffers: this
/// header needs no <string>).
#ifndef LRSCHED_DETAIL_NUMERIC_HPP
#define LRSCHED_DETAIL_NUMERIC_HPP

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <limits>

#include <lrsched/error.hpp>

namespace lrsched::detail {

/// Steps before 0 evaluate as step 0 (DESIGN: "t < 0 evaluates as t = 0").
constexpr std::int64_t clamp_step(std::int64_t t) noexcept {
  return t < 0 ? 0 : t;
}

/// Number of integers in [first, last) as a long double; exact for any int64 pair
/// because the subtraction happens in floating point, never in (overflowing) int64.
constexpr long double count(std::int64_t first, std::int64_t last) noexcept {
  return last > first ? static_cast<long double>(last) - static_cast<long double>(first) : 0.0L;
}

/// last − first for first <= last, as an unsigned number: exact for any int64 pair.
constexpr std::uint64_t distance(std::int64_t first, std::int64_t last) noexcept {
  return static_cast<std::uint64_t>(last) - static_cast<std::uint64_t>(first);
}

/// first + offset for an offset with first + offset <= INT64_MAX, without signed overflow.
constexpr std::int64_t advance(std::int64_t first, std::uint64_t offset) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(first) + offset);
}

/// The midpoint lo + (hi − lo)/2 of lo <= hi, rounded towards lo, for any int64 pair.
constexpr std::int64_t midpoint(std::int64_t lo, std::int64_t hi) noexcept {
  return advance(lo, distance(lo, hi) / 2);
}

/// Sum of the integers t in [first, last): (first + last - 1) * (last - first) / 2.
constexpr long double sum_of_steps(std::int64_t first, std::int64_t last) noexcept {
  if (last <= first) return 0.0L;
  const long double n = count(first, last);
  return (static_cast<long double>(first) + static_cast<long double>(last) - 1.0L) * n / 2.0L;
}

/// Sum of t^2 for t in [0, n): (n-1) n (2n-1) / 6, in long double.
constexpr long double sum_of_squares_below(long double n) noexcept {
  return n <= 0 ? 0.0L : (n - 1.0L) * n * (2.0L * n - 1.0L) / 6.0L;
}

/// Neumaier's compensated summation in long double: the error does not grow with
/// the number of terms (beyond a couple of ulps), which makes it the reference
/// for fallback sums and for tests.
class compensated_sum {
 public:
  constexpr void add(long double x) noexcept {
    const long double t = sum_ + x;
    if (std::fabs(sum_) >= std::fabs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  [[nodiscard]] constexpr long double value() const noexcept { return sum_ + compensation_; }

 private:
  long double sum_ = 0.0L;
  long double compensation_ = 0.0L;
};

/// Appends the shortest round-trip text of a number (std::to_chars) to a message buffer.
template <std::size_t N>
void append_number(fixed_text<N>& text, double value) noexcept {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec != std::errc{}) {
    text.append("?");
  } else {
    text.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
  }
}
template <std::size_t N>
void append_number(fixed_text<N>& text, std::int64_t value) noexcept {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  text.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

/// "<name>[<index>]<suffix>", e.g. "pieces[2].steps": a parameter inside a list.
inline fixed_text<128> indexed_name(const char* name, std::int64_t index,
                                    const char* suffix = "") noexcept {
  fixed_text<128> text;
  text.append(name).append("[");
  append_number(text, index);
  text.append("]").append(suffix);
  return text;
}

/// "<before><value><after>", e.g. ">= lo (0.5)": a requirement that quotes a number.
template <class Value>
fixed_text<512> quoting(const char* before, Value value, const char* after) noexcept {
  fixed_text<512> text;
  text.append(before);
  if constexpr (std::floating_point<Value>) {
    append_number(text, static_cast<double>(value));
  } else {
    append_number(text, static_cast<std::int64_t>(value));
  }
  text.append(after);
  return text;
}

/// Shortest round-trip text for a number, for error messages built as strings (the
/// caller includes <string>; this header only forward-declares it).
template <class String = std::string>
String format_number(double value) {
  fixed_text<32> text;
  append_number(text, value);
  return String(text.text, text.used);
}
template <class String = std::string>
String format_number(std::int64_t value) {
  fixed_text<32> text;
  append_number(text, value);
  return String(text.text, text.used);
}

/// Reports "<family>: <parameter> must be <requirement>, got <value>" as invalid_schedule
/// (see raise_invalid_text); the texts are literals, std::strings or std::string_views.
template <class Family, class Parameter, class Requirement, class Value>
[[noreturn]] void reject(const Family& family, const Parameter& parameter,
                         const Requirement& requirement, Value value) {
  fixed_text<128> name;
  name.append(parameter);
  fixed_text<512> message;
  message.append(family).append(": ").append(name.text).append(" must be ");
  message.append(requirement).append(", got ");
  if constexpr (std::floating_point<Value>) {
    append_number(message, static_cast<double>(value));
  } else {
    append_number(message, static_cast<std::int64_t>(value));
  }
  raise_invalid_text(name.text, message.text);
}

template <class Family, class Parameter>
double require_finite(const Family& family, const Parameter& parameter, double value) {
  if (!std::isfinite(value)) reject(family, parameter, "finite", value);
  return value;
}

template <class Family, class Parameter>
double require_positive(const Family& family, const Parameter& parameter, double value) {
  if (!(std::isfinite(value) && value > 0.0)) reject(family, parameter, "finite and > 0", value);
  return value;
}

template <class Family, class Parameter>
double require_nonnegative(const Family& family, const Parameter& parameter, double value) {
  if (!(std::isfinite(value) && value >= 0.0)) {
    reject(family, parameter, "finite and >= 0", value);
  }
  return value;
}

template <class Family, class Parameter>
std::int64_t require_steps(const Family& family, const Parameter& parameter, std::int64_t steps) {
  if (steps < 0) reject(family, parameter, ">= 0", steps);
  return steps;
}

template <class Family, class Parameter>
std::int64_t require_positive_steps(const Family& family, const Parameter& parameter,
                                    std::int64_t steps) {
  if (steps < 1) reject(family, parameter, ">= 1", steps);
  return steps;
}

/// Rejects a chain whose last piece (index `last_index`), starting at `start`, has a length
/// (`open_ended`: none) that puts the chain's length() past the int64 maximum.
inline void require_chain_length_fits(std::int64_t last_index, std::int64_t start,
                                      bool open_ended, std::int64_t last_length) {
  if (open_ended || last_length <= std::numeric_limits<std::int64_t>::max() - start) return;
  fixed_text<512> requirement;
  requirement.append("short enough that the chain's length (");
  append_number(requirement, start);
  requirement.append(" + ");
  append_number(requirement, last_length);
  requirement.append(") fits in int64");
  reject("chain", indexed_name("pieces", last_index), requirement, last_length);
}

/// Largest finite double; used where a valid schedule must stay finite.
inline constexpr double max_finite = std::numeric_limits<double>::max();

/// a·b for finite a and b, saturated to ±max_finite where the product overflows double.
[[nodiscard]] constexpr double saturated_product(double a, double b) noexcept {
  const double p = a * b;
  return p > max_finite ? max_finite : (p < -max_finite ? -max_finite : p);
}

/// Rejects a product of schedule values that overflows at a step where it can be known
/// ahead (the start, where the factors hold): "<family>: <parameter> must be small enough
/// that <what> is finite at step <step>".
inline void require_finite_product(const char* family, const char* parameter, const char* what,
                                   std::int64_t step, double a, double b, double reported) {
  if (std::isfinite(a * b)) return;
  fixed_text<512> requirement;
  requirement.append("small enough that ").append(what).append(" is finite at step ");
  append_number(requirement, step);
  requirement.append(" (");
  append_number(requirement, a);
  requirement.append(" × ");
  append_number(requirement, b);
  requirement.append(")");
  reject(family, parameter, requirement, reported);
}

/// m^i for an integer i >= 0 by repeated squaring: exact while the result fits in a
/// long double's 64-bit mantissa when m is an integer.
[[nodiscard]] inline long double integer_power(long double m, std::int64_t i) noexcept {
  long double result = 1.0L;
  long double base = m;
  while (i > 0) {
    if (i % 2 == 1) result *= base;
    i /= 2;
    if (i > 0) base *= base;
  }
  return result;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_NUMERIC_HPP
