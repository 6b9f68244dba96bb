// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
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
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

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

/// The SequentialLR children whose shared optimizer state makes PyTorch's numbers
/// differ from a chain of the children, refused with the reason (see sequential_lr).
inline void check_sequential_children(const std::vector<description>& children) {
  constexpr std::string_view name = "pytorch.sequential_lr";
  const double* shared_base = nullptr;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const description& c = children[i];
    const auto entry = "schedulers[" + detail::format_number(std::int64_t(i)) + "]";
    const auto refuse = [&](const std::string& why) {
      detail::raise_invalid(entry, std::string(name) + ": " + entry + " " + why);
    };
    if (c.kind == "pytorch.chained_scheduler") {
      refuse(
          "is a ChainedScheduler, which crashes in PyTorch 1.13 inside SequentialLR (it has "
          "no last_epoch)");
    }
    if (c.kind == "pytorch.sequential_lr" && i > 0) {
      refuse(
          "is a SequentialLR, which crashes in PyTorch 1.13 at its milestone (SequentialLR "
          "cannot be restarted with step(0))");
    }
    if (c.kind == "pytorch.sequential_lr") {
      refuse(
          "is a SequentialLR as the first scheduler: PyTorch steps its first scheduler once "
          "more at construction (one step ahead until its first milestone); not reproduced");
    }
    if (c.kind == "pytorch.one_cycle_lr" && children.size() > 1) {
      refuse(
          "is a OneCycleLR inside SequentialLR: it writes initial_lr, max_lr and min_lr "
          "into the optimizer's param group, which every other scheduler reads");
    }
    const auto* total = c.find("total_iters");
    if (i > 0 && total != nullptr && std::get<std::int64_t>(*total) == 0) {
      if (c.kind == "pytorch.constant_lr" && std::get<double>(*c.find("factor")) != 1.0) {
        refuse(
            "is a ConstantLR with total_iters 0: PyTorch restarts it with step(0), which "
            "undoes its factor (base_lr from its milestone on); write factor 1");
      }
      if (c.kind == "pytorch.linear_lr" || c.kind == "pytorch.polynomial_lr") {
        refuse("has total_iters 0: PyTorch divides by zero restarting it with step(0)");
      }
    }
    // The schedulers share the optimizer's base LR (its initial_lr); a CyclicLR first
    // sets it to its own base_lr. A later CyclicLR keeps its own.
    const auto* base = c.find("base_lr");
    if (base == nullptr || (i > 0 && c.kind == "pytorch.cyclic_lr")) continue;
    const double value = std::get<double>(*base);
    if (shared_base == nullptr) {
      shared_base = &std::get<double>(*base);
    } else if (value != *shared_base) {
      detail::reject(name, entry + ".base_lr",
                     "the shared base LR " + detail::format_number(*shared_base) +
                         " (one optimizer; a CyclicLR first sets it to its base_lr)",
                     value);
    }
  }
}

}  // namespace lrsched::detail::pytorch

#endif  // LRSCHED_PEERS_DETAIL_PYTORCH_HPP
