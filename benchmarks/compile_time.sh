#!/usr/bin/env bash
# Compile-time cost of including lrsched: the time to compile (-c, -O2, -std=c++20) a
# translation unit that includes a header, minus the time for a baseline TU that includes
# only <cmath>, with g++ and clang++. Each TU is compiled RUNS times (default 5) in turn and
# the median is reported, as CPU time of the compiler (user + sys, what a busy machine
# disturbs least) and as wall time.
#
#   baseline    #include <cmath>
#   std         the standard headers the core headers include, nothing else (the floor
#               the core's own code sits on)
#   core        #include <lrsched/lrsched.hpp>          (every family and composite)
#   peers       #include <lrsched/peers.hpp>            (the peer-faithful constructors)
#   core+use    the core plus a warmup-cosine chain evaluated and summed (instantiations)
#   json        #include <lrsched/json.hpp>             (nlohmann_json, the kind registry)
#   fmt         #include <lrsched/fmt.hpp>              ({fmt})
#
# Usage: bash benchmarks/compile_time.sh [RUNS]    (CXXS="g++ clang++" by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
compilers="${CXXS:-g++ clang++}"
work="$(mktemp -d /tmp/lrsched-compile-time.XXXXXX)"
trap 'rm -rf "$work"' EXIT

printf '#include <cmath>\nint main() { return static_cast<int>(std::sqrt(4.0)); }\n' >"$work/baseline.cpp"
# The core header set: everything under include/lrsched but the opt-in integrations.
core_headers=()
for header in include/lrsched/*.hpp include/lrsched/detail/*.hpp include/lrsched/peers/*.hpp; do
  case "$header" in
    */json.hpp | */fmt.hpp | */torch.hpp | */dialects.hpp) ;;
    *) core_headers+=("$header") ;;
  esac
done
{
  grep -hoE '^#include <[a-z_]+>' "${core_headers[@]}" | sort -u
  echo 'int main() { return 0; }'
} >"$work/std.cpp"
printf '#include <lrsched/peers.hpp>\nint main() { return 0; }\n' >"$work/peers.cpp"
printf '#include <lrsched/lrsched.hpp>\nint main() { return 0; }\n' >"$work/core.cpp"
cat >"$work/core+use.cpp" <<'EOF'
#include <lrsched/lrsched.hpp>
int main(int argc, char**) {
  const auto s = lrsched::chain(lrsched::warmup(2'000, lrsched::cosine(3e-4, 3e-5, 98'000)),
                                lrsched::constant(3e-5));
  return static_cast<int>(s(argc) * 1e4 + lrsched::sum(s, 0, 100'000 * argc));
}
EOF
printf '#include <lrsched/json.hpp>\nint main() { return 0; }\n' >"$work/json.cpp"
printf '#include <lrsched/fmt.hpp>\nint main() { return 0; }\n' >"$work/fmt.cpp"

/usr/bin/python3 - "$work" "$runs" $compilers <<'EOF'
import os, resource, statistics, subprocess, sys, time
work, runs, compilers = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
tus = ["baseline", "std", "core", "core+use", "peers", "json", "fmt"]
flags = ["-std=c++20", "-O2", "-Iinclude", "-c", "-o", os.devnull]

def compile_once(cxx, tu):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([cxx, *flags, f"{work}/{tu}.cpp"], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu * 1e3, wall * 1e3

print(f"compile time, -std=c++20 -O2 -c, median of {runs} runs (ms)")
print(f"{'compiler':<10} {'TU':<10} {'CPU':>8} {'over baseline':>14} {'wall':>8} {'over baseline':>14}")
for cxx in compilers:
    version = subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    samples = {tu: [] for tu in tus}
    for _ in range(runs):  # interleaved, so a burst of load hits every TU alike
        for tu in tus:
            samples[tu].append(compile_once(cxx, tu))
    cpu = {tu: statistics.median(s[0] for s in samples[tu]) for tu in tus}
    wall = {tu: statistics.median(s[1] for s in samples[tu]) for tu in tus}
    for tu in tus:
        over_cpu = "" if tu == "baseline" else f"{cpu[tu] - cpu['baseline']:+.0f}"
        over_wall = "" if tu == "baseline" else f"{wall[tu] - wall['baseline']:+.0f}"
        print(f"{cxx:<10} {tu:<10} {cpu[tu]:>8.0f} {over_cpu:>14} {wall[tu]:>8.0f} {over_wall:>14}")
    print(f"  ({version})")
    over = cpu["core"] - cpu["baseline"]
    print(f"  target core include <= 150 ms over the baseline: {over:.0f} ms CPU, "
          + ("met" if over <= 150 else f"missed by {over - 150:.0f} ms ({over / 150:.0f}x the budget)"))
EOF
