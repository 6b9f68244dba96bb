// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The chart writers: axes and ticks shared by all three, then SVG, CSV and the terminal.
#include "chart.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string_view>
#include <system_error>

namespace lrsched_chart {
namespace {

// ------------------------------------------------------------------- numbers and ticks
std::string printed(const char* format, double value) {
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), format, value);
  return text.data();
}

/// The shortest text that reads back as `value`, in the notation %g would choose
/// (std::to_chars, general): 0.0003, 100000, 1.5e-05. For the CSV.
std::string shortest(double value) {
  std::array<char, 32> text{};
  const auto result =
      std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  return std::string(text.data(), result.ptr);
}

/// How an axis writes its tick labels; one style per axis so the labels line up.
enum class notation { decimal, scientific, thousands };

notation notation_for(double largest_magnitude, double smallest_nonzero) {
  if (largest_magnitude >= 1e4) return notation::thousands;
  if (largest_magnitude < 1e-3 || (smallest_nonzero > 0 && smallest_nonzero < 1e-5)) {
    return notation::scientific;
  }
  return notation::decimal;
}

/// The fewest decimals (up to 9) that write `value` to 9 significant digits.
std::string decimal(double value) {
  for (int decimals = 0; decimals < 10; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    if (std::fabs(std::round(value * scale) / scale - value) <= 1e-9 * std::fabs(value)) {
      std::array<char, 64> text{};
      std::snprintf(text.data(), text.size(), "%.*f", decimals, value);
      return text.data();
    }
  }
  return printed("%.9g", value);
}

std::string scientific(double value) {
  int exponent = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  double mantissa = value / std::pow(10.0, exponent);
  if (std::fabs(std::stod(printed("%.3g", mantissa))) >= 10.0) {
    ++exponent;
    mantissa /= 10.0;
  }
  return printed("%.3g", mantissa) + "e" + std::to_string(exponent);
}

std::string label_in(double value, notation style) {
  if (value == 0.0 || !std::isfinite(value)) return value == 0.0 ? "0" : printed("%g", value);
  const double magnitude = std::fabs(value);
  switch (style) {
    case notation::thousands:
      if (magnitude >= 1e9) return printed("%.4g", value / 1e9) + "G";
      if (magnitude >= 1e6) return printed("%.4g", value / 1e6) + "M";
      if (magnitude >= 1e3) return printed("%.4g", value / 1e3) + "k";
      return decimal(value);
    case notation::scientific:
      return scientific(value);
    case notation::decimal:
      break;
  }
  return decimal(value);
}

/// An axis: the extent it shows and its ticks.
struct axis {
  double low = 0.0;
  double high = 1.0;
  bool log = false;
  std::vector<double> ticks;
  notation style = notation::decimal;

  /// Where `value` sits on the axis, 0 at low and 1 at high (log axes in log space).
  [[nodiscard]] double fraction(double value) const {
    if (log) return (std::log10(value) - std::log10(low)) / (std::log10(high) - std::log10(low));
    return (value - low) / (high - low);
  }
  [[nodiscard]] std::string label(double value) const { return label_in(value, style); }
};

/// A 1-2-2.5-5 step giving about `count` intervals over `span`.
double nice_step(double span, int count) {
  const double raw = span / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * magnitude >= raw * 0.999) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

void choose_notation(axis& a) {
  double largest = 0.0;
  double smallest = 0.0;
  for (const double t : a.ticks) {
    largest = std::max(largest, std::fabs(t));
    if (t != 0.0) smallest = smallest == 0.0 ? std::fabs(t) : std::min(smallest, std::fabs(t));
  }
  a.style = notation_for(largest, a.log ? smallest : 0.0);
}

/// A linear axis over [low, high]: `widen` stretches the extent out to whole ticks.
axis linear_axis(double low, double high, bool widen, int count) {
  axis a;
  if (!(high > low)) {
    const double pad = low == 0.0 ? 1.0 : std::fabs(low) * 0.5;
    low -= widen ? 0.0 : pad;
    high = low + 2.0 * pad;
    if (widen && low > 0.0) low = 0.0;
  }
  const double step = nice_step(high - low, count);
  if (widen) {
    low = std::floor(low / step + 1e-9) * step;
    high = std::ceil(high / step - 1e-9) * step;
  }
  a.low = low;
  a.high = high;
  const double first = std::ceil(low / step - 1e-9);
  for (double k = first; k * step <= high + step * 1e-9; k += 1.0) {
    const double tick = k * step;
    a.ticks.push_back(std::fabs(tick) < step * 1e-9 ? 0.0 : tick);
  }
  choose_notation(a);
  return a;
}

