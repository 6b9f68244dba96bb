// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The optax dialect: `{"optax": "<function>", <keyword arguments>}` loaded as the
// optax-faithful schedule. Every golden case of tests/data/optax.json is written as such a
// call (the mapping from the case's params is here, in the test) and must give optax's
// numbers; bad documents get a config_error at the offending value.
#include <lrsched/dialects.hpp>
#include <lrsched/fmt.hpp>
#include <lrsched/json.hpp>

#include <cstdint>
#include <iostream>
#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "golden.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;

namespace {

/// The golden case's call as an optax document: the function name under "optax", its
/// keyword arguments beside it; join_schedules' recorded {"function", "params"} schedules
/// become optax documents too.
document optax_call(const std::string& function, const nlohmann::json& params) {
  document doc = document::object();
  doc["optax"] = function;
  for (const auto& [key, value] : params.items()) {
    if (key == "schedules") {
      document list = document::array();
      for (const auto& s : value) {
        list.push_back(optax_call(s.at("function").get<std::string>(), s.at("params")));
      }
      doc[key] = std::move(list);
    } else {
      doc[key] = value;
    }
  }
  return doc;
}

const auto load = dialect::loader(lrsched::dialect::optax);

}  // namespace

TEST_CASE("every optax golden case loads from its optax call with optax's values") {
  const auto file = golden::load("optax.json");
  CHECK(file.system == "optax");
  golden::tally t;
  dialect::counts seen;
  for (const auto& c : file.cases) {
    INFO(c.id);
    const document doc = optax_call(c.function, c.params);
    const auto loaded =
        dialect::check_document(c, t, "optax dialect", doc, lrsched::dialect::optax, seen);
    dialect::check_cli(c, doc, "optax", loaded, seen);
    const auto reloaded = lrsched::from_json(lrsched::to_json(loaded));
    CHECK(fmt::format("{}", loaded) == fmt::format("{}", reloaded));
    CHECK(fmt::format("{:t}", loaded) == fmt::format("{:t}", reloaded));
    // The module path is accepted too.
    document qualified = doc;
    qualified["optax"] = "optax." + c.function;
    CHECK(lrsched::load_config(qualified)(c.steps.back()) == loaded(c.steps.back()));
  }
  std::cout << "optax dialect: " << seen.documents << " documents, " << seen.round_trips
            << " round trips, " << seen.cli_checked << " through lrsched eval\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "optax");
  CHECK(seen.documents == file.cases.size());
  CHECK(t.max_step_error() <= 1e-12);
  CHECK(t.max_sum_error() <= 1e-12);
}

TEST_CASE("optax documents nest join_schedules and sgdr_schedule cycles") {
  const auto s = load(R"({"optax": "join_schedules", "boundaries": [10, 30], "schedules": [
      {"optax": "linear_schedule", "init_value": 0, "end_value": 1, "transition_steps": 10},
      {"optax": "join_schedules", "boundaries": [5], "schedules": [
          {"optax": "constant_schedule", "value": 1},
          {"optax": "exponential_decay", "init_value": 1, "transition_steps": 5,
           "decay_rate": 0.5, "end_value": null}]},
      {"optax": "sgdr_schedule", "cosine_kwargs": [
          {"init_value": 0, "peak_value": 0.5, "warmup_steps": 2, "decay_steps": 8},
          {"init_value": 0, "peak_value": 0.25, "warmup_steps": 2, "decay_steps": 8}]}]})");
  CHECK(s(5) == 0.5);
  CHECK(s(10) == 1.0);
  CHECK(s(15) == 1.0);
  CHECK(s(20) == 0.5);   // 1 · 0.5^((20 − 15) / 5)
  CHECK(s(32) == 0.5);   // the first cycle's peak
  CHECK(s(38) == 0.0);   // the second cycle starts at 0, 8 steps after the first
  CHECK(s(40) == 0.25);  // and peaks at 0.25
  CHECK(s.describe().kind == "optax.join_schedules");
  const auto canonical = lrsched::to_ordered_json(s);
  CHECK(canonical["schedules"][2]["cosine_kwargs"][1]["kind"] ==
        "optax.warmup_cosine_decay_schedule");
  const auto reloaded = lrsched::from_json(canonical);
  for (std::int64_t t = 0; t < 60; ++t) CHECK(reloaded(t) == s(t));
}

