// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The HuggingFace dialect: TrainingArguments fields loaded as the Trainer's scheduler. Every
// golden case of tests/data/huggingface.json is written as TrainingArguments (the mapping from
// the case's function arguments to the fields is here, in the test) and must give HF's
// numbers; bad documents get a config_error at the offending field.
#include <lrsched/dialects.hpp>
#include <lrsched/peers/huggingface.hpp>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>

#include "catch.hpp"
#include "dialect_checks.hpp"
#include "golden.hpp"
#include "support.hpp"

namespace golden = lrsched::test::golden;
namespace dialect = lrsched::test::dialect;
using document = nlohmann::ordered_json;

namespace {

/// The case's arguments as TrainingArguments: the scheduler type is the case's config_name,
/// num_warmup_steps is warmup_steps, num_training_steps is max_steps, the rest are
/// lr_scheduler_kwargs.
document training_arguments(const golden::golden_case& c) {
  document doc = document::object();
  doc["learning_rate"] = c.base();
  doc["lr_scheduler_type"] = c.raw.at("config_name").get<std::string>();
  document kwargs = document::object();
  for (const auto& [key, value] : c.params.items()) {
    if (key == "num_warmup_steps") {
      doc["warmup_steps"] = value;
    } else if (key == "num_training_steps") {
      doc["max_steps"] = value;
    } else {
      kwargs[key] = value;
    }
  }
  if (!kwargs.empty()) doc["lr_scheduler_kwargs"] = kwargs;
  return doc;
}

}  // namespace

TEST_CASE("every HuggingFace golden case loads from TrainingArguments with HF's values") {
  const auto file = golden::load("huggingface.json");
  golden::tally t;
  dialect::counts seen;
  std::size_t skipped = 0;
  for (const auto& c : file.cases) {
    INFO(c.id);
    if (c.params.contains("timescale")) {
      // HF's get_scheduler calls get_inverse_sqrt_schedule with the warmup only: a Trainer
      // cannot set timescale, so the case has no TrainingArguments form. The dialect says so.
      dialect::expect_error([&] { return lrsched::load_config(training_arguments(c)); },
                            "/lr_scheduler_kwargs", "passes no lr_scheduler_kwargs to");
      ++skipped;
      continue;
    }
    const document doc = training_arguments(c);
    const auto loaded =
        dialect::check_document(c, t, "hf dialect", doc, lrsched::dialect::hf, seen);
    dialect::check_cli(c, doc, "hf", loaded, seen);

    // lr_scheduler_kwargs as a JSON string, as `--lr_scheduler_kwargs '{...}'` gives it.
    if (doc.contains("lr_scheduler_kwargs")) {
      document as_text = doc;
      as_text["lr_scheduler_kwargs"] = doc["lr_scheduler_kwargs"].dump();
      dialect::check_document(c, t, "hf dialect, kwargs as a JSON string", as_text,
                              lrsched::dialect::hf, seen);
    }
    // warmup_ratio in place of warmup_steps, where a ratio gives the same warmup.
    if (doc.contains("warmup_steps") && doc.contains("max_steps") &&
        doc["warmup_steps"].get<std::int64_t>() > 0) {
      const auto warmup = doc["warmup_steps"].get<std::int64_t>();
      const auto total = doc["max_steps"].get<std::int64_t>();
      const double ratio = static_cast<double>(warmup) / static_cast<double>(total);
      if (std::ceil(static_cast<double>(total) * ratio) == static_cast<double>(warmup)) {
        document with_ratio = doc;
        with_ratio.erase("warmup_steps");
        with_ratio["warmup_ratio"] = ratio;
        dialect::check_document(c, t, "hf dialect, warmup_ratio", with_ratio, lrsched::dialect::hf,
                                seen);
      }
    }
  }
  std::cout << "hf dialect: " << seen.documents << " documents from " << file.cases.size()
            << " golden cases (" << skipped << " without a TrainingArguments form), "
            << seen.round_trips << " canonical round trips, " << seen.cli_checked
            << " through lrsched eval\n";
  t.print(std::cout);
  dialect::print_conversions(std::cout, "hf");
  CHECK(seen.documents >= file.cases.size() - skipped);
}

