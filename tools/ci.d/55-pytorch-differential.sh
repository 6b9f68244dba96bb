#!/usr/bin/env bash
# The pytorch dialect against the real PyTorch 1.13 (Debian's python3-torch): random valid
# configs of every scheduler class, each run through PyTorch and `lrsched eval --dialect
# pytorch`, compared at every step; refusals must have a documented reason (docs/peers.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
LRSCHED_EXTRA_PACKAGES="python3-torch" bash tools/setup-debian.sh
# The lrsched command: from the dev preset's build when there is one, else a build of its own.
build=build/dev
if [ ! -f "$build/CMakeCache.txt" ]; then
  build=build/pytorch-differential
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ \
    -DCMAKE_BUILD_TYPE=Release -DLRSCHED_WARNINGS_AS_ERRORS=ON -DLRSCHED_BUILD_TESTS=OFF \
    -DLRSCHED_BUILD_EXAMPLES=OFF -DLRSCHED_BUILD_CLI=ON -DLRSCHED_BUILD_TOOLS=OFF \
    -DLRSCHED_INSTALL=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build" --target lrsched_cli
/usr/bin/python3 tests/differential/pytorch_differential.py \
  "$build/apps/lrsched/lrsched" --per-class 200 --jobs 2
