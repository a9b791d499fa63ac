//! Exact break minimisation for small instances whose requests are all
//! placed (`place_all` forums of real-world size): the schedule as a SAT
//! model, solved with CaDiCaL, with a cardinality bound on the breaks. The
//! model serves two ways ([`BreaksModel`]): neighbourhoods (most meetings
//! assumed where they are, the rest free, one break fewer asked for) and the
//! whole schedule: the bound tightened one break at a time from the best
//! schedule known, raised from below (the second thread's whole search, see
//! `search::from_below`), and bisected between the proven lower bound and the
//! best schedule ([`BreaksModel::probe`]). An unsatisfiable bound on the whole
//! schedule proves a lower bound; one just below the best schedule proves its
//! breaks minimal.
//!
//! CaDiCaL rather than batsat (a MiniSat port in Rust, used here until stop
//! 9): on the 70-participant bench forum, the query at its minimum took
//! batsat 240,000 decisions and 22 s in the one run tried, CaDiCaL 8 to 28 s
//! from scratch over six runs (MiniSat 10 s to over 40 s); on the 15 dev
//! forums of generator seeds 2 to 4, moving the bisection and neighbourhoods
//! from batsat to CaDiCaL too gave 53 breaks in all against 54, and proved
//! several minima in under half a second instead of 3 to 7 s.
//!
//! Model (one variable per request and feasible slot):
//! - each request in exactly one of its feasible slots (the pin's, if pinned);
//! - `busy[p,s]` is true exactly when one of p's meetings is in slot s, and at
//!   most one of them is;
//! - at most the slot's number of tables of meetings per slot;
//! - `later[p,s]` (a meeting of p starts a new run in slot s after an earlier
//!   run) is forced by `busy[p,s] & !busy[p,s-1] & seen[p,s-2]`, where
//!   `seen[p,t]` is forced by any meeting of p at or before t. A participant's
//!   breaks are its number of runs minus one, so the sum of `later` bounds the
//!   total of breaks from above, and equals it when minimal;
//! - implied: exactly k_p of p's slots are busy, k_p being p's number of
//!   meetings (a totalizer over `busy[p,.]`). Without it the solver has to
//!   rediscover the count from the meetings; with it the minimum of one
//!   60-participant forum (seed 2) is proven in 21 s instead of not found in
//!   300 s;
//! - implied clauses that let the solver prove bounds (the "pair cuts" of the
//!   benchmark's exact model): two meetings of p at least k_p slots apart, k_p
//!   being p's number of meetings, cannot lie in one run, so one of the
//!   `later[p,u]` between them is true;
//! - `sum later <= K` by a sequential counter whose outputs are assumed false,
//!   so every tightening reuses what the solver has learnt.
//!
//! Work is counted in steps, CaDiCaL's calls of its terminate callback
//! (one every few search steps, a fixed number), so a work limit gives the
//! same result on every run; the caller's `stop` is polled at every step.

use std::ops::Not;

use crate::prep::{bits, NONE};
use crate::rng::Rng;
use crate::state::State;

/// Largest instance the model is built for: time-indexed variables
/// (requests × feasible slots) and participant-slot pairs. Real forums (up
/// to 80 participants, 300 meetings, 20 slots) stay far below.
const MAX_PLACEMENTS: usize = 20_000;
const MAX_PARTICIPANT_SLOTS: usize = 10_000;

/// Slots in a window neighbourhood of [`BreaksModel::neighbourhoods`].
const NEIGHBOURHOOD_SLOTS: usize = 6;

/// Whether [`BreaksModel`] applies: every request placed, instance small.
pub(crate) fn applicable(st: &State) -> bool {
    let inst = st.inst;
    let placements: usize = (0..inst.nr).map(|r| inst.nfeas[r] as usize).sum();
    st.nplaced == inst.nr && inst.nr > 0 && placements <= MAX_PLACEMENTS && inst.np * inst.ns <= MAX_PARTICIPANT_SLOTS
}

/// What [`BreaksModel::improve`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// The schedule left in the state has the fewest breaks possible.
    pub proven: bool,
    /// Solver steps spent (the work counted against the iteration limit).
    pub work: u64,
}

/// A CaDiCaL literal (DIMACS: a variable's number, negative when negated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CLit(i32);

