#!/usr/bin/env bash
# Compile-time cost of lrsched's public headers: the CPU time (user + sys) to compile
# (-std=c++20 -O2 -c) a translation unit that includes one header and has an empty main,
# as a ratio to a baseline TU that includes only <cmath>, with g++ and clang++.
#
#   baseline    #include <cmath>
#   <header>    #include <lrsched/<header>>, one TU per public header: every
#               include/lrsched/*.hpp and include/lrsched/peers/*.hpp (a header whose
#               third-party dependency is missing, e.g. torch.hpp without libtorch, is
#               reported as skipped)
#   core+use    the core umbrella plus a warmup-cosine chain evaluated and summed
#
# Each TU is compiled RUNS times (default 5), the TUs interleaved so that a burst of load on
# a shared machine hits them alike, and the minimum is reported (the run least disturbed by
# other jobs); the ratio is that minimum over the baseline's minimum. Targets: a one-family
# TU (cosine.hpp) <= 1.5x, the core umbrella (lrsched.hpp) <= 2.5x.
#
# Usage: bash benchmarks/compile_time.sh [RUNS]    (CXXS="g++ clang++" by default;
#        HEADERS="cosine.hpp lrsched.hpp" to time only some headers)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
compilers="${CXXS:-g++ clang++}"
work="$(mktemp -d /tmp/lrsched-compile-time.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [ -n "${HEADERS:-}" ]; then
  read -r -a headers <<<"$HEADERS"
else
  headers=()
  for header in include/lrsched/*.hpp include/lrsched/peers/*.hpp; do
    headers+=("${header#include/lrsched/}")
  done
fi
printf '%s\n' "${headers[@]}" >"$work/headers.txt"
cat >"$work/core+use.cpp" <<'CPP'
#include <lrsched/lrsched.hpp>
int main(int argc, char**) {
  const auto s = lrsched::chain(lrsched::warmup(2'000, lrsched::cosine(3e-4, 3e-5, 98'000)),
                                lrsched::constant(3e-5));
  return static_cast<int>(s(argc) * 1e4 + lrsched::sum(s, 0, 100'000 * argc));
}
CPP

/usr/bin/python3 - "$work" "$runs" $compilers <<'PY'
import os, resource, subprocess, sys, time
work, runs, compilers = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
headers = open(f"{work}/headers.txt").read().split()
flags = ["-std=c++20", "-O2", "-Iinclude", "-c", "-o", os.devnull]
tus = {"baseline": "#include <cmath>\nint main() { return static_cast<int>(std::sqrt(4.0)); }\n"}
for h in headers:
    tus[h] = f"#include <lrsched/{h}>\nint main() {{ return 0; }}\n"
for name, text in tus.items():
    with open(f"{work}/{name.replace('/', '_')}.cpp", "w") as f:
        f.write(text)
sources = {name: f"{work}/{name.replace('/', '_')}.cpp" for name in tus}
sources["core+use"] = f"{work}/core+use.cpp"
extra = {"src.hpp": ["-DLRSCHED_SEPARATE_COMPILATION"]}

def compile_once(cxx, name):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([cxx, *flags, *extra.get(name, []), sources[name]],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, cpu * 1e3, wall * 1e3

print(f"compile time, -std=c++20 -O2 -c, minimum of {runs} runs (ms); ratio = CPU / baseline CPU")
print(f"{'compiler':<10} {'TU':<26} {'CPU':>8} {'ratio':>7} {'wall':>8}")
for cxx in compilers:
    version = subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    names = list(sources)
    skipped = {n for n in names if not compile_once(cxx, n)[0]}  # also warms the caches
    names = [n for n in names if n not in skipped]
    cpu = {n: [] for n in names}
    wall = {n: [] for n in names}
    for _ in range(runs):  # interleaved
        for n in names:
            _, c, w = compile_once(cxx, n)
            cpu[n].append(c)
            wall[n].append(w)
    base = min(cpu["baseline"])
    for n in names:
        ratio = "" if n == "baseline" else f"{min(cpu[n]) / base:.2f}x"
        print(f"{cxx:<10} {n:<26} {min(cpu[n]):>8.0f} {ratio:>7} {min(wall[n]):>8.0f}")
    for n in sorted(skipped):
        print(f"{cxx:<10} {n:<26} {'skipped (does not compile here: missing dependency)':>30}")
    print(f"  ({version})")
    for header, target in (("cosine.hpp", 1.5), ("lrsched.hpp", 2.5)):
        if header in cpu:
            r = min(cpu[header]) / base
            print(f"  target {header} <= {target}x the baseline: {r:.2f}x, "
                  + ("met" if r <= target else "missed"))
PY
