#!/usr/bin/env bash
# Packaging stage: every way a C++ project gets lrsched, each one built and run.
#   install tree        cmake --install into a temporary prefix: include/, share/pkgconfig
#                       and the compiled lrsched::json (lib/liblrsched_json.a, lib/cmake/)
#   find_package        core only, with COMPONENTS json fmt (the compiled loader), with
#                       COMPONENTS loss (Ceres), an unknown component, a core-only
#                       install (no nlohmann_json/fmt), and the Conan test_package's CMake
#   add_subdirectory    of this checkout with json and fmt (the compiled loader); with
#                       LRSCHED_JSON_HEADER_ONLY; with LRSCHED_JSON=ON but no nlohmann_json
#                       (must fail, naming it); FetchContent of its committed HEAD (file://
#                       URL) with LRSCHED_JSON=OFF and LRSCHED_FMT=OFF
#   pkg-config          lrsched.pc (the core) and lrsched-json.pc (the compiled loader),
#                       and a plain `-I include` compile with g++ and clang++
#   Debian package      cpack -G DEB, lintian (no error allowed), apt-get install,
#                       find_package and pkg-config (lrsched-json) against /usr, apt-get remove
#   vcpkg, Conan        what can be checked without the tools: the manifest, the recipe
# Every consumer runs tests/consumers/consumer.cpp, which checks computed values.
set -euo pipefail
cd "$(dirname "$0")/../.."
LRSCHED_EXTRA_PACKAGES="lintian ccache" bash tools/setup-debian.sh
source_dir="$(pwd)"
work="$(mktemp -d /tmp/lrsched-packaging.XXXXXX)"
chmod 755 "$work" # apt's sandbox user reads the .deb from here
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
deb_installed=0
cleanup() {
  if [ "$deb_installed" -eq 1 ]; then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq liblrsched-dev >/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
pass() {
  passed=$((passed + 1))
  echo "-- packaging: ok (${SECONDS}s): $*"
}
fail() {
  echo "-- packaging: FAILED: $*" >&2
  echo "0 passed, 1 failed" >&2
  exit 1
}
# quiet <log name> <command...>: run, show the log only on failure.
quiet() {
  local log="$work/$1.log"
  shift
  "$@" >"$log" 2>&1 || {
    cat "$log" >&2
    fail "$*"
  }
}

version="$(sed -n 's/^#define LRSCHED_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' \
  include/lrsched/version.hpp | paste -sd.)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version.hpp gives no version ($version)"
echo "-- packaging: lrsched $version, work directory $work"
# ccache, with a cache of this run's own, compiles the config loader once for the builds
# that compile it with the same flags (the install tree's and add_subdirectory's).
export CCACHE_DIR="$work/ccache"
generator=(-G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
strict=(-std=c++20 -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror)

# cmake_consumer <name> <project dir> <cmake args...>: configure, build, run every consumer.
cmake_consumer() {
  local name="$1" project="$2"
  shift 2
  quiet "$name-configure" cmake -S "$project" -B "$work/$name" "${generator[@]}" "$@"
  quiet "$name-build" cmake --build "$work/$name"
  local program ran=0
  for program in "$work/$name"/consumer* "$work/$name"/test_package; do
    [ -x "$program" ] || continue
    quiet "$name-run" "$program"
    ran=$((ran + 1))
  done
  [ "$ran" -gt 0 ] || fail "$name built no consumer program"
}

# pkg_config_consumer <name> <module...>: build with `pkg-config --cflags --libs <module...>`
# (lrsched alone: the core; lrsched-json and fmt: the components, with the compiled
# loader) and run.
pkg_config_consumer() {
  local name="$1" flags defines
  shift
  read -r -a flags <<<"$(pkg-config --cflags --libs "$@")"
  defines=(-DLRSCHED_CONSUMER_EXPECTED_VERSION="\"$(pkg-config --modversion lrsched)\"")
  if [ "$#" -gt 1 ]; then
    defines+=(-DLRSCHED_CONSUMER_COMPONENTS -DLRSCHED_CONSUMER_JSON_COMPILED=1)
  fi
  quiet "$name-build" g++ "${strict[@]}" "${defines[@]}" tests/consumers/consumer.cpp \
    -o "$work/$name" "${flags[@]}"
  quiet "$name-run" "$work/$name"
}

# ------------------------------------------------------------------- install tree
prefix="$work/prefix"
quiet configure cmake -S . -B "$work/build" "${generator[@]}" -DLRSCHED_BUILD_TESTS=OFF \
  -DLRSCHED_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX="$prefix"
quiet build cmake --build "$work/build"
quiet install cmake --install "$work/build"
stray="$(cd "$prefix" && find . -type f ! -path './include/lrsched/*' \
  ! -path './lib/cmake/lrsched/*' ! -path ./lib/liblrsched_json.a ! -path ./share/pkgconfig/lrsched.pc \
  ! -path ./lib/pkgconfig/lrsched-json.pc)"
[ -z "$stray" ] || fail "installed outside include/lrsched, lib/, share/pkgconfig: $stray"
diff <(cd include && find lrsched -name '*.hpp' | sort) \
  <(cd "$prefix/include" && find lrsched -type f | sort) >/dev/null ||
  fail "the installed headers differ from include/lrsched"
for file in lrschedConfig.cmake lrschedConfigVersion.cmake lrschedTargets.cmake \
  lrschedJsonTargets.cmake lrschedFmtTargets.cmake; do
  [ -f "$prefix/lib/cmake/lrsched/$file" ] || fail "no lib/cmake/lrsched/$file"
done
[ -f "$prefix/lib/liblrsched_json.a" ] || fail "no lib/liblrsched_json.a (the compiled loader)"
[ -f "$prefix/lib/pkgconfig/lrsched-json.pc" ] || fail "no lib/pkgconfig/lrsched-json.pc"
# version_check <name> <config dir> <requested version> accepted|rejected [32]: what
# lrschedConfigVersion.cmake answers a consumer asking for that version (with 32 bits).
version_check() {
  local bits=8
  [ "${5:-}" != 32 ] || bits=4
  cat >"$work/version-$1.cmake" <<EOF
cmake_minimum_required(VERSION 3.14)
set(CMAKE_SIZEOF_VOID_P $bits)
set(PACKAGE_FIND_VERSION $3)
set(PACKAGE_FIND_VERSION_MAJOR $(echo "$3" | cut -d. -f1))
set(PACKAGE_FIND_VERSION_MINOR $(echo "$3" | cut -d. -f2))
include("$2/lrschedConfigVersion.cmake")
if(PACKAGE_VERSION_COMPATIBLE AND NOT PACKAGE_VERSION_UNSUITABLE)
  message("accepted")
else()
  message("rejected")
endif()
EOF
  [ "$(cmake -P "$work/version-$1.cmake" 2>&1)" = "$4" ] ||
    fail "lrschedConfigVersion.cmake in $2: a request for $3 ($bits-byte pointers) is not $4"
}
# SameMinorVersion while the major version is 0: 0.(m+1).x does not satisfy 0.m (a
# request for the previous minor); a compiled library does not serve 32 bits.
IFS=. read -r major minor _ <<<"$version"
version_check same "$prefix/lib/cmake/lrsched" "$version" accepted
if [ "$major" -eq 0 ] && [ "$minor" -gt 0 ]; then
  version_check older-minor "$prefix/lib/cmake/lrsched" "0.$((minor - 1)).0" rejected
fi
version_check compiled-32 "$prefix/lib/cmake/lrsched" "$version" rejected 32
pass "install tree ($(cd "$prefix" && find . -type f | wc -l) files)"

# ------------------------------------------------------------------- find_package
cmake_consumer find-core tests/consumers/find_package -DCMAKE_PREFIX_PATH="$prefix" \
  -DLRSCHED_EXPECTED_VERSION="$version"
pass "find_package(lrsched $version) core only"
cmake_consumer find-components tests/consumers/find_package -DCMAKE_PREFIX_PATH="$prefix" \
  -DLRSCHED_EXPECTED_VERSION="$version" -DLRSCHED_CONSUMER_COMPONENTS="json;fmt" \
  -DLRSCHED_CONSUMER_JSON=compiled
pass "find_package(lrsched COMPONENTS json fmt): the compiled loader loads a config"
if [ -f "$prefix/lib/cmake/lrsched/lrschedYamlTargets.cmake" ]; then
  # yaml builds on json: asking for yaml (and fmt) must define lrsched::json too.
  cmake_consumer find-yaml tests/consumers/find_package -DCMAKE_PREFIX_PATH="$prefix" \
    -DLRSCHED_EXPECTED_VERSION="$version" -DLRSCHED_CONSUMER_COMPONENTS="yaml;fmt"
  pass "find_package(lrsched COMPONENTS yaml fmt) brings lrsched::json"
else
  echo "-- packaging: skipped find_package(lrsched COMPONENTS yaml) (yaml-cpp not found)"
fi
if [ -f "$prefix/lib/cmake/lrsched/lrschedLossTargets.cmake" ]; then
  cmake_consumer find-loss tests/consumers/find_package_loss -DCMAKE_PREFIX_PATH="$prefix"
  pass "find_package(lrsched COMPONENTS loss) fits a law with Ceres"
else
  echo "-- packaging: skipped find_package(lrsched COMPONENTS loss) (Ceres not found)"
fi
if cmake -S tests/consumers/find_package -B "$work/find-unknown" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" -DLRSCHED_CONSUMER_COMPONENTS=bogus >"$work/unknown.log" 2>&1; then
  fail "find_package(lrsched COMPONENTS bogus) succeeded"
fi
grep -q 'unknown component "bogus"' "$work/unknown.log" || {
  cat "$work/unknown.log" >&2
  fail "find_package(lrsched COMPONENTS bogus) failed without naming the component"
}
pass "find_package(lrsched COMPONENTS bogus) fails and names the component"

# An install made where neither nlohmann_json nor fmt is found serves the core, and says
# why a component is missing. It is made without header file sets, as CMake < 3.23 makes
# it: every header must be installed all the same.
quiet nodeps-configure cmake -S . -B "$work/build-nodeps" "${generator[@]}" \
  -DLRSCHED_BUILD_TESTS=OFF -DLRSCHED_BUILD_EXAMPLES=OFF -DLRSCHED_USE_FILE_SETS=OFF \
  -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON
quiet nodeps-install cmake --install "$work/build-nodeps" --prefix "$work/prefix-nodeps"
diff <(cd include && find lrsched -name '*.hpp' | sort) \
  <(cd "$work/prefix-nodeps/include" && find lrsched -type f | sort) >/dev/null ||
  fail "an install without header file sets differs from include/lrsched"
quiet find-nodeps cmake -S tests/consumers/find_package -B "$work/find-nodeps" \
  "${generator[@]}" -DCMAKE_PREFIX_PATH="$work/prefix-nodeps" -DLRSCHED_EXPECTED_VERSION="$version"
# Headers only: an architecture-independent package in share/, fine for a 32-bit consumer.
[ -f "$work/prefix-nodeps/share/cmake/lrsched/lrschedConfig.cmake" ] ||
  fail "a headers-only install has no share/cmake/lrsched/lrschedConfig.cmake"
[ ! -e "$work/prefix-nodeps/lib" ] || fail "a headers-only install wrote lib/"
version_check headers-32 "$work/prefix-nodeps/share/cmake/lrsched" "$version" accepted 32
if cmake -S tests/consumers/find_package -B "$work/find-missing" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$work/prefix-nodeps" -DLRSCHED_CONSUMER_COMPONENTS=json \
  >"$work/missing.log" 2>&1; then
  fail "a json component that was not installed was found"
fi
grep -q 'component "json" is not in this' "$work/missing.log" || {
  cat "$work/missing.log" >&2
  fail "a missing json component failed without saying why"
}
pass "an install without nlohmann_json/fmt serves the core and reports missing components"

cmake_consumer conan-test-package packaging/conan/test_package -DCMAKE_PREFIX_PATH="$prefix"
pass "packaging/conan/test_package's CMake against the install (lrsched::lrsched only)"

# ------------------------------------------------------- add_subdirectory, FetchContent
# Release, as the install tree was built (lrsched's own default): the same loader compile.
cmake_consumer subdirectory tests/consumers/add_subdirectory -DLRSCHED_SOURCE_DIR="$source_dir" \
  -DCMAKE_BUILD_TYPE=Release -DLRSCHED_CONSUMER_COMPONENTS=ON -DLRSCHED_CONSUMER_JSON=compiled
pass "add_subdirectory with json and fmt (no lrsched tests, examples or install rules)"
# Header-only lrsched::json: configured only (the pkg-config consumer compiles that mode).
quiet subdirectory-header-only cmake -S tests/consumers/add_subdirectory \
  -B "$work/subdirectory-header-only" "${generator[@]}" -DLRSCHED_SOURCE_DIR="$source_dir" \
  -DLRSCHED_CONSUMER_COMPONENTS=ON -DLRSCHED_CONSUMER_JSON=header-only \
  -DLRSCHED_JSON_HEADER_ONLY=ON
pass "add_subdirectory with LRSCHED_JSON_HEADER_ONLY: lrsched::json is an interface library"
# LRSCHED_JSON=ON without nlohmann_json: configuring fails and names the package.
if cmake -S tests/consumers/add_subdirectory -B "$work/subdirectory-json-on" "${generator[@]}" \
  -DLRSCHED_SOURCE_DIR="$source_dir" -DLRSCHED_JSON=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON >"$work/json-on.log" 2>&1; then
  fail "add_subdirectory with LRSCHED_JSON=ON and no nlohmann_json configured"
fi
grep -q "LRSCHED_JSON=ON asks for lrsched::json, which needs nlohmann_json" "$work/json-on.log" || {
  cat "$work/json-on.log" >&2
  fail "LRSCHED_JSON=ON without nlohmann_json failed without naming it"
}
pass "add_subdirectory with LRSCHED_JSON=ON and no nlohmann_json fails, naming it"
head="$(git rev-parse HEAD)"
cmake_consumer fetch tests/consumers/fetch_content -DLRSCHED_GIT_REPOSITORY="file://$source_dir" \
  -DLRSCHED_GIT_TAG="$head" -DLRSCHED_JSON=OFF -DLRSCHED_FMT=OFF
pass "FetchContent from file://$source_dir at ${head:0:12}, LRSCHED_JSON=OFF, LRSCHED_FMT=OFF"

# ------------------------------------------------------- pkg-config, plain include
export PKG_CONFIG_PATH="$prefix/share/pkgconfig:$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion lrsched)" = "$version" ] || fail "pkg-config --modversion lrsched"
[ "$(pkg-config --variable=includedir lrsched)" = "$prefix/include" ] ||
  fail "lrsched.pc's includedir is not $prefix/include"
pkg_config_consumer pkg-config lrsched
[ "$(pkg-config --variable=libdir lrsched-json)" = "$prefix/lib" ] ||
  fail "lrsched-json.pc's libdir is not $prefix/lib"
pkg_config_consumer pkg-config-components lrsched-json fmt
unset PKG_CONFIG_PATH
pass "pkg-config --cflags --libs lrsched (core), lrsched-json fmt (the compiled loader)"
for compiler in g++ clang++; do
  quiet "plain-$compiler" "$compiler" "${strict[@]}" -I include tests/consumers/consumer.cpp \
    -o "$work/plain-$compiler"
  quiet "plain-$compiler-run" "$work/plain-$compiler"
done
pass "plain -I include with g++ and clang++"

# ------------------------------------------------------------------ Debian package
(cd "$work/build" && quiet cpack cpack -G DEB)
# The compiled lrsched::json makes the package specific to the architecture.
arch="$(dpkg --print-architecture)"
deb="$work/build/liblrsched-dev_${version}-1_${arch}.deb"
[ -f "$deb" ] || fail "cpack made no $deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = liblrsched-dev ] || fail "Package: $(field Package)"
[ "$(field Version)" = "${version}-1" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = libdevel ] || fail "Section: $(field Section)"
[ "$(field Suggests)" = "libfmt-dev, nlohmann-json3-dev" ] || fail "Suggests: $(field Suggests)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
stray="$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$' |
  grep -Ev '^\./usr/(include/lrsched/|lib/cmake/lrsched/|lib/liblrsched_json\.a$)' |
  grep -Ev '^\./usr/(share/pkgconfig/lrsched|lib/pkgconfig/lrsched-json)\.pc$' |
  grep -Ev '^\./usr/share/doc/liblrsched-dev/(copyright|changelog\.Debian\.gz)$' || true)"
