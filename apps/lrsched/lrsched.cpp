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

#include "arguments.hpp"
#include "plot.hpp"

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

input_request input_of(const parsed_arguments& arguments) {
  input_request request;
  if (arguments.positionals.empty()) throw usage_error("missing FILE (a path, or - for stdin)");
  if (arguments.positionals.size() > 1) {
    throw usage_error("expected one FILE, got " + std::to_string(arguments.positionals.size()) +
                      " ('" + arguments.positionals[1] + "' is extra)");
  }
  request.path = arguments.positionals.front();
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
  std::int64_t horizon = 0;
  std::string why;
  const auto length = s.length();
  if (steps) {
    horizon = *steps;
    why = "as asked";
  } else if (length && *length > 0) {
    horizon = *length;
    why = fmt::format("its length; {:.6g} from then on", s(horizon));
  } else {
    horizon = std::max<std::int64_t>(1000, 2 * extent(s.describe()));
    why = length ? "it is constant" : "it has no end; --steps N plots another range";
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
  std::string picture = plot(s, 0, horizon);
  picture.pop_back();
  out.line(picture);
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
      {"loss", run_loss,
       with_input({{"law"}, {"steps"}, {"steps-file"}, {"peak"}, {"warmup"}})},
#endif
  };
}

void report(std::string_view who, std::string_view message) {
  std::fprintf(stderr, "%.*s: %.*s\n", static_cast<int>(who.size()), who.data(),
               static_cast<int>(message.size()), message.data());
}

int main_with(std::span<const std::string> arguments) {
  output out;
  if (arguments.empty()) {
    report("lrsched", "missing COMMAND (show, eval, sum, convert, check); see lrsched --help");
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
