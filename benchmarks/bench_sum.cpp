// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Summed LR Σ_{t=0}^{N-1} s(t) for N = 10^3 ... 10^9, two ways:
//   closed  lrsched::sum(s, 0, N): each piece's closed form, O(pieces)
//   loop    a plain `double total += s(t)` loop over every step, O(N)
// for two schedules whose pieces scale with N (so every piece is in the range):
//   hybrid_5_pieces   examples/demo.cpp's shape in steps: linear warmup over N/30, a
//                     plateau to 3N/4, a cosine to 53N/60, a drop to 14N/15, a second drop
//   chain_25_pieces   25 linear pieces through 26 knots, lengths in proportion 1 : 1.1 : ...
// Each result is compared with an exact reference derived here, independently of the
// library, from the sums of whole pieces:
//   linear a → b over L steps:  Σ_{u<L} (a(L − u) + b·u)/L = a(L + 1)/2 + b(L − 1)/2
//   cosine p → e over L steps:  Σ_{u<L} e + (p − e)(1 + cos(πu/L))/2 = L·e + (p − e)(L + 1)/2,
//                               as Σ_{u<L} cos(πu/L) = 1 (the Dirichlet kernel at π/L)
//   constant c over L steps:    L·c
// evaluated in long double (64-bit significand: relative error ~1e-19, far below what is
// reported). The counter rel_err is |result − reference| / reference; benchmarks/report.py
// divides the time of one closed-form sum by the counter `pieces`.
//
// N comes from the benchmark's argument and is re-read through a volatile every iteration,
// the schedule parameters pass through volatiles, and each result goes through
// benchmark::DoNotOptimize: nothing is folded or hoisted.
//
// --lrsched_max_loop_steps=N (default 10^9) leaves out the loops over more steps (for quick
// smoke runs).
#include <benchmark/benchmark.h>

#include <lrsched/lrsched.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

/// `value`, unknown to the optimizer from here on.
template <class T>
T opaque(T value) {
  volatile T stored = value;
  return stored;
}

long double linear_reference(long double a, long double b, std::int64_t length) {
  const auto l = static_cast<long double>(length);
  return a * (l + 1.0L) / 2.0L + b * (l - 1.0L) / 2.0L;
}

long double cosine_reference(long double peak, long double end, std::int64_t length) {
  const auto l = static_cast<long double>(length);
  return l * end + (peak - end) * (l + 1.0L) / 2.0L;
}

/// A schedule and its exact summed LR over [0, steps).
template <class S>
struct summed {
  S schedule;
  long double reference;
  int pieces;
};
template <class S>
summed(S, long double, int) -> summed<S>;  // clang 14 has no aggregate deduction

// ---------------------------------------------------------- hybrid, five pieces in steps

auto make_hybrid(std::int64_t steps) {
  using namespace lrsched;
  const double peak = opaque(5e-5), cosine_end = opaque(4.5e-5), drop1 = opaque(2.8e-5),
               drop2 = opaque(0.9e-5);
  const std::int64_t warm = steps / 30;
  const std::int64_t plateau = steps * 3 / 4 - warm;
  const std::int64_t decay = steps * 53 / 60 - warm - plateau;
  const std::int64_t drop = steps * 14 / 15 - warm - plateau - decay;
  const std::int64_t rest = steps - warm - plateau - decay - drop;
  const long double reference =
      linear_reference(0.0L, peak, warm) + static_cast<long double>(plateau) * peak +
      cosine_reference(peak, cosine_end, decay) + static_cast<long double>(drop) * drop1 +
      static_cast<long double>(rest) * drop2;
  return summed{
      chain(linear(0.0, peak, warm), for_steps(plateau, constant(peak)),
            cosine(peak, cosine_end, decay), for_steps(drop, constant(drop1)), constant(drop2)),
      reference, 5};
}

// ---------------------------------------------------------- chain of 25 linear pieces

constexpr std::size_t table_pieces = 25;

