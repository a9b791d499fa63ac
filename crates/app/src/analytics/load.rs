//! Reading the registry into `analytics::Data`: bulk reads through `store` (versions first, so
//! the data is at least as new as the versions it is stamped with), ids turned into positions,
//! dates into `yyyymmdd` integers, and the few facts the KPIs need worked out here (a profile's
//! completeness, the initiative's home country, a meeting's stage).

use super::Loaded;
use crate::{App, AppResult};
use chrono::Datelike;
use domain::{ClusterStatus, MeetingStatus, RequestStatus};
use std::collections::HashMap;

/// A date as the analytics crate counts it.
pub(crate) fn day(d: chrono::NaiveDate) -> analytics::Date {
    d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32
}

/// The date at the start of an ISO date or RFC 3339 text.
fn day_of_text(s: &str) -> Option<analytics::Date> {
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok().map(day)
}

/// Share of the profile fields an organisation filled in: what a visitor reads about it.
fn completeness(o: &domain::Organisation) -> f64 {
    let filled = [
        !o.description.trim().is_empty(),
        !o.offers.trim().is_empty(),
        !o.needs.trim().is_empty(),
        !o.tags.is_empty(),
        !o.website.trim().is_empty(),
        !o.city.trim().is_empty(),
        !o.languages.is_empty(),
    ];
    filled.iter().filter(|&&f| f).count() as f64 / filled.len() as f64
}

impl App {
    pub(crate) async fn load_analytics(&self) -> AppResult<Loaded> {
        let started = std::time::Instant::now();
        let mut conn = self.store.conn().await?;
        let versions = (store::directory_version(&mut conn).await?, store::analytics_version(&mut conn).await?);
        let clusters = store::all_clusters(&mut conn).await?;
        let orgs = store::all_orgs(&mut conn).await?;
        let memberships = store::dated_memberships(&mut conn).await?;
        let projects = store::project_facts(&mut conn).await?;
        let partners = store::all_partners(&mut conn).await?;
        let project_clusters = store::all_project_clusters(&mut conn).await?;
        let events = store::list_events(&mut conn).await?;
        let event_clusters = store::all_event_clusters(&mut conn).await?;
        let participants = store::participant_origins(&mut conn).await?;
        let requests = store::request_outcomes(&mut conn).await?;
        drop(conn);

        // Merged, split and archived clusters live on in their successors' memberships.
        let clusters: Vec<domain::Cluster> =
            clusters.into_iter().filter(|c| c.status == ClusterStatus::Active).collect();
        let cluster_at: HashMap<i64, usize> = clusters.iter().enumerate().map(|(i, c)| (c.id.get(), i)).collect();
        let org_at: HashMap<i64, usize> = orgs.iter().enumerate().map(|(i, o)| (o.id.get(), i)).collect();
        let mut data = analytics::Data {
            today: day(self.today()),
            clusters: clusters.iter().map(|c| analytics::Cluster { id: c.id.get(), slug: c.slug.clone() }).collect(),
            organisations: orgs
                .iter()
                .map(|o| analytics::Organisation {
                    id: o.id.get(),
                    external_id: o.external_id.clone(),
                    name: o.display_name(),
                    country: o.country.code().to_string(),
                    completeness: completeness(o),
                    updated: day_of_text(&o.updated_at),
                })
                .collect(),
            ..analytics::Data::default()
        };
        data.memberships = memberships
            .iter()
            .filter_map(|(o, c, start, end)| {
                Some(analytics::Membership {
                    organisation: *org_at.get(&o.get())?,
                    cluster: *cluster_at.get(&c.get())?,
                    start: start.map(day),
                    end: end.map(day),
                })
            })
            .collect();
        data.home_country = home_country(&data);
        let project_at: HashMap<i64, usize> = projects.iter().enumerate().map(|(i, p)| (p.0.get(), i)).collect();
        data.projects = projects
            .iter()
            .map(|(id, kind, start, end, budget)| analytics::Project {
                id: id.get(),
                kind: match kind {
                    domain::ProjectKind::Common => analytics::ProjectKind::Common,
                    domain::ProjectKind::Flagship => analytics::ProjectKind::Flagship,
                    domain::ProjectKind::EuFunded => analytics::ProjectKind::EuFunded,
                },
                start: start.map(day),
                end: end.map(day),
                budget_eur: *budget,
                partners: Vec::new(),
                clusters: Vec::new(),
            })
            .collect();
        for (p, o, _) in &partners {
            if let (Some(&p), Some(&o)) = (project_at.get(&p.get()), org_at.get(&o.get())) {
                data.projects[p].partners.push(o);
            }
        }
        for (p, c) in &project_clusters {
            if let (Some(&p), Some(&c)) = (project_at.get(&p.get()), cluster_at.get(&c.get())) {
                data.projects[p].clusters.push(c);
            }
        }
        for p in &mut data.projects {
            p.partners.sort_unstable();
            p.partners.dedup();
        }
        let organisers =
            event_data(&mut data, &events, &event_clusters, &participants, &requests, &org_at, &cluster_at);
        tracing::info!(
            organisations = data.organisations.len(),
            projects = data.projects.len(),
            requests = data.requests.len(),
            ms = started.elapsed().as_millis() as u64,
            "analytics data loaded"
        );
        Ok(Loaded {
            versions,
            org_ids: orgs.iter().map(|o| o.id).collect(),
            cluster_ids: clusters.iter().map(|c| c.id).collect(),
            cluster_names: clusters.iter().map(|c| c.name.clone()).collect(),
            event_clusters: organisers,
            event_slugs: events.iter().map(|e| e.slug.clone()).collect(),
            data,
            results: std::sync::Mutex::new(HashMap::new()),
        })
    }
}

