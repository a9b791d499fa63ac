//! Exact solver for the bipartite, full-availability, uniform-priority,
//! uniform-tables case (the "known optimum" family): a maximum b-matching
//! (every participant at most `T` = #slots meetings, total at most
//! `tables·T`) computed by max-flow is edge-coloured with `T` colours (König's
//! theorem, alternating-path recolouring), then colour classes are balanced
//! by swapping alternating paths so that no slot exceeds its tables. The
//! result places exactly `min(tables·T, maximum T-matching)` meetings, which
//! equals the upper bound.

use crate::bound::{bipartition, bmatching, Groups};
use crate::prep::{Inst, NONE};
use crate::state::State;

/// Whether the instance belongs to the family handled exactly.
pub(crate) fn applicable(inst: &Inst) -> bool {
    if inst.nr == 0 || inst.ns == 0 {
        return false;
    }
    let t = inst.tables[0];
    t > 0
        && inst.tables.iter().all(|&x| x == t)
        && inst.pin.iter().all(|&p| p == NONE)
        && inst.home.iter().all(|&h| h == NONE)
        && inst.nfeas.iter().all(|&n| n as usize == inst.ns)
        && inst.weight.iter().all(|&w| w == inst.weight[0])
}

/// Solves the family exactly into `st` (which must be empty). Returns false
/// when not applicable (e.g. not bipartite).
pub(crate) fn solve_exact(inst: &Inst, groups: &Groups, caps: &[u32], st: &mut State) -> bool {
    if !applicable(inst) {
        return false;
    }
    let Some(side) = bipartition(inst, groups) else {
        return false;
    };
    let t = inst.tables[0] as u64;
    let nc = inst.ns;
    let (_, chosen) = bmatching(inst, groups, &side, caps, t * nc as u64, 0);
    let edges: Vec<(u32, u32, u32)> = chosen
        .iter()
        .map(|&g| {
            let r = groups.rep[g as usize];
            let ps = inst.parts(r as usize);
            (r, ps[0], ps[1])
        })
        .collect();
    let mut at = vec![NONE; inst.np * nc];
    let mut color = vec![NONE; edges.len()];
    let mut cnt = vec![0u64; nc];
    let other = |e: usize, x: u32| {
        if edges[e].1 == x {
            edges[e].2
        } else {
            edges[e].1
        }
    };
    let mut path: Vec<usize> = Vec::new();
    let free_min = |at: &[u32], cnt: &[u64], x: usize| -> usize {
        (0..nc)
            .filter(|&c| at[x * nc + c] == NONE)
            .min_by_key(|&c| (cnt[c], c))
            .expect("degree exceeds number of slots")
    };
    for e in 0..edges.len() {
        let (_, u, v) = edges[e];
        let a = free_min(&at, &cnt, u as usize);
        if at[v as usize * nc + a] != NONE {
            let b = free_min(&at, &cnt, v as usize);
            // Flip the a/b alternating path starting at v.
            path.clear();
            let mut x = v;
            let mut c = a;
            loop {
                let f = at[x as usize * nc + c];
                if f == NONE {
                    break;
                }
                path.push(f as usize);
                x = other(f as usize, x);
                c = if c == a { b } else { a };
            }
            flip(&edges, &mut at, &mut color, &mut cnt, nc, &path, a, b);
        }
        debug_assert_eq!(at[u as usize * nc + a], NONE);
        debug_assert_eq!(at[v as usize * nc + a], NONE);
        at[u as usize * nc + a] = e as u32;
        at[v as usize * nc + a] = e as u32;
        color[e] = a as u32;
        cnt[a] += 1;
    }
    // Balance colour classes.
    loop {
        let a = (0..nc).max_by_key(|&c| (cnt[c], c)).unwrap();
        let b = (0..nc).min_by_key(|&c| (cnt[c], c)).unwrap();
        if cnt[a] <= cnt[b] + 1 {
            break;
        }
        for x in 0..inst.np {
            if cnt[a] <= cnt[b] + 1 {
                break;
            }
            if at[x * nc + a] == NONE || at[x * nc + b] != NONE {
                continue;
            }
            path.clear();
            let mut y = x as u32;
            let mut c = a;
            loop {
                let f = at[y as usize * nc + c];
                if f == NONE {
                    break;
                }
                path.push(f as usize);
                y = other(f as usize, y);
                c = if c == a { b } else { a };
            }
            if path.len() % 2 == 1 {
                flip(&edges, &mut at, &mut color, &mut cnt, nc, &path, a, b);
            }
        }
    }
    for (e, &(r, _, _)) in edges.iter().enumerate() {
        st.place(r as usize, color[e] as usize);
    }
    st.commit();
    true
}

#[allow(clippy::too_many_arguments)]
fn flip(
    edges: &[(u32, u32, u32)],
    at: &mut [u32],
    color: &mut [u32],
    cnt: &mut [u64],
    nc: usize,
    path: &[usize],
    a: usize,
    b: usize,
) {
    for &e in path {
        let c = color[e] as usize;
        at[edges[e].1 as usize * nc + c] = NONE;
        at[edges[e].2 as usize * nc + c] = NONE;
        cnt[c] -= 1;
    }
    for &e in path {
        let c = if color[e] as usize == a { b } else { a };
        color[e] = c as u32;
        at[edges[e].1 as usize * nc + c] = e as u32;
        at[edges[e].2 as usize * nc + c] = e as u32;
        cnt[c] += 1;
    }
}