[ -z "$stray" ] || fail "the package holds files outside its directories: $stray"
packaged() { dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/$1"; }
packaged share/pkgconfig/lrsched.pc | grep -qx 'prefix=/usr' ||
  fail "the packaged lrsched.pc does not say prefix=/usr"
packaged lib/pkgconfig/lrsched-json.pc | grep -qx 'prefix=/usr' ||
  fail "the packaged lrsched-json.pc does not say prefix=/usr"
packaged share/doc/liblrsched-dev/copyright | grep -qx 'License: Expat' ||
  fail "the packaged copyright file names no Expat (MIT) licence"
packaged share/doc/liblrsched-dev/changelog.Debian.gz | gzip -dc |
  grep -q "^liblrsched-dev (${version}-1) " || fail "changelog.Debian.gz has no ${version}-1 entry"
pass "cpack -G DEB: $(basename "$deb")"
# lintian: errors fail the stage; warnings and the rest are shown.
lintian_output="$(lintian --pedantic -I -E "$deb" 2>&1 | grep -v '^running with root' || true)"
[ -z "$lintian_output" ] || echo "$lintian_output" | sed 's/^/-- packaging: lintian: /'
if echo "$lintian_output" | grep -q '^E: '; then fail "lintian reports errors on $(basename "$deb")"; fi
pass "lintian $(basename "$deb"): no errors"

deb_installed=1
quiet apt-install "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb"
cmake_consumer deb-find-core tests/consumers/find_package -DLRSCHED_EXPECTED_VERSION="$version"
grep -q "found in /usr/lib/cmake/lrsched" "$work/deb-find-core-configure.log" ||
  fail "find_package did not find the Debian package in /usr/lib/cmake/lrsched"
cmake_consumer deb-find-components tests/consumers/find_package \
  -DLRSCHED_EXPECTED_VERSION="$version" -DLRSCHED_CONSUMER_COMPONENTS="json;fmt" \
  -DLRSCHED_CONSUMER_JSON=compiled
[ "$(pkg-config --modversion lrsched)" = "$version" ] || fail "pkg-config in /usr"
pkg_config_consumer deb-pkg-config lrsched-json fmt
quiet apt-remove "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y liblrsched-dev
deb_installed=0
if dpkg-query -W -f='${Status}' liblrsched-dev 2>/dev/null | grep -q "install ok installed"; then
  fail "liblrsched-dev is still installed"
fi
if [ -e /usr/lib/cmake/lrsched ] || [ -e /usr/include/lrsched ] ||
  [ -e /usr/lib/liblrsched_json.a ]; then
  fail "apt-get remove left lrsched files in /usr"
fi
pass "apt-get install the .deb; find_package (core, and json fmt with the compiled loader)" \
  "and pkg-config lrsched-json from /usr; apt-get remove"

# ------------------------------------------------------------------- vcpkg, Conan
python3 -m json.tool packaging/vcpkg/vcpkg.json >/dev/null || fail "vcpkg.json is not JSON"
python3 - "$version" <<'EOF' || fail "vcpkg.json"
import json, sys
manifest = json.load(open("packaging/vcpkg/vcpkg.json"))
assert manifest["name"] == "lrsched", manifest["name"]
assert manifest["version"] == sys.argv[1], f'version {manifest["version"]}, header {sys.argv[1]}'
features = {name: feature["dependencies"] for name, feature in manifest["features"].items()}
assert features == {"json": ["nlohmann-json"], "fmt": ["fmt"]}, features
EOF
pass "packaging/vcpkg/vcpkg.json: valid JSON, version $version, features json and fmt"
for recipe in packaging/conan/conanfile.py packaging/conan/test_package/conanfile.py; do
  python3 -c "import ast, sys; ast.parse(open(sys.argv[1]).read())" "$recipe" ||
    fail "$recipe does not parse"
done
quiet conan-recipe python3 -B packaging/conan/check_recipe.py "$version" "$work/conan"
pass "packaging/conan: the recipes parse; version, requirements, files and targets check out"

echo "packaging: ${passed} passed, 0 failed"
