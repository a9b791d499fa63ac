//! Brokerage roles between clusters in the sense of Gould and Fernandez (1989). A node b brokers
//! between a and c when a–b and b–c are edges and a–c is not. The role depends on the groups
//! (clusters) of the three: all one group, *coordinator*; a and c in one group and b in another,
//! *itinerant* (consultant); b in a's group and c elsewhere, *representative* (b speaks for its
//! group to c); b in c's group and a elsewhere, *gatekeeper* (b lets a in); all three apart,
//! *liaison*.
//!
//! The collaboration graph is undirected, so every open triad a–b–c is also c–b–a: a triad
//! that makes b a representative one way makes it a gatekeeper the other way, and the two counts
//! are always equal here. We count each unordered pair {a, c} once, and such a triad once under
//! each of the two roles.
//!
//! **Organisations in several clusters.** An organisation belongs to every cluster it is a
//! member of, equally: a triad whose three organisations have p, q and r clusters is looked at
//! under each of the p·q·r choices of one cluster per organisation, and each choice adds
//! 1/(p·q·r) to the role it gives. An organisation in one cluster only thus counts as before;
//! one in two clusters splits its triads between the readings. Non-members have no group and
//! take no part (the roles are computed on the members' graph).

use crate::graph::Graph;

/// The five roles, in the order of [`Roles::counts`].
pub const ROLES: [&str; 5] = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"];

/// Brokerage counts of one node.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Roles {
    /// Open triads brokered, per role of [`ROLES`] (fractional for multi-cluster organisations).
    pub counts: [f64; 5],
}

impl Roles {
    pub fn total(&self) -> f64 {
        self.counts.iter().sum()
    }

    /// The role with the most triads, preferring the roles that cross clusters (liaison, then
    /// gatekeeper, representative, itinerant) on ties; "none" for a node that brokers nothing.
    pub fn main(&self) -> &'static str {
        let mut best = None;
        let mut best_count = 0.0;
        for i in [4, 3, 2, 1, 0] {
            if self.counts[i] > best_count + 1e-9 {
                best = Some(i);
                best_count = self.counts[i];
            }
        }
        best.map_or("none", |i| ROLES[i])
    }
}

/// The role of b between a and c, given one group each.
fn role(a: usize, b: usize, c: usize) -> [bool; 5] {
    let mut r = [false; 5];
    if a == b && b == c {
        r[0] = true;
    } else if a == c {
        r[1] = true;
    } else if a == b || b == c {
        // Undirected: the triad reads both ways, so it is both.
        r[2] = true;
        r[3] = true;
    } else {
        r[4] = true;
    }
    r
}

/// Brokerage roles of every node of `g`, whose node v is in the clusters `groups[v]` (non-empty).
pub fn roles(g: &Graph, groups: &[Vec<usize>]) -> Vec<Roles> {
    let n = g.n();
    let mut out = vec![Roles::default(); n];
    let mut mark = vec![usize::MAX; n];
    for b in 0..n {
        let nb = g.neighbours(b);
        for (i, &a) in nb.iter().enumerate() {
            let a = a as usize;
            for &x in g.neighbours(a) {
                mark[x as usize] = a;
            }
            for &c in &nb[i + 1..] {
                let c = c as usize;
                if mark[c] == a {
                    continue;
                }
                let choices = (groups[a].len() * groups[b].len() * groups[c].len()) as f64;
                if choices == 0.0 {
                    continue;
                }
                for &ga in &groups[a] {
                    for &gb in &groups[b] {
                        for &gc in &groups[c] {
                            for (k, on) in role(ga, gb, gc).into_iter().enumerate() {
                                if on {
                                    out[b].counts[k] += 1.0 / choices;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}
