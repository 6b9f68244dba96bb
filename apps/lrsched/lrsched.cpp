// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The lrsched command: look at, evaluate, sum, compare, convert and check schedule configs,
// in lrsched's canonical JSON or in the config formats of PyTorch, HuggingFace, DeepSpeed,
// Keras, timm, Megatron-LM and optax. Arguments are read by CLI11 (arguments.hpp).
//
//   lrsched show    FILE [--steps A:B]              description, plot, summed LR
//   lrsched eval    FILE --steps 0:1000:10          one learning rate per line
//   lrsched sum     FILE [--steps A:B]              the summed LR
//   lrsched diff    FILE FILE [--steps A:B[:S]]     where two configs differ (exit 1 if so)
//   lrsched convert FILE [--to D] [--format F]      the canonical JSON, or D's config
//   lrsched check   FILE                            exit 0, or the error and exit 2
//   lrsched loss    fit|predict|optimize ...        loss-curve laws (apps/lrsched/loss.hpp)
//   lrsched plot    FILE... [-o OUT.svg|.csv]       schedules overlaid: SVG, CSV or terminal
//
// Every step range is `--steps A:B[:STRIDE]`, or `--steps N` for 0:N. Numbers print in the
// shortest form that reads back exactly (std::to_chars); eval, sum and diff also print CSV
// or JSON (--format). A FILE named *.yaml or *.yml (or any, with --input-format yaml) is
// read as YAML when the command is built with lrsched::yaml. Exit codes: 0 success, 1 a
// file that cannot be read or written, or a config that cannot be written as convert --to
// asks (for diff: the configs differ), 2 a wrong command line or an invalid config (the
// error names the JSON pointer of the offending value, and a YAML file's line and column).
#include <lrsched/any_schedule.hpp>
#include <lrsched/dialects.hpp>
#include <lrsched/dialects/convert.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/version.hpp>
#ifdef LRSCHED_CLI_YAML
#include <lrsched/yaml.hpp>
#endif
#ifdef LRSCHED_CLI_LOSS
#include <lrsched/loss.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/table.hpp>

#include <cmath>
#include <variant>
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <chart/chart.hpp>

#include "arguments.hpp"

