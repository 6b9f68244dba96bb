#!/usr/bin/env bash
# Benchmark smoke stage: builds the benchmark suite (Release, its own build directory) and
# runs every part once, as briefly as possible, so that the suite keeps building and
# running. No timing is checked here; measurements come from `bash benchmarks/run.sh` on a
# quiet machine (docs/performance.md).
#   bench_eval, bench_sum   --benchmark_min_time=0.001; bench_sum's loops up to 10^6 steps
#   bench_torch             only where find_package(Torch) succeeded (CI does not install
#                           libtorch-dev)
#   pytorch_step.py --tiny  only where /usr/bin/python3 can import torch
#   report.py               on the smoke output, so the tables keep matching the benchmarks
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/bench-smoke
out="$build/smoke-results"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
  -DLRSCHED_WARNINGS_AS_ERRORS=ON -DLRSCHED_BUILD_BENCHMARKS=ON -DLRSCHED_BUILD_TESTS=OFF \
  -DLRSCHED_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target lrsched_benchmarks -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
mkdir -p "$out"
rm -f "$out"/*.json
smoke=(--benchmark_min_time=0.001 --benchmark_out_format=json)
ran=0
for name in eval sum torch; do
  program="$build/benchmarks/bench_$name"
  if [ ! -x "$program" ]; then
    echo "-- benchmarks: bench_$name not built, skipped"
    continue
  fi
  extra=()
  if [ "$name" = sum ]; then extra=(--lrsched_max_loop_steps=1000000); fi
  "$program" "${smoke[@]}" "${extra[@]}" --benchmark_out="$out/$name.json" >"$out/$name.log" 2>&1 || {
    cat "$out/$name.log" >&2
    echo "-- benchmarks: FAILED: bench_$name" >&2
    exit 1
  }
  echo "-- benchmarks: ok: bench_$name ($(grep -c '"run_name"' "$out/$name.json") runs)"
  ran=$((ran + 1))
done
[ -x "$build/benchmarks/bench_eval" ] && [ -x "$build/benchmarks/bench_sum" ] || {
  echo "-- benchmarks: FAILED: bench_eval and bench_sum must be built" >&2
  exit 1
}
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  /usr/bin/python3 benchmarks/pytorch_step.py --tiny --json "$out/python.json" >/dev/null
  echo "-- benchmarks: ok: pytorch_step.py --tiny"
else
  echo "-- benchmarks: /usr/bin/python3 cannot import torch, pytorch_step.py skipped"
fi
/usr/bin/python3 benchmarks/report.py "$out" >"$out/report.md"
bash -n benchmarks/run.sh
bash -n benchmarks/compile_time.sh
echo "-- benchmarks: ok: report.py ($(grep -c '^| ' "$out/report.md") table rows)"
echo "benchmarks: ${ran} benchmark programs ran, no timing checked (${SECONDS}s)"
