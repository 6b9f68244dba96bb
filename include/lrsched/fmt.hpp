// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file fmt.hpp
/// @brief Opt-in: `fmt::format("{}", schedule)` for every lrsched schedule, typed or
/// `any_schedule`: a one-line description, or a tree with `{:t}`. Link `lrsched::fmt`.
///
/// @code
/// auto s = lrsched::chain(lrsched::linear(0.0, 5e-5, 2000),
///                         lrsched::for_steps(43'000, lrsched::constant(5e-5)),
///                         lrsched::cosine(5e-5, 4.5e-5, 8000));
/// fmt::print("{}\n", s);
/// // chain(linear(0 → 5e-05, 2000 steps), constant(5e-05) for 43000 steps,
/// //       cosine(5e-05 → 4.5e-05, 8000 steps))
/// fmt::print("{:t}\n", s);
/// // chain
/// // ├─ [0, 2000) linear(0 → 5e-05, 2000 steps)
/// // ├─ [2000, 45000) constant(5e-05)
/// // └─ [45000, ∞) cosine(5e-05 → 4.5e-05, 8000 steps)
/// @endcode
///
/// Both are built from `describe()`, so a schedule loaded from JSON prints exactly
/// as the typed schedule it equals. Known kinds have a readable template (below);
/// any other kind prints as `kind(name=value, ..., slot=child)`.
#ifndef LRSCHED_FMT_HPP
#define LRSCHED_FMT_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include <lrsched/concepts.hpp>
#include <lrsched/description.hpp>

namespace lrsched::detail::text {

/// How a kind reads on one line. In `pattern`: `{name}` is a parameter or a child slot
/// (a list slot joined by ", "), `{name|sep}` joins a list slot by `sep`, `{@}` is the
/// unit the steps count ("steps", or "samples" inside per_step / in_steps), and
/// `{?name:text}` / `{?name!=literal:text}` shows `text` only when the parameter is
/// present / present and not shown as `literal`. `child_unit` is the unit of the
/// children's steps.
struct kind_template {
  std::string_view kind;
  std::string_view pattern;
  std::string_view child_unit = {};
};

// clang-format off
inline constexpr kind_template templates[] = {
    {"constant", "constant({value})"},
    {"linear", "linear({start_value} → {end_value}, {steps} {@})"},
    {"cosine", "cosine({peak_value} → {end_value}, {steps} {@}{?exponent!=1:, exponent {exponent}})"},
    {"exponential", "exponential({init_value} × {decay_rate} per {decay_steps} {@}"
                    "{?staircase!=false:, staircase}{?transition_begin!=0:, after {transition_begin} {@}}"
                    "{?end_value:, bounded by {end_value}})"},
    {"step_decay", "step_decay({init_value} × {gamma} every {step_size} {@})"},
    {"multistep", "multistep({init_value} × {gamma} at {milestones})"},
    {"piecewise_constant", "piecewise_constant({values} split at {boundaries})"},
    {"piecewise_linear", "piecewise_linear({values} at {steps})"},
    {"polynomial", "polynomial({init_value} → {end_value}, {steps} {@}, power {power})"},
    {"inverse_sqrt", "inverse_sqrt({peak_value} after {warmup_steps} {@} of warmup, timescale {timescale})"},
    {"inverse_time", "inverse_time({init_value} / (1 + {decay_rate} per {decay_steps} {@}){?staircase!=false:, staircase})"},
    {"tanh_decay", "tanh_decay({max_value} → {min_value}, {steps} {@}{?lb!=-7:, lb {lb}}{?ub!=3:, ub {ub}})"},
    {"cosine_restarts", "cosine_restarts({peak_value} → {floor_value}, first period {first_period} {@}"
                        "{?period_divisor!=1: / {period_divisor}}{?period_multiplier!=1:, periods × {period_multiplier}}"
                        "{?cycle_decay!=1:, {decay_target} × {cycle_decay} per cycle}"
                        "{?cycle_limit!=0:, {cycle_limit} cycles}{?k_decay!=1:, k_decay {k_decay}})"},
    {"cyclic", "cyclic({mode}, {base_lr} ↔ {max_lr}, {step_size_up} {@} up, {step_size_down} {@} down"
               "{?gamma!=1:, gamma {gamma}})"},
    {"one_cycle", "one_cycle(up to {max_lr} over {pct_start} of {total_steps} {@}, {anneal_strategy}, "
                  "div_factor {div_factor}, final_div_factor {final_div_factor}{?three_phase!=false:, three phases})"},
    {"wsd", "wsd({warmup_start_value} → {peak_value} in {warmup_steps} {@} ({warmup_shape}), held {stable_steps} {@}, "
            "→ {final_value} in {decay_steps} {@} ({decay_shape}))"},
    {"warmup", "warmup({shape}, {warmup_steps} {@} from {start_value}, then {schedule})"},
    {"product", "({factors| × })"},
    {"scale", "{factor} × {schedule}"},
    {"clamp", "clamp({schedule} to [{lo}, {hi}])"},
    {"shift", "shift({schedule} by {steps} {@})"},
    {"repeat", "repeat({schedule} every {period} {@})"},
    {"stretch", "stretch({schedule}, {factor}× slower)"},
    {"per_step", "per_step({schedule}, {samples_per_step} samples per step)", "samples"},
    {"in_steps", "in_steps({schedule}, batch sizes {batch_sizes} until {until_samples} samples, "
                 "then {final_batch_size})", "samples"},
};
// clang-format on

inline const kind_template* find_template(std::string_view kind) noexcept {
  for (const auto& t : templates) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

// The items, each formatted with "{}", separated by ", ". (Not fmt::join: with fmt 9, its
// formatter's inlined spec parsing makes g++ 12 -O3 report -Wstringop-overflow inside fmt's
// headers, which fails a user's -Werror build.)
template <class Range>
std::string comma_list(const Range& items) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ", ";
    first = false;
    out += fmt::format("{}", item);
  }
  return out;
}

