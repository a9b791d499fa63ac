//! Upper bounds on objective (1), the placed weight.
//!
//! The reported bound is the minimum of several valid bounds:
//!
//! * **total**: the sum over duplicate groups of the heaviest member that has
//!   a feasible slot;
//! * **capacity**: the heaviest `C` groups, where `C = Σ_s min(tables_s,
//!   ⌊active participants in s / 2⌋)` (every meeting has at least two
//!   participants);
//! * **participant**: half the sum over participants of their heaviest
//!   `cap_p` groups, where `cap_p` is the size of a maximum matching between
//!   the participant's groups and their feasible slots;
//! * **Lagrangian** (time-indexed LP dual): for any multipliers `y[p,s] ≥ 0`
//!   (participant `p` busy in slot `s`) and `u[s] ≥ 0` (tables of `s`),
//!   `Σ_g max(0, max_{r∈g, s∈F_r} w_r − Σ_{p∈r} y[p,s] − u[s]) + Σ y +
//!   Σ tables_s·u[s]` bounds the optimum. The multipliers start from
//!   participant prices, are improved by block coordinate descent (the
//!   optimal `y[p,·]` given the rest are the slot duals of a max-weight
//!   assignment of `p`'s groups to slots: Hungarian method plus least dual
//!   prices by Bellman-Ford), then by projected subgradient steps with a
//!   volume-style averaged direction. All values are exact fixed-point
//!   integers, so the floor of the value is always a valid bound;
//! * **flow** (only when every request has two participants and the
//!   participant graph is bipartite): for each priority level `k`, a maximum
//!   flow bounds the number of meetings of priority `≥ k` (b-matching with
//!   `b_p = cap_p` plus the total table capacity); the weight is at most
//!   `Σ_k (v_k − v_{k−1})·N_k`. On the bipartite full-availability family
//!   this equals `min(tables·slots, maximum T-matching)`, the true optimum.

use crate::flow::Flow;
use crate::prep::{bits, Inst, NONE};

/// Duplicate groups in their bound-relevant form.
pub(crate) struct Groups {
    /// Representative request (for the participant list).
    pub rep: Vec<u32>,
    /// Union of the effective feasible slots of the members.
    pub feas: Vec<u64>,
    /// Heaviest member weight with an effective feasible slot.
    pub weight: Vec<u64>,
    /// Group index of every request (or `NONE`).
    pub of_request: Vec<u32>,
}

/// Effective feasible slots for bounding: the pin slot for pinned requests,
/// nothing for requests whose duplicate group has another pinned member.
pub(crate) fn effective_feas(inst: &Inst, pinned_group: &[bool], r: usize, out: &mut [u64]) {
    out.iter_mut().for_each(|w| *w = 0);
    if inst.pin[r] != NONE {
        let s = inst.pin[r] as usize;
        out[s / 64] |= 1 << (s % 64);
    } else if !pinned_group[inst.group[r] as usize] {
        out.copy_from_slice(inst.feas(r));
    }
}

pub(crate) fn pinned_groups(inst: &Inst) -> Vec<bool> {
    let mut pg = vec![false; inst.nr];
    for r in 0..inst.nr {
        if inst.pin[r] != NONE {
            pg[inst.group[r] as usize] = true;
        }
    }
    pg
}

impl Groups {
    pub(crate) fn new(inst: &Inst) -> Groups {
        let nw = inst.nw;
        let pg = pinned_groups(inst);
        let mut idx = vec![NONE; inst.nr];
        let mut g = Groups { rep: Vec::new(), feas: Vec::new(), weight: Vec::new(), of_request: vec![NONE; inst.nr] };
        let mut f = vec![0u64; nw];
        for r in 0..inst.nr {
            effective_feas(inst, &pg, r, &mut f);
            if f.iter().all(|&w| w == 0) {
                continue;
            }
            let gid = inst.group[r] as usize;
            if idx[gid] == NONE {
                idx[gid] = g.rep.len() as u32;
                g.rep.push(r as u32);
                g.feas.extend_from_slice(&f);
                g.weight.push(0);
            }
            let i = idx[gid] as usize;
            g.of_request[r] = i as u32;
            for w in 0..nw {
                g.feas[i * nw + w] |= f[w];
            }
            g.weight[i] = g.weight[i].max(inst.weight[r]);
        }
        g
    }