/// A log axis from the decade at or below `low` to the one at or above `high` (low > 0).
axis log_axis(double low, double high) {
  axis a;
  a.log = true;
  int bottom = static_cast<int>(std::floor(std::log10(low) + 1e-9));
  int top = static_cast<int>(std::ceil(std::log10(high) - 1e-9));
  if (top <= bottom) top = bottom + 1;
  a.low = std::pow(10.0, bottom);
  a.high = std::pow(10.0, top);
  const int decades = top - bottom;
  const int every = decades > 12 ? (decades + 5) / 6 : 1;
  for (int e = bottom; e <= top; e += every) {
    a.ticks.push_back(std::pow(10.0, e));
    if (decades <= 2 && e < top) {
      a.ticks.push_back(2.0 * std::pow(10.0, e));
      a.ticks.push_back(5.0 * std::pow(10.0, e));
    }
  }
  choose_notation(a);
  return a;
}

bool drawable(double y, scale s) {
  return std::isfinite(y) && (s == scale::linear || y > 0.0);
}

/// The value axis of a panel (from 0 on a linear axis whose values are all positive).
axis value_axis(const panel& p, int count) {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const series& s : p.series) {
    for (const double y : s.y) {
      if (!drawable(y, p.y_scale)) continue;
      low = std::min(low, y);
      high = std::max(high, y);
    }
  }
  if (!(low <= high))
    return p.y_scale == scale::log ? log_axis(1e-3, 1.0) : linear_axis(0, 1, true, count);
  if (p.y_scale == scale::log) return log_axis(low, high);
  return linear_axis(std::min(0.0, low), high, true, count);
}

/// The shared x axis: the chart's x_range, else the extent of every series.
axis x_axis(const chart& c, int count) {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  if (c.x_range) {
    low = c.x_range->first;
    high = c.x_range->second;
  } else {
    for (const panel& p : c.panels) {
      for (const series& s : p.series) {
        for (const double x : s.x) {
          if (!std::isfinite(x)) continue;
          low = std::min(low, x);
          high = std::max(high, x);
        }
      }
    }
  }
  if (!(low <= high)) throw error("the chart has no points to draw");
  return linear_axis(low, high, false, count);
}

void check_drawable(const chart& c) {
  if (c.panels.empty()) throw error("the chart has no panel");
  for (const panel& p : c.panels) {
    for (const series& s : p.series) {
      if (s.x.size() != s.y.size()) {
        throw error("series '" + s.label + "' has " + std::to_string(s.x.size()) +
                    " x values and " + std::to_string(s.y.size()) + " y values");
      }
    }
  }
}

// ---------------------------------------------------------------------------- SVG
// Series i is drawn in colour i % 8 with dash pattern (i + i / 8) % 4, so 32 series differ
// in colour or dash and neighbours differ in both. The colours alternate dark and light
// (their grey levels: 0.29, 0.64, 0.48, 0.32, 0.64, 0.23, 0.18, 0.57) and the two that share
// a dash pattern differ most in lightness, so a grey print still tells them apart.
constexpr std::array<std::string_view, 8> colours = {"#1f4e9c", "#e69f00", "#009e73", "#cc3311",
                                                     "#56b4e9", "#882255", "#332288", "#999933"};
constexpr std::array<std::string_view, 4> dashes = {"", "7 3", "2 2.5", "9 3 2 3"};

std::string_view colour_of(std::size_t i) {
  return colours[i % colours.size()];
}
std::size_t pattern_of(std::size_t i) {
  return (i + i / colours.size()) % dashes.size();
}
std::size_t look_of(const series& s, std::size_t index) {
  return s.look >= 0 ? static_cast<std::size_t>(s.look) : index;
}

std::string px(double value) {
  std::string text = printed("%.1f", value);
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text == "-0" ? "0" : text;
}

std::string escaped(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/// Width of `text` in pixels at `font_size` in a generic sans-serif font, a little generous
/// (UTF-8 continuation bytes do not count).
double text_width(std::string_view text, double font_size) {
  double units = 0.0;
  for (const char ch : text) {
    if ((static_cast<unsigned char>(ch) & 0xC0U) == 0x80U) continue;
    units += (ch == 'i' || ch == 'l' || ch == '.' || ch == ',' || ch == ':' || ch == '1' ||
              ch == 'j' || ch == 't' || ch == 'f' || ch == ' ' || ch == '(' || ch == ')')
                 ? 0.36
             : (ch == 'm' || ch == 'w' || ch == 'M' || ch == 'W') ? 0.86
                                                                  : 0.6;
  }
  return units * font_size;
}

/// `text`, cut at a character boundary and ended with an ellipsis when wider than `room`.
std::string fitted(const std::string& text, double room, double font_size) {
  if (text_width(text, font_size) <= room) return text;
  std::string shown = text;
  while (!shown.empty()) {
    shown.pop_back();
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0U) == 0x80U) {
      shown.pop_back();
    }
    if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0U) == 0xC0U) {
      shown.pop_back();  // the lead byte of the code point just cut
      continue;
    }
    if (text_width(shown + "…", font_size) <= room) return shown + "…";
  }
  return "…";
}

struct box {
  double x = 0, y = 0, width = 0, height = 0;
  [[nodiscard]] double right() const { return x + width; }
  [[nodiscard]] double bottom() const { return y + height; }
};