namespace lrsched_cli {
namespace {

// --------------------------------------------------------------------------- input
constexpr std::size_t max_input_bytes = std::size_t{64} << 20U;

/// A file that cannot be read (exit code 1).
class io_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A valid request the command cannot carry out, such as a schedule that has no config
/// in the system convert --to names (exit code 1).
class refusal : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string display_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

std::string read_input(const std::string& path) {
  std::string text;
  auto read_all = [&](std::istream& in) {
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (text.size() > max_input_bytes) {
        throw io_error(display_name(path) + ": larger than 64 MiB");
      }
    }
    if (in.bad()) throw io_error(display_name(path) + ": read error");
  };
  if (path == "-") {
    read_all(std::cin);
    return text;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) throw io_error(path + ": cannot open file");
  read_all(file);
  return text;
}

/// "auto|canonical|pytorch|...": the names --dialect takes.
const std::string& dialect_choices() {
  static const std::string names = [] {
    std::string joined;
    for (const auto& [name, value] : lrsched::dialect_names) {
      joined += (joined.empty() ? "" : "|") + std::string(name);
    }
    return joined;
  }();
  return names;
}

/// "canonical|pytorch|...": the names convert --to takes (every dialect but auto).
const std::string& target_choices() {
  static const std::string names = dialect_choices().substr(dialect_choices().find('|') + 1);
  return names;
}

/// The value of option `name` (`fallback` when not given), one of `choices`.
std::string choice_of(const parsed_arguments& arguments, std::string_view name,
                      const std::vector<std::string>& choices, std::string_view fallback) {
  const std::string value = arguments.value(name).value_or(std::string(fallback));
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
  std::string known;
  for (std::size_t k = 0; k < choices.size(); ++k) {
    known += (k == 0 ? "" : k + 1 == choices.size() ? " or " : ", ") + choices[k];
  }
  throw usage_error("--" + std::string(name) + " must be " + known + ", got '" + value + "'" +
                    did_you_mean(value, choices));
}

/// What a config file is written in.
enum class file_format { json, yaml };

/// The option that names a config file's format.
constexpr std::string_view input_format_name = "input-format";

/// The options every command that reads a config takes.
const option_spec input_options[] = {
    {"dialect", dialect_choices(),
     "the config's format (default auto: detect it from its shape)"},
    {input_format_name, "json|yaml",
     "the file's syntax (default: yaml for a FILE named *.yaml\nor *.yml, else json)"},
    {"base-lr", "X",
     "the base learning rate when the config leaves it out\n(a bare PyTorch lr_scheduler "
     "block, a DeepSpeed \"auto\" lr)"},
    {"set", "KEY=VALUE",
     "a value for a field the config leaves out or as \"auto\"\n(e.g. --set "
     "total_num_steps=10000); may be repeated",
     true},
};

struct loaded_config {
  lrsched::any_schedule schedule;
  lrsched::dialect dialect;  // as detected, when asked for auto
};

std::vector<std::string> dialect_spellings() {
  std::vector<std::string> names;
  for (const auto& [name, value] : lrsched::dialect_names) names.emplace_back(name);
  return names;
}

/// The FILE argument, its syntax, the dialect and the load options of a command line.
struct input_request {
  std::string path;
  file_format format = file_format::json;
  lrsched::dialect dialect = lrsched::dialect::automatic;
  lrsched::load_options options;
};

/// The dialect `text` names, as --dialect and --to spell it (`auto` only when `allow_auto`).
lrsched::dialect dialect_named(const std::string& text, bool allow_auto) {
  std::vector<std::string> names = dialect_spellings();
  if (!allow_auto) names.erase(names.begin());
  const auto parsed = lrsched::parse_dialect(text);
  if (!parsed || (!allow_auto && *parsed == lrsched::dialect::automatic)) {
    std::string known;
    for (const auto& spelling : names) known += (known.empty() ? "" : ", ") + spelling;
    throw usage_error("unknown dialect '" + text + "'" + did_you_mean(text, names) +
                      "; known: " + known);
  }
  return *parsed;
}

/// YAML for a FILE named *.yaml or *.yml (any case), else JSON.
file_format format_by_name(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".yaml" || extension == ".yml" ? file_format::yaml : file_format::json;
}

/// The request for `path` with the dialect and load options of a command line.
input_request request_for(const parsed_arguments& arguments, const std::string& path) {
  input_request request;
  request.path = path;
  request.format = format_by_name(path);
  if (arguments.has(input_format_name)) {
    request.format = choice_of(arguments, input_format_name, {"json", "yaml"}, "") == "yaml"
                         ? file_format::yaml
                         : file_format::json;
  }
  if (const auto name = arguments.value("dialect")) {
    request.dialect = dialect_named(*name, true);
  }
  if (const auto base_lr = arguments.value("base-lr")) {
    request.options.base_lr = parse_real(*base_lr, "--base-lr");
  }
  if (const auto found = arguments.values.find("set"); found != arguments.values.end()) {
    for (const auto& assignment : found->second) {
      auto [key, value] = parse_assignment(assignment);
      if (!request.options.values.emplace(key, value).second) {
        throw usage_error("--set " + key + " given more than once");
      }
    }
  }
  return request;
}

input_request input_of(const parsed_arguments& arguments) {
  if (arguments.positionals.empty()) throw usage_error("missing FILE (a path, or - for stdin)");
  if (arguments.positionals.size() > 1) {
    throw usage_error("expected one FILE, got " + std::to_string(arguments.positionals.size()) +
                      " ('" + arguments.positionals[1] + "' is extra)");
  }
  return request_for(arguments, arguments.positionals.front());
}

/// Throws usage_error when --base-lr or a --set value has no effect on the schedule
/// `document` loads to (`loaded`): the config sets that value itself, has no such field,
/// or is of a dialect that takes none. An option has an effect when loading without it
/// fails or gives another schedule.
void refuse_unused_options(const nlohmann::ordered_json& document, lrsched::dialect dialect,
                           const lrsched::load_options& options,
                           const lrsched::any_schedule& loaded) {
  if (!options.base_lr && options.values.empty()) return;
  const nlohmann::ordered_json meaning = lrsched::to_ordered_json(loaded);
  const auto has_effect = [&](const lrsched::load_options& without) {
    try {
      return lrsched::to_ordered_json(lrsched::load_config(document, dialect, without)) != meaning;
    } catch (const lrsched::config_error&) {
      return true;
    } catch (const lrsched::invalid_schedule&) {
      return true;
    }
  };
  if (options.base_lr) {
    lrsched::load_options without = options;
    without.base_lr.reset();
    if (!has_effect(without)) {
      throw usage_error("--base-lr has no effect on this config (it sets its own learning "
                        "rate, or takes none)");
    }
  }
  for (const auto& [key, value] : options.values) {
    lrsched::load_options without = options;
    without.values.erase(key);
    if (!has_effect(without)) {
      throw usage_error("--set " + key + " has no effect on this config (it sets " + key +
                        " itself, or has no such field to fill)");
    }
  }
}

/// The message of a command built without lrsched::yaml that is asked for YAML.
[[maybe_unused]] constexpr std::string_view no_yaml =
    "this lrsched was built without YAML support (lrsched::yaml, from yaml-cpp)";

/// A config file's tree, and for a YAML file where each value was written.
class config_document {
 public:
  explicit config_document(nlohmann::ordered_json tree) : tree_(std::move(tree)) {}
#ifdef LRSCHED_CLI_YAML
  explicit config_document(lrsched::yaml::document yaml) : yaml_(std::move(yaml)) {}
#endif

  [[nodiscard]] const nlohmann::ordered_json& tree() const noexcept {
#ifdef LRSCHED_CLI_YAML
    if (yaml_) return yaml_->json();
#endif
    return tree_;
  }

  /// In a handler of `e`, an error in this document's tree: rethrows it, with its line and
  /// column when the file is YAML.
  [[noreturn]] void rethrow(const lrsched::config_error& e) const {
#ifdef LRSCHED_CLI_YAML
    if (yaml_) throw yaml_->locate(e);
#else
    (void)e;
#endif
    throw;
  }

 private:
  nlohmann::ordered_json tree_;
#ifdef LRSCHED_CLI_YAML
  std::optional<lrsched::yaml::document> yaml_;
#endif
};

/// The config document in the file a request names (- for standard input), in JSON or
/// YAML as the request says: the one place the command parses a config file.
/// @throws io_error for an unreadable file (or YAML without YAML support),
/// lrsched::config_error for one that is no config (a YAML one with its line and column).
config_document read_document(const input_request& request) {
  if (request.format == file_format::json) {
    return config_document(lrsched::parse_config(read_input(request.path)));
  }
#ifdef LRSCHED_CLI_YAML
  return config_document(lrsched::yaml::parse(read_input(request.path)));
#else
  throw io_error(display_name(request.path) + ": " + std::string(no_yaml));
#endif
}

/// The schedule `document` means as the request says (dialect, load options).
/// @throws lrsched::config_error for an invalid config, usage_error for an option that has
/// no effect on it.
loaded_config load(const input_request& request, const config_document& document) {
  const nlohmann::ordered_json& tree = document.tree();
  lrsched::dialect dialect = request.dialect;
  try {
    if (dialect == lrsched::dialect::automatic) dialect = lrsched::detect_dialect(tree);
    loaded_config config{lrsched::load_config(tree, dialect, request.options), dialect};
    refuse_unused_options(tree, dialect, request.options, config.schedule);
    return config;
  } catch (const lrsched::config_error& e) {
    document.rethrow(e);
  }
}

/// Reads and loads the config a request names: every command reads its configs here.
loaded_config read_config(const input_request& request) {
  return load(request, read_document(request));
}

// -------------------------------------------------------------------------- output
/// Buffers standard output; a failed write is an io_error.
class output {
 public:
  void line(std::string_view text) {
    buffer_.append(text);
    buffer_ += '\n';
    if (buffer_.size() >= (std::size_t{1} << 16U)) flush();
  }
  /// `value` on a line of its own, in the shortest form that reads back exactly.
  void number(double value) { line(shortest(value)); }
  void flush() {
    if (!buffer_.empty() &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size()) {
      throw io_error("cannot write to standard output");
    }
    buffer_.clear();
    if (std::fflush(stdout) != 0) throw io_error("cannot write to standard output");
  }

