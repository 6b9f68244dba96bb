/// @file error.hpp
/// @brief The exception thrown when a schedule is built from bad parameters.
#ifndef LRSCHED_ERROR_HPP
#define LRSCHED_ERROR_HPP

#include <stdexcept>
#include <string>
#include <utility>

namespace lrsched {

/// @brief Thrown by a schedule's constructor when a parameter is invalid.
///
/// The message names the parameter and the offending value, e.g.
/// `cosine: steps must be >= 0, got -5`; `parameter()` returns the bare name
/// (`"steps"`) for programs that map errors back to their own inputs.
/// Evaluating a schedule never throws.
class invalid_schedule : public std::invalid_argument {
 public:
  invalid_schedule(std::string parameter, const std::string& message)
      : std::invalid_argument(message), parameter_(std::move(parameter)) {}

  /// @brief The name of the parameter that was rejected.
  [[nodiscard]] const std::string& parameter() const noexcept { return parameter_; }

 private:
  std::string parameter_;
};

}  // namespace lrsched

#endif  // LRSCHED_ERROR_HPP
