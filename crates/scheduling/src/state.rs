//! Incremental assignment state used by the construction and the local
//! search: the slot of every request, per-participant occupancy (array and
//! bitset), per-slot table usage and members, duplicate-group occupancy, and
//! the three objectives maintained incrementally (weight, shortfall buckets,
//! breaks) plus the re-planning `moved` count. Every change is journaled so
//! that moves can be evaluated by apply-then-undo and the walk can be rolled
//! back to the best state seen.

use crate::prep::{Inst, NONE};
use std::cmp::Ordering;

/// Objective snapshot of a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    /// Placed weight (maximise).
    pub weight: u64,
    /// Moved published meetings (minimise; re-planning only).
    pub moved: u32,
    /// Worst shortfall (minimise).
    pub worst: u32,
    /// Participants at the worst shortfall (minimise; search guidance only).
    pub at_worst: u32,
    /// Total breaks (minimise).
    pub breaks: u64,
}

impl Key {
    /// Comparison on the official lexicographic objective
    /// (weight, moved, worst shortfall, breaks); `Greater` = better.
    pub(crate) fn official(&self, o: &Key) -> Ordering {
        self.weight
            .cmp(&o.weight)
            .then(o.moved.cmp(&self.moved))
            .then(o.worst.cmp(&self.worst))
            .then(o.breaks.cmp(&self.breaks))
    }

    /// Primary part only (weight, moved).
    pub(crate) fn primary(&self, o: &Key) -> Ordering {
        self.weight.cmp(&o.weight).then(o.moved.cmp(&self.moved))
    }

    /// Full walk comparison including the `at_worst` guidance term.
    pub(crate) fn walk(&self, o: &Key) -> Ordering {
        self.primary(o)
            .then(o.worst.cmp(&self.worst))
            .then(o.at_worst.cmp(&self.at_worst))
            .then(o.breaks.cmp(&self.breaks))
    }
}

/// Breaks of a busy bitset: maximal runs of free slots between busy slots.
#[inline]
pub(crate) fn breaks_bits(words: &[u64]) -> u32 {
    let mut ends = 0;
    for w in 0..words.len() {
        let x = words[w];
        let next = if w + 1 < words.len() { words[w + 1] } else { 0 };
        ends += (x & !((x >> 1) | ((next & 1) << 63))).count_ones();
    }
    ends.saturating_sub(1)
}

pub(crate) struct State<'a> {
    pub inst: &'a Inst,
    pub slot_of: Vec<u32>,
    occ: Vec<u32>,
    pub busy: Vec<u64>,
    pub used: Vec<u32>,
    /// Slots without a free table.
    pub full: Vec<u64>,
    pub members: Vec<Vec<u32>>,
    pos_in_slot: Vec<u32>,
    pub group_placed: Vec<u32>,
    pub count: Vec<u32>,
    pub buckets: Vec<Vec<u32>>,
    bpos: Vec<u32>,
    pub worst: u32,
    pub pbreaks: Vec<u32>,
    pub breaks: u64,
    pub weight: u64,
    pub moved: u32,
    pub nplaced: usize,
    journal: Vec<(u32, u32)>,
    /// Unplaced requests that have at least one feasible slot.
    pub cand: Vec<u32>,
    cand_pos: Vec<u32>,
}

impl<'a> State<'a> {
    /// Empty assignment.
    pub(crate) fn new(inst: &'a Inst) -> Self {
        let maxcap = inst.cap.iter().copied().max().unwrap_or(0) as usize;
        let mut buckets = vec![Vec::new(); maxcap + 1];
        let mut bpos = vec![0u32; inst.np];
        for p in 0..inst.np {
            let c = inst.cap[p] as usize;
            bpos[p] = buckets[c].len() as u32;
            buckets[c].push(p as u32);
        }
        let mut full = vec![0u64; inst.nw];
        for s in 0..inst.ns {
            if inst.tables[s] == 0 {
                full[s / 64] |= 1 << (s % 64);
            }
        }
        let mut cand = Vec::new();
        let mut cand_pos = vec![NONE; inst.nr];
        for r in 0..inst.nr {
            if inst.nfeas[r] > 0 {
                cand_pos[r] = cand.len() as u32;
                cand.push(r as u32);
            }
        }
        let mut st = State {
            inst,
            slot_of: vec![NONE; inst.nr],
            occ: vec![NONE; inst.np * inst.ns],
            busy: vec![0; inst.np * inst.nw],
            used: vec![0; inst.ns],
            full,
            members: vec![Vec::new(); inst.ns],
            pos_in_slot: vec![NONE; inst.nr],
            group_placed: vec![NONE; inst.nr],
            count: vec![0; inst.np],
            buckets,
            bpos,
            worst: 0,
            pbreaks: vec![0; inst.np],
            breaks: 0,
            weight: 0,
            moved: 0,
            nplaced: 0,
            journal: Vec::new(),
            cand,
            cand_pos,
        };
        st.worst = st.recompute_worst();
        st
    }

