//! The analytics benchmark's Rust side (`cargo xtask bench analytics` runs it in release mode):
//!
//! - `graph_bench graph FILE [--exact] [--epsilon E] [--leiden]`: reads an edge list ("n N", then
//!   "e A B WEIGHT"), prints one JSON object with our exact betweenness, our sampled betweenness
//!   (error bound ε, δ = 0.1, seed 1) and our Leiden communities (resolution 1, weights as given,
//!   seed 1), each with its time in seconds.
//! - `graph_bench cordis DIR --write FILE [--epsilon E]`: the full CORDIS extract (organisations,
//!   projects, participations) as `analytics::Data`, every organisation given one or two of nine
//!   clusters by a fixed hash of its id (a stand-in for the cluster-fit rule, so that the cluster
//!   measures have work to do), prints the time of every dashboard measure and writes the
//!   collaboration graph for the reference libraries.

use analytics::graph::{Edges, Graph, Period};
use std::time::Instant;

fn read_graph(path: &str) -> Graph {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut n = 0;
    let mut edges = Vec::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["n", count] => n = count.parse().unwrap(),
            ["e", a, b, w] => edges.push((a.parse().unwrap(), b.parse().unwrap(), w.parse().unwrap())),
            _ => {}
        }
    }
    Graph::from_edges(n, &edges)
}

fn list(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x:?}")).collect();
    format!("[{}]", items.join(","))
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn graph(args: &[String]) {
    let g = read_graph(&args[0]);
    let mut fields = vec![format!("\"n\":{}", g.n()), format!("\"m\":{}", g.edge_count())];
    if args.iter().any(|a| a == "--exact") {
        let t = Instant::now();
        let b = analytics::betweenness::exact(&g);
        fields.push(format!("\"exact_seconds\":{:?}", t.elapsed().as_secs_f64()));
        fields.push(format!("\"exact\":{}", list(&b)));
    }
    if let Some(e) = flag(args, "--epsilon") {
        let eps: f64 = e.parse().unwrap();
        let t = Instant::now();
        let a = analytics::betweenness::approximate(&g, eps, 0.1, 1);
        fields.push(format!("\"approximate_seconds\":{:?}", t.elapsed().as_secs_f64()));
        fields.push(format!(
            "\"approximate_bound\":{:?},\"approximate_samples\":{},\"vertex_diameter\":{}",
            a.bound, a.samples, a.vertex_diameter
        ));
        fields.push(format!("\"approximate\":{}", list(&a.values)));
    }
    if args.iter().any(|a| a == "--leiden") {
        let t = Instant::now();
        let c = analytics::communities::leiden(&g, 1.0, 1);
        fields.push(format!("\"leiden_seconds\":{:?}", t.elapsed().as_secs_f64()));
        fields.push(format!("\"leiden_modularity\":{:?},\"leiden_communities\":{}", c.modularity, c.count));
    }
    println!("{{{}}}", fields.join(","));
}

fn date(d: &Option<matching::Date>) -> Option<analytics::Date> {
    d.as_ref().map(|d| d.year * 10_000 + i32::from(d.month) * 100 + i32::from(d.day))
}

