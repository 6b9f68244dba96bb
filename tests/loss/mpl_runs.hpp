// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The nine runs of tests/data/loss-curves/mpl/ as lrsched::loss_run values, with their
// schedules rebuilt step by step from the facts in that folder's README.
#ifndef LRSCHED_TESTS_LOSS_MPL_RUNS_HPP
#define LRSCHED_TESTS_LOSS_MPL_RUNS_HPP

#include <lrsched/loss.hpp>
#include <lrsched/table.hpp>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lrsched_test {

inline constexpr std::int64_t mpl_warmup_steps = 2160;
inline constexpr std::int64_t mpl_run_steps = 24000;
inline constexpr double mpl_peak_lr = 3e-4;

/// The learning rate of update t in run `shape` (constant_24000, cosine_24000, wsdcon_9).
inline double mpl_lr(const std::string& shape, std::int64_t t) {
  if (t < mpl_warmup_steps) {
    return mpl_peak_lr * static_cast<double>(t) / static_cast<double>(mpl_warmup_steps - 1);
  }
  if (shape == "constant_24000") return mpl_peak_lr;
  if (shape == "wsdcon_9") return t < 8000 ? mpl_peak_lr : 9e-5;
  if (shape == "cosine_24000") {
    const double progress = static_cast<double>(t - mpl_warmup_steps) /
                            static_cast<double>(mpl_run_steps - mpl_warmup_steps);
    return 3e-5 + 0.5 * (mpl_peak_lr - 3e-5) * (1.0 + std::cos(std::numbers::pi * progress));
  }
  throw std::invalid_argument("unknown run shape " + shape);
}

inline lrsched::table mpl_schedule(const std::string& shape) {
  std::vector<double> values;
  for (std::int64_t t = 0; t <= mpl_run_steps; ++t) values.push_back(mpl_lr(shape, t));
  return lrsched::table(std::move(values));
}

/// Run `size`_`shape` (e.g. "100M", "cosine_24000") from its CSV: step,lr,loss.
inline lrsched::loss_run mpl_run(const std::string& size, const std::string& shape) {
  const std::string path =
      std::string(LRSCHED_TEST_DATA_DIR) + "/loss-curves/mpl/" + size + "_" + shape + ".csv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  lrsched::loss_run run{mpl_schedule(shape), {}, {}};
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string step, lr, loss;
    std::getline(row, step, ',');
    std::getline(row, lr, ',');
    std::getline(row, loss, ',');
    run.steps.push_back(std::stoll(step));
    run.losses.push_back(std::stod(loss));
  }
  return run;
}

inline const std::vector<std::string>& mpl_shapes() {
  static const std::vector<std::string> shapes = {"constant_24000", "cosine_24000", "wsdcon_9"};
  return shapes;
}

}  // namespace lrsched_test

#endif  // LRSCHED_TESTS_LOSS_MPL_RUNS_HPP
