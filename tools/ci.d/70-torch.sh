#!/usr/bin/env bash
# lrsched/torch.hpp against Debian's libtorch 1.13: the adapter writes a schedule into a
# real optimizer's parameter groups, resumes exactly, and libtorch's own StepLR is checked;
# then examples/fine_tuning.cpp trains a small MLP with it and draws the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
LRSCHED_EXTRA_PACKAGES="libtorch-dev" bash tools/setup-debian.sh
cmake -S . -B build/torch -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
  -DLRSCHED_WARNINGS_AS_ERRORS=ON -DLRSCHED_BUILD_EXAMPLES=ON -DLRSCHED_BUILD_CLI=OFF \
  -DLRSCHED_BUILD_TOOLS=OFF -DLRSCHED_BUILD_TORCH_TESTS=ON -DLRSCHED_BUILD_TORCH_EXAMPLES=ON \
  >/dev/null
cmake --build build/torch --target test_torch example_fine_tuning
ctest --test-dir build/torch -R '^test_torch$' --output-on-failure
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
build/torch/examples/fine_tuning "$out/fine_tuning.svg"
grep -q '<svg' "$out/fine_tuning.svg"
