#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs lrsched's main demo (examples/demo.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
# A build directory of its own, so the demo never changes the test build's settings.
cmake --preset dev -B build/demo -DLRSCHED_BUILD_TESTS=OFF >/dev/null
cmake --build build/demo --target example_demo
./build/demo/examples/demo