 private:
  std::string buffer_;
};

// ------------------------------------------------------------------------ commands
/// The largest step count a description mentions, a chain's pieces counted end to end.
std::int64_t extent(const lrsched::description& d) {
  constexpr std::int64_t cap = std::int64_t{1} << 50U;
  std::int64_t own = 0;
  std::int64_t chain_total = 0;
  for (const auto& [name, value] : d.parameters) {
    if (const auto* n = std::get_if<std::int64_t>(&value)) own = std::max(own, std::min(*n, cap));
    if (const auto* list = std::get_if<std::vector<std::int64_t>>(&value)) {
      for (const auto n : *list) {
        own = std::max(own, std::min(n, cap));
        if (d.kind == "chain")
          chain_total = std::min(cap, chain_total + std::clamp(n, std::int64_t{0}, cap));
      }
    }
  }
  std::int64_t children = 0;
  for (const auto& [slot, list] : d.children) {
    for (const auto& child : list) children = std::max(children, extent(child));
  }
  return std::max({own, chain_total + children, children});
}

/// The steps `show` plots when not told: the schedule's length when it ends in a constant
/// value, else twice the largest step count in its config (at least 1000); and why.
std::pair<std::int64_t, std::string> default_horizon(const lrsched::any_schedule& s) {
  const auto length = s.length();
  if (length && *length > 0) {
    return {*length, fmt::format("its length; {:.6g} from then on", s(*length))};
  }
  return {std::max<std::int64_t>(1000, 2 * extent(s.describe())),
          length ? "it is constant" : "it has no end; --steps N plots another range"};
}

/// A config of several that does not load: the message names its file (exit code 2).
class input_error : public std::runtime_error {
 public:
  input_error(std::string file, const std::string& message)
      : std::runtime_error(message), file_(std::move(file)) {}
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

 private:
  std::string file_;
};

/// The schedules of every FILE of a command line (plot, diff), read with its input options;
/// an invalid config is an input_error naming its file.
std::vector<lrsched::any_schedule> read_configs(const parsed_arguments& arguments) {
  const std::vector<std::string>& files = arguments.positionals;
  if (std::count(files.begin(), files.end(), "-") > 1) {
    throw usage_error("standard input (-) can be read only once");
  }
  std::vector<lrsched::any_schedule> schedules;
  for (const auto& file : files) {
    try {
      schedules.push_back(read_config(request_for(arguments, file)).schedule);
    } catch (const lrsched::config_error& e) {
      throw input_error(display_name(file), e.what());
    } catch (const lrsched::invalid_schedule& e) {
      throw input_error(display_name(file), e.what());
    }
  }
  return schedules;
}

/// `--steps` when given: A:B[:STRIDE] or N.
std::optional<step_range> steps_option(const parsed_arguments& arguments) {
  if (const auto text = arguments.value("steps")) return parse_step_range(*text);
  return std::nullopt;
}

int run_show(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const std::optional<step_range> asked = steps_option(arguments);
  if (asked && asked->count() == 0) {
    throw usage_error("--steps " + asked->text() + " holds no step");
  }
  if (asked && asked->strided) throw usage_error("show plots a whole range; --steps takes A:B or N");
  const loaded_config config = read_config(request);
  const lrsched::any_schedule& s = config.schedule;
  auto [horizon, why] = default_horizon(s);
  step_range range{0, horizon};
  if (asked) {
    range = *asked;
    why = "as asked";
  }
  if (arguments.has("tree")) {
    out.line(fmt::format("{:t}", s));
  } else {
    out.line(fmt::format("{}", s));
  }
  if (request.dialect == lrsched::dialect::automatic &&
      config.dialect != lrsched::dialect::canonical) {
    out.line(fmt::format("(read as a {} config; `lrsched convert` gives its canonical JSON)",
                         lrsched::to_string(config.dialect)));
  }
  out.line("");
  lrsched_chart::chart picture;
  picture.panels.push_back({});
  // About 8 samples per dot column of the 80-column plot, so drops and cycles show.
  picture.panels[0].series.push_back(lrsched_chart::sample(s, "", range.first, range.last, 1201));
  std::string drawn = lrsched_chart::to_terminal(picture);
  drawn.pop_back();
  out.line(drawn);
  out.line("");
  if (range.first == 0) {
    out.line(fmt::format("horizon: steps 0 to {} ({})", range.last, why));
  } else {
    out.line(fmt::format("horizon: steps {} to {} ({})", range.first, range.last, why));
  }
  char total[32];
  std::snprintf(total, sizeof total, "%.10g", lrsched::sum(s, range.first, range.last));
  out.line(fmt::format("summed LR over steps [{}, {}): {}", range.first, range.last, total));
  return 0;
}

std::vector<std::int64_t> read_steps_file(const std::string& path) {
  const std::string text = read_input(path);
  std::vector<std::int64_t> steps;
  std::size_t line = 1;
  std::size_t k = 0;
  while (k < text.size()) {
    const char c = text[k];
    if (c == '\n') ++line;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
           text[end] != '\r') {
      ++end;
    }
    try {
      steps.push_back(parse_step(std::string_view(text).substr(k, end - k), "a step"));
    } catch (const usage_error& e) {
      throw usage_error(
          fmt::format("--steps-file {}: line {}: {}", display_name(path), line, e.what()));
    }
    k = end;
  }
  return steps;
}

