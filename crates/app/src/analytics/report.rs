//! The forum report (issue 15, item 5), generated for every event: who came (participants by
//! cluster, kind of organisation and country), the meetings requested, accepted and held and how
//! many crossed clusters, the feedback, the themed round tables, and what followed (the event's
//! row of the funnel, the follow-ups recorded and the joint projects found afterwards).
//!
//! Who sees what (item 3): the event's organisers and admins get the full report, with the
//! meetings between clusters pair by pair, every follow-up and every joint project. Any other
//! signed-in account gets the summary: participants as the event's page already lists them, and
//! only totals from meetings, where a count between 1 and [`SMALL`] − 1 is shown as "fewer than
//! [`SMALL`]" so that no figure singles out one meeting; no per-meeting data, no lags.

use super::Loaded;
use crate::{App, AppError, AppResult};
use domain::{Actor, Country, FeedbackOutcome, FollowUpKind, MeetingStatus, OrgKind, ProjectId, RequestStatus};
use std::collections::{BTreeMap, HashMap, HashSet};

use super::publish::SMALL;

/// A count as the report shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Exact(u64),
    /// Between 1 and the bound minus one (the summary's small counts).
    FewerThan(u64),
}

impl Shown {
    fn of(n: u64, full: bool) -> Shown {
        if full || n == 0 || n >= SMALL {
            Shown::Exact(n)
        } else {
            Shown::FewerThan(SMALL)
        }
    }

    /// The exact count, if shown.
    pub fn exact(self) -> Option<u64> {
        match self {
            Shown::Exact(n) => Some(n),
            Shown::FewerThan(_) => None,
        }
    }
}

/// One stage of the funnel or of the meetings, by its stable name.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: &'static str,
    pub count: Shown,
}

/// A follow-up in the full report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFollowUp {
    pub by: String,
    pub with: String,
    pub kind: FollowUpKind,
    pub happened_on: String,
}

/// A joint project found after a held meeting, in the full report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportJointProject {
    pub a: String,
    pub b: String,
    pub project: ProjectId,
    pub title: String,
    pub starts_on: String,
}

/// A themed round table: theme, members, clusters mixed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRoundTable {
    pub theme: String,
    pub members: usize,
    pub clusters: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventReport {
    pub slug: String,
    pub name: String,
    pub venue: String,
    pub starts_on: String,
    /// Organisers and admins: the full report; others: the summary.
    pub full: bool,
    pub participants: u64,
    pub organisations: u64,
    /// Participants without an organisation, or whose organisation was in no cluster that day.
    pub outside_clusters: u64,
    /// Cluster name and participants in it (a participant of two clusters counts in each).
    pub by_cluster: Vec<(String, u64)>,
    /// Kind of organisation (`None`: no organisation) and participants.
    pub by_kind: Vec<(Option<OrgKind>, u64)>,
    pub by_country: Vec<(Country, u64)>,
    /// requested, accepted, held, no_show, cancelled.
    pub meetings: Vec<Line>,
    /// Held meetings: across clusters (no cluster in common), within one, with someone outside.
    pub held_split: Vec<Line>,
    /// Full only: held meetings per pair of clusters (names), most first.
    pub pairs: Vec<(String, String, u64)>,
    /// Feedback answers per outcome (each side answers for itself).
    pub feedback: Vec<(FeedbackOutcome, Shown)>,
    pub round_tables: Vec<ReportRoundTable>,
    pub round_table_people: u64,
    /// The event's funnel: requested → … → joint project.
    pub funnel: Vec<Line>,
    /// Full only: median days from the meeting to the first follow-up and to a joint project.
    pub lags: (Option<f64>, Option<f64>),
    pub follow_ups: Vec<ReportFollowUp>,
    pub joint_projects: Vec<ReportJointProject>,
}

