// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/pytorch.hpp
/// @brief The PyTorch dialect: an optimizer and a `torch.optim.lr_scheduler` class as
/// LightningCLI and Hydra configs write them, loaded as the PyTorch-faithful schedule
/// (`lrsched/peers/pytorch.hpp`):
/// @code{.json}
/// {"optimizer": {"class_path": "torch.optim.SGD", "init_args": {"lr": 0.1}},
///  "lr_scheduler": {"class_path": "torch.optim.lr_scheduler.CosineAnnealingLR",
///                   "init_args": {"T_max": 100, "eta_min": 0.001}}}
/// {"optimizer": {"_target_": "torch.optim.SGD", "lr": 0.1},
///  "lr_scheduler": {"_target_": "torch.optim.lr_scheduler.CosineAnnealingLR", "T_max": 100}}
/// @endcode
/// The base LR is the optimizer's `lr` (or `load_options::base_lr` when the document has
/// none: a bare `lr_scheduler` block, or the scheduler object alone); CyclicLR and
/// OneCycleLR set it from their own arguments, as in PyTorch. SequentialLR and
/// ChainedScheduler take their `schedulers` as a list of scheduler objects in either form.
/// Only the optimizer's `lr` is read; LightningCLI's other top-level sections (`trainer`,
/// `model`, `data`, ...) are ignored. Arguments that only steer momentum (`cycle_momentum`,
/// `base_momentum`, `max_momentum`) and `verbose` are accepted and have no effect on the
/// learning rate; `last_epoch` must be -1 (a fresh scheduler).
///
/// Included by `lrsched/dialects.hpp` (which defines `load_options`); not on its own.
#ifndef LRSCHED_DIALECTS_PYTORCH_HPP
#define LRSCHED_DIALECTS_PYTORCH_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lrsched/any_schedule.hpp>
#include <lrsched/dialects/arguments.hpp>
#include <lrsched/dialects/common.hpp>

namespace lrsched::detail::dialects {

inline constexpr std::string_view pytorch_looks_for =
    "pytorch: an \"lr_scheduler\" key, or a torch.optim.lr_scheduler \"class_path\" or "
    "\"_target_\"";

namespace pytorch_dialect {

inline constexpr std::string_view module = "torch.optim.lr_scheduler.";

/// The class a scheduler object names (its class_path or _target_), if it has one.
inline const document* class_of(const document& j) {
  if (!j.is_object()) return nullptr;
  for (const char* key : {"class_path", "_target_"}) {
    if (const auto it = j.find(key); it != j.end()) return &*it;
  }
  return nullptr;
}

inline bool names_scheduler(const document& j) {
  const document* c = class_of(j);
  return c != nullptr && c->is_string() && c->get_ref<const std::string&>().rfind(module, 0) == 0;
}

/// PyTorch's classes and the kinds that reproduce them.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 12> classes{{
    {"StepLR", "pytorch.step_lr"},
    {"MultiStepLR", "pytorch.multi_step_lr"},
    {"ConstantLR", "pytorch.constant_lr"},
    {"LinearLR", "pytorch.linear_lr"},
    {"ExponentialLR", "pytorch.exponential_lr"},
    {"PolynomialLR", "pytorch.polynomial_lr"},
    {"CosineAnnealingLR", "pytorch.cosine_annealing_lr"},
    {"CosineAnnealingWarmRestarts", "pytorch.cosine_annealing_warm_restarts"},
    {"OneCycleLR", "pytorch.one_cycle_lr"},
    {"CyclicLR", "pytorch.cyclic_lr"},
    {"SequentialLR", "pytorch.sequential_lr"},
    {"ChainedScheduler", "pytorch.chained_scheduler"},
}};

/// The kind for a class path, or a config_error at `path` saying why it cannot be loaded.
inline std::string kind_of(const std::string& class_path, const std::string& path) {
  std::string name = class_path;
  if (name.rfind(module, 0) == 0) name.erase(0, module.size());
  const auto dot = name.rfind('.');
  const std::string last = dot == std::string::npos ? name : name.substr(dot + 1);
  if (last == "LambdaLR" || last == "MultiplicativeLR") {
    throw config_error(path, last +
                                 " takes a Python callable (lr_lambda); cannot be loaded from a "
                                 "config (write the factor as an lrsched schedule: "
                                 "pytorch.lambda_lr in canonical JSON)");
  }
  if (last == "ReduceLROnPlateau") {
    throw config_error(path,
                       "ReduceLROnPlateau follows a metric, not the step count: it is not a "
                       "schedule and cannot be loaded from a config (see lrsched/plateau.hpp)");
  }
  if (dot != std::string::npos) {
    throw config_error(
        path, "expected a class of torch.optim.lr_scheduler, got " + quote_text(class_path));
  }
  std::vector<std::string> names;
  for (const auto& [torch_name, kind] : classes) {
    if (torch_name == name) return std::string(kind);
    names.emplace_back(torch_name);
  }
  require_known(name, names, path, "torch.optim.lr_scheduler class");
  return {};  // unreachable: require_known throws
}

