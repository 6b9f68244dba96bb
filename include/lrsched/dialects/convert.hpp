// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
/// @file dialects/convert.hpp
/// @brief Writing a schedule as another system's config: `write_config(schedule, to)` and
/// `convert_config(document, to)` (a config in any dialect, loaded, then written in `to`).
///
/// The written config is in the target system's own shape (what its loader reads:
/// LightningCLI `class_path`/`init_args` for PyTorch, `TrainingArguments` fields for HF, a
/// ds_config for DeepSpeed, `serialize()` output for Keras, a timm scheduler class or its
/// training-config keys, Megatron-LM arguments, an optax call) and is checked before it is
/// returned: loaded back, it must give the schedule's value at every probed step (every step
/// up to 4096 and past the schedule's end, and a spread over its whole length) within a
/// relative 1e-12. When the schedule cannot be written there (it is another system's
/// shape, or the target's loader would not give the same values), a `conversion_error`
/// says why; nothing is approximated.
///
/// What each target writes:
/// - `pytorch`: the `pytorch.*` kinds (the torch.optim.lr_scheduler classes), with the
///   optimizer's `lr` as their base LR; a SequentialLR or ChainedScheduler whose schedulers
///   need different base LRs is refused (PyTorch gives them all the optimizer's);
/// - `deepspeed`: the `deepspeed.*` kinds as DeepSpeed's own scheduler types, and the
///   `pytorch.*` kinds as the torch classes a ds_config may name as its type;
/// - `hf`, `keras`, `optax`: that peer's own kinds (`huggingface.*`, `keras.*`, `optax.*`);
/// - `timm`: the `timm.*` kinds as a scheduler class, and one stepped per epoch (`stretch`
///   of one) as training-config keys with `updates_per_epoch`;
/// - `megatron`: `megatron.optimizer_param_scheduler` as iteration arguments, and its
///   `per_step` (a schedule in samples) as sample arguments with `global_batch_size`;
/// - `canonical`: any schedule with a description (lrsched's own format).
///
/// @code
/// nlohmann::ordered_json hf = lrsched::convert_config(lrsched::parse_config(text),
///                                                     lrsched::dialect::hf);
/// @endcode
#ifndef LRSCHED_DIALECTS_CONVERT_HPP
#define LRSCHED_DIALECTS_CONVERT_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/config/error.hpp>
#include <lrsched/dialects.hpp>
#include <lrsched/dialects/common.hpp>
#include <lrsched/dialects/deepspeed.hpp>
#include <lrsched/dialects/huggingface.hpp>
#include <lrsched/dialects/keras.hpp>
#include <lrsched/dialects/options.hpp>
#include <lrsched/dialects/pytorch.hpp>
#include <lrsched/dialects/timm.hpp>
#include <lrsched/json.hpp>

namespace lrsched {

/// @brief A schedule that cannot be written as a config of the target system. `pointer()`
/// is the part of the schedule's canonical JSON that cannot (`""`: the whole schedule),
/// `problem()` says why.
class conversion_error : public config_error {
 public:
  using config_error::config_error;
};

}  // namespace lrsched

namespace lrsched::detail::dialects::convert {

/// The system a dialect is, for messages.
inline std::string system_name(dialect d) {
  switch (d) {
    case dialect::pytorch:
      return "PyTorch";
    case dialect::hf:
      return "HuggingFace";
    case dialect::deepspeed:
      return "DeepSpeed";
    case dialect::keras:
      return "Keras";
    case dialect::timm:
      return "timm";
    case dialect::megatron:
      return "Megatron-LM";
    case dialect::optax:
      return "optax";
    default:
      return "lrsched";
  }
}

/// Writes canonical JSON (of a loaded schedule) in one dialect's shape.
class writer {
 public:
  explicit writer(dialect to) : to_(to) {}

  document write(const document& c) const {
    switch (to_) {
      case dialect::pytorch:
        return pytorch(c);
      case dialect::deepspeed:
        return deepspeed(c);
      case dialect::hf:
        return hf(c);
      case dialect::keras:
        return keras(c);
      case dialect::optax:
        return optax(c, "");
      case dialect::timm:
        return timm(c);
      case dialect::megatron:
        return megatron(c);
      default:
        return c;
    }
  }