    pub(crate) fn len(&self) -> usize {
        self.rep.len()
    }
}

/// Maximum number of groups of each participant that can be placed at
/// distinct slots (bipartite matching groups ↔ slots, Kuhn's algorithm).
pub(crate) fn participant_caps(inst: &Inst, groups: &Groups) -> Vec<u32> {
    let nw = inst.nw;
    let mut of_p: Vec<Vec<u32>> = vec![Vec::new(); inst.np];
    for g in 0..groups.len() {
        for &p in inst.parts(groups.rep[g] as usize) {
            of_p[p as usize].push(g as u32);
        }
    }
    let mut slot_match = vec![NONE; inst.ns];
    let mut seen = vec![0u32; inst.ns];
    let mut stamp = 0u32;
    let mut caps = vec![0u32; inst.np];
    for p in 0..inst.np {
        let gs = &of_p[p];
        if gs.is_empty() {
            continue;
        }
        let mut union = vec![0u64; nw];
        for &g in gs {
            for w in 0..nw {
                union[w] |= groups.feas[g as usize * nw + w];
            }
        }
        let nslots: u32 = union.iter().map(|x| x.count_ones()).sum();
        if gs.len() <= 1 {
            caps[p] = (gs.len() as u32).min(nslots);
            continue;
        }
        for s in bits(&union) {
            slot_match[s] = NONE;
        }
        let mut size = 0;
        for i in 0..gs.len() {
            stamp += 1;
            if kuhn(i, gs, groups, nw, &mut slot_match, &mut seen, stamp) {
                size += 1;
            }
            if size == nslots {
                break;
            }
        }
        caps[p] = size;
    }
    caps
}

fn kuhn(
    i: usize,
    gs: &[u32],
    groups: &Groups,
    nw: usize,
    slot_match: &mut [u32],
    seen: &mut [u32],
    stamp: u32,
) -> bool {
    let g = gs[i] as usize;
    for s in bits(&groups.feas[g * nw..(g + 1) * nw]) {
        if seen[s] == stamp {
            continue;
        }
        seen[s] = stamp;
        let m = slot_match[s];
        if m == NONE || kuhn(m as usize, gs, groups, nw, slot_match, seen, stamp) {
            slot_match[s] = i as u32;
            return true;
        }
    }
    false
}

/// The combinatorial bounds (total, capacity, participant) and, when
/// applicable, the flow bound. Returns the minimum.
pub(crate) fn cheap_bound(inst: &Inst, groups: &Groups, caps: &[u32]) -> u64 {
    let nw = inst.nw;
    let total: u64 = groups.weight.iter().sum();
    // Capacity.
    let mut active = vec![0u64; inst.np * nw];
    for g in 0..groups.len() {
        for &p in inst.parts(groups.rep[g] as usize) {
            for w in 0..nw {
                active[p as usize * nw + w] |= groups.feas[g * nw + w];
            }
        }
    }
    let mut act_count = vec![0u64; inst.ns];
    for p in 0..inst.np {
        for s in bits(&active[p * nw..(p + 1) * nw]) {
            act_count[s] += 1;
        }
    }
    let c_eff: u64 = (0..inst.ns).map(|s| (inst.tables[s] as u64).min(act_count[s] / 2)).sum();
    let mut ws = groups.weight.clone();
    ws.sort_unstable_by(|a, b| b.cmp(a));
    let capacity: u64 = ws.iter().take(c_eff as usize).sum();
    // Participant half-sum.
    let mut per_p: Vec<Vec<u64>> = vec![Vec::new(); inst.np];
    for g in 0..groups.len() {
        for &p in inst.parts(groups.rep[g] as usize) {
            per_p[p as usize].push(groups.weight[g]);
        }
    }
    let mut twice = 0u64;
    for (p, v) in per_p.iter_mut().enumerate() {
        v.sort_unstable_by(|a, b| b.cmp(a));
        twice += v.iter().take(caps[p] as usize).sum::<u64>();
    }
    let mut b = total.min(capacity).min(twice / 2);

    if let Some(f) = flow_bound(inst, groups, caps, c_eff) {
        b = b.min(f.0);
    }
    b
}

