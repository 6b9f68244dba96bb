// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Checks for a dialect loader: a document in a system's own config shape, loaded both
// auto-detected and with the dialect named, must reproduce a golden case at every recorded
// step (and its summed LR); its canonical JSON must reload to identical values and write the
// same document again; the loaded and reloaded schedules describe themselves identically
// (and print identically through fmt);
// and, when the lrsched command is built, `lrsched eval --dialect NAME FILE --steps-file F`
// prints the same values.
#ifndef LRSCHED_TESTS_DIALECT_CHECKS_HPP
#define LRSCHED_TESTS_DIALECT_CHECKS_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <lrsched/dialects.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>

#include "catch.hpp"
#include "golden.hpp"
#include "support.hpp"

#ifdef LRSCHED_CLI
#include "cli_runner.hpp"
#endif

#include <lrsched/dialects/convert.hpp>

#ifdef LRSCHED_TEST_YAML
#include <lrsched/yaml.hpp>
#endif

namespace lrsched::test::dialect {

using document = nlohmann::ordered_json;

/// What one dialect test saw, for its report.
struct counts {
  std::size_t documents = 0;    // documents loaded and checked against a golden case
  std::size_t round_trips = 0;  // canonical JSON out and back, == at every recorded step
  std::size_t cli_checked = 0;  // documents also checked through `lrsched eval`
  std::size_t yaml = 0;         // documents also loaded from their YAML text
};

/// Whether `doc` (loaded as `d` with `options`, to `loaded`) uses `options.base_lr`: without
/// it, it fails to load or loads to another schedule. The command refuses a --base-lr that
/// has no effect, so a test passes it only then.
inline bool uses_base_lr(const document& doc, lrsched::dialect d, lrsched::load_options options,
                         const any_schedule& loaded) {
  options.base_lr.reset();
  try {
    return lrsched::to_ordered_json(lrsched::load_config(doc, d, options)) !=
           lrsched::to_ordered_json(loaded);
  } catch (const lrsched::config_error&) {
    return true;
  }
}

/// What converting the golden cases' configs to each target dialect gave: per target, each
/// case once (its first document) as round-tripped or refused, and the refusals' reasons.
struct conversion_tally {
  std::map<lrsched::dialect, std::map<std::string, bool>> round_tripped;
  std::map<lrsched::dialect, std::map<std::string, std::size_t>> reasons;
};
inline conversion_tally& conversions() {
  static conversion_tally tally;
  return tally;
}

/// The dialects `lrsched convert --to` writes.
inline constexpr lrsched::dialect conversion_targets[] = {
    lrsched::dialect::pytorch, lrsched::dialect::hf,       lrsched::dialect::deepspeed,
    lrsched::dialect::keras,   lrsched::dialect::optax,    lrsched::dialect::timm,
    lrsched::dialect::megatron};

/// Converts `doc` (dialect `d`) to every target; a written config must load back with the
/// loaded schedule's value at every recorded step and every step up to its length (20000 at
/// most), within a relative 1e-12; a refusal must be a conversion_error.
inline void check_conversions(const golden::golden_case& c, const document& doc,
                              lrsched::dialect d, const any_schedule& loaded,
                              const lrsched::load_options& options) {
  auto& tally = conversions();
  for (const lrsched::dialect target : conversion_targets) {
    if (tally.round_tripped[target].count(c.id) != 0) continue;  // the case's first document
    INFO(c.id << " to " << lrsched::to_string(target));
    nlohmann::ordered_json written;
    try {
      written = lrsched::convert_config(doc, target, d, options);
    } catch (const lrsched::conversion_error& e) {
      tally.round_tripped[target][c.id] = false;
      ++tally.reasons[target][e.problem()];
      continue;
    }
    INFO("written: " << written.dump());
    const any_schedule back = lrsched::load_config(written, target);
    std::vector<std::int64_t> steps = c.steps;
    const std::int64_t last = std::min<std::int64_t>(loaded.length().value_or(0) + 2, 20'000);
    for (std::int64_t t = 0; t <= last; ++t) steps.push_back(t);
    std::size_t same = 0;
    for (const std::int64_t t : steps) {
      const double a = loaded(t), b = back(t);
      same += std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b)) ? 1 : 0;
    }
    CHECK(same == steps.size());
    tally.round_tripped[target][c.id] = same == steps.size();
  }
}

/// Prints one line per target: `convert <source> -> <target>: R round-trip, F refused`, and
/// the refusals' reasons with their counts.
inline std::size_t& yaml_documents();
inline void print_conversions(std::ostream& out, std::string_view source) {
  out << source << " documents also loaded from YAML text: " << yaml_documents() << '\n';
  for (const lrsched::dialect target : conversion_targets) {
    std::size_t ok = 0, refused = 0;
    for (const auto& [id, round_trip] : conversions().round_tripped[target]) {
      (round_trip ? ok : refused) += 1;
    }
    out << "convert " << source << " -> " << lrsched::to_string(target) << ": " << ok
        << " round-trip, " << refused << " refused\n";
    for (const auto& [reason, count] : conversions().reasons[target]) {
      out << "    " << count << " x " << reason << '\n';
    }
  }
}

/// How many documents the dialect checks also loaded from YAML text.
inline std::size_t& yaml_documents() {
  static std::size_t count = 0;
  return count;
}

