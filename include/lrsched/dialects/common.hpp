// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/common.hpp
/// @brief What the dialect loaders (dialects/<system>.hpp) share: reading a peer
/// function's arguments through the canonical reader at the pointer where they were
/// written, checking keys with "did you mean", and small value readers.
///
/// A dialect turns each part of a document into the canonical object of a peer kind
/// (`{"kind": "pytorch.cosine_annealing_lr", "base_lr": ..., <the arguments as written>}`)
/// and reads it AT THE POINTER OF THOSE ARGUMENTS, so every error about an argument names
/// the place the user wrote it. Nested schedules are loaded first, at their own pointers,
/// and stand in their parent's object as their canonical JSON.
#ifndef LRSCHED_DIALECTS_COMMON_HPP
#define LRSCHED_DIALECTS_COMMON_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/dialects/options.hpp>
#include <lrsched/json.hpp>
#include <lrsched/json/reader.hpp>

namespace lrsched::detail::dialects {

using document = nlohmann::ordered_json;
using json::child_pointer;
using json::expected;
using json::quote_list;
using json::quote_text;

/// How deeply a dialect's schedules may nest (SequentialLR in SequentialLR, ...): the
/// canonical reader's own bound.
inline constexpr int max_depth = json::max_schedule_depth;

inline void require_depth(const std::string& path, int depth) {
  if (depth > max_depth) {
    throw config_error(path, "expected at most " + format_number(std::int64_t{max_depth}) +
                                 " levels of nested schedules, got more");
  }
}

inline void require_object(const document& j, const std::string& path, std::string_view what) {
  if (!j.is_object()) expected(path, what, j);
}

/// Reads `args` (a copy of an object the user wrote at `path`, minus the dialect's own
/// keys) as the peer kind `kind`.
inline any_schedule read_kind(const std::string& kind, document args, const std::string& path,
                              int depth) {
  args["kind"] = kind;
  return json::reader<document>(lrsched::config::kinds()).read(args, path, depth);
}

/// The canonical JSON of a loaded schedule, to stand in a parent's arguments.
inline document canonical(const any_schedule& s) {
  return to_ordered_json(s);
}

/// Throws at the first key of `j` not in `allowed`, suggesting the closest one.
inline void check_keys(const document& j, const std::string& path,
                       const std::vector<std::string>& allowed, std::string_view owner) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (known) continue;
    const std::string key_path = child_pointer(path, key);
    if (const auto suggestion = closest_name(key, allowed)) {
      throw config_error(key_path, "unknown key for " + std::string(owner) + "; did you mean " +
                                       quote_text(*suggestion) + "?");
    }
    throw config_error(key_path, "unknown key for " + std::string(owner) +
                                     " (its keys: " + quote_list(allowed) + ")");
  }
}

/// The field names of a registered kind, as a dialect's allowed argument names.
inline std::vector<std::string> field_names(const std::string& kind) {
  std::vector<std::string> names;
  if (const auto* entry = lrsched::config::kinds().find(kind)) {
    for (const auto& f : entry->fields) names.push_back(f.name);
  }
  return names;
}

/// `name` as one of `candidates`, or a config_error at `path` (with a suggestion).
inline void require_known(const std::string& name, const std::vector<std::string>& candidates,
                          const std::string& path, std::string_view what) {
  for (const auto& c : candidates) {
    if (c == name) return;
  }
  if (const auto suggestion = closest_name(name, candidates)) {
    throw config_error(path, "unknown " + std::string(what) + " " + quote_text(name) +
                                 "; did you mean " + quote_text(*suggestion) + "?");
  }
  throw config_error(path, "unknown " + std::string(what) + " " + quote_text(name) +
                               " (known: " + quote_list(candidates) + ")");
}

/// A required string value.
inline const std::string& text_at(const document& j, const std::string& path,
                                  std::string_view what) {
  if (!j.is_string()) expected(path, what, j);
  return j.get_ref<const std::string&>();
}

/// A finite number.
inline double real_at(const document& j, const std::string& path) {
  return json::read_real(j, path);
}

/// An integer (>= 0 when `non_negative`), also written as an integral float.
inline std::int64_t integer_at(const document& j, const std::string& path, bool non_negative) {
  return json::read_integer(j, path, non_negative);
}

/// `args` without the keys whose value is null: a Python `None` keyword argument is the
/// same as leaving it out, for the parameters whose default is None.
inline void drop_nulls(document& args, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    const auto it = args.find(key);
    if (it != args.end() && it->is_null()) args.erase(it);
  }
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_COMMON_HPP