/// How eval, sum and diff print their results.
enum class output_format { text, csv, json };

output_format format_of(const parsed_arguments& arguments) {
  const std::string name = choice_of(arguments, "format", {"text", "csv", "json"}, "text");
  if (name == "csv") return output_format::csv;
  if (name == "json") return output_format::json;
  return output_format::text;
}

/// The option that chooses an output format.
constexpr option_spec format_option{
    "format", "text|csv|json", "text (default), csv (with a header line) or json"};

int run_eval(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const output_format format = format_of(arguments);
  const std::optional<step_range> range = steps_option(arguments);
  const auto steps_file = arguments.value("steps-file");
  if (range && steps_file) throw usage_error("give either --steps or --steps-file, not both");
  if (!range && !steps_file) throw usage_error("missing --steps A:B[:STRIDE] or --steps-file F");
  if (steps_file && *steps_file == "-" && request.path == "-") {
    throw usage_error("FILE and --steps-file cannot both be standard input");
  }
  const lrsched::any_schedule s = read_config(request).schedule;
  const std::vector<std::int64_t> listed =
      steps_file ? read_steps_file(*steps_file) : std::vector<std::int64_t>{};
  const std::uint64_t count = range ? range->count() : listed.size();
  if (format == output_format::csv) out.line("step,lr");
  if (format == output_format::json) out.line(count == 0 ? "[]" : "[");
  for (std::uint64_t k = 0; k < count; ++k) {
    const std::int64_t t = range ? range->at(k) : listed[k];
    switch (format) {
      case output_format::text:
        out.line(shortest(s(t)));
        break;
      case output_format::csv:
        out.line(fmt::format("{},{}", t, shortest(s(t))));
        break;
      case output_format::json:
        out.line(nlohmann::ordered_json{{"step", t}, {"lr", s(t)}}.dump() +
                 (k + 1 < count ? "," : ""));
        break;
    }
  }
  if (format == output_format::json && count > 0) out.line("]");
  return 0;
}

/// The range sum and diff cover by default: 0 to the schedule's length, when it has one.
std::optional<step_range> length_range(const lrsched::any_schedule& s) {
  const auto length = s.length();
  if (!length || *length <= 0) return std::nullopt;
  return step_range{0, *length};
}

int run_sum(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const output_format format = format_of(arguments);
  if (arguments.has("from") || arguments.has("to")) {
    throw usage_error("--from and --to are gone; the range is --steps A:B (or --steps B)");
  }
  std::optional<step_range> range = steps_option(arguments);
  if (range && range->strided) {
    throw usage_error("sum adds every step of its range; --steps takes A:B or N, no STRIDE");
  }
  const lrsched::any_schedule s = read_config(request).schedule;
  if (!range) range = length_range(s);
  if (!range) {
    throw usage_error(
        "this schedule has no end, so no default range; give --steps A:B (or --steps N)");
  }
  const double total = lrsched::sum(s, range->first, range->last);
  switch (format) {
    case output_format::text:
      out.line(shortest(total));
      break;
    case output_format::csv:
      out.line("first,last,sum");
      out.line(fmt::format("{},{},{}", range->first, range->last, shortest(total)));
      break;
    case output_format::json:
      out.line(nlohmann::ordered_json{{"first", range->first}, {"last", range->last}, {"sum", total}}
                   .dump());
      break;
  }
  return 0;
}

// ----------------------------------------------------------------------------- diff
/// Where two schedules differ over the steps of a range.
struct difference {
  std::optional<std::int64_t> first_step;  // the first step where their values differ
  double max_absolute = 0.0;
  std::int64_t max_absolute_step = 0;
  double max_relative = 0.0;  // |a - b| / max(|a|, |b|)
  std::int64_t max_relative_step = 0;
};

difference compare(const lrsched::any_schedule& a, const lrsched::any_schedule& b,
                   const step_range& range) {
  difference d;
  for (std::uint64_t k = 0, n = range.count(); k < n; ++k) {
    const std::int64_t t = range.at(k);
    const double x = a(t);
    const double y = b(t);
    if (x == y) continue;
    if (!d.first_step) d.first_step = t;
    const double absolute = std::abs(x - y);
    const double relative = absolute / std::max(std::abs(x), std::abs(y));
    if (absolute > d.max_absolute) {
      d.max_absolute = absolute;
      d.max_absolute_step = t;
    }
    if (relative > d.max_relative) {
      d.max_relative = relative;
      d.max_relative_step = t;
    }
  }
  return d;
}