/// The document written as YAML text (lrsched::yaml::from_json) and loaded from it gives the
/// same value at every recorded step as the document loaded from JSON.
inline void check_yaml([[maybe_unused]] const golden::golden_case& c,
                       [[maybe_unused]] const document& doc, [[maybe_unused]] lrsched::dialect d,
                       [[maybe_unused]] const any_schedule& loaded,
                       [[maybe_unused]] const lrsched::load_options& options,
                       [[maybe_unused]] counts& seen) {
#ifdef LRSCHED_TEST_YAML
  const std::string text = lrsched::yaml::from_json(doc);
  INFO("as YAML:\n" << text);
  REQUIRE(lrsched::yaml::to_json(text) == doc);
  const any_schedule detected = lrsched::yaml::load_config(text, lrsched::dialect::automatic, options);
  const any_schedule named = lrsched::yaml::load_config(text, d, options);
  std::size_t same = 0;
  for (const std::int64_t step : c.steps) {
    same += detected(step) == loaded(step) && named(step) == loaded(step) ? 1 : 0;
  }
  CHECK(same == c.steps.size());
  CHECK(lrsched::sum(named, 0, c.sum_steps) == lrsched::sum(loaded, 0, c.sum_steps));
  ++seen.yaml;
  ++yaml_documents();
#endif
}

/// `lrsched eval` on `doc` at the case's steps gives the loaded schedule's values (%.17g).
inline void check_cli([[maybe_unused]] const golden::golden_case& c,
                      [[maybe_unused]] const document& doc,
                      [[maybe_unused]] const std::string& dialect_name,
                      [[maybe_unused]] const any_schedule& loaded, [[maybe_unused]] counts& seen,
                      [[maybe_unused]] const std::vector<std::string>& extra = {}) {
#ifdef LRSCHED_CLI
  const lrsched::test::temporary_file file(doc.dump(2));
  std::string steps;
  for (const std::int64_t t : c.steps) steps += std::to_string(t) + "\n";
  const lrsched::test::temporary_file steps_file(steps);
  std::vector<std::string> arguments{"eval",      "--dialect",    dialect_name,
                                     file.path(), "--steps-file", steps_file.path()};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  const auto result = lrsched::test::run_cli(arguments);
  INFO("lrsched eval --dialect " << dialect_name << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  std::vector<double> printed;
  std::size_t start = 0;
  while (start < result.out.size()) {
    const std::size_t end = result.out.find('\n', start);
    printed.push_back(std::strtod(result.out.substr(start, end - start).c_str(), nullptr));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  REQUIRE(printed.size() == c.steps.size());
  std::size_t same = 0;
  for (std::size_t i = 0; i < c.steps.size(); ++i) same += printed[i] == loaded(c.steps[i]) ? 1 : 0;
  CHECK(same == c.steps.size());
  ++seen.cli_checked;
#endif
}

/// Loads `doc` auto-detected and as `d`, checks both against the golden case `c` (as the
/// golden test does: every recorded step and the summed LR), then the canonical round trip
/// and the descriptions. Returns the loaded schedule.
inline any_schedule check_document(const golden::golden_case& c, golden::tally& t,
                                   const std::string& label, const document& doc,
                                   lrsched::dialect d, counts& seen,
                                   const lrsched::load_options& options = {},
                                   const golden::options& tolerance = {}) {
  INFO(c.id << " as " << doc.dump());
  CHECK(lrsched::detect_dialect(doc) == d);
  const any_schedule detected = lrsched::load_config(doc, lrsched::dialect::automatic, options);
  const any_schedule named = lrsched::load_config(doc, d, options);
  t.check(c, label, detected, tolerance);
  for (const std::int64_t step : c.steps) REQUIRE(named(step) == detected(step));

  // Canonical JSON out and back: identical values, and the same document when written again.
  const nlohmann::json canonical = lrsched::to_json(named);
  const any_schedule reloaded = lrsched::from_json(canonical);
  std::size_t same = 0;
  for (const std::int64_t step : c.steps) same += reloaded(step) == named(step) ? 1 : 0;
  CHECK(same == c.steps.size());
  CHECK(lrsched::to_json(reloaded) == canonical);
  CHECK(lrsched::load_config(canonical, lrsched::dialect::canonical)(c.steps.back()) ==
        named(c.steps.back()));
  // The loaded schedule and its canonical reload describe themselves the same way, as
  // descriptions and as fmt's one-line and tree texts.
  CHECK(named.describe() == reloaded.describe());
  CHECK(fmt::format("{}", named) == fmt::format("{}", reloaded));
  CHECK(fmt::format("{:t}", named) == fmt::format("{:t}", reloaded));
  ++seen.documents;
  ++seen.round_trips;
  check_yaml(c, doc, d, named, options, seen);
  check_conversions(c, doc, d, named, options);
  return named;
}

/// A loader of JSON text in dialect `d`: `loader(d)(text)` or `loader(d)(text, options)`.
inline auto loader(lrsched::dialect d) {
  return [d](const std::string& text, const lrsched::load_options& options = {}) {
    return lrsched::load_config(lrsched::parse_config(text), d, options);
  };
}

/// Runs `load`, which must throw a config_error at `pointer` whose problem contains `text`.
template <class Load>
void expect_error(Load load, const std::string& pointer, const std::string& text) {
  try {
    (void)load();
    FAIL("expected a config_error at " << pointer << " saying " << text);
  } catch (const lrsched::config_error& e) {
    INFO(e.what());
    CHECK(e.pointer() == pointer);
    CHECK(e.problem().find(text) != std::string::npos);
  }
}

}  // namespace lrsched::test::dialect

#endif  // LRSCHED_TESTS_DIALECT_CHECKS_HPP
