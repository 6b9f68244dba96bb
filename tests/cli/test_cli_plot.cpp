// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// `lrsched plot`, run as a program: SVG, CSV and terminal output for one config and for
// configs of several dialects together (a DeepSpeed ds_config, HuggingFace
// TrainingArguments, a canonical chain), the CSV's values against the library's own
// evaluation and summed LR, and every bad input: exit 2, one line, no file left behind.
#include <lrsched/dialects.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "catch.hpp"
#include "cli_runner.hpp"

using lrsched::test::cli_result;
using lrsched::test::run_cli;

namespace {

namespace fs = std::filesystem;

fs::path configs_dir() {
  return fs::path(LRSCHED_TEST_DATA_DIR) / ".." / ".." / "examples" / "configs";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The schedule a file means, loaded by the library as the command loads it.
lrsched::any_schedule load(const fs::path& path) {
  const auto document = lrsched::parse_config(read_file(path));
  return lrsched::load_config(document, lrsched::detect_dialect(document));
}

/// A fresh, empty folder for output files, removed afterwards.
class scratch_folder {
 public:
  scratch_folder() {
    path_ = fs::temp_directory_path() /
            ("lrsched-plot-test-" + std::to_string(static_cast<long long>(::getpid())));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  scratch_folder(const scratch_folder&) = delete;
  scratch_folder& operator=(const scratch_folder&) = delete;
  ~scratch_folder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(path_)) {
      out.push_back(entry.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  fs::path path_;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines = split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

double parsed(const std::string& field) {
  char* end = nullptr;
  const double value = std::strtod(field.c_str(), &end);
  INFO("field '" << field << "'");
  REQUIRE(!field.empty());
  REQUIRE(end == field.c_str() + field.size());
  return value;
}

std::size_t code_points(const std::string& line) {
  std::size_t n = 0;
  for (const char ch : line) n += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

/// Whether `svg` is well-formed as far as an SVG writer can go wrong: every element closed in
/// order, attributes quoted, no stray '<' or '&' in text.
bool well_formed(const std::string& svg, std::string& why) {
  std::vector<std::string> open;
  std::size_t k = 0;
  while (k < svg.size()) {
    if (svg[k] == '&') {
      const std::size_t end = svg.find(';', k);
      const std::string entity = svg.substr(k, end == std::string::npos ? 8 : end - k + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;") {
        why = "bad entity " + entity;
        return false;
      }
      k = end + 1;
      continue;
    }
    if (svg[k] != '<') {
      ++k;
      continue;
    }
    std::size_t end = k + 1;
    bool quoted = false;
    while (end < svg.size() && (quoted || svg[end] != '>')) {
      if (svg[end] == '"') quoted = !quoted;
      if (!quoted && svg[end] == '<') {
        why = "'<' inside a tag at " + std::to_string(end);
        return false;
      }
      ++end;
    }
    if (end == svg.size()) {
      why = "unterminated tag";
      return false;
    }
    const std::string tag = svg.substr(k + 1, end - k - 1);
    const bool closing = tag.starts_with("/");
    const bool empty = tag.ends_with("/");
    const std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" /", 1) - (closing ? 1 : 0));
    if (closing) {
      if (open.empty() || open.back() != name) {
        why = "</" + name + "> closes " + (open.empty() ? std::string("nothing") : open.back());
        return false;
      }
      open.pop_back();
    } else if (!empty) {
      open.push_back(name);
    }
    k = end + 1;
  }
  if (!open.empty()) {
    why = "<" + open.back() + "> left open";
    return false;
  }
  return true;
}

void check_usage_error(const std::vector<std::string>& arguments, const std::string& expected) {
  std::string shown;
  for (const auto& a : arguments) shown += a + " ";
  INFO("lrsched " << shown);
  const cli_result r = run_cli(arguments);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(expected) != std::string::npos);
  CHECK(lines_of(r.err).size() == 1);
}

const fs::path deepspeed = configs_dir() / "native" / "deepspeed_warmup_cosine.json";
const fs::path huggingface = configs_dir() / "native" / "huggingface_cosine.json";
const fs::path canonical = configs_dir() / "warmup_stable_decay.json";

}  // namespace

TEST_CASE("plot -o x.svg writes one well-formed SVG of a fixed size and prints nothing") {
  const scratch_folder folder;
  const std::string out = folder.file("one.svg");
  const cli_result r = run_cli({"plot", canonical.string(), "-o", out});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  const std::string svg = read_file(out);
  std::string why;
  CHECK(well_formed(svg, why));
  INFO(why);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"420\"", 0) ==
        0);
  CHECK(svg.find("id=\"plot-0\"") != std::string::npos);
  CHECK(svg.find(">learning rate</text>") != std::string::npos);
  CHECK(svg.find(">step</text>") != std::string::npos);
  CHECK(svg.find(">warmup_stable_decay.json</text>") != std::string::npos);
  // Only the SVG is left in the folder: the temporary file was renamed.
  CHECK(folder.names() == std::vector<std::string>{"one.svg"});
}

