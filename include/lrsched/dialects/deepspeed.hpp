// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/deepspeed.hpp
/// @brief The DeepSpeed dialect: a `ds_config.json` with its `optimizer` and `scheduler`:
/// @code{.json}
/// {"optimizer": {"type": "AdamW", "params": {"lr": 3e-4}},
///  "scheduler": {"type": "WarmupCosineLR", "params": {"total_num_steps": 10000}}}
/// @endcode
/// DeepSpeed's own schedulers (WarmupLR, WarmupDecayLR, WarmupCosineLR, OneCycle,
/// LRRangeTest) load as `lrsched::deepspeed` schedules (kind `"deepspeed.<class>"`), with
/// DeepSpeed's defaults; any other `type` is a `torch.optim.lr_scheduler` class, built with
/// `params` as its arguments and the optimizer's `lr`, as DeepSpeed does, and loads as the
/// PyTorch dialect loads that class. `"auto"` values (which the HuggingFace Trainer fills in
/// at run time) must be supplied when loading: the optimizer's `lr` and `warmup_max_lr` by
/// `load_options::base_lr`, every other field by `load_options::values[<field>]`. Other
/// ds_config sections (`zero_optimization`, `bf16`, ...) are read past.
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_DEEPSPEED_HPP
#define LRSCHED_DIALECTS_DEEPSPEED_HPP

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/dialects/arguments.hpp>
#include <lrsched/dialects/common.hpp>
#include <lrsched/dialects/pytorch.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view deepspeed_looks_for =
    "deepspeed: a \"scheduler\" object with \"type\" or \"params\" (ds_config)";

namespace deepspeed_dialect {

/// DeepSpeed's scheduler types and the kinds that reproduce them.
inline constexpr std::pair<std::string_view, std::string_view> types[] = {
    {"WarmupLR", "deepspeed.warmup_lr"},
    {"WarmupDecayLR", "deepspeed.warmup_decay_lr"},
    {"WarmupCosineLR", "deepspeed.warmup_cosine_lr"},
    {"OneCycle", "deepspeed.one_cycle"},
    {"LRRangeTest", "deepspeed.lr_range_test"},
};

/// Scheduler parameters that do not change the learning rate (OneCycle's momentum cycling).
inline const std::vector<std::string>& momentum_params() {
  static const std::vector<std::string> keys{"cycle_momentum", "cycle_min_mom", "cycle_max_mom",
                                             "decay_mom_rate"};
  return keys;
}

/// The other sections of a ds_config: accepted and ignored.
inline const std::vector<std::string>& other_sections() {
  // clang-format off
  static const std::vector<std::string> keys{
      "optimizer", "scheduler", "train_batch_size", "train_micro_batch_size_per_gpu",
      "gradient_accumulation_steps", "steps_per_print", "wall_clock_breakdown", "dump_state",
      "gradient_clipping", "prescale_gradients", "gradient_predivide_factor", "sparse_gradients",
      "fp16", "bf16", "amp", "zero_optimization", "zero_allow_untested_optimizer",
      "zero_force_ds_cpu_optimizer", "communication_data_type",
      "seq_parallel_communication_data_type", "activation_checkpointing", "flops_profiler",
      "tensorboard", "wandb", "csv_monitor", "comet", "comms_logger", "data_types",
      "sparse_attention", "pipeline", "checkpoint", "data_efficiency", "curriculum_learning",
      "aio", "elasticity", "compression_training", "autotuning", "memory_breakdown",
      "torch_autocast", "compile", "nebula", "weight_quantization", "hybrid_engine",
      "use_data_before_expert_parallelism", "graph_harvesting", "dataloader_drop_last"
  };
  // clang-format on
  return keys;
}

/// What to say about an `"auto"` left for `field`.
inline std::string auto_problem(std::string_view field, bool by_base_lr) {
  const std::string supply = by_base_lr
                                 ? "a base LR supplied when loading (the command line's --base-lr)"
                                 : "a value for " + quote_text(field) +
                                       " supplied when loading (the command line's --set " +
                                       std::string(field) + "=...)";
  return "expected a number, got \"auto\": the HuggingFace Trainer fills \"auto\" in at run "
         "time; write the number here, or give " +
         supply;
}

/// `j` (at `path`) with its `"auto"` values replaced by what `options` supply.
inline document resolve_auto(document j, const std::string& path, const load_options& options) {
  if (!j.is_object()) return j;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it->is_string() || it->get_ref<const std::string&>() != "auto") continue;
    const std::string& field = it.key();
    if (const auto value = options.values.find(field); value != options.values.end()) {
      *it = value->second;
    } else if ((field == "lr" || field == "warmup_max_lr") && options.base_lr) {
      *it = *options.base_lr;
    } else {
      throw config_error(child_pointer(path, field),
                         auto_problem(field, field == "lr" || field == "warmup_max_lr"));
    }
  }
  return j;
}

