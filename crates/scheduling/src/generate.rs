//! Seeded instance generators for tests and benchmarks (deterministic for a
//! given seed), and [`known_optimum`] for the bipartite full-availability
//! family.
//!
//! Families:
//! * [`uniform_pairs`]: random pairs, full availability, priority 1;
//! * [`buyer_supplier`]: a quarter of the participants are buyers whose
//!   popularity follows a Zipf law; every request pairs a supplier with a
//!   buyer; priorities 1-3; a few participants arrive late;
//! * [`cluster_forum`]: general meeting graph with skewed popularity,
//!   availability windows (morning only, late arrival, blocked slots),
//!   morning-only requests, priorities 1-3, 5% three-person meetings, a few
//!   valid pins and fewer tables over lunch;
//! * [`bipartite_known`]: bipartite random graph, full availability, uniform
//!   priority and tables, whose optimum is known exactly:
//!   `min(tables·slots, maximum T-matching)` with `T` = number of slots;
//! * [`forum`]: real-size `place_all` forums ([`FORUMS`]: 40 to 80
//!   participants, 120 to 300 meetings, morning and afternoon sessions,
//!   blocked slots, late arrivals and early departures, session-restricted
//!   meetings and a few pins), feasible by construction.

use crate::flow::Flow;
use crate::model::{Participant, Pin, Problem, Request, Slot, Tables};
use crate::rng::Rng;

/// Instance size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Number of participants.
    pub participants: usize,
    /// Number of requests.
    pub requests: usize,
    /// Number of slots.
    pub slots: usize,
    /// Tables per slot.
    pub tables: u32,
}

/// 200 participants, 1,000 requests, 16 slots, 60 tables.
pub const SMALL: Size = Size { participants: 200, requests: 1000, slots: 16, tables: 60 };
/// 2,000 participants, 10,000 requests, 20 slots, 450 tables.
pub const MEDIUM: Size = Size { participants: 2000, requests: 10000, slots: 20, tables: 450 };
/// 20,000 participants, 100,000 requests, 24 slots, 3,500 tables.
pub const LARGE: Size = Size { participants: 20000, requests: 100000, slots: 24, tables: 3500 };

/// Instance family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// See [`uniform_pairs`].
    UniformPairs,
    /// See [`buyer_supplier`].
    BuyerSupplier,
    /// See [`cluster_forum`].
    ClusterForum,
    /// See [`bipartite_known`].
    BipartiteKnown,
}

impl Family {
    /// All families.
    pub const ALL: [Family; 4] =
        [Family::UniformPairs, Family::BuyerSupplier, Family::ClusterForum, Family::BipartiteKnown];

    /// Short name.
    pub fn name(self) -> &'static str {
        match self {
            Family::UniformPairs => "uniform",
            Family::BuyerSupplier => "buyer-supplier",
            Family::ClusterForum => "cluster-forum",
            Family::BipartiteKnown => "bipartite-known",
        }
    }

    /// Generates an instance of this family.
    pub fn generate(self, size: Size, seed: u64) -> Problem {
        match self {
            Family::UniformPairs => uniform_pairs(size, seed),
            Family::BuyerSupplier => buyer_supplier(size, seed),
            Family::ClusterForum => cluster_forum(size, seed),
            Family::BipartiteKnown => bipartite_known(size, seed),
        }
    }
}

fn slots(n: usize) -> Vec<Slot> {
    (0..n)
        .map(|i| Slot {
            id: format!("s{i}"),
            session: Some(if i < n / 2 { "morning" } else { "afternoon" }.to_string()),
        })
        .collect()
}

fn full_participants(n: usize, ns: usize) -> Vec<Participant> {
    (0..n).map(|i| Participant { id: format!("p{i}"), available: (0..ns).collect() }).collect()
}

fn pair_request(i: usize, a: usize, b: usize, priority: u32) -> Request {
    Request { id: format!("r{i}"), participants: vec![a, b], priority, allowed_slots: None, pinned: None }
}

