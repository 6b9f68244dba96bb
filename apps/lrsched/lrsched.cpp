// The lrsched command: look at, evaluate, sum, convert and check schedule configs, in
// lrsched's canonical JSON or in the config formats of PyTorch, HuggingFace, DeepSpeed,
// Keras, timm, Megatron-LM and optax.
//
//   lrsched show    FILE                         description, plot, summed LR
//   lrsched eval    FILE --steps 0:1000:10       one learning rate per line (%.17g)
//   lrsched sum     FILE --from 0 --to 100000    the summed LR (%.17g)
//   lrsched convert FILE                         the canonical JSON
//   lrsched check   FILE                         exit 0, or the error and exit 2
//   lrsched loss    fit|predict|optimize ...     loss-curve laws (apps/lrsched/loss.hpp)
//   lrsched plot    FILE... [-o OUT.svg|.csv]    schedules overlaid: SVG, CSV or terminal
//
// Exit codes: 0 success, 1 a file that cannot be read or written, 2 a wrong command line
// or an invalid config (the error names the JSON pointer of the offending value).
#include <lrsched/any_schedule.hpp>
#include <lrsched/dialects.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>
#include <lrsched/sum.hpp>
#include <lrsched/version.hpp>
#ifdef LRSCHED_CLI_LOSS
#include <lrsched/loss.hpp>
#include <lrsched/piecewise.hpp>
#include <lrsched/table.hpp>

#include <cmath>
#include <variant>
#endif

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <chart/chart.hpp>

#include "arguments.hpp"

namespace lrsched_cli {
namespace {

// ------------------------------------------------------------------------------- help
constexpr std::string_view general_help =
    R"(usage: lrsched COMMAND FILE [OPTIONS]

Look at, evaluate and check learning-rate schedule configs: lrsched's canonical
JSON, or a config written for PyTorch, HuggingFace, DeepSpeed, Keras, timm,
Megatron-LM or optax (detected from its shape, or named with --dialect).

commands:
  show     the schedule's description, a plot and its summed LR
  eval     the learning rate at given steps, one per line
  sum      the summed learning rate over a step range
  convert  the config in lrsched's canonical JSON
  check    whether the config is valid (exit 0), else the error (exit 2)
  loss     fit a loss law to logged runs, predict or optimize a schedule's loss
  plot     one or more configs drawn together: SVG, CSV or a terminal plot

FILE is a JSON file, or - for standard input.
`lrsched COMMAND --help` shows a command's options.
exit codes: 0 success, 1 unreadable file, 2 wrong usage or invalid config
)";

constexpr std::string_view input_options_help =
    R"(  --dialect NAME   the config's format: auto (default: detect from its shape),
                   canonical, pytorch, hf, deepspeed, keras, timm, megatron, optax
  --base-lr X      the base learning rate when the config leaves it out
                   (a bare PyTorch lr_scheduler block, a DeepSpeed "auto" lr)
  --set KEY=VALUE  a value for a field the config leaves as "auto"
                   (e.g. --set total_num_steps=10000); may be repeated
  -h, --help       show this help
)";

struct command_help {
  std::string_view name;
  std::string_view usage;
  std::string_view text;
};

