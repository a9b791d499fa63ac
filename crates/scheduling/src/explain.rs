//! Why a request is not placed, and what would place it, as data rather than a sentence: the
//! caller words it in its reader's language. Derived from any placement of the problem (a
//! solution, or the meetings an application has on record), so a plan can be explained long
//! after the run that made it.
//!
//! The categories follow what an organiser can act on: the sides share no slot (someone's
//! availability), every shared slot already holds a meeting of one side (a later end: one more
//! slot), every shared slot where both are free has no table left (one more table there).

use crate::model::{Meeting, Problem};

/// Why a request is not placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// Its participants have no slot in common (availability, allowed slots, slots without
    /// tables).
    NoCommonSlot,
    /// In each of the `shared` slots they have in common, one side or more already has a
    /// meeting.
    SidesBusy { shared: usize },
    /// In every slot where all sides are free, all tables are taken (`shared` slots in common).
    NoTableFree { shared: usize },
    /// Some shared slots hold a meeting of one side, the others have no table left.
    BusyOrNoTable { shared: usize },
    /// The same participants meet in another request that is placed.
    Duplicate,
    /// A shared slot is free for all sides and has a table: the run stopped before placing it.
    NotReached,
}

/// What would place a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// One more slot where all sides are free: the day ending later.
    OneMoreSlot,
    /// One more table in this slot.
    OneMoreTable { slot: usize },
    /// These participants (indexes) making themselves available in this slot, where the
    /// others are available and free.
    Availability { participants: Vec<usize>, slot: usize },
    /// Nothing to change: placing it takes a new scheduling run.
    RunAgain,
    /// One side giving up another of its meetings (no slot, table or availability would do).
    GiveUpAnother,
    /// Nothing: the pair already meets.
    Nothing,
}

/// An unplaced request with its reason and remedy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub request: usize,
    pub why: Why,
    pub fix: Fix,
}

/// Explains every request of `problem` that `placed` does not place, in request order.
pub fn explain(problem: &Problem, placed: &[Meeting]) -> Vec<Explanation> {
    let ns = problem.slots.len();
    let np = problem.participants.len();
    let mut busy = vec![false; np * ns];
    let mut used = vec![0u32; ns];
    let mut is_placed = vec![false; problem.requests.len()];
    for m in placed {
        let Some(r) = problem.requests.get(m.request) else { continue };
        if m.slot >= ns {
            continue;
        }
        is_placed[m.request] = true;
        used[m.slot] += 1;
        for &p in &r.participants {
            if p < np {
                busy[p * ns + m.slot] = true;
            }
        }
    }
    let key = |r: usize| {
        let mut k = problem.requests[r].participants.clone();
        k.sort_unstable();
        k
    };
    let placed_pairs: Vec<Vec<usize>> = (0..problem.requests.len()).filter(|&r| is_placed[r]).map(key).collect();
    let available = |p: usize, s: usize| problem.participants.get(p).is_some_and(|x| x.available.contains(&s));
    let open = |r: usize, s: usize| {
        problem.tables.at(s) > 0 && problem.requests[r].allowed_slots.as_ref().is_none_or(|a| a.contains(&s))
    };
    let mut out = Vec::new();
    for r in (0..problem.requests.len()).filter(|&r| !is_placed[r]) {
        let parts = &problem.requests[r].participants;
        // A slot after the last one helps those who stay until the end (a what-if run gives the
        // new slots to whoever is available in the last one); else someone's availability.
        let stays = |p: usize| ns > 0 && available(p, ns - 1);
        let later_end = if parts.iter().all(|&p| stays(p)) {
            Fix::OneMoreSlot
        } else {
            availability_fix(problem, parts, &busy, r, &open).unwrap_or(Fix::GiveUpAnother)
        };
        let (why, fix) = if placed_pairs.contains(&key(r)) {
            (Why::Duplicate, Fix::Nothing)
        } else {
            let shared: Vec<usize> =
                (0..ns).filter(|&s| open(r, s) && parts.iter().all(|&p| available(p, s))).collect();
            if shared.is_empty() {
                (Why::NoCommonSlot, availability_fix(problem, parts, &busy, r, &open).unwrap_or(later_end))
            } else {
                let side_busy = |s: usize| parts.iter().any(|&p| busy[p * ns + s]);
                let free: Vec<usize> = shared.iter().copied().filter(|&s| !side_busy(s)).collect();
                let with_table = free.iter().copied().find(|&s| used[s] < problem.tables.at(s));
                match (with_table, free.first()) {
                    (Some(_), _) => (Why::NotReached, Fix::RunAgain),
                    (None, None) => (Why::SidesBusy { shared: shared.len() }, later_end),
                    (None, Some(&s)) if free.len() == shared.len() => {
                        (Why::NoTableFree { shared: shared.len() }, Fix::OneMoreTable { slot: s })
                    }
                    (None, Some(&s)) => (Why::BusyOrNoTable { shared: shared.len() }, Fix::OneMoreTable { slot: s }),
                }
            }
        };
        out.push(Explanation { request: r, why, fix });
    }
    out
}