/// A scheduler or optimizer object split into its class and its arguments.
struct parts {
  std::string class_path;
  document args;
  std::string args_path;  // where the arguments are written
};

/// `{"class_path": C, "init_args": {...}}` (LightningCLI) or `{"_target_": C, ...}` (Hydra).
inline parts split(const document& j, const std::string& path, std::string_view what) {
  require_object(j, path, std::string(what) + " object with \"class_path\" or \"_target_\"");
  const bool lightning = j.contains("class_path");
  const bool hydra = j.contains("_target_");
  if (lightning == hydra) {
    throw config_error(path, lightning ? "expected one of \"class_path\" (LightningCLI) and "
                                         "\"_target_\" (Hydra), got both"
                                       : "missing required key \"class_path\" (LightningCLI) or "
                                         "\"_target_\" (Hydra) naming the class");
  }
  parts out;
  if (lightning) {
    out.class_path =
        text_at(j.at("class_path"), child_pointer(path, "class_path"), "a string naming a class");
    check_keys(j, path, {"class_path", "init_args"}, std::string(what) + " (LightningCLI form)");
    out.args_path = path;
    out.args = document::object();
    if (const auto it = j.find("init_args"); it != j.end()) {
      out.args_path = child_pointer(path, "init_args");
      require_object(*it, out.args_path, "an object of the class's arguments");
      out.args = *it;
    }
  } else {
    out.class_path =
        text_at(j.at("_target_"), child_pointer(path, "_target_"), "a string naming a class");
    out.args = j;
    out.args.erase("_target_");
    out.args_path = path;
    if (const auto it = out.args.find("_partial_"); it != out.args.end()) {
      if (!it->is_boolean()) expected(child_pointer(path, "_partial_"), "true or false", *it);
      out.args.erase(it);
    }
  }
  return out;
}

/// The class path's pointer, for errors about the class.
inline std::string class_pointer(const document& j, const std::string& path) {
  return child_pointer(path, j.contains("class_path") ? "class_path" : "_target_");
}

/// The optimizer's `lr`, if it has one.
inline std::optional<double> optimizer_lr(const document& optimizer, const std::string& path) {
  const parts p = split(optimizer, path, "an optimizer");
  const auto it = p.args.find("lr");
  if (it == p.args.end()) return std::nullopt;
  const std::string lr_path = child_pointer(p.args_path, "lr");
  const double lr = real_at(*it, lr_path);
  if (lr < 0.0) expected(lr_path, "a learning rate >= 0", *it);
  return lr;
}

inline document load_scheduler_json(const document& j, const std::string& path,
                                    std::optional<double> base_lr, int depth);

/// What SequentialLR's schedulers share through the optimizer's param group, applied to
/// the scheduler just loaded (the last of `loaded`): a CyclicLR first sets the base LR
/// (initial_lr) of every later scheduler to its own base_lr; a later ConstantLR with
/// total_iters 0 is restarted with step(0), whose closed form undoes its factor.
inline void sequential_shared_state(document& loaded, std::optional<double>& base_lr) {
  document& last = loaded.back();
  const auto& kind = last.at("kind").get_ref<const std::string&>();
  if (loaded.size() == 1 && kind == "pytorch.cyclic_lr") {
    base_lr = last.at("base_lr").get<double>();
  }
  if (loaded.size() > 1 && kind == "pytorch.constant_lr" && last.at("total_iters") == 0) {
    last["factor"] = 1.0;
  }
}