/// Counts by key, largest first, then by key.
fn ranked<K: Ord + Clone>(m: BTreeMap<K, u64>) -> Vec<(K, u64)> {
    let mut v: Vec<(K, u64)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

impl App {
    /// The report of event `slug`: full for its organisers and admins, the summary for any other
    /// signed-in account.
    pub async fn event_report(&self, actor: &Actor, slug: &str) -> AppResult<EventReport> {
        if !actor.is_signed_in() {
            return Err(AppError::Unauthenticated);
        }
        let l = self.analytics_data().await?;
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        let full = self.organises(&mut conn, actor, &e).await?;
        let day = e.starts_on.get(..10).unwrap_or(&e.starts_on).to_string();
        let participants = store::event_participants(&mut conn, e.id).await?;
        let org_ids: Vec<i64> = participants.iter().filter_map(|p| p.organisation_id.map(|o| o.get())).collect();
        let orgs: HashMap<domain::OrganisationId, domain::Organisation> =
            store::orgs_by_ids(&mut conn, &org_ids).await?.into_iter().map(|o| (o.id, o)).collect();
        let cluster_names: HashMap<domain::ClusterId, String> =
            store::all_clusters(&mut conn).await?.into_iter().map(|c| (c.id, c.name)).collect();
        let mut clusters_of: ClustersOf = HashMap::new();
        for (o, c, start, end) in store::dated_memberships(&mut conn).await? {
            let on = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            let current = on(start).is_none_or(|s| s <= day) && on(end).is_none_or(|x| x >= day);
            if let (true, Some(name)) = (current, cluster_names.get(&c)) {
                let list = clusters_of.entry(o).or_default();
                if !list.contains(name) {
                    list.push(name.clone());
                }
            }
        }
        let name_of = |p: &domain::EventParticipant| {
            p.organisation_id.and_then(|o| orgs.get(&o)).map_or_else(|| p.name.clone(), |o| o.display_name())
        };
        let (by_cluster, by_kind, by_country, outside) = who_came(&participants, &orgs, &clusters_of);
        let side: HashMap<domain::ParticipantId, &domain::EventParticipant> =
            participants.iter().map(|p| (p.id, p)).collect();
        let requests = store::meeting_requests(&mut conn, e.id).await?;
        let meetings = store::event_meetings(&mut conn, e.id).await?;
        let by_request: HashMap<domain::RequestId, &domain::MeetingRequest> =
            requests.iter().map(|r| (r.id, r)).collect();
        let count = |f: &dyn Fn(&domain::EventMeeting) -> bool| meetings.iter().filter(|m| f(m)).count() as u64;
        let accepted = requests.iter().filter(|r| r.status == RequestStatus::Accepted).count() as u64;
        let meeting_lines = vec![
            Line { name: "requested", count: Shown::of(requests.len() as u64, full) },
            Line { name: "accepted", count: Shown::of(accepted, full) },
            Line { name: "held", count: Shown::of(count(&|m| m.status == MeetingStatus::Held), full) },
            Line { name: "no_show", count: Shown::of(count(&|m| m.status == MeetingStatus::NoShow), full) },
            Line { name: "cancelled", count: Shown::of(count(&|m| m.status == MeetingStatus::Cancelled), full) },
        ];
        let held = held_meetings(&meetings, &by_request, &side, &clusters_of);
        let (across, within, with_outside, pairs) = (held.across, held.within, held.with_outside, held.pairs);
        let held_pairs = held.sides;
        let mut outcomes: BTreeMap<FeedbackOutcome, u64> = BTreeMap::new();
        for (_, _, o) in store::event_feedback(&mut conn, e.id).await? {
            *outcomes.entry(o).or_insert(0) += 1;
        }
        let mut follow_ups = Vec::new();
        if full {
            for f in store::event_follow_ups(&mut conn, e.id).await? {
                let Some((_, a, b)) = held_pairs.iter().find(|(m, _, _)| *m == f.meeting_id) else { continue };
                let (by, with) = if a.id == f.participant_id { (a, b) } else { (b, a) };
                follow_ups.push(ReportFollowUp {
                    by: name_of(by),
                    with: name_of(with),
                    kind: f.kind,
                    happened_on: f.happened_on,
                });
            }
        }
        drop(conn);
        let sys = Actor::system();
        let tables = self.round_tables(if full { actor } else { &sys }, slug).await?;
        let (funnel, lags) = funnel_lines(&l, slug, full);
        let joint_projects = if full { self.joint_projects(&l, slug).await? } else { Vec::new() };
        Ok(EventReport {
            slug: e.slug.clone(),
            name: e.name.clone(),
            venue: e.venue.clone(),
            starts_on: day,
            full,
            participants: participants.len() as u64,
            organisations: participants.iter().filter_map(|p| p.organisation_id).collect::<HashSet<_>>().len() as u64,
            outside_clusters: outside,
            by_cluster,
            by_kind,
            by_country,
            meetings: meeting_lines,
            held_split: vec![
                Line { name: "across_clusters", count: Shown::of(across, full) },
                Line { name: "within_a_cluster", count: Shown::of(within, full) },
                Line { name: "with_outside", count: Shown::of(with_outside, full) },
            ],
            pairs: if full { ranked(pairs).into_iter().map(|((a, b), n)| (a, b, n)).collect() } else { Vec::new() },
            feedback: FeedbackOutcome::ALL
                .iter()
                .rev()
                .map(|o| (*o, Shown::of(outcomes.get(o).copied().unwrap_or(0), full)))
                .collect(),
            round_table_people: tables.iter().map(|t| t.members.len() as u64).sum(),
            round_tables: tables
                .iter()
                .map(|t| ReportRoundTable {
                    theme: t.theme.clone(),
                    members: t.members.len(),
                    clusters: t.members.iter().flat_map(|(_, c)| c.iter()).collect::<HashSet<_>>().len(),
                })
                .collect(),
            funnel,
            lags,
            follow_ups,
            joint_projects,
        })
    }

    /// Projects with both sides of a held meeting of event `slug` as partners, starting after
    /// it (the funnel's last stage), with their titles.
    async fn joint_projects(&self, l: &Loaded, slug: &str) -> AppResult<Vec<ReportJointProject>> {
        let data = &l.data;
        let Some(ev) = l.event_slugs.iter().position(|s| s == slug) else { return Ok(Vec::new()) };
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for r in data.requests.iter().filter(|r| r.event == ev && r.stage == analytics::Stage::Held) {
            let (Some(a), Some(b), Some(d)) = (r.from, r.to, r.held_on) else { continue };
            for (i, p) in data.projects.iter().enumerate() {
                if p.start.is_some_and(|s| s > d) && p.partners.contains(&a) && p.partners.contains(&b) {
                    found.push((a, b, i));
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        let mut conn = self.store.conn().await?;
        let mut out = Vec::new();
        for (a, b, i) in found {
            let id = ProjectId::new(data.projects[i].id);
            let Some(p) = store::get_project(&mut conn, id).await? else { continue };
            out.push(ReportJointProject {
                a: data.organisations[a].name.clone(),
                b: data.organisations[b].name.clone(),
                project: id,
                title: if p.acronym.is_empty() { p.title.clone() } else { format!("{} — {}", p.acronym, p.title) },
                starts_on: p.start_date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            });
        }
        out.sort_by(|x, y| x.starts_on.cmp(&y.starts_on).then(x.title.cmp(&y.title)));
        Ok(out)
    }
}

/// The event's funnel row as report lines, and the lags (full report only).
fn funnel_lines(l: &Loaded, slug: &str, full: bool) -> (Vec<Line>, (Option<f64>, Option<f64>)) {
    let rows = l.memo("funnel|all".to_string(), || analytics::funnel::funnel(&l.data));
    let ev = l.event_slugs.iter().position(|s| s == slug);
    let st = rows.iter().find(|r| r.event.is_some() && r.event == ev).map(|r| r.stages.clone()).unwrap_or_default();
    let lines = [
        ("requested", st.requested),
        ("accepted", st.accepted),
        ("held", st.held),
        ("cooperation_possible", st.cooperation_possible),
        ("follow_up", st.follow_up),
        ("joint_project", st.joint_project),
    ]
    .into_iter()
    .map(|(name, n)| Line { name, count: Shown::of(n, full) })
    .collect();
    let lags = if full { (st.median_days_to_follow_up, st.median_days_to_project) } else { (None, None) };
    (lines, lags)
}

type ClustersOf = HashMap<domain::OrganisationId, Vec<String>>;

/// Participants by cluster, kind of organisation and country, and how many were in no cluster.
#[allow(clippy::type_complexity)]
fn who_came(
    participants: &[domain::EventParticipant],
    orgs: &HashMap<domain::OrganisationId, domain::Organisation>,
    clusters_of: &ClustersOf,
) -> (Vec<(String, u64)>, Vec<(Option<OrgKind>, u64)>, Vec<(Country, u64)>, u64) {
    let (mut by_cluster, mut by_kind, mut by_country) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut outside = 0;
    for p in participants {
        let org = p.organisation_id.and_then(|o| orgs.get(&o));
        *by_kind.entry(org.map(|o| o.kind)).or_insert(0) += 1;
        if let Some(o) = org {
            *by_country.entry(o.country).or_insert(0) += 1;
        }
        let cs = p.organisation_id.and_then(|o| clusters_of.get(&o)).cloned().unwrap_or_default();
        if cs.is_empty() {
            outside += 1;
        }
        for c in cs {
            *by_cluster.entry(c).or_insert(0) += 1;
        }
    }
    (ranked(by_cluster), ranked(by_kind), ranked(by_country), outside)
}

/// The held meetings of an event split by clusters, with the pairs of clusters they crossed.
struct Held<'a> {
    across: u64,
    within: u64,
    with_outside: u64,
    pairs: BTreeMap<(String, String), u64>,
    sides: Vec<(domain::MeetingId, &'a domain::EventParticipant, &'a domain::EventParticipant)>,
}

/// A meeting crosses clusters when both sides were in clusters that day and share none; a
/// side in two clusters counts for each pair it makes.
fn held_meetings<'a>(
    meetings: &[domain::EventMeeting],
    by_request: &HashMap<domain::RequestId, &domain::MeetingRequest>,
    side: &HashMap<domain::ParticipantId, &'a domain::EventParticipant>,
    clusters_of: &ClustersOf,
) -> Held<'a> {
    let mut h = Held { across: 0, within: 0, with_outside: 0, pairs: BTreeMap::new(), sides: Vec::new() };
    for m in meetings.iter().filter(|m| m.status == MeetingStatus::Held) {
        let Some(r) = by_request.get(&m.request_id) else { continue };
        let (Some(&a), Some(&b)) = (side.get(&r.from_participant), side.get(&r.to_participant)) else { continue };
        h.sides.push((m.id, a, b));
        let cl = |p: &domain::EventParticipant| {
            p.organisation_id.and_then(|o| clusters_of.get(&o)).cloned().unwrap_or_default()
        };
        let (ca, cb) = (cl(a), cl(b));
        if ca.is_empty() || cb.is_empty() {
            h.with_outside += 1;
        } else if ca.iter().any(|c| cb.contains(c)) {
            h.within += 1;
        } else {
            h.across += 1;
            let mut seen = HashSet::new();
            for x in &ca {
                for y in &cb {
                    let key = if x < y { (x.clone(), y.clone()) } else { (y.clone(), x.clone()) };
                    if seen.insert(key.clone()) {
                        *h.pairs.entry(key).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    h
}
