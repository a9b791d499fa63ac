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
//! normalisation the bound is ε·n/(n − 2), which [`Approximate::bound`] states.

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
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut queue: VecDeque<u32> = VecDeque::new();
    let mut preds: Vec<(u32, f64)> = Vec::new();
    let credit = 1.0 / r as f64;
    for _ in 0..r {
        let s = rng.below(n);
        let mut t = rng.below(n - 1);
        if t >= s {
            t += 1;
        }
        for &v in &touched {
            dist[v as usize] = u32::MAX;
            sigma[v as usize] = 0.0;
        }
        touched.clear();
        queue.clear();
        dist[s] = 0;
        sigma[s] = 1.0;
        touched.push(s as u32);
        queue.push_back(s as u32);
        // Breadth-first until t's level is complete: every shortest path to t is counted then.
        while let Some(v) = queue.pop_front() {
            let v = v as usize;
            if dist[t] != u32::MAX && dist[v] >= dist[t] {
                break;
            }
            for &w in g.neighbours(v) {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dist[v] + 1;
                    touched.push(w as u32);
                    queue.push_back(w as u32);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        if dist[t] == u32::MAX {
            continue;
        }
        // Walk back from t, taking each predecessor with probability σ(p)/σ(w).
        let mut w = t;
        while w != s {
            preds.clear();
            for &p in g.neighbours(w) {
                if dist[p as usize] != u32::MAX && dist[p as usize] + 1 == dist[w] {
                    preds.push((p, sigma[p as usize]));
                }
            }
            let mut pick = rng.unit() * sigma[w];
            let mut chosen = preds[preds.len() - 1].0 as usize;
            for &(p, sp) in &preds {
                if pick < sp {
                    chosen = p as usize;
                    break;
                }
                pick -= sp;
            }
            if chosen != s {
                values[chosen] += credit;
            }
            w = chosen;
        }
    }
    // Their normalisation divides by n(n − 1), NetworkX's by (n − 1)(n − 2).
    let scale = n as f64 / (n - 2) as f64;
    values.iter_mut().for_each(|v| *v *= scale);
    Approximate { values, bound: epsilon * scale, delta, samples: r, vertex_diameter: vd }
}

/// Node indices by descending value, ties by index: the top of a ranking.
pub fn ranking(values: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    idx
}
