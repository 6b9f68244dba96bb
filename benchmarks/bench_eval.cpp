// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Per-step evaluation cost, three ways for each schedule:
//   hand    a hand-written inline function computing the same values with the same
//           arithmetic (the limit: what the abstraction is measured against)
//   composed the compile-time composed lrsched schedule (a concrete type, inlined)
//   any     lrsched::any_schedule loaded from canonical JSON text at run time
// plus the lrsched schedules that reproduce PyTorch's StepLR, CosineAnnealingLR,
// OneCycleLR and SequentialLR(LinearLR, CosineAnnealingLR) (compared with PyTorch's Python
// scheduler.step() by benchmarks/pytorch_step.py).
//
// Each iteration evaluates 1024 steps spread evenly and in increasing order over the
// schedule's run (so every phase takes its share, as in training). The steps come from a
// vector built at run time, every schedule parameter passes through DoNotOptimize before
// construction, and every value goes through benchmark::DoNotOptimize, so nothing is folded
// or hoisted and each step is evaluated on its own. ns/step = time per iteration / 1024.
// Before anything is timed, the three variants are checked to give bit-identical values
// at every benchmarked step and at every phase boundary.
#include <benchmark/benchmark.h>

#include <lrsched/json.hpp>
#include <lrsched/lrsched.hpp>
#include <lrsched/peers.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace {

/// `value`, unknown to the optimizer from here on (read back through a volatile; not
/// DoNotOptimize, whose "+m,r" constraint GCC can miscompile for a double whose value is
/// used afterwards: google/benchmark#903, GCC PR 92597).
template <class T>
T opaque(T value) {
  volatile T stored = value;
  return stored;
}

constexpr std::int64_t steps_per_iteration = 1024;

/// `steps_per_iteration` steps spread evenly over [0, horizon), in increasing order.
std::vector<std::int64_t> sweep(std::int64_t horizon) {
  std::vector<std::int64_t> steps;
  const std::int64_t n = opaque(steps_per_iteration);
  for (std::int64_t i = 0; i < n; ++i) {
    steps.push_back(
        static_cast<std::int64_t>(static_cast<long double>(horizon) * static_cast<long double>(i) /
                                  static_cast<long double>(n)));
  }
  return steps;
}

