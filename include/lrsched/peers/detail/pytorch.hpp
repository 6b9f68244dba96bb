/// @file peers/detail/pytorch.hpp
/// @brief The machinery behind peers/pytorch.hpp: the peer's own factors and their sums,
/// argument checks and description helpers. Not part of the API.
#ifndef LRSCHED_PEERS_DETAIL_PYTORCH_HPP
#define LRSCHED_PEERS_DETAIL_PYTORCH_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/cyclic.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/exponential.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/one_cycle.hpp>
#include <lrsched/peers/detail/boundaries.hpp>
#include <lrsched/peers/detail/peer.hpp>
#include <lrsched/polynomial.hpp>
#include <lrsched/repeat.hpp>
#include <lrsched/restarts.hpp>
#include <lrsched/step.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace lrsched::detail::pytorch {

inline double require_base_lr(std::string_view function, double base_lr) {
  return detail::require_finite(function, "base_lr", base_lr);
}

inline double require_unit_interval(std::string_view function, std::string_view parameter,
                                    double value, bool allow_zero) {
  const bool ok = allow_zero ? (value >= 0.0 && value <= 1.0) : (value > 0.0 && value <= 1.0);
  if (!ok) detail::reject(function, parameter, allow_zero ? "in [0, 1]" : "in (0, 1]", value);
  return value;
}

template <Schedule Factor>
peer_schedule<scaled<Factor>> as_factor(Factor factor, double base_lr, description peer) {
  return detail::as_peer(scaled<Factor>(std::move(factor), base_lr), std::move(peer));
}

// left · right · ..., left to right, as nested `product`s.
template <Schedule Left, Schedule Right, Schedule... Rest>
auto fold_product_onto(Left left, Right right, Rest... rest);
template <Schedule First, Schedule... Rest>
auto fold_product(First first, Rest... rest) {
  if constexpr (sizeof...(Rest) == 0) {
    return first;
  } else {
    return fold_product_onto(std::move(first), std::move(rest)...);
  }
}
template <Schedule Left, Schedule Right, Schedule... Rest>
auto fold_product_onto(Left left, Right right, Rest... rest) {
  return fold_product(multiply(std::move(left), std::move(right)), std::move(rest)...);
}

// The kinds whose PyTorch update multiplies the current LR by a factor, which is
// what ChainedScheduler composes.
inline bool is_chainable(const std::string& kind) {
  static constexpr std::string_view kinds[] = {"pytorch.step_lr",          "pytorch.multi_step_lr",
                                               "pytorch.constant_lr",      "pytorch.linear_lr",
                                               "pytorch.exponential_lr",   "pytorch.polynomial_lr",
                                               "pytorch.chained_scheduler"};
  for (const auto k : kinds) {
    if (kind == k) return true;
  }
  return false;
}

}  // namespace lrsched::detail::pytorch

#endif  // LRSCHED_PEERS_DETAIL_PYTORCH_HPP