impl Not for CLit {
    type Output = CLit;

    fn not(self) -> CLit {
        CLit(-self.0)
    }
}

/// CaDiCaL's interrupt: it calls `terminate` every few steps of its search (a
/// fixed number, so the calls count work deterministically: the steps).
struct Work<'a> {
    used: u64,
    limit: u64,
    stop: &'a dyn Fn() -> bool,
}

impl cadical::Callbacks for Work<'_> {
    fn terminate(&mut self) -> bool {
        self.used += 1;
        self.used >= self.limit || (self.stop)()
    }
}

/// The CaDiCaL solver the model is written into, and its variable count.
struct Cadical<'a> {
    sat: cadical::Solver<Work<'a>>,
    vars: i32,
}

impl<'a> Cadical<'a> {
    /// An empty solver whose searches also end when `stop()` returns true.
    fn new(stop: &'a dyn Fn() -> bool) -> Self {
        let mut sat = cadical::Solver::new();
        sat.set_callbacks(Some(Work { used: 0, limit: 0, stop }));
        Cadical { sat, vars: 0 }
    }

    fn var(&mut self) -> CLit {
        self.vars += 1;
        CLit(self.vars)
    }

    fn clause(&mut self, lits: &[CLit]) {
        self.sat.add_clause(lits.iter().map(|l| l.0));
    }

    /// Solves under `assumptions` with at most `limit` steps: the result
    /// (`None` when stopped) and the steps spent. A stopped solve leaves what
    /// was learnt for the next.
    fn solve(&mut self, assumptions: &[CLit], limit: u64) -> (Option<bool>, u64) {
        let cb = self.sat.get_callbacks().expect("callbacks are set with the solver");
        cb.used = 0;
        cb.limit = limit;
        let res = self.sat.solve_with(assumptions.iter().map(|l| l.0));
        (res, self.sat.get_callbacks().map_or(0, |cb| cb.used))
    }
}

/// At most one of `lits`: pairwise when short, else a sequential counter.
fn at_most_one(sat: &mut Cadical<'_>, lits: &[CLit]) {
    if lits.len() <= 6 {
        for i in 0..lits.len() {
            for j in i + 1..lits.len() {
                sat.clause(&[!lits[i], !lits[j]]);
            }
        }
        return;
    }
    let mut prev = sat.var();
    sat.clause(&[!lits[0], prev]);
    for &l in &lits[1..lits.len() - 1] {
        let cur = sat.var();
        sat.clause(&[!l, cur]);
        sat.clause(&[!prev, cur]);
        sat.clause(&[!l, !prev]);
        prev = cur;
    }
    sat.clause(&[!lits[lits.len() - 1], !prev]);
}

/// Sequential counter over `lits` with `cap` outputs: returns `out` where
/// `out[j]` is forced true when at least j + 1 of `lits` are true.
fn counter(sat: &mut Cadical<'_>, lits: &[CLit], cap: usize) -> Vec<CLit> {
    let mut reg: Vec<CLit> = Vec::new();
    for (i, &l) in lits.iter().enumerate() {
        let width = (i + 1).min(cap);
        let cur: Vec<CLit> = (0..width).map(|_| sat.var()).collect();
        sat.clause(&[!l, cur[0]]);
        for j in 0..width {
            if j < reg.len() {
                sat.clause(&[!reg[j], cur[j]]);
            }
            if j >= 1 && j - 1 < reg.len() {
                sat.clause(&[!l, !reg[j - 1], cur[j]]);
            }
        }
        reg = cur;
    }
    reg
}

/// Totalizer over `lits`, both directions: returns `out` where `out[j]` is
/// true exactly when at least j + 1 of `lits` are true.
fn totalizer(sat: &mut Cadical<'_>, lits: &[CLit]) -> Vec<CLit> {
    if lits.len() <= 1 {
        return lits.to_vec();
    }
    let (l, r) = lits.split_at(lits.len() / 2);
    let (l, r) = (totalizer(sat, l), totalizer(sat, r));
    let out: Vec<CLit> = (0..lits.len()).map(|_| sat.var()).collect();
    // With a = |true in l| and b = |true in r|: a >= i and b >= j imply out >= i + j;
    // a < i + 1 and b < j + 1 imply out < i + j + 1 (index 0 of a side is "at least 1").
    for i in 0..=l.len() {
        for j in 0..=r.len() {
            if i + j >= 1 {
                let mut c = vec![out[i + j - 1]];
                if i > 0 {
                    c.push(!l[i - 1]);
                }
                if j > 0 {
                    c.push(!r[j - 1]);
                }
                sat.clause(&c);
            }
            if i + j < lits.len() {
                let mut c = vec![!out[i + j]];
                if i < l.len() {
                    c.push(l[i]);
                }
                if j < r.len() {
                    c.push(r[j]);
                }
                sat.clause(&c);
            }
        }
    }
    out
}