/// The timed loop shared by every variant.
template <class F>
void evaluate_steps(benchmark::State& state, const F& schedule,
                    const std::vector<std::int64_t>& steps) {
  for (auto _ : state) {
    for (const std::int64_t t : steps) {
      const double value = schedule(t);
      benchmark::DoNotOptimize(value);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(steps.size()));
}

std::string number(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

std::string number(std::int64_t v) {
  return std::to_string(v);
}

int mismatches = 0;

/// Checks two variants agree bit for bit on `steps`; reports the first difference.
template <class A, class B>
void check_equal(const std::string& what, const A& a, const B& b,
                 const std::vector<std::int64_t>& steps) {
  for (const std::int64_t t : steps) {
    const double x = a(t);
    const double y = b(t);
    if (std::memcmp(&x, &y, sizeof x) != 0) {
      std::fprintf(stderr, "%s: values differ at step %lld: %.17g vs %.17g\n", what.c_str(),
                   static_cast<long long>(t), x, y);
      ++mismatches;
      return;
    }
  }
}

/// The steps of a sweep plus each boundary b and its neighbours b - 1, b + 1.
std::vector<std::int64_t> check_steps(std::int64_t horizon,
                                      const std::vector<std::int64_t>& boundaries) {
  auto steps = sweep(horizon);
  for (const std::int64_t b : boundaries) {
    for (const std::int64_t t : {b - 1, b, b + 1}) steps.push_back(std::max<std::int64_t>(t, 0));
  }
  steps.push_back(horizon);
  steps.push_back(2 * horizon);
  return steps;
}

/// Registers eval/<name>/{hand,composed,any} after checking they agree.
template <class Hand, class Composed>
void add_case(const std::string& name, Hand hand, Composed composed, const std::string& json,
              std::int64_t horizon, const std::vector<std::int64_t>& boundaries) {
  const auto loaded = std::make_shared<const lrsched::any_schedule>(lrsched::parse_schedule(json));
  const auto steps = std::make_shared<const std::vector<std::int64_t>>(sweep(horizon));
  const auto checked = check_steps(horizon, boundaries);
  check_equal(name + " hand-written vs composed", hand, composed, checked);
  check_equal(name + " composed vs any_schedule", composed, *loaded, checked);

  const auto h = std::make_shared<const Hand>(std::move(hand));
  const auto c = std::make_shared<const Composed>(std::move(composed));
  benchmark::RegisterBenchmark(("eval/" + name + "/hand").c_str(),
                               [h, steps](benchmark::State& s) { evaluate_steps(s, *h, *steps); });
  benchmark::RegisterBenchmark(("eval/" + name + "/composed").c_str(),
                               [c, steps](benchmark::State& s) { evaluate_steps(s, *c, *steps); });
  benchmark::RegisterBenchmark(
      ("eval/" + name + "/any").c_str(),
      [loaded, steps](benchmark::State& s) { evaluate_steps(s, *loaded, *steps); });
}

// ------------------------------------------------------------ hand-written baselines
// The same arithmetic as the lrsched families, written out for one case each.

/// linear(start, end, n) for n >= 1.
struct hand_linear {
  double start, end;
  std::int64_t n;
  double operator()(std::int64_t t) const noexcept {
    if (t >= n) return end;
    if (t <= 0) return start;
    return (start * static_cast<double>(n - t) + end * static_cast<double>(t)) /
           static_cast<double>(n);
  }
};

/// cosine(peak, end, n) for peak >= end, n >= 1: end + (peak − end)·cos²(πt/(2n)), the
/// cosine taken as sin((n − t)·x) past the middle, the blend in long double.
struct hand_cosine {
  double peak, end;
  std::int64_t n;
  double angle =
      static_cast<double>(std::numbers::pi_v<long double> / (2.0L * static_cast<long double>(n)));
  long double difference = static_cast<long double>(peak) - static_cast<long double>(end);
  double operator()(std::int64_t t) const noexcept {
    if (t >= n) return end;
    if (t <= 0) return peak;
    const double v = t <= n / 2 ? std::cos(angle * static_cast<double>(t))
                                : std::sin(angle * static_cast<double>(n - t));
    const auto value = static_cast<double>(static_cast<long double>(end) + difference * (v * v));
    return std::clamp(value, end, peak);
  }
};

struct hand_warmup_cosine {
  std::int64_t warmup;
  hand_cosine decay;
  double operator()(std::int64_t t) const noexcept {
    if (t >= warmup) return decay(t - warmup);
    if (t <= 0) return 0.0;
    return decay.peak * static_cast<double>(t) / static_cast<double>(warmup);
  }
};

/// Warmup 0 → peak over w, peak for s, linear decay to 0 over d.
struct hand_wsd {
  double peak;
  std::int64_t w, s, d;
  double operator()(std::int64_t t) const noexcept {
    if (t < w) return t <= 0 ? 0.0 : peak * static_cast<double>(t) / static_cast<double>(w);
    if (t < w + s) return peak;
    const std::int64_t k = t - (w + s);
    if (k >= d) return 0.0;
    return peak * static_cast<double>(d - k) / static_cast<double>(d);
  }
};

/// examples/demo.cpp's four phases in samples, 512 samples per step.
struct hand_hybrid {
  double peak, cosine_end, first_drop, second_drop;
  std::int64_t warmup, plateau_end, decay_end, drop_end, batch;
  hand_cosine decay{peak, cosine_end, decay_end - plateau_end};
  double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = (step < 0 ? 0 : step) * batch;
    if (t < warmup) return peak * static_cast<double>(t) / static_cast<double>(warmup);
    if (t < plateau_end) return peak;
    if (t < decay_end) return decay(t - plateau_end);
    if (t < drop_end) return first_drop;
    return second_drop;
  }
};

/// A piecewise-linear table: piece k runs from knots[k] to knots[k + 1] over lengths[k]
/// steps; the last value holds.
template <std::size_t P>
struct hand_table {
  std::array<double, P + 1> knots;
  std::array<std::int64_t, P> lengths;
  std::array<std::int64_t, P> starts{};
  hand_table(const std::array<double, P + 1>& k, const std::array<std::int64_t, P>& l)
      : knots(k), lengths(l) {
    for (std::size_t i = 1; i < P; ++i) starts[i] = starts[i - 1] + lengths[i - 1];
  }
  double operator()(std::int64_t step) const noexcept {
    const std::int64_t t = step < 0 ? 0 : step;
    const auto k = static_cast<std::size_t>(std::upper_bound(starts.begin() + 1, starts.end(), t) -
                                            starts.begin()) -
                   1;
    const std::int64_t u = t - starts[k];
    const std::int64_t n = lengths[k];
    if (u >= n) return knots[k + 1];
    if (u <= 0) return knots[k];
    return (knots[k] * static_cast<double>(n - u) + knots[k + 1] * static_cast<double>(u)) /
           static_cast<double>(n);
  }
};

template <std::size_t P, std::size_t... I>
auto composed_table(const std::array<double, P + 1>& knots,
                    const std::array<std::int64_t, P>& lengths, std::index_sequence<I...>) {
  return lrsched::chain(lrsched::linear(knots[I], knots[I + 1], lengths[I])...);
}

// ------------------------------------------------------------------------ the cases

void register_cases() {
  using namespace lrsched;
  {
    const double v = opaque(3e-4);
    add_case("constant", [v](std::int64_t) noexcept { return v; }, constant(v),
             R"({"kind": "constant", "value": )" + number(v) + "}", opaque(std::int64_t{100'000}),
             {});
  }
  {
    const double a = opaque(3e-4), b = opaque(3e-5);
    const std::int64_t n = opaque(std::int64_t{100'000});
    add_case("linear", hand_linear{a, b, n}, linear(a, b, n),
             R"({"kind": "linear", "start_value": )" + number(a) + R"(, "end_value": )" +
                 number(b) + R"(, "steps": )" + number(n) + "}",
             n + n / 10, {n});
  }
  {
    const double peak = opaque(3e-4), end = opaque(3e-5);
    const std::int64_t n = opaque(std::int64_t{100'000});
    add_case("cosine", hand_cosine{peak, end, n}, cosine(peak, end, n),
             R"({"kind": "cosine", "peak_value": )" + number(peak) + R"(, "end_value": )" +
                 number(end) + R"(, "steps": )" + number(n) + "}",
             n + n / 10, {n / 2, n});
  }
  {
    // examples/configs/warmup_cosine.json
    const double peak = opaque(3e-4), end = opaque(3e-5);
    const std::int64_t w = opaque(std::int64_t{2'000}), n = opaque(std::int64_t{98'000});
    add_case("warmup_cosine", hand_warmup_cosine{w, hand_cosine{peak, end, n}},
             warmup(w, cosine(peak, end, n)),
             R"({"kind": "warmup", "warmup_steps": )" + number(w) +
                 R"(, "schedule": {"kind": "cosine", "peak_value": )" + number(peak) +
                 R"(, "end_value": )" + number(end) + R"(, "steps": )" + number(n) + "}}",
             w + n + n / 10, {w, w + n / 2, w + n});
  }
  {
    // examples/configs/warmup_stable_decay.json: a chain of three pieces.
    const double peak = opaque(3e-4);
    const std::int64_t w = opaque(std::int64_t{2'000}), s = opaque(std::int64_t{80'000}),
                       d = opaque(std::int64_t{18'000});
    add_case("wsd_3_pieces", hand_wsd{peak, w, s, d},
             chain(linear(0.0, peak, w), for_steps(s, constant(peak)), linear(peak, 0.0, d)),
             R"({"kind": "chain", "steps": [)" + number(w) + ", " + number(s) +
                 R"(], "pieces": [{"kind": "linear", "start_value": 0, "end_value": )" +
                 number(peak) + R"(, "steps": )" + number(w) +
                 R"(}, {"kind": "constant", "value": )" + number(peak) +
                 R"(}, {"kind": "linear", "start_value": )" + number(peak) +
                 R"(, "end_value": 0, "steps": )" + number(d) + "}]}",
             w + s + d + d / 10, {w, w + s, w + s + d});
  }
  {
    // examples/demo.cpp and examples/configs/four_phase_in_samples.json.
    constexpr std::int64_t million = 1'000'000;
    const double peak = opaque(5e-5), cosine_end = opaque(4.5e-5), drop1 = opaque(2.8e-5),
                 drop2 = opaque(0.9e-5);
    const std::int64_t warm = opaque(2 * million), plateau = opaque(43 * million),
                       decay = opaque(8 * million), drop = opaque(3 * million),
                       batch = opaque(std::int64_t{512});
    const hand_hybrid hand{peak,
                           cosine_end,
                           drop1,
                           drop2,
                           warm,
                           warm + plateau,
                           warm + plateau + decay,
                           warm + plateau + decay + drop,
                           batch};
    auto composed = per_step(
        chain(linear(0.0, peak, warm), for_steps(plateau, constant(peak)),
              cosine(peak, cosine_end, decay), for_steps(drop, constant(drop1)), constant(drop2)),
        batch);
    const std::string json =
        R"({"kind": "per_step", "samples_per_step": )" + number(batch) +
        R"(, "schedule": {"kind": "chain", "steps": [)" + number(warm) + ", " + number(plateau) +
        ", " + number(decay) + ", " + number(drop) +
        R"(], "pieces": [{"kind": "linear", "start_value": 0, "end_value": )" + number(peak) +
        R"(, "steps": )" + number(warm) + R"(}, {"kind": "constant", "value": )" + number(peak) +
        R"(}, {"kind": "cosine", "peak_value": )" + number(peak) + R"(, "end_value": )" +
        number(cosine_end) + R"(, "steps": )" + number(decay) +
        R"(}, {"kind": "constant", "value": )" + number(drop1) +
        R"(}, {"kind": "constant", "value": )" + number(drop2) + "}]}}";
    const std::int64_t run_steps = 60 * million / batch;
    std::vector<std::int64_t> boundaries;
    for (const std::int64_t samples : {hand.warmup, hand.plateau_end, hand.decay_end,
                                       hand.plateau_end + decay / 2, hand.drop_end}) {
      boundaries.push_back(samples / batch);
    }
    add_case("hybrid_4_phase", hand, std::move(composed), json, run_steps, boundaries);
  }
  {
    constexpr std::size_t pieces = 25;
    std::array<double, pieces + 1> knots{};
    std::array<std::int64_t, pieces> lengths{};
    std::vector<std::int64_t> boundaries;
    std::int64_t start = 0;
    for (std::size_t k = 0; k <= pieces; ++k) {
      knots[k] = opaque(1e-3 * (1.0 + 0.5 * std::sin(static_cast<double>(k))));
    }
    for (std::size_t k = 0; k < pieces; ++k) {
      lengths[k] = opaque(static_cast<std::int64_t>(3'000 + 397 * k));
      start += lengths[k];
      boundaries.push_back(start);
    }
    std::string json = R"({"kind": "chain", "steps": [)";
    for (std::size_t k = 0; k + 1 < pieces; ++k) json += (k ? ", " : "") + number(lengths[k]);
    json += R"(], "pieces": [)";
    for (std::size_t k = 0; k < pieces; ++k) {
      json += std::string(k ? ", " : "") + R"({"kind": "linear", "start_value": )" +
              number(knots[k]) + R"(, "end_value": )" + number(knots[k + 1]) + R"(, "steps": )" +
              number(lengths[k]) + "}";
    }
    json += "]}";
    add_case("chain_25_pieces", hand_table<pieces>(knots, lengths),
             composed_table<pieces>(knots, lengths, std::make_index_sequence<pieces>{}), json,
             start + start / 20, boundaries);
  }
}

// ------------------------------------------- lrsched counterparts of PyTorch schedulers
// The same parameters as benchmarks/pytorch_step.py; swept over the same run length.

template <class S>
void add_peer(const std::string& name, S schedule, std::int64_t horizon) {
  const auto s = std::make_shared<const S>(std::move(schedule));
  const auto steps = std::make_shared<const std::vector<std::int64_t>>(sweep(horizon));
  benchmark::RegisterBenchmark(("peer/" + name).c_str(), [s, steps](benchmark::State& st) {
    evaluate_steps(st, *s, *steps);
  });
}

void register_peers() {
  using namespace lrsched;
  const std::int64_t run = opaque(std::int64_t{20'000});
  const double base = opaque(0.1), eta_min = opaque(1e-5);
  add_peer("StepLR", pytorch::step_lr(base, opaque(std::int64_t{2'000}), opaque(0.5)), run);
  add_peer("CosineAnnealingLR", pytorch::cosine_annealing_lr(base, run, eta_min), run);
  add_peer("OneCycleLR", pytorch::one_cycle_lr(base, run + 1), run);
  const std::int64_t warm = opaque(std::int64_t{1'000});
  add_peer(
      "SequentialLR_warmup_cosine",
      pytorch::sequential_lr(std::tuple{pytorch::linear_lr(base, opaque(0.01), 1.0, warm),
                                        pytorch::cosine_annealing_lr(base, run - warm, eta_min)},
                             {warm}),
      run);
}

}  // namespace

int main(int argc, char** argv) {
  register_cases();
  register_peers();
  if (mismatches != 0) {
    std::fprintf(stderr, "bench_eval: %d variant pairs disagree; nothing timed\n", mismatches);
    return 1;
  }
  std::fprintf(stderr,
               "bench_eval: hand-written, composed and any_schedule values agree bit for bit\n");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
