// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file loss/fit.hpp
/// @brief Fitting a loss law to logged training runs: robust nonlinear least squares on the
/// log loss with Ceres Solver (Huber loss, parameter bounds, analytic Jacobians).
/// Include <lrsched/loss.hpp>, link lrsched::loss.
#ifndef LRSCHED_LOSS_FIT_HPP
#define LRSCHED_LOSS_FIT_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <ceres/loss_function.h>
#include <ceres/manifold.h>
#include <ceres/problem.h>
#include <ceres/sized_cost_function.h>
#include <ceres/solver.h>

#include <lrsched/any_schedule.hpp>
#include <lrsched/loss/law.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {

/// @brief One logged training run: its schedule (every step, warmup included) and the
/// losses logged at some steps (any order; each step >= 0 with a positive summed LR).
struct loss_run {
  any_schedule schedule;
  std::vector<std::int64_t> steps;
  std::vector<double> losses;
};

/// @brief How `fit` runs.
struct fit_options {
  /// Residuals are log(predicted) − log(logged); beyond this they count linearly (Huber).
  double huber_delta = 1e-3;
  /// Start from the law given to `fit` instead of the staged multi-start.
  bool start_from_given = false;
  /// Iterations of the final Levenberg–Marquardt run (each start of the survey gets a twentieth).
  int max_iterations = 200;
};

/// @brief How well a fitted law reproduces one run: relative errors |pred − loss| / loss.
struct run_error {
  double worst_relative = 0.0;
  double mean_relative = 0.0;
};

/// @brief A fitted law and how the fit went.
template <class Law>
struct fit_result {
  Law law;
  double cost = 0.0;     ///< the final robust cost, Σ Huber(residual) / 2 as Ceres counts it
  int iterations = 0;    ///< Levenberg–Marquardt iterations, all starts
  int starts = 0;        ///< starting points tried
  double seconds = 0.0;  ///< wall time of the fit
  std::vector<run_error> runs;  ///< per input run, in order
};

/// @brief Relative errors of `law`'s prediction against a run's logged losses.
template <class Law>
[[nodiscard]] run_error relative_error(const Law& law, const loss_run& run) {
  const auto predicted = predict(law, run.schedule, std::span<const std::int64_t>(run.steps));
  run_error error;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    const double e = std::abs(predicted[i] - run.losses[i]) / run.losses[i];
    error.worst_relative = std::max(error.worst_relative, e);
    error.mean_relative += e;
  }
  if (!predicted.empty()) error.mean_relative /= static_cast<double>(predicted.size());
  return error;
}

namespace detail::loss {

inline void validate_runs(std::span<const loss_run> runs) {
  if (runs.empty()) throw std::invalid_argument("lrsched::fit: no runs");
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    const std::string where = "lrsched::fit: run " + format_number(static_cast<std::int64_t>(r));
    if (run.steps.size() != run.losses.size() || run.steps.empty()) {
      throw std::invalid_argument(where + ": needs one loss per step and at least one step");
    }
    for (std::size_t i = 0; i < run.steps.size(); ++i) {
      if (run.steps[i] < 0 || !(run.losses[i] > 0.0) || !std::isfinite(run.losses[i])) {
        throw std::invalid_argument(where + ": steps must be >= 0 and losses finite and > 0");
      }
      if (!(sum(run.schedule, 0, run.steps[i] + 1) > 0.0)) {
        throw std::invalid_argument(where + ": the summed LR at step " +
                                    format_number(run.steps[i]) + " is not positive");
      }
    }
  }
}

struct run_summary {
  double min_loss = std::numeric_limits<double>::infinity();
  double peak_lr = 0.0;
};

inline run_summary summarize(std::span<const loss_run> runs) {
  run_summary s;
  for (const auto& run : runs) {
    for (std::size_t i = 0; i < run.steps.size(); ++i) {
      s.min_loss = std::min(s.min_loss, run.losses[i]);
      s.peak_lr = std::max(s.peak_lr, run.schedule(run.steps[i]));
    }
    const auto last = *std::max_element(run.steps.begin(), run.steps.end());
    for (std::int64_t t = 0; t <= last; ++t) s.peak_lr = std::max(s.peak_lr, run.schedule(t));
  }
  return s;
}

