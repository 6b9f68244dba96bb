// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// `lrsched loss`: fit a loss law to logged runs, predict a schedule's loss curve, and look
// for the schedule with the lowest predicted final loss. Included by lrsched.cpp inside its
// anonymous namespace (it uses that file's input and output helpers); the headers it needs
// are included at the top of lrsched.cpp.
//
//   lrsched loss fit --law mpl|tissue RUN.csv...        law JSON on standard output
//   lrsched loss predict LAW.json SCHEDULE --steps A:B[:S] | --steps-file F
//   lrsched loss optimize LAW.json --steps N --peak LR [--warmup W]
//
// A RUN.csv has a header line naming the columns step, lr and loss (any order, other
// columns ignored). Its rows may be sparse and may start after the warmup; the per-step
// schedule is rebuilt from them (see rebuild_schedule). Bad data exits with 2 and
// `FILE:LINE:COLUMN: what is wrong`.

constexpr std::string_view loss_usage =
    R"(lrsched loss fit --law mpl|tissue RUN.csv...
       lrsched loss predict LAW.json SCHEDULE (--steps A:B[:STRIDE] | --steps-file F)
       lrsched loss optimize LAW.json --steps N --peak LR [--warmup W])";

constexpr std::string_view loss_text =
    R"(fit       fits the Multi-Power Law (mpl) or the annealing-area law (tissue) to the
          runs and prints the law, its parameters and the fit's statistics as JSON.
          RUN.csv: a header naming the columns step,lr,loss, then rows with strictly
          increasing steps (sparse is fine). The schedule between rows is the
          straight line between them; before the first row it is a linear warmup
          from 0 at step 0 to the first row's rate; after the last row it holds.
predict   prints the law's predicted loss at each step, one per line.
          SCHEDULE: any config lrsched reads, or a CSV with columns step,lr
          listing every step from 0 (a header line, then one row per step).
optimize  searches schedules of N steps with peak LR (after a linear warmup of W
          steps, default 0) for the lowest predicted loss at step N - 1: cosine
          and warmup-stable-decay families, then a free-form monotone decay
          refined from the best of them. Prints the proposal's canonical JSON on
          standard output and the predicted final losses of the proposal, the
          best cosine and the best WSD on standard error.)";

const std::vector<option_spec> loss_options = {
    {"law", "NAME", "mpl or tissue (fit)"},
    {"steps", "A:B[:STRIDE]", "the steps to predict (predict), or N: the run length\n(optimize)"},
    {"steps-file", "F", "the steps listed in F (predict)"},
    {"peak", "LR", "the peak learning rate (optimize)"},
    {"warmup", "W", "the warmup length (optimize; default 0)"},
};

/// A malformed data file: the message already names FILE:LINE:COLUMN (exit code 2).
class data_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void bad_cell(const std::string& path, std::size_t line, std::size_t column,
                           const std::string& what) {
  throw data_error(fmt::format("{}:{}:{}: {}", display_name(path), line, column, what));
}

/// The named columns of a CSV file, one row per data line.
struct csv_columns {
  std::vector<std::vector<double>> columns;  // in the order asked for
  std::vector<std::size_t> lines;            // the file line of each row
};

csv_columns read_csv(const std::string& path, const std::vector<std::string>& names) {
  const std::string text = read_input(path);
  std::vector<std::string> lines;
  {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
      start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
  }
  const auto split = [](const std::string& line) {
    std::vector<std::pair<std::string, std::size_t>> cells;  // text, 1-based column
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = line.find(',', start);
      const std::size_t end = comma == std::string::npos ? line.size() : comma;
      std::string cell = line.substr(start, end - start);
      const auto first = cell.find_first_not_of(" \t");
      const auto last = cell.find_last_not_of(" \t");
      cell = first == std::string::npos ? "" : cell.substr(first, last - first + 1);
      cells.emplace_back(cell, start + 1);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return cells;
  };
  if (lines.empty())
    bad_cell(path, 1, 1,
             "empty file; expected a header naming " + fmt::format("{}", fmt::join(names, ",")));
  const auto header = split(lines.front());
  std::vector<std::size_t> index;
  for (const auto& name : names) {
    const auto found = std::find_if(header.begin(), header.end(),
                                    [&](const auto& cell) { return cell.first == name; });
    if (found == header.end()) {
      bad_cell(
          path, 1, 1,
          fmt::format("missing column '{}' in the header (need {})", name, fmt::join(names, ",")));
    }
    index.push_back(static_cast<std::size_t>(found - header.begin()));
  }
  csv_columns out;
  out.columns.resize(names.size());
  for (std::size_t n = 1; n < lines.size(); ++n) {
    const std::size_t line = n + 1;
    const auto cells = split(lines[n]);
    if (cells.size() != header.size()) {
      bad_cell(path, line, cells.back().second,
               fmt::format("{} cells, the header has {}", cells.size(), header.size()));
    }
    for (std::size_t c = 0; c < names.size(); ++c) {
      const auto& [cell, column] = cells[index[c]];
      char* stop = nullptr;
      const double value = cell.empty() ? 0.0 : std::strtod(cell.c_str(), &stop);
      if (cell.empty() || stop != cell.c_str() + cell.size() || !std::isfinite(value)) {
        bad_cell(path, line, column, fmt::format("{} '{}' is not a finite number", names[c], cell));
      }
      out.columns[c].push_back(value);
    }
    out.lines.push_back(line);
  }
  if (out.lines.empty()) bad_cell(path, 2, 1, "no data rows");
  return out;
}

