//! Independent solution checker. [`violations`] re-verifies every hard
//! constraint and every reported figure of a [`Solution`] from scratch,
//! without sharing code with the solver's incremental bookkeeping. It is used
//! by the tests and, in debug builds, by `debug_assert!` after each solve.

use crate::model::{Problem, Solution, Status};
use std::fmt;

/// One broken constraint or inconsistent figure in a solution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// A meeting or unplaced entry refers to an index out of range.
    BadIndex(String),
    /// A request is placed more than once, or both placed and unplaced.
    PlacedTwice {
        /// Request index.
        request: usize,
    },
    /// A request is neither placed nor listed as unplaced, or its reason is
    /// empty.
    MissingReason {
        /// Request index.
        request: usize,
    },
    /// A participant is not available in the slot of one of their meetings.
    Unavailable {
        /// Request index.
        request: usize,
        /// Participant index.
        participant: usize,
        /// Slot index.
        slot: usize,
    },
    /// A meeting is outside the request's allowed slots.
    NotAllowed {
        /// Request index.
        request: usize,
        /// Slot index.
        slot: usize,
    },
    /// A participant has two meetings in the same slot.
    DoubleBooked {
        /// Participant index.
        participant: usize,
        /// Slot index.
        slot: usize,
    },
    /// Two meetings use the same table in the same slot, or the table number
    /// is out of range.
    BadTable {
        /// Slot index.
        slot: usize,
        /// Table number.
        table: u32,
    },
    /// More meetings than tables in a slot.
    OverCapacity {
        /// Slot index.
        slot: usize,
        /// Meetings placed in the slot.
        meetings: usize,
        /// Tables in the slot.
        tables: u32,
    },
    /// A pinned request is not placed where it is pinned.
    PinBroken {
        /// Request index.
        request: usize,
    },
    /// Two placed requests have the same set of participants.
    DuplicatePlaced {
        /// First request index.
        a: usize,
        /// Second request index.
        b: usize,
    },
    /// A summary figure of the solution does not match the meetings.
    Inconsistent(String),
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Shortfall cap of every participant: `min(#requests with at least one
/// feasible slot, #available slots)`.
pub(crate) fn shortfall_caps(problem: &Problem) -> Vec<u32> {
    let ns = problem.slots.len();
    let mut nreq = vec![0u32; problem.participants.len()];
    let mut avail_sets: Vec<Vec<bool>> = problem
        .participants
        .iter()
        .map(|p| {
            let mut v = vec![false; ns];
            for &s in &p.available {
                if s < ns {
                    v[s] = true;
                }
            }
            v
        })
        .collect();
    for r in &problem.requests {
        if r.participants.iter().any(|&p| p >= avail_sets.len()) {
            continue;
        }
        let feasible = (0..ns).any(|s| {
            problem.tables.at(s) > 0
                && r.allowed_slots.as_ref().is_none_or(|a| a.contains(&s))
                && r.participants.iter().all(|&p| avail_sets[p][s])
        });
        if feasible {
            for &p in &r.participants {
                nreq[p] += 1;
            }
        }
    }
    let caps = problem
        .participants
        .iter()
        .zip(avail_sets.iter_mut())
        .zip(nreq)
        .map(|((_, av), n)| n.min(av.iter().filter(|&&b| b).count() as u32))
        .collect();
    caps
}

/// Number of breaks in a busy pattern (slots in order).
pub(crate) fn breaks_of(busy: &[bool]) -> u32 {
    let mut breaks = 0;
    let mut seen = false;
    let mut gap = false;
    for &b in busy {
        if b {
            if seen && gap {
                breaks += 1;
            }
            seen = true;
            gap = false;
        } else if seen {
            gap = true;
        }
    }
    breaks
}