/// The model's literals that its users read: per request, (slot, literal)
/// for each of its feasible slots; `bound[j]`, forced when the breaks are at
/// least j + 1.
struct Encoding {
    x: Vec<Vec<(usize, CLit)>>,
    bound: Vec<CLit>,
}

/// Adds the model of `st`'s instance (see the module's notes) to `sat`, its
/// break counter reaching up to `st`'s breaks.
fn encode(sat: &mut Cadical<'_>, st: &State) -> Encoding {
    let inst = st.inst;
    let (np, ns, nr) = (inst.np, inst.ns, inst.nr);
    let mut x: Vec<Vec<(usize, CLit)>> = Vec::with_capacity(nr);
    for r in 0..nr {
        let slots: Vec<usize> =
            if inst.pin[r] != NONE { vec![inst.pin[r] as usize] } else { bits(inst.feas(r)).collect() };
        let lits: Vec<(usize, CLit)> = slots.into_iter().map(|s| (s, sat.var())).collect();
        let all: Vec<CLit> = lits.iter().map(|&(_, l)| l).collect();
        sat.clause(&all);
        at_most_one(sat, &all);
        x.push(lits);
    }
    // Per participant and slot: the meetings that could hold p there; busy[p * ns + s].
    let mut at: Vec<Vec<CLit>> = vec![Vec::new(); np * ns];
    let mut per_slot: Vec<Vec<CLit>> = vec![Vec::new(); ns];
    for r in 0..nr {
        for &(s, l) in &x[r] {
            per_slot[s].push(l);
            for &p in inst.parts(r) {
                at[p as usize * ns + s].push(l);
            }
        }
    }
    let mut busy: Vec<Option<CLit>> = vec![None; np * ns];
    for i in 0..np * ns {
        if at[i].is_empty() {
            continue;
        }
        let b = sat.var();
        for &l in &at[i] {
            sat.clause(&[!l, b]);
        }
        let mut c = at[i].clone();
        c.push(!b);
        sat.clause(&c);
        at_most_one(sat, &at[i]);
        busy[i] = Some(b);
    }
    for s in 0..ns {
        let t = inst.tables[s] as usize;
        if per_slot[s].len() > t {
            let out = counter(sat, &per_slot[s], t + 1);
            sat.clause(&[!out[t]]);
        }
    }
    // Runs: seen and later, per participant.
    let mut later_lits: Vec<CLit> = Vec::new();
    for p in 0..np {
        let k = inst.requests_of(p).len();
        if k < 2 {
            continue;
        }
        let b = |s: usize| busy[p * ns + s];
        // Implied: exactly k of p's slots are busy.
        let row: Vec<CLit> = (0..ns).filter_map(b).collect();
        let count = totalizer(sat, &row);
        sat.clause(&[count[k - 1]]);
        if k < count.len() {
            sat.clause(&[!count[k]]);
        }
        let mut seen: Vec<Option<CLit>> = vec![None; ns];
        for s in 0..ns {
            let prev = if s > 0 { seen[s - 1] } else { None };
            if b(s).is_none() && prev.is_none() {
                continue;
            }
            let v = sat.var();
            if let Some(bs) = b(s) {
                sat.clause(&[!bs, v]);
            }
            if let Some(pv) = prev {
                sat.clause(&[!pv, v]);
            }
            seen[s] = Some(v);
        }
        let mut later: Vec<Option<CLit>> = vec![None; ns];
        for s in 2..ns {
            let (Some(bs), Some(before)) = (b(s), seen[s - 2]) else { continue };
            let g = sat.var();
            let mut c = vec![!bs, !before, g];
            if let Some(bp) = b(s - 1) {
                c.push(bp);
            }
            sat.clause(&c);
            later[s] = Some(g);
            later_lits.push(g);
        }
        // Pair cuts.
        for s in 0..ns {
            let Some(bs) = b(s) else { continue };
            for t in s + k..ns {
                let Some(bt) = b(t) else { continue };
                let mut c = vec![!bs, !bt];
                c.extend((s + 2..=t).filter_map(|u| later[u]));
                sat.clause(&c);
            }
        }
    }
    let bound = counter(sat, &later_lits, (st.breaks as usize).max(1));
    Encoding { x, bound }
}