TEST_CASE("optax's boundaries_and_scales dict is read in step order") {
  const auto s = load(R"({"optax": "piecewise_constant_schedule", "init_value": 1,
                          "boundaries_and_scales": {"20": 0.5, "10": 0.1}})");
  CHECK(s(9) == 1.0);
  CHECK(s(10) == 0.1);
  CHECK(s(20) == 0.1 * 0.5);
  const auto canonical = lrsched::to_ordered_json(s);
  CHECK(canonical["boundaries"] == document::array({10, 20}));
  CHECK(canonical["scales"] == document::array({0.1, 0.5}));
  // Left out, or None: no boundaries.
  CHECK(load(R"({"optax": "piecewise_constant_schedule", "init_value": 2})")(1000) == 2.0);
  CHECK(load(R"({"optax": "piecewise_constant_schedule", "init_value": 2,
                 "boundaries_and_scales": null})")(1000) == 2.0);
}

TEST_CASE("bad optax documents name the offending value") {
  using dialect::expect_error;
  struct bad {
    const char* text;
    const char* pointer;
    const char* problem;
  };
  const bad cases[] = {
      {R"([])", "",
       "expected an object {\"optax\": \"<schedule function>\", <its arguments>}, "
       "got an empty array"},
      {R"({"init_value": 1})", "", "missing required key \"optax\" (the schedule function's name)"},
      {R"({"optax": 5})", "/optax", "expected a string naming an optax schedule function, got 5"},
      {R"({"optax": "cosine_decay_schedul", "init_value": 1, "decay_steps": 10})", "/optax",
       "unknown optax schedule function \"cosine_decay_schedul\"; did you mean "
       "\"cosine_decay_schedule\"?"},
      {R"({"optax": "adamw"})", "/optax", "unknown optax schedule function \"adamw\" (known: "},
      {R"({"optax": "cosine_decay_schedule", "init_value": 1, "decay_step": 100})", "/decay_step",
       "unknown key for optax.cosine_decay_schedule; did you mean \"decay_steps\"?"},
      {R"({"optax": "cosine_decay_schedule", "init_value": 1})", "",
       "missing required key \"decay_steps\" for kind \"optax.cosine_decay_schedule\""},
      {R"({"optax": "cosine_decay_schedule", "init_value": 1, "decay_steps": 0})", "/decay_steps",
       "optax.cosine_decay_schedule: decay_steps must be > 0, got 0"},
      {R"({"optax": "linear_schedule", "init_value": "1", "end_value": 0,
           "transition_steps": 10})",
       "/init_value", "expected a number, got \"1\""},
      {R"({"optax": "warmup_cosine_decay_schedule", "init_value": 0, "peak_value": 1,
           "warmup_steps": 10, "decay_steps": 10})",
       "/decay_steps",
       "optax.warmup_cosine_decay_schedule: decay_steps must be > warmup_steps (10; it includes "
       "the warmup), got 10"},
      {R"({"optax": "piecewise_constant_schedule", "init_value": 1,
           "boundaries_and_scales": [[10, 0.1]]})",
       "/boundaries_and_scales", "expected an object {\"<step>\": <scale>, ...}, got an array"},
      {R"({"optax": "piecewise_constant_schedule", "init_value": 1,
           "boundaries_and_scales": {"ten": 0.1}})",
       "/boundaries_and_scales/ten",
       "expected a step (a non-negative integer below 2^63) as the key, got \"ten\""},
      {R"({"optax": "piecewise_constant_schedule", "init_value": 1,
           "boundaries_and_scales": {"-5": 0.1}})",
       "/boundaries_and_scales/-5",
       "expected a step (a non-negative integer below 2^63) as the key, got \"-5\""},
      {R"({"optax": "piecewise_interpolate_schedule", "interpolate_type": "linear",
           "init_value": 1, "boundaries_and_scales": {"10": -0.5}})",
       "/boundaries_and_scales/10", "expected a scale >= 0, got -0.5"},
      {R"({"optax": "piecewise_constant_schedule", "init_value": 1, "boundaries": [10]})",
       "/boundaries",
       "unknown key for optax.piecewise_constant_schedule; did you mean "
       "\"boundaries_and_scales\"?"},
      {R"({"optax": "piecewise_interpolate_schedule", "interpolate_type": "cubic",
           "init_value": 1})",
       "/interpolate_type", "expected one of \"linear\", \"cosine\", got \"cubic\""},
      {R"({"optax": "join_schedules", "boundaries": [10], "schedules": [
           {"optax": "constant_schedule", "value": 1},
           {"optax": "constant_schedule", "value": "x"}]})",
       "/schedules/1/value", "expected a number, got \"x\""},
      {R"({"optax": "join_schedules", "boundaries": [10, 20], "schedules": [
           {"optax": "constant_schedule", "value": 1},
           {"optax": "constant_schedule", "value": 2}]})",
       "/boundaries",
       "optax.join_schedules: boundaries must be one fewer than the schedules (1), got 2"},
      {R"({"optax": "join_schedules", "boundaries": [20, 10], "schedules": [
           {"optax": "constant_schedule", "value": 1}, {"optax": "constant_schedule", "value": 2},
           {"optax": "constant_schedule", "value": 3}]})",
       "/boundaries/1",
       "optax.join_schedules: boundaries[1] must be >= boundaries[0] = 20 (non-decreasing), got "
       "10"},
      {R"({"optax": "join_schedules", "boundaries": [], "schedules": []})", "/schedules",
       "expected a non-empty array, got an empty array"},
      {R"({"optax": "join_schedules", "boundaries": [], "schedules": [{"value": 1}]})",
       "/schedules/0", "missing required key \"optax\" (the schedule function's name)"},
      {R"({"optax": "sgdr_schedule", "cosine_kwargs": [
           {"init_value": 0, "peak_value": 1, "warmup_steps": 5, "decay_steps": 50},
           {"init_value": 0, "peak_value": 1, "warmup_steps": 5}]})",
       "/cosine_kwargs/1",
       "missing required key \"decay_steps\" for kind \"optax.warmup_cosine_decay_schedule\""},
      {R"({"optax": "sgdr_schedule", "cosine_kwargs": [{"optax": "constant_schedule"}]})",
       "/cosine_kwargs/0/optax",
       "unknown key for optax.warmup_cosine_decay_schedule (its keys: \"init_value\", "
       "\"peak_value\", \"warmup_steps\", \"decay_steps\", \"end_value\", \"exponent\")"},
      {R"({"optax": "constant_schedule", "value": 1, "kind": "constant"})", "/kind",
       "unknown key for optax.constant_schedule (its keys: \"value\")"},
  };
  for (const auto& b : cases) {
    INFO(b.text);
    expect_error([&] { return load(b.text); }, b.pointer, b.problem);
  }
}

