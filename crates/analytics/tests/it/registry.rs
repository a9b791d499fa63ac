//! Matrix, isolated members, KPIs and funnel on a registry small enough to check by hand:
//! three clusters, six organisations, four projects and one event (figures worked out in the
//! comments).

use analytics::funnel::{days, funnel};
use analytics::isolated::isolated;
use analytics::kpis::kpis;
use analytics::matrix::{matrix, Counts};
use analytics::{Cluster, Data, Event, Membership, Organisation, Participant, Project, ProjectKind, Request, Stage};

const ICT: usize = 0;
const HEALTH: usize = 1;
const MATERIALS: usize = 2;
const A: usize = 0;
const B: usize = 1;
const C: usize = 2;
const D: usize = 3;
const E: usize = 4;

fn org(id: i64, country: &str) -> Organisation {
    Organisation {
        id,
        name: format!("Org {id}"),
        country: country.into(),
        completeness: 0.5,
        updated: Some(20150101),
        ..Organisation::default()
    }
}

fn member(organisation: usize, cluster: usize, start: i32) -> Membership {
    Membership { organisation, cluster, start: Some(start), end: None }
}

fn project(id: i64, kind: ProjectKind, start: i32, partners: &[usize]) -> Project {
    Project {
        id,
        kind,
        start: Some(start),
        end: None,
        budget_eur: Some(1e6),
        partners: partners.to_vec(),
        clusters: vec![],
    }
}

fn request(from: usize, to: usize, stage: Stage) -> Request {
    Request {
        event: 0,
        from: Some(from),
        to: Some(to),
        requested_on: 20130901,
        stage,
        held_on: (stage == Stage::Held).then_some(20131010),
        cooperation_possible: false,
        follow_up_on: None,
    }
}

/// A (ict), B (health), C (ict, and health from 2012), D (Germany, no cluster), E (materials
/// from March 2014), F (France, no cluster).
fn registry() -> Data {
    let slug = |id: i64, s: &str| Cluster { id, slug: s.into() };
    let mut r0 = request(A, B, Stage::Held);
    r0.cooperation_possible = true;
    r0.follow_up_on = Some(20131201);
    Data {
        today: 20150630,
        home_country: "LU".into(),
        clusters: vec![slug(10, "ict"), slug(11, "health"), slug(12, "materials")],
        organisations: vec![org(1, "LU"), org(2, "LU"), org(3, "LU"), org(4, "DE"), org(5, "LU"), org(6, "FR")],
        memberships: vec![
            member(A, ICT, 20100101),
            member(B, HEALTH, 20100101),
            member(C, ICT, 20100101),
            member(C, HEALTH, 20120101),
            member(E, MATERIALS, 20140301),
        ],
        projects: vec![
            project(100, ProjectKind::EuFunded, 20120501, &[A, B]),
            project(101, ProjectKind::EuFunded, 20130201, &[A, D]),
            // C alone stands for ict and health: no joint project between them.
            project(102, ProjectKind::EuFunded, 20130601, &[C, E]),
            project(103, ProjectKind::Flagship, 20140110, &[A, B, E]),
        ],
        events: vec![Event { id: 1, slug: "forum-2013".into(), starts_on: 20131010, clusters: vec![ICT] }],
        participants: [(A, false), (B, false), (D, true), (E, true)]
            .into_iter()
            .map(|(o, guest)| Participant { event: 0, organisation: Some(o), guest })
            .collect(),
        requests: vec![r0, request(A, D, Stage::Held), request(B, E, Stage::Accepted), request(D, A, Stage::Requested)],
    }
}

fn counts(joint_projects: u64, held_meetings: u64, shared_members: u64) -> Counts {
    Counts { joint_projects, held_meetings, shared_members }
}

#[test]
fn matrix_counts_pairs_per_year_and_in_total_with_the_change() {
    let m = matrix(&registry(), 2012, 2014);
    let cell = |a, b, year| m.cells.iter().find(|c| c.a == a && c.b == b && c.year == year).unwrap();
    assert_eq!(m.years, vec![2012, 2013, 2014]);
    assert_eq!(m.cells.len(), 3 * 4, "three pairs, three years and the total");
    assert_eq!(cell(ICT, HEALTH, Some(2012)).counts, counts(1, 0, 1));
    assert_eq!(cell(ICT, HEALTH, Some(2012)).previous, counts(0, 0, 0));
    assert_eq!(cell(ICT, HEALTH, Some(2013)).counts, counts(0, 1, 1));
    assert_eq!(cell(ICT, HEALTH, Some(2013)).previous, counts(1, 0, 1));
    assert_eq!(cell(ICT, HEALTH, Some(2014)).counts, counts(1, 0, 1));
    assert_eq!(cell(ICT, MATERIALS, Some(2014)).counts, counts(1, 0, 0));
    assert_eq!(cell(HEALTH, MATERIALS, Some(2014)).counts, counts(1, 0, 0));
    assert_eq!(cell(ICT, HEALTH, None).counts, counts(2, 1, 1));
    assert_eq!(cell(ICT, HEALTH, None).previous, counts(0, 0, 0), "2009–2011: C was not in health yet");
    let out = |year| m.outside.iter().find(|o| o.year == year).unwrap();
    // 2013: A with D, and C with E (not a member before 2014); the meeting A–D.
    assert_eq!((out(Some(2013)).joint_projects, out(Some(2013)).held_meetings, out(Some(2013)).partners), (2, 1, 2));
    assert_eq!(out(Some(2014)).joint_projects, 0);
    assert_eq!(out(Some(2014)).previous_joint_projects, 2);
    assert_eq!(out(None).joint_projects, 2);
}

