// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file loss/law.hpp
/// @brief Loss-curve laws of the learning-rate schedule (the Multi-Power Law and the
/// annealing-area law) and `predict(law, schedule, steps)`. Standard library only, but not
/// part of the core umbrella: include <lrsched/loss.hpp> (target lrsched::loss).
#ifndef LRSCHED_LOSS_LAW_HPP
#define LRSCHED_LOSS_LAW_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <lrsched/concepts.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief The Multi-Power Law (Luo et al., ICLR 2025) of the training loss at step t:
///
///   L(t) = L0 + A·(S(t))^(−α) − LD(t),   S(t) = Σ_{τ=0}^{t} η_τ  (= S1(t) + S_W),
///   LD(t) = B·Σ_{k=1}^{t} (η_{k−1} − η_k)·G(η_k^(−γ)·S_k(t)),
///   G(x) = 1 − (C·x + 1)^(−β),   S_k(t) = Σ_{τ=k}^{t} η_τ,
///
/// η_τ the learning rate of update τ. The loss-drop sum starts at k = 1 (step 0 has no
/// predecessor) and takes every change of the rate, the warmup's rises included, as the
/// paper's reference code does; a rate of exactly 0 at step k means the drop to it is
/// complete (G = 1). Parameters in the paper's units: η in raw learning-rate units, so
/// published parameter sets can be used as they are.
struct multi_power_law {
  double L0 = 0.0;     ///< the loss at infinite summed LR
  double A = 0.0;      ///< scale of the power law in the summed LR
  double alpha = 0.0;  ///< its exponent
  double B = 0.0;      ///< scale of the loss drop per unit of LR decrease
  double C = 0.0;      ///< how fast a drop saturates
  double beta = 0.0;   ///< exponent of the saturation
  double gamma = 0.0;  ///< how the saturation time scales with the LR after the drop
};

/// @brief The scaling law with LR annealing (Tissue et al., 2024):
///
///   L(t) = L0 + A·S1(t)^(−α) − C·S2(t),
///
/// S1(t) = Σ_{τ=0}^{t} η_τ the summed LR, S2(t) = Σ_{i=1}^{t} m_i the annealing area with
/// momentum, m_i = λ·m_{i−1} + (η_{i−1} − η_i) (`lrsched::annealing_area`). A warmup's
/// rises enter S2 negatively; about 5/(1−λ) steps after the warmup they add a constant
/// −η_peak/(1−λ) that L0 absorbs.
struct tissue_law {
  double L0 = 0.0;
  double A = 0.0;
  double alpha = 0.0;
  double C = 0.0;
  double momentum = 0.999;  ///< λ, in [0, 1)
};

namespace detail::loss {

/// A schedule's rates at steps 0..last_step with the prefix sums the laws need, and the
/// steps where the rate changes (the only terms of the loss-drop sum).
struct lr_trace {
  std::vector<double> lr;             // lr[t] = η_t
  std::vector<long double> prefix;    // prefix[t] = Σ_{τ<t} η_τ (compensated)
  std::vector<std::int64_t> changes;  // k >= 1 with η_{k−1} != η_k

