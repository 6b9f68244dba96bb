// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file config/error.hpp
/// @brief `config_error`: a bad schedule configuration, with the JSON pointer
/// of the offending value.
#ifndef LRSCHED_CONFIG_ERROR_HPP
#define LRSCHED_CONFIG_ERROR_HPP

#if !defined(__cpp_exceptions) || defined(LRSCHED_NO_EXCEPTIONS)
#error "lrsched's config loaders (lrsched::json, the dialects) report bad input by throwing \
config_error and need exceptions; the core (<lrsched/lrsched.hpp>, lrsched::lrsched) and \
<lrsched/fmt.hpp> work without them"
#endif

#include <stdexcept>
#include <string>
#include <utility>

namespace lrsched {

/// @brief Thrown when a schedule configuration (a JSON document) is invalid.
///
/// `pointer()` is the RFC 6901 JSON pointer of the offending value (`""` for
/// the whole document), `problem()` what was wrong with it, and `what()` both:
/// `/pieces/2/steps: expected a non-negative integer, got -5`. When a family's
/// constructor rejects a parameter during loading, its `invalid_schedule`
/// becomes a config_error at that parameter:
/// `/pieces/1/hi: clamp: hi must be >= lo (0.5), got 0.1`.
///
/// Derived from `std::runtime_error`, not from `invalid_schedule`: a config
/// file is data from outside the program, and a bad one is a run-time
/// condition to report to whoever wrote the file, while `invalid_schedule`
/// (an `std::exception` from the core) says the program itself passed bad
/// values. A loader turns the one into the other, so a caller catches one
/// type, and `catch (const std::exception&)` still catches both.
class config_error : public std::runtime_error {
 public:
  config_error(std::string pointer, std::string problem)
      : std::runtime_error((pointer.empty() ? std::string("(root)") : pointer) + ": " + problem),
        pointer_(std::move(pointer)),
        problem_(std::move(problem)) {}

  /// @brief The JSON pointer of the offending value; `""` is the whole document.
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  /// @brief What is wrong with it, e.g. `expected a non-negative integer, got -5`.
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

 private:
  std::string pointer_;
  std::string problem_;
};

}  // namespace lrsched

#endif  // LRSCHED_CONFIG_ERROR_HPP
