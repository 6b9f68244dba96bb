// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Line charts of schedules (and of anything else measured per step): one description of a
// chart, written as SVG, as CSV or as a terminal plot. Used by the lrsched command, the
// picture tool for docs/ and the examples; not installed, not part of the library.
//
//   lrsched_chart::chart c{.title = "two decays", .x_title = "step"};
//   c.panels.push_back({.y_title = "learning rate"});
//   c.panels[0].series.push_back(lrsched_chart::sample(cosine(1e-3, 0.0, 1000), "cosine", 0,
//   1000)); c.panels[0].series.push_back(lrsched_chart::sample(linear(1e-3, 0.0, 1000), "linear",
//   0, 1000)); lrsched_chart::save(c, "decays.svg");                 // or .csv std::cout <<
//   lrsched_chart::to_terminal(c);           // Braille dots, 80 columns
//
// Several series share a panel's axes; a second panel (e.g. the running summed LR, or a
// loss) sits below the first and shares its x axis. Series are told apart by colour, by
// lightness and by dash pattern (or marker shape for points), so a grey print keeps them
// apart too.
#ifndef LRSCHED_TOOLS_CHART_CHART_HPP
#define LRSCHED_TOOLS_CHART_CHART_HPP

#include <lrsched/sum.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lrsched_chart {

/// A chart that cannot be drawn or saved (no data, unknown extension, unwritable path).
/// The message is one line.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How a series is drawn: joined by a line, or as separate markers (a scatter).
enum class style { line, points };

/// A value axis: linear, or logarithmic (values <= 0 are left out of a log panel).
enum class scale { linear, log };

/// One curve or point set: y[k] at x[k]. A line's x values must not decrease.
struct series {
  std::string label;  ///< legend text (and CSV column); empty: left out of the legend
  std::vector<double> x;
  std::vector<double> y;
  style kind = style::line;
  /// The colour and dash (or marker) slot; -1: the series' index in its panel. Series of
  /// different panels with the same slot and label share one legend entry.
  int look = -1;
};

/// A plot area with its own value axis; every panel of a chart shares the x axis.
struct panel {
  std::string y_title;
  scale y_scale = scale::linear;
  std::vector<lrsched_chart::series> series;
};

/// A whole picture: a title, the x axis and one or two panels, the first on top.
/// The i-th series of every panel gets the same colour and dash pattern (unless its `look`
/// says otherwise), so a second panel of the same series (a running sum) needs no legend of
/// its own.
struct chart {
  std::string title;
  std::string x_title = "step";
  std::vector<lrsched_chart::panel> panels;
  /// The x axis's extent; by default the smallest and largest x of all series.
  std::optional<std::pair<double, double>> x_range;
  int width = 760;  ///< SVG width in pixels
  int height = 0;   ///< SVG height in pixels; 0: 420 for one panel, 600 for two
};

/// The chart as a standalone SVG document of a fixed size (generic font families only).
/// The plot area of panel k is a <rect id="plot-k"> and the legend a <rect id="legend">,
/// so a renderer's output can be checked region by region.
/// @throws error when no panel has a point to draw.
[[nodiscard]] std::string to_svg(const chart& c);

/// The chart as CSV: a header `<x title>,<label>,...` (series of the second panel are
/// labelled `<label> (<y title>)`), then one row per x value of any series, in increasing
/// order, with an empty cell where a series has no value there. Values are written in the shortest form that reads back exactly (std::to_chars).
[[nodiscard]] std::string to_csv(const chart& c);

struct terminal_options {
  int columns = 80;     ///< the whole plot, axis labels included, fits this many columns
  int panel_rows = 12;  ///< text rows per panel
  bool ascii = false;   ///< one ASCII marker per cell ('*', 'o', '+', ...) instead of Braille
};

/// The chart as text for a terminal: Braille dots (2 x 4 per character cell), or ASCII
/// markers, with the y range on the left, the x range below and a legend. When several
/// series share a Braille panel, each carries its number at the place where it is furthest
/// from the others, and the legend lists the numbers.
[[nodiscard]] std::string to_terminal(const chart& c, const terminal_options& options = {});

/// Writes to_svg (".svg") or to_csv (".csv") to `path`, chosen by its extension, through a
/// temporary file in the same folder renamed over `path`: a failure leaves no partial file.
/// @throws error for another extension or a file that cannot be written.
void save(const chart& c, const std::string& path);

/// save(), for a program's main: on failure prints `<program>: <message>` to standard error
/// and returns false.
[[nodiscard]] bool save_or_report(const chart& c, const std::string& path,
                                  const std::string& program);

/// Writes `text` to `path` the way save() does (temporary file, then rename).
/// @throws error when it cannot.
void write_file_atomically(const std::string& path, const std::string& text);

/// A readable tick label: "0", "50k", "1M", "2.5M", "0.0002", "3e-4", "1.5e-5", "250".
[[nodiscard]] std::string tick_label(double value);

/// `points` steps spread evenly over [first, last] (both ends included, no step twice);
/// every step when the range holds fewer.
[[nodiscard]] std::vector<std::int64_t> sample_steps(std::int64_t first, std::int64_t last,
                                                     std::int64_t points = 1001);

/// A schedule's value at `steps`, x in steps times `x_per_step` (e.g. samples per step).
template <class Schedule>
[[nodiscard]] series sample(const Schedule& s, std::string label,
                            const std::vector<std::int64_t>& steps, double x_per_step = 1.0) {
  series out{std::move(label), {}, {}, style::line, -1};
  out.x.reserve(steps.size());
  out.y.reserve(steps.size());
  for (const std::int64_t t : steps) {
    out.x.push_back(static_cast<double>(t) * x_per_step);
    out.y.push_back(s(t));
  }
  return out;
}

/// A schedule over [first, last] at sample_steps(first, last, points).
template <class Schedule>
[[nodiscard]] series sample(const Schedule& s, std::string label, std::int64_t first,
                            std::int64_t last, std::int64_t points = 1001) {
  return sample(s, std::move(label), sample_steps(first, last, points));
}

/// The running summed LR: at step t, lrsched::sum(s, first, t), the LR summed over steps
/// first .. t-1 (a closed form per point where the schedule has one, never a loop over
/// every step).
template <class Schedule>
[[nodiscard]] series sample_running_sum(const Schedule& s, std::string label,
                                        const std::vector<std::int64_t>& steps,
                                        double x_per_step = 1.0) {
  series out{std::move(label), {}, {}, style::line, -1};
  const std::int64_t first = steps.empty() ? 0 : steps.front();
  for (const std::int64_t t : steps) {
    out.x.push_back(static_cast<double>(t) * x_per_step);
    out.y.push_back(lrsched::sum(s, first, t));
  }
  return out;
}

}  // namespace lrsched_chart

#endif  // LRSCHED_TOOLS_CHART_CHART_HPP