  [[noreturn]] void refuse(const std::string& pointer, const std::string& why) const {
    const std::string system = system_name(to_);
    const bool vowel = std::string_view("aeiouAEIOU").find(system.front()) != std::string_view::npos;
    throw conversion_error(pointer, "cannot be written as " + std::string(vowel ? "an " : "a ") +
                                        system + " config: " + why);
  }

 private:
  static const std::string& kind_of(const document& c) {
    return c.at("kind").get_ref<const std::string&>();
  }
  static document arguments(const document& c) {
    document args = c;
    args.erase("kind");
    return args;
  }
  static bool has_prefix(const std::string& kind, std::string_view prefix) {
    return kind.rfind(prefix, 0) == 0;
  }
  /// `kind` as one of `table`'s (peer name, kind) rows: the peer name.
  template <class Table>
  static std::optional<std::string> name_for(const Table& table, const std::string& kind) {
    for (const auto& [name, k] : table) {
      if (k == kind) return std::string(name);
    }
    return std::nullopt;
  }

  [[noreturn]] void not_a(const document& c, const std::string& pointer,
                          std::string_view what) const {
    refuse(pointer, "the schedule is \"" + kind_of(c) + "\", not " + std::string(what));
  }

  // --- PyTorch: class_path / init_args, the optimizer's lr as the base LR -----------------

  /// One scheduler object; `base_lr` collects the base LR its schedulers share.
  document pytorch_scheduler(const document& c, const std::string& pointer,
                             std::optional<double>& base_lr) const {
    const std::string& kind = kind_of(c);
    if (!has_prefix(kind, "pytorch.")) not_a(c, pointer, "a torch.optim.lr_scheduler class");
    if (kind == "pytorch.lambda_lr") {
      refuse(pointer, "LambdaLR takes a Python callable (its lr_lambda), which a config cannot "
                      "hold");
    }
    const auto name = name_for(pytorch_dialect::classes, kind);
    if (!name) not_a(c, pointer, "a torch.optim.lr_scheduler class");
    document args = arguments(c);
    const bool own_lr = kind == "pytorch.cyclic_lr" || kind == "pytorch.one_cycle_lr";
    if (!own_lr && args.contains("base_lr")) {
      const double lr = args.at("base_lr").get<double>();
      if (base_lr && *base_lr != lr) {
        refuse(pointer, "its schedulers start from different base LRs (" + format_number(*base_lr) +
                            " and " + format_number(lr) +
                            "); PyTorch gives every scheduler the optimizer's lr");
      }
      base_lr = lr;
      args.erase("base_lr");
    }
    if (const auto it = args.find("schedulers"); it != args.end()) {
      const std::string where = child_pointer(pointer, "schedulers");
      for (std::size_t k = 0; k < it->size(); ++k) {
        (*it)[k] = pytorch_scheduler((*it)[k], child_pointer(where, k), base_lr);
      }
    }
    return document{{"class_path", std::string(pytorch_dialect::module) + *name},
                    {"init_args", std::move(args)}};
  }

  document pytorch(const document& c) const {
    std::optional<double> base_lr;
    document scheduler = pytorch_scheduler(c, "", base_lr);
    document doc = document::object();
    if (base_lr) {
      doc["optimizer"] = document{{"class_path", "torch.optim.SGD"},
                                  {"init_args", document{{"lr", *base_lr}}}};
    }
    doc["lr_scheduler"] = std::move(scheduler);
    return doc;
  }

  // --- DeepSpeed: its own types, or a torch class as the type ---------------------------

  document deepspeed(const document& c) const {
    const std::string& kind = kind_of(c);
    document optimizer_params = document::object();
    document scheduler = document::object();
    if (const auto type = name_for(deepspeed_dialect::types, kind)) {
      document params = arguments(c);
      if (const auto it = params.find("base_lr"); it != params.end()) {
        optimizer_params["lr"] = *it;
        params.erase(it);
      }
      for (const char* peak : {"warmup_max_lr", "cycle_max_lr"}) {
        if (optimizer_params.empty() && params.contains(peak)) optimizer_params["lr"] = params.at(peak);
      }
      scheduler = document{{"type", *type}, {"params", std::move(params)}};
    } else if (has_prefix(kind, "pytorch.")) {
      std::optional<double> base_lr;
      const document torch = pytorch_scheduler(c, "", base_lr);
      const std::string& class_path = torch.at("class_path").get_ref<const std::string&>();
      scheduler = document{{"type", class_path.substr(pytorch_dialect::module.size())},
                           {"params", torch.at("init_args")}};
      if (base_lr) optimizer_params["lr"] = *base_lr;
    } else {
      not_a(c, "", "a DeepSpeed scheduler or a torch.optim.lr_scheduler class");
    }
    document doc = document::object();
    if (!optimizer_params.empty()) {
      doc["optimizer"] = document{{"type", "AdamW"}, {"params", std::move(optimizer_params)}};
    }
    doc["scheduler"] = std::move(scheduler);
    return doc;
  }