/// Steps: whole numbers >= 0, strictly increasing; rates >= 0. Column positions for messages
/// are the header's.
std::vector<std::int64_t> checked_steps(const std::string& path, const csv_columns& csv,
                                        std::size_t step_column) {
  std::vector<std::int64_t> steps;
  for (std::size_t i = 0; i < csv.lines.size(); ++i) {
    const double value = csv.columns[step_column][i];
    if (value < 0.0 || value != std::floor(value) || value > 9.0e15) {
      bad_cell(path, csv.lines[i], 1, fmt::format("step {} is not a whole number >= 0", value));
    }
    const auto step = static_cast<std::int64_t>(value);
    if (!steps.empty() && step <= steps.back()) {
      bad_cell(path, csv.lines[i], 1,
               fmt::format("step {} {} the step before it ({}): steps must increase", step,
                           step == steps.back() ? "repeats" : "is below", steps.back()));
    }
    steps.push_back(step);
  }
  return steps;
}

void check_rates(const std::string& path, const csv_columns& csv, std::size_t lr_column) {
  for (std::size_t i = 0; i < csv.lines.size(); ++i) {
    if (csv.columns[lr_column][i] < 0.0) {
      bad_cell(path, csv.lines[i], 1 + lr_column,
               fmt::format("negative learning rate {}", csv.columns[lr_column][i]));
    }
  }
}

/// The per-step schedule of a run logged at `steps`: straight lines between the rows
/// (exact for linear pieces, within h²·|η''|/8 of a smooth schedule logged every h steps,
/// and a step drop spread over one logging interval), a linear warmup from 0 at step 0 to
/// the first row's rate when the rows start after step 0, and the last rate held.
lrsched::any_schedule rebuild_schedule(const std::vector<std::int64_t>& steps,
                                       const std::vector<double>& rates) {
  std::vector<lrsched::knot> knots;
  knots.reserve(steps.size() + 1);
  if (steps.front() > 0) knots.push_back({0, 0.0});
  for (std::size_t i = 0; i < steps.size(); ++i) knots.push_back({steps[i], rates[i]});
  return lrsched::piecewise_linear(std::move(knots));
}

/// A run file: the rebuilt schedule and the logged losses.
lrsched::loss_run read_run(const std::string& path) {
  const auto csv = read_csv(path, {"step", "lr", "loss"});
  const auto steps = checked_steps(path, csv, 0);
  check_rates(path, csv, 1);
  for (std::size_t i = 0; i < csv.lines.size(); ++i) {
    if (!(csv.columns[2][i] > 0.0)) {
      bad_cell(path, csv.lines[i], 3, fmt::format("loss {} is not positive", csv.columns[2][i]));
    }
  }
  if (!(csv.columns[1].front() > 0.0 || steps.front() > 0)) {
    bad_cell(path, csv.lines.front(), 2, "the first row is step 0 at rate 0: the summed LR is 0");
  }
  return {rebuild_schedule(steps, csv.columns[1]), steps, csv.columns[2]};
}

/// A schedule CSV for predict: step,lr for every step 0, 1, ..., n − 1.
lrsched::any_schedule read_schedule_csv(const std::string& path) {
  const auto csv = read_csv(path, {"step", "lr"});
  const auto steps = checked_steps(path, csv, 0);
  check_rates(path, csv, 1);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] != static_cast<std::int64_t>(i)) {
      bad_cell(path, csv.lines[i], 1,
               fmt::format("step {} where step {} was expected: a schedule CSV lists every step "
                           "from 0",
                           steps[i], i));
    }
  }
  return lrsched::table(csv.columns[1]);
}

