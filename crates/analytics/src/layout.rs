//! A map of the collaboration graph: positions for every node by a force-directed layout
//! (Fruchterman and Reingold 1991) whose repulsion is approximated on a grid, as their paper's
//! own "grid variant" does: a node is pushed only by the nodes in its own and the eight
//! neighbouring cells of side `2k`, where `k` is the ideal edge length, so one round costs about
//! the number of nodes plus the number of edges instead of the square of the nodes (the demo's
//! 4,277 organisations in a fraction of a second). Repulsion cut off at `2k` lets components float
//! apart without bound, so a weak pull towards the centre keeps the map compact.
//!
//! Deterministic: the starting positions come from the seeded [`Rng`], nodes are visited in
//! order, and no sum depends on hashing, so the same graph and seed give the same map.

use crate::graph::Graph;
use crate::rng::Rng;

/// Positions of a graph's nodes, scaled into the unit square (`0 ≤ x, y ≤ 1`).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
}

/// The force-directed layout of `g` after `rounds` rounds (150 are plenty for thousands of
/// nodes), starting from positions drawn with `seed`. Heavier edges pull harder, by the logarithm
/// of their weight, so one project with forty partners does not crush the map.
pub fn force_directed(g: &Graph, seed: u64, rounds: usize) -> Layout {
    let n = g.n();
    if n == 0 {
        return Layout { x: Vec::new(), y: Vec::new() };
    }
    let k = 1.0f64;
    let side = (n as f64).sqrt() * k;
    let mut rng = Rng::new(seed);
    let mut x: Vec<f64> = Vec::with_capacity(n);
    let mut y: Vec<f64> = Vec::with_capacity(n);
    for _ in 0..n {
        x.push(rng.unit() * side);
        y.push(rng.unit() * side);
    }
    let (mut dx, mut dy) = (vec![0.0f64; n], vec![0.0f64; n]);
    let cell = 2.0 * k;
    let mut grid = Grid::default();
    for round in 0..rounds {
        // The largest step a node may take, cooling linearly from a tenth of the map to nearly 0.
        let t = side / 10.0 * (1.0 - round as f64 / rounds as f64) + k / 100.0;
        dx.fill(0.0);
        dy.fill(0.0);
        grid.fill(&x, &y, cell);
        for v in 0..n {
            let (cx, cy) = grid.cell_of(x[v], y[v]);
            for gx in cx.saturating_sub(1)..=(cx + 1).min(grid.cols - 1) {
                for gy in cy.saturating_sub(1)..=(cy + 1).min(grid.rows - 1) {
                    for &u in grid.members(gx, gy) {
                        let u = u as usize;
                        if u == v {
                            continue;
                        }
                        let (ex, ey) = (x[v] - x[u], y[v] - y[u]);
                        let d2 = ex * ex + ey * ey;
                        if d2 >= cell * cell {
                            continue;
                        }
                        if d2 < 1e-12 {
                            // Two nodes on one spot: part them along a direction fixed by their order.
                            let a = (u as f64 * 0.618_034 + v as f64 * 0.414_214).fract() * std::f64::consts::TAU;
                            dx[v] += a.cos() * k;
                            dy[v] += a.sin() * k;
                            continue;
                        }
                        // k² / d along the unit vector: k² e / d².
                        let f = k * k / d2;
                        dx[v] += ex * f;
                        dy[v] += ey * f;
                    }
                }
            }
        }
        for (a, b, w) in g.edges() {
            let (ex, ey) = (x[a] - x[b], y[a] - y[b]);
            let d = (ex * ex + ey * ey).sqrt();
            // d² / k along the unit vector: d e / k, by 1 + ln(weight).
            let f = d / k * (1.0 + w.max(1.0).ln());
            dx[a] -= ex * f;
            dy[a] -= ey * f;
            dx[b] += ex * f;
            dy[b] += ey * f;
        }
        let (mx, my) = (side / 2.0, side / 2.0);
        for v in 0..n {
            // The pull towards the centre, as strong as a light edge would be from 1/10 of the way.
            dx[v] -= (x[v] - mx) * 0.05 / k;
            dy[v] -= (y[v] - my) * 0.05 / k;
            let len = (dx[v] * dx[v] + dy[v] * dy[v]).sqrt();
            if len > 0.0 {
                let step = len.min(t) / len;
                x[v] += dx[v] * step;
                y[v] += dy[v] * step;
            }
        }
    }
    normalise(&mut x, &mut y);
    Layout { x, y }
}

/// Scales both axes alike into the unit square, centred.
fn normalise(x: &mut [f64], y: &mut [f64]) {
    let lo = |v: &[f64]| v.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = |v: &[f64]| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let (x0, x1, y0, y1) = (lo(x), hi(x), lo(y), hi(y));
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let (ox, oy) = ((span - (x1 - x0)) / 2.0, (span - (y1 - y0)) / 2.0);
    for v in x.iter_mut() {
        *v = (*v - x0 + ox) / span;
    }
    for v in y.iter_mut() {
        *v = (*v - y0 + oy) / span;
    }
}