  /// S_k(t) = Σ_{τ=k}^{t} η_τ.
  [[nodiscard]] double window(std::int64_t k, std::int64_t t) const noexcept {
    return static_cast<double>(prefix[static_cast<std::size_t>(t + 1)] -
                               prefix[static_cast<std::size_t>(k)]);
  }
  [[nodiscard]] double at(std::int64_t t) const noexcept { return lr[static_cast<std::size_t>(t)]; }
};

template <Schedule S>
lr_trace make_trace(const S& schedule, std::int64_t last_step) {
  lr_trace trace;
  const auto n = static_cast<std::size_t>(last_step + 1);
  trace.lr.resize(n);
  trace.prefix.resize(n + 1);
  compensated_sum total;
  trace.prefix[0] = 0.0L;
  for (std::size_t t = 0; t < n; ++t) {
    const double value = static_cast<double>(schedule(static_cast<std::int64_t>(t)));
    trace.lr[t] = value;
    total.add(static_cast<long double>(value));
    trace.prefix[t + 1] = total.value();
    if (t > 0 && trace.lr[t - 1] != value) trace.changes.push_back(static_cast<std::int64_t>(t));
  }
  return trace;
}

inline void require_steps(std::span<const std::int64_t> steps) {
  for (const auto t : steps) {
    if (t < 0) {
      throw std::invalid_argument("lrsched::predict: steps must be >= 0, got " + format_number(t));
    }
  }
}

/// The largest requested step (−1 for none).
inline std::int64_t last_of(std::span<const std::int64_t> steps) {
  std::int64_t last = -1;
  for (const auto t : steps) last = std::max(last, t);
  return last;
}

/// G(x) = 1 − (1 + c·x)^(−β) and its derivatives with respect to c, β and the log of x's
/// rate factor, for the loss-drop sum. `rate_factor` = (η_k/η_ref)^(−γ), `window` = S_k(t).
struct saturation {
  double value;
  double d_c;      // ∂G/∂c
  double d_beta;   // ∂G/∂β
  double d_scale;  // ∂G/∂(log x): multiply by −log(η_k/η_ref) for ∂G/∂γ
};

inline saturation saturate(double c, double beta, double x) noexcept {
  const double cx = c * x;
  const double log_base = std::log1p(cx);
  const double q = std::exp(-beta * log_base);  // (1 + c·x)^(−β)
  const double q1 = q / (1.0 + cx);
  return {1.0 - q, beta * q1 * x, q * log_base, beta * q1 * cx};
}

/// The Multi-Power Law in a reference-rate normalisation, with optional gradients:
/// x_k = c·(η_k/η_ref)^(−γ)·S_k(t), so c = C·η_ref^(−γ). With η_ref = 1 this is the paper's
/// form. `log_ratio[i]` = log(η_k/η_ref) for the i-th change k (−inf for η_k = 0).
struct mpl_terms {
  double power = 0.0;  // Σ^(−α) with Σ = S(t)
  double log_sum = 0.0;
  double drop = 0.0;                              // Σ_k (η_{k−1} − η_k)·G_k
  double d_c = 0.0, d_beta = 0.0, d_gamma = 0.0;  // of `drop`
};

class mpl_kernel {
 public:
  mpl_kernel(const lr_trace& trace, double reference_lr) : trace_(&trace) {
    log_ratio_.reserve(trace.changes.size());
    const double log_reference = std::log(reference_lr);
    for (const auto k : trace.changes) {
      const double rate = trace.at(k);
      log_ratio_.push_back(rate > 0.0 ? std::log(rate) - log_reference
                                      : -std::numeric_limits<double>::infinity());
    }
    factor_.resize(log_ratio_.size());
  }

  /// Sets γ: the per-change factors (η_k/η_ref)^(−γ), once per parameter set.
  void set_gamma(double gamma) {
    for (std::size_t i = 0; i < log_ratio_.size(); ++i) {
      factor_[i] = std::isinf(log_ratio_[i]) ? 0.0 : std::exp(-gamma * log_ratio_[i]);
    }
  }

  /// Terms at step t for the given α, c, β (γ from set_gamma); gradients if `gradients`.
  [[nodiscard]] mpl_terms at(std::int64_t t, double alpha, double c, double beta,
                             bool gradients) const noexcept {
    mpl_terms terms;
    const double total = trace_->window(0, t);
    terms.log_sum = std::log(total);
    terms.power = std::exp(-alpha * terms.log_sum);
    const auto& changes = trace_->changes;
    const auto end = static_cast<std::size_t>(std::upper_bound(changes.begin(), changes.end(), t) -
                                              changes.begin());
    const long double prefix_end = trace_->prefix[static_cast<std::size_t>(t + 1)];
    for (std::size_t i = 0; i < end; ++i) {
      const std::int64_t k = changes[i];
      const double gap = trace_->at(k - 1) - trace_->at(k);
      if (std::isinf(log_ratio_[i])) {  // dropped to 0: complete at once
        terms.drop += gap;
        continue;
      }
      const double window =
          static_cast<double>(prefix_end - trace_->prefix[static_cast<std::size_t>(k)]);
      if (!gradients) {
        terms.drop += gap * (1.0 - std::exp(-beta * std::log1p(c * factor_[i] * window)));
        continue;
      }
      const saturation g = saturate(c, beta, factor_[i] * window);
      terms.drop += gap * g.value;
      terms.d_c += gap * g.d_c;
      terms.d_beta += gap * g.d_beta;
      terms.d_gamma -= gap * g.d_scale * log_ratio_[i];
    }
    return terms;
  }