/// The SAT model of one instance, kept across calls so that what the solver
/// learns serves every later tightening.
pub(crate) struct BreaksModel<'a> {
    sat: Cadical<'a>,
    stop: &'a dyn Fn() -> bool,
    /// Per request: (slot, literal) for each of its feasible slots.
    x: Vec<Vec<(usize, CLit)>>,
    /// `bound[j]` is forced when the breaks are at least j + 1.
    bound: Vec<CLit>,
    /// The minimum is proven: no schedule has fewer breaks than `st` had last.
    proven: bool,
    /// Proven: no schedule has fewer breaks than this.
    lower: usize,
    /// Neighbourhood sizes: participants with breaks freed, slots in a window.
    size: [usize; 2],
}

impl<'a> BreaksModel<'a> {
    /// Builds the model for `st` (see [`applicable`]); bounds up to its
    /// current breaks.
    pub(crate) fn new(st: &State, stop: &'a dyn Fn() -> bool) -> Self {
        debug_assert!(applicable(st));
        let mut sat = Cadical::new(stop);
        let Encoding { x, bound } = encode(&mut sat, st);
        BreaksModel { sat, stop, x, bound, proven: st.breaks == 0, lower: 0, size: [3, NEIGHBOURHOOD_SLOTS] }
    }

    /// Lowers the breaks of `st` (the schedule of the instance the model was
    /// built for, every request placed) until the minimum is proven, `budget`
    /// steps are spent or `stop()` returns true. The state always holds a
    /// valid schedule, never one with more breaks than before.
    pub(crate) fn improve(&mut self, st: &mut State, budget: u64) -> Outcome {
        let nr = st.inst.nr;
        debug_assert!(st.breaks as usize <= self.bound.len(), "breaks above the model's counter");
        let mut best = (st.breaks as usize).min(self.bound.len());
        if self.proven || best == 0 {
            self.proven = true;
            return Outcome { proven: true, work: 0 };
        }
        if budget == 0 {
            return Outcome { proven: false, work: 0 };
        }
        // Warm start: the current schedule as assumptions, so that the solver's saved
        // phases start from it.
        let here: Vec<CLit> = (0..nr).filter_map(|r| self.at(r, st.slot_of[r] as usize)).collect();
        let (res, mut work) = self.solve(&here, budget);
        if res != Some(true) {
            return Outcome { proven: false, work };
        }
        while best > 0 && work < budget {
            let (res, w) = self.solve(&[!self.bound[best - 1]], budget - work);
            work += w;
            if res == Some(false) {
                self.lower = best;
                self.proven = true;
                break;
            }
            if res != Some(true) {
                break;
            }
            install(st, &self.model_slots(nr));
            debug_assert!((st.breaks as usize) < best, "breaks {} not below {best}", st.breaks);
            best = st.breaks as usize;
        }
        self.proven |= best == 0;
        Outcome { proven: self.proven, work }
    }

    /// Raises the proven lower bound on the breaks from below: asks for a
    /// schedule with no more breaks than the bound, which either proves the
    /// bound one higher or (when it exists) is a schedule at the bound, hence
    /// minimal. Returns the steps spent.
    pub(crate) fn raise_lower_bound(&mut self, st: &mut State, budget: u64) -> u64 {
        self.narrow(st, budget, |lower, _| lower)
    }

    /// Bisection between the proven lower bound and the breaks of `st`: asks
    /// for a schedule with at most `mid` breaks, halfway between the two. A
    /// schedule lowers the best, an unsatisfiable bound raises the lower bound
    /// to `mid + 1`; when the two meet, the minimum is proven. A bound close to
    /// the lower bound prunes far more than one just below the best schedule,
    /// so a schedule there is often found long before a descent one break at a
    /// time gets there. Returns the steps spent.
    pub(crate) fn probe(&mut self, st: &mut State, budget: u64) -> u64 {
        self.narrow(st, budget, |lower, best| lower + (best - 1 - lower) / 2)
    }