/// Starting points of the power-law part L0 + A·S^(−α) shared by both laws: L0 at 50, 80 and
/// 95 % of the smallest logged loss × α ∈ {0.3, 0.6, 1.0}, A through the first logged point.
struct power_law_start {
  double L0, log_A, alpha;
};

inline std::vector<power_law_start> power_law_starts(double min_loss, double first_loss,
                                                     double first_summed_lr) {
  std::vector<power_law_start> starts;
  for (const double l0_share : {0.5, 0.8, 0.95}) {
    for (const double alpha : {0.3, 0.6, 1.0}) {
      const double L0 = l0_share * min_loss;
      const double A = std::max(first_loss - L0, 1e-3) * std::pow(first_summed_lr, alpha);
      starts.push_back({L0, std::log(A), alpha});
    }
  }
  return starts;
}

/// Ceres solver settings shared by every stage.
inline ceres::Solver::Options solver_options(int max_iterations) {
  ceres::Solver::Options options;
  options.linear_solver_type = ceres::DENSE_QR;
  options.max_num_iterations = max_iterations;
  options.num_threads = 1;
  options.logging_type = ceres::SILENT;
  options.function_tolerance = 1e-12;
  options.parameter_tolerance = 1e-12;
  options.gradient_tolerance = 1e-14;
  return options;
}

// ------------------------------------------------------------------ Multi-Power Law
// Internal parameters: [L0, log A, α, log B, log c, β, γ], c = C·η_ref^(−γ) with η_ref the
// runs' peak rate, so the saturation starts near 1 for every γ and C no longer trades off
// against γ by orders of magnitude.
inline constexpr int mpl_parameter_count = 7;
using mpl_parameters = std::array<double, mpl_parameter_count>;

inline mpl_parameters to_internal(const multi_power_law& law, double reference_lr) {
  return {law.L0,
          std::log(law.A),
          law.alpha,
          std::log(law.B),
          std::log(law.C) - law.gamma * std::log(reference_lr),
          law.beta,
          law.gamma};
}

inline multi_power_law to_law(const mpl_parameters& p, double reference_lr) {
  return {p[0],
          std::exp(p[1]),
          p[2],
          std::exp(p[3]),
          std::exp(p[4] + p[6] * std::log(reference_lr)),
          p[5],
          p[6]};
}

/// One run's predictions and Jacobian at one parameter set, cached: Ceres evaluates every
/// point's residual block at the same parameters in turn, and the whole run shares the
/// per-change factors, so the first block computes the run and the others read it.
class mpl_run_model {
 public:
  mpl_run_model(const loss_run& run, double reference_lr)
      : trace_(make_trace(run.schedule, *std::max_element(run.steps.begin(), run.steps.end()))),
        kernel_(trace_, reference_lr),
        steps_(run.steps) {
    log_losses_.reserve(run.losses.size());
    for (const double loss : run.losses) log_losses_.push_back(std::log(loss));
    residuals_.resize(steps_.size());
    jacobian_.resize(steps_.size());
  }
  mpl_run_model(const mpl_run_model&) = delete;
  mpl_run_model& operator=(const mpl_run_model&) = delete;

  /// G ≡ 1 (every drop complete at once): the 4-parameter law of the first stage.
  void set_instant(bool instant) {
    instant_ = instant;
    valid_ = false;
  }

  [[nodiscard]] std::size_t size() const noexcept { return steps_.size(); }

  /// Residual and Jacobian row of point i at p; false where the prediction is not positive.
  bool evaluate(const double* p, std::size_t i, double* residual, double* jacobian_row) const {
    if (!valid_ || !std::equal(key_.begin(), key_.end(), p)) refresh(p);
    if (!ok_) return false;
    *residual = residuals_[i];
    if (jacobian_row != nullptr) std::copy(jacobian_[i].begin(), jacobian_[i].end(), jacobian_row);
    return true;
  }

