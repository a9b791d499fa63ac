//! A map of the collaboration graph: positions for every node by a force-directed layout
//! (Fruchterman and Reingold 1991) whose repulsion is approximated by a Barnes–Hut quadtree
//! (Barnes and Hut 1986): a far cell pushes as one body at its centre of mass, so one round costs
//! about n log n plus the edges instead of n². (A first version cut repulsion off on a grid, as
//! Fruchterman and Reingold's "grid variant" does; on the demo's graph, whose projects of forty
//! partners pull their cliques into dense knots, the grid's cells filled up and a layout took
//! 14 s.) Repulsion reaches every node, so disconnected parts would drift apart without bound: a
//! weak pull towards the centre keeps the map compact.
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

/// The force-directed layout of `g` after `rounds` rounds (100 are plenty for thousands of
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
    let mut tree = Tree::default();
    let mut stack: Vec<u32> = Vec::new();
    for round in 0..rounds {
        // The largest step a node may take, cooling linearly from a tenth of the map to nearly 0.
        let t = side / 10.0 * (1.0 - round as f64 / rounds as f64) + k / 100.0;
        dx.fill(0.0);
        dy.fill(0.0);
        tree.build(&x, &y);
        for v in 0..n {
            let (fx, fy) = tree.repulsion(v, &x, &y, k, &mut stack);
            dx[v] += fx;
            dy[v] += fy;
        }
        for (a, b, w) in g.edges() {
            let (ex, ey) = (x[a] - x[b], y[a] - y[b]);
            let d = (ex * ex + ey * ey).sqrt();
            // d² / k along the unit vector: d e / k, by 1 + ln(weight), and shared out over the
            // two ends' partners, so a project of forty partners does not crush its clique into a
            // knot (as ForceAtlas2's "dissuade hubs").
            let f = d / k * (1.0 + w.max(1.0).ln()) / ((g.degree(a) * g.degree(b)) as f64).sqrt();
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

/// Scales both axes alike into the unit square, centred. The bounds are the 0.5th and 99.5th
/// percentiles, the few beyond them (small components pushed far out) set on the border: a
/// handful of outliers would otherwise shrink the whole map into a corner of its frame.
fn normalise(x: &mut [f64], y: &mut [f64]) {
    let bounds = |v: &[f64]| {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        let cut = s.len() / 200;
        (s[cut], s[s.len() - 1 - cut])
    };
    let ((x0, x1), (y0, y1)) = (bounds(x), bounds(y));
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let (ox, oy) = ((span - (x1 - x0)) / 2.0, (span - (y1 - y0)) / 2.0);
    for v in x.iter_mut() {
        *v = ((*v - x0 + ox) / span).clamp(0.0, 1.0);
    }
    for v in y.iter_mut() {
        *v = ((*v - y0 + oy) / span).clamp(0.0, 1.0);
    }
}

/// No child, no point.
const NONE: u32 = u32::MAX;
/// Below this depth, points on one spot share a leaf (their centroid pushes as one).
const MAX_DEPTH: usize = 40;
/// Barnes–Hut's opening criterion: a cell seen under a smaller ratio of size to distance pushes
/// as one body at its centre of mass.
const THETA: f64 = 1.5;

#[derive(Clone, Copy)]
struct Quad {
    cx: f64,
    cy: f64,
    half: f64,
    mass: f64,
    sx: f64,
    sy: f64,
    child: [u32; 4],
    /// The one point of a leaf, `NONE` for an inner cell or a shared deepest leaf.
    point: u32,
}

impl Quad {
    fn new(cx: f64, cy: f64, half: f64) -> Quad {
        Quad { cx, cy, half, mass: 0.0, sx: 0.0, sy: 0.0, child: [NONE; 4], point: NONE }
    }

    fn is_leaf(&self) -> bool {
        self.child == [NONE; 4]
    }
}

/// The Barnes–Hut quadtree of the current positions, rebuilt each round (its vector kept).
#[derive(Default)]
struct Tree {
    cells: Vec<Quad>,
}

impl Tree {
    fn build(&mut self, x: &[f64], y: &[f64]) {
        let lo = |v: &[f64]| v.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = |v: &[f64]| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let (x0, x1, y0, y1) = (lo(x), hi(x), lo(y), hi(y));
        let half = (x1 - x0).max(y1 - y0) / 2.0 + 1e-9;
        self.cells.clear();
        self.cells.push(Quad::new((x0 + x1) / 2.0, (y0 + y1) / 2.0, half));
        for v in 0..x.len() {
            self.insert(v, x, y);
        }
    }

    /// The child of cell `c` on the side of (px, py), created when missing.
    fn child_for(&mut self, c: usize, px: f64, py: f64) -> usize {
        let q = self.cells[c];
        let i = usize::from(px >= q.cx) + 2 * usize::from(py >= q.cy);
        if q.child[i] == NONE {
            let h = q.half / 2.0;
            let cx = if i & 1 == 1 { q.cx + h } else { q.cx - h };
            let cy = if i & 2 == 2 { q.cy + h } else { q.cy - h };
            self.cells.push(Quad::new(cx, cy, h));
            self.cells[c].child[i] = (self.cells.len() - 1) as u32;
        }
        self.cells[c].child[i] as usize
    }

    fn insert(&mut self, v: usize, x: &[f64], y: &[f64]) {
        let mut c = 0;
        for depth in 0.. {
            let q = self.cells[c];
            let cell = &mut self.cells[c];
            cell.mass += 1.0;
            cell.sx += x[v];
            cell.sy += y[v];
            if q.mass == 0.0 && q.is_leaf() {
                cell.point = v as u32;
                return;
            }
            if depth >= MAX_DEPTH {
                cell.point = NONE;
                return;
            }
            if q.point != NONE {
                // A leaf with one point becomes an inner cell: its point moves down a level.
                let p = q.point as usize;
                self.cells[c].point = NONE;
                let d = self.child_for(c, x[p], y[p]);
                let down = &mut self.cells[d];
                down.mass = 1.0;
                down.sx = x[p];
                down.sy = y[p];
                down.point = p as u32;
            }
            c = self.child_for(c, x[v], y[v]);
        }
    }

    /// The repulsion on `v` from every other node, k² / d each, far cells as one body.
    fn repulsion(&self, v: usize, x: &[f64], y: &[f64], k: f64, stack: &mut Vec<u32>) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let q = &self.cells[c as usize];
            if q.mass == 0.0 || (q.is_leaf() && q.point == v as u32) {
                continue;
            }
            let (ex, ey) = (x[v] - q.sx / q.mass, y[v] - q.sy / q.mass);
            let d2 = ex * ex + ey * ey;
            let size = 2.0 * q.half;
            if q.is_leaf() || size * size < THETA * THETA * d2 {
                if d2 < 1e-12 {
                    // On one spot with others: part them along a direction fixed by the node.
                    let a = (v as f64 * 0.618_034 + c as f64 * 0.414_214).fract() * std::f64::consts::TAU;
                    fx += a.cos() * k;
                    fy += a.sin() * k;
                    continue;
                }
                let f = k * k * q.mass / d2;
                fx += ex * f;
                fy += ey * f;
            } else {
                stack.extend(q.child.iter().copied().filter(|&ch| ch != NONE));
            }
        }
        (fx, fy)
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
