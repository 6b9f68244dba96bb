// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file units.hpp
/// @brief Schedules written in samples (or tokens) used from a loop that counts
/// optimizer steps: `per_step` for a fixed batch, `in_steps` with a `batch_ramp`.
///
/// A schedule's step is whatever counter it was written for. A schedule written in
/// samples — warmup over the first 2M samples, decay to 53M samples, as Megatron's
/// `--lr-warmup-samples` / `--lr-decay-samples` and many papers state them — is turned
/// into a step schedule by one explicit conversion, and nothing else converts: there is
/// no implicit mixing of units. Tokens work the same way (tokens per step =
/// samples per step × sequence length, or `per_step(schedule_in_tokens, seq_len)` inside
/// `in_steps` to convert samples to tokens first).
///
/// Summed LR stays exact: Σ_{step} inner(samples(step)) is the inner schedule summed
/// over an arithmetic progression of samples on each block of constant batch size,
/// through the inner's `sum_strided` closed form (strided_sum.hpp; `constant`, `linear`,
/// `chain`, `scale`, `shift` and the other families that offer it). An inner schedule
/// without `sum_strided` is summed by compensated summation over the steps: exact to
/// rounding, O(steps) instead of O(pieces).
#ifndef LRSCHED_UNITS_HPP
#define LRSCHED_UNITS_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <lrsched/concepts.hpp>
#include <lrsched/description.hpp>
#include <lrsched/detail/blocks.hpp>
#include <lrsched/detail/numeric.hpp>
#include <lrsched/strided_sum.hpp>
#include <lrsched/sum.hpp>

namespace lrsched {
namespace detail {

/// k·factor for k >= 0 and factor >= 1, saturating at the int64 maximum: one multiply with
/// an overflow flag where the compiler offers it (no division on the evaluation path).
constexpr std::int64_t saturating_product(std::int64_t k, std::int64_t factor) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  std::int64_t product = 0;
  if (__builtin_mul_overflow(k, factor, &product)) return std::numeric_limits<std::int64_t>::max();
  return product;
#else
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  return k != 0 && k > max / factor ? max : k * factor;
#endif
}

/// offset + k·stride for offset, k >= 0 and stride >= 1, saturating at the int64 maximum.
constexpr std::int64_t saturating_affine(std::int64_t offset, std::int64_t k,
                                         std::int64_t stride) noexcept {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  if (k != 0 && k > (max - offset) / stride) return max;
  return offset + k * stride;
}

/// Σ_{k=0}^{count−1} s(offset + k·stride), each argument saturating at the int64 maximum,
/// for offset >= 0, stride >= 1: the strided closed form of `s` over the terms that fit,
/// plus the saturated terms times s(int64 max).
template <Schedule S>
long double affine_sum(const S& s, std::int64_t offset, std::int64_t stride,
                       std::int64_t terms) noexcept {
  if (terms <= 0) return 0.0L;
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t fitting = std::min(terms, (max - offset) / stride + 1);
  // The last fitting term is added on its own: the exclusive end one stride past it
  // may not fit in int64.
  const std::int64_t last_term = offset + (fitting - 1) * stride;
  long double total = static_cast<long double>(s(last_term));
  if (stride == 1) {
    total += sum_ld(s, offset, last_term);
  } else {
    total += sum_strided_ld(s, offset, last_term, stride);
  }
  if (fitting < terms) total += count(fitting, terms) * static_cast<long double>(s(max));
  return total;
}

}  // namespace detail

/// @brief A schedule written in samples, used per optimizer step with a fixed batch:
/// s(step) = inner(step · samples_per_step).
///
/// Update `step` uses the value at the number of samples consumed before it. t < 0
/// evaluates as t = 0; step · samples_per_step saturates at the int64 maximum. A finite
/// inner of length L (samples) holds from step ⌈L / samples_per_step⌉ on. Works for any
/// pair of counters: tokens per step, samples per step, micro-batches per update.
///
/// Sum: Σ_{step} inner(step · k) is the inner's strided sum with stride k (O(pieces) for
/// `constant`, `linear`, `chain`, `scale`, `shift` and every family with `sum_strided`;
/// compensated summation over the steps otherwise).
///
/// @code
/// auto in_samples = lrsched::chain(lrsched::linear(0.0, 5e-5, 2'000'000),
///                                  lrsched::constant(5e-5));
/// auto per_update = lrsched::per_step(in_samples, 512);  // 512 samples per update
/// @endcode
template <Schedule S>
class per_step_schedule {
 public:
  /// @param inner the schedule, in samples (or tokens).
  /// @param samples_per_step the samples (or tokens) one step consumes; >= 1.
  per_step_schedule(S inner, std::int64_t samples_per_step)
      : inner_(std::move(inner)),
        samples_per_step_(
            detail::require_positive_steps("per_step", "samples_per_step", samples_per_step)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(inner_(samples(step)));
  }