std::string rect(std::string_view id, const box& b, std::string_view attributes) {
  return "<rect" + (id.empty() ? std::string() : " id=\"" + std::string(id) + "\"") + " x=\"" +
         px(b.x) + "\" y=\"" + px(b.y) + "\" width=\"" + px(b.width) + "\" height=\"" +
         px(b.height) + "\" " + std::string(attributes) + "/>\n";
}

std::string text_at(double x, double y, std::string_view anchor, std::string_view content,
                    std::string_view extra = "") {
  return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + std::string(anchor) +
         "\"" + std::string(extra) + ">" + escaped(content) + "</text>\n";
}

/// A marker for point series: a hollow circle, a filled square, a hollow diamond, a filled
/// triangle (by dash pattern index); hollow and filled alternate, so two series' points at
/// the same place both show.
std::string marker(std::size_t i, double x, double y, std::string_view colour) {
  const std::string filled = " fill=\"" + std::string(colour) + "\"/>\n";
  const std::string hollow =
      " fill=\"white\" stroke=\"" + std::string(colour) + "\" stroke-width=\"1.6\"/>\n";
  switch (pattern_of(i)) {
    case 0:
      return "<circle cx=\"" + px(x) + "\" cy=\"" + px(y) + "\" r=\"4.2\"" + hollow;
    case 1:
      return "<rect x=\"" + px(x - 2.6) + "\" y=\"" + px(y - 2.6) +
             "\" width=\"5.2\" height=\"5.2\"" + filled;
    case 2:
      return "<path d=\"M" + px(x) + " " + px(y - 4.6) + "L" + px(x + 4.6) + " " + px(y) + "L" +
             px(x) + " " + px(y + 4.6) + "L" + px(x - 4.6) + " " + px(y) + "Z\"" + hollow;
    default:
      return "<path d=\"M" + px(x) + " " + px(y - 3.6) + "L" + px(x + 3.4) + " " + px(y + 2.6) +
             "L" + px(x - 3.4) + " " + px(y + 2.6) + "Z\"" + filled;
  }
}

/// Appends a path command and its point ("L12.5 40"); appends, not `"L" + ...`, which
/// g++ 12 at -O3 reports as an overlapping memcpy (a false -Wrestrict).
void append_point(std::string& d, char command, const std::pair<double, double>& point) {
  d += command;
  d += px(point.first);
  d += ' ';
  d += px(point.second);
}

/// The path of a line series: breaks where a value cannot be drawn; points that lie on the
/// line between their neighbours (within 0.05 px) are left out.
std::string line_path(const std::vector<std::pair<double, double>>& points,
                      const std::vector<bool>& breaks) {
  std::string d;
  std::size_t k = 0;
  while (k < points.size()) {
    std::size_t end = k + 1;
    while (end < points.size() && !breaks[end]) ++end;
    append_point(d, 'M', points[k]);
    std::size_t kept = k;
    for (std::size_t i = k + 1; i < end; ++i) {
      // Skip point i when every point after the last one kept, up to i, lies on the chord
      // from the last one kept to point i + 1.
      if (i + 1 < end) {
        const auto [x0, y0] = points[kept];
        const auto [x2, y2] = points[i + 1];
        const double length = std::hypot(x2 - x0, y2 - y0);
        bool on_chord = length > 0 && x2 >= x0;
        for (std::size_t j = kept + 1; on_chord && j <= i; ++j) {
          const auto [x1, y1] = points[j];
          const double off = std::fabs((x2 - x0) * (y0 - y1) - (x0 - x1) * (y2 - y0)) / length;
          on_chord = off < 0.05 && x1 >= x0 && x1 <= x2;
        }
        if (on_chord) continue;
      }
      append_point(d, 'L', points[i]);
      kept = i;
    }
    k = end;
  }
  return d;
}

}  // namespace

