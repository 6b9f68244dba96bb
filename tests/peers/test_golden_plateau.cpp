// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// ReduceLROnPlateau against PyTorch 1.13's recorded learning rates (tests/data/pytorch.json).
#include <lrsched/constant.hpp>
#include <lrsched/plateau.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "catch.hpp"
#include "support.hpp"

TEST_CASE("plateau reproduces every PyTorch ReduceLROnPlateau golden case") {
  std::ifstream file(std::string(LRSCHED_TEST_DATA_DIR) + "/pytorch.json");
  REQUIRE(file.good());
  const auto golden = nlohmann::json::parse(file);
  int cases = 0;
  double worst = 0.0;
  for (const auto& c : golden.at("cases")) {
    if (c.at("class_or_function") != "ReduceLROnPlateau") continue;
    ++cases;
    const auto& p = c.at("params");
    lrsched::plateau_options options;
    options.mode =
        p.value("mode", "min") == "min" ? lrsched::plateau_mode::min : lrsched::plateau_mode::max;
    options.factor = p.value("factor", 0.1);
    options.patience = p.value("patience", 10);
    options.threshold = p.value("threshold", 1e-4);
    options.threshold_mode = p.value("threshold_mode", "rel") == "rel"
                                 ? lrsched::plateau_threshold::rel
                                 : lrsched::plateau_threshold::abs;
    options.cooldown = p.value("cooldown", 0);
    options.min_lr = p.value("min_lr", 0.0);
    options.eps = p.value("eps", 1e-8);
    const lrsched::constant base(c.at("base_lr").get<double>());
    lrsched::reduce_on_plateau plateau(options);
    const auto& metrics = c.at("metrics");
    const auto& lrs = c.at("lr");
    REQUIRE(metrics.size() == lrs.size());
    int reductions = 0;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      if (plateau.update(metrics[i].get<double>(), base, static_cast<std::int64_t>(i))) {
        ++reductions;
      }
      const double expected = lrs[i].get<double>();
      const double actual = plateau.lr(base, static_cast<std::int64_t>(i) + 1);
      INFO(c.at("id").get<std::string>() << " call " << i + 1);
      const double err = lrsched::test::relative_error(actual, expected);
      worst = std::max(worst, err);
      CHECK(err <= 1e-12);
    }
    CHECK(reductions > 0);  // every recorded case exercises at least one reduction
  }
  CHECK(cases == 3);
  INFO("worst relative error " << worst);
  CHECK(worst <= 1e-12);
}