constexpr command_help command_helps[] = {
    {"show", "lrsched show FILE [--steps N] [--tree] [input options]",
     R"(Prints the schedule's one-line description (or its tree with --tree), a plot
of it over its horizon, and the summed learning rate over that horizon. The
horizon is the schedule's length when it ends in a constant value, else --steps
(default: twice the largest step count in the config, at least 1000).

  --steps N        plot steps 0 to N (N > 0)
  --tree           show the description as a tree
)"},
    {"eval", "lrsched eval FILE (--steps A:B[:STRIDE] | --steps-file F) [input options]",
     R"(Prints the learning rate at each step, one per line in the order given, with
17 significant digits (%.17g), and nothing else.

  --steps A:B[:STRIDE]  steps A, A+STRIDE, ... below B (STRIDE defaults to 1)
  --steps-file F        the steps listed in file F (- for standard input),
                        integers separated by white space
)"},
    {"sum", "lrsched sum FILE --to B [--from A] [input options]",
     R"(Prints the summed learning rate over steps A to B-1 (a closed form, not a
loop), with 17 significant digits (%.17g).

  --from A         the first step (default 0)
  --to B           the step after the last one summed
)"},
    {"convert", "lrsched convert FILE [input options]",
     R"(Prints the schedule in lrsched's canonical JSON: what a config of another
system means, in a form every lrsched program loads.
)"},
    {"check", "lrsched check FILE [input options]",
     R"(Exits with 0 when the config loads, else prints the error, with the JSON
pointer of the offending value, to standard error and exits with 2.
)"},
    {"plot",
     "lrsched plot FILE... [-o OUT.svg|OUT.csv] [--steps A:B[:STRIDE]] [--sum]\n"
     "       [--x steps|samples --samples-per-step N] [--log-y] [--label NAME]... [--ascii]",
     R"(Draws configs of any dialects together, with a legend (file names, or --label):
a terminal plot, or with -o an SVG picture or a CSV table (by the extension),
written through a temporary file so a failure leaves none. The input options
apply to every FILE.

  -o, --output OUT      write OUT.svg or OUT.csv instead of printing
  --steps A:B[:STRIDE]  steps A to B-1 (default: 0 to the longest horizon that
                        show uses): 1001 points, or each STRIDE-th step
  --x steps|samples     the x axis; samples needs --samples-per-step N
  --log-y               a logarithmic learning-rate axis
  --sum                 a second panel: the summed LR from step A on
  --label NAME          a FILE's legend name; one per FILE, in their order
  --ascii               ASCII characters instead of Braille dots
)"},
};

std::string help_of(const command_help& command) {
  return fmt::format("usage: {}\n\n{}\ninput options:\n{}", command.usage, command.text,
                     input_options_help);
}

// --------------------------------------------------------------------------- input
constexpr std::size_t max_input_bytes = std::size_t{64} << 20U;

