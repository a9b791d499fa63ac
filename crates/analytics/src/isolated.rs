//! Isolated members: current members of a cluster with no project started and no meeting held
//! together with a member of another cluster (a cluster they are not in themselves) in the last
//! N years before the reference day. Membership is taken as it stands on the reference day.

use crate::{Data, Date};

#[derive(Debug, Clone, PartialEq)]
pub struct Isolated {
    pub organisation: usize,
    /// Its current clusters.
    pub clusters: Vec<usize>,
    /// The last project start or held meeting with a member of another cluster, ever.
    pub last_cross_cluster: Option<Date>,
}

/// Members without collaboration across clusters in the `years` years up to `data.today`.
pub fn isolated(data: &Data, years: i32) -> Vec<Isolated> {
    let today = data.today;
    let since = today - years * 10_000;
    let now = data.clusters_of(today, today);
    let c = data.clusters.len();
    let mut last: Vec<Option<Date>> = vec![None; data.organisations.len()];
    let mut note = |o: usize, d: Date| {
        if d <= today && last[o].is_none_or(|l| l < d) {
            last[o] = Some(d);
        }
    };
    let mut count = vec![0usize; c];
    for p in &data.projects {
        let Some(start) = p.start else { continue };
        for &o in &p.partners {
            for &k in &now[o] {
                count[k] += 1;
            }
        }
        for &o in &p.partners {
            // another partner in a cluster `o` is not in: every partner counted in such a
            // cluster is someone else
            if !now[o].is_empty() && (0..c).any(|k| count[k] > 0 && !now[o].contains(&k)) {
                note(o, start);
            }
        }
        for &o in &p.partners {
            for &k in &now[o] {
                count[k] = 0;
            }
        }
    }
    for (a, b, d) in data.held_meetings() {
        if now[b].iter().any(|k| !now[a].contains(k)) {
            note(a, d);
        }
        if now[a].iter().any(|k| !now[b].contains(k)) {
            note(b, d);
        }
    }
    (0..data.organisations.len())
        .filter(|&o| !now[o].is_empty() && last[o].is_none_or(|d| d <= since))
        .map(|o| Isolated { organisation: o, clusters: now[o].clone(), last_cross_cluster: last[o] })
        .collect()
}