// ------------------------------------------------------------------------ law files
using any_law = std::variant<lrsched::multi_power_law, lrsched::tissue_law>;

nlohmann::ordered_json law_json(const any_law& law) {
  nlohmann::ordered_json out;
  if (const auto* mpl = std::get_if<lrsched::multi_power_law>(&law)) {
    out["law"] = "multi_power_law";
    out["parameters"] = {{"L0", mpl->L0}, {"A", mpl->A},       {"alpha", mpl->alpha}, {"B", mpl->B},
                         {"C", mpl->C},   {"beta", mpl->beta}, {"gamma", mpl->gamma}};
  } else {
    const auto& t = std::get<lrsched::tissue_law>(law);
    out["law"] = "tissue";
    out["parameters"] = {
        {"L0", t.L0}, {"A", t.A}, {"alpha", t.alpha}, {"C", t.C}, {"momentum", t.momentum}};
  }
  return out;
}

/// Line and column (1-based) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto before = text.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t newline = before.rfind('\n');
  return {line, newline == std::string_view::npos ? offset + 1 : offset - newline};
}

any_law read_law(const std::string& path) {
  const std::string text = read_input(path);
  const auto fail_at = [&](std::string_view key, const std::string& what) {
    const std::size_t at = key.empty() ? 0 : text.find("\"" + std::string(key) + "\"");
    const auto [line, column] = position_of(text, at == std::string::npos ? 0 : at);
    bad_cell(path, line, column, what);
  };
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, column] = position_of(text, e.byte == 0 ? 0 : e.byte - 1);
    bad_cell(path, line, column, "not JSON: a law file is what `lrsched loss fit` writes");
  }
  if (!document.is_object() || !document.contains("law") || !document["law"].is_string()) {
    fail_at("",
            "not a loss law: expected {\"law\": \"multi_power_law\" or \"tissue\", "
            "\"parameters\": {...}}, as `lrsched loss fit` writes");
  }
  const std::string kind = document["law"].get<std::string>();
  if (kind != "multi_power_law" && kind != "tissue") {
    fail_at("law", "unknown law '" + kind + "'; known: multi_power_law, tissue");
  }
  if (!document.contains("parameters") || !document["parameters"].is_object()) {
    fail_at("law", "missing \"parameters\"");
  }
  const auto& parameters = document["parameters"];
  const auto get = [&](const char* name) {
    if (!parameters.contains(name) || !parameters[name].is_number()) {
      fail_at("parameters", fmt::format("parameter {} missing or not a number", name));
    }
    const double value = parameters[name].get<double>();
    if (!std::isfinite(value)) fail_at(name, fmt::format("parameter {} is not finite", name));
    return value;
  };
  if (kind == "multi_power_law") {
    return lrsched::multi_power_law{get("L0"), get("A"),    get("alpha"), get("B"),
                                    get("C"),  get("beta"), get("gamma")};
  }
  lrsched::tissue_law law{get("L0"), get("A"), get("alpha"), get("C"), get("momentum")};
  if (!(law.momentum >= 0.0 && law.momentum < 1.0))
    fail_at("momentum", "momentum must be in [0, 1)");
  return law;
}

// ------------------------------------------------------------------------ commands
int run_loss_fit(const parsed_arguments& arguments, std::span<const std::string> files,
                 output& out) {
  const auto law_name = arguments.value("law");
  if (!law_name) throw usage_error("missing --law mpl|tissue");
  if (*law_name != "mpl" && *law_name != "tissue") {
    throw usage_error("--law must be mpl or tissue, got '" + *law_name + "'" +
                      did_you_mean(*law_name, {"mpl", "tissue"}));
  }
  if (files.empty()) throw usage_error("missing RUN.csv (one or more logged runs)");
  std::vector<lrsched::loss_run> runs;
  for (const auto& file : files) runs.push_back(read_run(file));
  const std::span<const lrsched::loss_run> all(runs);
  nlohmann::ordered_json document;
  std::vector<lrsched::run_error> errors;
  nlohmann::ordered_json statistics;
  const auto record = [&](const auto& fitted) {
    document = law_json(fitted.law);
    errors = fitted.runs;
    statistics["cost"] = fitted.cost;
    statistics["starts"] = fitted.starts;
    statistics["iterations"] = fitted.iterations;
    statistics["seconds"] = fitted.seconds;
  };
  if (*law_name == "mpl") {
    record(lrsched::fit(all, lrsched::multi_power_law{}));
  } else {
    record(lrsched::fit(all, lrsched::tissue_law{}));
  }
  nlohmann::ordered_json per_run = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    per_run.push_back({{"file", files[r]},
                       {"rows", runs[r].steps.size()},
                       {"worst_relative_error", errors[r].worst_relative},
                       {"mean_relative_error", errors[r].mean_relative}});
  }
  statistics["runs"] = per_run;
  document["fit"] = statistics;
  out.line(document.dump(2));
  return 0;
}