TEST_CASE("plot of three dialects together: one SVG with a legend and, with --sum, two panels") {
  const scratch_folder folder;
  const std::string out = folder.file("three.svg");
  const cli_result r =
      run_cli({"plot", deepspeed.string(), huggingface.string(), canonical.string(), "--steps",
               "0:20000", "--sum", "--output", out});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::string svg = read_file(out);
  std::string why;
  CHECK(well_formed(svg, why));
  INFO(why);
  CHECK(svg.find("height=\"600\"") != std::string::npos);
  CHECK(svg.find("id=\"plot-1\"") != std::string::npos);
  CHECK(svg.find("id=\"legend\"") != std::string::npos);
  CHECK(svg.find(">summed LR</text>") != std::string::npos);
  for (const auto* name :
       {"deepspeed_warmup_cosine.json", "huggingface_cosine.json", "warmup_stable_decay.json"}) {
    CHECK(svg.find(std::string(">") + name + "</text>") != std::string::npos);
  }
  std::size_t paths = 0;
  for (std::size_t at = svg.find("<path stroke="); at != std::string::npos;
       at = svg.find("<path stroke=", at + 1)) {
    ++paths;
  }
  CHECK(paths == 6);
  // --label renames them.
  const cli_result labelled = run_cli({"plot", deepspeed.string(), huggingface.string(), "--label",
                                       "DeepSpeed", "--label", "HF Trainer", "-o", out});
  REQUIRE(labelled.exit_code == 0);
  CHECK(read_file(out).find(">HF Trainer</text>") != std::string::npos);
}