std::string to_svg(const chart& c) {
  check_drawable(c);
  constexpr double font = 12.0;
  constexpr double legend_row = 17.0;
  const double width = c.width;
  const double height = c.height > 0 ? c.height : (c.panels.size() > 1 ? 600.0 : 420.0);
  const axis xs = x_axis(c, 6);
  std::vector<axis> ys;
  for (const panel& p : c.panels) ys.push_back(value_axis(p, p.series.empty() ? 4 : 5));

  // Margins: the y title and the widest tick label on the left, the legend on the right.
  double label_width = 0.0;
  for (const axis& a : ys) {
    for (const double t : a.ticks)
      label_width = std::max(label_width, text_width(a.label(t), font));
  }
  const double top = c.title.empty() ? 16.0 : 40.0;
  double bottom = 50.0;
  const double left = 24.0 + 8.0 + label_width + 8.0;
  std::vector<std::pair<std::size_t, std::string>> legend;  // series index, label
  std::vector<bool> legend_points;
  for (const panel& p : c.panels) {
    for (std::size_t i = 0; i < p.series.size(); ++i) {
      if (p.series[i].label.empty()) continue;
      const bool seen = std::any_of(legend.begin(), legend.end(), [&](const auto& entry) {
        return entry.first == look_of(p.series[i], i) && entry.second == p.series[i].label;
      });
      if (!seen) {
        legend.emplace_back(look_of(p.series[i], i), p.series[i].label);
        legend_points.push_back(p.series[i].kind == style::points);
      }
    }
  }
  // The legend: in columns right of the plot when its labels are short, else in rows
  // below the x axis.
  double legend_width = 0.0;
  std::size_t per_column = legend.size();
  std::size_t legend_columns = legend.empty() ? 0 : 1;
  double column_width = 0.0;
  bool legend_below = false;
  double legend_height = 0.0;
  if (!legend.empty()) {
    for (const auto& [i, label] : legend) {
      column_width = std::max(column_width, 34.0 + text_width(label, font) + 10.0);
    }
    legend_below = column_width > width * 0.27;
    if (legend_below) {
      column_width = std::min(column_width, width - left - 32.0);
      legend_columns = std::max<std::size_t>(
          1, static_cast<std::size_t>(std::floor((width - left - 32.0) / column_width)));
      legend_columns = std::min(legend_columns, legend.size());
      per_column = (legend.size() + legend_columns - 1) / legend_columns;
      legend_height = static_cast<double>(per_column) * legend_row + 8.0;
      bottom += legend_height + 8.0;
    } else {
      per_column = std::max<std::size_t>(
          1, static_cast<std::size_t>(std::floor((height - top - bottom - 10.0) / legend_row)));
      legend_columns = (legend.size() + per_column - 1) / per_column;
      per_column = (legend.size() + legend_columns - 1) / legend_columns;
      legend_height = static_cast<double>(per_column) * legend_row + 8.0;
    }
    legend_width = column_width * static_cast<double>(legend_columns) + 8.0;
  }
  const double plots_height = height - top - bottom;
  const double right = legend.empty() || legend_below ? 24.0 : legend_width + 28.0;
  const double plot_width = width - left - right;
  if (plot_width < 120.0) throw error("the legend leaves no room for the plot; shorten the labels");

  // Panels: the first gets 60 % of the height when there are two, with a gap for its ticks.
  constexpr double gap = 22.0;
  std::vector<box> boxes;
  if (c.panels.size() == 1) {
    boxes.push_back({left, top, plot_width, plots_height});
  } else {
    const double share = (plots_height - gap * static_cast<double>(c.panels.size() - 1));
    const double first =
        c.panels.size() == 2 ? share * 0.6 : share / static_cast<double>(c.panels.size());
    const double rest = c.panels.size() == 2 ? share * 0.4 : first;
    double y = top;
    for (std::size_t k = 0; k < c.panels.size(); ++k) {
      const double h = k == 0 ? first : rest;
      boxes.push_back({left, y, plot_width, h});
      y += h + gap;
    }
  }

  std::string out;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(width) + "\" height=\"" +
         px(height) + "\" viewBox=\"0 0 " + px(width) + " " + px(height) +
         "\" font-family=\"sans-serif\" font-size=\"" + px(font) + "\">\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  if (!c.title.empty()) {
    // A long title gets a smaller font (down to 10 px), then is cut with an ellipsis.
    const double room = width - left - 12.0;
    const double title_font = std::clamp(room / (text_width(c.title, 1.0) * 1.08), 10.0, 15.0);
    out += text_at(left, 24, "start", fitted(c.title, room, title_font * 1.08),
                   " font-size=\"" + px(title_font) + "\" font-weight=\"bold\"");
  }
  out += "<defs>\n";
  for (std::size_t k = 0; k < boxes.size(); ++k) {
    out +=
        "<clipPath id=\"clip-" + std::to_string(k) + "\">" +
        rect("", {boxes[k].x - 6, boxes[k].y - 6, boxes[k].width + 12, boxes[k].height + 12}, "") +
        "</clipPath>\n";
  }
  out += "</defs>\n";

  for (std::size_t k = 0; k < c.panels.size(); ++k) {
    const panel& p = c.panels[k];
    const box& b = boxes[k];
    const axis& ya = ys[k];
    const auto x_of = [&](double x) { return b.x + b.width * xs.fraction(x); };
    // The top tick sits a little below the frame, so a curve at its peak stays visible.
    const auto y_of = [&](double y) { return b.bottom() - (b.height - 6.0) * ya.fraction(y); };
    out += rect("plot-" + std::to_string(k), b, "fill=\"white\" stroke=\"#999\"");
    out += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n";
    for (const double t : ya.ticks) {
      const double y = y_of(t);
      out += "<line x1=\"" + px(b.x) + "\" y1=\"" + px(y) + "\" x2=\"" + px(b.right()) +
             "\" y2=\"" + px(y) + "\"/>\n";
    }
    for (const double t : xs.ticks) {
      const double x = x_of(t);
      out += "<line x1=\"" + px(x) + "\" y1=\"" + px(b.y) + "\" x2=\"" + px(x) + "\" y2=\"" +
             px(b.bottom()) + "\"/>\n";
    }
    out += "</g>\n<g fill=\"#333\">\n";
    for (const double t : ya.ticks) {
      out += text_at(b.x - 6, y_of(t) + 4, "end", ya.label(t));
    }
    if (k + 1 == c.panels.size()) {
      for (const double t : xs.ticks)
        out += text_at(x_of(t), b.bottom() + 17, "middle", xs.label(t));
    }
    out += "</g>\n";
    if (!p.y_title.empty()) {
      const double cx = 18.0;
      const double cy = b.y + b.height / 2;
      out += text_at(cx, cy, "middle", p.y_title,
                     " transform=\"rotate(-90 " + px(cx) + " " + px(cy) + ")\" fill=\"#222\"");
    }
    out += "<g clip-path=\"url(#clip-" + std::to_string(k) + ")\" fill=\"none\">\n";
    for (std::size_t i = 0; i < p.series.size(); ++i) {
      const series& s = p.series[i];
      const std::size_t look = look_of(s, i);
      const std::string_view colour = colour_of(look);
      if (s.kind == style::points) {
        out += "<g>\n";
        for (std::size_t j = 0; j < s.x.size(); ++j) {
          if (!drawable(s.y[j], p.y_scale) || !std::isfinite(s.x[j])) continue;
          out += marker(look, x_of(s.x[j]), y_of(s.y[j]), colour);
        }
        out += "</g>\n";
        continue;
      }
      std::vector<std::pair<double, double>> points;
      std::vector<bool> breaks;
      bool broken = true;
      for (std::size_t j = 0; j < s.x.size(); ++j) {
        if (!drawable(s.y[j], p.y_scale) || !std::isfinite(s.x[j])) {
          broken = true;
          continue;
        }
        points.emplace_back(x_of(s.x[j]), y_of(s.y[j]));
        breaks.push_back(broken);
        broken = false;
      }
      if (points.empty()) continue;
      const std::string_view dash = dashes[pattern_of(look)];
      out += "<path stroke=\"" + std::string(colour) + "\" stroke-width=\"1.8\"" +
             (dash.empty() ? std::string() : " stroke-dasharray=\"" + std::string(dash) + "\"") +
             " stroke-linejoin=\"round\" d=\"" + line_path(points, breaks) + "\"/>\n";
    }
    out += "</g>\n";
  }
  const box& last = boxes.back();
  out +=
      text_at(last.x + last.width / 2, last.bottom() + 37.0, "middle", c.x_title, " fill=\"#222\"");

  if (!legend.empty()) {
    const box frame =
        legend_below
            ? box{left, height - legend_height - 8.0, legend_width, legend_height}
            : box{boxes.front().right() + 16.0, boxes.front().y, legend_width, legend_height};
    out += rect("legend", frame, "fill=\"white\" stroke=\"#bbb\"");
    for (std::size_t n = 0; n < legend.size(); ++n) {
      const auto& [i, label] = legend[n];
      // Right of the plot: down the columns; below it: along the rows.
      const std::size_t column = legend_below ? n % legend_columns : n / per_column;
      const std::size_t row = legend_below ? n / legend_columns : n % per_column;
      const double x = frame.x + 8.0 + column_width * static_cast<double>(column);
      const double y = frame.y + 4.0 + legend_row * (static_cast<double>(row) + 0.5);
      const std::string shown = fitted(label, column_width - 44.0 + 0.5, font);
      const std::string_view colour = colour_of(i);
      if (legend_points[n]) {
        out += marker(i, x + 12.0, y, colour);
      } else {
        const std::string_view dash = dashes[pattern_of(i)];
        out += "<line x1=\"" + px(x) + "\" y1=\"" + px(y) + "\" x2=\"" + px(x + 26.0) + "\" y2=\"" +
               px(y) + "\" stroke=\"" + std::string(colour) + "\" stroke-width=\"2.2\"" +
               (dash.empty() ? std::string() : " stroke-dasharray=\"" + std::string(dash) + "\"") +
               "/>\n";
      }
      out += text_at(x + 34.0, y + 4.0, "start", shown, " fill=\"#222\"");
    }
  }
  out += "</svg>\n";
  return out;
}

