/// @file fill.hpp
/// @brief `fill`: a table of a schedule's values, e.g. for a GPU trainer to upload once.
#ifndef LRSCHED_FILL_HPP
#define LRSCHED_FILL_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

#include <lrsched/concepts.hpp>

namespace lrsched {

/// @brief Writes s(first_step + i·stride) into out[i] for every i, as `double` or `float`.
///
/// Steps past the int64 maximum saturate there (a schedule holds its final value long
/// before), so any table size and stride is safe. `stride` must be >= 1 (smaller strides
/// are taken as 1). Values are exactly what `s(t)` returns, converted to T.
///
/// @code
/// std::vector<float> lr(100'000);
/// lrsched::fill(schedule, std::span<float>(lr));   // lr[t] = schedule(t)
/// @endcode
template <Schedule S, std::floating_point T>
void fill(const S& s, std::span<T> out, std::int64_t first_step = 0,
          std::int64_t stride = 1) noexcept(noexcept(s(first_step))) {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  if (stride < 1) stride = 1;
  std::int64_t step = first_step;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<T>(s(step));
    step = step > max - stride ? max : step + stride;
  }
}

}  // namespace lrsched

#endif  // LRSCHED_FILL_HPP