/// Zipf sampler over `0..n` with exponent `s`.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut acc = 0.0;
        let cdf = (0..n)
            .map(|i| {
                acc += 1.0 / ((i + 1) as f64).powf(s);
                acc
            })
            .collect();
        Zipf { cdf }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cdf.last().copied().unwrap_or(0.0);
        self.cdf.partition_point(|&c| c <= x).min(self.cdf.len() - 1)
    }
}

/// Set of unordered pairs, for duplicate avoidance.
struct PairSet(std::collections::HashSet<u64>);

impl PairSet {
    fn new() -> Self {
        PairSet(std::collections::HashSet::new())
    }
    fn insert(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.0.insert(((a as u64) << 32) | b as u64)
    }
}

fn priority_1_3(rng: &mut Rng) -> u32 {
    let x = rng.unit();
    if x < 0.6 {
        1
    } else if x < 0.9 {
        2
    } else {
        3
    }
}

/// Random pairs among all participants, full availability, priority 1, no
/// duplicate pairs.
pub fn uniform_pairs(size: Size, seed: u64) -> Problem {
    let mut rng = Rng::new(seed ^ 0x11);
    let n = size.participants.max(2);
    let mut seen = PairSet::new();
    let mut requests = Vec::with_capacity(size.requests);
    let max_pairs = n * (n - 1) / 2;
    while requests.len() < size.requests.min(max_pairs) {
        let a = rng.below(n);
        let b = rng.below(n);
        if a != b && seen.insert(a, b) {
            requests.push(pair_request(requests.len(), a, b, 1));
        }
    }
    Problem {
        slots: slots(size.slots),
        tables: Tables::Uniform(size.tables),
        participants: full_participants(n, size.slots),
        requests,
        place_all: false,
    }
}

/// Buyers (a quarter of the participants, Zipf-popular) meet suppliers;
/// priorities 1-3; 10% of the participants arrive after the first quarter
/// of the slots.
pub fn buyer_supplier(size: Size, seed: u64) -> Problem {
    let mut rng = Rng::new(seed ^ 0x22);
    let n = size.participants.max(4);
    let nb = (n / 4).max(1);
    let ns = size.slots;
    let zipf = Zipf::new(nb, 0.8);
    let mut perm: Vec<usize> = (0..nb).collect();
    rng.shuffle(&mut perm);
    let mut participants = full_participants(n, ns);
    for p in participants.iter_mut() {
        if rng.chance(0.1) {
            p.available = (ns / 4..ns).collect();
        }
    }
    let mut seen = PairSet::new();
    let mut requests = Vec::with_capacity(size.requests);
    let mut guard = 0;
    while requests.len() < size.requests && guard < size.requests * 20 {
        guard += 1;
        let b = perm[zipf.sample(&mut rng)];
        let s = nb + rng.below(n - nb);
        if seen.insert(b, s) {
            let pr = priority_1_3(&mut rng);
            requests.push(pair_request(requests.len(), s, b, pr));
        }
    }
    Problem { slots: slots(ns), tables: Tables::Uniform(size.tables), participants, requests, place_all: false }
}

