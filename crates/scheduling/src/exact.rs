//! Exact break minimisation for small instances whose requests are all
//! placed (`place_all` forums of real-world size): the schedule as a SAT
//! model, solved with batsat, with a cardinality bound on the breaks. The
//! model serves two ways ([`BreaksModel`]): neighbourhoods (most meetings
//! assumed where they are, the rest free, one break fewer asked for) and the
//! whole schedule: the bound tightened one break at a time from the best
//! schedule known, raised from below, and bisected between the proven lower
//! bound and the best schedule ([`BreaksModel::probe`]); and, on CaDiCaL, asked
//! only at the proven lower bound ([`Ascent`], the second thread's search). The
//! encoding is written once, generic over the solver ([`Cnf`]). An unsatisfiable
//! bound on the whole schedule proves a lower bound; one just below the best
//! schedule proves its breaks minimal.
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
//! Work is counted in solver decisions (batsat) or terminate polls (CaDiCaL,
//! which polls every few search steps), so a work limit gives the same result
//! on every run; the caller's `stop` is polled every 256 decisions, and at
//! every CaDiCaL poll.

use std::cell::Cell;
use std::ops::Not;

use batsat::{lbool, Callbacks, Lit, SolverInterface, SolverOpts};

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
    /// Solver decisions spent (the work counted against the iteration limit).
    pub work: u64,
}

/// The solver's interrupt: a decision budget and the caller's deadline.
struct Budget<'a> {
    used: Cell<u64>,
    stopped: Cell<bool>,
    limit: u64,
    stop: &'a dyn Fn() -> bool,
}

impl Callbacks for Budget<'_> {
    /// Polled at every decision, and again after a search that stopped: once true, it
    /// stays true.
    fn stop(&self) -> bool {
        if self.stopped.get() {
            return true;
        }
        let n = self.used.get() + 1;
        self.used.set(n);
        let stop = n >= self.limit || (n.is_multiple_of(256) && (self.stop)());
        self.stopped.set(stop);
        stop
    }
}

type Solver<'a> = batsat::Solver<Budget<'a>>;

/// What the encoding needs of a SAT solver: fresh variables and clauses.
/// Implemented by batsat ([`BreaksModel`]) and CaDiCaL ([`Ascent`]).
pub(crate) trait Cnf {
    type Lit: Copy + Not<Output = Self::Lit>;
    fn var(&mut self) -> Self::Lit;
    fn clause(&mut self, lits: &[Self::Lit]);
}

impl Cnf for Solver<'_> {
    type Lit = Lit;

    fn var(&mut self) -> Lit {
        Lit::new(self.new_var_default(), true)
    }

    fn clause(&mut self, lits: &[Lit]) {
        let mut c = lits.to_vec();
        self.add_clause_reuse(&mut c);
    }
}

