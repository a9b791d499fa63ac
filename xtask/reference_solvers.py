#!/usr/bin/env python3
"""Reference solvers for the scheduling benchmark (`cargo xtask bench schedule`).

Reads a problem file in the format of `clusterbridge schedule` (see README.md, "Scheduling
files"), solves it with OR-tools CP-SAT or HiGHS and writes a result JSON. Standard library plus
`ortools` and `highspy` only (the benchmark installs both in target/bench-venv).

Two models, both time-indexed (one 0/1 variable x[r,s] per request and feasible slot):

* weight (problems without `place_all`): maximise the priority-weighted number of placed
  meetings subject to the hard constraints (availability, allowed slots, pins, one meeting per
  participant and slot, tables per slot, at most one placed request per participant set). Only
  objective (1) is optimised; fairness and breaks of the result are reported, not optimised.
  CP-SAT can be hinted with a schedule (`--hint`, e.g. the greedy one).
* breaks (problems with `place_all`): every request placed, minimise the total of breaks.
  busy b[p,s] = sum of x over p's requests; run starts st[p,s] >= b[p,s] - b[p,s-1];
  y_p = sum_s st[p,s] - 1 is p's breaks for every participant with a meeting; objective sum y_p.
  Implied constraints: st[p,s] <= b[p,s], st[p,s] <= 1 - b[p,s-1]; y_p >= (fewest maximal runs
  of p's possible slots that can hold all of p's meetings) - 1; and the pair cuts
  y_p >= b[p,s] + b[p,t] - 1 for t - s >= k_p (p's number of meetings): two busy slots that far
  apart cannot lie in one run. The pair cuts are what lets CP-SAT prove the minimum on the
  smaller forums (`--no-pair-cuts` leaves them out).

Result JSON: {"solver", "mode", "status", "optimal", "meetings": [{"request", "slot", "table"}],
"placed", "placed_weight", "weight_bound" (weight mode), "breaks", "breaks_bound" (breaks mode),
"worst_shortfall", "variables", "build_seconds", "solve_seconds", "seconds", "message"}.
`status` is one of optimal, feasible, infeasible, no_solution (nothing found within the limit),
too_large (the --max-vars guard), error.
"""

import argparse
import json
import math
import os
import sys
import time

T0 = time.monotonic()


