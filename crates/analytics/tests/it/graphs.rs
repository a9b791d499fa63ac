//! Betweenness, sampling and communities against NetworkX and leidenalg.

use crate::fixtures;
use analytics::betweenness::{approximate, exact, ranking, sample_size, vertex_diameter_bound};
use analytics::brokerage::{roles, ROLES};
use analytics::communities::{leiden, modularity};
use analytics::graph::Graph;

const GRAPHS: [&str; 3] = ["karate", "lesmis", "sparse"];

#[test]
fn exact_betweenness_equals_networkx_to_1e_9() {
    for name in GRAPHS {
        let g = fixtures::graph(name);
        let ours = exact(&g);
        let theirs = fixtures::betweenness(name);
        assert_eq!(ours.len(), theirs.len(), "{name}");
        for (v, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert!((a - b).abs() <= 1e-9, "{name} node {v}: ours {a}, NetworkX {b}");
        }
    }
}

#[test]
fn a_path_has_the_textbook_betweenness() {
    // 0–1–2–3: node 1 lies on (0,2) and (0,3), both ways: 4 ordered pairs / ((n-1)(n-2) = 6).
    let g = Graph::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
    let b = exact(&g);
    assert_eq!(b, vec![0.0, 4.0 / 6.0, 4.0 / 6.0, 0.0]);
    assert_eq!(vertex_diameter_bound(&g), 6, "from node 0: distances 3 and 2, plus one");
}

#[test]
fn sampled_betweenness_stays_within_its_stated_bound() {
    for name in GRAPHS {
        let g = fixtures::graph(name);
        let truth = fixtures::betweenness(name);
        let est = approximate(&g, 0.02, 0.1, 7);
        assert_eq!(est.samples, sample_size(0.02, 0.1, est.vertex_diameter));
        let worst = est.values.iter().zip(&truth).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        assert!(worst <= est.bound, "{name}: largest error {worst} above the bound {}", est.bound);
        // The top of the ranking is found: NetworkX's top node is in our top 3.
        let top = ranking(&truth)[0];
        assert!(ranking(&est.values)[..3].contains(&top), "{name}");
        // Same seed, same figures.
        assert_eq!(est, approximate(&g, 0.02, 0.1, 7));
    }
}

#[test]
fn modularity_equals_igraph_on_leidenalg_partition() {
    for name in GRAPHS {
        let g = fixtures::graph(name);
        let reference = fixtures::leiden(name);
        let q = modularity(&g, &reference.membership, 1.0);
        assert!((q - reference.modularity).abs() < 1e-9, "{name}: ours {q}, igraph {}", reference.modularity);
    }
}

/// Whether every community induces a connected subgraph.
fn connected(g: &Graph, membership: &[usize]) -> bool {
    let n = g.n();
    let mut seen = vec![false; n];
    let mut done = std::collections::HashSet::new();
    for s in 0..n {
        if seen[s] {
            continue;
        }
        if !done.insert(membership[s]) {
            return false;
        }
        let mut stack = vec![s];
        seen[s] = true;
        while let Some(v) = stack.pop() {
            for &u in g.neighbours(v) {
                let u = u as usize;
                if !seen[u] && membership[u] == membership[s] {
                    seen[u] = true;
                    stack.push(u);
                }
            }
        }
    }
    true
}

#[test]
fn leiden_reaches_98_percent_of_leidenalg_with_connected_communities() {
    for name in GRAPHS {
        let g = fixtures::graph(name);
        let reference = fixtures::leiden(name);
        for seed in [1, 2, 42] {
            let ours = leiden(&g, 1.0, seed);
            assert!(
                ours.modularity >= 0.98 * reference.modularity,
                "{name} seed {seed}: ours {}, leidenalg {}",
                ours.modularity,
                reference.modularity
            );
            assert!((ours.modularity - modularity(&g, &ours.membership, 1.0)).abs() < 1e-12);
            assert!(connected(&g, &ours.membership), "{name} seed {seed}: a community is not connected");
            assert_eq!(ours.count, ours.membership.iter().max().unwrap() + 1);
        }
        assert_eq!(leiden(&g, 1.0, 5), leiden(&g, 1.0, 5), "seeded");
    }
}

#[test]
fn two_cliques_joined_by_one_edge_are_two_communities() {
    let mut edges = Vec::new();
    for base in [0, 5] {
        for a in base..base + 5 {
            for b in a + 1..base + 5 {
                edges.push((a, b, 1.0));
            }
        }
    }
    edges.push((4, 5, 1.0));
    let g = Graph::from_edges(10, &edges);
    let c = leiden(&g, 1.0, 1);
    assert_eq!(c.count, 2);
    assert!(c.membership[..5].iter().all(|&x| x == c.membership[0]));
    assert!(c.membership[5..].iter().all(|&x| x == c.membership[5]));
    // 2 × (10/21 − (21/42)²) with 21 edges
    assert!((c.modularity - (2.0 * (10.0 / 21.0 - 0.25))).abs() < 1e-12);
}

#[test]
fn brokerage_roles_follow_gould_and_fernandez() {
    // A star: centre 0 (cluster 0) with leaves 1 (cluster 0), 2 (cluster 0), 3 (cluster 1),
    // 4 (cluster 2), 5 (clusters 1 and 2).
    let g = Graph::from_edges(6, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (0, 4, 1.0), (0, 5, 1.0), (3, 4, 1.0)]);
    let groups = vec![vec![0], vec![0], vec![0], vec![1], vec![2], vec![1, 2]];
    let r = roles(&g, &groups);
    let count = |v: usize, role: &str| r[v].counts[ROLES.iter().position(|x| *x == role).unwrap()];
    // open pairs at 0: {1,2} coordinator; {1,3},{1,4},{2,3},{2,4} representative and
    // gatekeeper; {3,4} are adjacent; {3,5}: half itinerant (5 in 1), half liaison (5 in 2);
    // {4,5} the same; {1,5},{2,5}: representative/gatekeeper.
    assert_eq!(count(0, "coordinator"), 1.0);
    assert_eq!(count(0, "representative"), 6.0);
    assert_eq!(count(0, "gatekeeper"), 6.0);
    assert_eq!(count(0, "itinerant"), 1.0);
    assert_eq!(count(0, "liaison"), 1.0);
    assert_eq!(r[0].main(), "gatekeeper");
    assert_eq!(r[1].main(), "none");
    assert_eq!(r[3].total(), 0.0);
}