/// At most one of `lits`: pairwise when short, else a sequential counter.
fn at_most_one<S: Cnf>(sat: &mut S, lits: &[S::Lit]) {
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
fn counter<S: Cnf>(sat: &mut S, lits: &[S::Lit], cap: usize) -> Vec<S::Lit> {
    let mut reg: Vec<S::Lit> = Vec::new();
    for (i, &l) in lits.iter().enumerate() {
        let width = (i + 1).min(cap);
        let cur: Vec<S::Lit> = (0..width).map(|_| sat.var()).collect();
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
fn totalizer<S: Cnf>(sat: &mut S, lits: &[S::Lit]) -> Vec<S::Lit> {
    if lits.len() <= 1 {
        return lits.to_vec();
    }
    let (l, r) = lits.split_at(lits.len() / 2);
    let (l, r) = (totalizer(sat, l), totalizer(sat, r));
    let out: Vec<S::Lit> = (0..lits.len()).map(|_| sat.var()).collect();
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
struct Encoding<L> {
    x: Vec<Vec<(usize, L)>>,
    bound: Vec<L>,
}

/// Adds the model of `st`'s instance (see the module's notes) to `sat`, its
/// break counter reaching up to `st`'s breaks.
fn encode<S: Cnf>(sat: &mut S, st: &State) -> Encoding<S::Lit> {
    let inst = st.inst;
    let (np, ns, nr) = (inst.np, inst.ns, inst.nr);
    let mut x: Vec<Vec<(usize, S::Lit)>> = Vec::with_capacity(nr);
    for r in 0..nr {
        let slots: Vec<usize> =
            if inst.pin[r] != NONE { vec![inst.pin[r] as usize] } else { bits(inst.feas(r)).collect() };
        let lits: Vec<(usize, S::Lit)> = slots.into_iter().map(|s| (s, sat.var())).collect();
        let all: Vec<S::Lit> = lits.iter().map(|&(_, l)| l).collect();
        sat.clause(&all);
        at_most_one(sat, &all);
        x.push(lits);
    }
    // Per participant and slot: the meetings that could hold p there; busy[p * ns + s].
    let mut at: Vec<Vec<S::Lit>> = vec![Vec::new(); np * ns];
    let mut per_slot: Vec<Vec<S::Lit>> = vec![Vec::new(); ns];
    for r in 0..nr {
        for &(s, l) in &x[r] {
            per_slot[s].push(l);
            for &p in inst.parts(r) {
                at[p as usize * ns + s].push(l);
            }
        }
    }
    let mut busy: Vec<Option<S::Lit>> = vec![None; np * ns];
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
    let mut later_lits: Vec<S::Lit> = Vec::new();
    for p in 0..np {
        let k = inst.requests_of(p).len();
        if k < 2 {
            continue;
        }
        let b = |s: usize| busy[p * ns + s];
        // Implied: exactly k of p's slots are busy.
        let row: Vec<S::Lit> = (0..ns).filter_map(b).collect();
        let count = totalizer(sat, &row);
        sat.clause(&[count[k - 1]]);
        if k < count.len() {
            sat.clause(&[!count[k]]);
        }
        let mut seen: Vec<Option<S::Lit>> = vec![None; ns];
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
        let mut later: Vec<Option<S::Lit>> = vec![None; ns];
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
    sat: Solver<'a>,
    /// Per request: (slot, literal) for each of its feasible slots.
    x: Vec<Vec<(usize, Lit)>>,
    /// `bound[j]` is forced when the breaks are at least j + 1.
    bound: Vec<Lit>,
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
        let cb = Budget { used: Cell::new(0), stopped: Cell::new(false), limit: 0, stop };
        let mut sat: Solver<'a> = batsat::Solver::new(SolverOpts::default(), cb);
        let Encoding { x, bound } = encode(&mut sat, st);
        BreaksModel { sat, x, bound, proven: st.breaks == 0, lower: 0, size: [3, NEIGHBOURHOOD_SLOTS] }
    }

    /// Lowers the breaks of `st` (the schedule of the instance the model was
    /// built for, every request placed) until the minimum is proven, `budget`
    /// decisions are spent or `stop()` returns true. The state always holds a
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
        let here: Vec<Lit> = (0..nr).filter_map(|r| self.at(r, st.slot_of[r] as usize)).collect();
        let (res, mut work) = self.solve(&here, budget);
        if res != lbool::TRUE {
            return Outcome { proven: false, work };
        }
        while best > 0 && work < budget {
            let (res, w) = self.solve(&[!self.bound[best - 1]], budget - work);
            work += w;
            if res == lbool::FALSE {
                self.lower = best;
                self.proven = true;
                break;
            }
            if res != lbool::TRUE {
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
    /// minimal. Returns the decisions spent.
    pub(crate) fn raise_lower_bound(&mut self, st: &mut State, budget: u64) -> u64 {
        self.narrow(st, budget, |lower, _| lower)
    }

    /// Bisection between the proven lower bound and the breaks of `st`: asks
    /// for a schedule with at most `mid` breaks, halfway between the two. A
    /// schedule lowers the best, an unsatisfiable bound raises the lower bound
    /// to `mid + 1`; when the two meet, the minimum is proven. A bound close to
    /// the lower bound prunes far more than one just below the best schedule,
    /// so a schedule there is often found long before a descent one break at a
    /// time gets there. Returns the decisions spent.
    pub(crate) fn probe(&mut self, st: &mut State, budget: u64) -> u64 {
        self.narrow(st, budget, |lower, best| lower + (best - 1 - lower) / 2)
    }

    /// Closes the gap between the proven lower bound and the breaks of `st`:
    /// asks for a schedule with at most `at(lower, best)` breaks (a bound in
    /// `lower..best`); a schedule found is installed, an unsatisfiable bound
    /// raises the lower bound past it. Stops when the two meet (proven), the
    /// budget is spent or the solver gives up. Returns the decisions spent.
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
            if res == lbool::FALSE {
                self.lower = k + 1;
            } else if res == lbool::TRUE {
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
    /// for one break fewer. Each attempt gets `attempt` decisions, the whole
    /// call at most `budget`. Returns the decisions spent.
    pub(crate) fn neighbourhoods(&mut self, st: &mut State, rng: &mut Rng, budget: u64, attempt: u64) -> u64 {
        let inst = st.inst;
        let (np, ns, nr) = (inst.np, inst.ns, inst.nr);
        let mut spent = 0u64;
        let mut free = vec![false; nr];
        let mut assumptions: Vec<Lit> = Vec::with_capacity(nr + 1);
        while spent < budget && !self.proven && st.breaks > 0 && !(self.sat.cb().stop)() {
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
            if res == lbool::FALSE {
                *size = (*size + 1).min(most);
            } else if res != lbool::TRUE {
                *size = (*size - 1).max(1);
            }
            if res == lbool::TRUE {
                install(st, &self.model_slots(nr));
                debug_assert!((st.breaks as usize) < best);
            }
        }
        spent
    }

    /// Solves under `assumptions` with at most `limit` decisions: the result
    /// and the decisions spent.
    fn solve(&mut self, assumptions: &[Lit], limit: u64) -> (lbool, u64) {
        let cb = self.sat.cb_mut();
        cb.limit = limit;
        cb.used.set(0);
        cb.stopped.set(false);
        let res = self.sat.solve_limited(assumptions);
        (res, self.sat.cb().used.get())
    }

    /// The literal of request `r` in slot `s`.
    fn at(&self, r: usize, s: usize) -> Option<Lit> {
        self.x[r].iter().find(|&&(t, _)| t == s).map(|&(_, l)| l)
    }

    fn model_slots(&self, nr: usize) -> Vec<usize> {
        (0..nr)
            .map(|r| {
                let on = self.x[r].iter().find(|&&(_, l)| self.sat.value_lit(l) == lbool::TRUE);
                on.map_or(NONE as usize, |&(s, _)| s)
            })
            .collect()
    }
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
/// fixed number, so the calls count work as deterministically as decisions).
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

struct Cadical<'a> {
    sat: cadical::Solver<Work<'a>>,
    vars: i32,
}

impl Cnf for Cadical<'_> {
    type Lit = CLit;

    fn var(&mut self) -> CLit {
        self.vars += 1;
        CLit(self.vars)
    }

    fn clause(&mut self, lits: &[CLit]) {
        self.sat.add_clause(lits.iter().map(|l| l.0));
    }
}

/// The model on CaDiCaL, asked only from below: a schedule with no more
/// breaks than the proven lower bound, the bound raised while none exists.
/// On forums whose lower bound is tight this finds the minimum far sooner
/// than a descent from above (on the 70-participant bench forum: the query
/// at its minimum took batsat 240,000 decisions and 22 s, CaDiCaL 8 to 28 s
/// from scratch, against 10 to 40 s and more for MiniSat).
pub(crate) struct Ascent<'a> {
    cad: Cadical<'a>,
    enc: Encoding<CLit>,
    lower: usize,
}

impl<'a> Ascent<'a> {
    /// Builds the model for `st` (see [`applicable`]).
    pub(crate) fn new(st: &State, stop: &'a dyn Fn() -> bool) -> Self {
        debug_assert!(applicable(st));
        let mut cad = Cadical { sat: cadical::Solver::new(), vars: 0 };
        cad.sat.set_callbacks(Some(Work { used: 0, limit: 0, stop }));
        let enc = encode(&mut cad, st);
        Ascent { cad, enc, lower: 0 }
    }

    /// Asks for a schedule with at most the lower bound's breaks, raising the
    /// bound on each "none", until one is found (installed in `st`: a
    /// minimum), the bound reaches the breaks of `st` (proven minimal),
    /// `budget` units of work are spent or `stop()` returns true. Returns the
    /// work spent.
    pub(crate) fn run(&mut self, st: &mut State, budget: u64) -> u64 {
        let mut work = 0;
        while self.lower < (st.breaks as usize).min(self.enc.bound.len()) && work < budget {
            let cb = self.cad.sat.get_callbacks().expect("callbacks set in new");
            cb.used = 0;
            cb.limit = budget - work;
            let res = self.cad.sat.solve_with([(!self.enc.bound[self.lower]).0]);
            work += self.cad.sat.get_callbacks().map_or(0, |cb| cb.used);
            match res {
                Some(false) => self.lower += 1,
                Some(true) => {
                    let sat = &self.cad.sat;
                    let slots: Vec<usize> = self
                        .enc
                        .x
                        .iter()
                        .map(|lits| {
                            let on = lits.iter().find(|&&(_, l)| sat.value(l.0) == Some(true));
                            on.map_or(NONE as usize, |&(s, _)| s)
                        })
                        .collect();
                    install(st, &slots);
                    debug_assert!(st.breaks as usize <= self.lower, "breaks {} above {}", st.breaks, self.lower);
                    break;
                }
                None => break,
            }
        }
        work
    }

    /// The proven lower bound on the breaks of every complete schedule.
    pub(crate) fn lower_bound(&self) -> u32 {
        self.lower as u32
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

    fn solver(stop: &dyn Fn() -> bool) -> Solver<'_> {
        batsat::Solver::new(
            SolverOpts::default(),
            Budget { used: Cell::new(0), stopped: Cell::new(false), limit: u64::MAX, stop },
        )
    }

    #[test]
    fn totalizer_outputs_are_exactly_the_counts() {
        let never = || false;
        for n in 1..=6usize {
            let mut sat = solver(&never);
            let lits: Vec<Lit> = (0..n).map(|_| sat.var()).collect();
            let out = totalizer(&mut sat, &lits);
            assert_eq!(out.len(), n);
            for mask in 0..1u32 << n {
                let ones = mask.count_ones() as usize;
                let given: Vec<Lit> = (0..n).map(|i| if mask >> i & 1 == 1 { lits[i] } else { !lits[i] }).collect();
                for j in 0..n {
                    // The output cannot take the wrong value.
                    let mut wrong = given.clone();
                    wrong.push(if ones > j { !out[j] } else { out[j] });
                    assert_eq!(sat.solve_limited(&wrong), lbool::FALSE, "n {n} mask {mask:b} out[{j}]");
                }
                assert_eq!(sat.solve_limited(&given), lbool::TRUE);
            }
        }
    }

    #[test]
    fn counter_and_at_most_one_bound_the_count() {
        let never = || false;
        for n in 1..=7usize {
            for cap in 1..=n {
                let mut sat = solver(&never);
                let lits: Vec<Lit> = (0..n).map(|_| sat.var()).collect();
                let out = counter(&mut sat, &lits, cap);
                let mut amo = solver(&never);
                let alits: Vec<Lit> = (0..n).map(|_| amo.var()).collect();
                at_most_one(&mut amo, &alits);
                for mask in 0..1u32 << n {
                    let ones = mask.count_ones() as usize;
                    let given = |l: &[Lit]| -> Vec<Lit> {
                        (0..n).map(|i| if mask >> i & 1 == 1 { l[i] } else { !l[i] }).collect()
                    };
                    for k in 0..cap {
                        // "at most k" (out[k] false) holds exactly for counts up to k.
                        let mut a = given(&lits);
                        a.push(!out[k]);
                        let expect = if ones <= k { lbool::TRUE } else { lbool::FALSE };
                        assert_eq!(sat.solve_limited(&a), expect, "n {n} cap {cap} mask {mask:b} k {k}");
                    }
                    let expect = if ones <= 1 { lbool::TRUE } else { lbool::FALSE };
                    assert_eq!(amo.solve_limited(&given(&alits)), expect, "at most one, mask {mask:b}");
                }
            }
        }
    }
}
