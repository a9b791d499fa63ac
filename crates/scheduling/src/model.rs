//! Data model: the problem description handed to the solver, the solver
//! options and the solution it returns. All references between entities are
//! plain indices into the vectors of [`Problem`] (slot indices, participant
//! indices, request indices); string ids exist only for humans and for
//! validation of uniqueness.

/// A time slot of the event. Slots are ordered: the order of
/// [`Problem::slots`] is the chronological order used for compactness
/// (breaks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Unique human-readable id, e.g. `"day1-09:00"`.
    pub id: String,
    /// Optional session label (e.g. `"morning"`); informational only.
    pub session: Option<String>,
}

/// Number of tables available per slot. Every placed meeting uses exactly one
/// table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tables {
    /// The same number of tables in every slot.
    Uniform(u32),
    /// One entry per slot, indexed like [`Problem::slots`].
    PerSlot(Vec<u32>),
}

impl Tables {
    /// Number of tables in slot `s` (0 when `s` is out of range of a
    /// `PerSlot` vector).
    pub fn at(&self, s: usize) -> u32 {
        match self {
            Tables::Uniform(t) => *t,
            Tables::PerSlot(v) => v.get(s).copied().unwrap_or(0),
        }
    }
}

/// A participant (a person or a company delegate).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Unique human-readable id.
    pub id: String,
    /// Indices of the slots in which the participant is available.
    pub available: Vec<usize>,
}

/// Where a pinned meeting must take place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pin {
    /// Slot index.
    pub slot: usize,
    /// Optional table number, 1-based.
    pub table: Option<u32>,
}

/// A meeting request between two to four participants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Unique human-readable id.
    pub id: String,
    /// Participant indices (2..=4 distinct participants).
    pub participants: Vec<usize>,
    /// Priority weight, at least 1. Objective (1) maximises the sum of the
    /// priorities of the placed requests.
    pub priority: u32,
    /// Optional restriction to a subset of slots (e.g. morning only).
    pub allowed_slots: Option<Vec<usize>>,
    /// Optional pin: the meeting must be placed exactly there.
    pub pinned: Option<Pin>,
}

/// A complete scheduling problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Slots in chronological order.
    pub slots: Vec<Slot>,
    /// Tables per slot.
    pub tables: Tables,
    /// Participants.
    pub participants: Vec<Participant>,
    /// Meeting requests.
    pub requests: Vec<Request>,
    /// When true every request must be placed; the solver then minimises
    /// breaks and reports whether that goal was reached, proven impossible or
    /// not reached within the limits.
    pub place_all: bool,
}

/// Solver options. The solver never reads the clock: time limits are
/// expressed through the `stop` callback passed to [`crate::solve`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Seed of the internal pseudo random generator.
    pub seed: u64,
    /// Maximum number of local-search iterations. With a fixed seed and
    /// iteration limit (and a `stop` callback that never fires) the output is
    /// identical on every run.
    pub max_iterations: Option<u64>,
    /// The search also ends after this many consecutive iterations without
    /// improving the best solution. `None` selects a default that grows with
    /// the instance size, so that `solve` terminates even without any limit
    /// (once only breaks are left to improve, e.g. a reached `place_all`,
    /// the annealing phase's default is 24 of its cycles, at most 96
    /// million iterations).
    pub max_stale_iterations: Option<u64>,
    /// Threads the search may use: 1, or 2 for a second search in the exact
    /// breaks phase of small `place_all` forums (see the crate's
    /// ARCHITECTURE notes). Either way a work limit gives the same output on
    /// every run.
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { seed: 1, max_iterations: None, max_stale_iterations: None, threads: 2 }
    }
}

/// A placed meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Meeting {
    /// Request index.
    pub request: usize,
    /// Slot index.
    pub slot: usize,
    /// Table number, 1-based.
    pub table: u32,
}

/// A request that is not part of the schedule, with a human-readable reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    /// Request index.
    pub request: usize,
    /// Why the request is not placed.
    pub reason: String,
}

/// Outcome classification of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Objective (1) is proven optimal: `placed_weight == upper_bound`.
    Optimal,
    /// A valid schedule whose weight is below the upper bound (optimality not
    /// proven).
    Feasible,
    /// `place_all`: every request is placed.
    PlaceAllReached,
    /// `place_all`: proven impossible; the strings say why. The returned
    /// schedule is still the best partial schedule found.
    PlaceAllImpossible(Vec<String>),
    /// `place_all`: not all requests could be placed within the limits and no
    /// proof of impossibility was found.
    PlaceAllNotReached,
}

/// The result of [`crate::solve`], [`crate::replan`] or [`crate::greedy`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    /// Placed meetings, sorted by slot, then table.
    pub meetings: Vec<Meeting>,
    /// Every request that is not placed, sorted by request index, with a
    /// reason.
    pub unplaced: Vec<Unplaced>,
    /// Number of placed meetings.
    pub placed: usize,
    /// Objective (1): sum of the priorities of the placed requests.
    pub placed_weight: u64,
    /// A valid upper bound on objective (1).
    pub upper_bound: u64,
    /// Objective (2): the largest participant shortfall, where a
    /// participant's shortfall is `min(#requests with a feasible slot,
    /// #available slots) - #meetings placed`.
    pub worst_shortfall: u32,
    /// Objective (3): the total number of breaks over all participants (a
    /// break is a maximal run of slots without a meeting that lies between
    /// two meetings of the participant).
    pub breaks: u32,
    /// Every request is placed and no schedule of all of them has fewer
    /// breaks (proven by the exact model on small instances, or 0 breaks). In
    /// a re-plan, with the held meetings where they are.
    pub breaks_minimal: bool,
    /// Every schedule that places every request has at least this many breaks
    /// (proven by the exact model; equals `breaks` when `breaks_minimal`, 0
    /// when nothing is proven or not every request is placed).
    pub breaks_lower_bound: u32,
    /// Re-planning only: number of previously published meetings that are
    /// placed in a different slot than before (0 for a plain solve).
    pub moved: u32,
    /// Outcome classification.
    pub status: Status,
    /// Number of local-search iterations performed.
    pub iterations: u64,
}
