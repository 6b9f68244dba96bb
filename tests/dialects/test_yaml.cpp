// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// YAML configs: the scalars by the YAML 1.2 core schema, errors at the line and key path,
// hand-written LightningCLI / Hydra / ds_config / Megatron files with comments, anchors and
// aliases giving the numbers of the same configs written as JSON. (Every golden case of
// every dialect is also loaded from YAML by the dialect tests, through dialect_checks.hpp.)
#include <lrsched/dialects.hpp>
#include <lrsched/json.hpp>
#include <lrsched/yaml.hpp>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "catch.hpp"

using json = nlohmann::ordered_json;
namespace yaml = lrsched::yaml;

namespace {

std::string read_data(const std::string& name) {
  std::ifstream in(std::string(LRSCHED_TEST_DATA_DIR) + "/yaml/" + name);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The value of `key: <scalar>` as YAML reads it.
json scalar(const std::string& text) { return yaml::to_json("key: " + text).at("key"); }

template <class Load>
void expect_yaml_error(Load load, const std::string& pointer, int line, int column,
                       const std::string& text) {
  try {
    (void)load();
    FAIL("expected a yaml::error at " << pointer);
  } catch (const yaml::error& e) {
    INFO(e.what());
    CHECK(e.pointer() == pointer);
    CHECK(e.line() == line);
    CHECK(e.column() == column);
    CHECK(e.problem().find(text) != std::string::npos);
    CHECK(std::string(e.what()).find("line " + std::to_string(line)) != std::string::npos);
  }
}

template <class A, class B>
void same_values(const A& a, const B& b, std::int64_t last, std::int64_t stride) {
  std::size_t same = 0, steps = 0;
  for (std::int64_t t = 0; t <= last; t += stride, ++steps) same += a(t) == b(t) ? 1 : 0;
  CHECK(same == steps);
}

}  // namespace

TEST_CASE("yaml: plain scalars resolve by the YAML 1.2 core schema") {
  CHECK(scalar("1e-3").is_number_float());  // YAML 1.1 (PyYAML) reads a string
  CHECK(scalar("1e-3").get<double>() == 1e-3);
  CHECK(scalar("3.0e-4").get<double>() == 3e-4);
  CHECK(scalar(".5").get<double>() == 0.5);
  CHECK(scalar("-2.").get<double>() == -2.0);
  CHECK(scalar("+12").get<std::int64_t>() == 12);
  CHECK(scalar("100").is_number_integer());
  CHECK(scalar("010").get<std::int64_t>() == 10);  // YAML 1.1: octal 8
  CHECK(scalar("0o10").get<std::int64_t>() == 8);
  CHECK(scalar("0x10").get<std::int64_t>() == 16);
  CHECK(scalar("18446744073709551615").get<std::uint64_t>() == 18446744073709551615ULL);
  CHECK(scalar("-9223372036854775808").get<std::int64_t>() ==
        std::numeric_limits<std::int64_t>::min());
  CHECK(scalar(".inf").get<double>() == std::numeric_limits<double>::infinity());
  CHECK(scalar("-.Inf").get<double>() == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(scalar(".nan").get<double>()));
  CHECK(scalar("true") == true);
  CHECK(scalar("False") == false);
  CHECK(scalar("yes") == "yes");  // YAML 1.1: true
  CHECK(scalar("off") == "off");
  CHECK(scalar("~").is_null());
  CHECK(scalar("null").is_null());
  CHECK(scalar("").is_null());
  CHECK(scalar("1_000") == "1_000");  // YAML 1.1: 1000
  CHECK(scalar("0x") == "0x");
  CHECK(scalar("1e") == "1e");
  CHECK(scalar("cos") == "cos");
  CHECK(scalar("\"123\"") == "123");
  CHECK(scalar("'true'") == "true");
  CHECK(scalar("!!str 1e3") == "1e3");
  CHECK(scalar("!!float 3").get<double>() == 3.0);
  CHECK(scalar("!!int \"7\"") == 7);
  CHECK(yaml::to_json("a: |\n  text\n").at("a") == "text\n");
  CHECK(yaml::to_json("").is_null());
  CHECK(yaml::to_json("[1, {b: [2]}]") == json::parse(R"([1, {"b": [2]}])"));
}

TEST_CASE("yaml: bad YAML and what JSON cannot hold, at the line, column and key path") {
  expect_yaml_error([] { return yaml::to_json("a:\n  b: [1, 2\n"); }, "", 3, 1, "invalid YAML");
  expect_yaml_error([] { return yaml::to_json("a: 1\nb: 2\na: 3\n"); }, "/a", 3, 1,
                    "duplicate key");
  expect_yaml_error([] { return yaml::to_json("a:\n  b: 99999999999999999999\n"); }, "/a/b", 2, 3,
                    "expected an integer within 64 bits");
  expect_yaml_error([] { return yaml::to_json("a: 1e999\n"); }, "/a", 1, 1,
                    "expected a number within double range");
  expect_yaml_error([] { return yaml::to_json("a: !!int 1.5\n"); }, "/a", 1, 1,
                    "expected a value of !!int, got \"1.5\"");
  expect_yaml_error([] { return yaml::to_json("a: !custom 1\n"); }, "/a", 1, 1,
                    "unsupported tag \"!custom\"");
  expect_yaml_error([] { return yaml::to_json("? [1]\n: 2\n"); }, "", 1, 3,
                    "expected a scalar as a mapping key");
  expect_yaml_error([] { return yaml::to_json("a: 1\n---\nb: 2\n"); }, "", 3, 1,
                    "expected one YAML document, got 2");
  // Aliases cannot multiply a small text into a huge tree.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int k = 1; k < 8; ++k) {
    bomb += "a" + std::to_string(k) + ": &a" + std::to_string(k) + " [";
    for (int r = 0; r < 10; ++r) bomb += (r ? ", *a" : "*a") + std::to_string(k - 1);
    bomb += "]\n";
  }
  CHECK_THROWS_AS(yaml::to_json(bomb), yaml::error);
}

