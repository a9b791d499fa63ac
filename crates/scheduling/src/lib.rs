//! `scheduling`: a pure, dependency-free B2B meeting scheduler for
//! clusterbridge (a platform for cluster initiatives).
//!
//! Given time slots with a number of tables, participants with availability,
//! and meeting requests between two to four participants (priority, optional
//! allowed slots, optional pin), [`solve`] builds a schedule optimising, in
//! lexicographic order: (1) the priority-weighted number of placed meetings,
//! (2) fairness (the worst participant shortfall), (3) compactness (few
//! breaks). Hard constraints: availability, allowed slots, no double
//! booking, tables per slot, pins, and at most one placed request per set of
//! participants. Every run also reports a valid upper bound on (1) and a
//! human-readable reason for each unplaced request.
//!
//! The library never reads the clock, does no I/O and uses its own seeded
//! PRNG: results are deterministic for a given seed and iteration limit, and
//! time limits are injected by the caller through a `stop` callback (the
//! result is always the best valid schedule found so far).
//!
//! ```
//! use scheduling::{solve, Options, Participant, Problem, Request, Slot, Tables};
//! let problem = Problem {
//!     slots: vec![
//!         Slot { id: "9:00".into(), session: None },
//!         Slot { id: "9:30".into(), session: None },
//!     ],
//!     tables: Tables::Uniform(1),
//!     participants: (0..3)
//!         .map(|i| Participant { id: format!("p{i}"), available: vec![0, 1] })
//!         .collect(),
//!     requests: vec![
//!         Request { id: "a".into(), participants: vec![0, 1], priority: 1, allowed_slots: None, pinned: None },
//!         Request { id: "b".into(), participants: vec![1, 2], priority: 1, allowed_slots: None, pinned: None },
//!     ],
//!     place_all: false,
//! };
//! let sol = solve(&problem, &Options::default(), &|| false).unwrap();
//! assert_eq!(sol.placed, 2);
//! assert!(scheduling::violations(&problem, &sol).is_empty());
//! ```

// The algorithms are deliberately index-based (parallel flat arrays indexed
// by participant, slot and request), so range loops are the clearest form.
#![allow(clippy::needless_range_loop)]

mod bound;
mod check;
mod coloring;
mod exact;
mod explain;
mod flow;
pub mod generate;
mod model;
mod prep;
mod reasons;
mod rng;
mod search;
mod solver;
mod state;
mod validate;

pub use check::{violations, Violation};
pub use explain::{explain, Explanation, Fix, Why};
pub use model::{Meeting, Options, Participant, Pin, Problem, Request, Slot, Solution, Status, Tables, Unplaced};
pub use rng::Rng;
pub use solver::{greedy, replan, solve};
pub use validate::{validate, ProblemError};
