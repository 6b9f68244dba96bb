// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The chart writers in tools/chart/: tick labels, sampling, SVG structure, CSV columns,
// the terminal plot's width and legend, and saving through a temporary file.
#include <lrsched/lrsched.hpp>

#include <chart/chart.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using lrsched_chart::chart;
using lrsched_chart::series;

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::size_t code_points(const std::string& line) {
  std::size_t n = 0;
  for (const char ch : line) n += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

chart two_schedules(bool with_sum) {
  chart c;
  c.title = "cosine & linear";
  c.panels.push_back({"learning rate", lrsched_chart::scale::linear, {}});
  const auto steps = lrsched_chart::sample_steps(0, 250'000);
  const auto cosine = lrsched::cosine(1e-3, 0.0, 250'000);
  const auto linear = lrsched::linear(1e-3, 1e-5, 250'000);
  c.panels[0].series.push_back(lrsched_chart::sample(cosine, "cosine", steps));
  c.panels[0].series.push_back(lrsched_chart::sample(linear, "linear <floor>", steps));
  if (with_sum) {
    c.panels.push_back({"summed LR", lrsched_chart::scale::linear, {}});
    c.panels[1].series.push_back(lrsched_chart::sample_running_sum(cosine, "cosine", steps));
    c.panels[1].series.push_back(
        lrsched_chart::sample_running_sum(linear, "linear <floor>", steps));
  }
  return c;
}

}  // namespace

TEST_CASE("tick labels are short: thousands, millions, decimals, scientific") {
  CHECK(lrsched_chart::tick_label(0.0) == "0");
  CHECK(lrsched_chart::tick_label(50'000.0) == "50k");
  CHECK(lrsched_chart::tick_label(1e6) == "1M");
  CHECK(lrsched_chart::tick_label(2.5e6) == "2.5M");
  CHECK(lrsched_chart::tick_label(60e6) == "60M");
  CHECK(lrsched_chart::tick_label(250.0) == "250");
  CHECK(lrsched_chart::tick_label(0.35) == "0.35");
  CHECK(lrsched_chart::tick_label(0.001) == "0.001");
  CHECK(lrsched_chart::tick_label(3e-4) == "3e-4");
  CHECK(lrsched_chart::tick_label(1.5e-5) == "1.5e-5");
  CHECK(lrsched_chart::tick_label(-2e-4) == "-2e-4");
}

TEST_CASE("sample_steps spreads points over both ends without repeating a step") {
  const auto all = lrsched_chart::sample_steps(3, 9, 100);
  CHECK(all == std::vector<std::int64_t>{3, 4, 5, 6, 7, 8, 9});
  const auto spread = lrsched_chart::sample_steps(0, 250'000, 1001);
  REQUIRE(spread.size() == 1001);
  CHECK(spread.front() == 0);
  CHECK(spread.back() == 250'000);
  CHECK(spread[1] == 250);
  const auto huge = lrsched_chart::sample_steps(0, std::int64_t{1} << 60, 1);
  CHECK(huge.size() == 2);
}

TEST_CASE("the running sum at step t is the summed LR over steps first .. t-1") {
  const auto s = lrsched::warmup(100, lrsched::cosine(1e-3, 1e-5, 900));
  const auto steps = lrsched_chart::sample_steps(10, 1'000, 37);
  const series summed = lrsched_chart::sample_running_sum(s, "s", steps);
  REQUIRE(summed.y.size() == steps.size());
  for (std::size_t k = 0; k < steps.size(); ++k) {
    CHECK(lrsched::test::relative_error(summed.y[k],
                                        lrsched::test::reference_sum(s, 10, steps[k])) < 1e-12);
    CHECK(summed.x[k] == static_cast<double>(steps[k]));
  }
}

TEST_CASE("the SVG has a fixed size, one path per line, a legend and escaped text") {
  const std::string svg = lrsched_chart::to_svg(two_schedules(true));
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"600\"", 0) ==
        0);
  CHECK(svg.find("font-family=\"sans-serif\"") != std::string::npos);
  CHECK(count_of(svg, "<svg") == 1);
  CHECK(count_of(svg, "</svg>") == 1);
  CHECK(count_of(svg, "<path stroke=") == 4);
  CHECK(count_of(svg, "<text") == count_of(svg, "</text>"));
  CHECK(svg.find("id=\"plot-0\"") != std::string::npos);
  CHECK(svg.find("id=\"plot-1\"") != std::string::npos);
  CHECK(svg.find("id=\"legend\"") != std::string::npos);
  CHECK(svg.find("linear &lt;floor&gt;") != std::string::npos);
  CHECK(svg.find("<floor>") == std::string::npos);
  // Axis titles and readable ticks.
  CHECK(svg.find(">summed LR</text>") != std::string::npos);
  CHECK(svg.find(">step</text>") != std::string::npos);
  CHECK(svg.find(">250k</text>") != std::string::npos);
  CHECK(svg.find(">0.0002</text>") != std::string::npos);
  // The two series differ in dash pattern as well as colour.
  CHECK(count_of(svg, "stroke-dasharray") >= 2);
}

TEST_CASE("a log panel leaves out values it cannot draw and ticks by decades") {
  chart c;
  c.panels.push_back({"learning rate", lrsched_chart::scale::log, {}});
  c.panels[0].series.push_back(
      lrsched_chart::sample(lrsched::linear(1e-3, 0.0, 1'000), "to zero", 0, 1'000));
  const std::string svg = lrsched_chart::to_svg(c);
  CHECK(svg.find(">1e-3</text>") != std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(svg.find("inf") == std::string::npos);
}

TEST_CASE("the CSV has one column per series and a row per x value of any series") {
  chart c = two_schedules(true);
  series validation{"validation", {0.0, 125'000.0}, {0.5, 0.25}, lrsched_chart::style::points, -1};
  c.panels[0].series.push_back(validation);
  const std::string csv = lrsched_chart::to_csv(c);
  std::istringstream in(csv);
  std::string header;
  std::getline(in, header);
  CHECK(header ==
        "step,cosine,linear <floor>,validation,cosine (summed LR),linear <floor> (summed LR)");
  std::string row;
  std::getline(in, row);
  CHECK(row == "0,0.001,0.001,0.5,0,0");
  std::getline(in, row);
  CHECK(row.rfind("250,", 0) == 0);
  CHECK(row.find(",,") != std::string::npos);  // no validation value at step 250
  std::size_t rows = 2;
  while (std::getline(in, row)) ++rows;
  CHECK(rows == 1001);
}

TEST_CASE("the CSV writes each number in the shortest form that reads back exactly") {
  chart c;
  c.panels.resize(1);
  c.x_title = "step";
  c.panels[0].series.push_back(
      series{"lr", {0.0, 1.0, 2.0}, {3e-4, 0.1 + 0.2, 1.0 / 3.0}, lrsched_chart::style::line, -1});
  const std::string csv = lrsched_chart::to_csv(c);
  CHECK(csv == "step,lr\n0,0.0003\n1,0.30000000000000004\n2,0.3333333333333333\n");
}

TEST_CASE("the terminal plot fits 80 columns and numbers its series") {
  const chart c = two_schedules(true);
  for (const bool ascii : {false, true}) {
    const std::string text = lrsched_chart::to_terminal(c, {.ascii = ascii});
    std::istringstream in(text);
    std::string line;
    std::size_t widest = 0;
    while (std::getline(in, line)) widest = std::max(widest, code_points(line));
    CHECK(widest <= 80);
    CHECK(widest >= 70);
    CHECK(text.find(ascii ? "* cosine   o linear <floor>" : "1 cosine   2 linear <floor>") !=
          std::string::npos);
    CHECK(text.find("summed LR") != std::string::npos);
    CHECK(text.find("250k") != std::string::npos);
  }
  const std::string braille = lrsched_chart::to_terminal(c);
  CHECK(braille.find("1") != std::string::npos);
  CHECK(braille.find("\xE2\xA3") != std::string::npos);  // Braille patterns U+28C0..
}

TEST_CASE("save picks the format by extension and leaves no partial file") {
  const auto folder = std::filesystem::temp_directory_path() / "lrsched-chart-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const chart c = two_schedules(false);
  lrsched_chart::save(c, (folder / "a.svg").string());
  lrsched_chart::save(c, (folder / "a.csv").string());
  std::ifstream svg(folder / "a.svg");
  std::stringstream text;
  text << svg.rdbuf();
  CHECK(text.str() == lrsched_chart::to_svg(c));
  CHECK_THROWS_AS(lrsched_chart::save(c, (folder / "a.png").string()), lrsched_chart::error);
  CHECK_THROWS_AS(lrsched_chart::save(c, (folder / "missing" / "a.svg").string()),
                  lrsched_chart::error);
  CHECK_THROWS_AS(lrsched_chart::save(chart{}, (folder / "empty.svg").string()),
                  lrsched_chart::error);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++files;
  CHECK(files == 2);
  std::filesystem::remove_all(folder);
}
