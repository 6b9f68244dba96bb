/// @file detail/peer.hpp
/// @brief `peer_schedule`: a schedule presented under a peer system's own name.
///
/// The peer-faithful constructors (`lrsched::huggingface::get_linear_schedule_with_warmup`,
/// `lrsched::megatron::optimizer_param_scheduler`, ...) build the peer's arithmetic from native
/// families and compositions and wrap it here, so the result evaluates, sums and measures
/// exactly as the native composition does, and describes itself as the peer function with the
/// peer's parameter names ("kind" = "<peer>.<function>").
#ifndef LRSCHED_DETAIL_PEER_HPP
#define LRSCHED_DETAIL_PEER_HPP

#include <cstdint>
#include <type_traits>
#include <utility>

#include "../concepts.hpp"
#include "../description.hpp"
#include "../sum.hpp"

namespace lrsched::detail {

/// @brief `native` evaluated, summed and measured as is; described as a peer function.
///
/// The description is the one the peer-faithful constructor was called with (kind and
/// parameters as the peer names them), so a writer or formatter shows what the user wrote,
/// and `native()` shows the native composition that reproduces it.
template <Schedule Native>
class peer_schedule {
 public:
  peer_schedule(Native native,
                description peer) noexcept(std::is_nothrow_move_constructible_v<Native>)
      : native_(std::move(native)), peer_(std::move(peer)) {}

  [[nodiscard]] constexpr double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(native_(step));
  }
  [[nodiscard]] long double sum(std::int64_t first,
                                std::int64_t last) const noexcept requires ClosedFormSum<Native> {
    return detail::sum_ld(native_, first, last);
  }
  [[nodiscard]] long double sum_of_squares(std::int64_t first, std::int64_t last)
      const noexcept requires ClosedFormSumOfSquares<Native> {
    return detail::sum_of_squares_ld(native_, first, last);
  }
  [[nodiscard]] constexpr std::int64_t length() const noexcept requires FiniteSchedule<Native> {
    return static_cast<std::int64_t>(native_.length());
  }

  [[nodiscard]] description describe() const { return peer_; }

  /// @brief The native schedule that reproduces the peer.
  [[nodiscard]] constexpr const Native& native() const noexcept { return native_; }

 private:
  Native native_;
  description peer_;
};

/// @brief Wraps `native` as the peer function described by `peer`.
template <Schedule Native>
[[nodiscard]] peer_schedule<Native> as_peer(Native native, description peer) {
  return peer_schedule<Native>(std::move(native), std::move(peer));
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_PEER_HPP