/// Two-colouring of the participant graph when every group has exactly two
/// participants; `None` if some group is larger or the graph has an odd
/// cycle.
pub(crate) fn bipartition(inst: &Inst, groups: &Groups) -> Option<Vec<u8>> {
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); inst.np];
    for g in 0..groups.len() {
        let ps = inst.parts(groups.rep[g] as usize);
        if ps.len() != 2 {
            return None;
        }
        adj[ps[0] as usize].push(ps[1]);
        adj[ps[1] as usize].push(ps[0]);
    }
    let mut side = vec![2u8; inst.np];
    let mut stack = Vec::new();
    for s in 0..inst.np {
        if side[s] != 2 {
            continue;
        }
        side[s] = 0;
        stack.push(s as u32);
        while let Some(u) = stack.pop() {
            let u = u as usize;
            for &v in &adj[u] {
                let v = v as usize;
                if side[v] == 2 {
                    side[v] = 1 - side[u];
                    stack.push(v as u32);
                } else if side[v] == side[u] {
                    return None;
                }
            }
        }
    }
    Some(side)
}

/// Maximum b-matching (with total capacity `cap_total`) restricted to groups
/// with `weight >= min_weight`; returns the flow value and the selected
/// groups.
pub(crate) fn bmatching(
    inst: &Inst,
    groups: &Groups,
    side: &[u8],
    caps: &[u32],
    cap_total: u64,
    min_weight: u64,
) -> (u64, Vec<u32>) {
    let np = inst.np;
    let (ss, s, t) = (np, np + 1, np + 2);
    let mut f = Flow::new(np + 3);
    f.add_edge(ss, s, cap_total as i64);
    for p in 0..np {
        if caps[p] == 0 {
            continue;
        }
        if side[p] == 0 {
            f.add_edge(s, p, caps[p] as i64);
        } else {
            f.add_edge(p, t, caps[p] as i64);
        }
    }
    let mut edges = Vec::new();
    for g in 0..groups.len() {
        if groups.weight[g] < min_weight {
            continue;
        }
        let ps = inst.parts(groups.rep[g] as usize);
        let (a, b) = if side[ps[0] as usize] == 0 { (ps[0], ps[1]) } else { (ps[1], ps[0]) };
        edges.push((g as u32, f.add_edge(a as usize, b as usize, 1)));
    }
    let v = f.max_flow(ss, t) as u64;
    let chosen = edges.into_iter().filter(|&(_, e)| f.flow_on(e) > 0).map(|(g, _)| g).collect();
    (v, chosen)
}

/// Layered flow bound for bipartite two-person instances (at most 8
/// distinct priorities). Also returns the bipartition.
pub(crate) fn flow_bound(inst: &Inst, groups: &Groups, caps: &[u32], cap_total: u64) -> Option<(u64, Vec<u8>)> {
    let side = bipartition(inst, groups)?;
    let mut levels: Vec<u64> = groups.weight.clone();
    levels.sort_unstable();
    levels.dedup();
    if levels.len() > 8 {
        return None;
    }
    let mut prev = 0;
    let mut total = 0;
    for &v in &levels {
        let (n, _) = bmatching(inst, groups, &side, caps, cap_total, v);
        total += (v - prev) * n;
        prev = v;
    }
    Some((total, side))
}

