// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The catalog of bad inputs: each names the JSON pointer of the offending value and
// says what was expected. Every entry is a distinct mistake a config author makes.
#include <lrsched/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

struct bad_input {
  const char* text;
  const char* pointer;
  const char* problem;
};

// clang-format off
const std::vector<bad_input> catalog = {
    {R"([])",
     "", "expected a schedule object, got an empty array"},
    {R"(42)",
     "", "expected a schedule object, got 42"},
    {R"(null)",
     "", "expected a schedule object, got null"},
    {R"({})",
     "", "missing required key \"kind\" (every schedule object names its kind)"},
    {R"({"value": 1})",
     "", "missing required key \"kind\" (every schedule object names its kind)"},
    {R"({"kind": 3, "value": 1})",
     "/kind", "expected a string naming the schedule's kind, got 3"},
    {R"({"kind": "Constant", "value": 1})",
     "/kind", "unknown kind \"Constant\"; did you mean \"constant\"?"},
    {R"({"kind": "zigzag_gizmo", "value": 1})",
     "/kind", "unknown kind \"zigzag_gizmo\"; no known kind is close (docs/json.md lists them)"},
    {R"({"kind": "constant"})",
     "", "missing required key \"value\" for kind \"constant\""},
    {R"({"kind": "constant", "value": 1, "valu": 2})",
     "/valu", "unknown key for kind \"constant\"; did you mean \"value\"?"},
    {R"({"kind": "constant", "value": 1, "peak_lr": 2})",
     "/peak_lr", "unknown key for kind \"constant\" (its keys: \"value\")"},
    {R"({"kind": "constant", "value": "1e-3"})",
     "/value", "expected a number, got \"1e-3\""},
    {R"({"kind": "constant", "value": null})",
     "/value", "expected a number, got null"},
    {R"({"kind": "constant", "value": true})",
     "/value", "expected a number, got true"},
    {R"({"kind": "constant", "value": 1e400})",
     "", "invalid JSON: number overflow parsing '1e400'"},
    {R"({"kind": "constant", "value": [1]})",
     "/value", "expected a number, got an array"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": -5})",
     "/steps", "expected a non-negative integer, got -5"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": 3.5})",
     "/steps", "expected a non-negative integer, got 3.5"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": 1e30})",
     "/steps", "expected a non-negative integer below 2^63, got 1e+30"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": "10"})",
     "/steps", "expected a non-negative integer, got \"10\""},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": true})",
     "/steps", "expected a non-negative integer, got true"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": 9223372036854775808})",
     "/steps", "expected a non-negative integer below 2^63, got 9223372036854775808"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": 9007199254740993.0})",
     "/steps", "expected a non-negative integer written exactly, got the float 9007199254740992: "
               "at or above 2^53 a number with a decimal point or an exponent may have been "
               "rounded; write the integer without them"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": 1e17})",
     "/steps", "expected a non-negative integer written exactly, got the float 1e+17: "
               "at or above 2^53 a number with a decimal point or an exponent may have been "
               "rounded; write the integer without them"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": -1e30})",
     "/steps", "expected a non-negative integer, got -1e+30"},
    {R"({"kind": "linear", "start_value": 0, "end_value": 1, "Steps": 10})",
     "/Steps", "unknown key for kind \"linear\"; did you mean \"steps\"?"},
    {R"({"kind": "linear", "start": 0, "end_value": 1, "steps": 10})",
     "/start", "unknown key for kind \"linear\"; did you mean \"start_value\"?"},
    {R"({"kind": "linear", "end_value": 1, "steps": 10})",
     "", "missing required key \"start_value\" for kind \"linear\""},
    {R"({"kind": "chain", "pieces": []})",
     "/pieces", "expected a non-empty array of schedules, got an empty array"},
    {R"({"kind": "chain", "pieces": {"kind": "constant", "value": 1}})",
     "/pieces", "expected a non-empty array of schedules, got an object"},
    {R"({"kind": "chain", "steps": [10]})",
     "", "missing required key \"pieces\" for kind \"chain\""},
    {R"({"kind": "chain", "steps": [10, 20], "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2}]})",
     "/steps", "chain: steps must be one duration per piece but the last (1), got 2"},
    {R"({"kind": "chain", "steps": [], "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2}]})",
     "/steps", "chain: steps must be one duration per piece but the last (1), got 0"},
    {R"({"kind": "chain", "steps": [10, -5], "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2}, {"kind": "constant", "value": 3}]})",
     "/steps/1", "expected a non-negative integer, got -5"},
    {R"({"kind": "chain", "steps": 10, "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2}]})",
     "/steps", "expected an array of non-negative integers, got 10"},
    {R"({"kind": "chain", "steps": [9223372036854775807, 1], "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2}, {"kind": "constant", "value": 3}]})",
     "/steps/1", "chain: steps[1] must be small enough that the chain fits in int64, got 1"},
    {R"({"kind": "chain", "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2}]})",
     "/pieces/0", "chain: piece 0 (constant) is open-ended, so the chain needs its duration in steps"},
    {R"({"kind": "chain", "steps": [5], "pieces": [{"kind": "constant", "value": 1}, 7]})",
     "/pieces/1", "expected a schedule object, got 7"},
    {R"({"kind": "chain", "steps": [5, 6], "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 1}, {"kind": "linear", "start_value": 1, "end_value": 0, "steps": -5}]})",
     "/pieces/2/steps", "expected a non-negative integer, got -5"},
    {R"({"kind": "product", "factors": []})",
     "/factors", "expected a non-empty array of schedules, got an empty array"},
    {R"({"kind": "product", "factors": [{"kind": "constant", "value": 2}, {"kind": "constant"}]})",
     "/factors/1", "missing required key \"value\" for kind \"constant\""},
    {R"({"kind": "scale", "factor": 2})",
     "", "missing required key \"schedule\" for kind \"scale\""},
    {R"({"kind": "scale", "factor": 2, "schedule": [{"kind": "constant", "value": 1}]})",
     "/schedule", "expected a schedule object, got an array"},
    {R"({"kind": "scale", "factor": 2, "schedule": {"kind": "constant", "value": 1}, "schedules": []})",
     "/schedules", "unknown key for kind \"scale\"; did you mean \"schedule\"?"},
    {R"({"kind": "clamp", "lo": 0.5, "hi": 0.1, "schedule": {"kind": "constant", "value": 1}})",
     "/hi", "clamp: hi must be >= lo (0.5), got 0.1"},
    {R"({"kind": "clamp", "lo": 0.5, "schedule": {"kind": "constant", "value": 1}})",
     "", "missing required key \"hi\" for kind \"clamp\""},
    {R"({"kind": "shift", "steps": -1, "schedule": {"kind": "constant", "value": 1}})",
     "/steps", "expected a non-negative integer, got -1"},
    {R"({"kind": "shift", "steps": 5, "schedule": {"kind": "shift", "steps": 5, "schedule": {"kind": "linear", "start_value": 0, "end_valu": 1, "steps": 2}}})",
     "/schedule/schedule/end_valu", "unknown key for kind \"linear\"; did you mean \"end_value\"?"},
    {R"({"kind": "constant", "value": 1, "value": 2})",
     "/value", "duplicate key (each key may appear once per object)"},
    {R"({"kind": "chain", "steps": [1], "pieces": [{"kind": "constant", "value": 1}, {"kind": "constant", "value": 2, "kind": "constant"}]})",
     "/pieces/1/kind", "duplicate key (each key may appear once per object)"},
    {R"({"kind": "constant", "value": 1,})",
     "", "invalid JSON: parse error at line 1, column 33: syntax error while parsing object key - unexpected '}'; expected string literal"},
    {R"({"kind": "constant", "value": 01})",
     "", "invalid JSON: parse error at line 1, column 32: syntax error while parsing object - unexpected number literal; expected '}'"},
    {R"({"kind": "constant" "value": 1})",
     "", "invalid JSON: parse error at line 1, column 27: syntax error while parsing object - unexpected string literal; expected '}'"},
    {R"({"kind": "constant", "value": NaN})",
     "", "invalid JSON: parse error at line 1, column 31: syntax error while parsing value - invalid literal; last read: '\"value\": N'"},
    {R"({"kind": "constant", "value": 1} trailing)",
     "", "invalid JSON: parse error at line 1, column 36: syntax error while parsing value - invalid literal; last read: '1} tra'; expected end of input"},
    {R"({"kind": "a/b~c", "value": 1})",
     "/kind", "unknown kind \"a/b~c\"; no known kind is close (docs/json.md lists them)"},
    {R"({"kind": "constant", "value": 1, "a/b~c": 2})",
     "/a~1b~0c", "unknown key for kind \"constant\" (its keys: \"value\")"},
    {R"({"kind": "constant", "value": "a very long string that keeps going and going and going on"})",
     "/value", "expected a number, got \"a very long string that keeps going and ...\""},
};
// clang-format on

