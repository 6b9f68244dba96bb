// Draws the pictures in docs/images/ with the shared chart writer (tools/chart/).
//
//   plot_docs DIR     writes one SVG per family and combinator example into DIR
//
// Each chart samples the schedule at 1001 evenly spaced steps (every step when the
// horizon is shorter), so peaks, drops and restarts show at their exact steps.
#include <lrsched/lrsched.hpp>

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
  };
  for (const picture& p : pictures) {
    const std::string path = std::string(argv[1]) + "/" + p.name + ".svg";
    try {
      lrsched_chart::save(p.chart, path);
    } catch (const lrsched_chart::error& e) {
      std::fprintf(stderr, "plot_docs: %s\n", e.what());
      return 1;
    }
    std::printf("%s\n", path.c_str());
  }
  return 0;
}
