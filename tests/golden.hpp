// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Golden parity: load a peer's reference numbers from tests/data/<system>.json and check a
// schedule against every recorded step and the recorded summed LR.
//
// Usage, in a tests/test_golden_<system>.cpp:
//
//   namespace golden = lrsched::test::golden;
//   TEST_CASE("lrsched reproduces every <system> golden case") {
//     const auto file = golden::load("timm.json");
//     const auto tally = golden::run(file, {
//         {"StepLRScheduler", [](const golden::golden_case& c, golden::tally& t) {
//            t.check(c, "timm::step", lrsched::timm::step(c.number("decay_t"), ...));
//            t.check(c, "native step_decay", lrsched::step_decay(...));   // where they coincide
//          }},
//     }, {{"SomeClass", "covered by test_other.cpp"}});
//     tally.print(std::cout);
//   }
//
// `run` fails the test for any case whose class_or_function has neither a handler nor a
// skip reason, so a new case in the data cannot go unchecked. `tally::check` records one
// CHECK per (case, label) for the worst step, one for the summed LR, and the errors it saw.
#ifndef LRSCHED_TESTS_GOLDEN_HPP
#define LRSCHED_TESTS_GOLDEN_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iomanip>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/concepts.hpp>
#include <lrsched/sum.hpp>

#include "catch.hpp"
#include "support.hpp"

namespace lrsched::test::golden {

/// One recorded case: the peer function, its parameters exactly as a user passes them,
/// the recorded steps with their learning rates, and Σ lr(t) over [0, sum_steps).
struct golden_case {
  std::string id;
  std::string function;  // class_or_function
  std::string family;
  nlohmann::json params;
  std::optional<double> base_lr;  // null in optax
  std::vector<std::int64_t> steps;
  std::vector<double> lr;
  std::vector<double> lr_closed_form;  // PyTorch only, where the class has one; else empty
  double sum = 0.0;
  std::int64_t sum_steps = 0;
  bool sampled = false;
  std::string note;
  nlohmann::json raw;  // the whole case, for fields a system adds (config_name, metrics)

  /// Required numeric parameter (fails the test with the case id if missing).
  [[nodiscard]] double number(const std::string& name) const { return param(name).get<double>(); }
  [[nodiscard]] std::int64_t integer(const std::string& name) const {
    return param(name).get<std::int64_t>();
  }
  /// Optional parameters, with the peer's own default.
  [[nodiscard]] double number_or(const std::string& name, double fallback) const {
    return params.contains(name) && !params.at(name).is_null() ? params.at(name).get<double>()
                                                               : fallback;
  }
  [[nodiscard]] std::int64_t integer_or(const std::string& name, std::int64_t fallback) const {
    return params.contains(name) && !params.at(name).is_null() ? params.at(name).get<std::int64_t>()
                                                               : fallback;
  }
  [[nodiscard]] bool flag_or(const std::string& name, bool fallback) const {
    return params.contains(name) && !params.at(name).is_null() ? params.at(name).get<bool>()
                                                               : fallback;
  }
  [[nodiscard]] std::string text_or(const std::string& name, const std::string& fallback) const {
    return params.contains(name) && !params.at(name).is_null() ? params.at(name).get<std::string>()
                                                               : fallback;
  }
  /// The optimizer's LR; fails the test when the case has none.
  [[nodiscard]] double base() const {
    if (!base_lr) throw std::runtime_error(id + ": no base_lr");
    return *base_lr;
  }