TEST_CASE("yaml: a loader's error names the key path and the line it was written on") {
  const std::string ds = read_data("ds_config.yaml");
  std::string bad = ds;
  bad.replace(bad.find("total_num_steps: 20000"), 22, "total_num_steps: auto");
  expect_yaml_error([&] { return yaml::load_config(bad); }, "/scheduler/params/total_num_steps",
                    14, 5, "expected a number, got \"auto\"");
  std::string typo = ds;
  typo.replace(typo.find("zero_optimization"), 17, "zero_optimisation");
  expect_yaml_error([&] { return yaml::load_config(typo); }, "/zero_optimisation", 16, 1,
                    "did you mean \"zero_optimization\"?");
  // A missing key: the error is at the object, on the line of its key.
  std::string missing = ds;
  missing.erase(missing.find("    warmup_max_lr: 6e-4\n"), 24);
  expect_yaml_error([&] { return yaml::load_config(missing); }, "/scheduler/params", 10, 3,
                    "missing required key \"warmup_max_lr\"");
  // .inf is a float in YAML, and not a learning rate.
  expect_yaml_error(
      [] { return yaml::load_config("kind: constant\nvalue: .inf\n"); }, "/value", 2, 1,
      "expected a finite number");
  // yes is a string in YAML 1.2: not a flag.
  expect_yaml_error(
      [] {
        return yaml::load_config(
            "class_name: ExponentialDecay\nconfig:\n  initial_learning_rate: 0.1\n"
            "  decay_steps: 10\n  decay_rate: 0.5\n  staircase: yes\n");
      },
      "/config/staircase", 6, 3, "got \"yes\"");
}

TEST_CASE("yaml: hand-written configs with comments load as the same configs in JSON") {
  const auto lightning = yaml::load_config(read_data("lightning_cli.yaml"));
  const auto lightning_json = lrsched::load_config(json::parse(R"({
      "optimizer": {"class_path": "torch.optim.AdamW", "init_args": {"lr": 3e-4}},
      "lr_scheduler": {"class_path": "torch.optim.lr_scheduler.SequentialLR", "init_args": {
        "milestones": [500], "schedulers": [
          {"class_path": "torch.optim.lr_scheduler.LinearLR",
           "init_args": {"start_factor": 1e-3, "end_factor": 1.0, "total_iters": 500}},
          {"class_path": "torch.optim.lr_scheduler.CosineAnnealingLR",
           "init_args": {"T_max": 9500, "eta_min": 3e-5}}]}}})"));
  same_values(lightning, lightning_json, 10'000, 7);
  CHECK(lrsched::to_json(lightning) == lrsched::to_json(lightning_json));

  const auto hydra = yaml::load_config(read_data("hydra.yaml"), lrsched::dialect::pytorch);
  const auto hydra_json = lrsched::load_config(json::parse(R"({
      "optimizer": {"_target_": "torch.optim.AdamW", "lr": 0.001},
      "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.OneCycleLR", "max_lr": 0.001,
        "total_steps": 1000, "pct_start": 0.25, "anneal_strategy": "cos", "div_factor": 25.0,
        "final_div_factor": 1e4, "three_phase": false}})"));
  same_values(hydra, hydra_json, 1'000, 1);

  const auto ds = yaml::load_config(read_data("ds_config.yaml"));
  const auto ds_json = lrsched::load_config(json::parse(R"({
      "optimizer": {"type": "AdamW", "params": {"lr": 6e-4}},
      "scheduler": {"type": "WarmupDecayLR", "params": {"warmup_min_lr": 0,
        "warmup_max_lr": 6e-4, "warmup_num_steps": 2000, "total_num_steps": 20000,
        "warmup_type": "linear"}}})"));
  same_values(ds, ds_json, 20'000, 3);

  const auto megatron = yaml::load_config(read_data("megatron_args.yaml"));
  const auto megatron_json = lrsched::load_config(json::parse(R"({"lr": 1.5e-4,
      "min_lr": 1.5e-5, "lr_decay_style": "WSD", "lr_wsd_decay_style": "cosine",
      "lr_warmup_iters": 2000, "lr_decay_iters": 100000, "lr_wsd_decay_iters": 20000,
      "train_iters": 100000})"));
  same_values(megatron, megatron_json, 100'000, 13);
}

TEST_CASE("yaml: from_json writes YAML that reads back to the same tree") {
  const json tree = json::parse(R"({"kind": "chain", "steps": [2000], "pieces": [
      {"kind": "linear", "start_value": 0.0, "end_value": 3e-4, "steps": 2000},
      {"kind": "constant", "value": 3e-4}],
      "text": ["yes", "1e-3", "", "null", "0x10", "a: b", "#"], "big": 18446744073709551615,
      "neg": -9223372036854775808, "whole": 3.0, "tiny": 5e-324, "flag": true, "none": null,
      "empty": {}, "list": []})");
  const std::string text = yaml::from_json(tree);
  INFO(text);
  CHECK(yaml::to_json(text) == tree);
  CHECK(yaml::to_json(text).at("whole").is_number_float());
}
