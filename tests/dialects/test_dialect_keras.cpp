// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The Keras dialect: what keras.optimizers.schedules.serialize writes, loaded as the
// Keras-faithful schedule. Every golden case of tests/data/keras.json is written as the
// serialized schedule (Keras 3's form and the older one; the mapping from the case's params
// is here, in the test) and must give Keras' numbers; bad documents get a config_error at
// the offending value.
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

/// The golden case as `keras.optimizers.schedules.serialize(schedule)` gives it in Keras 3:
/// the constructor arguments are the config, with the schedule's name, and a CosineDecay
/// without warmup carries `"warmup_target": null` as its get_config() does.
document serialized(const golden::golden_case& c) {
  document config = document::object();
  for (const auto& [key, value] : c.params.items()) config[key] = value;
  if (c.function == "CosineDecay" && !config.contains("warmup_target")) {
    config["warmup_target"] = nullptr;
  }
  config["name"] = c.function;
  return document{{"module", "keras.optimizers.schedules"},
                  {"class_name", c.function},
                  {"config", config},
                  {"registered_name", nullptr}};
}

/// The same schedule as older Keras versions wrote it: class_name and config only.
document serialized_legacy(const golden::golden_case& c) {
  document doc = serialized(c);
  doc.erase("module");
  doc.erase("registered_name");
  return doc;
}

const auto load = dialect::loader(lrsched::dialect::keras);

}  // namespace

TEST_CASE("every Keras golden case loads from its serialized form with Keras' values") {
  const auto file = golden::load("keras.json");
  CHECK(file.system == "keras");
  golden::tally t;
  dialect::counts seen;
  for (const auto& c : file.cases) {
    INFO(c.id);
    // As test_golden_keras.cpp: Keras' 1 + cos(x) cancels near the end of a cosine.
    golden::options tolerance;
    if (c.function == "CosineDecay") {
      tolerance.peak_ulps = 4;
      tolerance.reason =
          "Keras' 1 + cos(x) cancels near the end: differences within 4 ulps of "
          "the peak";
    }
    const document doc = serialized(c);
    const auto loaded = dialect::check_document(c, t, "keras dialect", doc, lrsched::dialect::keras,
                                                seen, {}, tolerance);
    dialect::check_cli(c, doc, "keras", loaded, seen);
    dialect::check_document(c, t, "keras dialect, class_name and config only", serialized_legacy(c),
                            lrsched::dialect::keras, seen, {}, tolerance);
    const auto reloaded = lrsched::from_json(lrsched::to_json(loaded));
    CHECK(fmt::format("{}", loaded) == fmt::format("{}", reloaded));
    CHECK(fmt::format("{:t}", loaded) == fmt::format("{:t}", reloaded));
  }
  std::cout << "keras dialect: " << seen.documents << " documents, " << seen.round_trips
            << " round trips, " << seen.cli_checked << " through lrsched eval\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "keras");
  CHECK(seen.documents == 2 * file.cases.size());
  CHECK(t.max_step_error() <= 1e-12);
  CHECK(t.max_sum_error() <= 1e-12);
}

TEST_CASE("a Keras config's name is ignored and a null warmup_target means no warmup") {
  const auto s = load(R"({"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1,
      "decay_steps": 10, "alpha": 0.0, "name": null, "warmup_target": null, "warmup_steps": 0}})");
  CHECK(s(0) == 0.1);  // no warmup
  CHECK(s(10) == 0.0);
  CHECK(s.describe().find("warmup_target") == nullptr);
  // A class_name with its module path names the same class.
  const auto qualified = load(R"({"class_name": "keras.optimizers.schedules.ExponentialDecay",
      "config": {"initial_learning_rate": 1.0, "decay_steps": 1, "decay_rate": 0.5}})");
  CHECK(qualified(3) == 0.125);
}