TEST_CASE("plot -o x.csv: a step column and one column per config, the library's values") {
  const scratch_folder folder;
  const std::string out = folder.file("three.csv");
  const cli_result r = run_cli({"plot", deepspeed.string(), huggingface.string(),
                                canonical.string(), "--steps", "0:20000", "--sum", "-o", out});
  REQUIRE(r.exit_code == 0);
  const std::vector<lrsched::any_schedule> schedules = {load(deepspeed), load(huggingface),
                                                        load(canonical)};
  const auto lines = lines_of(read_file(out));
  REQUIRE(lines.size() == 1 + 1001);
  CHECK(lines[0] ==
        "step,deepspeed_warmup_cosine.json,huggingface_cosine.json,warmup_stable_decay.json,"
        "deepspeed_warmup_cosine.json (summed LR),huggingface_cosine.json (summed LR),"
        "warmup_stable_decay.json (summed LR)");
  std::int64_t previous = -1;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const auto fields = split(lines[k], ',');
    REQUIRE(fields.size() == 7);
    const double x = parsed(fields[0]);
    const auto t = static_cast<std::int64_t>(x);
    CHECK(static_cast<double>(t) == x);
    CHECK(t > previous);
    previous = t;
    for (std::size_t n = 0; n < 3; ++n) {
      INFO("step " << t << ", config " << n);
      CHECK(parsed(fields[1 + n]) == schedules[n](t));
      CHECK(parsed(fields[4 + n]) == lrsched::sum(schedules[n], 0, t));
    }
  }
  CHECK(split(lines[1], ',')[0] == "0");
  CHECK(split(lines.back(), ',')[0] == "19999");
  // The last summed value plus the last rate is the summed LR over the whole range.
  const auto last = split(lines.back(), ',');
  CHECK(parsed(last[6]) + schedules[2](19'999) ==
        Approx(lrsched::sum(schedules[2], 0, 20'000)).epsilon(1e-12));
}

TEST_CASE("plot --steps A:B:STRIDE samples exactly those steps; --x samples scales them") {
  const scratch_folder folder;
  const std::string out = folder.file("strided.csv");
  const cli_result r = run_cli({"plot", canonical.string(), "--steps", "100:1000:300", "--x",
                                "samples", "--samples-per-step", "512", "-o", out});
  REQUIRE(r.exit_code == 0);
  const auto s = load(canonical);
  const auto lines = lines_of(read_file(out));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "samples,warmup_stable_decay.json");
  const std::int64_t steps[] = {100, 400, 700};
  for (std::size_t k = 0; k < 3; ++k) {
    const auto fields = split(lines[k + 1], ',');
    CHECK(parsed(fields[0]) == static_cast<double>(steps[k] * 512));
    CHECK(parsed(fields[1]) == s(steps[k]));
  }
  // The default range: 0 to the longest horizon `show` uses (this chain's length), inclusive.
  const cli_result whole = run_cli({"plot", canonical.string(), "-o", out});
  REQUIRE(whole.exit_code == 0);
  const auto all = lines_of(read_file(out));
  REQUIRE(s.length().has_value());
  CHECK(split(all.back(), ',')[0] == std::to_string(*s.length()));
}

TEST_CASE("plot without -o draws in the terminal, within 80 columns, with a numbered legend") {
  const cli_result one = run_cli({"plot", canonical.string()});
  REQUIRE(one.exit_code == 0);
  CHECK(one.err.empty());
  const auto one_lines = lines_of(one.out);
  // The description, wrapped at spaces to fit.
  const std::string description = fmt::format("{}", load(canonical));
  CHECK(description.rfind(one_lines[0] + " " + one_lines[1], 0) == 0);
  CHECK(one.out.find("\xE2\xA0") != std::string::npos);  // Braille patterns
  for (const auto& line : one_lines) CHECK(code_points(line) <= 80);

  const cli_result three = run_cli({"plot", deepspeed.string(), huggingface.string(),
                                    canonical.string(), "--steps", "0:20000", "--sum"});
  REQUIRE(three.exit_code == 0);
  const auto lines = lines_of(three.out);
  std::size_t widest = 0;
  for (const auto& line : lines) widest = std::max(widest, code_points(line));
  CHECK(widest <= 80);
  CHECK(widest >= 75);
  CHECK(three.out.find("learning rate") != std::string::npos);
  CHECK(three.out.find("summed LR") != std::string::npos);
  CHECK(three.out.find("1 deepspeed_warmup_cosine.json   2 huggingface_cosine.json") !=
        std::string::npos);
  CHECK(three.out.find("3 warmup_stable_decay.json") != std::string::npos);
  std::size_t rows = 0;
  for (const auto& line : lines)
    rows += line.find("┤") != std::string::npos || line.find("│") != std::string::npos ? 1 : 0;
  CHECK(rows == 24);

  const cli_result ascii = run_cli({"plot", deepspeed.string(), canonical.string(), "--ascii",
                                    "--log-y", "--label", "ds", "--label", "wsd"});
  REQUIRE(ascii.exit_code == 0);
  CHECK(ascii.out.find("\xE2\xA0") == std::string::npos);
  CHECK(ascii.out.find("* ds   o wsd") != std::string::npos);
  CHECK(ascii.out.find("learning rate (log)") != std::string::npos);
  for (const auto& line : lines_of(ascii.out)) CHECK(code_points(line) <= 80);
}

TEST_CASE("plot: every bad input exits with 2, one line on stderr, and writes no file") {
  const scratch_folder folder;
  const std::string file = canonical.string();
  check_usage_error({"plot", file, "-o", folder.file("x.png")}, "must end in .svg or .csv");
  check_usage_error({"plot", file, "-o", folder.file("noextension")}, "must end in .svg or .csv");
  check_usage_error({"plot", file, "--x", "samples", "-o", folder.file("x.svg")},
                    "--x samples needs --samples-per-step N");
  check_usage_error({"plot", file, "--samples-per-step", "8"}, "goes with --x samples");
  check_usage_error({"plot", file, "--x", "samples", "--samples-per-step", "0"},
                    "--samples-per-step must be positive");
  check_usage_error({"plot", file, "--x", "epochs"}, "--x must be steps or samples");
  check_usage_error({"plot", file, file, "--label", "one"}, "1 --label for 2 FILEs");
  check_usage_error({"plot", file, "--label", "a", "--label", "b"}, "2 --label for 1 FILE;");
  check_usage_error({"plot", file, "--ascii", "-o", folder.file("x.svg")}, "--ascii");
  check_usage_error({"plot", file, "--steps", "5:5"}, "holds no step");
  check_usage_error({"plot", file, "--steps", "0:10000000:1"}, "at most 1000000");
  check_usage_error({"plot", file, "--steps", "ten"}, "--steps must be an integer step");
  check_usage_error({"plot"}, "missing FILE");
  check_usage_error({"plot", "-", "-"}, "standard input (-) can be read only once");

  // An unwritable path.
  const cli_result unwritable = run_cli({"plot", file, "-o", folder.file("no/such/folder/x.svg")});
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.out.empty());
  CHECK(unwritable.err.find("cannot write") != std::string::npos);
  CHECK(lines_of(unwritable.err).size() == 1);

  // A config that fails to load, among good ones: named in the message, the old file kept.
  const std::string kept = folder.file("kept.svg");
  { std::ofstream(kept) << "old picture"; }
  const std::string bad = folder.file("bad.json");
  { std::ofstream(bad) << R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": -5})"; }
  const cli_result invalid = run_cli({"plot", file, bad, "-o", kept});
  CHECK(invalid.exit_code == 2);
  CHECK(invalid.out.empty());
  CHECK(invalid.err.rfind(bad + ": /steps: ", 0) == 0);
  CHECK(lines_of(invalid.err).size() == 1);
  CHECK(read_file(kept) == "old picture");

  // Nothing else was written: no SVG, no CSV, no temporary file.
  CHECK(folder.names() == std::vector<std::string>{"bad.json", "kept.svg"});
}

TEST_CASE("plot --help lists its options") {
  const cli_result help = run_cli({"plot", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.rfind("usage: lrsched plot FILE...", 0) == 0);
  for (const auto* option : {"-o, --output OUT", "--steps A:B[:STRIDE]", "--x steps|samples",
                             "--log-y", "--sum", "--label NAME", "--ascii", "--dialect auto|canonical|pytorch"}) {
    CHECK(help.out.find(option) != std::string::npos);
  }
  CHECK(run_cli({"--help"}).out.find("  plot ") != std::string::npos);
}