 private:
  void refresh(const double* p) const {
    std::copy(p, p + mpl_parameter_count, key_.begin());
    valid_ = true;
    ok_ = true;
    const double L0 = p[0], A = std::exp(p[1]), alpha = p[2], B = std::exp(p[3]);
    const double c = std::exp(p[4]), beta = p[5];
    if (!instant_) kernel_.set_gamma(p[6]);
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      const std::int64_t t = steps_[i];
      mpl_terms terms;
      if (instant_) {
        const double total = trace_.window(0, t);
        terms.log_sum = std::log(total);
        terms.power = std::exp(-alpha * terms.log_sum);
        terms.drop = trace_.at(0) - trace_.at(t);
      } else {
        terms = kernel_.at(t, alpha, c, beta, true);
      }
      const double predicted = L0 + A * terms.power - B * terms.drop;
      if (!(predicted > 0.0) || !std::isfinite(predicted)) {
        ok_ = false;
        return;
      }
      residuals_[i] = std::log(predicted) - log_losses_[i];
      auto& row = jacobian_[i];
      row = {1.0,
             A * terms.power,
             -A * terms.power * terms.log_sum,
             -B * terms.drop,
             -B * c * terms.d_c,
             -B * terms.d_beta,
             -B * terms.d_gamma};
      for (auto& entry : row) entry /= predicted;
    }
  }

  lr_trace trace_;
  mutable mpl_kernel kernel_;
  std::vector<std::int64_t> steps_;
  std::vector<double> log_losses_;
  bool instant_ = false;
  mutable bool valid_ = false;
  mutable bool ok_ = true;
  mutable mpl_parameters key_{};
  mutable std::vector<double> residuals_;
  mutable std::vector<mpl_parameters> jacobian_;
};

class mpl_point_cost final : public ceres::SizedCostFunction<1, mpl_parameter_count> {
 public:
  mpl_point_cost(const mpl_run_model& model, std::size_t index) : model_(&model), index_(index) {}
  bool Evaluate(double const* const* parameters, double* residuals,
                double** jacobians) const override {
    return model_->evaluate(parameters[0], index_, residuals,
                            jacobians != nullptr ? jacobians[0] : nullptr);
  }

 private:
  const mpl_run_model* model_;
  std::size_t index_;
};

struct solve_outcome {
  double cost;
  int iterations;
};

/// One Levenberg–Marquardt run over all points of all runs from `p` (updated in place).
/// `instant`: the 4-parameter first stage (c, β, γ held).
inline solve_outcome solve_mpl(std::vector<std::unique_ptr<mpl_run_model>>& models,
                               mpl_parameters& p, double min_loss, double huber_delta, bool instant,
                               int max_iterations) {
  ceres::Problem::Options problem_options;
  problem_options.loss_function_ownership = ceres::DO_NOT_TAKE_OWNERSHIP;
  ceres::Problem problem(problem_options);
  ceres::HuberLoss huber(huber_delta);
  for (auto& model : models) {
    model->set_instant(instant);
    for (std::size_t i = 0; i < model->size(); ++i) {
      problem.AddResidualBlock(new mpl_point_cost(*model, i), &huber, p.data());
    }
  }
  if (instant)
    problem.SetManifold(p.data(), new ceres::SubsetManifold(mpl_parameter_count, {4, 5, 6}));
  // L0 below the smallest logged loss; exponents in ranges that keep the law meaningful.
  problem.SetParameterLowerBound(p.data(), 0, 0.0);
  problem.SetParameterUpperBound(p.data(), 0, min_loss);
  const std::array<std::pair<int, std::pair<double, double>>, 5> bounds = {{{1, {-30.0, 30.0}},
                                                                            {2, {1e-3, 3.0}},
                                                                            {3, {-30.0, 30.0}},
                                                                            {5, {1e-3, 5.0}},
                                                                            {6, {0.0, 3.0}}}};
  for (const auto& [index, range] : bounds) {
    problem.SetParameterLowerBound(p.data(), index, range.first);
    problem.SetParameterUpperBound(p.data(), index, range.second);
  }
  problem.SetParameterLowerBound(p.data(), 4, -40.0);
  problem.SetParameterUpperBound(p.data(), 4, 40.0);
  for (std::size_t i = 0; i < p.size(); ++i) {  // a start on a bound is fine; outside is not
    const auto index = static_cast<int>(i);
    p[i] = std::clamp(p[i], problem.GetParameterLowerBound(p.data(), index),
                      problem.GetParameterUpperBound(p.data(), index));
  }
  ceres::Solver::Summary summary;
  ceres::Solve(solver_options(max_iterations), &problem, &summary);
  return {summary.final_cost, static_cast<int>(summary.iterations.size())};
}

}  // namespace detail::loss