    /// Closes the gap between the proven lower bound and the breaks of `st`:
    /// asks for a schedule with at most `at(lower, best)` breaks (a bound in
    /// `lower..best`); a schedule found is installed, an unsatisfiable bound
    /// raises the lower bound past it. Stops when the two meet (proven), the
    /// budget is spent or the solver gives up. Returns the steps spent.
    fn narrow(&mut self, st: &mut State, budget: u64, at: impl Fn(usize, usize) -> usize) -> u64 {
        let mut work = 0;
        while !self.proven && work < budget {
            let best = (st.breaks as usize).min(self.bound.len());
            if self.lower >= best {
                self.proven = true;
                break;
            }
            let k = at(self.lower, best);
            debug_assert!((self.lower..best).contains(&k));
            let (res, w) = self.solve(&[!self.bound[k]], budget - work);
            work += w;
            if res == Some(false) {
                self.lower = k + 1;
            } else if res == Some(true) {
                install(st, &self.model_slots(st.inst.nr));
                debug_assert!(st.breaks as usize <= k, "breaks {} above the bound {k}", st.breaks);
            } else {
                break;
            }
        }
        work
    }

    /// The proven lower bound on the breaks of every complete schedule.
    pub(crate) fn lower_bound(&self) -> u32 {
        self.lower as u32
    }

    /// Large-neighbourhood search on the model: frees the meetings of a
    /// participant with breaks and of everyone it meets, or of a window of
    /// slots, keeps every other meeting where it is (as assumptions) and asks
    /// for one break fewer. Each attempt gets `attempt` steps, the whole
    /// call at most `budget`. Returns the steps spent.
    pub(crate) fn neighbourhoods(&mut self, st: &mut State, rng: &mut Rng, budget: u64, attempt: u64) -> u64 {
        let inst = st.inst;
        let (np, ns, nr) = (inst.np, inst.ns, inst.nr);
        let mut spent = 0u64;
        let mut free = vec![false; nr];
        let mut assumptions: Vec<CLit> = Vec::with_capacity(nr + 1);
        while spent < budget && !self.proven && st.breaks > 0 && !(self.stop)() {
            free.iter_mut().for_each(|f| *f = false);
            let by_participants = rng.chance(0.5);
            if by_participants {
                let with_breaks: Vec<usize> = (0..np).filter(|&p| st.pbreaks[p] > 0).collect();
                for _ in 0..self.size[0] {
                    let p = with_breaks[rng.below(with_breaks.len())];
                    for &r in inst.requests_of(p) {
                        for &q in inst.parts(r as usize) {
                            for &r2 in inst.requests_of(q as usize) {
                                free[r2 as usize] = true;
                            }
                        }
                    }
                }
            } else {
                let w = self.size[1].min(ns);
                let a = rng.below(ns - w + 1);
                for r in 0..nr {
                    let s = st.slot_of[r] as usize;
                    free[r] = s >= a && s < a + w;
                }
            }
            assumptions.clear();
            assumptions.extend((0..nr).filter(|&r| !free[r]).filter_map(|r| self.at(r, st.slot_of[r] as usize)));
            let best = (st.breaks as usize).min(self.bound.len());
            assumptions.push(!self.bound[best - 1]);
            let (res, w) = self.solve(&assumptions, attempt.min(budget - spent));
            spent += w;
            // Neighbourhoods grow while they are proven hopeless, and shrink when too hard.
            let (size, most) = if by_participants { (&mut self.size[0], np) } else { (&mut self.size[1], ns) };
            if res == Some(false) {
                *size = (*size + 1).min(most);
            } else if res != Some(true) {
                *size = (*size - 1).max(1);
            }
            if res == Some(true) {
                install(st, &self.model_slots(nr));
                debug_assert!((st.breaks as usize) < best);
            }
        }
        spent
    }

    /// Solves under `assumptions` with at most `limit` steps: the result
    /// (`None` when stopped) and the steps spent.
    fn solve(&mut self, assumptions: &[CLit], limit: u64) -> (Option<bool>, u64) {
        self.sat.solve(assumptions, limit)
    }

