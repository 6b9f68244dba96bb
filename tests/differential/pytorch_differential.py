#!/usr/bin/env python3
"""Differential test of `lrsched eval --dialect pytorch` against the real PyTorch.

A seeded generator writes random valid configs for every torch.optim.lr_scheduler class
the pytorch dialect reads (and a few it must refuse). Each config runs through PyTorch
(SGD on one dummy parameter; the LR recorded is param_groups[0]['lr'] before each
optimizer step, the value update t uses) and through the lrsched command; the two are
compared at every step. A refusal by lrsched is counted by reason and must match a reason
in REFUSALS below (docs/peers.md lists the same table). The run fails on any mismatch, on
a refusal with an unlisted reason, on a refusal that claims PyTorch raises when it did
not, and on a config lrsched accepts that PyTorch rejects at construction.

usage: pytorch_differential.py LRSCHED [--seed N] [--per-class N] [--jobs N]
Standard library and torch only.
"""
import argparse
import collections
import json
import math
import multiprocessing
import random
import re
import subprocess
import sys
import time
import warnings

RTOL = 1e-9

# Why lrsched may refuse a config PyTorch would run. `torch_raises`: the reason says PyTorch
# itself raises on this config (checked: the stage fails if PyTorch ran it to the end).
REFUSALS = [
    # (key, pattern in lrsched's message, torch_raises)
    ("negative learning rate", r"learning rate >= 0|must be >= 0, got -", False),
    ("callable argument (LambdaLR, MultiplicativeLR)", r"takes a Python callable", False),
    ("ReduceLROnPlateau is not a schedule", r"ReduceLROnPlateau follows a metric", False),
    ("PyTorch divides by zero", r"PyTorch divides by zero", True),
    ("nested in SequentialLR: crashes PyTorch 1.13", r"crashes in PyTorch 1\.13", True),
    ("SequentialLR first in SequentialLR: stepped once more", r"steps its first scheduler once",
     False),
    ("SequentialLR milestones not increasing from 1", r"sequential_lr: milestones", False),
    ("OneCycleLR among SequentialLR's schedulers", r"is a OneCycleLR inside SequentialLR",
     False),
    ("ChainedScheduler child not a pure factor", r"must be a multiplicative scheduler", False),
    ("CyclicLR exp_range gamma outside (0, 1]", r"gamma must be in \(0, 1\] in mode exp_range",
     False),
    ("ExponentialLR gamma 0", r"exponential_lr: gamma must be finite and > 0", False),
    ("an argument PyTorch ignores in this configuration (e.g. CyclicLR gamma outside exp_range)",
     r"this argument has no effect here", False),
]

# PyTorch's recursive ("chainable") updates and its `1 + cos(x)` carry rounding that
# lrsched's closed forms do not: where the value falls far below the run's peak (a
# factor reaching 0, a cosine reaching eta_min = 0), PyTorch's error relative to the
# value grows without bound while staying a few ulps of the peak. A step that misses
# RTOL is accepted when it is within DRIFT of the largest LR PyTorch had reached so far;
# the table reports how many steps needed that and the largest such difference.
DRIFT = 1e-15

# ------------------------------------------------------------------ the generator


def pick(rng, *choices):
    return rng.choice(choices)


def base_lr(rng):
    r = rng.random()
    if r < 0.05:
        return pick(rng, 1e-12, 3e-10)
    if r < 0.10:
        return pick(rng, 1e6, 2.5e8)
    if r < 0.13:
        return 0.0
    return pick(rng, 0.1, 1.0, 3e-4, 1e-3, 0.05) if rng.random() < 0.5 else 10 ** rng.uniform(-6, 1)


def steps_default(rng):
    return pick(rng, 1, 2, 5, 17, 60, 200, 600)


def gen_step(rng):
    size = pick(rng, 1, 1, 2, 3, 7, 30, 100)
    gamma = pick(rng, 0.0, 0.1, 0.5, 0.9, 0.99, 1.0, 1.5, 2.0, rng.uniform(0, 1), rng.uniform(1, 3))
    n = steps_default(rng)
    if gamma > 1:  # keep gamma^(n / size) far from overflowing
        n = min(n, int(size * 150 / math.log(gamma)))
    return {"class": "StepLR", "args": {"step_size": size, "gamma": gamma}}, n


