// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// A consumer that uses the core broadly, compiled by tools/ci.d/42-strict-consumers.sh with
// g++ and clang (libstdc++ and libc++) at -O2 and -O3, C++20 and C++23, under
// -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror: the headers must be clean in a
// user's strict build without any warning turned off. It checks computed values and exits
// non-zero on a wrong one.
//   LRSCHED_STRICT_JSON  also load configs through <lrsched/dialects.hpp> (lrsched::json)
//   LRSCHED_STRICT_FMT   also format schedules through <lrsched/fmt.hpp> (lrsched::fmt)
#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#if defined(LRSCHED_STRICT_JSON)
#include <lrsched/dialects.hpp>
#endif
#if defined(LRSCHED_STRICT_FMT)
#include <fmt/format.h>

#include <lrsched/fmt.hpp>
#endif

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "strict consumer: FAILED %s\n", what);
    ++failures;
  }
}

bool close(double value, double expected) {
  return std::fabs(value - expected) <= 1e-12 * std::fmax(1.0, std::fabs(expected));
}

// The description's parameter `name` as a step count, or -1.
std::int64_t steps_of(const lrsched::description& d, const std::string& name) {
  const auto* value = d.find(name);
  if (value == nullptr) return -1;
  const auto* steps = std::get_if<std::int64_t>(value);
  return steps == nullptr ? -1 : *steps;
}

}  // namespace

int main() {
  // warmup(…, cosine(…)): values, the closed-form sum against a loop, describe().
  const auto warm_cosine = lrsched::warmup(100, lrsched::cosine(1e-3, 1e-5, 900));
  check(close(warm_cosine(50), 5e-4), "warmup midpoint");
  check(close(warm_cosine(100), 1e-3), "the cosine starts at the peak after the warmup");
  check(close(warm_cosine(1'000), 1e-5) && close(warm_cosine(5'000), 1e-5), "cosine floor");
  double looped = 0.0;
  for (std::int64_t t = 0; t < 1'200; ++t) looped += warm_cosine(t);
  check(close(lrsched::sum(warm_cosine, 0, 1'200), looped), "sum equals the loop");
  const lrsched::description described = warm_cosine.describe();
  check(described.kind == "warmup" && steps_of(described, "warmup_steps") == 100,
        "warmup describes itself");
  check(described.children.size() == 1 && described.children[0].second.size() == 1 &&
            described.children[0].second[0].kind == "cosine",
        "warmup's child is the cosine");

  // Peers: PyTorch, HuggingFace, optax, Keras, each with a value worked out by hand.
  const auto annealing = lrsched::pytorch::cosine_annealing_lr(0.1, 100);
  check(close(annealing(50), 0.05), "pytorch cosine_annealing_lr at T_max / 2");
  check(annealing.describe().kind == "pytorch.cosine_annealing_lr",
        "the PyTorch peer describes itself by its function");
  const auto step = lrsched::pytorch::step_lr(0.1, 30, 0.5);
  check(close(step(29), 0.1) && close(step(30), 0.05), "pytorch step_lr");
  const auto multi = lrsched::pytorch::multi_step_lr(1.0, std::vector<std::int64_t>{10, 20}, 0.1);
  check(close(multi(15), 0.1) && close(multi(25), 0.01), "pytorch multi_step_lr");
  const auto hf_linear = lrsched::hf::get_linear_schedule_with_warmup(1.0, 10, 110);
  check(close(hf_linear(5), 0.5) && close(hf_linear(60), 0.5), "hf linear with warmup");
  const auto optax_linear = lrsched::optax::linear_schedule(1.0, 0.0, 100);
  check(close(optax_linear(25), 0.75), "optax linear_schedule");
  const auto keras_exponential = lrsched::keras::exponential_decay(1.0, 10, 0.5);
  check(close(keras_exponential(10), 0.5), "keras exponential_decay");

  // Type erasure: an any_schedule holds and describes what it was given.
  const lrsched::any_schedule erased = warm_cosine;
  check(erased(50) == warm_cosine(50) && erased(700) == warm_cosine(700), "any_schedule");
  check(close(lrsched::sum(erased, 0, 1'200), looped), "any_schedule's sum");
  check(lrsched::detail::describe(erased) == described, "any_schedule keeps the description");
  std::vector<lrsched::any_schedule> held;
  held.emplace_back(annealing);
  held.emplace_back(step);
  check(held[0](50) == annealing(50) && held[1](30) == step(30), "any_schedules in a vector");

#if defined(LRSCHED_STRICT_FMT)
  const std::string text = fmt::format("{}", warm_cosine);
  check(text.find("cosine") != std::string::npos, "fmt names the inner cosine");
#endif

#if defined(LRSCHED_STRICT_JSON)
  // A LightningCLI block loads as the PyTorch peer; the canonical JSON round-trips.
  const auto loaded = lrsched::load_config(lrsched::parse_config(R"({
    "optimizer": {"class_path": "torch.optim.SGD", "init_args": {"lr": 0.1}},
    "lr_scheduler": {"class_path": "torch.optim.lr_scheduler.CosineAnnealingLR",
                     "init_args": {"T_max": 100}}})"));
  check(loaded(50) == annealing(50) && loaded(100) == annealing(100), "load_config");
  const auto reloaded = lrsched::from_json(lrsched::to_json(warm_cosine));
  check(reloaded(50) == warm_cosine(50) && reloaded(700) == warm_cosine(700),
        "to_json / from_json");
#endif

  std::printf("strict consumer: %d failure(s)\n", failures);
  return failures == 0 ? 0 : 1;
}
