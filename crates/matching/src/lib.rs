//! Partner matchmaking, pure: no I/O, no clock. For now it holds *cluster fit*: which clusters
//! suit an organisation, judged from the texts of its projects, with the words that back each
//! choice so a person can check it. The demo's inferred memberships use it.

pub mod fit;

pub use fit::{cluster_fit, ClusterProfile, Fit};