int run_diff(const parsed_arguments& arguments, output& out) {
  constexpr std::uint64_t max_steps = 100'000'000;
  if (arguments.positionals.size() != 2) {
    throw usage_error("expected two FILEs, got " + std::to_string(arguments.positionals.size()));
  }
  const output_format format = format_of(arguments);
  std::optional<step_range> range = steps_option(arguments);
  const std::vector<lrsched::any_schedule> schedules = read_configs(arguments);
  const lrsched::any_schedule& a = schedules[0];
  const lrsched::any_schedule& b = schedules[1];
  if (!range) {
    // Both constant from their lengths on: steps 0 to the longer length, inclusive, cover
    // every value either takes.
    const auto la = a.length();
    const auto lb = b.length();
    if (!la || !lb) {
      throw usage_error(fmt::format("{} has no end, so no default range; give --steps A:B[:S]",
                                    display_name(arguments.positionals[la ? 1 : 0])));
    }
    const std::int64_t longer = std::max(*la, *lb);
    range = step_range{0, longer == std::numeric_limits<std::int64_t>::max() ? longer : longer + 1};
  }
  if (range->count() > max_steps) {
    throw usage_error(fmt::format("--steps {} holds {} steps; diff compares at most {} (give a "
                                  "STRIDE)",
                                  range->text(), range->count(), max_steps));
  }
  const difference d = compare(a, b, *range);
  const double sum_a = lrsched::sum(a, range->first, range->last);
  const double sum_b = lrsched::sum(b, range->first, range->last);
  const std::string& name_a = arguments.positionals[0];
  const std::string& name_b = arguments.positionals[1];
  switch (format) {
    case output_format::text: {
      out.line(fmt::format("steps {} ({} compared)", range->text(), range->count()));
      if (!d.first_step) {
        out.line("identical at every step compared");
      } else {
        out.line(fmt::format("first difference at step {}: {} vs {}", *d.first_step,
                             shortest(a(*d.first_step)), shortest(b(*d.first_step))));
        out.line(fmt::format("largest absolute difference: {} at step {}",
                             shortest(d.max_absolute), d.max_absolute_step));
        out.line(fmt::format("largest relative difference: {} at step {}",
                             shortest(d.max_relative), d.max_relative_step));
      }
      out.line(fmt::format("summed LR over [{}, {}): {} vs {}, difference {}", range->first,
                           range->last, shortest(sum_a), shortest(sum_b),
                           shortest(sum_a - sum_b)));
      break;
    }
    case output_format::csv: {
      out.line("first,last,stride,count,first_difference,max_absolute,max_absolute_step,"
               "max_relative,max_relative_step,sum_a,sum_b,sum_difference");
      const auto or_empty = [&](const auto& value) {
        return d.first_step ? fmt::format("{}", value) : std::string();
      };
      out.line(fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}", range->first, range->last,
                           range->stride, range->count(), or_empty(d.first_step.value_or(0)),
                           shortest(d.max_absolute), or_empty(d.max_absolute_step),
                           shortest(d.max_relative), or_empty(d.max_relative_step),
                           shortest(sum_a), shortest(sum_b), shortest(sum_a - sum_b)));
      break;
    }
    case output_format::json: {
      nlohmann::ordered_json document{
          {"a", name_a},
          {"b", name_b},
          {"steps",
           {{"first", range->first},
            {"last", range->last},
            {"stride", range->stride},
            {"count", range->count()}}},
          {"identical", !d.first_step},
          {"first_difference", nullptr},
          {"max_absolute", {{"value", d.max_absolute}, {"step", nullptr}}},
          {"max_relative", {{"value", d.max_relative}, {"step", nullptr}}},
          {"sum", {{"a", sum_a}, {"b", sum_b}, {"difference", sum_a - sum_b}}}};
      if (d.first_step) {
        document["first_difference"] = *d.first_step;
        document["max_absolute"]["step"] = d.max_absolute_step;
        document["max_relative"]["step"] = d.max_relative_step;
      }
      out.line(document.dump(2));
      break;
    }
  }
  return d.first_step ? 1 : 0;
}

/// A JSON tree as YAML text, without its final newline.
std::string yaml_text(const nlohmann::ordered_json& tree) {
#ifdef LRSCHED_CLI_YAML
  std::string text = lrsched::yaml::from_json(tree);
  while (text.ends_with("\n")) text.pop_back();
  return text;
#else
  (void)tree;
  throw io_error("cannot write YAML: " + std::string(no_yaml));
#endif
}

int run_convert(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const bool yaml = choice_of(arguments, "format", {"json", "yaml"}, "json") == "yaml";
  const std::optional<std::string> to = arguments.value("to");
  const lrsched::dialect target = to ? dialect_named(*to, false) : lrsched::dialect::canonical;
  const lrsched::any_schedule s = read_config(request).schedule;
  nlohmann::ordered_json written;
  if (!to) {
    written = lrsched::to_ordered_json(s);
  } else {
    try {
      written = lrsched::write_config(s, target);
    } catch (const lrsched::conversion_error& e) {
      const std::string where =
          e.pointer().empty() ? "" : " (at " + e.pointer() + " of its canonical JSON)";
      throw refusal(display_name(request.path) + ": " + e.problem() + where);
    }
  }
  out.line(yaml ? yaml_text(written) : written.dump(2));
  return 0;
}

int run_check(const parsed_arguments& arguments, output& /*out*/) {
  (void)read_config(input_of(arguments));
  return 0;
}

#ifdef LRSCHED_CLI_LOSS
#include "loss.hpp"
#endif
/// The legend names: --label, else each file's name (its path where two names repeat).
std::vector<std::string> plot_labels(const parsed_arguments& arguments) {
  const std::vector<std::string>& files = arguments.positionals;
  if (const auto found = arguments.values.find("label"); found != arguments.values.end()) {
    if (found->second.size() != files.size()) {
      throw usage_error(fmt::format("{} --label for {} FILE{}; give one per FILE",
                                    found->second.size(), files.size(),
                                    files.size() == 1 ? "" : "s"));
    }
    return found->second;
  }
  std::vector<std::string> names;
  for (const auto& file : files) {
    names.push_back(file == "-" ? "<stdin>" : std::filesystem::path(file).filename().string());
  }
  for (std::size_t k = 0; k < files.size(); ++k) {
    if (std::count(names.begin(), names.end(), names[k]) > 1) names[k] = display_name(files[k]);
  }
  return names;
}