  // --- HuggingFace: TrainingArguments fields ---------------------------------------------

  document hf(const document& c) const {
    const std::string& kind = kind_of(c);
    const hf_dialect::scheduler_type* type = nullptr;
    for (const auto& t : hf_dialect::scheduler_types()) {
      if (!t.function.empty() && kind == "huggingface." + std::string(t.function)) type = &t;
    }
    if (type == nullptr) not_a(c, "", "one of HF's get_scheduler types");
    document doc = document::object();
    document kwargs = document::object();
    for (const auto& [key, value] : c.items()) {
      if (key == "kind") continue;
      if (key == "base_lr") {
        doc["learning_rate"] = value;
      } else if (key == "num_warmup_steps") {
        if (type->warmup && value != 0) doc["warmup_steps"] = value;
      } else if (key == "num_training_steps") {
        doc["max_steps"] = value;
      } else if (std::find(type->kwargs.begin(), type->kwargs.end(), key) != type->kwargs.end()) {
        if (!value.is_null()) kwargs[key] = value;
      } else {
        // An argument get_scheduler cannot pass (inverse_sqrt's timescale): written only
        // if the check below finds it at the value get_scheduler gives it.
      }
    }
    doc["lr_scheduler_type"] = std::string(type->name);
    if (!kwargs.empty()) doc["lr_scheduler_kwargs"] = std::move(kwargs);
    return doc;
  }

  // --- Keras: serialize() output ---------------------------------------------------------

  document keras(const document& c) const {
    const auto name = name_for(keras_dialect::classes, kind_of(c));
    if (!name) not_a(c, "", "a Keras schedule class");
    document config = arguments(c);
    config["name"] = *name;
    return document{{"module", "keras.optimizers.schedules"},
                    {"class_name", *name},
                    {"config", std::move(config)},
                    {"registered_name", nullptr}};
  }

  // --- optax: the function's name and keyword arguments ----------------------------------

  document optax(const document& c, const std::string& pointer) const {
    const std::string& kind = kind_of(c);
    if (!has_prefix(kind, "optax.")) not_a(c, pointer, "an optax schedule function");
    const std::string function = kind.substr(6);
    document doc{{"optax", function}};
    const document args = arguments(c);
    for (const auto& [key, value] : args.items()) doc[key] = value;
    if (function == "piecewise_constant_schedule" || function == "piecewise_interpolate_schedule") {
      document scales = document::object();
      const auto& boundaries = doc.at("boundaries");
      for (std::size_t k = 0; k < boundaries.size(); ++k) {
        scales[std::to_string(boundaries[k].get<std::int64_t>())] = doc.at("scales")[k];
      }
      doc.erase("boundaries");
      doc.erase("scales");
      doc["boundaries_and_scales"] = std::move(scales);
    }
    if (function == "join_schedules") {
      auto& schedules = doc.at("schedules");
      const std::string where = child_pointer(pointer, "schedules");
      for (std::size_t k = 0; k < schedules.size(); ++k) {
        schedules[k] = optax(schedules[k], child_pointer(where, k));
      }
    }
    if (function == "sgdr_schedule") {
      for (auto& cycle : doc.at("cosine_kwargs")) cycle.erase("kind");
    }
    return doc;
  }

  // --- timm: a scheduler class, or training-config keys stepped per epoch ----------------

  /// The timm class whose kind is `kind`, if any.
  static const timm_dialect::scheduler_class* timm_class(const std::string& kind) {
    for (const auto& s : timm_dialect::classes()) {
      if (!s.kind.empty() && s.kind == kind) return &s;
    }
    return nullptr;
  }