/// Lagrangian (time-indexed LP dual) bound by projected subgradient
/// optimisation. `target` is a known achievable weight (for Polyak steps and
/// early exit when the bound meets it). `max_iter` bounds the work; `stop`
/// is honoured after a few iterations.
pub(crate) fn lagrangian_bound(
    inst: &Inst,
    groups: &Groups,
    caps: &[u32],
    target: u64,
    max_iter: u32,
    stop: &dyn Fn() -> bool,
) -> u64 {
    const SHIFT: u32 = 20;
    let scale = (1u64 << SHIFT) as f64;
    let ns = inst.ns;
    let nw = inst.nw;
    let pg = pinned_groups(inst);
    // Effective (request, slot) lists.
    let mut req: Vec<u32> = Vec::new();
    let mut start: Vec<u32> = vec![0];
    let mut slots: Vec<u16> = Vec::new();
    let mut f = vec![0u64; nw];
    for r in 0..inst.nr {
        effective_feas(inst, &pg, r, &mut f);
        if f.iter().all(|&w| w == 0) {
            continue;
        }
        req.push(r as u32);
        for s in bits(&f) {
            slots.push(s as u16);
        }
        start.push(slots.len() as u32);
    }
    if req.is_empty() {
        return 0;
    }
    // Start from participant prices: the weight of the first group beyond
    // the participant's capacity, on every slot the participant could use.
    let mut y = vec![0i64; inst.np * ns];
    {
        let mut per_p: Vec<Vec<u64>> = vec![Vec::new(); inst.np];
        let mut active = vec![0u64; inst.np * nw];
        for g in 0..groups.len() {
            for &p in inst.parts(groups.rep[g] as usize) {
                per_p[p as usize].push(groups.weight[g]);
                for w in 0..nw {
                    active[p as usize * nw + w] |= groups.feas[g * nw + w];
                }
            }
        }
        for p in 0..inst.np {
            let v = &mut per_p[p];
            if v.len() > caps[p] as usize {
                v.sort_unstable_by(|a, b| b.cmp(a));
                let price = (v[caps[p] as usize] << SHIFT) as i64;
                for s in bits(&active[p * nw..(p + 1) * nw]) {
                    y[p * ns + s] = price;
                }
            }
        }
    }
    let mut u = vec![0i64; ns];
    let mut cnt = vec![0i32; inst.np * ns];
    let mut cnt_s = vec![0i32; ns];
    // Block coordinate descent: for one participant at a time, the optimal
    // prices y[p, ·] given all other multipliers are the slot duals of a
    // maximum-weight assignment of the participant's groups to slots
    // (computed exactly: Hungarian method, then the least dual prices by
    // Bellman-Ford). A block update is kept only if it lowers the bound.
    {
        let mut idx_of = vec![NONE; inst.nr];
        for (i, &r) in req.iter().enumerate() {
            idx_of[r as usize] = i as u32;
        }
        let mut order: Vec<usize> = (0..inst.np).collect();
        order.sort_by_key(|&p| std::cmp::Reverse(inst.requests_of(p).len()));
        let sweeps = if (slots.len() as u64) * (ns as u64) < 400_000_000 { 3 } else { 1 };
        let mut bcd = Bcd::default();
        for sweep in 0..sweeps {
            if sweep > 0 && stop() {
                break;
            }
            for &p in &order {
                bcd.update(inst, p, &req, &start, &slots, &idx_of, &mut y, &u, SHIFT);
            }
        }
    }
    let mut gval = vec![0i64; inst.nr];
    let mut garg: Vec<(u32, u32)> = vec![(NONE, NONE); inst.nr];
    let mut best = i64::MAX;
    let mut theta = 0.25f64;
    let mut avg = vec![0f64; inst.np * ns];
    let mut avg_s = vec![0f64; ns];
    let mut best_y = y.clone();
    let mut best_u = u.clone();
    let mut since_improve = 0;
    for it in 0..max_iter {
        if it >= 5 && stop() {
            break;
        }
        // Evaluate.
        for (i, &r) in req.iter().enumerate() {
            let r = r as usize;
            let g = inst.group[r] as usize;
            let w = (inst.weight[r] << SHIFT) as i64;
            let ps = inst.parts(r);
            let mut bv = 0i64;
            let mut bs = NONE;
            // Scan from a rotating offset so that ties spread requests over
            // slots (a much better-conditioned subgradient).
            let sl = &slots[start[i] as usize..start[i + 1] as usize];
            let off = (r + it as usize) % sl.len();
            for k in 0..sl.len() {
                let s = sl[(off + k) % sl.len()] as usize;
                let mut v = w - u[s];
                for &p in ps {
                    v -= y[p as usize * ns + s];
                }
                if v > bv {
                    bv = v;
                    bs = s as u32;
                }
            }
            if garg[g].0 == NONE || (bv > gval[g] && bv > 0) {
                gval[g] = bv;
                garg[g] = (r as u32, bs);
            }
        }
        let mut l: i64 = y.iter().sum::<i64>() + (0..ns).map(|s| inst.tables[s] as i64 * u[s]).sum::<i64>();
        cnt.iter_mut().for_each(|c| *c = 0);
        cnt_s.iter_mut().for_each(|c| *c = 0);
        for &r in &req {
            let g = inst.group[r as usize] as usize;
            if garg[g].0 == NONE {
                continue;
            }
            let (gr, gs) = garg[g];
            if gval[g] > 0 && gs != NONE {
                l += gval[g];
                let s = gs as usize;
                cnt_s[s] += 1;
                for &p in inst.parts(gr as usize) {
                    cnt[p as usize * ns + s] += 1;
                }
            }
            garg[g] = (NONE, NONE);
            gval[g] = 0;
        }
        if l < best {
            best = l;
            since_improve = 0;
            best_y.copy_from_slice(&y);
            best_u.copy_from_slice(&u);
        } else {
            since_improve += 1;
            if since_improve >= 10 {
                theta *= 0.5;
                since_improve = 0;
                if theta < 1e-3 {
                    break;
                }
                // Restart from the best multipliers with smaller steps.
                y.copy_from_slice(&best_y);
                u.copy_from_slice(&best_u);
                continue;
            }
        }
        if (best >> SHIFT) as u64 <= target {
            break;
        }
        // Volume-style direction: the subgradient of an exponentially
        // averaged primal (smoother than the raw subgradient, which
        // oscillates between slots).
        let alpha = if it == 0 { 1.0 } else { 0.15 };
        let mut norm2 = 0f64;
        for i in 0..y.len() {
            let c = &mut avg[i];
            *c = alpha * cnt[i] as f64 + (1.0 - alpha) * *c;
            let g = 1.0 - *c;
            if g < 0.0 || y[i] > 0 {
                norm2 += g * g;
            }
        }
        for s in 0..ns {
            let c = &mut avg_s[s];
            *c = alpha * cnt_s[s] as f64 + (1.0 - alpha) * *c;
            let g = inst.tables[s] as f64 - *c;
            if g < 0.0 || u[s] > 0 {
                norm2 += g * g;
            }
        }
        if norm2 < 1e-12 {
            break;
        }
        let gap = (l as f64 / scale - target as f64).max(1e-3);
        let step = theta * gap / norm2 * scale;
        for i in 0..y.len() {
            let g = 1.0 - avg[i];
            if g < 0.0 || y[i] > 0 {
                y[i] = (y[i] - (step * g) as i64).max(0);
            }
        }
        for s in 0..ns {
            let g = inst.tables[s] as f64 - avg_s[s];
            if g < 0.0 || u[s] > 0 {
                u[s] = (u[s] - (step * g) as i64).max(0);
            }
        }
    }
    (best.max(0) >> SHIFT) as u64
}