/// Nodes bucketed by cell, as one sorted array with offsets (rebuilt each round, no allocation
/// once warm).
#[derive(Default)]
struct Grid {
    x0: f64,
    y0: f64,
    cell: f64,
    cols: usize,
    rows: usize,
    offsets: Vec<usize>,
    nodes: Vec<u32>,
    keys: Vec<usize>,
}

impl Grid {
    fn fill(&mut self, x: &[f64], y: &[f64], cell: f64) {
        let lo = |v: &[f64]| v.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = |v: &[f64]| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        self.x0 = lo(x);
        self.y0 = lo(y);
        self.cell = cell;
        // Far-flung nodes could make the grid huge: at most 4n cells, coarser cells otherwise
        // (still correct: cells only need to be at least the cut-off wide).
        let n = x.len();
        let (w, h) = (hi(x) - self.x0, hi(y) - self.y0);
        let area_cells = (w / cell + 1.0) * (h / cell + 1.0);
        if area_cells > 4.0 * n as f64 + 16.0 {
            self.cell = cell * (area_cells / (4.0 * n as f64 + 16.0)).sqrt();
        }
        self.cols = (w / self.cell) as usize + 1;
        self.rows = (h / self.cell) as usize + 1;
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys.extend((0..n).map(|v| {
            let (cx, cy) = self.cell_of(x[v], y[v]);
            cy * self.cols + cx
        }));
        self.keys = keys;
        self.offsets.clear();
        self.offsets.resize(self.cols * self.rows + 1, 0);
        for &c in &self.keys {
            self.offsets[c + 1] += 1;
        }
        for i in 0..self.cols * self.rows {
            self.offsets[i + 1] += self.offsets[i];
        }
        self.nodes.clear();
        self.nodes.resize(n, 0);
        let mut next = self.offsets.clone();
        for (v, &c) in self.keys.iter().enumerate() {
            self.nodes[next[c]] = v as u32;
            next[c] += 1;
        }
    }

    fn cell_of(&self, x: f64, y: f64) -> (usize, usize) {
        let cx = (((x - self.x0) / self.cell) as usize).min(self.cols - 1);
        let cy = (((y - self.y0) / self.cell) as usize).min(self.rows - 1);
        (cx, cy)
    }

    fn members(&self, cx: usize, cy: usize) -> &[u32] {
        let c = cy * self.cols + cx;
        &self.nodes[self.offsets[c]..self.offsets[c + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_triangles_and_a_bridge() -> Graph {
        let e = |a, b| (a, b, 1.0);
        Graph::from_edges(6, &[e(0, 1), e(1, 2), e(0, 2), e(3, 4), e(4, 5), e(3, 5), e(2, 3)])
    }

    fn dist(l: &Layout, a: usize, b: usize) -> f64 {
        ((l.x[a] - l.x[b]).powi(2) + (l.y[a] - l.y[b]).powi(2)).sqrt()
    }

    #[test]
    fn same_seed_same_map_and_every_point_in_the_unit_square() {
        let g = two_triangles_and_a_bridge();
        let a = force_directed(&g, 7, 100);
        assert_eq!(a, force_directed(&g, 7, 100));
        assert_ne!(a, force_directed(&g, 8, 100));
        for v in 0..6 {
            assert!((0.0..=1.0).contains(&a.x[v]) && (0.0..=1.0).contains(&a.y[v]), "{a:?}");
        }
    }

    #[test]
    fn neighbours_end_closer_than_strangers() {
        let g = two_triangles_and_a_bridge();
        let l = force_directed(&g, 1, 150);
        // Within a triangle closer than across the two triangles' far corners.
        assert!(dist(&l, 0, 1) < dist(&l, 0, 5), "{l:?}");
        assert!(dist(&l, 4, 5) < dist(&l, 1, 4), "{l:?}");
        // No two nodes on one spot.
        for a in 0..6 {
            for b in a + 1..6 {
                assert!(dist(&l, a, b) > 0.01, "{a} {b}: {l:?}");
            }
        }
    }

    #[test]
    fn a_large_sparse_graph_spreads_over_the_square() {
        // 2,000 nodes in chains of ten: nothing overlaps much, the map uses both axes.
        let edges: Vec<(usize, usize, f64)> = (0..2000).filter(|v| v % 10 != 9).map(|v| (v, v + 1, 1.0)).collect();
        let g = Graph::from_edges(2000, &edges);
        let l = force_directed(&g, 3, 60);
        let spread = |v: &[f64]| v.iter().cloned().fold(0.0, f64::max) - v.iter().cloned().fold(1.0, f64::min);
        assert!(spread(&l.x) > 0.9 || spread(&l.y) > 0.9);
        assert!(spread(&l.x) > 0.5 && spread(&l.y) > 0.5, "{} {}", spread(&l.x), spread(&l.y));
        // Chain neighbours closer on average than random pairs.
        let near: f64 = edges.iter().map(|&(a, b, _)| dist(&l, a, b)).sum::<f64>() / edges.len() as f64;
        let far: f64 = (0..1000).map(|i| dist(&l, i, 1999 - i)).sum::<f64>() / 1000.0;
        assert!(near * 4.0 < far, "{near} {far}");
    }
}