/// @brief Fits the Multi-Power Law to `runs` (2–3 runs with different schedules pin it).
///
/// Stage 1 fits the 4-parameter law with every drop complete at once (G ≡ 1) from a grid of
/// L0 and α; stage 2 frees C, β, γ from three saturation speeds (β = γ = 0.5), each start for a
/// twentieth of `max_iterations`, and runs the best start to convergence. C and γ are fitted as
/// C·η_ref^(−γ) with η_ref the runs' peak rate and reported in the paper's units.
[[nodiscard]] inline fit_result<multi_power_law> fit(std::span<const loss_run> runs,
                                                     const multi_power_law& start,
                                                     const fit_options& options = {}) {
  namespace dl = detail::loss;
  const auto began = std::chrono::steady_clock::now();
  dl::validate_runs(runs);
  const auto summary = dl::summarize(runs);
  const double reference_lr = summary.peak_lr;
  std::vector<std::unique_ptr<dl::mpl_run_model>> models;
  for (const auto& run : runs)
    models.push_back(std::make_unique<dl::mpl_run_model>(run, reference_lr));

  fit_result<multi_power_law> result;
  dl::mpl_parameters best{};
  if (options.start_from_given) {
    best = dl::to_internal(start, reference_lr);
  } else {
    // Stage 1: L0 + A·S^(−α) − B·(η_0 − η_t).
    const auto& first_run = runs.front();
    double best_cost = std::numeric_limits<double>::infinity();
    for (const auto& start_point :
         dl::power_law_starts(summary.min_loss, first_run.losses.front(),
                              sum(first_run.schedule, 0, first_run.steps.front() + 1))) {
      dl::mpl_parameters p = {start_point.L0,
                              start_point.log_A,
                              start_point.alpha,
                              std::log(0.05 * summary.min_loss / reference_lr),
                              0.0,
                              0.5,
                              0.5};
      const auto outcome =
          dl::solve_mpl(models, p, summary.min_loss, options.huber_delta, true, 100);
      result.iterations += outcome.iterations;
      ++result.starts;
      if (outcome.cost < best_cost) {
        best_cost = outcome.cost;
        best = p;
      }
    }
    // Stage 2 survey: saturation after ~1/c̃ steps at the peak rate, c = c̃ / η_ref.
    best_cost = std::numeric_limits<double>::infinity();
    const auto stage1 = best;
    for (const double steps_to_saturate : {3.0, 30.0, 300.0}) {
      auto p = stage1;
      p[4] = -std::log(steps_to_saturate * reference_lr);
      p[5] = 0.5;  // β
      p[6] = 0.5;  // γ
      const auto outcome = dl::solve_mpl(models, p, summary.min_loss, options.huber_delta, false,
                                         std::max(1, options.max_iterations / 20));
      result.iterations += outcome.iterations;
      ++result.starts;
      if (outcome.cost < best_cost) {
        best_cost = outcome.cost;
        best = p;
      }
    }
  }
  const auto outcome = dl::solve_mpl(models, best, summary.min_loss, options.huber_delta, false,
                                     options.max_iterations);
  result.iterations += outcome.iterations;
  result.cost = outcome.cost;
  result.law = dl::to_law(best, reference_lr);
  for (const auto& run : runs) result.runs.push_back(relative_error(result.law, run));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return result;
}

namespace detail::loss {

// ------------------------------------------------------------------ annealing-area law
// Internal parameters: [L0, log A, α, C]; S1 and S2 per point are fixed inputs.
class tissue_point_cost final : public ceres::SizedCostFunction<1, 4> {
 public:
  tissue_point_cost(double summed, double area, double loss)
      : log_sum_(std::log(summed)), area_(area), log_loss_(std::log(loss)) {}
  bool Evaluate(double const* const* parameters, double* residuals,
                double** jacobians) const override {
    const double* p = parameters[0];
    const double power = std::exp(p[1] - p[2] * log_sum_);  // A·S1^(−α)
    const double predicted = p[0] + power - p[3] * area_;
    if (!(predicted > 0.0) || !std::isfinite(predicted)) return false;
    residuals[0] = std::log(predicted) - log_loss_;
    if (jacobians != nullptr && jacobians[0] != nullptr) {
      jacobians[0][0] = 1.0 / predicted;
      jacobians[0][1] = power / predicted;
      jacobians[0][2] = -power * log_sum_ / predicted;
      jacobians[0][3] = -area_ / predicted;
    }
    return true;
  }

