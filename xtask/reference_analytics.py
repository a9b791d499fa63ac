"""Reference figures for `cargo xtask bench analytics` and the analytics crate's fixtures.

Reads a graph as text ("n N" then "e A B W" lines, nodes 0..N-1, undirected) and prints JSON:
NetworkX's exact betweenness (unweighted, default normalisation), NetworKit's exact betweenness
top K (unweighted, normalised as NetworkX), and leidenalg's modularity (RBConfiguration with
resolution 1, weights as given, fixed seed), each with its time in seconds.

usage: reference_analytics.py GRAPH [--networkx] [--networkit K] [--leiden SEED]
"""
import json
import sys
import time


def read(path):
    n = 0
    edges = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "n":
                n = int(parts[1])
            elif parts[0] == "e":
                edges.append((int(parts[1]), int(parts[2]), float(parts[3])))
    return n, edges


def main():
    args = sys.argv[1:]
    n, edges = read(args[0])
    out = {"n": n, "m": len(edges)}
    if "--networkx" in args:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from((a, b) for a, b, _ in edges)
        t = time.perf_counter()
        bc = nx.betweenness_centrality(g)
        out["networkx_seconds"] = time.perf_counter() - t
        out["networkx_betweenness"] = [bc[v] for v in range(n)]
    if "--networkit" in args:
        import networkit as nk
        k = int(args[args.index("--networkit") + 1])
        g = nk.Graph(n, weighted=False, directed=False)
        for a, b, _ in edges:
            g.addEdge(a, b)
        t = time.perf_counter()
        bc = nk.centrality.Betweenness(g, normalized=False)
        bc.run()
        out["networkit_seconds"] = time.perf_counter() - t
        # NetworKit's unnormalised scores on an undirected graph count every pair in both
        # directions, as NetworkX's do; NetworkX's default divides by (n-1)(n-2).
        scale = 1.0 / ((n - 1) * (n - 2))
        ranked = bc.ranking()[:k]
        out["networkit_top"] = [[int(v), s * scale] for v, s in ranked]
    if "--leiden" in args:
        import igraph as ig
        import leidenalg as la
        seed = int(args[args.index("--leiden") + 1])
        g = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
        g.es["weight"] = [w for _, _, w in edges]
        t = time.perf_counter()
        p = la.find_partition(g, la.RBConfigurationVertexPartition, weights="weight",
                              resolution_parameter=1.0, seed=seed, n_iterations=-1)
        out["leiden_seconds"] = time.perf_counter() - t
        out["leiden_modularity"] = g.modularity(p.membership, weights="weight", resolution=1.0)
        out["leiden_communities"] = len(p)
        out["leiden_membership"] = p.membership
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
