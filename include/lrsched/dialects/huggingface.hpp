// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/huggingface.hpp
/// @brief The HuggingFace dialect: `TrainingArguments` fields, as a Trainer builds its
/// scheduler from them (`learning_rate`, `lr_scheduler_type`, `warmup_steps`,
/// `warmup_ratio`, `max_steps`, `lr_scheduler_kwargs`).
///
/// The Trainer calls `get_scheduler(lr_scheduler_type, num_warmup_steps=
/// args.get_warmup_steps(T), num_training_steps=T, scheduler_specific_kwargs=
/// lr_scheduler_kwargs)` with T = `max_steps`; the warmup is `warmup_steps` when it is
/// positive, else ⌈T·warmup_ratio⌉. `get_scheduler` gives "constant" no arguments, and
/// "constant_with_warmup" and "inverse_sqrt" only the warmup. The result is the matching
/// `lrsched::huggingface` function (kind `"huggingface.<function>"`).
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_HUGGINGFACE_HPP
#define LRSCHED_DIALECTS_HUGGINGFACE_HPP

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/dialects/arguments.hpp>
#include <lrsched/dialects/common.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view hf_looks_for =
    "hf: \"lr_scheduler_type\" or \"learning_rate\" (TrainingArguments fields)";

namespace hf_dialect {

/// One `lr_scheduler_type`: the HF function it calls and the keyword arguments
/// `lr_scheduler_kwargs` may give it.
struct scheduler_type {
  std::string_view name;
  std::string_view function;  // "" when it cannot be loaded
  bool training_steps;        // the function takes num_training_steps
  bool warmup;                // the function takes num_warmup_steps
  std::vector<std::string> kwargs;
};

inline const std::vector<scheduler_type>& scheduler_types() {
  static const std::vector<scheduler_type> types{
      {"linear", "get_linear_schedule_with_warmup", true, true, {}},
      {"cosine", "get_cosine_schedule_with_warmup", true, true, {"num_cycles"}},
      {"cosine_with_restarts",
       "get_cosine_with_hard_restarts_schedule_with_warmup",
       true,
       true,
       {"num_cycles"}},
      {"polynomial", "get_polynomial_decay_schedule_with_warmup", true, true, {"lr_end", "power"}},
      {"constant", "get_constant_schedule", false, false, {}},
      {"constant_with_warmup", "get_constant_schedule_with_warmup", false, true, {}},
      {"inverse_sqrt", "get_inverse_sqrt_schedule", false, true, {}},
      {"reduce_lr_on_plateau", "", false, false, {}},
      {"cosine_with_min_lr",
       "get_cosine_with_min_lr_schedule_with_warmup",
       true,
       true,
       {"num_cycles", "min_lr", "min_lr_rate"}},
      {"cosine_warmup_with_min_lr",
       "get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
       true,
       true,
       {"num_cycles", "min_lr", "min_lr_rate", "warmup_lr_rate"}},
      {"warmup_stable_decay",
       "get_wsd_schedule",
       true,
       true,
       {"num_decay_steps", "num_stable_steps", "warmup_type", "decay_type", "min_lr_ratio",
        "num_cycles"}},
  };
  return types;
}

/// The keys this dialect reads.
inline const std::vector<std::string>& schedule_keys() {
  static const std::vector<std::string> keys{"learning_rate", "lr_scheduler_type",
                                             "warmup_steps",  "warmup_ratio",
                                             "max_steps",     "lr_scheduler_kwargs"};
  return keys;
}

/// Other `TrainingArguments` fields: accepted (a whole `TrainingArguments.to_dict()` loads)
/// and ignored, as none of them changes the learning rate.
inline const std::vector<std::string>& other_training_arguments() {
  // clang-format off
  static const std::vector<std::string> keys{
      "output_dir", "overwrite_output_dir", "do_train", "do_eval", "do_predict", "eval_strategy",
      "evaluation_strategy", "prediction_loss_only", "per_device_train_batch_size",
      "per_device_eval_batch_size", "per_gpu_train_batch_size", "per_gpu_eval_batch_size",
      "gradient_accumulation_steps", "eval_accumulation_steps", "eval_delay",
      "torch_empty_cache_steps", "weight_decay", "adam_beta1", "adam_beta2", "adam_epsilon",
      "max_grad_norm", "num_train_epochs", "log_level", "log_level_replica", "log_on_each_node",
      "logging_dir", "logging_strategy", "logging_first_step", "logging_steps",
      "logging_nan_inf_filter", "save_strategy", "save_steps", "save_total_limit",
      "save_safetensors", "save_on_each_node", "save_only_model",
      "restore_callback_states_from_checkpoint", "no_cuda", "use_cpu", "use_mps_device", "seed",
      "data_seed", "jit_mode_eval", "use_ipex", "bf16", "fp16", "fp16_opt_level",
      "half_precision_backend", "bf16_full_eval", "fp16_full_eval", "tf32", "local_rank",
      "ddp_backend", "tpu_num_cores", "tpu_metrics_debug", "debug", "dataloader_drop_last",
      "eval_steps", "dataloader_num_workers", "dataloader_prefetch_factor", "past_index",
      "run_name", "disable_tqdm", "remove_unused_columns", "label_names",
      "load_best_model_at_end", "metric_for_best_model", "greater_is_better", "ignore_data_skip",
      "fsdp", "fsdp_min_num_params", "fsdp_config", "fsdp_transformer_layer_cls_to_wrap",
      "accelerator_config", "deepspeed", "label_smoothing_factor", "optim", "optim_args",
      "adafactor", "group_by_length", "length_column_name", "report_to",
      "ddp_find_unused_parameters", "ddp_bucket_cap_mb", "ddp_broadcast_buffers",
      "dataloader_pin_memory", "dataloader_persistent_workers", "skip_memory_metrics",
      "use_legacy_prediction_loop", "push_to_hub", "resume_from_checkpoint", "hub_model_id",
      "hub_strategy", "hub_token", "hub_private_repo", "hub_always_push", "hub_revision",
      "gradient_checkpointing", "gradient_checkpointing_kwargs", "include_inputs_for_metrics",
      "include_for_metrics", "eval_do_concat_batches", "fp16_backend", "push_to_hub_model_id",
      "push_to_hub_organization", "push_to_hub_token", "mp_parameters", "auto_find_batch_size",
      "full_determinism", "torchdynamo", "ray_scope", "ddp_timeout", "torch_compile",
      "torch_compile_backend", "torch_compile_mode", "include_tokens_per_second",
      "include_num_input_tokens_seen", "neftune_noise_alpha", "optim_target_modules",
      "batch_eval_metrics", "eval_on_start", "use_liger_kernel", "liger_kernel_config",
      "eval_use_gather_object", "average_tokens_across_devices", "dispatch_batches",
      "split_batches", "predict_with_generate", "generation_max_length", "generation_num_beams",
      "generation_config", "sortish_sampler", "parallelism_config", "project", "trackio_space_id"
  };
  // clang-format on
  return keys;
}

/// Where the value behind a peer parameter was written in the document.
struct origins {
  bool kwargs_as_text = false;
  std::string learning_rate;   // "" when it came from the options or HF's default
  std::string warmup;          // "/warmup_steps" or "/warmup_ratio"
  std::string training_steps;  // "/max_steps", or "" from the options
};

inline std::string origin_of(const origins& o, const std::string& pointer) {
  // The first key of a pointer into the peer kind's object (read at "").
  const auto [key, rest] = split_pointer(pointer);
  if (key.empty()) return "";
  if (key == "base_lr") return o.learning_rate;
  if (key == "num_warmup_steps") return o.warmup;
  if (key == "num_training_steps") return o.training_steps;
  if (o.kwargs_as_text) return "/lr_scheduler_kwargs";
  return child_pointer("/lr_scheduler_kwargs", key) + rest;
}

}  // namespace hf_dialect