/// General cluster-forum graph: skewed popularity, availability windows,
/// morning-only requests, priorities 1-3, 5% three-person meetings, ~0.3%
/// valid pins, 80% of the tables in the middle (lunch) slot.
pub fn cluster_forum(size: Size, seed: u64) -> Problem {
    let mut rng = Rng::new(seed ^ 0x33);
    let n = size.participants.max(4);
    let ns = size.slots.max(1);
    let morning: Vec<usize> = (0..ns.div_ceil(2)).collect();
    let mut participants = full_participants(n, ns);
    for p in participants.iter_mut() {
        let x = rng.unit();
        if x < 0.12 {
            p.available = morning.clone();
        } else if x < 0.22 {
            p.available = (ns / 3..ns).collect();
        } else if x < 0.30 {
            let k = 1 + rng.below(3);
            for _ in 0..k {
                let b = rng.below(ns);
                p.available.retain(|&s| s != b);
            }
        }
    }
    let zipf = Zipf::new(n, 0.7);
    let mut perm: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut perm);
    let mut tables = vec![size.tables; ns];
    tables[ns / 2] = (size.tables * 4) / 5;
    let mut requests: Vec<Request> = Vec::with_capacity(size.requests);
    // Pin bookkeeping.
    let mut busy = vec![false; n * ns];
    let mut pins_in = vec![0u32; ns];
    while requests.len() < size.requests {
        let a = perm[zipf.sample(&mut rng)];
        let mut ps = vec![a];
        let k = if rng.chance(0.05) { 3 } else { 2 };
        let mut tries = 0;
        while ps.len() < k && tries < 20 {
            tries += 1;
            let b = rng.below(n);
            if !ps.contains(&b) {
                ps.push(b);
            }
        }
        if ps.len() < 2 {
            continue;
        }
        let i = requests.len();
        let allowed_slots = if rng.chance(0.03) { Some(morning.clone()) } else { None };
        let mut pinned = None;
        if rng.chance(0.003) {
            let s = rng.below(ns);
            let ok = allowed_slots.as_ref().is_none_or(|a| a.contains(&s))
                && pins_in[s] < tables[s] / 2
                && ps.iter().all(|&p| participants[p].available.contains(&s) && !busy[p * ns + s]);
            if ok {
                for &p in &ps {
                    busy[p * ns + s] = true;
                }
                pins_in[s] += 1;
                pinned = Some(Pin { slot: s, table: if rng.chance(0.5) { Some(pins_in[s]) } else { None } });
            }
        }
        requests.push(Request {
            id: format!("r{i}"),
            participants: ps,
            priority: priority_1_3(&mut rng),
            allowed_slots,
            pinned,
        });
    }
    // Pinned tables must be unique per slot: numbers 1.. are given in order
    // of pin creation, so they are unique; unpinned-table pins take others.
    let mut sl = slots(ns);
    if ns >= 3 {
        sl[ns / 2].session = Some("lunch".to_string());
    }
    Problem { slots: sl, tables: Tables::PerSlot(tables), participants, requests, place_all: false }
}

/// Bipartite random graph (half "left", half "right"), full availability,
/// priority 1, uniform tables, no duplicate pairs. See [`known_optimum`].
pub fn bipartite_known(size: Size, seed: u64) -> Problem {
    let mut rng = Rng::new(seed ^ 0x44);
    let n = size.participants.max(2);
    let nl = n / 2;
    let nr = n - nl;
    let mut seen = PairSet::new();
    let mut requests = Vec::with_capacity(size.requests);
    let max_pairs = nl * nr;
    while requests.len() < size.requests.min(max_pairs) {
        let a = rng.below(nl);
        let b = nl + rng.below(nr);
        if seen.insert(a, b) {
            requests.push(pair_request(requests.len(), a, b, 1));
        }
    }
    Problem {
        slots: slots(size.slots),
        tables: Tables::Uniform(size.tables),
        participants: full_participants(n, size.slots),
        requests,
        place_all: false,
    }
}