fn cordis(args: &[String]) {
    let dir = std::path::Path::new(&args[0]);
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let t = Instant::now();
    let orgs = matching::load::parse_orgs(&read("organisations.csv")).unwrap();
    let projects = matching::load::parse_projects(&read("projects.csv")).unwrap();
    let parts = matching::load::parse_participation(&read("participation.csv")).unwrap();
    let org_at: std::collections::HashMap<&str, usize> =
        orgs.iter().enumerate().map(|(i, o)| (o.id.as_str(), i)).collect();
    let project_at: std::collections::HashMap<&str, usize> =
        projects.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let clusters: Vec<analytics::Cluster> =
        (0..9).map(|i| analytics::Cluster { id: i + 1, slug: format!("cluster-{}", i + 1) }).collect();
    let mut data = analytics::Data {
        today: 20261201,
        home_country: "LU".into(),
        clusters,
        organisations: orgs
            .iter()
            .map(|o| analytics::Organisation {
                id: o.id.parse().unwrap_or(0),
                name: o.id.clone(),
                country: o.country.clone(),
                completeness: 0.5,
                ..analytics::Organisation::default()
            })
            .collect(),
        projects: projects
            .iter()
            .map(|p| analytics::Project {
                id: p.id.parse().unwrap_or(0),
                kind: analytics::ProjectKind::EuFunded,
                start: date(&p.start_date),
                end: None,
                budget_eur: None,
                partners: Vec::new(),
                clusters: Vec::new(),
            })
            .collect(),
        ..analytics::Data::default()
    };
    for (p, o) in &parts {
        if let (Some(&p), Some(&o)) = (project_at.get(p.as_str()), org_at.get(o.as_str())) {
            data.projects[p].partners.push(o);
        }
    }
    for p in &mut data.projects {
        p.partners.sort_unstable();
        p.partners.dedup();
    }
    // A fixed hash of the position: one cluster each, a second for one in four.
    for o in 0..data.organisations.len() {
        let h = (o as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
        data.memberships.push(analytics::Membership {
            organisation: o,
            cluster: (h % 9) as usize,
            start: None,
            end: None,
        });
        if h.is_multiple_of(4) {
            let second = ((h / 9) % 9) as usize;
            if second != (h % 9) as usize {
                data.memberships.push(analytics::Membership {
                    organisation: o,
                    cluster: second,
                    start: None,
                    end: None,
                });
            }
        }
    }
    println!(
        "load (CSV to Data)                      {:8.3} s  {} organisations, {} projects, {} participations",
        t.elapsed().as_secs_f64(),
        data.organisations.len(),
        data.projects.len(),
        parts.len()
    );
    let time = |name: &str, f: &mut dyn FnMut() -> String| {
        let t = Instant::now();
        let detail = f();
        println!("{name:<40}{:8.3} s  {detail}", t.elapsed().as_secs_f64());
    };
    let both = Edges { projects: true, meetings: true };
    let mut whole = None;
    time("collaboration graph", &mut || {
        let g = analytics::graph::collaboration(&data, Period::all(), both);
        let d = format!("{} nodes, {} edges", g.n(), g.edge_count());
        whole = Some(g);
        d
    });
    let g = whole.expect("built");
    time("kpis (2021-2026)", &mut || format!("{} rows", analytics::kpis::kpis(&data, 2021, 2026).len()));
    time("matrix (2021-2026)", &mut || format!("{} cells", analytics::matrix::matrix(&data, 2021, 2026).cells.len()));
    time("isolated (3 years)", &mut || format!("{} members", analytics::isolated::isolated(&data, 3).len()));
    time("funnel", &mut || format!("{} rows", analytics::funnel::funnel(&data).len()));
    time("communities (Leiden)", &mut || {
        let c = analytics::communities::leiden(&g, 1.0, 1);
        format!("{} communities, modularity {:.4}", c.count, c.modularity)
    });
    let eps: f64 = flag(args, "--epsilon").map_or(0.01, |e| e.parse().unwrap());
    time("betweenness (sampled, whole graph)", &mut || {
        let a = analytics::betweenness::approximate(&g, eps, 0.1, 1);
        format!("{} samples, bound ±{:.5} (δ 0.1), VD ≤ {}", a.samples, a.bound, a.vertex_diameter)
    });
    if let Some(out) = flag(args, "--write") {
        let mut text = format!("n {}\n", g.n());
        for (a, b, w) in g.edges() {
            text.push_str(&format!("e {a} {b} {w}\n"));
        }
        std::fs::write(&out, text).unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("graph") => graph(&args[1..]),
        Some("cordis") => cordis(&args[1..]),
        _ => {
            eprintln!("usage: graph_bench graph FILE [--exact] [--epsilon E] [--leiden] | graph_bench cordis DIR [--write FILE] [--epsilon E]");
            std::process::exit(2);
        }
    }
}