/// Whether `doc` looks like HF `TrainingArguments`.
[[nodiscard]] inline bool looks_like_hf(const document& doc) {
  return doc.is_object() && (doc.contains("lr_scheduler_type") || doc.contains("learning_rate"));
}

/// Loads HF `TrainingArguments` fields as the Trainer's scheduler.
[[nodiscard]] inline any_schedule load_hf(const document& doc, const load_options& options) {
  namespace h = hf_dialect;
  require_object(doc, "", "an object of TrainingArguments fields");
  check_arguments(doc, h::schedule_keys(), h::other_training_arguments(), "HF TrainingArguments");
  h::origins where;

  // learning_rate: the optimizer's LR (TrainingArguments' default 5e-5).
  double learning_rate = 5e-5;
  if (given(doc, "learning_rate")) {
    learning_rate = real_at(doc.at("learning_rate"), "/learning_rate");
    where.learning_rate = "/learning_rate";
  } else if (options.base_lr) {
    learning_rate = *options.base_lr;
  }

  // lr_scheduler_type (default "linear").
  std::string type_name = "linear";
  if (given(doc, "lr_scheduler_type")) {
    type_name = text_at(doc.at("lr_scheduler_type"), "/lr_scheduler_type",
                        "a string naming the scheduler type");
  }
  std::vector<std::string> type_names;
  for (const auto& t : h::scheduler_types()) type_names.emplace_back(t.name);
  require_known(type_name, type_names, "/lr_scheduler_type", "lr_scheduler_type");
  const h::scheduler_type* type = nullptr;
  for (const auto& t : h::scheduler_types()) {
    if (t.name == type_name) type = &t;
  }
  if (type->function.empty()) {
    throw config_error("/lr_scheduler_type",
                       "\"reduce_lr_on_plateau\" lowers the LR when the evaluation metric stops "
                       "improving: it depends on metrics seen at run time and cannot be loaded "
                       "from a config");
  }

  // lr_scheduler_kwargs: an object, or the same as a JSON string (as the command line gives it).
  document kwargs = document::object();
  if (given(doc, "lr_scheduler_kwargs")) {
    const document& written = doc.at("lr_scheduler_kwargs");
    if (written.is_string()) {
      where.kwargs_as_text = true;
      try {
        kwargs = parse_config(written.get_ref<const std::string&>());
      } catch (const config_error& e) {
        throw config_error("/lr_scheduler_kwargs", "in the JSON string: " + e.problem());
      }
    } else {
      kwargs = written;
    }
    if (!kwargs.is_object()) {
      expected("/lr_scheduler_kwargs", "an object of keyword arguments (or one as a JSON string)",
               written.is_string() ? kwargs : written);
    }
  }
  const std::string kwargs_path = where.kwargs_as_text ? "" : "/lr_scheduler_kwargs";
  if (!kwargs.empty() && type->kwargs.empty()) {
    throw config_error("/lr_scheduler_kwargs",
                       "HF's get_scheduler passes no lr_scheduler_kwargs to " +
                           quote_text(type->name) + " (it would ignore them); expected none, got " +
                           json::got(kwargs));
  }
  if (where.kwargs_as_text) {
    try {
      check_keys(kwargs, "", type->kwargs, "lr_scheduler_type " + quote_text(type->name));
    } catch (const config_error& e) {
      throw config_error("/lr_scheduler_kwargs", e.pointer().substr(1) + ": " + e.problem());
    }
  } else {
    check_keys(kwargs, kwargs_path, type->kwargs, "lr_scheduler_type " + quote_text(type->name));
  }

  // max_steps: T. TrainingArguments' -1 means "from num_train_epochs and the dataset".
  std::optional<std::int64_t> training_steps;
  if (given(doc, "max_steps")) {
    const std::int64_t value = integer_at(doc.at("max_steps"), "/max_steps", false);
    if (value > 0) {
      training_steps = value;
      where.training_steps = "/max_steps";
    } else if (value != -1) {
      expected("/max_steps", "a positive integer (or -1: not set)", doc.at("max_steps"));
    }
  }
  if (!training_steps) {
    if (const auto it = options.values.find("max_steps"); it != options.values.end()) {
      const double value = it->second;
      if (!(value >= 1.0 && value < 9.2e18 && value == std::floor(value))) {
        throw config_error("", "expected the supplied max_steps to be a positive integer, got " +
                                   format_number(value));
      }
      training_steps = static_cast<std::int64_t>(value);
    }
  }

  // The warmup: warmup_steps when positive, else ceil(T · warmup_ratio).
  std::int64_t warmup_steps = 0;
  if (given(doc, "warmup_steps"))
    warmup_steps = integer_at(doc.at("warmup_steps"), "/warmup_steps", true);
  double warmup_ratio = 0.0;
  if (given(doc, "warmup_ratio")) {
    warmup_ratio = real_at(doc.at("warmup_ratio"), "/warmup_ratio");
    if (!(warmup_ratio >= 0.0 && warmup_ratio <= 1.0)) {
      expected("/warmup_ratio", "a number in [0, 1]", doc.at("warmup_ratio"));
    }
  }
  const auto require_training_steps = [&](std::string_view why) {
    if (training_steps) return *training_steps;
    throw config_error(given(doc, "max_steps") ? "/max_steps" : "",
                       "expected max_steps > 0 " + std::string(why) +
                           " (HF derives it from num_train_epochs and the dataset size, which a "
                           "config does not hold; give max_steps, or supply it when loading)");
  };
  if (!type->warmup) {
    const std::string why = "HF's get_scheduler gives lr_scheduler_type " +
                            quote_text(type->name) +
                            " no warmup (\"constant_with_warmup\" has one)";
    refuse_without_effect(doc, "", "warmup_steps", 0, why);
    refuse_without_effect(doc, "", "warmup_ratio", 0.0, why);
  } else if (warmup_steps > 0) {
    refuse_without_effect(doc, "", "warmup_ratio", 0.0,
                          "a positive warmup_steps overrides warmup_ratio in HF's Trainer");
  }
  where.warmup = "/warmup_steps";
  std::int64_t num_warmup_steps = warmup_steps;
  if (type->warmup && warmup_steps == 0 && warmup_ratio > 0.0) {
    const std::int64_t total = require_training_steps("for warmup_ratio");
    num_warmup_steps =
        static_cast<std::int64_t>(std::ceil(static_cast<double>(total) * warmup_ratio));
    where.warmup = "/warmup_ratio";
  }

  // The peer function's arguments, then the kind read from them.
  document args = document::object();
  args["base_lr"] = learning_rate;
  if (type->warmup) args["num_warmup_steps"] = num_warmup_steps;
  const bool stable_given = kwargs.contains("num_stable_steps");
  if (type->training_steps) {
    if (type->name == "warmup_stable_decay" && stable_given && !training_steps) {
      // get_wsd_schedule needs only one of num_training_steps and num_stable_steps.
    } else {
      args["num_training_steps"] =
          require_training_steps("for lr_scheduler_type " + quote_text(type->name));
    }
  }
  if (type->name == "warmup_stable_decay" && !kwargs.contains("num_decay_steps")) {
    throw config_error("/lr_scheduler_kwargs",
                       "missing required key \"num_decay_steps\" (the length of the decay of "
                       "lr_scheduler_type \"warmup_stable_decay\")");
  }
  for (auto it = kwargs.begin(); it != kwargs.end(); ++it) args[it.key()] = it.value();
  drop_nulls(args, {"min_lr", "min_lr_rate", "warmup_lr_rate", "num_stable_steps"});
  try {
    return read_kind("huggingface." + std::string(type->function), std::move(args), "", 1);
  } catch (const config_error& e) {
    throw config_error(h::origin_of(where, e.pointer()), e.problem());
  }
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_HUGGINGFACE_HPP