    /// The literal of request `r` in slot `s`.
    fn at(&self, r: usize, s: usize) -> Option<CLit> {
        self.x[r].iter().find(|&&(t, _)| t == s).map(|&(_, l)| l)
    }

    fn model_slots(&self, nr: usize) -> Vec<usize> {
        (0..nr)
            .map(|r| {
                let on = self.x[r].iter().find(|&&(_, l)| self.sat.sat.value(l.0) == Some(true));
                on.map_or(NONE as usize, |&(s, _)| s)
            })
            .collect()
    }
}

/// Moves every request to `slots[r]` (a valid complete schedule).
fn install(st: &mut State, slots: &[usize]) {
    for r in 0..slots.len() {
        if st.slot_of[r] as usize != slots[r] {
            st.unplace(r);
        }
    }
    for r in 0..slots.len() {
        if st.slot_of[r] == NONE {
            st.place(r, slots[r]);
        }
    }
    st.commit();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(sat: &mut Cadical<'_>, assumptions: &[CLit]) -> Option<bool> {
        sat.solve(assumptions, u64::MAX).0
    }

    #[test]
    fn a_solve_stopped_at_its_step_limit_can_be_resumed() {
        // Ten pigeons in nine holes: unsatisfiable, and hard for resolution.
        let never = || false;
        let mut sat = Cadical::new(&never);
        let x: Vec<Vec<CLit>> = (0..10).map(|_| (0..9).map(|_| sat.var()).collect()).collect();
        for row in &x {
            sat.clause(row);
        }
        for h in 0..9 {
            let col: Vec<CLit> = x.iter().map(|row| row[h]).collect();
            at_most_one(&mut sat, &col);
        }
        let (res, used) = sat.solve(&[], 3);
        assert_eq!((res, used), (None, 3));
        let (res, used) = sat.solve(&[], u64::MAX);
        assert_eq!(res, Some(false));
        assert!(used > 3, "{used} steps");
    }

    #[test]
    fn totalizer_outputs_are_exactly_the_counts() {
        let never = || false;
        for n in 1..=6usize {
            let mut sat = Cadical::new(&never);
            let lits: Vec<CLit> = (0..n).map(|_| sat.var()).collect();
            let out = totalizer(&mut sat, &lits);
            assert_eq!(out.len(), n);
            for mask in 0..1u32 << n {
                let ones = mask.count_ones() as usize;
                let given: Vec<CLit> = (0..n).map(|i| if mask >> i & 1 == 1 { lits[i] } else { !lits[i] }).collect();
                for j in 0..n {
                    // The output cannot take the wrong value.
                    let mut wrong = given.clone();
                    wrong.push(if ones > j { !out[j] } else { out[j] });
                    assert_eq!(solve(&mut sat, &wrong), Some(false), "n {n} mask {mask:b} out[{j}]");
                }
                assert_eq!(solve(&mut sat, &given), Some(true));
            }
        }
    }

    #[test]
    fn counter_and_at_most_one_bound_the_count() {
        let never = || false;
        for n in 1..=7usize {
            for cap in 1..=n {
                let mut sat = Cadical::new(&never);
                let lits: Vec<CLit> = (0..n).map(|_| sat.var()).collect();
                let out = counter(&mut sat, &lits, cap);
                let mut amo = Cadical::new(&never);
                let alits: Vec<CLit> = (0..n).map(|_| amo.var()).collect();
                at_most_one(&mut amo, &alits);
                for mask in 0..1u32 << n {
                    let ones = mask.count_ones() as usize;
                    let given = |l: &[CLit]| -> Vec<CLit> {
                        (0..n).map(|i| if mask >> i & 1 == 1 { l[i] } else { !l[i] }).collect()
                    };
                    for k in 0..cap {
                        // "at most k" (out[k] false) holds exactly for counts up to k.
                        let mut a = given(&lits);
                        a.push(!out[k]);
                        let expect = Some(ones <= k);
                        assert_eq!(solve(&mut sat, &a), expect, "n {n} cap {cap} mask {mask:b} k {k}");
                    }
                    let expect = Some(ones <= 1);
                    assert_eq!(solve(&mut amo, &given(&alits)), expect, "at most one, mask {mask:b}");
                }
            }
        }
    }
}
