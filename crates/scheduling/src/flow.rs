//! Dinic's maximum-flow algorithm on an index-based adjacency structure.
//! Used for the bipartite b-matching upper bound and for the exact solver of
//! the bipartite, full-availability family.

/// A flow network with integer capacities.
pub(crate) struct Flow {
    head: Vec<u32>,
    next: Vec<u32>,
    to: Vec<u32>,
    cap: Vec<i64>,
    level: Vec<i32>,
    iter: Vec<u32>,
}

const NIL: u32 = u32::MAX;

impl Flow {
    /// Network with `n` nodes and no edges.
    pub(crate) fn new(n: usize) -> Self {
        Flow {
            head: vec![NIL; n],
            next: Vec::new(),
            to: Vec::new(),
            cap: Vec::new(),
            level: vec![0; n],
            iter: vec![0; n],
        }
    }

    /// Adds edge `u -> v` with capacity `c`; returns its id (the reverse
    /// edge is `id ^ 1`).
    pub(crate) fn add_edge(&mut self, u: usize, v: usize, c: i64) -> usize {
        let id = self.to.len();
        self.to.push(v as u32);
        self.cap.push(c);
        self.next.push(self.head[u]);
        self.head[u] = id as u32;
        self.to.push(u as u32);
        self.cap.push(0);
        self.next.push(self.head[v]);
        self.head[v] = id as u32 + 1;
        id
    }

    /// Flow currently routed through edge `id` (as returned by `add_edge`).
    pub(crate) fn flow_on(&self, id: usize) -> i64 {
        self.cap[id ^ 1]
    }

    fn bfs(&mut self, s: usize, t: usize) -> bool {
        self.level.iter_mut().for_each(|l| *l = -1);
        let mut queue = vec![s as u32];
        self.level[s] = 0;
        let mut i = 0;
        while i < queue.len() {
            let u = queue[i] as usize;
            i += 1;
            let mut e = self.head[u];
            while e != NIL {
                let v = self.to[e as usize] as usize;
                if self.cap[e as usize] > 0 && self.level[v] < 0 {
                    self.level[v] = self.level[u] + 1;
                    queue.push(v as u32);
                }
                e = self.next[e as usize];
            }
        }
        self.level[t] >= 0
    }

    fn dfs(&mut self, s: usize, t: usize, limit: i64) -> i64 {
        // Iterative DFS along the level graph.
        let mut path: Vec<u32> = Vec::new();
        let mut u = s;
        loop {
            if u == t {
                let mut f = limit;
                for &e in &path {
                    f = f.min(self.cap[e as usize]);
                }
                for &e in &path {
                    self.cap[e as usize] -= f;
                    self.cap[e as usize ^ 1] += f;
                }
                return f;
            }
            let mut advanced = false;
            while self.iter[u] != NIL {
                let e = self.iter[u] as usize;
                let v = self.to[e] as usize;
                if self.cap[e] > 0 && self.level[v] == self.level[u] + 1 {
                    path.push(e as u32);
                    u = v;
                    advanced = true;
                    break;
                }
                self.iter[u] = self.next[e];
            }
            if !advanced {
                // Dead end: retreat.
                self.level[u] = -1;
                match path.pop() {
                    None => return 0,
                    Some(e) => {
                        u = self.to[e as usize ^ 1] as usize;
                        self.iter[u] = self.next[self.iter[u] as usize];
                    }
                }
            }
        }
    }

    /// Maximum flow from `s` to `t`.
    pub(crate) fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        let mut total = 0;
        while self.bfs(s, t) {
            self.iter.copy_from_slice(&self.head);
            loop {
                let f = self.dfs(s, t, i64::MAX);
                if f == 0 {
                    break;
                }
                total += f;
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_network() {
        let mut f = Flow::new(4);
        f.add_edge(0, 1, 3);
        f.add_edge(0, 2, 2);
        f.add_edge(1, 2, 5);
        f.add_edge(1, 3, 2);
        f.add_edge(2, 3, 3);
        assert_eq!(f.max_flow(0, 3), 5);
    }

    #[test]
    fn bipartite_matching() {
        // 3 left, 3 right, perfect matching exists only via augmenting.
        let mut f = Flow::new(8);
        for l in 1..=3 {
            f.add_edge(0, l, 1);
        }
        for r in 4..=6 {
            f.add_edge(r, 7, 1);
        }
        f.add_edge(1, 4, 1);
        f.add_edge(1, 5, 1);
        f.add_edge(2, 4, 1);
        f.add_edge(3, 5, 1);
        f.add_edge(3, 6, 1);
        assert_eq!(f.max_flow(0, 7), 3);
    }
}
