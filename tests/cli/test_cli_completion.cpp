// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The bash completion script (apps/lrsched/completion/lrsched.bash), run by bash against the
// built command: commands, each command's options, the values of an option that lists them,
// file names elsewhere.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "cli_runner.hpp"

namespace {

/// The words the completion offers for the command line `words` (the last one being
/// completed; the command's own path is put first).
std::vector<std::string> complete(const std::vector<std::string>& words) {
  const std::string script =
      (std::filesystem::path(LRSCHED_TEST_DATA_DIR) / ".." / ".." / "apps" / "lrsched" /
       "completion" / "lrsched.bash")
          .string();
  std::string line = "COMP_WORDS=(\"$2\"";
  for (const auto& w : words) line += " '" + w + "'";
  line += "); COMP_CWORD=" + std::to_string(words.size()) +
          "; _lrsched; printf '%s\\n' \"${COMPREPLY[@]}\" | sort";
  const auto r = lrsched::test::run_program(
      "/bin/bash", {"-c", "source \"$1\" && " + line, "bash", script, LRSCHED_CLI});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> offered;
  std::istringstream lines(r.out);
  for (std::string w; std::getline(lines, w);) {
    if (!w.empty()) offered.push_back(w);
  }
  return offered;
}

}  // namespace

TEST_CASE("bash completion asks the command for its commands, options and values") {
  if (!std::filesystem::exists("/bin/bash")) return;
  CHECK(complete({"e"}) == std::vector<std::string>{"eval"});
  CHECK(complete({"d"}) == std::vector<std::string>{"diff"});
  const auto commands = complete({""});
  for (const char* c : {"show", "eval", "sum", "diff", "convert", "check", "plot", "--help"}) {
    CHECK(std::find(commands.begin(), commands.end(), c) != commands.end());
  }
  CHECK(complete({"eval", "f.json", "--st"}) ==
        std::vector<std::string>{"--steps", "--steps-file"});
  CHECK(complete({"sum", "f.json", "--format", ""}) ==
        std::vector<std::string>{"csv", "json", "text"});
  CHECK(complete({"check", "f.json", "--dialect", "deep"}) ==
        std::vector<std::string>{"deepspeed"});
  CHECK(complete({"plot", "f.json", "--x", "s"}) == std::vector<std::string>{"samples", "steps"});
  CHECK(complete({"convert", "f.json", "--to", ""}) ==
        std::vector<std::string>{"canonical", "deepspeed", "hf", "keras", "megatron", "optax",
                                 "pytorch", "timm"});
  CHECK(complete({"convert", "f.json", "--format", ""}) ==
        std::vector<std::string>{"json", "yaml"});
  CHECK(complete({"check", "f.yaml", "--input-format", "y"}) == std::vector<std::string>{"yaml"});
  // After an option that takes a value, no option names: -o takes a file name.
  CHECK(complete({"plot", "f.json", "-o", "--"}).empty());
  CHECK(!complete({"plot", "f.json", "--"}).empty());
  const auto files = complete({"eval", "f.json", "--steps-file", LRSCHED_TEST_DATA_DIR "/"});
  CHECK(!files.empty());
  CHECK(complete({"help", "co"}) == std::vector<std::string>{"convert"});
}