/// A `{"type": ..., "params": {...}}` section: its type and its params ("auto" resolved).
struct section {
  std::string type;
  document params = document::object();
};

inline section read_section(const document& j, const std::string& path, std::string_view what) {
  require_object(j, path,
                 std::string("an object with \"type\" and \"params\" (") + std::string(what) + ")");
  check_keys(j, path, {"type", "params"}, "a ds_config " + std::string(what));
  section out;
  if (!j.contains("type")) {
    throw config_error(path,
                       "missing required key \"type\" (the " + std::string(what) + "'s class)");
  }
  out.type = text_at(j.at("type"), child_pointer(path, "type"), "a string naming a class");
  if (given(j, "params")) {
    const std::string params_path = child_pointer(path, "params");
    require_object(j.at("params"), params_path, "an object of parameters");
    out.params = j.at("params");
  }
  return out;
}

/// The optimizer's LR: `optimizer.params.lr`, else the base LR supplied, else none. Only
/// `lr` is read: the optimizer's other parameters (betas, eps, ...) may stay "auto".
inline std::optional<double> optimizer_lr(const document& doc, const load_options& options) {
  if (!given(doc, "optimizer")) return options.base_lr;
  const section optimizer = read_section(doc.at("optimizer"), "/optimizer", "optimizer");
  if (!optimizer.params.contains("lr")) return options.base_lr;
  const document written =
      resolve_auto(document{{"lr", optimizer.params.at("lr")}}, "/optimizer/params", options);
  const double lr = real_at(written.at("lr"), "/optimizer/params/lr");
  if (lr < 0.0) expected("/optimizer/params/lr", "a learning rate >= 0", optimizer.params.at("lr"));
  return lr;
}

}  // namespace deepspeed_dialect

/// Whether `doc` looks like a ds_config with a scheduler.
[[nodiscard]] inline bool looks_like_deepspeed(const document& doc) {
  if (!doc.is_object()) return false;
  const auto it = doc.find("scheduler");
  return it != doc.end() && it->is_object() && (it->contains("type") || it->contains("params"));
}

