#!/usr/bin/env bash
# Strict consumers: tests/consumers/strict/strict.cpp compiled as a user with strict flags
# would, in every cell of
#   compiler   g++ (libstdc++), clang++ (libstdc++), clang++ -stdlib=libc++
#   level      -O2, -O3          (-Wmaybe-uninitialized and friends need the optimizer)
#   standard   -std=c++20, -std=c++2b
# with -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror and nothing turned off, then
# run. The libstdc++ cells also format with lrsched::fmt (Debian's libfmt) and load configs
# through the compiled lrsched::json: the dev preset's build/dev/liblrsched_json.a, which
# that preset compiled with g++ -O2 and the same warnings as errors, nothing turned off
# (without it, src/config.cpp is compiled here with g++ -O2 and the strict flags). Cells
# compile two at a time (LRSCHED_STRICT_JOBS).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d /tmp/lrsched-strict.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# libc++ is unpacked here, not installed: Debian's libc++-14-dev pulls libunwind-14-dev,
# which conflicts with libunwind-dev, the one glog (and so Ceres, lrsched::loss) needs.
libcxx_debs=(libc++-14-dev libc++abi-14-dev libc++1-14 libc++abi1-14 libunwind-14 libunwind-14-dev)
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
(cd "$work" && { apt-get download -qq "${libcxx_debs[@]}" 2>/dev/null ||
  { "${as_root[@]}" apt-get update -qq && apt-get download -qq "${libcxx_debs[@]}" 2>/dev/null; }; })
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/libcxx"; done
libcxx="$work/libcxx/usr/lib/llvm-14"
jobs="${LRSCHED_STRICT_JOBS:-2}"
strict=(-Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror)
source=tests/consumers/strict/strict.cpp

started=$SECONDS
loader=build/dev/liblrsched_json.a
if [ ! -f "$loader" ]; then
  loader="$work/config.o"
  g++ -std=c++20 -O2 "${strict[@]}" -DLRSCHED_SEPARATE_COMPILATION -I include \
    -c src/config.cpp -o "$loader" 2>"$work/loader.log" || {
    cat "$work/loader.log" >&2
    echo "strict consumers: FAILED: src/config.cpp (g++ -O2, strict flags)" >&2
    exit 1
  }
fi
echo "-- strict: the compiled loader: $loader ($((SECONDS - started)) s)"

# cell <name> <compiler> <flags...> -- <libraries...>: compile and link into $work/<name>,
# run it; the log is $work/<name>.log.
cell() {
  local name="$1" compiler="$2" flags=() libraries=()
  shift 2
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do flags+=("$1"); shift; done
  [ "$#" -eq 0 ] || shift
  libraries=("$@")
  {
    "$compiler" "${flags[@]}" "${strict[@]}" -I include "$source" "${libraries[@]}" \
      -o "$work/$name" && "$work/$name"
  } >"$work/$name.log" 2>&1
}

names=()
pids=()
failed=()
for level in -O2 -O3; do
  for standard in c++20 c++2b; do
    for compiler in g++ clang++ clang++-libc++; do
      name="${compiler}${level}-${standard}"
      if [ "$compiler" = clang++-libc++ ]; then
        args=(clang++ -nostdinc++ -isystem "$libcxx/include/c++/v1" -nostdlib++
          "-std=$standard" "$level" -- -L"$libcxx/lib" -Wl,-rpath,"$libcxx/lib" -lc++)
      else
        args=("$compiler" "-std=$standard" "$level" -DLRSCHED_STRICT_FMT -DLRSCHED_STRICT_JSON
          -DLRSCHED_SEPARATE_COMPILATION -- "$loader" -lfmt)
      fi
      # At most $jobs cells at once.
      while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
      cell "$name" "${args[@]}" &
      names+=("$name")
      pids+=("$!")
    done
  done
done
for i in "${!names[@]}"; do
  if wait "${pids[$i]}"; then
    echo "-- strict: ok ${names[$i]}"
  else
    failed+=("${names[$i]}")
    echo "-- strict: FAILED ${names[$i]}:" >&2
    head -40 "$work/${names[$i]}.log" >&2
  fi
done
echo "strict consumers: $((${#names[@]} - ${#failed[@]})) passed, ${#failed[@]} failed" \
  "($((SECONDS - started)) s)"
[ "${#failed[@]}" -eq 0 ]