/// The country most members are in (the initiative's own), "LU" for a registry without members.
fn home_country(data: &analytics::Data) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &data.memberships {
        *counts.entry(data.organisations[m.organisation].country.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| "LU".to_string(), |(c, _)| c.to_string())
}

/// Events, their participants and meeting requests into `data`; returns the clusters organising
/// each event (whose managers may see its meetings).
fn event_data(
    data: &mut analytics::Data,
    events: &[domain::Event],
    event_clusters: &[(domain::EventId, domain::ClusterId)],
    participants: &[domain::listing::ParticipantOrigin],
    requests: &[domain::listing::RequestOutcome],
    org_at: &HashMap<i64, usize>,
    cluster_at: &HashMap<i64, usize>,
) -> Vec<Vec<domain::ClusterId>> {
    let event_at: HashMap<i64, usize> = events.iter().enumerate().map(|(i, e)| (e.id.get(), i)).collect();
    let mut organisers: Vec<Vec<domain::ClusterId>> = vec![Vec::new(); events.len()];
    for (e, c) in event_clusters {
        if let Some(&e) = event_at.get(&e.get()) {
            organisers[e].push(*c);
        }
    }
    data.events = events
        .iter()
        .enumerate()
        .map(|(i, e)| analytics::Event {
            id: e.id.get(),
            slug: e.slug.clone(),
            starts_on: day_of_text(&e.starts_on).unwrap_or(0),
            clusters: organisers[i].iter().filter_map(|c| cluster_at.get(&c.get()).copied()).collect(),
        })
        .collect();
    data.participants = participants
        .iter()
        .filter_map(|p| {
            Some(analytics::Participant {
                event: *event_at.get(&p.event_id.get())?,
                organisation: p.organisation_id.and_then(|o| org_at.get(&o.get()).copied()),
                guest: p.guest,
            })
        })
        .collect();
    data.requests = requests
        .iter()
        .filter_map(|r| {
            let event = *event_at.get(&r.event_id.get())?;
            let held = r.meeting == Some(MeetingStatus::Held);
            let stage = if held {
                analytics::Stage::Held
            } else if r.status == RequestStatus::Accepted {
                analytics::Stage::Accepted
            } else {
                analytics::Stage::Requested
            };
            Some(analytics::Request {
                event,
                from: r.from_org.and_then(|o| org_at.get(&o.get()).copied()),
                to: r.to_org.and_then(|o| org_at.get(&o.get()).copied()),
                // A request is for its event: one recorded after the day (an import, the
                // demo) counts in the event's year.
                requested_on: day_of_text(&r.requested_at)
                    .map_or(data.events[event].starts_on, |d| d.min(data.events[event].starts_on)),
                stage,
                held_on: held.then_some(data.events[event].starts_on),
                cooperation_possible: r.cooperation_possible,
                follow_up_on: r.follow_up_on.as_deref().and_then(day_of_text),
            })
        })
        .collect();
    organisers
}