/// The steps a plot samples: --steps A:B (1001 points spread over A .. B-1, 1201 for the
/// terminal), --steps A:B:STRIDE (each of them), else 0 .. the longest default horizon.
std::vector<std::int64_t> plot_steps(const std::optional<step_range>& range,
                                     const std::vector<lrsched::any_schedule>& schedules,
                                     std::int64_t points) {
  constexpr std::uint64_t max_points = 1'000'000;
  if (!range) {
    std::int64_t horizon = 0;
    for (const auto& s : schedules) horizon = std::max(horizon, default_horizon(s).first);
    return lrsched_chart::sample_steps(0, horizon, points);
  }
  if (!range->strided) return lrsched_chart::sample_steps(range->first, range->last - 1, points);
  if (range->count() > max_points) {
    throw usage_error(fmt::format("--steps {} gives {} points; at most {}", range->text(),
                                  range->count(), max_points));
  }
  return steps_in(*range);
}

int run_plot(const parsed_arguments& arguments, output& out) {
  const std::vector<std::string>& files = arguments.positionals;
  if (files.empty()) throw usage_error("missing FILE (one or more paths, or - for stdin)");
  // Every check of the command line comes before any file is read or written.
  const std::optional<std::string> destination = arguments.value("output");
  if (destination) {
    const std::string extension = std::filesystem::path(*destination).extension().string();
    if (extension != ".svg" && extension != ".csv") {
      throw usage_error("cannot tell the format of -o " + *destination +
                        " (the name must end in .svg or .csv)");
    }
    if (arguments.has("ascii")) throw usage_error("--ascii is for the terminal plot, not -o");
  }
  const std::string x_axis = arguments.value("x").value_or("steps");
  if (x_axis != "steps" && x_axis != "samples") {
    throw usage_error("--x must be steps or samples, got '" + x_axis + "'");
  }
  double samples_per_step = 1.0;
  if (const auto text = arguments.value("samples-per-step")) {
    if (x_axis != "samples") throw usage_error("--samples-per-step goes with --x samples");
    samples_per_step = parse_real(*text, "--samples-per-step");
    if (!(samples_per_step > 0)) {
      throw usage_error("--samples-per-step must be positive, got " + *text);
    }
  } else if (x_axis == "samples") {
    throw usage_error("--x samples needs --samples-per-step N");
  }
  const std::vector<std::string> labels = plot_labels(arguments);
  const std::optional<step_range> range = steps_option(arguments);
  if (range && range->count() == 0) {
    throw usage_error("--steps " + range->text() + " holds no step");
  }
  const std::vector<lrsched::any_schedule> schedules = read_configs(arguments);
  const std::vector<std::int64_t> steps =
      plot_steps(range, schedules, destination ? 1001 : 1201);

  lrsched_chart::chart picture;
  if (range) {  // the axis ends at B, not at B-1
    picture.x_range = {static_cast<double>(range->first) * samples_per_step,
                       static_cast<double>(range->last) * samples_per_step};
  }
  picture.x_title = x_axis == "samples" ? "samples" : "step";
  if (schedules.size() == 1) picture.title = fmt::format("{}", schedules.front());
  picture.panels.push_back(
      {"learning rate",
       arguments.has("log-y") ? lrsched_chart::scale::log : lrsched_chart::scale::linear,
       {}});
  for (std::size_t k = 0; k < schedules.size(); ++k) {
    picture.panels[0].series.push_back(
        lrsched_chart::sample(schedules[k], labels[k], steps, samples_per_step));
  }
  if (arguments.has("sum")) {
    picture.panels.push_back({"summed LR", lrsched_chart::scale::linear, {}});
    for (std::size_t k = 0; k < schedules.size(); ++k) {
      picture.panels[1].series.push_back(
          lrsched_chart::sample_running_sum(schedules[k], labels[k], steps, samples_per_step));
    }
  }
  if (destination) {
    lrsched_chart::save(picture, *destination);
    return 0;
  }
  std::string drawn = lrsched_chart::to_terminal(picture, {.ascii = arguments.has("ascii")});
  drawn.pop_back();
  out.line(drawn);
  return 0;
}

// ------------------------------------------------------------------- the command line
/// A command: its name, what `lrsched --help` says of it, its help, what runs it, and its
/// own options (every command but loss also takes input_options).
struct command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  std::string_view text;
  int (*run)(const parsed_arguments&, output&);
  std::vector<option_spec> options;
  bool reads_configs = true;  // takes input_options
};

constexpr option_spec steps_range_option{"steps", "A:B[:STRIDE]",
                                         "steps A, A+STRIDE, ... below B (STRIDE defaults to 1);\n"
                                         "N alone means 0:N"};