template <std::size_t... I>
auto make_table(std::int64_t steps, std::index_sequence<I...>) {
  std::array<double, table_pieces + 1> knots{};
  for (std::size_t k = 0; k <= table_pieces; ++k) {
    knots[k] = opaque(1e-3 * (1.0 + 0.5 * std::sin(static_cast<double>(k))));
  }
  // Lengths in proportion 10 : 11 : 12 : ..., the last piece takes what is left.
  const std::int64_t weight_total = 10 * 25 + 25 * 24 / 2;
  std::array<std::int64_t, table_pieces> lengths{};
  std::int64_t used = 0;
  for (std::size_t k = 0; k + 1 < table_pieces; ++k) {
    lengths[k] = steps * static_cast<std::int64_t>(10 + k) / weight_total;
    used += lengths[k];
  }
  lengths[table_pieces - 1] = steps - used;
  long double reference = 0.0L;
  for (std::size_t k = 0; k < table_pieces; ++k) {
    reference += linear_reference(knots[k], knots[k + 1], lengths[k]);
  }
  return summed{lrsched::chain(lrsched::linear(knots[I], knots[I + 1], lengths[I])...), reference,
                static_cast<int>(table_pieces)};
}

auto make_chain25(std::int64_t steps) {
  return make_table(steps, std::make_index_sequence<table_pieces>{});
}

// ------------------------------------------------------------------------- benchmarks

double relative_error(double value, long double reference) {
  return static_cast<double>(std::fabs(static_cast<long double>(value) - reference) / reference);
}

/// Times `sum_of(schedule, N)` and reports its relative error and the number of pieces.
template <class Make, class SumOf>
void time_sum(benchmark::State& state, Make make, SumOf sum_of) {
  volatile std::int64_t steps_source = state.range(0);
  const auto case_ = make(steps_source);
  double result = 0.0;
  for (auto _ : state) {
    const std::int64_t steps = steps_source;
    result = sum_of(case_.schedule, steps);
    benchmark::DoNotOptimize(result);
  }
  state.counters["rel_err"] = relative_error(result, case_.reference);
  state.counters["pieces"] = case_.pieces;
}

/// lrsched::sum: the closed form, piece by piece.
constexpr auto closed_form = [](const auto& schedule, std::int64_t steps) {
  return lrsched::sum(schedule, 0, steps);
};

/// A plain loop over every step.
constexpr auto plain_loop = [](const auto& schedule, std::int64_t steps) {
  double total = 0.0;
  for (std::int64_t t = 0; t < steps; ++t) total += schedule(t);
  return total;
};

template <class Make>
void register_schedule(const std::string& name, Make make, std::int64_t max_loop_steps) {
  std::int64_t steps = 1'000;
  for (int e = 3; e <= 9; ++e, steps *= 10) {
    benchmark::RegisterBenchmark(("sum/" + name + "/closed").c_str(), [make](benchmark::State& s) {
      time_sum(s, make, closed_form);
    })->Arg(steps);
    if (steps <= max_loop_steps) {
      auto* b = benchmark::RegisterBenchmark(
          ("sum/" + name + "/loop").c_str(),
          [make](benchmark::State& s) { time_sum(s, make, plain_loop); });
      b->Arg(steps);
      // One pass over 10^8 or more steps takes a second or more: one iteration is enough.
      if (steps >= 100'000'000) b->Iterations(1);
    }
  }
}

/// Removes --lrsched_max_loop_steps=N from argv and returns N (10^9 without it).
std::int64_t take_max_loop_steps(int& argc, char** argv) {
  std::int64_t value = 1'000'000'000;
  constexpr const char* flag = "--lrsched_max_loop_steps=";
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], flag, std::strlen(flag)) == 0) {
      value = std::strtoll(argv[i] + std::strlen(flag), nullptr, 10);
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t max_loop_steps = take_max_loop_steps(argc, argv);
  register_schedule("hybrid_5_pieces", make_hybrid, max_loop_steps);
  register_schedule("chain_25_pieces", make_chain25, max_loop_steps);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