def load_problem(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    slots = [s["id"] for s in d["slots"]]
    sidx = {s: i for i, s in enumerate(slots)}
    ns = len(slots)
    if "tables" in d:
        tables = [int(d["tables"])] * ns
    else:
        tables = [int(d["tables_per_slot"][s]) for s in slots]
    parts, pidx = [], {}
    for p in d["participants"]:
        av = {sidx[s] for s in p["available"]} if p.get("available") is not None else set(range(ns))
        pidx[p["id"]] = len(parts)
        parts.append({"id": p["id"], "avail": av})
    reqs = []
    for r in d["requests"]:
        ps = [pidx[x] for x in r["participants"]]
        allowed = {sidx[s] for s in r["allowed_slots"]} if r.get("allowed_slots") is not None else None
        pin = r.get("pinned")
        feasible = [
            s
            for s in range(ns)
            if tables[s] > 0 and (allowed is None or s in allowed) and all(s in parts[p]["avail"] for p in ps)
        ]
        pin_slot = sidx[pin["slot"]] if pin else None
        feas = feasible if pin_slot is None else [s for s in feasible if s == pin_slot]
        reqs.append(
            {
                "id": r["id"],
                "parts": ps,
                "w": int(r.get("priority") or 1),
                "feas": feas,
                "any_feasible": bool(feasible),
                "pin_slot": pin_slot,
                "pin_table": pin.get("table") if pin else None,
            }
        )
    place_all = bool((d.get("objective") or {}).get("place_all", False))
    return {"slots": slots, "sidx": sidx, "tables": tables, "parts": parts, "reqs": reqs, "place_all": place_all}


def runs_lower_bound(possible, k):
    """Fewest maximal runs of the sorted slot list `possible` that hold k busy slots."""
    if k <= 0:
        return 0
    segs, cur, prev = [], 0, None
    for s in possible:
        if prev is not None and s == prev + 1:
            cur += 1
        else:
            if cur:
                segs.append(cur)
            cur = 1
        prev = s
    if cur:
        segs.append(cur)
    segs.sort(reverse=True)
    total, n = 0, 0
    for L in segs:
        total += L
        n += 1
        if total >= k:
            return n
    return n


class Model:
    """A small linear model that both back ends translate: 0/1 or continuous [0,1] columns, rows
    lo <= sum coef*var <= hi, one linear objective."""

    def __init__(self):
        self.ncols = 0
        self.integer = []
        self.lo = []
        self.ub = []
        self.cost = []
        self.rows = []  # (indices, coefs, lo, hi)
        self.fixed = []  # (col, value)
        self.offset = 0
        self.maximize = False

    def col(self, integer=True, cost=0, lo=0, ub=1):
        self.lo.append(lo)
        self.ub.append(ub)
        self.integer.append(integer)
        self.cost.append(cost)
        self.ncols += 1
        return self.ncols - 1

    def row(self, idx, coef, lo, hi):
        self.rows.append((idx, coef, lo, hi))


def build(P, mode, integer_starts, pair_cuts=False):
    ns, reqs, parts = len(P["slots"]), P["reqs"], P["parts"]
    m = Model()
    m.maximize = mode == "weight"
    x = {}
    for ri, r in enumerate(reqs):
        for s in r["feas"]:
            x[ri, s] = m.col(True, r["w"] if mode == "weight" else 0)
    # Each request at most (exactly, when everything must be placed) once; pins.
    for ri, r in enumerate(reqs):
        cols = [x[ri, s] for s in r["feas"]]
        if r["pin_slot"] is not None and cols:
            m.fixed.append((cols[0], 1))
        if mode == "breaks":
            m.row(cols, [1] * len(cols), 1, 1)
        elif len(cols) > 1:
            m.row(cols, [1] * len(cols), 0, 1)
    # One placed request per participant set.
    groups = {}
    for ri, r in enumerate(reqs):
        groups.setdefault(tuple(sorted(r["parts"])), []).append(ri)
    for members in groups.values():
        if len(members) > 1:
            cols = [x[ri, s] for ri in members for s in reqs[ri]["feas"]]
            m.row(cols, [1] * len(cols), 0, 1)
    # Participant and slot.
    by_ps = {}
    for (ri, s), c in x.items():
        for p in reqs[ri]["parts"]:
            by_ps.setdefault((p, s), []).append(c)
    for cols in by_ps.values():
        if len(cols) > 1:
            m.row(cols, [1] * len(cols), 0, 1)
    # Tables.
    by_s = {}
    for (ri, s), c in x.items():
        by_s.setdefault(s, []).append(c)
    for s, cols in by_s.items():
        if len(cols) > P["tables"][s]:
            m.row(cols, [1] * len(cols), 0, P["tables"][s])
    breaks_info = None
    if mode == "breaks":
        nreq = [0] * len(parts)
        for r in reqs:
            for p in r["parts"]:
                nreq[p] += 1
        lb_total = 0
        for p in range(len(parts)):
            if nreq[p] == 0:
                continue
            busy = {s: by_ps.get((p, s), []) for s in range(ns)}
            possible = [s for s in range(ns) if busy[s]]
            if not possible:
                continue
            lb = max(runs_lower_bound(possible, nreq[p]), 1)
            lb_total += lb - 1
            # y = breaks of p = (number of run starts) - 1, at least lb - 1.
            y = m.col(integer=True, cost=1, lo=lb - 1, ub=len(possible))
            sts = []
            for s in possible:
                st = m.col(integer=integer_starts)
                sts.append(st)
                cur = busy[s]
                prev = busy[s - 1] if s > 0 else []
                # st >= b[s] - b[s-1]
                m.row([st] + cur + prev, [1] + [-1] * len(cur) + [1] * len(prev), 0, None)
                # Implied: st <= b[s], st <= 1 - b[s-1].
                m.row([st] + cur, [1] + [-1] * len(cur), None, 0)
                if prev:
                    m.row([st] + prev, [1] * (1 + len(prev)), None, 1)
            m.row([y] + sts, [1] + [-1] * len(sts), -1, -1)
            if pair_cuts:
                # Implied: two busy slots at least k apart lie in different runs (a run holds at
                # most k meetings), so y >= b[s] + b[t] - 1.
                k = nreq[p]
                for i, s in enumerate(possible):
                    for t in possible[i + 1 :]:
                        if t - s >= k:
                            m.row([y] + busy[s] + busy[t], [1] + [-1] * (len(busy[s]) + len(busy[t])), -1, None)
        breaks_info = {"runs_lb": lb_total}
    return m, x, breaks_info



def read_hint(path, P):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    ridx = {r["id"]: i for i, r in enumerate(P["reqs"])}
    out = {}
    for mt in d.get("meetings", []):
        if mt["request"] in ridx and mt["slot"] in P["sidx"]:
            out[ridx[mt["request"]]] = P["sidx"][mt["slot"]]
    return out


def solve_cpsat(P, m, x, limit, threads, hint, params=""):
    from ortools.sat.python import cp_model

    cm = cp_model.CpModel()
    v = [cm.NewBoolVar("") if (m.lo[i], m.ub[i]) == (0, 1) else cm.NewIntVar(m.lo[i], m.ub[i], "") for i in range(m.ncols)]
    for c, val in m.fixed:
        cm.Add(v[c] == val)
    for idx, coef, lo, hi in m.rows:
        if all(k == 1 for k in coef) and (lo is None or lo <= 0) and hi == 1:
            cm.AddAtMostOne([v[i] for i in idx])
        elif all(k == 1 for k in coef) and lo == 1 and hi == 1:
            cm.AddExactlyOne([v[i] for i in idx])
        else:
            e = cp_model.LinearExpr.WeightedSum([v[i] for i in idx], coef)
            if lo is not None and hi is not None:
                cm.AddLinearConstraint(e, lo, hi)
            elif lo is not None:
                cm.Add(e >= lo)
            else:
                cm.Add(e <= hi)
    obj = cp_model.LinearExpr.WeightedSum(
        [v[i] for i in range(m.ncols) if m.cost[i]], [m.cost[i] for i in range(m.ncols) if m.cost[i]]
    )
    if m.maximize:
        cm.Maximize(obj)
    else:
        cm.Minimize(obj)
    if hint:
        for (ri, s), c in x.items():
            cm.AddHint(v[c], hint.get(ri) == s)
    build_s = time.monotonic() - T0
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(limit, 0.1)
    solver.parameters.num_workers = threads
    for item in filter(None, params.split(",")):
        k, val = item.split("=", 1)
        cur = getattr(solver.parameters, k)
        setattr(solver.parameters, k, (val.lower() == "true") if isinstance(cur, bool) else type(cur)(val))
    t = time.monotonic()
    status = solver.Solve(cm)
    solve_s = time.monotonic() - t
    names = {
        cp_model.OPTIMAL: "optimal",
        cp_model.FEASIBLE: "feasible",
        cp_model.INFEASIBLE: "infeasible",
        cp_model.UNKNOWN: "no_solution",
        cp_model.MODEL_INVALID: "error",
    }
    st = names.get(status, "error")
    assign = None
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        assign = {ri: s for (ri, s), c in x.items() if solver.Value(v[c])}
    bound = solver.BestObjectiveBound() if status != cp_model.INFEASIBLE else None
    return st, assign, bound, build_s, solve_s


def solve_highs(P, m, x, limit, threads, hint):
    import highspy
    import numpy as np

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(max(limit, 0.1)))
    h.setOptionValue("threads", int(threads))
    inf = highspy.kHighsInf
    lower = np.array(m.lo, dtype=np.float64)
    upper = np.array(m.ub, dtype=np.float64)
    for c, val in m.fixed:
        lower[c] = val
        upper[c] = val
    h.addVars(m.ncols, lower, upper)
    ints = [i for i in range(m.ncols) if m.integer[i]]
    if ints:
        h.changeColsIntegrality(
            len(ints), np.array(ints, dtype=np.int32), np.full(len(ints), highspy.HighsVarType.kInteger)
        )
    h.changeColsCost(m.ncols, np.arange(m.ncols, dtype=np.int32), np.array(m.cost, dtype=np.float64))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize if m.maximize else highspy.ObjSense.kMinimize)
    starts, index, value, lo, hi = [], [], [], [], []
    for idx, coef, rlo, rhi in m.rows:
        starts.append(len(index))
        index.extend(idx)
        value.extend(coef)
        lo.append(-inf if rlo is None else rlo)
        hi.append(inf if rhi is None else rhi)
    h.addRows(
        len(m.rows),
        np.array(lo, dtype=np.float64),
        np.array(hi, dtype=np.float64),
        len(index),
        np.array(starts, dtype=np.int32),
        np.array(index, dtype=np.int32),
        np.array(value, dtype=np.float64),
    )
    build_s = time.monotonic() - T0
    t = time.monotonic()
    h.run()
    solve_s = time.monotonic() - t
    ms = h.getModelStatus()
    info = h.getInfo()
    has = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if ms == highspy.HighsModelStatus.kOptimal:
        st = "optimal"
    elif ms == highspy.HighsModelStatus.kInfeasible:
        st = "infeasible"
    elif has:
        st = "feasible"
    else:
        st = "no_solution"
    assign = None
    if has:
        col = h.getSolution().col_value
        assign = {ri: s for (ri, s), c in x.items() if col[c] > 0.5}
    bound = info.mip_dual_bound if st != "infeasible" else None
    if bound is not None and abs(bound) >= 1e30:
        bound = None
    return st, assign, bound, build_s, solve_s


