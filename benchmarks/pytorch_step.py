#!/usr/bin/python3
"""Time PyTorch's Python scheduler.step(), in ns per step, for the schedulers that
bench_eval's peer/* benchmarks evaluate with lrsched (same parameters, same run length):

    StepLR                      step_size 2000, gamma 0.5
    CosineAnnealingLR           T_max = run, eta_min 1e-5
    OneCycleLR                  max_lr 0.1, total_steps = run + 1
    SequentialLR_warmup_cosine  LinearLR(start_factor 0.01, 1000 steps), then
                                CosineAnnealingLR(T_max = run - 1000, eta_min 1e-5)

on an SGD optimizer (lr 0.1) over one param group holding a 1-element tensor. Each repeat
builds a fresh optimizer and scheduler and times `run` calls of scheduler.step() by the
thread's CPU time (time.thread_time_ns, like Google Benchmark's CPU column; the wall time is
reported too); the median over the repeats is reported. optimizer.step() is not called (it
is not part of the scheduler's cost); PyTorch's warnings about that order and about the
`epoch` argument SequentialLR passes internally are silenced.

Run with /usr/bin/python3 (Debian's python3-torch). --tiny runs a few steps only (CI smoke);
--json FILE also writes the results for benchmarks/report.py.
"""
import argparse
import json
import platform
import statistics
import sys
import time
import warnings

try:
    import torch
except ImportError:
    print("pytorch_step.py: torch is not importable (Debian: python3-torch)", file=sys.stderr)
    sys.exit(2)

BASE_LR = 0.1
ETA_MIN = 1e-5
WARMUP = 1000


def make(name, optimizer, run):
    sched = torch.optim.lr_scheduler
    if name == "StepLR":
        return sched.StepLR(optimizer, step_size=2000, gamma=0.5)
    if name == "CosineAnnealingLR":
        return sched.CosineAnnealingLR(optimizer, T_max=run, eta_min=ETA_MIN)
    if name == "OneCycleLR":
        return sched.OneCycleLR(optimizer, max_lr=BASE_LR, total_steps=run + 1)
    if name == "SequentialLR_warmup_cosine":
        warmup = sched.LinearLR(optimizer, start_factor=0.01, end_factor=1.0, total_iters=WARMUP)
        cosine = sched.CosineAnnealingLR(optimizer, T_max=run - WARMUP, eta_min=ETA_MIN)
        return sched.SequentialLR(optimizer, [warmup, cosine], milestones=[WARMUP])
    raise ValueError(name)


NAMES = ["StepLR", "CosineAnnealingLR", "OneCycleLR", "SequentialLR_warmup_cosine"]


def time_one(name, run):
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=BASE_LR)
    scheduler = make(name, optimizer, run)
    step = scheduler.step
    start_cpu, start_wall = time.thread_time_ns(), time.perf_counter_ns()
    for _ in range(run):
        step()
    cpu, wall = time.thread_time_ns() - start_cpu, time.perf_counter_ns() - start_wall
    return cpu / run, wall / run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20000, help="steps per repeat (the run)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tiny", action="store_true", help="2 repeats of 1100 steps")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if args.tiny:
        args.steps, args.repeats = 1100, 2
    warnings.filterwarnings("ignore", category=UserWarning, module="torch.optim.lr_scheduler")
    torch.set_num_threads(1)

    results = []
    print(f"PyTorch {torch.__version__}, Python {platform.python_version()}: "
          f"scheduler.step(), median of {args.repeats} x {args.steps} steps")
    print(f"{'scheduler':<28} {'CPU ns/step':>12} {'wall ns/step':>13}")
    for name in NAMES:
        times = [time_one(name, args.steps) for _ in range(args.repeats)]
        cpu = statistics.median(t[0] for t in times)
        wall = statistics.median(t[1] for t in times)
        results.append({"name": name, "ns_per_step": cpu, "wall_ns_per_step": wall,
                        "cpu_all": [t[0] for t in times]})
        print(f"{name:<28} {cpu:>12.0f} {wall:>13.0f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"torch": torch.__version__, "python": platform.python_version(),
                       "steps": args.steps, "repeats": args.repeats, "results": results},
                      out, indent=1)


if __name__ == "__main__":
    main()
