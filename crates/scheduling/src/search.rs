//! Construction heuristic and local search.
//!
//! * [`construct`]: most-constrained-first greedy (priority first, then
//!   fewest feasible slots, then busiest participants), choosing the slot that
//!   adds the fewest breaks.
//! * [`LocalSearch`]: a randomised walk over time-indexed assignments whose
//!   moves are ejection chains: insert an unplaced request into a slot,
//!   relocating the conflicting meetings (participants or a full table) to
//!   other slots, recursively up to a small depth, ejecting what cannot be
//!   relocated. Moves never decrease the primary objective (placed weight,
//!   then moved count when re-planning); equal-primary moves that worsen the
//!   secondary objectives (fairness, breaks) are accepted with a small
//!   probability to escape plateaus. Every change is journaled: the best
//!   state (official lexicographic order) is the last commit point, so the
//!   walk can always be rolled back to it (anytime behaviour).
//! * The breaks phase of [`LocalSearch`]: once all the weight the bound
//!   allows is placed and nobody falls short (e.g. a reached `place_all`),
//!   simulated annealing on the breaks alone with Kempe-chain swaps between
//!   two slots (every meeting stays placed), keeping a copy of the best
//!   schedule.

use crate::exact;
use crate::prep::{bits, Inst, NONE};
use crate::rng::Rng;
use crate::state::{breaks_bits, Key, State};
use std::cmp::Ordering;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// Places every pinned request at its pin.
pub(crate) fn place_pins(st: &mut State) {
    let inst = st.inst;
    for r in 0..inst.nr {
        if inst.pin[r] != NONE {
            st.place(r, inst.pin[r] as usize);
        }
    }
}

/// Δbreaks of participant set `parts` if slot `s` became busy.
#[inline]
fn delta_breaks(st: &State, r: usize, s: usize) -> i64 {
    let inst = st.inst;
    let nw = inst.nw;
    let mut d = 0i64;
    let mut tmp = [0u64; 8];
    for &p in inst.parts(r) {
        let p = p as usize;
        let row = &st.busy[p * nw..(p + 1) * nw];
        let nb = if nw <= 8 {
            tmp[..nw].copy_from_slice(row);
            tmp[s / 64] |= 1 << (s % 64);
            breaks_bits(&tmp[..nw])
        } else {
            let mut v = row.to_vec();
            v[s / 64] |= 1 << (s % 64);
            breaks_bits(&v)
        };
        d += nb as i64 - st.pbreaks[p] as i64;
    }
    d
}

/// Among the free slots of `r` (excluding `avoid`), the one adding the
/// fewest breaks, preferring the home slot when re-planning. Ties are broken
/// by `rng` when given, else by the emptiest slot, then the lowest index.
fn best_free_slot(st: &State, r: usize, avoid: usize, rng: Option<&mut Rng>) -> Option<usize> {
    if !st.group_free(r) {
        return None;
    }
    let inst = st.inst;
    let home = inst.home[r];
    if home != NONE && home as usize != avoid && st.fits(r, home as usize) {
        return Some(home as usize);
    }
    let mut best: Option<(i64, u64, usize)> = None;
    let mut ties = 0u32;
    let mut rng = rng;
    for w in 0..inst.nw {
        let mut m = st.free_word(r, w);
        while m != 0 {
            let s = w * 64 + m.trailing_zeros() as usize;
            m &= m - 1;
            if s == avoid {
                continue;
            }
            let d = delta_breaks(st, r, s);
            let tie = match &mut rng {
                Some(_) => 0,
                None => (inst.tables[s] - st.used[s]) as u64,
            };
            let cand = (d, u64::MAX - tie, s);
            match best {
                None => {
                    best = Some(cand);
                    ties = 1;
                }
                Some(b) => {
                    if (cand.0, cand.1) < (b.0, b.1) {
                        best = Some(cand);
                        ties = 1;
                    } else if (cand.0, cand.1) == (b.0, b.1) {
                        ties += 1;
                        if let Some(g) = &mut rng {
                            if g.below(ties as usize) == 0 {
                                best = Some(cand);
                            }
                        }
                    }
                }
            }
        }
    }
    best.map(|b| b.2)
}

/// Greedy construction on top of the current state (pins already placed).
pub(crate) fn construct(st: &mut State) {
    let inst = st.inst;
    let load: Vec<u32> = (0..inst.np).map(|p| inst.requests_of(p).len() as u32).collect();
    let mut order: Vec<usize> = (0..inst.nr).filter(|&r| st.slot_of[r] == NONE && inst.nfeas[r] > 0).collect();
    let maxload = |r: usize| inst.parts(r).iter().map(|&p| load[p as usize]).max().unwrap_or(0);
    order.sort_by_key(|&r| (std::cmp::Reverse(inst.weight[r]), inst.nfeas[r], std::cmp::Reverse(maxload(r)), r));
    // Home slots first (re-planning keeps published meetings).
    for &r in &order {
        let h = inst.home[r];
        if h != NONE && st.fits(r, h as usize) {
            st.place(r, h as usize);
        }
    }
    for &r in &order {
        if st.slot_of[r] != NONE {
            continue;
        }
        if let Some(s) = best_free_slot(st, r, NONE as usize, None) {
            st.place(r, s);
        }
    }
    st.commit();
}