  /// The samples consumed before update `step` (saturating).
  [[nodiscard]] std::int64_t samples(std::int64_t step) const noexcept {
    return detail::saturating_product(detail::clamp_step(step), samples_per_step_);
  }

  /// The inner summed over every samples_per_step-th sample.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    if (last <= first) return 0.0L;
    return detail::affine_sum(inner_, samples(first), samples_per_step_, last - first);
  }
  /// Steps first, first + stride, ...: samples first·k, (first + stride)·k, ...
  [[nodiscard]] long double sum_strided(std::int64_t first, std::int64_t last,
                                        std::int64_t stride) const noexcept {
    const auto terms = detail::progression_count(first, last, stride);
    if (terms == 0) return 0.0L;
    return detail::affine_sum(inner_, samples(first),
                              detail::saturating_affine(0, stride, samples_per_step_),
                              static_cast<std::int64_t>(terms));
  }

  /// ⌈inner.length() / samples_per_step⌉.
  [[nodiscard]] std::int64_t length() const noexcept requires FiniteSchedule<S> {
    const auto inner_length = static_cast<std::int64_t>(inner_.length());
    return inner_length / samples_per_step_ + (inner_length % samples_per_step_ != 0 ? 1 : 0);
  }

  /// Kind "per_step": parameter "samples_per_step", slot "schedule".
  [[nodiscard]] description describe() const {
    return description{"per_step"}
        .with("samples_per_step", samples_per_step_)
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] const S& inner() const noexcept { return inner_; }
  [[nodiscard]] std::int64_t samples_per_step() const noexcept { return samples_per_step_; }

 private:
  S inner_;
  std::int64_t samples_per_step_;
};

/// @brief Use a schedule written in samples (or tokens) from a loop that counts steps,
/// with `samples_per_step` samples per step.
template <Schedule S>
[[nodiscard]] per_step_schedule<S> per_step(S schedule_in_samples, std::int64_t samples_per_step) {
  return per_step_schedule<S>(std::move(schedule_in_samples), samples_per_step);
}

/// @brief How many samples each optimizer step consumes when the batch size ramps up:
/// steps → samples consumed is a monotone piecewise-linear function.
///
/// Stages are played in order: stage i uses `batch_size` samples per step while fewer
/// than `until_samples` samples have been consumed; then the final batch size holds.
/// The step that crosses a threshold still uses the old batch (the batch is chosen from
/// the samples consumed before the step), so a stage lasts ⌈(until − consumed)/batch⌉
/// steps, and a stage whose threshold has already been passed is skipped.
///
/// `batch_ramp::megatron(start, increment, rampup_samples, global)` reproduces Megatron-LM's
/// `--rampup-batch-size <start> <increment> <rampup_samples>` (num_microbatches_calculator):
/// the batch is start + ⌊consumed / (rampup_samples / n)⌋·increment, n = (global − start) /
/// increment, while consumed <= rampup_samples, then global — evaluated with Megatron's own
/// floating-point division, so the switching steps agree exactly.
///
/// @code
/// // 32 → 1024 in steps of 32 over the first 4.9M samples (Megatron's GPT-3 recipe style).
/// auto ramp = lrsched::batch_ramp::megatron(32, 32, 4'900'000, 1024);
/// auto lr = lrsched::in_steps(schedule_in_samples, ramp);
/// @endcode
class batch_ramp {
 public:
  /// One stage: `batch_size` samples per step while fewer than `until_samples` are consumed.
  struct stage {
    std::int64_t batch_size;
    std::int64_t until_samples;
    friend bool operator==(const stage&, const stage&) = default;
  };

  /// A run of steps with one batch size: steps [first_step, next block's first_step).
  struct block {
    std::int64_t first_step;
    std::int64_t first_sample;  ///< samples consumed before first_step
    std::int64_t batch_size;
  };

  /// @param stages the ramp, in order; every batch_size >= 1, until_samples >= 0 and
  ///        non-decreasing.
  /// @param final_batch_size the batch after the last stage; >= 1.
  batch_ramp(std::vector<stage> stages, std::int64_t final_batch_size)
      : stages_(std::move(stages)),
        final_batch_size_(
            detail::require_positive_steps("batch_ramp", "final_batch_size", final_batch_size)) {
    std::vector<std::int64_t> thresholds;
    thresholds.reserve(stages_.size());
    for (std::size_t i = 0; i < stages_.size(); ++i) {
      if (stages_[i].batch_size < 1) {
        detail::reject("batch_ramp",
                       "stages[" + detail::format_number(std::int64_t(i)) + "].batch_size", ">= 1",
                       stages_[i].batch_size);
      }
      thresholds.push_back(stages_[i].until_samples);
    }
    detail::require_sorted_steps("batch_ramp", "stages", thresholds, ".until_samples");
    build_blocks();
  }

