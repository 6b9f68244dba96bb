#!/usr/bin/env bash
# A real browser draws the SVGs `lrsched plot` writes: chromium (headless) renders one
# config, three configs of three dialects, and three with --sum, and tools/check_render.py
# checks each screenshot (size, not blank, curves in every plot area, text and samples in
# the legend, at the places the SVG's rect ids give). A copy without its curves and legend
# must fail the same check. Skipped, with a message, only where chromium cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! LRSCHED_EXTRA_PACKAGES="chromium" bash tools/setup-debian.sh || ! command -v chromium >/dev/null; then
  echo "== 45-browser: SKIPPED: chromium cannot be installed on this machine"
  exit 0
fi
# The lrsched command: from the dev preset's build when there is one, else a build of its own.
build=build/dev
if [ ! -f "$build/CMakeCache.txt" ]; then
  build=build/browser
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLRSCHED_WARNINGS_AS_ERRORS=ON \
    -DLRSCHED_BUILD_TESTS=OFF -DLRSCHED_BUILD_EXAMPLES=OFF -DLRSCHED_BUILD_TOOLS=OFF \
    -DLRSCHED_BUILD_CLI=ON -DLRSCHED_INSTALL=OFF >/dev/null
fi
cmake --build "$build" --target lrsched_cli
lrsched="$build/apps/lrsched/lrsched"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
configs=(examples/configs/native/deepspeed_warmup_cosine.json
         examples/configs/native/huggingface_cosine.json
         examples/configs/warmup_stable_decay.json)
"$lrsched" plot examples/configs/warmup_cosine.json -o "$out/one.svg"
"$lrsched" plot "${configs[@]}" --steps 0:20000 -o "$out/three.svg"
"$lrsched" plot "${configs[@]}" --steps 0:20000 --sum -o "$out/three_sum.svg"
# The negative control: the same chart without its curves and legend entries.
grep -v -e '<path stroke=' -e '<line x1=[^>]*stroke-width="2.2"' -e 'text-anchor="start" fill' \
  "$out/three_sum.svg" >"$out/empty.svg"

render() {  # render SVG PNG: a screenshot at the SVG's own size
  local size width height profile
  size="$(grep -o -m1 '<svg [^>]*' "$1")"
  width="$(sed -E 's/.* width="([0-9]+)".*/\1/' <<<"$size")"
  height="$(sed -E 's/.* height="([0-9]+)".*/\1/' <<<"$size")"
  profile="$(mktemp -d)"
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --screenshot="$2" \
    --window-size="$width,$height" "file://$(realpath "$1")" >/dev/null 2>&1
  rm -rf "$profile"
}
for name in one three three_sum empty; do
  render "$out/$name.svg" "$out/$name.png"
done
for name in one three three_sum; do
  python3 tools/check_render.py "$out/$name.svg" "$out/$name.png"
done
if python3 tools/check_render.py "$out/empty.svg" "$out/empty.png"; then
  echo "== 45-browser: the check passed a chart without curves"
  exit 1
fi
echo "== 45-browser: the chart without curves fails the check, as it must"
