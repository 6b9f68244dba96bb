// Draws schedules as SVG line charts: the pictures in docs/images/.
//
//   plot DIR     writes one SVG per family and combinator example into DIR
//
// Each chart samples the schedule at 600 evenly spaced steps (every step when the
// horizon is shorter), so peaks, drops and restarts show at their exact steps.
#include <lrsched/lrsched.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct chart {
  std::string name;
  std::string title;
  std::int64_t horizon;
  std::vector<double> values;  // at steps 0, stride, 2·stride, ...
  std::int64_t stride;
  std::string unit = "step";
};

template <lrsched::Schedule S>
chart sample(std::string name, std::string title, const S& s, std::int64_t horizon,
             std::string unit = "step") {
  const std::int64_t points = std::min<std::int64_t>(horizon, 600);
  const std::int64_t stride = std::max<std::int64_t>(1, horizon / points);
  chart c{std::move(name), std::move(title), horizon, {}, stride, std::move(unit)};
  for (std::int64_t t = 0; t <= horizon; t += stride) c.values.push_back(s(t));
  return c;
}

// A tick label: 3 significant digits, no trailing zeros ("0.0003", "2.5e-05", "1000").
std::string label(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

// A step label: whole numbers, millions as "15M".
std::string step_label(double step) {
  char text[32];
  if (step >= 1e6) {
    std::snprintf(text, sizeof text, "%gM", step / 1e6);
  } else {
    std::snprintf(text, sizeof text, "%.0f", step);
  }
  return text;
}

std::string svg(const chart& c) {
  constexpr double width = 640, height = 300, left = 70, right = 36, top = 34, bottom = 40;
  const double plot_w = width - left - right;
  const double plot_h = height - top - bottom;
  double hi = *std::max_element(c.values.begin(), c.values.end());
  const double lo = std::min(0.0, *std::min_element(c.values.begin(), c.values.end()));
  if (!(hi > lo)) hi = lo + 1.0;
  const auto x_of = [&](double step) {
    return left + plot_w * step / static_cast<double>(c.horizon);
  };
  const auto y_of = [&](double value) { return top + plot_h * (1.0 - (value - lo) / (hi - lo)); };

  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << ' ' << height
      << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << left << "\" y=\"20\" font-size=\"13\">" << c.title << "</text>\n";
  for (int k = 0; k <= 4; ++k) {  // horizontal grid with value labels
    const double value = lo + (hi - lo) * k / 4.0;
    const double y = y_of(value);
    out << "<line x1=\"" << left << "\" y1=\"" << y << "\" x2=\"" << width - right << "\" y2=\""
        << y << "\" stroke=\"#ddd\"/>\n"
        << "<text x=\"" << left - 6 << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">"
        << label(value) << "</text>\n";
  }
  for (int k = 0; k <= 4; ++k) {  // step labels
    const double step = static_cast<double>(c.horizon) * k / 4.0;
    out << "<text x=\"" << x_of(step) << "\" y=\"" << height - bottom + 16
        << "\" text-anchor=\"middle\">" << step_label(std::round(step)) << "</text>\n";
  }
  out << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << height - 6
      << "\" text-anchor=\"middle\">" << c.unit << "</text>\n"
      << "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.6\" points=\"";
  for (std::size_t i = 0; i < c.values.size(); ++i) {
    out << x_of(static_cast<double>(static_cast<std::int64_t>(i) * c.stride)) << ','
        << y_of(c.values[i]) << ' ';
  }
  out << "\"/>\n</svg>\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: plot DIR   (writes one SVG chart per family into DIR)\n");
    return 2;
  }
  using namespace lrsched;
  const std::vector<chart> charts = {
      sample("constant", "constant(1e-3)", constant(1e-3), 1'000),
      sample("linear", "linear(1e-3 → 1e-4, 800 steps)", linear(1e-3, 1e-4, 800), 1'000),
      sample("cosine", "cosine(1e-3 → 1e-4, 800 steps)", cosine(1e-3, 1e-4, 800), 1'000),
      sample("exponential", "exponential(1e-3, rate 0.5 per 200 steps)",
             exponential(1e-3, 0.5, 200), 1'000),
      sample("step_decay", "step_decay(1e-3, every 250 steps, γ 0.5)", step_decay(1e-3, 250, 0.5),
             1'000),
      sample("multistep", "multistep(1e-3, at 300, 600, 600, γ 0.5)",
             multistep(1e-3, {300, 600, 600}, 0.5), 1'000),
      sample("warmup_cosine", "warmup(100, cosine(1e-3 → 0, 900 steps))",
             warmup(100, cosine(1e-3, 0.0, 900)), 1'000),
      sample("polynomial", "polynomial(1e-3 → 0, 800 steps, power 2)",
             polynomial(1e-3, 0.0, 800, 2.0), 1'000),
      sample("inverse_sqrt", "inverse_sqrt(1e-3, warmup 100)", inverse_sqrt(1e-3, 100), 1'000),
      sample("inverse_time", "inverse_time(1e-3, rate 1 per 100 steps)",
             inverse_time(1e-3, 1.0, 100), 1'000),
      sample("tanh_decay", "tanh_decay(1e-3 → 1e-5, 800 steps)", tanh_decay(1e-3, 1e-5, 800),
             1'000),
      sample("cosine_restarts", "cosine_restarts(1e-3, first period 100, periods × 2)",
             cosine_restarts(1e-3, 100, {.period_multiplier = 2.0}), 1'500),
      sample("cyclic", "cyclic(triangular2, 1e-4 ↔ 1e-3, 100 up, 100 down)",
             cyclic(1e-4, 1e-3, 100, 100, cyclic_mode::triangular2), 1'000),
      sample("one_cycle", "one_cycle(1e-3, 1000 steps)", one_cycle(1e-3, 1'000), 1'000),
      sample("wsd", "wsd(1e-3, warmup 100, stable 600, 1−√r decay 300)",
             wsd(1e-3, 100, 600, 300, {.decay_shape = wsd_shape::minus_sqrt}), 1'000),
      sample("four_phase", "the demo's four phases, written in samples",
             chain(linear(0.0, 5e-5, 2'000'000), for_steps(43'000'000, constant(5e-5)),
                   cosine(5e-5, 4.5e-5, 8'000'000), for_steps(3'000'000, constant(2.8e-5)),
                   constant(0.9e-5)),
             60'000'000, "samples"),
  };
  for (const chart& c : charts) {
    const std::string path = std::string(argv[1]) + "/" + c.name + ".svg";
    std::ofstream file(path);
    file << svg(c);
    if (!file) {
      std::fprintf(stderr, "plot: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("%s\n", path.c_str());
  }
  return 0;
}