int run_loss_predict(const parsed_arguments& arguments, std::span<const std::string> files,
                     output& out) {
  if (files.size() != 2) throw usage_error("expected LAW.json SCHEDULE");
  const auto range = steps_option(arguments);
  const auto steps_file = arguments.value("steps-file");
  if (range && steps_file) throw usage_error("give either --steps or --steps-file, not both");
  if (!range && !steps_file)
    throw usage_error("missing --steps A:B[:STRIDE] or --steps-file F");
  std::vector<std::int64_t> steps;
  if (range) {
    steps = steps_in(*range);
  } else {
    steps = read_steps_file(*steps_file);
  }
  for (const auto t : steps) {
    if (t < 0) throw usage_error(fmt::format("steps must be >= 0, got {}", t));
  }
  const any_law law = read_law(files[0]);
  const std::string& schedule_path = files[1];
  lrsched::any_schedule schedule = lrsched::constant(0.0);
  if (schedule_path.ends_with(".csv")) {
    schedule = read_schedule_csv(schedule_path);
  } else {
    parsed_arguments schedule_arguments = arguments;  // the input options apply to SCHEDULE
    schedule_arguments.positionals = {schedule_path};
    schedule = read_config(input_of(schedule_arguments)).schedule;
  }
  const auto losses = std::visit(
      [&](const auto& l) {
        return lrsched::predict(l, schedule, std::span<const std::int64_t>(steps));
      },
      law);
  for (const double loss : losses) out.number(loss);
  return 0;
}

int run_loss_optimize(const parsed_arguments& arguments, std::span<const std::string> files,
                      output& out) {
  if (files.size() != 1) throw usage_error("expected LAW.json");
  const auto steps_text = arguments.value("steps");
  const auto peak_text = arguments.value("peak");
  if (!steps_text) throw usage_error("missing --steps N (the run length)");
  if (!peak_text) throw usage_error("missing --peak LR");
  const step_range run = parse_step_range(*steps_text);
  if (run.first != 0 || run.strided) {
    throw usage_error("--steps is the run length N (steps 0 to N-1), got '" + *steps_text + "'");
  }
  const std::int64_t total = run.last;
  const double peak = parse_real(*peak_text, "--peak");
  const std::int64_t warmup_steps =
      arguments.has("warmup") ? parse_step(*arguments.value("warmup"), "--warmup") : 0;
  if (total < 2 || total > 10'000'000) throw usage_error("--steps must be in [2, 10000000]");
  if (!(peak > 0.0)) throw usage_error("--peak must be > 0");
  if (warmup_steps < 0 || warmup_steps >= total - 1) {
    throw usage_error("--warmup must be >= 0 and below --steps - 1");
  }
  const any_law law = read_law(files[0]);
  const auto found = std::visit(
      [&](const auto& l) { return lrsched::search_schedules(l, total, peak, warmup_steps); }, law);
  out.line(lrsched::to_ordered_json(found.best().schedule).dump(2));
  out.flush();
  const auto show = [](const char* what, const lrsched::schedule_candidate& c) {
    std::fprintf(stderr, "%-9s %.6f  %s\n", what, c.final_loss, c.label.c_str());
  };
  std::fprintf(stderr, "predicted loss at step %lld:\n", static_cast<long long>(total - 1));
  show("proposed", found.best());
  show("cosine", found.cosine);
  show("WSD", found.wsd);
  return 0;
}

int run_loss(const parsed_arguments& arguments, output& out) {
  if (arguments.positionals.empty()) {
    throw usage_error("missing fit, predict or optimize");
  }
  const std::string& what = arguments.positionals.front();
  const auto files = std::span<const std::string>(arguments.positionals).subspan(1);
  if (what == "fit") return run_loss_fit(arguments, files, out);
  if (what == "predict") return run_loss_predict(arguments, files, out);
  if (what == "optimize") return run_loss_optimize(arguments, files, out);
  throw usage_error("unknown loss command '" + what + "'" +
                    did_you_mean(what, {"fit", "predict", "optimize"}) +
                    "; known: fit, predict, optimize");
}
