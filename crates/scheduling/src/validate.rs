//! Structural validation of a [`Problem`]: unique ids, indices in range,
//! request sizes, priorities, and pins that would violate a hard constraint
//! by themselves. [`crate::solve`] refuses problems that do not validate, so
//! that the solver can rely on these invariants.

use crate::model::{Problem, Tables};
use std::fmt;

/// One reason why a problem is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemError {
    /// The slot list is empty.
    NoSlots,
    /// Two entities of the same kind share an id.
    DuplicateId {
        /// `"slot"`, `"participant"` or `"request"`.
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// `Tables::PerSlot` does not have one entry per slot.
    TablesLength {
        /// Number of slots.
        expected: usize,
        /// Length of the vector.
        got: usize,
    },
    /// A slot index is out of range.
    UnknownSlot {
        /// Where the index was found (e.g. `"availability of participant p1"`).
        context: String,
        /// The offending index.
        slot: usize,
    },
    /// A request refers to a participant index that is out of range.
    UnknownParticipant {
        /// Request id.
        request: String,
        /// The offending index.
        participant: usize,
    },
    /// A request does not have 2 to 4 participants.
    ParticipantCount {
        /// Request id.
        request: String,
        /// Number of participants given.
        count: usize,
    },
    /// A participant appears twice in the same request.
    RepeatedParticipant {
        /// Request id.
        request: String,
        /// Participant id.
        participant: String,
    },
    /// Priority 0 (priorities must be at least 1).
    ZeroPriority {
        /// Request id.
        request: String,
    },
    /// The pinned slot is not in the request's allowed slots.
    PinNotAllowed {
        /// Request id.
        request: String,
        /// Slot id.
        slot: String,
    },
    /// A participant of a pinned request is not available in the pinned slot.
    PinUnavailable {
        /// Request id.
        request: String,
        /// Participant id.
        participant: String,
        /// Slot id.
        slot: String,
    },
    /// A pinned table number is 0 or larger than the slot's number of tables.
    PinTableOutOfRange {
        /// Request id.
        request: String,
        /// The table number given.
        table: u32,
        /// Number of tables in the slot.
        tables: u32,
    },
    /// Two pins use the same table in the same slot.
    PinTableTaken {
        /// Request id.
        request: String,
        /// The other request id.
        other: String,
        /// Slot id.
        slot: String,
        /// Table number.
        table: u32,
    },
    /// Two pinned requests share a participant in the same slot.
    PinDoubleBooked {
        /// Request id.
        request: String,
        /// The other request id.
        other: String,
        /// Participant id.
        participant: String,
        /// Slot id.
        slot: String,
    },
    /// More pinned meetings in a slot than tables.
    PinOverCapacity {
        /// Slot id.
        slot: String,
        /// Number of pins.
        pins: usize,
        /// Number of tables.
        tables: u32,
    },
    /// Two pinned requests have the same set of participants (at most one
    /// of them may be placed).
    PinnedDuplicates {
        /// Request id.
        request: String,
        /// The other request id.
        other: String,
    },
}

impl fmt::Display for ProblemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemError::*;
        match self {
            NoSlots => write!(f, "the problem has no slots"),
            DuplicateId { kind, id } => write!(f, "duplicate {kind} id {id:?}"),
            TablesLength { expected, got } => {
                write!(f, "per-slot tables has {got} entries but there are {expected} slots")
            }
            UnknownSlot { context, slot } => write!(f, "unknown slot index {slot} in {context}"),
            UnknownParticipant { request, participant } => {
                write!(f, "request {request} refers to unknown participant index {participant}")
            }
            ParticipantCount { request, count } => {
                write!(f, "request {request} has {count} participants (2 to 4 required)")
            }
            RepeatedParticipant { request, participant } => {
                write!(f, "request {request} lists participant {participant} more than once")
            }
            ZeroPriority { request } => {
                write!(f, "request {request} has priority 0 (must be at least 1)")
            }
            PinNotAllowed { request, slot } => {
                write!(f, "request {request} is pinned to slot {slot}, which is not among its allowed slots")
            }
            PinUnavailable { request, participant, slot } => write!(
                f,
                "request {request} is pinned to slot {slot} but participant {participant} is not available then"
            ),
            PinTableOutOfRange { request, table, tables } => {
                write!(f, "request {request} is pinned to table {table} but the slot has {tables} tables")
            }
            PinTableTaken { request, other, slot, table } => {
                write!(f, "requests {other} and {request} are both pinned to table {table} in slot {slot}")
            }
            PinDoubleBooked { request, other, participant, slot } => write!(
                f,
                "requests {other} and {request} are both pinned to slot {slot} and share participant {participant}"
            ),
            PinOverCapacity { slot, pins, tables } => {
                write!(f, "slot {slot} has {pins} pinned meetings but only {tables} tables")
            }
            PinnedDuplicates { request, other } => {
                write!(f, "requests {other} and {request} have the same participants and are both pinned")
            }
        }
    }
}

impl std::error::Error for ProblemError {}

fn dup_ids<'a>(kind: &'static str, ids: impl Iterator<Item = &'a String>, errs: &mut Vec<ProblemError>) {
    let mut v: Vec<&String> = ids.collect();
    v.sort();
    for w in v.windows(2) {
        if w[0] == w[1] {
            errs.push(ProblemError::DuplicateId { kind, id: w[0].clone() });
        }
    }
}