 private:
  double log_sum_, area_, log_loss_;
};

}  // namespace detail::loss

/// @brief Fits the annealing-area law (L0, A, α, C; λ from `start.momentum`) to `runs`
/// from a grid of L0 and α.
[[nodiscard]] inline fit_result<tissue_law> fit(std::span<const loss_run> runs,
                                                const tissue_law& start,
                                                const fit_options& options = {}) {
  namespace dl = detail::loss;
  const auto began = std::chrono::steady_clock::now();
  dl::validate(start);
  dl::validate_runs(runs);
  const auto summary = dl::summarize(runs);
  struct point {
    double summed, area, loss;
  };
  std::vector<point> points;
  double largest_area = 0.0;
  for (const auto& run : runs) {
    const auto trace =
        dl::make_trace(run.schedule, *std::max_element(run.steps.begin(), run.steps.end()));
    const auto areas = dl::annealing_areas(trace, run.steps, start.momentum);
    for (std::size_t i = 0; i < run.steps.size(); ++i) {
      points.push_back({sum(run.schedule, 0, run.steps[i] + 1), areas[i], run.losses[i]});
      largest_area = std::max(largest_area, std::abs(areas[i]));
    }
  }
  const auto solve = [&](std::array<double, 4>& p, int max_iterations) {
    ceres::Problem::Options problem_options;
    problem_options.loss_function_ownership = ceres::DO_NOT_TAKE_OWNERSHIP;
    ceres::Problem problem(problem_options);
    ceres::HuberLoss huber(options.huber_delta);
    for (const auto& x : points) {
      problem.AddResidualBlock(new dl::tissue_point_cost(x.summed, x.area, x.loss), &huber,
                               p.data());
    }
    problem.SetParameterLowerBound(p.data(), 0, 0.0);
    problem.SetParameterUpperBound(p.data(), 0, summary.min_loss);
    problem.SetParameterLowerBound(p.data(), 2, 1e-3);
    problem.SetParameterUpperBound(p.data(), 2, 3.0);
    problem.SetParameterLowerBound(p.data(), 3, 0.0);
    p[0] = std::clamp(p[0], 0.0, summary.min_loss);
    p[2] = std::clamp(p[2], 1e-3, 3.0);
    p[3] = std::max(p[3], 0.0);
    ceres::Solver::Summary solver_summary;
    ceres::Solve(dl::solver_options(max_iterations), &problem, &solver_summary);
    return std::pair{solver_summary.final_cost, static_cast<int>(solver_summary.iterations.size())};
  };

  fit_result<tissue_law> result;
  std::array<double, 4> best = {start.L0, std::log(start.A), start.alpha, start.C};
  if (!options.start_from_given) {
    double best_cost = std::numeric_limits<double>::infinity();
    const auto& first = points.front();
    const double C = largest_area > 0.0 ? 0.05 * summary.min_loss / largest_area : 0.0;
    for (const auto& start_point :
         dl::power_law_starts(summary.min_loss, first.loss, first.summed)) {
      std::array<double, 4> p = {start_point.L0, start_point.log_A, start_point.alpha, C};
      const auto [cost, iterations] = solve(p, std::max(1, options.max_iterations / 5));
      result.iterations += iterations;
      ++result.starts;
      if (cost < best_cost) {
        best_cost = cost;
        best = p;
      }
    }
  }
  const auto [cost, iterations] = solve(best, options.max_iterations);
  result.iterations += iterations;
  result.cost = cost;
  result.law = {best[0], std::exp(best[1]), best[2], best[3], start.momentum};
  for (const auto& run : runs) result.runs.push_back(relative_error(result.law, run));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return result;
}

}  // namespace lrsched

#endif  // LRSCHED_LOSS_FIT_HPP