/// A file that cannot be read (exit code 1).
class io_error : public std::runtime_error {
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

/// The options every command that reads a config takes.
const option_spec input_options[] = {
    {"dialect"}, {"base-lr"}, {"set", true, true}, {"help", false}};

struct loaded_config {
  lrsched::any_schedule schedule;
  lrsched::dialect dialect;  // as detected, when asked for auto
};

std::vector<std::string> dialect_spellings() {
  std::vector<std::string> names;
  for (const auto& [name, value] : lrsched::dialect_names) names.emplace_back(name);
  return names;
}

/// The FILE argument, the dialect and the load options of a command line.
struct input_request {
  std::string path;
  lrsched::dialect dialect = lrsched::dialect::automatic;
  lrsched::load_options options;
};

/// The request for `path` with the dialect and load options of a command line.
input_request request_for(const parsed_arguments& arguments, const std::string& path) {
  input_request request;
  request.path = path;
  if (const auto name = arguments.value("dialect")) {
    const auto parsed = lrsched::parse_dialect(*name);
    if (!parsed) {
      std::string known;
      for (const auto& spelling : dialect_spellings())
        known += (known.empty() ? "" : ", ") + spelling;
      throw usage_error("unknown dialect '" + *name + "'" +
                        did_you_mean(*name, dialect_spellings()) + "; known: " + known);
    }
    request.dialect = *parsed;
  }
  if (const auto base_lr = arguments.value("base-lr")) {
    request.options.base_lr = parse_real(*base_lr, "--base-lr");
  }
  if (const auto found = arguments.values.find("set"); found != arguments.values.end()) {
    for (const auto& assignment : found->second) {
      auto [key, value] = parse_assignment(assignment);
      request.options.values[key] = value;
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

/// Loads the schedule a request names.
/// @throws lrsched::config_error for an invalid config, io_error for an unreadable file.
loaded_config load(const input_request& request, std::string_view text) {
  const nlohmann::ordered_json document = lrsched::parse_config(text);
  lrsched::dialect dialect = request.dialect;
  if (dialect == lrsched::dialect::automatic) dialect = lrsched::detect_dialect(document);
  return {lrsched::load_config(document, dialect, request.options), dialect};
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
  void number(double value) {
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%.17g\n", value);
    buffer_.append(text, static_cast<std::size_t>(n));
    if (buffer_.size() >= (std::size_t{1} << 16U)) flush();
  }
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

int run_show(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  std::optional<std::int64_t> steps;
  if (const auto text = arguments.value("steps")) {
    steps = parse_step(*text, "--steps");
    if (*steps <= 0) throw usage_error("--steps must be positive, got " + *text);
  }
  const std::string text = read_input(request.path);
  const loaded_config config = load(request, text);
  const lrsched::any_schedule& s = config.schedule;
  auto [horizon, why] = default_horizon(s);
  if (steps) {
    horizon = *steps;
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
  picture.panels[0].series.push_back(lrsched_chart::sample(s, "", 0, horizon, 1201));
  std::string drawn = lrsched_chart::to_terminal(picture);
  drawn.pop_back();
  out.line(drawn);
  out.line("");
  out.line(fmt::format("horizon: steps 0 to {} ({})", horizon, why));
  char total[32];
  std::snprintf(total, sizeof total, "%.10g", lrsched::sum(s, 0, horizon));
  out.line(fmt::format("summed LR over steps [0, {}): {}", horizon, total));
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

int run_eval(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const auto range_text = arguments.value("steps");
  const auto steps_file = arguments.value("steps-file");
  if (range_text && steps_file) throw usage_error("give either --steps or --steps-file, not both");
  if (!range_text && !steps_file)
    throw usage_error("missing --steps A:B[:STRIDE] or --steps-file F");
  if (steps_file && *steps_file == "-" && request.path == "-") {
    throw usage_error("FILE and --steps-file cannot both be standard input");
  }
  std::optional<step_range> range;
  if (range_text) range = parse_step_range(*range_text);
  const std::string text = read_input(request.path);
  const std::vector<std::int64_t> listed =
      steps_file ? read_steps_file(*steps_file) : std::vector<std::int64_t>{};
  const lrsched::any_schedule s = load(request, text).schedule;
  if (range) {
    for (std::int64_t t = range->first; t < range->last;) {
      out.number(s(t));
      if (range->last - t <= range->stride) break;
      t += range->stride;
    }
  } else {
    for (const auto t : listed) out.number(s(t));
  }
  return 0;
}

int run_sum(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const auto to = arguments.value("to");
  if (!to) throw usage_error("missing --to B (the step after the last one summed)");
  const std::int64_t last = parse_step(*to, "--to");
  const std::int64_t first =
      arguments.has("from") ? parse_step(*arguments.value("from"), "--from") : 0;
  if (last < first) {
    throw usage_error(fmt::format("--to must not be below --from, got {} < {}", last, first));
  }
  const lrsched::any_schedule s = load(request, read_input(request.path)).schedule;
  out.number(lrsched::sum(s, first, last));
  return 0;
}

int run_convert(const parsed_arguments& arguments, output& out) {
  const input_request request = input_of(arguments);
  const lrsched::any_schedule s = load(request, read_input(request.path)).schedule;
  out.line(lrsched::to_ordered_json(s).dump(2));
  return 0;
}

int run_check(const parsed_arguments& arguments, output& /*out*/) {
  const input_request request = input_of(arguments);
  (void)load(request, read_input(request.path));
  return 0;
}

#ifdef LRSCHED_CLI_LOSS
#include "loss.hpp"
#endif
/// A config of several that does not load: the message names its file (exit code 2).
class input_error : public std::runtime_error {
 public:
  input_error(std::string file, const std::string& message)
      : std::runtime_error(message), file_(std::move(file)) {}
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

 private:
  std::string file_;
};

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
std::vector<std::int64_t> plot_steps(const std::optional<std::string>& text,
                                     const std::vector<lrsched::any_schedule>& schedules,
                                     std::int64_t points) {
  constexpr std::int64_t max_points = 1'000'000;
  if (!text) {
    std::int64_t horizon = 0;
    for (const auto& s : schedules) horizon = std::max(horizon, default_horizon(s).first);
    return lrsched_chart::sample_steps(0, horizon, points);
  }
  const step_range range = parse_step_range(*text);
  if (range.last == range.first) throw usage_error("--steps " + *text + " holds no step");
  if (std::count(text->begin(), text->end(), ':') < 2) {
    return lrsched_chart::sample_steps(range.first, range.last - 1, points);
  }
  const long double count =
      (static_cast<long double>(range.last) - static_cast<long double>(range.first)) /
      static_cast<long double>(range.stride);
  if (count > max_points) {
    throw usage_error(fmt::format("--steps {} gives {:.0f} points; at most {}", *text,
                                  std::ceil(static_cast<double>(count)), max_points));
  }
  return steps_in(range);
}

int run_plot(const parsed_arguments& arguments, output& out) {
  const std::vector<std::string>& files = arguments.positionals;
  if (files.empty()) throw usage_error("missing FILE (one or more paths, or - for stdin)");
  if (std::count(files.begin(), files.end(), "-") > 1) {
    throw usage_error("standard input (-) can be read only once");
  }
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
  if (const auto text = arguments.value("steps")) (void)parse_step_range(*text);

  std::vector<lrsched::any_schedule> schedules;
  for (const auto& file : files) {
    const std::string text = read_input(file);
    try {
      schedules.push_back(load(request_for(arguments, file), text).schedule);
    } catch (const lrsched::config_error& e) {
      throw input_error(display_name(file), e.what());
    } catch (const lrsched::invalid_schedule& e) {
      throw input_error(display_name(file), e.what());
    }
  }
  const std::vector<std::int64_t> steps =
      plot_steps(arguments.value("steps"), schedules, destination ? 1001 : 1201);

  lrsched_chart::chart picture;
  if (const auto text = arguments.value("steps")) {  // the axis ends at B, not at B-1
    const step_range range = parse_step_range(*text);
    picture.x_range = {static_cast<double>(range.first) * samples_per_step,
                       static_cast<double>(range.last) * samples_per_step};
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

struct command {
  std::string_view name;
  int (*run)(const parsed_arguments&, output&);
  std::vector<option_spec> options;
};

std::vector<command> commands() {
  auto with_input = [](std::vector<option_spec> own) {
    own.insert(own.end(), std::begin(input_options), std::end(input_options));
    return own;
  };
  return {
      {"show", run_show, with_input({{"steps"}, {"tree", false}})},
      {"eval", run_eval, with_input({{"steps"}, {"steps-file"}})},
      {"sum", run_sum, with_input({{"from"}, {"to"}})},
      {"convert", run_convert, with_input({})},
      {"check", run_check, with_input({})},
#ifdef LRSCHED_CLI_LOSS
      {"loss", run_loss, with_input({{"law"}, {"steps"}, {"steps-file"}, {"peak"}, {"warmup"}})},
#endif
      {"plot", run_plot,
       with_input({{"output", true, false, 'o'},
                   {"steps"},
                   {"x"},
                   {"samples-per-step"},
                   {"log-y", false},
                   {"sum", false},
                   {"label", true, true},
                   {"ascii", false}})},
  };
}

void report(std::string_view who, std::string_view message) {
  std::fprintf(stderr, "%.*s: %.*s\n", static_cast<int>(who.size()), who.data(),
               static_cast<int>(message.size()), message.data());
}

int main_with(std::span<const std::string> arguments) {
  output out;
  if (arguments.empty()) {
    report("lrsched",
           "missing COMMAND (show, eval, sum, convert, check, plot); see lrsched --help");
    return 2;
  }
  const std::string& name = arguments.front();
  if (name == "--help" || name == "-h" || name == "help") {
    if (name == "help" && arguments.size() > 1) {
      for (const auto& help : command_helps) {
        if (help.name == arguments[1]) {
          out.line(help_of(help));
          out.flush();
          return 0;
        }
      }
      report("lrsched", "no command '" + arguments[1] + "'; see lrsched --help");
      return 2;
    }
    out.line(general_help.substr(0, general_help.size() - 1));
    out.flush();
    return 0;
  }
  if (name == "--version") {
    out.line(fmt::format("lrsched {}.{}.{}", LRSCHED_VERSION_MAJOR, LRSCHED_VERSION_MINOR,
                         LRSCHED_VERSION_PATCH));
    out.flush();
    return 0;
  }
  const auto all = commands();
  const auto found =
      std::find_if(all.begin(), all.end(), [&](const command& c) { return c.name == name; });
  if (found == all.end()) {
    std::vector<std::string> names;
    for (const auto& c : all) names.emplace_back(c.name);
    report("lrsched", (name.starts_with("-") ? "unknown option " : "unknown command ") + name +
                          did_you_mean(name, names) + "; see lrsched --help");
    return 2;
  }
  const std::string who = "lrsched " + name;
  std::string file = "<config>";
  try {
    const parsed_arguments parsed = parse_arguments(arguments.subspan(1), found->options);
    if (parsed.has("help")) {
      for (const auto& help : command_helps) {
        if (help.name == name) out.line(help_of(help));
      }
#ifdef LRSCHED_CLI_LOSS
      if (name == "loss") out.line(loss_help.substr(0, loss_help.size() - 1));
#endif
      out.flush();
      return 0;
    }
    if (parsed.positionals.size() == 1) file = display_name(parsed.positionals.front());
    const int status = found->run(parsed, out);
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
    std::fprintf(stderr, "lrsched: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "lrsched: internal error\n");
  }
  return 1;
}
