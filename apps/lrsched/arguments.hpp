// Command-line parsing for the lrsched command: options, step ranges and numbers.
// Every problem is a usage_error whose message is one line (exit code 2).
#ifndef LRSCHED_EXAMPLES_CLI_ARGUMENTS_HPP
#define LRSCHED_EXAMPLES_CLI_ARGUMENTS_HPP

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <lrsched/config/suggest.hpp>

namespace lrsched_cli {

/// A wrong command line: the message is shown as `lrsched <command>: <message>`.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An option a command accepts: `--name VALUE` (or `--name=VALUE`), or a flag `--name`.
struct option_spec {
  std::string_view name;
  bool takes_value = true;
  bool repeatable = false;
  char short_name = '\0';  // also `-c VALUE` when set
};

/// What a command line says: positional arguments, option values by name, flags.
struct parsed_arguments {
  std::vector<std::string> positionals;
  std::map<std::string, std::vector<std::string>, std::less<>> values;

  [[nodiscard]] bool has(std::string_view name) const { return values.contains(name); }
  [[nodiscard]] std::optional<std::string> value(std::string_view name) const {
    const auto found = values.find(name);
    if (found == values.end() || found->second.empty()) return std::nullopt;
    return found->second.front();
  }
};

/// " (did you mean X?)" when one of `candidates` is close to `name`, else "".
inline std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  const auto best = lrsched::detail::closest_name(name, candidates);
  return best ? " (did you mean " + *best + "?)" : std::string();
}

/// Splits `arguments` by `options`. `--` ends the options; `-` alone is a positional (stdin).
inline parsed_arguments parse_arguments(std::span<const std::string> arguments,
                                        std::span<const option_spec> options) {
  parsed_arguments out;
  bool options_ended = false;
  for (std::size_t k = 0; k < arguments.size(); ++k) {
    const std::string& argument = arguments[k];
    if (options_ended || argument == "-" || !argument.starts_with("-")) {
      out.positionals.push_back(argument);
      continue;
    }
    if (argument == "--") {
      options_ended = true;
      continue;
    }
    if (argument == "-h") {
      out.values["help"];
      continue;
    }
    const option_spec* short_spec = nullptr;
    for (const auto& candidate : options) {
      if (argument.size() == 2 && candidate.short_name != '\0' &&
          argument[1] == candidate.short_name) {
        short_spec = &candidate;
      }
    }
    const std::size_t equals = short_spec != nullptr ? std::string::npos : argument.find('=');
    const std::string name =
        short_spec != nullptr
            ? std::string(short_spec->name)
            : argument.substr(argument.starts_with("--") ? 2 : 1,
                              equals == std::string::npos
                                  ? std::string::npos
                                  : equals - (argument.starts_with("--") ? 2 : 1));
    const option_spec* spec = short_spec;
    for (const auto& candidate : options) {
      if (candidate.name == name) spec = &candidate;
    }
    if ((!argument.starts_with("--") && short_spec == nullptr) || spec == nullptr) {
      std::vector<std::string> names;
      for (const auto& candidate : options) names.push_back("--" + std::string(candidate.name));
      throw usage_error("unknown option " + argument.substr(0, equals) +
                        did_you_mean("--" + name, names));
    }
    if (!spec->repeatable && out.has(name)) {
      throw usage_error("option --" + name + " given more than once");
    }
    auto& values = out.values[name];
    if (!spec->takes_value) {
      if (equals != std::string::npos) throw usage_error("option --" + name + " takes no value");
      continue;
    }
    if (equals != std::string::npos) {
      values.push_back(argument.substr(equals + 1));
    } else if (k + 1 < arguments.size()) {
      values.push_back(arguments[++k]);
    } else {
      throw usage_error("option --" + name + " needs a value");
    }
  }
  return out;
}

/// A step: a decimal integer that fits int64.
inline std::int64_t parse_step(std::string_view text, std::string_view what) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || stop != end) {
    throw usage_error(std::string(what) + " must be an integer step, got '" + std::string(text) +
                      "'");
  }
  return value;
}

/// A real number (a learning rate): finite, the whole text.
inline double parse_real(std::string_view text, std::string_view what) {
  const std::string copy(text);
  char* stop = nullptr;
  const double value = copy.empty() ? 0.0 : std::strtod(copy.c_str(), &stop);
  if (copy.empty() || stop != copy.c_str() + copy.size() || !std::isfinite(value) ||
      std::isspace(static_cast<unsigned char>(copy.front())) != 0) {
    throw usage_error(std::string(what) + " must be a finite number, got '" + copy + "'");
  }
  return value;
}

/// `A:B` or `A:B:STRIDE`: the steps A, A + STRIDE, ... below B (as Python's range).
struct step_range {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::int64_t stride = 1;
};

inline step_range parse_step_range(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    throw usage_error("--steps must be A:B or A:B:STRIDE, got '" + std::string(text) + "'");
  }
  const std::size_t second = text.find(':', colon + 1);
  step_range range;
  range.first = parse_step(text.substr(0, colon), "--steps start");
  range.last =
      parse_step(text.substr(colon + 1, second == std::string_view::npos ? std::string_view::npos
                                                                         : second - colon - 1),
                 "--steps end");
  if (second != std::string_view::npos) {
    range.stride = parse_step(text.substr(second + 1), "--steps stride");
    if (range.stride <= 0) {
      throw usage_error("--steps stride must be positive, got " + std::to_string(range.stride));
    }
  }
  if (range.last < range.first) {
    throw usage_error("--steps end must not be below its start, got '" + std::string(text) + "'");
  }
  return range;
}

/// The steps of a range, in order (A, A + STRIDE, ... below B), without overflowing near the
/// int64 limit.
inline std::vector<std::int64_t> steps_in(const step_range& range) {
  std::vector<std::int64_t> steps;
  for (std::int64_t t = range.first; t < range.last;) {
    steps.push_back(t);
    if (range.last - t <= range.stride) break;
    t += range.stride;
  }
  return steps;
}

/// `key=value` for --set: a field name and a finite number.
inline std::pair<std::string, double> parse_assignment(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw usage_error("--set must be KEY=VALUE, got '" + std::string(text) + "'");
  }
  return {std::string(text.substr(0, equals)),
          parse_real(text.substr(equals + 1), "--set " + std::string(text.substr(0, equals)))};
}

}  // namespace lrsched_cli

#endif  // LRSCHED_EXAMPLES_CLI_ARGUMENTS_HPP
