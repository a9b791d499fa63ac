//! The KPIs of the five strategy fields, per cluster and for the whole initiative, per year,
//! computed only from the registry's data. `docs/kpis.md` defines each (definition, data used,
//! what it says and does not say); the names here are the `kpi` values of the CLI and API.
//!
//! A project belongs to a cluster in a year when it declares the cluster or a partner is a
//! member that year; a meeting or request when one side is a member; an event when the cluster
//! organises it (the initiative: every event). The initiative's "members" are the members of
//! any cluster. Branding is a snapshot of the profiles as they are: its rows come only for the
//! reference day's year, since earlier states of a profile are not kept.

use crate::{year_bounds, year_of, Data, Date, ProjectKind, Stage};
use std::collections::HashSet;

pub const BUSINESS: &str = "business_development";
pub const INTERNATIONAL: &str = "internationalisation";
pub const FLAGSHIP: &str = "flagship_projects";
pub const BRANDING: &str = "branding";
pub const PROSPECTION: &str = "prospection_promotion";

/// Every KPI as (field, name), in output order.
pub const KPIS: &[(&str, &str)] = &[
    (BUSINESS, "members"),
    (BUSINESS, "new_members"),
    (BUSINESS, "active_members"),
    (BUSINESS, "meetings_held_per_member"),
    (BUSINESS, "meeting_requests_sent"),
    (BUSINESS, "meeting_requests_accepted"),
    (INTERNATIONAL, "projects_started"),
    (INTERNATIONAL, "foreign_partner_project_share"),
    (INTERNATIONAL, "partner_countries"),
    (INTERNATIONAL, "cross_border_meetings"),
    (FLAGSHIP, "flagship_projects_started"),
    (FLAGSHIP, "common_projects_started"),
    (FLAGSHIP, "flagship_common_budget_eur"),
    (FLAGSHIP, "multi_cluster_share"),
    (BRANDING, "profile_completeness"),
    (BRANDING, "profiles_fresh_share"),
    (PROSPECTION, "events"),
    (PROSPECTION, "participants"),
    (PROSPECTION, "guests"),
    (PROSPECTION, "guests_became_members"),
    (PROSPECTION, "meetings_per_participant"),
];

/// One figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// The cluster (position in [`Data::clusters`]), `None` for the initiative.
    pub cluster: Option<usize>,
    pub year: i32,
    pub field: &'static str,
    pub kpi: &'static str,
    pub value: f64,
}