  document timm(const document& c) const {
    const std::string& kind = kind_of(c);
    if (kind == "stretch" && c.contains("schedule") &&
        has_prefix(kind_of(c.at("schedule")), "timm.")) {
      return timm_per_epoch(c.at("schedule"), c.at("factor").get<std::int64_t>());
    }
    const timm_dialect::scheduler_class* chosen = timm_class(kind);
    if (chosen == nullptr) not_a(c, "", "a timm scheduler class");
    document args = arguments(c);
    document doc{{"class_path", "timm.scheduler." + std::string(chosen->class_name)}};
    if (const auto it = args.find("base_lr"); it != args.end()) {
      doc["lr"] = *it;
      args.erase(it);
    }
    doc["init_args"] = std::move(args);
    return doc;
  }

  /// timm's training-config keys for `scheduler` stepped once per epoch of `per_epoch`
  /// updates (what the timm dialect loads as `stretch(scheduler, per_epoch)`).
  document timm_per_epoch(const document& scheduler, std::int64_t per_epoch) const {
    const std::string& kind = kind_of(scheduler);
    const timm_dialect::scheduler_class* chosen = timm_class(kind);
    if (chosen == nullptr) not_a(scheduler, "/schedule", "a timm scheduler class");
    const std::string sched(chosen->sched);
    document doc{{"sched", sched}, {"updates_per_epoch", per_epoch}, {"sched_on_updates", false}};
    for (const auto& [argument, value] : scheduler.items()) {
      if (argument == "kind") continue;
      const std::string key = timm_dialect::config_key_of(argument, sched);
      if (key.empty()) {
        refuse("/schedule/" + argument, "timm's training config has no key for the scheduler "
                                        "argument " + quote_text(argument));
      }
      doc[key] = value;
    }
    return doc;
  }

  // --- Megatron-LM: its arguments, by iterations or samples ------------------------------

  document megatron(const document& c) const {
    const std::string& kind = kind_of(c);
    if (kind == "per_step" && c.contains("schedule") &&
        kind_of(c.at("schedule")) == "megatron.optimizer_param_scheduler") {
      return megatron_arguments(c.at("schedule"), c.at("samples_per_step").get<std::int64_t>());
    }
    if (kind != "megatron.optimizer_param_scheduler") {
      not_a(c, "", "Megatron-LM's OptimizerParamScheduler");
    }
    return megatron_arguments(c, 0);
  }

  /// The arguments of an OptimizerParamScheduler counted in iterations (`batch` 0) or in
  /// samples (its counts are then samples), of which a step consumes `batch`.
  static document megatron_arguments(const document& c, std::int64_t batch) {
    const std::string unit = batch == 0 ? "iters" : "samples";
    const auto count = [&](const char* key) { return c.at(key).get<std::int64_t>(); };
    const std::string style = c.at("lr_decay_style").get<std::string>();
    const std::int64_t warmup = c.at("lr_warmup_steps").get<std::int64_t>();
    document doc{{"lr", c.at("max_lr")}};
    // Only what has an effect in this style (the dialect refuses the rest).
    if (style != "constant" && c.contains("min_lr")) doc["min_lr"] = c.at("min_lr");
    if (warmup > 0 && c.contains("init_lr")) doc["lr_warmup_init"] = c.at("init_lr");
    doc["lr_decay_style"] = style;
    doc["lr_warmup_" + unit] = count("lr_warmup_steps");
    doc["lr_decay_" + unit] = count("lr_decay_steps");
    if (style == "WSD") {
      if (c.contains("wsd_decay_steps") && !c.at("wsd_decay_steps").is_null()) {
        doc["lr_wsd_decay_" + unit] = count("wsd_decay_steps");
      }
      if (c.contains("lr_wsd_decay_style")) doc["lr_wsd_decay_style"] = c.at("lr_wsd_decay_style");
    }
    if (batch != 0) doc["global_batch_size"] = batch;
    return doc;
  }

