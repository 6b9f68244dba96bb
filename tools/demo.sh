#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs lrsched's main demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
cmake --preset dev -DLRSCHED_BUILD_TESTS=OFF >/dev/null
cmake --build --preset dev --target example_demo
./build/dev/examples/demo
