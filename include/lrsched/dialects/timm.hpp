// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/timm.hpp
/// @brief The timm dialect, in two forms:
/// - a scheduler class with its constructor arguments (in update units) and the optimizer's LR:
///   `{"class_path": "timm.scheduler.CosineLRScheduler", "init_args": {"t_initial": 1000,
///   ...}, "lr": 0.01}`;
/// - timm's training-config keys (`sched`, `lr`, `epochs`, `warmup_epochs`, ...) as
///   `scheduler_kwargs` and `create_scheduler_v2` read them, with `updates_per_epoch`.
///
/// The result is the matching `lrsched::timm` scheduler (kind `"timm.<scheduler>"`), stepped
/// per update; a config stepped per epoch (timm's default, `sched_on_updates` false) is that
/// scheduler in epochs, held for `updates_per_epoch` updates each (`stretch`), or, without
/// `updates_per_epoch`, with one step per epoch.
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_TIMM_HPP
#define LRSCHED_DIALECTS_TIMM_HPP

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/dialects/arguments.hpp>
#include <lrsched/dialects/common.hpp>
#include <lrsched/stretch.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view timm_looks_for =
    "timm: a timm.scheduler \"class_path\", or a \"sched\" key (timm's training config)";

namespace timm_dialect {

/// A timm scheduler class, its `sched` name and the kind it loads as ("" if it cannot load).
struct scheduler_class {
  std::string_view class_name;
  std::string_view sched;
  std::string_view kind;
  std::string_view why_not;  // when kind is ""
};

inline constexpr std::string_view plateau_reason =
    "lowers the LR when the evaluation metric stops improving: it depends on metrics seen at "
    "run time and cannot be loaded from a config";
inline constexpr std::string_view wsd_reason =
    "(WSDLRScheduler) has no timm-faithful schedule in lrsched yet; its shapes exist natively "
    "as the canonical kind \"wsd\"";

inline const std::vector<scheduler_class>& classes() {
  static const std::vector<scheduler_class> all{
      {"CosineLRScheduler", "cosine", "timm.cosine_lr_scheduler", ""},
      {"TanhLRScheduler", "tanh", "timm.tanh_lr_scheduler", ""},
      {"StepLRScheduler", "step", "timm.step_lr_scheduler", ""},
      {"MultiStepLRScheduler", "multistep", "timm.multi_step_lr_scheduler", ""},
      {"PolyLRScheduler", "poly", "timm.poly_lr_scheduler", ""},
      {"PlateauLRScheduler", "plateau", "", plateau_reason},
      {"WSDLRScheduler", "wsd", "", wsd_reason},
      {"WSDLRScheduler", "rsqrt", "", wsd_reason},
  };
  return all;
}

inline constexpr std::string_view noise_reason =
    "timm's LR noise is random (a seeded draw per epoch) and lrsched schedules are functions "
    "of the step alone: noise is not supported; expected null";

/// Constructor arguments every timm scheduler takes that do not change the noiseless LR.
inline const std::vector<std::string>& ignored_init_args() {
  static const std::vector<std::string> keys{"t_in_epochs", "noise_range_t", "noise_pct",
                                             "noise_std",   "noise_seed",    "initialize"};
  return keys;
}

/// The base LR: `lr` in the document, else the one supplied.
inline double base_lr(const document& doc, const load_options& options) {
  if (given(doc, "lr")) return real_at(doc.at("lr"), "/lr");
  if (options.base_lr) return *options.base_lr;
  throw config_error(doc.contains("lr") ? "/lr" : "",
                     "expected the optimizer's LR as \"lr\" (or a base LR supplied when loading); "
                     "timm's train.py derives a null lr from lr_base and the global batch size "
                     "at run time");
}

/// `{"class_path": "timm.scheduler.<Class>", "init_args": {...}, "lr": ...}`.
inline any_schedule load_class(const document& doc, const load_options& options) {
  check_keys(doc, "", {"class_path", "init_args", "lr"}, "a timm scheduler class");
  const std::string& path =
      text_at(doc.at("class_path"), "/class_path", "a string naming a timm scheduler class");
  constexpr std::string_view prefix = "timm.scheduler.";
  const std::string name = path.substr(path.rfind('.') + 1);
  std::vector<std::string> names;
  for (const auto& c : classes()) names.emplace_back(c.class_name);
  if (path.rfind(prefix, 0) != 0) {
    throw config_error("/class_path", "expected a class of timm.scheduler (\"timm.scheduler." +
                                          name + "\"), got " + quote_text(path));
  }
  require_known(name, names, "/class_path", "timm scheduler class");
  const scheduler_class* chosen = nullptr;
  for (const auto& c : classes()) {
    if (c.class_name == name && chosen == nullptr) chosen = &c;
  }
  if (chosen->kind.empty()) {
    throw config_error("/class_path", name + " " + std::string(chosen->why_not));
  }
  const double lr = base_lr(doc, options);
  if (!doc.contains("init_args")) {
    throw config_error("", "missing required key \"init_args\" (the arguments of " + name + ")");
  }
  const document& init_args = doc.at("init_args");
  require_object(init_args, "/init_args", "an object of constructor arguments");
  const std::string kind(chosen->kind);
  std::vector<std::string> allowed;
  for (const auto& field : field_names(kind)) {
    if (field != "base_lr") allowed.push_back(field);
  }
  const auto& ignored = ignored_init_args();
  allowed.insert(allowed.end(), ignored.begin(), ignored.end());
  check_keys(init_args, "/init_args", allowed, name);
  document args = init_args;
  if (given(args, "noise_range_t")) {
    throw config_error("/init_args/noise_range_t", std::string(noise_reason));
  }
  if (args.contains("t_in_epochs") && !args.at("t_in_epochs").is_boolean()) {
    expected("/init_args/t_in_epochs", "true or false", args.at("t_in_epochs"));
  }
  for (const auto& key : ignored) args.erase(key);
  args["base_lr"] = lr;
  return read_kind(kind, std::move(args), "/init_args", 1);
}

/// timm's training-config keys this dialect reads.
inline const std::vector<std::string>& config_keys() {
  // clang-format off
  static const std::vector<std::string> keys{
      "sched", "lr", "epochs", "decay_epochs", "decay_milestones", "decay_rate", "min_lr",
      "warmup_lr", "warmup_epochs", "warmup_prefix", "cooldown_epochs", "patience_epochs",
      "lr_cycle_mul", "lr_cycle_decay", "lr_cycle_limit", "lr_k_decay", "lr_noise",
      "lr_noise_pct", "lr_noise_std", "seed", "sched_on_updates", "updates_per_epoch",
      "eval_metric", "lr_decay_fn", "lr_stable_timescale"
  };
  // clang-format on
  return keys;
}

/// Other keys of timm's train.py configuration: accepted (a whole args.yaml loads) and
/// ignored, as none of them changes the learning rate.
inline const std::vector<std::string>& other_train_arguments() {
  // clang-format off
  static const std::vector<std::string> keys{
      "data", "data_dir", "dataset", "train_split", "val_split", "train_num_samples",
      "val_num_samples", "dataset_download", "class_map", "input_img_mode", "input_key",
      "target_key", "dataset_trust_remote_code", "model", "pretrained", "pretrained_path",
      "initial_checkpoint", "resume", "no_resume_opt", "num_classes", "gp", "img_size",
      "in_chans", "input_size", "crop_pct", "mean", "std", "interpolation", "batch_size",
      "validation_batch_size", "channels_last", "fuser", "grad_accum_steps", "grad_checkpointing",
      "fast_norm", "model_kwargs", "model_dtype", "head_init_scale", "head_init_bias",
      "torchcompile_mode", "torchscript", "torchcompile", "device", "device_modules", "opt",
      "opt_eps", "opt_betas", "momentum", "weight_decay", "clip_grad", "clip_mode", "layer_decay",
      "layer_decay_min_scale", "layer_decay_no_opt_scale", "opt_kwargs", "lr_base",
      "lr_base_size", "lr_base_scale", "start_epoch", "epoch_repeats", "checkpoint_hist",
      "no_aug", "train_crop_mode", "scale", "ratio", "hflip", "vflip", "color_jitter",
      "color_jitter_prob", "grayscale_prob", "gaussian_blur_prob", "aa", "aug_repeats",
      "aug_splits", "jsd_loss", "bce_loss", "bce_sum", "bce_target_thresh", "bce_pos_weight",
      "reprob", "remode", "recount", "resplit", "mixup", "cutmix", "cutmix_minmax", "mixup_prob",
      "mixup_switch_prob", "mixup_mode", "mixup_off_epoch", "smoothing", "train_interpolation",
      "drop", "drop_connect", "drop_path", "drop_block", "bn_momentum", "bn_eps", "sync_bn",
      "dist_bn", "split_bn", "model_ema", "model_ema_force_cpu", "model_ema_decay",
      "model_ema_warmup", "worker_seeding", "log_interval", "recovery_interval", "workers",
      "save_images", "pin_mem", "no_prefetcher", "output", "experiment", "tta", "local_rank",
      "use_multi_epochs_loader", "log_wandb", "amp", "amp_dtype", "amp_impl", "no_ddp_bb",
      "synchronize_step", "naflex_loader", "naflex_train_seq_lens", "naflex_max_seq_len",
      "naflex_loss_scale", "prefetcher", "distributed", "world_size", "rank"
  };
  // clang-format on
  return keys;
}

/// The config key each scheduler argument comes from (for errors at the right place).
inline std::string config_key_of(std::string_view argument, std::string_view sched) {
  static const std::map<std::string, std::string, std::less<>> keys{
      {"base_lr", "lr"},
      {"t_initial", "epochs"},
      {"lr_min", "min_lr"},
      {"cycle_mul", "lr_cycle_mul"},
      {"cycle_decay", "lr_cycle_decay"},
      {"cycle_limit", "lr_cycle_limit"},
      {"warmup_t", "warmup_epochs"},
      {"warmup_lr_init", "warmup_lr"},
      {"warmup_prefix", "warmup_prefix"},
      {"k_decay", "lr_k_decay"},
      {"decay_rate", "decay_rate"},
      {"power", "decay_rate"}};
  if (argument == "decay_t") return sched == "multistep" ? "decay_milestones" : "decay_epochs";
  const auto it = keys.find(argument);
  return it == keys.end() ? std::string() : it->second;
}

/// A time in epochs as updates (× `per_epoch`): a whole, non-negative number below 2^53.
inline std::int64_t in_updates(const document& value, const std::string& path,
                               std::int64_t per_epoch) {
  const double epochs = real_at(value, path);
  const double updates = epochs * static_cast<double>(per_epoch);
  if (!(updates >= 0.0 && updates <= 0x1p53 && updates == std::floor(updates))) {
    const std::string what =
        per_epoch == 1 ? "a whole, non-negative number of steps"
                       : "a whole, non-negative number of updates (× updates_per_epoch = " +
                             format_number(updates) + ")";
    expected(path, what, value);
  }
  return static_cast<std::int64_t>(updates);
}

/// timm's training-config keys, as `scheduler_kwargs` (with its defaults) and
/// `create_scheduler_v2` read them.
inline any_schedule load_config_keys(const document& doc, const load_options& options) {
  check_arguments(doc, config_keys(), other_train_arguments(), "a timm training config");
  const std::string& sched = text_at(doc.at("sched"), "/sched", "a string naming the scheduler");
  std::vector<std::string> names;
  for (const auto& c : classes()) names.emplace_back(c.sched);
  require_known(sched, names, "/sched", "sched");
  const scheduler_class* chosen = nullptr;
  for (const auto& c : classes()) {
    if (c.sched == sched) chosen = &c;
  }
  if (chosen->kind.empty()) {
    throw config_error("/sched", quote_text(sched) + " " + std::string(chosen->why_not));
  }
  const auto value = [&](const char* key, document fallback) -> document {
    if (given(doc, key)) return doc.at(key);
    return fallback;
  };
  const auto pointer = [](std::string_view key) { return child_pointer("", key); };
  if (given(doc, "lr_noise")) {
    throw config_error("/lr_noise", std::string(noise_reason));
  }
  const document on_updates = value("sched_on_updates", false);
  if (!on_updates.is_boolean()) expected("/sched_on_updates", "true or false", on_updates);
  std::optional<std::int64_t> per_epoch;
  if (given(doc, "updates_per_epoch")) {
    per_epoch = integer_at(doc.at("updates_per_epoch"), "/updates_per_epoch", true);
    if (*per_epoch == 0) {
      expected("/updates_per_epoch", "a positive integer (the dataloader's batches per epoch)",
               doc.at("updates_per_epoch"));
    }
  }
  const bool step_on_epochs = !on_updates.get<bool>();
  if (!step_on_epochs && !per_epoch) {
    throw config_error("",
                       "missing required key \"updates_per_epoch\" (timm asserts it is set "
                       "to the dataloader's batches per epoch when sched_on_updates is true)");
  }
  // Times in scheduler steps: updates with sched_on_updates, else epochs.
  const std::int64_t scale = step_on_epochs ? 1 : *per_epoch;
  const auto time = [&](const char* key, double fallback) {
    return in_updates(value(key, fallback), pointer(key), scale);
  };

  document args = document::object();
  args["base_lr"] = base_lr(doc, options);
  const std::string kind(chosen->kind);
  if (sched == "step" || sched == "multistep") {
    if (sched == "step") {
      args["decay_t"] = time("decay_epochs", 30.0);
    } else {
      const document milestones = value("decay_milestones", document::array({30, 60}));
      if (!milestones.is_array()) {
        expected("/decay_milestones", "an array of epochs", milestones);
      }
      document updates = document::array();
      for (std::size_t k = 0; k < milestones.size(); ++k) {
        updates.push_back(in_updates(milestones[k], child_pointer("/decay_milestones", k), scale));
      }
      args["decay_t"] = updates;
    }
    args["decay_rate"] = value("decay_rate", 0.1);
  } else {
    args["t_initial"] = time("epochs", 100.0);
    args["lr_min"] = value("min_lr", 0.0);
    args["cycle_mul"] = value("lr_cycle_mul", 1.0);
    args["cycle_decay"] = value("lr_cycle_decay", 0.1);
    args["cycle_limit"] = value("lr_cycle_limit", 1);
    if (sched != "tanh") args["k_decay"] = value("lr_k_decay", 1.0);
    if (sched == "poly") args["power"] = value("decay_rate", 0.1);  // timm's overloading
  }
  args["warmup_t"] = time("warmup_epochs", 5.0);
  args["warmup_lr_init"] = value("warmup_lr", 1e-5);
  args["warmup_prefix"] = value("warmup_prefix", false);

  any_schedule scheduler = [&] {
    try {
      return read_kind(kind, std::move(args), "", 1);
    } catch (const config_error& e) {
      // A pointer into the scheduler's arguments, back to the key it came from.
      const std::string key = config_key_of(split_pointer(e.pointer()).first, sched);
      throw config_error(!key.empty() && doc.contains(key) ? pointer(key) : "", e.problem());
    }
  }();
  if (step_on_epochs && per_epoch && *per_epoch > 1) {
    return any_schedule(lrsched::stretch(std::move(scheduler), *per_epoch));
  }
  return scheduler;
}

}  // namespace timm_dialect

/// Whether `doc` looks like a timm scheduler class or timm training config.
[[nodiscard]] inline bool looks_like_timm(const document& doc) {
  if (!doc.is_object()) return false;
  const auto it = doc.find("class_path");
  const bool timm_class = it != doc.end() && it->is_string() &&
                          it->get_ref<const std::string&>().rfind("timm.", 0) == 0;
  return timm_class || doc.contains("sched");
}

/// Loads a timm scheduler class with its arguments, or timm's training-config keys.
[[nodiscard]] inline any_schedule load_timm(const document& doc, const load_options& options) {
  require_object(doc, "", "a timm scheduler class or training config");
  if (doc.contains("class_path")) return timm_dialect::load_class(doc, options);
  if (!doc.contains("sched")) {
    throw config_error("",
                       "expected \"class_path\" (a timm scheduler class) or \"sched\" (timm's "
                       "training config), found neither");
  }
  return timm_dialect::load_config_keys(doc, options);
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_TIMM_HPP