    fn recompute_worst(&self) -> u32 {
        (0..self.buckets.len()).rev().find(|&i| !self.buckets[i].is_empty()).unwrap_or(0) as u32
    }

    /// Current objective snapshot.
    #[inline]
    pub(crate) fn key(&self) -> Key {
        Key {
            weight: self.weight,
            moved: self.moved,
            worst: self.worst,
            at_worst: self.buckets[self.worst as usize].len() as u32,
            breaks: self.breaks,
        }
    }

    /// Request occupying participant `p` in slot `s`, or `NONE`.
    #[inline]
    pub(crate) fn occ(&self, p: usize, s: usize) -> u32 {
        self.occ[p * self.inst.ns + s]
    }

    #[inline]
    pub(crate) fn shortfall(&self, p: usize) -> u32 {
        self.inst.cap[p] - self.count[p].min(self.inst.cap[p])
    }

    /// Whether `r` can be placed in `s` without any conflict.
    #[inline]
    pub(crate) fn fits(&self, r: usize, s: usize) -> bool {
        let inst = self.inst;
        inst.is_feas(r, s)
            && self.full[s / 64] >> (s % 64) & 1 == 0
            && inst.parts(r).iter().all(|&p| self.occ(p as usize, s) == NONE)
            && {
                let g = self.group_placed[inst.group[r] as usize];
                g == NONE || g as usize == r
            }
    }

    /// Bitset word `w` of slots where `r` fits right now (ignoring the
    /// duplicate-group constraint, see [`Self::group_free`]).
    #[inline]
    pub(crate) fn free_word(&self, r: usize, w: usize) -> u64 {
        let inst = self.inst;
        let mut m = inst.feas[r * inst.nw + w] & !self.full[w];
        for &p in inst.parts(r) {
            m &= !self.busy[p as usize * inst.nw + w];
        }
        m
    }

    /// Whether no other member of `r`'s duplicate group is placed.
    #[inline]
    pub(crate) fn group_free(&self, r: usize) -> bool {
        let g = self.group_placed[self.inst.group[r] as usize];
        g == NONE || g as usize == r
    }

    fn set_shortfall_bucket(&mut self, p: usize, old: u32, new: u32) {
        if old == new {
            return;
        }
        let b = &mut self.buckets[old as usize];
        let i = self.bpos[p] as usize;
        let last = *b.last().unwrap();
        b.swap_remove(i);
        if (last as usize) != p {
            self.bpos[last as usize] = i as u32;
        }
        self.bpos[p] = self.buckets[new as usize].len() as u32;
        self.buckets[new as usize].push(p as u32);
        if new > self.worst {
            self.worst = new;
        } else if old == self.worst && self.buckets[old as usize].is_empty() {
            while self.worst > 0 && self.buckets[self.worst as usize].is_empty() {
                self.worst -= 1;
            }
        }
    }

    fn touch_participant(&mut self, p: usize, delta: i32) {
        let old = self.shortfall(p);
        self.count[p] = (self.count[p] as i32 + delta) as u32;
        let new = self.shortfall(p);
        self.set_shortfall_bucket(p, old, new);
        let nw = self.inst.nw;
        let b = breaks_bits(&self.busy[p * nw..(p + 1) * nw]);
        self.breaks = self.breaks + b as u64 - self.pbreaks[p] as u64;
        self.pbreaks[p] = b;
    }

    fn raw_place(&mut self, r: usize, s: usize) {
        let inst = self.inst;
        debug_assert_eq!(self.slot_of[r], NONE);
        self.slot_of[r] = s as u32;
        for &p in inst.parts(r) {
            let p = p as usize;
            debug_assert_eq!(self.occ[p * inst.ns + s], NONE);
            self.occ[p * inst.ns + s] = r as u32;
            self.busy[p * inst.nw + s / 64] |= 1 << (s % 64);
            self.touch_participant(p, 1);
        }
        self.used[s] += 1;
        debug_assert!(self.used[s] <= inst.tables[s]);
        if self.used[s] >= inst.tables[s] {
            self.full[s / 64] |= 1 << (s % 64);
        }
        self.pos_in_slot[r] = self.members[s].len() as u32;
        self.members[s].push(r as u32);
        self.group_placed[inst.group[r] as usize] = r as u32;
        self.weight += inst.weight[r];
        self.nplaced += 1;
        if inst.home[r] != NONE && inst.home[r] as usize != s {
            self.moved += 1;
        }
        let cp = self.cand_pos[r];
        if cp != NONE {
            let last = *self.cand.last().unwrap();
            self.cand.swap_remove(cp as usize);
            if last as usize != r {
                self.cand_pos[last as usize] = cp;
            }
            self.cand_pos[r] = NONE;
        }
    }