  dialect to_;
};

/// The warmup-then-decay shape several peers write with different functions: from `init`
/// to `peak` linearly over `warmup` steps, then (`decay`) constant, linear or cosine to
/// `floor` at step `end` (warmup included), held after. A schedule of one peer with this
/// shape is offered to another peer's function of the same shape; the check by loading
/// back decides (the peers differ in details such as what follows `end`).
struct shape {
  double init = 0.0, peak = 0.0, floor = 0.0;
  std::int64_t warmup = 0, end = 0;
  std::string decay;  // "constant", "linear" or "cosine"
};

/// The shape of a peer kind's canonical JSON, when it has one.
inline std::optional<shape> shape_of(const document& c) {
  const std::string& kind = c.at("kind").get_ref<const std::string&>();
  const auto real = [&](const char* key, double fallback = 0.0) {
    const auto it = c.find(key);
    return it == c.end() || it->is_null() ? fallback : it->get<double>();
  };
  const auto count = [&](const char* key) {
    const auto it = c.find(key);
    return it == c.end() || it->is_null() ? std::int64_t{0} : it->get<std::int64_t>();
  };
  const double base = real("base_lr");
  if (kind == "huggingface.get_constant_schedule") return shape{base, base, base, 0, 0, "constant"};
  if (kind == "huggingface.get_constant_schedule_with_warmup") {
    return shape{0.0, base, base, count("num_warmup_steps"), count("num_warmup_steps"), "constant"};
  }
  if (kind == "huggingface.get_linear_schedule_with_warmup") {
    return shape{0.0, base, 0.0, count("num_warmup_steps"), count("num_training_steps"), "linear"};
  }
  if ((kind == "huggingface.get_cosine_schedule_with_warmup" ||
       kind == "huggingface.get_cosine_with_min_lr_schedule_with_warmup") &&
      real("num_cycles", 0.5) == 0.5) {
    const double floor = c.contains("min_lr") && !c.at("min_lr").is_null() ? real("min_lr")
                                                                            : base * real("min_lr_rate");
    return shape{0.0, base, floor, count("num_warmup_steps"), count("num_training_steps"),
                 "cosine"};
  }
  if (kind == "megatron.optimizer_param_scheduler") {
    const std::string style = c.at("lr_decay_style").get<std::string>();
    if (style != "constant" && style != "linear" && style != "cosine") return std::nullopt;
    const double peak = real("max_lr");
    return shape{real("init_lr"), peak, style == "constant" ? peak : real("min_lr"),
                 count("lr_warmup_steps"), count("lr_decay_steps"), style};
  }
  if (kind == "optax.constant_schedule") {
    return shape{real("value"), real("value"), real("value"), 0, 0, "constant"};
  }
  if (kind == "optax.linear_schedule" && count("transition_begin") == 0 &&
      real("end_value") < real("init_value")) {  // a decay, not a warmup
    return shape{real("init_value"), real("init_value"), real("end_value"), 0,
                 count("transition_steps"), "linear"};
  }
  if (kind == "optax.warmup_constant_schedule" ||
      (kind == "optax.linear_schedule" && count("transition_begin") == 0)) {
    const bool warmup = kind == "optax.warmup_constant_schedule";
    const double peak = warmup ? real("peak_value") : real("end_value");
    const std::int64_t steps = warmup ? count("warmup_steps") : count("transition_steps");
    return shape{real("init_value"), peak, peak, steps, steps, "constant"};
  }
  if (kind == "optax.warmup_cosine_decay_schedule" && real("exponent", 1.0) == 1.0) {
    return shape{real("init_value"), real("peak_value"), real("end_value"), count("warmup_steps"),
                 count("decay_steps"), "cosine"};
  }
  if (kind == "keras.cosine_decay") {
    const bool warmup = c.contains("warmup_target") && !c.at("warmup_target").is_null();
    const double peak = warmup ? real("warmup_target") : real("initial_learning_rate");
    const std::int64_t w = warmup ? count("warmup_steps") : 0;
    return shape{real("initial_learning_rate"), peak, real("alpha") * peak, w,
                 w + count("decay_steps"), "cosine"};
  }
  if (kind == "pytorch.cosine_annealing_lr") {
    return shape{base, base, real("eta_min"), 0, count("T_max"), "cosine"};
  }
  return std::nullopt;
}

/// A config of dialect `to` with the shape `s`, when that system has a function for it.
inline std::optional<document> from_shape(const shape& s, dialect to) {
  const bool constant = s.decay == "constant";
  const bool flat = s.warmup == 0 || s.init == s.peak;  // no warmup to write
  switch (to) {
    case dialect::megatron: {
      document doc{{"lr", s.peak}};
      if (!constant) doc["min_lr"] = s.floor;
      if (!flat) doc["lr_warmup_init"] = s.init;
      doc["lr_decay_style"] = s.decay;
      doc["lr_warmup_iters"] = flat ? 0 : s.warmup;
      doc["lr_decay_iters"] = constant ? std::max(s.end, s.warmup) + 1 : s.end;
      return doc;
    }
    case dialect::optax: {
      const auto linear = [](double from, double to_value, std::int64_t steps) {
        return document{{"optax", "linear_schedule"},
                        {"init_value", from},
                        {"end_value", to_value},
                        {"transition_steps", steps}};
      };
      if (constant) {
        if (flat) return document{{"optax", "constant_schedule"}, {"value", s.peak}};
        return linear(s.init, s.peak, s.warmup);
      }
      if (s.decay == "cosine") {
        return document{{"optax", "warmup_cosine_decay_schedule"},
                        {"init_value", flat ? s.peak : s.init},
                        {"peak_value", s.peak},
                        {"warmup_steps", flat ? 0 : s.warmup},
                        {"decay_steps", s.end},
                        {"end_value", s.floor}};
      }
      if (flat) return linear(s.peak, s.floor, s.end);
      return document{{"optax", "join_schedules"},
                      {"schedules", document::array({linear(s.init, s.peak, s.warmup),
                                                     linear(s.peak, s.floor, s.end - s.warmup)})},
                      {"boundaries", document::array({s.warmup})}};
    }
    case dialect::hf: {
      if (s.init != 0.0 && !flat) return std::nullopt;  // HF's warmups start at 0
      document doc{{"learning_rate", s.peak}};
      const std::int64_t warmup = flat ? 0 : s.warmup;
      if (warmup > 0) doc["warmup_steps"] = warmup;
      if (constant) {
        doc["lr_scheduler_type"] = warmup > 0 ? "constant_with_warmup" : "constant";
        return doc;
      }
      doc["max_steps"] = s.end;
      if (s.decay == "linear") {
        if (s.floor != 0.0) return std::nullopt;
        doc["lr_scheduler_type"] = "linear";
      } else if (s.floor == 0.0) {
        doc["lr_scheduler_type"] = "cosine";
      } else {
        doc["lr_scheduler_type"] = "cosine_with_min_lr";
        doc["lr_scheduler_kwargs"] = document{{"min_lr", s.floor}};
      }
      return doc;
    }
    case dialect::keras: {
      const auto serialized = [](const char* name, document config) {
        config["name"] = name;
        return document{{"module", "keras.optimizers.schedules"},
                        {"class_name", name},
                        {"config", std::move(config)},
                        {"registered_name", nullptr}};
      };
      if (s.decay == "cosine" && s.peak > 0.0) {
        document config{{"initial_learning_rate", flat ? s.peak : s.init},
                        {"decay_steps", s.end - (flat ? 0 : s.warmup)},
                        {"alpha", s.floor / s.peak}};
        if (!flat) {
          config["warmup_target"] = s.peak;
          config["warmup_steps"] = s.warmup;
        }
        return serialized("CosineDecay", std::move(config));
      }
      if (!flat) return std::nullopt;
      if (constant) {
        return serialized("ExponentialDecay", document{{"initial_learning_rate", s.peak},
                                                       {"decay_steps", 1},
                                                       {"decay_rate", 1.0}});
      }
      return serialized("PolynomialDecay", document{{"initial_learning_rate", s.peak},
                                                    {"decay_steps", s.end},
                                                    {"end_learning_rate", s.floor},
                                                    {"power", 1.0}});
    }
    case dialect::pytorch:
    case dialect::deepspeed: {
      if (s.peak <= 0.0 || (!flat && s.init <= 0.0)) return std::nullopt;  // factors > 0
      const std::string module(pytorch_dialect::module);
      const auto scheduler = [&](const char* name, document args) {
        return document{{"class_path", module + name}, {"init_args", std::move(args)}};
      };
      const std::int64_t decay_steps = s.end - (flat ? 0 : s.warmup);
      document decay;
      if (constant) {
        decay = scheduler("ExponentialLR", document{{"gamma", 1.0}});
      } else if (s.decay == "cosine") {
        decay = scheduler("CosineAnnealingLR",
                          document{{"T_max", decay_steps}, {"eta_min", s.floor}});
      } else {
        decay = scheduler("LinearLR", document{{"start_factor", 1.0},
                                               {"end_factor", s.floor / s.peak},
                                               {"total_iters", decay_steps}});
      }
      document top = decay;
      if (!flat) {
        const document warmup = scheduler(
            "LinearLR", document{{"start_factor", s.init / s.peak},
                                 {"end_factor", 1.0},
                                 {"total_iters", s.warmup}});
        top = scheduler("SequentialLR",
                        document{{"schedulers", document::array({warmup, decay})},
                                 {"milestones", document::array({s.warmup})}});
      }
      if (to == dialect::pytorch) {
        return document{{"optimizer", {{"class_path", "torch.optim.SGD"},
                                       {"init_args", {{"lr", s.peak}}}}},
                        {"lr_scheduler", std::move(top)}};
      }
      const std::string& class_path = top.at("class_path").get_ref<const std::string&>();
      return document{{"optimizer", {{"type", "AdamW"}, {"params", {{"lr", s.peak}}}}},
                      {"scheduler",
                       {{"type", class_path.substr(module.size())}, {"params", top.at("init_args")}}}};
    }
    default:
      return std::nullopt;
  }
}

/// The steps a written config is checked at: every step below 4096, a spread of 4096 over
/// the schedule's length, its last steps and past them, and powers of two up to 2^62.
inline std::vector<std::int64_t> probe_steps(const any_schedule& s) {
  std::vector<std::int64_t> steps;
  for (std::int64_t t = 0; t < 4096; ++t) steps.push_back(t);
  if (const auto length = s.length()) {
    const std::int64_t n = *length;
    for (std::int64_t k = 0; k <= 4096; ++k) {
      steps.push_back(static_cast<std::int64_t>(static_cast<double>(n) * static_cast<double>(k) /
                                                4096.0));
    }
    for (std::int64_t d = -2; d <= 2; ++d) {
      if (n + d >= 0 && n < std::numeric_limits<std::int64_t>::max() - 2) steps.push_back(n + d);
    }
  }
  for (int k = 12; k < 63; ++k) steps.push_back(std::int64_t{1} << k);
  return steps;
}

/// Whether `a` and `b` agree within a relative 1e-12 (or are both exactly zero).
inline bool same_value(double a, double b) {
  if (!std::isfinite(a) || !std::isfinite(b)) return a == b;
  return std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b));
}

}  // namespace lrsched::detail::dialects::convert

