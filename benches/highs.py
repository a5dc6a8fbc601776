#!/usr/bin/env python3
"""Solves the planner's benchmark instances with HiGHS, to compare with bundlecalc's
own solver on the same covering problems (benchmarks and checks only: never
needed to build or test bundlecalc).

    pip install highspy
    cargo run --release --example instances -- /tmp/instances
    python3 benches/highs.py /tmp/instances [N ...]   (only instances N...)

For each instance: the total time HiGHS takes over its problems (gap 0, one
thread) and the sum of their optima, in the planner's folded units (fen × K + 1
per purchase), which must equal bundlecalc's.
"""

import glob
import json
import sys
import time

import highspy
import numpy as np


def solve(problem):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    h.setOptionValue("threads", 1)
    inf = highspy.kHighsInf
    columns = problem["columns"]
    demand = problem["demand"]
    rows = len(demand) + len(problem["limits"])
    entries = [[] for _ in columns]
    for j, column in enumerate(columns):
        for row, seats in column["rows"]:
            entries[j].append((row, float(min(seats, demand[row]))))
    for at, limit in enumerate(problem["limits"]):
        for j in limit["columns"]:
            entries[j].append((len(demand) + at, 1.0))
    lower = [float(d) for d in demand] + [-inf] * len(problem["limits"])
    upper = [inf] * len(demand) + [float(l["at_most"]) for l in problem["limits"]]
    h.addRows(rows, np.array(lower), np.array(upper), 0, np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
    for j, column in enumerate(columns):
        most = column["max_copies"]
        idx = np.array([r for r, _ in entries[j]], dtype=np.int32)
        val = np.array([v for _, v in entries[j]])
        h.addCol(float(int(column["cost"])), 0.0, inf if most is None else float(most), len(idx), idx, val)
    h.changeColsIntegrality(len(columns), np.arange(len(columns), dtype=np.int32),
                            np.array([highspy.HighsVarType.kInteger] * len(columns)))
    started = time.perf_counter()
    h.run()
    elapsed = time.perf_counter() - started
    return elapsed, round(h.getInfo().objective_function_value)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/instances"
    only = {int(n) for n in sys.argv[2:]}
    for path in sorted(glob.glob(f"{folder}/*.json"), key=lambda p: int(p.split("/")[-1][:-5])):
        if only and int(path.split("/")[-1][:-5]) not in only:
            continue
        with open(path) as f:
            instance = json.load(f)
        total_time, total_cost = 0.0, 0
        for problem in instance["problems"]:
            elapsed, cost = solve(problem)
            total_time += elapsed
            total_cost += cost
        print(f"{instance['name']}: {len(instance['problems'])} problem(s), "
              f"HiGHS {total_time * 1000:.1f} ms, optimum {total_cost}")


if __name__ == "__main__":
    main()