  /// @brief A fixed batch: `batch_size` samples every step.
  explicit batch_ramp(std::int64_t batch_size) : batch_ramp({}, batch_size) {}

  /// @brief Megatron-LM's `--rampup-batch-size start increment rampup_samples` towards
  /// `--global-batch-size global`.
  /// @param start_batch_size the first batch size; >= 1 and <= global_batch_size.
  /// @param batch_size_increment the step between batch sizes; >= 1, dividing
  ///        global_batch_size − start_batch_size.
  /// @param rampup_samples the samples over which the batch grows; >= 0 (0: no ramp).
  /// @param global_batch_size the batch after the ramp; >= 1.
  [[nodiscard]] static batch_ramp megatron(std::int64_t start_batch_size,
                                           std::int64_t batch_size_increment,
                                           std::int64_t rampup_samples,
                                           std::int64_t global_batch_size) {
    constexpr auto family = "batch_ramp";
    detail::require_positive_steps(family, "global_batch_size", global_batch_size);
    detail::require_positive_steps(family, "start_batch_size", start_batch_size);
    detail::require_positive_steps(family, "batch_size_increment", batch_size_increment);
    detail::require_steps(family, "rampup_samples", rampup_samples);
    if (start_batch_size > global_batch_size) {
      detail::reject(family, "start_batch_size",
                     "<= global_batch_size (" + detail::format_number(global_batch_size) + ")",
                     start_batch_size);
    }
    const std::int64_t difference = global_batch_size - start_batch_size;
    if (difference % batch_size_increment != 0) {
      detail::reject(family, "batch_size_increment",
                     "a divisor of global_batch_size − start_batch_size (" +
                         detail::format_number(difference) + ")",
                     batch_size_increment);
    }
    const std::int64_t increments = difference / batch_size_increment;
    std::vector<stage> stages;
    if (increments > 0 && rampup_samples > 0) {
      const double samples_per_increment =
          static_cast<double>(rampup_samples) / static_cast<double>(increments);
      // Megatron's level for c consumed samples: the final one past rampup_samples, else
      // int(c / samples_per_increment) in double precision. Monotone in c.
      const auto level = [&](std::int64_t consumed) -> std::int64_t {
        if (consumed > rampup_samples) return increments;
        return std::min(increments, static_cast<std::int64_t>(static_cast<double>(consumed) /
                                                              samples_per_increment));
      };
      stages.reserve(static_cast<std::size_t>(increments));
      for (std::int64_t j = 0; j < increments; ++j) {
        const auto guess = static_cast<std::int64_t>(
            std::ceil(static_cast<double>(j + 1) * samples_per_increment));
        const std::int64_t until =
            detail::first_change([&](std::int64_t c) { return level(c) > j; }, guess);
        stages.push_back({start_batch_size + j * batch_size_increment, until});
      }
    }
    return batch_ramp(std::move(stages), global_batch_size);
  }

  /// @brief The samples consumed by updates 0 .. step−1 (saturating at the int64 maximum).
  [[nodiscard]] std::int64_t samples(std::int64_t step) const noexcept {
    const block& b = block_at(detail::clamp_step(step));
    return detail::saturating_affine(b.first_sample, detail::clamp_step(step) - b.first_step,
                                     b.batch_size);
  }

  /// @brief The batch size of update `step`.
  [[nodiscard]] std::int64_t batch_size(std::int64_t step) const noexcept {
    return block_at(detail::clamp_step(step)).batch_size;
  }

  /// @brief The fewest steps that consume at least `sample_count` samples: the first
  /// step whose `samples(step) >= sample_count` (0 for sample_count <= 0).
  [[nodiscard]] std::int64_t steps_for(std::int64_t sample_count) const noexcept {
    if (sample_count <= 0) return 0;
    // The last block starting below `sample_count` is where the count crosses it.
    const auto it = std::partition_point(blocks_.begin(), blocks_.end(), [&](const block& b) {
      return b.first_sample < sample_count;
    });
    const block& b = *(it - 1);
    const std::int64_t missing = sample_count - b.first_sample;
    return b.first_step + (missing - 1) / b.batch_size + 1;
  }

  [[nodiscard]] const std::vector<stage>& stages() const noexcept { return stages_; }
  [[nodiscard]] std::int64_t final_batch_size() const noexcept { return final_batch_size_; }
  /// The runs of constant batch size, in order; the last is open-ended.
  [[nodiscard]] std::span<const block> blocks() const noexcept { return blocks_; }
  /// The first step of every block but the first (for block searches).
  [[nodiscard]] std::span<const std::int64_t> block_starts() const noexcept {
    return block_starts_;
  }

