/// @file detail/numeric.hpp
/// @brief Internals shared by the families: step clamping, compensated sums,
/// parameter validation and number formatting for error messages.
#ifndef LRSCHED_DETAIL_NUMERIC_HPP
#define LRSCHED_DETAIL_NUMERIC_HPP

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

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

/// Shortest round-trip text for a double (std::to_chars), for error messages.
inline std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec != std::errc{}) return "?";
  return std::string(buffer, result.ptr);
}
inline std::string format_number(std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

/// Throws invalid_schedule "<family>: <parameter> must be <requirement>, got <value>".
template <class Value>
[[noreturn]] void reject(std::string_view family, std::string_view parameter,
                         std::string_view requirement, Value value) {
  std::string message;
  message.append(family).append(": ").append(parameter).append(" must be ");
  message.append(requirement).append(", got ").append(format_number(value));
  throw invalid_schedule(std::string(parameter), message);
}

inline double require_finite(std::string_view family, std::string_view parameter, double value) {
  if (!std::isfinite(value)) reject(family, parameter, "finite", value);
  return value;
}

inline double require_positive(std::string_view family, std::string_view parameter, double value) {
  if (!(std::isfinite(value) && value > 0.0)) reject(family, parameter, "finite and > 0", value);
  return value;
}

inline double require_nonnegative(std::string_view family, std::string_view parameter,
                                  double value) {
  if (!(std::isfinite(value) && value >= 0.0)) {
    reject(family, parameter, "finite and >= 0", value);
  }
  return value;
}

inline std::int64_t require_steps(std::string_view family, std::string_view parameter,
                                  std::int64_t steps) {
  if (steps < 0) reject(family, parameter, ">= 0", steps);
  return steps;
}

inline std::int64_t require_positive_steps(std::string_view family, std::string_view parameter,
                                           std::int64_t steps) {
  if (steps < 1) reject(family, parameter, ">= 1", steps);
  return steps;
}

/// Rejects a chain whose last piece, starting at `start`, has a length (nullopt: open-ended)
/// that puts the chain's length() past the int64 maximum; `parameter` names the last piece.
inline void require_chain_length_fits(std::string_view parameter, std::int64_t start,
                                      std::optional<std::int64_t> last_length) {
  if (last_length && *last_length > std::numeric_limits<std::int64_t>::max() - start) {
    reject("chain", parameter,
           "short enough that the chain's length (" + format_number(start) + " + " +
               format_number(*last_length) + ") fits in int64",
           *last_length);
  }
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
inline void require_finite_product(std::string_view family, std::string_view parameter,
                                   std::string_view what, std::int64_t step, double a, double b,
                                   double reported) {
  if (std::isfinite(a * b)) return;
  reject(family, parameter,
         "small enough that " + std::string(what) + " is finite at step " + format_number(step) +
             " (" + format_number(a) + " × " + format_number(b) + ")",
         reported);
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