#[test]
fn isolated_members_had_nothing_across_clusters_lately() {
    let data = registry();
    let found = isolated(&data, 2);
    // C's last project across clusters is June 2013 (with E): over two years before June 2015.
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].organisation, C);
    assert_eq!(found[0].clusters, vec![ICT, HEALTH]);
    assert_eq!(found[0].last_cross_cluster, Some(20130601));
    assert!(isolated(&data, 3).is_empty(), "three years back reaches June 2013");
}

#[test]
fn kpis_of_the_five_fields() {
    let rows = kpis(&registry(), 2012, 2015);
    let value = |cluster: Option<usize>, year: i32, kpi: &str| {
        rows.iter().find(|r| r.cluster == cluster && r.year == year && r.kpi == kpi).map(|r| r.value)
    };
    assert_eq!(value(None, 2013, "members"), Some(3.0));
    assert_eq!(value(None, 2013, "meetings_held_per_member"), Some(2.0 / 3.0));
    assert_eq!(value(None, 2013, "meeting_requests_sent"), Some(4.0));
    assert_eq!(value(None, 2013, "meeting_requests_accepted"), Some(3.0));
    assert_eq!(value(None, 2013, "cross_border_meetings"), Some(1.0));
    assert_eq!(value(None, 2013, "projects_started"), Some(2.0));
    assert_eq!(value(None, 2013, "foreign_partner_project_share"), Some(0.5));
    assert_eq!(value(None, 2013, "partner_countries"), Some(1.0));
    assert_eq!(value(Some(ICT), 2014, "flagship_projects_started"), Some(1.0));
    assert_eq!(value(Some(ICT), 2014, "flagship_common_budget_eur"), Some(1e6));
    assert_eq!(value(Some(ICT), 2014, "multi_cluster_share"), Some(1.0));
    assert_eq!(value(None, 2014, "new_members"), Some(1.0));
    assert_eq!(value(Some(MATERIALS), 2014, "new_members"), Some(1.0));
    assert_eq!(value(Some(HEALTH), 2012, "new_members"), Some(1.0), "C joins health");
    assert_eq!(value(None, 2012, "new_members"), Some(0.0), "C was already a member");
    assert_eq!(value(None, 2013, "active_members"), Some(3.0));
    assert_eq!(value(None, 2013, "events"), Some(1.0));
    assert_eq!(value(Some(HEALTH), 2013, "events"), Some(0.0));
    assert_eq!(value(Some(ICT), 2013, "participants"), Some(4.0));
    assert_eq!(value(None, 2013, "guests"), Some(2.0));
    assert_eq!(value(None, 2013, "guests_became_members"), Some(1.0));
    assert_eq!(value(None, 2013, "meetings_per_participant"), Some(0.5));
    // Branding is a snapshot: only for the reference day's year.
    assert_eq!(value(None, 2014, "profile_completeness"), None);
    assert_eq!(value(None, 2015, "profile_completeness"), Some(0.5));
    assert_eq!(value(None, 2015, "profiles_fresh_share"), Some(1.0));
    let fields: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.field).collect();
    assert_eq!(fields.len(), 5);
}

#[test]
fn funnel_from_request_to_joint_project() {
    let data = registry();
    assert_eq!(days(20140110) - days(20131010), 92);
    assert_eq!(days(19700101), 0);
    let rows = funnel(&data);
    let event = &rows[0].stages;
    assert_eq!(rows[0].event, Some(0));
    assert_eq!(
        (event.requested, event.accepted, event.held, event.cooperation_possible, event.follow_up, event.joint_project),
        (4, 3, 2, 1, 1, 1)
    );
    assert_eq!(event.median_days_to_follow_up, Some(52.0));
    assert_eq!(event.median_days_to_project, Some(92.0), "the flagship with A and B, January 2014");
    let cluster = |k| rows.iter().find(|r| r.cluster == Some(k) && r.year == Some(2013)).unwrap();
    assert_eq!(cluster(ICT).stages.requested, 3);
    assert_eq!(cluster(HEALTH).stages.requested, 2);
}
