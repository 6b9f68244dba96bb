// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file error.hpp
/// @brief The error a schedule's constructor reports for bad parameters: the exception
/// `invalid_schedule`, or, in a build without exceptions, a message on stderr and abort.
///
/// Light on purpose: it needs only `<exception>` (no `std::string`, no `<stdexcept>`), so
/// a family header that validates its parameters costs little more than `<cmath>` to
/// compile. The message and the parameter name are kept in fixed buffers.
///
/// Without exceptions (`-fno-exceptions`, detected by `__cpp_exceptions`, or the macro
/// `LRSCHED_NO_EXCEPTIONS` defined before the first lrsched include), an invalid parameter
/// prints `lrsched: <message>` and a newline to stderr and calls `std::abort()`.
#ifndef LRSCHED_ERROR_HPP
#define LRSCHED_ERROR_HPP

#include <concepts>
#include <cstddef>
#include <exception>

#if !defined(LRSCHED_NO_EXCEPTIONS) && !defined(__cpp_exceptions)
#define LRSCHED_NO_EXCEPTIONS 1
#endif

#ifdef LRSCHED_NO_EXCEPTIONS
#include <cstdio>
#include <cstdlib>
#endif

namespace lrsched {

namespace detail {

/// A parameter name as `invalid_schedule::parameter()` returns it: a NUL-terminated
/// text that compares equal to a string literal, a `std::string` or a `std::string_view`
/// with the same characters, and converts to either of them.
class parameter_name {
 public:
  explicit constexpr parameter_name(const char* text) noexcept : text_(text) {}

  [[nodiscard]] constexpr const char* c_str() const noexcept { return text_; }
  [[nodiscard]] constexpr const char* data() const noexcept { return text_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    while (text_[n] != '\0') ++n;
    return n;
  }

  /// To `std::string`, `std::string_view` (anything built from a pointer and a size).
  template <class Text>
    requires requires(const char* p, std::size_t n) {
      Text(p, n);
    }
  operator Text() const {  // NOLINT(google-explicit-constructor)
    return Text(text_, size());
  }

  friend constexpr bool operator==(const parameter_name& a, const char* b) noexcept {
    return equal(a.text_, a.size(), b, length(b));
  }
  template <class Text>
    requires requires(const Text& t) {
      { t.data() } -> std::convertible_to<const char*>;
      { t.size() } -> std::convertible_to<std::size_t>;
    }
  friend constexpr bool operator==(const parameter_name& a, const Text& b) noexcept {
    return equal(a.text_, a.size(), b.data(), static_cast<std::size_t>(b.size()));
  }

 private:
  static constexpr std::size_t length(const char* p) noexcept {
    std::size_t n = 0;
    while (p[n] != '\0') ++n;
    return n;
  }
  static constexpr bool equal(const char* a, std::size_t m, const char* b, std::size_t n) noexcept {
    if (m != n) return false;
    for (std::size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  const char* text_;
};

/// A NUL-terminated text of at most N - 1 characters; longer input is cut, ending in "...".
template <std::size_t N>
struct fixed_text {
  char text[N] = {};
  std::size_t used = 0;

  [[nodiscard]] constexpr const char* data() const noexcept { return text; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return used; }

  constexpr fixed_text& append(const char* p, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
      if (used + 1 >= N) {
        for (std::size_t j = N - 4; j + 1 < N; ++j) text[j] = '.';
        text[N - 1] = '\0';
        return *this;
      }
      text[used++] = p[i];
    }
    text[used] = '\0';
    return *this;
  }
  /// A text given as anything with data() and size() (`std::string`, `std::string_view`).
  template <class Text>
    requires requires(const Text& t) {
      { t.data() } -> std::convertible_to<const char*>;
      { t.size() } -> std::convertible_to<std::size_t>;
    }
  constexpr fixed_text& append(const Text& t) noexcept {
    return append(t.data(), static_cast<std::size_t>(t.size()));
  }
  constexpr fixed_text& append(const char* p) noexcept {
    std::size_t n = 0;
    while (p[n] != '\0') ++n;
    return append(p, n);
  }
};

}  // namespace detail

/// @brief Thrown by a schedule's constructor when a parameter is invalid.
///
/// The message (`what()`) names the parameter and the offending value, e.g.
/// `cosine: steps must be >= 0, got -5`; `parameter()` returns the bare name
/// (`"steps"`) for programs that map errors back to their own inputs; it compares equal
/// to and converts to `std::string` and `std::string_view`. Both are kept in fixed
/// buffers (a message longer than 511 characters is cut and ends in "..."), so the
/// exception needs no allocation and its header no `<string>`. Evaluating a schedule
/// never throws.
class invalid_schedule : public std::exception {
 public:
  /// @param parameter, message  texts: string literals, `std::string`s, `std::string_view`s.
  template <class Parameter, class Message>
  invalid_schedule(const Parameter& parameter, const Message& message) noexcept {
    parameter_.append(parameter);
    message_.append(message);
  }

  [[nodiscard]] const char* what() const noexcept override { return message_.text; }

  /// @brief The name of the parameter that was rejected.
  [[nodiscard]] detail::parameter_name parameter() const noexcept {
    return detail::parameter_name(parameter_.text);
  }

 private:
  detail::fixed_text<128> parameter_;
  detail::fixed_text<512> message_;
};

namespace detail {

/// Reports an invalid parameter: throws `invalid_schedule(parameter, message)`, or, without
/// exceptions, prints "lrsched: <message>" to stderr and aborts. Kept out of line and cold
/// so that a constructor's checks inline to a compare and a rarely taken call.
[[noreturn]] [[gnu::cold]] [[gnu::noinline]] inline void raise_invalid_text(const char* parameter,
                                                                            const char* message) {
#ifdef LRSCHED_NO_EXCEPTIONS
  (void)parameter;
  std::fputs("lrsched: ", stderr);
  std::fputs(message, stderr);
  std::fputs("\n", stderr);
  std::abort();
#else
  throw invalid_schedule(parameter, message);
#endif
}

/// `raise_invalid_text` for texts given as `std::string`s, `std::string_view`s or literals.
template <class Parameter, class Message>
[[noreturn]] void raise_invalid(const Parameter& parameter, const Message& message) {
  fixed_text<128> p;
  fixed_text<512> m;
  p.append(parameter);
  m.append(message);
  raise_invalid_text(p.text, m.text);
}

}  // namespace detail

}  // namespace lrsched

#endif  // LRSCHED_ERROR_HPP