/// Exact optimum of objective (1) for an instance of the bipartite
/// full-availability family: every request has two participants, the
/// participant graph is bipartite without repeated pairs, everyone is
/// available in every slot, no allowed-slot restrictions or pins, one common
/// priority and uniform tables. The optimum is `priority · min(tables·T, M)`
/// where `M` is the maximum T-matching (every participant in at most `T` =
/// #slots meetings). Returns `None` for other instances.
pub fn known_optimum(problem: &Problem) -> Option<u64> {
    let ns = problem.slots.len();
    let np = problem.participants.len();
    let t = match problem.tables {
        Tables::Uniform(t) => t,
        Tables::PerSlot(ref v) => {
            let t = *v.first()?;
            if v.iter().any(|&x| x != t) || v.len() != ns {
                return None;
            }
            t
        }
    };
    let prio = problem.requests.first().map_or(1, |r| r.priority);
    let full = problem.participants.iter().all(|p| (0..ns).all(|s| p.available.contains(&s)));
    if !full
        || problem.requests.iter().any(|r| {
            r.participants.len() != 2
                || r.allowed_slots.is_some()
                || r.pinned.is_some()
                || r.priority != prio
                || r.participants.iter().any(|&p| p >= np)
        })
    {
        return None;
    }
    // Bipartition and duplicate check.
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); np];
    let mut pairs = PairSet::new();
    for r in &problem.requests {
        let (a, b) = (r.participants[0], r.participants[1]);
        if a == b || !pairs.insert(a, b) {
            return None;
        }
        adj[a].push(b);
        adj[b].push(a);
    }
    let mut side = vec![2u8; np];
    for s in 0..np {
        if side[s] != 2 {
            continue;
        }
        side[s] = 0;
        let mut stack = vec![s];
        while let Some(u) = stack.pop() {
            for &v in &adj[u] {
                if side[v] == 2 {
                    side[v] = 1 - side[u];
                    stack.push(v);
                } else if side[v] == side[u] {
                    return None;
                }
            }
        }
    }
    if t == 0 || ns == 0 {
        return Some(0);
    }
    let (ss, src, snk) = (np, np + 1, np + 2);
    let mut f = Flow::new(np + 3);
    f.add_edge(ss, src, t as i64 * ns as i64);
    for p in 0..np {
        if side[p] == 0 {
            f.add_edge(src, p, ns as i64);
        } else {
            f.add_edge(p, snk, ns as i64);
        }
    }
    for r in &problem.requests {
        let (a, b) = (r.participants[0], r.participants[1]);
        let (a, b) = if side[a] == 0 { (a, b) } else { (b, a) };
        f.add_edge(a, b, 1);
    }
    Some(prio as u64 * f.max_flow(ss, snk) as u64)
}

/// Size of a real-world `place_all` forum (see [`forum`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ForumSize {
    /// Number of participants.
    pub participants: usize,
    /// Number of meetings (requests), all of which must be placed.
    pub meetings: usize,
    /// Slots in the morning session (they come first).
    pub morning: usize,
    /// Slots in the afternoon session.
    pub afternoon: usize,
    /// Tables per slot (one afternoon slot has two fewer).
    pub tables: u32,
}

/// The forum sizes of the benchmark's `forums` mode: 40 to 80 participants
/// and 120 to 300 meetings in two sessions.
pub const FORUMS: [ForumSize; 5] = [
    ForumSize { participants: 40, meetings: 120, morning: 8, afternoon: 8, tables: 12 },
    ForumSize { participants: 50, meetings: 170, morning: 8, afternoon: 8, tables: 16 },
    ForumSize { participants: 60, meetings: 210, morning: 9, afternoon: 9, tables: 18 },
    ForumSize { participants: 70, meetings: 250, morning: 10, afternoon: 10, tables: 19 },
    ForumSize { participants: 80, meetings: 300, morning: 10, afternoon: 10, tables: 22 },
];

