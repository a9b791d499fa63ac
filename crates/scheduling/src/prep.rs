//! Preprocessing of a validated [`Problem`] into flat, index-based arrays
//! used by every algorithm: per-request feasible-slot bitsets, flat
//! participant lists, duplicate groups (requests with the same participant
//! set), participant-to-request adjacency and shortfall caps.

use crate::model::Problem;

/// Marker for "no slot" / "no request".
pub(crate) const NONE: u32 = u32::MAX;

/// Flat preprocessed instance.
pub(crate) struct Inst {
    /// Number of slots.
    pub ns: usize,
    /// Words per slot bitset.
    pub nw: usize,
    /// Number of participants.
    pub np: usize,
    /// Number of requests.
    pub nr: usize,
    /// Tables per slot.
    pub tables: Vec<u32>,
    part_start: Vec<u32>,
    parts: Vec<u32>,
    /// Priority weight per request.
    pub weight: Vec<u64>,
    /// Feasible slots per request (`nr * nw` words): allowed, every
    /// participant available, at least one table.
    pub feas: Vec<u64>,
    /// Number of feasible slots per request.
    pub nfeas: Vec<u32>,
    /// Pinned slot per request (or `NONE`).
    pub pin: Vec<u32>,
    /// Duplicate group of each request (index of its first member).
    pub group: Vec<u32>,
    preq_start: Vec<u32>,
    preq: Vec<u32>,
    /// Availability bitsets (`np * nw` words).
    pub avail: Vec<u64>,
    /// Shortfall cap per participant.
    pub cap: Vec<u32>,
    /// Previous slot of each request (re-planning), or `NONE`.
    pub home: Vec<u32>,
}

impl Inst {
    /// Builds the instance; `problem` must validate.
    pub(crate) fn new(problem: &Problem) -> Inst {
        let ns = problem.slots.len();
        let nw = ns.div_ceil(64).max(1);
        let np = problem.participants.len();
        let nr = problem.requests.len();
        let tables: Vec<u32> = (0..ns).map(|s| problem.tables.at(s)).collect();
        let mut avail = vec![0u64; np * nw];
        for (p, part) in problem.participants.iter().enumerate() {
            for &s in &part.available {
                avail[p * nw + s / 64] |= 1 << (s % 64);
            }
        }
        let mut table_mask = vec![0u64; nw];
        for (s, &t) in tables.iter().enumerate() {
            if t > 0 {
                table_mask[s / 64] |= 1 << (s % 64);
            }
        }
        let mut part_start = Vec::with_capacity(nr + 1);
        let mut parts = Vec::new();
        let mut weight = Vec::with_capacity(nr);
        let mut feas = vec![0u64; nr * nw];
        let mut nfeas = Vec::with_capacity(nr);
        let mut pin = Vec::with_capacity(nr);
        part_start.push(0);
        for (ri, r) in problem.requests.iter().enumerate() {
            for &p in &r.participants {
                parts.push(p as u32);
            }
            part_start.push(parts.len() as u32);
            weight.push(r.priority as u64);
            let f = &mut feas[ri * nw..(ri + 1) * nw];
            match &r.allowed_slots {
                Some(a) => {
                    for &s in a {
                        f[s / 64] |= 1 << (s % 64);
                    }
                }
                None => f.copy_from_slice(&table_mask),
            }
            for w in 0..nw {
                f[w] &= table_mask[w];
                for &p in &r.participants {
                    f[w] &= avail[p * nw + w];
                }
            }
            nfeas.push(f.iter().map(|x| x.count_ones()).sum());
            pin.push(r.pinned.map_or(NONE, |p| p.slot as u32));
        }
        // Duplicate groups.
        let mut keyed: Vec<(Vec<u32>, u32)> = (0..nr)
            .map(|ri| {
                let mut v = parts[part_start[ri] as usize..part_start[ri + 1] as usize].to_vec();
                v.sort_unstable();
                (v, ri as u32)
            })
            .collect();
        keyed.sort();
        let mut group = vec![0u32; nr];
        let mut i = 0;
        while i < keyed.len() {
            let mut j = i;
            while j < keyed.len() && keyed[j].0 == keyed[i].0 {
                j += 1;
            }
            let g = keyed[i].1;
            for k in &keyed[i..j] {
                group[k.1 as usize] = g;
            }
            i = j;
        }
        // Participant -> requests.
        let mut deg = vec![0u32; np + 1];
        for &p in &parts {
            deg[p as usize + 1] += 1;
        }
        for p in 0..np {
            deg[p + 1] += deg[p];
        }
        let preq_start = deg.clone();
        let mut fill = deg;
        let mut preq = vec![0u32; parts.len()];
        for ri in 0..nr {
            for &p in &parts[part_start[ri] as usize..part_start[ri + 1] as usize] {
                preq[fill[p as usize] as usize] = ri as u32;
                fill[p as usize] += 1;
            }
        }
        let mut inst = Inst {
            ns,
            nw,
            np,
            nr,
            tables,
            part_start,
            parts,
            weight,
            feas,
            nfeas,
            pin,
            group,
            preq_start,
            preq,
            avail,
            cap: Vec::new(),
            home: vec![NONE; nr],
        };
        inst.cap = (0..np)
            .map(|p| {
                let n = inst.requests_of(p).iter().filter(|&&r| inst.nfeas[r as usize] > 0).count() as u32;
                let a: u32 = inst.avail[p * nw..(p + 1) * nw].iter().map(|x| x.count_ones()).sum();
                n.min(a)
            })
            .collect();
        inst
    }

    /// Participants of request `r`.
    #[inline]
    pub(crate) fn parts(&self, r: usize) -> &[u32] {
        &self.parts[self.part_start[r] as usize..self.part_start[r + 1] as usize]
    }

    /// Requests of participant `p`.
    #[inline]
    pub(crate) fn requests_of(&self, p: usize) -> &[u32] {
        &self.preq[self.preq_start[p] as usize..self.preq_start[p + 1] as usize]
    }

    /// Feasible slot bitset of request `r`.
    #[inline]
    pub(crate) fn feas(&self, r: usize) -> &[u64] {
        &self.feas[r * self.nw..(r + 1) * self.nw]
    }

    /// Whether slot `s` is feasible for request `r`.
    #[inline]
    pub(crate) fn is_feas(&self, r: usize, s: usize) -> bool {
        self.feas[r * self.nw + s / 64] >> (s % 64) & 1 == 1
    }

    /// Feasible slots of `r` as a vector.
    pub(crate) fn feas_list(&self, r: usize) -> Vec<usize> {
        bits(self.feas(r)).collect()
    }

    /// Whether every participant of `r` is available in at least one slot
    /// shared by all of them (ignoring allowed slots and tables).
    pub(crate) fn common_availability(&self, r: usize) -> bool {
        (0..self.nw)
            .any(|w| self.parts(r).iter().fold(!0u64, |acc, &p| acc & self.avail[p as usize * self.nw + w]) != 0)
    }
}

/// Iterates the set bits of a bitset, in increasing order.
pub(crate) fn bits(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(w, &x)| {
        let mut x = x;
        std::iter::from_fn(move || {
            if x == 0 {
                None
            } else {
                let b = x.trailing_zeros() as usize;
                x &= x - 1;
                Some(w * 64 + b)
            }
        })
    })
}
