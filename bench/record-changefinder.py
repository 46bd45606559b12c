#!/usr/bin/env python3
"""Records reference vectors for src/core/analysis/changefinder.ts from the Python package
`changefinder` (the implementation LogonTracer uses), into test/fixtures/changefinder/*.json.

    python3 -m venv /tmp/cfvenv && /tmp/cfvenv/bin/pip install changefinder==0.3
    /tmp/cfvenv/bin/python bench/record-changefinder.py
    npx prettier --write test/fixtures/changefinder

The package starts each SDAR stage at np.random.random() values: we seed NumPy, build the
ChangeFinder, and record those initial values (mu1, sigma1, mu2, sigma2) with the vector so that
the TypeScript side can start from the same state. Series come from a separate seeded generator.
Each vector is run the way LogonTracer's adetection() runs it: warm-up on a series (the
population mean), then the scores of the account's series.
"""
import json
import math
import os
import sys

import numpy as np
import changefinder

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "changefinder")


def record(name, warmup, series, seed, r=0.04, order=1, smooth=5, note=""):
    np.random.seed(seed)
    cf = changefinder.ChangeFinder(r=r, order=order, smooth=smooth)
    init = {
        "mu1": float(cf._sdar_first._mu),
        "sigma1": float(cf._sdar_first._sigma),
        "mu2": float(cf._sdar_second._mu),
        "sigma2": float(cf._sdar_second._sigma),
    }
    warm_scores = [float(cf.update(x)) for x in warmup]
    scores = []
    for x in series:
        s = float(cf.update(x))
        if not math.isfinite(s):
            sys.exit(f"{name}: the reference returned {s}; pick another series")
        scores.append(s)
    doc = {
        "name": name,
        "note": note,
        "generator": f"bench/record-changefinder.py, changefinder {getattr(changefinder, '__version__', '0.3')}, numpy {np.__version__}",
        "params": {"r": r, "order": order, "smooth": smooth},
        "seed": seed,
        "init": init,
        "warmup": [float(x) for x in warmup],
        "warmupScores": warm_scores,
        "series": [float(x) for x in series],
        "scores": scores,
    }
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"{name}: {len(warmup)} warm-up + {len(series)} values, max score {max(scores + [0.0]):.6f}")


def main():
    os.makedirs(OUT, exist_ok=True)
    g = np.random.RandomState(20211203)
    hours = 96
    # A population of 20 accounts with daily rhythm; one account bursts.
    base = np.array([3 + 3 * math.sin(2 * math.pi * h / 24) for h in range(hours)])
    accounts = np.array([g.poisson(np.maximum(base, 0.2)) for _ in range(20)], dtype=float)
    mean = accounts.mean(axis=0)
    burst = accounts[0].copy()
    burst[60:63] += [15, 25, 12]
    record("population-burst", mean.tolist(), burst.tolist(), seed=1, note="daily rhythm, one burst at hours 60-62")
    record("population-quiet", mean.tolist(), accounts[1].tolist(), seed=2, note="an ordinary account")
    record("no-warmup", [], accounts[2].tolist(), seed=3, note="no warm-up")
    sparse = np.zeros(hours)
    sparse[[5, 30, 31, 70]] = [1, 4, 2, 1]
    record("sparse", mean.tolist(), sparse.tolist(), seed=4, note="mostly zero hours")
    record("constant", [2.0] * 24, [2.0] * 48, seed=5, note="a flat series")
    record("smooth-7", mean.tolist(), burst.tolist(), seed=6, smooth=7, r=0.1, note="other parameters: r 0.1, smooth 7 (second window 4)")
    record("short", [1.0, 2.0], [3.0, 0.0, 1.0, 5.0, 2.0, 0.0, 0.0, 9.0], seed=7, note="windows barely filled")


if __name__ == "__main__":
    main()
