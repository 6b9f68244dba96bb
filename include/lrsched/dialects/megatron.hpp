// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/megatron.hpp
/// @brief The Megatron-LM dialect: its command-line arguments with `--` dropped and dashes
/// as underscores (`lr`, `min_lr`, `lr_warmup_init`, `lr_decay_style`, `lr_wsd_decay_style`,
/// `lr_warmup_iters`, `lr_decay_iters`, `lr_wsd_decay_iters`, `train_iters`, ...), and the
/// `_samples` variants with `global_batch_size`.
///
/// As Megatron's `get_optimizer_param_scheduler` builds its `OptimizerParamScheduler`:
/// - iteration-based (`train_iters`, `lr_*_iters`): the decay lasts `lr_decay_iters`
///   (default `train_iters`), the warmup `lr_warmup_iters` or `lr_warmup_fraction` of the
///   decay, and steps are iterations (Megatron counts samples, every count multiplied by the
///   global batch size, which cancels from every ratio it forms);
/// - sample-based (`train_samples`, `lr_*_samples`): the same in samples, and a step
///   consumes `global_batch_size` of them: `per_step(schedule in samples, global_batch_size)`.
/// The schedule is `lrsched::megatron::optimizer_param_scheduler` (kind
/// `"megatron.optimizer_param_scheduler"`). Weight-decay arguments are read past: they are
/// not the learning rate.
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_MEGATRON_HPP
#define LRSCHED_DIALECTS_MEGATRON_HPP

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/dialects/arguments.hpp>
#include <lrsched/dialects/common.hpp>
#include <lrsched/units.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view megatron_looks_for =
    "megatron: \"lr_decay_style\", \"lr_warmup_iters\", \"lr_decay_iters\", \"train_iters\" "
    "or their _samples variants";

namespace megatron_dialect {

/// The keys this dialect reads.
inline const std::vector<std::string>& schedule_keys() {
  // clang-format off
  static const std::vector<std::string> keys{
      "lr", "min_lr", "lr_warmup_init", "lr_decay_style", "lr_wsd_decay_style", "lr_warmup_iters",
      "lr_warmup_samples", "lr_warmup_fraction", "lr_decay_iters", "lr_decay_samples",
      "lr_wsd_decay_iters", "lr_wsd_decay_samples", "train_iters", "train_samples",
      "global_batch_size", "rampup_batch_size"
  };
  // clang-format on
  return keys;
}

/// Other Megatron arguments: accepted and ignored, as none of them changes the learning rate
/// of the main parameters (`decoupled_lr` applies to the embedding and output layers only).
inline const std::vector<std::string>& other_arguments() {
  // clang-format off
  static const std::vector<std::string> keys{
      "micro_batch_size", "weight_decay", "start_weight_decay", "end_weight_decay",
      "weight_decay_incr_style", "override_opt_param_scheduler",
      "use_checkpoint_opt_param_scheduler", "decoupled_lr", "decoupled_min_lr", "optimizer",
      "adam_beta1", "adam_beta2", "adam_eps", "sgd_momentum", "clip_grad", "loss_scale",
      "initial_loss_scale", "min_loss_scale", "loss_scale_window", "hysteresis", "bf16", "fp16",
      "seed", "num_layers", "hidden_size", "ffn_hidden_size", "num_attention_heads",
      "num_query_groups", "group_query_attention", "kv_channels", "seq_length",
      "max_position_embeddings", "position_embedding_type", "normalization", "swiglu",
      "untie_embeddings_and_output_weights", "attention_dropout", "hidden_dropout",
      "init_method_std", "tensor_model_parallel_size", "pipeline_model_parallel_size",
      "context_parallel_size", "expert_model_parallel_size", "sequence_parallel",
      "use_distributed_optimizer", "use_flash_attn", "save", "load", "save_interval",
      "eval_interval", "eval_iters", "log_interval", "exit_interval", "data_path", "split",
      "tokenizer_type", "tokenizer_model", "vocab_file", "merge_file", "tensorboard_dir",
      "wandb_project", "wandb_exp_name", "distributed_backend", "num_workers"
  };
  // clang-format on
  return keys;
}

/// The argument each peer parameter came from, for errors at the right key.
struct origins {
  std::string warmup = "/lr_warmup_iters";
  std::string decay = "/lr_decay_iters";
  std::string anneal = "/lr_wsd_decay_iters";
};

inline std::string origin_of(const origins& o, const document& doc, const std::string& pointer) {
  const std::string key = split_pointer(pointer).first;
  std::string out;
  if (key == "init_lr") out = "/lr_warmup_init";
  if (key == "max_lr") out = "/lr";
  if (key == "min_lr" || key == "lr_decay_style" || key == "lr_wsd_decay_style") out = "/" + key;
  if (key == "lr_warmup_steps") out = o.warmup;
  if (key == "lr_decay_steps") out = o.decay;
  if (key == "wsd_decay_steps") out = o.anneal;
  return !out.empty() && doc.contains(out.substr(1)) ? out : "";
}

}  // namespace megatron_dialect

