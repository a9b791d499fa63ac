//! Betweenness centrality on the unweighted graph, normalised as NetworkX's default
//! (`betweenness_centrality(G)`: every ordered pair of distinct nodes, divided by
//! (n − 1)(n − 2)), so the figures can be set beside NetworkX's.
//!
//! [`exact`] is Brandes' algorithm (2001): one breadth-first search per node, O(nm). It serves the
//! members' graph (a few hundred to a few thousand nodes). [`approximate`] samples shortest paths
//! in the manner of Riondato and Kornaropoulos (2016): r random pairs (s, t), one shortest path
//! drawn uniformly among those from s to t, each inner node credited 1/r. With
//! r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5 and VD an upper bound of the vertex
//! diameter (the most nodes on a shortest path), every node's estimate is within ε of its
//! betweenness in their normalisation (÷ n(n − 1)) with probability at least 1 − δ; in NetworkX's
//! normalisation the bound is ε·n/(n − 2), which [`Approximate::bound`] states. Each pair's
//! shortest paths are found by a balanced bidirectional breadth-first search (the side with the
//! lighter frontier grows, as in KADABRA): on the CORDIS graph it visits a small fraction of
//! what a one-sided search does.

use crate::graph::Graph;
use crate::rng::Rng;
use std::collections::VecDeque;