/// The slot where the fewest sides would have to become available, among those where every
/// side already available is free and someone is missing; `None` when there is none.
fn availability_fix(
    problem: &Problem,
    parts: &[usize],
    busy: &[bool],
    r: usize,
    open: &dyn Fn(usize, usize) -> bool,
) -> Option<Fix> {
    let ns = problem.slots.len();
    let mut best: Option<(usize, Vec<usize>)> = None;
    for s in (0..ns).filter(|&s| open(r, s)) {
        let (ok, missing): (Vec<usize>, Vec<usize>) =
            parts.iter().partition(|&&p| problem.participants[p].available.contains(&s));
        if ok.is_empty() || missing.is_empty() || ok.iter().any(|&p| busy[p * ns + s]) {
            continue;
        }
        if best.as_ref().is_none_or(|b| missing.len() < b.1.len()) {
            best = Some((s, missing));
        }
    }
    best.map(|(slot, participants)| Fix::Availability { participants, slot })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Request, Slot, Tables};

    fn problem(tables: Tables, available: &[&[usize]], pairs: &[(usize, usize)]) -> Problem {
        Problem {
            slots: (0..3).map(|i| Slot { id: format!("s{i}"), session: None }).collect(),
            tables,
            participants: available
                .iter()
                .enumerate()
                .map(|(i, a)| Participant { id: format!("p{i}"), available: a.to_vec() })
                .collect(),
            requests: pairs
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| Request {
                    id: format!("r{i}"),
                    participants: vec![a, b],
                    priority: 1,
                    allowed_slots: None,
                    pinned: None,
                })
                .collect(),
            place_all: false,
        }
    }

    fn at(request: usize, slot: usize) -> Meeting {
        Meeting { request, slot, table: 1 }
    }

    #[test]
    fn no_common_slot_names_who_would_have_to_be_available_where() {
        // p0 only in slot 0, p1 only in slot 2: p1 available in slot 0 would do.
        let p = problem(Tables::Uniform(1), &[&[0], &[2]], &[(0, 1)]);
        let e = explain(&p, &[]);
        assert_eq!(
            e,
            vec![Explanation {
                request: 0,
                why: Why::NoCommonSlot,
                fix: Fix::Availability { participants: vec![1], slot: 0 }
            }]
        );
    }

    #[test]
    fn sides_busy_in_every_shared_slot_want_a_later_end() {
        // p0 and p1 share slots 0 and 1, the last two; p0 meets p2 in 0, p1 meets p3 in 1.
        let all: &[usize] = &[0, 1];
        let mut p = problem(Tables::Uniform(5), &[all, all, all, all], &[(0, 2), (1, 3), (0, 1)]);
        p.slots.truncate(2);
        let e = explain(&p, &[at(0, 0), at(1, 1)]);
        assert_eq!(e, vec![Explanation { request: 2, why: Why::SidesBusy { shared: 2 }, fix: Fix::OneMoreSlot }]);
    }

    #[test]
    fn a_side_that_leaves_early_is_not_helped_by_a_later_end() {
        // p1 leaves before slot 2, where p0 is free: p1 staying would do; p2 and p3 are busy.
        let p = problem(Tables::Uniform(5), &[&[0, 1, 2], &[0, 1], &[0, 1], &[0, 1]], &[(0, 2), (1, 3), (0, 1)]);
        let e = explain(&p, &[at(0, 0), at(1, 1)]);
        assert_eq!(e[0].why, Why::SidesBusy { shared: 2 });
        assert_eq!(e[0].fix, Fix::Availability { participants: vec![1], slot: 2 });
        // Both gone before the last slot, nobody free anywhere else: only giving up a meeting.
        let p = problem(Tables::Uniform(5), &[&[0, 1], &[0, 1], &[0, 1], &[0, 1]], &[(0, 2), (1, 3), (0, 1)]);
        assert_eq!(explain(&p, &[at(0, 0), at(1, 1)])[0].fix, Fix::GiveUpAnother);
    }

    #[test]
    fn full_tables_want_one_more_table_and_a_free_slot_a_new_run() {
        let all: &[usize] = &[0, 1, 2];
        // One table per slot, three slots all taken by others: one more table in slot 0.
        let p =
            problem(Tables::Uniform(1), &[all, all, all, all, all, all, all, all], &[(2, 3), (4, 5), (6, 7), (0, 1)]);
        let e = explain(&p, &[at(0, 0), at(1, 1), at(2, 2)]);
        assert_eq!(e[0].why, Why::NoTableFree { shared: 3 });
        assert_eq!(e[0].fix, Fix::OneMoreTable { slot: 0 });
        // With slot 2 left free, the request could have been placed: a new run places it.
        let e = explain(&p, &[at(0, 0), at(1, 1)]);
        assert_eq!(e.iter().find(|x| x.request == 3).unwrap().fix, Fix::RunAgain);
    }

    #[test]
    fn a_pair_already_meeting_is_a_duplicate() {
        let all: &[usize] = &[0, 1, 2];
        let p = problem(Tables::Uniform(2), &[all, all], &[(0, 1), (1, 0)]);
        assert_eq!(explain(&p, &[at(0, 1)])[0].why, Why::Duplicate);
    }
}