/// Whether `doc` looks like Megatron-LM arguments.
[[nodiscard]] inline bool looks_like_megatron(const document& doc) {
  if (!doc.is_object()) return false;
  for (const char* key : {"lr_decay_style", "lr_warmup_iters", "lr_decay_iters",
                          "lr_warmup_samples", "lr_decay_samples", "lr_warmup_fraction",
                          "lr_warmup_init", "lr_wsd_decay_style", "train_iters", "train_samples"}) {
    if (doc.contains(key)) return true;
  }
  return false;
}

/// Loads Megatron-LM arguments as its `OptimizerParamScheduler` learning rate.
[[nodiscard]] inline any_schedule load_megatron(const document& doc, const load_options& options) {
  namespace m = megatron_dialect;
  require_object(doc, "", "an object of Megatron-LM arguments");
  check_arguments(doc, m::schedule_keys(), m::other_arguments(), "Megatron-LM arguments");
  const auto pointer = [](std::string_view key) { return child_pointer("", key); };
  if (given(doc, "rampup_batch_size")) {
    throw config_error("/rampup_batch_size",
                       "a batch-size ramp-up is not supported by this dialect; expected null (the "
                       "canonical kind \"in_steps\" runs a schedule in samples under a ramp)");
  }

  // Iteration- or sample-based: what Megatron's validate_args lets through.
  const bool iterations = given(doc, "train_iters") || given(doc, "lr_decay_iters") ||
                          given(doc, "lr_wsd_decay_iters") ||
                          (given(doc, "lr_warmup_iters") && doc.at("lr_warmup_iters") != 0);
  const bool samples = given(doc, "train_samples") || given(doc, "lr_decay_samples") ||
                       given(doc, "lr_wsd_decay_samples") ||
                       (given(doc, "lr_warmup_samples") && doc.at("lr_warmup_samples") != 0);
  if (iterations && samples) {
    for (const char* key :
         {"train_samples", "lr_decay_samples", "lr_wsd_decay_samples", "lr_warmup_samples"}) {
      if (given(doc, key)) {
        throw config_error(pointer(key),
                           "expected iteration-based arguments only (the document has "
                           "train_iters or lr_*_iters), got a _samples argument");
      }
    }
  }
  if (!iterations && !samples) {
    throw config_error("",
                       "expected the decay's length: lr_decay_iters or train_iters "
                       "(iteration-based), or lr_decay_samples or train_samples "
                       "(sample-based)");
  }
  const std::string unit = iterations ? "iters" : "samples";
  const std::string train_key = "train_" + unit;
  const std::string decay_key = "lr_decay_" + unit;
  const std::string warmup_key = "lr_warmup_" + unit;
  const std::string anneal_key = "lr_wsd_decay_" + unit;
  m::origins where{pointer(warmup_key), pointer(decay_key), pointer(anneal_key)};

  std::int64_t decay = 0;
  if (given(doc, decay_key)) {
    decay = integer_at(doc.at(decay_key), where.decay, true);
  } else if (given(doc, train_key)) {
    decay = integer_at(doc.at(train_key), pointer(train_key), true);
    where.decay = pointer(train_key);
  } else {
    throw config_error("", "missing required key " + quote_text(decay_key) + " (or " +
                               quote_text(train_key) + ", its default)");
  }
  std::int64_t warmup = 0;
  if (given(doc, "lr_warmup_fraction")) {
    if (given(doc, warmup_key) && doc.at(warmup_key) != 0) {
      throw config_error(where.warmup,
                         "expected 0 or null when lr_warmup_fraction is set "
                         "(Megatron takes one of the two)");
    }
    const double fraction = real_at(doc.at("lr_warmup_fraction"), "/lr_warmup_fraction");
    const double steps = fraction * static_cast<double>(decay);
    if (!(steps >= 0.0 && steps <= 0x1p53 && steps == std::floor(steps))) {
      throw config_error("/lr_warmup_fraction",
                         "expected a fraction of the decay that is a whole number of " + unit +
                             " (lr_warmup_fraction × " + quote_text(where.decay.substr(1)) + " = " +
                             format_number(steps) + ")");
    }
    warmup = static_cast<std::int64_t>(steps);
    where.warmup = "/lr_warmup_fraction";
  } else if (given(doc, warmup_key)) {
    warmup = integer_at(doc.at(warmup_key), where.warmup, true);
  }

  document args = document::object();
  if (given(doc, "lr_warmup_init")) args["init_lr"] = doc.at("lr_warmup_init");
  if (!given(doc, "lr")) {
    if (!options.base_lr) {
      throw config_error(doc.contains("lr") ? "/lr" : "",
                         "missing required key \"lr\" (the peak learning rate)");
    }
    args["max_lr"] = *options.base_lr;
  } else {
    args["max_lr"] = doc.at("lr");
  }
  if (given(doc, "min_lr")) args["min_lr"] = doc.at("min_lr");
  args["lr_warmup_steps"] = warmup;
  args["lr_decay_steps"] = decay;
  const std::string style =
      given(doc, "lr_decay_style")
          ? text_at(doc.at("lr_decay_style"), "/lr_decay_style", "a string naming the decay style")
          : "linear";
  args["lr_decay_style"] = style;
  // Arguments a dump writes whatever the style: refused where a value would be ignored.
  if (style != "WSD") {
    const std::string why = "only lr_decay_style \"WSD\" anneals, and this one is " +
                            quote_text(style);
    refuse_without_effect(doc, "", anneal_key, document(), why);
    refuse_without_effect(doc, "", "lr_wsd_decay_style", "exponential", why);
  }
  if (style == "constant") {
    refuse_without_effect(doc, "", "min_lr", 0.0,
                          "lr_decay_style \"constant\" holds lr after the warmup and never "
                          "reaches min_lr");
  }
  if (warmup == 0) {
    refuse_without_effect(doc, "", "lr_warmup_init", 0.0,
                          "it is where the warmup starts, and the warmup is 0 " + unit);
  }
  if (style == "WSD") {
    if (!given(doc, anneal_key)) {
      throw config_error("", "missing required key " + quote_text(anneal_key) +
                                 " (the length of the anneal of lr_decay_style \"WSD\")");
    }
    args["wsd_decay_steps"] = doc.at(anneal_key);
    args["lr_wsd_decay_style"] =
        given(doc, "lr_wsd_decay_style") ? doc.at("lr_wsd_decay_style") : document("exponential");
  }
  any_schedule in_counts = [&] {
    try {
      return read_kind("megatron.optimizer_param_scheduler", std::move(args), "", 1);
    } catch (const config_error& e) {
      throw config_error(m::origin_of(where, doc, e.pointer()), e.problem());
    }
  }();
  if (iterations) return in_counts;
  if (!given(doc, "global_batch_size")) {
    throw config_error("",
                       "missing required key \"global_batch_size\" (sample-based arguments "
                       "count samples; a step consumes global_batch_size of them)");
  }
  const std::int64_t batch = integer_at(doc.at("global_batch_size"), "/global_batch_size", true);
  if (batch == 0) expected("/global_batch_size", "a positive integer", doc.at("global_batch_size"));
  return any_schedule(lrsched::per_step(std::move(in_counts), batch));
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_MEGATRON_HPP