/// Exact betweenness of every node (Brandes), NetworkX-normalised.
pub fn exact(g: &Graph) -> Vec<f64> {
    let n = g.n();
    let mut bc = vec![0.0f64; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut queue = VecDeque::with_capacity(n);
    for s in 0..n {
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s as u32);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            let v = v as usize;
            for &w in g.neighbours(v) {
                let w = w as usize;
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w as u32);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            for &v in g.neighbours(w) {
                let v = v as usize;
                if dist[v] == dist[w] - 1 {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
        for &w in &order {
            let w = w as usize;
            delta[w] = 0.0;
            sigma[w] = 0.0;
            dist[w] = -1;
        }
        order.clear();
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        bc.iter_mut().for_each(|b| *b *= scale);
    }
    bc
}

/// Sampled betweenness with its guarantee.
#[derive(Debug, Clone, PartialEq)]
pub struct Approximate {
    /// Estimates, NetworkX-normalised.
    pub values: Vec<f64>,
    /// With probability at least 1 − `delta`, every estimate is within `bound` of the exact value.
    pub bound: f64,
    pub delta: f64,
    /// Pairs sampled.
    pub samples: usize,
    /// The vertex-diameter bound the sample size was computed from.
    pub vertex_diameter: usize,
}

/// The sample size of Riondato–Kornaropoulos for error `epsilon` (their normalisation), failure
/// probability `delta` and vertex diameter bound `vd`.
pub fn sample_size(epsilon: f64, delta: f64, vd: usize) -> usize {
    let c = 0.5;
    let log = if vd > 3 { ((vd - 2) as f64).log2().floor() } else { 0.0 };
    ((c / (epsilon * epsilon)) * (log + 1.0 + (1.0 / delta).ln())).ceil() as usize
}

/// An upper bound of the vertex diameter: in each connected component, from its first node,
/// the two largest distances plus one (the 2-approximation of Riondato–Kornaropoulos).
pub fn vertex_diameter_bound(g: &Graph) -> usize {
    let n = g.n();
    let mut dist = vec![usize::MAX; n];
    let mut best = 1;
    let mut queue = VecDeque::new();
    for s in 0..n {
        if dist[s] != usize::MAX {
            continue;
        }
        dist[s] = 0;
        queue.push_back(s);
        let (mut d1, mut d2) = (0, 0);
        while let Some(v) = queue.pop_front() {
            let d = dist[v];
            if d > d1 {
                d2 = d1;
                d1 = d;
            } else if d > d2 {
                d2 = d;
            }
            for &w in g.neighbours(v) {
                if dist[w as usize] == usize::MAX {
                    dist[w as usize] = d + 1;
                    queue.push_back(w as usize);
                }
            }
        }
        best = best.max(d1 + d2 + 1);
    }
    best
}

/// Sampled betweenness: error `epsilon` in Riondato–Kornaropoulos' normalisation with
/// probability at least 1 − `delta`, seeded.
pub fn approximate(g: &Graph, epsilon: f64, delta: f64, seed: u64) -> Approximate {
    let n = g.n();
    let vd = vertex_diameter_bound(g);
    let r = sample_size(epsilon, delta, vd);
    let mut values = vec![0.0f64; n];
    if n < 3 {
        return Approximate { values, bound: 0.0, delta, samples: 0, vertex_diameter: vd };
    }
    let mut rng = Rng::new(seed);
    let mut sides = [Side::new(n), Side::new(n)];
    let mut meeting: Vec<(u32, u32, f64)> = Vec::new();
    let credit = 1.0 / r as f64;
    for _ in 0..r {
        let s = rng.below(n);
        let mut t = rng.below(n - 1);
        if t >= s {
            t += 1;
        }
        for side in &mut sides {
            side.reset();
        }
        sides[0].start(s);
        sides[1].start(t);
        // Balanced bidirectional search: grow the side whose frontier has fewer edges by one
        // level, until an edge joins the two (then every shortest path crosses exactly one such
        // edge, between the two frontiers).
        meeting.clear();
        loop {
            let x = if sides[0].frontier_degree(g) <= sides[1].frontier_degree(g) { 0 } else { 1 };
            if sides[x].frontier.is_empty() {
                break;
            }
            let (a, b) = if x == 0 {
                sides.split_at_mut(1)
            } else {
                let (l, r) = sides.split_at_mut(1);
                (r, l)
            };
            let (me, other) = (&mut a[0], &b[0]);
            for &u in &me.frontier {
                for &w in g.neighbours(u as usize) {
                    if other.dist[w as usize] != u32::MAX {
                        meeting.push((u, w, me.sigma[u as usize] * other.sigma[w as usize]));
                    }
                }
            }
            if !meeting.is_empty() {
                // orient every meeting edge as (s side, t side)
                if x == 1 {
                    for m in &mut meeting {
                        *m = (m.1, m.0, m.2);
                    }
                }
                break;
            }
            me.grow(g);
        }
        if meeting.is_empty() {
            continue;
        }
        let total: f64 = meeting.iter().map(|m| m.2).sum();
        let mut pick = rng.unit() * total;
        let mut chosen = meeting[meeting.len() - 1];
        for &m in &meeting {
            if pick < m.2 {
                chosen = m;
                break;
            }
            pick -= m.2;
        }
        for (side, start) in [(&sides[0], chosen.0 as usize), (&sides[1], chosen.1 as usize)] {
            let mut w = start;
            loop {
                if w != s && w != t {
                    values[w] += credit;
                }
                if side.dist[w] == 0 {
                    break;
                }
                w = side.predecessor(g, w, &mut rng);
            }
        }
    }
    // Their normalisation divides by n(n − 1), NetworkX's by (n − 1)(n − 2).
    let scale = n as f64 / (n - 2) as f64;
    values.iter_mut().for_each(|v| *v *= scale);
    Approximate { values, bound: epsilon * scale, delta, samples: r, vertex_diameter: vd }
}

/// One side of a bidirectional breadth-first search: distances and path counts from its root,
/// and the current frontier (the nodes of the deepest complete level).
struct Side {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    touched: Vec<u32>,
    frontier: Vec<u32>,
    next: Vec<u32>,
}

impl Side {
    fn new(n: usize) -> Side {
        Side {
            dist: vec![u32::MAX; n],
            sigma: vec![0.0; n],
            touched: Vec::new(),
            frontier: Vec::new(),
            next: Vec::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.dist[v as usize] = u32::MAX;
            self.sigma[v as usize] = 0.0;
        }
        self.touched.clear();
        self.frontier.clear();
    }

    fn start(&mut self, root: usize) {
        self.dist[root] = 0;
        self.sigma[root] = 1.0;
        self.touched.push(root as u32);
        self.frontier.push(root as u32);
    }

    fn frontier_degree(&self, g: &Graph) -> usize {
        self.frontier.iter().map(|&v| g.degree(v as usize)).sum()
    }

    /// One more level.
    fn grow(&mut self, g: &Graph) {
        self.next.clear();
        for &u in &self.frontier {
            let (du, su) = (self.dist[u as usize], self.sigma[u as usize]);
            for &w in g.neighbours(u as usize) {
                let w = w as usize;
                if self.dist[w] == u32::MAX {
                    self.dist[w] = du + 1;
                    self.touched.push(w as u32);
                    self.next.push(w as u32);
                }
                if self.dist[w] == du + 1 {
                    self.sigma[w] += su;
                }
            }
        }
        std::mem::swap(&mut self.frontier, &mut self.next);
    }

    /// A predecessor of `w` towards the root, drawn with probability σ(p)/σ(w).
    fn predecessor(&self, g: &Graph, w: usize, rng: &mut Rng) -> usize {
        let want = self.dist[w] - 1;
        let mut pick = rng.unit() * self.sigma[w];
        let mut last = w;
        for &p in g.neighbours(w) {
            let p = p as usize;
            if self.dist[p] == want {
                last = p;
                if pick < self.sigma[p] {
                    return p;
                }
                pick -= self.sigma[p];
            }
        }
        last
    }
}

/// Node indices by descending value, ties by index: the top of a ranking.
pub fn ranking(values: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    idx
}
