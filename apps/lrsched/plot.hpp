// A terminal plot of a schedule over a step range, drawn with Braille dots (2 x 4 dots per
// character cell), with the value axis on the left and the step axis below.
#ifndef LRSCHED_EXAMPLES_CLI_PLOT_HPP
#define LRSCHED_EXAMPLES_CLI_PLOT_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace lrsched_cli {

struct plot_size {
  int width = 64;   // character cells
  int height = 12;  // character cells
};

/// Appends the UTF-8 encoding of a Braille pattern (U+2800 + dots) to `out`.
inline void append_braille(std::string& out, unsigned dots) {
  const unsigned code = 0x2800U + dots;
  out += static_cast<char>(0xE0U | (code >> 12U));
  out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
  out += static_cast<char>(0x80U | (code & 0x3FU));
}

/// The plot of `s` over steps [first, last) (last > first). Each dot column covers an equal
/// share of the steps and shows the lowest to the highest of up to 16 evenly spaced samples
/// in it, joined to its neighbour, so drops and cycles stay visible at any horizon.
template <class S>
std::string plot(const S& s, std::int64_t first, std::int64_t last, plot_size size = {}) {
  const int columns = 2 * size.width;
  const int rows = 4 * size.height;
  const long double span = static_cast<long double>(last) - static_cast<long double>(first);
  auto step_at = [&](long double fraction) {
    return first + static_cast<std::int64_t>(std::floor(fraction * span));
  };
  std::vector<double> lows(static_cast<std::size_t>(columns));
  std::vector<double> highs(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    const std::int64_t a = step_at(static_cast<long double>(c) / columns);
    std::int64_t b = step_at(static_cast<long double>(c + 1) / columns) - 1;
    if (c + 1 == columns) b = last - 1;
    b = std::max(a, b);
    double lo = s(a);
    double hi = lo;
    constexpr int samples = 16;
    const long double width = static_cast<long double>(b) - static_cast<long double>(a);
    for (int k = 1; k <= samples; ++k) {
      const double v = s(a + static_cast<std::int64_t>(std::floor(width * k / samples)));
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    lows[static_cast<std::size_t>(c)] = lo;
    highs[static_cast<std::size_t>(c)] = hi;
  }
  const double top = *std::max_element(highs.begin(), highs.end());
  const double low = *std::min_element(lows.begin(), lows.end());
  const double bottom = std::min(0.0, low);
  const double range = top > bottom ? top - bottom : 1.0;
  auto row_of = [&](double v) {
    const double position = (top - v) / range * (rows - 1);
    return std::clamp(static_cast<int>(std::lround(position)), 0, rows - 1);
  };
  std::vector<unsigned> cells(static_cast<std::size_t>(size.width * size.height), 0U);
  // Dot bits of a Braille cell, by (column within the cell, row within the cell).
  constexpr unsigned bits[2][4] = {{0x01U, 0x02U, 0x04U, 0x40U}, {0x08U, 0x10U, 0x20U, 0x80U}};
  for (int c = 0; c < columns; ++c) {
    const auto k = static_cast<std::size_t>(c);
    int from = row_of(highs[k]);
    int to = row_of(lows[k]);
    if (c > 0) {  // join the previous column's last sample to this one's first
      const int previous = row_of(s(step_at(static_cast<long double>(c) / columns) - 1));
      from = std::min(from, previous);
      to = std::max(to, previous);
    }
    for (int r = from; r <= to; ++r) {
      cells[static_cast<std::size_t>((r / 4) * size.width + c / 2)] |= bits[c % 2][r % 4];
    }
  }
  const std::string top_label = fmt::format("{:.4g}", top);
  const std::string bottom_label = fmt::format("{:.4g}", bottom);
  const std::size_t margin = std::max(top_label.size(), bottom_label.size());
  std::string out;
  for (int r = 0; r < size.height; ++r) {
    const std::string label = r == 0 ? top_label : r + 1 == size.height ? bottom_label : "";
    out += std::string(margin - label.size(), ' ') + label + (label.empty() ? " │" : " ┤");
    for (int c = 0; c < size.width; ++c) {
      append_braille(out, cells[static_cast<std::size_t>(r * size.width + c)]);
    }
    out += '\n';
  }
  out += std::string(margin + 1, ' ') + "└";
  for (int c = 0; c < size.width; ++c) out += "─";
  const std::string left = fmt::format("{}", first);
  const std::string right = fmt::format("{}", last);
  const std::size_t room = static_cast<std::size_t>(size.width) + 1;
  out +=
      "\n" + std::string(margin + 1, ' ') + left +
      std::string(room > left.size() + right.size() ? room - left.size() - right.size() : 1, ' ') +
      right + " steps\n";
  return out;
}

}  // namespace lrsched_cli

#endif  // LRSCHED_EXAMPLES_CLI_PLOT_HPP