inline std::string value_text(const parameter_value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::vector<std::int64_t>> ||
                      std::is_same_v<T, std::vector<double>>) {
          return "[" + comma_list(v) + "]";
        } else {
          return fmt::format("{}", v);
        }
      },
      value);
}

inline std::string line(const description& d, std::string_view unit);

inline std::string_view unit_of_children(const description& d, std::string_view unit) {
  const kind_template* t = find_template(d.kind);
  return t != nullptr && !t->child_unit.empty() ? t->child_unit : unit;
}

inline std::string join_children(const std::vector<description>& children, std::string_view sep,
                                 std::string_view unit) {
  std::string out;
  for (std::size_t k = 0; k < children.size(); ++k) {
    if (k > 0) out += sep;
    out += line(children[k], unit);
  }
  return out;
}

/// The text of placeholder `name` (with an optional `|separator`), or nullopt-like false.
inline bool placeholder(const description& d, std::string_view spec, std::string_view unit,
                        std::string& out) {
  if (spec == "@") {
    out += unit;
    return true;
  }
  const std::size_t bar = spec.find('|');
  const std::string name(spec.substr(0, bar));
  const std::string_view sep = bar == std::string_view::npos ? ", " : spec.substr(bar + 1);
  if (const parameter_value* value = d.find(name)) {
    out += value_text(*value);
    return true;
  }
  for (const auto& [slot, children] : d.children) {
    if (slot == name) {
      out += join_children(children, sep, unit_of_children(d, unit));
      return true;
    }
  }
  return false;
}

/// Expands `pattern` for `d`; false if it names something `d` does not have.
inline bool expand(const description& d, std::string_view pattern, std::string_view unit,
                   std::string& out) {
  std::size_t k = 0;
  while (k < pattern.size()) {
    if (pattern[k] != '{') {
      out += pattern[k++];
      continue;
    }
    // The matching '}' (optional sections hold placeholders).
    std::size_t depth = 0;
    std::size_t end = k;
    for (; end < pattern.size(); ++end) {
      if (pattern[end] == '{') ++depth;
      if (pattern[end] == '}' && --depth == 0) break;
    }
    const std::string_view inner = pattern.substr(k + 1, end - k - 1);
    k = end + 1;
    if (inner.empty() || inner.front() != '?') {
      if (!placeholder(d, inner, unit, out)) return false;
      continue;
    }
    const std::size_t colon = inner.find(':');
    const std::string_view condition = inner.substr(1, colon - 1);
    const std::size_t not_equal = condition.find("!=");
    const std::string name(condition.substr(0, not_equal));
    const parameter_value* value = d.find(name);
    const bool shown = value != nullptr && (not_equal == std::string_view::npos ||
                                            value_text(*value) != condition.substr(not_equal + 2));
    if (shown && !expand(d, inner.substr(colon + 1), unit, out)) return false;
  }
  return true;
}

/// `kind(name=value, ...)`, with the children too when `with_children`; just `kind` when
/// that leaves nothing in the parentheses.
inline std::string generic(const description& d, std::string_view unit, bool with_children) {
  std::vector<std::string> parts;
  for (const auto& [name, value] : d.parameters) parts.push_back(name + "=" + value_text(value));
  if (with_children) {
    const std::string_view child_unit = unit_of_children(d, unit);
    for (const auto& [slot, children] : d.children) {
      const bool list = children.size() != 1 || slot != "schedule";
      const std::string joined = join_children(children, ", ", child_unit);
      parts.push_back(slot + "=" + (list ? "[" + joined + "]" : joined));
    }
  }
  if (parts.empty() && !with_children) return d.kind;
  return d.kind + "(" + comma_list(parts) + ")";
}

