// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Draws the pictures of docs/loss.md and prints the figures its tables quote: the
// Multi-Power Law fitted on each model size's three runs (tests/data/loss-curves/mpl/), the
// curves it predicts for a few schedules, and the schedule search against cosine and WSD.
//
//   loss_docs SOURCE_DIR     writes SOURCE_DIR/docs/images/loss_*.svg
#include <lrsched/loss.hpp>
#include <lrsched/lrsched.hpp>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "chart/chart.hpp"
#include "loss/mpl_runs.hpp"

namespace {

using lrsched_chart::chart;
using lrsched_chart::series;
using lrsched_chart::style;

series curve(const lrsched::multi_power_law& law, const lrsched::any_schedule& s, std::string label,
             const std::vector<std::int64_t>& steps) {
  const auto losses = lrsched::predict(law, s, std::span<const std::int64_t>(steps));
  series out{std::move(label), {}, losses, style::line};
  for (const auto t : steps) out.x.push_back(static_cast<double>(t));
  return out;
}

/// The fitted curves over the logged points of one model size; returns the law.
lrsched::multi_power_law draw_fit(const std::string& size, const std::string& images) {
  std::vector<lrsched::loss_run> runs;
  for (const auto& shape : lrsched_test::mpl_shapes())
    runs.push_back(lrsched_test::mpl_run(size, shape));
  const auto fitted =
      lrsched::fit(std::span<const lrsched::loss_run>(runs), lrsched::multi_power_law{});
  const auto& law = fitted.law;
  std::printf("%s fit %.2f s: L0 %.4f A %.4f alpha %.4f B %.1f C %.4f beta %.4f gamma %.4f\n",
              size.c_str(), fitted.seconds, law.L0, law.A, law.alpha, law.B, law.C, law.beta,
              law.gamma);
  chart c;
  c.title = size + " model: the Multi-Power Law fitted on three runs";
  c.x_title = "step";
  c.panels.emplace_back().y_title = "training loss";
  const auto steps = lrsched_chart::sample_steps(2000, 24000, 400);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& shape = lrsched_test::mpl_shapes()[r];
    std::printf("  %-15s worst %.3f%%  mean %.3f%%\n", shape.c_str(),
                100 * fitted.runs[r].worst_relative, 100 * fitted.runs[r].mean_relative);
    series data{shape + " (logged)", {}, runs[r].losses, style::points};
    for (const auto t : runs[r].steps) data.x.push_back(static_cast<double>(t));
    c.panels[0].series.push_back(std::move(data));
  }
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& shape = lrsched_test::mpl_shapes()[r];
    std::vector<std::int64_t> own;
    for (const auto t : steps) {
      if (t <= runs[r].steps.back()) own.push_back(t);
    }
    c.panels[0].series.push_back(curve(law, runs[r].schedule, shape + " (fitted)", own));
  }
  lrsched_chart::save(c, images + "/loss_fit_" + size + ".svg");
  return law;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: loss_docs SOURCE_DIR\n");
    return 2;
  }
  try {
    const std::string images = std::string(argv[1]) + "/docs/images";
    lrsched::multi_power_law law100;
    for (const std::string size : {"25M", "100M", "400M"}) {
      const auto law = draw_fit(size, images);
      if (size == "100M") law100 = law;
    }

    // Predicted curves of a few 24,000-step schedules (100M law).
    const std::int64_t total = 24000, warm = 2160;
    const double peak = 3e-4;
    const std::vector<std::pair<std::string, lrsched::any_schedule>> schedules = {
        {"constant", lrsched::warmup(warm, lrsched::constant(peak))},
        {"cosine to 3e-5", lrsched::warmup(warm, lrsched::cosine(peak, 3e-5, total - warm - 1))},
        {"WSD, linear decay over the last 20%",
         lrsched::wsd(peak, warm, (total - warm - 1) * 4 / 5, (total - warm - 1) / 5)},
        {"step to 9e-5 at 8000, to 2.7e-5 at 16000",
         lrsched::warmup(warm, lrsched::piecewise_constant({8000 - warm, 16000 - warm},
                                                           {peak, 9e-5, 2.7e-5}))}};
    chart predicted;
    predicted.title = "100M model: predicted loss of four schedules";
    predicted.x_title = "step";
    predicted.panels.emplace_back().y_title = "learning rate";
    predicted.panels.emplace_back().y_title = "predicted loss";
    const auto steps = lrsched_chart::sample_steps(1000, total - 1, 300);
    for (const auto& [name, s] : schedules) {
      predicted.panels[0].series.push_back(lrsched_chart::sample(s, name, steps));
      predicted.panels[1].series.push_back(curve(law100, s, name, steps));
      std::printf("predicted final loss, %s: %.4f\n", name.c_str(),
                  lrsched::predict(law100, s, total - 1));
    }
    predicted.x_range = std::pair{0.0, static_cast<double>(total)};
    lrsched_chart::save(predicted, images + "/loss_predicted.svg");

    // The search against the best cosine and the best WSD.
    const auto found = lrsched::search_schedules(law100, total, peak, warm);
    chart search;
    search.title = "100M model, 24,000 steps: the schedule search";
    search.x_title = "step";
    search.panels.emplace_back().y_title = "learning rate";
    search.panels.emplace_back().y_title = "predicted loss";
    for (const auto* c : {&found.cosine, &found.wsd, &found.free_form}) {
      std::printf("search: %.5f  %s\n", c->final_loss, c->label.c_str());
      search.panels[0].series.push_back(lrsched_chart::sample(c->schedule, c->label, steps));
      search.panels[1].series.push_back(curve(law100, c->schedule, c->label, steps));
    }
    lrsched_chart::save(search, images + "/loss_search.svg");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "loss_docs: %s\n", e.what());
    return 1;
  }
  return 0;
}
