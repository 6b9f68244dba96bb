#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs lrsched's whole test suite: g++ with
# warnings as errors (dev preset), clang with warnings as errors, ASan and UBSan (asan
# preset), then every stage in tools/ci.d/ in order (packaging, strict consumers, the
# browser check of the charts, fuzzing, the differential run against PyTorch, benchmark
# smoke runs, libtorch).
# The clang preset (clang without sanitizers) is left out to keep a run under 30 minutes
# on 2 cores: asan builds the same code with the same compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
export CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-2}"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
for preset in dev asan; do
  echo "== workflow preset: ${preset}"
  started=$SECONDS
  cmake --workflow --preset "${preset}"
  echo "== workflow preset ${preset}: $((SECONDS - started)) s"
done
for stage in tools/ci.d/*.sh; do
  [ -e "$stage" ] || continue
  echo "== stage: ${stage}"
  started=$SECONDS
  bash "$stage"
  echo "== stage ${stage}: $((SECONDS - started)) s"
done
echo "== all lrsched tests passed (${SECONDS} s)"