def gen_multistep(rng):
    n = steps_default(rng)
    k = pick(rng, 0, 1, 2, 3, 5)
    ms = [rng.randint(0, max(1, n)) for _ in range(k)]
    if ms and rng.random() < 0.3:
        ms.append(rng.choice(ms))  # a repeated milestone
    if rng.random() < 0.5:
        ms.sort()
    gamma = pick(rng, 0.0, 0.1, 0.5, 1.0, 2.0, rng.uniform(0, 1), rng.uniform(1, 4))
    return {"class": "MultiStepLR", "args": {"milestones": ms, "gamma": gamma}}, n


def gen_constant(rng):
    return {"class": "ConstantLR",
            "args": {"factor": pick(rng, 0.0, 1.0, 1 / 3, 0.5, rng.uniform(0, 1)),
                     "total_iters": pick(rng, 0, 1, 2, 5, rng.randint(0, 300))}}, steps_default(rng)


def gen_linear(rng):
    return {"class": "LinearLR",
            "args": {"start_factor": pick(rng, 0.0, 1.0, 1 / 3, 1e-3, rng.uniform(0.001, 1)),
                     "end_factor": pick(rng, 0.0, 1.0, 0.5, rng.uniform(0, 1)),
                     "total_iters": pick(rng, 0, 1, 2, 5, rng.randint(0, 300))}}, steps_default(rng)


def gen_exponential(rng):
    gamma = pick(rng, 0.0, 0.5, 0.9, 0.99, 0.999, 1.0, 1.01, 1.5, rng.uniform(0, 1))
    n = steps_default(rng)
    if gamma > 1:
        n = min(n, int(150 / math.log(gamma)))
    return {"class": "ExponentialLR", "args": {"gamma": gamma}}, n


def gen_polynomial(rng):
    return {"class": "PolynomialLR",
            "args": {"total_iters": pick(rng, 0, 1, 2, 5, rng.randint(0, 300)),
                     "power": pick(rng, 0.0, 0.5, 1.0, 2.0, 3.0, rng.uniform(0, 4))}}, steps_default(rng)


def gen_cosine(rng):
    t_max = pick(rng, 1, 2, 3, 10, 50, rng.randint(1, 400))
    n = rng.randint(1, 3 * t_max + 2)
    return {"class": "CosineAnnealingLR",
            "args": {"T_max": t_max, "eta_min": pick(rng, 0.0, "base", 1e-6, "half", "above")}}, n


def gen_warm_restarts(rng):
    return {"class": "CosineAnnealingWarmRestarts",
            "args": {"T_0": pick(rng, 1, 2, 5, 10, rng.randint(1, 100)),
                     "T_mult": pick(rng, 1, 1, 2, 3),
                     "eta_min": pick(rng, 0.0, "base", 1e-6, "half")}}, steps_default(rng)


def gen_cyclic(rng):
    b = base_lr(rng)
    up = pick(rng, 0, 1, 2, 5, 20, rng.randint(1, 300))
    args = {"base_lr": b, "max_lr": pick(rng, b * 10, b * 2, b, b / 2, rng.uniform(0, 1)),
            "step_size_up": up}
    r = rng.random()
    if r < 0.6:
        args["step_size_down"] = pick(rng, None, 0, 1, 3, rng.randint(0, 300))
    mode = pick(rng, "triangular", "triangular2", "exp_range")
    args["mode"] = mode
    if mode == "exp_range":
        args["gamma"] = pick(rng, 1.0, 0.999, 0.99, 0.9, rng.uniform(0.5, 1))
    elif rng.random() < 0.5:
        args["gamma"] = pick(rng, 0.5, 2.0, 0.0)  # ignored by PyTorch in these modes
    if rng.random() < 0.3:
        args["cycle_momentum"] = pick(rng, True, False)
    return {"class": "CyclicLR", "args": args}, steps_default(rng)


def gen_one_cycle(rng):
    total = pick(rng, 2, 3, 5, 10, 100, rng.randint(2, 1000))
    args = {"max_lr": base_lr(rng) or 0.1, "pct_start": pick(rng, 0.3, 0.25, 0.5, 0.9, 1.0, 0.0,
                                                                   rng.uniform(0, 1)),
            "anneal_strategy": pick(rng, "cos", "linear"),
            "div_factor": pick(rng, 25.0, 1.0, 10.0, 1e4),
            "final_div_factor": pick(rng, 1e4, 1.0, 100.0),
            "three_phase": pick(rng, False, True)}
    if rng.random() < 0.05:
        args["pct_start"] = 1 / total  # PyTorch divides by zero at step 0
    if rng.random() < 0.2 and total % 5 == 0:
        args["epochs"], args["steps_per_epoch"] = 5, total // 5
    else:
        args["total_steps"] = total
    # PyTorch allows `total_steps` steps plus one that continues the last curve, then raises.
    return {"class": "OneCycleLR", "args": args}, total


