#!/usr/bin/env bash
# Installs what lrsched's build, tests, examples and benchmarks use, from Debian 12's
# own packages. Runs apt-get as root, or through sudo for a normal user.
set -euo pipefail
packages=(
  g++ clang libclang-rt-14-dev cmake ninja-build pkg-config git python3
  catch2 nlohmann-json3-dev libfmt-dev libbenchmark-dev libceres-dev libyaml-cpp-dev
  libcli11-dev help2man
)
# Extra packages a CI stage asks for (e.g. LRSCHED_EXTRA_PACKAGES="libtorch-dev").
read -r -a extra <<< "${LRSCHED_EXTRA_PACKAGES:-}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
missing=()
for p in "${packages[@]}" "${extra[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
