//! Reading the committed reference files: `NAME.graph` ("n N", then "e A B W" per edge),
//! `NAME.betweenness` ("node value") and `NAME.leiden` (modularity, count, membership).

use analytics::graph::Graph;

fn read(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub(crate) fn graph(name: &str) -> Graph {
    let text = read(&format!("{name}.graph"));
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

pub(crate) fn betweenness(name: &str) -> Vec<f64> {
    read(&format!("{name}.betweenness"))
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap().parse().unwrap())
        .collect()
}

pub(crate) struct Leiden {
    pub(crate) modularity: f64,
    pub(crate) membership: Vec<usize>,
}

pub(crate) fn leiden(name: &str) -> Leiden {
    let text = read(&format!("{name}.leiden"));
    let field = |key: &str| text.lines().find_map(|l| l.strip_prefix(key)).unwrap().trim().to_string();
    Leiden {
        modularity: field("modularity ").parse().unwrap(),
        membership: field("membership ").split_whitespace().map(|x| x.parse().unwrap()).collect(),
    }
}