SIMPLE = [gen_step, gen_multistep, gen_constant, gen_linear, gen_exponential, gen_polynomial,
          gen_cosine, gen_warm_restarts]
CHAINABLE = [gen_step, gen_multistep, gen_constant, gen_linear, gen_exponential, gen_polynomial]


def gen_sequential(rng, depth=0):
    k = pick(rng, 2, 2, 3, 4)
    children = []
    for i in range(k):
        r = rng.random()
        if r < 0.08 and depth == 0:
            children.append(pick(rng, gen_sequential, gen_chained)(rng, depth + 1)[0])
        elif r < 0.16:
            children.append(gen_cyclic(rng)[0])
        elif r < 0.2:
            children.append(gen_one_cycle(rng)[0])
        elif r < 0.3:
            children.append({"class": "ConstantLR",
                             "args": {"factor": rng.uniform(0.05, 1), "total_iters": 0}})
        else:
            children.append(rng.choice(SIMPLE)(rng)[0])
    ms, at = [], 0
    for _ in range(k - 1):
        at += pick(rng, 1, 1, 2, 5, 30, 100)
        ms.append(at)
    if rng.random() < 0.05:
        ms[0] = 0
    if rng.random() < 0.05 and len(ms) > 1:
        ms[1] = ms[0]
    return {"class": "SequentialLR", "args": {"schedulers": children, "milestones": ms}}, \
        at + pick(rng, 1, 20, 200)


def gen_chained(rng, depth=0):
    k = pick(rng, 1, 2, 3)
    children = []
    for _ in range(k):
        r = rng.random()
        if r < 0.05 and depth == 0:
            children.append(gen_chained(rng, depth + 1)[0])
        elif r < 0.12:
            children.append({"class": "CosineAnnealingLR",
                             "args": {"T_max": rng.randint(1, 50), "eta_min": 0.0}})
        elif r < 0.15:
            children.append(gen_cyclic(rng)[0])
        else:
            children.append(rng.choice(CHAINABLE)(rng)[0])
    return {"class": "ChainedScheduler", "args": {"schedulers": children}}, steps_default(rng)


def gen_refused(name):
    def gen(rng):
        if name == "ReduceLROnPlateau":
            return {"class": name, "args": {"factor": 0.5, "patience": 3}}, 5
        return {"class": name, "args": {"lr_lambda": "lambda epoch: 0.95 ** epoch"}}, 5
    return gen


GENERATORS = {
    "StepLR": gen_step, "MultiStepLR": gen_multistep, "ConstantLR": gen_constant,
    "LinearLR": gen_linear, "ExponentialLR": gen_exponential, "PolynomialLR": gen_polynomial,
    "CosineAnnealingLR": gen_cosine, "CosineAnnealingWarmRestarts": gen_warm_restarts,
    "CyclicLR": gen_cyclic, "OneCycleLR": gen_one_cycle, "SequentialLR": gen_sequential,
    "ChainedScheduler": gen_chained, "LambdaLR": gen_refused("LambdaLR"),
    "MultiplicativeLR": gen_refused("MultiplicativeLR"),
    "ReduceLROnPlateau": gen_refused("ReduceLROnPlateau"),
}
REFUSE_ONLY = {"LambdaLR", "MultiplicativeLR", "ReduceLROnPlateau"}


def resolve(spec, lr):
    """Fills the eta_min placeholders relative to the base LR."""
    args = dict(spec["args"])
    if "schedulers" in args:
        args["schedulers"] = [resolve(c, lr) for c in args["schedulers"]]
    e = args.get("eta_min")
    if isinstance(e, str):
        args["eta_min"] = {"base": lr, "half": lr / 2, "above": lr * 1.5 + 1e-3}[e]
    return {"class": spec["class"], "args": args}


