//! Entry points: [`solve`], [`greedy`] and [`replan`], plus the assembly of a
//! [`Solution`] (table numbers, reasons, figures, status) from the internal
//! state.

use crate::bound::{cheap_bound, lagrangian_bound, participant_caps, Groups};
use crate::check::violations;
use crate::coloring;
use crate::model::{Meeting, Options, Pin, Problem, Solution, Status, Unplaced};
use crate::prep::{Inst, NONE};
use crate::reasons::reason;
use crate::search::{breaks_cycle, construct, place_pins, Limits, LocalSearch};
use crate::state::State;
use crate::validate::{validate, ProblemError};

/// Solves `problem`: greedy construction (or the exact algorithm for the
/// bipartite full-availability family), upper bound, then local search until
/// `options.max_iterations`, `options.max_stale_iterations`, proven
/// perfection, or `stop()` returns true (checked every few iterations; the
/// caller implements deadlines with it, the library never reads a clock).
///
/// The result is always a valid schedule: the best one found (anytime).
/// Returns the validation errors when the problem is malformed.
pub fn solve(problem: &Problem, options: &Options, stop: &dyn Fn() -> bool) -> Result<Solution, Vec<ProblemError>> {
    validate(problem)?;
    let inst = Inst::new(problem);
    Ok(run(problem, &inst, options, stop, None))
}

/// Simple baseline: most-constrained-first greedy without local search (for
/// benchmark comparisons). Its `upper_bound` is the cheap combinatorial bound
/// (no Lagrangian optimisation).
pub fn greedy(problem: &Problem) -> Result<Solution, Vec<ProblemError>> {
    validate(problem)?;
    let inst = Inst::new(problem);
    let groups = Groups::new(&inst);
    let caps = participant_caps(&inst, &groups);
    let ub = cheap_bound(&inst, &groups, &caps);
    let mut st = State::new(&inst);
    place_pins(&mut st);
    construct(&mut st);
    let sol = assemble(problem, &inst, &st, ub, 0, &caps, &groups, None);
    debug_assert!(violations(problem, &sol).is_empty(), "{:?}", violations(problem, &sol));
    Ok(sol)
}

