#!/usr/bin/env bash
# Fuzzing stage: builds the libFuzzer target tests/fuzz/fuzz_config.cpp with clang
# (-fsanitize=fuzzer,address,undefined) in build/fuzz and runs it for 60 seconds on the kept
# corpus (tests/fuzz/corpus), the hand-written seeds and the example configs. Any crash,
# leak, sanitizer report or broken promise fails the stage; the input that caused it is
# left in build/fuzz/artifacts/. New inputs go to a temporary directory, not to the
# repository. docs/fuzzing.md says how to run it longer and how to reproduce a crash.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/fuzz
seconds="${LRSCHED_FUZZ_SECONDS:-60}"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLRSCHED_BUILD_FUZZERS=ON -DLRSCHED_JSON_HEADER_ONLY=ON -DLRSCHED_BUILD_TESTS=OFF \
  -DLRSCHED_BUILD_EXAMPLES=OFF -DLRSCHED_INSTALL=OFF -DLRSCHED_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" --target fuzz_config
work="$(mktemp -d /tmp/lrsched-fuzz.XXXXXX)"
log="$(mktemp /tmp/lrsched-fuzz-log.XXXXXX)"
trap 'rm -rf "$work" "$log"' EXIT
mkdir -p "$build/artifacts"
"$build/tests/fuzz/fuzz_config" -dict=tests/fuzz/config.dict -max_total_time="$seconds" \
  -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/" \
  "$work" tests/fuzz/corpus tests/fuzz/seeds examples/configs 2>"$log" || {
  tail -n 60 "$log" >&2
  echo "-- fuzz: FAILED (the input is in $build/artifacts/; see docs/fuzzing.md)" >&2
  exit 1
}
grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' \
  "$log" | sed 's/^/-- fuzz: /'