// ---------------------------------------------------------------------------- CSV
std::string to_csv(const chart& c) {
  check_drawable(c);
  struct column {
    std::string name;
    std::vector<std::pair<double, double>> points;  // sorted by x
  };
  std::vector<column> columns;
  std::vector<double> xs;
  for (std::size_t k = 0; k < c.panels.size(); ++k) {
    const panel& p = c.panels[k];
    for (std::size_t i = 0; i < p.series.size(); ++i) {
      const series& s = p.series[i];
      std::string name = s.label.empty() ? "series " + std::to_string(i + 1) : s.label;
      if (k > 0)
        name += " (" + (p.y_title.empty() ? "panel " + std::to_string(k + 1) : p.y_title) + ")";
      column col{name, {}};
      for (std::size_t j = 0; j < s.x.size(); ++j) col.points.emplace_back(s.x[j], s.y[j]);
      std::stable_sort(col.points.begin(), col.points.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      xs.insert(xs.end(), s.x.begin(), s.x.end());
      columns.push_back(std::move(col));
    }
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  const auto quoted = [](const std::string& field) {
    if (field.find_first_of(",\"\n") == std::string::npos) return field;
    std::string out = "\"";
    for (const char ch : field) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
  };
  std::string out = quoted(c.x_title);
  for (const column& col : columns) out += "," + quoted(col.name);
  out += "\n";
  std::vector<std::size_t> cursor(columns.size(), 0);
  for (const double x : xs) {
    out += shortest(x);
    for (std::size_t n = 0; n < columns.size(); ++n) {
      const auto& points = columns[n].points;
      std::size_t& at = cursor[n];
      while (at < points.size() && points[at].first < x) ++at;
      out += ",";
      if (at < points.size() && points[at].first == x) out += shortest(points[at++].second);
    }
    out += "\n";
  }
  return out;
}

// ----------------------------------------------------------------------- terminal
namespace {

/// A grid of dots, each owned by the last series drawn on it (-1: empty).
class raster {
 public:
  raster(int columns, int rows)
      : columns_(columns), rows_(rows), owner_(static_cast<std::size_t>(columns * rows), -1) {}
  void set(int column, int row, int owner) {
    if (column < 0 || row < 0 || column >= columns_ || row >= rows_) return;
    owner_[static_cast<std::size_t>(row * columns_ + column)] = owner;
  }
  [[nodiscard]] int at(int column, int row) const {
    return owner_[static_cast<std::size_t>(row * columns_ + column)];
  }
  /// A straight line between two dot positions, one dot per half dot of its length.
  void line(double x0, double y0, double x1, double y1, int owner) {
    const double length = std::max(std::fabs(x1 - x0), std::fabs(y1 - y0));
    const int steps = static_cast<int>(std::ceil(length * 2.0)) + 1;
    for (int k = 0; k <= steps; ++k) {
      const double f = static_cast<double>(k) / steps;
      set(static_cast<int>(std::lround(x0 + (x1 - x0) * f)),
          static_cast<int>(std::lround(y0 + (y1 - y0) * f)), owner);
    }
  }
  [[nodiscard]] int columns() const { return columns_; }
  [[nodiscard]] int rows() const { return rows_; }

 private:
  int columns_;
  int rows_;
  std::vector<int> owner_;
};

void append_braille(std::string& out, unsigned dots) {
  const unsigned code = 0x2800U + dots;
  out += static_cast<char>(0xE0U | (code >> 12U));
  out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
  out += static_cast<char>(0x80U | (code & 0x3FU));
}

constexpr std::string_view ascii_markers = "*o+x#%@&=~";
constexpr std::string_view series_numbers = "123456789abcdefghijklmnopqrstuvwxyz";

/// Number of terminal columns `text` takes (one per UTF-8 code point).
std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (const char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

/// `text` broken at spaces into lines of at most `width` code points (a longer word alone).
std::string wrapped(const std::string& text, std::size_t width) {
  std::string out;
  std::string line;
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line + "\n";
}

/// Lays `labels` out on one line at `positions` (their centres), skipping any that would
/// touch the previous one.
std::string spread(const std::vector<std::pair<double, std::string>>& labels, std::size_t width) {
  std::string line(width, ' ');
  std::size_t free_from = 0;
  for (std::size_t n = 0; n < labels.size(); ++n) {
    const auto& [centre, text] = labels[n];
    const double half = static_cast<double>(text.size()) / 2.0;
    double start = centre - half;
    if (n + 1 == labels.size()) start = std::min(start, static_cast<double>(width - text.size()));
    start = std::max(start, 0.0);
    const auto begin = static_cast<std::size_t>(std::lround(start));
    if (begin < free_from || begin + text.size() > width) continue;
    line.replace(begin, text.size(), text);
    free_from = begin + text.size() + 1;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

}  // namespace

std::string to_terminal(const chart& c, const terminal_options& options) {
  check_drawable(c);
  const axis xs = x_axis(c, 5);
  std::vector<axis> ys;
  std::size_t margin = 0;
  for (const panel& p : c.panels) {
    ys.push_back(value_axis(p, 3));
    for (const double t : ys.back().ticks) margin = std::max(margin, ys.back().label(t).size());
  }
  const int cells = std::max(10, options.columns - static_cast<int>(margin) - 3);
  const int rows = std::max(3, options.panel_rows);
  const int dots_x = options.ascii ? 1 : 2;
  const int dots_y = options.ascii ? 1 : 4;
  std::size_t labelled = 0;
  for (const panel& p : c.panels) {
    labelled = std::max<std::size_t>(
        labelled,
        static_cast<std::size_t>(std::count_if(p.series.begin(), p.series.end(),
                                               [](const series& s) { return !s.label.empty(); })));
  }

  std::string out;
  if (!c.title.empty()) out += wrapped(c.title, static_cast<std::size_t>(options.columns));
  for (std::size_t k = 0; k < c.panels.size(); ++k) {
    const panel& p = c.panels[k];
    const axis& ya = ys[k];
    raster grid(cells * dots_x, rows * dots_y);
    const auto column_of = [&](double x) { return xs.fraction(x) * (grid.columns() - 1); };
    const auto row_of = [&](double y) { return (1.0 - ya.fraction(y)) * (grid.rows() - 1); };
    for (std::size_t i = 0; i < p.series.size(); ++i) {
      const series& s = p.series[i];
      const int owner = static_cast<int>(i);
      bool have_previous = false;
      double px0 = 0;
      double py0 = 0;
      for (std::size_t j = 0; j < s.x.size(); ++j) {
        if (!drawable(s.y[j], p.y_scale) || !std::isfinite(s.x[j])) {
          have_previous = false;
          continue;
        }
        const double x = column_of(s.x[j]);
        const double y = std::clamp(row_of(s.y[j]), 0.0, static_cast<double>(grid.rows() - 1));
        if (s.kind == style::line && have_previous) {
          grid.line(px0, py0, x, y, owner);
        } else {
          grid.set(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)), owner);
        }
        px0 = x;
        py0 = y;
        have_previous = true;
      }
    }
    // Text cells: Braille patterns (or ASCII markers), then the series numbers.
    std::vector<std::string> text(static_cast<std::size_t>(cells * rows));
    std::vector<int> cell_owner(static_cast<std::size_t>(cells * rows), -1);
    constexpr unsigned bits[2][4] = {{0x01U, 0x02U, 0x04U, 0x40U}, {0x08U, 0x10U, 0x20U, 0x80U}};
    for (int r = 0; r < rows; ++r) {
      for (int col = 0; col < cells; ++col) {
        const auto n = static_cast<std::size_t>(r * cells + col);
        unsigned dots = 0;
        for (int dx = 0; dx < dots_x; ++dx) {
          for (int dy = 0; dy < dots_y; ++dy) {
            const int owner = grid.at(col * dots_x + dx, r * dots_y + dy);
            if (owner < 0) continue;
            dots |= options.ascii ? 1U : bits[dx][dy];
            cell_owner[n] = std::max(cell_owner[n], owner);
          }
        }
        if (options.ascii) {
          text[n] = dots == 0
                        ? " "
                        : std::string(1, ascii_markers[static_cast<std::size_t>(cell_owner[n]) %
                                                       ascii_markers.size()]);
        } else {
          text[n].clear();
          append_braille(text[n], dots);
        }
      }
    }
    if (!options.ascii && labelled > 1) {
      // Each series' number where it is furthest from every other series (and inside).
      std::vector<std::vector<double>> mean_row(
          p.series.size(), std::vector<double>(static_cast<std::size_t>(cells), -1.0));
      for (int col = 0; col < cells; ++col) {
        for (std::size_t i = 0; i < p.series.size(); ++i) {
          double total = 0;
          int count = 0;
          for (int dx = 0; dx < dots_x; ++dx) {
            for (int row = 0; row < grid.rows(); ++row) {
              if (grid.at(col * dots_x + dx, row) == static_cast<int>(i)) {
                total += row;
                ++count;
              }
            }
          }
          if (count > 0)
            mean_row[i][static_cast<std::size_t>(col)] = std::floor(total / count / dots_y);
        }
      }
      for (std::size_t i = 0; i < p.series.size() && i < series_numbers.size(); ++i) {
        double best_score = -1.0;
        int best_col = -1;
        for (int col = 1; col + 1 < cells; ++col) {
          const double mine = mean_row[i][static_cast<std::size_t>(col)];
          if (mine < 0) continue;
          const auto cell = static_cast<std::size_t>(static_cast<int>(mine) * cells + col);
          if (text[cell].size() == 1) continue;  // another number is there
          double score = 1e9;
          for (std::size_t j = 0; j < p.series.size(); ++j) {
            const double theirs = mean_row[j][static_cast<std::size_t>(col)];
            if (j != i && theirs >= 0) score = std::min(score, std::fabs(theirs - mine));
          }
          // Prefer the middle of the plot when several places are as good.
          score = std::min(score, 6.0) - 0.001 * std::fabs(col - cells / 2.0);
          if (score > best_score) {
            best_score = score;
            best_col = col;
          }
        }
        if (best_col < 0) continue;
        const double mine = mean_row[i][static_cast<std::size_t>(best_col)];
        text[static_cast<std::size_t>(static_cast<int>(mine) * cells + best_col)] =
            std::string(1, series_numbers[i]);
      }
    }
    // Value labels at the rows nearest their ticks (one per row).
    std::vector<std::string> row_label(static_cast<std::size_t>(rows));
    for (const double t : ya.ticks) {
      const int r = static_cast<int>(std::lround(row_of(t))) / dots_y;
      if (r >= 0 && r < rows && row_label[static_cast<std::size_t>(r)].empty()) {
        row_label[static_cast<std::size_t>(r)] = ya.label(t);
      }
    }
    if (!p.y_title.empty()) {
      out += std::string(margin + 2, ' ') + p.y_title + (p.y_scale == scale::log ? " (log)" : "") +
             "\n";
    }
    for (int r = 0; r < rows; ++r) {
      const std::string& label = row_label[static_cast<std::size_t>(r)];
      out += std::string(margin - label.size(), ' ') + label + (label.empty() ? " │" : " ┤");
      std::string line;
      for (int col = 0; col < cells; ++col) line += text[static_cast<std::size_t>(r * cells + col)];
      if (options.ascii) {
        while (!line.empty() && line.back() == ' ') line.pop_back();
      }
      out += line + "\n";
    }
    out += std::string(margin + 1, ' ') + "└";
    for (int col = 0; col < cells; ++col) out += "─";
    out += "\n";
    std::vector<std::pair<double, std::string>> ticks;
    for (const double t : xs.ticks) ticks.emplace_back(xs.fraction(t) * (cells - 1), xs.label(t));
    std::string labels = spread(ticks, static_cast<std::size_t>(cells));
    if (k + 1 == c.panels.size() && !c.x_title.empty()) {
      const std::size_t used = labels.size();
      if (used + 2 + c.x_title.size() <= static_cast<std::size_t>(cells)) {
        labels +=
            std::string(static_cast<std::size_t>(cells) - used - c.x_title.size(), ' ') + c.x_title;
      } else {
        const std::size_t title_width = display_width(c.x_title);
        const std::size_t indent = static_cast<std::size_t>(cells) > title_width
                                       ? (static_cast<std::size_t>(cells) - title_width) / 2
                                       : 0;
        labels += "\n" + std::string(margin + 2 + indent, ' ') + c.x_title;
      }
    }
    out += std::string(margin + 2, ' ') + labels + "\n";
  }
  if (labelled > 1) {
    std::string line;
    const std::size_t width = static_cast<std::size_t>(options.columns);
    const panel& p = c.panels.front();
    for (std::size_t i = 0; i < p.series.size(); ++i) {
      if (p.series[i].label.empty()) continue;
      const std::string mark = options.ascii
                                   ? std::string(1, ascii_markers[i % ascii_markers.size()])
                               : i < series_numbers.size() ? std::string(1, series_numbers[i])
                                                           : std::string("?");
      const std::string entry = mark + " " + p.series[i].label;
      if (!line.empty() && display_width(line) + 3 + display_width(entry) > width) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : "   ") + entry;
    }
    if (!line.empty()) out += line + "\n";
  }
  return out;
}

// --------------------------------------------------------------------------- files
void write_file_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::random_device seed;
  const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".tmp" +
                                                     std::to_string(seed() % 1000000U));
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) throw error("cannot write " + path + ": cannot create a file in its folder");
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    file.close();
    if (!file) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw error("cannot write " + path);
    }
  }
  std::error_code failed;
  fs::rename(temporary, target, failed);
  if (failed) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw error("cannot write " + path + ": " + failed.message());
  }
}