def make_cases(seed, per_class):
    rng = random.Random(seed)
    cases = []
    for name, gen in GENERATORS.items():
        count = 3 if name in REFUSE_ONLY else per_class
        for i in range(count):
            spec, n = gen(rng)
            lr = base_lr(rng)
            if i < 2 and name not in REFUSE_ONLY:
                lr = -abs(lr) - 0.01  # every torch optimizer rejects lr < 0
            cases.append({"cls": name, "lr": lr, "spec": resolve(spec, abs(lr)), "steps": max(n, 1),
                          "form": rng.choice(["hydra", "lightning"])})
    # A few long runs.
    long_runs = []
    for name, spec, n in [
            ("StepLR", {"class": "StepLR", "args": {"step_size": 1000, "gamma": 0.5}}, 10 ** 6),
            ("ExponentialLR", {"class": "ExponentialLR", "args": {"gamma": 0.99999}}, 300000),
            ("CosineAnnealingLR", {"class": "CosineAnnealingLR",
                                   "args": {"T_max": 250000, "eta_min": 1e-5}}, 10 ** 6),
            ("CyclicLR", {"class": "CyclicLR", "args": {"base_lr": 1e-4, "max_lr": 1e-2,
                                                         "step_size_up": 2000,
                                                         "mode": "triangular2"}}, 300000)]:
        long_runs.append({"cls": name, "lr": 0.1, "spec": spec, "steps": n, "form": "hydra"})
    return long_runs + cases  # the long runs first, so that the workers share them


# ------------------------------------------------------------------ the config


def to_config(spec, form):
    args = dict(spec["args"])
    if "schedulers" in args:
        args["schedulers"] = [to_config(c, form) for c in args["schedulers"]]
    target = "torch.optim.lr_scheduler." + spec["class"]
    if form == "hydra":
        return {"_target_": target, **args}
    return {"class_path": target, "init_args": args}


def document(case):
    opt = {"lr": case["lr"], "momentum": 0.9}
    if case["form"] == "hydra":
        optimizer = {"_target_": "torch.optim.SGD", **opt}
    else:
        optimizer = {"class_path": "torch.optim.SGD", "init_args": opt}
    return {"optimizer": optimizer, "lr_scheduler": to_config(case["spec"], case["form"])}


# ------------------------------------------------------------------ PyTorch


def build(torch, opt, spec):
    cls = getattr(torch.optim.lr_scheduler, spec["class"])
    args = dict(spec["args"])
    if spec["class"] == "ChainedScheduler":
        return cls([build(torch, opt, c) for c in args["schedulers"]])
    if spec["class"] == "SequentialLR":
        args["schedulers"] = [build(torch, opt, c) for c in args["schedulers"]]
    return cls(opt, **args)


def run_torch(torch, case):
    """(values, None) or (values so far, 'construction'|'step k: error')."""
    p = torch.zeros(1, requires_grad=True)
    try:
        opt = torch.optim.SGD([p], lr=case["lr"], momentum=0.9)
        sched = build(torch, opt, case["spec"])
    except Exception as e:  # noqa: BLE001 - any refusal by PyTorch counts
        return [], f"construction: {type(e).__name__}: {e}"
    values = []
    group = opt.param_groups[0]
    for t in range(case["steps"]):
        values.append(float(group["lr"]))
        if t + 1 == case["steps"]:
            break
        try:
            opt.step()
            sched.step()
        except Exception as e:  # noqa: BLE001
            return values, f"step {t + 1}: {type(e).__name__}: {e}"
    return values, None


# ------------------------------------------------------------------ lrsched