/// Scratch space of the block coordinate descent.
#[derive(Default)]
struct Bcd {
    groups: Vec<u32>,
    a: Vec<i64>,
    slots_used: Vec<usize>,
    ynew: Vec<i64>,
}

const NEG: i64 = i64::MIN / 4;

impl Bcd {
    #[allow(clippy::too_many_arguments)]
    fn update(
        &mut self,
        inst: &Inst,
        p: usize,
        req: &[u32],
        start: &[u32],
        slots: &[u16],
        idx_of: &[u32],
        y: &mut [i64],
        u: &[i64],
        shift: u32,
    ) {
        let ns = inst.ns;
        // Groups of p (distinct), with a[g][s] excluding y[p, s].
        self.groups.clear();
        for &r in inst.requests_of(p) {
            if idx_of[r as usize] != NONE {
                self.groups.push(inst.group[r as usize]);
            }
        }
        self.groups.sort_unstable();
        self.groups.dedup();
        let ng = self.groups.len();
        if ng == 0 {
            return;
        }
        self.a.clear();
        self.a.resize(ng * ns, NEG);
        let mut used_mask = vec![false; ns];
        for &r in inst.requests_of(p) {
            let i = idx_of[r as usize];
            if i == NONE {
                continue;
            }
            let gi = self.groups.binary_search(&inst.group[r as usize]).unwrap();
            let w = (inst.weight[r as usize] << shift) as i64;
            for &s in &slots[start[i as usize] as usize..start[i as usize + 1] as usize] {
                let s = s as usize;
                let mut v = w - u[s];
                for &q in inst.parts(r as usize) {
                    if q as usize != p {
                        v -= y[q as usize * ns + s];
                    }
                }
                let e = &mut self.a[gi * ns + s];
                if v > *e {
                    *e = v;
                }
                if v > 0 {
                    used_mask[s] = true;
                }
            }
        }
        let _ = req;
        self.slots_used.clear();
        self.slots_used.extend((0..ns).filter(|&s| used_mask[s]));
        let yp = &y[p * ns..(p + 1) * ns];
        let local = |yv: &[i64], a: &[i64]| -> i64 {
            let mut tot: i64 = yv.iter().sum();
            for g in 0..ng {
                let mut best = 0;
                for s in 0..ns {
                    let v = a[g * ns + s];
                    if v > NEG {
                        best = best.max(v - yv[s]);
                    }
                }
                tot += best;
            }
            tot
        };
        let old = local(yp, &self.a);
        // Maximum-weight assignment slots (rows) -> groups + dummies (cols).
        let n = self.slots_used.len();
        self.ynew.clear();
        self.ynew.resize(ns, 0);
        if n > 0 {
            let m = ng + n;
            let cost = |i: usize, j: usize| -> i64 {
                if j < ng {
                    -self.a[j * ns + self.slots_used[i]].max(0)
                } else {
                    0
                }
            };
            let col_of_row = hungarian(n, m, cost);
            // Matched group per used slot (only if it has positive value).
            let mut gmatch = vec![NONE; n];
            let mut gmatched = vec![false; ng];
            for i in 0..n {
                let j = col_of_row[i];
                if j < ng && self.a[j * ns + self.slots_used[i]] > 0 {
                    gmatch[i] = j as u32;
                    gmatched[j] = true;
                }
            }
            // Least dual prices (Bellman-Ford over the used slots).
            let mut yv = vec![0i64; n];
            for i in 0..n {
                let s = self.slots_used[i];
                for g in 0..ng {
                    if !gmatched[g] {
                        yv[i] = yv[i].max(self.a[g * ns + s]);
                    }
                }
            }
            for _ in 0..=n {
                let mut changed = false;
                for k in 0..n {
                    if gmatch[k] == NONE {
                        continue;
                    }
                    let g = gmatch[k] as usize;
                    let base = self.a[g * ns + self.slots_used[k]] - yv[k];
                    for i in 0..n {
                        let v = self.a[g * ns + self.slots_used[i]];
                        if v > NEG && v - base > yv[i] {
                            yv[i] = v - base;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            for i in 0..n {
                self.ynew[self.slots_used[i]] = yv[i].max(0);
            }
        }
        let new = local(&self.ynew, &self.a);
        if new < old {
            y[p * ns..(p + 1) * ns].copy_from_slice(&self.ynew);
        }
    }
}

/// Hungarian method (minimum cost), `n` rows <= `m` columns; returns the
/// column assigned to every row.
fn hungarian(n: usize, m: usize, cost: impl Fn(usize, usize) -> i64) -> Vec<usize> {
    const INF: i64 = i64::MAX / 4;
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    let mut minv = vec![INF; m + 1];
    let mut used = vec![false; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        minv.iter_mut().for_each(|x| *x = INF);
        used.iter_mut().for_each(|x| *x = false);
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = INF;
            let mut j1 = 0;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut col_of_row = vec![0usize; n];
    for j in 1..=m {
        if p[j] != 0 {
            col_of_row[p[j] - 1] = j - 1;
        }
    }
    col_of_row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    fn brute(n: usize, m: usize, c: &[i64], row: usize, used: &mut Vec<bool>) -> i64 {
        if row == n {
            return 0;
        }
        let mut best = i64::MAX;
        for j in 0..m {
            if !used[j] {
                used[j] = true;
                best = best.min(c[row * m + j] + brute(n, m, c, row + 1, used));
                used[j] = false;
            }
        }
        best
    }

    #[test]
    fn hungarian_matches_brute_force() {
        let mut rng = Rng::new(5);
        for _ in 0..200 {
            let n = 1 + rng.below(4);
            let m = n + rng.below(3);
            let c: Vec<i64> = (0..n * m).map(|_| rng.below(20) as i64 - 10).collect();
            let cols = hungarian(n, m, |i, j| c[i * m + j]);
            let mut seen = vec![false; m];
            let mut total = 0;
            for (i, &j) in cols.iter().enumerate() {
                assert!(!seen[j]);
                seen[j] = true;
                total += c[i * m + j];
            }
            assert_eq!(total, brute(n, m, &c, 0, &mut vec![false; m]));
        }
    }
}
