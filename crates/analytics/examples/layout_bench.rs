//! The network map's layout on a real graph: `layout_bench FILE [ROUNDS]` reads an edge list as
//! `clusterbridge analytics export` writes it ("n N", then "e A B WEIGHT"; `whole.graph` is the
//! graph of joint projects the map uses), drops the organisations without an edge, as the map
//! does, and prints the layout's time (seed 1, 100 rounds by default) and how far apart partners
//! sit against random pairs.

use analytics::graph::Graph;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: layout_bench FILE [ROUNDS]");
    let rounds: usize = args.get(2).map_or(100, |r| r.parse().expect("ROUNDS is a number"));
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut n, mut edges) = (0, Vec::new());
    for line in text.lines() {
        match line.split_whitespace().collect::<Vec<_>>().as_slice() {
            ["n", count] => n = count.parse().unwrap(),
            ["e", a, b, w] => edges.push((a.parse().unwrap(), b.parse().unwrap(), w.parse().unwrap())),
            _ => {}
        }
    }
    let g = Graph::from_edges(n, &edges);
    let keep: Vec<bool> = (0..g.n()).map(|v| g.degree(v) > 0).collect();
    let (g, _) = g.induced(&keep);
    let started = Instant::now();
    let l = analytics::layout::force_directed(&g, 1, rounds);
    let seconds = started.elapsed().as_secs_f64();
    let dist = |a: usize, b: usize| ((l.x[a] - l.x[b]).powi(2) + (l.y[a] - l.y[b]).powi(2)).sqrt();
    let partners: f64 = g.edges().map(|(a, b, _)| dist(a, b)).sum::<f64>() / g.edge_count().max(1) as f64;
    let mut rng = analytics::rng::Rng::new(7);
    let random: f64 = (0..10_000).map(|_| dist(rng.below(g.n()), rng.below(g.n()))).sum::<f64>() / 10_000.0;
    println!(
        "{{\"nodes\": {}, \"edges\": {}, \"rounds\": {rounds}, \"layout_seconds\": {seconds:.3}, \"partner_distance\": {partners:.4}, \"random_distance\": {random:.4}}}",
        g.n(),
        g.edge_count()
    );
}