    fn raw_unplace(&mut self, r: usize) {
        let inst = self.inst;
        let s = self.slot_of[r] as usize;
        debug_assert!(s != NONE as usize);
        self.slot_of[r] = NONE;
        for &p in inst.parts(r) {
            let p = p as usize;
            self.occ[p * inst.ns + s] = NONE;
            self.busy[p * inst.nw + s / 64] &= !(1 << (s % 64));
            self.touch_participant(p, -1);
        }
        self.used[s] -= 1;
        self.full[s / 64] &= !(1 << (s % 64));
        let i = self.pos_in_slot[r] as usize;
        let last = *self.members[s].last().unwrap();
        self.members[s].swap_remove(i);
        if last as usize != r {
            self.pos_in_slot[last as usize] = i as u32;
        }
        self.pos_in_slot[r] = NONE;
        self.group_placed[inst.group[r] as usize] = NONE;
        self.weight -= inst.weight[r];
        self.nplaced -= 1;
        if inst.home[r] != NONE && inst.home[r] as usize != s {
            self.moved -= 1;
        }
        self.cand_pos[r] = self.cand.len() as u32;
        self.cand.push(r as u32);
    }

    /// Places `r` in `s` (must fit), journaled.
    pub(crate) fn place(&mut self, r: usize, s: usize) {
        self.journal.push((r as u32, NONE));
        self.raw_place(r, s);
    }

    /// Removes `r` from its slot, journaled.
    pub(crate) fn unplace(&mut self, r: usize) {
        self.journal.push((r as u32, self.slot_of[r]));
        self.raw_unplace(r);
    }

    /// Current journal position.
    #[inline]
    pub(crate) fn mark(&self) -> usize {
        self.journal.len()
    }

    /// Undoes every change after `mark`.
    pub(crate) fn undo_to(&mut self, mark: usize) {
        while self.journal.len() > mark {
            let (r, prev) = self.journal.pop().unwrap();
            let r = r as usize;
            if self.slot_of[r] != NONE {
                self.raw_unplace(r);
            }
            if prev != NONE {
                self.raw_place(r, prev as usize);
            }
        }
    }

    /// Forgets the journal (the current state becomes the rollback point).
    pub(crate) fn commit(&mut self) {
        self.journal.clear();
    }

    /// Consistency self-check of the incremental bookkeeping (tests only).
    #[cfg(test)]
    pub(crate) fn self_check(&self) {
        let inst = self.inst;
        let mut w = 0;
        let mut br = 0u64;
        for p in 0..inst.np {
            let c = (0..inst.ns).filter(|&s| self.occ(p, s) != NONE).count() as u32;
            assert_eq!(c, self.count[p]);
            let b = breaks_bits(&self.busy[p * inst.nw..(p + 1) * inst.nw]);
            br += b as u64;
        }
        for r in 0..inst.nr {
            if self.slot_of[r] != NONE {
                w += inst.weight[r];
            }
        }
        assert_eq!(w, self.weight);
        assert_eq!(br, self.breaks);
        assert_eq!(self.worst, self.recompute_worst());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_bits_counts_inner_gaps() {
        assert_eq!(breaks_bits(&[0]), 0);
        assert_eq!(breaks_bits(&[0b1]), 0);
        assert_eq!(breaks_bits(&[0b111]), 0);
        assert_eq!(breaks_bits(&[0b101]), 1);
        assert_eq!(breaks_bits(&[0b1001]), 1);
        assert_eq!(breaks_bits(&[0b1010_1000]), 2);
        // Across a word boundary: bit 63 and bit 64 adjacent -> no break.
        assert_eq!(breaks_bits(&[1 << 63, 1]), 0);
        assert_eq!(breaks_bits(&[1 << 62, 1]), 1);
        assert_eq!(breaks_bits(&[1, 1 << 5]), 1);
    }

    #[test]
    fn incremental_bookkeeping_matches_recomputation() {
        use crate::generate::{cluster_forum, Size};
        use crate::rng::Rng;
        let p = cluster_forum(Size { participants: 30, requests: 120, slots: 6, tables: 6 }, 9);
        let inst = Inst::new(&p);
        let mut st = State::new(&inst);
        let mut rng = Rng::new(3);
        for step in 0..3000 {
            let r = rng.below(inst.nr);
            if st.slot_of[r] != NONE {
                if inst.pin[r] == NONE {
                    st.unplace(r);
                }
            } else {
                let s = rng.below(inst.ns);
                if st.fits(r, s) {
                    st.place(r, s);
                }
            }
            if step % 500 == 250 {
                let m = st.mark();
                st.undo_to(m / 2);
            }
            st.self_check();
        }
        st.undo_to(0);
        st.self_check();
        assert_eq!(st.nplaced, 0);
    }
}
