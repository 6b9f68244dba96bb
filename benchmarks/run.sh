#!/usr/bin/env bash
# The whole benchmark suite in one command, from the repository root:
#     bash benchmarks/run.sh
# configures and builds the `release` preset's benchmarks (build/release), runs
#   bench_eval    per-step evaluation: hand-written vs composed vs any_schedule from JSON
#   bench_sum     summed LR: closed form vs plain loop, N = 10^3 ... 10^9, relative errors
#   bench_torch   lrsched + param-group write vs libtorch StepLR::step() (if Torch was found)
#   pytorch_step.py  PyTorch's Python scheduler.step() (if /usr/bin/python3 imports torch)
#   compile_time.sh  the cost of including lrsched's headers, g++ and clang++
# with REPETITIONS repetitions each (default 5; medians are reported), keeps the raw output
# in build/release/benchmark-results/, and prints the ratio tables (benchmarks/report.py).
# The benchmarks are timed one after another on one core; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions="${REPETITIONS:-5}"
compile_runs="${COMPILE_RUNS:-5}"
python=/usr/bin/python3
build=build/release
out="$build/benchmark-results"

cmake --preset release >/dev/null
cmake --build --preset release --target lrsched_benchmarks -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
mkdir -p "$out"
rm -f "$out"/*.json

echo "== machine"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "g++: $(g++ --version | head -1)"
  echo "clang++: $(clang++ --version | head -1)"
  echo "flags: $(sed -n 's/^CMAKE_CXX_FLAGS_RELEASE:STRING=//p' "$build/CMakeCache.txt")" \
    "-std=c++20 -ffp-contract=off (the release preset: g++, CMAKE_BUILD_TYPE=Release)"
  echo "google benchmark: $(dpkg-query -W -f='${Version}' libbenchmark-dev 2>/dev/null || echo '?')"
} | tee "$out/machine.txt"

common=(--benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true
  --benchmark_out_format=json)
echo "== bench_eval"
"$build/benchmarks/bench_eval" "${common[@]}" --benchmark_out="$out/eval.json"
echo "== bench_sum"
"$build/benchmarks/bench_sum" "${common[@]}" --benchmark_out="$out/sum.json"
if [ -x "$build/benchmarks/bench_torch" ]; then
  echo "== bench_torch"
  "$build/benchmarks/bench_torch" "${common[@]}" --benchmark_out="$out/torch.json"
else
  echo "== bench_torch: not built (find_package(Torch) failed)"
fi
if "$python" -c 'import torch' 2>/dev/null; then
  echo "== pytorch_step.py"
  "$python" benchmarks/pytorch_step.py --repeats "$repetitions" --json "$out/python.json"
else
  echo "== pytorch_step.py: skipped ($python cannot import torch)"
fi
echo "== compile_time.sh"
bash benchmarks/compile_time.sh "$compile_runs" | tee "$out/compile_time.txt"

echo
echo "== results (medians of $repetitions repetitions; raw output in $out)"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
echo
"$python" benchmarks/report.py "$out" | tee "$out/report.md"
cat "$out/compile_time.txt"
