//! The funnel from a meeting request to a joint project: requested → accepted → held →
//! feedback "cooperation possible" → follow-up recorded → joint project (a project in the
//! registry with both sides as partners that started after the meeting, found automatically),
//! with the median lag in days from the meeting to the follow-up and to the project. Per event,
//! and per cluster and year (a request counts for the clusters either side was in on the
//! event's day).

use crate::{year_of, Data, Date, Stage};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stages {
    pub requested: u64,
    pub accepted: u64,
    pub held: u64,
    pub cooperation_possible: u64,
    pub follow_up: u64,
    pub joint_project: u64,
    pub median_days_to_follow_up: Option<f64>,
    pub median_days_to_project: Option<f64>,
}

/// One row: an event (all clusters), or a cluster and year (all events).
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelRow {
    pub event: Option<usize>,
    pub cluster: Option<usize>,
    pub year: Option<i32>,
    pub stages: Stages,
}

/// Days since 1970-01-01 of a `yyyymmdd` date (Hinnant's days_from_civil).
pub fn days(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d / 10_000), i64::from(d / 100 % 100), i64::from(d % 100));
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

#[derive(Default)]
struct Tally {
    stages: Stages,
    to_follow_up: Vec<f64>,
    to_project: Vec<f64>,
}

impl Tally {
    fn finish(mut self) -> Stages {
        self.stages.median_days_to_follow_up = median(self.to_follow_up);
        self.stages.median_days_to_project = median(self.to_project);
        self.stages
    }
}

/// The funnel per event (in event order), then per cluster and year (years ascending).
pub fn funnel(data: &Data) -> Vec<FunnelRow> {
    // first project start after a day, per pair of organisations
    let mut projects_of: HashMap<usize, Vec<(Date, usize)>> = HashMap::new();
    for (i, p) in data.projects.iter().enumerate() {
        if let Some(s) = p.start {
            for &o in &p.partners {
                projects_of.entry(o).or_default().push((s, i));
            }
        }
    }
    let joint_after = |a: usize, b: usize, day: Date| -> Option<Date> {
        let list = projects_of.get(&a)?;
        list.iter().filter(|(s, i)| *s > day && data.projects[*i].partners.contains(&b)).map(|(s, _)| *s).min()
    };
    let mut per_event: Vec<Tally> = (0..data.events.len()).map(|_| Tally::default()).collect();
    let mut per_cluster: HashMap<(usize, i32), Tally> = HashMap::new();
    for r in &data.requests {
        let e = &data.events[r.event];
        let mut scopes: Vec<&mut Tally> = Vec::new();
        let mut keys: Vec<(usize, i32)> = Vec::new();
        for o in r.from.into_iter().chain(r.to) {
            for m in data.memberships.iter().filter(|m| m.organisation == o && m.overlaps(e.starts_on, e.starts_on)) {
                keys.push((m.cluster, year_of(e.starts_on)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        for k in &keys {
            per_cluster.entry(*k).or_default();
        }
        scopes.push(&mut per_event[r.event]);
        for (k, t) in per_cluster.iter_mut() {
            if keys.contains(k) {
                scopes.push(t);
            }
        }
        let held_on = r.held_on.filter(|_| r.stage == Stage::Held);
        let project = match (r.from, r.to, held_on) {
            (Some(a), Some(b), Some(d)) => joint_after(a, b, d),
            _ => None,
        };
        for t in scopes {
            let s = &mut t.stages;
            s.requested += 1;
            s.accepted += u64::from(r.stage >= Stage::Accepted);
            s.held += u64::from(held_on.is_some());
            if let Some(d) = held_on {
                s.cooperation_possible += u64::from(r.cooperation_possible);
                if let Some(f) = r.follow_up_on {
                    s.follow_up += 1;
                    t.to_follow_up.push((days(f) - days(d)) as f64);
                }
                if let Some(p) = project {
                    s.joint_project += 1;
                    t.to_project.push((days(p) - days(d)) as f64);
                }
            }
        }
    }
    let mut out: Vec<FunnelRow> = per_event
        .into_iter()
        .enumerate()
        .map(|(i, t)| FunnelRow { event: Some(i), cluster: None, year: None, stages: t.finish() })
        .collect();
    let mut keys: Vec<(usize, i32)> = per_cluster.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        let t = per_cluster.remove(&k).expect("key listed");
        out.push(FunnelRow { event: None, cluster: Some(k.0), year: Some(k.1), stages: t.finish() });
    }
    out
}