std::vector<command> commands() {
  return {
      {"show", "the schedule's description, a plot and its summed LR",
       "lrsched show FILE [--steps A:B] [--tree] [input options]",
       R"(Prints the schedule's one-line description (or its tree with --tree), a plot
of it over its horizon, and the summed learning rate over that horizon. The
horizon is steps 0 to the schedule's length when it ends in a constant value,
else (default) 0 to twice the largest step count in the config, at least 1000.)",
       run_show,
       {{"steps", "A:B", "the horizon: steps A to B (N alone means 0:N)"},
        {"tree", "", "show the description as a tree"}}},
      {"eval", "the learning rate at given steps, one per line",
       "lrsched eval FILE (--steps A:B[:STRIDE] | --steps-file F) [--format F]\n"
       "       [input options]",
       R"(Prints the learning rate at each step in the order given, in the shortest
form that reads back as the same double: one per line (text), step,lr rows
(csv) or a JSON array of {"step", "lr"} objects (json).)",
       run_eval,
       {steps_range_option,
        {"steps-file", "F",
         "the steps listed in file F (- for standard input),\nintegers separated by white "
         "space"},
        format_option}},
      {"sum", "the summed learning rate over a step range",
       "lrsched sum FILE [--steps A:B] [--format F] [input options]",
       R"(Prints the summed learning rate over steps A to B-1 (a closed form, not a
loop), in the shortest form that reads back exactly. Without --steps the
range is 0 to the schedule's length (where it turns constant); a schedule
without an end needs --steps.)",
       run_sum,
       {{"steps", "A:B", "steps A to B-1 (N alone means 0:N)"},
        format_option,
        {"from", "A", ""},
        {"to", "B", ""}}},
      {"diff", "where two configs' schedules differ",
       "lrsched diff FILE FILE [--steps A:B[:STRIDE]] [--format F] [input options]",
       R"(Compares two configs (of any dialects) step by step: the first step where
their learning rates differ, the largest absolute and relative differences
(|a-b| / max(|a|,|b|)) and the summed LRs over the range. Without --steps the
range is 0 to the longer length, inclusive (both are constant from there on).
Exits with 0 when they agree at every step compared, 1 when they differ, 2 on
trouble (as diff does).)",
       run_diff,
       {steps_range_option, format_option}},
      {"convert", "the canonical JSON, or another system's config (--to)",
       "lrsched convert FILE [--to DIALECT] [--format json|yaml] [input options]",
       R"(Prints the schedule in lrsched's canonical JSON: what a config of another
system means, in a form every lrsched program loads. With --to, prints it as a
config of that system instead, in its own shape, checked by loading it back;
a schedule that system cannot express is refused with the reason (exit 1).
--format yaml writes YAML instead of JSON.)",
       run_convert,
       {{"to", target_choices(), "the system to write the config for (default: lrsched's\n"
         "canonical JSON, as the config means it)"},
        {"format", "json|yaml", "the syntax written (default json)"}}},
      {"check", "whether the config is valid (exit 0), else the error (exit 2)",
       "lrsched check FILE [input options]",
       R"(Exits with 0 when the config loads, else prints the error, with the JSON
pointer of the offending value, to standard error and exits with 2.)",
       run_check,
       {}},
#ifdef LRSCHED_CLI_LOSS
      {"loss", "fit a loss law to logged runs, predict or optimize a schedule's loss",
       loss_usage, loss_text, run_loss, loss_options, true},
#endif
      {"plot", "one or more configs drawn together: SVG, CSV or a terminal plot",
       "lrsched plot FILE... [-o OUT.svg|OUT.csv] [--steps A:B[:STRIDE]] [--sum]\n"
       "       [--x steps|samples --samples-per-step N] [--log-y] [--label NAME]... [--ascii]",
       R"(Draws configs of any dialects together, with a legend (file names, or --label):
a terminal plot, or with -o an SVG picture or a CSV table (by the extension),
written through a temporary file so a failure leaves none. The input options
apply to every FILE.)",
       run_plot,
       {{"output", "OUT", "write OUT.svg or OUT.csv instead of printing", false, 'o'},
        {"steps", "A:B[:STRIDE]",
         "steps A to B-1 (default: 0 to the longest horizon that\nshow uses): 1001 points, or "
         "each STRIDE-th step"},
        {"x", "steps|samples", "the x axis; samples needs --samples-per-step N"},
        {"samples-per-step", "N", "samples in one step, for --x samples"},
        {"log-y", "", "a logarithmic learning-rate axis"},
        {"sum", "", "a second panel: the summed LR from step A on"},
        {"label", "NAME", "a FILE's legend name; one per FILE, in their order", true},
        {"ascii", "", "ASCII characters instead of Braille dots"}}},
  };
}

constexpr std::string_view general_usage = "lrsched COMMAND FILE [OPTIONS]";
constexpr std::string_view general_text =
    R"(Look at, evaluate, compare and check learning-rate schedule configs: lrsched's
canonical JSON, or a config written for PyTorch, HuggingFace, DeepSpeed, Keras,
timm, Megatron-LM or optax (detected from its shape, or named with --dialect).
FILE is a JSON or YAML file (YAML when named *.yaml or *.yml), or - for standard
input.)";
constexpr std::string_view general_footer =
    R"(`lrsched COMMAND --help` shows a command's options.
exit codes: 0 success, 1 unreadable file or a refused conversion (diff: the
configs differ), 2 wrong usage or invalid config)";

/// Help in lrsched's layout: the usage line first, then the text, the options by group
/// (own, then input options), the commands; option names as "-o, --output OUT".
class help_formatter : public CLI::Formatter {
 public:
  explicit help_formatter(const std::vector<command>& all) : commands_(all) {
    column_width(24);
    label("Subcommands", "commands");
  }
  std::string make_help(const CLI::App* app, std::string /*name*/,
                        CLI::AppFormatMode mode) const override {
    std::string usage(general_usage);
    std::string text(general_text);
    if (const command* c = find(app->get_name())) {
      usage = c->usage;
      text = c->text;
    }
    std::string help = "usage: " + usage + "\n\n" + text + "\n" + make_groups(app, mode) +
                       make_subcommands(app, mode);
    for (auto at = help.find("\n\n\n"); at != std::string::npos; at = help.find("\n\n\n")) {
      help.erase(at, 1);  // one blank line between groups
    }
    const std::string footer = make_footer(app);
    return footer.empty() ? help : help + "\n" + footer;
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    const command* c = find(sub->get_name());
    CLI::detail::format_help(out, sub->get_name(), c ? std::string(c->summary) : std::string(),
                             get_column_width());
    return out.str();
  }
  std::string make_option_name(const CLI::Option* option, bool positional) const override {
    std::string name = CLI::Formatter::make_option_name(option, positional);
    for (std::size_t at = name.find(','); at != std::string::npos; at = name.find(',', at + 2)) {
      name.insert(at + 1, " ");
    }
    return name;
  }
  std::string make_option_opts(const CLI::Option* option) const override {
    return option->get_type_size() == 0 ? std::string() : " " + option->get_type_name();
  }

