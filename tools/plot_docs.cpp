// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Draws the pictures in docs/images/ with the shared chart writer (tools/chart/).
//
//   plot_docs DIR     writes one SVG per family and combinator example, and one per
//                     peer quirk shown in docs/gallery.md, into DIR
//
// Each chart samples the schedule at 1001 evenly spaced steps (every step when the
// horizon is shorter), so peaks, drops and restarts show at their exact steps. The quirk
// charts set a peer's schedule next to lrsched's own, every step a point where a single
// step matters.
#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>

#include <chart/chart.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

struct picture {
  std::string name;
  lrsched_chart::chart chart;
};

/// One schedule over steps [0, horizon], its x axis in `x_per_step` units of `x_title`.
template <lrsched::Schedule S>
picture single(std::string name, std::string title, const S& s, std::int64_t horizon,
               std::string x_title = "step", double x_per_step = 1.0) {
  lrsched_chart::chart c;
  c.title = std::move(title);
  c.x_title = std::move(x_title);
  c.panels.push_back({"learning rate", lrsched_chart::scale::linear, {}});
  c.panels[0].series.push_back(
      lrsched_chart::sample(s, "", lrsched_chart::sample_steps(0, horizon), x_per_step));
  return {std::move(name), std::move(c)};
}

/// A peer's schedule and lrsched's own over steps [first, last], as lines or per-step points.
template <lrsched::Schedule Peer, lrsched::Schedule Native>
picture versus(std::string name, std::string title, const Peer& peer, std::string peer_label,
               const Native& native, std::string native_label, std::int64_t first,
               std::int64_t last, lrsched_chart::style kind) {
  lrsched_chart::chart c;
  c.title = std::move(title);
  c.panels.push_back({"learning rate", lrsched_chart::scale::linear, {}});
  const auto steps = lrsched_chart::sample_steps(first, last);
  c.panels[0].series.push_back(lrsched_chart::sample(peer, std::move(peer_label), steps));
  c.panels[0].series.push_back(lrsched_chart::sample(native, std::move(native_label), steps));
  for (auto& s : c.panels[0].series) s.kind = kind;
  return {std::move(name), std::move(c)};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: plot_docs DIR   (writes one SVG chart per family into DIR)\n");
    return 2;
  }
  using namespace lrsched;
  const std::vector<picture> pictures = {
      single("constant", "constant(1e-3)", constant(1e-3), 1'000),
      single("linear", "linear(1e-3 → 1e-4, 800 steps)", linear(1e-3, 1e-4, 800), 1'000),
      single("cosine", "cosine(1e-3 → 1e-4, 800 steps)", cosine(1e-3, 1e-4, 800), 1'000),
      single("exponential", "exponential(1e-3, rate 0.5 per 200 steps)",
             exponential(1e-3, 0.5, 200), 1'000),
      single("step_decay", "step_decay(1e-3, every 250 steps, γ 0.5)", step_decay(1e-3, 250, 0.5),
             1'000),
      single("multistep", "multistep(1e-3, at 300, 600, 600, γ 0.5)",
             multistep(1e-3, {300, 600, 600}, 0.5), 1'000),
      single("warmup_cosine", "warmup(100, cosine(1e-3 → 0, 900 steps))",
             warmup(100, cosine(1e-3, 0.0, 900)), 1'000),
      single("polynomial", "polynomial(1e-3 → 0, 800 steps, power 2)",
             polynomial(1e-3, 0.0, 800, 2.0), 1'000),
      single("inverse_sqrt", "inverse_sqrt(1e-3, warmup 100)", inverse_sqrt(1e-3, 100), 1'000),
      single("inverse_time", "inverse_time(1e-3, rate 1 per 100 steps)",
             inverse_time(1e-3, 1.0, 100), 1'000),
      single("tanh_decay", "tanh_decay(1e-3 → 1e-5, 800 steps)", tanh_decay(1e-3, 1e-5, 800),
             1'000),
      single("cosine_restarts", "cosine_restarts(1e-3, first period 100, periods × 2)",
             cosine_restarts(1e-3, 100, {.period_multiplier = 2.0}), 1'500),
      single("cyclic", "cyclic(triangular2, 1e-4 ↔ 1e-3, 100 up, 100 down)",
             cyclic(1e-4, 1e-3, 100, 100, cyclic_mode::triangular2), 1'000),
      single("one_cycle", "one_cycle(1e-3, 1000 steps)", one_cycle(1e-3, 1'000), 1'000),
      single("wsd", "wsd(1e-3, warmup 100, stable 600, 1−√r decay 300)",
             wsd(1e-3, 100, 600, 300, {.decay_shape = wsd_shape::minus_sqrt}), 1'000),
      single("four_phase", "the demo's four phases, written in samples",
             chain(linear(0.0, 5e-5, 2'000'000), for_steps(43'000'000, constant(5e-5)),
                   cosine(5e-5, 4.5e-5, 8'000'000), for_steps(3'000'000, constant(2.8e-5)),
                   constant(0.9e-5)),
             60'000'000, "samples"),
      // Peer quirks (docs/peers.md), each next to lrsched's native rule.
      versus("quirk_pytorch_cosine_annealing",
             "PyTorch CosineAnnealingLR(T_max=100) rises again; lrsched's cosine holds",
             pytorch::cosine_annealing_lr(1e-3, 100, 1e-5), "pytorch::cosine_annealing_lr",
             cosine(1e-3, 1e-5, 100), "cosine(1e-3 → 1e-5, 100 steps)", 0, 300,
             lrsched_chart::style::line),
      versus("quirk_keras_polynomial_cycle",
             "Keras PolynomialDecay(cycle=True) restarts on longer curves; lrsched's holds",
             keras::polynomial_decay(1e-3, 100, 1e-4, 2.0, true),
             "keras::polynomial_decay(cycle=True)", polynomial(1e-3, 1e-4, 100, 2.0),
             "polynomial(1e-3 → 1e-4, 100 steps, power 2)", 0, 400, lrsched_chart::style::line),
      versus("quirk_keras_boundary", "A boundary at step 20: Keras switches at 21, PyTorch at 20",
             keras::piecewise_constant_decay({20}, {1e-3, 1e-4}), "keras::piecewise_constant_decay",
             pytorch::multi_step_lr(1e-3, {20}, 0.1), "pytorch::multi_step_lr", 10, 30,
             lrsched_chart::style::points),
      versus("quirk_deepspeed_lag", "DeepSpeed's WarmupLR runs one step behind: the peak at W + 1",
             deepspeed::warmup_lr(0.0, 1e-3, 10, deepspeed::warmup_shape::linear),
             "deepspeed::warmup_lr (linear, W = 10)", linear(0.0, 1e-3, 10),
             "linear(0 → 1e-3, 10 steps)", 0, 16, lrsched_chart::style::points),
  };
  for (const picture& p : pictures) {
    const std::string path = std::string(argv[1]) + "/" + p.name + ".svg";
    if (!lrsched_chart::save_or_report(p.chart, path, "plot_docs")) return 1;
    std::printf("%s\n", path.c_str());
  }
  return 0;
}