  [[nodiscard]] const nlohmann::json& param(const std::string& name) const {
    if (!params.contains(name)) throw std::runtime_error(id + ": no parameter '" + name + "'");
    return params.at(name);
  }
};

/// A whole data file: where the numbers came from, and every case.
struct golden_file {
  std::string system;
  std::string version;
  std::string source;
  std::string semantics;
  std::vector<golden_case> cases;
};

/// Reads LRSCHED_TEST_DATA_DIR/<file_name> (e.g. "pytorch.json").
inline golden_file load(std::string_view file_name) {
  const std::string path = std::string(LRSCHED_TEST_DATA_DIR) + "/" + std::string(file_name);
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  const auto json = nlohmann::json::parse(in);
  golden_file file;
  file.system = json.at("system").get<std::string>();
  file.version = json.at("version").get<std::string>();
  file.source = json.at("source").get<std::string>();
  file.semantics = json.value("semantics", "");
  for (const auto& c : json.at("cases")) {
    golden_case g;
    g.id = c.at("id").get<std::string>();
    g.function = c.at("class_or_function").get<std::string>();
    g.family = c.value("family", "");
    g.params = c.at("params");
    if (c.contains("base_lr") && !c.at("base_lr").is_null())
      g.base_lr = c.at("base_lr").get<double>();
    g.steps = c.at("steps").get<std::vector<std::int64_t>>();
    g.lr = c.at("lr").get<std::vector<double>>();
    if (c.contains("lr_closed_form"))
      g.lr_closed_form = c.at("lr_closed_form").get<std::vector<double>>();
    g.sum = c.at("sum").get<double>();
    g.sum_steps = c.at("sum_steps").get<std::int64_t>();
    g.sampled = c.value("sampled", false);
    g.note = c.value("note", "");
    g.raw = c;
    if (g.steps.size() != g.lr.size())
      throw std::runtime_error(g.id + ": steps and lr differ in size");
    file.cases.push_back(std::move(g));
  }
  return file;
}

/// Which recorded column a check compares against.
enum class column { lr, lr_closed_form };

/// How strictly a check compares. Loosen only with a `reason`, which is printed.
struct options {
  double step_tolerance = 1e-12;  // relative error per step
  double sum_tolerance = 1e-12;   // relative error of lrsched::sum vs the recorded sum
  double absolute_floor = 0.0;    // step differences at or below this count as 0
  // Step differences at or below this many ulps of the case's largest |lr| count as 0:
  // for a peer whose own formula loses precision near a small value (1 + cos(x) near
  // x = π), where its rounding error is a few ulps of the peak, not of the value.
  double peak_ulps = 0.0;
  column compare = column::lr;
  bool check_sum = true;
  std::string reason;  // why the defaults were changed
};

/// What the checks of one label (e.g. "CosineAnnealingLR via pytorch::cosine_annealing_lr") saw.
struct measurement {
  std::size_t cases = 0;
  std::size_t steps = 0;
  double max_step_error = 0.0;      // after the options' floor: what the CHECK compares
  double max_raw_step_error = 0.0;  // the plain relative error, before any floor
  double max_sum_error = 0.0;
  std::string notes;  // reasons for loosened options
};

/// Collects the checks of a run: per label, the number of cases and steps and the worst errors.
class tally {
 public:
  /// Checks `s` against every recorded step of `c` and (unless disabled) lrsched::sum over
  /// [0, c.sum_steps) against the recorded sum. `label` names the route taken, e.g.
  /// "pytorch::step_lr" or "native step_decay"; results are grouped by function and label.
  template <Schedule S>
  void check(const golden_case& c, const std::string& label, const S& s, const options& opt = {}) {
    const auto& expected = opt.compare == column::lr ? c.lr : c.lr_closed_form;
    INFO(c.id << " via " << label);
    REQUIRE(expected.size() == c.steps.size());
    double peak = 0.0;
    for (const double v : expected) peak = std::max(peak, std::fabs(v));
    const double floor =
        std::max(opt.absolute_floor, opt.peak_ulps * std::numeric_limits<double>::epsilon() * peak);
    double worst = 0.0;
    double worst_raw = 0.0;
    std::size_t worst_index = 0;
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
      const double actual = static_cast<double>(s(c.steps[i]));
      double error = relative_error(actual, expected[i], floor);
      if (!std::isfinite(actual)) error = std::numeric_limits<double>::infinity();
      worst_raw =
          std::max(worst_raw, std::isfinite(actual) ? relative_error(actual, expected[i])
                                                    : std::numeric_limits<double>::infinity());
      if (i == 0 || error > worst) {
        worst = error;
        worst_index = i;
      }
    }
    {
      INFO("worst step " << c.steps[worst_index] << ": lrsched " << std::setprecision(17)
                         << s(c.steps[worst_index]) << ", peer " << expected[worst_index]
                         << ", relative error " << worst);
      CHECK(worst <= opt.step_tolerance);
    }
    auto& m = results_[c.function + " via " + label];
    ++m.cases;
    m.steps += c.steps.size();
    m.max_step_error = std::max(m.max_step_error, worst);
    m.max_raw_step_error = std::max(m.max_raw_step_error, worst_raw);
    if (!opt.reason.empty() && m.notes.find(opt.reason) == std::string::npos) {
      m.notes += (m.notes.empty() ? "" : "; ") + opt.reason;
    }
    if (opt.check_sum) {
      const double summed = lrsched::sum(s, 0, c.sum_steps);
      const double sum_error = relative_error(summed, c.sum);
      INFO("summed LR over [0, " << c.sum_steps << "): lrsched " << std::setprecision(17) << summed
                                 << ", peer " << c.sum);
      CHECK(sum_error <= opt.sum_tolerance);
      m.max_sum_error = std::max(m.max_sum_error, sum_error);
    }
  }