/// Loads one scheduler object at `path`.
inline any_schedule load_scheduler(const document& j, const std::string& path,
                                   std::optional<double> base_lr, int depth) {
  require_depth(path, depth);
  parts p = split(j, path, "a scheduler");
  const std::string kind = kind_of(p.class_path, class_pointer(j, path));
  const auto dot = p.class_path.rfind('.');
  const std::string owner =
      std::string(module) +
      (dot == std::string::npos ? p.class_path : p.class_path.substr(dot + 1));
  document& args = p.args;
  const std::string& at = p.args_path;

  // Arguments PyTorch takes that do not change the learning rate.
  if (const auto it = args.find("last_epoch"); it != args.end()) {
    const std::string where = child_pointer(at, "last_epoch");
    if (integer_at(*it, where, false) != -1) {
      expected(where, "-1 (a fresh scheduler; lrsched schedules start at step 0)", *it);
    }
    args.erase(it);
  }
  if (const auto it = args.find("verbose"); it != args.end()) {
    if (!it->is_boolean() && !it->is_string()) {
      expected(child_pointer(at, "verbose"), "true, false or \"deprecated\"", *it);
    }
    args.erase(it);
  }

  std::vector<std::string> allowed = field_names(kind);
  const bool own_lr = kind == "pytorch.cyclic_lr" || kind == "pytorch.one_cycle_lr";
  const bool sequential = kind == "pytorch.sequential_lr";
  if (!own_lr) std::erase(allowed, "base_lr");
  if (own_lr) {
    for (const char* key : {"cycle_momentum", "base_momentum", "max_momentum"}) {
      allowed.emplace_back(key);
    }
  }
  if (kind == "pytorch.one_cycle_lr") {
    allowed.emplace_back("epochs");
    allowed.emplace_back("steps_per_epoch");
  }
  if (kind == "pytorch.cyclic_lr") {
    allowed.emplace_back("scale_fn");
    allowed.emplace_back("scale_mode");
  }
  if (!own_lr && args.contains("base_lr")) {
    throw config_error(
        child_pointer(at, "base_lr"),
        "unknown key for " + owner +
            ": its base LR is the optimizer's lr (\"optimizer\": {..., \"lr\": ...})");
  }
  check_keys(args, at, allowed, owner);

  if (own_lr) {
    if (const auto it = args.find("cycle_momentum"); it != args.end()) {
      if (!it->is_boolean()) expected(child_pointer(at, "cycle_momentum"), "true or false", *it);
      args.erase(it);
    }
    for (const char* key : {"base_momentum", "max_momentum"}) {
      if (const auto it = args.find(key); it != args.end()) {
        (void)real_at(*it, child_pointer(at, key));
        args.erase(it);
      }
    }
  }
  if (kind == "pytorch.cyclic_lr") {
    drop_nulls(args, {"step_size_down", "scale_fn", "scale_mode"});
    if (const auto it = args.find("scale_fn"); it != args.end()) {
      throw config_error(child_pointer(at, "scale_fn"),
                         "scale_fn takes a Python callable; cannot be loaded from a config (use "
                         "mode, or multiply a triangular cycle by an lrsched schedule)");
    }
    const std::string mode = given(args, "mode") ? text_at(args.at("mode"),
                                                            child_pointer(at, "mode"),
                                                            "a string naming the mode")
                                                  : "triangular";
    if (const auto it = args.find("scale_mode"); it != args.end()) {
      // Without scale_fn, PyTorch sets the scale mode from `mode` and ignores this one: the
      // value `mode` implies (what a LightningCLI dump writes) says nothing, another is lost.
      const auto& value =
          text_at(*it, child_pointer(at, "scale_mode"), "\"cycle\" or \"iterations\"");
      if (value != "cycle" && value != "iterations") {
        expected(child_pointer(at, "scale_mode"), "\"cycle\" or \"iterations\"", *it);
      }
      refuse_without_effect(args, at, "scale_mode", mode == "exp_range" ? "iterations" : "cycle",
                            "without scale_fn PyTorch's CyclicLR takes the scale mode from mode (" +
                                quote_text(mode) + ")");
      args.erase("scale_mode");
    }
    if (mode != "exp_range") {
      refuse_without_effect(args, at, "gamma", 1.0,
                            "PyTorch's CyclicLR uses gamma only in mode \"exp_range\"");
    }
  }
  if (kind == "pytorch.one_cycle_lr") {
    drop_nulls(args, {"total_steps", "epochs", "steps_per_epoch"});
    // PyTorch uses total_steps when given, else epochs * steps_per_epoch.
    std::optional<std::int64_t> product;
    const bool has_epochs = args.contains("epochs"),
               has_per_epoch = args.contains("steps_per_epoch");
    if (has_epochs || has_per_epoch) {
      std::int64_t factors[2] = {0, 0};
      const char* keys[2] = {"epochs", "steps_per_epoch"};
      for (int k = 0; k < 2; ++k) {
        if (!args.contains(keys[k])) continue;
        const std::string where = child_pointer(at, keys[k]);
        factors[k] = integer_at(args.at(keys[k]), where, true);
        if (factors[k] <= 0) expected(where, "a positive integer", args.at(keys[k]));
      }
      if (args.contains("total_steps")) {
        for (const char* key : keys) {
          refuse_without_effect(args, at, key, document(),
                                "PyTorch's OneCycleLR uses total_steps when it is given");
        }
      }
      if (has_epochs && has_per_epoch) {
        if (factors[0] > std::numeric_limits<std::int64_t>::max() / factors[1]) {
          throw config_error(at, "expected epochs * steps_per_epoch below 2^63, got more");
        }
        product = factors[0] * factors[1];
      }
      args.erase("epochs");
      args.erase("steps_per_epoch");
    }
    if (!args.contains("total_steps")) {
      if (!product) {
        throw config_error(at,
                           "missing required key \"total_steps\" (or both \"epochs\" and "
                           "\"steps_per_epoch\")");
      }
      args["total_steps"] = *product;
    }
  }
  if (!own_lr && !sequential) {
    if (!base_lr) {
      throw config_error(path,
                         "missing the base learning rate: the optimizer's lr "
                         "(\"optimizer\": {..., \"lr\": ...}) or the base LR option (--base-lr)");
    }
    args["base_lr"] = *base_lr;
  }
  if (kind == "pytorch.sequential_lr" || kind == "pytorch.chained_scheduler") {
    if (const auto it = args.find("schedulers"); it != args.end()) {
      const std::string where = child_pointer(at, "schedulers");
      if (!it->is_array() || it->empty()) expected(where, "a non-empty array of schedulers", *it);
      document loaded = document::array();
      std::optional<double> child_base = base_lr;
      for (std::size_t k = 0; k < it->size(); ++k) {
        loaded.push_back(
            load_scheduler_json((*it)[k], child_pointer(where, k), child_base, depth + 1));
        if (sequential) sequential_shared_state(loaded, child_base);
      }
      *it = std::move(loaded);
    }
  }
  return read_kind(kind, std::move(args), at, depth);
}