def figures(P, assign):
    ns, reqs, parts = len(P["slots"]), P["reqs"], P["parts"]
    busy = [[False] * ns for _ in parts]
    count = [0] * len(parts)
    for ri, s in assign.items():
        for p in reqs[ri]["parts"]:
            busy[p][s] = True
            count[p] += 1
    breaks = 0
    for row in busy:
        seen = gap = False
        for b in row:
            if b:
                if seen and gap:
                    breaks += 1
                seen, gap = True, False
            elif seen:
                gap = True
    nreq = [0] * len(parts)
    for r in reqs:
        if r["any_feasible"]:
            for p in r["parts"]:
                nreq[p] += 1
    worst = max((max(min(nreq[p], len(parts[p]["avail"])) - count[p], 0) for p in range(len(parts))), default=0)
    # Tables: pinned tables first, then the lowest free numbers.
    by_slot = {}
    for ri, s in sorted(assign.items()):
        by_slot.setdefault(s, []).append(ri)
    meetings = []
    for s, rs in sorted(by_slot.items()):
        taken = {reqs[ri]["pin_table"] for ri in rs if reqs[ri]["pin_table"]}
        nxt = 1
        for ri in rs:
            t = reqs[ri]["pin_table"]
            if not t:
                while nxt in taken:
                    nxt += 1
                t = nxt
                taken.add(t)
            meetings.append({"request": reqs[ri]["id"], "slot": P["slots"][s], "table": t})
    weight = sum(reqs[ri]["w"] for ri in assign)
    return meetings, weight, breaks, worst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--problem", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--solver", choices=["cpsat", "highs"], required=True)
    ap.add_argument("--time-limit", type=float, default=10.0, help="the solver's own limit (model building excluded)")
    ap.add_argument("--mode", choices=["auto", "weight", "breaks"], default="auto")
    ap.add_argument("--hint", help="solution JSON whose meetings hint CP-SAT")
    ap.add_argument("--threads", type=int, default=8, help="CP-SAT workers / HiGHS threads")
    ap.add_argument("--no-pair-cuts", action="store_true", help="breaks mode: leave out the pair cuts")
    ap.add_argument("--params", default="", help="extra CP-SAT parameters, name=value,...")
    ap.add_argument("--max-vars", type=int, default=600_000, help="guard: skip larger time-indexed models")
    a = ap.parse_args()
    P = load_problem(a.problem)
    mode = a.mode if a.mode != "auto" else ("breaks" if P["place_all"] else "weight")
    nvars = sum(len(r["feas"]) for r in P["reqs"])
    res = {"solver": a.solver, "mode": mode, "variables": nvars, "optimal": False, "meetings": []}

    def finish():
        res["seconds"] = round(time.monotonic() - T0, 3)
        tmp = a.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(res, f)
        os.replace(tmp, a.out)

    if nvars > a.max_vars:
        res.update(status="too_large", message=f"{nvars} time-indexed variables exceed the guard of {a.max_vars}")
        finish()
        return
    # HiGHS: run starts may be continuous (integral at an optimum once x is); CP-SAT: booleans.
    m, x, binfo = build(P, mode, integer_starts=a.solver == "cpsat", pair_cuts=not a.no_pair_cuts)
    hint = read_hint(a.hint, P) if a.hint and a.solver == "cpsat" else None
    try:
        if a.solver == "cpsat":
            st, assign, bound, build_s, solve_s = solve_cpsat(P, m, x, a.time_limit, a.threads, hint, a.params)
        else:
            st, assign, bound, build_s, solve_s = solve_highs(P, m, x, a.time_limit, a.threads, hint)
    except Exception as e:  # noqa: BLE001 - report any solver failure in the result
        res.update(status="error", message=f"{type(e).__name__}: {e}")
        finish()
        return
    res.update(status=st, optimal=st == "optimal", build_seconds=round(build_s, 3), solve_seconds=round(solve_s, 3))
    if binfo:
        res["runs_lower_bound_breaks"] = binfo["runs_lb"]
    if assign is not None:
        meetings, weight, breaks, worst = figures(P, assign)
        res.update(meetings=meetings, placed=len(meetings), placed_weight=weight, breaks=breaks, worst_shortfall=worst)
    if bound is not None:
        if mode == "weight":
            res["weight_bound"] = math.floor(bound + 1e-6)
        else:
            res["breaks_bound"] = max(math.ceil(bound + m.offset - 1e-6), 0)
    finish()


if __name__ == "__main__":
    sys.exit(main())