/// Loads a ds_config's scheduler (see the file comment).
[[nodiscard]] inline any_schedule load_deepspeed(const document& doc, const load_options& options) {
  namespace ds = deepspeed_dialect;
  require_object(doc, "", "a ds_config object");
  check_keys(doc, "", ds::other_sections(), "a ds_config");
  if (!given(doc, "scheduler")) {
    throw config_error("",
                       "missing required key \"scheduler\" (without one DeepSpeed keeps the "
                       "optimizer's LR: use the canonical kind \"constant\")");
  }
  ds::section scheduler = ds::read_section(doc.at("scheduler"), "/scheduler", "scheduler");
  const std::string params_path = "/scheduler/params";
  scheduler.params = ds::resolve_auto(std::move(scheduler.params), params_path, options);
  if (given(doc, "optimizer")) {
    (void)ds::read_section(doc.at("optimizer"), "/optimizer", "optimizer");
  }
  // The optimizer's LR, read where the scheduler uses it (an "auto" lr needs supplying then).
  const auto lr = [&] { return ds::optimizer_lr(doc, options); };
  const auto lr_problem = [&](std::string_view why) {
    return config_error(doc.contains("optimizer") ? "/optimizer" : "",
                        "expected the optimizer's LR at /optimizer/params/lr (or a base LR "
                        "supplied when loading): " +
                            std::string(why));
  };

  std::string kind;
  for (const auto& [type, k] : ds::types) {
    if (type == scheduler.type) kind = k;
  }
  if (kind.empty()) {
    // DeepSpeed builds any other type from torch.optim.lr_scheduler, with params as kwargs.
    // A near miss of a DeepSpeed type is a typo; anything else is for PyTorch to judge.
    bool torch_class = false;
    for (const auto& [torch_name, k] : pytorch_dialect::classes) {
      torch_class = torch_class || torch_name == scheduler.type;
    }
    std::vector<std::string> names;
    for (const auto& [type, k] : ds::types) names.emplace_back(type);
    if (!torch_class && closest_name(scheduler.type, names)) {
      require_known(scheduler.type, names, "/scheduler/type", "DeepSpeed scheduler type");
    }
    document torch_object = scheduler.params;
    torch_object["_target_"] = std::string(pytorch_dialect::module) + scheduler.type;
    try {
      return pytorch_dialect::load_scheduler(torch_object, params_path, lr(), 1);
    } catch (const config_error& e) {
      if (e.pointer() == params_path + "/_target_")
        throw config_error("/scheduler/type", e.problem());
      throw;
    }
  }

  document& params = scheduler.params;
  if (const auto it = params.find("last_batch_iteration"); it != params.end()) {
    const std::string where = child_pointer(params_path, "last_batch_iteration");
    if (integer_at(*it, where, false) != -1) {
      expected(where, "-1 (a fresh scheduler; lrsched schedules start at step 0)", *it);
    }
    params.erase(it);
  }
  std::vector<std::string> allowed;
  for (const auto& field : field_names(kind)) {
    if (field != "base_lr") allowed.push_back(field);
  }
  if (kind == "deepspeed.one_cycle") {
    const auto& momentum = ds::momentum_params();
    allowed.insert(allowed.end(), momentum.begin(), momentum.end());
  }
  check_keys(params, params_path, allowed, "DeepSpeed " + scheduler.type);
  if (kind == "deepspeed.one_cycle") {
    for (const auto& key : ds::momentum_params()) params.erase(key);
  }
  drop_nulls(params, {"cycle_second_step_size", "cycle_second_stair_count"});
  // DeepSpeed's defaults where the C++ constructors want them explicit.
  if (kind == "deepspeed.warmup_lr" || kind == "deepspeed.warmup_decay_lr") {
    if (!params.contains("warmup_min_lr")) params["warmup_min_lr"] = 0.0;
  }
  if (kind == "deepspeed.warmup_lr" && !params.contains("warmup_max_lr")) {
    const auto optimizer = lr();
    if (!optimizer) throw lr_problem("WarmupLR's warmup_max_lr defaults to it");
    params["warmup_max_lr"] = *optimizer;
  }
  if (kind == "deepspeed.warmup_decay_lr" && !params.contains("warmup_max_lr")) {
    // DeepSpeed would use 0.001 whatever the optimizer's LR is: a peak nobody wrote.
    if (!options.base_lr) {
      throw config_error(params_path,
                         "missing required key \"warmup_max_lr\" (the peak LR): DeepSpeed's "
                         "WarmupDecayLR would use 0.001 and ignore the optimizer's lr; write the "
                         "peak here, or supply a base LR when loading (--base-lr)");
    }
    params["warmup_max_lr"] = *options.base_lr;
  }
  if (kind == "deepspeed.warmup_cosine_lr") {
    const auto optimizer = lr();
    if (!optimizer) throw lr_problem("WarmupCosineLR scales it");
    params["base_lr"] = *optimizer;
  }
  return read_kind(kind, std::move(params), params_path, 1);
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_DEEPSPEED_HPP