def run_lrsched(exe, case):
    proc = subprocess.run([exe, "eval", "-", "--dialect", "pytorch", "--steps",
                           f"0:{case['steps']}"], input=json.dumps(document(case)),
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return None, proc.stderr.strip()
    return [float(x) for x in proc.stdout.split()], None


def refusal_reason(message):
    for key, pattern, torch_raises in REFUSALS:
        if re.search(pattern, message):
            return key, torch_raises
    return None, False


def cut_off(case, message):
    """Whether the refused scheduler is a SequentialLR child, which its milestone may stop
    before it reaches the step where PyTorch would raise."""
    return case["spec"]["class"] == "SequentialLR" and "/schedulers/" in message


def close(a, b):
    if a == b or (math.isnan(a) and math.isnan(b)):
        return True
    return abs(a - b) <= RTOL * max(abs(a), abs(b))


def check(args):
    exe, case = args
    import torch  # imported in the worker
    torch.set_num_threads(1)
    warnings.simplefilter("ignore")
    out = {"cls": case["cls"], "status": None, "detail": "", "compared": 0, "max_rel": 0.0,
           "drift_steps": 0, "max_drift": 0.0}
    mine, message = run_lrsched(exe, case)
    if case["cls"] in REFUSE_ONLY:
        theirs, raised = [], "not run (needs a callable or a metric)"
    else:
        theirs, raised = run_torch(torch, case)
    if mine is None:
        key, claims_raise = refusal_reason(message)
        if key is None:
            out.update(status="FAIL", detail=f"refusal not in the allow-list: {message}")
        elif claims_raise and raised is None and not cut_off(case, message) and run_torch(
                torch, dict(case, steps=case["steps"] + 1000))[1] is None:
            out.update(status="FAIL", detail=f"refused as '{key}' but PyTorch ran it: {message}")
        else:
            out.update(status="refused", detail=key)
        return out
    if raised is not None and raised.startswith("construction"):
        out.update(status="FAIL", detail=f"lrsched accepts what PyTorch rejects: {raised}")
        return out
    n = len(theirs)
    if len(mine) < n:
        out.update(status="FAIL", detail=f"lrsched printed {len(mine)} values for {n} steps")
        return out
    peak = 0.0
    for t in range(n):
        a, b = theirs[t], mine[t]
        peak = max(peak, abs(a))
        if a != b and close(a, b):
            out["max_rel"] = max(out["max_rel"], abs(a - b) / max(abs(a), abs(b)))
        if not close(a, b) and abs(a - b) <= DRIFT * peak:
            out["drift_steps"] += 1
            out["max_drift"] = max(out["max_drift"], abs(a - b) / peak)
        elif not close(a, b):
            out.update(status="FAIL", detail=f"step {t}: PyTorch {a!r}, lrsched {b!r}",
                       compared=t)
            return out
    out["compared"] = n
    out["status"] = "compared" if raised is None else "compared (PyTorch raises later)"
    if raised is not None:
        out["detail"] = raised
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lrsched")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--per-class", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=5, help="failures shown per class")
    a = parser.parse_args()
    started = time.monotonic()
    cases = make_cases(a.seed, a.per_class)
    with multiprocessing.Pool(a.jobs) as pool:
        results = pool.map(check, [(a.lrsched, c) for c in cases], chunksize=1)
    table = collections.OrderedDict((name, collections.Counter()) for name in GENERATORS)
    reasons = collections.OrderedDict((name, collections.Counter()) for name in GENERATORS)
    max_rel = collections.defaultdict(float)
    drift = collections.defaultdict(lambda: [0, 0.0])
    steps = collections.Counter()
    failures = collections.defaultdict(list)
    for case, r in zip(cases, results):
        c = table[r["cls"]]
        c["configs"] += 1
        steps[r["cls"]] += r["compared"]
        max_rel[r["cls"]] = max(max_rel[r["cls"]], r["max_rel"])
        drift[r["cls"]][0] += r["drift_steps"]
        drift[r["cls"]][1] = max(drift[r["cls"]][1], r["max_drift"])
        if r["status"] == "FAIL":
            c["FAIL"] += 1
            failures[r["cls"]].append((r["detail"], document(case), case["steps"]))
        elif r["status"] == "refused":
            c["refused"] += 1
            reasons[r["cls"]][r["detail"]] += 1
        else:
            c["compared"] += 1
            if r["status"] != "compared":
                c["peer raises"] += 1
    print(f"{'class':29} {'configs':>7} {'compared':>8} {'steps':>9} {'max rel':>8} "
          f"{'fail':>4}  refused by reason")
    for name, c in table.items():
        why = "; ".join(f"{k}: {v}" for k, v in sorted(reasons[name].items())) or "-"
        print(f"{name:29} {c['configs']:7} {c['compared']:8} {steps[name]:9} "
              f"{max_rel[name]:8.1e} {c['FAIL']:4}  {why}")
        if c["peer raises"]:
            print(f"{'':29} ({c['peer raises']} compared up to the step where PyTorch raises)")
        if drift[name][0]:
            print(f"{'':29} ({drift[name][0]} steps within PyTorch's drift: "
                  f"<= {drift[name][1]:.1e} of the peak LR)")
    total_fail = sum(c["FAIL"] for c in table.values())
    for name, items in failures.items():
        for detail, doc, n in items[:a.show]:
            print(f"FAIL {name} ({n} steps): {detail}\n     {json.dumps(doc)}")
        if len(items) > a.show:
            print(f"FAIL {name}: {len(items) - a.show} more")
    print(f"{len(cases)} configs, {sum(steps.values())} steps compared at {RTOL:g} relative, "
          f"{total_fail} failures, {time.monotonic() - started:.1f} s")
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
