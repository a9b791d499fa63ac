//! Collaboration analytics over the registry, pure: the caller (the `app` crate) reads the
//! registry's data once into the plain values of this module ([`Data`]) and gets figures back.
//! No I/O, no clock (the reference day comes in as [`Data::today`]), no randomness but the
//! seeded generator of [`rng`], so the same data always gives the same figures.
//!
//! Dates are `yyyymmdd` integers ([`Date`]): they order like dates, their year is `d / 10_000`,
//! and "the last 12 months before d" is `d - 10_000 < x <= d`, which is all the measures need.
//!
//! The measures: [`matrix`] (joint projects, held meetings and shared members per pair of
//! clusters and year), [`betweenness`] (exact Brandes and Riondato–Kornaropoulos sampling),
//! [`brokerage`] (Gould–Fernandez roles between clusters), [`communities`] (Leiden and
//! modularity), [`isolated`] (members without collaboration across clusters), [`kpis`] (the five
//! strategy fields), [`funnel`] (meeting request to joint project) and [`layout`] (positions for
//! the network map). [`graph`] builds the
//! collaboration graph they share.

pub mod betweenness;
pub mod brokerage;
pub mod communities;
pub mod funnel;
pub mod graph;
pub mod isolated;
pub mod kpis;
pub mod layout;
pub mod matrix;
pub mod rng;

/// A calendar day as `yyyymmdd` (20130415 is 15 April 2013).
pub type Date = i32;

/// The year of a [`Date`].
pub fn year_of(d: Date) -> i32 {
    d / 10_000
}

/// The registry's data, as plain values. Organisations, clusters and events are referred to by
/// their position in these vectors; `id` fields keep the registry's own ids for the output.
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// The reference day ("today"): memberships current, "last 12 months", freshness.
    pub today: Date,
    /// The initiative's own country (ISO code, "LU"): partners elsewhere are foreign.
    pub home_country: String,
    pub clusters: Vec<Cluster>,
    pub organisations: Vec<Organisation>,
    pub memberships: Vec<Membership>,
    pub projects: Vec<Project>,
    pub events: Vec<Event>,
    pub participants: Vec<Participant>,
    pub requests: Vec<Request>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub id: i64,
    pub slug: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Organisation {
    pub id: i64,
    pub external_id: Option<String>,
    pub name: String,
    pub country: String,
    /// Share of the profile's fields filled in (0 to 1), for the branding KPIs.
    pub completeness: f64,
    /// The day the profile was last changed.
    pub updated: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Membership {
    pub organisation: usize,
    pub cluster: usize,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl Membership {
    /// Whether the membership overlaps the days `from..=to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.start.is_none_or(|s| s <= to) && self.end.is_none_or(|e| e >= from)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectKind {
    Common,
    Flagship,
    EuFunded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: i64,
    pub kind: ProjectKind,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub budget_eur: Option<f64>,
    /// Partner organisations (positions in [`Data::organisations`]), each once.
    pub partners: Vec<usize>,
    /// Clusters the project declares (positions in [`Data::clusters`]).
    pub clusters: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub slug: String,
    pub starts_on: Date,
    /// Clusters organising the event (positions in [`Data::clusters`]).
    pub clusters: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub event: usize,
    /// The organisation represented, when known.
    pub organisation: Option<usize>,
    /// Registered as a guest (an account with the participant role, not a member's account).
    pub guest: bool,
}

/// How far a meeting request got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Requested,
    Accepted,
    Held,
}

/// A meeting request between two participants of an event and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub event: usize,
    /// The asker's and the asked's organisations, when known.
    pub from: Option<usize>,
    pub to: Option<usize>,
    pub requested_on: Date,
    pub stage: Stage,
    /// The day the meeting was held (the event's day), when it was.
    pub held_on: Option<Date>,
    /// Some side answered the feedback with "cooperation possible".
    pub cooperation_possible: bool,
    /// The first follow-up recorded by either side (cooperation started, agreement signed).
    pub follow_up_on: Option<Date>,
}

impl Data {
    /// For each organisation, the clusters it is a member of at some point of `from..=to`
    /// (sorted, each once).
    pub fn clusters_of(&self, from: Date, to: Date) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.organisations.len()];
        for m in &self.memberships {
            if m.overlaps(from, to) && !out[m.organisation].contains(&m.cluster) {
                out[m.organisation].push(m.cluster);
            }
        }
        for c in &mut out {
            c.sort_unstable();
        }
        out
    }

    /// The held meetings as (organisation, organisation, day), both sides known and distinct.
    pub fn held_meetings(&self) -> impl Iterator<Item = (usize, usize, Date)> + '_ {
        self.requests.iter().filter_map(|r| match (r.from, r.to, r.held_on) {
            (Some(a), Some(b), Some(d)) if r.stage == Stage::Held && a != b => Some((a, b, d)),
            _ => None,
        })
    }

    /// Index of a cluster by slug.
    pub fn cluster_index(&self, slug: &str) -> Option<usize> {
        self.clusters.iter().position(|c| c.slug == slug)
    }
}

/// First and last day of a year.
pub fn year_bounds(year: i32) -> (Date, Date) {
    (year * 10_000 + 101, year * 10_000 + 1231)
}
