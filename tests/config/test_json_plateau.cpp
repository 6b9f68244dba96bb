// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// plateau_state to and from JSON: a controller saved mid-run and rebuilt from its JSON
// continues identically; every member is required and checked.
#include <lrsched/json.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/plateau.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "catch.hpp"

using lrsched::plateau_options;
using lrsched::plateau_rule;
using lrsched::plateau_state;
using lrsched::reduce_on_plateau;

namespace {

/// A metric that improves, stalls, bounces: every rule reduces a few times over 200 updates.
double metric(std::int64_t k) {
  return 1.0 / static_cast<double>(1 + k % 37) + 0.01 * std::sin(static_cast<double>(k));
}

template <class Load>
void expect_error(Load load, const std::string& pointer, const std::string& text) {
  try {
    (void)load();
    FAIL("expected a config_error at " << pointer);
  } catch (const lrsched::config_error& e) {
    INFO(e.what());
    CHECK(e.pointer() == pointer);
    CHECK(e.problem().find(text) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("plateau_state round-trips through JSON and the run continues identically") {
  const lrsched::linear shape(1e-3, 1e-5, 400);
  for (const auto rule : {plateau_rule::pytorch, plateau_rule::keras, plateau_rule::optax}) {
    const plateau_options options{
        .factor = 0.5, .patience = 3, .cooldown = 2, .accumulation_size = 2, .rule = rule};
    reduce_on_plateau original(options);
    // The fresh state's best is +inf, which JSON numbers cannot hold.
    const nlohmann::json fresh = original.state();
    CHECK(fresh.at("best") == "inf");
    CHECK(fresh.get<plateau_state>() == original.state());
    for (std::int64_t k = 0; k < 100; ++k) (void)original.update(metric(k), shape, k);
    CHECK(original.state().reductions > 0);

    const std::string text = nlohmann::json(original.state()).dump();
    const auto saved = nlohmann::json::parse(text).get<plateau_state>();
    CHECK(saved == original.state());
    CHECK(lrsched::plateau_state_to_json(saved) == lrsched::plateau_state_to_json(original.state()));
    reduce_on_plateau resumed(options, saved);
    for (std::int64_t k = 100; k < 200; ++k) {
      REQUIRE(resumed.update(metric(k), shape, k) == original.update(metric(k), shape, k));
      REQUIRE(resumed.lr(shape, k) == original.lr(shape, k));
    }
    CHECK(resumed.state() == original.state());
  }
  // Max mode starts at -inf.
  const reduce_on_plateau max_mode({.mode = lrsched::plateau_mode::max});
  const auto j = lrsched::plateau_state_to_json(max_mode.state());
  CHECK(j.at("best") == "-inf");
  CHECK(lrsched::plateau_state_from_json(j).best == -std::numeric_limits<double>::infinity());
}

TEST_CASE("plateau_state JSON: every member required, no other key, each one checked") {
  const auto good = lrsched::plateau_state_to_json(plateau_state{});
  const auto load = [](nlohmann::ordered_json j) {
    return [j] { return lrsched::plateau_state_from_json(j); };
  };
  auto missing = good;
  missing.erase("reductions");
  expect_error(load(missing), "", "missing required key \"reductions\"");
  auto unknown = good;
  unknown["reduction"] = 1;
  expect_error(load(unknown), "/reduction", "did you mean \"reductions\"?");
  auto negative = good;
  negative["bad_updates"] = -1;
  expect_error(load(negative), "/bad_updates", "expected a non-negative integer, got -1");
  auto text = good;
  text["best"] = "infinity";
  expect_error(load(text), "/best", "expected a number, \"inf\" or \"-inf\"");
  auto scale = good;
  scale["scale"] = -0.5;
  expect_error(load(scale), "/scale", "expected a scale >= 0");
  expect_error(load(nlohmann::ordered_json::array()), "", "expected an object");
  plateau_state broken;
  broken.scale = std::numeric_limits<double>::quiet_NaN();
  expect_error([&] { return lrsched::plateau_state_to_json(broken); }, "/scale",
               "expected a finite number");
}
