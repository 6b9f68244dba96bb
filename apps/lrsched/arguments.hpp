// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Command-line handling for the lrsched command: the options each command takes, read by
// CLI11; step ranges, steps and numbers; one-line messages with control bytes escaped.
// Every problem is a usage_error whose message is one line (exit code 2).
#ifndef LRSCHED_APPS_LRSCHED_ARGUMENTS_HPP
#define LRSCHED_APPS_LRSCHED_ARGUMENTS_HPP

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include <lrsched/config/suggest.hpp>

namespace lrsched_cli {

/// A wrong command line: the message is shown as `lrsched <command>: <message>`.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// `text` with every control byte (below 0x20, and 0x7f) written as `\xHH`, so that a
/// message quoting user input stays one printable line.
inline std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20U || byte == 0x7fU) {
      constexpr std::string_view hex = "0123456789abcdef";
      out += "\\x";
      out += hex[byte >> 4U];
      out += hex[byte & 0xfU];
    } else {
      out += c;
    }
  }
  return out;
}

/// The shortest decimal text that reads back as exactly `value`, fixed or scientific as
/// %g would choose (std::to_chars): 0.0003, 1.5e-05.
inline std::string shortest(double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::general);
  return {text, result.ptr};
}

/// An option a command accepts: `--name VALUE` (or `--name=VALUE`) when `value_name` is
/// set, else a flag `--name`.
struct option_spec {
  std::string_view name;
  std::string_view value_name;  // empty for a flag
  std::string_view help;
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

// ------------------------------------------------------------------------- CLI11
/// Adds `specs` to `app` in the help group `group`, each as a list of raw strings.
inline void add_options(CLI::App& app, std::span<const option_spec> specs,
                        const std::string& group) {
  for (const auto& spec : specs) {
    std::string names = "--" + std::string(spec.name);
    if (spec.short_name != '\0') names = std::string{'-', spec.short_name} + "," + names;
    const std::string help(spec.help);
    CLI::Option* option = nullptr;
    if (spec.value_name.empty()) {
      option = app.add_flag(names, help)->disable_flag_override();
    } else {
      option = app.add_option(names, help)
                   ->type_name(std::string(spec.value_name))
                   ->type_size(1)
                   ->expected(1)
                   ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    option->group(spec.help.empty() ? std::string() : group);
  }
}

/// The message of a CLI11 parse error, on one line and in this command's words.
inline std::string parse_error_message(const CLI::Error& e) {
  std::string text = e.what();
  // "--steps: 1 required A:B[:STRIDE] missing"
  if (const auto colon = text.find(": "); colon != std::string::npos &&
                                          text.find(" required ") != std::string::npos &&
                                          text.ends_with(" missing")) {
    return "option " + text.substr(0, colon) + " needs a value";
  }
  // "tree was given a disallowed flag override"
  if (const auto at = text.find(" was given a disallowed flag override");
      at != std::string::npos) {
    return "option --" + text.substr(0, at) + " takes no value";
  }
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

/// What `app` (a command parsed by CLI11, with the options `specs` and positionals in
/// `positionals`) was given. Throws usage_error for an unknown option or a repeated one.
inline parsed_arguments collect_arguments(const CLI::App& app, std::span<const option_spec> specs,
                                          std::vector<std::string> positionals) {
  std::vector<std::string> names;
  for (const auto& spec : specs) names.push_back("--" + std::string(spec.name));
  for (const auto& extra : app.remaining()) {
    if (extra == "--") continue;  // what follows it is positional
    const std::string name = extra.substr(0, extra.find('='));
    throw usage_error("unknown option " + name + did_you_mean(name, names));
  }
  parsed_arguments out;
  out.positionals = std::move(positionals);
  for (const auto& spec : specs) {
    const CLI::Option* option = app.get_option("--" + std::string(spec.name));
    if (option->count() == 0) continue;
    if (!spec.repeatable && option->count() > 1) {
      throw usage_error("option --" + std::string(spec.name) + " given more than once");
    }
    auto& values = out.values[std::string(spec.name)];
    if (!spec.value_name.empty()) values = option->results();
  }
  return out;
}

// ---------------------------------------------------------------- steps and numbers
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

/// A real number (a learning rate): finite, decimal, the whole text (no hexadecimal, no
/// white space, no leading '+').
inline double parse_real(std::string_view text, std::string_view what) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || stop != end || !std::isfinite(value)) {
    throw usage_error(std::string(what) + " must be a finite number, got '" + std::string(text) +
                      "'");
  }
  return value;
}

/// The steps first, first + stride, ... below last (as Python's range). Counting and
/// stepping use unsigned arithmetic, so every range between the int64 limits works.
struct step_range {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::int64_t stride = 1;
  bool strided = false;  // written with a :STRIDE

  [[nodiscard]] std::uint64_t count() const noexcept {
    if (last <= first) return 0;
    const std::uint64_t distance = static_cast<std::uint64_t>(last) - static_cast<std::uint64_t>(first);
    return (distance - 1) / static_cast<std::uint64_t>(stride) + 1;
  }
  /// The k-th step (k < count()).
  [[nodiscard]] std::int64_t at(std::uint64_t k) const noexcept {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(first) +
                                     k * static_cast<std::uint64_t>(stride));
  }
  /// "A:B" or "A:B:STRIDE", as given.
  [[nodiscard]] std::string text() const {
    std::string out = std::to_string(first) + ":" + std::to_string(last);
    if (strided) out += ":" + std::to_string(stride);
    return out;
  }
};

/// `N` (the steps 0 to N-1), `A:B` or `A:B:STRIDE`, as `--steps` takes it.
inline step_range parse_step_range(std::string_view text, std::string_view what = "--steps") {
  const std::string name(what);
  const std::size_t colon = text.find(':');
  step_range range;
  if (colon == std::string_view::npos) {
    range.last = parse_step(text, name);
    if (range.last < 0) {
      throw usage_error(name + " N must not be negative, got " + std::to_string(range.last));
    }
    return range;
  }
  const std::size_t second = text.find(':', colon + 1);
  range.first = parse_step(text.substr(0, colon), name + " start");
  range.last =
      parse_step(text.substr(colon + 1, second == std::string_view::npos ? std::string_view::npos
                                                                         : second - colon - 1),
                 name + " end");
  if (second != std::string_view::npos) {
    range.strided = true;
    range.stride = parse_step(text.substr(second + 1), name + " stride");
    if (range.stride <= 0) {
      throw usage_error(name + " stride must be positive, got " + std::to_string(range.stride));
    }
  }
  if (range.last < range.first) {
    throw usage_error(name + " end must not be below its start, got '" + std::string(text) + "'");
  }
  return range;
}

/// The steps of a range, in order.
inline std::vector<std::int64_t> steps_in(const step_range& range) {
  std::vector<std::int64_t> steps;
  for (std::uint64_t k = 0, n = range.count(); k < n; ++k) steps.push_back(range.at(k));
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

#endif  // LRSCHED_APPS_LRSCHED_ARGUMENTS_HPP
