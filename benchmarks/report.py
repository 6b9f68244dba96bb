#!/usr/bin/python3
"""Ratio tables from the benchmark suite's JSON output (Google Benchmark's --benchmark_out
with repetitions: the medians are used, CPU time) and pytorch_step.py's --json file.

Usage: report.py DIR   (reads DIR/eval.json, DIR/sum.json and, when present,
DIR/torch.json and DIR/python.json; prints Markdown tables and the targets).
"""
import json
import os
import sys

STEPS_PER_ITERATION = 1024  # bench_eval evaluates this many steps per iteration


def load_medians(path):
    """{run_name: benchmark entry} of the median aggregates (or of the only runs)."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        data = json.load(f)
    medians, plain = {}, {}
    for b in data["benchmarks"]:
        name = b["run_name"].split("/iterations:")[0]
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[name] = b
        else:
            plain.setdefault(name, b)
    return medians or plain


def ns(entry):
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[entry.get("time_unit", "ns")]
    return entry["cpu_time"] * scale


def fmt(value, digits=2):
    return f"{value:.{digits}f}" if value < 100 else f"{value:.0f}"


def verdict(ok):
    return "met" if ok else "**missed**"


targets = []


def eval_table(runs):
    cases = []
    for name in runs:
        if name.startswith("eval/") and name.endswith("/hand"):
            cases.append(name.split("/")[1])
    print("### Evaluation per step (ns/step, CPU time, median)\n")
    print("| case | hand-written | composed | any_schedule (JSON) | composed / hand | any / hand |")
    print("|---|---:|---:|---:|---:|---:|")
    worst_composed, worst_any = (0.0, ""), (0.0, "")
    for case in cases:
        hand, composed, anys = (ns(runs[f"eval/{case}/{v}"]) / STEPS_PER_ITERATION
                                for v in ("hand", "composed", "any"))
        rc, ra = composed / hand, anys / hand
        print(f"| {case} | {fmt(hand)} | {fmt(composed)} | {fmt(anys)} | {rc:.2f}x | {ra:.2f}x |")
        worst_composed = max(worst_composed, (rc, case))
        if case in ("wsd_3_pieces", "hybrid_4_phase"):
            worst_any = max(worst_any, (ra, case))
    print()
    targets.append(("composed <= 1.1x hand-written (every case)",
                    f"worst {worst_composed[0]:.2f}x ({worst_composed[1]})",
                    worst_composed[0] <= 1.1))
    targets.append(("any_schedule <= 3x hand-written (WSD, hybrid)",
                    f"worst {worst_any[0]:.2f}x ({worst_any[1]})", worst_any[0] <= 3.0))


def sum_table(runs):
    print("### Summed LR over N steps: closed form vs plain loop (CPU time, median)\n")
    print("| schedule | N | closed form | per piece | closed rel. error | plain loop |"
          " loop rel. error | loop / closed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    worst_piece, worst_err = 0.0, 0.0
    for name, entry in runs.items():
        parts = name.split("/")
        if parts[0] != "sum" or parts[2] != "closed":
            continue
        schedule, n = parts[1], int(parts[3])
        pieces = entry["pieces"]
        closed = ns(entry)
        loop = runs.get(f"sum/{schedule}/loop/{n}")
        loop_time = f"{ns(loop) / 1e6:.3f} ms" if loop else "not run"
        loop_err = f"{loop['rel_err']:.1e}" if loop else ""
        ratio = f"{ns(loop) / closed:.0f}x" if loop else ""
        print(f"| {schedule} | 1e{len(str(n)) - 1} | {closed:.0f} ns | {closed / pieces:.1f} ns |"
              f" {entry['rel_err']:.1e} | {loop_time} | {loop_err} | {ratio} |")
        if n == 10**9:
            worst_piece = max(worst_piece, closed / pieces)
            worst_err = max(worst_err, entry["rel_err"])
    print()
    targets.append(("10^9-step sum < 1 us per piece, rel. error <= 1e-12",
                    f"worst {worst_piece:.1f} ns per piece, rel. error {worst_err:.1e}",
                    worst_piece < 1000 and worst_err <= 1e-12))


def torch_table(runs):
    if runs is None:
        print("### libtorch: not built (find_package(Torch) failed)\n")
        return
    print("### One scheduler step with the param-group write vs libtorch 1.13 C++ "
          "(ns/step, CPU time, median)\n")
    print("| param groups | libtorch StepLR::step() | lrsched step_lr + write | ratio |"
          " lrsched any_schedule hybrid + write | ratio |")
    print("|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for groups in (1, 4):
        torch_ns = ns(runs[f"torch/StepLR/{groups}"])
        step_ns = ns(runs[f"lrsched/step_lr/{groups}"])
        hybrid_ns = ns(runs[f"lrsched/any_hybrid/{groups}"])
        print(f"| {groups} | {fmt(torch_ns)} | {fmt(step_ns)} | {step_ns / torch_ns:.2f}x |"
              f" {fmt(hybrid_ns)} | {hybrid_ns / torch_ns:.2f}x |")
        worst = max(worst, step_ns / torch_ns, hybrid_ns / torch_ns)
    print()
    targets.append(("lrsched + param-group write <= libtorch StepLR::step()",
                    f"worst {worst:.2f}x of libtorch", worst <= 1.0))


def python_table(runs, python):
    if python is None:
        print("### PyTorch Python: not run (torch not importable)\n")
        return
    print(f"### Pure evaluation vs PyTorch {python['torch']} Python scheduler.step() "
          "(ns/step, CPU time, median)\n")
    print("| scheduler | PyTorch step() | lrsched evaluation | PyTorch / lrsched |")
    print("|---|---:|---:|---:|")
    worst = float("inf")
    for result in python["results"]:
        lrsched_ns = ns(runs[f"peer/{result['name']}"]) / STEPS_PER_ITERATION
        speedup = result["ns_per_step"] / lrsched_ns
        worst = min(worst, speedup)
        print(f"| {result['name']} | {result['ns_per_step']:.0f} | {fmt(lrsched_ns)} |"
              f" {speedup:.0f}x |")
    print()
    targets.append(("pure evaluation >= 500x faster than PyTorch Python step()",
                    f"worst {worst:.0f}x", worst >= 500))


def main():
    directory = sys.argv[1]
    evals = load_medians(os.path.join(directory, "eval.json"))
    sums = load_medians(os.path.join(directory, "sum.json"))
    torch_runs = load_medians(os.path.join(directory, "torch.json"))
    python = None
    if os.path.exists(os.path.join(directory, "python.json")):
        with open(os.path.join(directory, "python.json")) as f:
            python = json.load(f)
    if evals:
        eval_table(evals)
    if sums:
        sum_table(sums)
    torch_table(torch_runs)
    if evals:
        python_table(evals, python)
    print("### Targets\n")
    print("| target | measured | |")
    print("|---|---|---|")
    for name, measured, ok in targets:
        print(f"| {name} | {measured} | {verdict(ok)} |")
    print()


if __name__ == "__main__":
    main()