#[derive(Debug, Clone, Default)]
struct Acc {
    members: f64,
    new_members: f64,
    active: f64,
    held: f64,
    sent: f64,
    accepted: f64,
    projects: f64,
    foreign_projects: f64,
    countries: HashSet<String>,
    cross_border: f64,
    flagship: f64,
    common: f64,
    budget: f64,
    multi: f64,
    completeness: f64,
    fresh: f64,
    events: f64,
    participants: f64,
    guests: f64,
    guests_joined: f64,
    event_meetings: f64,
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

/// Every KPI for each scope (initiative first, then the clusters) and year of `from..=to`.
pub fn kpis(data: &Data, from: i32, to: i32) -> Vec<Kpi> {
    let mut out = Vec::new();
    for year in from..=to {
        let acc = year_figures(data, year);
        for (s, a) in acc.iter().enumerate() {
            let cluster = if s == 0 { None } else { Some(s - 1) };
            let flagship_common = a.flagship + a.common;
            let values = [
                a.members,
                a.new_members,
                a.active,
                ratio(a.held, a.members),
                a.sent,
                a.accepted,
                a.projects,
                ratio(a.foreign_projects, a.projects),
                a.countries.len() as f64,
                a.cross_border,
                a.flagship,
                a.common,
                a.budget,
                ratio(a.multi, flagship_common),
                ratio(a.completeness, a.members),
                ratio(a.fresh, a.members),
                a.events,
                a.participants,
                a.guests,
                a.guests_joined,
                ratio(a.event_meetings, a.participants),
            ];
            for (&(field, kpi), value) in KPIS.iter().zip(values) {
                if field == BRANDING && year != year_of(data.today) {
                    continue;
                }
                out.push(Kpi { cluster, year, field, kpi, value });
            }
        }
    }
    out
}

/// The accumulators of one year: index 0 the initiative, 1 + k cluster k.
fn year_figures(data: &Data, year: i32) -> Vec<Acc> {
    let c = data.clusters.len();
    let (first, last) = year_bounds(year);
    let in_year = |d: Date| year_of(d) == year;
    let of = data.clusters_of(first, last);
    let mut acc = vec![Acc::default(); c + 1];
    // the scopes of a set of organisations (plus declared clusters): the initiative when any is
    // a member
    let scopes = |orgs: &[usize], declared: &[usize]| -> Vec<usize> {
        let mut s: Vec<usize> = orgs.iter().flat_map(|&o| of[o].iter().map(|k| k + 1)).collect();
        s.extend(declared.iter().map(|k| k + 1));
        s.sort_unstable();
        s.dedup();
        if !s.is_empty() {
            s.insert(0, 0);
        }
        s
    };
    let mut active = vec![false; data.organisations.len()];
    for p in &data.projects {
        let running = p.start.is_none_or(|s| s <= last) && p.end.is_none_or(|e| e >= first) && p.start.is_some();
        if running {
            for &o in &p.partners {
                active[o] = true;
            }
        }
        let Some(start) = p.start.filter(|&s| in_year(s)) else { continue };
        let _ = start;
        let sc = scopes(&p.partners, &p.clusters);
        let foreign: Vec<&str> = p
            .partners
            .iter()
            .map(|&o| data.organisations[o].country.as_str())
            .filter(|&k| k != data.home_country && !k.is_empty())
            .collect();
        let clusters_involved = sc.len().saturating_sub(1);
        for &s in &sc {
            let a = &mut acc[s];
            a.projects += 1.0;
            if !foreign.is_empty() {
                a.foreign_projects += 1.0;
                a.countries.extend(foreign.iter().map(|k| k.to_string()));
            }
            if matches!(p.kind, ProjectKind::Flagship | ProjectKind::Common) {
                if p.kind == ProjectKind::Flagship {
                    a.flagship += 1.0;
                } else {
                    a.common += 1.0;
                }
                a.budget += p.budget_eur.unwrap_or(0.0);
                if clusters_involved > 1 {
                    a.multi += 1.0;
                }
            }
        }
    }
    for (x, y, d) in data.held_meetings() {
        if !in_year(d) {
            continue;
        }
        active[x] = true;
        active[y] = true;
        let cross_border = data.organisations[x].country != data.organisations[y].country;
        for s in scopes(&[x, y], &[]) {
            acc[s].held += 1.0;
            if cross_border {
                acc[s].cross_border += 1.0;
            }
        }
    }
    for r in data.requests.iter().filter(|r| in_year(r.requested_on)) {
        let orgs: Vec<usize> = r.from.into_iter().chain(r.to).collect();
        for s in scopes(&orgs, &[]) {
            acc[s].sent += 1.0;
            if r.stage >= Stage::Accepted {
                acc[s].accepted += 1.0;
            }
        }
    }
    let fresh_since = data.today - 10_000;
    let mut first_membership: Vec<Option<Date>> = vec![None; data.organisations.len()];
    for m in &data.memberships {
        let s = m.start.unwrap_or(0);
        if first_membership[m.organisation].is_none_or(|f| s < f) {
            first_membership[m.organisation] = Some(s);
        }
        if m.overlaps(first, last) && m.start.is_some_and(in_year) {
            acc[m.cluster + 1].new_members += 1.0;
        }
    }
    for (o, cl) in of.iter().enumerate() {
        if cl.is_empty() {
            continue;
        }
        if first_membership[o].is_some_and(in_year) {
            acc[0].new_members += 1.0;
        }
        let org = &data.organisations[o];
        let fresh = org.updated.is_some_and(|u| u > fresh_since);
        for s in std::iter::once(0).chain(cl.iter().map(|k| k + 1)) {
            let a = &mut acc[s];
            a.members += 1.0;
            a.active += f64::from(u8::from(active[o]));
            a.completeness += org.completeness;
            a.fresh += f64::from(u8::from(fresh));
        }
    }
    events(data, year, &mut acc);
    acc
}

/// Prospection and promotion: the events of the year, who came, and what their meetings gave.
fn events(data: &Data, year: i32, acc: &mut [Acc]) {
    let mut scopes_of: Vec<Vec<usize>> = vec![Vec::new(); data.events.len()];
    for (i, e) in data.events.iter().enumerate() {
        if year_of(e.starts_on) != year {
            continue;
        }
        scopes_of[i] = std::iter::once(0).chain(e.clusters.iter().map(|k| k + 1)).collect();
        for &s in &scopes_of[i] {
            acc[s].events += 1.0;
        }
    }
    for p in &data.participants {
        let e = &data.events[p.event];
        if scopes_of[p.event].is_empty() {
            continue;
        }
        let member_then = p.organisation.is_some_and(|o| {
            data.memberships.iter().any(|m| m.organisation == o && m.overlaps(e.starts_on, e.starts_on))
        });
        let guest = p.guest || !member_then;
        let joined = guest
            && p.organisation.is_some_and(|o| {
                data.memberships.iter().any(|m| m.organisation == o && m.start.is_some_and(|s| s > e.starts_on))
            });
        for &s in &scopes_of[p.event] {
            acc[s].participants += 1.0;
            acc[s].guests += f64::from(u8::from(guest));
            acc[s].guests_joined += f64::from(u8::from(joined));
        }
    }
    for r in &data.requests {
        if r.stage == Stage::Held {
            for &s in &scopes_of[r.event] {
                acc[s].event_meetings += 1.0;
            }
        }
    }
}