  friend bool operator==(const batch_ramp& a, const batch_ramp& b) noexcept {
    return a.stages_ == b.stages_ && a.final_batch_size_ == b.final_batch_size_;
  }

 private:
  void build_blocks() {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    std::int64_t step = 0;
    std::int64_t consumed = 0;
    for (const stage& s : stages_) {
      if (consumed >= s.until_samples) continue;
      const std::int64_t steps = (s.until_samples - consumed - 1) / s.batch_size + 1;
      blocks_.push_back({step, consumed, s.batch_size});
      step += steps;  // steps <= samples consumed: never beyond int64
      consumed = detail::saturating_affine(consumed, steps, s.batch_size);
      if (consumed == max) break;
    }
    blocks_.push_back({step, consumed, final_batch_size_});
    for (std::size_t i = 1; i < blocks_.size(); ++i) block_starts_.push_back(blocks_[i].first_step);
  }

  [[nodiscard]] const block& block_at(std::int64_t step) const noexcept {
    return blocks_[detail::block_of(block_starts_, step)];
  }

  std::vector<stage> stages_;
  std::int64_t final_batch_size_;
  std::vector<block> blocks_;
  std::vector<std::int64_t> block_starts_;
};

/// @brief A schedule written in samples (or tokens), used per optimizer step while the
/// batch size follows a `batch_ramp`: s(step) = inner(ramp.samples(step)).
///
/// Update `step` uses the value at the samples consumed before it (what Megatron-LM's
/// sample-based LR scheduler does: it advances by the batch size after each update).
/// t < 0 evaluates as t = 0. A finite inner of length L (samples) holds from step
/// ramp.steps_for(L) on.
///
/// Sum: on each block of constant batch size the samples are an arithmetic progression,
/// so the sum is the inner's strided sum per block: O(blocks × pieces) with
/// `sum_strided`, compensated summation over the steps otherwise.
template <Schedule S>
class in_steps_schedule {
 public:
  /// @param inner the schedule, in samples.
  /// @param ramp the batch size of every step.
  in_steps_schedule(S inner, batch_ramp ramp) : inner_(std::move(inner)), ramp_(std::move(ramp)) {}

  [[nodiscard]] double operator()(std::int64_t step) const noexcept {
    return static_cast<double>(inner_(ramp_.samples(step)));
  }

  /// Per block of constant batch size: the inner summed over every batch-th sample.
  [[nodiscard]] long double sum(std::int64_t first, std::int64_t last) const noexcept {
    long double total = 0.0L;
    const auto blocks = ramp_.blocks();
    detail::for_each_block(ramp_.block_starts(), first, last,
                           [&](std::size_t i, std::int64_t begin, std::int64_t end) {
                             const auto& b = blocks[i];
                             const std::int64_t offset = detail::saturating_affine(
                                 b.first_sample, begin - b.first_step, b.batch_size);
                             total += detail::affine_sum(inner_, offset, b.batch_size, end - begin);
                           });
    return total;
  }

  /// The first step from which the value holds: ramp.steps_for(inner.length()).
  [[nodiscard]] std::int64_t length() const noexcept requires FiniteSchedule<S> {
    return ramp_.steps_for(static_cast<std::int64_t>(inner_.length()));
  }

  /// Kind "in_steps": parameters "batch_sizes" and "until_samples" (the stages, in order)
  /// and "final_batch_size"; slot "schedule".
  [[nodiscard]] description describe() const {
    std::vector<std::int64_t> batch_sizes;
    std::vector<std::int64_t> until_samples;
    for (const auto& s : ramp_.stages()) {
      batch_sizes.push_back(s.batch_size);
      until_samples.push_back(s.until_samples);
    }
    return description{"in_steps"}
        .with("batch_sizes", std::move(batch_sizes))
        .with("until_samples", std::move(until_samples))
        .with("final_batch_size", ramp_.final_batch_size())
        .with_child("schedule", detail::describe(inner_));
  }

  [[nodiscard]] const S& inner() const noexcept { return inner_; }
  [[nodiscard]] const batch_ramp& ramp() const noexcept { return ramp_; }

 private:
  S inner_;
  batch_ramp ramp_;
};

/// @brief Use a schedule written in samples from a loop that counts steps, with the
/// batch size of every step given by `ramp`.
template <Schedule S>
[[nodiscard]] in_steps_schedule<S> in_steps(S schedule_in_samples, batch_ramp ramp) {
  return in_steps_schedule<S>(std::move(schedule_in_samples), std::move(ramp));
}

}  // namespace lrsched

#endif  // LRSCHED_UNITS_HPP