 private:
  const command* find(const std::string& name) const {
    const auto found = std::find_if(commands_.begin(), commands_.end(),
                                    [&](const command& c) { return c.name == name; });
    return found == commands_.end() ? nullptr : &*found;
  }
  const std::vector<command>& commands_;
};

/// The CLI11 parser of every command, the positionals of each in `positionals`.
std::unique_ptr<CLI::App> command_line(const std::vector<command>& all,
                                       std::map<std::string, std::vector<std::string>>& positionals) {
  auto app = std::make_unique<CLI::App>(std::string(general_text), "lrsched");
  app->formatter(std::make_shared<help_formatter>(all));
  app->footer(std::string(general_footer));
  app->set_help_flag("-h,--help", "show this help");
  app->set_version_flag("--version",
                        fmt::format("lrsched {}.{}.{}", LRSCHED_VERSION_MAJOR,
                                    LRSCHED_VERSION_MINOR, LRSCHED_VERSION_PATCH),
                        "show the version");
  app->get_help_ptr()->group("options");
  app->get_option("--version")->group("options");
  app->failure_message([](const CLI::App*, const CLI::Error& e) {
    return escaped(parse_error_message(e)) + "\n";
  });
  for (const auto& c : all) {
    CLI::App* sub = app->add_subcommand(std::string(c.name), std::string(c.text));
    sub->allow_extras();
    sub->footer("");
    sub->add_option("FILE", positionals[std::string(c.name)])->group("");
    add_options(*sub, c.options, "options");
    if (c.reads_configs) add_options(*sub, input_options, "input options");
    sub->get_help_ptr()->group("options");
    sub->group("commands");
  }
  return app;
}

/// The help of `app` (the whole command, or one command), without a final newline.
std::string help_of(const CLI::App& app) {
  std::string help = app.help();
  while (help.ends_with("\n")) help.pop_back();
  return help;
}

void report(std::string_view who, std::string_view message) {
  const std::string line = escaped(who) + ": " + escaped(message) + "\n";
  std::fputs(line.c_str(), stderr);
}

int main_with(std::span<const std::string> arguments) {
  output out;
  if (arguments.empty()) {
    report("lrsched",
           "missing COMMAND (show, eval, sum, diff, convert, check, plot); see lrsched --help");
    return 2;
  }
  const auto all = commands();
  std::map<std::string, std::vector<std::string>> positionals;
  const auto app = command_line(all, positionals);
  std::vector<std::string> names;
  for (const auto& c : all) names.emplace_back(c.name);
  std::string name = arguments.front();
  if (name == "help" && arguments.size() > 1) {  // `lrsched help COMMAND`
    if (std::find(names.begin(), names.end(), arguments[1]) == names.end()) {
      report("lrsched", "no command '" + arguments[1] + "'; see lrsched --help");
      return 2;
    }
    out.line(help_of(*app->get_subcommand(arguments[1])));
    out.flush();
    return 0;
  }
  if (name == "help" || name == "-h" || name == "--help" || name == "--version") {
    name.clear();
  } else if (std::find(names.begin(), names.end(), name) == names.end()) {
    report("lrsched", (name.starts_with("-") ? "unknown option " : "unknown command ") + name +
                          did_you_mean(name, names) + "; see lrsched --help");
    return 2;
  }
  const std::string who = name.empty() ? "lrsched" : "lrsched " + name;
  std::string file = "<config>";
  try {
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());
    if (arguments.front() == "help") reversed.back() = "--help";
    try {
      app->parse(reversed);
    } catch (const CLI::CallForHelp&) {
      out.line(help_of(name.empty() ? *app : *app->get_subcommand(name)));
      out.flush();
      return 0;
    } catch (const CLI::CallForVersion& e) {
      out.line(e.what());
      out.flush();
      return 0;
    } catch (const CLI::ParseError& e) {
      throw usage_error(parse_error_message(e));
    }
    const command& found = *std::find_if(all.begin(), all.end(),
                                         [&](const command& c) { return c.name == name; });
    std::vector<option_spec> specs = found.options;
    if (found.reads_configs) specs.insert(specs.end(), std::begin(input_options), std::end(input_options));
    const parsed_arguments parsed =
        collect_arguments(*app->get_subcommand(name), specs, positionals[name]);
    if (parsed.positionals.size() == 1) file = display_name(parsed.positionals.front());
    const int status = found.run(parsed, out);
    out.flush();
    return status;
  } catch (const usage_error& e) {
    out.flush();
    report(who, std::string(e.what()) + "; see " + who + " --help");
  } catch (const lrsched::config_error& e) {
    out.flush();
    report(file, e.what());
  } catch (const lrsched::invalid_schedule& e) {
    out.flush();
    report(file, e.what());
  } catch (const input_error& e) {
    out.flush();
    report(e.file(), e.what());
  } catch (const lrsched_chart::error& e) {
    out.flush();
    report(who, e.what());
  } catch (const io_error& e) {
    report(who, e.what());
    return name == "diff" ? 2 : 1;  // diff's 1 means "they differ"
  } catch (const refusal& e) {
    out.flush();
    report(who, e.what());
    return 1;
  }
#ifdef LRSCHED_CLI_LOSS
  catch (const data_error& e) {
    out.flush();
    report(who, e.what());
  } catch (const std::invalid_argument& e) {  // a fit or prediction the data cannot support
    out.flush();
    report(who, e.what());
  }
#endif
  return 2;
}

}  // namespace
}  // namespace lrsched_cli

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> arguments(argv + std::min(argc, 1), argv + argc);
    return lrsched_cli::main_with(arguments);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lrsched: internal error: %s\n",
                 lrsched_cli::escaped(e.what()).c_str());
  } catch (...) {
    std::fprintf(stderr, "lrsched: internal error\n");
  }
  return 1;
}