/// Runs `load`, which must throw a config_error at `pointer` saying `problem`.
template <class Load>
void expect_error(Load load, const std::string& pointer, const std::string& problem) {
  try {
    (void)load();
    FAIL("expected config_error");
  } catch (const lrsched::config_error& e) {
    CHECK(e.pointer() == pointer);
    CHECK(e.problem() == problem);
    CHECK(std::string(e.what()) == (pointer.empty() ? "(root)" : pointer) + ": " + problem);
  }
}

void check_error(const std::string& text, const std::string& pointer, const std::string& problem) {
  INFO(text);
  expect_error([&] { return lrsched::parse_schedule(text); }, pointer, problem);
}

/// `levels` schedules, each a scale of the next, around a constant.
json nested_scales(int levels) {
  json j = {{"kind", "constant"}, {"value", 1.0}};
  for (int k = 1; k < levels; ++k) j = {{"kind", "scale"}, {"factor", 1.0}, {"schedule", j}};
  return j;
}

}  // namespace

TEST_CASE("every bad input in the catalog gets its pointer and message") {
  std::set<std::string> distinct;
  for (const auto& entry : catalog) {
    check_error(entry.text, entry.pointer, entry.problem);
    distinct.insert(entry.text);
  }
  CHECK(distinct.size() == catalog.size());
  CHECK(catalog.size() >= 40);
}