void save(const chart& c, const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension == ".svg") {
    write_file_atomically(path, to_svg(c));
  } else if (extension == ".csv") {
    write_file_atomically(path, to_csv(c));
  } else {
    throw error("cannot tell the format of " + path + " (the name must end in .svg or .csv)");
  }
}

bool save_or_report(const chart& c, const std::string& path, const std::string& program) {
  try {
    save(c, path);
    return true;
  } catch (const error& e) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), e.what());
    return false;
  }
}

std::string tick_label(double value) {
  const double magnitude = std::fabs(value);
  return label_in(value, notation_for(magnitude, 0.0));
}

std::vector<std::int64_t> sample_steps(std::int64_t first, std::int64_t last, std::int64_t points) {
  std::vector<std::int64_t> steps;
  if (last < first) return steps;
  const long double span = static_cast<long double>(last) - static_cast<long double>(first);
  points = std::max<std::int64_t>(points, 2);
  if (span + 1 <= static_cast<long double>(points)) {
    for (std::int64_t t = first;; ++t) {
      steps.push_back(t);
      if (t == last) break;
    }
    return steps;
  }
  for (std::int64_t k = 0; k < points; ++k) {
    const auto t =
        first + static_cast<std::int64_t>(std::llround(span * static_cast<long double>(k) /
                                                       static_cast<long double>(points - 1)));
    if (steps.empty() || t != steps.back()) steps.push_back(t);
  }
  return steps;
}

}  // namespace lrsched_chart
