// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Kaplan et al. 2020 ("Scaling Laws for Neural Language Models"), Fig. 22, right panel:
// the final loss of many learning-rate schedules against their summed LR. Here the losses
// come from a fitted Multi-Power Law (a law file written by `lrsched loss fit --law mpl`):
// 25 schedules of 24,000 steps after a 2,160-step warmup, each with its summed LR, its
// predicted final loss, and the final loss of the constant schedule (same warmup) with the
// same summed LR: what the summed LR alone gives. The difference is what the decay's shape
// adds (negative: it helps).
//
//   kaplan_fig22 LAW.json [OUT.svg]
#include <lrsched/loss/law.hpp>
#include <lrsched/lrsched.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "chart/chart.hpp"

namespace {

constexpr std::int64_t total = 24000;
constexpr std::int64_t warm = 2160;
constexpr std::int64_t after = total - warm - 1;  // the decays end at the last step
constexpr double peak = 3e-4;

struct entry {
  std::string family;  // one scatter series per family
  std::string name;
  lrsched::any_schedule schedule;
};

lrsched::any_schedule warmed(const lrsched::any_schedule& s) {
  return lrsched::warmup(warm, s);
}

std::vector<entry> schedules() {
  using lrsched::wsd_shape;
  const auto wsd = [](double top, double decay_share, wsd_shape shape) {
    const auto decay = static_cast<std::int64_t>(decay_share * static_cast<double>(after));
    return lrsched::any_schedule(
        lrsched::wsd(top, warm, after - decay, decay, {.decay_shape = shape}));
  };
  std::vector<entry> out;
  for (const double value : {3e-4, 2e-4, 1e-4, 5e-5}) {
    out.push_back(
        {"constant", "constant " + std::to_string(value), warmed(lrsched::constant(value))});
  }
  for (const double floor : {0.0, 3e-5, 1e-4}) {
    out.push_back({"cosine", "cosine to " + std::to_string(floor),
                   warmed(lrsched::cosine(peak, floor, after))});
  }
  out.push_back({"cosine", "cosine from 1.5e-4 to 0", warmed(lrsched::cosine(1.5e-4, 0.0, after))});
  out.push_back({"cosine", "cosine^2 to 0", warmed(lrsched::cosine(peak, 0.0, after, 2.0))});
  for (const double share : {0.1, 0.2, 0.4}) {
    out.push_back(
        {"WSD", "WSD linear, last " + std::to_string(share), wsd(peak, share, wsd_shape::linear)});
  }
  out.push_back({"WSD", "WSD 1-sqrt, last 0.2", wsd(peak, 0.2, wsd_shape::minus_sqrt)});
  out.push_back({"WSD", "WSD linear from 1.5e-4, last 0.2", wsd(1.5e-4, 0.2, wsd_shape::linear)});
  out.push_back({"linear / polynomial", "linear to 0", warmed(lrsched::linear(peak, 0.0, after))});
  out.push_back(
      {"linear / polynomial", "linear to 3e-5", warmed(lrsched::linear(peak, 3e-5, after))});
  out.push_back({"linear / polynomial", "quadratic to 0",
                 warmed(lrsched::polynomial(peak, 0.0, after, 2.0))});
  out.push_back({"linear / polynomial", "square root to 0",
                 warmed(lrsched::polynomial(peak, 0.0, after, 0.5))});
  out.push_back(
      {"step", "x0.3 at 8000", warmed(lrsched::piecewise_constant({8000 - warm}, {peak, 9e-5}))});
  out.push_back(
      {"step", "x0.1 at 16000", warmed(lrsched::piecewise_constant({16000 - warm}, {peak, 3e-5}))});
  out.push_back(
      {"step", "x0.3 at 12000 and 18000",
       warmed(lrsched::piecewise_constant({12000 - warm, 18000 - warm}, {peak, 9e-5, 2.7e-5}))});
  out.push_back({"step", "x0.5 every 4000", warmed(lrsched::step_decay(peak, 4000, 0.5))});
  for (const double end : {3e-5, 3e-6}) {
    out.push_back({"exponential / inverse sqrt", "exponential to " + std::to_string(end),
                   warmed(lrsched::exponential(peak, end / peak, after))});
  }
  out.push_back({"exponential / inverse sqrt", "inverse sqrt", lrsched::inverse_sqrt(peak, warm)});
  return out;
}

lrsched::multi_power_law read_law(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  const auto document = nlohmann::json::parse(in);
  if (document.value("law", "") != "multi_power_law") {
    throw std::runtime_error(path + ": not a Multi-Power Law file (lrsched loss fit --law mpl)");
  }
  const auto& p = document.at("parameters");
  return {p.at("L0").get<double>(),   p.at("A").get<double>(), p.at("alpha").get<double>(),
          p.at("B").get<double>(),    p.at("C").get<double>(), p.at("beta").get<double>(),
          p.at("gamma").get<double>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: kaplan_fig22 LAW.json [OUT.svg]\n");
    return 2;
  }
  try {
    const auto law = read_law(argv[1]);
    lrsched_chart::chart c;
    c.title = "Final loss against summed LR (after Kaplan et al. Fig. 22)";
    c.x_title = "summed learning rate over 24,000 steps";
    c.panels.emplace_back().y_title = "predicted loss at step 23,999";
    std::map<std::string, lrsched_chart::series> by_family;
    double smallest = 1e300, largest = 0.0;
    // A constant rate η after the warmup sums to η·unit over the run.
    const double unit = lrsched::sum(warmed(lrsched::constant(1.0)), 0, total);
    const auto constant_with_sum = [&](double summed) {
      return lrsched::predict(law, warmed(lrsched::constant(summed / unit)), total - 1);
    };
    std::printf("%-36s %12s %12s %14s %10s\n", "schedule", "summed LR", "final loss",
                "constant, same sum", "shape adds");
    for (const auto& e : schedules()) {
      const double summed = lrsched::sum(e.schedule, 0, total);
      const double loss = lrsched::predict(law, e.schedule, total - 1);
      const double same_sum = constant_with_sum(summed);
      std::printf("%-36s %12.4f %12.4f %14.4f %10.4f\n", e.name.c_str(), summed, loss, same_sum,
                  loss - same_sum);
      auto& points = by_family[e.family];
      points.label = e.family;
      points.kind = lrsched_chart::style::points;
      points.x.push_back(summed);
      points.y.push_back(loss);
      smallest = std::min(smallest, summed);
      largest = std::max(largest, summed);
    }
    for (auto& [family, points] : by_family) c.panels[0].series.push_back(std::move(points));
    lrsched_chart::series alone{
        "constant LR: the summed LR alone", {}, {}, lrsched_chart::style::line};
    for (int k = 0; k <= 100; ++k) {
      const double s = smallest + (largest - smallest) * k / 100.0;
      alone.x.push_back(s);
      alone.y.push_back(constant_with_sum(s));
    }
    c.panels[0].series.push_back(std::move(alone));
    if (argc == 3) lrsched_chart::save(c, argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kaplan_fig22: %s\n", e.what());
    return 1;
  }
  return 0;
}