/// Returns every hard-constraint violation and inconsistent figure of
/// `solution` with respect to `problem` (empty when the solution is valid).
/// The problem is assumed to pass [`crate::validate`].
pub fn violations(problem: &Problem, solution: &Solution) -> Vec<Violation> {
    let mut out = Vec::new();
    let ns = problem.slots.len();
    let np = problem.participants.len();
    let nr = problem.requests.len();
    let mut placed_at: Vec<Option<usize>> = vec![None; nr];
    let mut booked: Vec<Vec<u32>> = vec![vec![0; ns]; np];
    let mut per_slot: Vec<Vec<u32>> = vec![Vec::new(); ns];
    for m in &solution.meetings {
        if m.request >= nr || m.slot >= ns {
            out.push(Violation::BadIndex(format!("{m:?}")));
            continue;
        }
        if placed_at[m.request].is_some() {
            out.push(Violation::PlacedTwice { request: m.request });
            continue;
        }
        placed_at[m.request] = Some(m.slot);
        per_slot[m.slot].push(m.table);
        let r = &problem.requests[m.request];
        if let Some(a) = &r.allowed_slots {
            if !a.contains(&m.slot) {
                out.push(Violation::NotAllowed { request: m.request, slot: m.slot });
            }
        }
        for &p in &r.participants {
            if !problem.participants[p].available.contains(&m.slot) {
                out.push(Violation::Unavailable { request: m.request, participant: p, slot: m.slot });
            }
            booked[p][m.slot] += 1;
            if booked[p][m.slot] == 2 {
                out.push(Violation::DoubleBooked { participant: p, slot: m.slot });
            }
        }
        if let Some(pin) = r.pinned {
            if pin.slot != m.slot || pin.table.is_some_and(|t| t != m.table) {
                out.push(Violation::PinBroken { request: m.request });
            }
        }
    }
    for (s, tables) in per_slot.iter_mut().enumerate() {
        let t = problem.tables.at(s);
        if tables.len() > t as usize {
            out.push(Violation::OverCapacity { slot: s, meetings: tables.len(), tables: t });
        }
        tables.sort_unstable();
        for (i, &tb) in tables.iter().enumerate() {
            if tb == 0 || tb > t || (i > 0 && tables[i - 1] == tb) {
                out.push(Violation::BadTable { slot: s, table: tb });
            }
        }
    }
    for (ri, r) in problem.requests.iter().enumerate() {
        if r.pinned.is_some() && placed_at[ri].is_none() {
            out.push(Violation::PinBroken { request: ri });
        }
    }
    // Duplicates.
    let mut sets: Vec<(Vec<usize>, usize)> = (0..nr)
        .filter(|&ri| placed_at[ri].is_some())
        .map(|ri| {
            let mut v = problem.requests[ri].participants.clone();
            v.sort_unstable();
            (v, ri)
        })
        .collect();
    sets.sort();
    for w in sets.windows(2) {
        if w[0].0 == w[1].0 {
            out.push(Violation::DuplicatePlaced { a: w[0].1, b: w[1].1 });
        }
    }
    // Unplaced list.
    let mut listed = vec![false; nr];
    for u in &solution.unplaced {
        if u.request >= nr {
            out.push(Violation::BadIndex(format!("{u:?}")));
            continue;
        }
        if placed_at[u.request].is_some() || listed[u.request] {
            out.push(Violation::PlacedTwice { request: u.request });
        }
        listed[u.request] = true;
        if u.reason.trim().is_empty() {
            out.push(Violation::MissingReason { request: u.request });
        }
    }
    for ri in 0..nr {
        if placed_at[ri].is_none() && !listed[ri] {
            out.push(Violation::MissingReason { request: ri });
        }
    }
    // Figures.
    let placed = placed_at.iter().filter(|s| s.is_some()).count();
    let weight: u64 =
        (0..nr).filter(|&ri| placed_at[ri].is_some()).map(|ri| problem.requests[ri].priority as u64).sum();
    if placed != solution.placed || placed != solution.meetings.len() {
        out.push(Violation::Inconsistent(format!("placed = {} but {} meetings are valid", solution.placed, placed)));
    }
    if weight != solution.placed_weight {
        out.push(Violation::Inconsistent(format!(
            "placed_weight = {} but the meetings weigh {}",
            solution.placed_weight, weight
        )));
    }
    if solution.upper_bound < weight {
        out.push(Violation::Inconsistent(format!(
            "upper_bound {} is below the placed weight {}",
            solution.upper_bound, weight
        )));
    }
    let caps = shortfall_caps(problem);
    let mut count = vec![0u32; np];
    let mut breaks = 0u32;
    for (p, row) in booked.iter().enumerate() {
        let busy: Vec<bool> = row.iter().map(|&c| c > 0).collect();
        count[p] = row.iter().sum();
        breaks += breaks_of(&busy);
    }
    let worst = (0..np).map(|p| caps[p].saturating_sub(count[p])).max().unwrap_or(0);
    if worst != solution.worst_shortfall {
        out.push(Violation::Inconsistent(format!(
            "worst_shortfall = {} but recomputed {}",
            solution.worst_shortfall, worst
        )));
    }
    if breaks != solution.breaks {
        out.push(Violation::Inconsistent(format!("breaks = {} but recomputed {}", solution.breaks, breaks)));
    }
    let status_ok = match &solution.status {
        Status::Optimal => !problem.place_all && weight == solution.upper_bound,
        Status::Feasible => !problem.place_all && weight < solution.upper_bound,
        Status::PlaceAllReached => problem.place_all && placed == nr,
        Status::PlaceAllImpossible(why) => problem.place_all && placed < nr && !why.is_empty(),
        Status::PlaceAllNotReached => problem.place_all && placed < nr,
    };
    if !status_ok {
        out.push(Violation::Inconsistent(format!("status {:?} does not match the solution", solution.status)));
    }
    out
}