TEST_CASE("hf: TrainingArguments' defaults, warmup_ratio and max_steps from the options") {
  // No lr_scheduler_type: "linear"; no learning_rate: 5e-5, or the base LR supplied.
  const auto linear = lrsched::load_config(document{{"learning_rate", 1e-3}, {"max_steps", 100}});
  const auto expected = lrsched::hf::get_linear_schedule_with_warmup(1e-3, 0, 100);
  for (std::int64_t step = 0; step < 120; ++step) REQUIRE(linear(step) == expected(step));
  const auto fallback =
      lrsched::load_config(document{{"lr_scheduler_type", "constant"}}, lrsched::dialect::automatic,
                           {.base_lr = 0.25, .values = {}});
  CHECK(fallback(7) == 0.25);
  CHECK(lrsched::load_config(document{{"lr_scheduler_type", "constant"}})(7) == 5e-5);
  // warmup_ratio: ceil(max_steps · ratio) warmup steps (beside warmup_steps > 0, which would
  // override it, it is an error: test_dialect_no_effect.cpp).
  const auto ratio = lrsched::load_config(document{{"learning_rate", 1.0},
                                                   {"lr_scheduler_type", "constant_with_warmup"},
                                                   {"warmup_ratio", 0.105},
                                                   {"max_steps", 100}});
  CHECK(ratio(10) == 10.0 / 11.0);  // ceil(10.5) = 11 warmup steps
  CHECK(ratio(11) == 1.0);
  // HF's own rounding: ceil(100 × 0.07) is 8 in doubles (7.000000000000001), so 8 steps.
  const auto trap = lrsched::load_config(document{{"learning_rate", 1.0},
                                                  {"lr_scheduler_type", "constant_with_warmup"},
                                                  {"warmup_ratio", 0.07},
                                                  {"max_steps", 100}});
  CHECK(trap(7) == 7.0 / 8.0);
  CHECK(trap(8) == 1.0);
  const auto steps_win =
      lrsched::load_config(document{{"learning_rate", 1.0},
                                    {"lr_scheduler_type", "constant_with_warmup"},
                                    {"warmup_steps", 4},
                                    {"warmup_ratio", 0.0},
                                    {"max_steps", 100}});
  CHECK(steps_win(4) == 1.0);
  // max_steps -1 (not set) taken from the options.
  const auto supplied = lrsched::load_config(
      document{{"learning_rate", 1.0}, {"lr_scheduler_type", "linear"}, {"max_steps", -1}},
      lrsched::dialect::hf, {.base_lr = std::nullopt, .values = {{"max_steps", 10.0}}});
  CHECK(supplied(5) == 0.5);
  // Other TrainingArguments fields are accepted and change nothing.
  const auto full = lrsched::load_config(document{{"output_dir", "out"},
                                                  {"learning_rate", 1.0},
                                                  {"weight_decay", 0.01},
                                                  {"num_train_epochs", 3},
                                                  {"lr_scheduler_type", "linear"},
                                                  {"max_steps", 10}});
  CHECK(full(5) == 0.5);
}

TEST_CASE("hf: bad TrainingArguments get a config_error at the field") {
  using dialect::expect_error;
  const auto load = [](const document& doc) {
    return [doc] { return lrsched::load_config(doc, lrsched::dialect::hf); };
  };
  expect_error(load({{"learning_rate", 1e-3}, {"lr_scheduler_type", "cosin"}}),
               "/lr_scheduler_type", "did you mean \"cosine\"?");
  expect_error(load({{"learning_rate", "3e-4"}}), "/learning_rate",
               "expected a number, got \"3e-4\"");
  expect_error(load({{"learning_rate", 1e-3}, {"lr_scheduler_type", "reduce_lr_on_plateau"}}),
               "/lr_scheduler_type", "cannot be loaded from a config");
  expect_error(load({{"learning_rate", 1e-3}, {"lr_scheduler_type", "cosine"}}), "",
               "expected max_steps > 0");
  expect_error(load({{"learning_rate", 1e-3}, {"max_steps", 0}}), "/max_steps",
               "expected a positive integer (or -1: not set), got 0");
  expect_error(load({{"learning_rate", 1e-3}, {"max_steps", 100}, {"warmup_steps", -3}}),
               "/warmup_steps", "expected a non-negative integer, got -3");
  expect_error(load({{"learning_rate", 1e-3}, {"max_steps", 100}, {"warmup_ratio", 1.5}}),
               "/warmup_ratio", "expected a number in [0, 1], got 1.5");
  expect_error(load({{"learning_rate", 1e-3}, {"max_steps", 100}, {"warmup_stepz", 3}}),
               "/warmup_stepz", "did you mean \"warmup_steps\"?");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "cosine"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", {{"num_cycle", 2}}}}),
               "/lr_scheduler_kwargs/num_cycle", "did you mean \"num_cycles\"?");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "cosine"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", "{\"num_cycles\": }"}}),
               "/lr_scheduler_kwargs", "in the JSON string: invalid JSON");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "cosine"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", "{\"num_cycles\": -1}"}}),
               "/lr_scheduler_kwargs", "num_cycles must be finite and >= 0, got -1");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "cosine"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", {{"num_cycles", -1}}}}),
               "/lr_scheduler_kwargs/num_cycles", "num_cycles must be finite and >= 0, got -1");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "linear"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", {{"num_cycles", 2}}}}),
               "/lr_scheduler_kwargs", "passes no lr_scheduler_kwargs to \"linear\"");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "warmup_stable_decay"},
                     {"max_steps", 100}}),
               "/lr_scheduler_kwargs", "missing required key \"num_decay_steps\"");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "warmup_stable_decay"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", {{"num_decay_steps", 20}, {"decay_type", "sqrt"}}}}),
               "/lr_scheduler_kwargs/decay_type", "expected one of");
  expect_error(load({{"learning_rate", 0.0},
                     {"lr_scheduler_type", "cosine_with_min_lr"},
                     {"max_steps", 100},
                     {"lr_scheduler_kwargs", {{"min_lr", 1e-5}}}}),
               "/learning_rate", "base_lr must be > 0 when min_lr is given");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "polynomial"},
                     {"warmup_steps", 100},
                     {"max_steps", 100}}),
               "/max_steps", "num_training_steps must be != num_warmup_steps");
  expect_error(load({{"learning_rate", 1e-3},
                     {"lr_scheduler_type", "cosine_with_min_lr"},
                     {"max_steps", 100}}),
               "", "one of min_lr or min_lr_rate must be set");
  expect_error(load(document::array()), "", "expected an object of TrainingArguments fields");
}