/// Limits and knobs of the local search.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    pub max_iterations: u64,
    pub max_stale: u64,
    /// Iterations without improvement that end the breaks phase.
    pub phase_stale: u64,
    pub upper_bound: u64,
    /// Threads the exact breaks phase may use (1 or 2).
    pub threads: usize,
}

impl Limits {
    /// The limits of a first annealing run before the exact model: at most
    /// [`EXACT_WARMUP_CYCLES`] cycles without a better schedule.
    fn warmup(&self, nr: usize) -> Limits {
        Limits { phase_stale: self.phase_stale.min(EXACT_WARMUP_CYCLES * breaks_cycle(nr)), ..*self }
    }
}

/// What [`from_below`] found: its schedule, and the lower bound it proved.
struct FromBelow {
    slots: Vec<u32>,
    breaks: u64,
    lower: u32,
}

/// The second thread of the exact breaks phase: from the complete schedule
/// `slots`, a first annealing run of its own (seeded by `seed`, limited by
/// `warmup`), then its own [`exact::BreaksModel`], asked for a schedule at the
/// proven lower bound, the bound raised while none exists, until one is found (the
/// minimum), the work limit that `warmup` leaves is spent or `stop()` returns
/// true.
fn from_below(inst: &Inst, slots: &[u32], seed: u64, warmup: &Limits, stop: &dyn Fn() -> bool) -> FromBelow {
    let mut st = State::new(inst);
    for (r, &s) in slots.iter().enumerate() {
        st.place(r, s as usize);
    }
    st.commit();
    let mut ls = LocalSearch::new(&mut st, seed);
    ls.breaks_phase(warmup, stop);
    let budget = warmup.max_iterations.saturating_sub(ls.iterations) / STEP_COST;
    let mut model = exact::BreaksModel::new(&st, stop);
    model.raise_lower_bound(&mut st, budget);
    FromBelow { slots: st.slot_of.clone(), breaks: st.breaks, lower: model.lower_bound() }
}

/// Length in iterations of one annealing cycle of the breaks phase.
pub(crate) fn breaks_cycle(nr: usize) -> u64 {
    (20_000 + 10_000 * nr as u64).min(4_000_000)
}

/// One step of a Kempe chain: every meeting of `from` not yet seen (from
/// `*seen` on) pulls into `to` the meetings of `slot` that share a participant
/// with it.
fn chain_step(st: &State, from: &[u32], seen: &mut usize, to: &mut Vec<u32>, slot: usize) {
    while *seen < from.len() {
        let x = from[*seen] as usize;
        *seen += 1;
        for &p in st.inst.parts(x) {
            let o = st.occ(p as usize, slot);
            if o != NONE && !to.contains(&o) {
                to.push(o);
            }
        }
    }
}

pub(crate) struct LocalSearch<'s, 'a> {
    pub st: &'s mut State<'a>,
    pub rng: Rng,
    pub best: Key,
    pub iterations: u64,
    /// The breaks of the final schedule are proven minimal (complete schedules only).
    pub breaks_proven: bool,
    /// A proven lower bound on the breaks of every complete schedule (0 if none).
    pub breaks_lower: u32,
    blockers: Vec<u32>,
    ejected: Vec<u32>,
    repair_buf: Vec<u32>,
}

const EXPLORE: f64 = 0.05;

/// Annealing cycles without improvement before a small complete schedule goes to
/// the exact model (the first round; later rounds anneal for one cycle).
const EXACT_WARMUP_CYCLES: u64 = 2;

/// Steps of the exact model's neighbourhoods in the first round, and as many for
/// the bisection on the whole model (both doubling every round). Chosen on the forums
/// of generator seeds 2 to 4 (in batsat decisions, before the move to CaDiCaL, kept
/// since): giving the bisection a quarter of this, total breaks 66; as much, 64.
const EXACT_FIRST_SLICE: u64 = 20_000;

/// Iterations a step of the exact model counts for. Set when a step was a
/// batsat decision, about as long as 64 annealing moves; a CaDiCaL step takes
/// about half as long (20,000 against 11,000 a second on the 70-participant
/// forum), so the exact phase now counts for more of a work limit than it
/// runs.
const STEP_COST: u64 = 64;

/// Steps per neighbourhood of the exact model.
const EXACT_ATTEMPT: u64 = 10_000;

impl<'s, 'a> LocalSearch<'s, 'a> {
    pub(crate) fn new(st: &'s mut State<'a>, seed: u64) -> Self {
        st.commit();
        let best = st.key();
        LocalSearch {
            st,
            rng: Rng::new(seed),
            best,
            iterations: 0,
            breaks_proven: false,
            breaks_lower: 0,
            blockers: Vec::new(),
            ejected: Vec::new(),
            repair_buf: Vec::new(),
        }
    }