TEST_CASE("nesting deeper than 64 schedules is refused at the 65th") {
  CHECK(lrsched::from_json(nested_scales(64))(0) == 1.0);
  std::string pointer;
  for (int k = 1; k < 65; ++k) pointer += "/schedule";
  expect_error([] { return lrsched::from_json(nested_scales(65)); }, pointer,
               "expected at most 64 levels of nested schedules, got more");
}

TEST_CASE("deeply nested JSON text is refused while parsing, before it is built") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  std::string pointer;
  for (int k = 0; k < 256; ++k) pointer += "/0";  // the 257th array
  expect_error([&] { return lrsched::parse_schedule(deep); }, pointer,
               "expected at most 256 levels of nesting, got more");
}

TEST_CASE("values a parser cannot produce but a program can are refused too") {
  const auto check_value = [](double value, const std::string& shown) {
    expect_error(
        [&] {
          return lrsched::from_json(json{{"kind", "constant"}, {"value", value}});
        },
        "/value", "expected a finite number, got " + shown);
  };
  check_value(std::numeric_limits<double>::quiet_NaN(), "nan");
  check_value(std::numeric_limits<double>::infinity(), "inf");
  check_value(-std::numeric_limits<double>::infinity(), "-inf");
  expect_error(
      [] {
        return lrsched::from_json(json{{"kind", "shift"},
                                       {"steps", std::numeric_limits<double>::infinity()},
                                       {"schedule", {{"kind", "constant"}, {"value", 1.0}}}});
      },
      "/steps", "expected a non-negative integer, got inf");
}

TEST_CASE("a key suggestion needs a close spelling; otherwise the keys are listed") {
  check_error(R"({"kind": "linear", "start_value": 0, "end_value": 1, "warmup": 10})", "/warmup",
              "unknown key for kind \"linear\" (its keys: \"start_value\", \"end_value\", "
              "\"steps\")");
  check_error(R"({"kind": "linear", "start_value": 0, "end_value": 1, "stpes": 10})", "/stpes",
              "unknown key for kind \"linear\"; did you mean \"steps\"?");
}

TEST_CASE("mangled configs give a config_error or a schedule, never anything else") {
  const std::string good = R"({"kind": "chain", "steps": [2000, 80000], "pieces": [
    {"kind": "linear", "start_value": 0, "end_value": 3e-4, "steps": 2000},
    {"kind": "product", "factors": [{"kind": "constant", "value": 3e-4},
      {"kind": "clamp", "lo": 0, "hi": 1, "schedule": {"kind": "shift", "steps": 5,
        "schedule": {"kind": "scale", "factor": 2, "schedule":
          {"kind": "linear", "start_value": 1, "end_value": 0, "steps": 100}}}}]},
    {"kind": "linear", "start_value": 3e-4, "end_value": 0, "steps": 18000}]})";
  const std::string alphabet = "{}[]\":,-.0123456789eE+ \\tfnrulasxyz/~";
  lrsched::test::random_source rng(99);
  int loaded = 0;
  int refused = 0;
  for (int i = 0; i < 20'000; ++i) {
    std::string text = good;
    const auto edits = rng.integer(1, 4);
    for (std::int64_t e = 0; e < edits; ++e) {
      const auto at =
          static_cast<std::size_t>(rng.integer(0, static_cast<std::int64_t>(text.size()) - 1));
      const char c = alphabet[static_cast<std::size_t>(
          rng.integer(0, static_cast<std::int64_t>(alphabet.size()) - 1))];
      switch (rng.integer(0, 2)) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(at, 1, c);
          break;
        default:
          text.erase(at, 1);
          break;
      }
    }
    try {
      const auto s = lrsched::parse_schedule(text);
      for (const auto t : lrsched::test::extreme_steps) REQUIRE(std::isfinite(s(t)));
      ++loaded;
    } catch (const lrsched::config_error&) {
      ++refused;
    }
  }
  CHECK(loaded + refused == 20'000);
  CHECK(loaded > 100);
  CHECK(refused > 100);
}
