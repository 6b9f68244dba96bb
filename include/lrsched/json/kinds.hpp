/// @file json/kinds.hpp
/// @brief The built-in kinds of the canonical JSON format: every lrsched
/// family and combinator, with the fields its `describe()` reports.
#ifndef LRSCHED_JSON_KINDS_HPP
#define LRSCHED_JSON_KINDS_HPP

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "../any_schedule.hpp"
#include "../compose.hpp"
#include "../constant.hpp"
#include "../linear.hpp"
#include "registry.hpp"

namespace lrsched::config {

namespace detail {

inline void add_builtin_kinds(kind_registry& r) {
  // Families.
  r.add(
      "constant", "the same value at every step", [](double value) { return constant(value); },
      real("value"));
  r.add(
      "linear", "a straight ramp from start_value to end_value over steps, then hold",
      [](double start_value, double end_value, std::int64_t n) {
        return linear(start_value, end_value, n);
      },
      real("start_value"), real("end_value"), steps("steps"));

  // Combinators.
  r.add(
      "chain",
      "pieces played in order, each on its own clock; steps lists the duration of every piece "
      "but the last (default: each piece's own length)",
      [](std::optional<std::vector<std::int64_t>> durations, std::vector<any_schedule> pieces) {
        return durations ? any_schedule::chain(std::move(pieces), std::move(*durations))
                         : any_schedule::chain(std::move(pieces));
      },
      optional_steps_list("steps"), schedules("pieces"));
  r.add(
      "product", "the pointwise product of the factors",
      [](std::vector<any_schedule> factors) { return any_schedule::product(std::move(factors)); },
      schedules("factors"));
  r.add(
      "scale", "factor times the schedule",
      [](double factor, auto inner) { return lrsched::scale(std::move(inner), factor); },
      real("factor"), schedule("schedule"));
  r.add(
      "clamp", "the schedule limited to [lo, hi]",
      [](double lo, double hi, auto inner) { return lrsched::clamp(std::move(inner), lo, hi); },
      real("lo"), real("hi"), schedule("schedule"));
  r.add(
      "shift", "the schedule delayed by steps, holding its first value until then",
      [](std::int64_t n, auto inner) { return lrsched::shift(std::move(inner), n); },
      steps("steps"), schedule("schedule"));
}

}  // namespace detail

/// @brief The registry the JSON loader uses: the built-in kinds, plus any a
/// program adds (add them at start-up, before loading on several threads).
inline kind_registry& kinds() {
  static kind_registry registry = [] {
    kind_registry r;
    detail::add_builtin_kinds(r);
    return r;
  }();
  return registry;
}

}  // namespace lrsched::config

#endif  // LRSCHED_JSON_KINDS_HPP
