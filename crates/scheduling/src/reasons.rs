//! Human-readable reasons for unplaced requests, derived from the final
//! schedule: missing common availability, allowed slots, duplicates, a
//! participant booked in every feasible slot, full tables, or competition
//! with other (higher or equal priority) meetings.

use crate::model::Problem;
use crate::prep::{bits, Inst, NONE};
use crate::state::State;

/// Reason why request `r` (unplaced in `st`) is not placed.
pub(crate) fn reason(problem: &Problem, inst: &Inst, st: &State, r: usize) -> String {
    let req = &problem.requests[r];
    let pid = |p: u32| problem.participants[p as usize].id.as_str();
    let g = st.group_placed[inst.group[r] as usize];
    let prefix = if inst.home[r] != NONE {
        format!("previously published in slot {} but dropped: ", problem.slots[inst.home[r] as usize].id)
    } else {
        String::new()
    };
    if g != NONE && g as usize != r {
        return format!("{prefix}duplicate of request {} with the same participants", problem.requests[g as usize].id);
    }
    if inst.nfeas[r] == 0 {
        if !inst.common_availability(r) {
            return format!("{prefix}no slot where all participants are available");
        }
        let mut common_with_tables = false;
        let mut allowed_common = false;
        for s in 0..inst.ns {
            let all = inst.parts(r).iter().all(|&p| inst.avail[p as usize * inst.nw + s / 64] >> (s % 64) & 1 == 1);
            if all && inst.tables[s] > 0 {
                common_with_tables = true;
                if req.allowed_slots.as_ref().is_none_or(|a| a.contains(&s)) {
                    allowed_common = true;
                }
            }
        }
        if !common_with_tables {
            return format!("{prefix}no table in any slot where all participants are available");
        }
        if !allowed_common {
            return format!("{prefix}no allowed slot where all participants are available");
        }
        return format!("{prefix}no feasible slot");
    }
    let feas: Vec<usize> = bits(inst.feas(r)).collect();
    let parts = inst.parts(r);
    // A participant booked in every feasible slot.
    let mut per_part: Vec<usize> = vec![0; parts.len()];
    let mut full_slots = 0;
    let mut max_blocker_prio = 0u64;
    for &s in &feas {
        let mut blocked = false;
        for (i, &p) in parts.iter().enumerate() {
            let o = st.occ(p as usize, s);
            if o != NONE {
                per_part[i] += 1;
                blocked = true;
                max_blocker_prio = max_blocker_prio.max(inst.weight[o as usize]);
            }
        }
        if !blocked && st.used[s] >= inst.tables[s] {
            full_slots += 1;
            for &m in &st.members[s] {
                max_blocker_prio = max_blocker_prio.max(inst.weight[m as usize]);
            }
        }
    }
    if let Some(i) = (0..parts.len()).find(|&i| per_part[i] == feas.len()) {
        return format!("{prefix}participant {} is already booked in every feasible slot", pid(parts[i]));
    }
    if full_slots == feas.len() {
        return format!("{prefix}all tables are taken in every feasible slot");
    }
    let (bi, _) = per_part.iter().enumerate().max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i))).unwrap();
    let mut detail: Vec<String> = parts
        .iter()
        .zip(&per_part)
        .filter(|(_, &c)| c > 0)
        .map(|(&p, &c)| format!("{} booked in {} of {}", pid(p), c, feas.len()))
        .collect();
    if full_slots > 0 {
        detail.push(format!("tables full in {full_slots}"));
    }
    if max_blocker_prio > inst.weight[r] {
        format!(
            "{prefix}not placed: lower priority than competing requests for {}'s slots ({})",
            pid(parts[bi]),
            detail.join(", ")
        )
    } else {
        format!(
            "{prefix}not placed: every feasible slot is taken by competing meetings of equal or lower priority that could not be rearranged ({})",
            detail.join(", ")
        )
    }
}