TEST_CASE("bad Keras documents name the offending value") {
  struct bad {
    const char* text;
    const char* pointer;
    const char* problem;
  };
  const bad cases[] = {
      {R"([])", "",
       "expected an object {\"class_name\": ..., \"config\": {...}}, got an empty array"},
      {R"({"class_name": "CosineDecay"})", "",
       "missing required key \"config\" (a serialized Keras schedule has class_name and config)"},
      {R"({"class_name": 5, "config": {}})", "/class_name",
       "expected a string naming a Keras schedule class, got 5"},
      {R"({"class_name": "CosineDecai", "config": {}})", "/class_name",
       "unknown Keras schedule class \"CosineDecai\"; did you mean \"CosineDecay\"?"},
      {R"({"class_name": "WarmupThenDecay", "config": {}})", "/class_name",
       "unknown Keras schedule class \"WarmupThenDecay\"; only Keras' built-in schedules can be "
       "loaded"},
      {R"({"module": "torch.optim", "class_name": "CosineDecay", "config": {}})", "/module",
       "expected a Keras module (\"keras.optimizers.schedules\"), got \"torch.optim\""},
      {R"({"class_name": "CosineDecay", "config": {}, "registered_name": "custom>Warmup"})",
       "/registered_name", "expected null (a built-in Keras schedule), got \"custom>Warmup\""},
      {R"({"class_name": "CosineDecay", "config": {}, "extra": 1})", "/extra",
       "unknown key for a serialized Keras schedule (its keys: \"module\", \"class_name\", "
       "\"config\", \"registered_name\")"},
      {R"({"class_name": "CosineDecay", "config": [1]})", "/config",
       "expected an object of the schedule's get_config() values, got an array"},
      {R"({"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1,
           "decay_step": 100}})",
       "/config/decay_step", "unknown key for keras.cosine_decay; did you mean \"decay_steps\"?"},
      {R"({"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1}})", "/config",
       "missing required key \"decay_steps\" for kind \"keras.cosine_decay\""},
      {R"({"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1,
           "decay_steps": 100, "name": 5}})",
       "/config/name", "expected a string or null, got 5"},
      {R"({"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1,
           "decay_steps": 100.5}})",
       "/config/decay_steps", "expected an integer, got 100.5"},
      {R"({"class_name": "ExponentialDecay", "config": {"initial_learning_rate": 0.1,
           "decay_steps": 10, "decay_rate": 0}})",
       "/config/decay_rate", "keras.exponential_decay: decay_rate must be finite and > 0, got 0"},
      {R"({"class_name": "PiecewiseConstantDecay", "config": {"boundaries": [10, 20],
           "values": [1.0, 0.5]}})",
       "/config/values",
       "keras.piecewise_constant_decay: values must be of size boundaries.size() + 1 = 3, got 2"},
      {R"({"class_name": "CosineDecayRestarts", "config": {"initial_learning_rate": 0.1,
           "first_decay_steps": 10, "t_mul": 0.5}})",
       "/config/t_mul", "keras.cosine_decay_restarts: t_mul must be finite and >= 1, got 0.5"},
      {R"({"class_name": "PolynomialDecay", "config": {"initial_learning_rate": 0.1,
           "decay_steps": 10, "cycle": "yes"}})",
       "/config/cycle", "expected true or false, got \"yes\""},
  };
  for (const auto& b : cases) {
    INFO(b.text);
    dialect::expect_error([&] { return load(b.text); }, b.pointer, b.problem);
  }
}

TEST_CASE("a serialized Keras schedule is detected by class_name with config") {
  CHECK(lrsched::detect_dialect(lrsched::parse_config(
            R"({"class_name": "CosineDecay", "config": {}})")) == lrsched::dialect::keras);
  dialect::expect_error(
      [] {
        return lrsched::detect_dialect(lrsched::parse_config(R"({"class_name": "CosineDecay"})"));
      },
      "", "keras: \"class_name\" and \"config\" keys");
}