/// A real-size business forum with `place_all`: every meeting must be placed
/// and the objective is the fewest breaks. Morning slots (session `am`) come
/// before afternoon slots (`pm`). Participants: 15% attend the morning only,
/// 12% the afternoon only, 8% arrive late (miss the first 1-3 slots), 8%
/// leave early (miss the last 1-3 slots), 10% have 1-2 blocked slots; the
/// others attend everything. Meeting partners follow a Zipf popularity law
/// (a few participants meet many); 4% of the meetings have three
/// participants; about 6% may only take place in the session where they were
/// planted; four meetings are pinned (two of them to a table).
///
/// Feasible by construction: every meeting is generated together with a slot
/// of a hidden schedule that respects availability, allowed slots, tables
/// and double booking; only the pins keep their slot.
pub fn forum(size: ForumSize, seed: u64) -> Problem {
    let mut rng = Rng::new(seed ^ 0x55);
    let n = size.participants.max(4);
    let (am, pm) = (size.morning.max(1), size.afternoon.max(1));
    let ns = am + pm;
    let sl: Vec<Slot> = (0..ns)
        .map(|i| Slot {
            id: if i < am { format!("am{}", i + 1) } else { format!("pm{}", i - am + 1) },
            session: Some(if i < am { "am" } else { "pm" }.to_string()),
        })
        .collect();
    let mut tables = vec![size.tables.max(1); ns];
    let short = am + pm / 2;
    tables[short] = tables[short].saturating_sub(2).max(1);
    let mut participants = full_participants(n, ns);
    for p in participants.iter_mut() {
        let x = rng.unit();
        if x < 0.15 {
            p.available = (0..am).collect();
        } else if x < 0.27 {
            p.available = (am..ns).collect();
        } else if x < 0.35 {
            p.available = (1 + rng.below(3).min(ns - 2)..ns).collect();
        } else if x < 0.43 {
            p.available = (0..ns - 1 - rng.below(3).min(ns - 2)).collect();
        } else if x < 0.53 {
            for _ in 0..1 + rng.below(2) {
                let b = rng.below(ns);
                p.available.retain(|&s| s != b);
            }
        }
    }
    let zipf = Zipf::new(n, 0.8);
    let mut perm: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut perm);
    let mut busy = vec![false; n * ns];
    let mut avail = vec![false; n * ns];
    for (p, part) in participants.iter().enumerate() {
        for &s in &part.available {
            avail[p * ns + s] = true;
        }
    }
    let mut used = vec![0u32; ns];
    let mut pins_in = vec![0u32; ns];
    let mut seen = std::collections::HashSet::new();
    let mut requests: Vec<Request> = Vec::with_capacity(size.meetings);
    let mut guard = 0;
    while requests.len() < size.meetings && guard < size.meetings * 200 {
        guard += 1;
        let a = perm[zipf.sample(&mut rng)];
        let k = if rng.chance(0.04) { 3 } else { 2 };
        let mut ps = vec![a];
        let mut tries = 0;
        while ps.len() < k && tries < 20 {
            tries += 1;
            // Partners: half popular, half anyone.
            let b = if rng.chance(0.5) { perm[zipf.sample(&mut rng)] } else { rng.below(n) };
            if !ps.contains(&b) {
                ps.push(b);
            }
        }
        if ps.len() < k {
            continue;
        }
        let mut key = ps.clone();
        key.sort_unstable();
        if seen.contains(&key) {
            continue;
        }
        let free: Vec<usize> = (0..ns)
            .filter(|&s| used[s] < tables[s] && ps.iter().all(|&p| avail[p * ns + s] && !busy[p * ns + s]))
            .collect();
        if free.is_empty() {
            continue;
        }
        let s = free[rng.below(free.len())];
        seen.insert(key);
        for &p in &ps {
            busy[p * ns + s] = true;
        }
        used[s] += 1;
        let i = requests.len();
        let allowed_slots =
            if rng.chance(0.06) { Some(if s < am { (0..am).collect() } else { (am..ns).collect() }) } else { None };
        // Four pins, spread over the run.
        let every = (size.meetings / 4).max(1);
        let pinned = if i % every == 7 {
            pins_in[s] += 1;
            Some(Pin { slot: s, table: if pins_in[s] == 1 && (i / every).is_multiple_of(2) { Some(1) } else { None } })
        } else {
            None
        };
        requests.push(Request { id: format!("m{}", i + 1), participants: ps, priority: 1, allowed_slots, pinned });
    }
    Problem { slots: sl, tables: Tables::PerSlot(tables), participants, requests, place_all: true }
}