    /// Tries to put unplaced request `b` somewhere (not `avoid`), with
    /// ejection chains of the given depth. On failure the state is unchanged.
    fn relocate(&mut self, b: usize, depth: u32, avoid: usize) -> bool {
        if let Some(s) = best_free_slot(self.st, b, avoid, Some(&mut self.rng)) {
            self.st.place(b, s);
            return true;
        }
        if depth == 0 || !self.st.group_free(b) {
            return false;
        }
        let inst = self.st.inst;
        let feas = inst.feas_list(b);
        if feas.is_empty() {
            return false;
        }
        let start = self.rng.below(feas.len());
        let mut tries = 0;
        for k in 0..feas.len() {
            let s = feas[(start + k) % feas.len()];
            if s == avoid || self.st.full[s / 64] >> (s % 64) & 1 == 1 {
                continue;
            }
            let mut c = NONE;
            let mut ok = true;
            for &p in inst.parts(b) {
                let o = self.st.occ(p as usize, s);
                if o != NONE {
                    if c == NONE || c == o {
                        c = o;
                    } else {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok || c == NONE || inst.pin[c as usize] != NONE {
                continue;
            }
            tries += 1;
            let mark = self.st.mark();
            self.st.unplace(c as usize);
            self.st.place(b, s);
            if self.relocate(c as usize, depth - 1, s) {
                return true;
            }
            self.st.undo_to(mark);
            if tries >= 4 {
                break;
            }
        }
        false
    }

    /// Inserts `r` into `s`, moving or ejecting conflicting meetings. Returns
    /// false (state possibly modified; caller undoes) when a pinned meeting
    /// blocks.
    fn apply_insert(&mut self, r: usize, s: usize, depth: u32) -> bool {
        let inst = self.st.inst;
        let mut bl = std::mem::take(&mut self.blockers);
        bl.clear();
        let mut ejected = std::mem::take(&mut self.ejected);
        ejected.clear();
        for &p in inst.parts(r) {
            let o = self.st.occ(p as usize, s);
            if o != NONE && !bl.contains(&o) {
                bl.push(o);
            }
        }
        let g = self.st.group_placed[inst.group[r] as usize];
        if g != NONE && g as usize != r && !bl.contains(&g) {
            bl.push(g);
        }
        if bl.iter().any(|&b| inst.pin[b as usize] != NONE) {
            self.blockers = bl;
            self.ejected = ejected;
            return false;
        }
        for &b in &bl {
            self.st.unplace(b as usize);
        }
        if self.st.full[s / 64] >> (s % 64) & 1 == 1 {
            // Need a table: move one meeting out of s, else eject the
            // lightest one sampled.
            let n = self.st.members[s].len();
            let mut done = false;
            let mut lightest: Option<(u64, u32)> = None;
            if n > 0 {
                let start = self.rng.below(n);
                for k in 0..n.min(6) {
                    let m = self.st.members[s][(start + k) % n];
                    if inst.pin[m as usize] != NONE {
                        continue;
                    }
                    let mark = self.st.mark();
                    self.st.unplace(m as usize);
                    if self.relocate(m as usize, depth.saturating_sub(1), s) {
                        done = true;
                        break;
                    }
                    self.st.undo_to(mark);
                    let w = inst.weight[m as usize];
                    if lightest.is_none_or(|(lw, _)| w < lw) {
                        lightest = Some((w, m));
                    }
                }
            }
            if !done {
                match lightest {
                    Some((_, m)) => {
                        self.st.unplace(m as usize);
                        ejected.push(m);
                    }
                    None => {
                        self.blockers = bl;
                        self.ejected = ejected;
                        return false;
                    }
                }
            }
        }
        if !self.st.fits(r, s) {
            self.blockers = bl;
            self.ejected = ejected;
            return false;
        }
        self.st.place(r, s);
        for &b in &bl {
            if !self.relocate(b as usize, depth, s) {
                ejected.push(b);
            }
        }
        self.repair(&ejected);
        self.blockers = bl;
        self.ejected = ejected;
        true
    }

    /// After ejections: greedily place unplaced requests of the ejected
    /// meetings' participants that now fit directly (heaviest first).
    fn repair(&mut self, ejected: &[u32]) {
        let inst = self.st.inst;
        let mut cands = std::mem::take(&mut self.repair_buf);
        cands.clear();
        for &e in ejected {
            for &p in inst.parts(e as usize) {
                let reqs = inst.requests_of(p as usize);
                let n = reqs.len();
                if n == 0 {
                    continue;
                }
                let start = self.rng.below(n);
                for k in 0..n.min(32) {
                    let q = reqs[(start + k) % n];
                    if self.st.slot_of[q as usize] == NONE && inst.nfeas[q as usize] > 0 {
                        cands.push(q);
                    }
                }
            }
        }
        cands.sort_unstable_by_key(|&q| (std::cmp::Reverse(inst.weight[q as usize]), q));
        cands.dedup();
        for &q in &cands {
            let q = q as usize;
            if self.st.slot_of[q] == NONE {
                if let Some(s) = best_free_slot(self.st, q, NONE as usize, Some(&mut self.rng)) {
                    self.st.place(q, s);
                }
            }
        }
        self.repair_buf = cands;
    }

    fn accept(&mut self, new: &Key, base: &Key, explore: f64) -> bool {
        match new.primary(base) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => new.walk(base) != Ordering::Less || self.rng.chance(explore),
        }
    }

    /// Ejection-chain insertion of unplaced request `r`.
    fn insert_move(&mut self, r: usize, explore: f64) {
        let inst = self.st.inst;
        let base = self.st.key();
        let mark = self.st.mark();
        // Direct placement first.
        if let Some(s) = best_free_slot(self.st, r, NONE as usize, Some(&mut self.rng)) {
            self.st.place(r, s);
            let k = self.st.key();
            if !self.accept(&k, &base, explore) {
                self.st.undo_to(mark);
            }
            return;
        }
        // Rank slots by blocker weight.
        let mut opts: Vec<(u64, u64, usize)> = Vec::new();
        for s in bits(inst.feas(r)) {
            let mut w = 0u64;
            let mut pinned = false;
            let mut seen = [NONE; 5];
            let mut n = 0;
            for &p in inst.parts(r) {
                let o = self.st.occ(p as usize, s);
                if o != NONE && !seen[..n].contains(&o) {
                    seen[n] = o;
                    n += 1;
                    w += inst.weight[o as usize];
                    pinned |= inst.pin[o as usize] != NONE;
                }
            }
            if pinned {
                continue;
            }
            if n == 0 && self.st.full[s / 64] >> (s % 64) & 1 == 1 {
                w += 1;
            }
            opts.push((w, self.rng.next_u64(), s));
        }
        if opts.is_empty() {
            return;
        }
        opts.sort_unstable();
        let mut best: Option<(Key, usize)> = None;
        for &(_, _, s) in opts.iter().take(3) {
            if self.apply_insert(r, s, 2) {
                let k = self.st.key();
                if best.is_none_or(|(bk, _)| k.walk(&bk) == Ordering::Greater) {
                    best = Some((k, s));
                }
            }
            self.st.undo_to(mark);
        }
        if let Some((k, s)) = best {
            if self.accept(&k, &base, explore) {
                if self.apply_insert(r, s, 2) {
                    let k2 = self.st.key();
                    if k2.primary(&base) == Ordering::Less
                        || (k2.primary(&base) == Ordering::Equal
                            && k2.walk(&base) == Ordering::Less
                            && k2.walk(&k) == Ordering::Less)
                    {
                        self.st.undo_to(mark);
                    }
                } else {
                    self.st.undo_to(mark);
                }
            }
        }
    }

    /// Moves placed meeting `m` to another slot (directly or swapping with a
    /// single blocking meeting), keeping the best non-worsening option.
    fn shift_move(&mut self, m: usize, explore: f64) {
        let inst = self.st.inst;
        let from = self.st.slot_of[m] as usize;
        let base = self.st.key();
        let mark = self.st.mark();
        let mut best: Option<(Key, usize, u64)> = None;
        let seed = self.rng.next_u64();
        for s in bits(inst.feas(m)) {
            if s == from {
                continue;
            }
            if self.try_shift(m, s, seed) {
                let k = self.st.key();
                if best.is_none_or(|(bk, _, _)| k.walk(&bk) == Ordering::Greater) {
                    best = Some((k, s, seed));
                }
            }
            self.st.undo_to(mark);
        }
        if let Some((k, s, seed)) = best {
            if self.accept(&k, &base, explore)
                && (!self.try_shift(m, s, seed) || self.st.key().walk(&k) != Ordering::Equal)
            {
                self.st.undo_to(mark);
            }
        }
    }

    fn try_shift(&mut self, m: usize, s: usize, seed: u64) -> bool {
        let inst = self.st.inst;
        let mut c = NONE;
        for &p in inst.parts(m) {
            let o = self.st.occ(p as usize, s);
            if o != NONE {
                if c == NONE || c == o {
                    c = o;
                } else {
                    return false;
                }
            }
        }
        let full = self.st.full[s / 64] >> (s % 64) & 1 == 1;
        if c == NONE {
            if full {
                return false;
            }
            self.st.unplace(m);
            self.st.place(m, s);
            return true;
        }
        if inst.pin[c as usize] != NONE {
            return false;
        }
        self.st.unplace(m);
        self.st.unplace(c as usize);
        self.st.place(m, s);
        let saved = std::mem::replace(&mut self.rng, Rng::new(seed));
        let ok = self.relocate(c as usize, 0, s);
        self.rng = saved;
        ok
    }

    /// Kempe-chain swap between the slot `s` of meeting `m` and slot `t`:
    /// `m` moves to `t`, the meetings of `t` that share a participant with a
    /// mover move to `s`, and so on until closed; when a slot would lack a
    /// table, another meeting of the fuller slot joins the swap. Every meeting
    /// stays placed, so only breaks change. Returns false (state unchanged)
    /// when a pinned or infeasible meeting would have to move or the chain
    /// grows beyond a small size.
    fn kempe(&mut self, m: usize, t: usize) -> bool {
        const CAP: usize = 24;
        let inst = self.st.inst;
        let s = self.st.slot_of[m] as usize;
        if s == t || inst.pin[m] != NONE {
            return false;
        }
        let mut a = std::mem::take(&mut self.blockers); // s -> t
        let mut b = std::mem::take(&mut self.ejected); // t -> s
        a.clear();
        b.clear();
        a.push(m as u32);
        let (mut ia, mut ib) = (0, 0);
        let mut extra = 0;
        let ok = loop {
            while ia < a.len() || ib < b.len() {
                chain_step(self.st, &a, &mut ia, &mut b, t);
                chain_step(self.st, &b, &mut ib, &mut a, s);
                if a.len() + b.len() > CAP {
                    break;
                }
            }
            if a.len() + b.len() > CAP {
                break false;
            }
            // Tables: the swap changes the usage of t by |a| - |b|.
            let (ut, us) = (self.st.used[t] as i64, self.st.used[s] as i64);
            let d = a.len() as i64 - b.len() as i64;
            let (slot, side_len) = if ut + d > inst.tables[t] as i64 {
                (t, self.st.members[t].len())
            } else if us - d > inst.tables[s] as i64 {
                (s, self.st.members[s].len())
            } else {
                break true;
            };
            extra += 1;
            if extra > 3 || side_len == 0 {
                break false;
            }
            let pick = self.st.members[slot][self.rng.below(side_len)];
            if slot == t {
                if b.contains(&pick) {
                    break false;
                }
                b.push(pick);
            } else {
                if a.contains(&pick) {
                    break false;
                }
                a.push(pick);
            }
        };
        let ok = ok
            && a.iter().all(|&x| inst.pin[x as usize] == NONE && inst.is_feas(x as usize, t))
            && b.iter().all(|&y| inst.pin[y as usize] == NONE && inst.is_feas(y as usize, s));
        if ok {
            for &x in a.iter().chain(b.iter()) {
                self.st.unplace(x as usize);
            }
            for &x in &a {
                self.st.place(x as usize, t);
            }
            for &y in &b {
                self.st.place(y as usize, s);
            }
        }
        self.blockers = a;
        self.ejected = b;
        ok
    }

    /// Breaks phase, once every placeable weight is placed and nobody falls
    /// short (in particular a reached `place_all`): simulated annealing on
    /// the breaks. A move is a Kempe-chain swap of a meeting of a participant
    /// (usually one with breaks) into a slot next to one of their other
    /// meetings (or any feasible slot); when it adds breaks, half the time a
    /// second swap for a participant of the moved meetings follows and both
    /// are judged together. Cycles of [`breaks_cycle`] iterations cool from
    /// temperature 0.4 to 0.1 and restart from the best schedule. Ends at 0
    /// breaks, at a limit or after `phase_stale` iterations without a better
    /// schedule, on the best schedule found.
    fn breaks_phase(&mut self, limits: &Limits, stop: &dyn Fn() -> bool) {
        let inst = self.st.inst;
        let (np, ns, nw) = (inst.np, inst.ns, inst.nw);
        self.st.commit();
        let mut best_breaks = self.st.breaks;
        let mut best_slots = self.st.slot_of.clone();
        let cycle = breaks_cycle(inst.nr);
        let (t0, t1) = (0.4f64, 0.1f64);
        let mut in_cycle = 0u64;
        let mut stale = 0u64;
        let mut busy_list: Vec<usize> = Vec::with_capacity(ns);
        while self.iterations < limits.max_iterations && stale < limits.phase_stale && best_breaks > 0 {
            if self.iterations.is_multiple_of(8) && stop() {
                break;
            }
            self.iterations += 1;
            stale += 1;
            in_cycle += 1;
            if in_cycle >= cycle {
                in_cycle = 0;
                self.restore(&best_slots);
            }
            let temp = t0 * (t1 / t0).powf(in_cycle as f64 / cycle as f64);
            // A participant, usually one with breaks.
            let mut p = self.rng.below(np);
            if self.rng.chance(0.8) {
                for _ in 0..16 {
                    if self.st.pbreaks[p] > 0 {
                        break;
                    }
                    p = self.rng.below(np);
                }
            }
            busy_list.clear();
            busy_list.extend(bits(&self.st.busy[p * nw..(p + 1) * nw]));
            if busy_list.is_empty() {
                continue;
            }
            let s = busy_list[self.rng.below(busy_list.len())];
            let m = self.st.occ(p, s) as usize;
            if inst.pin[m] != NONE {
                continue;
            }
            // Target: next to another meeting of p, else any feasible slot.
            let mut t = NONE as usize;
            if busy_list.len() > 1 && self.rng.chance(0.6) {
                let o = busy_list[self.rng.below(busy_list.len())];
                let c = if self.rng.chance(0.5) { o + 1 } else { o.wrapping_sub(1) };
                if c < ns && c != s && inst.is_feas(m, c) {
                    t = c;
                }
            }
            if t == NONE as usize {
                let n = inst.nfeas[m] as usize;
                if n < 2 {
                    continue;
                }
                t = bits(inst.feas(m)).nth(self.rng.below(n)).unwrap_or(s);
                if t == s {
                    continue;
                }
            }
            let before = self.st.breaks;
            let mark = self.st.mark();
            if !self.kempe(m, t) {
                continue;
            }
            if self.st.breaks > before && self.rng.chance(0.5) {
                // Follow-up: a second swap for a participant of the moved meetings, judged together.
                let movers: Vec<u32> = self.blockers.iter().chain(self.ejected.iter()).copied().collect();
                let x = movers[self.rng.below(movers.len())] as usize;
                let ps = inst.parts(x);
                let q = ps[self.rng.below(ps.len())] as usize;
                busy_list.clear();
                busy_list.extend(bits(&self.st.busy[q * nw..(q + 1) * nw]));
                if busy_list.len() > 1 {
                    let s2 = busy_list[self.rng.below(busy_list.len())];
                    let o = busy_list[self.rng.below(busy_list.len())];
                    let c = if self.rng.chance(0.5) { o + 1 } else { o.wrapping_sub(1) };
                    let m2 = self.st.occ(q, s2) as usize;
                    if c < ns && c != s2 && inst.is_feas(m2, c) {
                        self.kempe(m2, c);
                    }
                }
            }
            let d = self.st.breaks as f64 - before as f64;
            if d > 0.0 && !self.rng.chance((-d / temp).exp()) {
                self.st.undo_to(mark);
            }
            self.st.commit();
            if self.st.breaks < best_breaks {
                best_breaks = self.st.breaks;
                best_slots.clone_from(&self.st.slot_of);
                stale = 0;
            }
        }
        self.restore(&best_slots);
    }

    /// The breaks phase of a small complete schedule, on two threads when
    /// `limits.threads` allows: this one runs [`Self::breaks_exact_alone`]
    /// (bisection and neighbourhoods), a second one [`from_below`] (queries
    /// at the proven lower bound only, on its own copy of the model). The two
    /// suit different instances: bisection serves best when the lower bound is
    /// far below the minimum, a query at the bound when the bound is tight and
    /// the schedule there is hard to reach step by step. The better schedule
    /// wins, ties going to this thread's. On the forums of generator seeds 2
    /// to 4 (15 instances, 30 s each, batsat then in this thread) the pair gave
    /// 54 breaks in all, 12 proven minimal, against 64 and 8 for this thread
    /// alone; with CaDiCaL in both, 53 and 12.
    ///
    /// Determinism: the threads share nothing while they run but stop signals.
    /// A minimum proven here stops the other thread (whose schedule can then at
    /// best tie, and ties go to this thread's). Under a work limit that is the
    /// only signal, and the other thread's work is limited by what the limit
    /// leaves this one, so the output is the same on every run. Without one (a
    /// time limit), a minimum found by the other thread also stops this one,
    /// and this thread's end stops the other.
    fn breaks_exact(&mut self, limits: &Limits, stop: &dyn Fn() -> bool) {
        if limits.threads < 2 {
            self.breaks_exact_alone(limits, stop);
            return;
        }
        let timed = limits.max_iterations == u64::MAX;
        // The other thread's work limit is what is left of this one's, its first
        // annealing as long as this thread's.
        let warmup = Limits {
            max_iterations: limits.max_iterations.saturating_sub(self.iterations),
            ..limits.warmup(self.st.inst.nr)
        };
        let seed = self.rng.clone().next_u64() ^ 0x5eed_b010;
        let (deadline, proven_here, done_here, proven_there) =
            (AtomicBool::new(false), AtomicBool::new(false), AtomicBool::new(false), AtomicBool::new(false));
        let inst = self.st.inst;
        let slots = self.st.slot_of.clone();
        let there = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                let stop = || deadline.load(Relaxed) || proven_here.load(Relaxed) || (timed && done_here.load(Relaxed));
                let found = from_below(inst, &slots, seed, &warmup, &stop);
                proven_there.store(found.breaks <= found.lower as u64, Relaxed);
                found
            });
            // The caller's deadline reaches the other thread through this one.
            let stop_here = || {
                let s = stop();
                if s {
                    deadline.store(true, Relaxed);
                }
                s || (timed && proven_there.load(Relaxed))
            };
            self.breaks_exact_alone(limits, &stop_here);
            proven_here.store(self.breaks_proven, Relaxed);
            done_here.store(true, Relaxed);
            while !other.is_finished() {
                if stop() {
                    deadline.store(true, Relaxed);
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        if there.breaks < self.st.breaks {
            self.restore(&there.slots);
        }
        self.breaks_lower = self.breaks_lower.max(there.lower);
        if self.breaks_lower as u64 >= self.st.breaks {
            self.breaks_proven = true;
        }
    }

    /// The breaks phase of a small complete schedule: a short try of the exact
    /// model on the whole schedule (which settles easy cases), then rounds of a short
    /// annealing run and the exact model ([`exact::BreaksModel`]), the
    /// model's share of steps doubling each round, until the minimum is
    /// proven or a limit is hit. Annealing finds better schedules fast; the
    /// model proves the minimum and finds what annealing misses.
    fn breaks_exact_alone(&mut self, limits: &Limits, stop: &dyn Fn() -> bool) {
        let nr = self.st.inst.nr;
        let mut warmup = limits.warmup(nr);
        let mut model = exact::BreaksModel::new(self.st, stop);
        // Steps the work limit leaves, at most `want`.
        let steps = |ls: &Self, want: u64| want.min(limits.max_iterations.saturating_sub(ls.iterations) / STEP_COST);
        // A first, short try on the whole schedule settles the easy cases at once.
        let out = model.improve(self.st, steps(self, EXACT_ATTEMPT));
        self.iterations += out.work * STEP_COST;
        // And a cheap lower bound from below, for the report when the minimum stays unproven.
        let work = model.raise_lower_bound(self.st, steps(self, EXACT_ATTEMPT));
        self.iterations += work * STEP_COST;
        // Then a first bisection between the two.
        let work = model.probe(self.st, steps(self, EXACT_FIRST_SLICE));
        self.iterations += work * STEP_COST;
        self.breaks_lower = model.lower_bound();
        if out.proven || model.lower_bound() as u64 >= self.st.breaks {
            self.breaks_proven = true;
            return;
        }
        let mut slice = EXACT_FIRST_SLICE;
        // `phase_stale` counts the work since the last fewer breaks.
        let mut start = self.iterations;
        let mut best = self.st.breaks;
        loop {
            self.breaks_phase(&warmup, stop);
            if self.st.breaks == 0 {
                self.breaks_proven = true;
                return;
            }
            if self.iterations >= limits.max_iterations || stop() {
                return;
            }
            let budget = steps(self, slice);
            let work = model.neighbourhoods(self.st, &mut self.rng, budget, EXACT_ATTEMPT);
            self.iterations += work * STEP_COST;
            let work = model.probe(self.st, steps(self, slice));
            self.iterations += work * STEP_COST;
            self.breaks_lower = model.lower_bound();
            if model.lower_bound() as u64 >= self.st.breaks {
                self.breaks_proven = true;
                return;
            }
            if self.st.breaks < best {
                best = self.st.breaks;
                start = self.iterations;
            } else if self.iterations - start >= limits.phase_stale {
                return;
            }
            slice = slice.saturating_mul(2);
            warmup.phase_stale = warmup.phase_stale.min(breaks_cycle(nr));
        }
    }

    /// Sets the assignment to `slots` (a valid assignment of the same
    /// instance) and makes it the rollback point.
    fn restore(&mut self, slots: &[u32]) {
        for r in 0..slots.len() {
            if self.st.slot_of[r] != slots[r] && self.st.slot_of[r] != NONE {
                self.st.unplace(r);
            }
        }
        for r in 0..slots.len() {
            if slots[r] != NONE && self.st.slot_of[r] == NONE {
                self.st.place(r, slots[r] as usize);
            }
        }
        self.st.commit();
    }

    /// Runs the walk until a limit is hit, then rolls back to the best state.
    pub(crate) fn run(&mut self, limits: &Limits, stop: &dyn Fn() -> bool) {
        let nr = self.st.inst.nr;
        let np = self.st.inst.np;
        let journal_cap = 4000 + nr / 4;
        let replanning = self.st.inst.home.iter().any(|&h| h != NONE);
        let mut stale = 0u64;
        loop {
            if self.iterations >= limits.max_iterations || stale >= limits.max_stale {
                break;
            }
            if self.iterations.is_multiple_of(8) && stop() {
                break;
            }
            let k = self.st.key();
            let done_weight = k.weight >= limits.upper_bound || self.st.cand.is_empty();
            if done_weight && k.worst == 0 && k.breaks == 0 && k.moved == 0 {
                break;
            }
            if done_weight && k.worst == 0 && !replanning {
                // Only compactness is left: from the best state, the dedicated breaks phase.
                self.st.undo_to(0);
                let k = self.st.key();
                if k.breaks > 0 && (k.weight >= limits.upper_bound || self.st.cand.is_empty()) && k.worst == 0 {
                    if exact::applicable(self.st) {
                        self.breaks_exact(limits, stop);
                    } else {
                        self.breaks_phase(limits, stop);
                    }
                    self.best = self.st.key();
                }
                break;
            }
            self.iterations += 1;
            let x = self.rng.unit();
            if !done_weight && x < 0.6 {
                let r = self.st.cand[self.rng.below(self.st.cand.len())] as usize;
                self.insert_move(r, EXPLORE);
            } else if k.worst > 0 && x < 0.8 {
                let bucket = &self.st.buckets[k.worst as usize];
                let p = bucket[self.rng.below(bucket.len())] as usize;
                let reqs = self.st.inst.requests_of(p);
                let n = reqs.len();
                let start = self.rng.below(n.max(1));
                for i in 0..n {
                    let r = reqs[(start + i) % n] as usize;
                    if self.st.slot_of[r] == NONE && self.st.inst.nfeas[r] > 0 {
                        self.insert_move(r, 0.0);
                        break;
                    }
                }
            } else if np > 0 {
                // Compactness: a meeting of a participant with breaks.
                let mut p = self.rng.below(np);
                for _ in 0..8 {
                    if self.st.pbreaks[p] > 0 {
                        break;
                    }
                    p = self.rng.below(np);
                }
                let nw = self.st.inst.nw;
                let row = &self.st.busy[p * nw..(p + 1) * nw];
                let cnt: u32 = row.iter().map(|x| x.count_ones()).sum();
                if cnt > 0 {
                    let pick = self.rng.below(cnt as usize);
                    let s = bits(row).nth(pick).unwrap();
                    let m = self.st.occ(p, s) as usize;
                    if self.st.inst.pin[m] == NONE {
                        self.shift_move(m, EXPLORE);
                    }
                }
            }
            let now = self.st.key();
            if now.official(&self.best) == Ordering::Greater {
                self.best = now;
                self.st.commit();
                stale = 0;
            } else {
                stale += 1;
                if self.st.mark() > journal_cap {
                    self.st.undo_to(0);
                }
            }
        }
        self.st.undo_to(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{forum, ForumSize};
    use crate::prep::Inst;

    #[test]
    fn kempe_swaps_keep_the_state_consistent_and_everything_placed() {
        let p = forum(ForumSize { participants: 20, meetings: 50, morning: 4, afternoon: 4, tables: 8 }, 3);
        let inst = Inst::new(&p);
        let mut st = State::new(&inst);
        place_pins(&mut st);
        construct(&mut st);
        let placed = st.nplaced;
        let weight = st.weight;
        let mut ls = LocalSearch::new(&mut st, 5);
        let mut done = 0;
        for _ in 0..5000 {
            let m = ls.rng.below(inst.nr);
            let t = ls.rng.below(inst.ns);
            if ls.st.slot_of[m] == NONE {
                continue;
            }
            let mark = ls.st.mark();
            if ls.kempe(m, t) {
                done += 1;
                assert_eq!(ls.st.slot_of[m] as usize, t);
                assert_eq!((ls.st.nplaced, ls.st.weight), (placed, weight));
                for r in 0..inst.nr {
                    let s = ls.st.slot_of[r];
                    if s != NONE {
                        assert!(inst.is_feas(r, s as usize));
                        assert!(inst.pin[r] == NONE || inst.pin[r] == s);
                    }
                }
                if ls.rng.chance(0.3) {
                    ls.st.undo_to(mark);
                }
            } else {
                assert_eq!(ls.st.mark(), mark);
            }
            ls.st.self_check();
        }
        assert!(done > 100, "only {done} swaps applied");
    }

    #[test]
    fn the_search_from_below_alone_reaches_the_minimum_that_the_descent_proves() {
        let never = || false;
        let (mut checked, mut with_breaks) = (0, 0);
        for seed in 1..=12 {
            let p = forum(ForumSize { participants: 16, meetings: 40, morning: 4, afternoon: 4, tables: 8 }, seed);
            let inst = Inst::new(&p);
            let mut st = State::new(&inst);
            place_pins(&mut st);
            construct(&mut st);
            if st.nplaced < inst.nr || !exact::applicable(&st) {
                continue;
            }
            st.commit();
            let start = st.slot_of.clone();
            let limits =
                Limits { max_iterations: 1 << 40, max_stale: 0, phase_stale: 50_000, upper_bound: 0, threads: 1 };
            let found = from_below(&inst, &start, seed, &limits, &never);
            let mut model = exact::BreaksModel::new(&st, &never);
            assert!(model.improve(&mut st, 1 << 30).proven, "seed {seed}");
            assert_eq!(found.breaks, st.breaks, "seed {seed}");
            assert_eq!(found.lower as u64, st.breaks, "seed {seed}");
            // Its schedule is the one it reports.
            let mut check = State::new(&inst);
            for (r, &s) in found.slots.iter().enumerate() {
                check.place(r, s as usize);
            }
            check.self_check();
            assert_eq!(check.breaks, found.breaks, "seed {seed}");
            checked += 1;
            with_breaks += usize::from(found.breaks > 0);
        }
        assert!(checked >= 3, "only {checked} forums placed every request greedily");
        assert!(with_breaks >= 2, "only {with_breaks} forums need a break");
    }
}