/// A chain's durations (one per piece but the last), or nullptr.
inline const std::vector<std::int64_t>* chain_durations(const description& d) {
  const parameter_value* steps = d.find("steps");
  const auto* durations =
      steps != nullptr ? std::get_if<std::vector<std::int64_t>>(steps) : nullptr;
  if (d.kind != "chain" || durations == nullptr || d.children.size() != 1 ||
      d.children.front().second.size() != durations->size() + 1) {
    return nullptr;
  }
  return durations;
}

/// chain(piece, piece for N steps, ...): a duration is shown unless it is the piece's own
/// `steps` parameter.
inline std::string chain_line(const description& d, const std::vector<std::int64_t>& durations,
                              std::string_view unit) {
  const auto& pieces = d.children.front().second;
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    std::string part = line(pieces[k], unit);
    if (k < durations.size()) {
      const parameter_value* own = pieces[k].find("steps");
      const auto* own_steps = own != nullptr ? std::get_if<std::int64_t>(own) : nullptr;
      if (own_steps == nullptr || *own_steps != durations[k]) {
        part += fmt::format(" for {} {}", durations[k], unit);
      }
    }
    parts.push_back(std::move(part));
  }
  return "chain(" + comma_list(parts) + ")";
}

inline std::string line(const description& d, std::string_view unit) {
  if (const auto* durations = chain_durations(d)) return chain_line(d, *durations, unit);
  if (const kind_template* t = find_template(d.kind)) {
    std::string out;
    if (expand(d, t->pattern, unit, out)) return out;
  }
  return generic(d, unit, true);
}

/// The tree view: a leaf is its one-line text; a node with children is `kind(parameters)`
/// with its children below, a chain's prefixed by the steps each plays.
inline void tree(const description& d, std::string_view unit, const std::string& indent,
                 std::string& out) {
  const bool leaf = d.children.empty();
  const auto* durations = chain_durations(d);
  if (leaf) {
    out += line(d, unit);
    return;
  }
  out += durations != nullptr ? d.kind : generic(d, unit, false);
  const std::string_view child_unit = unit_of_children(d, unit);
  std::size_t total = 0;
  for (const auto& [slot, children] : d.children) total += children.size();
  const bool name_slots = d.children.size() > 1;
  std::size_t index = 0;
  std::int64_t start = 0;
  for (const auto& [slot, children] : d.children) {
    for (std::size_t k = 0; k < children.size(); ++k, ++index) {
      const bool last = index + 1 == total;
      out += "\n" + indent + (last ? "└─ " : "├─ ");
      if (durations != nullptr) {
        if (k < durations->size()) {
          out += fmt::format("[{}, {}) ", start, start + (*durations)[k]);
          start += (*durations)[k];
        } else {
          out += fmt::format("[{}, ∞) ", start);
        }
      } else if (name_slots) {
        out += slot + ": ";
      }
      tree(children[k], child_unit, indent + (last ? "   " : "│  "), out);
    }
  }
}

}  // namespace lrsched::detail::text

/// `fmt::format("{}", description)`: the one-line text; `{:t}`: the tree view.
template <>
struct fmt::formatter<lrsched::description, char> {
  bool tree_view = false;

  constexpr auto parse(fmt::format_parse_context& ctx) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 't') {
      tree_view = true;
      ++it;
    }
    if (it != ctx.end() && *it != '}')
      FMT_THROW(fmt::format_error("lrsched: the only format spec is 't'"));
    return it;
  }

  template <class FormatContext>
  auto format(const lrsched::description& d, FormatContext& ctx) const {
    std::string text;
    if (tree_view) {
      lrsched::detail::text::tree(d, "steps", "", text);
    } else {
      text = lrsched::detail::text::line(d, "steps");
    }
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

/// `fmt::format("{}", schedule)` for every lrsched schedule (anything with `describe()`).
template <class S>
  requires lrsched::Schedule<S> && lrsched::Describable<S>
struct fmt::formatter<S, char> : fmt::formatter<lrsched::description, char> {
  template <class FormatContext>
  auto format(const S& schedule, FormatContext& ctx) const {
    return fmt::formatter<lrsched::description, char>::format(schedule.describe(), ctx);
  }
};

#endif  // LRSCHED_FMT_HPP
