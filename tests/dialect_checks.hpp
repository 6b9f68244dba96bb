// Checks for a dialect loader: a document in a system's own config shape, loaded both
// auto-detected and with the dialect named, must reproduce a golden case at every recorded
// step (and its summed LR); its canonical JSON must reload to identical values and write the
// same document again; the loaded and reloaded schedules describe themselves identically
// (and print identically through fmt);
// and, when the lrsched command is built, `lrsched eval --dialect NAME FILE --steps-file F`
// prints the same values.
#ifndef LRSCHED_TESTS_DIALECT_CHECKS_HPP
#define LRSCHED_TESTS_DIALECT_CHECKS_HPP

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
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

namespace lrsched::test::dialect {

using document = nlohmann::ordered_json;

/// What one dialect test saw, for its report.
struct counts {
  std::size_t documents = 0;    // documents loaded and checked against a golden case
  std::size_t round_trips = 0;  // canonical JSON out and back, == at every recorded step
  std::size_t cli_checked = 0;  // documents also checked through `lrsched eval`
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
