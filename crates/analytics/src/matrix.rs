//! The inter-cluster matrix: for every pair of clusters, per year and over the whole period,
//! the joint projects (projects started that year with a partner in one cluster and another
//! partner in the other), the held meetings (one side in each) and the shared members
//! (organisations in both), with the figure of the year before (or the period of the same length
//! before) to show the change. Membership is taken in the year counted. The same figures for
//! the initiative as a whole against outside partners: projects with a member and a non-member,
//! meetings between a member and a non-member, distinct outside partners.

use crate::graph::Period;
use crate::{year_bounds, year_of, Data};

/// The three figures of a pair of clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub joint_projects: u64,
    pub held_meetings: u64,
    pub shared_members: u64,
}

/// One cell: clusters `a < b` (positions in [`Data::clusters`]), a year or the whole period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub a: usize,
    pub b: usize,
    pub year: Option<i32>,
    pub counts: Counts,
    /// The same figures one year earlier (for a year) or over the period of the same length
    /// just before (for the whole period).
    pub previous: Counts,
}

/// The initiative against outside partners, for a year or the whole period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outside {
    pub year: Option<i32>,
    pub joint_projects: u64,
    pub held_meetings: u64,
    /// Distinct non-member organisations in those projects and meetings.
    pub partners: u64,
    pub previous_joint_projects: u64,
    pub previous_held_meetings: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub years: Vec<i32>,
    /// Every pair a < b, for each year then for the whole period (year `None`).
    pub cells: Vec<Cell>,
    pub outside: Vec<Outside>,
}

/// The matrix over `from..=to` (years).
pub fn matrix(data: &Data, from: i32, to: i32) -> Matrix {
    let c = data.clusters.len();
    let years: Vec<i32> = (from..=to).collect();
    let idx = |a: usize, b: usize| a * c + b;
    let mut cells = Vec::new();
    let mut outside = Vec::new();
    let yearly = |y: i32| tally(data, Period::years(y, y));
    let mut per_year: Vec<(Vec<Counts>, OutsideTally)> = Vec::with_capacity(years.len() + 1);
    // One year before the first, for its change.
    per_year.push(yearly(from - 1));
    for &y in &years {
        per_year.push(yearly(y));
    }
    for (i, &y) in years.iter().enumerate() {
        let (now, out_now) = &per_year[i + 1];
        let (before, out_before) = &per_year[i];
        for a in 0..c {
            for b in a + 1..c {
                cells.push(Cell { a, b, year: Some(y), counts: now[idx(a, b)], previous: before[idx(a, b)] });
            }
        }
        outside.push(out_now.row(Some(y), out_before));
    }
    let len = to - from + 1;
    let (total, out_total) = tally(data, Period::years(from, to));
    let (prev, out_prev) = tally(data, Period::years(from - len, from - 1));
    for a in 0..c {
        for b in a + 1..c {
            cells.push(Cell { a, b, year: None, counts: total[idx(a, b)], previous: prev[idx(a, b)] });
        }
    }
    outside.push(out_total.row(None, &out_prev));
    Matrix { years, cells, outside }
}

#[derive(Debug, Default)]
struct OutsideTally {
    projects: u64,
    meetings: u64,
    partners: u64,
}

impl OutsideTally {
    fn row(&self, year: Option<i32>, before: &OutsideTally) -> Outside {
        Outside {
            year,
            joint_projects: self.projects,
            held_meetings: self.meetings,
            partners: self.partners,
            previous_joint_projects: before.projects,
            previous_held_meetings: before.meetings,
        }
    }
}

/// Counts for one period, a c×c table (only a < b filled) and the outside figures. A project
/// counts for the clusters its partners are in during the year it started.
fn tally(data: &Data, period: Period) -> (Vec<Counts>, OutsideTally) {
    let c = data.clusters.len();
    let mut t = vec![Counts::default(); c * c];
    let mut out = OutsideTally::default();
    let (from, to) = period.days();
    let in_period = data.clusters_of(from, to);
    // The clusters of every organisation during each year that a project or meeting starts in.
    let mut by_year: std::collections::HashMap<i32, Vec<Vec<usize>>> = std::collections::HashMap::new();
    let dated = data.projects.iter().filter_map(|p| p.start).chain(data.held_meetings().map(|m| m.2));
    for d in dated.filter(|&d| period.contains(Some(d))) {
        by_year.entry(year_of(d)).or_insert_with(|| {
            let (f, l) = year_bounds(year_of(d));
            data.clusters_of(f, l)
        });
    }
    let clusters_in = |y: i32| &by_year[&y];
    let mut outsiders = std::collections::HashSet::new();
    let mut seen = vec![usize::MAX; c];
    let mut first = vec![usize::MAX; c];
    for (pi, p) in data.projects.iter().enumerate() {
        let Some(start) = p.start.filter(|&s| period.contains(Some(s))) else { continue };
        let of = clusters_in(year_of(start));
        let mut present: Vec<usize> = Vec::new();
        // For each cluster, its first partner and whether a second, different one exists.
        let mut two = vec![false; c];
        let mut member = false;
        let mut stranger = false;
        for &o in &p.partners {
            if of[o].is_empty() {
                stranger = true;
            } else {
                member = true;
            }
            for &k in &of[o] {
                if seen[k] != pi {
                    seen[k] = pi;
                    first[k] = o;
                    present.push(k);
                } else if first[k] != o {
                    two[k] = true;
                }
            }
        }
        if member && stranger {
            out.projects += 1;
            for &o in &p.partners {
                if of[o].is_empty() {
                    outsiders.insert(o);
                }
            }
        }
        present.sort_unstable();
        for (i, &a) in present.iter().enumerate() {
            for &b in &present[i + 1..] {
                // Distinct partners in a and b unless one organisation alone stands for both.
                if first[a] != first[b] || two[a] || two[b] {
                    t[a * c + b].joint_projects += 1;
                }
            }
        }
    }
    for (x, y, d) in data.held_meetings() {
        if !period.contains(Some(d)) {
            continue;
        }
        let of = clusters_in(year_of(d));
        let (cx, cy) = (&of[x], &of[y]);
        if cx.is_empty() != cy.is_empty() {
            out.meetings += 1;
            outsiders.insert(if cx.is_empty() { x } else { y });
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for &a in cx {
            for &b in cy {
                if a != b {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (a, b) in pairs {
            t[a * c + b].held_meetings += 1;
        }
    }
    for cl in &in_period {
        for (i, &a) in cl.iter().enumerate() {
            for &b in &cl[i + 1..] {
                t[a * c + b].shared_members += 1;
            }
        }
    }
    out.partners = outsiders.len() as u64;
    (t, out)
}
