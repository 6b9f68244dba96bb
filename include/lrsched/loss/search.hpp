// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file loss/search.hpp
/// @brief Looking for the schedule with the lowest predicted final loss under a fitted law:
/// the best cosine, the best warmup-stable-decay, and a free-form monotone decay refined
/// from the best of those. Include <lrsched/loss.hpp>.
#ifndef LRSCHED_LOSS_SEARCH_HPP
#define LRSCHED_LOSS_SEARCH_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/cosine.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/loss/law.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/warmup.hpp>
#include <lrsched/wsd.hpp>

namespace lrsched {

/// @brief One schedule of a search and the law's predicted loss at its last step.
struct schedule_candidate {
  any_schedule schedule = constant(0.0);
  std::string label;
  double final_loss = std::numeric_limits<double>::infinity();
};

/// @brief The outcome of `search_schedules`.
struct schedule_search {
  schedule_candidate cosine;     ///< the best cosine (over its floor)
  schedule_candidate wsd;        ///< the best WSD (decay shape, length and floor)
  schedule_candidate free_form;  ///< a monotone piecewise-linear decay refined from the best
  /// The lowest predicted final loss of the three.
  [[nodiscard]] const schedule_candidate& best() const noexcept {
    const schedule_candidate* winner = &cosine;
    if (wsd.final_loss < winner->final_loss) winner = &wsd;
    if (free_form.final_loss < winner->final_loss) winner = &free_form;
    return *winner;
  }
};

namespace detail::loss {

template <class Law>
void consider(const Law& law, std::int64_t last, schedule_candidate& best, any_schedule s,
              std::string label) {
  const double loss = predict(law, s, last);
  if (std::isfinite(loss) && loss < best.final_loss) best = {std::move(s), std::move(label), loss};
}

/// Fractions of the post-warmup span where the free-form decay has its knots: coarse in the
/// stable part, fine near the end where decays happen.
inline constexpr double free_form_knots[] = {0.0,  0.3,  0.5,  0.6,  0.7,  0.75, 0.8, 0.85,
                                             0.88, 0.91, 0.94, 0.96, 0.98, 0.99, 1.0};

}  // namespace detail::loss

/// @brief Searches for the schedule of `total_steps` steps (a linear warmup from 0 over
/// `warmup_steps`, then at most `peak_lr`) with the lowest predicted loss at step
/// total_steps − 1.
///
/// Families: cosine from the peak to a floor of {0, 1, 3, 10, 20} % of it; WSD with a linear,
/// cosine or 1−sqrt decay over the last 5, 10, ..., 60 % to a floor of {0, 1, 3, 10} %.
/// Then a free-form decay: piecewise linear through knots at fixed fractions of the
/// post-warmup span (free_form_knots), started from the best family member, refined by
/// coordinate descent on the knot values (each kept in [0, peak] and no higher than the knot
/// before it, so the schedule never rises) with steps of 10, 3 and 1 % of the
/// peak. Each evaluation is one prediction at the last step: O(total_steps).
template <class Law>
[[nodiscard]] schedule_search search_schedules(const Law& law, std::int64_t total_steps,
                                               double peak_lr, std::int64_t warmup_steps) {
  if (total_steps < 2 || !(peak_lr > 0.0) || !std::isfinite(peak_lr) || warmup_steps < 0 ||
      warmup_steps >= total_steps - 1) {
    throw std::invalid_argument(
        "lrsched::search_schedules: needs total_steps >= 2, peak_lr > 0 and 0 <= warmup_steps < "
        "total_steps - 1");
  }
  const std::int64_t last = total_steps - 1;
  const std::int64_t after = total_steps - warmup_steps;
  schedule_search out;
  for (const int floor_percent : {0, 1, 3, 10, 20}) {
    const double floor = peak_lr * floor_percent / 100.0;
    detail::loss::consider(law, last, out.cosine,
                           warmup(warmup_steps, cosine(peak_lr, floor, after - 1)),
                           "cosine to " + std::to_string(floor_percent) + "% of the peak");
  }
  const std::pair<wsd_shape, const char*> shapes[] = {{wsd_shape::linear, "linear"},
                                                      {wsd_shape::cosine, "cosine"},
                                                      {wsd_shape::minus_sqrt, "1-sqrt"}};
  for (const auto& [shape, name] : shapes) {
    for (int percent = 5; percent <= 60; percent += 5) {
      for (const int floor_percent : {0, 1, 3, 10}) {
        const auto decay = std::max<std::int64_t>(1, (after - 1) * percent / 100);
        const std::int64_t stable = after - 1 - decay;
        detail::loss::consider(
            law, last, out.wsd,
            wsd(peak_lr, warmup_steps, stable, decay,
                {.final_value = peak_lr * floor_percent / 100.0, .decay_shape = shape}),
            std::string("WSD, ") + name + " decay over the last " + std::to_string(percent) +
                "% to " + std::to_string(floor_percent) + "% of the peak");
      }
    }
  }

  // Free form: knots (step, value), the first at the warmup's end held at the peak.
  const auto& start = out.wsd.final_loss <= out.cosine.final_loss ? out.wsd : out.cosine;
  std::vector<knot> knots;
  if (warmup_steps > 0) knots.push_back({0, 0.0});
  std::int64_t previous_step = -1;
  for (const double fraction : detail::loss::free_form_knots) {
    const auto step = warmup_steps + static_cast<std::int64_t>(
                                         std::llround(fraction * static_cast<double>(after - 1)));
    if (step <= previous_step) continue;
    knots.push_back({step, std::min(peak_lr, start.schedule(step))});
    previous_step = step;
  }
  const std::size_t first_free = warmup_steps > 0 ? 2 : 1;  // the peak knot stays
  const auto evaluate = [&](const std::vector<knot>& k) {
    return predict(law, any_schedule(piecewise_linear(k)), last);
  };
  double best_loss = evaluate(knots);
  for (const double step_share : {0.1, 0.03, 0.01}) {
    for (int pass = 0; pass < 3; ++pass) {
      bool improved = false;
      for (std::size_t i = first_free; i < knots.size(); ++i) {
        for (const double direction : {-1.0, 1.0}) {
          auto trial = knots;
          const double ceiling = trial[i - 1].value;
          trial[i].value =
              std::clamp(trial[i].value + direction * step_share * peak_lr, 0.0, ceiling);
          for (std::size_t j = i + 1; j < trial.size(); ++j) {
            trial[j].value = std::min(trial[j].value, trial[i].value);
          }
          const double loss = evaluate(trial);
          if (std::isfinite(loss) && loss < best_loss) {
            best_loss = loss;
            knots = std::move(trial);
            improved = true;
          }
        }
      }
      if (!improved) break;
    }
  }
  out.free_form = {any_schedule(piecewise_linear(knots)),
                   "free-form monotone decay (piecewise linear, refined from the " +
                       std::string(&start == &out.wsd ? "best WSD" : "best cosine") + ")",
                   best_loss};
  return out;
}

}  // namespace lrsched

#endif  // LRSCHED_LOSS_SEARCH_HPP
