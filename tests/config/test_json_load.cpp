// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/json.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

using lrsched::any_schedule;
using lrsched::constant;
using lrsched::for_steps;
using lrsched::linear;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

std::vector<std::int64_t> probe_steps() {
  std::vector<std::int64_t> steps;
  for (std::int64_t t = -2; t < 300; ++t) steps.push_back(t);
  for (std::int64_t t = 300; t < 200'000; t += 997) steps.push_back(t);
  for (const auto t : lrsched::test::extreme_steps) steps.push_back(t);
  return steps;
}

/// Same value at every probe step and the same sums over a few ranges.
template <class A, class B>
void check_same_values(const A& a, const B& b, bool long_range = true) {
  for (const auto t : probe_steps()) {
    INFO("step " << t);
    REQUIRE(a(t) == b(t));
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges{{0, 10}, {0, 1000}, {37, 150'000}};
  // A clamp has no closed form: only shapes that have one are summed over 2^40 steps.
  if (lrsched::ClosedFormSum<B> && long_range) ranges.emplace_back(0, std::int64_t{1} << 40);
  for (const auto& [first, last] : ranges) {
    CHECK(lrsched::sum(a, first, last) == lrsched::sum(b, first, last));
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> example_configs() {
  const std::filesystem::path dir =
      std::filesystem::path(LRSCHED_TEST_DATA_DIR) / ".." / ".." / "examples" / "configs";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void collect_kinds(const json& j, std::set<std::string>& kinds) {
  if (j.is_object()) {
    if (j.contains("kind") && j["kind"].is_string()) kinds.insert(j["kind"].get<std::string>());
    for (const auto& [key, value] : j.items()) collect_kinds(value, kinds);
  } else if (j.is_array()) {
    for (const auto& value : j) collect_kinds(value, kinds);
  }
}

}  // namespace

TEST_CASE("each core kind loads to the schedule its C++ constructor makes") {
  SECTION("constant") {
    const auto s = lrsched::from_json(json::parse(R"({"kind": "constant", "value": 1e-3})"));
    check_same_values(s, constant(1e-3));
    CHECK(s.describe() == constant(1e-3).describe());
  }
  SECTION("linear") {
    const auto s = lrsched::from_json(
        json::parse(R"({"kind": "linear", "start_value": 0, "end_value": 3e-4, "steps": 2000})"));
    check_same_values(s, linear(0.0, 3e-4, 2000));
    CHECK(s.length() == 2000);
  }
  SECTION("chain with durations") {
    const auto s = lrsched::from_json(json::parse(R"({"kind": "chain", "steps": [2000, 80000],
      "pieces": [{"kind": "linear", "start_value": 0, "end_value": 3e-4, "steps": 2000},
                 {"kind": "constant", "value": 3e-4},
                 {"kind": "linear", "start_value": 3e-4, "end_value": 0, "steps": 18000}]})"));
    const auto typed = lrsched::chain(linear(0.0, 3e-4, 2000), for_steps(80'000, constant(3e-4)),
                                      linear(3e-4, 0.0, 18'000));
    check_same_values(s, typed);
    CHECK(s.describe() == typed.describe());
    CHECK(s.length() == 100'000);
  }
  SECTION("chain without durations plays each piece for its length") {
    const auto s = lrsched::from_json(json::parse(R"({"kind": "chain",
      "pieces": [{"kind": "linear", "start_value": 0, "end_value": 1, "steps": 10},
                 {"kind": "scale", "factor": 2, "schedule":
                    {"kind": "linear", "start_value": 0.5, "end_value": 0, "steps": 20}},
                 {"kind": "constant", "value": 0}]})"));
    const auto typed = lrsched::chain(linear(0.0, 1.0, 10),
                                      lrsched::scale(linear(0.5, 0.0, 20), 2.0), constant(0.0));
    check_same_values(s, typed);
    CHECK(s.describe() == typed.describe());
  }
  SECTION("product") {
    const auto s = lrsched::from_json(json::parse(R"({"kind": "product", "factors":
      [{"kind": "constant", "value": 0.1},
       {"kind": "linear", "start_value": 1, "end_value": 0, "steps": 100}]})"));
    const auto typed = lrsched::multiply(constant(0.1), linear(1.0, 0.0, 100));
    check_same_values(s, typed);
    CHECK(s.describe() == typed.describe());
  }
  SECTION("scale, clamp and shift keep the inner length") {
    const auto s = lrsched::from_json(json::parse(R"({"kind": "clamp", "lo": 1e-5, "hi": 1e-3,
      "schedule": {"kind": "shift", "steps": 100, "schedule": {"kind": "scale", "factor": 2e-3,
        "schedule": {"kind": "linear", "start_value": 1, "end_value": 0, "steps": 1000}}}})"));
    const auto typed = lrsched::clamp(
        lrsched::shift(lrsched::scale(linear(1.0, 0.0, 1000), 2e-3), 100), 1e-5, 1e-3);
    check_same_values(s, typed);
    CHECK(s.describe() == typed.describe());
    CHECK(s.length() == 1100);
  }
}

TEST_CASE("a loaded chain sums in closed form, matching a compensated loop") {
  const auto s = lrsched::parse_schedule(R"({"kind": "chain", "steps": [2000, 43000, 8000],
    "pieces": [{"kind": "linear", "start_value": 0, "end_value": 5e-5, "steps": 2000},
               {"kind": "constant", "value": 5e-5},
               {"kind": "linear", "start_value": 5e-5, "end_value": 4.5e-5, "steps": 8000},
               {"kind": "constant", "value": 2.8e-5}]})");
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, 60'000),
                                      lrsched::test::reference_sum(s, 0, 60'000)) <= 1e-13);
  // 2^50 steps: only a closed form finishes; the tail is the last constant.
  const long double tail_steps = static_cast<long double>(std::int64_t{1} << 50) - 53'000.0L;
  const long double expected = lrsched::test::reference_sum(s, 0, 53'000) + tail_steps * 2.8e-5L;
  CHECK(lrsched::test::relative_error(lrsched::sum(s, 0, std::int64_t{1} << 50), expected) <=
        1e-13);
}

TEST_CASE("writing gives kind first, then parameters in constructor order, then children") {
  const auto typed = lrsched::chain(linear(0.0, 3e-4, 2000), for_steps(8000, constant(3e-4)),
                                    lrsched::scale(linear(1.0, 0.0, 500), 3e-4));
  CHECK(lrsched::to_ordered_json(typed).dump() ==
        R"({"kind":"chain","steps":[2000,8000],"pieces":[)"
        R"({"kind":"linear","start_value":0.0,"end_value":0.0003,"steps":2000},)"
        R"({"kind":"constant","value":0.0003},)"
        R"({"kind":"scale","factor":0.0003,"schedule":)"
        R"({"kind":"linear","start_value":1.0,"end_value":0.0,"steps":500}}]})");
  // nlohmann::json orders keys by name; the content is the same.
  CHECK(lrsched::to_json(typed) == json::parse(lrsched::to_ordered_json(typed).dump()));
}

TEST_CASE("nested chains flatten when written, with the same values") {
  const auto inner = lrsched::chain(linear(0.0, 1.0, 4), linear(1.0, 0.5, 6), constant(0.5));
  const auto typed = lrsched::chain(for_steps(3, constant(2.0)), for_steps(7, inner),
                                    lrsched::chain(linear(0.1, 0.0, 5), constant(0.0)));
  const auto written = lrsched::to_ordered_json(typed);
  CHECK(written["steps"] == ordered_json::parse("[3, 4, 3, 5]"));
  CHECK(written["pieces"].size() == 5);
  check_same_values(lrsched::from_json(written), typed);
}

TEST_CASE("every example config loads, and to_json(from_json(doc)) is stable") {
  const auto files = example_configs();
  REQUIRE(files.size() >= 3);
  for (const auto& file : files) {
    INFO(file.filename().string());
    const auto document = lrsched::parse_config(read_file(file));
    const auto loaded = lrsched::from_json(document);
    const auto normalized = lrsched::to_ordered_json(loaded);
    const auto reloaded = lrsched::from_json(normalized);
    check_same_values(loaded, reloaded, /*long_range=*/false);  // a clamp sums by loop
    CHECK(lrsched::to_ordered_json(reloaded) == normalized);
    CHECK(lrsched::to_json(reloaded) == lrsched::to_json(loaded));
  }
}

TEST_CASE("every registered kind appears in an example config") {
  std::set<std::string> used;
  for (const auto& file : example_configs()) collect_kinds(json::parse(read_file(file)), used);
  for (const auto& kind : lrsched::config::kinds().names()) {
    INFO("kind " << kind);
    CHECK(used.count(kind) == 1);
  }
}

TEST_CASE("integral numbers written as floats count as steps") {
  const auto s = lrsched::parse_schedule(
      R"({"kind": "linear", "start_value": 1, "end_value": 0, "steps": 1e5})");
  CHECK(s.length() == 100'000);
  const auto t = lrsched::parse_schedule(
      R"({"kind": "shift", "steps": 2.0, "schedule": {"kind": "constant", "value": 1}})");
  CHECK(t.describe().find("steps") != nullptr);
  CHECK(std::get<std::int64_t>(*t.describe().find("steps")) == 2);
  // The largest float below 2^53 is exact, so it loads; one step past it is refused.
  const auto u = lrsched::parse_schedule(
      R"({"kind": "linear", "start_value": 1, "end_value": 0, "steps": 9007199254740991.0})");
  CHECK(u.length() == 9'007'199'254'740'991);
  // As an integer literal the same count, and larger ones, are exact.
  const auto v = lrsched::parse_schedule(
      R"({"kind": "linear", "start_value": 1, "end_value": 0, "steps": 9007199254740993})");
  CHECK(v.length() == 9'007'199'254'740'993);
}

TEST_CASE("step counts near 2^63 load exactly") {
  const auto s = lrsched::parse_schedule(
      R"({"kind": "linear", "start_value": 1, "end_value": 0, "steps": 9223372036854775807})");
  CHECK(s.length() == std::numeric_limits<std::int64_t>::max());
  CHECK(s(std::int64_t{1} << 62) == Approx(0.5));
}

TEST_CASE("nlohmann's own hooks convert schedules both ways") {
  const json j = linear(0.0, 1e-3, 100);
  CHECK(j == json::parse(R"({"kind":"linear","start_value":0.0,"end_value":0.001,"steps":100})"));
  const auto s = j.get<any_schedule>();
  CHECK(s(50) == linear(0.0, 1e-3, 100)(50));
  const json back = s;
  CHECK(back == j);
  const ordered_json ordered = s;
  CHECK(ordered.begin().key() == "kind");
  CHECK(ordered.get<any_schedule>()(50) == s(50));
}

TEST_CASE("a user-defined schedule without describe() has no JSON form") {
  const auto user = [](std::int64_t t) { return t < 10 ? 1.0 : 0.5; };
  try {
    (void)lrsched::to_json(lrsched::chain(for_steps(5, constant(1.0)), user));
    FAIL("expected config_error");
  } catch (const lrsched::config_error& e) {
    CHECK(e.pointer() == "/pieces/1");
    CHECK(std::string(e.what()) ==
          "/pieces/1: expected a schedule with a JSON form, got a user-defined schedule without "
          "describe()");
  }
}

namespace {
/// A user's own schedule type, registered as a kind of its own.
class halving {
 public:
  halving(double value, std::int64_t every) : value_(value), every_(every) {
    if (every < 1) throw lrsched::invalid_schedule("every", "halving: every must be >= 1");
  }
  double operator()(std::int64_t t) const noexcept {
    return value_ / static_cast<double>(std::int64_t{1}
                                        << std::min<std::int64_t>(60, (t < 0 ? 0 : t) / every_));
  }
  lrsched::description describe() const {
    return lrsched::description{"user.halving"}.with("value", value_).with("every", every_);
  }

 private:
  double value_;
  std::int64_t every_;
};
}  // namespace

TEST_CASE("a program can register its own kind and load, write and check it") {
  using namespace lrsched::config;
  if (kinds().find("user.halving") == nullptr) {
    kinds().add(
        "user.halving", "halves every `every` steps",
        [](double value, std::int64_t every) { return halving(value, every); }, real("value"),
        steps("every", 10));
  }
  const auto s = lrsched::parse_schedule(R"({"kind": "user.halving", "value": 1})");
  CHECK(s(25) == 0.25);
  CHECK(lrsched::to_ordered_json(s).dump() == R"({"kind":"user.halving","value":1.0,"every":10})");
  try {
    (void)lrsched::parse_schedule(R"({"kind": "user.halving", "value": 1, "every": 0})");
    FAIL("expected config_error");
  } catch (const lrsched::config_error& e) {
    CHECK(std::string(e.what()) == "/every: halving: every must be >= 1");
  }
  CHECK_THROWS_AS(kinds().add(
                      "linear", "again", [](double v) { return constant(v); }, real("value")),
                  std::logic_error);
}

TEST_CASE("randomly nested documents reload to identical values and sums") {
  lrsched::test::random_source rng(2024);
  // Builds a random document of core kinds, `depth` levels at most.
  const auto random_doc = [&rng](const auto& self, int depth) -> json {
    const auto pick = depth <= 0 ? rng.integer(0, 1) : rng.integer(0, 6);
    const double v = rng.log_uniform(1e-6, 1e-2);
    switch (pick) {
      case 0:
        return {{"kind", "constant"}, {"value", v}};
      case 1:
        return {{"kind", "linear"},
                {"start_value", v},
                {"end_value", v * rng.uniform(0, 1)},
                {"steps", rng.integer(0, 300)}};
      case 2: {
        json pieces = json::array();
        json steps = json::array();
        const auto n = rng.integer(1, 4);
        for (std::int64_t k = 0; k < n; ++k) {
          pieces.push_back(self(self, depth - 1));
          if (k + 1 < n) steps.push_back(rng.integer(0, 200));
        }
        return {{"kind", "chain"}, {"steps", steps}, {"pieces", pieces}};
      }
      case 3:
        return {{"kind", "product"},
                {"factors",
                 {{{"kind", "constant"}, {"value", rng.uniform(0.5, 2)}}, self(self, depth - 1)}}};
      case 4:
        return {{"kind", "scale"},
                {"factor", rng.uniform(0.1, 3)},
                {"schedule", self(self, depth - 1)}};
      case 5:
        return {{"kind", "clamp"}, {"lo", 0.0}, {"hi", v}, {"schedule", self(self, depth - 1)}};
      default:
        return {
            {"kind", "shift"}, {"steps", rng.integer(0, 100)}, {"schedule", self(self, depth - 1)}};
    }
  };
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {
    const json doc = random_doc(random_doc, 4);
    const auto s = lrsched::from_json(doc);
    const auto normalized = lrsched::to_json(s);
    const auto r = lrsched::from_json(normalized);
    REQUIRE(lrsched::to_json(r) == normalized);
    for (int k = 0; k < 20; ++k) {
      const auto t = rng.integer(-5, 2000);
      REQUIRE(s(t) == r(t));
    }
    const auto first = rng.integer(0, 1000);
    const auto last = first + rng.integer(0, 1000);
    worst = std::max(worst,
                     lrsched::test::relative_error(lrsched::sum(s, first, last),
                                                   lrsched::test::reference_sum(s, first, last)));
  }
  CHECK(worst <= 1e-12);
}