inline document load_scheduler_json(const document& j, const std::string& path,
                                    std::optional<double> base_lr, int depth) {
  return canonical(load_scheduler(j, path, base_lr, depth));
}

/// LightningCLI's other top-level sections, which say nothing about the schedule.
inline const std::vector<std::string>& top_level_keys() {
  static const std::vector<std::string> keys{"optimizer", "lr_scheduler",    "trainer",  "model",
                                             "data",      "seed_everything", "ckpt_path"};
  return keys;
}

inline any_schedule load(const document& doc, const load_options& options) {
  require_object(doc, "", "an object with \"lr_scheduler\" (and \"optimizer\")");
  if (!doc.contains("lr_scheduler") && class_of(doc) != nullptr) {
    return load_scheduler(doc, "", options.base_lr, 1);  // the scheduler object alone
  }
  check_keys(doc, "", top_level_keys(), "a PyTorch config");
  const auto scheduler = doc.find("lr_scheduler");
  if (scheduler == doc.end()) {
    throw config_error("", "missing required key \"lr_scheduler\"");
  }
  std::optional<double> base_lr = options.base_lr;
  if (const auto optimizer = doc.find("optimizer"); optimizer != doc.end()) {
    if (const auto lr = optimizer_lr(*optimizer, "/optimizer")) base_lr = lr;
  }
  return load_scheduler(*scheduler, "/lr_scheduler", base_lr, 1);
}

}  // namespace pytorch_dialect

inline bool looks_like_pytorch(const document& doc) {
  return doc.is_object() && (doc.contains("lr_scheduler") || pytorch_dialect::names_scheduler(doc));
}

/// Loads a PyTorch document (see the file comment).
inline any_schedule load_pytorch(const document& doc, const load_options& options) {
  return pytorch_dialect::load(doc, options);
}

}  // namespace lrsched::detail::dialects

#endif  // LRSCHED_DIALECTS_PYTORCH_HPP
