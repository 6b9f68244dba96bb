// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/optax.hpp
/// @brief The optax dialect: a schedule function's name and its keyword arguments,
/// `{"optax": "warmup_cosine_decay_schedule", "init_value": 0, "peak_value": 1e-3, ...}`,
/// loaded as the optax-faithful schedule (`lrsched/peers/optax.hpp`).
///
/// The name may carry optax's module (`"optax.cosine_decay_schedule"`,
/// `"optax.schedules.cosine_decay_schedule"`). `boundaries_and_scales` is optax's dict,
/// `{"100": 0.1, "200": 0.1}`; `join_schedules` takes `"schedules"`, a list of such
/// objects, and `sgdr_schedule` takes `"cosine_kwargs"`, a list of the keyword arguments
/// of `warmup_cosine_decay_schedule`. A `null` argument is Python's `None`.
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_OPTAX_HPP
#define LRSCHED_DIALECTS_OPTAX_HPP

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/dialects/common.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view optax_looks_for = "optax: an \"optax\" key naming the function";

inline bool looks_like_optax(const document& doc) {
  return doc.is_object() && doc.contains("optax");
}

namespace optax_dialect {

/// The optax functions lrsched reproduces (the registered "optax.*" kinds, without the prefix).
inline std::vector<std::string> functions() {
  std::vector<std::string> out;
  for (const auto& name : lrsched::config::kinds().names()) {
    if (name.rfind("optax.", 0) == 0) out.push_back(name.substr(6));
  }
  return out;
}

/// `boundaries_and_scales` (a dict {step: scale}) as the kind's `boundaries` and `scales`.
inline void split_scales(document& args, const std::string& path) {
  const auto it = args.find("boundaries_and_scales");
  document boundaries = document::array(), scales = document::array();
  if (it != args.end() && !it->is_null()) {
    const std::string where = child_pointer(path, "boundaries_and_scales");
    if (!it->is_object()) expected(where, "an object {\"<step>\": <scale>, ...}", *it);
    std::vector<std::pair<std::int64_t, double>> entries;
    for (auto e = it->begin(); e != it->end(); ++e) {
      const std::string entry_path = child_pointer(where, e.key());
      const std::string& key = e.key();
      std::int64_t step = 0;
      const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), step);
      if (key.empty() || error != std::errc() || end != key.data() + key.size() || step < 0) {
        throw config_error(entry_path,
                           "expected a step (a non-negative integer below 2^63) as the key, got " +
                               quote_text(key));
      }
      const double scale = real_at(e.value(), entry_path);
      if (scale < 0.0) expected(entry_path, "a scale >= 0", e.value());
      entries.emplace_back(step, scale);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (k > 0 && entries[k].first == entries[k - 1].first) {
        throw config_error(
            where, "expected each step once, got " + format_number(entries[k].first) + " twice");
      }
      boundaries.push_back(entries[k].first);
      scales.push_back(entries[k].second);
    }
  }
  if (it != args.end()) args.erase(it);
  args["boundaries"] = std::move(boundaries);
  args["scales"] = std::move(scales);
}

inline any_schedule load(const document& j, const std::string& path, int depth);

/// The loaded schedules of a list argument, as the canonical JSON that stands in for them.
template <class LoadOne>
document load_list(const document& args, const std::string& key, const std::string& path,
                   LoadOne load_one) {
  const auto it = args.find(key);
  if (it == args.end()) return document();  // the reader reports the missing key
  const std::string where = child_pointer(path, key);
  if (!it->is_array() || it->empty()) expected(where, "a non-empty array", *it);
  document out = document::array();
  for (std::size_t k = 0; k < it->size(); ++k) {
    out.push_back(canonical(load_one((*it)[k], child_pointer(where, k))));
  }
  return out;
}

inline any_schedule load(const document& j, const std::string& path, int depth) {
  require_depth(path, depth);
  require_object(j, path, "an object {\"optax\": \"<schedule function>\", <its arguments>}");
  const auto name_it = j.find("optax");
  if (name_it == j.end()) {
    throw config_error(path, "missing required key \"optax\" (the schedule function's name)");
  }
  const std::string name_path = child_pointer(path, "optax");
  std::string function = text_at(*name_it, name_path, "a string naming an optax schedule function");
  for (const std::string_view prefix : {"optax.schedules.", "optax."}) {
    if (function.rfind(prefix, 0) == 0) function.erase(0, prefix.size());
  }
  require_known(function, functions(), name_path, "optax schedule function");
  const std::string kind = "optax." + function;

  document args = j;
  args.erase("optax");
  std::vector<std::string> allowed = field_names(kind);
  const bool scaled =
      function == "piecewise_constant_schedule" || function == "piecewise_interpolate_schedule";
  if (scaled) {
    std::erase(allowed, "boundaries");
    std::erase(allowed, "scales");
    allowed.emplace_back("boundaries_and_scales");
  }
  check_keys(args, path, allowed, "optax." + function);
  drop_nulls(args, {"end_value"});
  if (scaled) split_scales(args, path);
  if (function == "join_schedules") {
    auto loaded = load_list(args, "schedules", path, [&](const document& s, const std::string& p) {
      return load(s, p, depth + 1);
    });
    if (!loaded.is_null()) args["schedules"] = std::move(loaded);
  } else if (function == "sgdr_schedule") {
    auto loaded =
        load_list(args, "cosine_kwargs", path, [&](const document& kw, const std::string& p) {
          require_object(kw, p, "an object of warmup_cosine_decay_schedule's arguments");
          const std::string cycle = "optax.warmup_cosine_decay_schedule";
          check_keys(kw, p, field_names(cycle), cycle);
          return read_kind(cycle, kw, p, depth + 1);
        });
    if (!loaded.is_null()) args["cosine_kwargs"] = std::move(loaded);
  }
  return read_kind(kind, std::move(args), path, depth);
}

}  // namespace optax_dialect

/// Loads an optax document (see the file comment).
inline any_schedule load_optax(const document& doc, const load_options& /*options*/) {
  return optax_dialect::load(doc, "", 1);
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_OPTAX_HPP