 private:
  const lr_trace* trace_;
  std::vector<double> log_ratio_;
  std::vector<double> factor_;
};

/// S2(t) for every t in `steps` from one pass over the trace, by the identity
/// (1 − λ)·S2(t) = (η_0 − η_t) − λ·m_t (sum m_i = λ m_{i−1} + d_i over i = 1..t).
inline std::vector<double> annealing_areas(const lr_trace& trace,
                                           std::span<const std::int64_t> steps, double momentum) {
  const auto last = static_cast<std::int64_t>(trace.lr.size()) - 1;
  std::vector<long double> m(static_cast<std::size_t>(last + 1), 0.0L);
  for (std::int64_t i = 1; i <= last; ++i) {
    const auto u = static_cast<std::size_t>(i);
    m[u] = static_cast<long double>(momentum) * m[u - 1] +
           (static_cast<long double>(trace.lr[u - 1]) - static_cast<long double>(trace.lr[u]));
  }
  std::vector<double> areas;
  areas.reserve(steps.size());
  const auto lambda = static_cast<long double>(momentum);
  for (const auto t : steps) {
    const auto u = static_cast<std::size_t>(t);
    const long double rise =
        static_cast<long double>(trace.lr[0]) - static_cast<long double>(trace.lr[u]);
    areas.push_back(static_cast<double>((rise - lambda * m[u]) / (1.0L - lambda)));
  }
  return areas;
}

inline void validate(const tissue_law& law) {
  if (!(law.momentum >= 0.0 && law.momentum < 1.0)) {
    throw std::invalid_argument("lrsched::tissue_law: momentum must be in [0, 1), got " +
                                format_number(law.momentum));
  }
}

}  // namespace detail::loss

/// @brief The Multi-Power Law's predicted loss at each of `steps` (any order, each >= 0)
/// for `schedule`.
///
/// Cost: O(T) to tabulate the rates and their prefix sums up to the last step T, then
/// O(changes of the rate before t) per step t: a 72,000-step cosine at 500 steps is about
/// 1.8·10^7 terms. The summed LR of the power term is the schedule's closed-form sum.
template <Schedule S>
[[nodiscard]] std::vector<double> predict(const multi_power_law& law, const S& schedule,
                                          std::span<const std::int64_t> steps) {
  detail::loss::require_steps(steps);
  const auto trace = detail::loss::make_trace(schedule, detail::loss::last_of(steps));
  detail::loss::mpl_kernel kernel(trace, 1.0);
  kernel.set_gamma(law.gamma);
  std::vector<double> losses;
  losses.reserve(steps.size());
  for (const auto t : steps) {
    const auto terms = kernel.at(t, law.alpha, law.C, law.beta, false);
    const double summed = sum(schedule, 0, t + 1);
    losses.push_back(law.L0 + law.A * std::pow(summed, -law.alpha) - law.B * terms.drop);
  }
  return losses;
}

/// @brief The annealing-area law's predicted loss at each of `steps` (each >= 0).
/// S1 from the schedule's closed-form sum, S2 from one O(T) pass (see tissue_law).
template <Schedule S>
[[nodiscard]] std::vector<double> predict(const tissue_law& law, const S& schedule,
                                          std::span<const std::int64_t> steps) {
  detail::loss::validate(law);
  detail::loss::require_steps(steps);
  const auto trace = detail::loss::make_trace(schedule, detail::loss::last_of(steps));
  const auto areas = detail::loss::annealing_areas(trace, steps, law.momentum);
  std::vector<double> losses;
  losses.reserve(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const double summed = sum(schedule, 0, steps[i] + 1);
    losses.push_back(law.L0 + law.A * std::pow(summed, -law.alpha) - law.C * areas[i]);
  }
  return losses;
}

/// @brief The predicted loss at one step.
template <class Law, Schedule S>
[[nodiscard]] double predict(const Law& law, const S& schedule, std::int64_t step) {
  const std::int64_t one[] = {step};
  return predict(law, schedule, std::span<const std::int64_t>(one)).front();
}

}  // namespace lrsched

#endif  // LRSCHED_LOSS_LAW_HPP