/// Checks that `problem` is well formed. Returns every error found.
pub fn validate(problem: &Problem) -> Result<(), Vec<ProblemError>> {
    let mut errs = Vec::new();
    let ns = problem.slots.len();
    let np = problem.participants.len();
    if ns == 0 {
        errs.push(ProblemError::NoSlots);
    }
    dup_ids("slot", problem.slots.iter().map(|s| &s.id), &mut errs);
    dup_ids("participant", problem.participants.iter().map(|p| &p.id), &mut errs);
    dup_ids("request", problem.requests.iter().map(|r| &r.id), &mut errs);
    if let Tables::PerSlot(v) = &problem.tables {
        if v.len() != ns {
            errs.push(ProblemError::TablesLength { expected: ns, got: v.len() });
        }
    }
    for p in &problem.participants {
        for &s in &p.available {
            if s >= ns {
                errs.push(ProblemError::UnknownSlot {
                    context: format!("availability of participant {}", p.id),
                    slot: s,
                });
            }
        }
    }
    // Per-request checks. `ok[r]` says whether pins of r can be checked.
    let mut pin_ok = vec![false; problem.requests.len()];
    for (ri, r) in problem.requests.iter().enumerate() {
        let mut good = true;
        if !(2..=4).contains(&r.participants.len()) {
            errs.push(ProblemError::ParticipantCount { request: r.id.clone(), count: r.participants.len() });
        }
        for (i, &p) in r.participants.iter().enumerate() {
            if p >= np {
                errs.push(ProblemError::UnknownParticipant { request: r.id.clone(), participant: p });
                good = false;
            } else if r.participants[..i].contains(&p) {
                errs.push(ProblemError::RepeatedParticipant {
                    request: r.id.clone(),
                    participant: problem.participants[p].id.clone(),
                });
            }
        }
        if r.priority == 0 {
            errs.push(ProblemError::ZeroPriority { request: r.id.clone() });
        }
        if let Some(allowed) = &r.allowed_slots {
            for &s in allowed {
                if s >= ns {
                    errs.push(ProblemError::UnknownSlot {
                        context: format!("allowed slots of request {}", r.id),
                        slot: s,
                    });
                    good = false;
                }
            }
        }
        if let Some(pin) = r.pinned {
            if pin.slot >= ns {
                errs.push(ProblemError::UnknownSlot { context: format!("pin of request {}", r.id), slot: pin.slot });
                continue;
            }
            if !good {
                continue;
            }
            let slot_id = &problem.slots[pin.slot].id;
            if let Some(allowed) = &r.allowed_slots {
                if !allowed.contains(&pin.slot) {
                    errs.push(ProblemError::PinNotAllowed { request: r.id.clone(), slot: slot_id.clone() });
                }
            }
            for &p in &r.participants {
                if !problem.participants[p].available.contains(&pin.slot) {
                    errs.push(ProblemError::PinUnavailable {
                        request: r.id.clone(),
                        participant: problem.participants[p].id.clone(),
                        slot: slot_id.clone(),
                    });
                }
            }
            let t = problem.tables.at(pin.slot);
            if let Some(tb) = pin.table {
                if tb == 0 || tb > t {
                    errs.push(ProblemError::PinTableOutOfRange { request: r.id.clone(), table: tb, tables: t });
                }
            }
            pin_ok[ri] = true;
        }
    }
    // Pairwise pin checks (sorted by slot to keep this near-linear).
    let mut pins: Vec<(usize, usize)> = problem
        .requests
        .iter()
        .enumerate()
        .filter(|(ri, _)| pin_ok[*ri])
        .map(|(ri, r)| (r.pinned.map(|p| p.slot).unwrap_or(0), ri))
        .collect();
    pins.sort();
    let mut i = 0;
    while i < pins.len() {
        let s = pins[i].0;
        let mut j = i;
        while j < pins.len() && pins[j].0 == s {
            j += 1;
        }
        let group = &pins[i..j];
        let t = problem.tables.at(s);
        if group.len() > t as usize {
            errs.push(ProblemError::PinOverCapacity {
                slot: problem.slots[s].id.clone(),
                pins: group.len(),
                tables: t,
            });
        }
        let mut by_part: Vec<(usize, usize)> = Vec::new();
        let mut by_table: Vec<(u32, usize)> = Vec::new();
        for &(_, ri) in group {
            let r = &problem.requests[ri];
            for &p in &r.participants {
                by_part.push((p, ri));
            }
            if let Some(tb) = r.pinned.and_then(|p| p.table) {
                by_table.push((tb, ri));
            }
        }
        by_part.sort();
        by_part.dedup();
        for w in by_part.windows(2) {
            if w[0].0 == w[1].0 {
                errs.push(ProblemError::PinDoubleBooked {
                    request: problem.requests[w[1].1].id.clone(),
                    other: problem.requests[w[0].1].id.clone(),
                    participant: problem.participants[w[0].0].id.clone(),
                    slot: problem.slots[s].id.clone(),
                });
            }
        }
        by_table.sort();
        for w in by_table.windows(2) {
            if w[0].0 == w[1].0 {
                errs.push(ProblemError::PinTableTaken {
                    request: problem.requests[w[1].1].id.clone(),
                    other: problem.requests[w[0].1].id.clone(),
                    slot: problem.slots[s].id.clone(),
                    table: w[0].0,
                });
            }
        }
        i = j;
    }
    // Pinned requests with identical participant sets.
    let mut sets: Vec<(Vec<usize>, usize)> = pins
        .iter()
        .map(|&(_, ri)| {
            let mut v = problem.requests[ri].participants.clone();
            v.sort_unstable();
            (v, ri)
        })
        .collect();
    sets.sort();
    for w in sets.windows(2) {
        if w[0].0 == w[1].0 {
            errs.push(ProblemError::PinnedDuplicates {
                request: problem.requests[w[1].1].id.clone(),
                other: problem.requests[w[0].1].id.clone(),
            });
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}