namespace lrsched {

/// @brief `schedule` as a config of dialect `to`, in that system's own shape (see the file
/// comment), checked by loading it back.
/// @throws conversion_error saying why it cannot be written there.
[[nodiscard]] inline nlohmann::ordered_json write_config(const any_schedule& schedule, dialect to) {
  namespace cv = detail::dialects::convert;
  if (to == dialect::automatic) {
    throw conversion_error("", "expected a target dialect, got \"auto\"");
  }
  const cv::writer w(to);
  nlohmann::ordered_json canonical;
  try {
    canonical = to_ordered_json(schedule);
  } catch (const config_error& e) {
    w.refuse(e.pointer(), e.problem());
  }
  nlohmann::ordered_json written;
  try {
    written = w.write(canonical);
  } catch (const conversion_error&) {
    // Another peer's schedule: the same shape through one of this system's functions.
    const auto s = cv::shape_of(canonical);
    const auto candidate = s ? cv::from_shape(*s, to) : std::nullopt;
    if (!candidate) throw;
    written = *candidate;
  }
  if (to == dialect::canonical) return written;
  const any_schedule back = [&] {
    try {
      return load_config(written, to);
    } catch (const config_error& e) {
      w.refuse("", "its " + cv::system_name(to) + " form does not load back (" +
                       std::string(e.what()) + ")");
    }
  }();
  for (const std::int64_t t : cv::probe_steps(schedule)) {
    const double want = schedule(t), got = back(t);
    if (!cv::same_value(want, got)) {
      w.refuse("", "its nearest " + cv::system_name(to) + " form gives " +
                       detail::format_number(got) + " at step " + detail::format_number(t) +
                       " where the schedule gives " + detail::format_number(want));
    }
  }
  return written;
}

/// @brief A config in dialect `from` (detected by default) written as a config of dialect
/// `to`: `write_config(load_config(doc, from, options), to)`.
/// @throws config_error if `doc` does not load; conversion_error if it cannot be written
///         in `to`.
[[nodiscard]] inline nlohmann::ordered_json convert_config(const nlohmann::ordered_json& doc,
                                                           dialect to,
                                                           dialect from = dialect::automatic,
                                                           const load_options& options = {}) {
  return write_config(load_config(doc, from, options), to);
}

}  // namespace lrsched

#endif  // LRSCHED_DIALECTS_CONVERT_HPP