  /// One line per label: cases, steps, worst step and sum errors, and any loosening reason.
  void print(std::ostream& out) const {
    out.precision(3);
    for (const auto& [label, m] : results_) {
      out << label << ": " << m.cases << " case(s), " << m.steps << " steps, max step error "
          << m.max_step_error;
      if (m.max_raw_step_error != m.max_step_error) {
        out << " (" << m.max_raw_step_error << " before the floor)";
      }
      out << ", max sum error " << m.max_sum_error;
      if (!m.notes.empty()) out << " [" << m.notes << "]";
      out << '\n';
    }
    out << "overall: max step error " << max_step_error() << " (" << max_raw_step_error()
        << " before any floor), max sum error " << max_sum_error() << '\n';
  }

  [[nodiscard]] const std::map<std::string, measurement>& results() const noexcept {
    return results_;
  }
  [[nodiscard]] double max_step_error() const noexcept {
    double worst = 0.0;
    for (const auto& [label, m] : results_) worst = std::max(worst, m.max_step_error);
    return worst;
  }
  [[nodiscard]] double max_raw_step_error() const noexcept {
    double worst = 0.0;
    for (const auto& [label, m] : results_) worst = std::max(worst, m.max_raw_step_error);
    return worst;
  }
  [[nodiscard]] double max_sum_error() const noexcept {
    double worst = 0.0;
    for (const auto& [label, m] : results_) worst = std::max(worst, m.max_sum_error);
    return worst;
  }

  /// Cases handled by run() (each counted once, however many routes checked it).
  std::size_t cases_handled = 0;
  /// Cases skipped by run(), with their reasons.
  std::vector<std::pair<std::string, std::string>> skipped;

 private:
  std::map<std::string, measurement> results_;
};

/// Checks one case: calls tally::check once per route (peer-faithful, native, ...).
using handler = std::function<void(const golden_case&, tally&)>;

/// Runs every case of `file` through the handler for its class_or_function. A case whose
/// function has neither a handler nor an entry in `skip` (function -> reason) fails the
/// test, and so does a handler that checks nothing.
inline tally run(const golden_file& file, const std::map<std::string, handler>& handlers,
                 const std::map<std::string, std::string>& skip = {}) {
  tally t;
  for (const auto& c : file.cases) {
    INFO(file.system << " " << file.version << ": " << c.id);
    if (const auto it = handlers.find(c.function); it != handlers.end()) {
      std::size_t before = 0;
      for (const auto& [label, m] : t.results()) before += m.cases;
      it->second(c, t);
      std::size_t after = 0;
      for (const auto& [label, m] : t.results()) after += m.cases;
      CHECK(after > before);
      ++t.cases_handled;
    } else if (const auto reason = skip.find(c.function); reason != skip.end()) {
      t.skipped.emplace_back(c.id, reason->second);
    } else {
      FAIL_CHECK("no handler for " << c.function);
    }
  }
  CHECK(t.cases_handled + t.skipped.size() == file.cases.size());
  return t;
}

/// Prints what a run checked: the file's origin, the case counts, and `tally::print`.
inline void report(std::ostream& out, const golden_file& file, const tally& t) {
  out << file.system << " " << file.version << " (" << file.source << "): " << t.cases_handled
      << " cases checked, " << t.skipped.size() << " skipped\n";
  for (const auto& [id, reason] : t.skipped) out << "  skipped " << id << ": " << reason << '\n';
  t.print(out);
}

/// The number of cases of `file` whose class_or_function is `function`.
inline std::size_t count(const golden_file& file, std::string_view function) {
  return static_cast<std::size_t>(std::count_if(
      file.cases.begin(), file.cases.end(), [&](const auto& c) { return c.function == function; }));
}

}  // namespace lrsched::test::golden

#endif  // LRSCHED_TESTS_GOLDEN_HPP
