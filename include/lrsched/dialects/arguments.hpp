// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/arguments.hpp
/// @brief What the dialects of flat argument sets share (HF TrainingArguments, timm's training
/// config, Megatron-LM's arguments): a whole argument dump loads, the keys that change the
/// learning rate read and the others read past, and errors found in the peer function's
/// arguments reported at the argument the user wrote.
///
/// Included by the dialect headers; not on its own.
#ifndef LRSCHED_DIALECTS_ARGUMENTS_HPP
#define LRSCHED_DIALECTS_ARGUMENTS_HPP

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/dialects/common.hpp>

namespace lrsched::detail::dialects {

/// Whether `doc` has `key` with a value other than null (Python's None: not set).
inline bool given(const document& doc, std::string_view key) {
  const auto it = doc.find(key);
  return it != doc.end() && !it->is_null();
}

/// Throws at the first key of `doc` that is neither `read` nor `ignored`, suggesting the
/// closest of them.
inline void check_arguments(const document& doc, const std::vector<std::string>& read,
                            const std::vector<std::string>& ignored, std::string_view owner) {
  std::vector<std::string> allowed = read;
  allowed.insert(allowed.end(), ignored.begin(), ignored.end());
  check_keys(doc, "", allowed, owner);
}

/// Throws at `key` of `doc` (the object at `path`) when it holds a value other than null and `inert` (the peer's
/// own default, which an argument dump writes whatever the configuration, so it says
/// nothing): the peer would ignore that value, for the reason `why`.
inline void refuse_without_effect(const document& doc, const std::string& path,
                                  std::string_view key, const document& inert,
                                  std::string_view why) {
  if (!given(doc, key) || doc.at(std::string(key)) == inert) return;
  throw config_error(child_pointer(path, key), "this argument has no effect here: " +
                                                 std::string(why) + "; expected it left out or " +
                                                 json::got(inert) + ", got " +
                                                 json::got(doc.at(std::string(key))));
}

/// A pointer's first key and the rest: "/num_cycles/0" is {"num_cycles", "/0"}; "" is {"", ""}.
inline std::pair<std::string, std::string> split_pointer(const std::string& pointer) {
  if (pointer.empty()) return {};
  const std::size_t end = pointer.find('/', 1);
  if (end == std::string::npos) return {pointer.substr(1), std::string()};
  return {pointer.substr(1, end - 1), pointer.substr(end)};
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_ARGUMENTS_HPP