TEST_CASE("nested optax schedules are refused past 64 levels, at the level that is too deep") {
  document doc = {{"optax", "constant_schedule"}, {"value", 1}};
  for (int level = 0; level < 70; ++level) {
    doc = document{{"optax", "join_schedules"},
                   {"boundaries", document::array()},
                   {"schedules", document::array({doc})}};
  }
  std::string pointer;
  for (int level = 0; level < 64; ++level) pointer += "/schedules/0";
  dialect::expect_error([&] { return lrsched::load_config(doc); }, pointer,
                        "expected at most 64 levels of nested schedules, got more");
}

TEST_CASE("an optax document is detected by its \"optax\" key, and only by it") {
  CHECK(lrsched::detect_dialect(lrsched::parse_config(R"({"optax": "constant_schedule"})")) ==
        lrsched::dialect::optax);
  dialect::expect_error(
      [] {
        return lrsched::detect_dialect(
            lrsched::parse_config(R"({"optax": "constant_schedule", "kind": "constant"})"));
      },
      "", "ambiguous config: it looks like canonical and optax");
  dialect::expect_error(
      [] { return lrsched::detect_dialect(lrsched::parse_config(R"({"schedule": 1})")); }, "",
      "expected a config in a known dialect, found none of its keys (canonical: a \"kind\" key;");
}