/// Re-plans after changes. `previous` are the published meetings of an
/// earlier solution (request, slot, table); the requests listed in `held`
/// must keep their previous slot and table (they become pins). The other
/// published meetings are kept in their previous slot whenever possible: the
/// objective becomes (placed weight, then fewest moved published meetings,
/// then fairness, then breaks), and [`Solution::moved`] reports how many
/// published meetings changed slot. Published meetings that had to be dropped
/// are reported in `unplaced` with a reason mentioning their previous slot.
pub fn replan(
    problem: &Problem,
    previous: &[Meeting],
    held: &[usize],
    options: &Options,
    stop: &dyn Fn() -> bool,
) -> Result<Solution, Vec<ProblemError>> {
    let mut errs = Vec::new();
    let mut p2 = problem.clone();
    let nr = problem.requests.len();
    let mut prev_slot = vec![NONE; nr];
    let mut prev_table = vec![0u32; nr];
    for m in previous {
        if m.request >= nr || m.slot >= problem.slots.len() {
            errs.push(ProblemError::UnknownSlot { context: format!("previous meeting {m:?}"), slot: m.slot });
            continue;
        }
        prev_slot[m.request] = m.slot as u32;
        prev_table[m.request] = m.table;
    }
    for &h in held {
        if h >= nr || prev_slot[h] == NONE {
            errs.push(ProblemError::UnknownSlot {
                context: format!("held request {h} without a previous meeting"),
                slot: usize::MAX,
            });
            continue;
        }
        if p2.requests[h].pinned.is_none() {
            p2.requests[h].pinned = Some(Pin { slot: prev_slot[h] as usize, table: Some(prev_table[h]) });
        }
    }
    if let Err(mut e) = validate(&p2) {
        errs.append(&mut e);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let mut inst = Inst::new(&p2);
    for r in 0..nr {
        if inst.pin[r] == NONE {
            inst.home[r] = prev_slot[r];
        }
    }
    let mut sol = run(&p2, &inst, options, stop, Some(&prev_table));
    // Held meetings were pins only inside the re-plan.
    debug_assert!(violations(problem, &sol).iter().all(|v| matches!(v, crate::check::Violation::PinBroken { .. })));
    sol.unplaced.sort_by_key(|u| u.request);
    Ok(sol)
}

fn run(
    problem: &Problem,
    inst: &Inst,
    options: &Options,
    stop: &dyn Fn() -> bool,
    prev_table: Option<&[u32]>,
) -> Solution {
    let groups = Groups::new(inst);
    let caps = participant_caps(inst, &groups);
    let mut ub = cheap_bound(inst, &groups, &caps);
    let mut st = State::new(inst);
    if !coloring::solve_exact(inst, &groups, &caps, &mut st) {
        place_pins(&mut st);
        construct(&mut st);
    }
    if st.weight < ub {
        let work: u64 = (0..inst.nr).map(|r| inst.nfeas[r] as u64 * inst.parts(r).len() as u64).sum::<u64>()
            + (inst.np * inst.ns) as u64 * 3;
        let iters = (1_500_000_000 / work.max(1)).clamp(40, 600) as u32;
        ub = ub.min(lagrangian_bound(inst, &groups, &caps, st.weight, iters, stop));
    }
    debug_assert!(ub >= st.weight, "bound {ub} below weight {}", st.weight);
    ub = ub.max(st.weight);
    let max_stale = options.max_stale_iterations.unwrap_or(200_000 + 30 * inst.nr as u64);
    // The breaks phase (only breaks left to improve) anneals in cycles: by default it may go
    // 24 cycles without a better schedule.
    let phase_stale = options.max_stale_iterations.unwrap_or(24 * breaks_cycle(inst.nr));
    let limits = Limits {
        max_iterations: options.max_iterations.unwrap_or(u64::MAX),
        max_stale,
        phase_stale,
        upper_bound: ub,
        threads: options.threads,
    };
    let mut ls = LocalSearch::new(&mut st, options.seed);
    ls.run(&limits, stop);
    let iterations = ls.iterations;
    let (proven, lower) = (ls.breaks_proven, ls.breaks_lower);
    let mut sol = assemble(problem, inst, &st, ub, iterations, &caps, &groups, prev_table);
    if sol.placed == inst.nr {
        sol.breaks_minimal |= proven;
        sol.breaks_lower_bound = if sol.breaks_minimal { sol.breaks } else { lower.min(sol.breaks) };
    }
    debug_assert!(violations(problem, &sol).is_empty(), "{:?}", violations(problem, &sol));
    sol
}

/// Reasons why placing every request is impossible (empty if no proof).
fn impossibility(problem: &Problem, inst: &Inst, ub: u64, caps: &[u32], groups: &Groups) -> Vec<String> {
    let mut why = Vec::new();
    for r in 0..inst.nr {
        if inst.nfeas[r] == 0 {
            why.push(format!("request {} has no feasible slot", problem.requests[r].id));
        } else if inst.group[r] as usize != r {
            why.push(format!(
                "requests {} and {} have the same participants (at most one can be placed)",
                problem.requests[inst.group[r] as usize].id, problem.requests[r].id
            ));
        }
    }
    let mut nreq = vec![0u32; inst.np];
    for g in 0..groups.len() {
        for &p in inst.parts(groups.rep[g] as usize) {
            nreq[p as usize] += 1;
        }
    }
    for p in 0..inst.np {
        if nreq[p] > caps[p] {
            why.push(format!(
                "participant {} has {} requests but at most {} of them fit in distinct available slots",
                problem.participants[p].id, nreq[p], caps[p]
            ));
        }
    }
    let capacity: u64 = inst.tables.iter().map(|&t| t as u64).sum();
    if inst.nr as u64 > capacity {
        why.push(format!("{} requests but only {} table-slots", inst.nr, capacity));
    }
    let total: u64 = inst.weight.iter().sum();
    if why.is_empty() && ub < total {
        why.push(format!(
            "the upper bound on the placeable priority weight ({ub}) is below the total weight ({total})"
        ));
    }
    why
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    problem: &Problem,
    inst: &Inst,
    st: &State,
    ub: u64,
    iterations: u64,
    caps: &[u32],
    groups: &Groups,
    prev_table: Option<&[u32]>,
) -> Solution {
    let mut meetings = Vec::with_capacity(st.nplaced);
    for s in 0..inst.ns {
        let t = inst.tables[s] as usize;
        let mut taken = vec![false; t + 1];
        let mut members: Vec<usize> = st.members[s].iter().map(|&r| r as usize).collect();
        members.sort_unstable();
        let mut assigned = vec![0u32; members.len()];
        for (i, &r) in members.iter().enumerate() {
            if let Some(tb) = problem.requests[r].pinned.and_then(|p| p.table) {
                taken[tb as usize] = true;
                assigned[i] = tb;
            }
        }
        if let Some(pt) = prev_table {
            for (i, &r) in members.iter().enumerate() {
                let tb = pt[r] as usize;
                if assigned[i] == 0 && inst.home[r] as usize == s && tb >= 1 && tb <= t && !taken[tb] {
                    taken[tb] = true;
                    assigned[i] = tb as u32;
                }
            }
        }
        let mut next = 1;
        for (i, &r) in members.iter().enumerate() {
            if assigned[i] == 0 {
                while taken[next] {
                    next += 1;
                }
                taken[next] = true;
                assigned[i] = next as u32;
            }
            meetings.push(Meeting { request: r, slot: s, table: assigned[i] });
        }
    }
    meetings.sort_by_key(|m| (m.slot, m.table));
    let unplaced: Vec<Unplaced> = (0..inst.nr)
        .filter(|&r| st.slot_of[r] == NONE)
        .map(|r| Unplaced { request: r, reason: reason(problem, inst, st, r) })
        .collect();
    let status = if problem.place_all {
        if st.nplaced == inst.nr {
            Status::PlaceAllReached
        } else {
            let why = impossibility(problem, inst, ub, caps, groups);
            if why.is_empty() {
                Status::PlaceAllNotReached
            } else {
                Status::PlaceAllImpossible(why)
            }
        }
    } else if st.weight == ub {
        Status::Optimal
    } else {
        Status::Feasible
    };
    Solution {
        placed: st.nplaced,
        placed_weight: st.weight,
        upper_bound: ub,
        worst_shortfall: st.worst,
        breaks: st.breaks as u32,
        breaks_minimal: st.nplaced == inst.nr && st.breaks == 0,
        breaks_lower_bound: 0,
        moved: st.moved,
        status,
        iterations,
        meetings,
        unplaced,
    }
}
