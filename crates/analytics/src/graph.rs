//! The collaboration graph: organisations are nodes, and two organisations are joined when they
//! were partners in the same project or held a meeting, the edge weighing the number of joint
//! projects plus the number of held meetings. Stored as compressed adjacency (CSR): the full
//! CORDIS graph has about 40,000 nodes and 950,000 edges, and the measures walk it many times.

use crate::{year_of, Data, Date};

/// An undirected weighted graph without self-loops, neighbours sorted.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl Graph {
    /// From an edge list; parallel edges are merged (weights summed), self-loops dropped.
    pub fn from_edges(n: usize, edges: &[(usize, usize, f64)]) -> Graph {
        let mut half: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len() * 2);
        for &(a, b, w) in edges {
            if a != b {
                half.push((a as u32, b as u32, w));
                half.push((b as u32, a as u32, w));
            }
        }
        half.sort_unstable_by_key(|&(a, b, _)| (a, b));
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(half.len());
        let mut weights: Vec<f64> = Vec::with_capacity(half.len());
        let mut last: Option<(u32, u32)> = None;
        for (a, b, w) in half {
            if last == Some((a, b)) {
                *weights.last_mut().expect("an edge was pushed") += w;
                continue;
            }
            last = Some((a, b));
            targets.push(b);
            weights.push(w);
            offsets[a as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Graph { offsets, targets, weights }
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of (undirected) edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    pub fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The weights of `neighbours(v)`, in the same order.
    pub fn weights(&self, v: usize) -> &[f64] {
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }

    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    pub fn has_edge(&self, a: usize, b: usize) -> bool {
        self.neighbours(a).binary_search(&(b as u32)).is_ok()
    }

    /// Every edge once, as (a, b, weight) with a < b.
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.n()).flat_map(move |a| {
            self.neighbours(a)
                .iter()
                .zip(self.weights(a))
                .filter(move |(&b, _)| (b as usize) > a)
                .map(move |(&b, &w)| (a, b as usize, w))
        })
    }

    /// The subgraph on the nodes where `keep` is true, and for each of its nodes the node of
    /// `self` it stands for.
    pub fn induced(&self, keep: &[bool]) -> (Graph, Vec<usize>) {
        let old: Vec<usize> = (0..self.n()).filter(|&v| keep[v]).collect();
        let mut new = vec![usize::MAX; self.n()];
        for (i, &v) in old.iter().enumerate() {
            new[v] = i;
        }
        let edges: Vec<(usize, usize, f64)> =
            self.edges().filter(|&(a, b, _)| keep[a] && keep[b]).map(|(a, b, w)| (new[a], new[b], w)).collect();
        (Graph::from_edges(old.len(), &edges), old)
    }
}

/// Which years a measure looks at: both ends included, `None` for no bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Period {
    pub fn all() -> Period {
        Period::default()
    }

    pub fn years(from: i32, to: i32) -> Period {
        Period { from: Some(from), to: Some(to) }
    }

    /// Whether something dated `d` falls in the period. Undated things count only when the
    /// period has no bound: a bounded period cannot say whether they belong to it.
    pub fn contains(&self, d: Option<Date>) -> bool {
        match d {
            Some(d) => {
                let y = year_of(d);
                self.from.is_none_or(|f| y >= f) && self.to.is_none_or(|t| y <= t)
            }
            None => self.from.is_none() && self.to.is_none(),
        }
    }

    /// First and last day, open ends far out.
    pub fn days(&self) -> (Date, Date) {
        (self.from.map_or(0, |f| f * 10_000 + 101), self.to.map_or(99_991_231, |t| t * 10_000 + 1231))
    }
}

/// What joins two organisations in the collaboration graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edges {
    /// Joint projects started in the period (each weighs 1).
    pub projects: bool,
    /// Meetings held in the period (each weighs 1).
    pub meetings: bool,
}

/// The collaboration graph of every organisation in `data` (node i is `data.organisations[i]`).
pub fn collaboration(data: &Data, period: Period, edges: Edges) -> Graph {
    let mut list: Vec<(usize, usize, f64)> = Vec::new();
    if edges.projects {
        for p in data.projects.iter().filter(|p| period.contains(p.start)) {
            for (i, &a) in p.partners.iter().enumerate() {
                for &b in &p.partners[i + 1..] {
                    list.push((a, b, 1.0));
                }
            }
        }
    }
    if edges.meetings {
        for (a, b, d) in data.held_meetings() {
            if period.contains(Some(d)) {
                list.push((a, b, 1.0));
            }
        }
    }
    Graph::from_edges(data.organisations.len(), &list)
}

/// The members' graph: the collaboration graph restricted to organisations that are members of
/// a cluster at some point of the period; with, for each of its nodes, the organisation.
pub fn members(data: &Data, period: Period, edges: Edges) -> (Graph, Vec<usize>) {
    let (from, to) = period.days();
    let clusters = data.clusters_of(from, to);
    let keep: Vec<bool> = clusters.iter().map(|c| !c.is_empty()).collect();
    collaboration(data, period, edges).induced(&keep)
}
